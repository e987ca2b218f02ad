#!/usr/bin/env python3
"""Counts systematic entity errors in contract JSON lines (regex heuristics:
orders of magnitude, not exact error rates). Adapted from the 2015-08 audit.
    python3 data/lexicons/tools/entity_counts.py OUT.jsonl [-v]"""
import json, re, sys, collections

docs = [json.loads(l) for l in open(sys.argv[1])]
verbose = "-v" in sys.argv
C = collections.Counter(); EX = collections.defaultdict(list)

def ex(k, s, n=8):
    C[k] += 1
    if len(EX[k]) < n: EX[k].append(s)

CUR = re.compile(r'^(ال)?(دولار|دولارا|دولارات|ريال|ريالا|ريالات|يوان|يورو|جنيه|جنيها|درهم|دينار|ين|روبل|ليرة|روبية)$')
ORGH = re.compile(r'(?<![\w])(?:[وبلف]|ل|لل|وال|بال)?(وزارة|هيئة|الهيئة|مجلس|المجلس|البنك|بنك|شركة|جامعة|منظمة|وكالة|صحيفة|مستشفى|الشؤون الصحية|الدفاع المدني|بلدية|أمانة|الغرفة التجارية|لجنة|اللجنة|نادي|النادي|جماعة|حزب|قوات|الجيش|شرطة|الشرطة|المديرية|مديرية|جمعية|الجمعية|مؤسسة|المؤسسة|معهد)(?=\s)')
TITLE = re.compile(r'^(الملك|الأمير|الامير|الرئيس|الشيخ|الدكتور|د\.|المهندس|اللواء|العميد|الفريق|خادم الحرمين الشريفين)\s')
PERLIKE = re.compile(r'(\sبن\s|^آل\s|\sآل\s|^(محمد|عبدالله|عبد الله|عبدالعزيز|عبد العزيز|أحمد|خالد|فهد|سعود|علي|صالح|ناصر|سلطان|فيصل)\s)')
for d in docs:
    t = d['text']; ents = d['entities']
    C['docs'] += 1
    cover = []
    for e in ents:
        C['entities'] += 1; C['entities ' + e['type']] += 1
        C['mentions'] += len(e['mentions'])
        n = e['name']
        for m in e['mentions']:
            cover.append((m['start'], m['end'], e['type']))
        if CUR.match(n):
            ex('E2 currency entity', n)
        if TITLE.match(n):
            ex('E7 title inside canonical name', n)
        if re.match(r'^(لل|ل(?=[أإ])|لح|لأ|لإ)', n) and not re.match(r'^(لبنان|لندن|ليبيا|لوس|لجنة|لاريجاني|لافروف|ليفيت|لي |لوكسمبورغ|لاتفيا|لاهاي|لاغوس|لشبونة|ليون|ليفربول|لايبزيغ)', n):
            ex('E7 canonical name starts with lam clitic', n)
        if re.match(r'^و(?!زارة|كالة|لي|ليد|ائل|فاء|جدي|ضاح|اشنطن|ارسو|يلز|ادي|ست|يتكوف|هران|وهان)', n) and len(n.split()) == 1:
            ex('E7 canonical name starts with wa', n)
        if e['type'] == 'LOC' and PERLIKE.search(n):
            ex('E3 person-like name typed LOC', n)
        if e['type'] == 'PER' and re.match(r'^(غابة|منتزه|استاد|ملعب|حي|قرية)\s', n):
            ex('E3 place head inside PER name', n)
    # split coreference
    pers = [e for e in ents if e['type'] == 'PER']
    for a in pers:
        for b in pers:
            if a is b: continue
            ta = a['name'].split(); tb = b['name'].split()
            if len(ta) == 1 and len(tb) >= 2 and ta[0] in (tb[-1], tb[0]):
                ex('E5 PER split: short name separate from full name', a['name'] + ' / ' + b['name'])
    for a in ents:
        if a['type'] == 'PER' and ('عبد ' in a['name'] or 'أبو ' in a['name']):
            k = a['name'].replace('عبد ', 'عبد').replace('أبو ', 'أبو')
            if any(x is not a and x['name'].replace('عبد ', 'عبد').replace('أبو ', 'أبو') == k for x in ents):
                ex('E5 split عبد/أبو spacing', a['name'])
    # ORG head coverage
    for m in ORGH.finditer(t):
        s = m.start(1)
        C['E1 org-head occurrences'] += 1
        if not any(a <= s < b and ty == 'ORG' for a, b, ty in cover):
            ex('E1 org head not inside an ORG mention', t[max(0, s - 10):s + 40].replace('\n', ' '))
    if re.search(r'(?<!\w)[وب]?الأزهر(?!\w)', t):
        C['E1 docs with الأزهر'] += 1
        if not any(e['name'] in ('الأزهر', 'الأزهر الشريف') for e in ents):
            ex('E1 الأزهر missed', d['id'])
for k in sorted(C):
    print(f'{C[k]:7d}  {k}')
if verbose:
    for k, v in EX.items():
        print('##', k)
        for x in v: print('    ', x)

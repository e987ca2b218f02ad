#!/usr/bin/env python3
"""Builds data/lexicons/entities_common.tsv: words that SaudiNewsNet mostly
writes with the article (الشجار, الدولار, السيلفي), i.e. common nouns, which
a single-token entity found only by the model must not be.
Run from the repository root:
    python3 data/lexicons/tools/gen_common_words.py [../shared]
A word w is listed when "ال"+w occurs at least MIN_DEF times and at least
RATIO times as often as bare w, and w itself at least MIN_BARE times: foreign
names and brands almost never take the article (ترامب 0, تشيلسي 0, سابك 0),
common nouns do (شجار 15/15, سيلفي 61/120, يوان 22/65). Counts are of
normalised tokens as rasd_text::normalize_key writes them, proclitics
و/ف/ب/ك before the article stripped, لل read as ال."""
import collections, json, os, re, sys, zipfile, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(OUT, "..", "..", "..", "shared")
MIN_DEF, RATIO, MIN_BARE = 5, 0.25, 5

def norm(s):
    out = []
    for c in unicodedata.normalize("NFKC", s):
        o = ord(c)
        if 0x064B <= o <= 0x065F or o == 0x0670 or o == 0x0640:
            continue
        if c in "أإآٱ": c = "ا"
        elif c == "ى": c = "ي"
        elif c == "ک": c = "ك"
        elif c in "یې": c = "ي"
        out.append(c)
    return "".join(out)

TOK = re.compile(r"[\u0621-\u064A]+")
bare = collections.Counter(); defi = collections.Counter()
d = os.path.join(SHARED, "data", "news", "saudinewsnet", "dataset")
for z in sorted(os.listdir(d)):
    if not z.endswith(".zip"):
        continue
    with zipfile.ZipFile(os.path.join(d, z)) as zf:
        for name in zf.namelist():
            try:
                items = json.loads(zf.read(name).decode("utf-8"))
            except Exception:
                continue
            for it in items:
                for w in TOK.findall(norm(it.get("content") or "")):
                    for p in ("وبال", "فبال", "وال", "فال", "بال", "كال", "ال"):
                        if w.startswith(p) and len(w) - len(p) >= 3:
                            defi[w[len(p):]] += 1
                            break
                    else:
                        if w.startswith("لل") and len(w) >= 5:
                            defi[w[2:]] += 1
                        else:
                            bare[w] += 1
rows = []
for w, n in defi.items():
    if n >= MIN_DEF and n >= RATIO * bare.get(w, 0) and bare.get(w, 0) >= MIN_BARE and len(w) >= 3:
        rows.append((w, bare.get(w, 0), n))
rows.sort()
with open(os.path.join(OUT, "entities_common.tsv"), "w", encoding="utf-8") as f:
    f.write("# version: 1\n# source: SaudiNewsNet (parallelfold/SaudiNewsNet), all zips: words written with the article at least %d times and %.2fx as often as bare (bare at least %d times); data/lexicons/tools/gen_common_words.py\n# licence: derived from CC BY-NC-SA 4.0 data (word counts only, no text)\n# word\tbare\tdefinite\n" % (MIN_DEF, RATIO, MIN_BARE))
    for w, b, n in rows:
        f.write("%s\t%d\t%d\n" % (w, b, n))
print(len(rows), "words")

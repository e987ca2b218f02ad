#!/usr/bin/env python3
"""Builds data/lexicons/entities_*.tsv from the hand-edited sources in this folder
and the shared ANERGazet lists. Run from the repository root:
    python3 data/lexicons/src/gen_entities.py [../shared]
Keys are normalised like rasd_text::normalize_key (the crate's tests check it)."""
import os, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(OUT, "..", "..", "..", "shared")
AMBIGUOUS_PLACES = set("مالي عمان قطر جنين حماة حائل عسير الأقصر مأرب الزرقاء العقبة صوفيا بنين جورجيا".split())

def norm(s):
    s = unicodedata.normalize("NFKC", s)
    out = []
    for c in s:
        o = ord(c)
        if 0x064B <= o <= 0x065F or o == 0x0670 or o == 0x0640 or 0x200B <= o <= 0x200F or o == 0xFEFF:
            continue
        if c in "أإآٱ":
            c = "ا"
        elif c == "ى":
            c = "ي"
        elif c == "ک":
            c = "ك"
        elif c in "یې":
            c = "ي"
        out.append(c)
    return " ".join("".join(out).split())

def rows(name):
    for line in open(os.path.join(HERE, name), encoding="utf-8"):
        line = line.rstrip("\n")
        if line and not line.startswith("#"):
            yield line.split("|")

def write(name, header_cols, source, rows_, licence="MIT OR Apache-2.0"):
    uniq = {}
    for r in rows_:
        uniq.setdefault(r[0], r)  # first spelling wins
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("# version: 1\n# source: %s\n# licence: %s\n" % (source, licence))
        f.write("# " + "\t".join(header_cols) + "\n")
        for k in sorted(uniq):
            f.write("\t".join(uniq[k]) + "\n")

def spellings(field):
    for s in field.split("/"):
        use = "lex"
        kind = "full"
        if s.startswith("?"):
            s, use = s[1:], "amb"
        if s.startswith("+"):
            s, kind = s[1:], "short"
        yield norm(s), use, kind

# places
places = []
for iso, en, ar, cap_en, cap_ar in rows("countries.txt"):
    for k, use, _ in spellings(ar):
        places.append([k, "LOC", iso, "-", en, "country", "amb" if k in AMBIGUOUS_PLACES else use])
    for k, use, _ in spellings(cap_ar):
        places.append([k, "LOC", iso, "-", cap_en, "capital", "amb" if k in AMBIGUOUS_PLACES else use])
for iso, en, ar in rows("cities.txt"):
    for k, use, _ in spellings(ar):
        places.append([k, "LOC", iso, "-", en, "city", "amb" if k in AMBIGUOUS_PLACES else use])
for kind, en, ar in rows("regions.txt"):
    for k, use, _ in spellings(ar):
        places.append([k, "LOC", "-", "-", en, kind, use])
cols = ["key", "type", "country", "sector", "name_en", "kind", "use"]
write("entities_places.tsv", cols, "rasd team (countries, capitals, major cities, regions; ISO 3166-1 alpha-3)", places)

orgs = []
for iso, sector, en, ar in rows("orgs.txt"):
    for k, use, _ in spellings(ar):
        orgs.append([k, "ORG", iso, sector, en, "org", use])
write("entities_orgs.tsv", cols, "rasd team (governments' bodies, IGOs, armed groups, parties, media, platforms; CAMEO sectors)", orgs)

pers = []
for iso, sector, en, ar in rows("persons.txt"):
    for k, use, kind in spellings(ar):
        pers.append([k, "PER", iso, sector, en, kind, use])
write("entities_persons.tsv", cols, "rasd team (prominent political figures, 2015-2025)", pers)

nat = []
for iso, ar in rows("nationalities.txt"):
    for k, _, _ in spellings(ar):
        nat.append([k, iso])
# the regular nisba of every one-word country name (الكاميرون → كاميروني,
# فرنسا → فرنسي, ألمانيا → ألماني, السعودية → سعودي); hand-written forms win
def nisba(name):
    if " " in name:
        return None
    if name.startswith("ال") and len(name) > 4:
        name = name[2:]
    if name.endswith("ي"):
        return None
    if name.endswith("يا"):
        return name[:-1]
    if name.endswith("ا"):
        return name[:-1] + "ي"
    if name.endswith("ة"):
        return name[:-1]
    return name + "ي"
for iso, en, ar, cap_en, cap_ar in rows("countries.txt"):
    for k, use, _ in spellings(ar):
        adj = nisba(k)
        if adj and len(adj) >= 4:
            nat.append([adj, iso])
write("entities_nationalities.tsv", ["adjective", "country"], "rasd team (nationality adjectives -> ISO 3166-1 alpha-3)", nat)

titles = []
for kind, sector, ar in rows("titles.txt"):
    for k, _, _ in spellings(ar):
        titles.append([k, kind, sector])
write("entities_titles.tsv", ["key", "kind", "sector"], "rasd team (titles, organisation and place heads; CAMEO sectors)", titles)

# ANERGazet: one name a line; '====' and '****' separate groups
gaz = []
for fname, ty in (("pers.txt", "PER"), ("loc.txt", "LOC"), ("org.txt", "ORG")):
    p = os.path.join(SHARED, "data", "ner", "ANERGazet", fname)
    for line in open(p, encoding="utf-8", errors="replace"):
        k = norm(line.strip())
        if not k or k.startswith("==") or k.startswith("**") or "\ufffd" in k or len(k) < 2:
            continue
        gaz.append([k + "\t" + ty])
gaz = sorted(set(g[0] for g in gaz))
with open(os.path.join(OUT, "entities_anergazet.tsv"), "w", encoding="utf-8") as f:
    f.write("# version: 1\n# source: ANERGazet (Benajiba 2007) via ITE-5th/arabic-ner, normalised\n# licence: research use, none stated\n# key\ttype\n")
    for g in gaz:
        f.write(g + "\n")

# organisation chunker heads (annotate/orgs.rs): key, sector, form
heads = []
for sector, form, ar in rows("org_heads.txt"):
    for k, _, _ in spellings(ar):
        heads.append([k, sector, form])
write("entities_org_heads.tsv", ["key", "sector", "form"], "rasd team (organisation name heads for the chunker; CAMEO sectors, HLH for health)", heads)

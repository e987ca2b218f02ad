#!/usr/bin/env python3
"""Builds data/lexicons/entities_actors.tsv from UniversalPetrarch's Arabic actor
dictionary (shared/data/lexicons/upetrarch-ar/actor_dict_ar_v4.txt).
    python3 data/lexicons/src/gen_actors.py [../shared]
Each name becomes a *lemma key*: words split on '_'/space, normalised like
rasd_text::normalize_key, then folded per word (article ال dropped, final ة
dropped) — the crate folds text the same way before lookup. Date ranges are kept
as written (YYYYMMDD, '-' when open); an end before the start (the dictionary's
18000101 sentinel) means open-ended."""
import os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_entities import norm, OUT, SHARED

def fold_word(w):
    if w.startswith("ال") and len(w) > 3:
        w = w[2:]
    elif w.startswith("لل") and len(w) > 3:
        w = w[2:]
    if w.endswith("ة") and len(w) > 2:
        w = w[:-1]
    return w

def lemma_key(name):
    words = [w for w in re.split(r"[_\s]+", norm(name)) if w and w != "-"]
    out = []
    for w in words:
        # عبدالله / عبد الله are one name written two ways
        if w.startswith("عبد") and len(w) > 4:
            out += ["عبد", fold_word(w[3:])]
        else:
            out.append(fold_word(w))
    return " ".join(out)

CODE = re.compile(r"\[([A-Z]+)(?:\s+([<>]?\d{8})(?:-(\d{8}))?)?\s*\]")
src = os.path.join(SHARED, "data", "lexicons", "upetrarch-ar", "actor_dict_ar_v4.txt")
rows = set()
cur = None
for raw in open(src, encoding="utf-8", errors="replace"):
    line = raw.rstrip("\n")
    if not line.strip():
        continue
    if not line.startswith("\t"):
        name = CODE.split(line)[0] if "[" in line else line
        name = line.split("[")[0].strip()
        key = lemma_key(name)
        cur = key if len(key) >= 2 and "\ufffd" not in key and re.search("[\u0621-\u064a]", key) else None
    if cur is None:
        continue
    for m in CODE.finditer(line):
        code, d1, d2 = m.group(1), m.group(2), m.group(3)
        start, end = "-", "-"
        if d1:
            if d1.startswith(">"):
                start = d1[1:]
            elif d1.startswith("<"):
                end = d1[1:]
            else:
                start = d1
                if d2 and d2 >= d1:
                    end = d2
        rows.add((cur, code, start, end))
with open(os.path.join(OUT, "entities_actors.tsv"), "w", encoding="utf-8") as f:
    f.write("# version: 1\n# source: UniversalPetrarch Arabic actor dictionary actor_dict_ar_v4.txt (openeventdata/UniversalPetrarch, branch arabic), lemma keys\n# licence: MIT\n# lemma_key\tcode\tfrom\tto\n")
    for r in sorted(rows):
        f.write("\t".join(r) + "\n")
print(len(rows))

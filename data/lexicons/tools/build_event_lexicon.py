#!/usr/bin/env python3
"""Rebuild data/lexicons/event_triggers.tsv.

Sources:
  * UniversalPetrarch's Arabic CAMEO verb dictionary (CAMEO.ar.0.5.txt, MIT),
  * the CAMEO -> PLOVER conversion table (CAMEO2PLOVER-2021.txt),
  * the hand-curated supplement data/lexicons/event_curated.tsv (nouns that
    news uses, multiword triggers, corrections; an upetrarch lemma it does
    not list (KEEP or recoded) is dropped; an optional 7th column holds sense constraints, copied
    to the 8th column of the output).

Cleaning applied to the upetrarch verbs:
  * only verb lines that carry their own CAMEO code, plus block head lemmas
    whose block carries a code (synonyms inheriting a block code are too noisy);
  * CAMEO 01 (public statements) is dropped: statements are quotes, not events;
  * CAMEO 02 (appeal) maps to REQUEST (PLOVER folds APPEAL into REQUEST);
  * codes are mapped to PLOVER category/mode with the conversion table,
    falling back to the 3- then 2-digit parent code;
  * keys are Match-normalised (diacritics dropped, alef/yeh folded), '+'
    becomes a space; one- and two-letter keys are dropped.

Usage (from the repository root):
  python3 data/lexicons/tools/build_event_lexicon.py ../shared
"""
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SHARED = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared"
UPETRARCH = SHARED / "data/lexicons/upetrarch-ar/CAMEO.ar.0.5.txt"
TABLE = SHARED / "spec/CAMEO2PLOVER-2021.txt"
CURATED = ROOT / "data/lexicons/event_curated.tsv"
OUT = ROOT / "data/lexicons/event_triggers.tsv"

CATEGORIES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}


def normalize_key(s: str) -> str:
    """Same folding as rasd_text::normalize_key (Match preset)."""
    s = unicodedata.normalize("NFKC", s)
    out = []
    for c in s:
        o = ord(c)
        if 0x064B <= o <= 0x065F or o == 0x0670 or c == "\u0640":
            continue
        c = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ک": "ك", "ی": "ي",
             "ی": "ي", "ە": "ه"}.get(c, c)
        if "\u0660" <= c <= "\u0669":
            c = chr(ord("0") + ord(c) - 0x0660)
        if "\u06F0" <= c <= "\u06F9":
            c = chr(ord("0") + ord(c) - 0x06F0)
        out.append(c)
    return re.sub(r"\s+", " ", "".join(out)).strip()


def load_table():
    table = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?", line)
        if not m or m.group(2) not in CATEGORIES:
            continue
        mode = (m.group(3) or "").strip() or "-"
        table.setdefault(m.group(1), (m.group(2), mode))
    return table


def plover(code, table):
    if code.startswith("01"):
        return None
    if code.startswith("02"):
        return ("REQUEST", "-")
    for k in (code, code[:3], code[:2]):
        if k in table:
            return table[k]
    return None


def upetrarch_entries(table):
    text = UPETRARCH.read_text(encoding="utf-8").splitlines()
    start = next(i for i, l in enumerate(text) if "VERB PATTERNS" in l)
    entries = {}
    block_code = None
    for line in text[start + 1:]:
        m = re.match(r"^---\s+(.*?)\s+\[(.*?)\]\s+---", line)
        if m:
            block_code = m.group(2) if re.fullmatch(r"\d{2,4}", m.group(2)) else None
            if block_code:
                add(entries, m.group(1), block_code, table)
            continue
        if not line.strip() or line[0] in "-#&+ ":
            continue
        m = re.match(r"^(\S+)\s*\[(\d{2,4})\]", line)
        if m:
            add(entries, m.group(1), m.group(2), table)
    return entries


def add(entries, lemma, code, table):
    key = normalize_key(lemma.replace("+", " ").replace("_", " "))
    if not key or len(key.split(" ")[0]) < 3 or not re.fullmatch(r"[\u0621-\u064A ]+", key):
        return
    p = plover(code, table)
    if p is None:
        return
    # the first code seen for a lemma wins (the dictionary lists the main sense first)
    entries.setdefault((key, "V"), (p[0], p[1], code, "0.7", "upetrarch", "-"))


def main():
    table = load_table()
    entries = upetrarch_entries(table)
    kept = {}
    for line in CURATED.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        key, pos, cat, mode, cameo, weight = f[:6]
        sense = f[6] if len(f) > 6 and f[6].strip() else "-"
        k = (normalize_key(key), pos)
        if cat == "KEEP":
            if k in entries:
                kept[k] = entries[k][:5] + (sense,)
            else:
                print(f"warning: KEEP {key} not in upetrarch", file=sys.stderr)
            continue
        if k in entries and cameo == "-":
            cameo = entries[k][2]
        origin = "upetrarch+curated" if k in entries else "curated"
        kept[k] = (cat, mode, cameo, weight, origin, sense)
    print(f"upetrarch: {len(entries)} coded lemmas, "
          f"{sum(1 for k in entries if k in kept)} kept after review", file=sys.stderr)
    entries = kept
    rows = sorted(f"{k}\t{p}\t{c}\t{m}\t{code}\t{w}\t{o}\t{s}"
                  for (k, p), (c, m, code, w, o, s) in entries.items())
    header = [
        "# version: 1",
        "# source: UniversalPetrarch CAMEO.ar.0.5.txt (openeventdata, branch arabic) mapped with "
        "CAMEO2PLOVER-2021.txt, cleaned, plus data/lexicons/event_curated.tsv; "
        "rebuilt by data/lexicons/tools/build_event_lexicon.py",
        "# licence: MIT (upetrarch dictionaries); curated entries MIT OR Apache-2.0",
        "# key\tpos (V verb lemma, N noun, X exact form; words after the first are context words, "
        "'|' alternatives, '*' prefix match, '...' a gap of up to 3 words)\tcategory\tmode\tcameo\tweight\torigin\t"
        "sense (';'-separated next:/prev:/!next:/!prev: word alternatives that select the event sense of a homograph, !word: forms of the matched word that are another word, '-' none)",
    ]
    OUT.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} entries", file=sys.stderr)


if __name__ == "__main__":
    main()

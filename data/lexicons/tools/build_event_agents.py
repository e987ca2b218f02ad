#!/usr/bin/env python3
"""Rebuild data/lexicons/event_agents.tsv (nominal actors for CAMEO-style codes).

Sources:
  * UniversalPetrarch's Arabic agents dictionaries (agents.all.ar_v3.txt:
    `arabic_words [~CODE]`; agents.all.ar.txt: `ENGLISH_NAME [~CODE] arabic`; MIT),
  * the hand-curated list data/lexicons/src/event_agents_curated.tsv
    (`key kind code origin`; kind `none` blocks a word that an ending would
    otherwise make an agent: تجارة is trade, not تجار traders).

The dictionaries are noisy (رئيس→BUS, تجمع→BUS, عمل→BUS, موقع→MED, طائرة→CVL),
so nothing is taken from them automatically: every entry of the output is a
curated line. A line whose origin is `upetrarch` must be found in the
dictionaries (same words after dropping the article and plural/feminine
endings); the script fails otherwise, and it prints every curated code that
differs from the dictionary's (recodings to the GSR span conventions), so the
curation stays checkable against the source. `rasd` lines are additions
(broken plurals, nationality adjectives, words the dictionaries lack).

Checks: keys Match-normalised (as rasd_text::normalize_key: diacritics and
tatweel dropped, أإآٱ→ا, ى→ي; ة kept), kinds sector|country, codes three
capitals, no key listed twice with different codes.

Usage (from the repository root):
  python3 data/lexicons/tools/build_event_agents.py ../shared
"""
import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SHARED = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared"
DICT_DIR = SHARED / "data/lexicons/upetrarch-ar"
CURATED = ROOT / "data/lexicons/src/event_agents_curated.tsv"
OUT = ROOT / "data/lexicons/event_agents.tsv"

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f\u202a-\u202e]")


def normalize_key(s: str) -> str:
    """Match normalisation (the subset of rasd_text::normalize_key that Arabic keys need)."""
    s = DIACRITICS.sub("", s)
    s = re.sub("[أإآٱ]", "ا", s)
    s = s.replace("ى", "ي").replace("ک", "ك").replace("ی", "ي")
    return " ".join(s.split())


ENDINGS = ("يين", "يون", "ين", "ون", "ات", "ة", "ان", "ا", "ي", "و")


def reduce_word(w: str) -> str:
    """A comparison form: article and one plural/feminine/case ending dropped."""
    for art in ("وال", "بال", "لل", "ال"):
        if w.startswith(art) and len(w) - len(art) >= 3:
            w = w[len(art):]
            break
    for e in ENDINGS:
        if w.endswith(e) and len(w) - len(e) >= 3:
            return w[: -len(e)]
    return w


def reduce_phrase(p: str) -> tuple:
    return tuple(reduce_word(w) for w in p.split())


def dictionary():
    """Reduced dictionary phrase -> set of codes, from both agents files."""
    out = collections.defaultdict(set)

    def add(arabic: str, code: str):
        for part in re.split("[/—\\-،,]", arabic):
            part = normalize_key(part.replace("_", " ")).strip()
            if part and re.search("[\u0600-\u06ff]", part):
                out[reduce_phrase(part)].add(code)

    for line in (DICT_DIR / "agents.all.ar_v3.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\s*([^\[#]+?)\s*\[~?([A-Z]*)~?\]", line)
        if m:
            add(m.group(1), m.group(2))
    for line in (DICT_DIR / "agents.all.ar.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = re.match(r"^(\S.*?)\s*\[~?([A-Z]*)~?\]?\s*(.*)$", line)
        if m:
            add(m.group(3).split("#")[0], m.group(2))
    return out


def main():
    dic = dictionary()
    rows = {}
    errors = []
    recoded = []
    for n, line in enumerate(CURATED.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) != 4:
            errors.append(f"line {n}: expected 4 fields: {line!r}")
            continue
        key, kind, code, origin = f
        if normalize_key(key) != key:
            errors.append(f"line {n}: key not normalised: {key!r}")
        if kind not in ("sector", "country", "none"):
            errors.append(f"line {n}: unknown kind {kind!r}")
        if kind == "none":
            if code != "-" or " " in key:
                errors.append(f"line {n}: a blocked word is one word with code '-'")
        elif not re.fullmatch("[A-Z]{3}", code):
            errors.append(f"line {n}: bad code {code!r}")
        if origin == "upetrarch":
            codes = dic.get(reduce_phrase(key))
            if codes is None:
                errors.append(f"line {n}: {key!r} is not in the upetrarch agents dictionaries")
            elif not any(c.startswith(code) or c.endswith(code) for c in codes):
                recoded.append(f"  {key}\t{'/'.join(sorted(codes))} -> {code}")
        elif origin != "rasd":
            errors.append(f"line {n}: unknown origin {origin!r}")
        prev = rows.get(key)
        if prev and prev != (kind, code):
            errors.append(f"line {n}: {key!r} listed twice with different codes")
        rows[key] = (kind, code)
    if errors:
        sys.exit("\n".join(errors))
    header = [
        "# version: 2",
        "# source: built by data/lexicons/tools/build_event_agents.py from data/lexicons/src/"
        "event_agents_curated.tsv (curated from UniversalPetrarch's Arabic agents dictionaries, "
        "MIT, plus rasd additions) — nominal actors (sector nouns, multiword sector phrases) and "
        "nationality adjectives for CAMEO-style actor codes of events without a named entity",
        "# licence: MIT OR Apache-2.0",
        "# key (Match-normalised; article, clitics and plural/feminine/case endings are stripped "
        "when matching; a key with spaces is a phrase)\tkind (sector|country|none: a blocked word)\tcode",
    ]
    lines = [f"{k}\t{kind}\t{code}" for k, (kind, code) in sorted(rows.items())]
    OUT.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    counts = collections.Counter(
        (kind, code if kind == "sector" else "*") for kind, code in rows.values()
    )
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} entries")
    for (kind, code), c in sorted(counts.items()):
        print(f"  {kind:7} {code}: {c}")
    phrases = sum(1 for k in rows if " " in k)
    print(f"  multiword: {phrases}")
    if recoded:
        print("recoded against the dictionaries:")
        print("\n".join(recoded))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Rebuild tests/gold/events/random_dev.jsonl and random_heldout.jsonl: a
random-sample event gold over ordinary SaudiNewsNet body text.

Unlike gold.jsonl (event-dense lead sentences picked by the coder's author),
the sentences here are drawn by a fixed, seeded procedure, so the figures
estimate what a user meets on ordinary article text, sentences with no event
included:

1. every article of every zip in ../shared/data/news/saudinewsnet/dataset/
   (zips in name order, articles in array order; 27,644 articles), minus the
   articles already in gold.jsonl / heldout.jsonl;
2. `random.Random(SEED)` draws an article uniformly; its `content` is cut
   into sentences by `sentences()` below (a run of text ending at . ! ? ؟ or
   a line break); sentences of fewer than MIN_WORDS or more than MAX_WORDS
   words (bylines, headings, unpunctuated run-on paragraphs) are dropped and
   one of the rest is drawn uniformly (an article with none is redrawn);
3. N sentences are drawn (one per article); draw k goes to random_dev.jsonl
   when k is even, to random_heldout.jsonl when k is odd.

The events of each sentence (ANN below, keyed by draw number) were coded
blind — from the sentence and its article, before rasd's output for it was
looked at — following the PLOVER manual and the rules in README.md.
Only locators, hashes, the sentence window (`from`/`upto`, code points) and
the trigger words are written (SaudiNewsNet is CC BY-NC-SA).

Usage (from the repository root):
  python3 tests/gold/events/build_random.py ../shared          # write the gold
  python3 tests/gold/events/build_random.py ../shared --show   # print the draws (for annotating; never commit)
"""
import hashlib
import json
import random
import re
import sys
import zipfile
from pathlib import Path

SHARED = Path(sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "../shared")
HERE = Path(__file__).parent
SEED = 20261130
N = 60
MIN_WORDS = 5
MAX_WORDS = 80

# draw number -> events of the sentence, each (type, mode, aux, trigger text,
# occurrence of that text within the sentence, actor codes)
ANN = {
    0: [], 1: [], 2: [],
    3: [("AGREE", None, None, "المحادثات", 0, ["AFGGOV"])],  # talks scheduled: a future meeting
    4: [],
    5: [("ACCUSE", "disapprove", None, "انتقادات", 0, [])],
    6: [("REJECT", None, None, "رفض", 0, ["SAUGOV"])],  # a minister refuses to answer reporters
    7: [], 8: [], 9: [], 10: [], 11: [], 12: [], 13: [], 14: [],
    15: [("CONSULT", None, None, "بحث", 0, ["SAUGOV"])],
    16: [], 17: [], 18: [], 19: [],
    20: [
        ("CONSULT", None, None, "النقاش", 0, []),
        ("AGREE", None, None, "اتُّفق", 0, []),  # a meeting agreed for next month
    ],
    21: [("SUPPORT", None, None, "الشكر", 0, ["SAUGOV"])],  # commends an actor's action
    22: [], 23: [], 24: [], 25: [],
    26: [("ASSAULT", "suicide-attack", "historical", "فجرت", 0, [])],
    27: [], 28: [],
    29: [
        ("CONSULT", None, None, "استقباله", 0, []),
        ("REQUEST", None, None, "حث", 0, ["SAUGOV"]),
    ],
    30: [("ASSAULT", None, None, "المواجهات", 0, [])],  # an official touring a city is no visit
    31: [("CONSULT", "visit", None, "الزيارة", 0, ["SYRGOV"])],
    32: [], 33: [],
    34: [("ACCUSE", "allege", "future", "سيحاكم", 0, [])],  # bring to trial
    35: [
        ("ACCUSE", "disapprove", None, "ووصف", 0, ["SAUGOV"]),
        ("ASSAULT", "explosives", None, "التفجير", 0, []),
    ],
    36: [], 37: [], 38: [],
    39: [("AID", None, None, "البرامج الإنسانية", 0, ["SAUGOV"])],
    40: [], 41: [],
    42: [],  # an official visiting an orphanage, praising an idea: no political event
    43: [],
    44: [
        ("ACCUSE", "disapprove", None, "الانتقادات", 0, ["USALEG"]),
        ("ACCUSE", "disapprove", None, "هجوما", 0, ["USALEG"]),
        ("ACCUSE", "allege", None, "وشكك", 0, ["USALEG"]),
    ],
    45: [], 46: [],
    47: [],  # a cultural society's director rejects critics' view: no political event
    48: [], 49: [],
    50: [("SUPPORT", None, None, "تهنئة", 0, ["SAUGOV"])],
    51: [],  # a football coach resigns: no official
    52: [
        ("THREATEN", "violence", None, "توعدت", 0, []),
        ("REQUEST", None, None, "ودعت", 0, []),
    ],
    53: [
        ("COERCE", None, None, "اقتحم", 0, []),  # armed men burst into a meeting
        ("REQUEST", None, None, "تدعو", 0, []),
    ],
    54: [("CONSULT", None, None, "اللقاء", 0, ["SAUGOV"])],
    55: [("REQUEST", None, None, "ضرورة", 0, ["IRQLEG"])],  # stressed the need for a conference
    56: [], 57: [], 58: [], 59: [],
}


def sentences(text):
    """(start, end) code-point windows: runs ending at . ! ? ؟ or a line break."""
    out = []
    start = 0
    for m in re.finditer(r"[.!?؟]+(?=\s|$)|\n", text):
        end = m.end()
        out.append((start, end))
        start = end
    if start < len(text):
        out.append((start, len(text)))
    res = []
    for s, e in out:
        # trim the window to its non-space content
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            res.append((s, e))
    return res


def words(s):
    return len(re.findall(r"[\u0621-\u064A]+", s))


def corpus():
    arts = []
    for zp in sorted((SHARED / "data/news/saudinewsnet/dataset").glob("*.zip")):
        z = zipfile.ZipFile(zp)
        for i, rec in enumerate(json.load(z.open(z.namelist()[0]))):
            arts.append((zp.name, i, rec))
    return arts


def already_in_gold():
    seen = set()
    for name in ("gold.jsonl", "heldout.jsonl"):
        for line in (HERE / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                g = json.loads(line)
                seen.add((g["file"], g.get("index")))
    return seen


def draws():
    arts = [a for a in corpus() if (a[0], a[1]) not in already_in_gold()]
    rng = random.Random(SEED)
    out = []
    used = set()
    while len(out) < N:
        file, index, rec = arts[rng.randrange(len(arts))]
        if (file, index) in used:
            continue
        text = rec["content"]
        sents = [(s, e) for s, e in sentences(text) if MIN_WORDS <= words(text[s:e]) <= MAX_WORDS]
        if not sents:
            continue
        used.add((file, index))
        s, e = sents[rng.randrange(len(sents))]
        out.append((file, index, rec, s, e))
    return out


def main():
    ds = draws()
    if "--show" in sys.argv:
        for k, (file, index, rec, s, e) in enumerate(ds):
            split = "dev" if k % 2 == 0 else "heldout"
            print(f"## {k} {split} {file}:{index} [{s},{e})  {rec.get('title', '')}")
            print(rec["content"][s:e])
            print()
        return
    lines = {"dev": [], "heldout": []}
    nev = {"dev": 0, "heldout": 0}
    for k, (file, index, rec, s, e) in enumerate(ds):
        if k not in ANN:
            sys.exit(f"draw {k} ({file}:{index}) is not annotated")
        text = rec["content"]
        sent = text[s:e]
        out = []
        for kind, mode, aux, trig, occ, codes in ANN[k]:
            starts = [m.start() for m in re.finditer(re.escape(trig), sent)]
            if len(starts) <= occ:
                sys.exit(f"draw {k}: trigger {trig!r} #{occ} not in the sentence")
            t = s + starts[occ]
            out.append({"type": kind, "mode": mode, "aux": aux, "start": t, "end": t + len(trig),
                        "text": trig, "actor_codes": codes})
        rec_out = {"file": file, "index": index, "url": rec.get("url"),
                   "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                   "from": s, "upto": e, "draw": k, "events": out}
        split = "dev" if k % 2 == 0 else "heldout"
        lines[split].append(json.dumps(rec_out, ensure_ascii=False, sort_keys=True))
        nev[split] += len(out)
    for split, ls in lines.items():
        path = HERE / f"random_{split}.jsonl"
        path.write_text("\n".join(ls) + "\n", encoding="utf-8")
        print(f"{path}: {len(ls)} sentences, {nev[split]} events", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Rebuild tests/gold/events/gold.jsonl from the annotations below.

Each annotation names an article by locator (SaudiNewsNet zip + array index,
or the seed file) and lists the PLOVER events a careful analyst codes in the
article's lead sentence (the seed: the whole article), each as
(type, mode, aux, trigger text, occurrence of that text, actor codes).
Offsets are computed here, in code points, against the text in ../shared;
only locators, hashes, offsets and the trigger words are written (the
articles themselves are CC BY-NC-SA and never committed).

Usage (from the repository root): python3 tests/gold/events/build_gold.py ../shared
"""
import hashlib
import json
import re
import sys
import zipfile
from pathlib import Path

SHARED = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared")
OUT = Path(__file__).with_name("gold.jsonl")

# (file, index, events, whole_doc)
ANN = [
    ("2015-07-21.zip", 7, [("ASSAULT", "explosives", None, "انفجارات", 0, [])], False),
    ("2015-07-21.zip", 42, [("SUPPORT", None, None, "الضوء الأخضر", 0, ["IGO"])], False),
    ("2015-07-21.zip", 63, [("COERCE", "arrest", None, "القبض", 0, ["SAUGOV"])], False),
    ("2015-07-22.zip", 21, [("AGREE", None, "negation", "التوصل إلى اتفاق", 0, ["IGO"])], False),
    ("2015-07-23.zip", 14, [("ACCUSE", "disapprove", None, "انتقادات", 0, ["NGO"])], False),
    ("2015-07-23.zip", 21, [("CONSULT", None, None, "بحث", 0, ["SAUGOV", "USAGOV"])], False),
    ("2015-07-24.zip", 14, [], False),
    ("2015-07-25.zip", 14, [("AID", None, None, "مساعدات", 0, ["ARE"])], False),
    ("2015-07-25.zip", 21, [
        ("ASSAULT", "aerial", None, "قصفت", 0, ["TURMIL"]),
        ("THREATEN", None, None, "وعد", 0, ["TURGOV"]),
    ], False),
    ("2015-07-26.zip", 42, [
        ("SUPPORT", None, None, "رحب", 0, ["USAGOV"]),
        ("ACCUSE", "allege", None, "ووصف", 0, ["USAGOV"]),
    ], False),
    ("2015-07-26.zip", 56, [
        ("COERCE", "seize", None, "اقتحمت", 0, ["ISRCOP"]),
        ("ASSAULT", None, None, "اشتباكات", 0, []),
    ], False),
    ("2015-07-27.zip", 63, [
        ("RETREAT", "ceasefire", None, "وقف إطلاق النار", 0, []),
        ("ASSAULT", "aerial", None, "لغارات", 0, []),
    ], False),
    ("2015-07-31.zip", 140, [("AGREE", None, None, "زيارة", 0, ["SAUGOV"])], False),
    ("2015-08-01.zip", 7, [("ASSAULT", None, None, "اشتباكات", 0, ["UAF"])], False),
    ("2015-08-01.zip", 56, [], False),
    ("2015-08-02.zip", 0, [
        ("CONSULT", "visit", None, "زيارة", 0, ["YEMGOV"]),
        ("ASSAULT", None, None, "معارك", 0, []),
        ("ACCUSE", "disapprove", None, "هجوم", 0, ["YEM"]),
    ], False),
    ("2015-08-02.zip", 28, [("COERCE", "arrest", None, "إلقاء القبض", 0, ["SAUCOP"])], False),
    ("2015-08-02.zip", 49, [
        ("COERCE", "arrest", None, "اعتقال", 0, ["ISRGOV"]),
        ("ASSAULT", "primitive", None, "الاعتداء", 0, []),
    ], False),
    ("2015-08-04.zip", 7, [("CONSULT", "visit", None, "استقبل", 0, [])], False),
    ("2015-08-06.zip", 0, [
        ("COERCE", "arrest", None, "اعتقاله", 0, ["USAGOV"]),
        ("ACCUSE", "allege", None, "واتهامه", 0, ["USAGOV"]),
    ], False),
    ("2015-08-07.zip", 21, [("ASSAULT", "explosives", None, "التفجير", 0, [])], False),
    ("2015-08-08.zip", 42, [
        ("ACCUSE", "disapprove", None, "دان", 0, ["YEMPTY"]),
        ("ASSAULT", None, None, "استهدف", 0, []),
    ], False),
    ("2015-08-08.zip", 77, [("REQUEST", None, None, "طالبت", 0, ["IGO"])], False),
    ("2015-08-08.zip", 112, [
        ("REJECT", None, None, "رفضه", 0, ["USALEG"]),
        ("REJECT", None, "future", "رفض", 1, ["USALEG"]),
    ], False),
    ("2015-08-09.zip", 28, [], False),
    # added with the report classifier's own-gold training rows (ASSAULT
    # reports and non-reports in lead sentences; every event of the lead coded)
    ("2015-07-22.zip", 37, [
        ("COERCE", "seize", None, "سيطرت", 0, []),
        ("ASSAULT", None, None, "معارك", 0, []),
    ], False),
    ("2015-07-22.zip", 101, [("ASSAULT", "suicide-attack", None, "فجر", 0, [])], False),
    ("2015-07-22.zip", 112, [("COERCE", "arrest", None, "اعتقلت", 0, ["ITACOP"])], False),
    ("2015-07-22.zip", 114, [("ASSAULT", "explosives", None, "تفجيرات", 0, [])], False),
    ("2015-07-22.zip", 156, [("ASSAULT", "aerial", None, "ضربة جوية", 0, [])], False),
    ("2015-07-22.zip", 240, [("ASSAULT", None, None, "هجمات", 0, [])], False),
    ("2015-07-24.zip", 61, [
        ("ASSAULT", "aerial", None, "غاراته", 0, ["TURMIL"]),
        ("ASSAULT", "suicide-attack", "historical", "هجوم انتحاري", 0, []),
        ("ACCUSE", "allege", None, "نسبته", 0, ["TURGOV"]),
    ], False),
    ("2015-07-24.zip", 81, [("ASSAULT", "aerial", None, "غارة جوية", 0, [])], False),
    ("2015-07-24.zip", 228, [], False),
    ("2015-07-24.zip", 234, [], False),
    ("2015-07-24.zip", 259, [("ASSAULT", None, None, "هجوم", 0, [])], False),
    ("2015-07-24.zip", 301, [
        ("ASSAULT", None, None, "هجومًا", 0, []),
        ("ASSAULT", None, None, "تدمير", 0, []),
    ], False),
    ("2015-07-24.zip", 342, [("ASSAULT", "aerial", None, "طلعات هجومية", 0, [])], False),
    ("2015-07-24.zip", 344, [("ASSAULT", "firearms", None, "هجوم", 0, [])], False),
    ("2015-07-24.zip", 354, [("ASSAULT", None, None, "عمليتين", 0, [])], False),
    ("2015-07-24.zip", 363, [("ASSAULT", "abduct", None, "خطف", 0, [])], False),
    ("2015-07-24.zip", 379, [("ASSAULT", "aerial", None, "قصف", 0, [])], False),
    ("2015-07-24.zip", 702, [
        ("ASSAULT", None, None, "قتلت", 0, ["TUNCOP"]),
        ("COERCE", "arrest", None, "واعتقلت", 0, ["TUNCOP"]),
        ("COERCE", "seize", None, "وضبطت", 0, ["TUNCOP"]),
        ("ASSAULT", None, "historical", "هجوم دامي", 0, []),
    ], False),
    ("2015-07-24.zip", 712, [("ASSAULT", "aerial", None, "قصف جوي", 0, [])], False),
    ("seed/000_3e809c445546f9ff.txt", None, [
        ("AGREE", None, None, "سيزور", 0, ["USAGOV"]),
        ("CONSULT", None, None, "المناقشات", 0, ["USAGOV"]),
        ("CONCEDE", None, None, "وافقت على بعض التنازلات", 0, ["RUSGOV"]),
        ("ACCUSE", None, None, "محاولة لعرقلة", 0, ["RUSGOV"]),
        ("CONSULT", "phone", None, "مكالمة هاتفية", 0, ["USAGOV", "RUSGOV"]),
    ], True),
]

# Annotated after the coder's rules were frozen (2026-11-30 04:35 UTC) and
# never used to change them: the held-out part of the gold.
HELDOUT = [
    ("2015-08-01.zip", 25, [("REQUEST", None, None, "طالبت", 0, ["SAUGOV"])], False),
    ("2015-08-01.zip", 91, [("AID", None, None, "مساعدات", 0, ["IGO"])], False),
    ("2015-08-02.zip", 157, [("PROTEST", "demo", None, "اعتصم", 0, [])], False),
    ("2015-08-02.zip", 168, [("AID", None, None, "مساعدات", 0, ["IGO"])], False),
    ("2015-08-03.zip", 47, [("REJECT", None, None, "رفض", 0, [])], False),
    ("2015-08-03.zip", 69, [("ASSAULT", None, None, "باقتحام", 0, [])], False),
    ("2015-08-03.zip", 91, [("CONSULT", "visit", None, "استقبل", 0, [])], False),
    ("2015-08-04.zip", 80, [], False),
    ("2015-08-04.zip", 102, [("COERCE", "arrest", None, "ألقت القبض", 0, ["THACOP"])], False),
    ("2015-08-06.zip", 102, [("ASSAULT", "suicide-attack", None, "تفجير", 0, [])], False),
    ("2015-08-06.zip", 124, [], False),
    ("2015-08-07.zip", 179, [], False),
    ("2015-08-08.zip", 25, [
        ("REJECT", None, None, "يرفض", 0, []),
        ("ASSAULT", "targeted", None, "اغتياله", 0, []),
    ], False),
    ("2015-08-08.zip", 58, [("CONSULT", "visit", None, "هبط", 0, ["RUSGOV"])], False),
]


def article(file, index):
    if file.endswith(".zip"):
        z = zipfile.ZipFile(SHARED / "data/news/saudinewsnet/dataset" / file)
        rec = json.load(z.open(z.namelist()[0]))[index]
        return rec["content"], rec.get("url")
    raw = (SHARED / file).read_text(encoding="utf-8")
    # the seed format: a `date YYYY-MM-DD` header, then the body (as rasd_ingest::parse_text)
    m = re.match(r"\s*date[ \t:]+\d{4}-\d{2}-\d{2}\s*", raw)
    return raw[m.end():] if m else raw, None


def main():
    write(ANN, OUT)
    write(HELDOUT, OUT.with_name("heldout.jsonl"))


def write(ann, out_path):
    lines = []
    for file, index, events, whole in ann:
        text, url = article(file, index)
        out = []
        last = 0
        for kind, mode, aux, trig, occ, codes in events:
            starts = [m.start() for m in re.finditer(re.escape(trig), text)]
            s = starts[occ]
            last = max(last, s + len(trig))
            out.append({"type": kind, "mode": mode, "aux": aux, "start": s, "end": s + len(trig),
                        "text": trig, "actor_codes": codes})
        rec = {"file": file, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "events": out}
        if index is not None:
            rec["index"] = index
            rec["url"] = url
        if not whole:
            # the lead sentence: up to the first full stop after the last gold trigger
            m = re.search(r"[.!؟?]", text[last:])
            rec["upto"] = last + m.end() if m else len(text)
        lines.append(json.dumps(rec, ensure_ascii=False, sort_keys=True))
    out_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out_path}: {len(lines)} documents, {sum(len(a[2]) for a in ann)} events", file=sys.stderr)


if __name__ == "__main__":
    main()

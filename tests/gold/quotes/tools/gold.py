#!/usr/bin/env python3
"""Annotation helper for the rasd quote gold (see ../README.md).

  gold.py pick [N]                 list candidate SaudiNewsNet articles per outlet
  gold.py show ZIP INDEX           print an article with code-point offsets per paragraph
  gold.py build DRAFT OUTDIR       turn an anchor draft into gold JSON files

Drafts are plain text kept OUTSIDE the repository (they quote the article):

  @ 2015-07-27.zip 12             (or: @ seed/000_3e809c445546f9ff.txt)
  # any comment
  Q kind | cue | speaker | content | extra

* kind: direct / indirect / mixed
* cue: the cue text, found from the end of the previous cue onwards
  (write `cue@N` to skip N-1 earlier hits)
* speaker: the speaker as written, searched nearest to the cue;
  `-` none; `~X` dropped subject whose antecedent is the mention X (searched
  backwards from the cue; `~!X` when that antecedent is anonymous); `!X` anonymous source X
* content: `START ... END` anchors (the span runs from START's first
  character to END's last); START is searched after the cue, or from the
  previous cue when the field begins with `<` (content before its cue)
* extra: `by=G3` (reported_by)

The shared directory is $RASD_SHARED or ../shared beside the repository.
"""
import hashlib
import json
import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("RASD_SHARED") or os.path.normpath(os.path.join(HERE, "../../../../../shared"))
DATASET = os.path.join(SHARED, "data/news/saudinewsnet/dataset")
_cache = {}


def load_zip(name):
    if name not in _cache:
        z = zipfile.ZipFile(os.path.join(DATASET, name))
        member = [n for n in z.namelist() if n.endswith(".json")][0]
        _cache[name] = json.loads(z.read(member))
    return _cache[name]


def seed_body(rel):
    raw = open(os.path.join(SHARED, rel), encoding="utf-8").read()
    m = re.match(r"\s*date\s+\d{4}-\d{2}-\d{2}[ \t]*\n?", raw)
    return raw[m.end():] if m else raw


def sha(s):
    return hashlib.sha256(s.encode("utf-8")).hexdigest()


def pick(n=6):
    verbs = re.compile(r"(?:^|\s)و?(?:قال|أكد|أضاف|أوضح|أشار|ذكر|صرح|أفاد)(?:ت|وا)?\s")
    by_src = {}
    for name in sorted(os.listdir(DATASET)):
        for i, a in enumerate(load_zip(name)):
            c = a.get("content") or ""
            if 700 <= len(c) <= 2600 and len(verbs.findall(c)) >= 2:
                by_src.setdefault(a["source"], []).append((name, i, len(c), a.get("title", "")[:60]))
    for src, items in sorted(by_src.items()):
        print(f"== {src}: {len(items)}")
        step = max(1, len(items) // n)
        for it in items[::step][:n]:
            print("  ", *it)


def show(name, index):
    text = seed_body(name) if name.startswith("seed/") else load_zip(name)[int(index)]["content"]
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            print(f"[{pos}] {line}")
        pos += len(line) + 1


def span(text, a, b):
    return {"start": a, "end": b, "sha8": sha(text[a:b])[:8]}


def find(text, anchor, start, what):
    k = 1
    m = re.match(r"(.*)@(\d+)$", anchor)
    if m:
        anchor, k = m.group(1), int(m.group(2))
    p = start - 1
    for _ in range(k):
        p = text.find(anchor, p + 1)
        if p < 0:
            raise SystemExit(f"{what}: {anchor!r} not found after {start}")
    return p


def nearest(text, anchor, at):
    hits = [m.start() for m in re.finditer(re.escape(anchor), text)]
    if not hits:
        raise SystemExit(f"speaker {anchor!r} not found")
    return min(hits, key=lambda h: (abs(h - at), h < at))


def build(draft, outdir):
    docs = []
    for line in open(draft, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@"):
            parts = line[1:].split()
            docs.append({"loc": parts, "q": [], "notes": ""})
        elif line.startswith("N "):
            docs[-1]["notes"] += line[2:]
        elif line.startswith("Q "):
            docs[-1]["q"].append([f.strip() for f in line[2:].split("|")])
    for d in docs:
        loc = d["loc"]
        if loc[0].startswith("seed/"):
            text = seed_body(loc[0])
            locator = {"path": loc[0]}
            fname = os.path.basename(loc[0]).replace(".txt", ".json")
        else:
            art = load_zip(loc[0])[int(loc[1])]
            text = art["content"]
            locator = {"zip": loc[0], "index": int(loc[1]), "url": art.get("url"), "source": art.get("source")}
            fname = f"{art.get('source')}_{loc[0][:-4]}_{loc[1]}.json"
        locator["sha256"] = sha(text)
        cursor = 0
        quotes = []
        for n, f in enumerate(d["q"], 1):
            kind, cue, spk, content = f[:4]
            extra = f[4] if len(f) > 4 else ""
            prev = cursor
            c0 = find(text, cue, cursor, "cue")
            c1 = c0 + len(cue.split("@")[0])
            cursor = c1
            q = {"id": f"G{n}", "cue": span(text, c0, c1)}
            back = content.startswith("<")
            content = content.lstrip("<").strip()
            if "..." in content:
                a, b = [x.strip() for x in content.split("...", 1)]
            else:
                a = b = content
            s0 = find(text, a, prev if back else c1, "content start")
            e0 = find(text, b, s0, "content end") + len(b.split("@")[0]) if b != a else s0 + len(a)
            if b == a and "@" in a:
                e0 = s0 + len(a.split("@")[0])
            q["content"] = span(text, s0, e0)
            q["speaker"] = None
            if spk.startswith("~"):
                r = spk[1:]
                if r.startswith("!"):
                    r = r[1:]
                    q["anonymous"] = True
                hits = [m.start() for m in re.finditer(re.escape(r), text[:c0])]
                if not hits:
                    raise SystemExit(f"antecedent {r!r} not found before cue {cue}")
                q["speaker_ref"] = span(text, hits[-1], hits[-1] + len(r))
            elif spk.startswith("!"):
                p = nearest(text, spk[1:], c0)
                q["speaker"] = span(text, p, p + len(spk) - 1)
                q["anonymous"] = True
            elif spk != "-":
                p = nearest(text, spk, c0)
                q["speaker"] = span(text, p, p + len(spk))
            q["kind"] = kind
            m = re.search(r"by=(G\d+)", extra)
            q["reported_by"] = m.group(1) if m else None
            quotes.append(q)
        out = {"format": "rasd-quotes-gold/1", "doc": locator, "notes": d["notes"] or None, "quotes": quotes}
        with open(os.path.join(outdir, fname), "w", encoding="utf-8") as fh:
            json.dump(out, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        print(fname, len(quotes))


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "pick":
        pick(int(sys.argv[2]) if len(sys.argv) > 2 else 6)
    elif cmd == "show":
        show(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else 0)
    elif cmd == "build":
        build(sys.argv[2], sys.argv[3])
    elif cmd != "dump":
        print(__doc__)


def dump(path):
    g = json.load(open(path, encoding="utf-8"))
    loc = g["doc"]
    text = seed_body(loc["path"]) if loc.get("path") else load_zip(loc["zip"])[loc["index"]]["content"]
    for q in g["quotes"]:
        sp = q.get("speaker") or q.get("speaker_ref")
        s = text[sp["start"]:sp["end"]] if sp else None
        c = text[q["content"]["start"]:q["content"]["end"]]
        print(q["id"], q["kind"], text[q["cue"]["start"]:q["cue"]["end"]], "|", s, "| anon" if q.get("anonymous") else "", "|", c[:40], "...", c[-25:], q.get("reported_by") or "")


if __name__ == "__main__" and sys.argv[1:2] == ["dump"]:
    for p in sys.argv[2:]:
        print("##", p)
        dump(p)

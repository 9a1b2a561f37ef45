#!/usr/bin/env python3
"""Dump find_tasks results for the sample corpora, or compare them with an earlier dump.

.venv/bin/python scripts/check_tasks_same.py dump /tmp/tasks_before.json
.venv/bin/python scripts/check_tasks_same.py check /tmp/tasks_before.json

Every segment of ``kg.build.publication(path)`` for samples/*.txt and tests/data/corpus-more/*.txt
is read with ``find_tasks(seg.text.text, report=seg.kind == "entry")``; the TaskMatch records are
compared field by field (dataclasses.asdict).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from kg.build import publication
from kg.extract.tasks import find_tasks

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted((ROOT / "samples").glob("*.txt")) + sorted((ROOT / "tests/data/corpus-more").glob("*.txt"))


def dump() -> dict:
    out = {}
    for path in FILES:
        pub = publication(path)
        out[path.name] = [
            [dataclasses.asdict(t) for t in find_tasks(s.text.text, report=s.kind == "entry")]
            for s in pub.segments
        ]
    return json.loads(json.dumps(out, ensure_ascii=False))


def main() -> int:
    mode, file = sys.argv[1], Path(sys.argv[2])
    now = dump()
    if mode == "dump":
        file.write_text(json.dumps(now, ensure_ascii=False, indent=0), encoding="utf-8")
        print(sum(len(t) for segs in now.values() for t in segs), "tasks in", len(now), "files")
        return 0
    before = json.loads(file.read_text(encoding="utf-8"))
    diffs = 0
    for name in sorted(set(before) | set(now)):
        b, a = before.get(name), now.get(name)
        if a == b:
            continue
        if a is None or b is None or len(a) != len(b):
            print(name, "differs (missing file or segment count)")
            diffs += 1
            continue
        for k, (sb, sa) in enumerate(zip(b, a, strict=True)):
            if sb == sa:
                continue
            diffs += 1
            for x in [t for t in sb if t not in sa]:
                print(name, k, "-", x["start"], x["end"], x["label"], x["kind"])
            for x in [t for t in sa if t not in sb]:
                print(name, k, "+", x["start"], x["end"], x["label"], x["kind"])
            if len(sb) == len(sa) and all(t in sa for t in sb):
                print(name, k, "same tasks, different order")
    total = sum(len(t) for segs in now.values() for t in segs)
    print(f"IDENTICAL ({total} tasks)" if not diffs else f"{diffs} differing segments/files")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Dump find_orgs + identify results for the sample corpora, or compare them with an earlier dump.

.venv/bin/python scripts/check_orgs_same.py dump /tmp/orgs_before.json
.venv/bin/python scripts/check_orgs_same.py check /tmp/orgs_before.json
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from kg.build import publication
from kg.extract.orgs import find_orgs
from kg.orgs import identify

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted((ROOT / "samples").glob("*.txt")) + sorted((ROOT / "tests/data/corpus-more").glob("*.txt"))


def dump() -> dict:
    out = {}
    for path in FILES:
        pub = publication(path)
        segs = []
        for s in pub.segments:
            found = find_orgs(s.text.text)
            ids = {m.name: identify(m.name, pub.jurisdiction) for m in found}
            segs.append(
                {
                    "orgs": [(m.start, m.end, m.surface, m.name) for m in found],
                    "ids": {k: dataclasses.asdict(v) if v else None for k, v in ids.items()},
                }
            )
        j = pub.jurisdiction
        out[path.name] = {"jurisdiction": dataclasses.asdict(j) if j else None, "segments": segs}
    return json.loads(json.dumps(out, ensure_ascii=False))


def main() -> int:
    mode, file = sys.argv[1], Path(sys.argv[2])
    now = dump()
    if mode == "dump":
        file.write_text(json.dumps(now, ensure_ascii=False, indent=0), encoding="utf-8")
        return 0
    before = json.loads(file.read_text(encoding="utf-8"))
    diffs = 0
    for name in before:
        b, a = before[name], now.get(name)
        if a == b:
            continue
        if a is None or a["jurisdiction"] != b["jurisdiction"] or len(a["segments"]) != len(b["segments"]):
            print(name, "differs (jurisdiction/segments)")
            diffs += 1
            continue
        for k, (sb, sa) in enumerate(zip(b["segments"], a["segments"], strict=True)):
            for x in [o for o in sb["orgs"] if o not in sa["orgs"]]:
                print(name, k, "-", x)
            for x in [o for o in sa["orgs"] if o not in sb["orgs"]]:
                print(name, k, "+", x)
            for key in set(sb["ids"]) | set(sa["ids"]):
                if sb["ids"].get(key) != sa["ids"].get(key):
                    print(name, k, "id", key, sb["ids"].get(key), "->", sa["ids"].get(key))
            diffs += sb != sa
    print("IDENTICAL" if not diffs else f"{diffs} differing segments/files")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Gold-free coverage of responsibility markers: how many of the markers printed in a text became tasks.

    .venv/bin/python scripts/coverage.py PATH... [--show] [--json FILE]

Every input file (or every readable file under a folder) is read, cleaned and segmented as
``kg build`` does and run through the extraction pipeline. A simple pattern, independent of the
task rules, finds the responsibility markers in the clean text: a label word (牵头单位, 责任单位,
责任部门, 配合单位, 协办单位 … followed by a colon) or ``…负责）``. A marker is covered when a task
with at least one unit has evidence spanning it. Prints one line per file and the total;
``--show`` prints each uncovered marker with its context, so a user sees where tasks are lost.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import publication  # noqa: E402
from kg.pipeline import extract  # noqa: E402
from kg.read import iter_inputs  # noqa: E402

LABEL = r"(?:牵头|责任|配合|协办|协同|参与|主责|实施|落实)(?:考核)?(?:单位|部门|主体)"


def _loose(pattern: str) -> str:
    """``pattern`` with spaces or a line break allowed between its Chinese characters (wrapped text)."""
    return re.sub(r"([\u4e00-\u9fff])", r"\1\\s*", pattern)


MARKER = re.compile(_loose(LABEL) + r"\s*[：:]|负\s*责\s*[）)]")


def file_coverage(path: Path) -> dict:
    """Markers, covered markers and the uncovered ones (with context) of one input file."""
    pub = publication(path)
    facts = extract(pub)
    text, offsets = pub.text.text, pub.text.offsets
    spans = sorted(
        (t.evidence.start, t.evidence.end) for t in facts.tasks if t.lead or t.responsible or t.supporting
    )
    found, missed = 0, []
    for m in MARKER.finditer(text):
        raw = offsets[m.start()]
        if any(a <= raw < b for a, b in spans):
            found += 1
        else:
            missed.append(text[max(0, m.start() - 40) : m.end() + 30].replace("\n", "⏎"))
    return {"markers": found + len(missed), "covered": found, "missed": missed}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--show", action="store_true", help="print every uncovered marker in context")
    ap.add_argument("--json", type=Path, help="write the figures per file to this file")
    args = ap.parse_args(argv)
    files = list(iter_inputs(args.paths))
    if not files:
        print("no input files", file=sys.stderr)
        return 2
    results, total, covered = {}, 0, 0
    width = max(len(p.name) for p in files)
    for p in files:
        try:
            r = file_coverage(p)
        except Exception as e:  # noqa: BLE001 - one unreadable file does not stop the report
            print(f"{p.name:<{width}}  error: {type(e).__name__}: {e}", file=sys.stderr)
            continue
        results[str(p)] = r
        total += r["markers"]
        covered += r["covered"]
        ratio = f"{r['covered'] / r['markers']:.3f}" if r["markers"] else "  -  "
        print(f"{p.name:<{width}}  markers {r['markers']:>4}  tasks {r['covered']:>4}  {ratio}")
        if args.show:
            for ctx in r["missed"]:
                print(f"    missed: {ctx}")
    ratio = f"{covered / total:.3f}" if total else "-"
    print(f"{'ALL':<{width}}  markers {total:>4}  tasks {covered:>4}  {ratio}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

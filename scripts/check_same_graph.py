#!/usr/bin/env python3
"""Guard for refactors and speed-ups that must not change what is extracted.

    .venv/bin/python scripts/check_same_graph.py save /tmp/before    # before the change
    .venv/bin/python scripts/check_same_graph.py check /tmp/before   # after it: exit 1 on any difference

Builds samples/ and tests/data/corpus-more/ (each on its own, plus any further folders given after the
directory) and compares the Turtle byte for byte; on a difference it prints the first differing lines.
"""

from __future__ import annotations

import difflib
import sys
import tempfile
from pathlib import Path

from kg.build import build

ROOT = Path(__file__).resolve().parents[1]
CORPORA = {"samples": ROOT / "samples", "corpus-more": ROOT / "tests" / "data" / "corpus-more"}


def graphs(folder: Path, corpora: dict[str, Path]) -> None:
    for name, src in corpora.items():
        build([src], folder / name, view=False)


def main() -> int:
    if len(sys.argv) < 3 or sys.argv[1] not in ("save", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    mode, keep = sys.argv[1], Path(sys.argv[2])
    corpora = {**CORPORA, **{f"extra-{i}": Path(f) for i, f in enumerate(sys.argv[3:])}}
    if mode == "save":
        graphs(keep, corpora)
        return 0
    diffs = 0
    with tempfile.TemporaryDirectory() as tmp:
        graphs(Path(tmp), corpora)
        for name in corpora:
            before = (keep / name / "graph.ttl").read_text(encoding="utf-8")
            after = (Path(tmp) / name / "graph.ttl").read_text(encoding="utf-8")
            if before != after:
                diffs += 1
                lines = difflib.unified_diff(before.splitlines(), after.splitlines(), "before", "after", n=0)
                print(name, "differs:", *list(lines)[:20], sep="\n  ")
    print("IDENTICAL" if not diffs else f"{diffs} corpus graph(s) differ")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())

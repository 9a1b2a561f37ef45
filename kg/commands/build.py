"""``kg build PATH... -o OUTDIR``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.commands import path_argument


def _progress():
    """A one-line progress bar on a terminal; nothing when stderr is not a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(n: int, total: int, path: Path) -> None:
        width = 30
        done = int(width * n / max(total, 1))
        sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {n}/{total} {path.name[:40]:<40}")
        if n == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def run(a: argparse.Namespace) -> int:
    import kg
    from kg.build import report  # the one place that words an unreadable input

    result = kg.build(a.paths, a.output, progress=_progress())
    report(result.errors)
    out = Path(a.output)
    if result.written:
        print(f"{out / 'graph.ttl'}\n{out / 'graph.html'}")
    return 1 if result.errors else 0


def register(sub) -> None:
    p = sub.add_parser("build", help="build the graph and its HTML view from publications")
    p.add_argument("paths", nargs="+", help="files or folders (folders are walked)")
    p.add_argument(
        "-o", "--output", type=path_argument, default="output", help="output folder (default: ./output)"
    )
    p.set_defaults(func=run)

"""The ``kg`` command: a thin layer over the library (heavy imports happen inside commands)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


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


def cmd_build(a: argparse.Namespace) -> int:
    from kg.build import build, report

    result = build([Path(p) for p in a.paths], Path(a.output), progress=_progress())
    report(result.errors)
    out = Path(a.output)
    print(f"{out / 'graph.ttl'}\n{out / 'graph.html'}")
    return 1 if result.errors else 0


COMMANDS = {
    "build": (cmd_build, "build the graph from publications"),
}


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="kg", description="Knowledge graphs from Chinese government publications.")
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help=COMMANDS["build"][1])
    b.add_argument("paths", nargs="+", help="files or folders (folders are walked)")
    b.add_argument("-o", "--output", default="output", help="output folder (default: ./output)")
    b.set_defaults(func=cmd_build)
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = parser()
    a = ap.parse_args(argv)
    return a.func(a)


if __name__ == "__main__":
    sys.exit(main())

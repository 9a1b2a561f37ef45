"""``kg build PATH... -o OUTDIR``."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from kg.commands import at_least, path_argument


def run(a: argparse.Namespace) -> int:
    import kg
    from kg.build import report  # the one place that words an unreadable input
    from kg.progress import progress

    result = kg.build(
        a.paths, a.output, progress=progress(), jobs=a.jobs, cache=not a.no_cache, scheduler=a.scheduler
    )
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
    p.add_argument(
        "-j",
        "--jobs",
        type=at_least(1),
        default=os.cpu_count() or 1,
        metavar="N",
        help="read and extract in N processes (default: the machine's cores; the graph is the same)",
    )
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="extract every input again (default: reuse the facts of unchanged inputs kept in OUTDIR/.kg-cache)",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="read and extract on the workers of this Dask scheduler (tcp://HOST:8786); resolve here",
    )
    p.set_defaults(func=run)

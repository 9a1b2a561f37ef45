"""``kg docs [GRAPH | -g GRAPH] [--in-force DATE] [--issuer NAME] [--type KIND] [--all] [--json|--csv]``."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from kg.commands import graph_argument, open_graph
from kg.terminal import json_text


def _date(s: str) -> date:
    try:
        return date.fromisoformat(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {s!r}") from None


def run(a: argparse.Namespace) -> int:
    found = open_graph(a).docs(a.in_force, issuer=a.issuer, kind=a.type, printed_only=not a.all)
    if a.json:
        print(json_text(found.to_json(), indent=2))
    elif a.csv:
        sys.stdout.write(found.to_csv())
    else:
        print(found.render())
    return 0


def register(sub) -> None:
    p = sub.add_parser("docs", help="documents in force on a date, by issuer, by 公文种类")
    graph_argument(p, positional=True)
    p.add_argument(
        "--in-force",
        type=_date,
        metavar="DATE",
        help="in force on DATE (YYYY-MM-DD); documents without 施行 dates are listed as unknown",
    )
    p.add_argument(
        "--issuer", metavar="NAME", help="issuer name, any form (full name or short form), substring"
    )
    p.add_argument("--type", metavar="KIND", help="公文种类 / kind: 意见, 通知, 方案, 实施方案 …")
    p.add_argument("--all", action="store_true", help="also documents only cited, not printed in the corpus")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print JSON")
    fmt.add_argument("--csv", action="store_true", help="print CSV")
    p.set_defaults(func=run)

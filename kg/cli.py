"""The ``kg`` command: a thin layer over the library. Sub-commands live in ``kg.commands``."""

from __future__ import annotations

import argparse
import importlib
import sys

from kg.commands import NAMES


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="kg", description="Knowledge graphs from Chinese government publications."
    )
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in NAMES:
        try:
            mod = importlib.import_module(f"kg.commands.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"kg.commands.{name}":
                raise
            continue
        mod.register(sub)
    return ap


def main(argv: list[str] | None = None) -> int:
    a = parser().parse_args(argv)
    try:
        return a.func(a)
    except BrokenPipeError:
        return 0
    except FileNotFoundError as e:  # a graph or file argument that is not there: one line, not a traceback
        print(f"kg: {e.filename}: {e.strerror}", file=sys.stderr)
        return 2
    except ConnectionError as e:  # a SPARQL endpoint (--endpoint) that cannot be reached or refuses
        print(f"kg: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

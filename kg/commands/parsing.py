"""The ``kg`` command line's argparse parser (every command, ``--help``, usage errors), and argparse's
help formatter given the terminal's width so that it does not import shutil to ask it.

A lookup whose arguments are plain (``kg who 区建设局 -g out``) is read without argparse by
:func:`kg.commands.quick_args`; whatever that reader does not know goes through :func:`parser`.
"""

from __future__ import annotations

import argparse
import sys

from kg.commands import NAMES


class Formatter(argparse.HelpFormatter):
    """argparse's help formatter given the terminal's width, so that it does not import shutil to
    ask it (argparse makes a formatter for every argument added, even when no help is printed)."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        super().__init__(prog, indent_increment, max_help_position, width or _columns() - 2)


def _columns() -> int:
    """The terminal's width as shutil.get_terminal_size gives it: $COLUMNS, else stdout's, else 80."""
    import os

    try:
        if (columns := int(os.environ["COLUMNS"])) > 0:
            return columns
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


class Parser(argparse.ArgumentParser):
    """An ArgumentParser (and its sub-commands' parsers) with :class:`Formatter` by default."""

    def __init__(self, *args, formatter_class=Formatter, **kw):
        super().__init__(*args, formatter_class=formatter_class, **kw)


def parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser; given the arguments, only their command's module is imported and
    registered (a lookup does not pay for the other eleven), else all (``kg --help``)."""
    import importlib

    ap = Parser(prog="kg", description="Knowledge graphs from Chinese government publications.")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    first = argv[0] if argv else None
    for name in (first,) if first in NAMES else NAMES:
        try:
            mod = importlib.import_module(f"kg.commands.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"kg.commands.{name}":
                raise
            continue
        mod.register(sub)
    return ap

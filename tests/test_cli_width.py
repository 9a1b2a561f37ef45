"""kg's help is wrapped to the terminal's width as argparse's own formatter wraps it ($COLUMNS, else
the terminal, else 80), without argparse asking shutil (see kg.cli.Formatter)."""

import argparse

import pytest

from kg.cli import parser


def who_parser() -> argparse.ArgumentParser:
    ours = parser(["who"])
    sub = next(a for a in ours._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices["who"]


@pytest.mark.parametrize("columns", ["40", "64", "200", None, "0", "x"])
def test_same_help_as_argparse_formatter(monkeypatch, columns):
    """The same text as argparse's HelpFormatter (which asks shutil) at the same $COLUMNS."""
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    who = who_parser()
    ours = who.format_help()
    who.formatter_class = argparse.HelpFormatter
    assert who.format_help() == ours


def test_help_follows_columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    narrow = who_parser().format_help()
    monkeypatch.setenv("COLUMNS", "200")
    wide = who_parser().format_help()
    assert len(narrow.splitlines()) > len(wide.splitlines())
    assert max(map(len, wide.splitlines())) > 80

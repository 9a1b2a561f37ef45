"""The tables of kg/data/, read by one loader.

Every table is UTF-8 text: ``#`` lines first (``# source: …`` where the rows come from, ``# columns: …``
what the cells mean), then one row per line with cells separated by tabs. Blank lines are skipped.
"""

from __future__ import annotations

import os
from functools import cache

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:  # pragma: no cover
    from pathlib import Path

_DATA = os.path.dirname(os.path.abspath(__file__))  # os.path: a lookup (kg trace) does not import pathlib


def __getattr__(name: str):
    """``DATA``: this folder as a Path."""
    if name == "DATA":
        from pathlib import Path

        return Path(_DATA)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def path(name: str) -> Path:
    """The file of table NAME (``"abbreviations.tsv"``)."""
    from pathlib import Path

    return Path(_DATA, name)


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of table NAME, each a tuple of its cells (stripped of surrounding spaces)."""
    out = []
    with open(os.path.join(_DATA, name), encoding="utf-8") as f:
        text = f.read()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append(tuple(c.strip() for c in line.split("\t")))
    return tuple(out)


@cache
def words(name: str) -> tuple[str, ...]:
    """The first cell of every row of table NAME (a word list)."""
    return tuple(r[0] for r in rows(name) if r and r[0])

"""The tables of kg/data/, read by one loader.

Every table is UTF-8 text: ``#`` lines first (``# source: …`` where the rows come from, ``# columns: …``
what the cells mean), then one row per line with cells separated by tabs. Blank lines are skipped.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent


def path(name: str) -> Path:
    """The file of table NAME (``"abbreviations.tsv"``)."""
    return DATA / name


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of table NAME, each a tuple of its cells (stripped of surrounding spaces)."""
    out = []
    for line in path(name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append(tuple(c.strip() for c in line.split("\t")))
    return tuple(out)


@cache
def words(name: str) -> tuple[str, ...]:
    """The first cell of every row of table NAME (a word list)."""
    return tuple(r[0] for r in rows(name) if r and r[0])

"""Document kinds (公文种类 and other policy document kinds) read from the end of a title."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from kg import data

# A bracketed tail that follows the kind: 行动方案（2022—2025年）, 规划（2017—2025）, 办法（试行）.
_TAIL_RE = re.compile(r"(?:[（(〔][^（）()〔〕]{0,20}[）)〕]|[〉》」』”\s])+$")


@cache
def _types() -> dict[str, tuple[str, bool]]:
    """surface type -> (base type, is a 公文种类 of 党政机关公文处理工作条例 art. 8)."""
    return {surface: (base, gongwen == "yes") for surface, gongwen, base, *_ in data.rows("doc_types.tsv")}


@cache
def _by_length() -> tuple[str, ...]:
    return tuple(sorted(_types(), key=len, reverse=True))


def _strip_tail(title: str) -> str:
    return _TAIL_RE.sub("", title.strip())


@lru_cache(maxsize=1 << 14)  # the same titles come back again and again
def doc_type_surface(title: str) -> str | None:
    """The longest listed kind a title ends with, as printed: ``…实施方案（2022—2025年）`` -> 实施方案."""
    t = _strip_tail(title)
    for surface in _by_length():
        if t.endswith(surface):
            return surface
    return None


def doc_type(title: str) -> str | None:
    """The base kind from the end of a title: ``…的通知`` -> 通知, ``…实施意见`` -> 意见, ``…方案`` -> 方案.

    A bracketed tail (``（试行）``, ``（2022—2025年）``) is ignored; None when no kind is recognised.
    """
    surface = doc_type_surface(title)
    return _types()[surface][0] if surface else None


def is_gongwen(kind: str) -> bool:
    """True for the 15 公文种类 of 党政机关公文处理工作条例 (2012) art. 8."""
    entry = _types().get(kind)
    return bool(entry and entry[1])


def all_types() -> frozenset[str]:
    """Every listed base kind."""
    return frozenset(base for base, _ in _types().values())

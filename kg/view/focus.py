"""Finding nodes by name and taking their neighbourhood (``kg view --focus NAME --depth N``).

:func:`norm` is the same normalisation as ``norm`` in ``explorer.js`` (the page's search box):
NFKC (full-width digits and brackets), no spaces, every bracket around a year as 〔 〕.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

_OPEN = re.compile(r"[\[(〔【〖［（]")
_CLOSE = re.compile(r"[\])〕】〗］）]")
_SPACE = re.compile(r"\s+")
_YEAR = re.compile(r"(\D)(\d{4})年(\d{1,4})号")


def norm(s: str) -> str:
    """A search key: ``国办发 [2021] 14 号`` and ``国办发〔２０２１〕14号`` give the same key."""
    s = _SPACE.sub("", unicodedata.normalize("NFKC", s).lower())
    s = _CLOSE.sub("〕", _OPEN.sub("〔", s))
    return _YEAR.sub(r"\1〔\2〕\3号", s)


def names(node: dict) -> list[str]:
    """Every name a node is found by: its label and its other names (alt labels, titles, 文号)."""
    return [node["l"], *node["s"]]


def find(model: dict, query: str) -> list[int]:
    """Nodes whose name equals the query (normalised), else those whose name contains it."""
    q = norm(query)
    if not q:
        return []
    keys = [[norm(n) for n in names(node)] for node in model["nodes"]]
    exact = [i for i, ks in enumerate(keys) if q in ks]
    if exact:
        return exact
    return sorted(
        (i for i, ks in enumerate(keys) if any(q in k for k in ks)),
        key=lambda i: (-model["nodes"][i]["d"], i),
    )


def neighbourhood(
    model: dict, start: list[int], depth: int, skip: frozenset[str] = frozenset({"mentions"})
) -> set[int]:
    """Nodes within ``depth`` steps of ``start`` (edges in either direction; ``skip`` relations ignored)."""
    adj: dict[int, set[int]] = defaultdict(set)
    for a, b, rel, _ in model["edges"]:
        if rel not in skip:
            adj[a].add(b)
            adj[b].add(a)
    seen, frontier = set(start), set(start)
    for _ in range(max(depth, 0)):
        frontier = {n for f in frontier for n in adj[f]} - seen
        seen |= frontier
    return seen

"""Edits of a text that keep the map from each character back to the raw text (used by clean,
layout and reflow)."""

from __future__ import annotations

from array import array
from collections.abc import Iterable

# An edit replaces text[a:b] by ``chars`` whose raw offsets are ``offs`` (same length).
Edit = tuple[int, int, str, list[int]]


def apply_edits(text: str, offs: array, edits: Iterable[Edit]) -> tuple[str, array]:
    """Apply sorted, non-overlapping edits; untouched characters keep their offsets."""
    edits = list(edits)
    if not edits:
        return text, offs
    parts: list[str] = []
    new = array("l")
    pos = 0
    for a, b, chars, o in edits:
        parts.append(text[pos:a])
        new.extend(offs[pos:a])
        parts.append(chars)
        new.extend(o)
        pos = b
    parts.append(text[pos:])
    new.extend(offs[pos:])  # includes the end sentinel
    return "".join(parts), new

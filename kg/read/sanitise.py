"""Characters no reader should pass on: C0/C1 controls (tab, newline and the form feed that marks a
page break stay) and the bidi controls that reorder what a terminal or browser shows (U+202A–E,
U+2066–9, the marks U+200E/F and U+061C). They are removed from ``text`` only: ``raw`` keeps every
character and the offset map skips the removed ones, so evidence still points at the original."""

from __future__ import annotations

import re
from array import array

from kg.models import Text, drop_matches

CONTROLS_RE = re.compile("[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+")


def strip_controls(t: Text) -> Text:
    """``t`` without the control characters of its ``text``; offsets still index ``t.raw``."""
    text, offs = t.text, t.offsets
    if CONTROLS_RE.search(text) is None:
        return t
    keep = array(offs.typecode)
    return Text(t.source, t.raw, drop_matches(CONTROLS_RE, text, offs, keep), keep)


def printable(s: str) -> str:
    """``s`` safe to show in a terminal or a page: controls and bidi controls removed, a line break
    or tab kept (for one-line cells use :func:`one_line`)."""
    return CONTROLS_RE.sub("", s)


def one_line(s: str) -> str:
    """``s`` as one line: controls removed, runs of white space (line breaks too) one space."""
    return " ".join(printable(s).split())

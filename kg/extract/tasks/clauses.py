"""Clause and sentence boundaries on a :class:`~kg.extract.outline.Compact` text, and the short
labels read from them."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from kg.extract.outline import SENT_END, Compact
from kg.extract.tasks.cues import alternation, deadline_re

CLAUSE_END = "。；;！？\n"
LABEL_MAX = 30


def clause_start(c: Compact, pos: int, stops: str = CLAUSE_END + "，,：:") -> int:
    """Just after the last of ``stops`` before ``pos`` (0 when there is none)."""
    at = stop_positions(c, stops)
    k = bisect_left(at, pos)
    return at[k - 1] + 1 if k else 0


def stop_positions(c: Compact, stops: str) -> list[int]:
    """The offsets of the characters ``stops`` in ``c.s``, in order (once per text, in ``c.memo``)."""
    key = ("stops", stops)
    got = c.memo.get(key)
    if got is None:
        got = c.memo[key] = [m.start() for m in any_of(stops).finditer(c.s)]
    return got


def clause_end(s: str, pos: int, stops: str = CLAUSE_END + "，,") -> int:
    """The first of ``stops`` at or after ``pos`` (the end of the text when there is none)."""
    if pos < 0:
        i = pos
        while i < len(s) and s[i] not in stops:
            i += 1
        return i
    m = any_of(stops).search(s, pos)
    return m.start() if m is not None else max(pos, len(s))


@cache
def any_of(chars: str) -> re.Pattern:
    return re.compile("[" + re.escape(chars) + "]")


def sentence_span(c: Compact, pos: int) -> tuple[int, int]:
    """The compact span of the sentence (up to ``。；`` or a line break) holding ``pos``."""
    a = clause_start(c, pos, CLAUSE_END)
    b = clause_end(c.s, pos, CLAUSE_END)
    return a, min(len(c.s), b + 1)


BASIS_PP = re.compile(
    rf"^{alternation('basis_verb')}(?:《[^》]{{1,60}}》(?:的?{alternation('related')}?规定)?"
    rf"|{alternation('related')}?{alternation('basis_object')})"
)
FRONTED = re.compile(r"^对(.{2,30}?)予以(.{1,6})$")
DIVISION = re.compile(rf"^{alternation('division')}")


def tidy_label(label: str) -> str:
    """A duty phrase without its opening basis (``根据《…》``, ``依照相关规定``) or division of labour
    (``按职责分工``, ``分别``) and with a fronted object put back (``对X予以认定`` -> ``X认定``)."""
    label = DIVISION.sub("", BASIS_PP.sub("", label)).lstrip("，,")
    m = FRONTED.match(label)
    return m.group(1) + m.group(2) if m else label


def label_from(c: Compact, a: int) -> str:
    """The tidied clause from ``a``, at most LABEL_MAX characters."""
    b = clause_end(c.s, a)
    return tidy_label(c.s[a:b].replace("\n", "").strip("，,：: "))[:LABEL_MAX]


def phrase(text: str) -> str:
    """A short label from running text: its first sentence, else its first clause."""
    text = text.replace("�", "")
    m = SENT_END.search(text)
    head = text[: m.start()] if m else text
    if len(head) > LABEL_MAX:
        head = re.split(r"[，,；;：:]", head, maxsplit=1)[0]
    return head[: LABEL_MAX + 10].strip("：:，, ")


def deadline(prefix: str, text: str) -> str | None:
    """The deadline a marker's prefix states, else the first time phrase of ``text``."""
    m = deadline_re().search(prefix) if prefix else None
    if m:
        return prefix
    m = deadline_re().search(text)
    return m.group(0).replace(" ", "") if m else None


def flat_index(c: Compact, original: int) -> int:
    """The compact index of the first character at or after ``original``."""
    return bisect_left(c.pos, original)


def span_test(spans: list[tuple[int, int]]):
    """A test ``x -> any(a <= x < b for a, b in spans)`` by bisection over the merged spans."""
    merged: list[list[int]] = []
    for a, b in sorted(sp for sp in spans if sp[0] < sp[1]):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    starts = [a for a, _ in merged]
    ends = [b for _, b in merged]

    def test(x: int) -> bool:
        k = bisect_right(starts, x) - 1
        return k >= 0 and x < ends[k]

    return test


# a half-width full stop between Chinese characters ends a sentence (PDF text of ``．`` or ``。``),
# but not after an item numeral (``一.总体要求``)
CJK_STOP = re.compile(
    r"\.(?<=[\u4e00-\u9fff）)”]\.)(?<![一二三四五六七八九十百零〇]\.)(?=[\u4e00-\u9fff（(“])"
)


def full_stops(c: Compact) -> Compact:
    """``c`` with each half-width full stop between Chinese characters written ``。`` (the same
    length, so the offsets hold): the prose rules end their clauses there."""
    if "." not in c.s:
        return c
    s = CJK_STOP.sub("。", c.s)
    return c if s == c.s else Compact(s, c.pos)

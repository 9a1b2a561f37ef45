"""Which document each line belongs to; yearbook entries; a gazette's back matter."""

from __future__ import annotations

import re

from kg.docnumber import NUMBER_RE
from kg.models import Segment, Text
from kg.segment.blocks import _Block, _Segmenter
from kg.segment.lines import squeeze

_HEADING = re.compile(r"^\s*【([^】]{1,40})】")


def _assign_bodies(
    t: Text, seg: _Segmenter, blocks: list[_Block], out: list[Segment], starts: dict, annexes: set[int]
) -> None:
    """Give every line to a document: a header block's lines to its notice; other lines to the
    document whose start was read last (an attached plan's text resumes after a notice block that
    PDF extraction dropped into it)."""
    lines = seg.lines
    pieces: dict[int, list[tuple[int, int]]] = {i: [] for i in range(len(out))}
    in_block: dict[int, int] = {}
    for bi, b in enumerate(blocks):
        for j in range(b.first, b.last + 1):
            in_block.setdefault(j, bi)
    current: int | None = None
    stack: list[int] = []
    back = _back_matter(seg, blocks)
    for i, ln in enumerate(lines):
        if back and back[0][0] <= i:
            if i < back[0][1]:
                continue
            back.pop(0)
        if i in starts:
            s = starts[i]
            if s < len(blocks):  # a notice block begins: remember what it interrupts
                if current is not None and current >= len(blocks):
                    stack.append(current)
                current = s
            else:
                if s in annexes and current is not None and current >= 0:
                    parent = out[current]
                    out[s].part_of = current
                    out[s].issuers, out[s].date = list(parent.issuers), parent.date
                current = s
        if i in in_block:
            owner = in_block[i]
        else:
            if current is not None and 0 <= current < len(blocks) and i > blocks[current].last:
                # a notice's block is over: return to the document it interrupted, if it transmits
                # nothing and nothing was interrupted, its body runs on (a notice whose date is last)
                if stack:
                    current = stack.pop()
            if _entry_heading(ln.text):  # a yearbook's 【entry】: the document before it is over
                current, stack = ENTRY, []
            owner = current
        if owner is None or ln.blank:
            continue
        pieces.setdefault(owner, []).append((ln.start, ln.end))
    for i, s in enumerate(out):
        # a document that got no line (a transmitted title printed twice: the later copy took its
        # lines) is empty, not the whole publication
        s.text = t.sub(_merge(pieces[i]))
    out.extend(_entries_in(t, pieces.get(ENTRY, [])))


ENTRY = -2  # the owner of lines that belong to yearbook entries, not to a document


def _entry_heading(line: str) -> re.Match | None:
    """A ``【heading】`` that opens a yearbook / news entry (not a 专栏 box or a table inside a plan)."""
    m = _HEADING.match(line)
    return m if m and not m.group(1).strip().startswith(("专栏", "表", "图", "附")) else None


def _entries_in(t: Text, ranges: list[tuple[int, int]]) -> list[Segment]:
    """Entries from the lines (``ranges``, in order, the first at an entry heading) that a
    publication printing documents gives to no document."""
    groups: list[tuple[str, list[tuple[int, int]]]] = []
    for a, b in ranges:
        if m := _entry_heading(t.text[a:b]):
            groups.append((squeeze(m.group(1)), []))
        if groups:
            groups[-1][1].append((a, b))
    out = []
    for head, rs in groups:
        text = t.sub(_merge(rs))
        body = [ln for ln in text.text.split("\n")[1:] if _CJK_RE.search(ln)]
        if len(_CJK_RE.findall(text.text)) - len(head) < ENTRY_MIN_CHARS or "。" not in text.text:
            continue  # no prose: a section label (【区政府文件】), a header (【法宝引证码】 CLI.12.46…)
        if body and sum(1 for ln in body if _TOC_LINE.search(ln)) * 2 >= len(body):
            continue  # a gazette's table of contents: titles with their 文号 or page numbers
        out.append(Segment(kind="entry", text=text, heading=head))
    return out


ENTRY_MIN_CHARS = 20  # Chinese characters an entry has besides its heading
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_TOC_LINE = re.compile(
    r"号\s*[(（]?\d{1,4}[)）]?\s*$|(?:…|\.{3,}|·{3,})+\s*\d{1,4}\s*$|[(（]\d{1,4}[)）]\s*$"
)


def _back_matter(seg: _Segmenter, blocks: list[_Block]) -> list[tuple[int, int]]:
    """The line ranges of a gazette's back matter (发文目录 tables of ``| 文号 | title |`` rows, the
    colophon after them), in order: each runs to the next header block, so that a file holding
    several issues, or an issue followed by more documents, keeps the documents after it."""
    lines, firsts = seg.lines, sorted(b.first for b in blocks)
    out: list[tuple[int, int]] = []

    def upto_next_block(i: int) -> int:
        return next((f for f in firsts if f > i), len(lines))

    i = 0
    while i < len(lines):
        ln = lines[i]
        start = None
        if ln.text.startswith("|") and NUMBER_RE.search(ln.text):
            start = i
            while start > 0 and (lines[start - 1].blank or lines[start - 1].text.startswith("|")):
                start -= 1
        elif "发文目录" in ln.text and len(ln.text) < 40 and i > len(lines) // 2 and not out:
            start = i  # a list printed without table rows: only at the end of a single issue
        if start is None or (out and start < out[-1][1]):
            i += 1
            continue
        end = upto_next_block(i)
        out.append((start, end))
        i = end
    return out


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join ranges of consecutive lines (only newlines between them) into one range."""
    out: list[tuple[int, int]] = []
    for a, b in ranges:
        if out and a - out[-1][1] <= 2:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _entries(t: Text, seg: _Segmenter) -> list[Segment]:
    """Yearbook / news entries: a ``【heading】`` paragraph runs to the next heading."""
    heads = [(i, m.group(1)) for i, ln in enumerate(seg.lines) if (m := _HEADING.match(ln.text))]
    out: list[Segment] = []
    if not heads:
        return [Segment(kind="entry", text=t, heading=None)]
    bounds = [i for i, _ in heads] + [len(seg.lines)]
    for (i, head), end in zip(heads, bounds[1:], strict=False):
        a = seg.lines[i].start
        b = seg.lines[end - 1].end if end - 1 >= i else seg.lines[i].end
        out.append(Segment(kind="entry", text=t.sub([(a, b)]), heading=squeeze(head)))
    if heads[0][0] > 0:
        b = seg.lines[heads[0][0] - 1].end
        if b > 0:
            out.insert(0, Segment(kind="entry", text=t.sub([(0, b)]), heading=None))
    return out

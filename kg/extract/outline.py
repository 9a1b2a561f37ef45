"""Item numbers (一、 （一） 1. （1） ①) and the outline tree of a document's clean text.

Everything works on a :class:`Compact` view of the text: spaces inside Chinese text, page-number
lines (``— ５ —``) and stray digit-only lines that PDF layout leaves behind are dropped, while
line breaks and table tabs are kept; ``pos`` maps every character back into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DIGITS = "0-9０-９"
CN_NUM = "一二三四五六七八九十百零〇"
# (rank, regex) of item numbers at the start of a line; lower rank = higher level
ITEM_PATTERNS: list[tuple[int, re.Pattern]] = [
    (0, re.compile(rf"第[{CN_NUM}]+[章部分]")),
    (1, re.compile(rf"[{CN_NUM}]+[、，,．.]")),
    (2, re.compile(rf"[（(][{CN_NUM}]+[）)][、．.]?")),
    (3, re.compile(rf"[{DIGITS}]{{1,3}}(?:[、．.﹒](?![{DIGITS}])|\s*�)")),
    (3, re.compile(r"�")),  # a number glyph lost in PDF extraction (the digit sits on its own line)
    (4, re.compile(rf"[（(][{DIGITS}]{{1,3}}[）)]")),
    (5, re.compile(r"[①-⑳]")),
]
# the characters an item number can open with (a quick test before the patterns)
ITEM_FIRST = re.compile(rf"[第{CN_NUM}（({DIGITS}�①-⑳]")
SENT_END = re.compile(r"。|(?<=[^\x00-\x7f])\.(?=[^\x00-\x7f]|$)|[！？]")
SPACES = " \u3000\xa0\u2002\u2003\u2009\u200b\ufeff"
DROP_LINE = re.compile(rf"^\s*(?:[—–\-－]+\s*[{DIGITS}]+\s*[—–\-－]+|[{DIGITS}]{{1,2}})\s*$")
ANY_SPACE = re.compile("[" + re.escape(SPACES) + "]")
IMPLICIT_MAX = 25  # an unnumbered paragraph opening with a sentence this short is a sub-item


@dataclass
class Compact:
    """A view of ``text`` without layout noise; ``pos[i]`` is the index in ``text`` of ``s[i]``."""

    s: str
    pos: list[int]
    memo: dict = field(default_factory=dict, repr=False, compare=False)  # values derived from ``s``

    def span(self, a: int, b: int) -> tuple[int, int]:
        """The original span covering compact ``s[a:b]``."""
        if b <= a:
            return self.pos[a], self.pos[a]
        return self.pos[a], self.pos[b - 1] + 1


def _keep_space(text: str, i: int) -> bool:
    """A space between two ASCII word characters (``Open Harmony``) is kept."""
    before = text[i - 1] if i else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return before.isascii() and before.isalnum() and after.isascii() and after.isalnum()


def compact(text: str) -> Compact:
    """The Compact view of ``text``."""
    chars: list[str] = []  # pieces
    pos: list[int] = []
    start = 0
    for line in text.split("\n"):
        if not DROP_LINE.match(line):
            table = "\t" in line  # spaces in a table cell separate units
            if table or not ANY_SPACE.search(line):
                chars.append(line)
                pos.extend(range(start, start + len(line)))
            else:  # copy the runs between the dropped spaces
                kept = 0
                for m in ANY_SPACE.finditer(line):
                    j = m.start()
                    if not _keep_space(line, j):
                        chars.append(line[kept:j])
                        pos.extend(range(start + kept, start + j))
                        kept = j + 1
                chars.append(line[kept:])
                pos.extend(range(start + kept, start + len(line)))
            chars.append("\n")
            pos.append(start + len(line))
        start += len(line) + 1
    if chars:
        chars.pop()
        pos.pop()
    pos.append(len(text))
    return Compact("".join(chars), pos)


@dataclass
class Item:
    """One numbered (or implicit) item: its number, where it starts, its own heading."""

    rank: int
    number: str
    start: int  # compact offset of the number
    body: int  # compact offset just after the number
    line_end: int
    heading: str  # the item's own heading: after the number up to the first 。
    entry: str  # the outline entry: number + heading (``（一）确保项目落地``)
    parent: int | None = None
    implicit: bool = False
    children: list[int] = field(default_factory=list)

    @property
    def heading_only(self) -> bool:
        """The item's line holds nothing but its heading (a section title)."""
        return self.line_end - self.body <= len(self.heading) + 1


def item_number(line: str) -> tuple[int, str] | None:
    """(rank, number) when ``line`` opens with an item number."""
    if not ITEM_FIRST.match(line):
        return None
    for rank, rx in ITEM_PATTERNS:
        m = rx.match(line)
        if m and len(line) > m.end() and not line[m.end()].isdigit():
            return rank, m.group(0)
    return None


def heading_of(rest: str, limit: int = 40) -> str:
    """The item's own heading: up to the first sentence end, or the whole short line."""
    rest = rest.split("\n", 1)[0].replace("�", "").strip()
    m = SENT_END.search(rest)
    head = rest[: m.start()] if m else rest
    if len(head) > limit:  # no heading sentence: the first clause
        head = re.split(r"[，,；;：:]", head, maxsplit=1)[0][:limit]
    return head.strip("：: ")


def _implicit_heading(line: str, prev: str, prev_numbered: bool | None = None) -> str | None:
    """An unnumbered paragraph that opens with a short heading sentence (``智能化制造。…``);
    the line before must have ended a sentence (else this is a wrapped line) or be a numbered
    title (``prev_numbered``: whether ``prev`` opens with an item number, when known)."""
    if prev and not prev.endswith(("。", "！", "？", "）", ")")):
        numbered = item_number(prev) is not None if prev_numbered is None else prev_numbered
        if not (numbered and len(prev) <= 40 and not SENT_END.search(prev[:-1])):
            return None
    m = SENT_END.search(line)
    if not m or m.start() > IMPLICIT_MAX or m.start() < 4:
        return None
    head = line[: m.start()]
    if re.search(r"[，,；;：:（(“”‘’\"]", head) or m.end() >= len(line):
        return None
    return head


def parse_outline(c: Compact) -> list[Item]:
    """Every item of the compact text, with parents (a stack by rank)."""
    items: list[Item] = []
    stack: list[int] = []
    at, prev, prev_found = 0, "", False
    for line in c.s.split("\n"):
        start, end = at, at + len(line)
        at = end + 1
        if not line or "\t" in line:
            continue
        found = item_number(line)
        before, prev, before_found, prev_found = prev, line, prev_found, found is not None
        if found:
            rank, number = found
            heading = heading_of(line[len(number) :])
            item = Item(rank, number, start, start + len(number), end, heading, number + heading)
        else:
            head = _implicit_heading(line, before, before_found)
            if head is None:
                continue
            top = next((items[j] for j in reversed(stack) if not items[j].implicit), None)
            rank = max(top.rank if top else 0, 5) + 1
            item = Item(rank, "", start, start, end, head, head, implicit=True)
        while stack and items[stack[-1]].rank >= item.rank:
            stack.pop()
        item.parent = stack[-1] if stack else None
        if item.parent is not None:
            items[item.parent].children.append(len(items))
        stack.append(len(items))
        items.append(item)
    return items


def innermost(items: list[Item], pos: int) -> int | None:
    """Index of the innermost item that contains compact offset ``pos``."""
    best = None
    for i, it in enumerate(items):
        if it.start > pos:
            break
        best = i
    if best is None:
        return None
    # the last item started before pos; it contains pos unless a sibling/ancestor closed it
    return best


def chain(items: list[Item], i: int | None) -> list[int]:
    """The item and its ancestors, top first."""
    out: list[int] = []
    while i is not None:
        out.append(i)
        i = items[i].parent
    return out[::-1]


def outline_entries(items: list[Item], i: int | None) -> list[str]:
    """Outline strings (``["三、主要任务", "（二）…"]``) of the numbered items above and at ``i``."""
    return [items[j].entry for j in chain(items, i) if not items[j].implicit]


HARD_BREAK_AFTER = "。；;！？：:）)\n"


def _after_blanks(s: str, i: int) -> int:
    while i < len(s) and s[i] == "\n":
        i += 1
    return i


def _page_gap(s: str, i: int, line_start: int, starts: set[int]) -> bool:
    """A blank line that cuts a sentence (a PDF page break): the line before is running text
    (long, with clause punctuation) and ends mid-sentence, the next line opens no item."""
    if i + 1 >= len(s) or s[i + 1] != "\n" or i == line_start:
        return False
    line = s[line_start:i]
    j = _after_blanks(s, i)
    return (
        j < len(s)
        and s[i - 1] not in HARD_BREAK_AFTER
        and len(line) >= 15
        and re.search(r"[，,、]", line) is not None
        and "\t" not in line
        and j not in starts
    )


def unwrap(c: Compact, items: list[Item] | None = None) -> Compact:
    """``c`` with soft line breaks (PDF wrapping inside a sentence) removed; breaks after a
    sentence end, before an item number, after short lines and around blank lines are kept,
    except a blank line that cuts a sentence (a page break)."""
    starts = {it.start for it in (items if items is not None else parse_outline(c))}
    s, cpos = c.s, c.pos
    chars: list[str] = []  # pieces
    pos: list[int] = []
    line_start = 0
    copy_from = 0  # the characters before it are emitted or dropped
    i = s.find("\n")
    while i >= 0:
        chars.append(s[copy_from:i])
        pos.extend(cpos[copy_from:i])
        if _page_gap(s, i, line_start, starts):
            line_start = copy_from = _after_blanks(s, i)
            i = s.find("\n", copy_from)
            continue
        prev = s[i - 1] if i else "\n"
        nxt = s[i + 1] if i + 1 < len(s) else "\n"
        keep = (
            prev in HARD_BREAK_AFTER
            or nxt == "\n"
            or (i + 1) in starts
            or (i - line_start < 15 and not re.search(r"[，,、]", s[line_start:i]))
            or "\t" in s[line_start:i]
        )
        line_start = copy_from = i + 1
        if keep:
            chars.append("\n")
            pos.append(cpos[i])
        i = s.find("\n", copy_from)
    chars.append(s[copy_from:])
    pos.extend(cpos[copy_from : len(s)])
    pos.append(cpos[len(s)])
    return Compact("".join(chars), pos)

"""Header blocks: a 文号 line with its title, issuer line and date line; the signature."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.models import Evidence, Text
from kg.segment.lines import (
    _ORG_LINE,
    MAX_TITLE_LINES,
    _is_date_line,
    _is_title_line,
    _key,
    _lines,
    _number_of_line,
    _transmitted,
    _typed,
    issuer_endings,
    parse_date,
    squeeze,
)
from kg.segment.titled import (
    joint_issuers,
    sends_next,
    signed_date,
    title_blocks,
    titled_number,
    under_title,
)


@dataclass
class _Block:
    """A notice's header block: the lines it owns and what it says."""

    number: str | None  # None: a document printed without a 文号, known by its title
    num_line: int  # the 文号's line (the title's last line when there is none)
    title_lines: list[int]
    date_line: int | None
    first: int  # first line index of the block
    last: int  # last line index (inclusive)
    title: str | None = None  # the title when its line also holds the 文号
    header: Evidence | None = None  # printed only in the page's metadata header: where it says so


class _Segmenter:
    def __init__(self, text: Text):
        self.t = text
        self.lines = _lines(text.text)
        self.owned: dict[int, int] = {}  # line index -> block index
        self._keyed: dict[str, list[tuple[int, str]]] | None = None

    def keyed_lines(self) -> dict[str, list[tuple[int, str]]]:
        """Lines that may hold a title (not blank, no 《, a key of ≥ 4 characters) as (index, key),
        by the first four characters of the key, in reading order."""
        if self._keyed is None:
            self._keyed = {}
            for i, ln in enumerate(self.lines):
                if ln.blank or (
                    "《" in ln.text and not (_is_title_line(ln.text) and _typed(squeeze(ln.text)))
                ):
                    continue
                t = _key(squeeze(ln.text))
                if len(t) >= 4:
                    self._keyed.setdefault(t[:4], []).append((i, t))
        return self._keyed

    # -- helpers over line indices
    def _prev_nonblank(self, i: int, limit: int = 4) -> int | None:
        j, seen = i - 1, 0
        while j >= 0 and seen <= limit:
            if not self.lines[j].blank:
                return j
            j -= 1
            seen += 1
        return None

    def _next_nonblank(self, i: int, limit: int = 4) -> int | None:
        j, seen = i + 1, 0
        while j < len(self.lines) and seen <= limit:
            if not self.lines[j].blank:
                return j
            j += 1
            seen += 1
        return None

    def _title_before(self, i: int) -> list[int]:
        """Title lines just above a number line: ``…关于…的通知`` lines, with an issuer line above."""
        found: list[int] = []
        j = self._prev_nonblank(i)
        while j is not None and len(found) < MAX_TITLE_LINES and j not in self.owned:
            t = squeeze(self.lines[j].text)
            if t.endswith("文件") and len(t) <= 20:  # the 版头 (XX人民政府文件)
                j = self._prev_nonblank(j)
                continue
            if not _is_title_line(t) or _number_of_line(self.lines[j]) or _is_date_line(self.lines[j]):
                break
            joined = "".join(squeeze(self.lines[k].text) for k in [j, *found])
            if "关于" in joined or _typed(joined):
                if found and "关于" in "".join(squeeze(self.lines[k].text) for k in found):
                    # above a complete 关于 title only the issuer line may stand
                    if _ORG_LINE.match(t) and "关于" not in t:
                        found.insert(0, j)
                    break
                found.insert(0, j)
            else:  # an issuer line above a 关于 line ends the title; anything else is not a title
                if found and _ORG_LINE.match(t):
                    found.insert(0, j)
                break
            j = self._prev_nonblank(j)
        title = "".join(squeeze(self.lines[k].text) for k in found)
        if found and _typed(title) and ("关于" in title or len(found) == 1):
            return found
        return []

    def _title_run(self, i: int, stop: int) -> list[int]:
        """A title block starting at line ``i``: an optional issuer line, then lines up to the one
        ending in a document type (``…的通知``)."""
        run: list[int] = []
        j: int | None = i
        while j is not None and j < stop and len(run) < MAX_TITLE_LINES + 1:
            t = squeeze(self.lines[j].text)
            if not _is_title_line(t) or _number_of_line(self.lines[j]) or _is_date_line(self.lines[j]):
                break
            run.append(j)
            joined = "".join(squeeze(self.lines[k].text) for k in run)
            if "关于" in joined and _typed(joined):
                return run
            if not ("关于" in joined or _ORG_LINE.match(joined)):
                break
            j = self._next_nonblank(j, 2)
        return []

    def _date_after(self, i: int, limit: int) -> int | None:
        for j in range(i + 1, min(limit, len(self.lines))):
            if j in self.owned:
                break
            if _is_date_line(self.lines[j]) or signed_date(self.lines[j]):
                return j
        return None

    def blocks(self) -> list[_Block]:
        titled = {
            i: got
            for i, ln in enumerate(self.lines)
            if (
                got := titled_number(ln) or ("号" in ln.text and titled_number(ln, sends_next(self.lines, i)))
            )
        }
        nums = [
            (i, n)
            for i, ln in enumerate(self.lines)
            if (n := _number_of_line(ln) or titled.get(i, ("", ""))[1])
        ]
        blocks: list[_Block] = []
        for k, (i, number) in enumerate(nums):
            if any(b.number == number for b in blocks):  # the same number printed twice (a header dump)
                continue
            # the next block's line (the same number printed again below is not one)
            nxt = next((j for j, n in nums[k + 1 :] if n != number), len(self.lines))
            if i in titled:  # the title line carries the 文号
                date = self._date_after(i, nxt)
                last = date if date is not None else i
                blocks.append(_Block(number, i, [i], date, i, last, squeeze(titled[i][0])))
                for j in range(i, last + 1):
                    self.owned.setdefault(j, len(blocks) - 1)
                continue
            title = self._title_before(i)
            after = self._next_nonblank(i)
            if not title and after is not None:
                title = self._title_run(after, nxt)
            elif after is not None and (run := self._title_run(after, nxt)):
                # a page's short title above the 文号, the full one (with its issuer) below it
                above, below = (_key("".join(squeeze(self.lines[k].text) for k in r)) for r in (title, run))
                if above in below and len(below) > len(above):
                    title = run
            date = self._date_after(i, nxt)
            if not title:
                # the title block read after the body (a page's top block): inside or right after
                end = (date + 6) if date is not None else nxt
                for j in range(i + 1, min(end, nxt)):
                    if self.lines[j].blank or j in title:
                        continue
                    run = self._title_run(j, nxt)
                    if run:
                        title = run
                        break
            owned = [i, *title]
            if date is not None:
                owned.append(date)
            first, last = min(owned), max(owned)
            if date is not None and title and min(title) > date:
                last = max(title)
            blocks.append(_Block(number, i, title, date, first, last))
            for j in range(first, last + 1):
                self.owned.setdefault(j, len(blocks) - 1)
        self._untitled_blocks(blocks)
        return blocks

    def _untitled_blocks(self, blocks: list[_Block]) -> None:
        """Blocks of documents printed without a 文号 (see kg.segment.titled)."""
        wanted = {_key(w) for b in blocks for w in _transmitted(self.block_title(b))}
        firsts = sorted(b.first for b in blocks)
        for i, j in title_blocks(self, wanted):
            if i in self.owned or j in self.owned:
                continue
            nxt = next((f for f in firsts if f > i), len(self.lines))
            under = under_title(self.lines[j])
            date = j if under and parse_date(self.lines[j].text) else self._date_after(j, nxt)
            first = i
            prev = self._prev_nonblank(i, 2)
            if (
                prev is not None
                and prev not in self.owned
                and squeeze(self.lines[prev].text) == squeeze(self.lines[i].text)
            ):
                first = prev  # the title printed twice
            head = self._title_head(i)
            if head is not None:
                first = min(first, head)
            last = max(x for x in (i, j if under else i, date) if x is not None)
            blocks.append(_Block(None, i, [i] if head is None else [head, i], date, first, last))
            for k in range(first, last + 1):
                self.owned.setdefault(k, len(blocks) - 1)

    def _title_head(self, i: int) -> int | None:
        """The line just above title line ``i`` that opens the same title (``中共中央 国务院关于进一步深化
        农村改革`` above ``扎实推进乡村全面振兴的意见``): its 关于 and no 文种 of its own."""
        k = self._prev_nonblank(i, 1)
        if k is None or k in self.owned or "关于" in squeeze(self.lines[i].text):
            return None
        t = squeeze(self.lines[k].text)
        if len(t) > 60 or "关于" not in t or _typed(t) or not _is_title_line(t):
            return None
        return k

    def block_title(self, b: _Block) -> str:
        return _unquoted(b.title or "".join(squeeze(self.lines[k].text) for k in b.title_lines))


def _unquoted(title: str) -> str:
    """A title printed whole inside 《》 (a web page's ``文号《…关于印发〈…〉的通知》``) without them."""
    inner = title[1:-1]
    if title.startswith("《") and title.endswith("》") and _balanced(inner):
        return inner
    return title


def _balanced(s: str) -> bool:
    depth = 0
    for c in s:
        depth += (c == "《") - (c == "》")
        if depth < 0:
            return False
    return depth == 0


# One issuer named in a title's head before 关于 (kg/data/issuer_endings.tsv).
_TITLE_ISSUER = re.compile(rf".+?(?:{issuer_endings('title')})")


def _issuers_from(title: str, sig: list[str], printed: str = "") -> list[str]:
    """The signature's agencies, else the joint issuers named before 关于 in the title as
    ``printed`` (spaces kept), else the organisations the title names before 关于."""
    if sig:
        return sig
    if joint := joint_issuers(printed):
        return joint
    head = title.split("关于")[0] if "关于" in title else ""
    parts = _TITLE_ISSUER.findall(head)
    return [p for p in parts if len(p) >= 3]


def _signature(seg: _Segmenter, date_line: int | None, floor: int) -> list[str]:
    """Issuer names printed on the lines just above the date line."""
    if date_line is None:
        return []
    if signed := signed_date(seg.lines[date_line]):
        return signed[0]
    out: list[str] = []
    j = seg._prev_nonblank(date_line, 3)
    while j is not None and j > floor and len(out) < 4:
        t = squeeze(seg.lines[j].text)
        if _ORG_LINE.match(t) and "关于" not in t and len(t) <= 40:
            out.insert(0, t)
            j = seg._prev_nonblank(j, 2)
        else:
            break
    return out

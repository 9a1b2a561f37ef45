"""Segment a publication into the documents (and yearbook entries) it prints.

A gazette prints documents as header blocks: the title (often with its issuer on a line above,
``XX人民政府办公室`` / ``关于…的通知``), the 文号 on a line of its own, the 主送机关, the body, the
signature and the 成文日期. A 印发 notice transmits a plan whose title is printed on a line of its own
(before or after the notice). PDF extraction can move a header block into the middle of another
document's text, or put a notice's title after its date (the page's top block read last): the
segmenter works on lines, finds every header block wherever it sits, and gives each document the
lines that are not part of another's block, so the reading order is repaired in the views.

Yearbook and news publications print no such blocks; their ``【heading】`` paragraphs become
``entry`` segments, which later stages search for mentions and citations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from kg.docnumber import NUMBER_RE, normalise_number
from kg.doctypes import doc_type, doc_type_surface
from kg.models import Segment, Text

_DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月"
    r"\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
)
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
_ORG_LINE = re.compile(
    r"^(中共)?[\u4e00-\u9fff]{2,30}(人民政府|办公室|办公厅|委员会|人民武装部|局|厅|委|部|院|会)"
    r"([ \u3000]+[\u4e00-\u9fff]{2,30}(人民政府|办公室|办公厅|委员会|人民武装部|局|厅|委|部|院|会))*$"
)
_ITEM_START = re.compile(
    r"^(\s*)([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、]|第[一二三四五六七八九十百]+条)"
)
_HEADING = re.compile(r"^\s*【([^】]{1,40})】")
# Spaces after or before a non-ASCII character; written to start with the space (fast to search).
_SPACES = re.compile(r"[ \u3000\t](?:(?<=[^\x00-\x7f][ \u3000\t])[ \u3000\t]*|[ \u3000\t]*(?=[^\x00-\x7f]))")
_TRANSMIT = re.compile(r"(?:印发|转发|发布)(?P<what>.+?)(?:的通知|的通告|的决定)$")
_EFFECTIVE = re.compile(
    r"自(?P<date>(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}日)?)?)(?:起|开始)(?:施行|执行|实施|生效)"
)
_FROM = re.compile(
    r"(?:^|[\n。；])(?:[一二三四五六七八九十]+、)?自(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)起[，,]"
)
_FROM_AT = re.compile(r"自(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)起[，,]")
_FROM_BOUNDARY = "\n。；"
_CN_NUMERALS = "一二三四五六七八九十"
_UNTIL = re.compile(r"有效期(?:至|到)(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)")
_RECIPIENTS = re.compile(r"^[^。！？]{2,120}[：:]$")

MAX_TITLE_LINES = 4


def _typed(title: str) -> bool:
    """The title ends in a document kind of kg/data/doc_types.tsv (…的通知, …实施方案（2022—2025年）)."""
    return doc_type_surface(title) is not None


@dataclass
class _Line:
    start: int
    end: int  # exclusive, without the newline
    text: str  # stripped

    @property
    def blank(self) -> bool:
        return not self.text


def squeeze(s: str) -> str:
    """Remove layout spaces next to CJK characters (``关于 2021 年`` -> ``关于2021年``)."""
    return _squeeze_line(s) if len(s) <= 1000 else _SPACES.sub("", s).strip()


@lru_cache(maxsize=1 << 16)  # the segmenter squeezes the same lines again and again
def _squeeze_line(s: str) -> str:
    return _SPACES.sub("", s).strip()


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        out.append(_Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def _cn_int(s: str) -> int:
    if s.isdigit():
        return int(s)
    if all(c in _CN_DIGITS for c in s) and len(s) == 4:  # 二〇二二
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    # 十, 十二, 二十, 二十一, 三十一
    if "十" in s:
        a, _, b = s.partition("十")
        return (_CN_DIGITS.get(a, 1) if a else 1) * 10 + (_CN_DIGITS.get(b, 0) if b else 0)
    return _CN_DIGITS.get(s, 0)


def parse_date(s: str) -> str | None:
    """The first date in ``s`` as ISO ``YYYY-MM-DD`` (Arabic or Chinese numerals)."""
    m = _DATE_RE.search(s)
    if not m:
        return None
    y, mo, d = _cn_int(m["y"]), _cn_int(m["m"]), _cn_int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _partial_date(s: str) -> str | None:
    """``2022年6月19日`` -> 2022-06-19; ``2021年`` -> 2021-01-01; ``2021年3月`` -> 2021-03-01."""
    m = re.match(r"(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?", s)
    if not m:
        return None
    return f"{int(m[1]):04d}-{int(m[2] or 1):02d}-{int(m[3] or 1):02d}"


def _is_date_line(line: _Line) -> bool:
    t = squeeze(line.text)
    m = _DATE_RE.search(t)
    return bool(m) and m.start() == 0 and len(t) - m.end() <= 2 and len(t) <= 20


def _number_of_line(line: _Line) -> str | None:
    """The 文号 when a line is (almost) only a 文号: ``绍柯政发〔2022〕2 号``, ``（皖政办秘〔2021〕82号）``."""
    t = line.text
    if not t or len(t) > 40 or "号" not in t:  # every 文号 ends in 号
        return None
    m = NUMBER_RE.search(t)
    if not m:
        return None
    rest = (t[: m.start()] + t[m.end() :]).strip(" \u3000()（）")
    if len(squeeze(rest)) > 2:
        return None
    return normalise_number(m.group(0))


def _is_title_line(t: str) -> bool:
    t = squeeze(t)
    return bool(t) and len(t) <= 80 and not t.endswith(("。", "：", ":", "；", "，")) and "。" not in t


def _looks_like_title(t: str) -> bool:
    t = squeeze(t)
    return _is_title_line(t) and ("关于" in t or _typed(t))


@dataclass
class _Block:
    """A notice's header block: the lines it owns and what it says."""

    number: str
    num_line: int
    title_lines: list[int]
    date_line: int | None
    first: int  # first line index of the block
    last: int  # last line index (inclusive)


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
                if ln.blank or "《" in ln.text:
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
            if _is_date_line(self.lines[j]):
                return j
        return None

    def blocks(self) -> list[_Block]:
        nums = [(i, n) for i, ln in enumerate(self.lines) if (n := _number_of_line(ln))]
        blocks: list[_Block] = []
        for k, (i, number) in enumerate(nums):
            if any(b.number == number for b in blocks):  # the same number printed twice (a header dump)
                continue
            nxt = nums[k + 1][0] if k + 1 < len(nums) else len(self.lines)
            title = self._title_before(i)
            after = self._next_nonblank(i)
            if not title and after is not None:
                title = self._title_run(after, nxt)
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
        return blocks


def _issuers_from(title: str, sig: list[str]) -> list[str]:
    if sig:
        return sig
    head = title.split("关于")[0] if "关于" in title else ""
    parts = re.findall(
        r".+?(?:人民政府办公室|人民政府办公厅|人民政府|委员会|办公室|办公厅|人民武装部|局|厅|委|部)", head
    )
    return [p for p in parts if len(p) >= 3]


def _signature(seg: _Segmenter, date_line: int | None, floor: int) -> list[str]:
    """Issuer names printed on the lines just above the date line."""
    if date_line is None:
        return []
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


def _transmitted(title: str) -> list[str]:
    """Titles of what a 印发 notice transmits: ``关于印发《A》和《B》的通知`` / ``印发A的通知``."""
    m = _TRANSMIT.search(title)
    if not m:
        return []
    what = m["what"]
    quoted = re.findall(r"《(.+?)》", what)
    if quoted:
        return quoted
    return [what]


_KEY_DROP = re.compile(r"[\s《》〈〉“”\"()（）]")


@lru_cache(maxsize=1 << 16)
def _key(s: str) -> str:
    return _KEY_DROP.sub("", s)


def segment(t: Text) -> list[Segment]:
    """The documents a publication prints, or its entries when it prints none."""
    seg = _Segmenter(t)
    blocks = seg.blocks()
    if not blocks:
        return _entries(t, seg)
    lines = seg.lines
    out: list[Segment] = []
    # the notices
    for b in blocks:
        title = "".join(squeeze(lines[k].text) for k in b.title_lines) or None
        floor = b.num_line
        sig = _signature(seg, b.date_line, floor)
        out.append(
            Segment(
                kind="document",
                text=t,  # replaced below
                title=title,
                number=b.number,
                date=parse_date(lines[b.date_line].text) if b.date_line is not None else None,
                issuers=_issuers_from(title or "", sig),
                doc_type=doc_type(title) if title else None,
                evidence=t.evidence(lines[b.num_line].start, lines[b.num_line].end),
            )
        )
    # the documents they transmit: a line of its own holding the transmitted title
    starts: dict[int, int] = {}  # line index where a body-owner starts -> segment index
    for bi, b in enumerate(blocks):
        starts.setdefault(b.first, bi)
    for bi, b in enumerate(blocks):
        wants = _transmitted(out[bi].title or "")
        if len(wants) == 1 and _find_title_line(seg, wants[0], b) is None:
            wants = _split_transmitted(seg, wants[0]) or wants
        for want in wants:
            li = _find_title_line(seg, want, b)
            if li is None:
                continue
            lines_of_title = _grow_title(seg, li, want)
            ttl = "".join(squeeze(lines[k].text) for k in lines_of_title)
            if not ttl.endswith(_key(want)[-2:]) and _key(want) not in _key(ttl):
                ttl = want
            out.append(
                Segment(
                    kind="document",
                    text=t,
                    title=ttl,
                    issuers=list(out[bi].issuers),
                    date=out[bi].date,
                    doc_type=doc_type(ttl),
                    part_of=bi,
                    evidence=t.evidence(lines[lines_of_title[0]].start, lines[lines_of_title[-1]].end),
                )
            )
            for k in lines_of_title:
                seg.owned[k] = -1  # title lines: the attached document's own header
            starts[lines_of_title[0]] = len(out) - 1
    _speech(seg, blocks, out, starts)
    annexes = _printed_annexes(seg, out, starts)
    _assign_bodies(t, seg, blocks, out, starts, annexes)
    for bi, b in enumerate(blocks):
        out[bi].recipients = _recipients(seg, b)
    for s in out:
        _effective(s)
        s.attachments = _attachments(s.text.text)
    # a notice without its own dates takes those of the document it transmits
    for s in out:
        if s.part_of is not None:
            parent = out[s.part_of]
            parent.effective_from = parent.effective_from or s.effective_from
            parent.effective_until = parent.effective_until or s.effective_until
    return out


def _find_title_line(seg: _Segmenter, want: str, b: _Block) -> int | None:
    """The line (outside every header block) on which a transmitted title starts."""
    key = _key(want)
    for i, t in seg.keyed_lines().get(key[:4], ()):  # t, a prefix of key, starts like it
        if i in seg.owned:
            continue
        if t == key or (key.startswith(t) and len(t) >= len(key) // 2):
            if _is_title_line(seg.lines[i].text):
                return i
    return None


def _split_transmitted(seg: _Segmenter, what: str) -> list[str]:
    """``A和B`` printed as one phrase in the title: the pieces that stand as title lines of their own."""
    key = _key(what)
    found: list[str] = []
    keyed = seg.keyed_lines()  # a line whose key occurs in ``key`` starts like one of key's 4-grams
    near = sorted({row for j in range(len(key) - 5) for row in keyed.get(key[j : j + 4], ())})
    for i, t in near:
        if len(t) < 6 or i in seg.owned or t == key or not _is_title_line(seg.lines[i].text):
            continue
        pos = key.find(t)
        if pos < 0:
            continue
        ln = seg.lines[i]
        before, after = key[:pos], key[pos + len(t) :]
        if (not before or before[-1] in "和及、与") and (not after or after[0] in "和及、与"):
            if squeeze(ln.text) not in found:
                found.append(squeeze(ln.text))
    return found


def _grow_title(seg: _Segmenter, i: int, want: str) -> list[int]:
    key, run = _key(want), [i]
    j = seg._next_nonblank(i, 2)
    while (
        j is not None
        and len(run) < MAX_TITLE_LINES
        and _key("".join(squeeze(seg.lines[k].text) for k in run)) != key
    ):
        cand = run + [j]
        if key.startswith(_key("".join(squeeze(seg.lines[k].text) for k in cand))):
            run = cand
            j = seg._next_nonblank(j, 2)
        else:
            break
    return run


def _speech(seg: _Segmenter, blocks: list[_Block], out: list[Segment], starts: dict[int, int]) -> None:
    """A notice that transmits a speech (印发…讲话的通知) prints it with its own title, ending in
    ``…上的讲话`` on a ``——`` subtitle line."""
    subtitles = [i for i, ln in enumerate(seg.lines) if "讲话" in ln.text and "—" in ln.text]
    for bi in range(len(blocks)):
        title = out[bi].title or ""
        if "讲话" not in title or any(s.part_of == bi for s in out):
            continue
        for i in subtitles:
            t = squeeze(seg.lines[i].text)
            if i in seg.owned or not t.startswith("——") or "讲话" not in t:
                continue
            run = [i]
            j = seg._prev_nonblank(i, 2)
            while j is not None and len(run) < 4 and j not in seg.owned and _is_title_line(seg.lines[j].text):
                run.insert(0, j)
                j = seg._prev_nonblank(j, 2)
            ttl = re.sub(r"\s+", "", "".join(squeeze(seg.lines[k].text) for k in run))
            # the speaker's name, then the date in brackets: （2022 年 2 月 25 日上午）
            nd = seg._next_nonblank(seg._next_nonblank(i, 2) or i, 2)
            date = parse_date(seg.lines[nd].text) if nd is not None else None
            out.append(
                Segment(
                    kind="document",
                    text=seg.t,
                    title=ttl,
                    date=date,
                    doc_type="讲话",
                    part_of=bi,
                    evidence=seg.t.evidence(seg.lines[run[0]].start, seg.lines[run[-1]].end),
                )
            )
            for k in run:
                seg.owned[k] = -1
            starts[run[0]] = len(out) - 1
            break


_ANNEX = re.compile(r"^附件\s*\d*$")
_DATA = Path(__file__).parent / "data"


@cache
def _annex_not_documents() -> tuple[str, ...]:
    """Title endings of printed annexes that are lists or forms, not documents (kg/data/annex_kinds.tsv)."""
    rows = (_DATA / "annex_kinds.tsv").read_text(encoding="utf-8").splitlines()
    return tuple(r.strip() for r in rows if r.strip() and not r.startswith("#"))


def _printed_annexes(seg: _Segmenter, out: list[Segment], starts: dict[int, int]) -> set[int]:
    """Attachments printed in full: a line ``附件`` (``附件2``, no colon: a list says ``附件：``) then a
    title line of their own, then their text. Their parent is found while bodies are assigned."""
    found: set[int] = set()
    for i, ln in enumerate(seg.lines):
        if i in seg.owned or not _ANNEX.match(squeeze(ln.text)):
            continue
        j = seg._next_nonblank(i, 2)
        if j is None or j in seg.owned or j in starts:
            continue
        t = squeeze(seg.lines[j].text)
        if not _looks_like_title(t) or _ITEM_START.match(t) or seg._next_nonblank(j, 2) is None:
            continue
        if t.endswith(_annex_not_documents()):
            continue
        out.append(
            Segment(
                kind="document",
                text=seg.t,
                title=t,
                doc_type=doc_type(t),
                evidence=seg.t.evidence(seg.lines[j].start, seg.lines[j].end),
            )
        )
        seg.owned[i] = seg.owned[j] = -1
        starts[j] = len(out) - 1
        found.add(len(out) - 1)
    return found


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


def _recipients(seg: _Segmenter, b: _Block) -> list[str]:
    """主送机关: the line ending in ：after the number (and the title, when it follows the number)."""
    j = seg._next_nonblank(b.num_line)
    while j is not None and b.title_lines and j <= max(b.title_lines) and j > b.num_line:
        j = seg._next_nonblank(j)
    if j is None:
        return []
    t = squeeze(seg.lines[j].text)
    nxt = seg._next_nonblank(j, 1)
    if not t.endswith(("：", ":")) and nxt is not None:  # a 主送 line wrapped by the layout
        t2 = squeeze(seg.lines[nxt].text)
        if t2.endswith(("：", ":")) and len(t + t2) <= 120:
            t = t + t2
    if not _RECIPIENTS.match(t) or len(t) < 4:
        return []
    return [r for r in re.split(r"[，,；;]", t.rstrip("：:")) if r]


_ATTACH_HEAD = re.compile(r"^\s*附件[：:]\s*(.*)$", re.M)
_ATTACH_ITEM = re.compile(r"^\s*(?:\d+[.．、]\s*)(.+)$")


def _attachments(text: str) -> list[str]:
    """Titles in the 附件 list: ``附件：1. A`` / ``附件：`` then numbered lines."""
    m = _ATTACH_HEAD.search(text) if "附件" in text else None
    if not m:
        return []
    out = []
    first = squeeze(m.group(1))
    if first:
        out.append(_ATTACH_ITEM.sub(r"\1", first))
    for line in text[m.end() :].split("\n")[1:12]:
        line = squeeze(line)
        if not line:
            continue
        im = _ATTACH_ITEM.match(line)
        if not im:
            break
        out.append(squeeze(im.group(1)))
    return [a for a in out if 2 <= len(a) <= 80]


def _effective(s: Segment) -> None:
    text = squeeze(s.text.text) if len(s.text.text) < 400_000 else s.text.text
    m = _EFFECTIVE.search(text) or _search_from(text)
    if m:
        s.effective_from = _partial_date(m["date"])
    m = _UNTIL.search(text)
    if m:
        s.effective_until = _partial_date(m["date"])


def _search_from(text: str) -> re.Match | None:
    """The first ``自…起，`` that ``_FROM`` matches (its ``date`` group), found from the 自 it needs:
    it must open the text or a clause, after an optional ``三、``."""
    for m in _FROM_AT.finditer(text):
        k = m.start()
        if _clause_starts(text, k):
            return m
        if k > 0 and text[k - 1] == "、":
            j = k - 1
            while j > 0 and text[j - 1] in _CN_NUMERALS:
                j -= 1
            if j < k - 1 and _clause_starts(text, j):
                return m
    return None


def _clause_starts(text: str, i: int) -> bool:
    return i == 0 or text[i - 1] in _FROM_BOUNDARY


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

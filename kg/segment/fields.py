"""A document's fields read from its text: 主送机关, 附件 list, dates in force."""

from __future__ import annotations

import re

from kg.models import Segment
from kg.segment.blocks import _Block, _Segmenter
from kg.segment.lines import _partial_date, squeeze

_EFFECTIVE = re.compile(
    r"自(?P<date>(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}日)?)?)(?:起|开始)(?:施行|执行|实施|生效)"
)
_FROM = re.compile(
    r"(?:^|[\n。；])(?:[一二三四五六七八九十]+、)?自(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)起[，,]"
)
_FROM_AT = re.compile(r"自(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)起[，,]")
_FROM_BOUNDARY = "\n。；"
_CN_NUMERALS = "一二三四五六七八九十"
_ON_ISSUE = re.compile(r"自(?:印发|发布|公布|颁布|下发)之日起(?:施行|执行|实施|生效)")
_UNTIL = re.compile(r"有效期(?:至|到)(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)")
_RECIPIENTS = re.compile(r"^[^。！？]{2,120}[：:]$")


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
    elif s.date and _ON_ISSUE.search(text):
        s.effective_from = s.date  # 自印发之日起施行: in force from its date
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

"""Documents known by their title: a title carrying its 文号, joint issuers named before 关于, a
signature on the date's line, and documents printed without a 文号.

A document without a 文号 (公告, 决议, 政府工作报告, 讲话, a 意见 or 方案 printed without a number) is
still a document: its title stands on a line of its own (关于…的 + 文种, or a bare 文种 title), and
what follows says that a document begins: the 主送 line ending in ``：``, or a bracketed line under
the title saying when it was adopted, delivered or issued (``（2024年1月5日省十四届人大二次会议通过）``,
``（2023年2月9日在市十七届人大三次会议上）``, ``（2020年）``, ``（2025年1月1日）`` under a 中共中央 国务院 意见).
A title broken over two lines (a markdown copy's two headings) starts on the line with its 关于.
"""

from __future__ import annotations

import re

from kg.docnumber import NUMBER_RE, normalise_number
from kg.segment.lines import _DATE_RE, _is_title_line, _key, _Line, _typed, squeeze

_CJK = "\u4e00-\u9fff"
# a title ending in its 文号 in brackets: ``…的通知（银发〔2026〕42号）``
_TITLE_NUMBER_RE = re.compile(r"^(?P<title>.+?)[ \u3000]*[（(](?P<number>[^（()）]{4,30})[）)][ \u3000]*$")
# under a title: when and where it was adopted or delivered, or only its year
_UNDER_TITLE_RE = re.compile(
    r"^[（(](?:(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}日)?)?[^（()）]{0,60}(?:通过|会议上|上|讲话|报告|批准|公布)"
    r"|(?:19|20)\d{2}年(?:\d{1,2}月\d{1,2}日)?)[）)]$"
    # a work report's or speech's subtitle: ——2024年1月10日在…会议上
    r"|^[—－-]{1,2}[ \u3000]*(?:19|20)\d{2}年\d{1,2}月\d{1,2}日[^（()）。]{0,60}(?:会议上|会上|上的讲话|上的报告)$"
)
_OUTLINE_START_RE = re.compile(
    r"\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.．、])"
)
_MAIN_SEND_RE = re.compile(r"^[^。！？]{2,120}[：:]$")  # the 主送 line
_SEPARATORS_RE = re.compile(r"[ \u3000、]+")
_AGENCY_RE = re.compile(rf"[{_CJK}]{{2,20}}")
MAX_JOINT = 10


def titled_number(line: _Line, sends: bool = False) -> tuple[str, str] | None:
    """(title, 文号) when a line is a document title ending in its bracketed 文号; ``sends``: a 主送
    line follows, so a page title naming no 文种 (``2021年县政府重点工作任务（华政发〔2021〕2号）``)
    is one too."""
    t = line.text
    if "号" not in t or len(t) > 200:
        return None
    m = _TITLE_NUMBER_RE.match(t)
    if not m or not NUMBER_RE.fullmatch(m["number"].strip()):
        return None
    title = m["title"]
    if title.rstrip().endswith("》") or _OUTLINE_START_RE.match(title):  # a sentence citing a document
        return None
    if not _is_title_line(title) or not (sends or _typed(squeeze(title))):
        return None
    return title, normalise_number(m["number"].strip())


def sends_next(lines: list[_Line], i: int) -> bool:
    """The next line that is not blank after line ``i`` is a 主送 line (``各乡镇人民政府、县直各单位：``)."""
    j = next((k for k in range(i + 1, min(i + 4, len(lines))) if not lines[k].blank), None)
    return j is not None and bool(_MAIN_SEND_RE.match(t := squeeze(lines[j].text))) and len(t) >= 4


def joint_issuers(title: str) -> list[str]:
    """Agencies named before 关于, separated by spaces or 、 (two up to ten of them)."""
    if "关于" not in title:
        return []
    head = title.split("关于")[0].strip()
    parts = [p for p in _SEPARATORS_RE.split(head) if p]
    if not 2 <= len(parts) <= MAX_JOINT or not all(_AGENCY_RE.fullmatch(p) for p in parts):
        return []
    return parts


def signed_date(line: _Line) -> tuple[list[str], str] | None:
    """(signers, the date text) when a line is agencies separated by spaces, then the date."""
    m = _DATE_RE.search(line.text)
    if not m or line.text[m.end() :].strip() or m.start() == 0:
        return None
    parts = [p for p in _SEPARATORS_RE.split(line.text[: m.start()].strip()) if p]
    if not 1 <= len(parts) <= MAX_JOINT or not all(_AGENCY_RE.fullmatch(p) for p in parts):
        return None
    return parts, m.group(0)


def under_title(line: _Line) -> bool:
    """A bracketed line under a title: adopted at / delivered at / the year."""
    return bool(_UNDER_TITLE_RE.match(squeeze(line.text)))


def title_blocks(seg, wanted: set[str]) -> list[tuple[int, int]]:
    """Titles of documents printed without a 文号: (the title line, the line that shows a document
    begins). ``wanted``: keys of titles a notice transmits (their documents are found as such)."""
    out = []
    lines = seg.lines
    for i, ln in enumerate(lines):
        if ln.blank or i in seg.owned or len(ln.text) > 120:
            continue
        t = squeeze(ln.text)
        if not _is_title_line(t) or not _typed(t) or t.startswith(("《", "附件")):
            continue
        j = seg._next_nonblank(i, 2)
        if j is None or j in seg.owned:
            continue
        nxt = squeeze(lines[j].text)
        if nxt == t:  # the title printed twice (a database copy): the second copy leads
            continue
        if under_title(lines[j]):
            if _key(t) in wanted:
                continue
        elif not ("关于" in t and _MAIN_SEND_RE.match(nxt) and len(nxt) >= 4):
            continue
        out.append((i, j))
    return out


_ON_BEHALF_RE = re.compile(r"我代表([\u4e00-\u9fff]{0,20}?人民政府)[，,、向]")


def delivered_for(s) -> list[str]:
    """The government a work report or speech speaks for: ``我代表市人民政府，向大会报告…``."""
    if s.doc_type not in ("报告", "讲话") and not (s.title or "").endswith(("报告", "讲话")):
        return []
    m = _ON_BEHALF_RE.search(s.text.text)
    return [m[1]] if m else []

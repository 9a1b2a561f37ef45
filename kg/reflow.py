"""Paragraph breaks back into a body printed on one line (a website crawl).

A crawl may keep a whole publication on one line, its paragraphs joined by a space or by nothing.
The documents in it are the same: their boundaries are read from what a document is, and a line
break is put back at each (a break replaces the spaces it stands for, or is inserted and takes the
offset of the character after it, so evidence stays exact):

- a title at the start of a unit (the line's start, after a 文号, a date or another title): text
  without ``。；：，`` ending in a document kind (关于…的通知, …实施意见, 政府工作报告), the kind not
  continued by ``的``; with its bracketed 文号 or the bracketed line under it (``（…会议通过）``);
- a 文号 standing between units; the 主送 line and any other clause ending in ``：``;
- a signature and its date after a sentence's end (``。XX人民政府办公室2022年5月9日``);
- an outline marker after a sentence's end (``。二、``, ``；（三）``, ``。第五条``);
- spaces after a sentence's end, before or after a date or 文号, or after a long run of text;
- a list of persons each with their unit (``张三 区财政局``), one entry a line in print, run on
  (``张三 区财政局李四 区教育局``): each entry on its line.

Only lines that are flat are touched: long, holding outline markers after sentence ends with a
heading among them (a document's ordinary paragraphs never hold ``。二、``; an inline list
``包括：（一）…；（二）…`` is no body on one line), or opening with a document's title.
"""

from __future__ import annotations

import re
from array import array

from kg import data, page_numbers
from kg.docnumber import NUMBER_RE, find_numbers
from kg.doctypes import doc_type_surface
from kg.edits import apply_edits
from kg.list_entries import ENTRY

FLAT_MIN = 300  # characters of a line that may hold a whole body
_CN = "一二三四五六七八九十"
_OUTLINE = rf"(?:[{_CN}]{{1,3}}、|[（(][{_CN}]{{1,3}}[）)]|第[{_CN}百]{{1,4}}[章条节])"
_MARKER_AFTER_END_RE = re.compile(rf"(?<=[。；！？：:）)])[ \t\u3000]*(?={_OUTLINE})")
_TOP_MARKER_RE = re.compile(rf"[{_CN}]{{1,3}}、|第[{_CN}百]{{1,4}}[章条]")
# a top heading (``一、总体要求``, no punctuation in it) run on into its first sub-heading ``（一）``
_HEADING_THEN_SUB_RE = re.compile(
    rf"[{_CN}]{{1,3}}、[^。；！？：:，,、（()）\s]{{2,20}}(?P<sub>[（(][{_CN}]{{1,3}}[）)])"
)
_ARABIC_ITEM_RE = re.compile(r"(?<=[。；！？：:）)])[ \t\u3000]*(?=\d{1,2}[.．、](?!\d))")
_DATE = r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日"
_DATE_START_RE = re.compile(_DATE)
_DATE_END_RE = re.compile(rf"{_DATE}$")
_ORG_END = "|".join(w for w, kind in data.rows("reflow_words.tsv") if kind == "signer_end")
_BODY_OPENING = [w for w, kind in data.rows("reflow_words.tsv") if kind == "body_opening"]
# a markdown heading or quote mark run on after a sentence's end: ``。# 标题``, ``。> 引文``
_MARK_AFTER_END_RE = re.compile(r"(?<=[。！？；])[ \t]*(?:#{1,6}|>)[ \t]+")
# an entry of a table of contents: a 文号, then the page in brackets
_TOC_ENTRY_RE = re.compile(rf"(?P<number>{NUMBER_RE.pattern})[ \t\u3000]*[(（]\d{{1,3}}[)）]")
_ROWS_RE = re.compile(r"\|[ \t]*\|")
_ROW_RE = re.compile(r"\|(?:[^|\n]+\|){2,}")
# a date after a sentence's end (``。`` or an ASCII ``.`` after a Chinese character), signed or not
_SIGNED_RE = re.compile(
    rf"(?:(?<=[。！）)])|(?<=[\u4e00-\u9fff]\.))[ \t\u3000]*(?P<org>[\u4e00-\u9fff（）()“”]{{2,40}}?(?:{_ORG_END})(?:[ \t\u3000]+[\u4e00-\u9fff]{{2,20}}?(?:{_ORG_END}))*)?"
    rf"[ \t\u3000]*(?P<date>{_DATE})(?![，。、；：,.;:起前以至到止内后的])"
)
# a note under the date (``（此件公开发布）``)
_NOTE_RE = re.compile(r"[（(][^（()）。，,]{2,12}[）)]")
_COLON_RE = re.compile(r"(?<=[：:])(?![\d\s“\"])")
_SPACES_RE = re.compile(r"(?<=[^\x00-\x7f])[ \t\u3000]+(?=[^\x00-\x7f\d]|\d{4}年)")
_UNDER_RE = re.compile(
    r"[（(](?:(?:19|20)\d{2}年[^（()）。]{0,60}?(?:通过|会议上|批准|公布)|(?:19|20)\d{2}年)[）)]"
)
_EXCERPT_RE = re.compile(r"[（(](?:摘要|节选|摘编|摘录)[）)]")
# under a speech's title: the speaker's name (spaced out to fill its line), then the date in brackets
_SPEAKER_RE = re.compile(
    r"[ \t\u3000]*[\u4e00-\u9fff](?:[ \t\u3000]*[\u4e00-\u9fff]){1,3}[ \t\u3000]*"
    r"(?P<date>[（(](?:19|20)\d{2}年\d{1,2}月\d{1,2}日[\u4e00-\u9fff]{0,4}[）)])"
)
_NUMBER_IN_BRACKETS_RE = re.compile(r"[（(][^（()）]{4,30}号[）)]")
_PERIOD_RE = re.compile(r"[（(][^（()）]{0,16}\d{4}[^（()）]{0,16}[）)]")
# the 主送 line after a 文号: agencies (no sentence's end) up to a colon after an agency's name
_ADDRESSEE_END = "".join(w for w, kind in data.rows("reflow_words.tsv") if kind == "addressee_end")
_MAIN_SEND_RE = re.compile(rf"各[^。；！？：:]{{1,100}}?[{re.escape(_ADDRESSEE_END)}）)][：:]")
# the first words of a notice's body, after its 文号
_OPENING_RE = re.compile("|".join([*map(re.escape, _BODY_OPENING), "经[^。；]{1,20}同意"]))
_ANNEX_RE = re.compile(r"附件[ \t\u3000]*\d{0,2}(?![\d、，,）)])")
_ANNEX_LIST_RE = re.compile(r"附件[：:][ \t\u3000]*(?=1[.．、])")
_ITEM_NO_RE = re.compile(r"(?<!\d)(\d{1,2})[.．、](?!\d)")
# an organ's name run on after the last annex title, before its date or a title's 关于
_ORG_AT_RE = re.compile(rf"[\u4e00-\u9fff（）()]{{2,40}}?(?:{_ORG_END})(?=[ \t\u3000]*(?:关于|{_DATE}))")
ANNEX_ITEM_MAX = 120
# list entries run on (``张三 区财政局李四 区教育局``) break after each
_ENTRY_THEN_ENTRY_RE = re.compile(rf"{ENTRY}(?={ENTRY})")
MIN_ENTRIES = 3  # entries of a run: fewer may be two names in a sentence
_IN_QUOTES_RE = re.compile(r"《[^《》]{1,200}》")
_QUOTED_RE = re.compile(r"《([^《》]{4,120})》")
_TITLE_STOP = "。；：:，,！？"
_PUNCT_END = "。：:；！？）)】”"
LONG_RUN = 20
MAX_TITLE = 150
AFTER_PERIOD = 20


def reflow(text: str, offs: array, raw: str | None = None) -> tuple[str, array]:
    """Break every flat line at the boundaries of what it holds."""
    flat = [(pos, line) for pos, line in _positions(text) if len(line) >= FLAT_MIN and _flat(line)]
    if not flat:
        return text, offs
    # page numbers a crawl or a copied PDF left inside the body (``— 2 —``) go first
    drops = [
        (pos + m.start(), pos + m.end(), "", [])
        for pos, line in flat
        for m in page_numbers.IN_BODY_RE.finditer(line)
    ]
    drops += [(pos + a, pos + b, "", []) for pos, line in flat for a, b in _page_numbers_in_names(line)]
    if drops:
        text, offs = apply_edits(text, offs, sorted(drops))
        flat = [(pos, line) for pos, line in _positions(text) if len(line) >= FLAT_MIN and _flat(line)]
    edits = [(pos + a, pos + b, "\n", [offs[pos + a]]) for pos, line in flat for a, b in _breaks(line)]
    return apply_edits(text, offs, edits)


def _page_numbers_in_names(line: str) -> list[tuple[int, int]]:
    """A bare page number a crawl ran into a name in 《》 (``《贵州省优化营商环18境条例》``): digits
    between two 汉字 that count nothing (no 年/条/个… after them, no 第/共… before them)."""
    return [
        m.span("n")
        for name in _IN_QUOTES_RE.finditer(line)
        for m in page_numbers.IN_NAME_RE.finditer(line, name.start(), name.end())
    ]


def _positions(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _flat(line: str) -> bool:
    """A long line holding outline markers after sentence ends, or opening with a document's title
    (关于…的 + kind, or a title with the bracketed line under it) that runs on into its text."""
    markers = [m.end() for m in _MARKER_AFTER_END_RE.finditer(line)]
    if len(markers) >= 2 and any(_TOP_MARKER_RE.match(line, k) for k in markers):
        return True  # not an inline list ``包括：（一）…；（二）…``: a heading ``。二、`` stands in it
    i = len(line) - len(line.lstrip())
    end = _title_end(line, i)
    if end is None:
        return False
    return "关于" in line[i:end] or _UNDER_RE.match(line, end) is not None


def _breaks(line: str) -> list[tuple[int, int]]:
    """Where ``line`` breaks: (a, b) spans of spaces to replace by a break, or a == b to insert one."""
    cuts: dict[int, int] = {}  # start -> end
    titles: list[tuple[int, int]] = []  # spans of the titles found: their spaces are no breaks

    def cut(a: int, b: int | None = None) -> None:
        b = a if b is None else b
        if 0 < a < len(line) and not any(x <= a <= y or x <= b <= y for x, y in cuts.items() if y > x):
            cuts[a] = max(cuts.get(a, a), b)

    titles += [m.span() for m in _IN_QUOTES_RE.finditer(line)]  # a name in 《》 is not broken either
    cut.titles = titles  # type: ignore[attr-defined]
    _units(line, len(line) - len(line.lstrip()), cut)
    for m in _MARKER_AFTER_END_RE.finditer(line):
        cut(m.start(), m.end())
    for m in _HEADING_THEN_SUB_RE.finditer(line):  # 一、总体要求（一）…: the heading has no end mark
        if not m.start() or line[m.start() - 1] in "。；！？：:）) \t\u3000":
            cut(m.start("sub"))
    for m in _ARABIC_ITEM_RE.finditer(line):
        cut(m.start(), m.end())
    for m in _COLON_RE.finditer(line):
        if not _in_brackets(line, m.start()):
            cut(m.start())
    for m in _MARK_AFTER_END_RE.finditer(line):  # markdown a crawl ran on: the mark goes
        cut(m.start(), m.end())
        _units(line, m.end(), cut)
    for m in _SIGNED_RE.finditer(line):
        if line[m.start() - 1] in "）)" and m.end() < len(line) and _title_end(line, m.end()) is None:
            continue  # after a bracket (an annex's title ends so) only a signature a title follows
        cut(m.start(), m.start("org" if m["org"] else "date"))
        cut(m.end())
        end = m.end()
        if note := _NOTE_RE.match(line, end):
            end = note.end()
            cut(end)
        _units(line, end, cut)
    for m in _SPACES_RE.finditer(line):
        if _space_breaks(line, m.start(), m.end()):
            cut(m.start(), m.end())
            if _DATE_END_RE.search(line, max(0, m.start() - 12), m.start()):
                _units(line, m.end(), cut)  # a title after the signature's date
    for a, b, _ in find_numbers(line):
        if a in cuts or _standing_number(line, a, b):
            cut(a)
            cut(b)
            _units(line, b, cut)
    for m in _ANNEX_RE.finditer(line):
        if m.start() and line[m.start() - 1] not in "见（(和、及的将与或":
            cut(m.start())
            if not line.startswith(("：", ":"), m.end()):  # an annex printed in full, under its title
                cut(m.end())
                _units(line, m.end(), cut)
    _named_titles(line, cut)
    _annex_list_ends(line, cut)
    _person_entries(line, cut)
    for m in _ROWS_RE.finditer(line):  # pipe-table rows run together: ``| a | b || c | d |``
        cut(m.start() + 1)
    for a, b, _ in find_numbers(line):
        if (k := _kind_in_code(line, a, b)) is not None:  # …实施意见绍政发〔2022〕1号
            for x in [x for x, y in cuts.items() if x == a or (y == a and x < y)]:
                del cuts[x]
            cut(k)
            cut(b)
    for m in _ROW_RE.finditer(line):  # a table row holds its cells
        for k in [k for k in cuts if m.start() < k < m.end()]:
            del cuts[k]
        cut(m.end())
    for m in _TOC_ENTRY_RE.finditer(line):  # a table of contents: title, 文号, page on one line
        for k in [
            k for k, e in cuts.items() if m.start() - 1 <= k <= m.end("number") and e <= m.end("number")
        ]:
            del cuts[k]
        cut(m.end())
    return sorted((a, b) for a, b in cuts.items() if a == b or not any(x < a < y for x, y in titles))


def _person_entries(line: str, cut) -> None:
    """A run of ``person unit`` entries (a list of those commended, of a group's members) run on
    with nothing between them: a break after each entry another entry follows. The unit is the
    longest that leaves a whole entry after it (``区人武部政治处李四 区财政局`` keeps its sub-unit)."""
    run: list[tuple[int, int]] = []
    for m in _ENTRY_THEN_ENTRY_RE.finditer(line):
        if run and m.start() != run[-1][1]:
            _cut_run(line, run, cut)
            run = []
        run.append(m.span())
    _cut_run(line, run, cut)


def _cut_run(line: str, spans: list[tuple[int, int]], cut) -> None:
    """Each entry on its line, its spaces kept; the first after a bracket or colon starts a line."""
    if len(spans) + 1 < MIN_ENTRIES:
        return
    first = spans[0][0]
    if first and line[first - 1] in "）)：:":
        cut(first)
    for a, b in spans:
        cut.titles.append((a, b))
        cut(b)


def _annex_list_ends(line: str, cut) -> None:
    """An annex list run onto one line (``附件：1. A2. B<organ><date>``): each numbered title on its
    line; the last title ends where an
    organ's name begins that the text prints elsewhere too (the issuer in its title, before 关于),
    followed by a date (the signature) or by 关于 (the next document's title)."""
    for m in _ANNEX_LIST_RE.finditer(line):
        start, want = m.end(), 1
        for item in _ITEM_NO_RE.finditer(line, m.end(), m.end() + ANNEX_ITEM_MAX * 10):
            if int(item[1]) != want or (want > 1 and item.start() - start > ANNEX_ITEM_MAX):
                break
            if want > 1:
                cut(item.start())  # each title on its line
            start, want = item.end(), want + 1
        for k in range(start + 2, min(len(line), start + ANNEX_ITEM_MAX)):
            if line[k] in _TITLE_STOP:
                break
            org = _ORG_AT_RE.match(line, k)
            if org is None or org.end() - k < 4:
                continue
            name = org[0]
            if line.find(name) == k and line.find(name, org.end()) < 0:
                continue  # printed nowhere else: part of the annex's title
            cut(k)
            rest = line[org.end() :].lstrip(" \t\u3000")
            date = _DATE_START_RE.match(rest)
            end = len(line) - len(rest) + (date.end() if date else 0)
            if date:
                cut(org.end(), end - date.end())
                cut(end)
            _units(line, end if date else k, cut)
            break


def _named_titles(line: str, cut) -> None:
    """A document the text names in 《》 (a notice's 印发《A》) printed under its own title after a
    sentence's end or a date (``。A为…``): cut before and after the title."""
    names = {m[1] for m in _QUOTED_RE.finditer(line) if doc_type_surface(m[1])}
    claimed: list[tuple[int, int]] = []
    for name in sorted(names, key=len, reverse=True):  # a longer name first: it holds the shorter
        for m in _loose(name).finditer(line):
            a, b = m.start(), m.end()
            if not a or line[a - 1] == "《" or (b < len(line) and line[b] == "》"):
                continue
            if any(x < b and a < y for x, y in claimed):
                continue
            claimed.append((a, b))
            if line[a - 1] in "。！？" or _DATE_END_RE.search(line, max(0, a - 12), a):
                cut(a)
                cut(b)


def _loose(name: str) -> re.Pattern:
    """``name`` as printed elsewhere: spaces dropped or added, 〈〉 for 《》, （） or () alike."""
    alike = {
        "〈": "[〈《]",
        "〉": "[〉》]",
        "《": "[〈《]",
        "》": "[〉》]",
        "（": "[（(]",
        "(": "[（(]",
        "）": "[）)]",
        ")": "[）)]",
    }
    chars = [alike.get(c, re.escape(c)) for c in name if not c.isspace()]
    return re.compile("[ \t\u3000]?".join(chars))


def _units(line: str, i: int, cut) -> None:
    """Titles one after another from ``i``: each cut off after its end (and its bracket)."""
    while i < len(line):
        while i < len(line) and line[i] in " \t\u3000":
            i += 1
        end = _title_end(line, i)
        if end is None:
            return
        cut.titles.append((i, end))
        sub = line.find("——", i + 2, end)
        if sub > 0:  # a subtitle: ——在…会议上的讲话
            cut(sub)
        m = _UNDER_RE.match(line, end) or _NUMBER_IN_BRACKETS_RE.match(line, end)
        if m and m.re is _UNDER_RE:  # the line under the title
            cut(end)
            end = m.end()
        elif m:  # the title's own 文号
            end = m.end()
        elif m := _SPEAKER_RE.match(line, end):  # a speech: the speaker, the date in brackets
            cut(end)
            cut(m.start("date"))
            cut.titles.append((end, m.start("date")))  # the name's spaces stay
            end = m.end()
        cut(end)
        i = end


def _in_brackets(line: str, i: int) -> bool:
    return line.rfind("（", 0, i) > line.rfind("）", 0, i)


def _title_end(line: str, i: int) -> int | None:
    """The end of a title starting at ``i``: the first document kind outside 《》 and brackets, not
    continued (by 的, 和, a bracket); in a 关于 title the kind follows 的 (关于…的通知); a bracketed
    period after the kind (``（2022—2025年）``) belongs to the title."""
    depth = 0
    about = False
    for k in range(i, min(len(line), i + MAX_TITLE)):
        c = line[k]
        if c in _TITLE_STOP:
            return None
        depth += (c == "《") - (c == "》")
        about = about or line.startswith("关于", k)
        if depth or k - i < 3 or _in_brackets(line, k + 1):
            continue
        nxt = line[k + 1] if k + 1 < len(line) else ""
        if nxt in "的》”和及与、" or nxt in _TITLE_STOP or not nxt:
            continue  # a kind continued, or a clause running on (…《规划》），进一步…)
        kind = doc_type_surface(line[i : k + 1])
        if not kind or (about and line[k - len(kind)] != "的" and "讲话" not in kind):
            continue
        if nxt in "（(":
            if _UNDER_RE.match(line, k + 1) or _NUMBER_IN_BRACKETS_RE.match(line, k + 1):
                return k + 1
            if excerpt := _EXCERPT_RE.match(line, k + 1):
                return excerpt.end()
            period = _PERIOD_RE.match(line, k + 1)
            if period is None:
                continue
            return _after_period(line, i, period.end())
        return k + 1
    return None


def _after_period(line: str, i: int, end: int) -> int:
    """A title whose period is not its end (``…规划（2015-2020年）任务分工实施方案``): the kind a few
    characters on (the last of them), before any space or stop; else the period's end."""
    last = end
    for k in range(end, min(len(line) - 1, end + AFTER_PERIOD)):
        if line[k] in _TITLE_STOP or line[k].isspace() or line[k] in "《（(":
            break
        if line[k + 1] not in "的》”和及与、" and doc_type_surface(line[i : k + 1]) and k + 1 - end >= 2:
            last = k + 1
    return last


def _space_breaks(line: str, a: int, b: int) -> bool:
    """Whether the spaces ``line[a:b]`` stand for a paragraph break."""
    if line[a - 1] in _PUNCT_END:
        return True
    before = line[max(0, a - 60) : a]
    token = re.split(r"[ \t\u3000]", before)[-1]
    after = line[b : b + 40]
    if _DATE_START_RE.match(after) or _DATE_END_RE.search(token) or NUMBER_RE.match(after):
        return True
    if re.match(_OUTLINE, after) or after.startswith("附件"):
        return True
    return len(token) > LONG_RUN and not re.search(r"[，、]$", token)


def _kind_in_code(line: str, a: int, b: int) -> int | None:
    """Where a 文号 really starts when the issuer code found runs back into a title's document kind
    (``实施意见绍政发〔2022〕1号``): after the kind, if a 文号 still follows."""
    m = NUMBER_RE.match(line, a)
    if m is None:
        return None
    for k in range(m.start("code") + 2, m.end("code") - 1):
        if doc_type_surface(line[max(0, k - 8) : k]) and NUMBER_RE.fullmatch(line, k, b):
            return k
    return None


def _standing_number(line: str, a: int, b: int) -> bool:
    """A 文号 between units (not cited inside a sentence): after a break, a space, a sentence's end
    or a title's end, and followed by a unit's start (not ``）》，。、的文`` …); or followed by the
    主送 line (``各区人民政府，市政府各部门：``) wherever it stands (PDF extraction can drop a header
    block into a sentence)."""
    before = line[a - 1] if a else ""
    after = line[b] if b < len(line) else ""
    if before in "（(《" or after in "）)》，,。、；的文等号":
        return False
    if _MAIN_SEND_RE.match(line, b) or (before in "。！？" and _OPENING_RE.match(line, b)):
        return True
    if before in "、，,和及与见按照据":
        return False
    if not before or before in " \t\u3000" or line[:a].endswith("文件"):  # after the 版头 XX人民政府文件
        return True
    return doc_type_surface(line[max(0, a - 4) : a]) is not None

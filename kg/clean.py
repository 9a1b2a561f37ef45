"""Normalise a Text for matching while keeping the map from each character back to ``raw``.

Rules, in order (each one linear in the length of the text):

1. fold full-width digits/letters and the ideographic space to ASCII, ``«»`` to ``《》``; Chinese
   full-width punctuation stays; zero-width characters go;
2. drop page furniture: page numbers (``— 1 —``, ``- 12 -``, ``第 3 页``, a line with only a number),
   running headers/footers (a short line repeated at the edges of many pages), form feeds;
3. join lines hard-wrapped by PDF layout (the file's lines cluster at one width);
4. remove letter-spacing (``现 将 贵 州 省`` -> ``现将贵州省``);
5. join a 《title》 broken across lines;
6. 文号: no spaces or line breaks, the year in 〔 〕;
7. no spaces between a digit and a CJK character (``2022 年 5 月`` -> ``2022年5月``);
8. a body printed on one line (a website crawl) gets its paragraph breaks back (:mod:`kg.reflow`).

A character replaced by another keeps its offset; removed characters vanish from the map.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate
from operator import add

from kg import page_numbers
from kg.edits import Edit, apply_edits
from kg.list_entries import ENTRY, ENTRY_MAX
from kg.models import Text, drop_matches
from kg.reflow import reflow

_FOLD = {
    c: c - 0xFEE0
    for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
    for c in range(r[0], r[1] + 1)
}
_FOLD.update(
    {0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20, 0x00AB: 0x300A, 0x00BB: 0x300B}
)
_FOLD_RE = re.compile("[" + "".join(map(chr, _FOLD)) + "]+")
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH_RE = re.compile(f"[{_ZERO_WIDTH}]+")
_NARROW_RE = re.compile("[\u0000-\u2e7f]+")
_NARROW_NOT_NL_RE = re.compile("[\u0000-\u0009\u000b-\u2e7f]+")

_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_PUNCT = "\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\u2018-\u201d"
_SENTENCE_END = "。！？：；!?;:"
_ITEM_RE = re.compile(
    r"\s*(?:[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百\d]+[）)]|\d{1,3}[．.、)）]"
    r"|第[一二三四五六七八九十百千\d]+[条章节款部]|附件|附：|[①-⑳]|[■●◆▲★□○]|\d{4}年\d{1,2}月\d{1,2}日$)"
)
# Letter-spacing ``c c c…`` (three or more characters), matched from its first space so the regex
# engine can skip to spaces; the match starts one character after the letter-spaced run. ``_unspace``
# tells a padded name from letter-spacing.
_LETTER_SPACED_RE = re.compile(rf" (?<=[{_HAN}{_PUNCT}] )[{_HAN}{_PUNCT}](?: [{_HAN}{_PUNCT}])+")
_HAN_RE = re.compile(f"[{_HAN}]")
_ENTRY_END_RE = re.compile(rf"{ENTRY}$")
_TITLE_RE = re.compile(r"《[^《》。！？；\t]{1,160}》")
_LINEBREAK_WS_RE = re.compile(r"[ \t]*\n\s*")
_SP = "[ \\t\\n]*"
_DOCNO_RE = re.compile(
    rf"(?<=[{_HAN}]){_SP}[〔\[【(（［]{_SP}(?:19|20)\d{{2}}{_SP}[〕\]】)）］]{_SP}\d{{1,5}}{_SP}号"
)
# 1–2 spaces between a digit and a CJK character (either order); written to start with the space.
_DIGIT_HAN_SPACE_RE = re.compile(rf" (?:(?<=\d ) ?(?=[{_HAN}])|(?<=[{_HAN}] ) ?(?=\d))")
# The opening bracket of a 文号's year: every _DOCNO_RE match holds one.
_DOCNO_OPEN_RE = re.compile(rf"[〔\[【(（［](?={_SP}(?:19|20)\d{{2}})")
_OPEN_BRACKETS = "〔[【(（［"
_CLOSE_BRACKETS = "〕]】)）］"


def clean(t: Text) -> Text:
    """A normalised view of ``t`` for matching; ``offsets`` still index ``t.raw``."""
    text, offs = t.text, t.offsets
    for rule in RULES:
        text, offs = rule(text, offs, t.raw)
    return Text(t.source, t.raw, text, offs)


# ---------------------------------------------------------------- edit machinery


def squeeze(text: str, offs: array, a: int, b: int, drop: str = "", mapping: dict | None = None) -> Edit:
    """An edit of text[a:b] dropping the characters in ``drop`` and mapping others by ``mapping``."""
    chars, o = [], []
    for i in range(a, b):
        c = text[i]
        if c in drop:
            continue
        chars.append(mapping.get(c, c) if mapping else c)
        o.append(offs[i])
    return a, b, "".join(chars), o


def _regex_rule(
    pattern: re.Pattern | Callable[[str], Iterable[re.Match]],
    make: Callable[[str, array, re.Match], Edit | None],
):
    """A rule editing each match of ``pattern`` (a regex, or a function giving the matches) by ``make``."""
    matches = pattern.finditer if isinstance(pattern, re.Pattern) else pattern

    def rule(text: str, offs: array, raw: str | None = None) -> tuple[str, array]:
        edits = (e for m in matches(text) if (e := make(text, offs, m)) is not None)
        return apply_edits(text, offs, edits)

    return rule


def _delete(text: str, offs: array, m: re.Match) -> Edit:
    return m.start(), m.end(), "", []


# ---------------------------------------------------------------- 1. folding


def fold(text: str, offs: array, raw: str | None = None) -> tuple[str, array]:
    """Full-width digits/letters and wide spaces to ASCII, «» to 《》; zero-width characters removed."""
    text = _FOLD_RE.sub(lambda m: m.group().translate(_FOLD), text)
    if not any(c in text for c in _ZERO_WIDTH):  # `in` is much faster than a regex scan
        return text, offs
    return _regex_rule(_ZERO_WIDTH_RE, _delete)(text, offs)


# ---------------------------------------------------------------- 2. page furniture


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, ``end`` at its ``\\n`` (or the end of the text)."""
    lengths = [len(line) for line in text.split("\n")]
    starts = list(accumulate((n + 1 for n in lengths[:-1]), initial=0))
    return list(zip(starts, map(add, starts, lengths), strict=True))


def _header_key(line: str) -> str:
    return re.sub(r"\d+", "#", "".join(line.split()))


def drop_page_furniture(text: str, offs: array, raw: str | None = None) -> tuple[str, array]:
    """Remove page-number lines, running headers/footers and form feeds."""
    parts = text.split("\n")
    lines = _lines(text)
    drop = _page_number_lines(text, parts, lines)
    feeds = {i for i, line in enumerate(parts) if "\f" in line} if "\f" in text else set()
    nonblank = [i for i, line in enumerate(parts) if line.strip()]
    # a page number or form feed starts a page; when it holds nothing else it goes
    breaks = sorted(drop | feeds)
    drop.update(i for i in breaks if not parts[i].strip())
    cuts = [0, *(bisect_left(nonblank, i) for i in breaks), len(nonblank)]
    pages = [nonblank[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
    drop |= _running_headers(text, lines, pages)
    edits = []
    for i in sorted(drop | feeds):
        a, b = lines[i]
        if i in drop:
            edits.append((a, min(b + 1, len(text)), "", []))
        else:
            edits.append(squeeze(text, offs, a, b, drop="\f"))
    return apply_edits(text, offs, edits)


def _page_number_lines(text: str, parts: list[str], lines: list[tuple[int, int]]) -> set[int]:
    """Lines that are page numbers: ``— 1 —``, ``第 3 页`` always; a bare number only next to a form
    feed, or when the file has no other page-number form and its bare numbers count up (≥ 3 of them)."""
    marked, bare, by_ff = set(), [], set()
    for i, line in enumerate(parts):
        if page_numbers.LINE_RE.fullmatch(line):
            marked.add(i)
        elif page_numbers.BARE_LINE_RE.fullmatch(line):
            bare.append(i)
            a, b = lines[i]
            near = text[max(0, a - 3) : b + 3]
            if "\f" in near:
                by_ff.add(i)
    values = [int(text[slice(*lines[i])]) for i in bare]
    counting = len(values) >= 3 and all(x < y for x, y in zip(values, values[1:], strict=False))
    if counting and not marked:
        return set(bare)
    return marked | by_ff


def _running_headers(text: str, lines: list[tuple[int, int]], pages: list[list[int]]) -> set[int]:
    """Short lines at the top or bottom of a page whose form recurs on many pages."""
    if len(pages) < 3:
        return set()
    edge: dict[str, list[int]] = {}
    for page in pages:
        seen = set()
        for i in _edges(page):
            key = _header_key(text[slice(*lines[i])])
            if 0 < len(key) <= 40 and key[-1] not in _SENTENCE_END + "。，、" and i not in seen:
                seen.add(i)
                edge.setdefault(key, []).append(i)
    page_of = {i: p for p, page in enumerate(pages) for i in _edges(page)}
    need = max(3, int(0.3 * len(pages)))
    out: set[int] = set()
    for idx in edge.values():
        if len({page_of[i] for i in idx}) >= need:
            out.update(idx)
    return out


# ---------------------------------------------------------------- 3. hard-wrapped lines


def _edges(page: list[int]) -> list[int]:
    """The first and last two lines of a page (one each on a page of four lines or fewer)."""
    k = 2 if len(page) > 4 else 1
    return page[:k] + page[-k:]


def _width(line: str) -> float:
    """Printed width: a CJK/full-width character 1, an ASCII character 0.5."""
    wide = len(_NARROW_RE.sub("", line))
    return wide + 0.5 * (len(line) - wide)


def _line_widths(text: str) -> list[float]:
    """The printed width of each line of ``text`` (split at ``\\n``), stripped; 0 for a blank line."""
    wides = _NARROW_NOT_NL_RE.sub("", text).split("\n")  # the wide characters of each line
    if "\u3000" not in text:  # then strip() removes no wide character
        return [
            len(w) + 0.5 * (len(line.strip()) - len(w))
            for line, w in zip(text.split("\n"), wides, strict=True)
        ]
    out = []
    for line, wide in zip(text.split("\n"), wides, strict=True):
        s = line.strip()
        if "\u3000" in line:  # strip() may have removed a wide space
            out.append(_width(s))
        else:
            out.append(len(wide) + 0.5 * (len(s) - len(wide)))
    return out


def wrap_width(text: str) -> int | None:
    """The width most lines are wrapped at, or None when the lines are natural (not hard-wrapped)."""
    return _mode_width(_line_widths(text))


def _mode_width(line_widths: list[float]) -> int | None:
    """The wrap width of lines of these printed widths (0 = blank), or None."""
    printed = [w for w in line_widths if w]
    total = len(printed)
    widths = Counter(w for w in map(round, printed) if w >= 8)
    if not widths:
        return None
    mode = widths.most_common(1)[0][0]
    band = sum(v for w, v in widths.items() if mode - 2 <= w <= mode + 1)
    if mode < 15 or band < 0.4 * total or band < 10:
        return None
    return mode


def join_wrapped(text: str, offs: array, raw: str | None = None) -> tuple[str, array]:
    """Join a line to the next when layout, not the author, broke it. A line is measured as printed
    in ``raw`` (the input, before page chrome inside the line was set aside), when given."""
    widths = _line_widths(text)
    parts = text.split("\n")
    counts = [float(len(p.strip())) for p in parts]
    if raw is not None:
        _as_printed(text, offs, raw, widths, counts)
    mode = _mode_width(widths)
    if mode is None:  # wrapped at a count of characters, digits and letters among them
        mode = _mode_width(counts)
    if mode is None:
        return text, offs
    short = mode - max(2, mode // 10)  # a line narrower than this ends where its author ended it
    lines = _lines(text)
    if _mode_width(counts) == mode:
        # cut at a count of characters (digits as wide as 汉字): a line full by its count is full
        widths = [max(w, c) for w, c in zip(widths, counts, strict=True)]
    step = 2 if _double_spaced(parts) else 1  # a blank line after every line (a markdown copy)
    edits = []
    for i in [i for i, w in enumerate(widths[:-step]) if w >= short]:
        line = parts[i].rstrip()
        if step == 2 and (parts[i + 1].strip() or _not_run_on(parts[i + 2], short)):
            continue
        if _NUMBER_LINE_RE.fullmatch(parts[i + step].strip()):
            continue  # a 文号 on a line of its own heads a document: no line runs on into it
        if _wrapped(line, parts[i + step], mode, widths[i]):
            edits.append((lines[i][0] + len(line), lines[i + step][0], "", []))
    return apply_edits(text, offs, edits)


def _as_printed(text: str, offs: array, raw: str, widths: list[float], counts: list[float]) -> None:
    """Widen each line to its printed line in ``raw`` where characters of that line were removed (page
    chrome at its start, inside or at its end), when no other line of ``text`` comes from it."""
    spans = _lines(text)
    for i, (a, b) in enumerate(spans):
        if b <= a:
            continue
        start = raw.rfind("\n", 0, offs[a]) + 1
        end = raw.find("\n", offs[b - 1])
        end = len(raw) if end < 0 else end
        if end - start == b - a or "\n" in raw[offs[a] : offs[b - 1]]:
            continue  # nothing removed, or not one printed line
        before = i and spans[i - 1][1] > spans[i - 1][0] and offs[spans[i - 1][1] - 1] >= start
        after = i + 1 < len(spans) and spans[i + 1][1] > spans[i + 1][0] and offs[spans[i + 1][0]] < end
        if before or after:
            continue  # the printed line was split: it is not this line's alone
        printed = _MARKUP_RE.sub("", raw[start:end]).strip()
        widths[i] = max(widths[i], _width(printed))
        counts[i] = max(counts[i], float(len(printed)))


# markdown marks are not printed characters: a heading's #, a quote's >, a list's bullet, bold/italic runs
_MARKUP_RE = re.compile(r"^[ \t]*(?:#{1,6}|>|[-*+])[ \t]+|\*\*|__")
_ONE_SPACE_RE = re.compile(r" [^\s]")
_NUMBER_LINE_RE = re.compile(
    rf"[（(]?[{_HAN}]{{1,14}}[ \t]*[〔\[【(（［][ \t]*(?:19|20)\d{{2}}[ \t]*[〕\]】)）］][ \t]*\d{{1,5}}[ \t]*号[）)]?"
)


def _not_run_on(nxt: str, short: float) -> bool:
    """In a double-spaced copy the blank lines that kept a header block apart are gone: a 文号, or a
    short line not ending a sentence (a speaker's name under a title), starts anew."""
    s = nxt.strip()
    if _DOCNO_OPEN_RE.search(s[:20]):
        return True
    return _width(s) < short and not s.endswith(tuple(_SENTENCE_END + "。，、）)"))


def _double_spaced(parts: list[str]) -> bool:
    """Lines each followed by one blank line (a markdown copy puts one between every two lines)."""
    nonblank = [i for i, p in enumerate(parts) if p.strip()]
    if len(nonblank) < 10:
        return False
    gaps = sum(1 for a, b in zip(nonblank, nonblank[1:], strict=False) if b - a == 2)
    return gaps >= 0.8 * (len(nonblank) - 1)


def _wrapped(line: str, nxt: str, mode: int, width: float) -> bool:
    """Whether ``line`` (printed ``width`` wide) continues on ``nxt``."""
    if not line or not nxt.strip() or "\t" in line:  # a table row ends where its row ends
        return False
    if width < mode - max(2, mode // 10):
        return False
    if line[-1] in _SENTENCE_END or nxt.strip().isdigit():  # a sentence's end; a page number
        return False
    if nxt[0].isspace() and not _ONE_SPACE_RE.match(nxt):
        return False  # an indented line starts a paragraph; one space is a space the wrap fell on
    return not _ITEM_RE.match(nxt)


# ---------------------------------------------------------------- 4.–7. inline rules


def _unspace(text: str, offs: array, m: re.Match) -> Edit | None:
    """Join a run of spaced characters (``现 将 贵 州 省`` -> ``现将贵州省``), unless it is a padded name.

    A two-character personal name is padded to the width of three in award lists and 领导小组 member
    lists (``凌 彬 兰亭街道``, ``罗 平 省科技厅厅长``): two characters standing alone, then a word glued
    to the run's last character in the source. That stays apart. A word glued only because the PDF
    line was wrapped there (``新 能 源`` + ``电池`` on the next line) is no padded name; nor is a run
    with three or more characters standing alone (``现 将 贵 州 省 通知``)."""
    a, b = m.start() - 1, m.end()  # the run starts before the match
    if b < len(text) and offs[b] == offs[b - 1] + 1 and _HAN_RE.match(text, b) and _HAN_RE.match(text, b - 1):
        glued_start = a > 0 and offs[a] == offs[a - 1] + 1 and _HAN_RE.match(text, a - 1) is not None
        if glued_start and _ENTRY_END_RE.search(text, max(0, a - ENTRY_MAX), a):
            glued_start = False  # a list's entry (``张三 区财政局``) ran on: the name starts here
        alone = range(a + 2 * glued_start, b - 2, 2)  # the characters standing alone
        if len(alone) == 2 and all(_HAN_RE.match(text, i) for i in alone):
            return None
    return squeeze(text, offs, a, b, drop=" ")


_STRAY_NUMBER_LINE_RE = re.compile(r"\n[ \t]*\d{1,3}[ \t]*(?=\n)")


def _join_title(text: str, offs: array, m: re.Match) -> Edit | None:
    """A 《title》 broken across lines becomes one line; a line holding only a number inside it (an item
    or page number the PDF layout dropped into the title) is removed."""
    got = _joined_title(m.group(), list(range(m.start(), m.end())))
    if got is None:
        return None
    chars, keep = got
    return m.start(), m.end(), chars, [offs[i] for i in keep]


def _joined_title(s: str, idx: list[int]) -> tuple[str, list[int]] | None:
    """The title ``s`` (its characters at text positions ``idx``) on one line: (characters, the
    positions kept); None when it is on one line already or spans too many. Works on the title
    alone (copying the whole text per title made long publications quadratic)."""
    if "\n" not in s or s.count("\n") > 4:
        return None
    stray = _STRAY_NUMBER_LINE_RE.search(s)
    if stray:
        s2, idx2 = s[: stray.start()] + s[stray.end() :], idx[: stray.start()] + idx[stray.end() :]
        if _TITLE_RE.fullmatch(s2) and (got := _joined_title(s2, idx2)):
            return got
    keep: list[int] = []
    return drop_matches(_LINEBREAK_WS_RE, s, idx, keep), keep


_BRACKETS = dict(zip(_OPEN_BRACKETS, "〔" * 6, strict=True)) | dict(
    zip(_CLOSE_BRACKETS, "〕" * 6, strict=True)
)


def _docno(text: str, offs: array, m: re.Match) -> Edit:
    return squeeze(text, offs, m.start(), m.end(), drop=" \t\n", mapping=_BRACKETS)


def _docnumbers(text: str) -> Iterator[re.Match]:
    """``_DOCNO_RE.finditer(text)``, trying a match only where one can start: at the layout spaces
    (if any) before a year bracket."""
    pos = 0
    for b in _DOCNO_OPEN_RE.finditer(text):
        if b.start() < pos:
            continue
        r = b.start()
        while r > pos and text[r - 1] in " \t\n":
            r -= 1
        m = _DOCNO_RE.match(text, r)
        if m:
            yield m
            pos = m.end()


unletterspace = _regex_rule(_LETTER_SPACED_RE, _unspace)
join_titles = _regex_rule(_TITLE_RE, _join_title)
normalise_docnumbers = _regex_rule(_docnumbers, _docno)
unspace_digits = _regex_rule(_DIGIT_HAN_SPACE_RE, _delete)

# Each rule is called as ``rule(text, offs, raw)``: the text so far, its offsets into ``raw``, and
# ``raw`` as read, for a rule that measures the printed page (join_wrapped); the others ignore it.
RULES = (
    fold,
    drop_page_furniture,
    join_wrapped,
    unletterspace,
    join_titles,
    normalise_docnumbers,
    unspace_digits,
    reflow,
)

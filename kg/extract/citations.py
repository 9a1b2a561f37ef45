"""Citations of other documents in running text: 《title》（文号）, 《title》 and bare 文号.

Grammar:

- ``《title》`` (also ``«title»``), optionally followed by ``（文号、文号…）``: one citation per number,
  each carrying the title; without a number, one citation with the title only.
- A stray closing ``》`` after the title that completes a document kind
  (``《关于印发〈…〉实施细则》的通知》``) extends the title as printed.
- ``《…法》及其实施条例`` also cites ``…法实施条例``.
- A bare kind (``《意见》``, ``《方案》``) is a back-reference: it takes the title of the latest full citation
  of the same kind before it; it is dropped when it names the citing document itself (``本《方案》``,
  or ``self_title`` has that kind and nothing earlier matches).
- A bare 文号 counts only in prose: inside brackets or after a cue word; a number alone on a line or
  ending a table/directory row is a header, not a citation.

What is not a citation is told by data (kg/data/non_citations.tsv) and grammar: the title must be
policy-like (contains 关于, or ends in a document kind of kg/data/doc_types.tsv, laws included), must not
end in a periodical/book/report ending (日报, 简报, 调研报告, 简史 …), must not follow a cue naming a work or
periodical (越剧, 栏目, 编发 …) and must not be followed by an issue count (``14 期``) or a report class
(``等调研报告``).

Relation: ``basis`` when a cue (根据, 依据, 按照, 贯彻落实 …) stands in
the same clause before the citation (other citations of the same list in between are allowed), unless
an obligation (应当, 须 …) precedes the cue — then the cited rule is only applied (``mentions``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from kg import data
from kg.docnumber import find_numbers, normalise_decree
from kg.doctypes import all_types, doc_type
from kg.models import CitationMatch
from kg.titles import clean_title, is_law, title_key

_TITLE_RE = re.compile(r"[《«]([^《》«»]{1,400}?)[》»]")
_WS = r"[ \t\u3000\r\n]*"
_NUM_BRACKET_RE = re.compile(rf"{_WS}[（(]([^（）()]{{4,120}}?)[）)]")
_STRAY_CLOSE_RE = re.compile(r"[^《》«»。；，\n]{1,10}[》»]")
_AND_RULES_RE = re.compile(rf"{_WS}及其{_WS}(实施条例|实施细则|实施办法)")
_NUMBERS_ONLY_RE = re.compile(r"[\s、，,和及与]*")

_OBLIGATION_RE = re.compile(r"(?:应当|应|须|必须|要)(?:严格)?$")
_CLAUSE_END = "。；！？：;!?"
_MAX_QUOTE = 120


@cache
def _non_citation_words() -> dict[str, dict[str, str]]:
    """kind -> {word: scope} from kg/data/non_citations.tsv."""
    out: dict[str, dict[str, str]] = {"ending": {}, "cue_before": {}, "cue_after": {}}
    for kind, word, *scope in data.rows("non_citations.tsv"):
        out.setdefault(kind, {})[word] = scope[0] if scope else ""
    return out


@cache
def _word_tuples() -> tuple[tuple[str, ...], ...]:
    """The words of kg/data/non_citations.tsv as tuples for ``str.endswith`` / ``startswith``:
    (endings always, endings unless policy-like, cues before, cues after, cues after a count)."""
    words = _non_citation_words()
    ending = words["ending"]
    after = words["cue_after"]
    with_etc = [x for w in after for x in (w, "等" + w)]
    return (
        tuple(w for w, scope in ending.items() if scope == "always"),
        tuple(w for w, scope in ending.items() if scope != "always"),
        tuple(words["cue_before"]),
        tuple(x for w in after if after[w] != "number" for x in (w, "等" + w)),
        tuple(with_etc),
    )


@cache
def _cue_before_re() -> re.Pattern:
    """Any cue-before word (a regex that never matches when there is none)."""
    words = _word_tuples()[2]
    return re.compile("|".join(map(re.escape, words)) if words else "(?!)")


def is_policy_title(title: str) -> bool:
    """A title that names a policy document: contains 关于, ends in a document kind, or is a law."""
    return "关于" in title or doc_type(title) is not None or is_law(title)


def is_non_citation(title: str, before: str = "", after: str = "") -> bool:
    """True when 《title》 names a periodical, book, work of art, programme, certificate or report.

    ``before``/``after`` are a few characters printed just before 《 and after 》.
    """
    always, unless_policy, cues_before, cues_after, cues_after_count = _word_tuples()
    key = title_key(title)
    if key.endswith(always) or (key.endswith(unless_policy) and not is_policy_title(key)):
        return True
    if before.endswith(cues_before) or _cue_before_re().search(before[-4:]):
        return True
    rest = after.lstrip()
    counted = _COUNT_RE.match(rest)
    if counted:
        rest = rest[counted.end() :]
    if rest.startswith(cues_after_count if counted else cues_after):
        return True
    return not is_policy_title(key)


_COUNT_RE = re.compile(r"[0-9０-９]+\s*")
_BRACKETED = re.compile(r"[《«][^《》«»]*[》»]|[（(][^（）()]{0,120}[）)]")


def _mask(text: str) -> str:
    """``text`` with the inside of 《》 and （） replaced, so clause punctuation there is ignored."""
    return _BRACKETED.sub(lambda m: m.group()[0] + "X" * (m.end() - m.start() - 2) + m.group()[-1], text)


def _clause_end(masked: str, k: int, start: int) -> bool:
    """Whether ``masked[k]`` ends a clause: 。；！？：, a comma not right before ``start``, or an ASCII
    full stop after a CJK character (PDF text that printed 。 as ``.``)."""
    ch = masked[k]
    if ch in _CLAUSE_END:
        return True
    if ch in "，," and k < start - 1:
        return True
    return ch == "." and k > 0 and "\u4e00" <= masked[k - 1] <= "\u9fff"


def relation(masked: str, start: int) -> str:
    """``basis`` when a basis cue stands before ``start`` in the same clause, else ``mentions``."""
    i = start
    while i > 0 and not _clause_end(masked, i - 1, start):
        i -= 1
    window = masked[i:start]
    for cue in _cues("basis"):  # 为贯彻落实 / 为落实 contain 贯彻落实 / 落实; 按 covers 按照
        j = window.rfind(cue)
        if j < 0:
            continue
        if _OBLIGATION_RE.search(masked[max(0, i + j - 4) : i + j]):
            return "mentions"
        return "basis"
    return "mentions"


def _quote(text: str, start: int, end: int) -> str:
    """The matched text with up to 20 characters either side, line breaks removed, ≤ 120 characters."""
    a, b = max(0, start - 20), min(len(text), end + 20)
    whole = re.sub(r"\s*\n\s*", "", text[a:b])
    core = re.sub(r"\s*\n\s*", "", text[start:end])
    if len(whole) <= _MAX_QUOTE:
        return whole
    return core[:_MAX_QUOTE]


def _numbers_in(inner: str) -> list[str] | None:
    """The 文号 in a bracket after a title (or the 令 number of a regulation), or None when the
    bracket holds anything else."""
    found = find_numbers(inner)
    if not found:
        decree = normalise_decree(inner) if "令" in inner else None
        return [decree] if decree else None
    rest = inner
    for a, b, _ in reversed(found):
        rest = rest[:a] + rest[b:]
    if not _NUMBERS_ONLY_RE.fullmatch(rest):
        return None
    return [n for _, _, n in found]


def _short_kind(title: str) -> str | None:
    """The kind when a title is only a kind (``意见``, ``实施方案``): a back-reference."""
    t = title_key(title)
    return doc_type(t) if t in _surface_kinds() else None


@cache
def _surface_kinds() -> frozenset[str]:
    from kg.doctypes import _types

    return frozenset(_types()) | all_types()


def _titled(text: str, masked: Callable[[], str], self_title: str | None) -> list[CitationMatch]:
    out: list[CitationMatch] = []
    full: list[CitationMatch] = []
    self_kind = doc_type(self_title) if self_title else None
    self_key = title_key(self_title) if self_title else None
    for m in _TITLE_RE.finditer(text):
        start, end, raw_title = m.start(), m.end(), m.group(1)
        stray = _STRAY_CLOSE_RE.match(text, end)
        if stray and doc_type(text[end : stray.end() - 1]) and _NUM_BRACKET_RE.match(text, stray.end()):
            raw_title, end = text[m.start(1) : stray.end() - 1], stray.end()
        title = clean_title(raw_title)
        before, after = text[max(0, start - 6) : start], text[end : end + 10]
        kind = _short_kind(title)
        if kind is None and is_non_citation(title, before, after):
            continue
        numbers: list[str | None] = [None]
        nb = _NUM_BRACKET_RE.match(text, end)
        if nb and (found := _numbers_in(nb.group(1))):
            numbers, end = found, nb.end()
        if kind is not None:
            title = _resolve_short(kind, full, before, self_kind, self_key)
            if title is None:
                continue
        rel = relation(masked(), start)
        numbers = _pair_with_list(text, out, start, numbers)
        for number in numbers:
            c = CitationMatch(start, end, title, number, rel, _quote(text, start, end))
            out.append(c)
            if kind is None:
                full.append(c)
        laws = _AND_RULES_RE.match(text, end)
        if laws and title.endswith("法"):
            lend, rules = laws.end(), title + laws.group(1)
            out.append(CitationMatch(start, lend, rules, None, rel, _quote(text, start, lend)))
    return out


def _pair_with_list(text: str, out: list[CitationMatch], start: int, numbers: list) -> list:
    """``《A》、《B》（n1、n2）``: give n1 to A and n2 to B; return the numbers left for the last title."""
    if len(numbers) < 2:
        return numbers
    prev: list[CitationMatch] = []
    pos = start
    for c in reversed(out):
        if c.number is not None or not re.fullmatch(r"[\s、，,和及与]*", text[c.end : pos]):
            break
        prev.insert(0, c)
        pos = c.start
    k = min(len(prev), len(numbers) - 1)
    for c, n in zip(prev[len(prev) - k :], numbers[:k], strict=True):
        c.number = n
    return numbers[k:]


def _resolve_short(
    kind: str, full: list[CitationMatch], before: str, self_kind: str | None, self_key: str | None
) -> str | None:
    """Title for a back-reference ``《kind》``; None when it names the citing document itself."""
    if before.endswith("本") or before.endswith("该"):
        return None
    for c in reversed(full):
        if c.title and doc_type(c.title) == kind:
            if self_key and title_key(c.title) == self_key:
                return None
            return c.title
    if self_kind == kind:
        return None
    return kind


@cache
def _cues(kind: str) -> tuple[str, ...]:
    """The cue words of one kind in kg/data/citation_cues.tsv, in table order."""
    return tuple(w for k, w in data.rows("citation_cues.tsv") if k == kind)


@cache
def _bare_res() -> tuple[re.Pattern, re.Pattern]:
    """(a cue right before a bare 文号, a word right after one)."""
    before, after = ("|".join(map(re.escape, _cues(k))) for k in ("bare_before", "bare_after"))
    return re.compile(f"(?:{before})$"), re.compile(f"^(?:{after})")


def _bare(text: str, masked: Callable[[], str], taken: list[tuple[int, int]]) -> list[CitationMatch]:
    """Bare 文号 in prose (bracketed, after a cue, or followed by 文件/精神/要求)."""
    out: list[CitationMatch] = []
    cue_before, word_after = _bare_res()
    for a, b, number in find_numbers(text):
        if any(s <= a < e for s, e in taken):
            continue
        line_start = text.rfind("\n", 0, a) + 1
        before = text[line_start:a].rstrip()
        after = text[b : b + 6].lstrip()
        bracketed = before.endswith(("（", "(")) and after.startswith(("）", ")"))
        if bracketed and not before[:-1].strip():
            continue  # a header line ``（皖政办秘〔2021〕82号）``
        if not (bracketed or cue_before.search(before) or word_after.match(after)):
            continue
        out.append(CitationMatch(a, b, None, number, relation(masked(), a), _quote(text, a, b)))
    return out


def find_citations(text: str, self_title: str | None = None) -> list[CitationMatch]:
    """Every citation in ``text`` (a document's clean text), in reading order.

    ``self_title`` is the citing document's own title: back-references to it (``《方案》`` in the plan)
    are dropped. Offsets index ``text``; ``title`` is cleaned (no line breaks or layout spaces),
    ``number`` normalised.
    """
    masked = cache(lambda: _mask(text))  # only when a citation needs its relation
    titled = _titled(text, masked, self_title)
    taken = [(c.start, c.end) for c in titled]
    out = titled + _bare(text, masked, taken)
    out.sort(key=lambda c: (c.start, c.end))
    return out

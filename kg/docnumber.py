"""Document numbers (文号): find, parse, normalise and decode the issuer code (机关代字).

A 文号 is ``<issuer code><year in brackets><serial>号`` (GB/T 9704-2012 §7.2.4): ``绍柯政办发〔2022〕14号``.
Printed forms vary: ``[2021]``, ``（2021）``, ``【2021】``, layout spaces (``〔2022〕2 号``), full-width
digits and line breaks inside the bracket. :func:`normalise_number` gives the one form used by the
graph: no spaces, year in 〔〕, half-width digits, ending in 号.

Regulations and rules are promulgated by decree (令) and cited by the decree's number, which has no
year bracket: ``（国务院令第722号）``, ``（中华人民共和国国务院令 第 722 号）``, ``（河南省人民政府令第178号）``,
``（交通运输部令2019年第12号）``. :func:`normalise_decree` gives ``国务院令第722号`` /
``交通运输部令2019年第12号``.
"""

from __future__ import annotations

import re
from functools import cache

from kg import data
from kg.records import Record


class DocNumber(Record):
    """A parsed 文号: ``绍柯政办发〔2022〕14号`` -> code 绍柯政办发, year 2022, serial 14."""

    code: str
    year: int
    serial: str

    def __str__(self) -> str:
        return f"{self.code}〔{self.year}〕{self.serial}号"


_FW_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_SP = r"[ \t\u3000\n\r]"
_CJK = r"[\u4e00-\u9fff]"
_DIGIT = r"[0-9０-９]"

# Code: CJK characters; a space may separate single characters (``国 发``) in badly extracted text,
# the code is repaired afterwards in :func:`_clean_code`.
_PATTERNS = {
    "NUMBER_RE": (
        rf"(?P<code>{_CJK}(?:{_SP}?{_CJK}){{1,11}}){_SP}*"
        rf"[〔\[【(（［]{_SP}*(?P<year>(?:19|20|１９|２０){_DIGIT}{{2}}){_SP}*[〕\]】)）］]{_SP}*"
        rf"(?P<serial>{_DIGIT}{{1,5}}){_SP}*号"
    ),
    # 令 numbers (立法法: 行政法规 by 国务院令, 规章 by 部门令 / 省政府令); the 中华人民共和国 of a State
    # Council decree is dropped so that both printed forms give one number.
    "DECREE_RE": (
        rf"(?:中华人民共和国)?(?P<organ>{_CJK}{{2,20}}?)令{_SP}*(?:(?P<year>(?:19|20){_DIGIT}{{2}}){_SP}*年)?"
        rf"{_SP}*第{_SP}*(?P<serial>{_DIGIT}{{1,5}}){_SP}*号"
    ),
    # The opening bracket of a year: every NUMBER_RE match has one.
    "_YEAR_OPEN_RE": rf"[〔\[【(（［](?={_SP}*(?:19|20|１９|２０){_DIGIT}{{2}})",
}


@cache
def _rx(name: str) -> re.Pattern:
    """The pattern ``name`` of :data:`_PATTERNS`, compiled when first used: compiling all three
    took ~15 ms of every ``kg`` process that imports this module, lookups included."""
    return re.compile(_PATTERNS[name])


def __getattr__(name: str) -> re.Pattern:
    """``NUMBER_RE`` and ``DECREE_RE`` (``from kg.docnumber import NUMBER_RE``), compiled on first use."""
    if name in _PATTERNS:
        return _rx(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@cache
def _words(kind: str) -> tuple[str, ...]:
    """The words of one kind in kg/data/doc_number_words.tsv, in table order (``-`` is the empty word)."""
    return tuple("" if w == "-" else w for k, w in data.rows("doc_number_words.tsv") if k == kind)


@cache
def _code_cut_re() -> re.Pattern:
    """Everything up to the last word after which a code cannot continue (``…的通知绍柯政发〔2022〕8号``)."""
    return re.compile("^.*(?:" + "|".join(map(re.escape, _words("cut"))) + ")")


def _clean_code(code: str) -> str | None:
    """The issuer code proper from the characters matched before the year bracket.

    Space separated pieces are joined only while the tail is a single character (``国 发`` ->
    ``国发``); otherwise the last piece is the code (``通知 国发`` -> ``国发``). Words glued in
    front are removed: the longest tail that is a known code wins, else the tail after the last
    phrase word (的, 通知, 根据 …).
    """
    pieces = code.split()
    tail = pieces.pop()
    while pieces and len(tail) < 2:
        tail = pieces.pop() + tail
    for i in range(len(tail) - 1):
        if decode(tail[i:]) is not None:
            return tail[i:]
    cut = _code_cut_re().sub("", tail)
    return cut if len(cut) >= 2 else None


def _from_match(m: re.Match) -> DocNumber | None:
    code = _clean_code(m.group("code"))
    if code is None:
        return None
    year = int(m.group("year").translate(_FW_DIGITS))
    serial = str(int(m.group("serial").translate(_FW_DIGITS)))
    return DocNumber(code, year, serial)


def _code_start(m: re.Match, code: str) -> int:
    """Offset in the text where the cleaned ``code`` begins (spaces inside it allowed)."""
    raw = m.group("code")
    pos, seen = len(raw), 0
    while pos > 0 and seen < len(code):
        pos -= 1
        if not raw[pos].isspace():
            seen += 1
    return m.start("code") + pos


def parse_number(s: str) -> DocNumber | None:
    """The first 文号 in ``s``: ``绍柯政办发〔2022〕14 号`` -> DocNumber('绍柯政办发', 2022, '14')."""
    m = _rx("NUMBER_RE").search(s)
    return _from_match(m) if m else None


def normalise_number(s: str) -> str | None:
    """``绍市建设[2021]1号`` -> ``绍市建设〔2021〕1号``; None when ``s`` holds no 文号."""
    d = parse_number(s)
    return str(d) if d else None


def normalise_decree(s: str) -> str | None:
    """``中华人民共和国国务院令 第722号`` -> ``国务院令第722号``; None unless ``s`` is one 令 number."""
    m = _rx("DECREE_RE").fullmatch(s.strip())
    if m is None:
        return None
    year = f"{m.group('year').translate(_FW_DIGITS)}年" if m.group("year") else ""
    return f"{m.group('organ')}令{year}第{int(m.group('serial').translate(_FW_DIGITS))}号"


def decree_organ(number: str) -> str | None:
    """The organ that issued a normalised 令 number: ``国务院令第722号`` -> ``国务院``."""
    m = _rx("DECREE_RE").fullmatch(number)
    return m.group("organ") if m else None


_CODE_SPACES = frozenset(" \t\u3000\n\r")


def _number_matches(text: str):
    """``NUMBER_RE.finditer(text)``, searching only the run of CJK characters and spaces before each
    year bracket up to the first 号 after it (a match can be nowhere else), not the whole text."""
    pos = 0
    number_re = _rx("NUMBER_RE")
    for b in _rx("_YEAR_OPEN_RE").finditer(text):
        if b.start() < pos:
            continue
        end = text.find("号", b.end())  # a match using this bracket ends at the first 号 after it
        if end < 0:
            return
        r = b.start()
        while r > pos and ("\u4e00" <= text[r - 1] <= "\u9fff" or text[r - 1] in _CODE_SPACES):
            r -= 1
        m = number_re.search(text, r, end + 1)
        if m is not None:
            yield m
            pos = m.end()


def find_numbers(text: str) -> list[tuple[int, int, str]]:
    """Every 文号 in ``text`` as (start, end, normalised); start is where the issuer code begins."""
    out: list[tuple[int, int, str]] = []
    for m in _number_matches(text):
        d = _from_match(m)
        if d is None:
            continue
        out.append((_code_start(m, d.code), m.end(), str(d)))
    return out


# ---------------------------------------------------------------- issuer codes


@cache
def _issuer_rows() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """(exact codes, prefixes) -> (issuer, level) from kg/data/issuer_codes.tsv; ``@stem:`` rows expanded."""
    exact: dict[str, tuple[str, str]] = {}
    prefixes: dict[str, tuple[str, str]] = {}
    for code, issuer, level, *_ in data.rows("issuer_codes.tsv"):
        value = (issuer, level)
        if code.startswith("@stem:"):
            for suffix in _words("stem"):
                exact.setdefault(code[6:] + suffix, value)
        elif code.startswith("@prefix:"):
            prefixes[code[8:]] = value
        else:
            exact[code] = value
    return exact, prefixes


def decode(code: str) -> tuple[str, str] | None:
    """(issuer full name, level) for an issuer code; None when the code is unknown.

    A code missing from the table is decoded when stripping a document-kind suffix (发/函/明电/秘…)
    or swapping it leads to a known code of the same organ (``浙政办函`` via ``浙政办发``).
    """
    exact, prefixes = _issuer_rows()
    if code in exact:
        return exact[code]
    for suf in _words("organ"):  # suffixes by which a code extends a known code of the same organ
        if code.endswith(suf) and len(code) > len(suf) + 1:
            stem = code[: -len(suf)]
            for cand in (stem, stem + "发"):
                if cand in exact:
                    return exact[cand]
    for n in range(len(code) - 1, 1, -1):
        if code[:n] in prefixes:
            return prefixes[code[:n]]
    return None

"""Split a printed list of units (``区自然资源分局、建设局、农业农村局``) into UnitMatch records.

Splits on 、，,；; and on 和/及/以及/与 between two complete units, and on runs of spaces or line
breaks (table cells); never inside brackets. Strips a trailing 等/等部门/等单位 …, normalises
〔〕 and () to （） in ``name`` and distributes a shared jurisdiction prefix to later bare units.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from kg import data
from kg.divisions import parse_places, place_prefix
from kg.models import UnitMatch
from kg.org_tables import national_names

OPEN = "（(〔【[［"
CLOSE = "）)〕】]］"
PUNCT_SEPS = "、，,；;"
CONJ = ("以及", "及", "和", "与")
# single-character jurisdiction prefixes, and words that start with one of them but are no prefix
SINGLE_PREFIXES = "区市县省镇旗乡"
NOT_PREFIX = tuple(w for w, kind in data.rows("not_prefix_words.tsv") if kind == "not")
PREFIX_AFTER_ALL = tuple(w for w, kind in data.rows("not_prefix_words.tsv") if kind == "after")  # 市政府
TRAIL = re.compile(r"(等|等有关|等相关|等其他)?(有关|相关)?(部门和单位|部门|单位|机构)?$")
ETC_TAIL = re.compile(r"等(?:有关|相关|其他)?(?:部门和单位|部门|单位|机构)?(?:按职责分工)?$")
GENERIC = frozenset(data.words("generic_units.tsv"))


@cache
def excluded(rule: str) -> tuple[str, ...]:
    """The words of kg/data/org_exclusions.tsv for ``rule`` (qualifier, weak_suffix, …), in table order."""
    return tuple(r[1] for r in data.rows("org_exclusions.tsv") if r[0] == rule)


@cache
def org_suffixes() -> list[tuple[str, str, bool]]:
    """(suffix, kind, department-like) rows of kg/data/org_suffixes.tsv, longest suffix first."""
    rows = [(suffix, kind, dept == "1") for suffix, kind, dept, *_ in data.rows("org_suffixes.tsv")]
    return sorted(rows, key=lambda r: -len(r[0]))


TRAILING_GROUP = re.compile(r"[（(〔【][^（(〔【]*[）)〕】]$")


def _strip_brackets(s: str) -> str:
    """The name without a trailing bracketed group: ``各镇（街道）`` -> ``各镇``."""
    m = TRAILING_GROUP.search(s)
    return s[: m.start()] if m and m.start() > 0 else s


@cache
def _suffixes_by_last() -> dict[str, list[tuple[str, str, bool]]]:
    """org_suffixes() grouped by their last character, longest suffix first in each group."""
    out: dict[str, list[tuple[str, str, bool]]] = {}
    for row in org_suffixes():
        out.setdefault(row[0][-1], []).append(row)
    return out


@cache
def suffix_last_chars() -> frozenset[str]:
    """Last characters ``s`` may have for org_suffix(s) to find a row: suffix ends and brackets."""
    return frozenset(_suffixes_by_last()) | frozenset("）)〕】\n")


@lru_cache(maxsize=1 << 16)  # the same substrings recur (区财政局, …人民政府)
def org_suffix(s: str) -> tuple[str, str, bool] | None:
    """The suffix row that ``s`` ends in (ignoring a trailing bracket group), or None."""
    core = _strip_brackets(s) if s[-1:] in "）)〕】\n" else s
    for row in _suffixes_by_last().get(core[-1:], ()):
        if core.endswith(row[0]) and len(core) > len(row[0]) - (1 if len(row[0]) > 2 else 0):
            return row
    return None


SPACES = re.compile(r"\s+")
BRACKETS = str.maketrans("〔〕()[]［］【】", "（）（）（）（）（）")


@lru_cache(maxsize=1 << 16)  # the same names recur (in extraction and in resolution)
def normalise_name(s: str) -> str:
    """Full-width round brackets for 〔〕, () and [] inside a unit name; no spaces; no term number
    (县十八届人民代表大会); an opening bracket the name never closes dropped from its start (（合肥海关 cut
    from （合肥海关负责）)."""
    s = TERM.sub("", SPACES.sub("", s).translate(BRACKETS))
    return s[1:] if s.startswith("（") and "）" not in s else s


# a body's term before its name (县十八届人民代表大会, 市第十五届人大常委会): the body is one across terms
TERM = re.compile(
    r"(?<=[\u4e00-\u9fff])第?[一二三四五六七八九十]{1,3}届(?=人民代表大会|人大|政协|中国人民政治协商会议)"
)


def jurisdiction_prefix(s: str) -> str:
    """The jurisdiction prefix that ``s`` starts with: a place name (柯桥区, 安徽省, 绍兴市柯桥区) or
    one of 区/市/县/省/镇/旗/乡; '' when there is none."""
    p = place_prefix(s)
    if p:
        return p
    return single_prefix(s) if len(s) > 1 else s if s in SINGLE_PREFIXES else ""


def single_prefix(s: str) -> str:
    """区/市/县/省/镇/旗/乡 opening ``s`` as a prefix (not 市场监管局, 区域); '' otherwise."""
    if s[:1] in SINGLE_PREFIXES and (not s.startswith(NOT_PREFIX) or s.startswith(PREFIX_AFTER_ALL)):
        return s[0]
    return ""


SPECIAL = re.compile("[" + re.escape(OPEN + CLOSE + PUNCT_SEPS) + r"\s]")


def _pieces(s: str) -> list[tuple[int, int]]:
    """Spans of ``s`` between separators at bracket depth 0 (punctuation and whitespace runs)."""
    spans, depth, start = [], 0, 0
    for m in SPECIAL.finditer(s):
        i, c = m.start(), m.group()
        if i < start:
            continue  # the whitespace run after a separator
        if c in OPEN:
            depth += 1
        elif c in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            spans.append((start, i))
            start = i + 1
            while start < len(s) and s[start].isspace():
                start += 1
    spans.append((start, len(s)))
    return [(a, b) for a, b in spans if b > a]


def _is_unit(s: str) -> bool:
    """``s`` names a unit: it ends as an organisation does, or is a national organ printed bare
    (国务院, 党中央: kg/data/national_orgs.tsv)."""
    s = ETC_TAIL.sub("", s) or s
    return len(s) >= 2 and s not in GENERIC and (org_suffix(s) is not None or s in national_names())


def bare_place(s: str) -> bool:
    """``s`` is a place name and nothing else (东河区, 包头市东河区, 苏州, 达茂旗): a list item that
    takes the organ suffix printed after the last item (东河区、九原区人民政府)."""
    return len(s) >= 2 and place_prefix(s) == s


def _place_and_unit(left: str, right: str) -> bool:
    """``东河区`` 和 ``九原区人民政府``: a bare place joined to <place><organ suffix>."""
    if not bare_place(left) or not _is_unit(right):
        return False
    own = place_prefix(right)
    return bool(own) and own != right


def _split_conj(s: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split ``s[a:b]`` on 和/及/以及/与 where both sides are complete units, and on 和/及/以及 after a
    bare place name followed by <place><organ suffix> (东河区和九原区人民政府)."""
    depth = 0
    for i in range(a + 1, b - 1):
        c = s[i]
        if c in OPEN:
            depth += 1
        elif c in CLOSE:
            depth = max(0, depth - 1)
        if depth or c not in "以及和与":
            continue
        for w in CONJ:
            if not s.startswith(w, i):
                continue
            left, right = s[a:i], s[i + len(w) : b]
            if (_is_unit(left) or w != "与" and _place_and_unit(left, right)) and _is_unit(right):
                return [(a, i), *_split_conj(s, i + len(w), b)]
    return [(a, b)]


def _merge_cells(s: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join whitespace-split pieces that are one name broken across a line in a table cell."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out:
            pa, pb = out[-1]
            gap = s[pb:a]
            if gap.strip() == "" and not _is_unit(s[pa:pb]) and _is_unit(s[pa:pb] + s[a:b]):
                out[-1] = (pa, b)
                continue
        out.append((a, b))
    return out


def _trim(s: str, a: int, b: int) -> tuple[int, int]:
    """Drop surrounding whitespace/punctuation and a trailing 等/等部门 … from ``s[a:b]``."""
    while a < b and (s[a].isspace() or s[a] in "：:"):
        a += 1
    while b > a and (s[b - 1].isspace() or s[b - 1] in "。：:"):
        b -= 1
    m = ETC_TAIL.search(s, a, b)
    if m and m.start() > a:
        b = m.start()
    return a, b


def split_units(s: str, offset: int = 0) -> list[UnitMatch]:
    """Every unit of the printed list ``s``; start/end index the surface in the caller's string."""
    spans = []
    for a, b in _merge_cells(s, _pieces(s)):
        spans.extend(_split_conj(s, a, b))
    units: list[UnitMatch] = []
    pending: list[UnitMatch] = []  # bare prefixes (省、市有关部门) waiting for a body
    prefix = ""
    each = False  # the list opened with 各: units of a level below it are 各 too
    for a, b in spans:
        a, b = _trim(s, a, b)
        if b <= a:
            continue
        surface = s[a:b]
        name = normalise_name(surface)
        own = jurisdiction_prefix(name)
        if units and not own and _suffix_only(name):
            head = _head(units[-1].name)  # 国务院金融管理部门分支机构、派出机构: the head is shared
            name = head + name if head else name
        if each and own in ("", *LOCAL_UNITS) and name.startswith(LOCAL_UNITS):
            # 各乡镇人民政府、街道办事处 / 各街道办事处、镇人民政府: every such unit
            units.append(UnitMatch(surface, "各" + name, a + offset, b + offset))
            continue
        if own and own == name:
            pending.append(UnitMatch(surface, name, a + offset, b + offset))
            continue
        if own:
            if own in SINGLE_PREFIXES or own[-1] in "省市区县旗州盟":
                prefix = own
            body = name[len(own) :]
            if pending and LEVELS.match(body):  # 市、县两级人民政府: one collective
                a = pending[0].start - offset
                units.append(UnitMatch(s[a:b], normalise_name(s[a:b]), a + offset, b + offset))
                pending = []
                continue
            for p in pending:
                p.name = _full_place(p.name, own) + body
                units.append(p)
            pending = []
        elif prefix and _takes_prefix(name):
            name = prefix + name
        each = each or name.startswith("各")
        units.append(UnitMatch(surface, name, a + offset, b + offset))
    units.extend(pending)
    return units


def _suffix_only(name: str) -> bool:
    """``name`` is a collective organ suffix and nothing else (派出机构, 单位)."""
    row = org_suffix(name)
    return bool(row and row[0] == name and row[1] == "collective" and not row[2])


def _head(name: str) -> str:
    """What ``name`` names before its collective suffix (国务院金融管理部门 of …分支机构), else ''."""
    row = org_suffix(name)
    if not row or row[1] != "collective" or len(name) <= len(row[0]):
        return ""
    return name[: -len(row[0])]


LEVELS = re.compile("(?:[两三四五]|各)级")
# units of the township level and below (地方各级人民代表大会和地方各级人民政府组织法: 乡、民族乡、镇, 街道办事处
# its 派出机关; 村民委员会组织法, 城市居民委员会组织法): printed after 各X in a list, they are every such unit
LOCAL_UNITS = ("乡", "镇", "街道", "村", "社区", "居委会", "村委会")


def _full_place(item: str, last: str) -> str:
    """The short name of an earlier list item written out like the last item's place: 苏州 before
    常州市 -> 苏州市 (苏州、无锡、常州市人民政府); any other item as printed."""
    if item[-1:] == last[-1:] or last[-1:] not in "省市区县旗州盟":
        return item
    found, end = parse_places(item)
    if found and end == len(item) and found[-1].short == item and found[-1].name == item + last[-1]:
        return found[-1].name
    return item


def _takes_prefix(name: str) -> bool:
    """A bare department-like name (建设局, 财政局) that inherits the list's jurisdiction prefix."""
    if name.startswith(excluded("no_inherit")):
        return False
    row = org_suffix(name)
    return bool(row and row[2])

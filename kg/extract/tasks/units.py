"""Unit lists in task text: which names are organisations, and where a clean list of them is
written (before a verb, after a preposition, opening a clause)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from kg.extract.org_mentions import find_orgs
from kg.extract.outline import Compact, item_number
from kg.extract.tasks.clauses import clause_end, clause_start, flat_index
from kg.extract.tasks.cues import (
    alternation,
    collective_re,
    nonorg_words,
    split_verbs,
    subject_prefixes,
    word_chars,
)
from kg.models import UnitMatch
from kg.names import org_suffix, split_units


def is_org(name: str) -> bool:
    """An organisation-like name: ends in an organ suffix and is no generic private class, or
    names the governments of a level without a suffix (``各地``, ``地方``, ``各市（州）``)."""
    if len(name) < 2 or name.endswith(nonorg_words()):
        return False
    return org_suffix(name) is not None or collective_re().fullmatch(name) is not None


@lru_cache(maxsize=1 << 16)
def _split(flat: str) -> tuple[tuple[str, str, int, int], ...]:
    """split_units(flat) as (surface, name, start, end) of its non-empty units, memoised: the
    prose rules ask for the same few spans again and again."""
    return tuple((u.surface, u.name, u.start, u.end) for u in split_units(flat, 0) if u.end > u.start)


def units_in(c: Compact, a: int, b: int) -> list[UnitMatch]:
    """The units listed in compact ``s[a:b]`` (line breaks inside names joined), original offsets."""
    seg = c.s[a:b]
    pos = c.pos
    if "\n" not in seg:
        return [UnitMatch(sf, nm, pos[a + us], pos[a + ue - 1] + 1) for sf, nm, us, ue in _split(seg)]
    idx = [i for i in range(a, b) if c.s[i] != "\n"]
    flat = seg.replace("\n", "")
    return [UnitMatch(sf, nm, pos[idx[us]], pos[idx[ue - 1]] + 1) for sf, nm, us, ue in _split(flat)]


def all_orgs(units: list[UnitMatch]) -> bool:
    """A plausible unit list: the first is organisation-like, none is long or a private class."""
    if not units or not (is_org(units[0].name) or units[0].name.startswith("各")):
        return False
    return all(len(u.name) <= 24 and not u.name.endswith(nonorg_words()) for u in units)


CLASS_TAIL = re.compile(r"等(?:有关|相关)?(?:部门|单位)$")
ETC_CLASS = re.compile(r"等(?:有关|相关)?(?:部门|单位)")
FUNCTION_NAME = re.compile(r"^[\u4e00-\u9fff]{2,6}$")
GROUP_JOIN = re.compile(r"等(?:有关|相关)?(?:部门|单位)(?=[和及、].)")


def _function_list(units: list[UnitMatch], text: str) -> bool:
    """Departments named by their function before a class word: ``公安、市场监管、城管执法等部门``."""
    return (
        len(units) >= 2
        and CLASS_TAIL.search(text) is not None
        and all(FUNCTION_NAME.match(u.name) and not u.name.endswith(nonorg_words()) for u in units)
    )


def _clean_list(units: list[UnitMatch], text: str) -> bool:
    """Every unit organisation-like (or a function-named list before 等部门) and nothing but
    separators left over in ``text`` (task_words.tsv leftover)."""
    if not units or not (all(is_org(u.name) for u in units) or _function_list(units, text)):
        return False
    rest = text
    for u in units:
        rest = rest.replace(u.surface, "", 1)
    leftover = word_chars("leftover")
    return all(ch in leftover for ch in rest)


def clean_units(c: Compact, a: int, b: int) -> list[UnitMatch]:
    """:func:`units_in` ``s[a:b]`` when they make a clean list (:func:`_clean_list`), else []."""
    seg = c.s[a:b]
    if "\n" in seg:  # a line break is never left over
        return []
    if _clean_text(seg):
        return units_in(c, a, b)
    return _joined_groups(c, a, b) if "等" in seg else []


def _joined_groups(c: Compact, a: int, b: int) -> list[UnitMatch]:
    """Two classes joined: ``区住建局、财政局等部门和各镇（街道）等单位`` -> each closed list in
    turn. Only named organisations: a function name (自规, 国企) would stay a node of its own."""
    out: list[UnitMatch] = []
    k = a
    for m in GROUP_JOIN.finditer(c.s, a, b):
        if not _clean_text(c.s[k : m.end()]):
            return []
        out += units_in(c, k, m.end())
        k = m.end() + 1
    if not out or not _clean_text(c.s[k:b]):
        return []
    out += units_in(c, k, b)
    return out if all(is_org(u.name) for u in out) else []


@lru_cache(maxsize=1 << 16)
def _clean_text(seg: str) -> bool:
    """``seg`` (no line break) is a clean unit list, memoised like :func:`_split`."""
    return _clean_list([UnitMatch(sf, nm, us, ue) for sf, nm, us, ue in _split(seg)], seg)


@cache
def _lead_in() -> re.Pattern:
    return re.compile("^" + alternation("lead_in"))


def lead_in(s: str) -> re.Match | None:
    """The word that opens a clause before its agent list (``由``, ``并由``, ``同时``)."""
    return _lead_in().match(s)


@cache
def _trail_adv() -> re.Pattern:
    return re.compile(alternation("trailing_adverb") + "+$")


def subject_before(c: Compact, verb: int) -> list[UnitMatch]:
    """The unit list written just before ``verb`` in its clause (``由区建设局、财政局`` -> both),
    past an item number that opens the clause (``二、县水利局负责…``, ``（三）市教育局负责…``)."""
    lo = clause_start(c, verb)
    num = item_number(c.s[lo : min(verb, lo + 12)])
    lo += len(num[1]) if num else 0
    window = _trail_adv().sub("", c.s[lo:verb])
    hi = lo + len(window)
    prepositions = word_chars("preposition")
    for k in range(lo, hi - 1):
        cand = c.s[k:hi]
        m = lead_in(cand)
        a = k + (m.end() if m else 0)
        if a >= hi or c.s[a] in "、，,":
            continue
        units = clean_units(c, a, hi)
        if units:
            return [] if k > lo and c.s[k - 1] in prepositions else units
    return []


def list_after(c: Compact, pos: int, limit: int = 80) -> tuple[list[UnitMatch], int]:
    """The longest unit list that starts at ``pos`` (``会同区自然资源分局、综合执法局等部门对…``)."""
    end = clause_end(c.s, pos)
    for b in range(min(end, pos + limit), pos + 1, -1):  # longest first
        if b < end and c.s[b] == "、":
            continue  # the list runs on
        if c.s[b - 1 : b + 1] in split_verbs():
            continue  # a verb opens on the name's last character (``区自然资源分局办理``)
        units = clean_units(c, pos, b)
        if units:
            return units, b
    return [], pos


def flat_org_starts(c: Compact) -> frozenset[int]:
    """Where (original offsets) the organisation finder sees a mention begin in ``c`` (once per text)."""
    got = c.memo.get("org_starts")
    if got is None:
        got = c.memo["org_starts"] = frozenset(c.pos[o.start] for o in find_orgs(c.s))
    return got


def named_subject(c: Compact, units: list[UnitMatch], org_starts: frozenset[int] | None) -> bool:
    """The list opens with a real organisation name, not a verb phrase the splitter let through
    (``激发领导干部``, ``推动国家…中心``): the organisation finder starts a mention there, or the
    name begins with a level prefix or a collective word (kg/data/task_cues.tsv subject_prefix).
    ``org_starts``: the finder's mention starts (original offsets), None to run it here."""
    first = units[0]
    if first.name.startswith(subject_prefixes()):
        return True
    tail = c.s[flat_index(c, units[-1].end) : flat_index(c, units[-1].end) + 6]
    if not is_org(first.name) and ETC_CLASS.match(tail) is not None:
        return True
    if org_starts is None:  # last: it runs the organisation finder on the text
        org_starts = flat_org_starts(c)
    return first.start in org_starts

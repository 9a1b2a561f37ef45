"""Where a mention may start: a few regex scans that find a superset of the positions the scanner
tests (kg/extract/org_mentions/scan.py), built from the same words, instead of a Python test at every
character."""

from __future__ import annotations

import re
from functools import cache

from kg import divisions
from kg.extract.org_mentions.words import (
    BARE_UNIT_HINT,
    BARE_ZONE_COMMITTEE,
    BOUNDARY_LAST,
    BOUNDARY_WORDS,
    CJK,
    COLLECTIVE_FIRSTS,
    COMMITTEE_ZONES,
    ENDS_PUNCT,
    GROUP_WORDS,
    HEADS,
    NOT_CJK,
    NOT_GLUED,
    OPENERS,
    PLACE_UNIT,
    STOP_CHARS,
    STRONG_END,
    TOWN_WORDS,
    WHOLE_LEVEL_GROUP,
    ZONE_WORDS,
    after_any,
    after_first,
    char_class,
    cjk_chars,
    lexicon,
    lexicon_re,
)
from kg.names import NOT_PREFIX, PREFIX_AFTER_ALL, SINGLE_PREFIXES


@cache
def _opener_re() -> re.Pattern:
    """A character where _start_at may find a head (中共, 国务院) or a 区/市/县 … that single_prefix
    takes, or COLLECTIVE a 各 (a superset; place names: _place_re)."""
    heads = "|".join(f"(?<={re.escape(h[0])})(?={re.escape(h[1:])})" for h in HEADS)
    short = [w for w in NOT_PREFIX if len(w) <= 3]  # single_prefix sees three characters
    prefix = f"(?:(?={after_first(PREFIX_AFTER_ALL)})|(?!{after_first(short)}))"
    single = f"{NOT_GLUED}(?<={char_class(SINGLE_PREFIXES)}){prefix}"
    return re.compile(f"{char_class(OPENERS)}(?:(?<=各)|{heads}|{single})")


@cache
def _place_re() -> re.Pattern:
    """A character, not glued to the word before, that may open a place name with the next one: a
    superset of the pairs in divisions.place_starts()."""
    pairs = [k for k in divisions.place_starts() if len(k) == 2]
    short = [k for k in divisions.place_starts() if len(k) < 2]  # a one-character name opens anywhere
    pair = f"{char_class(k[0] for k in pairs)}{NOT_GLUED}(?={char_class(k[1] for k in pairs)})"
    return re.compile(pair + (f"|{char_class(short)}" if short else ""))


@cache
def _bare() -> str:
    """A regex that holds where a bare unit may start (a superset): 属地/所在/本 (COLLECTIVE), a
    lexicon word, what _bare_unit needs, or what _bare_place_unit needs (a bare township / zone)."""
    firsts: dict[str, set[str]] = {}
    for w in lexicon():
        firsts.setdefault(w[0], set()).add(w[1])
    pair = "|".join(re.escape(a) + char_class(b) for a, b in sorted(firsts.items()))
    lex = f"(?={pair})(?:{lexicon_re().pattern})"  # a quick test of two characters, then the words
    unit = char_class({w[0] for w in TOWN_WORDS + ZONE_WORDS})  # PLACE_UNIT's heads and words
    zone = char_class({w[0] for w in ZONE_WORDS})
    committee = "|".join(sorted({w[:2] for w in COMMITTEE_ZONES}))  # BARE_ZONE_COMMITTEE
    loose = f"{CJK}{{2}}(?:{unit}|{CJK}{unit}|{CJK}{{2}}{zone})|{committee}"
    place_unit = f"(?={loose})(?:{PLACE_UNIT.pattern}|{BARE_ZONE_COMMITTEE.pattern})"
    unit_end = set(STRONG_END.pattern[1:-1]) | {w[-1] for w in GROUP_WORDS}
    walk = re.escape("".join(sorted(cjk_chars() - unit_end))) + ENDS_PUNCT
    has_end = f"(?=[{walk}]{{0,9}}+{char_class(unit_end)})"  # a quick test before BARE_UNIT_HINT
    return (
        f"(?={CJK})(?:{char_class(COLLECTIVE_FIRSTS)}|(?={char_class(firsts)})(?:{lex})|{place_unit}"
        f"|{has_end}(?:{BARE_UNIT_HINT}))"
    )


@cache
def _bare_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Where a bare unit may start at a boundary (see _boundary), three scans: at the start of the
    text; after a non-CJK or stop character; after a boundary word (the match ends there)."""
    stop = STOP_CHARS | set("和与及")
    after_char = f"[{NOT_CJK}{re.escape(''.join(sorted(stop)))}](?={_bare()})"
    penult = char_class(w[-2] for w in BOUNDARY_WORDS)  # a quick test before the words
    after_word = f"{char_class(BOUNDARY_LAST)}(?<={penult}.)(?={_bare()})(?:{after_any(BOUNDARY_WORDS)})"
    return re.compile(_bare()), re.compile(after_char), re.compile(after_word)


def openings(text: str, taken: list[int]):
    """Positions candidates tests (a superset of those where it may yield), in order, from
    ``taken[0]`` on: a few regex scans instead of a Python test at every character."""
    pairs = divisions.place_starts()
    at_start, after_char, after_word = _bare_res()
    found = {m.start() for m in _opener_re().finditer(text)}
    found.update(
        i for m in _place_re().finditer(text) if text[(i := m.start()) : i + 2] in pairs or text[i] in pairs
    )
    found.update(m.end() for m in after_char.finditer(text))
    found.update(m.end() for m in after_word.finditer(text))
    if "全" in text:
        found.update(m.start() for m in WHOLE_LEVEL_GROUP.finditer(text))  # 全市…领导小组
    if at_start.match(text):
        found.add(0)
    for i in sorted(found):
        if i >= taken[0]:
            yield i

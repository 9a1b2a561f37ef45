"""Find organisation mentions in running text: [prefix] body suffix, lists split by split_units.

A mention starts at a jurisdiction prefix (a place name, 区/市/县/省/自治区, 中共, 国家/国务院),
a collective head (各/属地/所在), or a known bare department name (财政局, 建设局) at a clause
boundary; it ends at the longest organisation suffix (kg/data/org_suffixes.tsv) before a stop
word. A mention followed by 、/和/及 and more bare units is read as a list.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg import divisions
from kg.extract.org_mentions.aliases import TITLE, blank_title, defined_aliases
from kg.extract.org_mentions.passes import PASSES
from kg.extract.org_mentions.scan import candidates, list_tail, place_ends
from kg.extract.org_mentions.words import ZONE_ENDS, lexicon
from kg.models import OrgMatch
from kg.names import (
    ETC_TAIL,
    bare_place,
    jurisdiction_prefix,
    normalise_name,
    org_suffix,
    single_prefix,
    split_units,
)

__all__ = ["aliases", "find_orgs"]


def aliases(text: str) -> dict[str, str]:
    """Short forms the text defines for an organisation: ``区土地和房屋征收工作办公室（以下简称区房屋
    征收部门）`` -> ``{"区房屋征收部门": "区土地和房屋征收工作办公室"}`` (short -> full printed name)."""
    return defined_aliases(text, _find(text))


def find_orgs(text: str) -> list[OrgMatch]:
    """Every organisation mention in ``text``, list members with their shared prefix distributed; a
    short form the text defines (以下简称…) is read as the full name wherever it occurs. Names inside
    a 《title》 are part of the title (《中华人民共和国城乡规划法》), not mentions."""
    if "《" in text:
        text = TITLE.sub(blank_title, text)
    found = _find(text)
    alias = defined_aliases(text, found)
    if not alias:
        return found
    out = [
        OrgMatch(m.surface, alias.get(m.name, alias.get(m.surface, m.name)), m.start, m.end) for m in found
    ]
    taken = [(m.start, m.end) for m in out]
    for short, full in alias.items():
        for hit in re.finditer(re.escape(short), text):
            if not any(a < hit.end() and hit.start() < b for a, b in taken):
                out.append(OrgMatch(short, full, hit.start(), hit.end()))
                taken.append((hit.start(), hit.end()))
    return sorted(out, key=lambda m: m.start)


@lru_cache(maxsize=1 << 14)  # the same names and lists recur
def _units(s: str) -> tuple[tuple[str, str, int, int], ...]:
    """split_units(s) as (surface, name, start, end) tuples."""
    return tuple((u.surface, u.name, u.start, u.end) for u in split_units(s))


LEVEL_WORD = "(?:自治区|直辖市|自治州|自治县|自治旗|特区|[省市区县旗乡镇])"
LEVEL_LIST = re.compile(f"各(?:{LEVEL_WORD}、)+{LEVEL_WORD}")  # 各旗、县、区 (人民政府)
# 各地、州、市 before a mention opening with its last level (市及米东新区质量技术监督局): 地 is 地区 here
LEVELS_BEFORE = re.compile(f"各(?:(?:{LEVEL_WORD}|[地州盟])、)+$")
# the kinds of internal units listed after 各 (区局机关各部、处、室、局): one collective
UNITS_NAME = "部门"
UNIT_KINDS = re.compile(r"(?:、[委办厅部处室局科股所站队])+")
PLACE_JOINS = ("以及", "、", "和", "及")


def _places_before(text: str, start: int, end: int) -> int:
    """Where a list of bare place names sharing the organ suffix of ``text[start:end]`` begins:
    东河区、九原区人民政府 -> the start of 东河区; ``start`` when the mention is no <place><organ> (an
    organ of government: a department-like suffix row) or the item before it is no bare place
    (财政局、九原区人民政府)."""
    if start < 3 or text[start - 1] not in "、和及":
        return start
    own = divisions.place_prefix(text[start:end])
    row = org_suffix(text[start:end])
    if not own or own == text[start:end] or not row or not row[2]:
        return start  # (places share a government's organs only: not 花溪区、开阳县供销社, a co-op)
    while True:
        w = next((w for w in PLACE_JOINS if text.startswith(w, start - len(w))), "")
        j = start - len(w)
        k = next((k for k in range(min(j, 12), 1, -1) if bare_place(text[j - k : j])), 0) if w else 0
        if not k:
            return start
        start = j - k


# 县人民政府及有关部门, 省人民政府及其有关部门: a unit and its departments, two mentions
OWN_DEPARTMENTS = re.compile(r"(?:以及|[和及与])(其)?((?:有关|相关)(?:部门|单位))$")


def _with_own_departments(units):
    """List units with a unit's own departments split off (县人民政府及有关部门 -> 县人民政府, 有关部门
    named 县有关部门: the departments of the level the unit names)."""
    out = []
    for surface, name, a, b in units:
        m = OWN_DEPARTMENTS.search(surface) if len(surface) > 4 else None
        own = len(surface) - m.start() if m else 0
        if not m or not name.endswith(surface[-own:]) or not org_suffix(name[:-own]):
            if surface.startswith("其") and name.endswith(surface[1:]) and len(name) > len(surface):
                name = name[: len(name) - len(surface)] + surface[1:]  # 其有关部门 of 省人民政府: 省有关部门
            out.append((surface, name, a, b))
            continue
        left = name[:-own]
        place = jurisdiction_prefix(left)
        out.append((surface[: m.start()], left, a, b - own))
        out.append((m.group(2), (place if place != left else "") + m.group(2), b - len(m.group(2)), b))
    return out


BRACKETED_COMMA = re.compile(r"[（(〔][^）)〕]*、")  # a 、 inside brackets


def _find(text: str) -> list[OrgMatch]:
    out: list[OrgMatch] = []
    pos = 0
    taken = [pos]  # tells candidates where to resume
    for start, end in candidates(text, taken):
        if start < pos:
            continue
        while (
            start - 2 >= pos
            and text[start - 1] == "、"
            and single_prefix(text[start - 2 : start + 1])
            and not place_ends(text, start - 1)
            and not text.endswith(ZONE_ENDS, 0, start - 1)
        ):
            start -= 2  # 省、市有关部门 (but not 固始县、光山县政府: 县 ends the place before)
        levels = LEVEL_LIST.match(text, start - 1) if start > pos and text[start - 1] == "各" else None
        if levels and start < levels.end() < end and org_suffix(text[start:end]):
            surface = text[start - 1 : end]  # 各旗、县、区人民政府: one collective, 各 over the list
            out.append(OrgMatch(surface, normalise_name(surface), start - 1, end))
            pos = taken[0] = end
            continue
        before = (
            LEVELS_BEFORE.search(text, max(pos, start - 16), start)
            if text[start - 1 : start] == "、"
            else None
        )
        if before and single_prefix(text[start : start + 3]) and org_suffix(text[start:end]):
            # 各地、州、市及米东新区质量技术监督局: 市… is the last level of the list, no name of its own;
            # the collective over the list is left unread (identity cannot yet key it with its short
            # form 各地州市局: reading it made one organisation two nodes)
            pos = taken[0] = end
            continue
        placed = _places_before(text, start, end)  # 固始县、光山县政府: both take 政府
        shared = pos <= placed < start
        if shared:
            start = placed
        tail = list_tail(text, end)
        is_list = tail > end and (
            text[end] == "、" or org_suffix(ETC_TAIL.sub("", text[end + 1 : tail]) or "x")
        )
        if is_list or shared or "、" in text[start:end] and not BRACKETED_COMMA.search(text, start, end):
            for surface, name, a, b in _with_own_departments(_units(text[start:tail])):
                if (org_suffix(name) or name in lexicon()) and len(name) >= 2:
                    out.append(OrgMatch(surface, name, start + a, start + b))
            pos = taken[0] = tail
            continue
        surface = text[start:end]
        units = _units(surface) if surface else ()
        if len(units) > 1 and bare_place(units[0][0]):  # 东河区和九原区人民政府: both take 人民政府
            out.extend(OrgMatch(u, n, start + a, start + b) for u, n, a, b in units)
            pos = taken[0] = end
            continue
        name = units[0][1] if units else surface
        if text.startswith("、单位", end) and name.endswith("部门"):
            end += 3  # 市直有关部门、单位: one noun phrase
            surface, name = text[start:end], name + "、单位"
        kinds = UNIT_KINDS.match(text, end) if surface[-2:-1] == "各" else None
        if kinds:  # 机关各部、处、室、局: its departments, named so (机关各部门)
            end = kinds.end()
            surface, name = text[start:end], name[: name.rfind("各") + 1] + UNITS_NAME
        out.append(OrgMatch(surface, name, start, end))
        pos = taken[0] = end
    for step in PASSES:
        if step.gate in text:
            out = step.run(text, out)
    return out

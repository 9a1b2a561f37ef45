"""National organs by any printed form (国家外汇局 = 国家外汇管理局, read from the table of
kg.org_tables), and their branches (中国人民银行江西省分行,
国家税务总局X税务局): nodes of their own at their province or city, under the national organ."""

from __future__ import annotations

import re
from functools import cache

from kg import divisions
from kg.models import Jurisdiction, OrgIdentity
from kg.names import org_suffix
from kg.org_tables import Organ, abbreviations, organs
from kg.resolve.org_abbreviations import scope_ok
from kg.resolve.org_places import NATIONAL, key, place_names

NATIONAL_KEY = key(NATIONAL, "")  # the head of a national organ's key: 国家/

PARTY_CENTRE = "中国共产党中央委员会"
# what a national organ's branch is called after its place (中国人民银行江西省分行, 国家外汇管理局安徽省分局)
BRANCH_WORDS = ("分行", "支行", "营业管理部", "分局", "监管局", "税务局", "调查总队", "调查队")


@cache
def _forms_longest_first() -> tuple[str, ...]:
    return tuple(sorted(organs(), key=len, reverse=True))


def _parent(organ: Organ) -> str:
    if organ.supervisor:
        return key(NATIONAL, organ.supervisor.removeprefix("中华人民共和国"))
    return key(NATIONAL, PARTY_CENTRE if organ.kind == "party" else "国务院")


def national_organ(name: str) -> OrgIdentity | None:
    """国家外汇局 -> 国家外汇管理局 (national, under 中国人民银行); None for a form the table lacks."""
    organ = organs().get(name)
    if organ is None:
        return None
    return OrgIdentity(key(NATIONAL, organ.key_body), organ.name, organ.kind, "national", _parent(organ))


def agency_branch(name: str, where: Jurisdiction) -> OrgIdentity | None:
    """中国人民银行江西省分行, 人民银行平潭支行, 国家税务总局贵阳市税务局: a national organ's form, a
    place, an organisation suffix: the branch at that place (canonical with the place as printed, as
    branches are named: 中国人民银行合肥中心支行), a sub-organisation of the national organ."""
    form = next((f for f in _forms_longest_first() if name.startswith(f)), "")
    rest = name[len(form) :]
    if not form or not rest:
        return None
    found, end = divisions.parse_places(rest, shorts="all")
    tail = rest[end:]
    if not found or not (tail.endswith(BRANCH_WORDS) or org_suffix(tail)) or divisions.place_prefix(tail):
        return None
    j = divisions.to_jurisdiction(found[-1])
    organ = organs()[form]
    place = rest[:end]
    if tail == "支行" and found[-1].level == "county":
        place = found[-1].name  # a county's branch by the county's full name: 中国人民银行闽侯县支行
    return OrgIdentity(
        key(j, organ.key_body + tail),
        organ.name + place + tail,  # else the place as printed: 中国人民银行合肥中心支行
        "branch",
        j.level,
        key(NATIONAL, organ.key_body),
    )


def place_branch(where: Jurisdiction, body: str) -> OrgIdentity | None:
    """平潭海关, 黄埔海关: a place, then the form of a national organ's branch whose canonical name the
    abbreviations table templates (海关 -> 中华人民共和国{short}海关): that place's branch."""
    found, end = divisions.parse_places(body, shorts="all")
    if not found:
        return None
    j = divisions.to_jurisdiction(found[-1])
    rows = abbreviations().get(body[end:], ())
    row = next(
        (r for r in rows if r.template and r.parent.startswith(NATIONAL_KEY) and scope_ok(r.scope, j.level)),
        None,
    )
    if row is None:
        return None
    return OrgIdentity(key(j, row.body), row.template.format(**place_names(j)), "branch", j.level, row.parent)


# a team the centre sends (中央环保督察组, 中央第三巡视组, 中央指导组): national, whatever level word a list
# distributed over it (省“三改一拆”督查组、中央环保督查组 -> 省中央环保督查组)
CENTRAL_TEAM = re.compile(r"^[省市区县]?(中央[\u4e00-\u9fff]{0,12}?(?:督察|督查|巡视|督导|指导|检查)组)$")


def central_team(name: str, where: Jurisdiction) -> OrgIdentity | None:
    """省中央环保督查组 -> the national team 中央环保督查组 (a group, no province's)."""
    m = CENTRAL_TEAM.match(name)
    return OrgIdentity(key(NATIONAL, m.group(1)), m.group(1), "group", "national", None) if m else None

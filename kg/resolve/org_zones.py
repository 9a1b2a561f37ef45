"""Zones at their place: a governing zone's 管委会 as its government (平潭综合实验区), a development
zone's administrative committee and its offices (柯桥经开区, 稀土高新区管委会). Resolvers of a body at
its jurisdiction, as those of kg.resolve.org_identity.LOCAL."""

from __future__ import annotations

import re

from kg import data, divisions
from kg.models import Jurisdiction, OrgIdentity
from kg.names import org_suffix
from kg.resolve.org_kinds import kind_of
from kg.resolve.org_places import ZONE, ZONE_GOVERNMENT, city_short, gov_key, governing_zone, key, place_names

ZONE_BODIES = (("管委会", ZONE_GOVERNMENT), ("人民政府", ZONE_GOVERNMENT), ("政府", ZONE_GOVERNMENT))


def zone_government(j: Jurisdiction, body: str) -> OrgIdentity | str | None:
    """In a governing zone (平潭综合实验区) the 管委会 is the government: 管委会, 区政府 -> 管理委员会
    (an identity); 管委会办公室, a bare 办公室 -> 管理委员会办公室 (the body, for the resolvers after)."""
    if not governing_zone(j):
        return None
    body = next((new + body[len(old) :] for old, new in ZONE_BODIES if body.startswith(old)), body)
    if body == "办公室":
        body = ZONE_GOVERNMENT + body
    if body == ZONE_GOVERNMENT:
        return OrgIdentity(gov_key(j), j.name + body, "government", j.level, None)
    return body


def _national_new_area(printed: str, j: Jurisdiction) -> tuple[Jurisdiction, str] | None:
    """(its province, official name) of a national-level new area (kg/data/national_new_areas.tsv),
    wherever it is printed (湘江新区 in a 贵州 text is 湖南's); None for other zones."""
    for name, official, province in data.rows("national_new_areas.tsv"):
        if printed in (name, official):
            return divisions.lookup(province) or j, official
    return None


NEW_AREA = re.compile(r"^(.+?新区)(?:管理委员会|管委会)?(.*)$")


def national_new_area(name: str, where: Jurisdiction) -> OrgIdentity | None:
    """A mention of a national-level new area, its committee or a part of it, whatever place opens it
    (福州新区, 大连金普新区管委会): under its official name and province (a resolver of IDENTIFY)."""
    m = NEW_AREA.match(name)
    area = _national_new_area(m.group(1), where) if m else None
    rest = m.group(2) if m else ""
    if area is None or rest and not org_suffix(rest):
        return None
    j, official = area
    printed = next(r[0] for r in data.rows("national_new_areas.tsv") if r[1] == official)
    committee = official + ZONE_GOVERNMENT
    if not rest:
        return OrgIdentity(key(j, printed), committee, "government", j.level, gov_key(j))
    return OrgIdentity(key(j, printed + rest), committee + rest, kind_of(rest), j.level, key(j, printed))


BARE_ZONES = ("经济技术开发区", "经开区", "高新技术产业开发区", "高新区", "经济开发区", "开发区")
ZONE_FULL = {"经开区": "经济技术开发区", "高新区": "高新技术产业开发区", "度假区": "旅游度假区"}


def zone(j: Jurisdiction, body: str) -> OrgIdentity | None:
    """柯桥经开区, 鉴湖度假区建设处, 稀土高新区管委会: a development zone's administrative committee
    (key without 管委会; canonical ``<city short><zone>管理委员会``, the form zones are registered in).
    Zone words printed without a head (市经开区, bare 经开区 in a 柯桥区 text) name the place's own zone;
    not 新区, also a common word (各新区, 新区建设)."""
    if body.startswith(BARE_ZONES) and j.level in ("prefecture", "county"):
        body = place_names(j)["short"] + body
    m = ZONE.match(body)
    if not m or (m.group(5) and not org_suffix(m.group(5))):
        return None
    head, kind, _, chou, rest = m.groups()
    if head.endswith(("级", "工业", "产业")) or head in ("国家", "省级", "经济"):
        return None
    if kind == "度假区" and head.endswith("旅游"):
        head = head[:-2]
        kind = "旅游度假区"
    zone = head + ZONE_FULL.get(kind, kind)
    chou = chou or ""
    short = city_short(j)
    short = "" if head.startswith(short) else short
    committee = f"{short}{zone}管理委员会{chou}"
    area = _national_new_area(head + kind, j)
    if area is not None:  # 贵安新区 = 贵州贵安新区, one node under its province whoever prints it
        j, official = area
        committee = f"{official}管理委员会{chou}"
        short = official.removesuffix(zone)
    if not rest:
        return OrgIdentity(key(j, zone), committee, "government", j.level, gov_key(j))
    canon = committee + rest if rest.endswith(("处", "科", "局", "办公室", "室")) else short + zone + rest
    return OrgIdentity(key(j, zone + rest), canon, kind_of(rest), j.level, key(j, zone))

"""Where a mention's organisation sits: the jurisdiction of its prefix (区/市/县/省, a printed place name,
the publication's own short name) and the keys built from it."""

from __future__ import annotations

import re
from functools import lru_cache

from kg import divisions
from kg.models import Jurisdiction
from kg.names import org_suffix, single_prefix

NATIONAL = Jurisdiction((), "national")
ZONE = re.compile(
    r"^([\u4e00-\u9fff]{2,8}?)(经济技术开发区|经开区|高新技术产业开发区|高新区|旅游度假区|度假区|经济开发区|开发区|新区)"
    r"(管理委员会|管委会)?(（筹）)?(.*)$"
)


def key(j: Jurisdiction, body: str) -> str:
    """The key of the organisation ``body`` of ``j``: ``绍兴市柯桥区/住房和城乡建设局``."""
    return f"{j.name}/{body}"


ZONE_GOVERNMENT = "管理委员会"


def governing_zone(j: Jurisdiction) -> bool:
    """``j`` is a zone that governs (平潭综合实验区; not 浦东新区, a district of the division table): its
    government is a 管理委员会."""
    zones = tuple(w for w, _ in divisions.GOVERNING_ZONES)
    return bool(j.chain) and j.name.endswith(zones) and divisions.lookup(j.name) is None


def gov_key(j: Jurisdiction) -> str:
    """The key of ``j``'s government (the State Council for the nation, a zone's 管理委员会)."""
    if j.level == "national":
        return key(j, "国务院")
    return key(j, ZONE_GOVERNMENT if governing_zone(j) else "人民政府")


def chain_at(where: Jurisdiction, levels: tuple[str, ...]) -> Jurisdiction | None:
    """The part of ``where``'s chain down to the first element at one of ``levels``."""
    for i, name in enumerate(where.chain):
        j = divisions.lookup(name)
        lvl = j.level if j else ("provincial" if i == 0 and len(where.chain) > 1 else where.level)
        if lvl in levels:
            return Jurisdiction(where.chain[: i + 1], lvl)
    return None


@lru_cache(maxsize=4096)  # pure; Jurisdiction is frozen
def resolve_single(p: str, where: Jurisdiction) -> Jurisdiction:
    """区/市/县/省/镇 read in a publication of ``where``."""
    if p == "省" or p == "自治区":
        return chain_at(where, ("provincial",)) or where
    if p == "市":
        if where.level == "county" and where.name.endswith("市"):
            return where  # 嵊州市: 市X is the county-level city's
        return chain_at(where, ("prefecture",)) or where
    if p in "区县旗":
        return chain_at(where, ("county",)) or where
    return where


ZHOU = "州"


@lru_cache(maxsize=4096)  # pure; Jurisdiction is frozen
def prefecture_by_zhou(where: Jurisdiction) -> Jurisdiction | None:
    """The prefecture of ``where``'s chain whose name ends in 州 (an autonomous prefecture, 州 its level
    word as 市 is a city's): 州X in its texts is that prefecture's X; None elsewhere (杭州市 ends in 市)."""
    j = chain_at(where, ("prefecture",))
    return j if j is not None and j.name.endswith(ZHOU) else None


@lru_cache(maxsize=4096)  # pure; callers only read the dict
def place_names(j: Jurisdiction) -> dict[str, str]:
    """Template fields for a jurisdiction: full, parent, name, short, province."""
    full = j.name if j.chain else ""
    parent = j.chain[-2] if len(j.chain) > 1 else ""
    own = full[len(parent) :] if parent and full.startswith(parent) else full
    found = divisions.parse_places(own, shorts="all")[0] if own else []
    short = found[-1].short if found else re.sub(r"(省|市|区|县|旗|自治区)$", "", own)
    province = j.chain[0] if j.chain else ""
    return {"full": full, "parent": parent, "name": own, "short": short, "province": province}


def city_short(j: Jurisdiction) -> str:
    """The short name of the nearest city above or at ``j`` (柯桥区 -> 绍兴, 嵊州市 -> 嵊州)."""
    for name in reversed(j.chain):
        d = divisions.lookup(name)
        if name.endswith("市") and d is not None:
            return place_names(d)["short"] or name[:-1]
    return place_names(j)["short"]


def split_prefix(name: str, where: Jurisdiction) -> tuple[Jurisdiction, str, bool]:
    """(jurisdiction, body, prefixed) for a mention; a bare body belongs to ``where``."""
    if name.startswith("中共") and len(name) > 3:
        name = name[2:]
    if where.chain and name.startswith(where.name) and len(name) > len(where.name):
        return where, name[len(where.name) :], True
    short = place_names(where)["short"] if where.chain else ""
    rest = name[len(short) :]
    if len(short) >= 2 and name.startswith(short) and org_suffix(rest) and len(rest) >= 3:
        if not ZONE.match(name) and rest[0] not in "省市区县旗州":
            return where, rest, True  # 柯桥水务集团: the publication's own short name
    place = divisions.place_prefix(name)
    if place and len(place) < len(name):
        found, _ = divisions.parse_places(place, shorts="all")
        if found:
            d = divisions.place_in(place, where)  # 白云区财政局 in a 贵阳 text: 贵阳's 白云区
            return (divisions.to_jurisdiction(d), name[len(place) :], True) if d else (where, "", True)
    if name.startswith("自治区") and len(name) > 3:
        return resolve_single("自治区", where), name[3:], True
    pref = prefecture_by_zhou(where)
    row = org_suffix(name[1:]) if pref is not None and name.startswith(ZHOU) and len(name) > 2 else None
    if row and row[1] != "collective":
        # 州财政局 in a 自治州's text: the prefecture's. Not a class (州数据资源主管部门): the level word
        # before a class of departments is left as printed, apart from the level-neutral class
        return pref, name[1:], True
    p = single_prefix(name)
    if p and p != "镇" and p != "乡" and len(name) > 1:
        j, rest = resolve_single(p, where), name[1:]
        short = place_names(j)["short"] if j.chain else ""
        tail = rest[len(short) :]
        if len(short) >= 2 and rest.startswith(short) and len(tail) >= 3 and org_suffix(tail):
            rest = tail  # 区柯桥水务集团 (区 distributed over 柯桥水务集团) = 柯桥水务集团
        return j, rest, True
    return where, name, False

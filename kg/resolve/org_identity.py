"""The canonical organisation behind a mention: ``identify("区建设局", 柯桥区)`` ->
key ``绍兴市柯桥区/住房和城乡建设局``, canonical ``绍兴市柯桥区住房和城乡建设局``.

The 区/市/县/省 prefix is resolved against the publication's jurisdiction, a printed place name
(柯桥区, 安徽, 绍兴市) against the division table (kg/resolve/org_places.py), abbreviations against
kg/data/abbreviations.tsv (kg/resolve/org_abbreviations.py), collectives by
kg/resolve/org_collectives.py, zones by kg/resolve/org_zones.py. ``identify`` tries the resolvers
of IDENTIFY in order; a body read at its jurisdiction goes through those of LOCAL (``_local``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kg import data, divisions
from kg.models import Jurisdiction, OrgIdentity
from kg.names import GENERIC, excluded, normalise_name, org_suffix, single_prefix
from kg.org_tables import Abbrev, abbreviations, departments
from kg.resolve.national_organs import (
    NATIONAL_KEY,
    agency_branch,
    central_team,
    national_organ,
    place_branch,
)
from kg.resolve.org_abbreviations import abbrev, branch_forms, bureau_of_domain, expand_head, scope_ok
from kg.resolve.org_collectives import collective, collective_key
from kg.resolve.org_kinds import kind_of
from kg.resolve.org_name_forms import OVER_MODAL, plain_name, without_lead_verb
from kg.resolve.org_places import (
    NATIONAL,
    ZHOU,
    chain_at,
    gov_key,
    governing_zone,
    key,
    place_names,
    prefecture_by_zhou,
    split_prefix,
)
from kg.resolve.org_townships import township
from kg.resolve.org_zones import national_new_area, zone, zone_government

__all__ = ["abbreviations", "bureau_of_domain", "identify", "without_lead_verb"]

NATIONAL_HEADS = ("中华人民共和国", "国务院", "国家", "中国", "全国", "中央", "中共中央", "最高人民")
PARTY_SUB = dict(data.rows("party_offices.tsv"))
NOT_ORGS = data.words("not_org_titles.tsv")


def _national(name: str) -> OrgIdentity | None:
    """A national organ by its usual short or full form (人民银行, 财政部, 国务院办公厅): the table of the
    State Council's organs, the national rows of the abbreviations, a bare …部, a national head."""
    organ = national_organ(name)
    if organ:
        return organ
    row = abbrev(name, "national")
    if row:
        key_body = row.body.removeprefix("中华人民共和国")
        return OrgIdentity(
            key(NATIONAL, key_body),
            row.template or row.body,
            kind_of(row.body),
            "national",
            None if row.body.endswith("国务院") else "国家/国务院",
        )
    if (
        re.fullmatch(r"[\u4e00-\u9fff]{2,10}部", name)
        and not name.endswith(excluded("not_ministry"))
        and not single_prefix(name)
        and not divisions.place_prefix(name)
        and not re.search(r"(集团|公司|中心|局|委|办|院)", name[:-1])
    ):
        return OrgIdentity(
            key(NATIONAL, name), "中华人民共和国" + name, "department", "national", "国家/国务院"
        )
    if name.startswith(NATIONAL_HEADS) and org_suffix(name) and len(name) > 4:
        return OrgIdentity(key(NATIONAL, name), name, kind_of(name), "national", "国家/国务院")
    return None


def _branch(j: Jurisdiction, row: Abbrev, rest: str = "") -> OrgIdentity:
    """A branch of a higher-level bureau (区公安分局 -> 绍兴市公安局柯桥区分局)."""
    f = place_names(j)
    canon = row.template.format(**f) + rest
    if "/" in row.parent:
        parent = row.parent
    elif row.parent and f["parent"]:
        parent = f"{f['parent']}/{row.parent}"
    else:
        parent = gov_key(j)
    kind = "branch" if parent.startswith(NATIONAL_KEY) and not rest else kind_of(row.body + rest)
    return OrgIdentity(key(j, row.body + rest), canon, kind, j.level, parent)


def _provincial_only(body: str) -> bool:
    """A department only a province has (审计厅, 财政厅; not 办公厅, which cities have too)."""
    return body.endswith("厅") and not body.endswith(excluded("not_provincial_hall")) and len(body) >= 3


# ------------------------------------------------------------------ resolvers of a body at its place
# Each takes (jurisdiction, body) and returns an OrgIdentity (the answer), None (not its case), or a
# string: the body rewritten for the resolvers after it (教体部门 -> 教体局).


def _party(j: Jurisdiction, body: str) -> OrgIdentity | None:
    """区委, 市委宣传部, 纪委监委, 人大常委会, 政协 …"""
    full = j.name
    if body == "委":
        return OrgIdentity(key(j, "党委"), f"中国共产党{full}委员会", "party", j.level)
    if body == "委常委会":  # 市委常委会: the standing committee of the party committee
        canon = f"中国共产党{full}委员会常务委员会"
        return OrgIdentity(key(j, "党委常委会"), canon, "party", j.level, key(j, "党委"))
    if body.startswith("委") and (org_suffix(body[1:]) or body in PARTY_SUB):
        sub = PARTY_SUB.get(body, body)
        return OrgIdentity(key(j, "党" + sub), f"中共{full}{sub}", "party", j.level, key(j, "党委"))
    body = re.sub(r"^纪委(省|市|区|县|自治区)监委$", "纪委监委", body)  # 省纪委省监委
    if body in ("纪委监委", "纪委", "监委"):
        canon = f"中共{full}纪律检查委员会、{full}监察委员会"
        return OrgIdentity(key(j, "纪委监委"), canon, "party", j.level, key(j, "党委"))
    if body.startswith("政协"):
        rest = body[2:]
        return OrgIdentity(key(j, body), f"中国人民政治协商会议{full}委员会{rest}", "government", j.level)
    return None


def _level_collective(j: Jurisdiction, body: str) -> OrgIdentity | None:
    """省各委办厅局, 市各直属单位: a collective of that level."""
    if body.startswith("各") and len(body) > 2:
        coll = collective(body, j)
        if coll:
            return replace(coll, level=j.level) if coll.level == "other" else coll
    return None


def _military_district(j: Jurisdiction, body: str) -> OrgIdentity | None:
    """省军区 = 贵州省军区."""
    if body == "军区" and j.level == "provincial":
        return OrgIdentity(key(j, body), j.name + body, "government", j.level, None)
    return None


def _party_group(j: Jurisdiction, body: str) -> OrgIdentity | None:
    """区府办党组, 市政府党组: the party group of a (non-party) organ."""
    if body.endswith("党组") and len(body) > 2:
        inner = _local(j, body[:-2])
        if inner and inner.kind != "party":
            canon = inner.canonical.removeprefix("中共")
            return OrgIdentity(inner.key + "党组", "中共" + canon + "党组", "party", j.level, inner.key)
    return None


def _domain_department(j: Jurisdiction, body: str) -> str | None:
    """教体部门 = 教体局, 国土部门 = 国土资源局, 交通部门 = 交通运输局: the body rewritten."""
    if j.level == "national":
        return None  # a national text's 公安部门 is the class of public security organs, no 公安局
    if not (body.endswith("部门") and len(body) > 3 and not body.startswith(("各", "有关", "相关"))):
        return None
    for alt in (body[:-2] + "局", body[:-2] + "厅"):
        if abbrev(alt, j.level) or alt in departments():
            return alt
    return bureau_of_domain(body[:-2], j.level) or body


COMPANY_TAIL = re.compile(r"(集团)?(（集团）)?(控股|股份)?有限(责任)?公司$")


def _company(j: Jurisdiction, body: str) -> OrgIdentity | None:
    """省投资集团控股有限公司 = 省投资集团; canonical as printed."""
    m = COMPANY_TAIL.search(body)
    if m and m.start() >= 2:
        core = body[: m.start()] + ("集团" if m.group(1) or m.group(2) else "公司")
        return OrgIdentity(key(j, core), j.name + body, "enterprise", j.level, gov_key(j))
    return None


def _branch_company(j: Jurisdiction, body: str) -> OrgIdentity | None:
    """省铁塔分公司 = 省铁塔公司 (a templated row: the branch of the national company)."""
    if body.endswith("分公司") and len(body) > 4:
        core = body[:-3] + "公司"
        row = abbrev(core, j.level)
        if row and row.template:
            return _branch(j, row)
        return OrgIdentity(key(j, core), j.name + body, "enterprise", j.level, None)
    return None


def _group_company(j: Jurisdiction, body: str) -> OrgIdentity | str | None:
    """区建设集团, 区建设集团项目管理部: state companies (市城投集团 = 市城投 = 城市建设投资集团); the
    expanded body for the resolvers after it when what follows 集团 is no suffix."""
    if "集团" not in body[2:]:
        return None
    head, _ = expand_head(body, j.level)
    body = head if "集团" in head[2:] else body
    i = body.index("集团", 2) + 2
    rest = body[i:]
    if not rest or org_suffix(rest):
        canon = j.name + body[:i] + "有限公司" + rest
        return OrgIdentity(key(j, body), canon, "enterprise", j.level, key(j, body[:i]) if rest else None)
    return body


CULTURE = re.compile(r"^(文化|文|和|旅游|旅|广电|广播电视|广|体育|新闻出版)+(局|厅|委)$")


def _culture_bureau(j: Jurisdiction, body: str) -> OrgIdentity | None:
    """文旅局 = 文化旅游广电局 = 文化广电旅游局: one bureau; culture and tourism alone are named
    文化和旅游厅/局 (the 2018 reform's name: 文化旅游厅 -> 文化和旅游厅)."""
    if CULTURE.match(body) and "旅" in body:
        expanded, _ = expand_head(body, j.level)
        if not re.search("广|体育|新闻", expanded):
            expanded = "文化和旅游" + body[-1]
        canon = j.name + expanded
        return OrgIdentity(key(j, "文化和旅游" + body[-1]), canon, "department", j.level, gov_key(j))
    return None


def _templated_branch(j: Jurisdiction, body: str) -> OrgIdentity | None:
    """区公安分局 -> 绍兴市公安局柯桥区分局: a form whose row has a template."""
    row = abbrev(body, j.level)
    return _branch(j, row) if row and row.template else None


def _national_branch(j: Jurisdiction, body: str) -> OrgIdentity | None:
    """人行合肥中心支行 -> 中国人民银行合肥中心支行: a national organ's short form and a suffix; with a
    place after the organ (区人民银行平潭支行) the branch at that place (national_organs.agency_branch)."""
    branch = agency_branch(body, j)
    if branch:
        return branch
    for n in range(len(body) - 2, 1, -1):
        head = abbrev(body[:n], "national")
        if head and org_suffix(body[n:]) and not abbrev(body[:n], j.level):
            canon = head.template + body[n:]
            return OrgIdentity(key(j, canon), canon, "department", j.level, key(NATIONAL, head.body))
    return None


def _branch_unit(j: Jurisdiction, body: str) -> OrgIdentity | None:
    """区公安分局交警大队: a branch with a sub-unit."""
    for form in branch_forms(body):
        if org_suffix(body[len(form) :]):
            hit = [r for r in abbreviations()[form] if r.template and scope_ok(r.scope, j.level)]
            if hit:
                return _branch(j, hit[0], body[len(form) :])
    return None


# two fields of work joined by 与 in a department's name: 交通与建设局 = 交通建设局 (one key)
AND_FIELDS = re.compile(r"^[\u4e00-\u9fff]{2,4}与[\u4e00-\u9fff]{2,4}(局|厅|委员会|委)$")


def _by_suffix(j: Jurisdiction, body: str) -> OrgIdentity | None:
    """The last resolver: the body (abbreviation expanded) by its suffix; a collective suffix
    (牵头考核单位 = 各牵头考核单位); a body with no suffix as a bare field of work (公安 = 公安局) or none."""
    expanded, _ = expand_head(body, j.level)
    if not org_suffix(expanded) and not abbrev(body, j.level):
        bureau = bureau_of_domain(body, j.level)
        if bureau and j.level == "national":
            return _by_suffix(j, body + "部门")  # a national text's bare 公安: the class 公安部门, no 公安局
        return _local(j, bureau) if bureau else None
    if org_suffix(expanded)[1] == "collective" and not body.startswith(("各", "有关", "相关")):
        k = collective_key("各" + body)
        place = "" if j.level == "national" else j.name  # 中央部门, not 国家中央部门
        return OrgIdentity(key(j, k), place + body, "collective", "other", gov_key(j))
    kind = kind_of(expanded)
    if j.level == "national":
        return OrgIdentity(key(j, expanded), expanded, kind, "national", "国家/国务院")
    canon = j.name + expanded
    if kind == "department" and AND_FIELDS.match(expanded):
        return OrgIdentity(key(j, expanded.replace("与", "")), canon, kind, j.level, gov_key(j))
    if kind == "enterprise" and expanded.endswith("集团") and len(expanded) > 2:
        canon += "有限公司"  # 城投 = 城市建设投资集团: registered as 城市建设投资集团有限公司
    if expanded == "人民政府":
        return OrgIdentity(key(j, expanded), canon, "government", j.level, None)
    return OrgIdentity(key(j, expanded), canon, kind, j.level, gov_key(j))


LOCAL = (
    zone_government,
    _party,
    _level_collective,
    _military_district,
    _party_group,
    zone,
    _domain_department,
    _company,
    _branch_company,
    _group_company,
    _culture_bureau,
    _templated_branch,
    place_branch,
    township,
    _national_branch,
    _branch_unit,
    _by_suffix,
)


def _local(j: Jurisdiction, body: str) -> OrgIdentity | None:
    """The organisation ``body`` names at ``j``: the first resolver of LOCAL that answers (a resolver
    returning a string rewrites the body for those after it)."""
    for resolve in LOCAL:
        out = resolve(j, body)
        if isinstance(out, str):
            body = out
        elif out is not None:
            return out
    return None


# ------------------------------------------------------------------ resolvers of a mention
# Each takes (name, the publication's jurisdiction) and returns an OrgIdentity or None (not its case).

ARMED_POLICE = re.compile(r"^(?:武警|中国人民武装警察部队)([\u4e00-\u9fff]{2,8}?)(总队|支队)$")


def _armed_police(name: str, where: Jurisdiction) -> OrgIdentity | None:
    """武警贵州省总队 = 中国人民武装警察部队贵州省总队."""
    armed = ARMED_POLICE.match(name)
    place = divisions.lookup(armed.group(1)) if armed else None
    if place and place.chain:
        body = "武警" + armed.group(2)
        canon = "中国人民武装警察部队" + place.name + armed.group(2)
        return OrgIdentity(key(place, body), canon, "government", place.level, None)
    return None


def _national_organ(name: str, where: Jurisdiction) -> OrgIdentity | None:
    """A national organ by its usual form, unless a local text has its own organ of that form."""
    nat = _national(name)
    return nat if nat and (where.level == "national" or not abbrev(name, where.level)) else None


def _bare_place_government(name: str, where: Jurisdiction) -> OrgIdentity | None:
    """交由达茂旗牵头 (伊旗, 滑县: two-character banners and counties too): the banner's government; a
    name several divisions share (白云区) read inside the publication's jurisdiction (divisions.place_in)."""
    if len(name) >= 2 and name[-1] in "县旗区市州盟" and divisions.place_prefix(name) == name:
        d = divisions.place_in(name, where)
        place = divisions.to_jurisdiction(d) if d else None
        if place and place.level in ("prefecture", "county"):
            return OrgIdentity(gov_key(place), place.name + "人民政府", "government", place.level, None)
    return None


def _placed(name: str, where: Jurisdiction) -> OrgIdentity | None:
    """The name read at the place its prefix names (or the publication's): a bare place is its
    government, a province-only 厅 in a city's text the province's, then LOCAL."""
    j, body, prefixed = split_prefix(name, where)
    if not body:
        return None
    if not prefixed:
        gov = _bare_place_government(name, where)
        if gov:
            return gov
        if j.level in ("prefecture", "county", "township") and _provincial_only(body):
            j = chain_at(where, ("provincial",)) or j  # 审计厅 in a 包头市 text: the region's
        if j.level == "national":
            # 统计局 = 国家统计局 by the tables; not 国家 before any class (人民法院, 公安部门)
            tabled = national_organ("国家" + body) or abbrev("国家" + body, "national")
            nat = _national(body) or (_national("国家" + body) if tabled else None)
            if nat:
                return nat
    ident = _local(j, body)
    if ident is None and prefixed and len(body) == 1 and where.level in ("prefecture", "county"):
        bureau = bureau_of_domain(name, where.level)  # 市监 in a county's table: 市监局, no 市 + 监
        ident = _local(where, bureau) if bureau else None
    return _printed_form(ident, name, j, body, prefixed) if ident else None


SCHOOL_HEADS = data.words("higher_education_heads.tsv")
LEVEL_WORDS = "省市区县旗州盟"


def _printed_form(ident: OrgIdentity, name: str, j: Jurisdiction, body: str, prefixed: bool) -> OrgIdentity:
    """The canonical name as the organisation prints it: a group of a district without its city
    (区保障性租赁住房工作领导小组), a company as registered (马钢（集团）控股有限公司)."""
    if ident.kind == "group" and j.chain and not name.startswith(j.name):
        own = place_names(j)["name"]
        if own != j.name and ident.canonical == j.name + body:
            return OrgIdentity(ident.key, own + body, "group", ident.level, ident.parent)
    if not prefixed and ident.kind == "enterprise" and COMPANY_TAIL.search(name):
        return OrgIdentity(ident.key, name, ident.kind, ident.level, ident.parent)
    place = name[: len(name) - len(body)]
    if prefixed and len(place) >= 2 and place[-1] not in LEVEL_WORDS and any(h in body for h in SCHOOL_HEADS):
        return replace(ident, canonical=name)  # 遵义医科大学附属医院: the place is part of a school's name
    if (
        not prefixed
        and re.match(ZHOU + "[^级]", body)
        and j.name.endswith(ZHOU)
        and prefecture_by_zhou(j) == j
    ):
        # 州数据资源主管部门 in a 自治州's text: its level word is the prefecture's name's own 州
        doubled = j.name + body
        if ident.canonical.endswith(doubled):
            return replace(ident, canonical=ident.canonical[: -len(doubled)] + j.name + body[1:])
    return ident


def _agency_branch(name: str, where: Jurisdiction) -> OrgIdentity | None:
    """中国人民银行江西省分行, 国家外汇管理局安徽省分局: see national_organs.agency_branch."""
    return agency_branch(name, where)


LEVEL_OF_PREFIX = {"省": "provincial", "市": "prefecture", "县": "county", "区": "county", "旗": "county"}


def _level_class(name: str, where: Jurisdiction) -> OrgIdentity | None:
    """In a national text 省委, 市政府, 县妇联 name no one organ but those of every province, city,
    county: a collective (各省党委, 各市人民政府, 各县妇女联合会), not a national organ."""
    p = single_prefix(name)
    if where.level != "national" or p not in LEVEL_OF_PREFIX or len(name) < 2:
        return None
    level = LEVEL_OF_PREFIX[p]
    body = name[1:]
    if body == "委" or body.startswith("委") and org_suffix(body[1:]):
        body = "党" + PARTY_SUB.get(body, body)
    else:
        body = expand_head(body, level)[0]
    if not org_suffix(body) or body.startswith(("各", "级")):
        return None
    k = collective_key("各" + p + body)
    return OrgIdentity(key(where, k), "各" + p + body, "collective", level, gov_key(where))


IDENTIFY = (
    central_team,
    _armed_police,
    collective,
    _agency_branch,
    _national_organ,
    _level_class,
    national_new_area,
    _placed,
)

# a kind of zone named by its rank alone (国家高新技术产业开发区, 省级经济开发区): a category, no zone
ZONE_RANK = re.compile(
    r"^(国家级?|省级)(经济技术开发区|高新技术产业开发区|经济开发区|高新区|经开区|开发区|新区)$"
)
# a building phase (北京积水潭贵州医院（二期）): a construction project, no organisation
PHASE = re.compile(r"（[一二三四五六七八九十\d]+期）$")
# the congress and CPPCC of an administrative division (宪法 第九十五条: people's congresses at county
# level and above); a zone governed by a 管理委员会 (平潭综合实验区) is no division and has neither
DIVISION_ONLY = re.compile(r"^[区市]?(人大(常委会)?|政协|人民代表大会(常务委员会)?)$")


def _no_organisation(name: str, where: Jurisdiction) -> bool:
    """Names that are no one organisation: one character, a generic word (部门), a post (局长), 全区;
    政府 in a State Council text (there is no one government); 人大/政协 of a governing zone."""
    return (
        len(name) < 2
        or governing_zone(where)
        and bool(DIVISION_ONLY.match(name))
        or bool(PHASE.search(name))
        or bool(ZONE_RANK.match(name))
        or bool(OVER_MODAL.search(name))
        or (name in GENERIC and name not in ("有关部门", "相关部门"))
        or name.endswith(NOT_ORGS)
        or name in ("全区", "全市", "全省")
        or where.level == "national"
        and name in ("政府", "人民政府")
    )


@lru_cache(maxsize=8192)
def _unnamed_level(name: str) -> Jurisdiction | None:
    """In a text whose government is not known, 市政府办公室 / 县发展改革局 are organs of that one
    city or county, unnamed (key 市/人民政府办公室), not every city's (a national text's collective)."""
    p = single_prefix(name)
    if p not in LEVEL_OF_PREFIX or name[1:2] in ("级", "各", "直", "、", "（", "("):
        return None
    return Jurisdiction(chain=(p,), level=LEVEL_OF_PREFIX[p])


def identify(name: str, where: Jurisdiction | None) -> OrgIdentity | None:
    """The organisation a mention names in a publication of ``where``: the first resolver of IDENTIFY
    that answers; None for non-organisations (memoised: a pure function of the name and the
    jurisdiction, OrgIdentity is frozen)."""
    name = plain_name(normalise_name(name))
    where = where or _unnamed_level(name) or NATIONAL
    if _no_organisation(name, where):
        return None
    for resolve in IDENTIFY:
        ident = resolve(name, where)
        if ident is not None:
            return ident
    return None

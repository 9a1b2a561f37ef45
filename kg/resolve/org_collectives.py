"""Collectives of units (各镇（街道）, 属地部门, 各有关部门, 市、县两级人民政府): one key per jurisdiction
and printed form, whatever variant the text uses."""

from __future__ import annotations

import re

from kg import data
from kg.models import Jurisdiction, OrgIdentity
from kg.names import excluded
from kg.resolve.org_places import gov_key, key, resolve_single

COLLECTIVE_HEADS = data.words("collective_heads.tsv")


def collective_key(body: str) -> str:
    """One key for the printed variants of a collective: 各市政府 = 各市人民政府 = 各市（州）人民政府
    = 各市（州）; 各镇人民政府（街道办事处、开发区管委会） = 各镇（街道、开发区）; 乡镇街道 = 各乡镇（街道）;
    各地各部门 = 各级各部门; 有关/相关/各有关 = 有关."""
    b = re.sub(r"^各?(相关|有关)", "有关", body.removesuffix("、单位"))
    b = re.sub(r"^各地各", "各级各", b)
    b = SUFFIX_CLASSES.sub("各部门", b)  # 机关各部、处、室、局 = 机关各部门; 各委、办、局 = 各部门
    b = re.sub(r"^各(镇|乡镇|乡)?街$", r"各\1（街道）", b)
    b = re.sub(r"^各(乡镇|镇|乡)街道$", r"各\1（街道）", b)
    b = re.sub(r"(办事处|管委会|管理委员会|人民政府|政府)(?=[、）（])", "", b)
    if LEVEL_LIST.match(b) and not b.startswith("各省、自治区、直辖市"):
        b = b.replace("、", "")  # 各旗、县、区人民政府 = 各旗县区人民政府
    div = r"各(省|市|县|区|旗|州|盟|乡镇|镇|乡|旗县区|县市区|省级|市级|县级)"
    if re.match(div + r"(（[^）]*）)?(人民政府|政府)$", b):
        b = re.sub(r"(人民政府|政府)$", "", b)
    if re.fullmatch(r"各(乡镇|镇|乡)", b):
        b += "（街道）"
    b = re.sub(r"^各省、自治区、直辖市(人民政府|政府)?$", "各省级", b)
    b = re.sub(r"^各([省市县])级", r"各\1", b)  # 各县级人民政府 = 各县人民政府
    return b.replace("各级政府", "各级人民政府")


# the classes of a body's departments printed as suffix characters (各委、办、局, 各部、处、室): its 各部门
SUFFIX_CLASSES = re.compile(r"各[委办局部处室厅科](?:、[委办局部处室厅科])+$")


def printed_classes(surface: str) -> str:
    """The classes of departments as a collective prints them (区局机关各部、处、室、局 -> 各部、处、室、局),
    '' when it prints none: its canonical name keeps them, its key reads 各部门 (collective_key)."""
    m = SUFFIX_CLASSES.search(surface)
    return m.group(0) if m else ""


# the standard printed form of a collective, for its canonical name (各省级人民政府 is written
# 各省、自治区、直辖市人民政府 in the State Council's documents; 各级政府 = 各级人民政府)
COLLECTIVE_FULL = (
    (re.compile(r"^各旗县区(人民政府|政府)?$"), "各旗、县、区人民政府"),
    (re.compile(r"^各市（州）(人民政府|政府)?$"), "各市、自治州人民政府"),
    (re.compile(r"^各省级(人民政府|政府)?$"), "各省、自治区、直辖市人民政府"),
    (re.compile(r"^各省级(人民政府|政府)"), "各省、自治区、直辖市人民政府"),  # 省级政府办公厅
    (re.compile(r"^各省级"), "各省、自治区、直辖市"),  # 省级有关部门
    (re.compile(r"(?<!人民)政府$"), "人民政府"),
)
# a list of levels and a count: 市、县两级人民政府, 省市县三级政府, 县乡两级
LEVELS_COLLECTIVE = re.compile(r"^[省市区县乡镇旗](?:、?[省市区县乡镇旗])+(?:[两三四五]|各)级")
LEVEL_LIST = re.compile(r"^各(?:[省市区县旗乡镇]、)+[省市区县旗乡镇](?:人民政府|政府)?$")
GOV_COLLECTIVE = re.compile(r"^((?:国务院|(?:省|市|区|县|自治区)?(?:人民)?政府))(各.+)$")
# a level word and the levels like it in brackets: 县（市）, 县（市、区）, 乡（镇） (no 各 printed)
LEVEL_CLASS = re.compile(r"^[省市区县旗乡镇]（[省市区县旗乡镇、]+）")
# 省级政府办公厅, 省级有关部门, 县级人民政府 (not 省级人大: the one congress of that level)
LEVEL_ORGANS = re.compile(r"^[省市县]级(?!人大|政协)[\u4e00-\u9fff]{2,}")
# the place where a person or a case is (所在地, 属地, 各地) before a class of departments: in a national text
# the departments of every local government (地方各级人力资源社会保障部门)
LOCAL_CLASS = re.compile(r"^(?:所在地|属地|各地)(?!各)(?=[\u4e00-\u9fff]{2,}(?:部门|机构)$)")
DIRECT = re.compile(r"^[省市区县旗州盟]直")  # 省直, 市直, 区直, 县直, 旗直 (单位 under that government)
TOWNSHIPS = re.compile(r"(镇|乡镇)(（街道|街道?$|$)")  # 镇（街道）, 乡镇街道: the townships


def collective(name: str, where: Jurisdiction) -> OrgIdentity | None:
    """各镇（街道）, 属地镇（街道）, 各有关部门, 各省级人民政府 …: one key per jurisdiction; the
    canonical name is the jurisdiction and the printed form."""
    gov = direct = ""
    m = GOV_COLLECTIVE.match(name)
    if m and (m.group(1) == "国务院" or "政府" in m.group(1)):
        gov, name = m.group(1), m.group(2)  # 区政府各部门（单位）, 国务院各直属机构
    if where.level == "national" and name in excluded("local_governments"):
        name = "地方各级人民政府"
    local = LOCAL_CLASS.match(name)
    if where.level == "national" and local:
        name = (
            "地方各级" + name[local.end() :]
        )  # 所在地人力资源社会保障部门: each place's, no State Council's
    if LEVEL_CLASS.match(name) or LEVEL_ORGANS.match(name):
        name = "各" + name  # 县（市）人民政府, 省级政府办公厅: the organs of a level, a class
    if LEVELS_COLLECTIVE.match(name):  # 市、县两级人民政府: the governments of those levels, one class
        body = re.sub(r"(?<!人民)政府", "人民政府", name)
        k = key(where, body.replace("、", ""))  # 市县两级政府 = 市、县两级人民政府
        place = where.name.replace("国家", "") if where.chain else ""
        return OrgIdentity(k, place + body, "collective", "other", gov_key(where))
    if not name.startswith(COLLECTIVE_HEADS) and not TOWNSHIPS.match(name):
        return None
    body = re.sub(r"^(属地|所在|所属|本|其他|不同|全市|全区|全县|全省)", "", name)
    body = re.sub(r"^\d+个", "", body)
    if not body.removeprefix("各"):
        return None  # the head word alone (其他, 所属, 各): no collective named
    # 区直各部门, 县直单位: the units directly under that level's government, no 各 of the districts
    if DIRECT.match(body) and where.level != "national":
        where = resolve_single(body[0], where)  # 省直单位 in a city's text: the province's
        if body[2:3] == "各" and where.name.endswith(body[0]):
            direct = body[:2]  # 区直各部门 in a 区's text: that government's 各部门 (one key)
    elif not body.startswith(("各", "有关", "相关", "地方", "行业")):
        body = "各" + body
    body = re.sub(r"（(\w+)）财政$", r"（\1）", body)
    body = re.sub(r"^各省（区、市）", "各省、自治区、直辖市", body)  # the short printed form of the provinces
    printed = body
    party = re.fullmatch(r"各民主党派(省|市|区|县|自治区)委", body)
    own = resolve_single(party.group(1), where) if party else None
    if own and own.chain:  # 各民主党派省委 = 各民主党派贵州省委员会
        return OrgIdentity(
            key(own, body), "各民主党派" + own.name + "委员会", "collective", "other", gov_key(own)
        )
    if re.fullmatch(r"各(乡镇|镇|乡)", body):
        printed = body + "（街道）"  # 各乡镇 = 各乡镇（街道）, one collective
    for pattern, full in COLLECTIVE_FULL:
        printed = pattern.sub(full, printed)
    if body in ("各直属机构", "各部委") and not gov:
        gov = "国务院" if where.level == "national" else "政府"
    elif (
        where.level == "national"
        and not gov
        and re.search(r"部门|单位|机构", body)
        and not re.match(
            r"各[省市县区乡镇地]|地方", body
        )  # 各省有关部门: the provinces', not the State Council's
    ):
        gov = "国务院"  # 各有关部门和单位 of a State Council text: 国务院各有关部门和单位
    level = "township" if re.match(r"各(乡?镇|街道)", body) else "other"
    if "省级" in body or "省、自治区" in body:
        level = "provincial"
    elif re.search(r"各市", body):
        level = "prefecture"
    elif re.match(r"各[县区旗]", body):
        level = "county"
    gov_name = ""
    if gov:
        gov_name = "国务院" if gov == "国务院" else ("" if where.level == "national" else "人民政府")
    place = where.name.replace("国家", "") if where.chain else ""
    if gov == "国务院":
        place = ""
    return OrgIdentity(
        key(where, collective_key(body.removeprefix(direct))),
        place + gov_name + printed,
        "collective",
        level,
        gov_key(where),
    )

"""The canonical organisation behind a mention: ``identify("区建设局", 柯桥区)`` ->
key ``绍兴市柯桥区/住房和城乡建设局``, canonical ``绍兴市柯桥区住房和城乡建设局``.

The 区/市/县/省 prefix is resolved against the publication's jurisdiction, a printed place name
(柯桥区, 安徽, 绍兴市) against the division table, abbreviations against kg/data/abbreviations.tsv.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

from kg import divisions
from kg.models import Jurisdiction, OrgIdentity
from kg.names import GENERIC, normalise_name, org_suffix, single_prefix

DATA = Path(__file__).resolve().parents[1] / "data" / "abbreviations.tsv"
NATIONAL = Jurisdiction((), "national")
NATIONAL_HEADS = ("中华人民共和国", "国务院", "国家", "中国", "全国", "中央", "中共中央", "最高人民")
COLLECTIVE_HEADS = (
    "各",
    "属地",
    "所在",
    "所属",
    "本",
    "相关",
    "有关",
    "其他有关",
    "其他",
    "地方各级",
    "全市",
    "全区",
    "全县",
    "全省",
    "行业主管",
    "省直",
    "市直",
    "区直",
    "县直",
)
PARTY_SUB = {
    "委办": "委办公室",
    "委网信办": "委网络安全和信息化委员会办公室",
    "委编办": "委机构编制委员会办公室",
    "委政法委": "委政法委员会",
}
NOT_ORGS = (
    "局长",
    "部长",
    "主任",
    "书记",
    "委员",
    "厅长",
    "处长",
    "科长",
    "部署",
    "中心城区",
    "办法",
    "办理",
)


@cache
def _departments() -> frozenset[str]:
    """Bare department names of kg/data/departments.tsv."""
    lines = (DATA.parent / "departments.tsv").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@dataclass(frozen=True)
class Abbrev:
    form: str
    body: str
    scope: str
    template: str
    parent: str


@cache
def abbreviations() -> dict[str, list[Abbrev]]:
    """form -> rows of kg/data/abbreviations.tsv (one per scope)."""
    out: dict[str, list[Abbrev]] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        f = (line.split("\t") + [""] * 5)[:5]
        out.setdefault(f[0], []).append(Abbrev(*f))
    return out


@cache
def _templated_forms() -> dict[str, int]:
    """The forms with a templated row (a branch of a higher bureau) -> their place in the table."""
    rows = abbreviations().items()
    return {form: i for i, (form, rs) in enumerate(rows) if any(r.template for r in rs)}


def _branch_forms(body: str) -> list[str]:
    """The templated forms ``body`` starts with and runs past, in table order."""
    order = _templated_forms()
    forms = [body[:n] for n in range(2, len(body)) if body[:n] in order]
    return sorted(forms, key=order.__getitem__)


def _scope_ok(scope: str, level: str) -> bool:
    if scope == "any":
        return True
    if scope == "local":
        return level in ("prefecture", "county", "township")
    return scope == level


def _abbrev(body: str, level: str) -> Abbrev | None:
    rows = [r for r in abbreviations().get(body, ()) if _scope_ok(r.scope, level)]
    return rows[0] if rows else None


def _expand_head(body: str, level: str) -> tuple[str, Abbrev | None]:
    """Expand the longest abbreviation that ``body`` starts with (卫健局计划财务科 ->
    卫生健康局计划财务科); returns the expanded body and the row used."""
    row = _abbrev(body, level)
    if row:
        return row.body, row
    for n in range(len(body) - 1, 1, -1):
        row = _abbrev(body[:n], level)
        rest = body[n:]
        if not row or row.template or len(rest) < 2:
            continue
        # 城投集团 = 城市建设投资集团 (not …集团集团), 交投集团项目部 = 交通投资集团项目部
        k = next((k for k in range(min(len(rest), 4), 1, -1) if row.body.endswith(rest[:k])), 0)
        if k and (k == len(rest) or org_suffix(rest[k:])) or org_suffix(rest):
            return row.body + rest[k:], None
    return body, None


# ------------------------------------------------------------------ jurisdiction of a prefix


def _chain_at(where: Jurisdiction, levels: tuple[str, ...]) -> Jurisdiction | None:
    """The part of ``where``'s chain down to the first element at one of ``levels``."""
    for i, name in enumerate(where.chain):
        j = divisions.lookup(name)
        lvl = j.level if j else ("provincial" if i == 0 and len(where.chain) > 1 else where.level)
        if lvl in levels:
            return Jurisdiction(where.chain[: i + 1], lvl)
    return None


@lru_cache(maxsize=4096)  # pure; Jurisdiction is frozen
def _resolve_single(p: str, where: Jurisdiction) -> Jurisdiction:
    """区/市/县/省/镇 read in a publication of ``where``."""
    if p == "省" or p == "自治区":
        return _chain_at(where, ("provincial",)) or where
    if p == "市":
        if where.level == "county" and where.name.endswith("市"):
            return where  # 嵊州市: 市X is the county-level city's
        return _chain_at(where, ("prefecture",)) or where
    if p in "区县旗":
        return _chain_at(where, ("county",)) or where
    return where


def _split_prefix(name: str, where: Jurisdiction) -> tuple[Jurisdiction, str, bool]:
    """(jurisdiction, body, prefixed) for a mention; a bare body belongs to ``where``."""
    if name.startswith("中共") and len(name) > 3:
        name = name[2:]
    if where.chain and name.startswith(where.name) and len(name) > len(where.name):
        return where, name[len(where.name) :], True
    short = _place_names(where)["short"] if where.chain else ""
    rest = name[len(short) :]
    if len(short) >= 2 and name.startswith(short) and org_suffix(rest) and len(rest) >= 3:
        if not ZONE.match(name) and rest[0] not in "省市区县旗州":
            return where, rest, True  # 柯桥水务集团: the publication's own short name
    place = divisions.place_prefix(name)
    if place and len(place) < len(name):
        found, _ = divisions.parse_places(place, shorts="all")
        if found:
            return divisions.to_jurisdiction(found[-1]), name[len(place) :], True
    if name.startswith("自治区") and len(name) > 3:
        return _resolve_single("自治区", where), name[3:], True
    p = single_prefix(name)
    if p and p != "镇" and p != "乡" and len(name) > 1:
        j, rest = _resolve_single(p, where), name[1:]
        short = _place_names(j)["short"] if j.chain else ""
        tail = rest[len(short) :]
        if len(short) >= 2 and rest.startswith(short) and len(tail) >= 3 and org_suffix(tail):
            rest = tail  # 区柯桥水务集团 (区 distributed over 柯桥水务集团) = 柯桥水务集团
        return j, rest, True
    return where, name, False


def _provincial_only(body: str) -> bool:
    """A department only a province has (审计厅, 财政厅; not 办公厅, which cities have too)."""
    return body.endswith("厅") and not body.endswith(("办公厅", "餐厅", "大厅")) and len(body) >= 3


@lru_cache(maxsize=4096)  # pure; callers only read the dict
def _place_names(j: Jurisdiction) -> dict[str, str]:
    """Template fields for a jurisdiction: full, parent, name, short, province."""
    full = j.name if j.chain else ""
    parent = j.chain[-2] if len(j.chain) > 1 else ""
    own = full[len(parent) :] if parent and full.startswith(parent) else full
    found = divisions.parse_places(own, shorts="all")[0] if own else []
    short = found[-1].short if found else re.sub(r"(省|市|区|县|旗|自治区)$", "", own)
    province = j.chain[0] if j.chain else ""
    return {"full": full, "parent": parent, "name": own, "short": short, "province": province}


def _key(j: Jurisdiction, body: str) -> str:
    return f"{j.name}/{body}"


def _gov_key(j: Jurisdiction) -> str:
    return _key(j, "国务院" if j.level == "national" else "人民政府")


# ------------------------------------------------------------------ kinds of organisation


def _collective_key(body: str) -> str:
    """One key for the printed variants of a collective: 各市政府 = 各市人民政府 = 各市（州）人民政府
    = 各市（州）; 各镇人民政府（街道办事处、开发区管委会） = 各镇（街道、开发区）; 乡镇街道 = 各乡镇（街道）;
    各地各部门 = 各级各部门; 有关/相关/各有关 = 有关."""
    b = re.sub(r"^各?(相关|有关)", "有关", body.removesuffix("、单位"))
    b = re.sub(r"^各地各", "各级各", b)
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
    return b.replace("各级政府", "各级人民政府")


# the standard printed form of a collective, for its canonical name (各省级人民政府 is written
# 各省、自治区、直辖市人民政府 in the State Council's documents; 各级政府 = 各级人民政府)
COLLECTIVE_FULL = (
    (re.compile(r"^各旗县区(人民政府|政府)?$"), "各旗、县、区人民政府"),
    (re.compile(r"^各市（州）(人民政府|政府)?$"), "各市、自治州人民政府"),
    (re.compile(r"^各省级(人民政府|政府)?$"), "各省、自治区、直辖市人民政府"),
    (re.compile(r"(?<!人民)政府$"), "人民政府"),
)
# in a national text, the local governments as a class
LOCAL_GOVERNMENTS = (
    "地方",  # 由地方统筹 (a State Council text): the local governments
    "各地",
    "各地政府",
    "地方政府",
    "各地人民政府",
    "地方人民政府",
    "各级人民政府",
    "各级政府",
)


# a list of levels and a count: 市、县两级人民政府, 省市县三级政府, 县乡两级
LEVELS_COLLECTIVE = re.compile(r"^[省市区县乡镇旗](?:、?[省市区县乡镇旗])+(?:[两三四五]|各)级")
LEVEL_LIST = re.compile(r"^各(?:[省市区县旗乡镇]、)+[省市区县旗乡镇](?:人民政府|政府)?$")
GOV_COLLECTIVE = re.compile(r"^((?:国务院|(?:省|市|区|县|自治区)?(?:人民)?政府))(各.+)$")
TOWNSHIPS = re.compile(r"(镇|乡镇)(（街道|街道?$|$)")  # 镇（街道）, 乡镇街道: the townships


def _collective(name: str, where: Jurisdiction) -> OrgIdentity | None:
    """各镇（街道）, 属地镇（街道）, 各有关部门, 各省级人民政府 …: one key per jurisdiction; the
    canonical name is the jurisdiction and the printed form."""
    gov = ""
    m = GOV_COLLECTIVE.match(name)
    if m and (m.group(1) == "国务院" or "政府" in m.group(1)):
        gov, name = m.group(1), m.group(2)  # 区政府各部门（单位）, 国务院各直属机构
    if where.level == "national" and name in LOCAL_GOVERNMENTS:
        name = "地方各级人民政府"
    if LEVELS_COLLECTIVE.match(name):  # 市、县两级人民政府: the governments of those levels, one class
        body = re.sub(r"(?<!人民)政府", "人民政府", name)
        key = _key(where, body.replace("、", ""))  # 市县两级政府 = 市、县两级人民政府
        place = where.name.replace("国家", "") if where.chain else ""
        return OrgIdentity(key, place + body, "collective", "other", _gov_key(where))
    if not name.startswith(COLLECTIVE_HEADS) and not TOWNSHIPS.match(name):
        return None
    body = re.sub(r"^(属地|所在|所属|本|其他|全市|全区|全县|全省)", "", name)
    body = re.sub(r"^\d+个", "", body)
    body = body if body.startswith(("各", "有关", "相关", "地方", "行业", "省直", "市直")) else "各" + body
    body = re.sub(r"（(\w+)）财政$", r"（\1）", body)
    printed = body
    party = re.fullmatch(r"各民主党派(省|市|区|县|自治区)委", body)
    own = _resolve_single(party.group(1), where) if party else None
    if own and own.chain:  # 各民主党派省委 = 各民主党派贵州省委员会
        return OrgIdentity(
            _key(own, body), "各民主党派" + own.name + "委员会", "collective", "other", _gov_key(own)
        )
    if re.fullmatch(r"各(乡镇|镇|乡)", body):
        printed = body + "（街道）"  # 各乡镇 = 各乡镇（街道）, one collective
    for pattern, full in COLLECTIVE_FULL:
        printed = pattern.sub(full, printed)
    if body in ("各直属机构", "各部委") and not gov:
        gov = "国务院" if where.level == "national" else "政府"
    elif where.level == "national" and not gov and re.search(r"部门|单位|机构", body):
        gov = "国务院"  # 各有关部门和单位 of a State Council text: 国务院各有关部门和单位
    level = "township" if re.match(r"各(乡?镇|街道)", body) else "other"
    if "省级" in body or "省、自治区" in body:
        level = "provincial"
    elif re.search(r"各市", body):
        level = "prefecture"
    gov_name = ""
    if gov:
        gov_name = "国务院" if gov == "国务院" else ("" if where.level == "national" else "人民政府")
    place = where.name.replace("国家", "") if where.chain else ""
    if gov == "国务院":
        place = ""
    return OrgIdentity(
        _key(where, _collective_key(body)),
        place + gov_name + printed,
        "collective",
        level,
        _gov_key(where),
    )


def _party(j: Jurisdiction, body: str) -> OrgIdentity | None:
    """区委, 市委宣传部, 纪委监委, 人大常委会, 政协 …"""
    full = j.name
    if body == "委":
        return OrgIdentity(_key(j, "党委"), f"中国共产党{full}委员会", "party", j.level)
    if body == "委常委会":  # 市委常委会: the standing committee of the party committee
        canon = f"中国共产党{full}委员会常务委员会"
        return OrgIdentity(_key(j, "党委常委会"), canon, "party", j.level, _key(j, "党委"))
    if body.startswith("委") and (org_suffix(body[1:]) or body in PARTY_SUB):
        sub = PARTY_SUB.get(body, body)
        return OrgIdentity(_key(j, "党" + sub), f"中共{full}{sub}", "party", j.level, _key(j, "党委"))
    body = re.sub(r"^纪委(省|市|区|县|自治区)监委$", "纪委监委", body)  # 省纪委省监委
    if body in ("纪委监委", "纪委", "监委"):
        canon = f"中共{full}纪律检查委员会、{full}监察委员会"
        return OrgIdentity(_key(j, "纪委监委"), canon, "party", j.level, _key(j, "党委"))
    if body.startswith("政协"):
        rest = body[2:]
        return OrgIdentity(_key(j, body), f"中国人民政治协商会议{full}委员会{rest}", "government", j.level)
    return None


def _national(name: str) -> OrgIdentity | None:
    """A national organ by its usual short or full form (人民银行, 财政部, 国务院办公厅)."""
    row = _abbrev(name, "national")
    if row:
        key_body = row.body.removeprefix("中华人民共和国")
        return OrgIdentity(
            _key(NATIONAL, key_body),
            row.template or row.body,
            _kind(row.body),
            "national",
            None if row.body.endswith("国务院") else "国家/国务院",
        )
    if (
        re.fullmatch(r"[\u4e00-\u9fff]{2,10}部", name)
        and not name.endswith(
            ("宣传部", "组织部", "统战部", "武装部", "人武部", "指挥部", "项目部", "工程部")
        )
        and not single_prefix(name)
        and not divisions.place_prefix(name)
        and not re.search(r"(集团|公司|中心|局|委|办|院)", name[:-1])
    ):
        return OrgIdentity(
            _key(NATIONAL, name), "中华人民共和国" + name, "department", "national", "国家/国务院"
        )
    if name.startswith(NATIONAL_HEADS) and org_suffix(name) and len(name) > 4:
        return OrgIdentity(_key(NATIONAL, name), name, _kind(name), "national", "国家/国务院")
    return None


def _kind(body: str) -> str:
    if body.startswith(("中国共产党", "中共")):
        return "party"  # 中国共产党中央委员会, 中共绍兴市委员会 …
    if body.endswith(("人民政府", "国务院", "管委会", "管理委员会", "街道办事处")) or body in ("政府",):
        return "government"
    if body.endswith(("领导小组", "领导小组办公室", "专班", "指挥部", "联席会议", "工作组")):
        return "group"
    row = org_suffix(body)
    return row[1] if row else "department"


TOWNSHIP = re.compile(r"([\u4e00-\u9fff]{1,4}?)(街道办事处|街道|镇人民政府|镇政府|镇|乡人民政府|乡)(.*)$")


def _township(j: Jurisdiction, body: str) -> OrgIdentity | None:
    """湖塘街道(办事处), 稽东镇(人民政府) and their offices."""
    m = TOWNSHIP.match(body)
    if not m or len(m.group(1)) < 2 or m.group(1).endswith(("城", "乡", "村")):
        return None
    unit = m.group(1) + ("街道" if m.group(2).startswith("街道") else m.group(2)[0])
    rest = m.group(3)
    if rest and not org_suffix(rest):
        return None
    gov = f"{j.name}{unit}" + ("办事处" if unit.endswith("街道") else "人民政府")
    if not rest or rest in ("人民政府", "政府", "办事处"):
        return OrgIdentity(_key(j, unit), gov, "government", "township", _gov_key(j))
    return OrgIdentity(_key(j, unit + rest), f"{j.name}{unit}{rest}", _kind(rest), "township", _key(j, unit))


def _branch(j: Jurisdiction, row: Abbrev, rest: str = "") -> OrgIdentity:
    """A branch of a higher-level bureau (区公安分局 -> 绍兴市公安局柯桥区分局)."""
    f = _place_names(j)
    canon = row.template.format(**f) + rest
    if "/" in row.parent:
        parent = row.parent
    elif row.parent and f["parent"]:
        parent = f"{f['parent']}/{row.parent}"
    else:
        parent = _gov_key(j)
    return OrgIdentity(_key(j, row.body + rest), canon, _kind(row.body + rest), j.level, parent)


# a bracketed qualifier that is no part of the name: 市政府党组（扩大）会议, 各部门（包括牵头单位自身）
QUALIFIER = re.compile(r"（(?:扩大|(?:包括|包含|含|不含)[^）]*)）$")
# 市级人大 = 市人大, 区级政协 = 区政协 (办理市级人大建议和政协提案)
LEVEL_ORGAN = re.compile(r"^([省市区县])级(?=人大|政协)")
ARMED_POLICE = re.compile(r"^(?:武警|中国人民武装警察部队)([\u4e00-\u9fff]{2,8}?)(总队|支队)$")


@lru_cache(maxsize=8192)
def identify(name: str, where: Jurisdiction | None) -> OrgIdentity | None:
    """The organisation a mention names in a publication of ``where``; None for non-organisations
    (memoised: a pure function of the name and the jurisdiction, OrgIdentity is frozen)."""
    name = LEVEL_ORGAN.sub(r"\1", QUALIFIER.sub("", normalise_name(name)))
    if (
        len(name) < 2
        or (name in GENERIC and name not in ("有关部门", "相关部门"))
        or name.endswith(NOT_ORGS)
        or name in ("全区", "全市", "全省")
    ):
        return None
    where = where or NATIONAL
    armed = ARMED_POLICE.match(name)
    if armed:  # 武警贵州省总队 = 中国人民武装警察部队贵州省总队
        place = divisions.lookup(armed.group(1))
        if place and place.chain:
            j = place
            body = "武警" + armed.group(2)
            canon = "中国人民武装警察部队" + j.name + armed.group(2)
            return OrgIdentity(_key(j, body), canon, "government", j.level, None)
    if where.level == "national" and name in ("政府", "人民政府"):
        return None  # no one government in a State Council text
    coll = _collective(name, where)
    if coll:
        return coll
    nat = _national(name)
    if nat and (where.level == "national" or not _abbrev(name, where.level)):
        return nat
    j, body, prefixed = _split_prefix(name, where)
    if not body:
        return None
    if (
        not prefixed
        and len(name) >= 2  # 伊旗, 滑县: two-character banners and counties too
        and name[-1] in "县旗区市州盟"
        and divisions.place_prefix(name) == name
    ):
        place = divisions.lookup(name)  # 交由达茂旗牵头: the banner's government
        if place and place.level in ("prefecture", "county"):
            return OrgIdentity(_gov_key(place), place.name + "人民政府", "government", place.level, None)
    if not prefixed and j.level in ("prefecture", "county", "township") and _provincial_only(body):
        j = _chain_at(where, ("provincial",)) or j  # 审计厅 in a 包头市 text: the region's
    if j.level == "national" and not prefixed:
        nat = _national(body) or _national("国家" + body)
        if nat:
            return nat
    ident = _local(j, body)
    if ident is None and prefixed and len(body) == 1 and where.level in ("prefecture", "county"):
        bureau = bureau_of_domain(name, where.level)  # 市监 in a county's table: 市监局, no 市 + 监
        ident = _local(where, bureau) if bureau else None
    if ident and ident.kind == "group" and j.chain and not name.startswith(j.name):
        own = _place_names(j)["name"]
        if own != j.name and ident.canonical == j.name + body:  # 区保障性租赁住房工作领导小组
            return OrgIdentity(ident.key, own + body, "group", ident.level, ident.parent)
    if ident and not prefixed and ident.kind == "enterprise" and COMPANY_TAIL.search(name):
        ident = OrgIdentity(
            ident.key, name, ident.kind, ident.level, ident.parent
        )  # 马钢（集团）控股有限公司
    return ident


ZONE = re.compile(
    r"^([\u4e00-\u9fff]{2,8}?)(经济技术开发区|经开区|高新技术产业开发区|高新区|旅游度假区|度假区|经济开发区|开发区|新区)"
    r"(管理委员会|管委会)?(（筹）)?(.*)$"
)
# zone words that, printed without a head, name the zone of the place before them (郑州经开区 in a 郑州市
# text, 市高新区, bare 经开区 in a 柯桥区 text); not 新区, also a common word (各新区, 新区建设)
BARE_ZONES = ("经济技术开发区", "经开区", "高新技术产业开发区", "高新区", "经济开发区", "开发区")
ZONE_FULL = {"经开区": "经济技术开发区", "高新区": "高新技术产业开发区", "度假区": "旅游度假区"}
CULTURE = re.compile(r"^(文化|文|和|旅游|旅|广电|广播电视|广|体育|新闻出版)+(局|厅|委)$")
COMPANY_TAIL = re.compile(r"(集团)?(（集团）)?(控股|股份)?有限(责任)?公司$")


def _city_short(j: Jurisdiction) -> str:
    """The short name of the nearest city above or at ``j`` (柯桥区 -> 绍兴, 嵊州市 -> 嵊州)."""
    for name in reversed(j.chain):
        d = divisions.lookup(name)
        if name.endswith("市") and d is not None:
            return _place_names(d)["short"] or name[:-1]
    return _place_names(j)["short"]


def _zone(j: Jurisdiction, body: str) -> OrgIdentity | None:
    """柯桥经开区, 鉴湖度假区建设处, 稀土高新区管委会: a development zone's administrative committee
    (key without 管委会; canonical ``<city short><zone>管理委员会``, the form zones are registered in)."""
    if body.startswith(BARE_ZONES) and j.level in ("prefecture", "county"):
        body = _place_names(j)["short"] + body  # 市经开区, 经开区管委会: the place's own zone
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
    short = _city_short(j)
    short = "" if head.startswith(short) else short
    committee = f"{short}{zone}管理委员会{chou}"
    if not rest:
        return OrgIdentity(_key(j, zone), committee, "government", j.level, _gov_key(j))
    canon = committee + rest if rest.endswith(("处", "科", "局", "办公室", "室")) else short + zone + rest
    return OrgIdentity(_key(j, zone + rest), canon, _kind(rest), j.level, _key(j, zone))


def bureau_of_domain(body: str, level: str) -> str | None:
    """A bare field of work standing for its bureau in a unit list (公安, 市场监管, 交通, 国税):
    ``body + 局`` when that is a known form, else the one department name starting with ``body``."""
    if not 2 <= len(body) <= 4 or not re.fullmatch(r"[\u4e00-\u9fff]+", body):
        return None
    for alt in (body + "局", body + "厅" if level == "provincial" else ""):
        if alt and (_abbrev(alt, level) or alt in _departments()):
            return alt
    hits = [
        d
        for d in _departments()
        if d.startswith(body) and d.endswith("局") and "分局" not in d and len(d) - len(body) <= 3
    ]
    return hits[0] if len(hits) == 1 else None


def _local(j: Jurisdiction, body: str) -> OrgIdentity | None:
    party = _party(j, body)
    if party:
        return party
    if body.startswith("各") and len(body) > 2:  # 省各委办厅局, 市各直属单位: a collective of that level
        coll = _collective(body, j)
        if coll:
            return replace(coll, level=j.level) if coll.level == "other" else coll
    if body == "军区" and j.level == "provincial":  # 省军区 = 贵州省军区
        return OrgIdentity(_key(j, body), j.name + body, "government", j.level, None)
    if body.endswith("党组") and len(body) > 2:  # 区府办党组, 市政府党组
        inner = _local(j, body[:-2])
        if inner and inner.kind != "party":
            canon = inner.canonical.removeprefix("中共")
            return OrgIdentity(inner.key + "党组", "中共" + canon + "党组", "party", j.level, inner.key)
    zone = _zone(j, body)
    if zone:
        return zone
    if body.endswith("部门") and len(body) > 3 and not body.startswith(("各", "有关", "相关")):
        for alt in (body[:-2] + "局", body[:-2] + "厅"):  # 教体部门 = 教体局
            if _abbrev(alt, j.level) or alt in _departments():
                body = alt
                break
        else:  # 国土部门 = 国土资源局, 交通部门 = 交通运输局
            body = bureau_of_domain(body[:-2], j.level) or body
    m = COMPANY_TAIL.search(body)
    if m and m.start() >= 2:  # 省投资集团控股有限公司 = 省投资集团; canonical as printed
        core = body[: m.start()] + ("集团" if m.group(1) or m.group(2) else "公司")
        return OrgIdentity(_key(j, core), j.name + body, "enterprise", j.level, _gov_key(j))
    if body.endswith("分公司") and len(body) > 4:  # 省铁塔分公司 = 省铁塔公司
        core = body[:-3] + "公司"
        row = _abbrev(core, j.level)
        if row and row.template:
            return _branch(j, row)
        return OrgIdentity(_key(j, core), j.name + body, "enterprise", j.level, None)
    if "集团" in body[2:]:  # 区建设集团, 区建设集团项目管理部: state companies
        head, _ = _expand_head(body, j.level)  # 市城投集团 = 市城投 = 城市建设投资集团
        body = head if "集团" in head[2:] else body
        i = body.index("集团", 2) + 2
        rest = body[i:]
        if not rest or org_suffix(rest):
            canon = j.name + body[:i] + "有限公司" + rest
            return OrgIdentity(
                _key(j, body), canon, "enterprise", j.level, _key(j, body[:i]) if rest else None
            )
    if CULTURE.match(body) and "旅" in body:  # 文旅局 = 文化旅游广电局 = 文化广电旅游局: one bureau
        expanded, _ = _expand_head(body, j.level)
        canon = j.name + expanded
        return OrgIdentity(_key(j, "文化和旅游" + body[-1]), canon, "department", j.level, _gov_key(j))
    row = _abbrev(body, j.level)
    if row and row.template:
        return _branch(j, row)
    town = _township(j, body)
    if town:
        return town
    for n in range(len(body) - 2, 1, -1):  # 人行合肥中心支行 -> 中国人民银行合肥中心支行
        head = _abbrev(body[:n], "national")
        if head and org_suffix(body[n:]) and not _abbrev(body[:n], j.level):
            canon = head.template + body[n:]
            return OrgIdentity(_key(j, canon), canon, "department", j.level, _key(NATIONAL, head.body))
    expanded, _ = _expand_head(body, j.level)
    for form in _branch_forms(body):  # 区公安分局交警大队: a branch with a sub-unit
        if org_suffix(body[len(form) :]):
            hit = [r for r in abbreviations()[form] if r.template and _scope_ok(r.scope, j.level)]
            if hit:
                return _branch(j, hit[0], body[len(form) :])
    if not org_suffix(expanded) and not row:
        bureau = bureau_of_domain(body, j.level)
        return _local(j, bureau) if bureau else None
    if org_suffix(expanded)[1] == "collective" and not body.startswith(("各", "有关", "相关")):
        key = _collective_key("各" + body)  # 牵头考核单位 = 各牵头考核单位
        return OrgIdentity(_key(j, key), j.name + body, "collective", "other", _gov_key(j))
    kind = _kind(expanded)
    if j.level == "national":
        canon = expanded if expanded.startswith(NATIONAL_HEADS) else expanded
        return OrgIdentity(_key(j, expanded), canon, kind, "national", "国家/国务院")
    canon = j.name + expanded
    if kind == "enterprise" and expanded.endswith("集团") and len(expanded) > 2:
        canon += "有限公司"  # 城投 = 城市建设投资集团: registered as 城市建设投资集团有限公司
    if expanded == "人民政府":
        return OrgIdentity(_key(j, expanded), canon, "government", j.level, None)
    return OrgIdentity(_key(j, expanded), canon, kind, j.level, _gov_key(j))

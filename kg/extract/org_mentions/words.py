"""The words and patterns the organisation finder reads: stop words, boundary words and exclusions
(tables of kg/data/), heads, organ and zone words, and the known bare names (the lexicon)."""

from __future__ import annotations

import re
from functools import cache

from kg import data
from kg.names import SINGLE_PREFIXES, excluded
from kg.org_tables import abbreviations, organs

MAX_LEN = 28
NAME_CHAR = re.compile(r"[\u4e00-\u9fff（）〔〕()“”]")
# characters that never occur inside an organisation name here
STOP_CHARS = set("的在向于等是由把从已也均并或要将了着过给让被使就其该此这那每获以")
STOP_WORDS = data.words("org_stop_words.tsv") + data.words("form_words.tsv")  # verbs, titles; forms
# characters and words after a suffix that show it is part of a longer word (局长, 部署)
NOT_AFTER = data.words("org_not_after.tsv")
# words after a name that begin like those but are its own bodies (协会理事会, 公司监事会)
AFTER_OWN = data.words("org_after_words.tsv")
# verbs after 所 that make it the particle of the 所字结构 (各部门所需, 本办法所称): no suffix 所
SUO_PARTICLE = data.words("suo_particle_after.tsv")
COLLECTIVE = re.compile(r"(各|属地|所在|所属|本)(有关|相关)?[\u4e00-\u9fff（）〔〕()、]{1,20}")
COLLECTIVE_FIRSTS = frozenset("各属所本")
ALIAS_OPEN = ("（以下简称", "(以下简称", "（简称", "(简称", "（下称", "(下称")
ALIAS_DEF = re.compile(r"[（(](?:以下简称|简称|下称)[：:]?[“\"]?([^）)”\"，,。]{2,20}?)[”\"]?[）)]")
HEADS = ("中共", "中国共产党", "中华人民共和国", "国务院", "国家", "中国", "自治区", "中央", "武警")
HEAD_FIRSTS = frozenset(h[0] for h in HEADS)
# characters other than CJK ideographs that NAME_CHAR accepts
NAME_PUNCT = frozenset("（）〔〕()“”")


def _by_first(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``words`` grouped by their first character: ``text.startswith(group[text[j]], j)`` is
    ``text.startswith(words, j)`` without trying every word."""
    out: dict[str, tuple[str, ...]] = {}
    for w in words:
        out[w[0]] = out.get(w[0], ()) + (w,)
    return out


STOP_BY_FIRST = _by_first(STOP_WORDS)


@cache
def lexicon() -> frozenset[str]:
    """Bare names recognised without a prefix: kg/data/departments.tsv, national_orgs.tsv, the forms of
    state_council_organs.tsv and of the abbreviations."""
    words = set(abbreviations()) | set(data.words("departments.tsv")) | set(data.words("national_orgs.tsv"))
    words |= set(organs())
    return frozenset(w for w in words if len(w) >= 2)


@cache
def lexicon_firsts() -> frozenset[str]:
    """The first characters of the lexicon's words: lexicon_re() matches nowhere else."""
    return frozenset(w[0] for w in lexicon())


@cache
def lexicon_re() -> re.Pattern:
    return re.compile("|".join(sorted(map(re.escape, lexicon()), key=len, reverse=True)))


@cache
def cjk_chars() -> frozenset[str]:
    """The characters of CJK (``[\\u4e00-\\u9fff]``)."""
    return frozenset(map(chr, range(0x4E00, 0xA000)))


ZONE_ENDS = (
    "港区",
    "园区",
    "新区",
    "开发区",
    "矿区",
    "景区",
    "城区",
    "示范区",
    "试验区",
    "先行区",
    "集聚区",
    "保税区",
)

PRE_WORD = set("全城本地社园辖小湾景街厂郊新老各该我分片库矿灾校县市区省镇乡村山海湖江河城")

# words after which a name may start (根据财政部…, 贯彻落实党中央…)
BOUNDARY_WORDS = tuple(w for w in STOP_WORDS if len(w) >= 2) + data.words("org_boundary_words.tsv")
BOUNDARY_LAST = frozenset(w[-1] for w in BOUNDARY_WORDS)
BOUNDARY_BY_LAST = {c: tuple(w for w in BOUNDARY_WORDS if w[-1] == c) for c in BOUNDARY_LAST}
# a CJK character before ``i`` not in here means no boundary at ``i`` (the quick test in candidates)
BOUNDARY_PREV = STOP_CHARS | set("和与及") | BOUNDARY_LAST

STRONG = ("局", "厅", "委", "部", "办", "署", "委员会", "中心", "办公室")
STRONG_END = re.compile("[" + "".join(sorted({w[-1] for w in STRONG})) + "]")
AFTER_BARE = ("负责", "牵头", "配合", "会同", "按职责", "等", "设在")
# a modal verb after a bare office or centre makes it the actor (会议要求，科创中心要围绕…; 蓝天办要): 要
# but not 要求/要点/要素
MODAL = "要(?![求点素件闻])"
MODAL_RE = re.compile(MODAL)
MODAL_ENDS = ("办", "中心", "局", "委", "办公室")
# a bare name ending in a group word reads as a unit whatever follows (城中村改造指挥部提出的…)
GROUP_WORDS = ("指挥部", "领导小组", "工作专班", "工作组")
# 全市招商选资工作领导小组: the group of the whole level (市), printed after 全
WHOLE_LEVEL_GROUP = re.compile(rf"全[省市县区][\u4e00-\u9fff“”]{{2,16}}?(?:{'|'.join(GROUP_WORDS)}|联席会议)")
# the characters name_ends walks over (NAME_CHAR, 、 inside brackets, a line break, spaces after it)
ENDS_PUNCT = "（）〔〕()“”、\n \u3000"
ENDS_CHARS = "\u4e00-\u9fff" + ENDS_PUNCT  # (inside a character class)
# what _bare_unit needs within ten characters (a superset): a strong end before a separator or
# AFTER_BARE, or a group word
BARE_UNIT_HINT = (
    f"[{ENDS_CHARS}]{{0,9}}?(?:{STRONG_END.pattern}(?:[、，,；;）)]|{'|'.join(AFTER_BARE)}|{MODAL}|\\Z)"
    f"|{'|'.join(GROUP_WORDS)})"
)
BARE_UNIT_START = re.compile(BARE_UNIT_HINT)

# a township / street / zone named bare (湖塘街道、稽东镇, 柯桥经开区、鉴湖度假区): a 2-4 character
# name and the unit word; heads that are common words (重点镇, 特色小镇, 国家级开发区) are excluded
TOWN_WORDS = ("街道", "镇", "乡")
ZONE_WORDS = ("经济技术开发区", "经济开发区", "经开区", "开发区", "旅游度假区", "度假区", "高新区", "新区")
PLACE_UNIT = re.compile(
    f"([\u4e00-\u9fff]{{2,3}}?)({'|'.join(TOWN_WORDS)})|([\u4e00-\u9fff]{{2,4}}?)({'|'.join(ZONE_WORDS)})"
)
# a zone's committee printed without the zone's name (由高新区管委会负责)
COMMITTEE_ZONES = ("经济技术开发区", "经济开发区", "经开区", "高新技术产业开发区", "高新区", "开发区")
BARE_ZONE_COMMITTEE = re.compile(f"(?:{'|'.join(COMMITTEE_ZONES)})(?:管委会|管理委员会)")
NOT_PLACE_HEAD = re.compile(
    r"(^[各全本该每全此其与和及或在对]|[城乡村小个级点心色型类化区市县省州镇街各]$|^(重点|中心|特色|美丽|建制|"
    r"工业|产业|科技|物流|经济|国家|省级|市级|示范|试点|集镇|城镇|农村|乡村|所在|属地|相关|有关|周边|沿线|"
    r"全国|各地|城市|未来|新城|老城))"
)
AFTER_PLACE_UNIT = re.compile(
    r"[、，,；;。：:）)\s]|$|等|和|与|及|办事处|人民政府|政府|管委会|管理委员会|党委|党工委"
    r"|要(?!求)|应(?!用|急|对)|须"  # 城南新区要切实履行主体责任: the zone as the actor
)


# a bare name never starts with these (与法院, 对市综合执法局: the word before the name)
LINK_CHARS = frozenset("与和及对为")
# first characters of the mentions that may start inside a clause: heads, 区/市/县 …, 各
OPENERS = frozenset(h[0] for h in HEADS) | set(SINGLE_PREFIXES) | {"各"}


def char_class(chars) -> str:
    """A regex character class of ``chars``."""
    return "[" + re.escape("".join(sorted(chars))) + "]"


def after_any(words) -> str:
    """A regex that holds where one of ``words`` ends (lookbehinds, one per word length)."""
    by_len: dict[int, list[str]] = {}
    for w in words:
        by_len.setdefault(len(w), []).append(re.escape(w))
    return "|".join(f"(?<={'|'.join(sorted(ws))})" for _, ws in sorted(by_len.items()))


CJK = "[\u4e00-\u9fff]"
NOT_CJK = "\x00-\u4dff\ua000-\U0010ffff"  # (inside a character class)
NOT_GLUED = f"(?<!{char_class(PRE_WORD)}[\\s\\S])"  # after one character: not glued (_inside_word)


def after_first(words) -> str:
    """A regex, just after a character, that holds where one of ``words`` started at that character."""
    return "|".join(f"(?<={re.escape(w[0])}){re.escape(w[1:])}" for w in words)


# suffixes that end common words as well as names (中心工作, 中心大局, 部门职责): no fallback to them
WEAK_SUFFIXES = excluded("weak_suffix")


PLACE_ACTS = ("牵头", "负责", "配合", "会同")

LIST_ETC = re.compile(r"等(?:有关|相关|其他)?(?:部门和单位|部门|单位|机构)?")


@cache
def not_orgs() -> tuple[str, ...]:
    """Words ending like an organisation that are none (大局, 通办): kg/data/not_orgs.tsv."""
    return data.words("not_orgs.tsv")

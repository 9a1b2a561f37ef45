"""The passes over the scanner's mentions: what reads as no organisation (plausible), and the later
passes of PASSES, each run when its gate word occurs in the text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from kg import data, divisions
from kg.extract.org_mentions.fields import CLASS_WORD, field_classes
from kg.extract.org_mentions.joint import joint_issuers
from kg.extract.org_mentions.projects import facility_projects
from kg.extract.org_mentions.sub_units import SETS_UP, sub_units
from kg.extract.org_mentions.words import GROUP_WORDS, STOP_WORDS, ZONE_WORDS, lexicon, not_orgs
from kg.models import OrgMatch
from kg.names import SINGLE_PREFIXES, excluded, jurisdiction_prefix, org_suffix
from kg.word_bounds import is_word, splits_word, token_at

STANDING = "及其常委会"


def _standing_committees(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    """``市人大及其常委会``: 其常委会 is the standing committee of that congress (市人大常委会)."""
    extra = [
        OrgMatch("其常委会", m.name + "常委会", m.end + 1, m.end + 5)
        for m in found
        if m.name.endswith("人大") and text.startswith(STANDING, m.end)
    ]
    return sorted(found + extra, key=lambda m: m.start) if extra else found


QUALIFIERS = excluded("qualifier")


def _qualified_place_word(text: str, m: OrgMatch) -> bool:
    """A bare 乡镇/镇 after a qualifier is a kind of place, not the townships as units
    (覆盖城市地区和有条件乡镇)."""
    return m.name in ("乡镇", "镇", "乡") and text.endswith(QUALIFIERS, 0, m.start)


# (各地、州、市: 地 is a level of the list, 地区, not the localities)
# 各地 (各地区) as the acting localities (各地要…, 鼓励各地建设…, 各地、各有关部门), not attributive (各地政府性
# 融资担保基金) nor 全国各地
LOCALITY = "各地"
LOCALITIES = re.compile(
    rf"(?<!全国)(?<!世界){LOCALITY}区?(?!、[州市县区盟旗])(?=[、，,；;]|要|可|应|结合|建设|整合|组织|加快|开展|因地制宜)"
)


def _localities(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    spans = [(m.start, m.end) for m in found]
    extra = [
        OrgMatch(h.group(), h.group(), h.start(), h.end())  # 各地 or 各地区
        for h in LOCALITIES.finditer(text)
        if not any(a < h.end() and h.start() < b for a, b in spans)
    ]
    return sorted(found + extra, key=lambda m: m.start) if extra else found


ETC = "等"
ETC_CLASS = re.compile(
    rf"{ETC}(?:有关|相关)?(?:\d+个|多个|多家)?(?:大型|骨干|重点|省属|市属|区属|县属)?(部门|单位|组织|机构|融资平台|国有企业|国企)"
)
DOMAIN = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _domain_lists(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    """Bare fields of work listed before 等部门 (公安、财政、国土、交通、国税等部门人员): each names
    its bureau (name ``公安部门``); abbreviations listed before 等组织/等单位 (工青妇、残联) too."""
    from kg.resolve.org_abbreviations import abbreviations, bureau_of_domain

    taken = {(m.start, m.end) for m in found}
    spans = [(m.start, m.end) for m in found]
    extra: list[OrgMatch] = []
    for e in ETC_CLASS.finditer(text):
        end, items = e.start(), []
        while True:  # walk back over 、-separated items
            a = end
            while a > end - 8 and a > 0 and "\u4e00" <= text[a - 1] <= "\u9fff":
                a -= 1
            if a == end:
                break
            items.append((a, end))
            if a == 0 or text[a - 1] != "、":
                break
            end = a - 1
        if len(items) < 2:
            continue
        got = []
        for a, b in items:
            for k in range(a, b - 1):  # the first item may carry the words before it (主要为公安)
                w = text[k:b]
                if len(w) > 6:
                    continue
                if (k, b) in taken or any(x < b and k < y for x, y in spans):
                    got.append(None)  # already a mention
                    break
                if e.group(1) == "部门" and DOMAIN.fullmatch(w) and bureau_of_domain(w, "county"):
                    got.append(OrgMatch(w, w + "部门", k, b))
                    break
                if w in abbreviations() and not org_suffix(w) and len(w) >= 2:
                    got.append(OrgMatch(w, w, k, b))
                    break
                if e.group(1) in ("国有企业", "国企") and len(w) == 4 and w.endswith("集团"):
                    got.append(OrgMatch(w, w, k, b))  # 磷化集团、盘江集团等大型国有企业
                    break
                if (a, b) != items[-1] and k == a:
                    break  # inner items are whole words
        if len(got) == len(items):  # every item names a unit: a list of units, not of topics
            extra.extend(m for m in got if m is not None)
    if not extra:
        return found
    return sorted(found + extra, key=lambda m: m.start)


def _lexicon_tail(name: str) -> bool:
    """``name`` ends in a known department name longer than the not-an-organisation word it also
    ends in (区财政局 ends in 财政局, not just 政局)."""
    words = [w for w in not_orgs() if name.endswith(w)]
    short = min(map(len, words), default=0)
    lex = lexicon()
    return any(name[-k:] in lex for k in range(short + 1, min(len(name), 10) + 1))


HEAD_WORD = re.compile(r"^(中共|国家|中国)")
LEVEL_ADJ = re.compile(r"(国家|[省市区县])?级")
# 市级人大, 区级政协 (办理市级人大建议和政协提案): the one congress / CPPCC of that level
LEVEL_ORGAN = re.compile(r"[省市区县]级(人大|政协)")
# 省级政府办公厅, 省级有关部门, 县级人民政府 (a national text's class of the organs of one level); not
# zones (省级高新技术产业开发区) nor 级 as an adjective (市级财政资金)
LEVEL_CLASS_ENDS = ("部门", "人民政府", "政府", "办公厅", "办公室")
LEVEL_CLASS = re.compile(r"[省市县]级(?![^，。、]*(?:开发区|高新区|园区|示范区))")


POSTS = data.words("posts.tsv")


@lru_cache(maxsize=1 << 14)
def plausible(name: str) -> bool:
    """Drop fragments and non-organisations: short bodies, 大局, 各单位, 与区财政局."""
    core = HEAD_WORD.sub("", name)
    if len(core) < 2 or core in excluded("generic_core"):
        return False
    if name.count("“") != name.count("”") or name.count("‘") != name.count("’"):
        return False  # a name cut at a quotation mark (”建设领导小组, 服务中心“什么事难办) is a fragment
    if name.endswith(not_orgs()) and not _lexicon_tail(name):
        return False
    if name.startswith(POSTS):
        return False  # 县长主持县政府: a person's post opens a clause
    if name[0] in "与和及对" or LEVEL_ADJ.match(name) and not LEVEL_ORGAN.match(name):
        if not (LEVEL_CLASS.match(name) and (_organ_class(name[2:]) or _level_group(name[2:]))):
            return False
    if name.endswith(("城乡", "城镇")) and jurisdiction_prefix(name) == name[:-2]:
        return False  # 统筹县城乡发展, 新县城镇化: the words 城乡/城镇, no township (县古城乡 is one)
    if name.endswith(SECTIONS) and jurisdiction_prefix(name) and not _unit_inside(name):
        return False  # 贵阳大数据科(创城): a section (科/股) is a section of a unit, never of a place
    return bool(org_suffix(name)) or name in lexicon() or name[-1] in "县旗区市州盟" and _place_only(name)


SECTIONS = ("科", "股")  # the sections inside a bureau or company (水务局水保科, 预算股)


def _unit_inside(name: str) -> bool:
    """A unit's name ends inside ``name`` before its last character (区财政局预算科: 区财政局); a zone
    or a government is a place, no unit with sections (天府新区数字科创园)."""
    rows = (org_suffix(name[:k]) for k in range(3, len(name) - 1))
    return any(r and r[1] != "government" for r in rows)


# the bodies a level sets up for a task (建立市级口岸联席会议制度, 成立县级防汛抗旱指挥部)
LEVEL_GROUPS = (*GROUP_WORDS, "联席会议")


def _level_group(body: str) -> bool:
    """``body`` (after 省级/市级/县级) is a group that level sets up: a task before a group word."""
    return any(body.endswith(w) and len(body) >= len(w) + 2 for w in LEVEL_GROUPS)


WHOLE_LEVEL = re.compile("全[省市县区]")


def _level_groups(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    """A level's group (市级口岸联席会议, 全市招商选资工作领导小组) is named as that level's
    (市口岸联席会议, 市招商选资工作领导小组), not as a class."""
    out = []
    for m in found:
        if LEVEL_CLASS.match(m.name) and _level_group(m.name[2:]):
            m = OrgMatch(m.surface, m.name[0] + m.name[2:], m.start, m.end)
        elif WHOLE_LEVEL.match(m.name) and _level_group(m.name[2:]):
            m = OrgMatch(m.surface, m.name[1:], m.start, m.end)
        out.append(m)
    return out


def _organ_class(body: str) -> bool:
    """``body`` (after 省级/市级/县级) names a class of organs: governments, their offices, departments
    (not 单位 nor places: 市级机关单位, 省级美丽城镇)."""
    return len(body) >= 3 and body.endswith(LEVEL_CLASS_ENDS)


def _place_only(name: str) -> bool:
    """``name`` is a county/prefecture name and nothing more (达茂旗, 固阳县)."""
    j = divisions.lookup(name)
    return bool(j and j.level in ("prefecture", "county") and divisions.place_prefix(name) == name)


def _before_open_quote(m: OrgMatch) -> OrgMatch:
    """A name running into a quotation it does not close ends before it: 行政服务中心“什么事难办 ->
    行政服务中心."""
    i = m.surface.rfind("“")
    if i < 2 or "”" in m.surface[i:] or m.surface.count("“") == m.surface.count("”"):
        return m
    head = m.surface[:i]
    return OrgMatch(head, head, m.start, m.start + i) if m.name.startswith(head) else m


def _keep_plausible(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    """Drop what reads as no organisation (plausible) and a qualified 乡镇 (有条件乡镇)."""
    found = [_before_open_quote(m) for m in found]
    return [m for m in found if plausible(m.name) and not _qualified_place_word(text, m)]


def _whole_words(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    """Drop a mention cut inside a word: its last character belongs to a word of the text that runs
    past the mention (中国哲学社会科 in 中国哲学社会科学) or began before its suffix character
    (人民政府有所 in 人民政府有所作为), and that word is no organisation word (财政局, 委员会); or a
    long run ending in the one character 办 glued to the next word (…交办信访件办结率); or one whose
    first character ends a word begun before it (市公司 in 上市公司, 经管委 in 已经管委会同意)."""
    return [m for m in found if not _cut(text, m) and not _long_ban(text, m) and not _cut_start(text, m)]


JOINERS = "和与及或、"
NUMERALS = "0123456789０１２３４５６７８９一二三四五六七八九十两几多"
CLASSIFIERS = "个家项批名支"  # 市政府和县政府: a conjunction before a name (和县 is a county) cuts no word


def _cut_start(text: str, m: OrgMatch) -> bool:
    """A dictionary word runs across the mention's start, and that word is no place name; or the
    mention opens with the classifier of a count (3个专项工作组)."""
    i = m.start
    if i and text[i - 1] in NUMERALS and m.name[0] in CLASSIFIERS:
        return True  # 3个专门工作组: a count, the name (if any) starts after the classifier
    if i == 0 or not "\u4e00" <= text[i - 1] <= "\u9fff" or text[i - 1] in JOINERS:
        return False
    if not splits_word(text, i):
        return False
    a, b = token_at(text, i)
    return a < i and not divisions.lookup(text[a:b])


BAN = "办"
MAX_BAN = 8  # the longest abbreviated offices: 国务院扶贫办, 区通信管理办, 市委网信办 (6-7 characters)


def _long_ban(text: str, m: OrgMatch) -> bool:
    nxt = text[m.end : m.end + 1]
    return m.name.endswith(BAN) and len(m.name) > MAX_BAN and "\u4e00" <= nxt <= "\u9fff"


def _cut(text: str, m: OrgMatch) -> bool:
    e = m.end
    if e - m.start <= 2:
        return False
    nxt = text[e : e + 1]
    if not (
        "\u4e00" <= nxt <= "\u9fff" and is_word(text[e - 1 : e + 1], 100) or is_word(text[e - 2 : e], 100)
    ):
        return False  # no common word across the end or in the last two characters: no cut (quick test)
    a, b = token_at(text, e - 1)
    row = org_suffix(m.name)
    suffix_start = e - len(row[0]) if row else e - 1
    if b == e and a >= suffix_start:
        return False  # the word ends with the name, inside its suffix (领导小组, 财政局)
    token, inside = text[a:b], text[max(a, m.start) : e]
    if inside in lexicon():
        return False  # 县级人大 before 人大代表: the name's part of the word is a name itself
    return not org_suffix("□" + token) and token not in lexicon()


# a 文号's 机关代字 (绍市委办发〔2020〕1号, 皖政办〔2021〕3号): an issuer's code, no mention
DOC_CODE = re.compile(r"[发函字]?[〔\[【]\d{4}[〕\]】]")


def _doc_codes(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    """Drop a mention a document number's year follows (市委办 in 绍市委办发〔2020〕1号)."""
    return [m for m in found if not DOC_CODE.match(text, m.end)]


DEFINES = "所称"


def _defined_terms(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    """``本办法所称政务部门``: a definition names the term after 所称 (政务部门), not 本办法所称…."""
    out = []
    for m in found:
        i = m.surface.rfind(DEFINES)
        term = m.surface[i + len(DEFINES) :] if i >= 0 else ""
        if i < 0:
            out.append(m)
        elif plausible(term) and text[m.start + i + len(DEFINES) : m.end] == term:
            out.append(OrgMatch(term, term, m.start + i + len(DEFINES), m.end))
    return out


PARKS = tuple(w for w, kind in data.rows("park_words.tsv") if kind == "park")
ZONE_ACTS = tuple(w for w, kind in data.rows("park_words.tsv") if kind == "verb") + STOP_WORDS
PARK_RUN = re.compile(r"[\u4e00-\u9fff（）()]{2,16}")


def _parks_in_zones(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    """A zone printed right before the name of a park or base inside it (合肥高新区国家数字服务出口基地,
    经开区国家进口贸易促进创新示范区) is that park's place, not the zone's committee acting: dropped,
    unless the words after it open a predicate (高新区建设…基地: the zone acts)."""
    out = []
    for m in found:
        run = PARK_RUN.match(text, m.end) if m.name.endswith(ZONE_WORDS) else None
        park = run and next((k for k in range(len(run.group()), 1, -1) if run.group()[:k].endswith(PARKS)), 0)
        if park and not run.group().startswith(ZONE_ACTS) and not org_suffix(run.group()[:park]):
            continue
        out.append(m)
    return out


# 市级人大建议和政协提案, 区人大代表和政协委员: the 政协 paired with a level's 人大 is that level's; paired
# with a bare 人大 (向人大代表和政协委员) it is as bare, the publication's own (as that 人大 is)
PAIRED_CPPCC = re.compile(r"(?<!全国)([省市区县]?)级?人大[\u4e00-\u9fff]{0,4}?[和、及与]政协")
CPPCC = "政协"
CONGRESS = "人大"


def _paired_cppcc(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    """A bare 政协 paired with a level's 人大 is that level's (name 市政协), paired with a bare 人大 it
    is bare (name 政协) where that 人大 is a mention, unless the text prints a level's 政协 too (its levels differ: a bare one is
    of no known level); a bare 政协 elsewhere is left unread (no level printed)."""
    congresses = {m.start for m in found if m.name == CONGRESS}  # the bare 人大 read as mentions
    level = {
        h.end() - len(CPPCC): h.group(1)
        for h in PAIRED_CPPCC.finditer(text)
        if h.group(1) or h.start() in congresses
    }
    if any(level.values()):
        level = {a: lv for a, lv in level.items() if lv}
    if not level:
        return found
    kept = [m for m in found if not (m.start in level and m.name == CPPCC)]
    spans = [(m.start, m.end) for m in kept]
    extra = [
        OrgMatch(CPPCC, lv + CPPCC, a, a + len(CPPCC))
        for a, lv in level.items()
        if not any(x < a + len(CPPCC) and a < y for x, y in spans)
    ]
    return sorted(kept + extra, key=lambda m: m.start)


SYSTEM_WORDS = data.words("system_words.tsv")
CENTRE = "中心"


def _systems(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    """Drop a 中心 glued to a system word (大数据中心平台, 政务服务中心系统): a system or facility named
    after the centre, no body (市大数据中心牵头 is one)."""
    return [m for m in found if not (m.name.endswith(CENTRE) and text.startswith(SYSTEM_WORDS, m.end))]


GOAL_QUALIFIERS = data.words("goal_words.tsv")


def _goal(name: str) -> bool:
    """``name`` is a goal named as a 中心 (上海国际金融中心, 建设国际消费中心, 区域性金融中心): a
    qualifier of scope before 中心 and no level word (上海市国际交流中心 and 市国际交流中心 are bodies;
    a 中国/国家 head names a national body)."""
    if not name.endswith(CENTRE) or HEAD_WORD.match(name):
        return False
    if not any(q in name for q in GOAL_QUALIFIERS):
        return False
    place = jurisdiction_prefix(name)
    if not place:
        return True
    j = divisions.lookup(place)  # 广州 and 广州市 both name the city: a level word only in the latter
    return not (place in SINGLE_PREFIXES or j and place in j.chain)


def _goals(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    """Drop goals named as a 中心 (see _goal)."""
    return [m for m in found if not _goal(m.name)]


@dataclass(frozen=True)
class Pass:
    """A later pass over the mentions: ``run(text, mentions)`` when ``gate`` occurs in the text (the
    gate is the word its pattern starts with; "" runs always)."""

    name: str
    gate: str
    run: Callable[[str, list[OrgMatch]], list[OrgMatch]]


PASSES = (
    Pass("plausible", "", _keep_plausible),
    Pass("whole words", "", _whole_words),
    Pass("joint issuers", "", joint_issuers),  # 中共山东省委山东省人民政府: two names
    Pass("document numbers", "〔", _doc_codes),  # 绍市委办发〔2020〕1号
    Pass("domain lists", ETC, _domain_lists),  # 公安、财政、国土等部门
    Pass("localities", LOCALITY, _localities),  # 各地要…
    Pass("standing committees", STANDING, _standing_committees),  # 市人大及其常委会
    Pass("defined terms", DEFINES, _defined_terms),  # 本办法所称政务部门
    Pass("parks in zones", "区", _parks_in_zones),  # 合肥高新区国家数字服务出口基地
    Pass("paired CPPCC", CPPCC, _paired_cppcc),  # 市级人大建议和政协提案
    Pass("level groups", "", _level_groups),  # 建立市级口岸联席会议制度, 全市…领导小组
    Pass("field classes", CLASS_WORD, field_classes),  # 市场监管部门加强…, 由统计部门负责
    Pass("facility projects", "医", facility_projects),
    Pass("systems", CENTRE, _systems),  # 依托州大数据中心平台
    Pass("goals", CENTRE, _goals),  # 建设上海国际金融中心
    Pass("sub-units", SETS_UP, sub_units),  # 领导小组下设综合协调组及…工作组  # 推进县人民医院落地
)

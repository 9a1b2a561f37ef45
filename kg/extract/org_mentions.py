"""Find organisation mentions in running text: [prefix] body suffix, lists split by split_units.

A mention starts at a jurisdiction prefix (a place name, 区/市/县/省/自治区, 中共, 国家/国务院),
a collective head (各/属地/所在), or a known bare department name (财政局, 建设局) at a clause
boundary; it ends at the longest organisation suffix (kg/data/org_suffixes.tsv) before a stop
word. A mention followed by 、/和/及 and more bare units is read as a list.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

from kg import divisions
from kg.models import OrgMatch
from kg.names import (
    ETC_TAIL,
    NOT_PREFIX,
    PREFIX_AFTER_ALL,
    SINGLE_PREFIXES,
    bare_place,
    jurisdiction_prefix,
    normalise_name,
    org_suffix,
    single_prefix,
    split_units,
    suffix_last_chars,
)

DATA = Path(__file__).resolve().parent.parent / "data"
MAX_LEN = 28
NAME_CHAR = re.compile(r"[\u4e00-\u9fff（）〔〕()“”]")
# characters that never occur inside an organisation name here
STOP_CHARS = set("的在向于等是由把从已也均并或要将了着过给让被使就其该此这那每获以")
STOP_WORDS = (
    "负责",
    "牵头",
    "会同",
    "配合",
    "联合",
    "督促",
    "指导",
    "根据",
    "按照",
    "做好",
    "开展",
    "加强",
    "推进",
    "落实",
    "制定",
    "成立",
    "召开",
    "举办",
    "建立",
    "完善",
    "实施",
    "提供",
    "进行",
    "积极",
    "抓好",
    "强化",
    "协调",
    "统筹",
    "参与",
    "同意",
    "审核",
    "批准",
    "认定",
    "报送",
    "上报",
    "办理",
    "印发",
    "下发",
    "设立",
    "下设",
    "设在",
    "关于",
    "通过",
    "作为",
    "组织开展",
    "主办",
    "承办",
    "召集",
    "获得",
    "荣获",
    "授予",
    "评为",
    "入选",
    "发布",
    "出台",
    "部署",
    "检查",
    "考核",
    "主任",
    "围绕",
    "依法",
    "申请",
    "通知",
    "下达",
    "呈送",
    "完成",
    "实现",
    "搭建",
    "依托",
    "构建",
    "中心工作",
    "以下简称",
    "（以下简称",
    "(以下简称",
    "履行",
    "提交",
    "落到",
    "推行",
    "多次",
    "迎接",
    "全年",
    "作用",
    "条款",
    "以及",
    "交区",
    "为本",
    "和部门",
    "各项",
    "各类",
    "各种",
    "局长",
    "厅长",
    "处长",
    "部长",
    "院长",
    "行长",
    "董事长",
    "总经理",
    "秘书长",
    "书记",
    "副",
    "同志",
    "工作人员",
    "干部",
    "职工",
    "系统",
    "建议",  # 人大建议和政协提案: the deputies' proposals, not part of a name
    "总理",
)
NOT_AFTER = (
    "长",
    "员",
    "署",
    "法",
    "理",
    "有",
    "点",
    "城区",
    "门口",
    "务",
    "属",
    "分工",
    "级",
    "内",
    "外",
    "里",
    "托",
)
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
    """Bare names recognised without a prefix: kg/data/departments.tsv + abbreviation forms."""
    from kg.resolve.org_identity import abbreviations

    words = set(abbreviations())
    for table in ("departments.tsv", "national_orgs.tsv"):
        for line in (DATA / table).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                words.add(line.strip())
    return frozenset(w for w in words if len(w) >= 2)


@cache
def _lexicon_firsts() -> frozenset[str]:
    """The first characters of the lexicon's words: _lexicon_re() matches nowhere else."""
    return frozenset(w[0] for w in lexicon())


@cache
def _lexicon_re() -> re.Pattern:
    return re.compile("|".join(sorted(map(re.escape, lexicon()), key=len, reverse=True)))


@cache
def _cjk() -> frozenset[str]:
    """The characters of CJK (``[\\u4e00-\\u9fff]``)."""
    return frozenset(map(chr, range(0x4E00, 0xA000)))


@cache
def _plain() -> tuple[frozenset[str], re.Pattern]:
    """The CJK characters where _ends only steps on (no stop character, stop word, suffix end,
    bracket or 和/与/及), and a regex for a run of them."""
    special = STOP_CHARS | set(STOP_BY_FIRST) | suffix_last_chars() | set("和与及（）〔〕()")
    plain = _cjk() - special
    return plain, re.compile(_chars(plain) + "+")


def _ends(text: str, i: int, body_start: int, max_len: int = MAX_LEN) -> list[int]:
    """Candidate end positions of a mention starting at ``i`` whose body starts at ``body_start``."""
    out, depth, j = [], 0, body_start
    limit = min(len(text), i + max_len)
    suffix_ends = suffix_last_chars()
    plain, plain_run = _plain()
    while j < limit:
        c = text[j]
        if c in plain:  # nothing happens at these characters but the step on
            j = plain_run.match(text, j, limit).end()
            continue
        if c in "（(" and text.startswith(ALIAS_OPEN, j):
            break  # 区土地和房屋征收工作办公室（以下简称区房屋征收部门）
        if c == "\n" and j > body_start:
            k = j + 1  # a name broken across a line (across a blank line too, inside brackets or
            # before the name has reached a suffix: 省工业\n\n和信息化厅)
            while (depth or not out) and k < limit and k - j < 3 and text[k] in "\n \u3000":
                k += 1
            if k < len(text) and "\u4e00" <= text[k] <= "\u9fff":
                j = k
                continue
        if not ("\u4e00" <= c <= "\u9fff" or c in NAME_PUNCT):  # NAME_CHAR
            if c == "、" and depth:
                j += 1
                continue
            break
        if c in "（(〔":
            depth += 1
        elif c in "）)〕":
            if not depth:
                break
            depth -= 1
        elif not depth and (c in STOP_CHARS or text.startswith(STOP_BY_FIRST.get(c, ()), j)):
            break
        j += 1
        # text[i:j] ends in c: only a suffix's last character (or a bracket) can end a name
        if (
            not depth
            and j - body_start >= 1
            and c in suffix_ends
            and org_suffix(text[i:j])
            and not text.startswith(NOT_AFTER, j)
        ):
            if c in "和与及" or text[j - 2 : j] in ("委员",):
                continue
            out.append(j)
        if c in "和与及" and out and out[-1] == j - 1:
            break  # 区建设局和财政局: a list, not one name
        if out and out[-1] == j and text[j : j + 1] == text[i] and single_prefix(text[j : j + 3]):
            if not text.startswith("监委", j + 1):
                break  # 省委省政府, 市委市政府: two names
    return out


def _start_at(text: str, i: int) -> int | None:
    """Where the body starts if a mention may start at ``i`` (after its prefix), else None."""
    c = text[i]
    if c in HEAD_FIRSTS and text.startswith(HEADS, i):
        head = next(h for h in HEADS if text.startswith(h, i))
        return i + len(head)
    if _inside_word(text, i):
        return None
    if text[i : i + 2] in divisions.place_starts():  # else no place_prefix
        place = divisions.place_prefix(text[i : i + 12])
        if place and not (len(place) == 2 and place[1] in "县区市旗" and _glued(text, i)):
            return i + len(place)
    if c in SINGLE_PREFIXES and single_prefix(text[i : i + 3]):
        return i + 1
    return None


ZONE_ENDS = ("港区", "园区", "新区", "开发区", "矿区", "景区", "城区")


def _place_ends(text: str, i: int) -> bool:
    """A place name of two or more characters ends at ``i`` (固始县, 达茂旗, 伊旗, 昆都仑区)."""
    return any(divisions.lookup(text[i - k : i]) for k in range(2, min(i, 9) + 1))


def _glued(text: str, i: int) -> bool:
    """A one-character county name at ``i`` read off the end of the word before (办理县人大: 理县,
    管理县直单位): a CJK character before it and no clause boundary."""
    return i > 0 and "\u4e00" <= text[i - 1] <= "\u9fff" and not _boundary(text, i)


PRE_WORD = set("全城本地社园辖小湾景街厂郊新老各该我分片库矿灾校县市区省镇乡村山海湖江河城")


def _inside_word(text: str, i: int) -> bool:
    """A prefix character glued to the previous word: 全区, 城区, 本市, 社区."""
    return i > 0 and text[i - 1] in PRE_WORD


def _boundary(text: str, i: int) -> bool:
    """A clause boundary before ``i``: start, punctuation, space, or a stop word / char."""
    prev = text[i - 1] if i else ""
    if not prev or not "\u4e00" <= prev <= "\u9fff" or prev in STOP_CHARS or prev in "和与及":
        return True
    return prev in BOUNDARY_LAST and text.endswith(BOUNDARY_BY_LAST[prev], 0, i)


# words after which a name may start (根据财政部…, 贯彻落实党中央…)
BOUNDARY_WORDS = tuple(w for w in STOP_WORDS if len(w) >= 2) + (
    "贯彻",
    "接待",
    "联系",
    "邀请",
    "支持",
    "对接",
    "争取",
)
BOUNDARY_LAST = frozenset(w[-1] for w in BOUNDARY_WORDS)
BOUNDARY_BY_LAST = {c: tuple(w for w in BOUNDARY_WORDS if w[-1] == c) for c in BOUNDARY_LAST}
# a CJK character before ``i`` not in here means no boundary at ``i`` (the quick test in _candidates)
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
# the characters _ends walks over (NAME_CHAR, 、 inside brackets, a line break, spaces after it)
ENDS_PUNCT = "（）〔〕()“”、\n \u3000"
ENDS_CHARS = "\u4e00-\u9fff" + ENDS_PUNCT  # (inside a character class)
# what _bare_unit needs within ten characters (a superset): a strong end before a separator or
# AFTER_BARE, or a group word
BARE_UNIT_HINT = (
    f"[{ENDS_CHARS}]{{0,9}}?(?:{STRONG_END.pattern}(?:[、，,；;）)]|{'|'.join(AFTER_BARE)}|{MODAL}|\\Z)"
    f"|{'|'.join(GROUP_WORDS)})"
)
BARE_UNIT_START = re.compile(BARE_UNIT_HINT)


def _bare_unit(text: str, i: int) -> bool:
    """A bare name at a boundary that reads as a unit: ends in 局/厅/委/部 … and is followed by a
    list separator or 负责/牵头/配合 (（财政部、工业和信息化部负责）)."""
    if not BARE_UNIT_START.match(text, i):
        return False
    for j in _ends(text, i, i, 10):
        if text[i:j].endswith(GROUP_WORDS) and j - i >= 6:
            return True
        if text[i:j].endswith(STRONG):
            if j == len(text) or text[j] in "、，,；;）)" or text.startswith(AFTER_BARE, j):
                return True
            if text[i:j].endswith(MODAL_ENDS) and MODAL_RE.match(text, j):
                return True
    return False


# a township / street / zone named bare (湖塘街道、稽东镇, 柯桥经开区、鉴湖度假区): a 2-4 character
# name and the unit word; heads that are common words (重点镇, 特色小镇, 国家级开发区) are excluded
PLACE_UNIT = re.compile(
    r"([\u4e00-\u9fff]{2,3}?)(街道|镇|乡)|([\u4e00-\u9fff]{2,4}?)(经济技术开发区|经济开发区|经开区|开发区|旅游度假区|度假区|高新区|新区)"
)
BARE_ZONE_COMMITTEE = re.compile(
    r"(?:经济技术开发区|经济开发区|经开区|高新技术产业开发区|高新区|开发区)(?:管委会|管理委员会)"
)
NOT_PLACE_HEAD = re.compile(
    r"(^[各全本该每全此其与和及或在对]|[城乡村小个级点心色型类化区市县省州镇街]$|^(重点|中心|特色|美丽|建制|"
    r"工业|产业|科技|物流|经济|国家|省级|市级|示范|试点|集镇|城镇|农村|乡村|所在|属地|相关|有关|周边|沿线|"
    r"全国|各地|城市|未来|新城|老城))"
)
AFTER_PLACE_UNIT = re.compile(
    r"[、，,；;。：:）)\s]|$|等|和|与|及|办事处|人民政府|政府|管委会|管理委员会|党委|党工委"
    r"|要(?!求)|应(?!用|急|对)|须"  # 城南新区要切实履行主体责任: the zone as the actor
)


def _bare_place_unit(text: str, i: int) -> bool:
    """``湖塘街道``/``稽东镇``/``柯桥经开区`` at ``i``: followed by a separator, 办事处/人民政府, or an
    organisation suffix of a sub-unit (马鞍街道经济发展办公室)."""
    if BARE_ZONE_COMMITTEE.match(text, i):
        return True  # 由高新区管委会负责: the zone of the text's place
    m = PLACE_UNIT.match(text, i)
    if not m:
        return False
    head = m.group(1) or m.group(3)
    if NOT_PLACE_HEAD.search(head) and not divisions.lookup(head):  # 嵊州经济开发区: a place, not 各州
        return False
    if any(divisions.lookup(head[k:]) for k in range(1, len(head) - 1)):
        return False  # 鼓励南通高新区: the name starts at the place (南通高新区), not before it
    j = m.end()
    if AFTER_PLACE_UNIT.match(text, j) or text.startswith(AFTER_BARE, j):
        return True
    return any(org_suffix(text[j:e]) and e - j >= 2 for e in _ends(text, j, j))


# a bare name never starts with these (与法院, 对市综合执法局: the word before the name)
LINK_CHARS = frozenset("与和及对为")
# first characters of the mentions that may start inside a clause: heads, 区/市/县 …, 各
OPENERS = frozenset(h[0] for h in HEADS) | set(SINGLE_PREFIXES) | {"各"}


def _chars(chars) -> str:
    """A regex character class of ``chars``."""
    return "[" + re.escape("".join(sorted(chars))) + "]"


def _after_any(words) -> str:
    """A regex that holds where one of ``words`` ends (lookbehinds, one per word length)."""
    by_len: dict[int, list[str]] = {}
    for w in words:
        by_len.setdefault(len(w), []).append(re.escape(w))
    return "|".join(f"(?<={'|'.join(sorted(ws))})" for _, ws in sorted(by_len.items()))


CJK = "[\u4e00-\u9fff]"
NOT_CJK = "\x00-\u4dff\ua000-\U0010ffff"  # (inside a character class)
NOT_GLUED = f"(?<!{_chars(PRE_WORD)}[\\s\\S])"  # after one character: not glued (_inside_word)


def _after_first(words) -> str:
    """A regex, just after a character, that holds where one of ``words`` started at that character."""
    return "|".join(f"(?<={re.escape(w[0])}){re.escape(w[1:])}" for w in words)


@cache
def _opener_re() -> re.Pattern:
    """A character where _start_at may find a head (中共, 国务院) or a 区/市/县 … that single_prefix
    takes, or COLLECTIVE a 各 (a superset; place names: _place_re)."""
    heads = "|".join(f"(?<={re.escape(h[0])})(?={re.escape(h[1:])})" for h in HEADS)
    short = [w for w in NOT_PREFIX if len(w) <= 3]  # single_prefix sees three characters
    prefix = f"(?:(?={_after_first(PREFIX_AFTER_ALL)})|(?!{_after_first(short)}))"
    single = f"{NOT_GLUED}(?<={_chars(SINGLE_PREFIXES)}){prefix}"
    return re.compile(f"{_chars(OPENERS)}(?:(?<=各)|{heads}|{single})")


@cache
def _place_re() -> re.Pattern:
    """A character, not glued to the word before, that may open a place name with the next one: a
    superset of the pairs in divisions.place_starts()."""
    pairs = [k for k in divisions.place_starts() if len(k) == 2]
    short = [k for k in divisions.place_starts() if len(k) < 2]  # a one-character name opens anywhere
    pair = f"{_chars(k[0] for k in pairs)}{NOT_GLUED}(?={_chars(k[1] for k in pairs)})"
    return re.compile(pair + (f"|{_chars(short)}" if short else ""))


@cache
def _bare() -> str:
    """A regex that holds where a bare unit may start (a superset): 属地/所在/本 (COLLECTIVE), a
    lexicon word, what _bare_unit needs, or what _bare_place_unit needs (a bare township / zone)."""
    firsts: dict[str, set[str]] = {}
    for w in lexicon():
        firsts.setdefault(w[0], set()).add(w[1])
    pair = "|".join(re.escape(a) + _chars(b) for a, b in sorted(firsts.items()))
    lex = f"(?={pair})(?:{_lexicon_re().pattern})"  # a quick test of two characters, then the words
    unit, zone = "街镇乡经开旅度高新", "经开旅度高新"  # the first characters of PLACE_UNIT's words
    loose = f"{CJK}{{2}}(?:[{unit}]|{CJK}[{unit}]|{CJK}{{2}}[{zone}])|经济|经开|高新|开发"
    place_unit = f"(?={loose})(?:{PLACE_UNIT.pattern}|{BARE_ZONE_COMMITTEE.pattern})"
    unit_end = set(STRONG_END.pattern[1:-1]) | {w[-1] for w in GROUP_WORDS}
    walk = re.escape("".join(sorted(_cjk() - unit_end))) + ENDS_PUNCT
    has_end = f"(?=[{walk}]{{0,9}}+{_chars(unit_end)})"  # a quick test before BARE_UNIT_HINT
    return (
        f"(?={CJK})(?:{_chars(COLLECTIVE_FIRSTS)}|(?={_chars(firsts)})(?:{lex})|{place_unit}"
        f"|{has_end}(?:{BARE_UNIT_HINT}))"
    )


@cache
def _bare_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Where a bare unit may start at a boundary (see _boundary), three scans: at the start of the
    text; after a non-CJK or stop character; after a boundary word (the match ends there)."""
    stop = STOP_CHARS | set("和与及")
    after_char = f"[{NOT_CJK}{re.escape(''.join(sorted(stop)))}](?={_bare()})"
    penult = _chars(w[-2] for w in BOUNDARY_WORDS)  # a quick test before the words
    after_word = f"{_chars(BOUNDARY_LAST)}(?<={penult}.)(?={_bare()})(?:{_after_any(BOUNDARY_WORDS)})"
    return re.compile(_bare()), re.compile(after_char), re.compile(after_word)


def _openings(text: str, taken: list[int]):
    """Positions _candidates tests (a superset of those where it may yield), in order, from
    ``taken[0]`` on: a few regex scans instead of a Python test at every character."""
    pairs = divisions.place_starts()
    at_start, after_char, after_word = _bare_res()
    found = {m.start() for m in _opener_re().finditer(text)}
    found.update(
        i for m in _place_re().finditer(text) if text[(i := m.start()) : i + 2] in pairs or text[i] in pairs
    )
    found.update(m.end() for m in after_char.finditer(text))
    found.update(m.end() for m in after_word.finditer(text))
    if at_start.match(text):
        found.add(0)
    for i in sorted(found):
        if i >= taken[0]:
            yield i


def _candidates(text: str, taken: list[int] | None = None):
    """(start, end) of single mentions, longest first per start. ``taken[0]``, when given, is where
    the caller's last mention ended: no candidate starts before it (the caller would drop it)."""
    lex, lex_firsts = _lexicon_re(), _lexicon_firsts()
    place_starts = divisions.place_starts()
    taken = taken or [0]
    for i in _openings(text, taken):
        c = text[i]
        if not "\u4e00" <= c <= "\u9fff":
            continue
        prev = text[i - 1] if i else ""
        if prev and "\u4e00" <= prev <= "\u9fff" and prev not in BOUNDARY_PREV:
            bound = False  # _boundary(text, i), quickly
        else:
            bound = _boundary(text, i)
        if not (bound or c in OPENERS or text[i : i + 2] in place_starts):  # may_start_place
            continue  # not at a boundary, and no prefix or collective head starts here
        starts = []
        b = _start_at(text, i)
        if b is not None:
            starts.append(b)
        m = COLLECTIVE.match(text, i) if c in COLLECTIVE_FIRSTS else None
        if m and (c == "各" or bound):
            starts.append(m.start(2) if m.group(2) else m.end(1))
        lm = lex.match(text, i) if c in lex_firsts else None
        if bound and c not in LINK_CHARS and (lm or _bare_unit(text, i) or _bare_place_unit(text, i)):
            starts.append(i)
        for s in starts:
            ends = _ends(text, i, s)
            if ends:
                yield i, _longest_plausible(text, i, ends)
                break
        else:
            headed = lm and c in HEAD_FIRSTS and b is not None and lm.end() - i >= 3
            if (bound or headed) and lm and not text.startswith(NOT_AFTER, lm.end()):
                yield i, lm.end()  # 国务院, 党中央: a name with no suffix of its own
            elif bound and b is not None:
                place = _acting_place(text, i)
                if place:
                    yield i, i + len(place)  # 交由达茂旗牵头落实: the banner's government


def _longest_plausible(text: str, i: int, ends: list[int]) -> int:
    """The longest end whose name reads as an organisation (市中医院 in 市中医院老院区社会办医, 自治区政府
    in 自治区政府统一协同办公业务平台: the longer run ends in a suffix character but is no name);
    ``ends[-1]`` when none does (a list, checked later)."""
    if len(ends) > 1 and not _plausible(normalise_name(text[i : ends[-1]])):
        for e in reversed(ends[:-1]):
            name = normalise_name(text[i:e])
            row = org_suffix(name)
            if row and len(row[0]) >= 2 and row[0] not in WEAK_SUFFIXES and name[0] != "各":
                return e if _plausible(name) else ends[-1]
    return ends[-1]


# suffixes that end common words as well as names (中心工作, 中心大局, 部门职责): no fallback to them
WEAK_SUFFIXES = ("中心", "服务中心", "分中心", "研究中心", "部门", "单位", "出资人", "直属机构")


PLACE_ACTS = ("牵头", "负责", "配合", "会同")


def _acting_place(text: str, i: int) -> str:
    """A bare county/prefecture name acting as a unit (达茂旗牵头, 固阳县负责): the name, else ''."""
    place = divisions.place_prefix(text[i : i + 12])
    if not place or not text.startswith(PLACE_ACTS, i + len(place)):
        return ""
    j = divisions.lookup(place)
    if len(place) < 2 or place[-1] not in "县旗区市州盟" or not j or j.level not in ("prefecture", "county"):
        return ""
    return place


LIST_ETC = re.compile(r"等(?:有关|相关|其他)?(?:部门和单位|部门|单位|机构)?")


def _list_tail(text: str, end: int) -> int:
    """Extend a mention ending at ``end`` over a list of bare units: 、建设局、农业农村局等部门."""
    while end < len(text) and text[end] in "、和及与":
        step = 2 if text.startswith("以及", end) else 1
        nxt = end + step
        ends = _ends(text, nxt, nxt)
        if not ends:
            break
        end = ends[-1]
    m = LIST_ETC.match(text, end)
    return m.end() if m else end


def aliases(text: str) -> dict[str, str]:
    """Short forms the text defines for an organisation: ``区土地和房屋征收工作办公室（以下简称区房屋
    征收部门）`` -> ``{"区房屋征收部门": "区土地和房屋征收工作办公室"}`` (short -> full printed name)."""
    return _aliases(text, _find(text))


def _aliases(text: str, found: list[OrgMatch]) -> dict[str, str]:
    out: dict[str, str] = {}
    for d in ALIAS_DEF.finditer(text):
        full = next((m for m in found if m.end == d.start()), None)
        short = re.sub(r"\s+", "", d.group(1))
        if full is not None and short != full.name:
            out.setdefault(short, full.name)
    names = {m.name for m in found}
    for short in names:  # 区征收办 = 区土地和房屋征收工作办公室: the short form's characters in order
        if not short.endswith("办"):
            continue  # _abbreviates(short, …) is False
        long = [n for n in names if _abbreviates(short, n)]
        if len(long) == 1 and short not in out:
            out[short] = long[0]
    return out


def _subsequence(a: str, b: str) -> bool:
    it = iter(b)
    return all(c in it for c in a)


def _abbreviates(short: str, full: str) -> bool:
    """``区征收办`` abbreviates ``区土地和房屋征收工作办公室``: same prefix, 办 for 办公室, the other
    characters of the short form in order in the full one (at least two, one pair adjacent)."""
    if not (short.endswith("办") and full.endswith("办公室")) or len(full) <= len(short) + 2:
        return False
    p = single_prefix(short)
    if p != single_prefix(full) or not p:
        return False
    core, body = short[1:-1], full[1:-3]
    if len(core) < 2 or len(core) > 4 or core in lexicon():
        return False
    return _subsequence(core, body) and any(core[k : k + 2] in body for k in range(len(core) - 1))


TITLE = re.compile(r"《[^《》]{1,150}》")
# words that follow the issuer at the head of a title (《X关于…》, 《X会议纪要》, 《X第59次常务会议纪要》)
TITLE_AFTER_ISSUER = ("关于", "会议", "第")


def _blank_title(m: re.Match) -> str:
    """The title's characters as non-name characters (same length: offsets stay), but for the
    issuers at its head (《浙江省物价局 浙江省财政厅关于…》): those are mentions."""
    t = m.group()
    k = min((i for i in (t.find(w) for w in TITLE_AFTER_ISSUER) if i > 2), default=1)
    keep = k
    return t[:keep] + "□" * (len(t) - keep - 1) + "》"


def find_orgs(text: str) -> list[OrgMatch]:
    """Every organisation mention in ``text``, list members with their shared prefix distributed; a
    short form the text defines (以下简称…) is read as the full name wherever it occurs. Names inside
    a 《title》 are part of the title (《中华人民共和国城乡规划法》), not mentions."""
    if "《" in text:
        text = TITLE.sub(_blank_title, text)
    found = _find(text)
    alias = _aliases(text, found)
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
PLACE_JOINS = ("以及", "、", "和", "及")


def _places_before(text: str, start: int, end: int) -> int:
    """Where a list of bare place names sharing the organ suffix of ``text[start:end]`` begins:
    东河区、九原区人民政府 -> the start of 东河区; ``start`` when the mention is no <place><organ> or
    the item before it is no bare place (财政局、九原区人民政府)."""
    if start < 3 or text[start - 1] not in "、和及":
        return start
    own = divisions.place_prefix(text[start:end])
    if not own or own == text[start:end] or not org_suffix(text[start:end]):
        return start
    while True:
        w = next((w for w in PLACE_JOINS if text.startswith(w, start - len(w))), "")
        j = start - len(w)
        k = next((k for k in range(min(j, 12), 1, -1) if bare_place(text[j - k : j])), 0) if w else 0
        if not k:
            return start
        start = j - k


BRACKETED_COMMA = re.compile(r"[（(〔][^）)〕]*、")  # a 、 inside brackets


def _find(text: str) -> list[OrgMatch]:
    out: list[OrgMatch] = []
    pos = 0
    taken = [pos]  # tells _candidates where to resume
    for start, end in _candidates(text, taken):
        if start < pos:
            continue
        while (
            start - 2 >= pos
            and text[start - 1] == "、"
            and single_prefix(text[start - 2 : start + 1])
            and not _place_ends(text, start - 1)
            and not text.endswith(ZONE_ENDS, 0, start - 1)
        ):
            start -= 2  # 省、市有关部门 (but not 固始县、光山县政府: 县 ends the place before)
        levels = LEVEL_LIST.match(text, start - 1) if start > pos and text[start - 1] == "各" else None
        if levels and start < levels.end() < end and org_suffix(text[start:end]):
            surface = text[start - 1 : end]  # 各旗、县、区人民政府: one collective, 各 over the list
            out.append(OrgMatch(surface, normalise_name(surface), start - 1, end))
            pos = taken[0] = end
            continue
        placed = _places_before(text, start, end)  # 固始县、光山县政府: both take 政府
        shared = pos <= placed < start
        if shared:
            start = placed
        tail = _list_tail(text, end)
        is_list = tail > end and (
            text[end] == "、" or org_suffix(ETC_TAIL.sub("", text[end + 1 : tail]) or "x")
        )
        if is_list or shared or "、" in text[start:end] and not BRACKETED_COMMA.search(text, start, end):
            for surface, name, a, b in _units(text[start:tail]):
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
        out.append(OrgMatch(surface, name, start, end))
        pos = taken[0] = end
    out = [m for m in out if _plausible(m.name) and not _qualified_place_word(text, m)]
    if "等" in text:
        out = _domain_lists(text, out)
    if "各地" in text:
        out = _localities(text, out)
    if "及其常委会" in text:
        out = _standing_committees(text, out)
    return out


def _standing_committees(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    """``市人大及其常委会``: 其常委会 is the standing committee of that congress (市人大常委会)."""
    extra = [
        OrgMatch("其常委会", m.name + "常委会", m.end + 1, m.end + 5)
        for m in found
        if m.name.endswith("人大") and text.startswith("及其常委会", m.end)
    ]
    return sorted(found + extra, key=lambda m: m.start) if extra else found


QUALIFIERS = ("有条件的", "有条件", "部分", "重点", "少数", "偏远")


def _qualified_place_word(text: str, m: OrgMatch) -> bool:
    """A bare 乡镇/镇 after a qualifier is a kind of place, not the townships as units
    (覆盖城市地区和有条件乡镇)."""
    return m.name in ("乡镇", "镇", "乡") and text.endswith(QUALIFIERS, 0, m.start)


# 各地 as the acting localities (各地要…, 鼓励各地建设…, 各地、各有关部门), not attributive (各地政府性
# 融资担保基金) nor 全国各地
LOCALITIES = re.compile(
    r"(?<!全国)(?<!世界)各地(?=[、，,；;]|要|可|应|结合|建设|整合|组织|加快|开展|因地制宜)"
)


def _localities(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    spans = [(m.start, m.end) for m in found]
    extra = [
        OrgMatch("各地", "各地", h.start(), h.end())
        for h in LOCALITIES.finditer(text)
        if not any(a < h.end() and h.start() < b for a, b in spans)
    ]
    return sorted(found + extra, key=lambda m: m.start) if extra else found


ETC_CLASS = re.compile(
    r"等(?:有关|相关)?(?:\d+个|多个|多家)?(?:大型|骨干|重点|省属|市属|区属|县属)?(部门|单位|组织|机构|融资平台|国有企业|国企)"
)
DOMAIN = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _domain_lists(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    """Bare fields of work listed before 等部门 (公安、财政、国土、交通、国税等部门人员): each names
    its bureau (name ``公安部门``); abbreviations listed before 等组织/等单位 (工青妇、残联) too."""
    from kg.resolve.org_identity import abbreviations, bureau_of_domain

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


@cache
def not_orgs() -> tuple[str, ...]:
    """Words ending like an organisation that are none (大局, 通办): kg/data/not_orgs.tsv."""
    lines = (DATA / "not_orgs.tsv").read_text(encoding="utf-8").splitlines()
    return tuple(w.strip() for w in lines if w.strip() and not w.startswith("#"))


HEAD_WORD = re.compile(r"^(中共|国家|中国)")
LEVEL_WORD = re.compile(r"(国家|[省市区县])?级")
# 市级人大, 区级政协 (办理市级人大建议和政协提案): the one congress / CPPCC of that level
LEVEL_ORGAN = re.compile(r"[省市区县]级(人大|政协)")


@lru_cache(maxsize=1 << 14)
def _plausible(name: str) -> bool:
    """Drop fragments and non-organisations: short bodies, 大局, 各单位, 与区财政局."""
    core = HEAD_WORD.sub("", name)
    if len(core) < 2 or core in (
        "部门",
        "单位",
        "各单位",
        "有关部门",
        "相关部门",
        "中心",
        "各政府",
        "各人民政府",
    ):
        return False
    if name.endswith(not_orgs()) and not _lexicon_tail(name):
        return False
    if name[0] in "与和及对" or LEVEL_WORD.match(name) and not LEVEL_ORGAN.match(name):
        return False
    if name.endswith(("城乡", "城镇")) and jurisdiction_prefix(name) == name[:-2]:
        return False  # 统筹县城乡发展, 新县城镇化: the words 城乡/城镇, no township (县古城乡 is one)
    return bool(org_suffix(name)) or name in lexicon() or name[-1] in "县旗区市州盟" and _place_only(name)


def _place_only(name: str) -> bool:
    """``name`` is a county/prefecture name and nothing more (达茂旗, 固阳县)."""
    j = divisions.lookup(name)
    return bool(j and j.level in ("prefecture", "county") and divisions.place_prefix(name) == name)

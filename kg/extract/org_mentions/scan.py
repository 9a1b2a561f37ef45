"""The scanner: single mentions (start, end) at a head, a place name, a collective or a bare unit,
ending at the longest organisation suffix before a stop word."""

from __future__ import annotations

import re
from functools import cache

from kg import data, divisions
from kg.extract.org_mentions.openings import openings
from kg.extract.org_mentions.passes import plausible
from kg.extract.org_mentions.words import (
    AFTER_BARE,
    AFTER_OWN,
    AFTER_PLACE_UNIT,
    ALIAS_OPEN,
    BARE_UNIT_START,
    BARE_ZONE_COMMITTEE,
    BOUNDARY_BY_LAST,
    BOUNDARY_LAST,
    BOUNDARY_PREV,
    COLLECTIVE,
    COLLECTIVE_FIRSTS,
    GROUP_WORDS,
    HEAD_FIRSTS,
    HEADS,
    LINK_CHARS,
    LIST_ETC,
    MAX_LEN,
    MODAL_ENDS,
    MODAL_RE,
    NAME_PUNCT,
    NOT_AFTER,
    NOT_PLACE_HEAD,
    OPENERS,
    PLACE_ACTS,
    PLACE_UNIT,
    PRE_WORD,
    STOP_BY_FIRST,
    STOP_CHARS,
    STOP_WORDS,
    STRONG,
    SUO_PARTICLE,
    WEAK_SUFFIXES,
    WHOLE_LEVEL_GROUP,
    char_class,
    cjk_chars,
    lexicon_firsts,
    lexicon_re,
)
from kg.names import SINGLE_PREFIXES, normalise_name, org_suffix, single_prefix, suffix_last_chars
from kg.word_bounds import is_word, splits_word


@cache
def _plain() -> tuple[frozenset[str], re.Pattern]:
    """The CJK characters where name_ends only steps on (no stop character, stop word, suffix end,
    bracket or 和/与/及), and a regex for a run of them."""
    special = STOP_CHARS | set(STOP_BY_FIRST) | suffix_last_chars() | set("和与及（）〔〕()")
    plain = cjk_chars() - special
    return plain, re.compile(char_class(plain) + "+")


def name_ends(text: str, i: int, body_start: int, max_len: int = MAX_LEN) -> list[int]:
    """Candidate end positions of a mention starting at ``i`` whose body starts at ``body_start``."""
    out, depth, j = [], 0, body_start
    limit = min(len(text), i + max_len)
    group = GROUP_AHEAD.match(text, body_start)
    if group and group.group(1) in STOP_WORDS:  # 省推进“三地一区”建设领导小组: the verb opens its name
        limit = min(len(text), max(limit, group.end() + GROUP_TAIL))
        j = body_start + len(group.group(1))
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
            and (not text.startswith(NOT_AFTER, j) or text.startswith(AFTER_OWN, j))
            and not (c == "所" and text.startswith(SUO_PARTICLE, j))
        ):
            if c in "和与及" or text[j - 2 : j] in ("委员",):
                continue
            out.append(j)
        if c in "和与及" and out and out[-1] == j - 1:
            break  # 区建设局和财政局: a list, not one name
        if c in "和与及" and not depth and _opens_name(text, j):
            break  # 中央和省委, 坚强领导和市委: the conjunction joins two units, no name runs over it
        if out and out[-1] == j and text[j : j + 1] == text[i] and single_prefix(text[j : j + 3]):
            if not text.startswith("监委", j + 1):
                break  # 省委省政府, 市委市政府: two names
        if out and out[-1] == j and text[j : j + 1] == text[i] and _repeats_place(text, i, j):
            break  # XX县人民政府XX县人民武装部 (a joint signature run on): two names
    return out


# a leading group named after its task (省推进…领导小组, 市创建…工作专班): a verb that would end a name
# opens it, when a group word follows in the same clause; the group's own units may follow (…办公室,
# …执行小组, …成员单位)
GROUP_AHEAD = re.compile(r"([\u4e00-\u9fff]{2})[\u4e00-\u9fff“”（）]{2,24}?(?:" + "|".join(GROUP_WORDS) + ")")
GROUP_TAIL = 16


def _repeats_place(text: str, i: int, j: int) -> bool:
    """The place name the mention at ``i`` opens with is printed again at ``j``: a name of its own
    starts there (a name does not repeat its own place)."""
    place = divisions.place_prefix(text[i : i + 12])
    return len(place) >= 2 and text.startswith(place, j)


# what opens an organisation name of its own after a conjunction (…和省委, …与中央网信办, …和政协)
OWN_NAME_HEADS = ("中央", "中共", "国务院", "各", "政协", "人大")


def _opens_name(text: str, j: int) -> bool:
    """An organisation name of its own starts at ``j`` (a level prefix before a name: 省委, 市政府; a
    central head, 各, 政协, 人大), so the 和/与/及 before it joins two units (住房和城乡建设局 runs on)."""
    return text.startswith(OWN_NAME_HEADS, j) or bool(single_prefix(text[j : j + 3]))


def _start_at(text: str, i: int) -> int | None:
    """Where the body starts if a mention may start at ``i`` (after its prefix), else None."""
    c = text[i]
    if c in HEAD_FIRSTS and text.startswith(HEADS, i):
        head = next(h for h in HEADS if text.startswith(h, i))
        if head == COUNTRY and _countries(text, i):
            return None
        return i + len(head)
    if c == WHOLE and WHOLE_LEVEL_GROUP.match(text, i):
        return i + 2  # 全市招商选资工作领导小组 (named 市…: passes._level_groups)
    if _inside_word(text, i):
        return None
    if text[i : i + 2] in divisions.place_starts():  # else no place_prefix
        place = divisions.place_prefix(text[i : i + 12])
        if place and not (len(place) == 2 and place[1] in "县区市旗" and _glued(text, i)):
            return i + len(place)
    if c in SINGLE_PREFIXES and single_prefix(text[i : i + 3]):
        return i + 1
    return None


WHOLE = "全"
COUNTRY = "国家"
# 国家 after these means countries, no national head (RCEP国家货物…, 沿线国家, 东盟国家)
COUNTRIES_AFTER = ("沿线", "成员", "周边", "伙伴", "发达", "发展中", "东盟", "欧盟")


def _countries(text: str, i: int) -> bool:
    """``国家`` at ``i`` is the noun countries: after a Latin name (RCEP, APEC) or a group of them."""
    prev = text[i - 1 : i]
    return prev.isascii() and prev.isalpha() or text.endswith(COUNTRIES_AFTER, 0, i)


def place_ends(text: str, i: int) -> bool:
    """A place name of two or more characters ends at ``i`` (固始县, 达茂旗, 伊旗, 昆都仑区)."""
    return any(divisions.lookup(text[i - k : i]) for k in range(2, min(i, 9) + 1))


def _glued(text: str, i: int) -> bool:
    """A one-character county name at ``i`` read off the end of the word before (办理县人大: 理县,
    管理县直单位): a CJK character before it and no clause boundary."""
    return i > 0 and "\u4e00" <= text[i - 1] <= "\u9fff" and not _boundary(text, i)


def _inside_word(text: str, i: int) -> bool:
    """A prefix character glued to the previous word: 全区, 城区, 本市, 社区."""
    return i > 0 and text[i - 1] in PRE_WORD


def _boundary(text: str, i: int) -> bool:
    """A clause boundary before ``i``: start, punctuation, space, or a stop word / char."""
    prev = text[i - 1] if i else ""
    if not prev or not "\u4e00" <= prev <= "\u9fff" or prev in STOP_CHARS or prev in "和与及":
        return True
    return prev in BOUNDARY_LAST and text.endswith(BOUNDARY_BY_LAST[prev], 0, i)


LEVEL_CHARS = SINGLE_PREFIXES + "州盟"  # a level's one-character prefix (州 and 盟 where they govern)


def _bare_unit(text: str, i: int) -> bool:
    """A bare name at a boundary that reads as a unit: ends in 局/厅/委/部 … and is followed by a
    list separator or 负责/牵头/配合 (（财政部、工业和信息化部负责）)."""
    if not BARE_UNIT_START.match(text, i):
        return False
    if i and text[i - 1].isdigit():
        return False  # 于2024年5月底前报商务部: a name never starts inside a date
    if text[i + 1 : i + 2] in LEVEL_CHARS and not is_word(text[i : i + 2], 100):
        return False  # 已经市委、市政府同意: 经 before 市委, no unit 经市委 (城市管理局 is one)
    for j in name_ends(text, i, i, 10):
        if "\n" in text[i:j]:
            break  # a bare name stands on one line (保障措施 / 区财政局要…: a heading, then a name)
        if _prefixed_inside(text, i, j):
            return False  # 全年共保障市委、市政府: the name starts at 市委, not at 共
        if text[i:j].endswith(GROUP_WORDS) and j - i >= 6:
            return True
        if text[i:j].endswith(STRONG):
            if j == len(text) or text[j] in "、，,；;）)" or text.startswith(AFTER_BARE, j):
                return True
            if text[i:j].endswith(MODAL_ENDS) and MODAL_RE.match(text, j):
                return True
    return False


def _prefixed_inside(text: str, i: int, j: int) -> bool:
    """A level's name (市委, 县政府) starts at a word boundary inside the bare run ``text[i:j]``: the run
    is words before a name, no name (城市管理局: 市 inside the word 城市)."""
    return any(
        single_prefix(text[k : k + 3]) and not splits_word(text, k) and org_suffix(text[k:j])
        for k in range(i + 2, j - 1)
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
    return any(org_suffix(text[j:e]) and e - j >= 2 for e in name_ends(text, j, j))


# verbs that join a unit to the one named just before it (X会同Y, X配合Y): kg/data/task_cues.tsv
JOIN_VERBS = tuple(r[0] for r in data.rows("task_cues.tsv") if len(r) > 1 and r[1] == "verb")


def candidates(text: str, taken: list[int] | None = None):
    """(start, end) of single mentions, longest first per start. ``taken[0]``, when given, is where
    the caller's last mention ended: no candidate starts before it (the caller would drop it)."""
    lex, lex_firsts = lexicon_re(), lexicon_firsts()
    place_starts = divisions.place_starts()
    taken = taken or [0]
    for i in openings(text, taken):
        c = text[i]
        if not "\u4e00" <= c <= "\u9fff":
            continue
        prev = text[i - 1] if i else ""
        if i and taken[0] == i and text.startswith(JOIN_VERBS, i):
            continue  # 县应急管理局会同县消防救援大队: the verb 会同 after a name, not 会同县
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
            ends = name_ends(text, i, s)
            if ends:
                yield i, _longest_plausible(text, i, ends)
                break
        else:
            headed = lm and c in HEAD_FIRSTS and b is not None and lm.end() - i >= 3
            if (bound or headed) and lm and not text.startswith(NOT_AFTER, lm.end()):
                yield i, lm.end()  # 国务院, 党中央: a name with no suffix of its own
            elif b is not None and (bound or text.endswith(SUPPORTS, 0, i)):
                place = _acting_place(text, i)
                if place:
                    yield i, i + len(place)  # 交由达茂旗牵头落实: the banner's government


def _longest_plausible(text: str, i: int, ends: list[int]) -> int:
    """The longest end whose name reads as an organisation (市中医院 in 市中医院老院区社会办医, 自治区政府
    in 自治区政府统一协同办公业务平台: the longer run ends in a suffix character but is no name);
    ``ends[-1]`` when none does (a list, checked later)."""
    if len(ends) > 1 and not plausible(normalise_name(text[i : ends[-1]])):
        for e in reversed(ends[:-1]):
            name = normalise_name(text[i:e])
            row = org_suffix(name)
            if row and len(row[0]) >= 2 and row[0] not in WEAK_SUFFIXES and name[0] != "各":
                return e if plausible(name) else ends[-1]
    return ends[-1]


SUPPORTS = tuple(w for w, kind in data.rows("place_acts.tsv") if kind == "support")
SUPPORTED_ACTS = tuple(w for w, kind in data.rows("place_acts.tsv") if kind == "acts")


def _acting_place(text: str, i: int) -> str:
    """A bare county/prefecture name acting as a unit (达茂旗牵头, 固阳县负责; 支持白云区打造…: the
    object of a verb of support opening its own predicate): the name, else ''."""
    place = divisions.place_prefix(text[i : i + 12])
    if not place:
        return ""
    after = i + len(place)
    supported = text.endswith(SUPPORTS, 0, i) and text.startswith(SUPPORTED_ACTS, after)
    if not supported and not text.startswith(PLACE_ACTS, after):
        return ""
    j = divisions.lookup(place)
    if len(place) < 2 or place[-1] not in "县旗区市州盟" or not j or j.level not in ("prefecture", "county"):
        return ""
    return place


def list_tail(text: str, end: int) -> int:
    """Extend a mention ending at ``end`` over a list of bare units: 、建设局、农业农村局等部门."""
    while end < len(text) and text[end] in "、和及与":
        step = 2 if text.startswith("以及", end) else 1
        nxt = end + step
        ends = name_ends(text, nxt, nxt)
        if not ends:
            break
        end = ends[-1]
    m = LIST_ETC.match(text, end)
    return m.end() if m else end

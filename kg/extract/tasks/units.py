"""Unit lists in task text: which names are organisations, and where a clean list of them is
written (before a verb, after a preposition, opening a clause)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from kg import data
from kg.extract.org_mentions import find_orgs
from kg.extract.outline import Compact, item_number
from kg.extract.tasks.clauses import clause_end, clause_start, flat_index
from kg.extract.tasks.cues import (
    alternation,
    collective_re,
    nonorg_words,
    predicate_re,
    split_verbs,
    subject_prefixes,
    word_chars,
    word_list,
)
from kg.models import UnitMatch
from kg.names import SINGLE_PREFIXES, org_suffix, split_units


def is_org(name: str) -> bool:
    """An organisation-like name: ends in an organ suffix and is no generic private class, or
    names the governments of a level without a suffix (``各地``, ``地方``, ``各市（州）``)."""
    if len(name) < 2 or name.endswith(nonorg_words()):
        return False
    return (
        org_suffix(name) is not None or collective_re().fullmatch(name) is not None or branch_of(name) != ""
    )


BRANCH = ("分支机构", "派出机构")


def branch_of(name: str) -> str:
    """The organ whose branch ``name`` is (``国务院金融管理部门派出机构`` -> 国务院金融管理部门), or
    "": a 分支机构 / 派出机构 is a public body only after the name of one."""
    if not name.endswith(BRANCH) or len(name) < 7:
        return ""
    head = name[:-4]
    return head if is_org(head) else ""


@lru_cache(maxsize=1 << 16)
def _split(flat: str) -> tuple[tuple[str, str, int, int], ...]:
    """split_units(flat) as (surface, name, start, end) of its non-empty units, memoised: the
    prose rules ask for the same few spans again and again."""
    out: list[tuple[str, str, int, int]] = []
    etc = CLASS_TAIL.search(flat) is not None
    for u in split_units(flat, 0):
        if u.end > u.start:
            out += _split_joined(u.surface, u.name, u.start, u.end, etc)
    return tuple(_share_class_head(out) if not etc and len(out) >= 2 else out)


@lru_cache(maxsize=1 << 14)
def _bare_function(name: str) -> bool:
    """A function name with no organ suffix and no class head (网信, 电信主管)."""
    return (
        FUNCTION_NAME.match(name) is not None
        and name not in BRANCH
        and not is_org(name)
        and not class_name(name)
    )


def _share_class_head(units: list[tuple[str, str, int, int]]) -> list[tuple[str, str, int, int]]:
    """Function names before a last class name share its head word: ``网信、电信主管和公安部门`` ->
    网信部门, 电信主管部门, 公安部门 (the surface stays as printed); only when every earlier
    unit is a bare function name (no organ suffix)."""
    head = next((h for h in word_list("class_head") if units[-1][1].endswith(h)), None)
    if head is None or not class_name(units[-1][1]):
        return units
    if not all(_bare_function(nm) for _, nm, _, _ in units[:-1]):
        return units
    return [(sf, nm + head, us, ue) for sf, nm, us, ue in units[:-1]] + units[-1:]


@cache
def _joined_stems() -> tuple[str, ...]:
    """Organ names whose function is two words joined by 和 (自然资源和规划局, 工业和信息化部)."""
    names = data.words("departments.tsv") + data.words("national_orgs.tsv")
    return tuple(n for n in names if "和" in n)


def _one_function(left: str, right: str, joiner: str) -> bool:
    """``left`` 和 ``right`` name one function (工业和信息化部门, 住房和城乡建设部门): an organ name opens so."""
    head = next((h for h in word_list("class_head") if right.endswith(h)), "")
    stem = left + joiner + right[: len(right) - len(head)]
    return any(n.startswith(stem) for n in _joined_stems())


JOINER = re.compile(r"以及|和|及")
BARE_CLASS = re.compile(r"^(?:各|有关|相关|其他)|^(?:部门|单位|机构)$")


def _split_joined(sf: str, nm: str, us: int, ue: int, etc: bool) -> list[tuple[str, str, int, int]]:
    """A unit the name splitter left joined by 和/及/以及 whose parts are each a named organ
    (``财政局和税务局``), or a named organ and a function name in a list closed by 等部门 (``国家外汇局和网信等部门``);
    a name whose left part is no organ stays whole (``工业和信息化部``, ``住房和城乡建设局``), and
    so does a collective (``各有关部门和单位``)."""
    if sf != nm or ue - us != len(sf):
        return [(sf, nm, us, ue)]
    for m in JOINER.finditer(nm):
        left, right = nm[: m.start()], nm[m.end() :]
        if "等" in left or not (
            left in BRANCH or (len(left) >= 3 and not BARE_CLASS.search(left) and is_org(left))
        ):
            continue
        if BARE_CLASS.search(right):
            if left not in BRANCH and class_name(right) and len(right) <= 4:  # 人民政府及有关部门
                return [(left, left, us, us + m.start()), (right, right, us + m.end(), ue)]
            continue
        head = branch_of(left)
        if head and right in BRANCH:  # 国务院金融管理部门分支机构和派出机构: the branches share the head
            return [(left, left, us, us + m.start()), (right, head + right, us + m.end(), ue)]
        if (len(right) >= 3 and is_org(right)) or (etc and FUNCTION_NAME.match(right) and not is_org(right)):
            return [(left, left, us, us + m.start())] + _split_joined(right, right, us + m.end(), ue, etc)
    m = JOINER.search(nm)
    if not etc and m is not None:  # 电信主管和公安部门: a function name joined to a class name
        left, right = nm[: m.start()], nm[m.end() :]
        if (
            FUNCTION_NAME.match(left)
            and not is_org(left)
            and not BARE_CLASS.search(left)
            and class_name(right)
            and not _one_function(left, right, m.group())
        ):
            return [(left, left, us, us + m.start()), (right, right, us + m.end(), ue)]
    return [(sf, nm, us, ue)]


def units_in(c: Compact, a: int, b: int) -> list[UnitMatch]:
    """The units listed in compact ``s[a:b]`` (line breaks inside names joined), original offsets."""
    seg = c.s[a:b]
    pos = c.pos
    if "\n" not in seg:
        units = [UnitMatch(sf, nm, pos[a + us], pos[a + ue - 1] + 1) for sf, nm, us, ue in _split(seg)]
    else:
        idx = [i for i in range(a, b) if c.s[i] != "\n"]
        flat = seg.replace("\n", "")
        units = [UnitMatch(sf, nm, pos[idx[us]], pos[idx[ue - 1]] + 1) for sf, nm, us, ue in _split(flat)]
    return [_as_printed(c, u) for u in units]


def _as_printed(c: Compact, u: UnitMatch) -> UnitMatch:
    """A bare function name (``网信`` in ``网信、公安等部门``, also when a shared head gave it one) is
    named as the text prints that class (``网信部门`` printed elsewhere), else as printed here: one
    name per class within a text; a function name with no class printed may be an organ of the
    issuer's place (``公安`` in a city's plan), for the resolver to say."""
    tail = u.name[len(u.surface) :] if u.name.startswith(u.surface) else None
    if tail is None or (tail and tail not in word_list("class_head")) or not _bare_function(u.surface):
        return u
    got = c.memo.setdefault("class_as_printed", {})
    name = got.get(u.surface)
    if name is None:
        name = got[u.surface] = next(
            (u.surface + h for h in word_list("class_head") if u.surface + h in c.s), u.surface
        )
    return u if name == u.name else UnitMatch(u.surface, name, u.start, u.end)


def all_orgs(units: list[UnitMatch]) -> bool:
    """A plausible unit list of an explicit marker: the first is organisation-like, none is long or
    a generic private class (a named company, ``中国出口信用保险公司安徽分公司``, is a unit)."""
    if not units or not (
        is_org(units[0].name) or units[0].name.startswith("各") or named_class(units[0].name)
    ):
        return False
    return all(
        len(u.name) <= 24 and (not u.name.endswith(nonorg_words()) or named_class(u.name)) for u in units
    )


def named_class(name: str) -> bool:
    """A name that ends in a generic class word (公司, 企业) after a proper name of four or more
    characters: one body (``国网安徽省电力有限公司``), not the class (``各类企业``, ``相关企业``)."""
    word = next((w for w in nonorg_words() if name.endswith(w)), None)
    if word is None or len(name) - len(word) < 4:
        return False
    return not name.startswith(word_list("generic_modifier"))


_ETC = f"等{alternation('related')}?{alternation('class_noun')}"  # X、Y等有关部门
CLASS_TAIL = re.compile(f"{_ETC}$")
ETC_CLASS = re.compile(_ETC)
FUNCTION_NAME = re.compile(r"^[\u4e00-\u9fff]{2,6}$")
GROUP_JOIN = re.compile(rf"{_ETC}(?=(?:以及|[和及、]).)")


def _function_list(units: list[UnitMatch], text: str) -> bool:
    """Departments named by their function before a class word: ``公安、市场监管、城管执法等部门``,
    also after named ones (``中国人民银行、公安部和网信等部门``)."""
    return (
        len(units) >= 2
        and CLASS_TAIL.search(text) is not None
        and all(
            is_org(u.name) or (FUNCTION_NAME.match(u.name) and not u.name.endswith(nonorg_words()))
            for u in units
        )
    )


def _clean_list(units: list[UnitMatch], text: str) -> bool:
    """Every unit organisation-like (or a function-named list before 等部门) and nothing but
    separators left over in ``text`` (task_words.tsv leftover)."""
    if not units or not (
        all(is_org(u.name) or class_name(u.name) for u in units) or _function_list(units, text)
    ):
        return False
    if any(w in u.name for u in units for w in word_list("not_in_name")):
        return False
    rest = text
    for u in units:
        rest = rest.replace(u.surface, "", 1)
    leftover = word_chars("leftover")
    return all(ch in leftover for ch in rest)


def clean_units(c: Compact, a: int, b: int) -> list[UnitMatch]:
    """:func:`units_in` ``s[a:b]`` when they make a clean list (:func:`_clean_list`), else []."""
    seg = c.s[a:b]
    if "\n" in seg:  # a line break is never left over
        return []
    if _clean_text(seg):
        return defined_names(c, share_head(units_in(c, a, b)))
    return _joined_groups(c, a, b) if "等" in seg else []


# the one-character level prefixes of kg.names, and 州/盟 (自治州, 盟), which kg.names' list leaves out
LEVEL_CHARS = SINGLE_PREFIXES + "州盟"
LEVEL = re.compile(f"[{LEVEL_CHARS}]" + r"(?:[（(][^）)]{1,8}[）)])?")


def share_head(units: list[UnitMatch]) -> list[UnitMatch]:
    """Bare levels before a named body share its head: ``州、县（市）人民政府`` -> 州人民政府,
    县（市）人民政府 (the surface stays as printed). :func:`kg.names.split_units` does this for
    the levels of its SINGLE_PREFIXES and for place names; here only the levels it leaves bare
    (州, 盟, a level with an alternative in brackets) are left to give their head."""
    if len(units) < 2:
        return units
    units = _share_branch_head(units)
    last = LEVEL.match(units[-1].name)
    if last is None or last.end() == len(units[-1].name):
        return units
    head = units[-1].name[last.end() :]
    return [
        UnitMatch(u.surface, u.name + head, u.start, u.end) if LEVEL.fullmatch(u.name) else u for u in units
    ]


def _share_branch_head(units: list[UnitMatch]) -> list[UnitMatch]:
    """A bare ``派出机构`` after ``X分支机构`` in a list is X's: ``国务院金融管理部门分支机构、派出机构``."""
    out = units[:1]
    for u in units[1:]:
        head = branch_of(out[-1].name)
        if head and u.name in BRANCH:
            u = UnitMatch(u.surface, head + u.name, u.start, u.end)
        out.append(u)
    return out


def _joined_groups(c: Compact, a: int, b: int) -> list[UnitMatch]:
    """Two classes joined: ``区住建局、财政局等部门和各镇（街道）等单位`` (also by 以及) -> each
    closed list in turn. Only named organisations: a function name (自规, 国企) would stay a node of its own."""
    out: list[UnitMatch] = []
    k = a
    for m in GROUP_JOIN.finditer(c.s, a, b):
        if not _clean_text(c.s[k : m.end()]):
            return []
        out += units_in(c, k, m.end())
        k = m.end() + (2 if c.s.startswith("以及", m.end()) else 1)
    if not out or not _clean_text(c.s[k:b]):
        return []
    out += units_in(c, k, b)
    return out if all(is_org(u.name) or class_name(u.name) for u in out) else []


@lru_cache(maxsize=1 << 16)
def _clean_text(seg: str) -> bool:
    """``seg`` (no line break) is a clean unit list, memoised like :func:`_split`."""
    return _clean_list(share_head([UnitMatch(sf, nm, us, ue) for sf, nm, us, ue in _split(seg)]), seg)


NUM = "一二三四五六七八九十百零〇0-9０-９"
# an article of a 办法/条例 (``第八条``), after the chapter heading that opens the first article of a
# chapter when line breaks are gone (``第二章规划建设第八条``)
ARTICLE = re.compile(
    rf"(?:第[{NUM}]{{1,4}}[章节][^，,。；;：:第\n]{{0,20}}?)?第[{NUM}]{{1,5}}条(?:之[{NUM}]{{1,2}})?"
)


def past_number(c: Compact, lo: int, hi: int) -> int:
    """Past the item number or article number (``二、``, ``（三）``, ``第八条``) opening ``s[lo:hi]``."""
    m = ARTICLE.match(c.s, lo, hi)
    if m is not None:
        return m.end()
    num = item_number(c.s[lo:hi])
    return lo + (len(num[1]) if num else 0)


@cache
def _lead_in() -> re.Pattern:
    return re.compile("^" + alternation("lead_in"))


def lead_in(s: str) -> re.Match | None:
    """The word that opens a clause before its agent list (``由``, ``并由``, ``同时``)."""
    return _lead_in().match(s)


@cache
def _trail_adv() -> re.Pattern:
    return re.compile(alternation("trailing_adverb") + "+$")


def subject_before(c: Compact, verb: int) -> list[UnitMatch]:
    """The unit list written just before ``verb`` in its clause (``由区建设局、财政局`` -> both),
    past an item number that opens the clause (``二、县水利局负责…``, ``（三）市教育局负责…``)."""
    lo = clause_start(c, verb)
    lo = past_number(c, lo, verb)
    window = _trail_adv().sub("", c.s[lo:verb])
    hi = lo + len(window)
    agent = _agent_after(c, lo, hi)
    if agent:
        return agent
    prepositions = word_chars("preposition")
    for k in range(lo, hi - 1):
        cand = c.s[k:hi]
        m = lead_in(cand)
        a = k + (m.end() if m else 0)
        if a >= hi or c.s[a] in "、，,":
            continue
        units = clean_units(c, a, hi)
        if units:
            return [] if k > lo and c.s[k - 1] in prepositions else units
    return []


@cache
def _agent_mark() -> re.Pattern:
    return re.compile(r"(?<!自)由(?!于)|" + alternation("delegate"))


def _agent_after(c: Compact, lo: int, hi: int) -> list[UnitMatch]:
    """The units after the last agent mark of ``s[lo:hi]``: ``本办法由X`` (由 names the agent),
    ``州人民政府授权X`` (the duty moved to X by the text itself; task_words.tsv delegate)."""
    last = None
    for m in _agent_mark().finditer(c.s, lo, hi):
        last = m
    if last is None or last.start() == lo:
        return []
    return clean_units(c, last.end(), hi)


def list_after(c: Compact, pos: int, limit: int = 80) -> tuple[list[UnitMatch], int]:
    """The longest unit list that starts at ``pos`` (``会同区自然资源分局、综合执法局等部门对…``)."""
    end = clause_end(c.s, pos)
    for b in range(min(end, pos + limit), pos + 1, -1):  # longest first
        if b < end and c.s[b] == "、":
            continue  # the list runs on
        if c.s[b - 1 : b + 1] in split_verbs():
            continue  # a verb opens on the name's last character (``区自然资源分局办理``)
        units = clean_units(c, pos, b)
        if units:
            return units, b
    return [], pos


def flat_org_starts(c: Compact) -> frozenset[int]:
    """Where (original offsets) the organisation finder sees a mention begin in ``c`` (once per text)."""
    got = c.memo.get("org_starts")
    if got is None:
        got = c.memo["org_starts"] = frozenset(c.pos[o.start] for o in find_orgs(c.s))
    return got


def class_name(name: str) -> bool:
    """A class of public bodies named by its function (``网信部门``, ``电信主管部门``, ``审判机关``,
    ``其他有关部门``): a class head after at least two characters, with no verb in front
    (task_words.tsv not_name_opening) and a collective word (有关, 相关) only at the start."""
    head = next((h for h in word_list("class_head") if name.endswith(h)), None)
    if head is None or not 2 <= len(name) - len(head) <= 6 or name.startswith(word_list("not_name_opening")):
        return False
    body = name[: -len(head)]
    if predicate_re().match(body):
        return False  # a verb phrase: 制定跨部门, 进一步拓展部门
    for w in word_list("collective_word"):
        k = body.find(w)
        if k > 0 and body[:k] not in word_list("collective_word"):
            return False
    return "由" not in body and "经" not in body


DEFINED = re.compile(r"(?:以下简称|以下统称|下称|简称)[“\"]?([^”\"）)，,、]{2,20})[”\"]?[）)]")


def defined_terms(c: Compact) -> frozenset[str]:
    """The short names the text defines (``…事业单位和社会组织（以下简称政务部门）``): each names
    a body of the text's own (once per text)."""
    got = c.memo.get("defined")
    if got is None:
        got = c.memo["defined"] = frozenset(m.group(1) for m in DEFINED.finditer(c.s))
    return got


LEVEL_OF = re.compile(f"[{LEVEL_CHARS}]级")


def defined_names(c: Compact, units: list[UnitMatch]) -> list[UnitMatch]:
    """A defined term after a collective word names the defined body (``其他政务部门``,
    ``有关政务部门`` -> 政务部门 where the text defines 政务部门), after a level the departments of
    that level (``州级政务部门`` -> 州级各部门); the surface stays as printed."""
    terms = defined_terms(c) if "简称" in c.s or "下称" in c.s or "统称" in c.s else ()
    if not terms:
        return units
    out = []
    for u in units:
        w = next((w for w in word_list("collective_word") if u.name.startswith(w)), None)
        lv = LEVEL_OF.match(u.name)
        if w is not None and u.name[len(w) :] in terms:
            u = UnitMatch(u.surface, u.name[len(w) :], u.start, u.end)
        elif lv is not None and u.name[lv.end() :] in terms and u.name.endswith("部门"):
            u = UnitMatch(u.surface, lv.group() + "各部门", u.start, u.end)  # 州级政务部门 = 州级各部门
        out.append(u)
    return out


def named_subject(
    c: Compact, units: list[UnitMatch], org_starts: frozenset[int] | None, classes: bool = True
) -> bool:
    """The list opens with a real organisation name, not a verb phrase the splitter let through
    (``激发领导干部``, ``推动国家…中心``): the organisation finder starts a mention there, the
    name begins with a level prefix or a collective word (kg/data/task_cues.tsv subject_prefix), the
    text defines it, or (``classes``) it names a class of public bodies (:func:`class_name`).
    ``org_starts``: the finder's mention starts (original offsets), None to run it here."""
    first = units[0]
    if first.name.startswith(subject_prefixes()) or (classes and class_name(first.name)):
        return True
    group = next((w for w in word_list("group_of_bodies") if first.name.endswith(w)), None)
    if group is not None and len(first.name) - len(group) <= 3:  # 全系统各单位, not 鼓励和支持各单位
        return True
    if first.name in defined_terms(c):
        return True
    tail = c.s[flat_index(c, units[-1].end) : flat_index(c, units[-1].end) + 6]
    if not is_org(first.name) and ETC_CLASS.match(tail) is not None:
        return True
    if len(units) >= 2 and _bare_function(first.surface) and classes and class_name(units[-1].name):
        return True  # 网信、电信主管和公安部门: function names sharing the last one's class head
    if org_starts is None:  # last: it runs the organisation finder on the text
        org_starts = flat_org_starts(c)
    return first.start in org_starts

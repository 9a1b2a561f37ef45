"""Rules on a unit list that opens its clause: X应当/要/将… (a modal of obligation) and X + a
duty predicate (属地镇（街道）支付…, 区建设局、发改局等相关部门，对…实施联合审查)."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from kg.extract.outline import Compact
from kg.extract.tasks.clauses import CLAUSE_END, clause_end, clause_start, label_from, sentence_span
from kg.extract.tasks.cues import (
    alternation,
    cues,
    duty_verbs,
    first_chars,
    modal_re,
    no_verb_at,
    predicate_re,
    verb_cue,
    word_list,
)
from kg.extract.tasks.prose.record import Reading, Rule, adverbial_clause, predicate_label, prose_task
from kg.extract.tasks.units import CLASS_TAIL, clean_units, lead_in, list_after, named_subject, past_number
from kg.models import UnitMatch

# 要求 after 按/照/有关/相关/的 is the noun (按相关要求予以审核), not a meeting's appeal
NOUN_BEFORE = r"(?<![按照关的等级项])"
CLAUSE_OPENING = re.compile(r"(?<![^。；;！？\n，,：:])(?=[^\s。；;！？，,：:])")  # at 0 or after a stop
QUOTED = re.compile(r"[“”\"《》了]")  # never inside a unit name
LEADS = re.compile(f"{alternation('lead_adverb')}?{alternation('lead_role_verb')}?{verb_cue('lead')}")
# 2021年，X严格… / 全年… reports a year's work
NARRATION = re.compile(rf"\d{{4}}\s*年(?:[，,]|{alternation('after_year')})|{alternation('whole_year')}")


@cache
def appeal_re(name: str) -> re.Pattern:
    """A meeting's appeal (task_words.tsv ``exhort`` / ``appeal``); 要求 only where it is a verb."""
    return re.compile("|".join(NOUN_BEFORE + w if w == "要求" else re.escape(w) for w in _in_order(name)))


def _in_order(name: str) -> list[str]:
    """The words of list NAME with 要求 first (its look-behind must apply to it alone)."""
    words = list(word_list(name))
    return sorted(words, key=lambda w: w != "要求")


@cache
def _generic_subject() -> re.Pattern:
    return re.compile("^" + alternation("generic_subject"))


def _modal(c, items, m, org_starts) -> Reading | None:
    """``X应当/要/将…`` with X a unit list opening its clause (``各镇（街道）应当…``)."""
    v = m.start()
    lo = clause_start(c, v)
    lo = past_number(c, lo, v)
    head = lead_in(c.s[lo:v])
    a = lo + (head.end() if head else 0)
    if v - a < 2 or no_verb_at(c.s, m.end(), "modal"):
        return None
    sentence = c.s[clause_start(c, v, CLAUSE_END) : a]
    if appeal_re("exhort").search(sentence):
        return None
    if "的" in c.s[a:v]:  # 新成立的区征收办要…: the head after the attribute
        a = c.s.rfind("的", a, v) + 1
    units = clean_units(c, a, v)
    if not units:
        return None
    appeal = m.group(0) == "要" and any(_generic_subject().match(u.name) for u in units)
    if (
        appeal
        and not c.s.startswith(
            word_list("preposition_opening") + word_list("by_verb"), _past_manner(c, m.end())
        )
        and not _delivers(c, m.end())
    ):
        return (
            None  # 各地要高度重视… / 切实加强领导: an appeal; 要结合…建立 / 要对…进行 / 要…报送 assigns work
        )
    label = predicate_label(c, m.end())
    if len(label) < 2 or not named_subject(c, units, org_starts):  # the costly test last
        return None
    if LEADS.match(label):  # X将继续发挥牵头抓总作用 / X要牵头…
        return Reading(prose_task(c, items, v, label, lead=units), appeal=appeal)
    told, label = _pivot(c, m.end(), label)
    return Reading(prose_task(c, items, v, label, responsible=units + told), appeal=appeal)


def _past_manner(c: Compact, a: int) -> int:
    """Past the manner adverbs at ``a`` (认真组织实施 -> 组织实施)."""
    words = word_list("manner_adverb")
    while c.s.startswith(words, a):
        a += next(len(w) for w in words if c.s.startswith(w, a))
    return a


def _delivers(c: Compact, a: int) -> bool:
    """The clause from ``a`` names a deliverable (填写登记表并上报, 及时报送…情况)."""
    z = clause_end(c.s, a)
    return any(w in c.s[a:z] for w in word_list("deliver_verb"))


@cache
def _pivot_re() -> re.Pattern:
    return re.compile(alternation("pivot_adverb") + "?" + alternation("pivot_verb"))


def _pivot(c: Compact, a: int, label: str) -> tuple[list[UnitMatch], str]:
    """``X应书面通知Y、Z等部门，在…暂停办理…``: the units told (责成, 督促) to act share the duty,
    which is the clause after them. Only a list closed by 等部门/等单位 and a comma is read so."""
    p = _pivot_re().match(c.s, a)
    if p is None:
        return [], label
    units, b = list_after(c, p.end())
    if not units or CLASS_TAIL.search(c.s, p.end(), b) is None or c.s[b : b + 1] not in ("，", ","):
        return [], label
    rest = label_from(c, b + 1)
    return (units, rest) if len(rest) >= 2 else ([], label)


def _subject_list(c: Compact, pos: int, limit: int = 80) -> tuple[list[UnitMatch], int]:
    """The shortest clean unit list from ``pos`` that a duty predicate follows (directly, or after
    ``等部门，``): the shortest, as a name may run on into its predicate (``…执法局统一行使…处``)."""
    s = c.s
    end = clause_end(s, pos)
    hi = min(end, pos + limit)  # the last end ``b`` to try
    # only an end where a predicate starts (or a comma, after ``等部门``) can succeed
    starts = _predicate_starts(c)
    first = bisect_left(starts, pos + 2)
    if (first == len(starts) or starts[first] > hi) and not _etc_comma(s, pos, hi):
        return [], pos
    # the modal and verb rules read the clause from the first modal / 负责 / 牵头 / 会同 on
    stop, width = _stop_re()
    m = stop.search(s, pos + 2, hi + width)
    if m is not None and m.start() <= hi:
        hi = m.start() - 1
    q = QUOTED.search(s, pos, hi)  # never inside a unit name
    if q is not None:
        hi = q.start()
    if hi < pos + 2:
        return [], pos
    cands = starts[first : bisect_left(starts, hi + 1)]
    if _etc_comma(s, pos, hi):
        cands.append(hi)
    not_predicate = word_list("not_predicate")
    for b in cands:
        if b < len(s) and s[b] == "、":
            continue
        p = b + 1 if s[b : b + 1] in "，," and "等" in s[pos:b] else b
        if not predicate_re().match(s, p) or s.startswith(not_predicate, p):
            continue
        units = clean_units(c, pos, b)
        if units:
            return units, p
    return [], pos


def _etc_comma(s: str, pos: int, b: int) -> bool:
    """``s[pos:b]`` is a list closed by 等… and a comma at ``b`` (``区建设局、发改局等相关部门，对…``)."""
    return s[b : b + 1] in ("，", ",") and "等" in s[pos:b]


@cache
def _stop_re() -> tuple[re.Pattern, int]:
    """Modal words and the duty cue verbs (where :func:`_subject_list` stops), their longest length."""
    words = [w for w, _ in cues()["modal"]] + list(duty_verbs())
    return re.compile("|".join(re.escape(w) for w in words)), max(len(w) for w in words)


def _predicate_starts(c: Compact) -> list[int]:
    """Every offset of ``c.s`` where :func:`predicate_re` matches, in order (once per text)."""
    got = c.memo.get("predicate_starts")
    if got is None:
        got = c.memo["predicate_starts"] = [m.start() for m in _predicate_scan().finditer(c.s)]
    return got


@cache
def _predicate_scan() -> re.Pattern:
    """A zero-width match at every start of :func:`predicate_re`, tried only where one of its
    words can begin (when the cue patterns are plain word lists)."""
    first = first_chars([w for w, _ in cues()["predicate"]])
    gate = f"(?=[{re.escape(first)}])" if first else ""
    return re.compile(f"{gate}(?=(?:{predicate_re().pattern}))")


def _subject(c, items, m, org_starts) -> Reading | None:
    """A unit list opening its clause followed by a duty predicate: ``属地镇（街道）支付…``,
    ``区房屋征收部门根据…制定…``, ``区建设局、发改局等相关部门，对…实施联合审查``."""
    lo = m.start()
    lo = past_number(c, lo, clause_end(c.s, lo))
    if c.s[lo : lo + 1] in word_list("clause_preposition"):
        return None
    units, b = _subject_list(c, lo)
    if not units:
        return None
    a, z = sentence_span(c, b)
    if appeal_re("appeal").search(c.s[a:lo]) or "了" in c.s[b:z] or NARRATION.search(c.s, a, lo):
        return None  # a meeting's appeal, or work reported as done
    label = predicate_label(c, b)
    if len(label) < 2 or not named_subject(c, units, org_starts):  # the costly test last
        return None
    if (
        c.s.startswith(word_list("preposition_opening"), b)
        and not _adverbial_clause(c, b)
        and not named_subject(c, units, org_starts, False)
    ):
        return None  # a class of bodies before a preposition (规划资源部门就…征询…): a procedure, no duty
    return Reading(prose_task(c, items, b, label, responsible=units))


def _adverbial_clause(c: Compact, b: int) -> bool:
    """A clause of its own opens the predicate at ``b`` (``根据…线索，及时关闭…``): the duty is the
    clause after it, not a step of a procedure."""
    z = clause_end(c.s, b)
    return adverbial_clause().match(c.s[b:z]) is not None and c.s[z : z + 1] in ("，", ",")


RULES = (
    Rule("modal", 90, modal_re, _modal, general=True),
    Rule("subject", 100, lambda: CLAUSE_OPENING, _subject, in_reports="decided", general=True),
)

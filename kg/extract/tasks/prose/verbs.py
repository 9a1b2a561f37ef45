"""Rules on the cue verbs of task_cues.tsv (``verb`` rows): X负责…, X牵头(，Y配合)…, X会同Y…,
配合X做好…, Y配合…. The role each verb gives its units is the row's role."""

from __future__ import annotations

import re
from functools import cache

from kg.extract.outline import Compact
from kg.extract.tasks.clauses import CLAUSE_END, clause_end, clause_start, label_from
from kg.extract.tasks.cues import alternation, modal_re, no_verb_at, verb_re, verb_role, word_list
from kg.extract.tasks.prose.mechanisms import attributive_lead
from kg.extract.tasks.prose.record import Reading, Rule, predicate_label, prose_task
from kg.extract.tasks.units import (
    clean_units,
    list_after,
    named_subject,
    past_number,
    subject_before,
    units_in,
)
from kg.models import UnitMatch


def _duty(c, items, m, org_starts) -> Reading | None:
    """``X负责Y`` / ``由X负责Y``."""
    v = m.start()
    if no_verb_at(c.s, v + 2, "负责"):
        return None
    subj = subject_before(c, v) or _sentence_subject(c, v, org_starts)
    label = predicate_label(c, v + 2)
    if subj and len(label) < 2:
        label = _topic(c, v)
    if not subj or len(label) < 2:
        return None
    return Reading(prose_task(c, items, v, label, **{verb_role("负责"): subj}))


@cache
def _topic_end() -> re.Pattern:
    return re.compile(alternation("topic_adverb") + "*由$")


def _topic(c: Compact, v: int) -> str:
    """The work a ``X（仍）由Y负责。`` clause puts first (its topic X), as the label of Y's duty when
    nothing follows 负责 (``新闻宣传工作仍由法规（科）处具体负责``)."""
    lo = past_number(c, clause_start(c, v), v)
    k = c.s.rfind("由", lo, v)
    if k <= lo:
        return ""
    m = _topic_end().search(c.s, lo, k + 1)
    end = m.start() if m is not None else k
    return label_from(c, lo)[: end - lo] if end - lo >= 2 else ""


IS_A = re.compile(r"(?:[（(](?:以下简称|下称|简称)[^）)]{1,20}[）)])?(?:为|作为|是)")


def _sentence_subject(c: Compact, v: int, org_starts: frozenset[int] | None) -> list[UnitMatch]:
    """For a ``，负责…`` clause with no subject of its own: the unit that opens the sentence by
    saying what it is (``区土地和房屋征收工作办公室（以下简称区房屋征收部门）为…，负责…``)."""
    if clause_start(c, v) != v or v == 0 or c.s[v - 1] not in "，,":
        return []
    a = clause_start(c, v, CLAUSE_END)
    a = past_number(c, a, clause_end(c.s, a))
    m = IS_A.search(c.s, a, clause_end(c.s, a))
    units = clean_units(c, a, m.start()) if m is not None else []
    if len(units) == 1 and named_subject(c, units, org_starts):
        return units
    return group_set_up(c, a, v)


@cache
def _set_up() -> re.Pattern:
    return re.compile(alternation("set_up"))


@cache
def _group_name() -> re.Pattern:
    return re.compile(r"[^，,、。；;：:（(“”\"]{2,40}?" + alternation("group_head") + "$")


def group_set_up(c: Compact, a: int, v: int) -> list[UnitMatch]:
    """The group a sentence sets up, for its later ``，负责…`` clauses: ``成立以…为组长的X领导小组，
    （下设办公室…，）负责…`` -> X领导小组 (the 组织保障 paragraph of a plan)."""
    first = clause_end(c.s, a)
    if first >= v:
        return []
    m = _set_up().search(c.s, a, first)
    if m is None:
        return []
    k = max(m.end(), c.s.rfind("的", m.end(), first) + 1)
    g = _group_name().match(c.s, k, first)
    if g is None or g.end() != first:
        return []
    units = units_in(c, k, first)
    return units if len(units) == 1 else []


@cache
def _support_after() -> re.Pattern:
    """How a supporting list after ``X牵头，`` ends: ``(等部门)(积极)配合 / 参与 / 参加``."""
    return re.compile(
        r"(?:等)?(?:部门|单位)?" + alternation("support_adverb") + "?" + alternation("join_verb")
    )


@cache
def _partner_end() -> re.Pattern:
    """How ``与Y…`` ends when Y joins the work (``与Y联动配合，``): a join verb closing the clause."""
    return re.compile(alternation("support_adverb") + "?" + alternation("join_verb") + r"(?=[，,；;。]|$)")


def _partners(c: Compact, k: int) -> tuple[list[UnitMatch], int]:
    """The units of a ``与Y、Z联动配合，`` clause at ``k`` and where the next clause starts; else ([], k)."""
    if c.s[k : k + 1] != "与":
        return [], k
    units, b = list_after(c, k + 1)
    if not units or _partner_end().match(c.s, b) is None:
        return [], k
    return units, clause_end(c.s, b) + 1


def _lead(c, items, m, org_starts) -> Reading | None:
    """``X牵头…`` with an optional ``，Y配合``."""
    v = m.start()
    if no_verb_at(c.s, v + 2, "牵头"):
        return None
    if (inside := attributive_lead(c, items, v)) is not None:
        return inside
    subj = subject_before(c, v)
    if not subj:
        return None
    after = v + 2
    label = label_from(c, after)
    support: list[UnitMatch] = []
    if not label and after < len(c.s) and c.s[after] in "，,":
        units, b = list_after(c, after + 1)
        if units and _support_after().match(c.s[b : b + 8]):
            more, k = _partners(c, clause_end(c.s, b) + 1)
            support = units + more
            label = label_from(c, k)
        else:
            label = label_from(c, after + 1)
    if len(label) < 2:
        return None
    roles = {verb_role("牵头"): subj}
    roles[verb_role("配合")] = roles.get(verb_role("配合"), []) + support
    refines = c.s.startswith(word_list("refine_opening"), clause_start(c, v))
    return Reading(prose_task(c, items, v, label, **roles), refines=refines)


def _together(c, items, m, org_starts) -> Reading | None:
    """``由X会同Y…`` / ``X会同Y…``: X and Y both responsible."""
    v = m.start()
    subj = subject_before(c, v) or _modal_subject(c, v, org_starts)
    partners, b = list_after(c, v + 2)
    if not partners:
        return None
    label = label_from(c, b)
    if len(label) < 2:
        return None
    return Reading(prose_task(c, items, v, label, **{verb_role("会同"): subj + partners}))


def _modal_subject(c: Compact, v: int, org_starts: frozenset[int] | None) -> list[UnitMatch]:
    """The unit list that opens the clause of ``v`` before a modal verb (``各镇（街道）应当组织
    相关人员会同…`` -> 各镇（街道）)."""
    lo = clause_start(c, v)
    lo = past_number(c, lo, v)
    m = modal_re().search(c.s, lo, v)
    if m is None or m.start() - lo < 2:
        return []
    units = clean_units(c, lo, m.start())
    return units if units and named_subject(c, units, org_starts) else []


@cache
def _work_verb() -> re.Pattern:
    return re.compile(alternation("work_verb"))


def _assist(c, items, m, org_starts) -> Reading | None:
    """``配合X做好…``: X leads the work; the supporting subject, when not printed, is the item's
    own unit (``implicit``: filled in from the item's marker)."""
    units, b = list_after(c, m.end())
    if not units or not _work_verb().match(c.s, b):
        return None
    task = prose_task(c, items, m.start(), label_from(c, b), lead=units)
    task.supporting = subject_before(c, m.start()) or _opening_subject(c, m.start(), org_starts)
    return Reading(task, implicit=not task.supporting)


def _supports(c, items, m, org_starts) -> Reading | None:
    """``Y配合（做好）…`` with Y the unit list before 配合 and no unit after it: Y supports. After
    ``X负责…，`` in the same sentence Y joins X's task; alone it is a task of its own with Y
    supporting (``市公安局配合做好交通疏导``)."""
    v = m.start()
    if no_verb_at(c.s, v + 2, "配合"):
        return None  # 配合单位 / 配合部门 (a marker word), 配合工作, 配合度, 在…配合下, 配合好
    subj = subject_before(c, v)
    if not subj or list_after(c, v + 2)[0]:
        return None  # no unit before 配合, or 配合X做好… (read by :func:`_assist`)
    adverb = next((len(w) for w in word_list("support_adverb") if c.s.endswith(w, 0, v)), 0)
    task = prose_task(c, items, v, label_from(c, v - adverb), **{verb_role("配合"): subj})
    return Reading(task, support_only=True)


def _opening_subject(c: Compact, v: int, org_starts: frozenset[int] | None) -> list[UnitMatch]:
    """For a later ``，配合X…`` clause: the unit list before the modal of the sentence's first
    clause (``X应当会同…，配合Y建立…`` -> X)."""
    a = clause_start(c, v, CLAUSE_END)
    z = clause_end(c.s, a)
    return _modal_subject(c, z, org_starts) if z < v else []


RULES = (
    Rule("duty", 10, lambda: verb_re("负责"), _duty),
    Rule("lead", 20, lambda: verb_re("牵头"), _lead),
    Rule("together", 30, lambda: verb_re("会同"), _together, in_reports="never"),
    # (the look-behinds follow the word: a pattern that opens with its literal is searched fast)
    Rule(
        "assist",
        60,
        lambda: re.compile(r"配合(?<![积极]配合)(?=[^，,。；;\n]{2,30}?" + alternation("work_verb") + ")"),
        _assist,
        in_reports="never",
    ),
    Rule("supports", 70, lambda: verb_re("配合"), _supports, in_reports="never"),
)

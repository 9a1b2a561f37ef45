"""Rules that name the agent of a duty by a construction rather than a cue verb: 由X + verb,
办公室设在X, X为…实施单位."""

from __future__ import annotations

import re
from functools import cache

from kg.extract.outline import Compact
from kg.extract.tasks.clauses import CLAUSE_END, LABEL_MAX, clause_end, clause_start, label_from
from kg.extract.tasks.cues import alternation, duty_verbs, predicate_re, word_list
from kg.extract.tasks.prose.record import Reading, Rule, adverbial_clause, predicate_label, prose_task
from kg.extract.tasks.prose.verbs import group_set_up
from kg.extract.tasks.units import clean_units, list_after, named_subject, subject_before
from kg.models import UnitMatch


@cache
def _link() -> re.Pattern:
    return re.compile(alternation("link"))


def _by_units(c: Compact, pos: int) -> tuple[list[UnitMatch], int]:
    """The agents after 由: a unit list, or two joined by 交/召集 (``由属地镇（街道）交区房屋征收
    部门依照…组织…``, ``由区房屋征收部门召集区自然资源分局…等部门…联合认定``: all take part)."""
    end = clause_end(c.s, pos)
    for k in _link().finditer(c.s, pos, end):
        first = clean_units(c, pos, k.start())
        if first:
            rest, b = list_after(c, k.end())
            if rest:
                return first + rest, b
            return [], pos  # 交/召集 something that is no unit: not an agent list
    return list_after(c, pos)


RELATIVE = re.compile(r"[\u4e00-\u9fff]{1,2}的(?!话)")


@cache
def _by_verb() -> re.Pattern:
    return re.compile("^" + alternation("by_verb"))


def _by(c, items, m, org_starts) -> Reading | None:
    """``由X予以/办理/制定…``: X does it. ``可由X…`` only permits it."""
    if any(c.s.endswith(w, 0, m.start()) for w in word_list("permission")):
        return None
    units, b = _by_units(c, m.end())
    if units and adverbial_clause().match(c.s[b : b + 2]):  # 由X按照职责分工，依法…监管: past the adverbial
        e = clause_end(c.s, b)
        if c.s[e : e + 1] in ("，", ",") and e - b <= 8:  # a short one only: no predicate inside
            b = e + 1
    if not units or not (_by_verb().match(c.s[b : b + 4]) or predicate_re().match(c.s, b)):
        return None
    if c.s.startswith(duty_verbs(), b):
        return None  # read by the 负责 / 牵头 / 会同 rules
    if RELATIVE.match(c.s, b):
        return None  # 由X行使的处罚权: a noun phrase, not a statement
    label = label_from(c, b)
    if len(label) < 2:
        return None
    return Reading(prose_task(c, items, m.start(), label, responsible=units))


def _office(c, items, m, org_starts) -> Reading | None:
    """``办公室设在X``."""
    units, b = list_after(c, m.end())
    if not units:
        return None
    a = clause_start(c, m.start())
    end = clause_end(c.s, b, CLAUSE_END)
    label = c.s[a:end].replace("\n", "")
    if label.startswith("下设"):  # 成立X领导小组，下设办公室在Y: the office is X领导小组办公室
        group = group_set_up(c, clause_start(c, a, CLAUSE_END), m.start())
        if group:
            label = group[0].name + label[2:]
    return Reading(prose_task(c, items, m.start(), label[:LABEL_MAX], responsible=units))


def _implementer(c, items, m, org_starts) -> Reading | None:
    """``X为…实施单位`` (a designation)."""
    subj = subject_before(c, m.start())
    if not subj:
        return None
    label = c.s[m.start() + 1 : m.end()].replace("\n", "")[:LABEL_MAX]
    return Reading(prose_task(c, items, m.start(), label, responsible=subj))


QUOTE = re.compile(r"[《“\"]")


def _request(c, items, m, org_starts) -> Reading | None:
    """``请X（于…前）填写/报送…``: a notice asks the units it names to act (``请各单位填写登记表，
    并于4月28日前上报``)."""
    q = QUOTE.search(c.s, m.end(), m.end() + 80)  # a unit name never runs into a title
    units, b = list_after(c, m.end(), (q.start() if q else m.end() + 80) - m.end())
    if not units or not named_subject(c, units, org_starts):
        return None  # no unit, or a verb phrase the splitter let through (请发送至X邮箱)
    label = predicate_label(c, b)
    if len(label) < 2:
        return None
    return Reading(prose_task(c, items, m.start(), label, responsible=units))


RULES = (
    Rule("office", 40, lambda: re.compile(r"办公室(?:设在|设于|在)"), _office),
    Rule("implementer", 50, lambda: re.compile(r"为[^，,。；;\n]{2,40}?实施单位"), _implementer),
    Rule("by", 80, lambda: re.compile(r"由(?<![交并均]由)"), _by),
    # 请 opening a request, not 申请/邀请/提请/报请 or 请示/请求/请假
    Rule(
        "request",
        85,
        lambda: re.compile(r"请(?<![申邀提报呈聘恳敬]请)(?![示求假])"),
        _request,
        in_reports="never",
    ),
)

"""Prose assignments: the registry of prose rules and the loop that runs them.

Each rule is a :class:`~kg.extract.tasks.prose.record.Rule` record in the module of its kind
(verbs: the cue verbs 负责/牵头/会同/配合; agents: 由X…, 办公室设在X, X为…实施单位; subjects: a
unit list opening its clause before a modal or a duty predicate). Adding a rule = adding a record
to a module's ``RULES`` (and its test); the loop reads only the record's fields.
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.outline import Compact, Item
from kg.extract.tasks.clauses import CLAUSE_END, clause_start, span_test
from kg.extract.tasks.cues import alternation
from kg.extract.tasks.prose import agents, subjects, verbs
from kg.extract.tasks.prose.record import Reading, Rule, heading_label
from kg.extract.tasks.units import class_name
from kg.models import TaskMatch

DECIDED = re.compile(f"{alternation('meeting')}{alternation('decide_verb')}")


@cache
def registry() -> tuple[Rule, ...]:
    """Every prose rule, in order of precedence."""
    return tuple(sorted(verbs.RULES + agents.RULES + subjects.RULES, key=lambda r: r.precedence))


def prose_tasks(
    c: Compact,
    items: list[Item],
    taken: list[tuple[int, int]],
    marked: list[TaskMatch] = (),
    report: bool = False,
    org_starts: frozenset[int] | None = None,
) -> list[TaskMatch]:
    """Assignments in running text, outside the spans ``taken`` (marker brackets, table rows);
    ``marked``: the marker tasks (their units support an implicit ``配合X做好…``); ``report``: the
    text reports work done; ``org_starts``: see :func:`kg.extract.tasks.find_tasks`."""
    out: list[Reading] = []
    seen: set[tuple[int, str]] = set()
    named: set[int] = set()  # starts of the units of the tasks in ``out``
    in_taken = span_test(taken)
    decided = report and DECIDED.search(c.s) is not None
    for rule in registry():
        mode = rule.in_reports if report else "always"
        if mode == "never" or (mode == "decided" and not decided):
            continue
        for m in rule.trigger().finditer(c.s):
            if mode == "decided" and not DECIDED.search(
                c.s, clause_start(c, m.start(), CLAUSE_END), m.start()
            ):
                continue  # in a report only a meeting's decision (会议明确，X…) assigns work
            if in_taken(m.start()):
                continue
            got = rule.read(c, items, m, org_starts)
            if got is None:
                continue
            task = got.task
            if _restates_marker(task, marked) or (got.appeal and (report or _in_marker(task, marked))):
                continue  # the item's marker names the units; its prose names only their class
            if rule.general and any(u.start in named for u in task.responsible):
                continue  # the subject already has a more specific reading
            key = (task.start, ",".join(u.name for u in task.lead + task.responsible + task.supporting))
            if key in seen:
                continue
            seen.add(key)
            got.at, got.heading = m.start(), heading_label(c, items, m.start())
            out.append(got)
            named.update(u.start for u in task.lead + task.responsible + task.supporting)
    out = _refinements(_support_clauses(out))
    _heading_labels(out, marked)
    for r in out:
        if r.implicit:
            owner = next((m for m in marked if m.start <= r.task.start < m.end), None)
            if owner is not None:
                r.task.supporting = owner.lead + owner.responsible
    return [r.task for r in out]


def _restates_marker(task: TaskMatch, marked) -> bool:
    """Every unit of ``task`` is a class of bodies (规划资源部门) and the task lies in an item that
    ends in a marker: the marker's named units carry the duty."""
    units = task.lead + task.responsible + task.supporting
    if not units or not all(class_name(u.name) for u in units):
        return False
    return _in_marker(task, marked)


def _in_marker(task: TaskMatch, marked) -> bool:
    """``task`` lies in an item that ends in a marker."""
    return any(m.start <= task.start < m.end for m in marked)


@cache
def _support_re() -> re.Pattern:
    return re.compile(alternation("support_adverb") + "?" + alternation("support_verb") + "+(?:工作)?")


def _support_clauses(readings: list[Reading]) -> list[Reading]:
    """``X要牵头/抓紧…，Y要全力配合/保障`` in one sentence: Y supports X's task rather than having
    a task of its own. A ``Y配合…`` reading (``support_only``) joins the nearest task read before
    it in its sentence, else stands alone when there is work after 配合."""
    support = _support_re()
    out: list[Reading] = []
    first: dict[tuple[int, int], TaskMatch] = {}  # the first task read in each sentence
    for r in readings:
        if r.support_only:
            continue
        t = r.task
        prev = first.setdefault((t.start, t.end), t)
        if (
            prev is not t
            and not t.lead
            and not t.supporting
            and support.fullmatch(t.label) is not None
            and not {u.name for u in t.responsible} & {u.name for u in prev.lead + prev.responsible}
        ):
            prev.supporting = prev.supporting + t.responsible
            continue
        out.append(r)
    alone: list[Reading] = []
    for r in readings:
        if not r.support_only:
            continue
        t = r.task
        before = [p for p in out if (p.task.start, p.task.end) == (t.start, t.end) and p.at < r.at]
        if before:
            prev = max(before, key=lambda p: p.at).task
            mine = {u.name for u in prev.lead + prev.responsible + prev.supporting}
            prev.supporting = prev.supporting + [u for u in t.supporting if u.name not in mine]
        elif len(support.sub("", t.label, count=1)) >= 2:  # not a bare 各街道要全力配合
            alone.append(r)
    return out + alone


def _refinements(readings: list[Reading]) -> list[Reading]:
    """``X统筹负责…，具体由Y牵头，Z参加`` in one sentence: Y and Z join X's task (Y leading, Z
    supporting) rather than making a second task of the same duty."""
    out = [r for r in readings if not r.refines]
    for r in readings:
        t = r.task
        before = [p for p in out if (p.task.start, p.task.end) == (t.start, t.end) and p.at < r.at]
        if not r.refines:
            continue
        if not before:
            out.append(r)
            continue
        prev = max(before, key=lambda p: p.at).task
        mine = {u.name for u in prev.lead + prev.responsible + prev.supporting}
        prev.lead = prev.lead + [u for u in t.lead if u.name not in mine]
        prev.supporting = prev.supporting + [u for u in t.responsible + t.supporting if u.name not in mine]
    return out


def _heading_labels(readings: list[Reading], marked) -> None:
    """An item's heading labels the prose task that is the item's only task; where the item holds
    a marker or several prose readings each keeps its own phrase (the heading is the marker's)."""
    count: dict[str, int] = {}
    for r in readings:
        if r.heading:
            count[r.heading] = count.get(r.heading, 0) + 1
    for r in readings:
        h = r.heading
        if h and count[h] == 1 and not any(m.start <= r.task.start < m.end for m in marked):
            r.task.label = h

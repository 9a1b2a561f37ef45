"""Tasks with their lead / responsible / supporting units, read from one document's clean text.

Three sources: item markers (``（牵头单位：…；责任单位：…）``, ``（X、Y负责）``, ``牵头考核单位：…``;
:mod:`.markers`), table rows with a unit column (:mod:`.tables`), and prose assignments
(``由X负责…``, ``X牵头，Y配合``, ``X应当…``; the rule records of :mod:`.prose`). The words live in
``kg/data/task_cues.tsv``, ``task_words.tsv`` and ``task_not_after.tsv`` (:mod:`.cues`); unit
lists are split by :func:`kg.names.split_units`. No module keeps state between calls:
:func:`find_tasks` may run in several threads at once.
"""

from __future__ import annotations

import re

from kg.extract.outline import compact, parse_outline, unwrap
from kg.extract.tasks.clauses import flat_index, full_stops
from kg.extract.tasks.cues import cues, first_chars
from kg.extract.tasks.markers import all_markers, marker_tasks
from kg.extract.tasks.prose import prose_tasks
from kg.extract.tasks.tables import table_tasks
from kg.models import TaskMatch

__all__ = ["cues", "find_tasks", "first_chars"]

REPORT_HEAD = re.compile(r"\s*【[^】\n]{1,30}】")
_EACH_RE = re.compile(r"^[^各，、]{0,3}各")  # 各相关部门, 区直各部门: every one of a group
_GROUPS = ("部门", "单位")  # of departments (not 各地, 各区政府: governments a marker does not list)


def _restates_marker(t: TaskMatch, marked: list[TaskMatch]) -> bool:
    """A duty of a group of departments (各相关部门要…) inside an item whose marker names the units:
    the marker's departments are that group, so it is the item's task, not one of its own."""
    units = t.lead + t.responsible
    if not units or not all(_EACH_RE.match(u.name) and u.name.endswith(_GROUPS) for u in units):
        return False
    return any(m.start <= t.start < m.end for m in marked)


def find_tasks(
    text: str,
    report: bool | None = None,
    org_starts: frozenset[int] | None = None,
    first_leads: bool = False,
) -> list[TaskMatch]:
    """Every task of one document's clean text, in text order.

    ``report``: the text reports work done (a yearbook or news entry, by default one that opens
    with a ``【heading】``); there only explicit assignments count (X负责, X牵头, 由X…, X要…), not
    a bare ``X + verb`` narrative or a ``会同/配合`` account of past work.
    ``org_starts``: offsets in ``text`` where organisation mentions begin, when the caller has
    already run the organisation finder (else it is run here).
    ``first_leads``: the notice transmitting this text states that the first unit of a list leads
    (列第一位的为牵头单位), a rule the text itself may not repeat."""
    if report is None:
        report = REPORT_HEAD.match(text) is not None
    c = compact(text)
    items = parse_outline(c)
    markers = all_markers(c)
    # prose inside an item that ends in a marker is read too (``区财政局要整合…（责任单位：…）``),
    # only the marker brackets and table rows themselves are off limits
    spans = [c.span(m.start, m.end) for m in markers]
    marked = marker_tasks(c, items, markers, first_leads)
    rows = table_tasks(c, items)
    flat = full_stops(unwrap(c, items))
    spans += [(t.start, t.end) for t in rows]
    taken = [(flat_index(flat, a), flat_index(flat, b)) for a, b in spans]
    prose = prose_tasks(flat, parse_outline(flat), taken, marked, report, org_starts)
    prose = [t for t in prose if not _restates_marker(t, marked)]
    return sorted(marked + rows + prose, key=lambda t: t.start)

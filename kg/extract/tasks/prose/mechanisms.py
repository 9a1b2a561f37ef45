"""A lead named inside the phrase of a mechanism: ``各省（区、市）政府要建立省级政府办公厅牵头、省级有关部门
参与的工作机制，统筹做好…`` -- 牵头 is attributive (…牵头、Y参与的机制), not the clause's verb. The unit
before 牵头 leads the work the sentence gives the mechanism, Y supports it, and whoever sets the
mechanism up is responsible for it. Words in kg/data/task_words.tsv (mechanism_verb, mechanism_noun)."""

from __future__ import annotations

import re
from functools import cache

from kg.extract.outline import Compact
from kg.extract.tasks.clauses import clause_start, label_from
from kg.extract.tasks.cues import alternation, verb_role
from kg.extract.tasks.prose.record import Reading, prose_task
from kg.extract.tasks.units import clean_units, subject_before

PHRASE_MAX = 16  # characters between 的 and the mechanism's noun (督查激励工作)


@cache
def _attributive() -> re.Pattern:
    """After 牵头: ``、Y参与`` (optional), ``的``, then the mechanism's name."""
    join = alternation("join_verb")
    return re.compile(
        rf"(?:[、，,](?P<y>[^，,。；;的]{{2,60}}?){join})?的(?P<what>[^，,。；;]{{0,{PHRASE_MAX}}}?"
        rf"{alternation('mechanism_noun')})"
    )


@cache
def _set_up() -> re.Pattern:
    return re.compile(alternation("mechanism_verb") + "由?")


def attributive_lead(c: Compact, items, v: int) -> Reading | None:
    """The reading of ``牵头`` at ``v`` inside a mechanism's phrase, else None."""
    m = _attributive().match(c.s, v + 2)
    if m is None:
        return None
    lo = clause_start(c, v)
    verb = None
    for s in _set_up().finditer(c.s, lo, v):
        verb = s  # the last set-up verb before the lead
    if verb is None:
        return None
    lead = clean_units(c, verb.end(), v)
    if not lead:
        return None
    support = clean_units(c, m.start("y"), m.end("y")) if m.group("y") else []
    setter = subject_before(c, verb.start())
    after = m.end()
    label = label_from(c, after + 1) if c.s[after : after + 1] in "，," else ""
    if len(label) < 2:
        label = c.s[verb.start() : after]
    roles = {verb_role("牵头"): lead, verb_role("负责"): setter, verb_role("配合"): support}
    return Reading(prose_task(c, items, v, label, **roles))

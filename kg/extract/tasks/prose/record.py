"""The record of a prose rule and of what it reads, and the helpers every rule shares."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from kg.extract.outline import SENT_END, Compact, Item, innermost, outline_entries
from kg.extract.tasks.clauses import (
    LABEL_MAX,
    clause_end,
    deadline,
    label_from,
    sentence_span,
)
from kg.extract.tasks.cues import alternation
from kg.extract.tasks.units import list_after
from kg.models import TaskMatch


@dataclass
class Reading:
    """What a prose rule read: its task and how the task joins the others of its sentence.

    ``support_only``: the rule read ``Y配合…`` (Y supporting, no unit of its own): Y joins the task
    read before it in the sentence, else stands alone. ``implicit``: ``配合X做好…`` with no
    supporting unit printed: the item's own marker units support. ``appeal``: a collective's
    ``要`` (各单位要…): a duty where the text assigns work, not in a report or an item whose marker
    names the units. ``refines``: ``具体由X牵头…`` says who does the duty read before it in the
    sentence (X joins that task). ``at`` (where the rule matched)
    and ``heading`` (the heading of the item it opens) are set by the loop."""

    task: TaskMatch
    support_only: bool = False
    implicit: bool = False
    appeal: bool = False
    refines: bool = False
    at: int = 0
    heading: str | None = None


Read = Callable[[Compact, list[Item], re.Match, "frozenset[int] | None"], "Reading | None"]


@dataclass(frozen=True)
class Rule:
    """A prose rule: where it may match (``trigger``, a pattern built from the tables on first use)
    and what it reads there (``read``: compact text, outline items, the match, the organisation
    finder's mention starts or None -> a :class:`Reading` or None).

    ``precedence``: rules run in this order and the first reading of a sentence's units wins.
    ``in_reports``: in a report of work done the rule runs ``always``, ``never``, or only in a
    clause where a meeting ``decided`` (会议明确，X…). ``general``: a general reading (a bare
    subject + predicate) that yields when an earlier rule already named one of its units."""

    name: str
    precedence: int
    trigger: Callable[[], re.Pattern]
    read: Read
    in_reports: str = "always"
    general: bool = False


def prose_task(c: Compact, items: list[Item], pos: int, label: str, **roles) -> TaskMatch:
    """The task of the sentence holding ``pos``, labelled ``label``, with units per role."""
    a, b = sentence_span(c, pos)
    start, end = c.span(a, b)
    return TaskMatch(
        start,
        end,
        label,
        "prose",
        lead=roles.get("lead", []),
        responsible=roles.get("responsible", []),
        supporting=roles.get("supporting", []),
        outline=outline_entries(items, innermost(items, pos)),
        deadline=deadline("", c.s[a:b]),
        text=c.s[a:b].replace("\n", ""),
    )


@cache
def adverbial_clause() -> re.Pattern:
    """How an adverbial clause opens before the predicate (task_words.tsv adverbial_opening)."""
    return re.compile("^" + alternation("adverbial_opening"))


def predicate_label(c: Compact, a: int) -> str:
    """The label of a predicate starting at ``a``: its first clause, past an opening adverbial
    clause (``根据…等，制定…`` -> ``制定…``) and a leading ``向X`` (the recipients)."""
    for _ in range(3):
        b = clause_end(c.s, a)
        if b < len(c.s) and c.s[b] in "，," and adverbial_clause().match(c.s[a:b]):
            a = b + 1
            continue
        break
    if c.s[a : a + 1] == "向":
        units, b = list_after(c, a + 1)
        if units and c.s[b : b + 1] not in "，,":
            a = b
    return label_from(c, a)


def heading_label(c: Compact, items: list[Item], pos: int) -> str | None:
    """The heading of the item whose heading sentence opens the paragraph holding ``pos``."""
    i = innermost(items, pos)
    if i is None:
        return None
    it = items[i]
    para = c.s.find("\n", it.start)
    para = len(c.s) if para < 0 else para
    body = c.s[it.body : para]
    own = SENT_END.search(body)
    if it.implicit or not own or own.start() > LABEL_MAX or pos < it.body + own.end() or pos > para:
        return None
    return it.heading

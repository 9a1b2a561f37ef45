"""What the task tests read off find_tasks: the tasks of a short text and their units' names."""

from __future__ import annotations

from kg.extract.tasks import find_tasks

ROLES = ("lead", "responsible", "supporting")


def tasks_of(text: str, kind: str | None = None, report: bool = False):
    """The tasks found in ``text`` (of ``kind`` only, when given: marker, table, prose …)."""
    return [t for t in find_tasks(text, report=report) if kind is None or t.kind == kind]


def prose(text: str, report: bool = False):
    """The prose tasks of ``text``."""
    return tasks_of(text, "prose", report)


def units(t, *roles: str) -> list[str]:
    """The names of ``t``'s units in ``roles`` (every role when none is given), in role order."""
    return [u.name for r in roles or ROLES for u in getattr(t, r)]


def roles(t) -> tuple[list[str], list[str], list[str]]:
    """(lead, responsible, supporting) names of ``t``."""
    return units(t, "lead"), units(t, "responsible"), units(t, "supporting")


def owner(tasks, name: str):
    """The first task with a unit named ``name``."""
    return next(t for t in tasks if name in units(t))

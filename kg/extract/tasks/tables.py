"""Table rows with a unit column: one task per row under a header that names a unit role."""

from __future__ import annotations

import re

from kg.extract.outline import Compact, Item, innermost, outline_entries
from kg.extract.tasks.clauses import deadline, phrase
from kg.extract.tasks.cues import ROLES, marker_role, task_columns, word_list
from kg.extract.tasks.units import units_in
from kg.models import TaskMatch

CONTINUED = re.compile(r"^[（(]?续表[）)]?\d*$|^续[：:]?$")


def _header_roles(cells: list[str]) -> dict[int, str]:
    """Column index -> role for the unit columns of a header row."""
    out = {}
    for k, cell in enumerate(cells):
        word = re.sub(r"[（(].*?[）)]$", "", cell)
        if word in marker_role():
            out[k] = marker_role()[word]
    return out


def _task_column(cells: list[str], roles: dict[int, str]) -> int | None:
    for k, cell in enumerate(cells):
        if k not in roles and cell.startswith(task_columns()):
            return k
    return next(
        (k for k, cell in enumerate(cells) if k not in roles and cell not in word_list("number_column")), None
    )


def _cells(c: Compact, a: int, b: int) -> list[tuple[int, int]]:
    """Spans of the tab-separated cells of the line ``s[a:b]``."""
    out, k = [], a
    for i in range(a, b + 1):
        if i == b or c.s[i] == "\t":
            out.append((k, i))
            k = i + 1
    return out


def table_tasks(c: Compact, items: list[Item]) -> list[TaskMatch]:
    """One task per row of a table whose header names a unit column."""
    out: list[TaskMatch] = []
    header: list[str] | None = None
    roles: dict[int, str] = {}
    task_col: int | None = None
    at = 0
    for line in c.s.split("\n"):
        a, b = at, at + len(line)
        at = b + 1
        if "\t" not in line:
            if header is not None and line.strip() and not CONTINUED.match(line.strip()):
                header = None
            continue
        spans = _cells(c, a, b)
        cells = [c.s[x:y].strip() for x, y in spans]
        found = _header_roles(cells)
        if found:
            header, roles, task_col = cells, found, _task_column(cells, found)
            continue
        if header is None or task_col is None or task_col >= len(spans):
            continue
        row = {r: [] for r in ROLES}
        for k, role in roles.items():
            if k < len(spans):
                row[role] += units_in(c, *spans[k])
        if not any(row.values()) or not cells[task_col]:
            continue
        start, end = c.span(a, b)
        out.append(
            TaskMatch(
                start,
                end,
                phrase(cells[task_col]),
                "table",
                lead=row["lead"],
                responsible=row["responsible"],
                supporting=row["supporting"],
                outline=outline_entries(items, innermost(items, a)),
                deadline=deadline("", " ".join(cells)),
                text=" ".join(x for x in cells if x),
            )
        )
    return out

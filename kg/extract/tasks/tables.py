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


def _due(cells: list[str], k: int | None) -> str | None:
    """The row's cell under a deadline column (完成时限: 2024年6月底), when it has one."""
    return cells[k] if k is not None and k < len(cells) and cells[k] else None


def _cells(c: Compact, a: int, b: int) -> list[tuple[int, int]]:
    """Spans of the tab-separated cells of the line ``s[a:b]``."""
    out, k = [], a
    for i in range(a, b + 1):
        if i == b or c.s[i] == "\t":
            out.append((k, i))
            k = i + 1
    return out


def wrap_width(lines: list[str]) -> int:
    """The width a hard-wrapped text is cut at (text taken from a PDF: most lines of one length, the
    longest), else 0."""
    long = [len(x) for x in lines if len(x) >= 12]
    if len(long) < 8:
        return 0
    width = max(long)
    return width if sum(1 for n in long if n >= width - 1) >= 0.4 * len(long) else 0


def _lines(c: Compact) -> list[tuple[int, int]]:
    """The lines of ``c.s`` as spans; in a hard-wrapped text a full line that is, or runs into, a
    table row is joined to the next line (a cell cut at the wrap width goes on there)."""
    spans, at = [], 0
    for line in c.s.split("\n"):
        spans.append((at, at + len(line)))
        at += len(line) + 1
    spans = [r for a, b in spans for r in _flat_rows(c, a, b)]
    width = wrap_width([c.s[a:b] for a, b in spans])
    if not width:
        return spans
    out: list[tuple[int, int]] = []
    full = False  # the last physical line was cut at the wrap width
    for a, b in spans:
        if out and full and "\t" in c.s[out[-1][0] : b] and c.s[a:b].strip() and not _new_row(c.s[a:b]):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
        full = b - a >= width - 1
    return out


ROW_NUMBER = re.compile(r"\d{1,3}$")


def _column_word(cell: str) -> bool:
    return cell in marker_role() or cell.startswith(task_columns()) or cell in word_list("number_column")


def _flat_rows(c: Compact, a: int, b: int) -> list[tuple[int, int]]:
    """A table a website flattened into its line (``…分工表序号\t任务\t牵头单位\t责任单位1\t…\t
    县公安局2\t…``: each row's last cell runs into the next row's number) as its header and rows;
    any other line as it is."""
    if c.s.count("\t", a, b) < 6:
        return [(a, b)]
    cells = _cells(c, a, b)
    text = [c.s[x:y].strip() for x, y in cells]
    for i in range(len(cells) - 2):
        j = i + 1
        while j < len(cells) and _column_word(text[j]):
            j += 1
        num = ROW_NUMBER.search(text[j]) if j < len(cells) else None
        opening = next((w for w in word_list("number_column") if text[i].endswith(w)), None)
        if num is None or opening is None or text[j][: num.start()] not in marker_role():
            continue
        n = j - i + 1  # columns
        x = cells[i][1] - len(opening)
        out = [(a, x)] if x > a else []
        cut = cells[j][0] + len(text[j][: num.start()])  # where the header's last cell ends
        out.append((x, cut))
        k = j
        while k + n - 1 < len(cells):
            last = k + n - 1
            m = ROW_NUMBER.search(text[last]) if last < len(cells) - 1 else None
            end = cells[last][0] + m.start() if m is not None else _before_signature(c, *cells[last])
            out.append((cut, end))
            if m is None:
                break
            cut = end
            k = last
        if out[-1][1] < b:
            out.append((out[-1][1], b))
        return [(p, q) for p, q in out if q > p]
    return [(a, b)]


DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")


def _before_signature(c: Compact, x: int, y: int) -> int:
    """Where the last cell of a flattened table ends: before the signature that follows it on the
    page (the issuer the title opens with, then the date: ``…各乡镇人民政府某某县人民政府办公室2023年5月6日``)."""
    m = DATE.search(c.s, x, y)
    if m is None:
        return y
    cell = c.s[x : m.start()]
    for k in range(len(cell) - 4):
        if c.s.find(cell[k:] + "关于") >= 0:  # the issuer, as the title prints it
            return x + k
    return m.start()


NEW_ROW = re.compile(r"^\s*\d{1,3}[.．、]?\t")


def _new_row(line: str) -> bool:
    """A line that opens a numbered table row (``12\t…``)."""
    return NEW_ROW.match(line) is not None


def table_tasks(c: Compact, items: list[Item]) -> list[TaskMatch]:
    """One task per row of a table whose header names a unit column (rows of a hard-wrapped text
    joined across their line breaks: :func:`_lines`)."""
    out: list[TaskMatch] = []
    header: list[str] | None = None
    roles: dict[int, str] = {}
    task_col: int | None = None
    due_col: int | None = None
    for a, b in _lines(c):
        line = c.s[a:b]
        if "\t" not in line:
            if header is not None and line.strip() and not CONTINUED.match(line.strip()):
                header = None
            continue
        spans = _cells(c, a, b)
        cells = [c.s[x:y].replace("\n", "").strip() for x, y in spans]
        found = _header_roles(cells)
        if found:
            header, roles, task_col = cells, found, _task_column(cells, found)
            due_col = next((k for k, x in enumerate(cells) if x in task_columns("deadline")), None)
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
                deadline=_due(cells, due_col) or deadline("", " ".join(cells)),
                text=" ".join(x for x in cells if x),
            )
        )
    return out

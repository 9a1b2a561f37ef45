"""The responsibility matrix of a document (任务分解表): a row per task in document order, a column
per unit (headed by the short form the text prints), cells 牵 / 责 / 配; plus label, deadline and
quote columns. Written as CSV or XLSX (atomically), or shown in the terminal."""

from __future__ import annotations

import io

import pyoxigraph as ox

from kg.query import lookup
from kg.query.cells import csv_text, xlsx_text_cells, xlsx_value
from kg.query.orgs import ROLE_ZH, ROLES
from kg.query.trace import resolve_document
from kg.query.who import TaskRow, task_row
from kg.records import Record, fresh

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:  # pragma: no cover
    from pathlib import Path

CELL = {"lead": "牵", "responsible": "责", "supporting": "配"}
LEAD_COLS = ["序号", "文件", "章节", "任务"]
TAIL_COLS = ["完成时限", "原文", "出处"]


class Unit(Record):
    iri: str
    pref: str | None
    forms: list[str] = fresh(list)
    header: str = ""


class Matrix(Record):
    tasks: list[TaskRow]
    units: list[Unit]
    roles: dict[tuple[str, str], str]  # (task iri, unit iri) -> role

    def header(self) -> list[str]:
        return LEAD_COLS[:] + [u.header for u in self.units] + TAIL_COLS

    def rows(self) -> list[list[object]]:
        out = []
        for i, t in enumerate(self.tasks, 1):
            cells = [CELL.get(self.roles.get((t.iri, u.iri), ""), "") for u in self.units]
            out.append(
                [
                    i,
                    t.doc.title or t.doc.number or "",
                    " › ".join(t.outline),
                    t.label or "",
                    *cells,
                    t.deadline or "",
                    " ".join((t.quote or "").split()),
                    t.where,
                ]
            )
        return out

    def units_of(self, t: TaskRow, role: str) -> list[Unit]:
        """The task's units in ``role``, in the order its text names them (others after, by column)."""
        us = [u for u in self.units if self.roles.get((t.iri, u.iri)) == role]
        return sorted(us, key=lambda u: _position(t.quote or "", u.forms))


def _position(text: str, forms: list[str]) -> int:
    """Where ``text`` first prints one of the name forms (its length when it prints none)."""
    found = [i for f in forms if f and (i := text.find(f)) >= 0]
    return min(found) if found else len(text)


# ---------------------------------------------------------------- building


def _rows(store: ox.Store, doc: str) -> tuple[list[dict], list[dict]]:
    if doc == "all":
        return lookup.run(store, "tasks_all"), lookup.run(store, "tasks_all_units")
    target = lookup.iri(resolve_document(store, doc))
    return lookup.run(store, "tasks_doc", target=target), lookup.run(store, "tasks_doc_units", target=target)


def _count_in(quotes: list[str], form: str) -> int:
    return sum(q.count(form) for q in quotes)


def short_form(unit: Unit, quotes: list[str]) -> str:
    """The form of the unit's name the quotes print most, not counting prints inside a longer form
    (``建设局`` inside ``区建设局``); with none printed, the shortest form of two or more characters."""
    forms = sorted({f for f in unit.forms if f}, key=len, reverse=True)
    best, best_n = None, 0
    for f in forms:
        n = _count_in(quotes, f) - sum(_count_in(quotes, g) for g in forms if len(g) > len(f) and f in g)
        if n > best_n or (n == best_n and n > 0 and best and len(f) < len(best)):
            best, best_n = f, n
    if best:
        return best
    short = sorted((f for f in forms if len(f) >= 2), key=lambda f: (len(f), f))
    return short[0] if short else (unit.pref or unit.iri)


def build_matrix(store: ox.Store, doc: str) -> Matrix:
    """The matrix of ``doc`` (a 文号, a title fragment, or ``all``)."""
    task_rows, unit_rows = _rows(store, doc)
    tasks: dict[str, TaskRow] = {}
    for r in task_rows:
        tasks.setdefault(r["task"], task_row(r))
    ordered = sorted(tasks.values(), key=lambda t: t.order)
    units: dict[str, Unit] = {}
    roles: dict[tuple[str, str], str] = {}
    for r in unit_rows:
        if r["task"] not in tasks:
            continue
        alts = [a for a in (r["alts"] or "").split("\n") if a]
        units.setdefault(r["unit"], Unit(r["unit"], r["pref"], [r["pref"], *alts] if r["pref"] else alts))
        key = (r["task"], r["unit"])
        if key not in roles or ROLES.index(r["role"]) < ROLES.index(roles[key]):
            roles[key] = r["role"]
    quotes = [t.quote or "" for t in ordered]
    for u in units.values():
        u.header = short_form(u, quotes)
    first = {}
    for i, t in enumerate(ordered):
        for tk, uk in roles:
            if tk == t.iri:
                first.setdefault(uk, i)
    count = {uk: sum(1 for (_, k) in roles if k == uk) for uk in units}
    cols = sorted(units.values(), key=lambda u: (-count[u.iri], first.get(u.iri, 0), u.header))
    return Matrix(ordered, cols, roles)


# ---------------------------------------------------------------- output


def to_csv_bytes(m: Matrix) -> bytes:
    """CSV with a BOM, so that spreadsheet programs read the Chinese text as UTF-8."""
    return csv_text([m.header(), *m.rows()]).encode("utf-8-sig")


def to_xlsx_bytes(m: Matrix) -> bytes:
    """The matrix as an Excel workbook: bold header, frozen header row and task columns, widths set."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "任务分解表"
    ws.append(m.header())
    for row in m.rows():
        ws.append([xlsx_value(v) for v in row])
    bold = Font(bold=True)
    n_lead, n_units = len(LEAD_COLS), len(m.units)
    for c, cell in enumerate(ws[1], 1):
        cell.font = bold
        vertical = n_lead < c <= n_lead + n_units
        cell.alignment = Alignment(
            horizontal="center", vertical="center", wrap_text=True, text_rotation=255 if vertical else 0
        )
    widths = [6, 26, 24, 30] + [4] * n_units + [14, 60, 30]
    for c, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = width
    for row in ws.iter_rows(min_row=2):
        for c, cell in enumerate(row, 1):
            centred = n_lead < c <= n_lead + n_units
            cell.alignment = Alignment(
                vertical="top", wrap_text=not centred, horizontal="center" if centred else None
            )
    ws.freeze_panes = ws.cell(row=2, column=n_lead + 1)
    xlsx_text_cells(ws)  # a task that starts with = is text, not a formula
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_csv(m: Matrix, path: Path) -> None:
    from pathlib import Path

    from kg.store import write_atomic  # (here: kg.store imports rdflib, ~0.3 s a lookup need not pay)

    write_atomic(Path(path), to_csv_bytes(m))


def write_xlsx(m: Matrix, path: Path) -> None:
    from pathlib import Path

    from kg.store import write_atomic

    write_atomic(Path(path), to_xlsx_bytes(m))


def render_matrix(m: Matrix) -> str:
    """The matrix as tab-separated text (label columns, then one column per unit)."""
    head = ["序号", "任务", *[u.header for u in m.units], "完成时限"]
    lines = ["\t".join(head)]
    for i, t in enumerate(m.tasks, 1):
        cells = [CELL.get(m.roles.get((t.iri, u.iri), ""), "") or "·" for u in m.units]
        lines.append("\t".join([str(i), t.label or "", *cells, t.deadline or ""]))
    return "\n".join(lines)


def render_list(m: Matrix) -> str:
    """The tasks with their units, grouped under their document, in document order."""
    out, current = [], None
    for i, t in enumerate(m.tasks, 1):
        if t.doc.iri != current:
            current = t.doc.iri
            out.append(("\n" if out else "") + t.doc.name())
        where = f"  〔{' › '.join(t.outline)}〕" if t.outline else ""
        out.append(f"{i:>3}. {t.label}{where}")
        parts = [
            f"{ROLE_ZH[r]}：{'、'.join(u.header for u in m.units_of(t, r))}"
            for r in ROLES
            if m.units_of(t, r)
        ]
        if t.deadline:
            parts.append(f"时限：{t.deadline}")
        if parts:
            out.append("     " + "；".join(parts))
    return "\n".join(out)


def to_json(m: Matrix) -> list[dict]:
    return [
        {
            "n": i,
            "task": t.iri,
            "label": t.label,
            "document": t.doc.name(),
            "outline": t.outline,
            "deadline": t.deadline,
            "quote": t.quote,
            "file": t.file,
            "start": t.start,
            "end": t.end,
            **{r: [u.header for u in m.units_of(t, r)] for r in ROLES},
        }
        for i, t in enumerate(m.tasks, 1)
    ]

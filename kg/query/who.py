"""``who``: the tasks of one organisation, grouped by document, newest first, each with its role,
label, deadline and the quoted evidence (source file and offsets)."""

from __future__ import annotations

import pyoxigraph as ox

from kg.query import lookup
from kg.query import orgs as orgs_lookup
from kg.query.cells import csv_text
from kg.query.lookup import NotFound
from kg.query.orgs import ROLE_ZH, ROLES, Org
from kg.records import Record, asdict, fresh

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:  # pragma: no cover
    from kg.query.orgs import Identify


class DocRef(Record):
    iri: str
    number: str | None = None
    title: str | None = None
    date: str | None = None
    notice: DocRef | None = None  # the notice an attached plan is part of

    @property
    def when(self) -> str:
        return self.date or (self.notice.date if self.notice else None) or ""

    def name(self) -> str:
        own = " ".join(x for x in (self.number, self.title) if x) or self.iri
        if self.notice:
            return f"{own}（{self.notice.name()}的附件）"
        return own


class TaskRow(Record):
    iri: str
    label: str | None
    doc: DocRef
    role: str | None = None
    deadline: str | None = None
    quote: str | None = None
    file: str | None = None
    start: int | None = None
    end: int | None = None
    outline: list[str] = fresh(list)

    @property
    def order(self) -> tuple:
        return (self.file or "", self.start if self.start is not None else -1, self.iri)

    @property
    def where(self) -> str:
        return f"{self.file}:{self.start}-{self.end}" if self.file else ""


class Who(Record):
    org: Org
    groups: list[tuple[DocRef, list[TaskRow]]]

    @property
    def count(self) -> int:
        return sum(len(ts) for _, ts in self.groups)


def task_row(r: dict) -> TaskRow:
    """A TaskRow from a query row carrying the who_tasks / tasks_* columns."""
    notice = DocRef(r["notice"], r["nNumber"], r["nTitle"], r["nDate"]) if r.get("notice") else None
    doc = DocRef(r["doc"], r["number"], r["title"], r["date"], notice)
    outline = sorted(s for s in (r.get("outline") or "").split("\n") if s)
    return TaskRow(
        r["task"],
        r["label"],
        doc,
        r.get("role"),
        r["deadline"],
        r["quote"],
        r["file"],
        r["start"],
        r["end"],
        [s.split(" ", 1)[-1] for s in outline],
    )


def resolve_org(store: ox.Store, name: str, identify: Identify | None = None) -> Org:
    """The one organisation ``name`` names; :class:`NotFound` otherwise."""
    found = orgs_lookup.lookup_orgs(store, name, identify)
    if len(found) == 1:
        return found[0]
    if not found:
        raise NotFound(f"no organisation is called {name!r}")
    busy = [o for o in found if o.task_total]
    if len(busy) == 1:  # the others named so have no tasks: not what "who" asks about
        return busy[0]
    raise NotFound(f"{len(found)} organisations match {name!r}; give the full name", found)


def who(store: ox.Store, name: str, role: str | None = None, identify: Identify | None = None) -> Who:
    """Tasks of the organisation ``name`` (any form of its name), optionally of one ``role``;
    ``identify``: see :func:`kg.query.orgs.find_orgs`."""
    if role is not None and role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    org = resolve_org(store, name, identify)
    node = lookup.iri(org.iri)
    steps: dict[str, list[str]] = {}
    for r in lookup.run(store, "who_outline", org=node):
        steps.setdefault(r["task"], []).append(str(r["step"]))
    rows = [
        task_row(r | {"outline": "\n".join(steps.get(r["task"], ()))})
        for r in lookup.run(store, "who_tasks", org=node)
    ]
    rows = [t for t in rows if role is None or t.role == role]
    by_doc: dict[str, tuple[DocRef, list[TaskRow]]] = {}
    for t in sorted(rows, key=lambda t: (t.order, ROLES.index(t.role or "lead"))):
        group = by_doc.setdefault(t.doc.iri, (t.doc, []))[1]
        if not any(x.iri == t.iri and x.role == t.role for x in group):
            group.append(t)
    groups = sorted(by_doc.values(), key=lambda g: (g[0].when, g[0].number or ""), reverse=True)
    return Who(org, groups)


# ---------------------------------------------------------------- output

CSV_HEADER = [
    "文号",
    "文件",
    "所属通知",
    "成文日期",
    "角色",
    "任务",
    "章节",
    "完成时限",
    "原文",
    "来源文件",
    "起",
    "止",
]


def _short(s: str | None, n: int = 90) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def render(w: Who, full: bool = False) -> str:
    """Text for the terminal: a heading per document, a line per task and its quote below it."""
    o = w.org
    alts = f"（又称 {'、'.join(o.alts)}）" if o.alts else ""
    out = [f"{o.name}{alts}：{w.count} 项任务"]
    for doc, tasks in w.groups:
        out.append("")
        out.append(f"{doc.name()}  {doc.when}".rstrip())
        for t in tasks:
            due = f"  时限：{t.deadline}" if t.deadline else ""
            out.append(f"  [{ROLE_ZH.get(t.role, t.role)}] {t.label}{due}")
            if t.quote:
                quote = " ".join(t.quote.split()) if full else _short(t.quote)
                out.append(f"      “{quote}” {t.where}")
    return "\n".join(out)


def to_json(w: Who) -> dict:
    return {
        "org": w.org.to_dict(),
        "documents": [
            {"document": asdict(d), "tasks": [asdict(t) | {"role_zh": ROLE_ZH.get(t.role)} for t in ts]}
            for d, ts in w.groups
        ],
    }


def to_csv(w: Who) -> str:
    rows: list[list[object]] = [CSV_HEADER]
    for doc, tasks in w.groups:
        n = doc.notice
        for t in tasks:
            rows.append(
                [
                    doc.number or (n.number if n else "") or "",
                    doc.title or "",
                    n.name() if n else "",
                    doc.when,
                    ROLE_ZH.get(t.role, t.role),
                    t.label or "",
                    " › ".join(t.outline),
                    t.deadline or "",
                    t.quote or "",
                    t.file or "",
                    t.start,
                    t.end,
                ]
            )
    return csv_text(rows)

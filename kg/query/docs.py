"""Documents filtered the way users ask: in force on a date, by issuer (any form of its name), by 公文种类.

Dates are never guessed: a document whose 施行 date is not recorded is *unknown* on any date (unless
its 有效期至 already passed), reported apart from those known to be in force.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pyoxigraph as ox

from kg.doctypes import doc_type, doc_type_surface
from kg.query import lookup
from kg.query.cells import csv_cell
from kg.query.stats import number_issuer
from kg.records import Record, asdict, fresh

COLUMNS = (
    "number",
    "title",
    "doc_type",
    "issuers",
    "date",
    "in_force_from",
    "in_force_until",
    "in_force",
    "source",
    "part_of",
    "iri",
)


class Doc(Record):
    """One document row of ``kg docs``."""

    iri: str
    number: str
    title: str
    doc_type: str
    date: str
    in_force_from: str
    in_force_until: str
    source: list[str]
    part_of: str = ""
    level: str = ""
    issuers: list[str] = fresh(list)
    names: set[str] = fresh(set)
    in_force: bool | None = None

    @property
    def printed(self) -> bool:
        return bool(self.source)


def load(store: ox.Store) -> list[Doc]:
    """Every document of the graph, with its issuers' names (preferred first) and its type."""
    docs: dict[str, Doc] = {}
    for r in lookup.run(store, "docs_list"):
        title = r["title"] or ""
        d = Doc(
            r["doc"],
            r["number"] or "",
            title,
            r["doc_type"] or doc_type(title) or "",
            r["date"] or "",
            r["in_force_from"] or "",
            r["in_force_until"] or "",
            [s for s in (r["source"] or "").split("\n") if s],
            r["part_of"] or "",
            r["level"] or "",
        )
        decoded = number_issuer(d.number, r["number_issuer"] or "")
        if decoded:
            d.names.add(decoded)
        docs[d.iri] = d
    for r in sorted(lookup.run(store, "docs_issuers"), key=lambda r: (r["primary"] != "true", r["name"])):
        d = docs.get(r["doc"])
        if d is None:
            continue
        d.names.add(r["name"])
        if r["primary"] == "true" and r["name"] not in d.issuers:
            d.issuers.append(r["name"])
    return sorted(docs.values(), key=lambda d: (not d.printed, d.date or "9999", d.number, d.title))


def in_force(d: Doc, on: date) -> bool | None:
    """True when 施行 ≤ ``on`` ≤ 有效期至 (or no end), False when known not to be, None when unknown."""
    start = date.fromisoformat(d.in_force_from) if d.in_force_from else None
    end = date.fromisoformat(d.in_force_until) if d.in_force_until else None
    if (end and end < on) or (start and start > on):
        return False
    return True if start else None


def has_issuer(d: Doc, name: str) -> bool:
    """``name`` is a substring of any form of an issuer's name (or of the issuer its 文号 names);
    人民政府 and 政府 are taken as the same word (``区政府办公室`` finds ``…柯桥区人民政府办公室``)."""
    short = name.replace("人民政府", "政府")
    return any(name in n or short in n.replace("人民政府", "政府") for n in d.names)


def has_type(d: Doc, kind: str) -> bool:
    """The document's base kind (意见, 通知, 方案 …) or its kind as printed (实施方案) is ``kind``."""
    return kind in (d.doc_type, doc_type_surface(d.title) or "")


def select(
    docs: list[Doc],
    on: date | None = None,
    issuer: str | None = None,
    kind: str | None = None,
    printed_only: bool = True,
) -> list[Doc]:
    """The documents that pass every given filter; with ``on``, each gets ``in_force`` True or None."""
    out = []
    for d in docs:
        if (printed_only and not d.printed) or (issuer and not has_issuer(d, issuer)):
            continue
        if kind and not has_type(d, kind):
            continue
        if on is not None:
            d.in_force = in_force(d, on)
            if d.in_force is False:
                continue
        out.append(d)
    return out


def as_dict(d: Doc) -> dict:
    """A JSON-ready row (the name set is left out)."""
    row = asdict(d)
    row.pop("names")
    return row


def to_csv(docs: list[Doc], dated: bool = False) -> str:
    """CSV with one row per document (lists joined with ``; ``); ``dated``: in_force is yes / unknown."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for d in docs:
        row = as_dict(d)
        row["issuers"] = "; ".join(d.issuers)
        row["source"] = "; ".join(d.source)
        row["in_force"] = ({True: "yes", False: "no"}.get(d.in_force, "unknown")) if dated else ""
        w.writerow([csv_cell(row[c]) for c in COLUMNS])  # no spreadsheet formulas from text
    return buf.getvalue()


def _line(d: Doc) -> str:
    span = (
        f"{d.in_force_from or '?'} – {d.in_force_until or '…'}" if d.in_force_from or d.in_force_until else ""
    )
    head = " ".join(x for x in (d.number, f"《{d.title}》" if d.title else "") if x)
    meta = [
        x
        for x in (
            d.doc_type,
            "; ".join(d.issuers),
            d.date and f"成文 {d.date}",
            span and f"施行 {span}",
            d.part_of and f"attached to {d.part_of}",
            "; ".join(d.source) or "not printed",
        )
        if x
    ]
    return f"  {head}\n      {' | '.join(meta)}"


def render(docs: list[Doc], on: date | None = None) -> str:
    """Terminal text: one block per document; with ``on``, known-in-force and unknown apart."""
    if on is None:
        return "\n".join([f"Documents ({len(docs)})", *map(_line, docs)])
    known = [d for d in docs if d.in_force]
    unknown = [d for d in docs if d.in_force is None]
    out = [f"In force on {on.isoformat()} ({len(known)})", *map(_line, known)]
    out += ["", f"Unknown on {on.isoformat()}: no 施行 date recorded ({len(unknown)})", *map(_line, unknown)]
    return "\n".join(out)

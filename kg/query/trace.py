"""What a document rests on (up: what it cites) and what rests on it (down: what cites it).

A notice and the plans attached to it (``eli:is_part_of``) count as one unit both ways. The
reachable set is found with SPARQL property paths on the Oxigraph store (no recursion limit);
the tree is then laid out by an iterative walk, each unit expanded once (cycles and diamonds
are shown again, marked, but not expanded).
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.docnumber import decode, normalise_number, parse_number
from kg.query import lookup
from kg.query.lookup import NotFound
from kg.records import Record, asdict, fresh

RELATION_ZH = {"implements": "实施", "basis": "依据", "mentions": "引用"}
_STRENGTH = {"implements": 3, "basis": 2, "mentions": 1}
LEVEL_ZH = {"national": "国家", "provincial": "省", "prefecture": "市", "county": "区县", "township": "乡镇"}


class DocInfo(Record):
    iri: str
    number: str | None = None
    title: str | None = None
    date: str | None = None
    issuer: str | None = None
    level: str | None = None
    parts: list[str] = fresh(list)

    @property
    def level_zh(self) -> str:
        return LEVEL_ZH.get(self.level or "", self.level or "?")

    def name(self) -> str:
        return " ".join(x for x in (self.number, self.title) if x) or self.iri


class TraceLine(Record):
    depth: int
    doc: DocInfo
    relation: str | None = None  # relation to the line's parent (implements / basis / mentions)
    repeated: bool = False  # already shown above: not expanded again


# ---------------------------------------------------------------- finding documents


def _unit(iri: str, notice: str | None) -> str:
    return notice or iri


def find_documents(store: ox.Store, query: str) -> list[str]:
    """IRIs of the units (notices, or documents on their own) that ``query`` names.

    ``query``: a 文号 in any spelling, or a title fragment (an exact title wins over fragments;
    among several documents, the one printed in the corpus wins over those only cited).
    """
    query = query.strip().strip("《》")
    number = normalise_number(query)
    if number:
        rows = lookup.run(store, "find_docs_by_number", number=lookup.literal(number))
        if rows:
            return _dedupe(_unit(r["doc"], r["notice"]) for r in rows)
    rows = lookup.run(store, "find_docs_by_title", text=lookup.literal(query))
    rows = [r for r in rows if truthy(r["exact"])] or rows
    units = _dedupe(_unit(r["doc"], r["notice"]) for r in rows)
    printed = _dedupe(_unit(r["doc"], r["notice"]) for r in rows if truthy(r["printed"]))
    return printed if len(units) > 1 and len(printed) == 1 else units


def truthy(value: object) -> bool:
    """A SPARQL boolean as lookup.run returns it (``"true"`` / ``"false"`` today, maybe bool later)."""
    return value is True or value == "true" or value == "1"


def _dedupe(items) -> list[str]:
    return list(dict.fromkeys(items))


def resolve_document(store: ox.Store, query: str) -> str:
    """The one unit ``query`` names; :class:`NotFound` (with candidates when ambiguous) otherwise."""
    units = find_documents(store, query)
    if len(units) == 1:
        return units[0]
    if not units:
        raise NotFound(f"no document matches {query!r}")
    cands = [asdict(_doc_infos(store, u)[u]) for u in units[:20]]
    raise NotFound(f"{len(units)} documents match {query!r}; give its 文号 or more of its title", cands)


# ---------------------------------------------------------------- the walk


def _doc_infos(store: ox.Store, start: str, direction: str = "up") -> dict[str, DocInfo]:
    """DocInfo of every document reachable from ``start`` in ``direction``."""
    out: dict[str, DocInfo] = {}
    notices: dict[str, str] = {}
    for r in lookup.run(store, f"trace_{direction}_docs", start=lookup.iri(start)):
        if r["doc"] in out:
            continue
        issuer, level = _issuer_and_level(r)
        out[r["doc"]] = DocInfo(r["doc"], r["number"], r["title"], r["date"], issuer, level)
        if r["notice"]:
            notices[r["doc"]] = r["notice"]
    _attach_parts(out, notices)
    return out


def _issuer_and_level(r: dict) -> tuple[str | None, str | None]:
    """Issuer: eli:passed_by, else kg:numberIssuer (the organ the 文号 names), else the 文号 decoded.
    Level: kg:level on the document, else on its issuer, else from the decoded 文号."""
    parsed = parse_number(r["number"]) if r["number"] else None
    decoded = decode(parsed.code) if parsed else None
    issuer = r["issuers"] or r["code"] or (decoded[0] if decoded else None)
    level = r["level"] or r["issuerLevel"] or (decoded[1] if decoded else None)
    return issuer, level


def _edges(store: ox.Store, start: str, direction: str) -> dict[str, dict[str, str]]:
    """unit -> {next unit: strongest relation} for the walk in ``direction`` (up: cited, down: citing)."""
    adj: dict[str, dict[str, str]] = {}
    rows = [
        r for r in lookup.run(store, f"trace_{direction}_edges", start=lookup.iri(start)) if r["a"] and r["b"]
    ]
    rels: dict[tuple[str, str], list[str]] = {}
    for citing in dict.fromkeys(r["a"] for r in rows):
        for x in lookup.run(store, "trace_relations", citing=lookup.iri(citing)):
            rels.setdefault((citing, x["b"]), []).append(x["rel"])
    for r in rows:
        a, b = _unit(r["a"], r["aNotice"]), _unit(r["b"], r["bNotice"])
        if a == b:
            continue
        src, dst = (a, b) if direction == "up" else (b, a)
        for rel in rels.get((r["a"], r["b"])) or ["mentions"]:
            old = adj.setdefault(src, {}).get(dst)
            if old is None or _STRENGTH.get(rel, 0) > _STRENGTH.get(old, 0):
                adj[src][dst] = rel
    return adj


def _attach_parts(infos: dict[str, DocInfo], notices: dict[str, str]) -> None:
    """Record on each notice the titles of its attached parts."""
    for doc, notice in notices.items():
        if notice in infos and infos[doc].title and infos[doc].title not in infos[notice].parts:
            infos[notice].parts.append(infos[doc].title)


def trace(store: ox.Store, start: str, direction: str = "up", depth: int | None = None) -> list[TraceLine]:
    """The tree from unit ``start`` as lines in pre-order (depth 0 is ``start`` itself)."""
    if direction not in ("up", "down"):
        raise ValueError(f"direction must be 'up' or 'down', not {direction!r}")
    infos = _doc_infos(store, start, direction)
    adj = _edges(store, start, direction)
    lines: list[TraceLine] = []
    expanded: set[str] = set()
    stack: list[tuple[str, int, str | None]] = [(start, 0, None)]
    while stack:
        iri, level, rel = stack.pop()
        info = infos.get(iri) or DocInfo(iri)
        repeated = iri in expanded
        lines.append(TraceLine(level, info, rel, repeated))
        if repeated or (depth is not None and level >= depth):
            continue
        expanded.add(iri)
        nxt = adj.get(iri, {})
        children = sorted(nxt, key=lambda n: (-_STRENGTH.get(nxt[n], 0), infos.get(n, DocInfo(n)).name()))
        stack.extend((c, level + 1, nxt[c]) for c in reversed(children))
    return lines


# ---------------------------------------------------------------- output


def to_rows(lines: list[TraceLine]) -> list[dict]:
    """Plain dicts (flat, with depth) for JSON: nesting 10,000 levels deep would not serialise."""
    rows = []
    for ln in lines:
        d = asdict(ln.doc)
        d.update(
            depth=ln.depth,
            relation=ln.relation,
            relation_zh=RELATION_ZH.get(ln.relation or ""),
            level_zh=ln.doc.level_zh,
            repeated=ln.repeated,
        )
        rows.append(d)
    return rows


_MAX_INDENT = 12


def _indent(depth: int) -> str:
    """Two spaces a level; past a dozen levels the depth is written instead of more spaces."""
    return "  " * depth if depth <= _MAX_INDENT else "  " * _MAX_INDENT + f"[{depth}] "


def render(lines: list[TraceLine], direction: str = "up") -> str:
    """The tree as indented text: ``[依据] 浙政办发〔2021〕59号 标题 — 浙江省人民政府办公厅 (省)``."""
    out = []
    for ln in lines:
        d = ln.doc
        rel = f"[{RELATION_ZH.get(ln.relation, ln.relation)}] " if ln.relation else ""
        who = f" — {d.issuer}" if d.issuer else ""
        seen = " (见上)" if ln.repeated else ""
        out.append(f"{_indent(ln.depth)}{rel}{d.name()}{who} ({d.level_zh}){seen}")
        if ln.depth == 0 and d.parts:
            out.extend(f"  附: {p}" for p in d.parts)
    arrow = "它依据/引用的文件" if direction == "up" else "依据/引用它的文件"
    out.append(f"— {len(lines) - 1} {arrow}")
    return "\n".join(out)

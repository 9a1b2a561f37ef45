"""The corpus at a glance: counts, agency load, the documents everything rests on, citation chains,
levels, and the documents to collect (cited by the corpus, not printed in it).

Everything is computed from the typed graph of :mod:`kg.query.netx`; :func:`summary` gives plain data
(what ``kg stats --json`` prints) and :func:`render` the terminal text.
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from kg.docnumber import decode, parse_number
from kg.query.netx import KINDS, of_kind, relation_graph

LEVEL_ZH = {
    "national": "国家(国务院)",
    "provincial": "省",
    "prefecture": "市",
    "county": "区县",
    "township": "乡镇街道",
    "other": "其他",
    "": "未知",
}
ROLES = ("lead", "responsible", "supporting")


def short(g: nx.MultiDiGraph, n: str, width: int = 40) -> str:
    """A node's name for a listing: a document's 文号 when it has one, else its label, cut to ``width``."""
    d = g.nodes[n]
    name = d.get("number") or d.get("label") or n
    return name if len(name) <= width else name[: width - 1] + "…"


def _sources(g: nx.MultiDiGraph, n: str, relations: tuple[str, ...]) -> set[str]:
    """Distinct nodes with an edge of one of ``relations`` into ``n``."""
    return {a for a, _, r in g.in_edges(n, data="relation") if r in relations}


def counts(g: nx.MultiDiGraph) -> dict[str, int]:
    """Nodes by kind, printed and cited-only documents, citation edges."""
    kinds = Counter(k for _, k in g.nodes(data="kind"))
    out = {k: kinds.get(k, 0) for k in KINDS}
    docs = of_kind(g, "document")
    out["printed documents"] = sum(g.nodes[n]["printed"] for n in docs)
    out["cited-only documents"] = len(docs) - out["printed documents"]
    rels = Counter(r for *_, r in g.edges(data="relation"))
    out["citations (document → document)"] = rels.get("cites", 0)
    out["references (entry → document)"] = rels.get("references", 0)
    return out


def agency_load(g: nx.MultiDiGraph, top: int | None = None) -> list[dict]:
    """Organisations by tasks as lead / responsible / supporting and documents issued, heaviest first."""
    rows = []
    for n in of_kind(g, "organisation"):
        row = {r: len(_sources(g, n, (r,))) for r in ROLES}
        row["issued"] = len(_sources(g, n, ("issued_by",)))
        row["total"] = sum(row.values())
        if row["total"]:
            d = g.nodes[n]
            rows.append({"id": n, "label": d["label"], "level": d["level"], **row})
    rows.sort(key=lambda r: (-r["total"], -r["lead"], r["label"]))
    return rows[:top] if top else rows


def pagerank(d: nx.DiGraph, alpha: float = 0.85) -> dict[str, float]:
    """PageRank of ``d``; networkx's scipy version when scipy is installed, else numpy power iteration."""
    if d.number_of_nodes() == 0:
        return {}
    try:
        return nx.pagerank(d, alpha=alpha)
    except ImportError:
        import numpy as np

        nodes = list(d)
        m = np.asarray(nx.google_matrix(d, nodelist=nodes, alpha=alpha))
        x = np.full(len(nodes), 1.0 / len(nodes))
        for _ in range(200):
            nxt = x @ m
            if np.abs(nxt - x).sum() < 1e-10:
                break
            x = nxt
        return dict(zip(nodes, (float(v) for v in x / x.sum()), strict=True))


def cited_documents(g: nx.MultiDiGraph, top: int | None = None) -> list[dict]:
    """Documents by how much rests on them: citing documents, citing entries, PageRank over eli:cites.

    A notice citing the plan it transmits (eli:is_part_of either way) does not count: it is one publication.
    """
    docs = of_kind(g, "document")
    cites = relation_graph(g.subgraph(docs), "cites")
    cites.remove_edges_from(_attachments(g))
    rank = pagerank(cites)
    rows = []
    for n in docs:
        by_docs, by_entries = cites.in_degree(n), len(_sources(g, n, ("references",)))
        if by_docs or by_entries:
            d = g.nodes[n]
            rows.append(
                {
                    "id": n,
                    "number": d["number"],
                    "title": d["label"],
                    "printed": bool(d["printed"]),
                    "cited_by": by_docs,
                    "referenced_by": by_entries,
                    "pagerank": round(rank.get(n, 0), 6),
                }
            )
    rows.sort(key=lambda r: (-r["cited_by"], -r["pagerank"], -r["referenced_by"], r["number"] or r["title"]))
    return rows[:top] if top else rows


def _attachments(g: nx.MultiDiGraph) -> set[tuple[str, str]]:
    """(notice, plan) and (plan, notice) for every eli:is_part_of between documents."""
    pairs = {
        (a, b) for a, b, r in g.edges(data="relation") if r == "part_of" and g.nodes[b]["kind"] == "document"
    }
    return pairs | {(b, a) for a, b in pairs}


def longest_chains(g: nx.MultiDiGraph, k: int = 3) -> list[list[str]]:
    """Up to ``k`` longest citation chains (citing → cited → …), from distinct starting documents.

    Citation cycles are collapsed first (one member stands for the cycle), so chains are finite.
    """
    cites = relation_graph(g.subgraph(of_kind(g, "document")), "cites")
    dag = nx.condensation(cites)
    rep = {c: min(dag.nodes[c]["members"]) for c in dag}
    best: dict[int, tuple[int, int | None]] = {}
    for c in reversed(list(nx.topological_sort(dag))):
        succ = [(best[s][0] + 1, s) for s in dag.successors(c)]
        best[c] = max(succ) if succ else (0, None)
    roots = sorted((c for c in dag if dag.in_degree(c) == 0 and best[c][0] > 0), key=lambda c: -best[c][0])
    chains = []
    for c in roots[:k]:
        chain = [rep[c]]
        while best[c][1] is not None:
            c = best[c][1]
            chain.append(rep[c])
        chains.append(chain)
    return chains


def levels(g: nx.MultiDiGraph) -> dict[str, dict[str, int]]:
    """Documents and organisations by administrative level."""
    out = {}
    for kind in ("document", "organisation"):
        c = Counter(g.nodes[n]["level"] for n in of_kind(g, kind))
        out[kind] = dict(sorted(c.items(), key=lambda kv: -kv[1]))
    return out


def number_issuer(number: str, recorded: str = "") -> str:
    """The issuer a 文号 names: the graph's kg:numberIssuer, else decoded from the issuer code."""
    if recorded or not number:
        return recorded
    parsed = parse_number(number)
    decoded = decode(parsed.code) if parsed else None
    return decoded[0] if decoded else ""


def to_collect(g: nx.MultiDiGraph) -> list[dict]:
    """Documents cited by the corpus but not printed in it, most-cited first, with who cites them."""
    rows = []
    for n in of_kind(g, "document"):
        d = g.nodes[n]
        citers = _sources(g, n, ("cites", "references"))
        if d["printed"] or not citers:
            continue
        rows.append(
            {
                "id": n,
                "number": d["number"],
                "title": d["label"] if d["label"] != d["number"] else "",
                "issuer": number_issuer(d["number"], d["number_issuer"]),
                "level": d["level"],
                "cited_by_count": len(citers),
                "cited_by": sorted(short(g, c) for c in citers),
            }
        )
    rows.sort(key=lambda r: (-r["cited_by_count"], not r["number"], r["number"], r["title"]))
    return rows


def summary(g: nx.MultiDiGraph, top: int = 15) -> dict:
    """Everything ``kg stats`` reports, as plain data."""
    return {
        "counts": counts(g),
        "agencies": agency_load(g, top),
        "documents": cited_documents(g, top),
        "chains": [[{"id": n, "name": short(g, n, 60)} for n in c] for c in longest_chains(g)],
        "levels": levels(g),
        "to_collect": to_collect(g),
    }


def _table(rows: list[list[object]], header: list[str]) -> list[str]:
    widths = [max(_w(str(x)) for x in col) for col in zip(header, *rows, strict=True)]
    fmt = [
        " ".join(_pad(str(x), w) for x, w in zip(r, widths, strict=True)).rstrip() for r in [header, *rows]
    ]
    return ["  " + line for line in fmt]


def _w(s: str) -> int:
    """Display width: CJK and full-width characters take two columns."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    return s + " " * (width - _w(s))


def render(s: dict) -> str:
    """The terminal text of a :func:`summary`."""
    out = ["Counts"] + [f"  {k:<34}{v:>7}" for k, v in s["counts"].items()]
    out += ["", "Agencies by load (tasks as lead / responsible / supporting, documents issued)"]
    out += (
        _table(
            [
                [
                    a["label"],
                    LEVEL_ZH.get(a["level"], a["level"]),
                    a["lead"],
                    a["responsible"],
                    a["supporting"],
                    a["issued"],
                ]
                for a in s["agencies"]
            ],
            ["agency", "level", "lead", "resp", "supp", "issued"],
        )
        if s["agencies"]
        else ["  (none)"]
    )
    out += ["", "Documents the corpus rests on most (cited by documents / entries, PageRank over eli:cites)"]
    out += (
        _table(
            [
                [
                    d["number"] or "—",
                    _cut(d["title"], 24),
                    d["cited_by"],
                    d["referenced_by"],
                    f"{d['pagerank']:.4f}",
                    "" if d["printed"] else "not printed",
                ]
                for d in s["documents"]
            ],
            ["文号", "title", "docs", "entries", "pagerank", ""],
        )
        if s["documents"]
        else ["  (none)"]
    )
    out += ["", "Longest citation chains (citing → cited)"]
    out += [f"  {len(c) - 1} step(s): " + " → ".join(x["name"] for x in c) for c in s["chains"]] or [
        "  (none)"
    ]
    out += ["", "Levels present"]
    for kind, c in s["levels"].items():
        out.append(f"  {kind + 's':<15}" + "  ".join(f"{LEVEL_ZH.get(k, k)} {v}" for k, v in c.items()))
    out += ["", f"To collect: cited, not printed in the corpus ({len(s['to_collect'])})"]
    for d in s["to_collect"]:
        name = " ".join(x for x in (d["number"], f"《{d['title']}》" if d["title"] else "") if x)
        issuer = f"  [{d['issuer']}]" if d["issuer"] else ""
        out.append(f"  {d['cited_by_count']:>3}× {name}{issuer}")
        out.append(f"       cited by: {', '.join(d['cited_by'])}")
    return "\n".join(out)


def _cut(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"

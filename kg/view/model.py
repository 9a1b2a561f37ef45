"""The graph as the explorer's data: plain lists and dicts, ready to embed as JSON.

Nodes are documents, organisations, tasks and yearbook entries; edges carry a relation key
(see :data:`RELATIONS`) and the indices of their evidence. Evidence records are
``[source file, start, end, quoted text]``. Nothing here knows HTML.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from kg.store import NTriples, triples
from kg.vocab import DCTERMS, ELI, KG, OA, ORG, PROV, RDF, RDFS, ROLE_PROPERTIES, SKOS

KINDS = {"doc": "文件", "org": "机构", "task": "任务", "entry": "条目"}
LEVELS = {
    "national": "国家",
    "provincial": "省级",
    "prefecture": "地市",
    "county": "县区",
    "township": "乡镇",
    "other": "其他",
    "": "未知",
}
RELATIONS = {
    "lead": "牵头",
    "resp": "责任",
    "supp": "配合",
    "cites": "引用",
    "basis": "依据",
    "impl": "实施",
    "part": "属于",
    "issued": "发文",
    "sub": "隶属",
    "mentions": "提及",
}
ROLES = {
    short: str(ROLE_PROPERTIES[role])
    for short, role in (("lead", "lead"), ("resp", "responsible"), ("supp", "supporting"))
}
CITATION_RELATION = {"basis": "basis", "implements": "impl"}
STRENGTH = {"cites": 0, "basis": 1, "impl": 2}
CLASSES = ((ELI.LegalResource, "doc"), (ORG.Organization, "org"), (KG.Task, "task"), (KG.Entry, "entry"))
P = {  # the properties read, as plain IRI strings
    k: str(v)
    for k, v in {
        "type": RDF.type,
        "label": RDFS.label,
        "level": KG.level,
        "title": ELI.title,
        "alt_title": ELI.title_alternative,
        "number": ELI.id_local,
        "doc_type": KG.docType,
        "date": ELI.date_document,
        "from": ELI.first_date_entry_in_force,
        "until": ELI.date_no_longer_in_force,
        "source": DCTERMS.source,
        "code": KG.numberIssuer,
        "to": KG.recipient,
        "pref": SKOS.prefLabel,
        "alt": SKOS.altLabel,
        "kind": KG.kind,
        "mentions": KG.mentionCount,
        "text": KG.text,
        "deadline": KG.deadline,
        "outline": KG.outline,
        "file": KG.sourceFile,
        "start": OA.start,
        "end": OA.end,
        "exact": OA.exact,
        "derived": PROV.wasDerivedFrom,
        "task_of": DCTERMS.isPartOf,
        "part_of": ELI.is_part_of,
        "passed_by": ELI.passed_by,
        "sub": ORG.subOrganizationOf,
        "mentioned": KG.mentions,
        "citation": KG.Citation,
        "citing": KG.citing,
        "cited": KG.cited,
        "relation": KG.relation,
        "cites": ELI.cites,
        "references": DCTERMS.references,
        "based_on": ELI.based_on,
        "implements": ELI.implements,
    }.items()
}


PAIRS = (
    {P[k] for k in ("type", "task_of", "part_of", "passed_by", "sub", "mentioned", "cites", "references")}
    | {P[k] for k in ("based_on", "implements")}
    | set(ROLES.values())
)


SHOWN = {str(cls) for cls, _ in CLASSES} | {P["citation"]}


IRI_VALUED = PAIRS | {P[k] for k in ("derived", "citing", "cited")}


class Index:
    """The values the explorer reads, as plain strings: the values of each subject's properties,
    and the (subject, value) pairs of each property in :data:`PAIRS`. Filled from a built graph's
    triples (:meth:`of_triples`) or, during a build, by the graph writer itself (:meth:`add`,
    with terms in N-Triples form: :func:`kg.graph.emit` writes through it as through its lines),
    so that the explorer need not read the graph back."""

    def __init__(self):
        self.values: dict[str, dict[str, list[str]]] = {}
        self.pairs: dict[str, list[tuple[str, str]]] = {p: [] for p in PAIRS}
        self.evidence: dict[tuple, str] = {}  # for the graph writer: the evidence nodes written
        self._read = {f"<{p}>": (p, p in IRI_VALUED) for p in {*P.values(), *PAIRS}}

    @classmethod
    def of_triples(cls, g: NTriples) -> Index:
        """Every triple of ``g`` once (a subject's triples come together: its dict looked up once)."""
        self = cls()
        pairs, values, here, at, a = self.pairs, self.values, {}, None, P["type"]
        for s, p, o in g.values():
            if p == a and o not in SHOWN:
                continue  # evidence selectors' types
            if s != at:
                here, at = values.setdefault(s, {}), s
            if p in here:
                here[p].append(o)
            else:
                here[p] = [o]
            if p in pairs:
                pairs[p].append((s, o))
        return self

    # the graph writer's interface: terms in N-Triples form, literals given as their plain values
    lit = staticmethod(str)
    zh = staticmethod(str)

    @staticmethod
    def typed(v, datatype: str) -> str:
        return str(v)

    def add(self, s: str, p: str, o: str) -> None:
        """One triple (``s``, ``p`` and IRI objects in angle brackets; properties not read are skipped)."""
        read = self._read.get(p)
        if read is None:
            return
        p, iri = read
        if iri:
            o = o[1:-1]
            if p == P["type"] and o not in SHOWN:
                return
        s = s[1:-1]
        here = self.values.get(s)
        if here is None:
            here = self.values[s] = {}
        if p in here:
            here[p].append(o)
        else:
            here[p] = [o]
        if p in self.pairs:
            self.pairs[p].append((s, o))

    def all(self, s: str, p: str) -> list[str]:
        v = self.values.get(s)
        return sorted(set(v.get(p, ()))) if v else []

    def first(self, s: str, p: str) -> str:
        v = self.values.get(s)
        return min(v[p]) if v and v.get(p) else ""


class _Builder:
    """Reads the graph's index once per property; interns evidence."""

    def __init__(self, g: Index):
        self.g = g
        self.index: dict[str, int] = {}
        self.nodes: list[dict] = []
        self.edges: dict[tuple[int, int, str], set[int]] = {}
        self.evidence: list[list] = []
        self.ev_index: dict[str, int] = {}
        self.evs_of: dict[str, list[int]] = {}

    def ev(self, node: str) -> int:
        if node not in self.ev_index:
            g = self.g
            start, end = g.first(node, P["start"]), g.first(node, P["end"])
            self.ev_index[node] = len(self.evidence)
            self.evidence.append(
                [
                    g.first(node, P["file"]),
                    int(start) if start else None,
                    int(end) if end else None,
                    g.first(node, P["exact"]),
                ]
            )
        return self.ev_index[node]

    def evs(self, s: str) -> list[int]:
        """The evidence of ``s`` (a task's once, for all its units' edges)."""
        out = self.evs_of.get(s)
        if out is None:
            out = self.evs_of[s] = sorted(self.ev(e) for e in self.g.all(s, P["derived"]))
        return out

    def add_nodes(self) -> None:
        typed = defaultdict(set)
        for s, cls in self.g.pairs[P["type"]]:
            typed[cls].add(s)
        for cls, kind in CLASSES:
            for s in sorted(typed[str(cls)]):
                if s not in self.index:
                    self.index[s] = len(self.nodes)
                    self.nodes.append(getattr(self, f"_{kind}")(s))

    def _base(self, s: str, kind: str, label: str, names: list[str], facts: dict) -> dict:
        names = [n for n in dict.fromkeys(names) if n and n != label]
        return {
            "u": s,
            "k": kind,
            "l": label,
            "v": self.g.first(s, P["level"]),
            "s": names,
            "f": {k: v for k, v in facts.items() if v},
            "e": self.evs(s),
        }

    def _doc(self, s: str) -> dict:
        first, every = self.g.first, self.g.all
        title, number = first(s, P["title"]), first(s, P["number"])
        alts = every(s, P["alt_title"])
        facts = {
            "number": number,
            "title": title,
            "alt": alts,
            "type": first(s, P["doc_type"]),
            "date": first(s, P["date"]),
            "from": first(s, P["from"]),
            "until": first(s, P["until"]),
            "source": every(s, P["source"]),
            "code": first(s, P["code"]),
            "to": every(s, P["to"]),
        }
        return self._base(s, "doc", title or number or "（无题文件）", [title, number, *alts], facts)

    def _org(self, s: str) -> dict:
        first = self.g.first
        pref = first(s, P["pref"]) or first(s, P["label"])
        alts = self.g.all(s, P["alt"])
        facts = {"pref": pref, "alt": alts, "kind": first(s, P["kind"]), "mentions": first(s, P["mentions"])}
        return self._base(s, "org", pref or (alts[0] if alts else "（无名机构）"), [pref, *alts], facts)

    def _task(self, s: str) -> dict:
        first = self.g.first
        label = first(s, P["label"])
        facts = {
            "text": first(s, P["text"]),
            "deadline": first(s, P["deadline"]),
            "outline": [o.split(" ", 1)[-1] for o in self.g.all(s, P["outline"])],
        }
        return self._base(s, "task", label or "（任务）", [label], facts)

    def _entry(self, s: str) -> dict:
        label = self.g.first(s, P["label"])
        return self._base(s, "entry", label or "（条目）", [label], {"source": self.g.all(s, P["file"])})

    def edge(self, a: str, b: str, rel: str, evs=()) -> None:
        ia, ib = self.index.get(a), self.index.get(b)
        if ia is None or ib is None or ia == ib:
            return
        self.edges.setdefault((ia, ib, rel), set()).update(evs)

    def add_edges(self) -> None:
        pairs = self.g.pairs
        for rel, prop in ROLES.items():
            for t, o in pairs[prop]:
                self.edge(t, o, rel, self.evs(t))
        for t, d in pairs[P["task_of"]]:
            self.edge(t, d, "part", self.evs(t))
        for a, b in pairs[P["part_of"]]:
            self.edge(a, b, "part")
        for d, o in pairs[P["passed_by"]]:
            self.edge(o, d, "issued", self.evs(d))
        for a, b in pairs[P["sub"]]:
            self.edge(a, b, "sub")
        for a, b in pairs[P["mentioned"]]:
            self.edge(a, b, "mentions")
        self._citations()

    def _citations(self) -> None:
        """One edge per citing/cited pair, with the strongest relation and every citation's evidence."""
        g = self.g
        pairs: dict[tuple, list] = defaultdict(lambda: ["cites", set()])
        for c in sorted({c for c, cls in g.pairs[P["type"]] if cls == P["citation"]}):  # in the graph's order
            a, b = g.first(c, P["citing"]), g.first(c, P["cited"])
            rel = CITATION_RELATION.get(g.first(c, P["relation"]), "cites")
            self._merge(pairs[(a, b)], rel, self.evs(c))
        for prop, rel in (
            ("cites", "cites"),
            ("references", "cites"),
            ("based_on", "basis"),
            ("implements", "impl"),
        ):
            for a, b in g.pairs[P[prop]]:
                self._merge(pairs[(a, b)], rel, ())
        for (a, b), (rel, evs) in pairs.items():
            self.edge(a, b, rel, evs)

    @staticmethod
    def _merge(slot: list, rel: str, evs) -> None:
        if STRENGTH[rel] > STRENGTH[slot[0]]:
            slot[0] = rel
        slot[1].update(evs)


def _folded(nodes: list[dict], edges: list[list]) -> list[list]:
    """Tasks folded into document -> organisation counts: ``[doc, org, lead, resp, supp]``."""
    doc_of = {e[0]: e[1] for e in edges if e[2] == "part" and nodes[e[0]]["k"] == "task"}
    counts: dict[tuple[int, int], Counter] = defaultdict(Counter)
    for a, b, rel, _ in edges:
        if rel in ROLES and a in doc_of:
            counts[(doc_of[a], b)][rel] += 1
    return [[d, o, c["lead"], c["resp"], c["supp"]] for (d, o), c in sorted(counts.items())]


def _degrees(nodes: list[dict], edges: list[list], folded: list[list]) -> None:
    """``d`` on every node: its edges other than mentions, plus the tasks folded onto it."""
    deg = Counter()
    for a, b, rel, _ in edges:
        if rel != "mentions":
            deg[a] += 1
            deg[b] += 1
    for d, o, *n in folded:
        deg[d] += sum(n)
        deg[o] += sum(n)
    for i, n in enumerate(nodes):
        n["d"] = deg[i]


def build_model(g) -> dict:
    """The explorer's data for graph ``g`` (triples or an rdflib graph): ``nodes``, ``edges``,
    ``folded``, ``evidence``."""
    return model_of(Index.of_triples(triples(g)))


def model_of(index: Index) -> dict:
    """The explorer's data from the values of a graph (:class:`Index`)."""
    b = _Builder(index)
    b.add_nodes()
    b.add_edges()
    edges = [[a, c, rel, sorted(evs)] for (a, c, rel), evs in sorted(b.edges.items())]
    folded = _folded(b.nodes, edges)
    _degrees(b.nodes, edges, folded)
    return {"nodes": b.nodes, "edges": edges, "folded": folded, "evidence": b.evidence, "start": []}


def subset(model: dict, keep: set[int], start: list[int] | None = None, degrees: bool = True) -> dict:
    """The part of ``model`` on the nodes ``keep`` (re-indexed; evidence pruned; with ``degrees``
    False the nodes keep their degrees in the whole model)."""
    order = sorted(keep)
    new = {old: i for i, old in enumerate(order)}
    ev_new: dict[int, int] = {}

    def evs(ids: list[int]) -> list[int]:
        return [ev_new.setdefault(e, len(ev_new)) for e in ids]

    nodes = [{**model["nodes"][i], "e": evs(model["nodes"][i]["e"])} for i in order]
    edges = [[new[a], new[b], rel, evs(e)] for a, b, rel, e in model["edges"] if a in new and b in new]
    folded = [[new[d], new[o], *n] for d, o, *n in model["folded"] if d in new and o in new]
    evidence = [None] * len(ev_new)
    for old, i in ev_new.items():
        evidence[i] = model["evidence"][old]
    if degrees:
        _degrees(nodes, edges, folded)
    return {
        "nodes": nodes,
        "edges": edges,
        "folded": folded,
        "evidence": evidence,
        "start": [new[i] for i in (start or []) if i in new],
    }


EMBED_LIMIT = 25_000  # nodes a page embeds whole (a 10 MB corpus: ~24,000 nodes, a 22 MB page)
OVERVIEW = 500  # documents and organisations a larger graph's page embeds (the overview's largest choice)


def page_model(model: dict, limit: int = EMBED_LIMIT) -> dict:
    """What a page embeds: ``model`` itself up to ``limit`` nodes; beyond, its overview (the
    :data:`OVERVIEW` documents and organisations of highest degree, their edges and folded tasks,
    degrees as in the whole graph) marked ``partial`` with the whole graph's size: the page then
    fetches the rest from ``kg serve`` (:mod:`kg.view.remote`), or says to run it."""
    nodes = model["nodes"]
    if len(nodes) <= limit:
        return model
    top = sorted(
        (i for i, n in enumerate(nodes) if n["k"] in ("doc", "org")), key=lambda i: (-nodes[i]["d"], i)
    )
    part = subset(model, set(top[:OVERVIEW]), model.get("start"), degrees=False)
    part["partial"] = {"nodes": len(nodes), "edges": len(model["edges"])}
    return part

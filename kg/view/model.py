"""The graph as the explorer's data: plain lists and dicts, ready to embed as JSON.

Nodes are documents, organisations, tasks and yearbook entries; edges carry a relation key
(see :data:`RELATIONS`) and the indices of their evidence. Evidence records are
``[source file, start, end, quoted text]``. Nothing here knows HTML.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.graph import ELI, KG, OA, ORG

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
ROLES = {"lead": KG.leadUnit, "resp": KG.responsibleUnit, "supp": KG.supportingUnit}
CITATION_RELATION = {"basis": "basis", "implements": "impl"}
STRENGTH = {"cites": 0, "basis": 1, "impl": 2}
CLASSES = ((ELI.LegalResource, "doc"), (ORG.Organization, "org"), (KG.Task, "task"), (KG.Entry, "entry"))


def _first(g: Graph, s, p) -> str:
    return next((str(o) for o in sorted(g.objects(s, p))), "")


def _all(g: Graph, s, p) -> list[str]:
    return sorted({str(o) for o in g.objects(s, p)})


class _Builder:
    """Walks one rdflib graph once per property; interns evidence."""

    def __init__(self, g: Graph):
        self.g = g
        self.index: dict[URIRef, int] = {}
        self.nodes: list[dict] = []
        self.edges: dict[tuple[int, int, str], set[int]] = {}
        self.evidence: list[list] = []
        self.ev_index: dict[URIRef, int] = {}

    def ev(self, node) -> int:
        if node not in self.ev_index:
            g = self.g
            start, end = g.value(node, OA.start), g.value(node, OA.end)
            self.ev_index[node] = len(self.evidence)
            self.evidence.append(
                [
                    _first(g, node, KG.sourceFile),
                    int(start) if start is not None else None,
                    int(end) if end is not None else None,
                    _first(g, node, OA.exact),
                ]
            )
        return self.ev_index[node]

    def evs(self, s) -> list[int]:
        return sorted(self.ev(e) for e in self.g.objects(s, PROV.wasDerivedFrom))

    def add_nodes(self) -> None:
        for cls, kind in CLASSES:
            for s in sorted(set(self.g.subjects(RDF.type, cls))):
                if s not in self.index:
                    self.index[s] = len(self.nodes)
                    self.nodes.append(getattr(self, f"_{kind}")(s))

    def _base(self, s, kind: str, label: str, names: list[str], facts: dict) -> dict:
        names = [n for n in dict.fromkeys(names) if n and n != label]
        return {
            "u": str(s),
            "k": kind,
            "l": label,
            "v": _first(self.g, s, KG.level),
            "s": names,
            "f": {k: v for k, v in facts.items() if v},
            "e": self.evs(s),
        }

    def _doc(self, s) -> dict:
        g = self.g
        title, number = _first(g, s, ELI.title), _first(g, s, ELI.id_local)
        alts = _all(g, s, ELI.title_alternative)
        facts = {
            "number": number,
            "title": title,
            "alt": alts,
            "type": _first(g, s, KG.docType),
            "date": _first(g, s, ELI.date_document),
            "from": _first(g, s, ELI.first_date_entry_in_force),
            "until": _first(g, s, ELI.date_no_longer_in_force),
            "source": _all(g, s, DCTERMS.source),
            "code": _first(g, s, KG.numberIssuer),
            "to": _all(g, s, KG.recipient),
        }
        return self._base(s, "doc", title or number or "（无题文件）", [title, number, *alts], facts)

    def _org(self, s) -> dict:
        g = self.g
        pref = _first(g, s, SKOS.prefLabel) or _first(g, s, RDFS.label)
        alts = _all(g, s, SKOS.altLabel)
        facts = {
            "pref": pref,
            "alt": alts,
            "kind": _first(g, s, KG.kind),
            "mentions": _first(g, s, KG.mentionCount),
        }
        return self._base(s, "org", pref or (alts[0] if alts else "（无名机构）"), [pref, *alts], facts)

    def _task(self, s) -> dict:
        g = self.g
        label = _first(g, s, RDFS.label)
        facts = {
            "text": _first(g, s, KG.text),
            "deadline": _first(g, s, KG.deadline),
            "outline": [o.split(" ", 1)[-1] for o in _all(g, s, KG.outline)],
        }
        return self._base(s, "task", label or "（任务）", [label], facts)

    def _entry(self, s) -> dict:
        g = self.g
        label = _first(g, s, RDFS.label)
        return self._base(s, "entry", label or "（条目）", [label], {"source": _all(g, s, KG.sourceFile)})

    def edge(self, a, b, rel: str, evs=()) -> None:
        ia, ib = self.index.get(a), self.index.get(b)
        if ia is None or ib is None or ia == ib:
            return
        self.edges.setdefault((ia, ib, rel), set()).update(evs)

    def add_edges(self) -> None:
        g = self.g
        for rel, prop in ROLES.items():
            for t, o in g.subject_objects(prop):
                self.edge(t, o, rel, self.evs(t))
        for t, d in g.subject_objects(DCTERMS.isPartOf):
            self.edge(t, d, "part", self.evs(t))
        for a, b in g.subject_objects(ELI.is_part_of):
            self.edge(a, b, "part")
        for d, o in g.subject_objects(ELI.passed_by):
            self.edge(o, d, "issued", self.evs(d))
        for a, b in g.subject_objects(ORG.subOrganizationOf):
            self.edge(a, b, "sub")
        for a, b in g.subject_objects(KG.mentions):
            self.edge(a, b, "mentions")
        self._citations()

    def _citations(self) -> None:
        """One edge per citing/cited pair, with the strongest relation and every citation's evidence."""
        g = self.g
        pairs: dict[tuple, list] = defaultdict(lambda: ["cites", set()])
        for c in g.subjects(RDF.type, KG.Citation):
            a, b = g.value(c, KG.citing), g.value(c, KG.cited)
            rel = CITATION_RELATION.get(_first(g, c, KG.relation), "cites")
            self._merge(pairs[(a, b)], rel, self.evs(c))
        for prop, rel in (
            (ELI.cites, "cites"),
            (DCTERMS.references, "cites"),
            (ELI.based_on, "basis"),
            (ELI.implements, "impl"),
        ):
            for a, b in g.subject_objects(prop):
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


def build_model(g: Graph) -> dict:
    """The explorer's data for graph ``g``: ``nodes``, ``edges``, ``folded``, ``evidence``."""
    b = _Builder(g)
    b.add_nodes()
    b.add_edges()
    edges = [[a, c, rel, sorted(evs)] for (a, c, rel), evs in sorted(b.edges.items())]
    folded = _folded(b.nodes, edges)
    _degrees(b.nodes, edges, folded)
    return {"nodes": b.nodes, "edges": edges, "folded": folded, "evidence": b.evidence, "start": []}


def subset(model: dict, keep: set[int], start: list[int] | None = None) -> dict:
    """The part of ``model`` on the nodes ``keep`` (re-indexed; evidence pruned)."""
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
    _degrees(nodes, edges, folded)
    return {
        "nodes": nodes,
        "edges": edges,
        "folded": folded,
        "evidence": evidence,
        "start": [new[i] for i in (start or []) if i in new],
    }

"""Resolved facts -> RDF: the graph writer (the IRIs it writes come from :mod:`kg.vocab`).

The graph is written as N-Triples lines (a string per triple: far cheaper than building rdflib or
Oxigraph terms one by one), sorted so that each subject's triples come together
(:class:`kg.store.NTriples`). Tests and scripts that build small graphs by hand use rdflib through
:func:`new_graph`; :func:`kg.store.triples` accepts both.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import SimpleNamespace

from rdflib import Graph, Literal

from kg.models import Evidence
from kg.resolve import Corpus, _id
from kg.store import NTriples
from kg.vocab import (
    CITE,
    DCTERMS,
    DOC,
    ELI,
    ENTRY,
    EV,
    KG,
    OA,
    ORG,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    RELATION_PROPERTIES,
    ROLE_PROPERTIES,
    SKOS,
    TASK,
    UNIT,
    XSD,
)


def zh(s: str) -> Literal:
    return Literal(s, lang="zh")


def new_graph() -> Graph:
    """An empty rdflib graph with the project's prefixes (for graphs built by hand)."""
    g = Graph(store="SimpleMemory", bind_namespaces="none")  # no named graphs: the lighter store
    for p, ns in PREFIXES.items():
        g.bind(p, ns)
    return g


def _iri(u: str) -> str:
    return f"<{u}>"


_ESCAPED = re.compile(r'[\\\n"\r]')


def _quote(v: str) -> str:
    """An N-Triples string literal (the escapes rdflib's writer uses, so lines sort as before)."""
    if _ESCAPED.search(v) is None:
        return f'"{v}"'
    return '"' + v.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r") + '"'


def _zh(v: str) -> str:
    return _quote(v) + "@zh"


def _node(ns: str, local: str) -> str:
    """``<ns + local>`` without making a URIRef (a local name here is a hex id or an ASCII key)."""
    return f"<{ns}{local}>"


def _typed(v, datatype: str) -> str:
    return f"{_quote(str(v))}^^{datatype}"


_INT, _DATE, _YEAR = _iri(XSD.integer), _iri(XSD.date), _iri(XSD.gYear)
A = _iri(RDF.type)
T = SimpleNamespace(  # the terms to_rdf writes, in N-Triples form
    **{
        k: _iri(v)
        for k, v in {
            "LegalResource": ELI.LegalResource,
            "id_local": ELI.id_local,
            "title": ELI.title,
            "title_alternative": ELI.title_alternative,
            "date_document": ELI.date_document,
            "in_force": ELI.first_date_entry_in_force,
            "not_in_force": ELI.date_no_longer_in_force,
            "passed_by": ELI.passed_by,
            "is_part_of": ELI.is_part_of,
            "cites": ELI.cites,
            "based_on": ELI.based_on,
            "implements": ELI.implements,
            "source": DCTERMS.source,
            "isPartOf": DCTERMS.isPartOf,
            "references": DCTERMS.references,
            "derived": PROV.wasDerivedFrom,
            "label": RDFS.label,
            "Organization": ORG.Organization,
            "subOrganizationOf": ORG.subOrganizationOf,
            "prefLabel": SKOS.prefLabel,
            "altLabel": SKOS.altLabel,
            "start": OA.start,
            "end": OA.end,
            "exact": OA.exact,
            **{
                n: KG[n]
                for n in (
                    "Evidence",
                    "Entry",
                    "Task",
                    "Citation",
                    "docType",
                    "level",
                    "numberIssuer",
                    "recipient",
                    "attachment",
                    "issuerCode",
                    "year",
                    "serial",
                    "sourceFile",
                    "key",
                    "kind",
                    "mentionCount",
                    "parentKey",
                    "statement",
                    "outline",
                    "deadline",
                    "text",
                    "citing",
                    "cited",
                    "relation",
                    "mentions",
                    "leadUnit",
                    "responsibleUnit",
                    "supportingUnit",
                )
            },
        }.items()
    }
)
ROLE_TERMS = {role: _iri(p) for role, p in ROLE_PROPERTIES.items()}
RELATION_TERMS = {rel: _iri(p) for rel, p in RELATION_PROPERTIES.items()}


class _Lines:
    """N-Triples lines for one graph, kept per subject; evidence nodes written once each.

    :func:`emit` writes through any object like this one (``add``, the term makers ``lit``, ``zh``,
    ``typed``, and ``evidence``); :class:`kg.view.model.Index` is the other, which keeps the plain
    values the explorer reads."""

    lit, zh, typed = staticmethod(_quote), staticmethod(_zh), staticmethod(_typed)

    def __init__(self):
        self.by_subject: dict[str, set[str]] = {}
        self.evidence: dict[tuple, str] = {}

    def add(self, s: str, p: str, o: str) -> None:
        rest = self.by_subject.get(s)
        if rest is None:
            rest = self.by_subject[s] = set()
        rest.add(f"{p} {o} .")

    def ntriples(self) -> Iterator[bytes]:
        """The lines sorted (as a sort of whole lines would order them), encoded one subject at a
        time, each subject's lines released as it goes. Empties this object."""
        by = self.by_subject
        for s in sorted(by):
            yield "\n".join([f"{s} {r}" for r in sorted(by.pop(s))]).encode("utf-8")


def _evidence(g, ev: Evidence, known: dict[tuple, str]) -> str:
    """An evidence node (an IRI, never a blank node): source file, raw offsets, quoted text; its
    triples written to ``g`` the first time (its IRI taken from ``known`` when an earlier pass made it)."""
    key = (ev.source, ev.start, ev.end)
    node = g.evidence.get(key)
    if node is None:
        node = known.get(key) or _node(EV, _id("ev", ev.source, str(ev.start), str(ev.end)))
        g.evidence[key] = node
        name = ev.source.replace("\\", "/").rsplit("/", 1)[-1]
        g.add(node, A, T.Evidence)  # a subclass of oa:TextPositionSelector and oa:TextQuoteSelector
        g.add(node, T.sourceFile, g.lit(name))
        g.add(node, T.start, g.typed(ev.start, _INT))
        g.add(node, T.end, g.typed(ev.end, _INT))
        g.add(node, T.exact, g.lit(ev.quote))
    return node


def to_rdf(c: Corpus) -> NTriples:
    """The whole corpus as one RDF graph (sorted N-Triples: each subject's triples together)."""
    return NTriples(lines(c).ntriples())


def lines(c: Corpus, known: dict[tuple, str] | None = None) -> _Lines:
    """The corpus's N-Triples lines, not yet sorted (:meth:`_Lines.ntriples` sorts them). ``known``:
    evidence IRIs made by an earlier pass (an :func:`explorer_index`'s ``evidence``)."""
    g = _Lines()
    emit(c, g, known)
    return g


def explorer_index(c: Corpus, known: dict[tuple, str] | None = None):
    """The values of this corpus's graph that the explorer reads (:class:`kg.view.model.Index`), from
    the corpus itself as the writer writes it, not from the graph's lines read back."""
    from kg.view.model import Index

    index = Index()
    emit(c, index, known)
    return index


def explorer_model(c: Corpus, known: dict[tuple, str] | None = None) -> dict:
    """The explorer's data: :func:`kg.view.model.build_model` of this corpus's graph, made from
    :func:`explorer_index`."""
    from kg.view.model import model_of

    return model_of(explorer_index(c, known))


def emit(c: Corpus, g, known: dict[tuple, str] | None = None) -> None:
    """Every triple of the corpus's graph, through ``g`` (see :class:`_Lines`)."""
    add, lit, zh, typed = g.add, g.lit, g.zh, g.typed
    known = known or {}

    def ev_node(ev: Evidence) -> str:
        return _evidence(g, ev, known)

    ids = {**{d: _node(DOC, d) for d in c.docs}, **{e: _node(ENTRY, e) for e in c.entries}}
    org_node = {k: _node(UNIT, o.id) for k, o in c.orgs.items()}

    for d in c.docs.values():
        s = ids[d.id]
        add(s, A, T.LegalResource)
        if d.number:
            add(s, T.id_local, lit(d.number))
        for i, t in enumerate(d.titles):
            add(s, T.title if i == 0 else T.title_alternative, zh(t))
        for p, v in (
            (T.date_document, d.date),
            (T.in_force, d.effective_from),
            (T.not_in_force, d.effective_until),
        ):
            if v:
                add(s, p, typed(v, _DATE))
        for k in d.issuers:
            add(s, T.passed_by, org_node[k])
        if d.part_of:
            add(s, T.is_part_of, ids[d.part_of])
        for src in d.sources:
            add(s, T.source, lit(src))
        if d.doc_type:
            add(s, T.docType, zh(d.doc_type))
        if d.level:
            add(s, T.level, lit(d.level))
        if d.code_issuer:
            add(s, T.numberIssuer, zh(d.code_issuer))
        for r in d.recipients:
            add(s, T.recipient, zh(r))
        for a in d.attachments:
            add(s, T.attachment, zh(a))
        parsed = d.number_parts
        if parsed:
            add(s, T.issuerCode, lit(parsed.code))
            add(s, T.year, typed(parsed.year, _YEAR))
            add(s, T.serial, lit(parsed.serial))
        for ev in d.evidence:
            add(s, T.derived, ev_node(ev))

    for e in c.entries.values():
        s = ids[e.id]
        add(s, A, T.Entry)
        if e.heading:
            add(s, T.label, zh(e.heading))
        add(s, T.sourceFile, lit(e.source))
        if e.evidence:
            add(s, T.derived, ev_node(e.evidence))

    for key, o in c.orgs.items():
        s = org_node[key]
        ident = o.identity
        add(s, A, T.Organization)
        add(s, T.prefLabel, zh(ident.canonical))
        for label in dict.fromkeys(re.sub(r"\s*\n\s*", "", x) for x in o.labels):  # hard-wrapped names joined
            if label != ident.canonical:
                add(s, T.altLabel, zh(label))
        add(s, T.key, lit(ident.key))
        add(s, T.kind, lit(ident.kind))
        add(s, T.level, lit(ident.level))
        add(s, T.mentionCount, typed(sum(o.labels.values()), _INT))
        if ident.parent and ident.parent in org_node and ident.parent != key:
            add(s, T.subOrganizationOf, org_node[ident.parent])
        elif ident.parent and ident.parent != key:
            add(s, T.parentKey, lit(ident.parent))
        for ev in o.evidence[:10]:
            add(s, T.derived, ev_node(ev))

    for t in c.tasks:
        s = _node(TASK, t.id)
        add(s, A, T.Task)
        add(s, T.label, zh(t.label))
        add(s, T.isPartOf, ids[t.doc])
        add(s, T.statement, lit(t.kind))
        level = c.docs[t.doc].level if t.doc in c.docs else None
        if level:
            add(s, T.level, lit(level))
        for role, keys in (("lead", t.lead), ("responsible", t.responsible), ("supporting", t.supporting)):
            for k in keys:
                add(s, ROLE_TERMS[role], org_node[k])
        for i, step in enumerate(t.outline):
            add(s, T.outline, lit(f"{i + 1:02d} {step}"))
        if t.deadline:
            add(s, T.deadline, zh(t.deadline))
        if t.text:
            add(s, T.text, zh(t.text))
        add(s, T.derived, ev_node(t.evidence))

    for e in c.cites:
        a, b = ids[e.citing], ids[e.cited]
        if e.citing in c.docs:
            add(a, T.cites, b)
            if e.relation in RELATION_TERMS:
                add(a, RELATION_TERMS[e.relation], b)
                if e.relation == "implements":
                    add(a, T.based_on, b)
        else:
            add(a, T.references, b)
        cn = _node(CITE, _id("cite", e.citing, e.cited, str(e.evidence.start)))
        add(cn, A, T.Citation)
        add(cn, T.citing, a)
        add(cn, T.cited, b)
        add(cn, T.relation, lit(e.relation))
        add(cn, T.derived, ev_node(e.evidence))

    for where_id, key, _ev in c.mentions:
        add(ids[where_id], T.mentions, org_node[key])

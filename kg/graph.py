"""Resolved facts -> RDF. The only module that knows the vocabulary's IRIs.

Standard terms where they fit (ELI for documents, W3C ORG + SKOS for organisations, PROV and Web
Annotation selectors for evidence, Dublin Core for sources and parts); the project's own terms
live in ``ontology/govdoc.ttl`` under :data:`KG`.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from kg.docnumber import parse_number
from kg.models import Evidence
from kg.resolve import Corpus, _id

ELI = Namespace("http://data.europa.eu/eli/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
KG = Namespace("https://w3id.org/govdoc-kg/ontology#")
ID = "https://w3id.org/govdoc-kg/id/"
DOC, UNIT, TASK, EV, ENTRY, CITE = (
    Namespace(f"{ID}{k}/") for k in ("doc", "org", "task", "ev", "entry", "cite")
)

PREFIXES = {
    "eli": ELI,
    "org": ORG,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "rdfs": RDFS,
    "oa": OA,
    "kg": KG,
    "xsd": XSD,
    "owl": OWL,
    "doc": DOC,
    "unit": UNIT,
    "task": TASK,
    "ev": EV,
    "entry": ENTRY,
    "cite": CITE,
}

ROLE_PROPS = {"lead": KG.leadUnit, "responsible": KG.responsibleUnit, "supporting": KG.supportingUnit}
RELATION_PROPS = {"basis": ELI.based_on, "implements": ELI.implements}


def doc_iri(doc_id: str) -> URIRef:
    return DOC[doc_id]


def org_iri(org_id: str) -> URIRef:
    return UNIT[org_id]


def zh(s: str) -> Literal:
    return Literal(s, lang="zh")


def new_graph() -> Graph:
    g = Graph(store="SimpleMemory", bind_namespaces="none")  # no named graphs: the lighter store
    for p, ns in PREFIXES.items():
        g.bind(p, ns)
    return g


_EV_TYPES = (KG.Evidence, OA.TextPositionSelector, OA.TextQuoteSelector)
_SOURCE_FILE, _START, _END, _EXACT = KG.sourceFile, OA.start, OA.end, OA.exact


def _evidence(g: Graph, ev: Evidence) -> URIRef:
    """An evidence node (an IRI, never a blank node): source file, raw offsets, quoted text."""
    node = EV[_id("ev", ev.source, str(ev.start), str(ev.end))]
    if (node, RDF.type, _EV_TYPES[0]) in g:
        return node
    name = ev.source.replace("\\", "/").rsplit("/", 1)[-1]
    for t in _EV_TYPES:
        g.add((node, RDF.type, t))
    g.add((node, _SOURCE_FILE, Literal(name)))
    g.add((node, _START, Literal(ev.start, datatype=XSD.integer)))
    g.add((node, _END, Literal(ev.end, datatype=XSD.integer)))
    g.add((node, _EXACT, Literal(ev.quote)))
    return node


def to_rdf(c: Corpus) -> Graph:
    """The whole corpus as one RDF graph."""
    g = new_graph()
    ids = {**{d: doc_iri(d) for d in c.docs}, **{e: ENTRY[e] for e in c.entries}}
    org_node = {k: org_iri(o.id) for k, o in c.orgs.items()}

    for d in c.docs.values():
        s = ids[d.id]
        g.add((s, RDF.type, ELI.LegalResource))
        if d.number:
            g.add((s, ELI.id_local, Literal(d.number)))
        for i, t in enumerate(d.titles):
            g.add((s, ELI.title if i == 0 else ELI.title_alternative, zh(t)))
        for p, v in (
            (ELI.date_document, d.date),
            (ELI.first_date_entry_in_force, d.effective_from),
            (ELI.date_no_longer_in_force, d.effective_until),
        ):
            if v:
                g.add((s, p, Literal(v, datatype=XSD.date)))
        for k in d.issuers:
            g.add((s, ELI.passed_by, org_node[k]))
        if d.part_of:
            g.add((s, ELI.is_part_of, ids[d.part_of]))
        for src in d.sources:
            g.add((s, DCTERMS.source, Literal(src)))
        if d.doc_type:
            g.add((s, KG.docType, zh(d.doc_type)))
        if d.level:
            g.add((s, KG.level, Literal(d.level)))
        if d.code_issuer:
            g.add((s, KG.numberIssuer, zh(d.code_issuer)))
        for r in d.recipients:
            g.add((s, KG.recipient, zh(r)))
        for a in d.attachments:
            g.add((s, KG.attachment, zh(a)))
        parsed = parse_number(d.number) if d.number else None
        if parsed:
            g.add((s, KG.issuerCode, Literal(parsed.code)))
            g.add((s, KG.year, Literal(parsed.year, datatype=XSD.gYear)))
            g.add((s, KG.serial, Literal(parsed.serial)))
        for ev in d.evidence:
            g.add((s, PROV.wasDerivedFrom, _evidence(g, ev)))

    for e in c.entries.values():
        s = ids[e.id]
        g.add((s, RDF.type, KG.Entry))
        if e.heading:
            g.add((s, RDFS.label, zh(e.heading)))
        g.add((s, KG.sourceFile, Literal(e.source)))
        if e.evidence:
            g.add((s, PROV.wasDerivedFrom, _evidence(g, e.evidence)))

    for key, o in c.orgs.items():
        s = org_node[key]
        ident = o.identity
        g.add((s, RDF.type, ORG.Organization))
        g.add((s, SKOS.prefLabel, zh(ident.canonical)))
        for label in o.labels:
            if label != ident.canonical:
                g.add((s, SKOS.altLabel, zh(label)))
        g.add((s, KG.key, Literal(ident.key)))
        g.add((s, KG.kind, Literal(ident.kind)))
        g.add((s, KG.level, Literal(ident.level)))
        g.add((s, KG.mentionCount, Literal(sum(o.labels.values()), datatype=XSD.integer)))
        if ident.parent and ident.parent in org_node and ident.parent != key:
            g.add((s, ORG.subOrganizationOf, org_node[ident.parent]))
        elif ident.parent and ident.parent != key:
            g.add((s, KG.parentKey, Literal(ident.parent)))
        for ev in o.evidence[:10]:
            g.add((s, PROV.wasDerivedFrom, _evidence(g, ev)))

    for t in c.tasks:
        s = TASK[t.id]
        g.add((s, RDF.type, KG.Task))
        g.add((s, RDFS.label, zh(t.label)))
        g.add((s, DCTERMS.isPartOf, ids[t.doc]))
        g.add((s, KG.statement, Literal(t.kind)))
        level = c.docs[t.doc].level if t.doc in c.docs else None
        if level:
            g.add((s, KG.level, Literal(level)))
        for role, keys in (("lead", t.lead), ("responsible", t.responsible), ("supporting", t.supporting)):
            for k in keys:
                g.add((s, ROLE_PROPS[role], org_node[k]))
        for i, step in enumerate(t.outline):
            g.add((s, KG.outline, Literal(f"{i + 1:02d} {step}")))
        if t.deadline:
            g.add((s, KG.deadline, zh(t.deadline)))
        if t.text:
            g.add((s, KG.text, zh(t.text)))
        g.add((s, PROV.wasDerivedFrom, _evidence(g, t.evidence)))

    for e in c.cites:
        a, b = ids[e.citing], ids[e.cited]
        if e.citing in c.docs:
            g.add((a, ELI.cites, b))
            if e.relation in RELATION_PROPS:
                g.add((a, RELATION_PROPS[e.relation], b))
                if e.relation == "implements":
                    g.add((a, ELI.based_on, b))
        else:
            g.add((a, DCTERMS.references, b))
        cn = CITE[_id("cite", e.citing, e.cited, str(e.evidence.start))]
        g.add((cn, RDF.type, KG.Citation))
        g.add((cn, KG.citing, a))
        g.add((cn, KG.cited, b))
        g.add((cn, KG.relation, Literal(e.relation)))
        g.add((cn, PROV.wasDerivedFrom, _evidence(g, e.evidence)))

    for where_id, key, _ev in c.mentions:
        g.add((ids[where_id], KG.mentions, org_node[key]))
    return g

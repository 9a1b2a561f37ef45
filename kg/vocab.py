"""The graph's vocabulary: namespaces, prefixes, and the IRIs of nodes, classes and properties.

Imports nothing from kg, so that both halves take IRIs from here: the writer (:mod:`kg.graph`) and
the store (:mod:`kg.store`) on the build side, the lookups (:mod:`kg.query`) and the explorer
(:mod:`kg.view`) on the query side. Standard terms where they fit (ELI for documents, W3C ORG + SKOS
for organisations, PROV and Web Annotation selectors for evidence, Dublin Core for sources and parts);
the project's own terms live in ``kg/ontology/govdoc.ttl`` under :data:`KG`.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

ELI = Namespace("http://data.europa.eu/eli/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
SH = Namespace("http://www.w3.org/ns/shacl#")
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

# A task's units by role (kg:leadUnit 牵头, kg:responsibleUnit 责任, kg:supportingUnit 配合).
ROLE_PROPERTIES = {"lead": KG.leadUnit, "responsible": KG.responsibleUnit, "supporting": KG.supportingUnit}
# A citation's relation beyond eli:cites (an implementation is also based on what it implements).
RELATION_PROPERTIES = {"basis": ELI.based_on, "implements": ELI.implements}

__all__ = [
    "CITE",
    "DCTERMS",
    "DOC",
    "ELI",
    "ENTRY",
    "EV",
    "ID",
    "KG",
    "OA",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "RELATION_PROPERTIES",
    "ROLE_PROPERTIES",
    "SH",
    "SKOS",
    "TASK",
    "UNIT",
    "XSD",
    "doc_iri",
    "org_iri",
]


def doc_iri(doc_id: str) -> URIRef:
    """The IRI of the document node ``doc_id``."""
    return DOC[doc_id]


def org_iri(org_id: str) -> URIRef:
    """The IRI of the organisation node ``org_id``."""
    return UNIT[org_id]

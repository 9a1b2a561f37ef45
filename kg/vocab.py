"""The graph's vocabulary: prefixes, namespaces, and the IRIs of nodes, classes and properties.

One source for both halves: :data:`PREFIXES` (plain strings) is all the lookups (:mod:`kg.query`),
the server and the store need, and importing it costs nothing; the rdflib namespaces that the writer
(:mod:`kg.graph`), the explorer and the tests use (``ELI``, ``KG``, ``DOC`` …, ``ROLE_PROPERTIES``)
are made from those strings on first use, so that only code that asks for them imports rdflib
(~0.3 s). Imports nothing from kg. Standard terms where they fit (ELI for documents, W3C ORG + SKOS
for organisations, PROV and Web Annotation selectors for evidence, Dublin Core for sources and parts);
the project's own terms live in ``kg/ontology/govdoc.ttl`` under ``KG``.
"""

from __future__ import annotations

ID = "https://w3id.org/govdoc-kg/id/"

PREFIXES: dict[str, str] = {
    "eli": "http://data.europa.eu/eli/ontology#",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "oa": "http://www.w3.org/ns/oa#",
    "kg": "https://w3id.org/govdoc-kg/ontology#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    **{k: f"{ID}{v}/" for k, v in (("doc", "doc"), ("unit", "org"), ("task", "task"), ("ev", "ev"))},
    "entry": f"{ID}entry/",
    "cite": f"{ID}cite/",
}
SH_IRI = "http://www.w3.org/ns/shacl#"

# The rdflib names, made on first use (:func:`__getattr__`): the namespaces of PREFIXES (rdflib's
# own for the W3C vocabularies it defines, whose IRIs are the same strings), RDF and SH.
_OWN = {"ELI": "eli", "ORG": "org", "OA": "oa", "KG": "kg", "DOC": "doc", "UNIT": "unit", "TASK": "task",
        "EV": "ev", "ENTRY": "entry", "CITE": "cite"}  # fmt: skip
_RDFLIB = {"SKOS": "skos", "DCTERMS": "dcterms", "PROV": "prov", "RDFS": "rdfs", "XSD": "xsd", "OWL": "owl"}
_MADE = ("RDF", "SH", "NAMESPACES", "ROLE_PROPERTIES", "RELATION_PROPERTIES")

__all__ = ["ID", "PREFIXES", "SH_IRI", "doc_iri", "org_iri", *_OWN, *_RDFLIB, *_MADE]


def _rdflib_names() -> dict[str, object]:
    import rdflib
    from rdflib import Namespace

    names: dict[str, object] = {k: Namespace(PREFIXES[p]) for k, p in _OWN.items()}
    names.update({k: getattr(rdflib, k) for k in _RDFLIB})
    names["RDF"], names["SH"] = rdflib.RDF, Namespace(SH_IRI)
    by_prefix = {p: names[k] for k, p in (*_OWN.items(), *_RDFLIB.items())}
    names["NAMESPACES"] = {p: by_prefix[p] for p in PREFIXES}  # in PREFIXES' order
    kg, eli = names["KG"], names["ELI"]
    # A task's units by role (kg:leadUnit 牵头, kg:responsibleUnit 责任, kg:supportingUnit 配合).
    names["ROLE_PROPERTIES"] = {
        "lead": kg.leadUnit,
        "responsible": kg.responsibleUnit,
        "supporting": kg.supportingUnit,
    }
    # A citation's relation beyond eli:cites (an implementation is also based on what it implements).
    names["RELATION_PROPERTIES"] = {"basis": eli.based_on, "implements": eli.implements}
    return names


def __getattr__(name: str):
    """``ELI``, ``KG``, ``NAMESPACES`` (prefix -> rdflib namespace) … made from :data:`PREFIXES` when first asked for."""
    if name in _OWN or name in _RDFLIB or name in _MADE:
        if "NAMESPACES" not in globals():
            globals().update(_rdflib_names())
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def doc_iri(doc_id: str):
    """The IRI of the document node ``doc_id`` (an rdflib URIRef)."""
    return __getattr__("DOC")[doc_id]


def org_iri(org_id: str):
    """The IRI of the organisation node ``org_id`` (an rdflib URIRef)."""
    return __getattr__("UNIT")[org_id]

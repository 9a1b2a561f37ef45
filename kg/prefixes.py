"""The graph's prefixes as plain strings, for code that must not import rdflib (the lookups: a
``kg who`` process pays ~0.3 s for importing rdflib). ``kg.graph.PREFIXES`` holds the same as rdflib
namespaces (a test checks they agree)."""

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

"""What a publication holds, to compare its forms: its documents' keys and its citation pairs."""

from __future__ import annotations

from pathlib import Path

from kg.build import publication
from kg.pipeline import extract
from kg.segment.lines import _key


def doc_key(number: str | None, title: str | None) -> str:
    return number or _key(title or "")


def keys_and_citations(path: Path) -> tuple[set[str], set[tuple[str, str]]]:
    """(document keys, (citing key, cited key) pairs) of one file."""
    facts = extract(publication(path))
    segs = facts.publication.segments
    keys = {doc_key(s.number, s.title) for s in segs if s.kind == "document"}
    pairs = set()
    for c in facts.citations:
        s = segs[c.segment]
        citing = doc_key(s.number, s.title) if s.kind == "document" else "entry"
        cited = doc_key(c.number, c.title)
        if cited != citing:  # a document naming its own 文号 is no citation (the resolver drops it)
            pairs.add((citing, cited))
    return keys, pairs

"""One publication through the first stages: read -> layout -> clean -> segment (and where it
belongs); and what a build returns. Shared by the build (kg.build) and its map step (kg.mapstep)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.clean import clean
from kg.layout import layout
from kg.models import Jurisdiction, Publication, Text
from kg.read import read
from kg.resolve import Corpus, where
from kg.segment import segment
from kg.simplify import simplified


@dataclass
class BuildResult:
    corpus: Corpus | None  # None once build() has turned it into the graph (to free its memory)
    errors: list[tuple[Path, str]] = field(default_factory=list)
    files: int = 0
    chars: int = 0
    read: int = 0  # files read
    written: bool = False  # the outputs were replaced


def publication(path: Path) -> Publication:
    """Read, set the layout aside, clean and segment one input file."""
    return text_publication(read(path))


def text_publication(raw: Text, jurisdiction: Jurisdiction | None = None) -> Publication:
    """Set the layout aside (front matter, metadata headers, markup, site chrome), clean and segment one
    publication's text (read as simplified when printed in traditional characters); its jurisdiction as
    given, else found (:func:`where`)."""
    body, header = layout(simplified(raw))
    text = clean(body)
    pub = Publication(raw.source, text)
    pub.segments = segment(text, header)
    pub.jurisdiction = jurisdiction or where(pub)
    return pub

"""The HTML explorer of a graph: one self-contained page (no network), see :mod:`kg.view.page`."""

from __future__ import annotations

from pathlib import Path

from kg.store import write_atomic
from kg.view.model import build_model, page_model
from kg.view.page import render


def write_view(g, path: Path, title: str = "govdoc-kg explorer") -> None:
    """Write the explorer for graph ``g`` (triples or an rdflib graph) to ``path`` (UTF-8, atomically; nothing else is written)."""
    write_model_view(build_model(g), path, title)


def write_model_view(model: dict, path: Path, title: str = "govdoc-kg explorer") -> None:
    """Write the explorer for an already built (possibly partial) model: the whole of it, or its
    overview when it is larger than a page embeds (:func:`kg.view.model.page_model`)."""
    write_atomic(Path(path), render(page_model(model), title).encode("utf-8"))

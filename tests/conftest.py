"""Shared fixtures: the bundled sample corpus built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> Path:
    """The folder holding graph.ttl and graph.html of ``samples/`` (read it, don't write into it)."""
    out = tmp_path_factory.mktemp("sample_build")
    build([ROOT / "samples"], out)
    return out


@pytest.fixture(scope="session")
def graph_path(sample_build) -> Path:
    """``graph.ttl`` of the sample corpus."""
    return sample_build / "graph.ttl"


@pytest.fixture(scope="session")
def store(graph_path):
    """The sample graph in an Oxigraph store (kg.store.load)."""
    from kg.store import load

    return load(graph_path)

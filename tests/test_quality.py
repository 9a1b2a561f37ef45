"""Quality guard: the dev gold scored by the evaluation's own scorer against floors that only rise.

tests/data/score.py is a copy of the project's evaluation scorer (shared/eval/score.py); the gold of
tests/data/gold/ (a copy of shared/eval/dev-gold) covers samples/ and tests/data/corpus-more/. A change that loses accuracy fails here.
When a figure rises above its floor, raise the floor in tests/quality_floors.json.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import rdflib

from kg.build import build

HERE = Path(__file__).parent
ROOT = HERE.parent
FLOORS = json.loads((HERE / "quality_floors.json").read_text(encoding="utf-8"))


def _scorer():
    spec = importlib.util.spec_from_file_location("score", HERE / "data" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _text(stem: str) -> Path:
    for d in (ROOT / "samples", HERE / "data" / "corpus-more"):
        if (d / f"{stem}.txt").exists():
            return d / f"{stem}.txt"
    raise FileNotFoundError(stem)


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    score = _scorer()
    out = {}
    for gp in sorted((HERE / "data" / "gold").glob("*.json")):
        stem = gp.stem
        d = tmp_path_factory.mktemp(stem)
        build([_text(stem)], d, view=False)
        g = rdflib.Graph().parse(d / "graph.ttl", format="turtle")
        out[stem] = score.score_file(json.loads(gp.read_text(encoding="utf-8")), score.SystemGraph(g, stem))
    return out, score.total(out)


@pytest.mark.parametrize("metric", ["documents", "citations", "tasks", "assignments", "orgs"])
def test_overall_f1_floor(results, metric):
    _, summary = results
    assert summary[metric]["f1"] >= FLOORS["all"][metric], summary[metric]


def test_per_file_floors(results):
    per_file, _ = results
    low = []
    for stem, floors in FLOORS["files"].items():
        for metric, floor in floors.items():
            got = per_file[stem][metric]["f1"]
            if got < floor:
                low.append(f"{stem} {metric}: {got} < {floor}")
    assert not low, low


def test_document_fields(results):
    per_file, _ = results
    for stem, r in per_file.items():
        for field, acc in r["document_fields"].items():
            floor = FLOORS["document_fields_files"].get(stem, {}).get(field, FLOORS["document_fields"])
            assert acc >= floor, (stem, field, acc)


def test_org_splits_and_merges(results):
    _, summary = results
    assert summary["org_split"] <= FLOORS["org_split_max"]
    assert summary["org_merge"] <= FLOORS["org_merge_max"]

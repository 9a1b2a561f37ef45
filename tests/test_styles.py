"""End to end on composed texts in other house styles (tests/data/styles, see its README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build
from kg.docs import load as load_docs
from kg.store import load

STYLES = Path(__file__).parent / "data" / "styles"


@pytest.fixture(scope="module")
def xinxian(tmp_path_factory):
    out = tmp_path_factory.mktemp("xinxian")
    build([STYLES / "xinxian_gazette.txt"], out, view=False)
    return load(out / "graph.ttl")


def test_gazette_documents_and_not_its_table_of_contents(xinxian):
    docs = {d.number or d.title: d for d in load_docs(xinxian) if d.source}
    assert set(docs) == {
        "新政〔2023〕5号",
        "新政文〔2023〕12号",
        "新政办〔2023〕9号",
        "新县2023年优化营商环境工作要点",
    }
    assert docs["新政文〔2023〕12号"].doc_type == "批复"
    assert docs["新政办〔2023〕9号"].date == "2023-04-10"
    assert docs["新县2023年优化营商环境工作要点"].part_of == "新政〔2023〕5号"  # (shown by its number)


def test_regulation_cited_by_decree_number_is_one_national_node(xinxian):
    rows = xinxian.query(
        "PREFIX eli: <http://data.europa.eu/eli/ontology#> SELECT ?n ?t ?l WHERE { "
        "?d eli:id_local ?n ; eli:title ?t . OPTIONAL { ?d <https://w3id.org/govdoc-kg/ontology#level> ?l } "
        'FILTER(CONTAINS(STR(?n), "令")) }'
    )
    assert [(r[0].value, r[1].value, r[2].value if r[2] else None) for r in rows] == [
        ("国务院令第722号", "优化营商环境条例", "national")
    ]

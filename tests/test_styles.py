"""End to end on composed texts in other house styles (tests/data/styles, see its README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build
from kg.query.docs import load as load_docs
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


def _roles(store) -> set[tuple[str, str, str]]:
    """(task label, role, unit's alt or preferred label) of every task."""
    q = """PREFIX kg: <https://w3id.org/govdoc-kg/ontology#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?label ?role ?name WHERE { ?t a kg:Task ; rdfs:label ?label ; ?role ?u .
      VALUES ?role { kg:leadUnit kg:responsibleUnit kg:supportingUnit }
      { ?u skos:prefLabel ?name } UNION { ?u skos:altLabel ?name } }"""
    return {(r[0].value, r[1].value.rsplit("#", 1)[1], r[2].value) for r in store.query(q)}


def test_duties_in_prose_of_another_house_style(xinxian):
    roles = _roles(xinxian)
    by_unit = {(role, name) for _, role, name in roles}
    assert ("responsibleUnit", "县水利局") in by_unit and ("responsibleUnit", "县应急管理局") in by_unit
    assert ("supportingUnit", "县司法局") in by_unit  # 县司法局配合做好合法性审查
    shared = {name for label, role, name in roles if label.startswith("规范涉企收费")}
    assert {"县发展改革委", "县市场监管局"} <= shared  # X、Y按职责分工开展…
    assert ("leadUnit", "县行政审批和政务信息管理局") in by_unit


def test_decree_issuers_and_levels(tmp_path):
    """The organ of a 令 number is the cited regulation's issuer; a ministry's rules are national."""
    src = tmp_path / "in" / "notice.txt"
    src.parent.mkdir()
    src.write_text(
        "某市交通运输局关于加强道路运输车辆动态监管的通知\n某交〔2023〕7号\n\n各区县交通运输局：\n"
        "  根据《道路运输车辆动态监督管理办法》（交通运输部令2016年第55号）和《河南省道路运输条例实施办法》"
        "（河南省人民政府令第178号），现就有关事项通知如下。\n\n某市交通运输局\n2023年5月4日\n",
        encoding="utf-8",
    )
    build([src.parent], tmp_path / "out", view=False)
    rows = load(tmp_path / "out" / "graph.ttl").query(
        "PREFIX eli: <http://data.europa.eu/eli/ontology#> PREFIX kg: <https://w3id.org/govdoc-kg/ontology#> "
        'SELECT ?n ?i ?l WHERE { ?d eli:id_local ?n ; kg:numberIssuer ?i ; kg:level ?l FILTER(CONTAINS(?n, "令")) }'
    )
    assert sorted((r[0].value, r[1].value, r[2].value) for r in rows) == [
        ("交通运输部令2016年第55号", "交通运输部", "national"),
        ("河南省人民政府令第178号", "河南省人民政府", "provincial"),
    ]


def test_task_units_listed_in_the_order_the_text_names_them(xinxian):
    from kg.query.tasks import build_matrix

    m = build_matrix(xinxian, "all")
    (task,) = [t for t in m.tasks if (t.label or "").startswith("优化不动产登记")]
    assert [u.header for u in m.units_of(task, "responsible")] == ["县自然资源局", "县税务局", "县住建局"]

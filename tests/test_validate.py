"""``kg validate``: the built graph conforms to kg/ontology/shapes.ttl; a broken one is reported."""

from __future__ import annotations

from kg.query.validate import ontology_file, validate


def test_sample_graph_conforms(sample_build):
    assert validate(sample_build / "graph.ttl") == []


def test_violations_are_listed(sample_build, tmp_path):
    bad = tmp_path / "bad.ttl"
    text = (sample_build / "graph.ttl").read_text(encoding="utf-8")
    text += """
doc:broken a eli:LegalResource ; eli:id_local "绍柯政办发[2022]99 号" .
task:orphan a kg:Task ; rdfs:label "无人负责"@zh .
"""
    bad.write_text(text, encoding="utf-8")
    problems = validate(bad, limit=0)
    assert any("broken" in p and "id_local" in p for p in problems)
    assert any("orphan" in p for p in problems)


def test_decree_numbers_conform_unnormalised_ones_do_not(sample_build, tmp_path):
    path = tmp_path / "decree.ttl"
    text = (sample_build / "graph.ttl").read_text(encoding="utf-8")
    text += """
doc:decree a eli:LegalResource ; eli:id_local "国务院令第722号" ; eli:title "优化营商环境条例"@zh .
doc:loose a eli:LegalResource ; eli:id_local "国务院令 722号" ; eli:title "某条例"@zh .
"""
    path.write_text(text, encoding="utf-8")
    problems = validate(path, limit=0)
    assert not any("decree" in p for p in problems)
    assert any("loose" in p and "id_local" in p for p in problems)


def test_ontology_is_package_data():
    """The shapes and the ontology are found through importlib.resources (so an installed kg finds them)."""
    for name in ("shapes.ttl", "govdoc.ttl"):
        text = ontology_file(name).read_text(encoding="utf-8")
        assert "https://w3id.org/govdoc-kg/ontology#" in text
    assert "sh:NodeShape" in ontology_file("shapes.ttl").read_text(encoding="utf-8")


def test_package_data_lists_the_ontology():
    """pyproject.toml ships kg/ontology/*.ttl with the package (a non-editable install has no checkout)."""
    import tomllib
    from pathlib import Path

    meta = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert "ontology/*.ttl" in meta["tool"]["setuptools"]["package-data"]["kg"]

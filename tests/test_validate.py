"""``kg validate``: the built graph conforms to ontology/shapes.ttl; a broken one is reported."""

from __future__ import annotations

from kg.commands.validate import validate


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

"""``kg orgs [NAME]``: organisations with their forms, kind, level and counts."""

import json
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import ORG

from kg.cli import main
from kg.query import orgs as orgs_lookup

ROOT = Path(__file__).parent.parent
FULL = "绍兴市柯桥区住房和城乡建设局"


def test_every_organisation_listed_with_counts(store, graph_path):
    orgs = orgs_lookup.lookup_orgs(store)
    assert len(orgs) == len(set(Graph().parse(graph_path).subjects(None, ORG.Organization)))
    top = orgs[0]
    assert top.task_total >= max(o.task_total for o in orgs)
    o = next(o for o in orgs if o.pref == FULL)
    assert "区建设局" in o.alts and o.level == "county" and o.kind
    assert o.tasks["lead"] >= 1 and o.tasks["responsible"] >= 20 and o.mentions >= o.task_total


@pytest.mark.parametrize("name", ["区建设局", FULL, "柯桥区住房和城乡建设"])
def test_one_organisation_by_any_form(store, name):
    assert [o.pref for o in orgs_lookup.lookup_orgs(store, name)] == [FULL]


def test_exact_before_substring_and_ambiguity(store):
    # 区财政局 is an exact label: the substring matches (区财政局…) do not come into it
    assert len(orgs_lookup.lookup_orgs(store, "区财政局")) == 1
    both = {o.pref for o in orgs_lookup.lookup_orgs(store, "建设局")}
    assert FULL in both and len(both) >= 2
    assert orgs_lookup.lookup_orgs(store, "没有这个局") == []


def test_cli(graph_path, capsys):
    g = ["-g", str(graph_path)]
    assert main(["orgs", "区建设局", "--json", *g]) == 0
    [o] = json.loads(capsys.readouterr().out)
    assert o["pref"] == FULL and o["task_total"] == sum(o["tasks"].values())
    assert main(["orgs", *g]) == 0
    assert FULL in capsys.readouterr().out
    assert main(["orgs", "没有这个局", *g]) == 1

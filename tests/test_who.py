"""``kg who``: the tasks of an organisation, checked against the gold annotations of sample 001."""

import csv
import io
import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.query import who

ROOT = Path(__file__).parent.parent
GOLD = json.loads((ROOT / "tests/data/gold/001_baa82a02c22cd2c2.json").read_text(encoding="utf-8"))
PLAN_12 = "柯桥区“全链条”无障碍建设先行区工作实施方案"


def _tasks(w):
    return [(d, t) for d, ts in w.groups for t in ts]


def _doc_key(d):
    return d.number or d.title


def test_short_name_lists_14hao_and_the_12hao_plan(store):
    w = who.who(store, "区建设局")
    docs = {_doc_key(d): d for d, _ in w.groups}
    assert "绍柯政办发〔2022〕14号" in docs
    plan = docs[PLAN_12]
    assert plan.notice is not None and plan.notice.number == "绍柯政办发〔2022〕12号"
    lead = [t.label for d, t in _tasks(w) if t.role == "lead"]
    assert "打造社区区域示范版块" in lead


def test_roles_agree_with_gold(store):
    """Every gold task of 区建设局 found (its quote inside ours, same document) has the gold role."""
    ours = _tasks(who.who(store, "区建设局"))
    gold = [g for g in GOLD["tasks"] if any("区建设局" in g.get(r, []) for r in ("lead", "responsible"))]
    found = 0
    for g in gold:
        roles = {r for r in ("lead", "responsible", "supporting") if "区建设局" in g.get(r, [])}
        hits = [t for d, t in ours if _doc_key(d) == g["doc"] and g["quote"] in (t.quote or "")]
        found += bool(hits)
        assert all(t.role in roles for t in hits), (g["label"], [t.role for t in hits])
    assert found >= 0.9 * len(gold), f"{found}/{len(gold)} gold tasks of 区建设局 found"


def test_full_name_gives_the_same_tasks(store):
    by_short = {(t.iri, t.role) for _, t in _tasks(who.who(store, "区建设局"))}
    by_full = {(t.iri, t.role) for _, t in _tasks(who.who(store, "绍兴市柯桥区住房和城乡建设局"))}
    assert by_full == by_short and len(by_full) >= 20


def test_role_filter_and_newest_first(store):
    w = who.who(store, "区建设局", role="lead")
    assert {t.role for _, t in _tasks(w)} == {"lead"}
    dates = [d.when for d, _ in who.who(store, "区建设局").groups]
    assert dates == sorted(dates, reverse=True)


def test_quotes_are_the_source_text_at_the_offsets(store):
    raw = (ROOT / "samples/001_baa82a02c22cd2c2.txt").read_text(encoding="utf-8")
    tasks = [t for _, t in _tasks(who.who(store, "区建设局")) if t.file == "001_baa82a02c22cd2c2.txt"]
    assert tasks and all(raw[t.start : t.end] == t.quote for t in tasks)


def test_unknown_and_ambiguous_names(store):
    with pytest.raises(who.NotFound):
        who.who(store, "没有这个局")
    # 建设局 is also 嵊州市's, which has no task in the samples: the one with tasks is meant
    assert who.who(store, "建设局").org.pref == "绍兴市柯桥区住房和城乡建设局"


def test_cli_json_and_csv(graph_path, capsys):
    assert main(["who", "区建设局", "--json", "-g", str(graph_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["org"]["pref"] == "绍兴市柯桥区住房和城乡建设局"
    first = data["documents"][0]["tasks"][0]
    assert first["quote"] and first["file"] and first["role_zh"] in ("牵头", "责任", "配合")
    assert main(["who", "区建设局", "--csv", "--role", "lead", "-g", str(graph_path)]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == who.CSV_HEADER and {r[4] for r in rows[1:]} == {"牵头"}
    assert main(["who", "区建设局", "-g", str(graph_path)]) == 0
    assert "[牵头] 打造社区区域示范版块" in capsys.readouterr().out
    assert main(["who", "没有这个局", "-g", str(graph_path)]) == 1

"""The public Python API (``import kg``): extract_text, build, open, validate; the commands use it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]

# A 四川-style duty (the dev files are 浙江 texts): a 牵头/责任 bracket after the task.
SICHUAN = "（三）加快老旧小区改造。今年完成改造任务120个。（牵头单位：市住房城乡建设局；责任单位：各区（市）县政府）"


def test_extract_text_from_a_string():
    facts = kg.extract_text(SICHUAN, jurisdiction="成都市")
    assert facts.publication.jurisdiction.name == "成都市"
    [task] = facts.tasks
    assert [u.name for u in task.lead] == ["市住房城乡建设局"]
    assert task.responsible and task.evidence.source == "<text>"
    ev = task.lead[0].evidence
    assert SICHUAN[ev.start : ev.end] == "市住房城乡建设局"  # offsets index the string given
    assert "市住房城乡建设局" in str(facts) and "1 tasks" in repr(facts)


def test_extract_text_finds_the_jurisdiction_or_rejects_an_unknown_one():
    facts = kg.extract_text("成都市人民政府办公厅\n" + SICHUAN)
    assert facts.publication.jurisdiction is not None and facts.publication.jurisdiction.name == "成都市"
    with pytest.raises(ValueError):
        kg.extract_text(SICHUAN, jurisdiction="不存在的地方")


def test_extract_text_without_duties_gives_no_tasks():
    facts = kg.extract_text("今年全市共接待游客三千万人次，旅游收入同比增长百分之十二。")
    assert facts.tasks == [] and facts.citations == []


def test_build_open_and_ask(tmp_path):
    out = tmp_path / "out"
    result = kg.build([ROOT / "samples"], out, view=False)
    assert result.errors == [] and (out / "graph.ttl").is_file() and not (out / "graph.html").exists()
    g = kg.open(out)  # the folder, or its graph.ttl
    assert g.path == out / "graph.ttl" and kg.open(out / "graph.ttl").path == g.path
    w = g.who("区建设局", role="lead")
    assert w.found.org.pref == "绍兴市柯桥区住房和城乡建设局" and "[牵头]" in w.render()
    assert g.tasks("绍柯政办发〔2022〕12号").to_json()
    assert "[实施] 国办〔2021〕22号" in g.trace("绍柯政办发[2022]15号").render()
    assert g.docs().docs and g.stats(top=3).to_json()["counts"]
    rows = g.query("SELECT ?n ?t WHERE { ?d eli:id_local ?n ; eli:title ?t }", n="绍柯政办发〔2022〕12号")
    assert len(rows) == 1 and "无障碍" in rows[0]["t"]
    assert g.query("ASK { ?d a eli:LegalResource }") is True
    assert kg.validate(out) == [] and g.validate() == [] and kg.validate(g) == []


def test_open_resolves_names_printed_nowhere(graph_path):
    """A name no label holds (绍兴市柯桥区住建局) is found by what the resolver makes of it; the
    query side alone (no resolver passed) does not find it."""
    from kg.query import orgs

    g = kg.open(graph_path)
    assert [o.pref for o in g.orgs("绍兴市柯桥区住建局").orgs] == ["绍兴市柯桥区住房和城乡建设局"]
    assert orgs.lookup_orgs(g.store, "绍兴市柯桥区住建局") == []


def test_open_missing_graph_and_names(tmp_path, graph_path):
    with pytest.raises(FileNotFoundError):
        kg.open(tmp_path)
    with pytest.raises(kg.NotFound):
        kg.open(graph_path).who("没有这个机构")
    with pytest.raises(kg.NotFound):
        kg.open(graph_path).trace("没有这个文件")


def test_build_is_the_function_after_the_module_is_imported():
    import kg.build as module  # noqa: F401 (the import sets kg.build as an attribute of kg)

    assert callable(kg.build) and kg.build.__module__ == "kg"
    assert sys.modules["kg.build"].build is not kg.build


def test_import_kg_is_light():
    code = "import sys, kg, kg.cli; kg.cli.parser(); print(sorted(m for m in ('spacy', 'rdflib', 'pyoxigraph') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert json.loads(out.stdout.replace("'", '"')) == []


@pytest.mark.parametrize(
    "command",
    [["who", "区建设局"], ["trace", "--up", "绍柯政办发〔2022〕14号"], ["tasks", "绍柯政办发〔2022〕14号"]],
)
def test_lookups_import_only_what_they_need(graph_path, command):
    """A lookup process on a built store loads neither rdflib, spaCy nor numpy, nor the modules of the
    build, the writer or the other commands (each costs tens of milliseconds at start-up), nor the
    standard modules a lookup can do without: dataclasses (it imports inspect and ast), typing, json
    (for --json only), shutil (argparse asks it the terminal's width), argparse, pathlib, signal."""
    heavy = ("spacy", "rdflib", "numpy", "kg.store", "kg.models", "kg.push", "kg.serve", "kg.commands.build")
    heavy += ("dataclasses", "inspect", "ast", "typing", "json", "shutil")
    # argparse (with re, gettext, locale: plain arguments are read by kg.commands.quick_args), pathlib
    # (re, urllib.parse, ipaddress …), signal (enum); who needs no regex, nor functools and collections
    # (trace and tasks parse 文号 with kg.docnumber's regexes and cached tables)
    heavy += ("argparse", "gettext", "locale", "pathlib", "urllib", "signal", "importlib")
    if command[0] == "who":
        heavy += ("re", "enum", "functools", "collections")
    code = (
        "import sys; from kg.cli import main; code = main(sys.argv[1:]); "
        f"print(code, [m for m in {heavy!r} if m in sys.modules], file=sys.stderr)"
    )
    cmd = [sys.executable, "-c", code, *command, "-g", str(graph_path.parent)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stderr.splitlines()[-1] == "0 []", out.stderr


@pytest.mark.parametrize("command", [["docs"], ["stats"], ["validate"], ["export", "--to", "nt", "-o", "X"]])
def test_graph_positional_or_option(graph_path, tmp_path, capsys, command):
    """Every command that reads a graph takes ``-g GRAPH``; those that took it positionally still do."""
    cmd = [c.replace("X", str(tmp_path / "g.nt")) for c in command]
    assert main([cmd[0], str(graph_path), *cmd[1:]]) == 0
    by_position = capsys.readouterr().out
    assert main([*cmd, "-g", str(graph_path)]) == 0
    assert capsys.readouterr().out == by_position
    assert main([*cmd, "-g", str(graph_path.parent)]) == 0  # a build's output folder is a graph too
    capsys.readouterr()


def test_two_different_graphs_is_a_usage_error(graph_path, tmp_path):
    with pytest.raises(SystemExit) as e:
        main(["stats", str(graph_path), "-g", str(tmp_path / "other.ttl")])
    assert e.value.code == 2


@pytest.mark.parametrize(
    "module", sorted(p.stem for p in (ROOT / "kg" / "commands").glob("*.py") if p.stem != "__init__")
)
def test_commands_call_the_api_only(module):
    """A command module imports kg (the API), kg.commands, how things are printed and written (kg.terminal,
    kg.outputs) and the standard library, nothing else of kg (kg.commands.build may also use kg.build's
    error report and kg.progress's display; serve and push run their own library modules)."""
    import ast

    tree = ast.parse((ROOT / "kg" / "commands" / f"{module}.py").read_text(encoding="utf-8"))
    used = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    used |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    ours = {m for m in used if m == "kg" or m.startswith("kg.")}
    own = {"build": {"kg.build", "kg.progress"}, "serve": {"kg.serve"}, "push": {"kg.push"}}
    allowed = {"kg", "kg.commands", "kg.terminal", "kg.outputs"} | own.get(module, set())
    assert ours <= allowed


def test_the_readme_example_runs(tmp_path, monkeypatch, capsys):
    """The README's Python example, run as printed (in a folder with the samples), prints what it says."""
    import re

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    [code] = re.findall(r"```python\n(.*?)```", text, re.S)
    (tmp_path / "samples").symlink_to(ROOT / "samples")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    promised = [ln[2:] for ln in code.splitlines() if ln.startswith(("# Facts", "# task", "# organisation"))]
    assert len(promised) == 4 and all(p in out for p in promised)
    assert (tmp_path / "output" / "graph.ttl").is_file()

"""A lookup's start without argparse, re or pathlib reads and prints what the regex and argparse
versions did: kg.commands.quick_args against argparse, kg.terminal's translate tables against the
regex class, kg.endpoint.replace_variable against re.sub."""

import re

import pytest

from kg.cli import parser
from kg.commands import quick_args
from kg.endpoint import replace_variable
from kg.terminal import UNSAFE, display_name, json_text, safe

PLAIN = [
    ["who", "区建设局"],
    ["who", "区建设局", "-g", "out"],
    ["who", "-g", "out", "区建设局", "--json"],
    ["who", "区建设局", "--csv", "--role", "lead", "--graph", "out/graph.ttl"],
    ["who", "区建设局", "--full", "--endpoint", "http://127.0.0.1:7878/query"],
    ["who", "区建设局", "--role", "supporting", "--role", "responsible"],
    ["who", ""],
    ["who", "-"],
    ["trace", "绍柯政办发〔2022〕14号"],
    ["trace", "--up", "绍柯政办发〔2022〕14号", "-g", "out"],
    ["trace", "--down", "绍柯政办发〔2022〕14号", "--depth", "2", "--json"],
    ["trace", "某某方案", "--depth", "0"],
    ["trace", "某某方案", "--depth", "+3"],
    ["tasks", "绍柯政办发〔2022〕14号"],
    ["tasks", "all", "--matrix", "-g", "out"],
    ["tasks", "绍柯政办发〔2022〕14号", "--csv", "m.csv"],
    ["tasks", "绍柯政办发〔2022〕14号", "--xlsx", "m.xlsx", "--matrix"],
    ["tasks", "绍柯政办发〔2022〕14号", "--json"],
]
# argparse reads these (or refuses them) in ways the quick reader leaves to it
UNUSUAL = [
    ["who"],
    ["who", "a", "b"],
    ["who", "区建设局", "--jso"],
    ["who", "区建设局", "--role=lead"],
    ["who", "区建设局", "--role", "boss"],
    ["who", "区建设局", "--json", "--csv"],
    ["who", "区建设局", "-g"],
    ["who", "--", "-区建设局"],
    ["who", "-h"],
    ["who", "区建设局", "-gout"],
    ["trace", "x", "--up", "--down"],
    ["trace", "x", "--depth", "-1"],
    ["trace", "x", "--depth", "two"],
    ["tasks", "x", "--csv", " "],
    ["tasks", "x", "--csv", "a.csv", "--json"],
    ["stats"],
    ["build", "samples"],
    [],
]


def argparse_args(argv):
    a = parser(argv).parse_args(argv)
    return {k: v for k, v in vars(a).items() if k not in ("func", "graph_parser")}


@pytest.mark.parametrize("argv", PLAIN, ids=" ".join)
def test_plain_arguments_read_as_argparse_reads_them(argv):
    quick = quick_args(argv)
    assert quick is not None
    assert {k: v for k, v in vars(quick).items() if k != "func"} == argparse_args(argv)
    assert quick.func is parser(argv).parse_args(argv).func


@pytest.mark.parametrize("argv", UNUSUAL, ids=" ".join)
def test_anything_else_is_left_to_argparse(argv):
    assert quick_args(argv) is None


def test_unsafe_characters_are_those_of_the_regex_class():
    every = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000))) + "\U0001f600"
    rx = re.compile(f"[{UNSAFE}]")
    assert safe(every) == rx.sub("", every)
    assert json_text(every) == rx.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text(every))
    assert safe("申报\x1b]0;title\x07材料\u202e") == "申报]0;title材料"


def test_display_name_shows_undecodable_bytes():
    assert display_name(b"\xe5\xb9\xbf\xff.txt".decode("utf-8", "surrogateescape")) == "广%FF.txt"


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?org ?x WHERE { ?x ?p $org . ?orgs a ?org_2 . FILTER(?org != $org) }",
        "?org",
        "$org$org?org",
        "?organ ?org1 ?org_ ?org.",
        "?org机构 ?org（",
        "",
        "no variable",
    ],
)
def test_replace_variable_is_the_regex_substitution(query):
    expected = re.sub(r"[?$]org(?![\w])", "<urn:x>", query)
    assert replace_variable(query, "org", "<urn:x>") == expected

"""kg.records: the lookups' plain records behave as the dataclasses they replace."""

import pickle

import pytest

from kg.docnumber import DocNumber
from kg.query.orgs import Org
from kg.query.who import DocRef
from kg.records import Record, asdict, fresh


class Row(Record):
    iri: str
    label: str | None = None
    parts: list[str] = fresh(list)


def test_fields_defaults_and_fresh_defaults():
    a, b = Row("x"), Row(iri="y", label="L")
    assert (a.iri, a.label, a.parts, b.label) == ("x", None, [], "L")
    a.parts.append("p")
    assert b.parts == [] and Row("z").parts == []  # a new list for each record
    assert Row._fields == ("iri", "label", "parts") and "parts" not in Row.__dict__


def test_equality_repr_and_unhashable():
    assert Row("x", "L") == Row(iri="x", label="L") and Row("x") != Row("y")
    assert repr(Row("x")) == "Row(iri='x', label=None, parts=[])"
    assert Row("x") != ("x", None, [])
    with pytest.raises(TypeError):
        hash(Row("x"))


@pytest.mark.parametrize(
    "args, kw", [((), {}), (("x", "L", [], "extra"), {}), (("x",), {"iri": "y"}), (("x",), {"colour": 1})]
)
def test_wrong_construction_is_refused(args, kw):
    with pytest.raises(TypeError):
        Row(*args, **kw)


def test_a_field_without_default_after_one_with_is_refused():
    with pytest.raises(TypeError):

        class Bad(Record):  # noqa: F841
            a: int = 0
            b: int


def test_asdict_converts_nested_records():
    notice = DocRef("n", number="绍柯政发〔2024〕3号")
    d = DocRef("a", title="实施方案", notice=notice)
    assert asdict(d) == {
        "iri": "a", "number": None, "title": "实施方案", "date": None,
        "notice": {"iri": "n", "number": "绍柯政发〔2024〕3号", "title": None, "date": None, "notice": None},
    }  # fmt: skip
    assert asdict([Row("x"), (Row("y"),)]) == [
        {"iri": "x", "label": None, "parts": []},
        ({"iri": "y", "label": None, "parts": []},),
    ]


def test_records_pickle_and_keep_their_methods():
    n = DocNumber("晋政办发", 2023, "7")
    assert pickle.loads(pickle.dumps(n)) == n and str(n) == "晋政办发〔2023〕7号"
    o = Org("u", pref="山西省发展和改革委员会")
    o.tasks["lead"] += 2
    assert o.task_total == 2 and Org("v").tasks["lead"] == 0

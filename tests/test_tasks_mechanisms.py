"""牵头 inside the phrase of a mechanism (建立X牵头、Y参与的工作机制): X leads the work the sentence
gives it, Y supports, the body that sets it up is responsible. Sentences in other provinces' styles."""

from __future__ import annotations

from tests.task_helpers import prose, roles


def test_a_lead_named_inside_a_mechanism():
    # 江苏 notice style
    got = prose(
        "（二）各设区市政府要建立市级政府办公室牵头、市级有关部门参与的工作机制，统筹做好本地区项目督办工作。\n"
    )
    assert [(t.label, roles(t)) for t in got] == [
        ("统筹做好本地区项目督办工作", (["市级政府办公室"], ["各设区市政府"], ["市级有关部门"]))
    ]


def test_a_mechanism_with_no_work_after_it_is_the_task():
    got = prose("县政府建立由县住房城乡建设局牵头的燃气安全工作专班。\n")
    assert [(t.label, roles(t)) for t in got] == [
        ("建立由县住房城乡建设局牵头的燃气安全工作专班", (["县住房城乡建设局"], ["县政府"], []))
    ]


def test_a_lead_verb_of_the_clause_is_read_as_before():
    got = prose("由县财政局牵头，县审计局配合，开展专项资金检查。\n")
    assert [roles(t) for t in got] == [(["县财政局"], [], ["县审计局"])]
    assert prose("建立健全工作机制，确保落实到位。\n") == []

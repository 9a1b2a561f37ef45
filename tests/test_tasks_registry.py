"""The task rules as records (kg.extract.tasks.prose.registry) and find_tasks from several threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from kg.extract.tasks import find_tasks
from kg.extract.tasks.cues import no_verb_at, verb_roles, word_list
from kg.extract.tasks.prose import registry

TEXTS = [
    # 江西 county style: a 配合X做好 clause whose supporting unit is the item's marker unit
    "（三）做好宣传。配合县委宣传部做好政策解读工作。（责任单位：县发改委）\n",
    # 甘肃 city style: Y配合 after X负责 in the same sentence
    "二、保障措施。市交通运输局负责线路调整，市公安局积极配合。\n",
    # 广西 district style: modal and subject readings
    "区卫生健康局要加强监测预警。区市场监管局根据有关规定组织抽检。\n",
    "各乡镇人民政府应当建立台账，由县民政局会同县财政局审核。\n",
]


def _facts(tasks):
    return [
        (
            t.kind,
            t.label,
            tuple(u.name for u in t.lead),
            tuple(u.name for u in t.responsible),
            tuple(u.name for u in t.supporting),
        )
        for t in tasks
    ]


def test_two_threads_give_what_one_gives():
    alone = [_facts(find_tasks(t, report=False)) for t in TEXTS]
    work = TEXTS * 25
    with ThreadPoolExecutor(max_workers=2) as pool:
        got = list(pool.map(lambda t: _facts(find_tasks(t, report=False)), work))
    assert got == alone * 25


def test_implicit_and_support_only_readings_are_carried_by_the_task():
    first, second = (find_tasks(t, report=False) for t in TEXTS[:2])
    assist = next(t for t in first if t.kind == "prose")
    assert [u.name for u in assist.lead] == ["县委宣传部"]
    assert [u.name for u in assist.supporting] == ["县发改委"]
    prose = [t for t in second if t.kind == "prose"]
    assert [[u.name for u in t.supporting] for t in prose] == [["市公安局"]]


def test_rules_are_records_in_order_of_precedence():
    rules = registry()
    names = [r.name for r in rules]
    assert len(set(names)) == len(names)
    assert [r.precedence for r in rules] == sorted(r.precedence for r in rules)
    assert {r.in_reports for r in rules} <= {"always", "never", "decided"}
    for r in rules:
        assert r.trigger().pattern  # every trigger compiles from the tables


def test_the_cue_verbs_of_the_table_drive_the_roles():
    roles = verb_roles()
    assert roles["牵头"] == "lead" and roles["配合"] == "supporting"
    assert not no_verb_at("由县林业局负责造林", 7, "负责")
    assert no_verb_at("项目负责人", 4, "负责")
    assert not no_verb_at("牵头抓好落实", 2, "牵头")  # 抓好: a verb after all
    assert no_verb_at("牵头单位", 2, "牵头")


def test_word_lists_load_longest_first():
    assert word_list("lead_in").index("并由") < word_list("lead_in").index("并")

"""Markers after numbered items: a lead-only marker ``（X牵头）`` is a task, and a marker closing an
item belongs to that item when its later siblings carry markers of their own (a section opening on
an unmarked item such as 指导思想 is no task of the marker after it)."""

from __future__ import annotations

from kg.extract.tasks import find_tasks


def _tasks(body: str) -> list[tuple[str, list[str], list[str]]]:
    return [(t.label, [u.name for u in t.lead], [u.name for u in t.responsible]) for t in find_tasks(body)]


def test_a_lead_only_marker_after_an_item_is_a_task():
    body = (
        "一、重点任务\n（一）推进开发区整合提升。（省商务厅牵头）\n"
        "（二）完善开发区管理体制。（省委编办、省商务厅牵头）\n"
    )
    assert _tasks(body) == [
        ("推进开发区整合提升", ["省商务厅"], []),
        ("完善开发区管理体制", ["省委编办", "省商务厅"], []),
    ]


def test_a_bracket_ending_in_lead_that_names_no_unit_is_no_task():
    assert _tasks("（一）推进整合。（以市场为导向，企业为主体，政府引导、部门牵头）\n") == []


def test_a_marker_is_its_items_when_later_items_carry_their_own():
    body = (
        "一、总体要求\n（一）指导思想。全面贯彻新发展理念。\n"
        "（二）加强开发区规划引导。（省发展改革委牵头，省自然资源厅按职责分工负责）\n"
        "（三）推进开发区整合。（省商务厅牵头）\n"
    )
    assert _tasks(body) == [
        ("加强开发区规划引导", ["省发展改革委"], ["省自然资源厅"]),
        ("推进开发区整合", ["省商务厅"], []),
    ]


def test_a_marker_closing_a_sections_last_item_still_covers_the_section():
    body = "二、保障措施\n（一）加强组织领导。\n（二）强化资金保障。（省财政厅负责）\n三、其他\n"
    assert _tasks(body) == [("保障措施", [], ["省财政厅"])]


def test_marker_lines_one_under_another_are_one_assignment():
    body = (
        "一、稳定经济增长\n1.地区生产总值增长6%左右。\n牵头负责领导：张三。\n"
        "牵头责任单位：省发展改革委。\n协同责任单位：省财政厅、省统计局等。\n"
        "2.进出口总额增长5%左右。\n牵头责任单位：省商务厅。\n协同责任单位：南昌海关。\n"
    )
    got = [(t.label, [u.name for u in t.lead], [u.name for u in t.supporting]) for t in find_tasks(body)]
    assert got == [
        ("地区生产总值增长6%左右", ["省发展改革委"], ["省财政厅", "省统计局"]),
        ("进出口总额增长5%左右", ["省商务厅"], ["南昌海关"]),
    ]


def test_the_markers_of_two_items_stay_two_tasks():
    body = "1.甲任务。\n责任单位：省财政厅。\n2.乙任务。\n责任单位：省商务厅。\n"
    assert [t.label for t in find_tasks(body)] == ["甲任务", "乙任务"]

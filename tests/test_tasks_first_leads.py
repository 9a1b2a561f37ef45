"""A notice that transmits a plan may state the plan's rule that the first listed unit leads
(列第一位的为牵头单位); the plan's own lists then have that lead. Texts in other provinces' styles."""

from __future__ import annotations

from kg.models import Text
from kg.pipeline import extract
from kg.publication import text_publication

NOTICE = (
    "湖南省人民政府办公厅关于印发《湖南省2024年优化营商环境重点任务分工》的通知\n"
    "湘政办函〔2024〕21号\n"
    "各市州人民政府，省政府各厅委、各直属机构：\n"
    "《湖南省2024年优化营商环境重点任务分工》已经省人民政府同意，现印发给你们，请认真贯彻执行。{rule}\n"
    "湖南省人民政府办公厅\n"
    "2024年3月5日\n"
    "湖南省2024年优化营商环境重点任务分工\n"
    "一、提升政务服务效能\n"
    "1.推行惠企政策免申即享。责任单位：省发展改革委、省财政厅、省数据局\n"
    "2.压减企业开办时间。责任单位：省市场监管局、省公安厅\n"
)


def _leads(rule: str) -> list[tuple[list[str], list[str]]]:
    facts = extract(text_publication(Text.from_raw("hn.txt", NOTICE.format(rule=rule))))
    return [([u.name for u in t.lead], [u.name for u in t.responsible]) for t in facts.tasks]


def test_the_rule_stated_by_the_transmitting_notice_holds_in_the_plan():
    got = _leads("任务分工中，列第一位的责任单位为牵头单位。")
    assert got == [
        (["省发展改革委"], ["省财政厅", "省数据局"]),
        (["省市场监管局"], ["省公安厅"]),
    ]
    assert _leads("排在首位的为牵头单位。")[0][0] == ["省发展改革委"]


def test_without_the_rule_every_listed_unit_is_responsible():
    got = _leads("各地各部门要加强协调配合。")
    assert got[0] == ([], ["省发展改革委", "省财政厅", "省数据局"])

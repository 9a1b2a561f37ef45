"""A publication reposted in traditional characters gives the facts of its simplified original,
with its quotes as printed (kg/simplify.py)."""

from __future__ import annotations

from kg.models import Text
from kg.pipeline import extract
from kg.publication import text_publication
from kg.simplify import simplified, traditional

SIMPLIFIED = (
    "福建省人民政府关于进一步加强安全生产工作的意见\n闽政〔2023〕12号\n各市、县（区）人民政府，省人民政府各部门：\n"
    "一、压实安全责任。健全安全生产责任体系。（牵头单位：省应急厅；责任单位：省住建厅、省交通运输厅）\n"
    "福建省人民政府\n2023年6月1日\n"
)
TRADITIONAL = (
    "福建省人民政府關於進一步加強安全生產工作的意見\n閩政〔2023〕12號\n各市、縣（區）人民政府，省人民政府各部門：\n"
    "一、壓實安全責任。健全安全生產責任體系。（牽頭單位：省應急廳；責任單位：省住建廳、省交通運輸廳）\n"
    "福建省人民政府\n2023年6月1日\n"
)


def _facts(raw: str):
    pub = text_publication(Text.from_raw("fj.txt", raw))
    facts = extract(pub)
    docs = [(s.title, s.number, s.date) for s in pub.segments]
    tasks = [([u.name for u in t.lead], [u.name for u in t.responsible]) for t in facts.tasks]
    return docs, tasks, facts


def test_a_traditional_repost_gives_the_simplified_facts_with_quotes_as_printed():
    docs, tasks, facts = _facts(TRADITIONAL)
    assert (docs, tasks) == _facts(SIMPLIFIED)[:2]
    assert docs == [("福建省人民政府关于进一步加强安全生产工作的意见", "闽政〔2023〕12号", "2023-06-01")]
    assert tasks == [(["省应急厅"], ["省住建厅", "省交通运输厅"])]
    quote = facts.tasks[0].lead[0].evidence
    assert quote.quote == "省應急廳" and TRADITIONAL[quote.start : quote.end] == "省應急廳"


def test_a_simplified_text_is_left_as_it_is():
    raw = "咸阳市乾县人民政府办公室关于做好乾陵景区安全管理工作的通知\n各镇人民政府，县政府各部门：\n请认真贯彻执行。\n"
    assert not traditional(raw)
    t = Text.from_raw("qx.txt", raw)
    assert simplified(t) is t

"""Segmentation of real publications: header blocks, transmitted plans, reading-order repair."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.clean import clean
from kg.models import Text
from kg.read import read
from kg.segment import parse_date, segment

ROOT = Path(__file__).resolve().parents[1]
MORE = ROOT / "tests" / "data" / "corpus-more"


def _segments(path: Path):
    t = clean(read(path))
    return t, segment(t)


def _by_number(segs):
    return {s.number: s for s in segs if s.number}


def test_gazette_prints_every_numbered_document():
    _, segs = _segments(ROOT / "samples" / "001_baa82a02c22cd2c2.txt")
    nums = _by_number(segs)
    assert set(nums) == {f"绍柯政办发〔2022〕{n}号" for n in (12, 13, 14, 15, 16)} | {"绍柯政发〔2022〕8号"}
    joint = nums["绍柯政发〔2022〕8号"]
    assert joint.issuers == ["绍兴市柯桥区人民政府", "绍兴市柯桥区人民武装部"]
    assert (
        joint.title
        == "绍兴市柯桥区人民政府绍兴市柯桥区人民武装部关于公布2021年度武装工作先进单位和个人的通知"
    )
    assert nums["绍柯政办发〔2022〕14号"].effective_from == "2022-06-19"
    assert nums["绍柯政办发〔2022〕14号"].effective_until == "2025-12-31"
    # the issuer printed on a line above the 关于 line belongs to the title
    assert (
        nums["绍柯政办发〔2022〕13号"].title == "绍兴市柯桥区人民政府办公室关于2021年工作总结和2022年工作思路"
    )


def test_transmitted_plan_is_its_own_document_part_of_the_notice():
    _, segs = _segments(ROOT / "samples" / "001_baa82a02c22cd2c2.txt")
    plans = [s for s in segs if s.part_of is not None]
    titles = {s.title: segs[s.part_of].number for s in plans}
    assert titles == {
        "柯桥区“全链条”无障碍建设先行区工作实施方案": "绍柯政办发〔2022〕12号",
        "柯桥区加快发展保障性租赁住房实施方案": "绍柯政办发〔2022〕15号",
    }
    plan = next(s for s in plans if s.title.startswith("柯桥区加快"))
    assert plan.effective_from == "2022-06-24"
    # the plan's body is its own, not the notice's, and the gazette's 发文目录 is in neither
    assert "国办〔2021〕22号" in plan.text.text
    assert "发文目录" not in plan.text.text
    notice = segs[plan.part_of]
    assert "国办〔2021〕22号" not in notice.text.text


def test_reading_order_repaired_when_pdf_moved_a_header_block():
    t, segs = _segments(ROOT / "samples" / "000_d74bb4acde02e188.txt")
    nums = _by_number(segs)
    notice = nums["绍柯政发〔2022〕2号"]
    # the title was printed after the date (the page's top block read last)
    assert notice.title == "绍兴市柯桥区人民政府关于印发柯桥区征收集体所有土地房屋补偿实施办法的通知"
    assert notice.date == "2022-02-18"
    plan = next(s for s in segs if s.title == "柯桥区征收集体所有土地房屋补偿实施办法")
    assert segs[plan.part_of] is notice
    # the plan's text runs on across the notice block that interrupted it
    body = plan.text.text
    assert "区房屋征收部门" in body and "现将《柯桥区征收集体所有土地房屋" not in body
    # a title block printed in the middle of a notice's own body (绍柯政办发〔2022〕2号)
    last = nums["绍柯政办发〔2022〕2号"]
    assert last.title == "绍兴市柯桥区人民政府办公室关于进一步完善和落实劳动模范医疗补助待遇的通知"
    assert last.effective_from == "2022-04-01"
    # a speech printed with the notice that transmits it
    speech = next(s for s in segs if s.doc_type == "讲话")
    assert speech.title.startswith("转作风强担当抓落实") and speech.date == "2022-02-25"
    assert segs[speech.part_of].number == "绍柯政办发〔2022〕1号"


def test_evidence_points_into_the_original_text():
    t, segs = _segments(ROOT / "samples" / "000_d74bb4acde02e188.txt")
    for s in segs:
        ev = s.evidence
        assert ev is not None and t.raw[ev.start : ev.end] == ev.quote


@pytest.mark.parametrize(
    ("name", "number", "n_docs"),
    [
        ("02_gwy_cujinjiuye_ruoganyijian.txt", "国发〔2018〕39号", 1),
        ("09_anhui_gongyehulianwang.txt", "皖政办秘〔2021〕82号", 3),
        ("11_guizhou_shichangzhuti_xingdongfangan.txt", "黔府发〔2022〕8号", 2),
        ("16_baotou_shuzizhengfu_kaoping.txt", "包府办发〔2022〕43号", 3),
    ],
)
def test_other_places_and_layouts(name, number, n_docs):
    _, segs = _segments(MORE / name)
    docs = [s for s in segs if s.kind == "document"]
    assert len(docs) == n_docs
    assert docs[0].number == number and docs[0].date


def test_annex_lists_stay_inside_their_plan():
    _, segs = _segments(MORE / "09_anhui_gongyehulianwang.txt")
    assert not any("名单" in (s.title or "") for s in segs)


def test_yearbook_is_entries():
    _, segs = _segments(ROOT / "samples" / "004_a7506ae82e06fd0a.txt")
    assert all(s.kind == "entry" for s in segs)
    heads = [s.heading for s in segs if s.heading]
    assert "概况" in heads and len(heads) > 50


def test_unnumbered_text_is_one_entry():
    t = Text.from_raw("x.txt", "今天天气很好。\n没有文号。")
    segs = segment(t)
    assert len(segs) == 1 and segs[0].kind == "entry"


@pytest.mark.parametrize(
    ("s", "iso"),
    [
        ("2022年5月29日", "2022-05-29"),
        ("二〇二二年五月九日", "2022-05-09"),
        ("2021年12月31日", "2021-12-31"),
        ("二〇二一年十二月三十一日", "2021-12-31"),
        ("2022年13月1日", None),
    ],
)
def test_parse_date(s, iso):
    assert parse_date(s) == iso


@pytest.mark.parametrize(
    "text",
    ["自2022年1月1日起，施行", "x。三、自2022年1月1日起，", "x三、自2022年1月1日起，", "、自2022年1月1日起，",
     "各自2022年1月1日起，", "十二、自2021年3月4日起,\n自2022年1月1日起，", "2022年1月1日起，"],
)  # fmt: skip
def test_search_from_finds_what_the_grammar_matches(text):
    from kg.segment.fields import _FROM, _search_from

    want, got = _FROM.search(text), _search_from(text)
    assert (want and want["date"]) == (got and got["date"])


def _joined(*paths: Path) -> Text:
    """One publication made of several files' text (a bound volume, a whole year of gazettes)."""
    return clean(Text.from_raw("joined.txt", "\n\n".join(read(p).raw for p in paths)))


def test_documents_after_a_gazettes_back_matter_keep_their_text():
    """The 发文目录 table at the end of one issue hides only itself, not the documents after it."""
    t = _joined(ROOT / "samples" / "001_baa82a02c22cd2c2.txt", MORE / "02_gwy_cujinjiuye_ruoganyijian.txt")
    segs = segment(t)
    gwy = [s for s in segs if (s.title or "").startswith("国务院关于做好当前和今后")]
    assert len(gwy) == 1 and "稳就业" in gwy[0].text.text and len(gwy[0].text.text) > 2000
    assert all(len(s.text.text) < len(t.text) // 2 for s in segs)  # none is the whole volume
    assert sum(len(s.text.text) for s in segs) <= len(t.text)


@pytest.mark.parametrize("yearbook_first", [True, False])
def test_yearbook_entries_around_printed_notices(yearbook_first):
    """A yearbook that also prints notices keeps its 【entries】, before and after the notices, and the
    notices' bodies stop at the first entry."""
    files = [
        ROOT / "samples" / "004_a7506ae82e06fd0a.txt",
        ROOT / "tests" / "data" / "styles" / "xinxian_gazette.txt",
    ]
    segs = segment(_joined(*(files if yearbook_first else files[::-1])))
    entries = [s for s in segs if s.kind == "entry"]
    docs = [s for s in segs if s.kind == "document"]
    assert len(docs) == 4 and len(entries) >= 70
    assert {"概况", "工业经济"} <= {e.heading for e in entries}
    assert not any("【" in d.text.text for d in docs)

"""Issue 16, property-based (hypothesis): for any text — random Unicode, controls and bidi
characters, random line breaks, random markup, any of the encodings the reader detects — reading,
cleaning, segmenting and extracting never raise (an unreadable input is a ReadError), every fact's
evidence maps back to exactly its quote in the original text, and the same text in another
encoding gives the same facts. A few hundred examples per property (see ``EXAMPLES``)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from kg.build import publication
from kg.clean import clean
from kg.models import Text
from kg.read import ReadError, decode_text, read, read_html_bytes
from kg.read.decode import textlike
from kg.read.sanitise import strip_controls
from kg.segment import segment

EXAMPLES = 250
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of a plan in another province's style than the dev files, to be shuffled and broken up.
PIECES = [
    "广东省人民政府办公厅", "关于印发广东省数字政府建设实施方案的通知", "粤府办〔2023〕15号",
    "各地级以上市人民政府，省政府各部门、各直属机构：", "现将《广东省数字政府建设实施方案》印发给你们，请认真组织实施。",
    "2023年6月1日", "一、总体要求", "二、重点任务", "（一）", "（二）", "1．", "推进政务服务一网通办。",
    "（牵头单位：省政务服务数据管理局；配合单位：省发展改革委、省财政厅）", "（责任单位：各地级以上市人民政府）",
    "根据《中华人民共和国数据安全法》和《广东省数字经济促进条例》（粤府〔2021〕31号），", "省工业和信息化厅",
    "2024年底前完成。", "附件：重点任务分工表", "序号\t任务\t牵头单位", "3\t完善数据标准\t省市场监管局",
]  # fmt: skip
NOISE = [
    "\n", "\n\n", "\n\n\n", " ", "  ", "\t", "\u3000", "\r\n", "\u202e", "\u2066", "\u2069", "\x1b[2J",
    "\x1b]0;x\x07", "\u200b", "\x0c", "\x85", "— 3 —", "\ufeff",
]  # fmt: skip


@st.composite
def plans(draw) -> str:
    """Plan-like text: pieces in random order with random breaks, noise and any characters between."""
    parts = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=25))
    out = []
    for p in parts:
        if draw(st.integers(0, 3)) == 0:  # a hard break inside the piece
            cut = draw(st.integers(0, len(p)))
            p = p[:cut] + draw(st.sampled_from(["\n", "\n\n", "\n \n"])) + p[cut:]
        out.append(p)
        out.append(draw(st.sampled_from(NOISE)) if draw(st.booleans()) else "\n")
        if draw(st.integers(0, 4)) == 0:
            out.append(draw(st.text(max_size=8)))
    return "".join(out)


any_text = st.one_of(plans(), st.text(max_size=400))
MARKUP = ["<p>", "</p>", "<div>", "</div>", "<br>", "<table><tr><td>", "</td><td>", "</td></tr></table>",
          "<script>", "</script>", "<b>", "</b>", "<!--", "-->", "<", ">", "&amp;", "&#x202e;", "<meta charset='gbk'>"]  # fmt: skip


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("prop")


def _facts(path: Path) -> list[tuple]:
    """Every fact of the file with its evidence, and a check that the evidence is exact."""
    from kg.pipeline import extract

    pub = publication(path)
    facts = extract(pub)
    raw = pub.text.raw
    out = []
    evidences = [("seg", s.title or "", s.evidence) for s in pub.segments if s.evidence]
    evidences += [("org", m.name, m.evidence) for m in facts.mentions]
    evidences += [("cite", c.title or c.number or "", c.evidence) for c in facts.citations]
    for t in facts.tasks:
        evidences.append(("task", t.label, t.evidence))
        evidences += [
            (f"unit:{r}", u.name, u.evidence)
            for r in ("lead", "responsible", "supporting")
            for u in getattr(t, r)
        ]
    for kind, value, ev in evidences:
        assert raw[ev.start : ev.end] == ev.quote, (kind, value, ev)
        out.append((kind, value, ev.start, ev.end, ev.quote))
    return sorted(out)


@SETTINGS
@given(text=any_text)
def test_read_clean_segment_never_raise(text):
    try:
        chars = decode_text(text.encode("utf-8"))
    except ReadError:
        return
    t = strip_controls(Text.from_raw("x.txt", chars.replace("\r\n", "\n").replace("\r", "\n")))
    c = clean(t)
    for i, ch in enumerate(t.text):  # every kept character maps to itself in the original
        assert t.raw[t.offsets[i]] == ch
    assert all(0 <= o <= len(t.raw) for o in c.offsets)
    for seg in segment(c):
        assert seg.text.raw == t.raw


@SETTINGS
@given(
    parts=st.lists(
        st.one_of(st.sampled_from(MARKUP), st.sampled_from(PIECES), st.text(max_size=20)), max_size=40
    )
)
def test_html_with_random_markup_never_raises(parts):
    page = "<html><body>" + "".join(parts) + "</body></html>"
    for data in (
        page.encode("utf-8"),
        page.encode("gb18030"),
        codecs.BOM_UTF16_LE + page.encode("utf-16-le"),
    ):
        try:
            text = read_html_bytes(data)
        except ReadError:
            continue
        segment(clean(strip_controls(Text.from_raw("x.html", text))))


@SETTINGS
@given(data=st.binary(max_size=600))
def test_random_bytes_are_text_or_one_read_error(data):
    try:
        assert isinstance(decode_text(data), str)
    except ReadError as e:
        assert str(e) and "\n" not in str(e)


@SETTINGS
@given(text=plans())
@example(text="\n广东省人民政府办公厅\n\x00")  # once read with a BOM, refused without one
def test_evidence_is_exact_and_encodings_give_the_same_facts(folder, text):
    encodings = [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("utf-16-le", codecs.BOM_UTF16_LE),
                 ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-32-le", codecs.BOM_UTF32_LE)]  # fmt: skip
    if textlike(text) >= 0.95 and "\x00" not in text:
        encodings.append(("utf-16-le", b""))  # no BOM: told by which byte order reads as text
    results = []
    for i, (enc, bom) in enumerate(encodings):
        p = folder / f"{i}.txt"
        p.write_bytes(bom + text.encode(enc))
        try:
            results.append((enc, _facts(p)))
        except ReadError as e:
            results.append((enc, str(e).split(" (")[0]))  # refused alike in every encoding
    first = results[0][1]
    event("read" if isinstance(first, list) else "refused")
    event(f"facts: {min(len(first), 10) // 5 * 5}+" if isinstance(first, list) else "no facts")
    for enc, facts in results[1:]:
        assert facts == first, enc


def test_a_read_file_keeps_controls_in_raw_only(folder):
    p = folder / "c.txt"
    p.write_bytes("粤府办〔2023〕15号\u202e\n".encode())
    t = read(p)
    assert "\u202e" in t.raw and "\u202e" not in t.text

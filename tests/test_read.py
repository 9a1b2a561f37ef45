"""read(): encodings detected from bytes, binary/empty/broken inputs refused, PDF/DOCX/HTML text."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import pytest

from kg.read import PAGE_BREAK, ReadError, iter_inputs, read

SAMPLE = Path(__file__).parent.parent / "samples" / "000_d74bb4acde02e188.txt"
SNIPPET = "绍柯政发〔2022〕2 号\n现将《柯桥区征收集体所有土地房屋补偿实施办法》印发给你们，请认真贯彻执行。\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8", "utf-8-sig", "utf-16", "utf-32"])
def test_text_encodings(tmp_path, encoding):
    p = _write(tmp_path, "a.txt", SNIPPET.encode(encoding))
    t = read(p)
    assert t.raw == SNIPPET
    assert t.text == SNIPPET and len(t.offsets) == len(SNIPPET) + 1


@pytest.mark.parametrize("bom,encoding", [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")])
def test_utf16_with_bom(tmp_path, bom, encoding):
    p = _write(tmp_path, "a.txt", bom + SNIPPET.encode(encoding))
    assert read(p).raw == SNIPPET


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_by_nul_pattern(tmp_path, encoding):
    p = _write(tmp_path, "a.txt", SNIPPET.encode(encoding))
    assert read(p).raw == SNIPPET


def test_gb18030_only_characters(tmp_path):
    s = "𠀀字与㐀，绍柯政发〔2022〕2号\n"  # outside GBK: needs the 4-byte GB18030 forms
    p = _write(tmp_path, "a.txt", s.encode("gb18030"))
    assert read(p).raw == s


def test_line_endings_normalised(tmp_path):
    p = _write(tmp_path, "a.txt", "第一行\r\n第二行\r第三行\n".encode())
    assert read(p).raw == "第一行\n第二行\n第三行\n"


def test_sample_file_reads_unchanged():
    assert read(SAMPLE).raw == SAMPLE.read_text(encoding="utf-8")


@pytest.mark.parametrize("data", [b"", b"  \n\t \r\n", "\u3000\n".encode()])
def test_empty(tmp_path, data):
    with pytest.raises(ReadError, match="empty"):
        read(_write(tmp_path, "a.txt", data))


def test_binary_png(tmp_path):
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    with pytest.raises(ReadError, match="PNG"):
        read(_write(tmp_path, "a.txt", data))


def test_binary_nul_bytes(tmp_path):
    with pytest.raises(ReadError, match="not text"):
        read(_write(tmp_path, "a.bin", bytes(range(256)) * 8))


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_nul_character_refused_with_or_without_bom(tmp_path, bom):
    # a NUL inside otherwise plain text is binary data whether or not a BOM precedes it
    data = bom + "\n广东省人民政府办公厅\n\x00".encode()
    with pytest.raises(ReadError, match="NUL bytes"):
        read(_write(tmp_path, "a.txt", data))


def test_undecodable(tmp_path):
    data = "绍兴市".encode() + b"\xff\xfe\xfd\x80"
    with pytest.raises(ReadError, match=r"undecodable bytes at offset 9"):
        read(_write(tmp_path, "a.txt", data))


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read(tmp_path / "nope.txt")


def test_long_single_line(tmp_path):
    s = "为规范征收集体所有土地房屋补偿工作，" * 100_000  # ~5 MB in UTF-8, no line break
    t = read(_write(tmp_path, "a.txt", s.encode()))
    assert len(t.raw) == len(s)


def _chinese_pdf(lines_per_page: list[list[str]]) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for lines in lines_per_page:
        c.setFont("STSong-Light", 12)
        for i, line in enumerate(lines):
            c.drawString(50, 780 - 20 * i, line)
        c.showPage()
    c.save()
    return buf.getvalue()


PAGES = [
    ["绍兴市柯桥区人民政府", "关于印发柯桥区征收集体所有土地房屋", "补偿实施办法的通知"],
    ["绍柯政发〔2022〕2 号", "根据《中华人民共和国土地管理法》制定本办法。"],
]


def test_pdf_chinese_text_layer(tmp_path):
    t = read(_write(tmp_path, "a.pdf", _chinese_pdf(PAGES)))
    pages = t.raw.split(PAGE_BREAK)
    assert len(pages) == 2
    assert pages[0].split("\n") == PAGES[0]
    assert pages[1].split("\n") == PAGES[1]
    assert "\r" not in t.raw


def test_pdf_truncated(tmp_path):
    data = _chinese_pdf(PAGES)
    with pytest.raises(ReadError, match="broken PDF"):
        read(_write(tmp_path, "a.pdf", data[: len(data) // 2]))


def test_pdf_garbage_with_pdf_name(tmp_path):
    with pytest.raises(ReadError, match="broken PDF"):
        read(_write(tmp_path, "a.pdf", b"%PDF-1.4\nnot really\n%%EOF\n"))


def test_pdf_without_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(50, 50, 200, 200, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(ReadError, match="no text layer"):
        read(_write(tmp_path, "scan.pdf", buf.getvalue()))


def test_docx_paragraphs_and_table_in_order(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("柯桥区加快发展保障性租赁住房实施方案")
    table = d.add_table(rows=2, cols=3)
    for cell, s in zip(table.rows[0].cells, ["序号", "任务", "责任单位"], strict=True):
        cell.text = s
    row = table.rows[1].cells
    row[0].text = "1"
    row[1].text = "确保项目落地"
    row[1].add_paragraph("加快审批")
    row[2].text = "区建设局、区自然资源分局"
    d.add_paragraph("绍兴市柯桥区人民政府办公室")
    p = tmp_path / "a.docx"
    d.save(p)
    assert read(p).raw.split("\n") == [
        "柯桥区加快发展保障性租赁住房实施方案",
        "序号\t任务\t责任单位",
        "1\t确保项目落地 加快审批\t区建设局、区自然资源分局",
        "绍兴市柯桥区人民政府办公室",
    ]


def test_docx_broken(tmp_path):
    with pytest.raises(ReadError, match="not a docx"):
        read(_write(tmp_path, "a.docx", b"PK\x03\x04 truncated zip"))


HTML = """<!DOCTYPE html><html><head><meta charset="gb2312"><title>标题</title>
<style>p {color: red}</style><script>var nav = "不要";</script></head>
<body><header>网站首页</header><nav>首页 > 政策文件</nav>
<div class="content"><h1>关于印发柯桥区
加快发展保障性租赁住房实施方案的通知</h1>
<p>各镇人民政府（街道办事处），区政府各部门：</p>
<p>现将《实施方案》印发给你们。<br>请认真贯彻执行。</p>
<table><tr><th>任务</th><th>责任单位</th></tr>
<tr><td><p>确保项目落地</p><p>加快审批</p></td><td>区建设局</td></tr></table>
</div><footer>版权所有</footer><script>alert(1)</script></body></html>"""


def test_html_main_text_table_and_script(tmp_path):
    t = read(_write(tmp_path, "a.html", HTML.encode("gb18030")))
    assert t.raw.split("\n") == [
        "关于印发柯桥区加快发展保障性租赁住房实施方案的通知",
        "各镇人民政府（街道办事处），区政府各部门：",
        "现将《实施方案》印发给你们。",
        "请认真贯彻执行。",
        "任务\t责任单位",
        "确保项目落地 加快审批\t区建设局",
    ]


def test_iter_inputs_walks_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for rel in ["b/2.txt", "b/1.txt", "a.txt", ".x.txt", ".hidden/c.txt"]:
        (tmp_path / rel).write_text("字", encoding="utf-8")
    single = tmp_path / "b" / "2.txt"
    got = list(iter_inputs([tmp_path, single]))
    assert got == [tmp_path / "a.txt", tmp_path / "b" / "1.txt", tmp_path / "b" / "2.txt", single]


def test_size_guard(tmp_path, monkeypatch):
    import kg.read.files

    monkeypatch.setattr(kg.read.files, "MAX_BYTES", 100)
    with pytest.raises(ReadError, match="too large"):
        read(_write(tmp_path, "a.txt", "字".encode() * 100))


def test_identity_offsets():
    from array import array

    from kg.models import identity_offsets

    for n in (1, 2, 1000):
        assert identity_offsets(n) == array("l", range(n))


def test_chinese_utf16_without_bom_and_without_nul_bytes_is_read():
    # every character of this line has two non-zero bytes in UTF-16-LE, so no NUL tells it apart
    from kg.read.decode import decode_text

    line = "各地级以上市人民政府，省政府各部门、各直属机构：\u200b"
    assert decode_text(line.encode("utf-16-le")) == line
    assert decode_text(line.encode("gb18030")) == line  # GB18030 is still read first

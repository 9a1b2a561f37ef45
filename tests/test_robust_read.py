"""Issue 16, reading (classes 1–6): every bad input gets the right text or one ``kg: <path>: <reason>``.

The texts are in other provinces' style than the dev files (Guangdong, Sichuan, Taiwan's Big5)."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import kg.read.errors
import kg.read.files
from kg.read import ReadError, iter_inputs, read

GD = (
    "广东省人民政府办公厅关于印发广东省促进一流营商环境建设工作方案的通知\n"
    "粤府办〔2023〕5号\n"
    "各地级以上市人民政府，省政府各部门、各直属机构：\n"
    "一、由省发展改革委牵头，省工业和信息化厅配合，于2023年底前完成。\n"
)
BIG5 = "臺灣省政府關於印發臺北市促進經濟發展實施方案的通知\n各縣市政府、省政府各部門：\n現將方案印發給你們，請認真貫徹執行。\n"


def run_kg(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, **kw)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def _one_line(proc: subprocess.CompletedProcess, path: Path | str) -> str:
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kg: {path}: "), proc.stderr
    assert "Traceback" not in proc.stderr
    return lines[0]


# ---------------------------------------------------------------- 1. encodings


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_class1_utf16_without_bom_with_nuls_on_both_sides(tmp_path, encoding):
    # 一 is 4E 00: NUL bytes fall on both sides of the pairs, which the old NUL-side test refused
    assert "一" in GD and "\x00" not in GD
    p = _write(tmp_path, "a.txt", GD.encode(encoding))
    assert read(p).raw == GD


def test_class1_utf16_without_bom_pure_ideographs(tmp_path):
    s = "一丁七万丈三上下不与丐丑专且丕世丘丙业丛东丝丞两严丧个丫中丰串临丸丹为主丽举乃久么义之乌乍乎乏乐"
    assert read(_write(tmp_path, "a.txt", s.encode("utf-16-le"))).raw == s


def test_class1_binary_with_nuls_is_still_refused(tmp_path):
    with pytest.raises(ReadError, match="not text"):
        read(_write(tmp_path, "a.txt", bytes(range(256)) * 16))


def test_class1_big5_is_read_as_big5_not_gb18030(tmp_path):
    assert read(_write(tmp_path, "a.txt", BIG5.encode("big5"))).raw == BIG5


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_class1_gbk_stays_gbk(tmp_path, encoding):
    # negative: simplified text in GBK must not be taken for Big5 (its bytes often decode as Big5 too)
    assert read(_write(tmp_path, "a.txt", GD.encode(encoding))).raw == GD


def test_class1_html_declaring_utf8_but_holding_gbk(tmp_path):
    page = f"<html><head><meta charset='utf-8'></head><body><p>{GD.splitlines()[0]}</p><p>{GD.splitlines()[1]}</p></body></html>"
    t = read(_write(tmp_path, "a.html", page.encode("gbk")))
    assert "\ufffd" not in t.raw
    assert t.raw.split("\n") == GD.splitlines()[:2]


def test_class1_html_declaring_gbk_but_holding_utf8(tmp_path):
    page = f"<html><head><meta charset='gbk'></head><body><p>{GD.splitlines()[0]}</p></body></html>"
    assert read(_write(tmp_path, "a.html", page.encode("utf-8"))).raw == GD.splitlines()[0]


# ---------------------------------------------------------------- 2. HTML depth


def _deep(n: int) -> bytes:
    return (
        "<html><body>"
        + "<div>" * n
        + "<p>四川省人民政府</p>"
        + "</div>" * n
        + "<p>川府发〔2023〕8号</p></body></html>"
    ).encode()


def test_class2_html_300_deep_is_read_whole(tmp_path):
    t = read(_write(tmp_path, "a.html", _deep(300)))
    assert t.raw.split("\n") == ["四川省人民政府", "川府发〔2023〕8号"]  # nothing below or after lost


@pytest.mark.parametrize("n", [500, 5000, 100_000])
def test_class2_html_too_deep_is_refused_with_its_reason(tmp_path, n):
    with pytest.raises(ReadError, match="nested deeper than"):
        read(_write(tmp_path, "a.html", _deep(n)))


# ---------------------------------------------------------------- 3. limits on what is read


def _docx(extra_xml: int = 0) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("四川省人民政府办公厅")
    buf = io.BytesIO()
    d.save(buf)
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml" and extra_xml:
                data = data.replace(b"<w:body>", b"<w:body><!--" + b" " * extra_xml + b"-->")
            zout.writestr(info.filename, data)
    return out.getvalue()


def test_class3_docx_bomb_refused_by_unpacked_size(tmp_path):
    data = _docx(100 * 1024 * 1024)  # 100 MB of XML in a few hundred KB
    assert len(data) < 1024 * 1024
    with pytest.raises(ReadError, match="unpacks to 100 MB of XML"):
        read(_write(tmp_path, "bomb.docx", data))


def test_class3_docx_of_ordinary_size_is_read(tmp_path):
    assert read(_write(tmp_path, "a.docx", _docx(1000))).raw == "四川省人民政府办公厅"


def test_class3_characters_per_input_limited(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.read.errors, "MAX_CHARS", 1000)
    with pytest.raises(ReadError, match="too long: 1,001 characters"):
        read(_write(tmp_path, "a.txt", ("字" * 1001).encode()))
    assert read(_write(tmp_path, "b.txt", ("字" * 1000).encode())).raw == "字" * 1000


# ---------------------------------------------------------------- 4–6. names, folders, special files


@pytest.fixture
def sample_text() -> str:
    return (Path(__file__).resolve().parents[1] / "samples" / "001_baa82a02c22cd2c2.txt").read_text("utf-8")


def test_class4_non_utf8_file_name_in_a_batch(tmp_path, sample_text):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(sample_text, encoding="utf-8")
    bad = os.path.join(os.fsencode(src), b"\xd4\xc1.txt")  # 粤 in GBK: not UTF-8
    with open(bad, "wb") as f:
        f.write(sample_text.encode())
    proc = run_kg("build", str(src), "-o", str(tmp_path / "out"))
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    ttl = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert '"%D4%C1.txt"' in ttl and '"good.txt"' in ttl


def test_class5_symlink_loop_walked_once(tmp_path, sample_text):
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "sub" / "a.txt").write_text(sample_text, encoding="utf-8")
    (tmp_path / "d" / "sub" / "up").symlink_to("..")
    (tmp_path / "d" / "self").symlink_to(".")
    assert list(iter_inputs([tmp_path / "d"])) == [tmp_path / "d" / "sub" / "a.txt"]


def test_class6_unlistable_subfolder_reported_and_rest_walked(tmp_path, monkeypatch):
    for rel in ("a/1.txt", "locked/2.txt", "z/3.txt"):
        (tmp_path / rel).parent.mkdir(exist_ok=True)
        (tmp_path / rel).write_text("字", encoding="utf-8")
    real = Path.iterdir

    def iterdir(self):
        if self.name == "locked":  # chmod 000 does not stop root, who runs CI
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    errors: list = []
    got = list(iter_inputs([tmp_path], on_error=lambda p, why: errors.append((p, why))))
    assert got == [tmp_path / "a" / "1.txt", tmp_path / "z" / "3.txt"]
    assert errors == [(tmp_path / "locked", "cannot list folder: Permission denied")]


def test_class6_fifo_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    proc = run_kg("build", str(fifo), "-o", str(tmp_path / "out"), timeout=60)
    assert proc.returncode == 1
    assert _one_line(proc, fifo).endswith("not a regular file (a FIFO)")
    assert proc.stdout == ""  # nothing was written, so no output is named


def test_class6_devices_and_sockets_refused(tmp_path):
    with pytest.raises(ReadError, match="character device"):
        read(Path("/dev/zero"))
    sock = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(sock))
        with pytest.raises(ReadError, match="not a regular file"):
            read(sock)


def test_class6_bytes_read_are_capped_whatever_the_size_claims(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.read.files, "MAX_BYTES", 10)
    with pytest.raises(ReadError, match="too large"):
        read(_write(tmp_path, "a.txt", "字字字字".encode()))
    assert read(_write(tmp_path, "b.txt", "字字字".encode())).raw == "字字字"


def test_control_and_bidi_characters_cleaned_with_offsets_kept(tmp_path):
    raw = "粤府办\u202e〔2023〕\x1b[2J5号\n由省财政厅\u2066负责\u2069。\n"
    t = read(_write(tmp_path, "a.txt", raw.encode()))
    assert t.raw == raw
    assert t.text == "粤府办〔2023〕[2J5号\n由省财政厅负责。\n"
    for i, ch in enumerate(t.text):
        assert t.raw[t.offsets[i]] == ch
    start = t.text.index("省财政厅负责")
    ev = t.evidence(start, start + len("省财政厅负责"))
    assert ev.quote == "省财政厅\u2066负责" and raw[ev.start : ev.end] == ev.quote

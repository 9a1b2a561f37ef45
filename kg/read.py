"""Read an input file (.txt, .pdf, .docx, .html) into a :class:`kg.models.Text`.

Text files: the encoding is detected from the bytes (BOM, strict UTF-8, BOM-less UTF-16 by its NUL
pattern, strict GB18030), never guessed. PDFs: the text layer via pypdfium2 (chosen on the figures
of ``scripts/compare_pdf.py``), pages joined by :data:`PAGE_BREAK`. DOCX and HTML: paragraphs and
table rows in reading order, a row on one line with its cells joined by ``\\t``.
Line endings become ``\\n``. Anything that cannot be read raises :class:`ReadError`.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from kg.models import Text

MAX_BYTES = 200 * 1024 * 1024
PAGE_BREAK = "\n\f\n"

_BOMS = (  # UTF-32 before UTF-16: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"BM", None),  # too short to trust alone; see _binary_kind
    (b"PK\x03\x04", "zip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", None),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE file (old .doc/.xls?)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"%PDF-", "PDF"),
)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NEWLINES_RE = re.compile(r"\r\n?")
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}


class ReadError(Exception):
    """A file that cannot be read; ``str(err)`` is a short reason for ``kg: <path>: <reason>``."""


# ---------------------------------------------------------------- entry points


def read(path: Path) -> Text:
    """The characters of the file at ``path`` as a Text whose ``raw`` is the decoded text."""
    path = Path(path)
    data = _load(path)
    kind = _kind(path, data)
    if kind == "pdf":
        chars = read_pdf_bytes(data)
    elif kind == "docx":
        chars = read_docx_bytes(data)
    elif kind == "html":
        chars = read_html_bytes(data)
    else:
        chars = decode_text(data)
    if "\r" in chars:
        chars = _NEWLINES_RE.sub("\n", chars)
    if not chars.strip():
        raise ReadError("empty")
    return Text.from_raw(str(path), chars)


def iter_inputs(paths: list[Path]) -> Iterator[Path]:
    """Files as given, folders walked in sorted order, skipping hidden files and folders."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            yield from _walk(p)
        else:
            yield p


def _walk(folder: Path) -> Iterator[Path]:
    for child in sorted(folder.iterdir()):
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _walk(child)
        elif child.is_file():
            yield child


def _load(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ReadError("is a directory")
        if size > MAX_BYTES:
            raise ReadError(f"too large: {size // (1024 * 1024)} MB (limit {MAX_BYTES // (1024 * 1024)} MB)")
        return path.read_bytes()
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror or e}") from None


def _kind(path: Path, data: bytes) -> str:
    """pdf | docx | html | text, by suffix; content sniffed for unknown suffixes."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return "pdf"
    if suffix == ".docx":
        return "docx"
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in {".txt", ".text", ".md", ".csv", ".tsv"}:
        return "text"
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return "docx"
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


# ---------------------------------------------------------------- plain text


def decode_text(data: bytes) -> str:
    """Decode the bytes of a text file, detecting the encoding from the bytes themselves."""
    if not data.strip():
        raise ReadError("empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], enc)
    kind = _binary_kind(data)
    if kind:
        raise ReadError(f"not text: {kind}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e.start
        text = None
    if text is None:
        enc = _utf16_by_nuls(data)
        if enc:
            return _check_controls(_strict(data, enc))
        if b"\x00" in data:
            raise ReadError("not text: binary data (NUL bytes)")
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise ReadError(
                f"not text: undecodable bytes at offset {utf8_error} (neither UTF-8 nor GB18030)"
            ) from None
    elif "\x00" in text:
        enc = _utf16_by_nuls(data)
        if not enc:
            raise ReadError("not text: binary data (NUL bytes)")
        text = _strict(data, enc)
    return _check_controls(text)


def _strict(data: bytes, enc: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as e:
        raise ReadError(f"not text: undecodable bytes at offset {e.start} ({enc})") from None


def _binary_kind(data: bytes) -> str | None:
    """A name for a recognised binary format, from its magic number."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            if name is None:
                return "binary file" if b"\x00" in data[:512] else None
            return name
    return None


def _utf16_by_nuls(data: bytes) -> str | None:
    """utf-16-le / utf-16-be when NULs fall (almost) only on odd / even byte positions."""
    sample = data[: 1 << 16]
    if len(sample) % 2:
        sample = sample[:-1]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    pairs = len(sample) // 2
    if pairs == 0 or even + odd < max(2, pairs // 50):
        return None
    if odd >= 0.95 * (even + odd) and even < pairs * 0.05:
        return "utf-16-le"
    if even >= 0.95 * (even + odd) and odd < pairs * 0.05:
        return "utf-16-be"
    return None


def _check_controls(text: str) -> str:
    """Reject decoded text that is mostly control characters (a binary file that happened to decode)."""
    n = len(_CONTROL_RE.findall(text[:100_000]))
    if n > max(8, len(text[:100_000]) // 100):
        raise ReadError("not text: binary data (control characters)")
    return text


# ---------------------------------------------------------------- PDF


def read_pdf_bytes(data: bytes) -> str:
    """The text layer of a PDF, pages joined by :data:`PAGE_BREAK`."""
    import pypdfium2 as pdfium

    if not data.lstrip()[:1024].startswith(b"%PDF-"):
        raise ReadError("broken PDF: no %PDF header")
    if b"%%EOF" not in data.rstrip(b"\x00\r\n\t ")[-2048:]:
        raise ReadError("broken PDF: truncated (no %%EOF at the end)")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        reason = str(e)
        if "password" in reason.lower():
            raise ReadError("encrypted PDF (password required)") from None
        raise ReadError(f"broken PDF: {reason}") from None
    try:
        pages = [_pdf_page_text(page) for page in pdf]
    except pdfium.PdfiumError as e:
        raise ReadError(f"broken PDF: {e}") from None
    finally:
        pdf.close()
    if not pages:
        raise ReadError("broken PDF: no pages")
    if not any(p.strip() for p in pages):
        raise ReadError("no text layer (scanned?)")
    return PAGE_BREAK.join(p.strip("\r\n") for p in pages)


def _pdf_page_text(page) -> str:
    textpage = page.get_textpage()
    try:
        return textpage.get_text_range()
    finally:
        textpage.close()
        page.close()


# ---------------------------------------------------------------- DOCX


def read_docx_bytes(data: bytes) -> str:
    """Paragraphs and tables of a .docx body in reading order; a table row is one line."""
    import io

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises zip, key and package errors alike
        raise ReadError(f"not a docx: {type(e).__name__}: {e}".rstrip(": ")) from None
    lines: list[str] = []
    _docx_block(document.element.body, document, lines)
    return "\n".join(lines)


def _docx_block(element, parent, lines: list[str]) -> None:
    """Append the lines of a body-like element (body, cell, content control) to ``lines``."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(Paragraph(child, parent).text)
        elif child.tag == qn("w:tbl"):
            for row in Table(child, parent).rows:
                lines.append("\t".join(_docx_cells(row)))
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                _docx_block(content, parent, lines)


def _docx_cells(row) -> list[str]:
    """Cell texts of a row, a horizontally merged cell once, a cell's paragraphs joined by a space."""
    out, seen = [], None
    for cell in row.cells:
        if cell._tc is seen:
            continue
        seen = cell._tc
        inner: list[str] = []
        _docx_block(cell._tc, cell, inner)
        out.append(" ".join(s.replace("\t", " ").replace("\n", " ").strip() for s in inner if s.strip()))
    return out


# ---------------------------------------------------------------- HTML

_HTML_DROP = {
    "script", "style", "nav", "header", "footer", "noscript", "template", "iframe", "svg",
    "head", "button", "select", "form", "aside",
}  # fmt: skip
_HTML_BLOCK = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table",
    "thead", "tbody", "tfoot", "section", "article", "main", "blockquote", "pre", "address",
    "figure", "figcaption", "center", "hr", "caption", "body", "html",
}  # fmt: skip
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
_WS_RE = re.compile(r"[ \t\r\n\f\u00a0]+")
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_CJK_BREAK_RE = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n\s*(?=[{_CJK}])")


def read_html_bytes(data: bytes) -> str:
    """The main text of an HTML page: block elements as lines, table rows with cells joined by ``\\t``."""
    import lxml.html

    text = _decode_html(data)
    text = _XML_DECL_RE.sub("", text)
    if not text.strip():
        raise ReadError("empty")
    try:
        root = lxml.html.document_fromstring(text)
    except Exception as e:  # lxml raises ParserError / ValueError on junk
        raise ReadError(f"broken HTML: {e}") from None
    body = root.find("body")
    if body is None:
        body = root
    main = _main_element(body)
    lines: list[str] = []
    cur = [main.text] if main.text else []
    _html_walk(main, lines, cur)
    _html_flush(lines, cur)
    return "\n".join(lines)


def _decode_html(data: bytes) -> str:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], enc)
    m = _META_CHARSET_RE.search(data[:8192])
    if m:
        enc = m.group(1).decode("ascii").lower()
        if enc in {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936"}:
            enc = "gb18030"
        try:
            return data.decode(enc)
        except LookupError:
            pass
        except UnicodeDecodeError:
            return data.decode(enc, errors="replace")  # a page that lies a little about its charset
    return decode_text(data)


def _main_element(body):
    """``<main>`` or the single ``<article>`` when it holds most of the text, else the body."""
    total = len("".join(body.itertext()).strip()) or 1
    for xp in ("//main", "//article"):
        found = body.xpath(xp)
        if len(found) == 1 and len("".join(found[0].itertext()).strip()) >= 0.3 * total:
            return found[0]
    return body


def _html_walk(el, lines: list[str], cur: list[str]) -> None:
    """Append the lines of ``el`` to ``lines``; ``cur`` collects the inline text of the open line."""
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else None
        if tag is None or tag.lower() in _HTML_DROP:
            pass
        elif tag.lower() == "br":
            _html_flush(lines, cur)
        elif tag.lower() == "tr":
            _html_flush(lines, cur)
            row = "\t".join(_html_cell(c) for c in child if isinstance(c.tag, str) and c.tag in ("td", "th"))
            if row.strip():
                lines.append(row)
        elif tag.lower() in _HTML_BLOCK:
            _html_flush(lines, cur)
            if child.text:
                cur.append(child.text)
            _html_walk(child, lines, cur)
            _html_flush(lines, cur)
        else:
            if child.text:
                cur.append(child.text)
            _html_walk(child, lines, cur)
        if child.tail:
            cur.append(child.tail)


def _html_cell(cell) -> str:
    inner: list[str] = []
    cur = [cell.text] if cell.text else []
    _html_walk(cell, inner, cur)
    _html_flush(inner, cur)
    return " ".join(s.replace("\t", " ") for s in inner)


def _html_flush(lines: list[str], cur: list[str]) -> None:
    if not cur:
        return
    s = _CJK_BREAK_RE.sub("", "".join(cur))
    s = _WS_RE.sub(" ", s).strip()
    cur.clear()
    if s:
        lines.append(s)

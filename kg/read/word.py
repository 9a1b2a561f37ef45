"""The text of a .docx: paragraphs and tables in reading order, a table row on one line with its
cells joined by ``\\t``. The zip is checked before it is opened: what it unpacks to is limited,
not only its size on disk (a few hundred KB can unpack to gigabytes of XML)."""

from __future__ import annotations

import io
import zipfile

from kg.read.errors import ReadError

MAX_XML = 64 * 1024 * 1024  # bytes of XML unpacked (the text and its markup)
MAX_UNPACKED = 512 * 1024 * 1024  # bytes unpacked, all parts (images too) together
_CHUNK = 1 << 20


def read_docx_bytes(data: bytes) -> str:
    """Paragraphs and tables of a .docx body in reading order; a table row is one line."""
    import docx

    check_unpacked_size(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises zip, key and package errors alike
        raise ReadError(f"not a docx: {type(e).__name__}: {e}".rstrip(": ")) from None
    lines: list[str] = []
    _docx_block(document.element.body, document, lines)
    return "\n".join(lines)


def check_unpacked_size(data: bytes) -> None:
    """ReadError when the zip's XML parts unpack to more than :data:`MAX_XML` bytes or all its parts
    to more than :data:`MAX_UNPACKED`. The sizes its directory declares are checked first, then the
    parts are unpacked in chunks, counting (a directory may lie)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            _check(sum(i.file_size for i in infos if _is_xml(i.filename)), sum(i.file_size for i in infos))
            xml = total = 0
            for info in infos:
                with z.open(info) as f:
                    while chunk := f.read(_CHUNK):
                        total += len(chunk)
                        xml += len(chunk) if _is_xml(info.filename) else 0
                        _check(xml, total, at_least=True)
    except ReadError:
        raise
    except Exception as e:  # BadZipFile, bad CRC, unsupported compression, truncated data
        raise ReadError(f"not a docx: {type(e).__name__}: {e}".rstrip(": ")) from None


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def _check(xml: int, total: int, at_least: bool = False) -> None:
    mb = 1024 * 1024
    more = "more than " if at_least else ""
    if xml > MAX_XML:
        raise ReadError(f"docx unpacks to {more}{xml // mb} MB of XML (limit {MAX_XML // mb} MB)")
    if total > MAX_UNPACKED:
        raise ReadError(f"docx unpacks to {more}{total // mb} MB (limit {MAX_UNPACKED // mb} MB)")


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

"""Read an input file (.txt, .pdf, .docx, .html) into a :class:`kg.models.Text`.

Text files: the encoding is detected from the bytes (:mod:`kg.read.decode`), never guessed. PDFs:
the text layer (:mod:`kg.read.pdf`), pages joined by :data:`PAGE_BREAK`. DOCX and HTML: paragraphs
and table rows in reading order, a row on one line with its cells joined by ``\\t``
(:mod:`kg.read.word`, :mod:`kg.read.html`). Line endings become ``\\n``. The Text's ``raw`` is the
decoded text; its ``text`` drops control and bidi characters (:mod:`kg.read.sanitise`), the offsets
still pointing into ``raw``. Limits hold on what is read, not only on the size on disk (bytes,
characters, unpacked .docx, HTML depth); only regular files are opened (:mod:`kg.read.files`).
Anything that cannot be read raises :class:`ReadError`.
"""

from __future__ import annotations

import re
from pathlib import Path

from kg.models import Text
from kg.read.decode import decode_text
from kg.read.errors import MAX_CHARS, ReadError, check_chars
from kg.read.files import MAX_BYTES, iter_inputs, load
from kg.read.html import read_html_bytes
from kg.read.pdf import PAGE_BREAK, read_pdf_bytes
from kg.read.sanitise import strip_controls
from kg.read.word import read_docx_bytes
from kg.terminal import display_name

__all__ = [
    "MAX_BYTES", "MAX_CHARS", "PAGE_BREAK", "ReadError", "decode_text", "display_name", "iter_inputs",
    "read", "read_docx_bytes", "read_html_bytes", "read_pdf_bytes",
]  # fmt: skip

_NEWLINES_RE = re.compile(r"\r\n?")
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}


def read(path: Path) -> Text:
    """The characters of the file at ``path`` as a Text whose ``raw`` is the decoded text.

    The Text's ``source`` is the path as valid Unicode (:func:`kg.terminal.display_name`)."""
    path = Path(path)
    data = load(path)
    kind = _kind(path, data)
    if kind == "pdf":
        chars = read_pdf_bytes(data)
    elif kind == "docx":
        chars = read_docx_bytes(data)
    elif kind == "html":
        chars = read_html_bytes(data)
    else:
        chars = decode_text(data)
    del data
    check_chars(len(chars))
    if "\r" in chars:
        chars = _NEWLINES_RE.sub("\n", chars)
    text = strip_controls(Text.from_raw(display_name(path), chars))
    if not text.text.strip():
        raise ReadError("empty")
    return text


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

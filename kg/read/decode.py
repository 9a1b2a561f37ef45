"""The encoding of a text file, detected from its bytes, never guessed: a BOM; strict UTF-8; UTF-16
without a BOM (it has NUL bytes: the byte order whose decoding reads as text wins); strict GB18030,
unless its decoding is mostly characters outside GB2312 and the bytes are valid Big5 (traditional
Chinese, which GB18030 would decode without an error into nonsense)."""

from __future__ import annotations

import codecs
import re
from collections import Counter

from kg.read.errors import ReadError

BOMS = (  # UTF-32 before UTF-16: FF FE 00 00 starts with FF FE
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
# What text in this project is made of: white space, ASCII, general and CJK punctuation, CJK
# ideographs, full-width forms. A UTF-16 decoding in the wrong byte order is mostly something else.
_TEXTLIKE_RE = re.compile(
    "[\t\n\r\f\x20-\x7e\u00b7\u2010-\u2027\u2030-\u205e\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]"
)
_HANZI_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
SAMPLE = 1 << 16  # characters or bytes looked at to decide


def decode_text(data: bytes) -> str:
    """Decode the bytes of a text file, detecting the encoding from the bytes themselves."""
    if not data.strip():
        raise ReadError("empty")
    for bom, enc in BOMS:
        if data.startswith(bom):
            text = strict(data[len(bom) :], enc)
            if "\x00" in text:  # as without a BOM: a NUL character is no text's
                raise ReadError("not text: binary data (NUL bytes)")
            return _check_controls(text)
    kind = _binary_kind(data)
    if kind:
        raise ReadError(f"not text: {kind}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e.start
        text = None
    if text is not None and "\x00" not in text:
        return _check_controls(text)
    if b"\x00" in data:
        utf16 = utf16_without_bom(data)
        if utf16 is None:
            raise ReadError("not text: binary data (NUL bytes)")
        return _check_controls(utf16)
    try:
        return _check_controls(chinese_multibyte(data, utf8_error))
    except ReadError:
        utf16 = utf16_without_bom(data)  # Chinese UTF-16 without a BOM need hold no NUL byte
        if utf16 is None:
            raise
        return _check_controls(utf16)


def strict(data: bytes, enc: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as e:
        raise ReadError(f"not text: undecodable bytes at offset {e.start} ({enc})") from None


def textlike(s: str) -> float:
    """The share of ``s``'s first characters that text in this project is made of."""
    sample = s[:SAMPLE]
    return len(_TEXTLIKE_RE.findall(sample)) / max(len(sample), 1)


def utf16_without_bom(data: bytes) -> str | None:
    """The text of BOM-less UTF-16 in the byte order whose decoding reads as text, else None.

    Which side of a pair holds NULs says little for Chinese (一 is 4E 00, a newline 0A 00); decoded
    in the wrong order, newlines, spaces and punctuation become letters of other scripts."""
    if len(data) % 2:
        return None
    best, score = None, 0.0
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        s = textlike(text)
        if s > score:
            best, score = text, s
    return best if score >= 0.9 else None


def _rare_hanzi(text: str) -> float:
    """The share of the ideographs in ``text`` (a sample) that are not among GB2312's 6763."""
    counts = Counter(_HANZI_RE.findall(text[:SAMPLE]))
    total = sum(counts.values())
    if not total:
        return 0.0
    rare = 0
    for ch, n in counts.items():
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            rare += n
    return rare / total


def chinese_multibyte(data: bytes, utf8_error: int) -> str:
    """GB18030 (GBK, GB2312), or Big5 when GB18030 reads it as rare characters and Big5 reads it."""
    try:
        gb = data.decode("gb18030")
    except UnicodeDecodeError:
        gb = None
    if gb is not None and _rare_hanzi(gb) < 0.3:
        return gb
    try:
        big5 = data.decode("cp950")
    except UnicodeDecodeError:
        big5 = None
    if big5 is not None and (gb is None or textlike(big5) >= textlike(gb)):
        return big5
    if gb is not None:
        return gb
    raise ReadError(f"not text: undecodable bytes at offset {utf8_error} (neither UTF-8, GB18030 nor Big5)")


def _binary_kind(data: bytes) -> str | None:
    """A name for a recognised binary format, from its magic number."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            if name is None:
                return "binary file" if b"\x00" in data[:512] else None
            return name
    return None


def _check_controls(text: str) -> str:
    """Reject decoded text that is mostly control characters (a binary file that happened to decode)."""
    n = len(_CONTROL_RE.findall(text[:100_000]))
    if n > max(8, len(text[:100_000]) // 100):
        raise ReadError("not text: binary data (control characters)")
    return text

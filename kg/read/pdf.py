"""The text layer of a PDF via pypdfium2 (chosen on the figures of ``scripts/compare_pdf.py``)."""

from __future__ import annotations

from kg.read.errors import ReadError, check_chars

PAGE_BREAK = "\n\f\n"


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
    pages: list[str] = []
    chars = 0
    try:
        for page in pdf:
            pages.append(_pdf_page_text(page))
            chars += len(pages[-1])
            check_chars(chars)  # a small file can hold millions of characters
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

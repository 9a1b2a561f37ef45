"""Compare PDF text-layer extractors on a generated Chinese PDF: speed and exact characters recovered.

Usage: ``.venv/bin/python scripts/compare_pdf.py [--pages N] [--repeat R]``

The PDF is generated with reportlab's built-in CID font STSong-Light (no system font needed) from
lines of the bundled sample gazette, so the expected characters are known exactly. Candidates:
pypdfium2 (Apache-2.0/BSD-3) and pdfminer.six (MIT). PyMuPDF is AGPL and not considered.
"""

from __future__ import annotations

import argparse
import difflib
import io
import time
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "000_d74bb4acde02e188.txt"


def sample_lines(n: int) -> list[str]:
    """Non-blank lines of the sample gazette, stripped (spaces inside lines kept)."""
    lines = [ln.strip() for ln in SAMPLE.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return (lines * (n // len(lines) + 1))[:n]


def make_pdf(pages: int, per_page: int = 40) -> tuple[bytes, list[list[str]]]:
    """A PDF of ``pages`` pages, ``per_page`` lines each, and the lines printed on each page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    lines = sample_lines(pages * per_page)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    printed = []
    for p in range(pages):
        chunk = lines[p * per_page : (p + 1) * per_page]
        c.setFont("STSong-Light", 12)
        for i, ln in enumerate(chunk):
            c.drawString(50, 800 - 18 * i, ln)
        c.showPage()
        printed.append(chunk)
    c.save()
    return buf.getvalue(), printed


def pdfium_pages(data: bytes) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()


def pdfminer_pages(data: bytes) -> list[str]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    out = []
    for layout in extract_pages(io.BytesIO(data)):
        out.append("".join(el.get_text() for el in layout if isinstance(el, LTTextContainer)))
    return out


def score(expected: list[list[str]], got: list[str]) -> tuple[float, int, int]:
    """(share of expected characters recovered in order, lines recovered exactly, lines expected)."""
    want = "".join("".join(p) for p in expected)
    have = "".join("".join(p.split()) for p in got)
    want = "".join(want.split())
    sm = difflib.SequenceMatcher(None, want, have, autojunk=False)
    same = sum(b.size for b in sm.get_matching_blocks())
    got_lines = {ln.strip() for p in got for ln in p.splitlines()}
    exact = sum(ln in got_lines for p in expected for ln in p)
    return same / max(1, len(want)), exact, sum(len(p) for p in expected)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    data, printed = make_pdf(args.pages)
    print(f"PDF: {args.pages} pages, {len(data)} bytes, {sum(len(''.join(p)) for p in printed)} chars")
    for name, fn in (("pypdfium2", pdfium_pages), ("pdfminer.six", pdfminer_pages)):
        best = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            got = fn(data)
            best = min(best, time.perf_counter() - t0)
        share, exact, total = score(printed, got)
        print(
            f"{name:13s} {best * 1000:8.1f} ms ({best * 1000 / args.pages:6.2f} ms/page)  "
            f"chars recovered {share:7.2%}  lines exact {exact}/{total}"
        )


if __name__ == "__main__":
    main()

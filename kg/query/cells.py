"""Spreadsheet cells from untrusted text: a CSV cell that a spreadsheet program would run as a
formula (it starts with ``= + - @``, a tab or a carriage return) gets a leading apostrophe; an XLSX
cell holding text is written as text, never as a formula, whatever it starts with."""

from __future__ import annotations

import io

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (nor collections.abc)
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(v: object) -> object:
    """``v`` safe for a CSV cell: text that starts like a formula gets a leading ``'``."""
    if isinstance(v, str) and v.startswith(FORMULA_START):
        return "'" + v
    return v


def csv_text(rows: Iterable[Iterable[object]], lineterminator: str = "\r\n") -> str:
    """Rows as CSV, every cell through :func:`csv_cell`."""
    buf = io.StringIO()
    import csv

    csv.writer(buf, lineterminator=lineterminator).writerows([csv_cell(v) for v in row] for row in rows)
    return buf.getvalue()


def xlsx_value(v: object) -> object:
    """``v`` as an XLSX cell can hold it: the control characters XML 1.0 forbids removed."""
    if isinstance(v, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return ILLEGAL_CHARACTERS_RE.sub("", v)
    return v


def xlsx_text_cells(ws) -> None:
    """Make every string cell of worksheet ``ws`` a text cell (openpyxl made ``=…`` a formula);
    text that starts like a formula also gets Excel's quote prefix, so editing it keeps it text."""
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
                if cell.value.startswith(FORMULA_START):
                    cell.quotePrefix = True

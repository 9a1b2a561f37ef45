"""What a metadata header (kg.layout.Header) adds to the documents a publication prints.

A 文号, issuer or 成文日期 given only in the header belongs to the document the header describes (the
one whose title it gives, else the first): its evidence is the header's value. A website's own name
in 发布机构 (``政府门户网站``) is no issuer: only a name ending like an organisation is taken. A
header's 发布日期 is when the page was published, not the document's date, and is not used.
"""

from __future__ import annotations

import re

from kg.docnumber import NUMBER_RE, normalise_number
from kg.doctypes import doc_type
from kg.layout import Header
from kg.models import Segment, Text
from kg.segment.blocks import _Block, _issuers_from, _Segmenter
from kg.segment.lines import _ORG_LINE, _key, _transmitted, _typed, parse_date, squeeze
from kg.segment.titled import sends_next

_ISO_RE = re.compile(r"((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")


def _date(value: str) -> str | None:
    m = _ISO_RE.match(value.strip())
    if m:
        return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"
    return parse_date(value)


def _number(value: str) -> str | None:
    m = NUMBER_RE.fullmatch(squeeze(value))
    return normalise_number(m.group(0)) if m else None


def _issuer(value: str) -> str | None:
    v = squeeze(value)
    return v if v and len(v) <= 40 and _ORG_LINE.match(v) else None


def _cites(s: Segment, number: str) -> bool:
    """The text prints ``number`` (in a sentence: a 文号 heading would have made it the document's)."""
    return number in s.text.text or number.replace("〔", "[").replace("〕", "]") in s.text.text


def apply_header(out: list[Segment], header: Header | None) -> None:
    """Fill the header's 文号, issuer and date into the document it describes, where missing."""
    if header is None or not header.fields:
        return
    docs = [s for s in out if s.kind == "document"]
    if not docs:
        return
    title = header.get("title")
    want = _key(squeeze(title.value.lstrip("#> "))) if title else ""
    target = None
    if want:
        target = next((s for s in docs if s.title and _key(s.title) == want), None)
        target = target or next((s for s in docs if s.title and want in _key(s.title)), None)
    if target is None:
        tops = [s for s in docs if s.part_of is None]
        if not tops or (want and tops[0].title and tops[0].number):
            return
        target = tops[0]
    f = header.get("number")
    number = _number(f.value) if f else None
    if number and not target.number and all(s.number != number and not _cites(s, number) for s in docs):
        target.number = number
        target.evidence = header.evidence(f)
    f = header.get("issuer")
    issuer = _issuer(f.value) if f else None
    if issuer and not target.issuers:
        target.issuers = [issuer]
    f = header.get("date")
    date = _date(f.value) if f else None
    if date and not target.date:
        target.date = date
    k = out.index(target)
    for s in docs:
        if s.part_of == k:
            s.issuers = s.issuers or list(target.issuers)
            s.date = s.date or target.date


def header_block(seg: _Segmenter, header: Header | None) -> _Block | None:
    """The notice a page prints only in its metadata table (title, 文号) above a body that starts at
    its 主送 line, when that body transmits a document printed after it (印发…的通知 + the plan): a
    block owning no line of the body, its evidence the header's title, so that the plan is found as in
    a printed notice. A table naming only the 文号 above a body opening on its 主送 line is that
    notice too (what it transmits is then read from its opening lines)."""
    title = header.get("title") if header else None
    name = squeeze(title.value) if title else ""
    number = header.get("number") if header else None
    first = seg._next_nonblank(-1, len(seg.lines))
    if first is None:
        return None
    if name and _typed(name) and _transmitted(name):
        said = title
    elif not name and number and _number(number.value) and sends_next(seg.lines, first - 1):
        said = number  # the table names only the 文号; the body opens on its 主送 line
    else:
        return None
    date = seg._date_after(first - 1, len(seg.lines))
    return _Block(None, first - 1, [], date, first, first - 1, name or None, header.evidence(said))


def from_header(t: Text, header: Header | None, entries: list[Segment]) -> list[Segment]:
    """A text printing no document block whose header names one (a title ending in a document kind;
    many carry no 文号: 发文字号 无): that document, holding the whole text; else the entries."""
    if header is None:
        return entries
    title, f = header.get("title"), header.get("number")
    number = _number(f.value) if f else None
    if not (title and _typed(squeeze(title.value))):
        return entries
    name = squeeze(title.value)
    s = Segment(
        kind="document",
        text=t,
        title=name,
        number=number,
        doc_type=doc_type(name),
        evidence=header.evidence(f if number else title),
        issuers=_issuers_from(name, [], title.value),  # the title's issuers before the header's 发布机构
    )
    apply_header([s], header)
    return [s]

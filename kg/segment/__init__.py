"""Segment a publication into the documents (and yearbook entries) it prints.

A gazette prints documents as header blocks: the title (often with its issuer on a line above,
``XX人民政府办公室`` / ``关于…的通知``), the 文号 on a line of its own, the 主送机关, the body, the
signature and the 成文日期. A 印发 notice transmits a plan whose title is printed on a line of its own
(before or after the notice). PDF extraction can move a header block into the middle of another
document's text, or put a notice's title after its date (the page's top block read last): the
segmenter works on lines, finds every header block wherever it sits, and gives each document the
lines that are not part of another's block, so the reading order is repaired in the views.

A document printed without a 文号 (公告, 决议, 政府工作报告, a 意见 printed without a number) is found
by its title and what follows it (kg.segment.titled); a title line may carry its 文号 and name joint
issuers. A metadata header (kg.layout.Header) gives the 文号, issuer or date a body does not print
(kg.segment.metadata). The layout stage has already put a body crawled onto one line back into lines.

Yearbook and news publications print no such blocks; their ``【heading】`` paragraphs become
``entry`` segments, which later stages search for mentions and citations.
"""

from __future__ import annotations

from kg.doctypes import doc_type
from kg.layout import Header
from kg.models import Segment, Text
from kg.segment.attached import (
    _find_title_line,
    _grow_title,
    _printed_annexes,
    _speech,
    _split_transmitted,
    stated_transmitted,
)
from kg.segment.blocks import _issuers_from, _Segmenter, _signature
from kg.segment.bodies import _assign_bodies, _entries
from kg.segment.fields import _attachments, _effective, _recipients
from kg.segment.lines import _key, _transmitted, parse_date, squeeze
from kg.segment.metadata import apply_header, from_header, header_block
from kg.segment.titled import delivered_for

__all__ = ["parse_date", "segment", "squeeze"]


def segment(t: Text, header: Header | None = None) -> list[Segment]:
    """The documents a publication prints, or its entries when it prints none; ``header``: what
    its metadata header says (a 文号, issuer or date given only there belongs to its document)."""
    seg = _Segmenter(t)
    blocks = seg.blocks()
    if not blocks and (printed_above := header_block(seg, header)):
        blocks = [printed_above]
    if not blocks:
        return from_header(t, header, _entries(t, seg))
    lines = seg.lines
    out: list[Segment] = []
    # the notices
    for b in blocks:
        title = seg.block_title(b) or None
        floor = b.num_line
        sig = _signature(seg, b.date_line, floor)
        printed = " ".join(lines[k].text for k in b.title_lines)
        out.append(
            Segment(
                kind="document",
                text=t,  # replaced below
                title=title,
                number=b.number,
                date=parse_date(lines[b.date_line].text) if b.date_line is not None else None,
                issuers=_issuers_from(title or "", sig, printed),
                doc_type=doc_type(title) if title else None,
                evidence=b.header or t.evidence(lines[b.num_line].start, lines[b.num_line].end),
            )
        )
    # the documents they transmit: a line of its own holding the transmitted title
    starts: dict[int, int] = {}  # line index where a body-owner starts -> segment index
    for bi, b in enumerate(blocks):
        starts.setdefault(b.first, bi)
    for bi, b in enumerate(blocks):
        wants = _transmitted(out[bi].title or "") or stated_transmitted(seg, b)
        if len(wants) == 1 and _find_title_line(seg, wants[0], b) is None:
            wants = _split_transmitted(seg, wants[0]) or wants
        for want in wants:
            li = _find_title_line(seg, want, b)
            if li is None:
                continue
            lines_of_title = _grow_title(seg, li, want)
            ttl = "".join(squeeze(lines[k].text) for k in lines_of_title)
            if not ttl.endswith(_key(want)[-2:]) and _key(want) not in _key(ttl):
                ttl = want
            out.append(
                Segment(
                    kind="document",
                    text=t,
                    title=ttl,
                    issuers=list(out[bi].issuers),
                    date=out[bi].date,
                    doc_type=doc_type(ttl),
                    part_of=bi,
                    evidence=t.evidence(lines[lines_of_title[0]].start, lines[lines_of_title[-1]].end),
                )
            )
            for k in lines_of_title:
                seg.owned[k] = -1  # title lines: the attached document's own header
            starts[lines_of_title[0]] = len(out) - 1
    _speech(seg, blocks, out, starts)
    annexes = _printed_annexes(seg, out, starts)
    _assign_bodies(t, seg, blocks, out, starts, annexes)
    for bi, b in enumerate(blocks):
        out[bi].recipients = _recipients(seg, b)
    for s in out:
        _effective(s)
        s.attachments = _attachments(s.text.text)
        if not s.issuers and s.part_of is None:
            s.issuers = delivered_for(s)
    # a notice without its own dates takes those of the document it transmits
    for s in out:
        if s.part_of is not None:
            parent = out[s.part_of]
            parent.effective_from = parent.effective_from or s.effective_from
            parent.effective_until = parent.effective_until or s.effective_until
    apply_header(out, header)
    return out

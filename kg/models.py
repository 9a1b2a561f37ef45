"""Typed records that flow between the stages (no RDF, no spaCy objects).

Offsets: every ``*Match`` produced by an extractor holds ``start``/``end`` into the string it was
given (a document's clean text). The pipeline maps them back to the original characters with
``Text.evidence``; records after that point carry an ``Evidence`` with raw offsets.
"""

from __future__ import annotations

import re
import sys
from array import array
from dataclasses import dataclass, field

from kg.docnumber import DocNumber  # noqa: F401 (defined there: lookups read 文号 without the build's records)

# The records a build holds by the hundred thousand (evidence, mentions, citations, tasks, identities)
# have __slots__: no per-record __dict__ (an Evidence took ~160 bytes with one, ~70 without).


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: source file, character span in the original text, the quote."""

    source: str
    start: int
    end: int
    quote: str

    def __post_init__(self) -> None:
        """The file name and a short quote (an organisation's name, printed again and again across a
        corpus) interned: held once however many facts quote them."""
        object.__setattr__(self, "source", sys.intern(self.source))
        if len(self.quote) <= SHORT_QUOTE:
            object.__setattr__(self, "quote", sys.intern(self.quote))

    def __reduce__(self):  # unpickled (from a worker, from the cache) through __init__: interned there too
        return Evidence, (self.source, self.start, self.end, self.quote)


SHORT_QUOTE = 24  # characters: longer quotes (tasks, citations) are seldom printed twice


def identity_offsets(n: int) -> array:
    """``array("l", range(n))`` (the offsets of a Text that is its own raw), built by numpy in C."""
    import numpy as np

    out = array("l")
    out.frombytes(memoryview(np.arange(n, dtype=f"i{out.itemsize}")).cast("B"))
    return out


def drop_matches(pattern: re.Pattern, s: str, offs, keep) -> str:
    """``s`` without the matches of ``pattern``; the entries of ``offs`` of the characters kept (and
    the entry after the last character, when ``offs`` has one) are appended to ``keep``."""
    parts: list[str] = []
    pos = 0
    for m in pattern.finditer(s):
        parts.append(s[pos : m.start()])
        keep.extend(offs[pos : m.start()])
        pos = m.end()
    parts.append(s[pos:])
    keep.extend(offs[pos:])
    return "".join(parts)


@dataclass
class Text:
    """Characters to match on (``text``) with a map back to the original characters (``raw``).

    ``offsets[i]`` is the index in ``raw`` of ``text[i]``; ``offsets[len(text)]`` is the raw index
    just after the last character. A Text may be a reordered selection of another (a document
    whose header PDF extraction moved), the map still points into the one ``raw``.
    """

    source: str
    raw: str
    text: str
    offsets: array = field(repr=False)

    @classmethod
    def from_raw(cls, source: str, raw: str) -> Text:
        return cls(source, raw, raw, identity_offsets(len(raw) + 1))

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span covering clean ``text[start:end]``."""
        if end <= start:
            r = self.offsets[start] if start < len(self.offsets) else len(self.raw)
            return r, r
        return self.offsets[start], self.offsets[end - 1] + 1

    def evidence(self, start: int, end: int) -> Evidence:
        rs, re_ = self.raw_span(start, end)
        if re_ < rs:  # a reordered view: quote the clean characters instead
            return Evidence(self.source, rs, rs + (end - start), self.text[start:end])
        return Evidence(self.source, rs, re_, self.raw[rs:re_])

    def sub(self, ranges: list[tuple[int, int]], sep: str = "\n") -> Text:
        """A view made of the pieces ``text[a:b]`` in the order given, joined by ``sep``."""
        parts: list[str] = []
        offs = array("l")
        for i, (a, b) in enumerate(ranges):
            if i and sep:
                parts.append(sep)
                offs.extend([self.offsets[a]] * len(sep))
            parts.append(self.text[a:b])
            offs.extend(self.offsets[a:b])
        last = ranges[-1][1] if ranges else 0
        offs.append(self.offsets[last] if ranges else 0)
        return Text(self.source, self.raw, "".join(parts), offs)


# ---------------------------------------------------------------- extractor outputs (pure functions)


@dataclass
class UnitMatch:
    """One unit named in a list: ``surface`` as printed, ``name`` with a shared prefix distributed
    (``区自然资源分局、建设局`` -> second one: surface ``建设局``, name ``区建设局``)."""

    surface: str
    name: str
    start: int
    end: int


@dataclass
class OrgMatch:
    """An organisation mention found in running text."""

    surface: str
    name: str
    start: int
    end: int


@dataclass
class CitationMatch:
    """A reference to another document: 《title》（number）, 《title》 or a bare number."""

    start: int
    end: int
    title: str | None  # without 《 》, inner 〈〉 kept
    number: str | None  # normalised 文号
    relation: str = "mentions"  # basis | implements | mentions
    quote: str = ""


@dataclass
class TaskMatch:
    """A task with assigned units, found by marker, table row or prose."""

    start: int
    end: int
    label: str
    kind: str  # marker | table | prose
    lead: list[UnitMatch] = field(default_factory=list)
    responsible: list[UnitMatch] = field(default_factory=list)
    supporting: list[UnitMatch] = field(default_factory=list)
    outline: list[str] = field(default_factory=list)  # ["三、…", "（二）…"]
    deadline: str | None = None
    text: str = ""


# ---------------------------------------------------------------- segmentation


@dataclass
class Segment:
    """A document (or a yearbook/news entry) printed in a publication, with its header metadata."""

    kind: str  # document | entry
    text: Text  # the segment's own view (reading order repaired)
    title: str | None = None
    number: str | None = None
    issuers: list[str] = field(default_factory=list)
    date: str | None = None  # ISO
    effective_from: str | None = None
    effective_until: str | None = None
    recipients: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    doc_type: str | None = None
    part_of: int | None = None  # index of the transmitting notice in the publication's segments
    heading: str | None = None  # entry heading / chapter for yearbook entries
    evidence: Evidence | None = None  # header span (number/title)


@dataclass
class Publication:
    """One input file: its Text, the jurisdiction it belongs to, and its segments."""

    source: str
    text: Text
    jurisdiction: str | None = None
    segments: list[Segment] = field(default_factory=list)


# ---------------------------------------------------------------- extracted facts (evidence in raw)


@dataclass(slots=True)
class OrgMention:
    surface: str
    name: str  # prefix-distributed form
    evidence: Evidence
    segment: int
    role: str = "mention"  # mention | issuer | lead | responsible | supporting

    def __post_init__(self) -> None:  # equal strings held once (the quote is most often the surface)
        if self.surface == self.evidence.quote:
            self.surface = self.evidence.quote
        if self.name == self.surface:
            self.name = self.surface


@dataclass(slots=True)
class Citation:
    segment: int
    title: str | None
    number: str | None
    relation: str
    evidence: Evidence


@dataclass(slots=True)
class Task:
    segment: int
    label: str
    kind: str
    lead: list[OrgMention]
    responsible: list[OrgMention]
    supporting: list[OrgMention]
    outline: list[str]
    deadline: str | None
    text: str
    evidence: Evidence

    def __post_init__(self) -> None:  # the task's text, when it is its quote, held once
        if self.text == self.evidence.quote:
            self.text = self.evidence.quote


@dataclass(repr=False)
class Facts:
    """Everything extracted from one publication."""

    publication: Publication
    mentions: list[OrgMention] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)

    def __repr__(self) -> str:
        return (
            f"<Facts of {self.publication.source}: {len(self.tasks)} tasks, "
            f"{len(self.citations)} citations, {len(self.mentions)} organisation mentions>"
        )

    def __str__(self) -> str:
        """One line per fact, with the character span it was read from."""
        where = self.publication.jurisdiction
        lines = [repr(self)[1:-1] + (f" (jurisdiction {where.name})" if where else "")]
        for t in self.tasks:
            units = "; ".join(
                f"{role}: {'、'.join(u.name for u in us)}"
                for role, us in (
                    ("lead", t.lead),
                    ("responsible", t.responsible),
                    ("supporting", t.supporting),
                )
                if us
            )
            lines.append(f"task {t.label} [{units or 'no unit'}] {_span(t.evidence)}")
        for c in self.citations:
            cited = " ".join(x for x in (f"《{c.title}》" if c.title else "", c.number or "") if x)
            lines.append(f"citation {cited} ({c.relation}) {_span(c.evidence)}")
        for m in self.mentions:
            lines.append(f"organisation {m.name} {_span(m.evidence)}")
        return "\n".join(lines)


def _span(ev: Evidence) -> str:
    return f"@{ev.start}-{ev.end}"


# ---------------------------------------------------------------- resolution


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    """An administrative area whose government publishes: ``chain`` runs from the top down,
    full names: ("浙江省", "绍兴市", "绍兴市柯桥区"); ``level`` of the last one:
    national | provincial | prefecture | county | township."""

    chain: tuple[str, ...]
    level: str

    @property
    def name(self) -> str:
        return self.chain[-1] if self.chain else "国家"


@dataclass(frozen=True, slots=True)
class OrgIdentity:
    """What one organisation is: a stable key, its canonical full name, kind, level, parent key."""

    key: str  # "绍兴市柯桥区/住房和城乡建设局"
    canonical: str  # "绍兴市柯桥区住房和城乡建设局"
    kind: str  # government | department | party | public_institution | enterprise | group | collective
    level: str  # national | provincial | prefecture | county | township | other
    parent: str | None = None  # key of the parent organisation

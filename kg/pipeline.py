"""The text pipeline: spaCy components over each printed document, facts out with evidence.

``spacy.blank("zh")`` tokenises into characters, so every match of the extractors (pure functions
over a string, in ``kg.extract``) maps exactly onto tokens. Each component puts its results on the
``Doc``: ``doc.spans["orgs"]`` and ``doc.spans["citations"]`` (their match records, one per span,
in ``doc._.orgs`` and ``doc._.citations``) and ``doc._.tasks``. :func:`extract` runs one ``Doc`` per segment with
``nlp.pipe`` and turns the spans into records whose evidence points into the original text.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.citations import find_citations
from kg.extract.org_mentions import aliases, find_orgs
from kg.extract.tasks import find_tasks
from kg.extract.tasks.cues import rule_re
from kg.models import Citation, Facts, OrgMention, Publication, Task, UnitMatch

for _name in ("orgs", "citations"):  # the match records behind doc.spans[name], in span order
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Doc.has_extension("tasks"):
    Doc.set_extension("tasks", default=None)
if not Doc.has_extension("first_leads"):
    Doc.set_extension("first_leads", default=False)
if not Doc.has_extension("self_title"):
    Doc.set_extension("self_title", default=None)
if not Doc.has_extension("report"):  # a yearbook / news entry: it reports work, assigns little
    Doc.set_extension("report", default=None)
if not Doc.has_extension("source"):  # the string the Doc was made from (doc.text rebuilds it each call)
    Doc.set_extension("source", default=None)


def _text(doc: Doc) -> str:
    return doc._.source if doc._.source is not None else doc.text


def _put(doc: Doc, name: str, matches, label: str) -> None:
    """``matches`` as ``doc.spans[name]`` (label ``label``) and their records as ``doc._.<name>``.
    On one-character tokens a character span is the token span; a match outside the text is
    dropped (as ``doc.char_span(…, alignment_mode="expand")`` would)."""
    n = len(doc)
    kept = [m for m in matches if 0 <= m.start < n and 0 < m.end <= n]
    doc.spans[name] = [Span(doc, m.start, m.end, label=label) for m in kept]
    setattr(doc._, name, kept)


@Language.component("kg_orgs")
def orgs_component(doc: Doc) -> Doc:
    """Organisation mentions in running text -> ``doc.spans["orgs"]``, ``doc._.orgs``."""
    _put(doc, "orgs", find_orgs(_text(doc)), "ORG")
    return doc


@Language.component("kg_citations")
def citations_component(doc: Doc) -> Doc:
    """References to other documents -> ``doc.spans["citations"]``, ``doc._.citations``."""
    _put(doc, "citations", find_citations(_text(doc), doc._.self_title), "CITE")
    return doc


@Language.component("kg_tasks")
def tasks_component(doc: Doc) -> Doc:
    """Tasks with their units -> ``doc._.tasks`` (TaskMatch records)."""
    orgs = doc._.orgs
    starts = frozenset(m.start for m in orgs) if orgs is not None else None
    doc._.tasks = find_tasks(
        _text(doc), report=doc._.report, org_starts=starts, first_leads=doc._.first_leads
    )
    return doc


class CharTokenizer:
    """One token per character, as ``spacy.blank("zh")``'s default "char" segmenter gives, built
    directly (the default aligns words to the text and is ~20x slower on long documents). The
    words are passed as orth ids (the string hashing per character is the costly part)."""

    def __init__(self, vocab):
        self.vocab = vocab
        self.orths = _Orths(vocab)

    def __call__(self, text: str) -> Doc:
        return Doc(self.vocab, words=list(map(self.orths.__getitem__, text)), spaces=[False] * len(text))


class _Orths(dict):
    """character -> its orth id in ``vocab``, the lexeme added on first sight."""

    def __init__(self, vocab):
        super().__init__()
        self.vocab = vocab

    def __missing__(self, ch: str) -> int:
        orth = self[ch] = self.vocab[ch].orth
        return orth


@cache
def nlp() -> Language:
    """The pipeline, built once per process."""
    pipe = spacy.blank("zh")
    pipe.tokenizer = CharTokenizer(pipe.vocab)
    pipe.max_length = 10 * CHUNK  # segments are cut into pieces of CHUNK characters before they get here
    for name in ("kg_orgs", "kg_citations", "kg_tasks"):
        pipe.add_pipe(name)
    return pipe


CHUNK = 200_000  # characters: a longer segment is read in pieces cut at line or sentence ends
DOCS_AT_ONCE = 8  # Docs the pipe holds at a time (a 200,000-character Doc takes ~20 MB)


def chunks(text: str, size: int = CHUNK) -> list[tuple[int, str]]:
    """``text`` in pieces of at most about ``size`` characters, cut after a newline or 。 when one is near."""
    out, pos = [], 0
    while pos < len(text):
        end = min(len(text), pos + size)
        if end < len(text):
            cut = max(text.rfind("\n", pos, end), text.rfind("。", pos, end))
            if cut > pos + size // 2:
                end = cut + 1
        out.append((pos, text[pos:end]))
        pos = end
    return out or [(0, "")]


def _rule_stated_above(pub: Publication) -> list[bool]:
    """For each segment: the notice transmitting it states that the first unit of a list leads (each
    notice read once, however many documents it transmits)."""
    notices = {s.part_of for s in pub.segments if s.part_of is not None}
    states = {k: rule_re().search(pub.segments[k].text.text.replace("\n", " ")) is not None for k in notices}
    return [states.get(s.part_of, False) for s in pub.segments]


def extract(pub: Publication) -> Facts:
    """All facts of one publication: mentions, citations and tasks of every segment."""
    facts = Facts(pub)
    pipe = nlp()
    pieces = [(i, off, piece) for i, seg in enumerate(pub.segments) for off, piece in chunks(seg.text.text)]
    first_leads = _rule_stated_above(pub)

    def docs():  # made as the pipe asks for them: a long publication's Docs are not all held at once
        for i, _off, piece in pieces:
            d = pipe.make_doc(piece)
            d._.self_title = pub.segments[i].title
            d._.source = piece
            d._.report = pub.segments[i].kind == "entry"
            d._.first_leads = first_leads[i]
            yield d

    for (i, off, _), doc in zip(pieces, pipe.pipe(docs(), batch_size=DOCS_AT_ONCE), strict=True):
        seg = pub.segments[i]
        short = aliases(doc._.source) if "简称" in doc._.source else {}  # 区X办（以下简称区Y部门）

        def ev(a: int, b: int, seg=seg, off=off):
            return seg.text.evidence(a + off, b + off)

        for m in doc._.orgs:
            facts.mentions.append(OrgMention(m.surface, m.name, ev(m.start, m.end), i))
        for m in doc._.citations:
            facts.citations.append(Citation(i, m.title, m.number, m.relation, ev(m.start, m.end)))
        for m in doc._.tasks or []:

            def units(us: list[UnitMatch], role: str, i=i, ev=ev, short=short) -> list[OrgMention]:
                return [
                    OrgMention(u.surface, short.get(u.name, u.name), ev(u.start, u.end), i, role) for u in us
                ]

            facts.tasks.append(
                Task(
                    segment=i,
                    label=m.label,
                    kind=m.kind,
                    lead=units(m.lead, "lead"),
                    responsible=units(m.responsible, "responsible"),
                    supporting=units(m.supporting, "supporting"),
                    outline=list(m.outline),
                    deadline=m.deadline,
                    text=m.text,
                    evidence=ev(m.start, m.end),
                )
            )
    return facts

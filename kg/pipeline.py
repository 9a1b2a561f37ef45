"""The text pipeline: spaCy components over each printed document, facts out with evidence.

``spacy.blank("zh")`` tokenises into characters, so every match of the extractors (pure functions
over a string, in ``kg.extract``) maps exactly onto tokens. Each component puts its results on the
``Doc``: ``doc.spans["orgs"]`` and ``doc.spans["citations"]`` (with the match records on
``Span._.match``) and ``doc._.tasks``. :func:`extract` runs one ``Doc`` per segment with
``nlp.pipe`` and turns the spans into records whose evidence points into the original text.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.citations import find_citations
from kg.extract.orgs import find_orgs
from kg.extract.tasks import find_tasks
from kg.models import Citation, Facts, OrgMention, Publication, Segment, Task, UnitMatch

if not Span.has_extension("match"):
    Span.set_extension("match", default=None)
if not Doc.has_extension("tasks"):
    Doc.set_extension("tasks", default=None)
if not Doc.has_extension("self_title"):
    Doc.set_extension("self_title", default=None)


def _spans(doc: Doc, matches, label: str) -> list[Span]:
    out = []
    for m in matches:
        sp = doc.char_span(m.start, m.end, label=label, alignment_mode="expand")
        if sp is not None:
            sp._.match = m
            out.append(sp)
    return out


@Language.component("kg_orgs")
def orgs_component(doc: Doc) -> Doc:
    """Organisation mentions in running text -> ``doc.spans["orgs"]``."""
    doc.spans["orgs"] = _spans(doc, find_orgs(doc.text), "ORG")
    return doc


@Language.component("kg_citations")
def citations_component(doc: Doc) -> Doc:
    """References to other documents -> ``doc.spans["citations"]``."""
    doc.spans["citations"] = _spans(doc, find_citations(doc.text, doc._.self_title), "CITE")
    return doc


@Language.component("kg_tasks")
def tasks_component(doc: Doc) -> Doc:
    """Tasks with their units -> ``doc._.tasks`` (TaskMatch records)."""
    doc._.tasks = find_tasks(doc.text)
    return doc


@cache
def nlp() -> Language:
    """The pipeline, built once per process."""
    pipe = spacy.blank("zh")
    for name in ("kg_orgs", "kg_citations", "kg_tasks"):
        pipe.add_pipe(name)
    return pipe


def _mention(seg: Segment, i: int, u: UnitMatch, role: str) -> OrgMention:
    return OrgMention(u.surface, u.name, seg.text.evidence(u.start, u.end), i, role)


def extract(pub: Publication) -> Facts:
    """All facts of one publication: mentions, citations and tasks of every segment."""
    facts = Facts(pub)
    pipe = nlp()
    docs = []
    for seg in pub.segments:
        d = pipe.make_doc(seg.text.text)
        d._.self_title = seg.title
        docs.append(d)
    docs = list(pipe.pipe(docs))
    for i, (seg, doc) in enumerate(zip(pub.segments, docs, strict=True)):
        ev = seg.text.evidence
        for sp in doc.spans["orgs"]:
            m = sp._.match
            facts.mentions.append(OrgMention(m.surface, m.name, ev(m.start, m.end), i))
        for sp in doc.spans["citations"]:
            m = sp._.match
            facts.citations.append(Citation(i, m.title, m.number, m.relation, ev(m.start, m.end)))
        for m in doc._.tasks or []:
            facts.tasks.append(
                Task(
                    segment=i,
                    label=m.label,
                    kind=m.kind,
                    lead=[_mention(seg, i, u, "lead") for u in m.lead],
                    responsible=[_mention(seg, i, u, "responsible") for u in m.responsible],
                    supporting=[_mention(seg, i, u, "supporting") for u in m.supporting],
                    outline=list(m.outline),
                    deadline=m.deadline,
                    text=m.text,
                    evidence=ev(m.start, m.end),
                )
            )
    return facts

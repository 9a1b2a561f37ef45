"""Resolve the facts of a whole corpus into one node per real document and per real organisation.

Documents are keyed by their normalised 文号 and by their title (laws also by their short title);
a citation joins the node that either key names, so a document cited by number in one place and by
title in another, or printed in the corpus and cited elsewhere, is one node. Organisations are keyed
by :func:`kg.resolve.org_identity.identify`, which expands abbreviations and resolves 区/市/省 against the
publication's own jurisdiction.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kg.divisions import jurisdiction_of, parse_places, place_prefix
from kg.docnumber import decode, decree_organ, parse_number
from kg.models import DocNumber, Evidence, Facts, Jurisdiction, OrgIdentity, OrgMention, Publication
from kg.names import normalise_name, org_suffix, single_prefix
from kg.resolve.org_collectives import printed_classes
from kg.resolve.org_identity import identify, without_lead_verb
from kg.resolve.org_name_forms import OVER_MODAL, plain_name
from kg.resolve.org_own import own_bureau, own_name
from kg.resolve.org_short_forms import short_form_of
from kg.titles import law_aliases, title_key

LEVEL_RANK = {"national": 0, "provincial": 1, "prefecture": 2, "county": 3, "township": 4, "other": 5}


@lru_cache(maxsize=1 << 14)  # titles recur (cited again and again)
def title_keys(title: str) -> tuple[str, ...]:
    """Every key a title is known by (a law by its full and its short title); short titles are no keys."""
    return tuple({k for k in law_aliases(title) if len(k) >= 5})


def _unit_like(name: str) -> bool:
    """A name printed as a task's unit that no table knows is still a unit when it reads like one:
    an organisation ending (局, 办, 中心 …), a collective (各…) or a short functional name (城管执法)."""
    if _VERBISH.search(name) or OVER_MODAL.search(name):
        return False
    return bool(org_suffix(name)) or name.startswith("各") or 2 <= len(name) <= 6


_VERBISH = re.compile(r"提交|报送|移交|交由|(?<=[）)])交|^向|^对|^由")  # a clause, not a name


_COMPANY_TAIL = re.compile(r"有限(责任)?公司$")


@lru_cache(maxsize=1 << 14)  # a pure function of the name and the (frozen) identity
def _formal(name: str, ident: OrgIdentity) -> bool:
    """``name`` is the organisation's full name as printed, not a short form we expanded: it opens
    with a place name (包头市文化旅游广电局) or carries a company's registered tail (省投资集团控股有限
    公司), and the canonical name ends with it. A formal name is the node's canonical name, whatever
    short form came first (市文旅局, 省投资集团)."""
    name = normalise_name(name)
    if not (_COMPANY_TAIL.search(name) or len(place_prefix(name)) >= 2):
        return False
    body = name[len(place_prefix(name)) :] or name
    if single_prefix(body) and _COMPANY_TAIL.search(name):
        body = body[1:]
    return len(body) >= 3 and ident.canonical.endswith(body)


def _id(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


@dataclass
class DocNode:
    id: str
    number: str | None = None
    titles: list[str] = field(default_factory=list)
    issuers: list[str] = field(default_factory=list)  # org keys
    date: str | None = None
    effective_from: str | None = None
    effective_until: str | None = None
    doc_type: str | None = None
    sources: list[str] = field(default_factory=list)
    part_of: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    level: str | None = None  # of the issuer, from the issuer or the 文号's code
    code_issuer: str | None = None  # issuing organ decoded from the 文号
    number_parts: DocNumber | None = None  # ``number`` parsed (code, year, serial)

    @property
    def title(self) -> str | None:
        return self.titles[0] if self.titles else None


@dataclass
class OrgNode:
    identity: OrgIdentity
    labels: Counter = field(default_factory=Counter)  # printed forms -> count
    evidence: list[Evidence] = field(default_factory=list)
    roles: Counter = field(default_factory=Counter)
    formal: bool = False  # the canonical name is printed in full in the text (_formal)
    named_by: int = 0  # the length of the printed form the canonical name was read from

    @property
    def id(self) -> str:
        return _id("org", self.identity.key)


@dataclass
class TaskNode:
    id: str
    doc: str  # doc or entry id
    label: str
    kind: str
    lead: list[str]
    responsible: list[str]
    supporting: list[str]
    outline: list[str]
    deadline: str | None
    text: str
    evidence: Evidence


@dataclass
class EntryNode:
    id: str
    heading: str | None
    source: str
    evidence: Evidence | None


@dataclass
class CiteEdge:
    citing: str  # doc or entry id
    cited: str
    relation: str
    evidence: Evidence


@dataclass
class Corpus:
    docs: dict[str, DocNode] = field(default_factory=dict)
    orgs: dict[str, OrgNode] = field(default_factory=dict)  # by org key
    tasks: list[TaskNode] = field(default_factory=list)
    entries: dict[str, EntryNode] = field(default_factory=dict)
    cites: list[CiteEdge] = field(default_factory=list)
    mentions: list[tuple[str, str, Evidence]] = field(default_factory=list)  # (doc/entry id, org key, ev)
    jurisdictions: dict[str, Jurisdiction | None] = field(default_factory=dict)  # source -> where


def where(pub: Publication) -> Jurisdiction | None:
    """The government a publication belongs to: its issuers (signatures), the organs its 文号 codes
    name (银发 -> 中国人民银行), its header lines, else the place it names most."""
    text = pub.text.text
    issuers = [name for s in pub.segments for name in s.issuers]
    for s in pub.segments:
        dn = parse_number(s.number) if s.kind == "document" and s.number else None
        dec = decode(dn.code) if dn else None
        if dec:
            issuers.append(dec[0])
    return jurisdiction_of(text[:3000], issuers, whole=text) or jurisdiction_of(text, [])


class _Resolver:
    def __init__(self) -> None:
        self.c = Corpus()
        self.by_key: dict[str, str] = {}  # "n:<number>" / "t:<title key>" -> doc id
        self.own: tuple[str, Jurisdiction] | None = None  # the publication's issuing bureau (org_own)

    # ---------------------------------------------------------------- organisations
    def org(
        self,
        name: str,
        surface: str,
        where_: Jurisdiction | None,
        ev: Evidence | None,
        role: str,
        force: bool = False,
    ) -> str | None:
        ident = identify(own_name(without_lead_verb(name), self.own) or name, where_)
        if ident is None:
            # a name opening with a place identify refused (鼓楼区 in a text of no province of that name)
            if not force or not _unit_like(name) or place_prefix(name):
                return None
            place = where_.name if where_ else "国家"
            ident = OrgIdentity(f"{place}/{name}", name, "other", where_.level if where_ else "other")
        node = self.c.orgs.get(ident.key)
        formal, named_by = _formal(name, ident), len(plain_name(name))
        classes = printed_classes(normalise_name(surface))
        if classes and ident.kind == "collective" and ident.canonical.endswith("各部门"):
            # 市政府各委、办、局: the key reads 各部门, the name keeps the classes as printed
            ident = replace(ident, canonical=ident.canonical[:-3] + classes)
            named_by += len(classes) - 3
        if node is None:
            node = self.c.orgs[ident.key] = OrgNode(ident, formal=formal, named_by=named_by)
        elif (
            ident.canonical != node.identity.canonical
            and not node.formal
            and (formal or named_by > node.named_by)
        ):
            # the name printed in full, else the fullest printed form, names the node (市文旅广电局 over 市文旅局)
            node.identity = replace(node.identity, canonical=ident.canonical)
            node.formal, node.named_by = formal, named_by
        node.labels[surface] += 1
        if name != surface:
            node.labels[name] += 1
        node.roles[role] += 1
        if ev is not None and len(node.evidence) < 50:
            node.evidence.append(ev)
        return ident.key

    # ---------------------------------------------------------------- documents
    def doc_for(self, number: str | None, title: str | None) -> str:
        """The node of a cited document, made when neither key is known yet."""
        n_id = self.by_key.get(f"n:{number}") if number else None
        t_ids = [self.by_key[f"t:{k}"] for k in title_keys(title or "") if f"t:{k}" in self.by_key]
        t_id = t_ids[0] if t_ids else None
        if n_id and t_id and n_id != t_id:
            # 《plan》（notice number): the plan printed with the notice that transmits it
            return t_id if self.c.docs[t_id].part_of == n_id else n_id
        node_id = n_id or t_id
        if node_id is None:
            node_id = _id("doc", number or "", title_key(title or ""))
            self.c.docs[node_id] = DocNode(node_id)
            self._set_level_from_number(self.c.docs[node_id], number)
        node = self.c.docs[node_id]
        if number and not node.number:
            node.number = number
            self._set_level_from_number(node, number)
            self.by_key.setdefault(f"n:{number}", node_id)
        if title and title not in node.titles:
            node.titles.append(title)
        for k in title_keys(title or ""):
            self.by_key.setdefault(f"t:{k}", node_id)
        return node_id

    def _set_level_from_number(self, node: DocNode, number: str | None) -> None:
        dn = parse_number(number) if number else None
        if dn and number == node.number:
            node.number_parts = dn
        dec = decode(dn.code) if dn else None
        if dec:
            node.code_issuer, lvl = dec
            node.level = node.level or lvl
        elif number and (organ := decree_organ(number)):
            # 国务院令 / 省政府令 name their organ; a ministry's 令 (交通运输部令) names no place: national
            node.code_issuer = organ
            node.level = node.level or _title_level(organ) or "national"

    def publication(self, facts: Facts) -> None:
        known, n_mentions, n_tasks = set(self.c.orgs), len(self.c.mentions), len(self.c.tasks)
        self._publication(facts)
        self._join_short_forms(known, n_mentions, n_tasks)

    def _join_short_forms(self, known: set[str], n_mentions: int, n_tasks: int) -> None:
        """A node this publication made for a short form of one of its own names (区征收办 beside
        区土地和房屋征收工作办公室) is joined into that name's node (org_short_forms)."""
        tasks = self.c.tasks[n_tasks:]
        used = {k for _, k, _ in self.c.mentions[n_mentions:]}
        used |= {k for t in tasks for k in (*t.lead, *t.responsible, *t.supporting)}
        names = [self.c.orgs[k].identity for k in sorted(used) if k in self.c.orgs]
        joined = {}
        for k in sorted(used - known):
            full = short_form_of(self.c.orgs[k].identity, names)
            if full is not None and full.key not in joined:
                joined[k] = full.key
        if not joined:
            return
        for k, into in joined.items():
            node, target = self.c.orgs.pop(k), self.c.orgs[into]
            target.labels.update(node.labels)
            target.roles.update(node.roles)
            target.evidence.extend(node.evidence[: max(0, 50 - len(target.evidence))])
        self.c.mentions[n_mentions:] = [
            (d, joined.get(k, k), ev) for d, k, ev in self.c.mentions[n_mentions:]
        ]
        for t in tasks:
            for units in (t.lead, t.responsible, t.supporting):
                units[:] = list(dict.fromkeys(joined.get(k, k) for k in units))
        for d in self.c.docs.values():
            d.issuers[:] = list(dict.fromkeys(joined.get(k, k) for k in d.issuers))

    def _publication(self, facts: Facts) -> None:
        pub = facts.publication
        wh = pub.jurisdiction
        self.c.jurisdictions[pub.source] = wh
        self.own = own_bureau([n for s in pub.segments for n in s.issuers], identify, wh)
        name = pub.source.replace("\\", "/").rsplit("/", 1)[-1]
        seg_ids: list[str] = []
        for i, s in enumerate(pub.segments):
            if s.kind != "document":
                eid = _id("entry", pub.source, str(i))
                self.c.entries[eid] = EntryNode(eid, s.heading, name, s.evidence)
                seg_ids.append(eid)
                continue
            # a printed document: its own node, joined with earlier citations of it
            did = None
            if s.number and f"n:{s.number}" in self.by_key:
                did = self.by_key[f"n:{s.number}"]
            elif not s.number:
                for k in title_keys(s.title or ""):
                    cand = self.by_key.get(f"t:{k}")
                    if cand and not self.c.docs[cand].sources:
                        did = cand
                        break
            if did is None or (
                self.c.docs[did].sources and name in self.c.docs[did].sources and not s.number
            ):
                did = _id("doc", name, str(i), s.number or "", s.title or "")
                self.c.docs[did] = DocNode(did)
            node = self.c.docs[did]
            node.number = node.number or s.number
            self._set_level_from_number(node, s.number)
            if s.title:
                if s.title in node.titles:
                    node.titles.remove(s.title)
                node.titles.insert(0, s.title)
            if s.number:
                self.by_key[f"n:{s.number}"] = did
            for k in title_keys(s.title or ""):
                self.by_key[f"t:{k}"] = did
            node.date = node.date or s.date
            node.effective_from = node.effective_from or s.effective_from
            node.effective_until = node.effective_until or s.effective_until
            node.doc_type = node.doc_type or s.doc_type
            node.recipients = node.recipients or list(s.recipients)
            node.attachments = node.attachments or list(s.attachments)
            if name not in node.sources:
                node.sources.append(name)
            if s.evidence:
                node.evidence.append(s.evidence)
            for iss in s.issuers:
                key = self.org(iss, iss, wh, s.evidence, "issuer", force=True)
                if key and key not in node.issuers:
                    node.issuers.append(key)
                    lvl = self.c.orgs[key].identity.level
                    if lvl in LEVEL_RANK and lvl != "other":
                        node.level = lvl
            seg_ids.append(did)
        for i, s in enumerate(pub.segments):
            if s.part_of is not None and s.kind == "document":
                self.c.docs[seg_ids[i]].part_of = seg_ids[s.part_of]
        # mentions
        for m in facts.mentions:
            key = self.org(m.name, m.surface, wh, m.evidence, "mention")
            if key:
                self.c.mentions.append((seg_ids[m.segment], key, m.evidence))
        # citations
        for c in facts.citations:
            cited = self.doc_for(c.number, c.title)
            citing = seg_ids[c.segment]
            if cited != citing:
                self.c.cites.append(CiteEdge(citing, cited, c.relation, c.evidence))
        # tasks
        for t in facts.tasks:

            def units(ms: list[OrgMention], role: str) -> list[str]:
                out = []
                for m in ms:
                    key = self.org(m.name, m.surface, wh, m.evidence, role, force=True)
                    if key and key not in out:
                        out.append(key)
                return out

            self.c.tasks.append(
                TaskNode(
                    id=_id("task", name, str(t.evidence.start), str(t.evidence.end), t.label),
                    doc=seg_ids[t.segment],
                    label=t.label,
                    kind=t.kind,
                    lead=units(t.lead, "lead"),
                    responsible=units(t.responsible, "responsible"),
                    supporting=units(t.supporting, "supporting"),
                    outline=t.outline,
                    deadline=t.deadline,
                    text=t.text,
                    evidence=t.evidence,
                )
            )

    def finish(self) -> Corpus:
        """Relations decided across documents: a 'basis' citation of a higher-level document on the
        same subject is an implementation. Documents known only by a title get the level its issuer
        or place name says."""
        for d in self.c.docs.values():
            if not d.level and d.title:
                d.level = _title_level(d.title)
        for e in self.c.cites:
            a, b = self.c.docs.get(e.citing), self.c.docs.get(e.cited)
            if e.relation != "basis" or a is None or b is None or not a.title or not b.title:
                continue
            la, lb = LEVEL_RANK.get(a.level or "", 9), LEVEL_RANK.get(b.level or "", 9)
            if lb < la and _same_subject(a.title, b.title):
                e.relation = "implements"
        return self.c


_NATIONAL_TITLE = re.compile(r"^(中华人民共和国|国务院|中共中央|全国人民代表大会|国家)")


def _title_level(title: str) -> str | None:
    """The level a title's opening names: 中华人民共和国…法 / 国务院… -> national; 浙江省… -> provincial;
    绍兴市柯桥区… -> county. None when it opens with no place (关于…, 省政府… relative forms)."""
    t = title_key(title)
    if _NATIONAL_TITLE.match(t) or (law_aliases(t) - {t} and not parse_places(t)[0]):
        return "national"
    found, _ = parse_places(t)
    return found[-1].level if found else None


_STRIP = re.compile(r"^.*?关于|(的)?(实施|指导|若干)?(意见|方案|通知|办法|细则|规定|决定)$|印发|实施")


def _subject(title: str) -> str:
    s = title_key(title)
    s = _STRIP.sub("", s)
    return _STRIP.sub("", s)


def _same_subject(a: str, b: str) -> bool:
    sa, sb = _subject(a), _subject(b)
    if len(sa) < 4 or len(sb) < 4:
        return False
    return sa in sb or sb in sa


class Resolver:
    """Resolution fed one publication at a time (so a publication's text can be dropped once read)."""

    def __init__(self) -> None:
        self._r = _Resolver()

    def add(self, facts: Facts) -> None:
        self._r.publication(facts)

    def finish(self) -> Corpus:
        return self._r.finish()


def resolve(all_facts: list[Facts]) -> Corpus:
    """One corpus graph's worth of nodes from the facts of every publication."""
    r = Resolver()
    for f in all_facts:
        r.add(f)
    return r.finish()

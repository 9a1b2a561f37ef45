"""Assignment markers: ``（牵头单位：…；责任单位：…）``, ``牵头考核单位：…`` at a line start, and the
State Council style ``（X、Y负责）`` / ``（X牵头，Y配合）`` after an item; one task per marker."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.outline import (
    SENT_END,
    Compact,
    Item,
    heading_of,
    innermost,
    outline_entries,
)
from kg.extract.tasks.clauses import LABEL_MAX, deadline, phrase, span_test
from kg.extract.tasks.cues import ROLES, alternation, marker_re, marker_role, rule_re, verb_cue
from kg.extract.tasks.units import all_orgs, units_in
from kg.models import TaskMatch, UnitMatch

OPENS, CLOSES = "（(", "）)"


@dataclass
class Marker:
    """An assignment marker: its compact span, units per role and any text before the roles."""

    start: int
    end: int
    roles: dict[str, list[UnitMatch]] = field(default_factory=dict)
    prefix: str = ""
    first_is_lead: bool = False  # a 负责 list under a 列第一位者为牵头单位 rule


def _open_before(s: str, pos: int, limit: int = 80) -> int | None:
    """The unmatched opening bracket before ``pos`` within ``limit`` characters."""
    depth = 0
    for i in range(pos - 1, max(-1, pos - limit - 1), -1):
        ch = s[i]
        if ch in CLOSES:
            depth += 1
        elif ch in OPENS:
            if depth == 0:
                return i
            depth -= 1
        elif ch == "。":
            return None
    return None


ROUND = re.compile("[" + OPENS + CLOSES + "]")
ROUND_OPEN = re.compile("[" + OPENS + "]")


def _close_after(s: str, open_: int, limit: int = 500) -> int | None:
    """The bracket closing the one at ``open_``."""
    depth = 0
    for m in ROUND.finditer(s, open_, min(len(s), open_ + limit)):
        if m.group() in OPENS:
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return m.start()
    return None


def _role_parts(c: Compact, a: int, b: int) -> tuple[str, dict[str, list[UnitMatch]]]:
    """Split a marker body ``s[a:b]`` into its text before the first label and units per role."""
    found = list(marker_re().finditer(c.s, a, b))
    roles: dict[str, list[UnitMatch]] = {}
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else b
        word = m.group(1).replace("\n", "")
        roles.setdefault(marker_role()[word], []).extend(units_in(c, m.end(), end))
    prefix = c.s[a : found[0].start()].replace("\n", "").strip("，,；;。 ") if found else ""
    return prefix, roles


# where a marker body whose closing bracket was lost (PDF text, a crawled page) or that has no bracket
# ends: a sentence end, or the next item opening, at a line start or run on after the unit list
# (``牵头单位：区建设局，配合单位：区财政局二、保障措施…`` on a page without line breaks)
BODY_END = re.compile(
    r"[。！？]|\n[\s　]*(?=[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[.．、]|第[一二三四五六七八九十]+[章条])"
    r"|(?<=[^\s、，,])(?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])"
)
AFTER_STOP = "。；;！？）)\n"


def _body_end(s: str, a: int, b: int) -> int | None:
    """The first :data:`BODY_END` in ``s[a:b]`` (None when there is none)."""
    m = BODY_END.search(s, a, b)
    return m.start() if m is not None else None


def label_markers(c: Compact) -> list[Marker]:
    """Markers with label words: bracketed ``（牵头单位：…）``, bare at a line start or after a
    sentence (``…工作。牵头单位：…，配合单位：…``), or with the closing bracket lost."""
    out: list[Marker] = []
    done = -1
    for m in marker_re().finditer(c.s):
        if m.start() < done:
            continue
        line_end = c.s.find("\n", m.start())
        line_end = len(c.s) if line_end < 0 else line_end
        open_ = _open_before(c.s, m.start())
        close = _close_after(c.s, open_) if open_ is not None else None
        if open_ is not None and close is not None and close > m.end():
            cut = _body_end(c.s, m.end(), close)
            end = close if cut is None else cut
            prefix, roles = _role_parts(c, open_ + 1, end)
            out.append(Marker(open_, end + 1 if cut is None else end, roles, prefix))
            done = end + 1 if cut is None else end
            continue
        if open_ is not None and close is None:  # the closing bracket is lost
            a = open_ + 1
        else:
            line_start = c.s.rfind("\n", 0, m.start()) + 1
            before = c.s[line_start : m.start()].rstrip("　 ")
            if before and before[-1] not in AFTER_STOP:
                continue
            a = m.start()
        cut = _body_end(c.s, m.end(), line_end)
        end = line_end if cut is None else cut
        prefix, roles = _role_parts(c, a, end)
        out.append(Marker(a if a == m.start() else open_, end, roles, prefix))
        done = end
    return _joined(c, out)


def _joined(c: Compact, markers: list[Marker]) -> list[Marker]:
    """A marker right after another (nothing but breaks and stops between) with roles of its own
    is the same marker: ``牵头责任单位：X。`` then ``协同责任单位：Y、Z。`` on the next line."""
    out: list[Marker] = []
    for mk in markers:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not c.s[prev.end : mk.start].strip("\n 　。；;，,")
            and not set(prev.roles) & set(mk.roles)
        ):
            for role, units in mk.roles.items():
                prev.roles.setdefault(role, []).extend(units)
            prev.end = mk.end
            continue
        out.append(mk)
    return out


_SHARE = f"(?:{alternation('division')}|{alternation('jointly')})?"
SC_LEAD = re.compile(
    rf"^(?P<a>.+?){verb_cue('lead')}[，,、；;](?P<b>.+?)(?:等)?{_SHARE}(?P<v>{alternation('shared_verb')})$"
)
SC_LEAD_ONLY = re.compile(rf"^由?(?P<a>.+?){verb_cue('lead')}$")  # （国家发展改革委牵头）
SC_DUTY = re.compile(rf"^由?(?P<a>.+?){_SHARE}{verb_cue('responsible')}(?:[。；;，,].*)?$")


def _bracket_groups(s: str):
    """(open, close) of every outermost round-bracket group."""
    i = 0
    while (m := ROUND_OPEN.search(s, i)) is not None:
        i = m.start()
        close = _close_after(s, i, 300)
        if close is not None:
            yield i, close
            i = close + 1
            continue
        i += 1


def duty_markers(c: Compact, taken: list[tuple[int, int]]) -> list[Marker]:
    """State Council style ``（X、Y负责）``, ``（X牵头，Y、Z配合）``, ``（X牵头）`` after an item."""
    out = []
    in_taken = span_test(taken)
    for open_, close in _bracket_groups(c.s):
        if in_taken(open_):
            continue
        body = c.s[open_ + 1 : close]
        flat = body.replace("\n", "")
        if "。" in flat.split("负责")[0] or len(flat) > 200:
            continue
        m = SC_LEAD.match(flat)
        if m:
            lead = units_in(c, open_ + 1, open_ + 1 + _raw_len(body, m.end("a")))
            rest_a = open_ + 1 + _raw_len(body, m.start("b"))
            rest = units_in(c, rest_a, open_ + 1 + _raw_len(body, m.end("b")))
            if all_orgs(lead) and all_orgs(rest):
                role = "supporting" if m.group("v") in ("配合", "参与") else "responsible"
                out.append(Marker(open_, close + 1, {"lead": lead, role: rest}))
            continue
        m = SC_LEAD_ONLY.match(flat)
        if m:
            lead = units_in(c, open_ + 1, open_ + 1 + _raw_len(body, m.end("a")))
            if all_orgs(lead):
                out.append(Marker(open_, close + 1, {"lead": lead}))
            continue
        m = SC_DUTY.match(flat)
        if m and "牵头" not in m.group("a"):
            units = _together_units(
                c, open_ + 1 + _raw_len(body, m.start("a")), open_ + 1 + _raw_len(body, m.end("a"))
            )
            if all_orgs(units):
                out.append(Marker(open_, close + 1, {"responsible": units}, first_is_lead=True))
    return out


def _together_units(c: Compact, a: int, b: int) -> list[UnitMatch]:
    """The units of ``s[a:b]``, a ``X会同Y`` list read as X and Y (``（国家发展改革委会同有关部门负责）``)."""
    k = c.s.find("会同", a, b)
    if k < 0:
        return units_in(c, a, b)
    return units_in(c, a, k) + units_in(c, k + 2, b)


def _raw_len(body: str, flat_index: int) -> int:
    """The index in ``body`` (with line breaks) of character ``flat_index`` of its flat form."""
    seen = 0
    for i, ch in enumerate(body):
        if seen == flat_index:
            return i
        if ch != "\n":
            seen += 1
    return len(body)


def apply_rule(c: Compact, markers: list[Marker], stated: bool = False) -> None:
    """Under a 列第一位者为牵头单位 rule, the first unit of a lead-less list leads: after the rule
    where the text states it, everywhere where the notice transmitting the text did (``stated``)."""
    m = rule_re().search(c.s.replace("\n", " "))
    if not m and not stated:
        for mk in markers:
            mk.first_is_lead = False
        return
    since = m.start() if m else 0
    for mk in markers:
        resp = mk.roles.get("responsible", [])
        if mk.end > since and resp and not mk.roles.get("lead"):
            mk.roles["lead"] = resp[:1]
            mk.roles["responsible"] = resp[1:]
        mk.first_is_lead = False


# ---------------------------------------------------------------- statements


def _statement(
    items: list[Item], c: Compact, pos: int, prev_end: int, marked: list[int]
) -> tuple[int, int | None]:
    """(start, item index or None): where the statement that ends in a marker at ``pos`` begins. A
    marker closing a section's last item after unmarked siblings covers the section, unless a later
    sibling has a marker of its own (``marked``: every marker's start): then it is its item's."""
    i = innermost(items, pos)
    if i is None or items[i].start < prev_end:
        start = prev_end
        while start < pos and c.s[start] in "\n，,；;。. 　":
            start += 1
        return start, None
    while True:
        it = items[i]
        par = it.parent
        siblings = items[par].children if par is not None else []
        earlier = [j for j in siblings if j < i]
        later = [j for j in siblings if j > i]
        if (
            par is not None
            and items[par].start >= prev_end
            and any(items[j].start >= prev_end for j in earlier)
            and not (later and any(items[later[0]].start <= m < _end_of(items, par) for m in marked))
        ):
            i = par
            continue
        return it.start, i


def _end_of(items: list[Item], k: int) -> float:
    """Where item ``k`` and its descendants end: the start of the next item outside them."""
    for j in range(k + 1, len(items)):
        p = items[j].parent
        while p is not None and p != k:
            p = items[p].parent
        if p is None:
            return items[j].start
    return float("inf")


def _item_label(items: list[Item], c: Compact, i: int, end: int) -> str:
    """The item's own heading; an item without one that is its section's only item takes the
    section's title (``（三）政府网站集约化平台升级（1.5分）``)."""
    it = items[i]
    if it.heading_only and not it.implicit:
        return _clean_heading(it.heading)
    own = SENT_END.search(c.s[it.body : end].replace("\n", ""))
    has_heading = own is not None and own.start() <= LABEL_MAX
    par = it.parent
    if not has_heading and par is not None and items[par].children == [i] and not items[par].implicit:
        return _clean_heading(items[par].heading)
    if len(it.heading) <= LABEL_MAX:
        return it.heading
    return heading_of(c.s[it.body : end].replace("\n", ""))


def _clean_heading(h: str) -> str:
    """A heading without a trailing score or weight note (``（3分）``)."""
    return re.sub(r"[（(][\d.０-９．]+分[）)]$", "", h)


def all_markers(c: Compact) -> list[Marker]:
    """Label-word and State Council style markers, in text order."""
    markers = label_markers(c)
    markers += duty_markers(c, [(m.start, m.end) for m in markers])
    return sorted(markers, key=lambda m: m.start)


def marker_tasks(
    c: Compact, items: list[Item], markers: list[Marker] | None = None, first_leads: bool = False
) -> list[TaskMatch]:
    """One task per marker, its statement running back to the item or the previous marker
    (``markers``: :func:`all_markers` of ``c``, when the caller has them; ``first_leads``: the
    transmitting notice states that the first listed unit leads)."""
    markers = all_markers(c) if markers is None else markers
    apply_rule(c, markers, first_leads)
    out, prev_end = [], 0
    marked = [mk.start for mk in markers if any(mk.roles.get(r) for r in ROLES)]
    for mk in markers:
        if not any(mk.roles.get(r) for r in ROLES):
            continue
        start, i = _statement(items, c, mk.start, prev_end, marked)
        body = c.s[start : mk.start].replace("\n", "")
        if i is not None:
            label = _item_label(items, c, i, mk.start)
        else:
            label = phrase(body)
        if not label:
            label = phrase(body) or mk.prefix
        a, b = c.span(start, mk.end)
        where = i if i is not None else innermost(items, mk.start)
        out.append(
            TaskMatch(
                a,
                b,
                label,
                "marker",
                lead=mk.roles.get("lead", []),
                responsible=mk.roles.get("responsible", []),
                supporting=mk.roles.get("supporting", []),
                outline=outline_entries(items, where),
                deadline=deadline(mk.prefix, body),
                text=c.s[start : mk.end].replace("\n", ""),
            )
        )
        prev_end = mk.end
    return out

"""Tasks with their lead / responsible / supporting units, read from one document's clean text.

Three sources: item markers (``（牵头单位：…；责任单位：…）``, ``（X、Y负责）``, ``牵头考核单位：…``),
table rows with a unit column, and prose assignments (``由X负责…``, ``X牵头，Y配合``). The cue
words live in ``kg/data/task_cues.tsv``; unit lists are split by :func:`kg.names.split_units`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from kg.extract.org_mentions import find_orgs
from kg.extract.outline import (
    SENT_END,
    Compact,
    Item,
    compact,
    heading_of,
    innermost,
    item_number,
    outline_entries,
    parse_outline,
    unwrap,
)
from kg.models import TaskMatch, UnitMatch
from kg.names import org_suffix, split_units

DATA = Path(__file__).resolve().parent.parent / "data"
OPENS, CLOSES = "（(", "）)"
ROLES = ("lead", "responsible", "supporting")
LABEL_MAX = 30


# ---------------------------------------------------------------- cue data


@cache
def cues() -> dict[str, list[tuple[str, str]]]:
    """type -> [(cue, role)] from kg/data/task_cues.tsv, longest cue first."""
    out: dict[str, list[tuple[str, str]]] = {}
    for line in (DATA / "task_cues.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t") + ["", ""]
        out.setdefault(cols[1].strip(), []).append((cols[0], cols[2].strip()))
    for rows in out.values():
        rows.sort(key=lambda r: -len(r[0]))
    return out


def _spread(word: str) -> str:
    """A regex for ``word`` that tolerates a line break between its characters."""
    return "\n?".join(re.escape(ch) for ch in word)


@cache
def marker_re() -> re.Pattern:
    """Any marker label word followed by a colon, e.g. ``牵头单位：``."""
    words = [w for w, _ in cues()["marker"]]
    return re.compile("(" + "|".join(_spread(w) for w in words) + r")\n?[：:]")


@cache
def marker_role() -> dict[str, str]:
    return {w: r for w, r in cues()["marker"]}


@cache
def rule_re() -> re.Pattern:
    return re.compile("|".join(f"(?:{w})" for w, _ in cues()["rule"]))


@cache
def deadline_re() -> re.Pattern:
    return re.compile("|".join(f"(?:{w})" for w, _ in cues()["deadline"]))


@cache
def nonorg_words() -> tuple[str, ...]:
    return tuple(w for w, _ in cues()["nonorg"])


# ---------------------------------------------------------------- units


def is_org(name: str) -> bool:
    """An organisation-like name: ends in an organ suffix and is no generic private class, or
    names the governments of a level without a suffix (``各地``, ``地方``, ``各市（州）``)."""
    if len(name) < 2 or name.endswith(nonorg_words()):
        return False
    return org_suffix(name) is not None or collective_re().fullmatch(name) is not None


_EACH_RE = re.compile(r"^[^各，、]{0,3}各")  # 各相关部门, 区直各部门: every one of a group
_GROUPS = ("部门", "单位")  # of departments (not 各地, 各区政府: governments a marker does not list)


def _restates_marker(t: TaskMatch, marked: list[TaskMatch]) -> bool:
    """A duty of a group of departments (各相关部门要…) inside an item whose marker names the units:
    the marker's departments are that group, so it is the item's task, not one of its own."""
    units = t.lead + t.responsible
    if not units or not all(_EACH_RE.match(u.name) and u.name.endswith(_GROUPS) for u in units):
        return False
    return any(m.start <= t.start < m.end for m in marked)


@cache
def collective_re() -> re.Pattern:
    return re.compile("|".join(f"(?:{w})" for w, _ in cues().get("collective", [])) or "(?!)")


@lru_cache(maxsize=1 << 16)
def _split(flat: str) -> tuple[tuple[str, str, int, int], ...]:
    """split_units(flat) as (surface, name, start, end) of its non-empty units, memoised: the
    prose rules ask for the same few spans again and again."""
    return tuple((u.surface, u.name, u.start, u.end) for u in split_units(flat, 0) if u.end > u.start)


def units_in(c: Compact, a: int, b: int) -> list[UnitMatch]:
    """The units listed in compact ``s[a:b]`` (line breaks inside names joined), original offsets."""
    seg = c.s[a:b]
    pos = c.pos
    if "\n" not in seg:
        return [UnitMatch(sf, nm, pos[a + us], pos[a + ue - 1] + 1) for sf, nm, us, ue in _split(seg)]
    idx = [i for i in range(a, b) if c.s[i] != "\n"]
    flat = seg.replace("\n", "")
    return [UnitMatch(sf, nm, pos[idx[us]], pos[idx[ue - 1]] + 1) for sf, nm, us, ue in _split(flat)]


def _all_orgs(units: list[UnitMatch]) -> bool:
    """A plausible unit list: the first is organisation-like, none is long or a private class."""
    if not units or not (is_org(units[0].name) or units[0].name.startswith("各")):
        return False
    return all(len(u.name) <= 24 and not u.name.endswith(nonorg_words()) for u in units)


# ---------------------------------------------------------------- markers


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


def label_markers(c: Compact) -> list[Marker]:
    """Markers with label words: bracketed ``（牵头单位：…）`` or bare at a line start."""
    out: list[Marker] = []
    done = -1
    for m in marker_re().finditer(c.s):
        if m.start() < done:
            continue
        open_ = _open_before(c.s, m.start())
        close = _close_after(c.s, open_) if open_ is not None else None
        if open_ is not None and close is not None and close > m.end():
            prefix, roles = _role_parts(c, open_ + 1, close)
            out.append(Marker(open_, close + 1, roles, prefix))
            done = close + 1
            continue
        line_start = c.s.rfind("\n", 0, m.start()) + 1
        if c.s[line_start : m.start()].strip("　 "):
            continue
        line_end = c.s.find("\n", m.start())
        line_end = len(c.s) if line_end < 0 else line_end
        prefix, roles = _role_parts(c, m.start(), line_end)
        out.append(Marker(m.start(), line_end, roles, prefix))
        done = line_end
    return out


SC_LEAD = re.compile(
    r"^(?P<a>.+?)牵头[，,、；;](?P<b>.+?)(?:等)?(?:按职责分工|分别|共同)?(?P<v>配合|参与|负责)$"
)
SC_DUTY = re.compile(r"^由?(?P<a>.+?)(?:按职责分工|分别|共同|各自)?负责(?:[。；;，,].*)?$")


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
    """State Council style ``（X、Y负责）``, ``（X牵头，Y、Z配合）`` after an item."""
    out = []
    in_taken = _span_test(taken)
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
            if _all_orgs(lead) and _all_orgs(rest):
                role = "supporting" if m.group("v") in ("配合", "参与") else "responsible"
                out.append(Marker(open_, close + 1, {"lead": lead, role: rest}))
            continue
        m = SC_DUTY.match(flat)
        if m and "牵头" not in m.group("a"):
            units = units_in(
                c, open_ + 1 + _raw_len(body, m.start("a")), open_ + 1 + _raw_len(body, m.end("a"))
            )
            if _all_orgs(units):
                out.append(Marker(open_, close + 1, {"responsible": units}, first_is_lead=True))
    return out


def _raw_len(body: str, flat_index: int) -> int:
    """The index in ``body`` (with line breaks) of character ``flat_index`` of its flat form."""
    seen = 0
    for i, ch in enumerate(body):
        if seen == flat_index:
            return i
        if ch != "\n":
            seen += 1
    return len(body)


def apply_rule(c: Compact, markers: list[Marker]) -> None:
    """Under a stated 列第一位者为牵头单位 rule, the first unit of a lead-less list leads."""
    m = rule_re().search(c.s.replace("\n", " "))
    if not m:
        for mk in markers:
            mk.first_is_lead = False
        return
    for mk in markers:
        resp = mk.roles.get("responsible", [])
        if mk.end > m.start() and resp and not mk.roles.get("lead"):
            mk.roles["lead"] = resp[:1]
            mk.roles["responsible"] = resp[1:]
        mk.first_is_lead = False


# ---------------------------------------------------------------- statements


def _statement(items: list[Item], c: Compact, pos: int, prev_end: int) -> tuple[int, int | None]:
    """(start, item index or None): where the statement that ends in a marker at ``pos`` begins."""
    i = innermost(items, pos)
    if i is None or items[i].start < prev_end:
        start = prev_end
        while start < pos and c.s[start] in "\n，,；;。. 　":
            start += 1
        return start, None
    while True:
        it = items[i]
        par = it.parent
        earlier = [j for j in (items[par].children if par is not None else []) if j < i]
        if (
            par is not None
            and items[par].start >= prev_end
            and any(items[j].start >= prev_end for j in earlier)
        ):
            i = par
            continue
        return it.start, i


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


def _phrase(text: str) -> str:
    """A short label from running text: its first sentence, else its first clause."""
    text = text.replace("�", "")
    m = SENT_END.search(text)
    head = text[: m.start()] if m else text
    if len(head) > LABEL_MAX:
        head = re.split(r"[，,；;：:]", head, maxsplit=1)[0]
    return head[: LABEL_MAX + 10].strip("：:，, ")


def _deadline(prefix: str, text: str) -> str | None:
    m = deadline_re().search(prefix) if prefix else None
    if m:
        return prefix
    m = deadline_re().search(text)
    return m.group(0).replace(" ", "") if m else None


def all_markers(c: Compact) -> list[Marker]:
    """Label-word and State Council style markers, in text order."""
    markers = label_markers(c)
    markers += duty_markers(c, [(m.start, m.end) for m in markers])
    return sorted(markers, key=lambda m: m.start)


def flat_index(c: Compact, original: int) -> int:
    """The compact index of the first character at or after ``original``."""
    return bisect_left(c.pos, original)


def marker_tasks(c: Compact, items: list[Item], markers: list[Marker] | None = None) -> list[TaskMatch]:
    """One task per marker, its statement running back to the item or the previous marker
    (``markers``: :func:`all_markers` of ``c``, when the caller has them)."""
    markers = all_markers(c) if markers is None else markers
    apply_rule(c, markers)
    out, prev_end = [], 0
    for mk in markers:
        if not any(mk.roles.get(r) for r in ROLES):
            continue
        start, i = _statement(items, c, mk.start, prev_end)
        body = c.s[start : mk.start].replace("\n", "")
        if i is not None:
            label = _item_label(items, c, i, mk.start)
        else:
            label = _phrase(body)
        if not label:
            label = _phrase(body) or mk.prefix
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
                deadline=_deadline(mk.prefix, body),
                text=c.s[start : mk.end].replace("\n", ""),
            )
        )
        prev_end = mk.end
    return out


# ---------------------------------------------------------------- tables

CONTINUED = re.compile(r"^[（(]?续表[）)]?\d*$|^续[：:]?$")


@cache
def task_columns() -> tuple[str, ...]:
    return tuple(w for w, _ in cues().get("column", []))


def _header_roles(cells: list[str]) -> dict[int, str]:
    """Column index -> role for the unit columns of a header row."""
    out = {}
    for k, cell in enumerate(cells):
        word = re.sub(r"[（(].*?[）)]$", "", cell)
        if word in marker_role():
            out[k] = marker_role()[word]
    return out


def _task_column(cells: list[str], roles: dict[int, str]) -> int | None:
    for k, cell in enumerate(cells):
        if k not in roles and cell.startswith(task_columns()):
            return k
    return next((k for k, cell in enumerate(cells) if k not in roles and cell not in ("序号", "编号")), None)


def _cells(c: Compact, a: int, b: int) -> list[tuple[int, int]]:
    """Spans of the tab-separated cells of the line ``s[a:b]``."""
    out, k = [], a
    for i in range(a, b + 1):
        if i == b or c.s[i] == "\t":
            out.append((k, i))
            k = i + 1
    return out


def table_tasks(c: Compact, items: list[Item]) -> list[TaskMatch]:
    """One task per row of a table whose header names a unit column."""
    out: list[TaskMatch] = []
    header: list[str] | None = None
    roles: dict[int, str] = {}
    task_col: int | None = None
    at = 0
    for line in c.s.split("\n"):
        a, b = at, at + len(line)
        at = b + 1
        if "\t" not in line:
            if header is not None and line.strip() and not CONTINUED.match(line.strip()):
                header = None
            continue
        spans = _cells(c, a, b)
        cells = [c.s[x:y].strip() for x, y in spans]
        found = _header_roles(cells)
        if found:
            header, roles, task_col = cells, found, _task_column(cells, found)
            continue
        if header is None or task_col is None or task_col >= len(spans):
            continue
        row = {r: [] for r in ROLES}
        for k, role in roles.items():
            if k < len(spans):
                row[role] += units_in(c, *spans[k])
        if not any(row.values()) or not cells[task_col]:
            continue
        start, end = c.span(a, b)
        out.append(
            TaskMatch(
                start,
                end,
                _phrase(cells[task_col]),
                "table",
                lead=row["lead"],
                responsible=row["responsible"],
                supporting=row["supporting"],
                outline=outline_entries(items, innermost(items, a)),
                deadline=_deadline("", " ".join(cells)),
                text=" ".join(x for x in cells if x),
            )
        )
    return out


# ---------------------------------------------------------------- prose

CLAUSE_END = "。；;！？\n"
LEAD_IN = re.compile(r"^(?:交由|并由|均由|由|并|还|同时|且)")
TRAIL_ADV = re.compile(
    r"(?:要|应当|应|将|须|需|具体|主要|统一|全面|按职责分工|按照职责|共同|分别|各自|继续|积极|全力|主动|切实|负责)+$"
)
LEFTOVER = set("、，,和及与以等部门单位有关相关其他")
PREPOSITIONS = set("对向与和把给为被让请同跟及、")
# a meeting's appeal, not an assignment; 要求 after 按/照/有关/相关/的 is the noun (按相关要求予以审核)
NOUN_BEFORE = r"(?<![按照关的等级项])"
EXHORT = re.compile(NOUN_BEFORE + r"要求|强调|指出|提出|希望|号召")
GENERIC_SUBJECT = re.compile(r"^(?:各|全市|全区|全县|全省|相关|有关|乡镇|其他)")


@cache
def modal_re() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w, _ in cues()["modal"]))


@cache
def predicate_re() -> re.Pattern:
    return re.compile("|".join(f"(?:{w})" for w, _ in cues()["predicate"]))


CLAUSE_OPENING = re.compile(r"(?<![^。；;！？\n，,：:])(?=[^\s。；;！？，,：:])")  # at 0 or after a stop
QUOTED = re.compile(r"[“”\"《》了]")  # never inside a unit name
LEADS = re.compile(r"(?:继续|进一步|切实)?(?:发挥)?牵头")
APPEAL = re.compile(NOUN_BEFORE + r"要求|强调|指出|希望|号召|动员")  # 会议要求，X… is an appeal
NARRATION = re.compile(r"\d{4}\s*年(?:[，,]|是|以来|全年)|全年")  # 2021年，X严格… reports a year's work
ADVERBIAL_CLAUSE = re.compile(r"^(?:根据|依照|依据|按照|为了|为)")
VERB_AFTER_BY = re.compile(
    r"^(?:予以|负责|组织|统一|依法|另行|办理|制定|作出|实施|提出|会同|牵头|审核|核实|确定|发放|出具|承担)"
)


CLASS_TAIL = re.compile(r"等(?:有关|相关)?(?:部门|单位)$")
FUNCTION_NAME = re.compile(r"^[\u4e00-\u9fff]{2,6}$")


def _function_list(units: list[UnitMatch], text: str) -> bool:
    """Departments named by their function before a class word: ``公安、市场监管、城管执法等部门``."""
    return (
        len(units) >= 2
        and CLASS_TAIL.search(text) is not None
        and all(FUNCTION_NAME.match(u.name) and not u.name.endswith(nonorg_words()) for u in units)
    )


def _clean_list(units: list[UnitMatch], text: str) -> bool:
    """Every unit organisation-like (or a function-named list before 等部门) and nothing but
    separators left over in ``text``."""
    if not units or not (all(is_org(u.name) for u in units) or _function_list(units, text)):
        return False
    rest = text
    for u in units:
        rest = rest.replace(u.surface, "", 1)
    return all(ch in LEFTOVER for ch in rest)


def clean_units(c: Compact, a: int, b: int) -> list[UnitMatch]:
    """:func:`units_in` ``s[a:b]`` when they make a clean list (:func:`_clean_list`), else []."""
    seg = c.s[a:b]
    if "\n" in seg:  # a line break is never left over
        return []
    if _clean_text(seg):
        return units_in(c, a, b)
    return _joined_groups(c, a, b) if "等" in seg else []


GROUP_JOIN = re.compile(r"等(?:有关|相关)?(?:部门|单位)(?=[和及、].)")


def _joined_groups(c: Compact, a: int, b: int) -> list[UnitMatch]:
    """Two classes joined: ``区住建局、财政局等部门和各镇（街道）等单位`` -> each closed list in
    turn. Only named organisations: a function name (自规, 国企) would stay a node of its own."""
    out: list[UnitMatch] = []
    k = a
    for m in GROUP_JOIN.finditer(c.s, a, b):
        if not _clean_text(c.s[k : m.end()]):
            return []
        out += units_in(c, k, m.end())
        k = m.end() + 1
    if not out or not _clean_text(c.s[k:b]):
        return []
    out += units_in(c, k, b)
    return out if all(is_org(u.name) for u in out) else []


@lru_cache(maxsize=1 << 16)
def _clean_text(seg: str) -> bool:
    """``seg`` (no line break) is a clean unit list, memoised like :func:`_split`."""
    return _clean_list([UnitMatch(sf, nm, us, ue) for sf, nm, us, ue in _split(seg)], seg)


def _clause_start(c: Compact, pos: int, stops: str = CLAUSE_END + "，,：:") -> int:
    """Just after the last of ``stops`` before ``pos`` (0 when there is none)."""
    at = _stop_positions(c, stops)
    k = bisect_left(at, pos)
    return at[k - 1] + 1 if k else 0


def _stop_positions(c: Compact, stops: str) -> list[int]:
    """The offsets of the characters ``stops`` in ``c.s``, in order (once per text)."""
    key = ("stops", stops)
    got = c.memo.get(key)
    if got is None:
        got = c.memo[key] = [m.start() for m in _any_of(stops).finditer(c.s)]
    return got


def _clause_end(s: str, pos: int, stops: str = CLAUSE_END + "，,") -> int:
    if pos < 0:
        i = pos
        while i < len(s) and s[i] not in stops:
            i += 1
        return i
    m = _any_of(stops).search(s, pos)
    return m.start() if m is not None else max(pos, len(s))


@cache
def _any_of(chars: str) -> re.Pattern:
    return re.compile("[" + re.escape(chars) + "]")


def subject_before(c: Compact, verb: int) -> list[UnitMatch]:
    """The unit list written just before ``verb`` in its clause (``由区建设局、财政局`` -> both),
    past an item number that opens the clause (``二、县水利局负责…``, ``（三）市教育局负责…``)."""
    lo = _clause_start(c, verb)
    num = item_number(c.s[lo : min(verb, lo + 12)])
    lo += len(num[1]) if num else 0
    window = TRAIL_ADV.sub("", c.s[lo:verb])
    hi = lo + len(window)
    for k in range(lo, hi - 1):
        cand = c.s[k:hi]
        m = LEAD_IN.match(cand)
        a = k + (m.end() if m else 0)
        if a >= hi or c.s[a] in "、，,":
            continue
        units = clean_units(c, a, hi)
        if units:
            return [] if k > lo and c.s[k - 1] in PREPOSITIONS else units
    return []


def list_after(c: Compact, pos: int, limit: int = 80) -> tuple[list[UnitMatch], int]:
    """The longest unit list that starts at ``pos`` (``会同区自然资源分局、综合执法局等部门对…``)."""
    end = _clause_end(c.s, pos, CLAUSE_END + "，,")
    for b in range(min(end, pos + limit), pos + 1, -1):  # longest first
        if b < end and c.s[b] == "、":
            continue  # the list runs on
        if c.s[b - 1 : b + 1] in split_verbs():
            continue  # a verb opens on the name's last character (``区自然资源分局办理``)
        units = clean_units(c, pos, b)
        if units:
            return units, b
    return [], pos


@cache
def split_verbs() -> frozenset[str]:
    """Two-character verbs that begin with an organ suffix character (办理, 委托, 部署):
    a unit name never ends inside one (kg/data/task_cues.tsv split_verb)."""
    return frozenset(w for w, _ in cues().get("split_verb", []))


BASIS_PP = re.compile(
    r"^(?:根据|依照|按照|依据|按)(?:《[^》]{1,60}》(?:的?(?:有关|相关)?规定)?|(?:相关|有关)?(?:规定|要求))"
)
FRONTED = re.compile(r"^对(.{2,30}?)予以(.{1,6})$")
DIVISION = re.compile(r"^(?:按照?职责分工|按照?职责|依职责|分别|各自)")


def tidy_label(label: str) -> str:
    """A duty phrase without its opening basis (``根据《…》``, ``依照相关规定``) or division of labour
    (``按职责分工``, ``分别``) and with a fronted object put back (``对X予以认定`` -> ``X认定``)."""
    label = DIVISION.sub("", BASIS_PP.sub("", label)).lstrip("，,")
    m = FRONTED.match(label)
    return m.group(1) + m.group(2) if m else label


def _label_from(c: Compact, a: int) -> str:
    b = _clause_end(c.s, a)
    return tidy_label(c.s[a:b].replace("\n", "").strip("，,：: "))[:LABEL_MAX]


def _sentence_span(c: Compact, pos: int) -> tuple[int, int]:
    a = _clause_start(c, pos, CLAUSE_END)
    b = _clause_end(c.s, pos, CLAUSE_END)
    return a, min(len(c.s), b + 1)


def _heading_label(c: Compact, items: list[Item], pos: int) -> str | None:
    """The heading of the item whose heading sentence opens the paragraph holding ``pos``."""
    i = innermost(items, pos)
    if i is None:
        return None
    it = items[i]
    para = c.s.find("\n", it.start)
    para = len(c.s) if para < 0 else para
    body = c.s[it.body : para]
    own = SENT_END.search(body)
    if it.implicit or not own or own.start() > LABEL_MAX or pos < it.body + own.end() or pos > para:
        return None
    return it.heading


def _prose_task(c, items, pos, label, **roles) -> TaskMatch:
    a, b = _sentence_span(c, pos)
    start, end = c.span(a, b)
    return TaskMatch(
        start,
        end,
        label,
        "prose",
        lead=roles.get("lead", []),
        responsible=roles.get("responsible", []),
        supporting=roles.get("supporting", []),
        outline=outline_entries(items, innermost(items, pos)),
        deadline=_deadline("", c.s[a:b]),
        text=c.s[a:b].replace("\n", ""),
    )


def _duty(c, items, m, org_starts) -> TaskMatch | None:
    """``X负责Y`` / ``由X负责Y``."""
    v = m.start()
    if c.s[v + 2 : v + 3] in ("人", "同"):
        return None
    subj = subject_before(c, v) or _sentence_subject(c, v, org_starts)
    label = _predicate_label(c, v + 2)
    if not subj or len(label) < 2:
        return None
    return _prose_task(c, items, v, label, responsible=subj)


IS_A = re.compile(r"(?:[（(](?:以下简称|下称|简称)[^）)]{1,20}[）)])?(?:为|作为|是)")


def _sentence_subject(c: Compact, v: int, org_starts: frozenset[int] | None) -> list[UnitMatch]:
    """For a ``，负责…`` clause with no subject of its own: the unit that opens the sentence by
    saying what it is (``区土地和房屋征收工作办公室（以下简称区房屋征收部门）为…，负责…``)."""
    if _clause_start(c, v) != v or v == 0 or c.s[v - 1] not in "，,":
        return []
    a = _clause_start(c, v, CLAUSE_END)
    num = item_number(c.s[a : a + 12])
    a += len(num[1]) if num else 0
    m = IS_A.search(c.s, a, _clause_end(c.s, a))
    units = clean_units(c, a, m.start()) if m is not None else []
    if len(units) == 1 and _named_subject(c, units, org_starts):
        return units
    return _group_set_up(c, a, v)


SET_UP = re.compile(r"(?:成立|组建|设立)")
GROUP_NAME = re.compile(
    r"[^，,、。；;：:（(“”\"]{2,40}?(?:领导小组|工作小组|工作专班|指挥部|委员会|联席会议)$"
)


def _group_set_up(c: Compact, a: int, v: int) -> list[UnitMatch]:
    """The group a sentence sets up, for its later ``，负责…`` clauses: ``成立以…为组长的X领导小组，
    （下设办公室…，）负责…`` -> X领导小组 (the 组织保障 paragraph of a plan)."""
    first = _clause_end(c.s, a)
    if first >= v:
        return []
    m = SET_UP.search(c.s, a, first)
    if m is None:
        return []
    k = max(m.end(), c.s.rfind("的", m.end(), first) + 1)
    g = GROUP_NAME.match(c.s, k, first)
    if g is None or g.end() != first:
        return []
    units = units_in(c, k, first)
    return units if len(units) == 1 else []


def _lead(c, items, m, org_starts) -> TaskMatch | None:
    """``X牵头…`` with an optional ``，Y配合``."""
    v = m.start()
    if c.s[v + 2 : v + 3] in ("单", "部", "考", "抓", "人") and c.s[v + 2 : v + 4] != "抓好":
        return None
    subj = subject_before(c, v)
    if not subj:
        return None
    after = v + 2
    label = _label_from(c, after)
    support: list[UnitMatch] = []
    if not label and after < len(c.s) and c.s[after] in "，,":
        units, b = list_after(c, after + 1)
        if units and re.match(r"(?:等)?(?:部门|单位)?(?:积极)?(?:配合|参与)", c.s[b : b + 8]):
            support = units
            label = _label_from(c, _clause_end(c.s, b) + 1)
        else:
            label = _label_from(c, after + 1)
    if len(label) < 2:
        return None
    return _prose_task(c, items, v, label, lead=subj, supporting=support)


def _together(c, items, m, org_starts) -> TaskMatch | None:
    """``由X会同Y…`` / ``X会同Y…``: X and Y both responsible."""
    v = m.start()
    subj = subject_before(c, v) or _modal_subject(c, v, org_starts)
    partners, b = list_after(c, v + 2)
    if not partners:
        return None
    label = _label_from(c, b)
    if len(label) < 2:
        return None
    return _prose_task(c, items, v, label, responsible=subj + partners)


def _modal_subject(c: Compact, v: int, org_starts: frozenset[int] | None) -> list[UnitMatch]:
    """The unit list that opens the clause of ``v`` before a modal verb (``各镇（街道）应当组织
    相关人员会同…`` -> 各镇（街道）)."""
    lo = _clause_start(c, v)
    num = item_number(c.s[lo:v])
    lo += len(num[1]) if num else 0
    m = modal_re().search(c.s, lo, v)
    if m is None or m.start() - lo < 2:
        return []
    units = clean_units(c, lo, m.start())
    return units if units and _named_subject(c, units, org_starts) else []


def _office(c, items, m, org_starts) -> TaskMatch | None:
    """``办公室设在X``."""
    units, b = list_after(c, m.end())
    if not units:
        return None
    a = _clause_start(c, m.start())
    end = _clause_end(c.s, b, CLAUSE_END)
    label = c.s[a:end].replace("\n", "")
    if label.startswith("下设"):  # 成立X领导小组，下设办公室在Y: the office is X领导小组办公室
        group = _group_set_up(c, _clause_start(c, a, CLAUSE_END), m.start())
        if group:
            label = group[0].name + label[2:]
    return _prose_task(c, items, m.start(), label[:LABEL_MAX], responsible=units)


def _implementer(c, items, m, org_starts) -> TaskMatch | None:
    """``X为…实施单位`` (a designation)."""
    subj = subject_before(c, m.start())
    if not subj:
        return None
    label = c.s[m.start() + 1 : m.end()].replace("\n", "")[:LABEL_MAX]
    return _prose_task(c, items, m.start(), label, responsible=subj)


def _assist(c, items, m, org_starts) -> TaskMatch | None:
    """``配合X做好…``: X leads the work; the supporting subject, when not printed, is the item's
    own unit (filled in by :func:`find_tasks` from the item's marker)."""
    units, b = list_after(c, m.end())
    if not units or not re.match(r"做好|开展|完成|推进|抓好", c.s[b : b + 2]):
        return None
    task = _prose_task(c, items, m.start(), _label_from(c, b), lead=units)
    task.supporting = subject_before(c, m.start())
    if not task.supporting:
        IMPLICIT.add(id(task))
    return task


IMPLICIT: set[int] = set()  # ids of 配合X tasks whose supporting subject is the item's unit


def _supports(c, items, m, org_starts) -> TaskMatch | None:
    """``Y配合（做好）…`` with Y the unit list before 配合 and no unit after it: Y supports. After
    ``X负责…，`` in the same sentence Y joins X's task (:func:`_support_clauses`); alone it is a
    task of its own with Y supporting (``市公安局配合做好交通疏导``)."""
    v = m.start()
    if c.s[v + 2 : v + 3] in ("单", "部", "工", "度", "下", "好"):
        return None  # 配合单位 / 配合部门 (a marker word), 配合工作, 配合度, 在…配合下, 配合好
    subj = subject_before(c, v)
    if not subj or list_after(c, v + 2)[0]:
        return None  # no unit before 配合, or 配合X做好… (read by :func:`_assist`)
    adverb = 2 if c.s[v - 2 : v] in ("积极", "全力", "主动", "密切", "认真") else 0
    task = _prose_task(c, items, v, _label_from(c, v - adverb), supporting=subj)
    SUPPORT_ONLY.add(id(task))
    return task


SUPPORT_ONLY: set[int] = set()  # ids of Y配合 tasks (Y supporting, no lead or responsible unit)


LINK = re.compile(r"交由|会同|交|召集")


def _by_units(c: Compact, pos: int) -> tuple[list[UnitMatch], int]:
    """The agents after 由: a unit list, or two joined by 交/召集 (``由属地镇（街道）交区房屋征收
    部门依照…组织…``, ``由区房屋征收部门召集区自然资源分局…等部门…联合认定``: all take part)."""
    end = _clause_end(c.s, pos)
    for k in LINK.finditer(c.s, pos, end):
        first = clean_units(c, pos, k.start())
        if first:
            rest, b = list_after(c, k.end())
            if rest:
                return first + rest, b
            return [], pos  # 交/召集 something that is no unit: not an agent list
    return list_after(c, pos)


RELATIVE = re.compile(r"[\u4e00-\u9fff]{1,2}的(?!话)")


def _by(c, items, m, org_starts) -> TaskMatch | None:
    """``由X予以/办理/制定…``: X does it. ``可由X…`` only permits it."""
    if c.s[max(0, m.start() - 1) : m.start()] == "可" or c.s[max(0, m.start() - 2) : m.start()] == "可以":
        return None
    units, b = _by_units(c, m.end())
    if not units or not (VERB_AFTER_BY.match(c.s[b : b + 4]) or predicate_re().match(c.s, b)):
        return None
    if re.match(r"负责|牵头|会同", c.s[b : b + 2]):
        return None  # read by the 负责 / 牵头 / 会同 rules
    if RELATIVE.match(c.s, b):
        return None  # 由X行使的处罚权: a noun phrase, not a statement
    label = _label_from(c, b)
    if len(label) < 2:
        return None
    return _prose_task(c, items, m.start(), label, responsible=units)


def _modal(c, items, m, org_starts) -> TaskMatch | None:
    """``X应当/要/将…`` with X a unit list opening its clause (``各镇（街道）应当…``)."""
    v = m.start()
    lo = _clause_start(c, v)
    num = item_number(c.s[lo:v])
    lo += len(num[1]) if num else 0
    head = LEAD_IN.match(c.s[lo:v])
    a = lo + (head.end() if head else 0)
    if v - a < 2 or c.s[m.end() : m.end() + 1] in ("求", "点", "素", "是", "以", "在", "有"):
        return None
    sentence = c.s[_clause_start(c, v, CLAUSE_END) : a]
    if EXHORT.search(sentence):
        return None
    if "的" in c.s[a:v]:  # 新成立的区征收办要…: the head after the attribute
        a = c.s.rfind("的", a, v) + 1
    units = clean_units(c, a, v)
    if not units:
        return None
    if m.group(0) == "要" and any(GENERIC_SUBJECT.match(u.name) for u in units):
        return None
    label = _predicate_label(c, m.end())
    if len(label) < 2 or not _named_subject(c, units, org_starts):  # the costly test last
        return None
    if LEADS.match(label):  # X将继续发挥牵头抓总作用 / X要牵头…
        return _prose_task(c, items, v, label, lead=units)
    told, label = _pivot(c, m.end(), label)
    return _prose_task(c, items, v, label, responsible=units + told)


PIVOT = re.compile(r"(?:书面|及时|立即)?(?:通知|责成|督促|函告)")


def _pivot(c: Compact, a: int, label: str) -> tuple[list[UnitMatch], str]:
    """``X应书面通知Y、Z等部门，在…暂停办理…``: the units told (责成, 督促) to act share the duty,
    which is the clause after them. Only a list closed by 等部门/等单位 and a comma is read so."""
    p = PIVOT.match(c.s, a)
    if p is None:
        return [], label
    units, b = list_after(c, p.end())
    if not units or CLASS_TAIL.search(c.s, p.end(), b) is None or c.s[b : b + 1] not in ("，", ","):
        return [], label
    rest = _label_from(c, b + 1)
    return (units, rest) if len(rest) >= 2 else ([], label)


def _predicate_label(c: Compact, a: int) -> str:
    """The label of a predicate starting at ``a``: its first clause, past an opening adverbial
    clause (``根据…等，制定…`` -> ``制定…``) and a leading ``向X`` (the recipients)."""
    for _ in range(3):
        b = _clause_end(c.s, a)
        if b < len(c.s) and c.s[b] in "，," and ADVERBIAL_CLAUSE.match(c.s[a:b]):
            a = b + 1
            continue
        break
    if c.s[a : a + 1] == "向":
        units, b = list_after(c, a + 1)
        if units and c.s[b : b + 1] not in "，,":
            a = b
    return _label_from(c, a)


def _flat_org_starts(c: Compact) -> frozenset[int]:
    """Where (original offsets) the organisation finder sees a mention begin in ``c`` (once per text)."""
    got = c.memo.get("org_starts")
    if got is None:
        got = c.memo["org_starts"] = frozenset(c.pos[o.start] for o in find_orgs(c.s))
    return got


def _named_subject(c: Compact, units: list[UnitMatch], org_starts: frozenset[int] | None) -> bool:
    """The list opens with a real organisation name, not a verb phrase the splitter let through
    (``激发领导干部``, ``推动国家…中心``): the organisation finder starts a mention there, or the
    name begins with a level prefix or a collective word (kg/data/task_cues.tsv subject_prefix).
    ``org_starts``: the finder's mention starts (original offsets), None to run it here."""
    first = units[0]
    prefixes = tuple(w for w, _ in cues()["subject_prefix"])
    if first.name.startswith(prefixes):
        return True
    tail = c.s[flat_index(c, units[-1].end) : flat_index(c, units[-1].end) + 6]
    if not is_org(first.name) and ETC_CLASS.match(tail) is not None:
        return True
    if org_starts is None:  # last: it runs the organisation finder on the text
        org_starts = _flat_org_starts(c)
    return first.start in org_starts


ETC_CLASS = re.compile(r"等(?:有关|相关)?(?:部门|单位)")


def _subject_list(c: Compact, pos: int, limit: int = 80) -> tuple[list[UnitMatch], int]:
    """The shortest clean unit list from ``pos`` that a duty predicate follows (directly, or after
    ``等部门，``): the shortest, as a name may run on into its predicate (``…执法局统一行使…处``)."""
    s = c.s
    end = _clause_end(s, pos)
    hi = min(end, pos + limit)  # the last end ``b`` to try
    # only an end where a predicate starts (or a comma, after ``等部门``) can succeed
    starts = _predicate_starts(c)
    first = bisect_left(starts, pos + 2)
    if (first == len(starts) or starts[first] > hi) and not _etc_comma(s, pos, hi):
        return [], pos
    # the modal and verb rules read the clause from the first modal / 负责 / 牵头 / 会同 on
    stop, width = _stop_re()
    m = stop.search(s, pos + 2, hi + width)
    if m is not None and m.start() <= hi:
        hi = m.start() - 1
    q = QUOTED.search(s, pos, hi)  # never inside a unit name
    if q is not None:
        hi = q.start()
    if hi < pos + 2:
        return [], pos
    cands = starts[first : bisect_left(starts, hi + 1)]
    if _etc_comma(s, pos, hi):
        cands.append(hi)
    for b in cands:
        if b < len(s) and s[b] == "、":
            continue
        p = b + 1 if s[b : b + 1] in "，," and "等" in s[pos:b] else b
        if not predicate_re().match(s, p) or s[p : p + 2] in ("对于", "在于", "就是"):
            continue
        units = clean_units(c, pos, b)
        if units:
            return units, p
    return [], pos


def _etc_comma(s: str, pos: int, b: int) -> bool:
    """``s[pos:b]`` is a list closed by 等… and a comma at ``b`` (``区建设局、发改局等相关部门，对…``)."""
    return s[b : b + 1] in ("，", ",") and "等" in s[pos:b]


@cache
def _stop_re() -> tuple[re.Pattern, int]:
    """Modal words and 负责/牵头/会同 (where :func:`_subject_list` stops), their longest length."""
    words = [w for w, _ in cues()["modal"]] + ["负责", "牵头", "会同"]
    return re.compile("|".join(re.escape(w) for w in words)), max(len(w) for w in words)


def _predicate_starts(c: Compact) -> list[int]:
    """Every offset of ``c.s`` where :func:`predicate_re` matches, in order (once per text)."""
    got = c.memo.get("predicate_starts")
    if got is None:
        got = c.memo["predicate_starts"] = [m.start() for m in _predicate_scan().finditer(c.s)]
    return got


@cache
def _predicate_scan() -> re.Pattern:
    """A zero-width match at every start of :func:`predicate_re`, tried only where one of its
    words can begin (when the cue patterns are plain word lists)."""
    first = first_chars([w for w, _ in cues()["predicate"]])
    gate = f"(?=[{re.escape(first)}])" if first else ""
    return re.compile(f"{gate}(?=(?:{predicate_re().pattern}))")


WORD_LIST = re.compile(r"\(\?:([^()\\\[\].*+?{}^$]+)\)(?:\(\?!.*\))?")


def first_chars(patterns: list[str]) -> str | None:
    """The characters a match of any of ``patterns`` can begin with, when each is a plain word
    list ``(?:w1|w2…)`` (a trailing negative lookahead allowed); else None."""
    out: set[str] = set()
    for p in patterns:
        m = WORD_LIST.fullmatch(p)
        if m is None:
            return None
        words = m.group(1).split("|")
        if "" in words:
            return None
        out.update(w[0] for w in words)
    return "".join(sorted(out))


def _subject(c, items, m, org_starts) -> TaskMatch | None:
    """A unit list opening its clause followed by a duty predicate: ``属地镇（街道）支付…``,
    ``区房屋征收部门根据…制定…``, ``区建设局、发改局等相关部门，对…实施联合审查``."""
    lo = m.start()
    num = item_number(c.s[lo : lo + 12])
    lo += len(num[1]) if num else 0
    if c.s[lo : lo + 1] in ("由", "从", "对", "向", "与", "在", "经", "将", "把"):
        return None
    units, b = _subject_list(c, lo)
    if not units:
        return None
    a, z = _sentence_span(c, b)
    if APPEAL.search(c.s[a:lo]) or "了" in c.s[b:z] or NARRATION.search(c.s, a, lo):
        return None  # a meeting's appeal, or work reported as done
    label = _predicate_label(c, b)
    if len(label) < 2 or not _named_subject(c, units, org_starts):  # the costly test last
        return None
    return _prose_task(c, items, b, label, responsible=units)


PROSE_RULES = [
    (re.compile("负\n?责"), _duty),
    (re.compile("牵\n?头"), _lead),
    (re.compile("会\n?同"), _together),
    (re.compile(r"办公室(?:设在|设于|在)"), _office),
    (re.compile(r"为[^，,。；;\n]{2,40}?实施单位"), _implementer),
    # (the look-behinds follow the word: a pattern that opens with its literal is searched fast)
    (re.compile(r"配合(?<![积极]配合)(?=[^，,。；;\n]{2,30}?(?:做好|开展|完成|推进|抓好))"), _assist),
    (re.compile("配\n?合"), _supports),
    (re.compile(r"由(?<![交并均]由)"), _by),
    (modal_re(), _modal),
    (CLAUSE_OPENING, _subject),
]


def prose_tasks(
    c: Compact,
    items: list[Item],
    taken: list[tuple[int, int]],
    marked: list[TaskMatch] = (),
    report: bool = False,
    org_starts: frozenset[int] | None = None,
) -> list[TaskMatch]:
    """Assignments in running text, outside the marker brackets (``org_starts``: see find_tasks)."""
    out: list[TaskMatch] = []
    heads: dict[int, str | None] = {}
    at: dict[int, int] = {}  # id of a task -> where its rule matched
    seen: set[tuple[int, str]] = set()
    named: set[int] = set()  # starts of the units of the tasks in ``out``
    in_taken = _span_test(taken)
    SUPPORT_ONLY.clear()
    decided = report and DECIDED.search(c.s) is not None
    for rx, rule in PROSE_RULES:
        skip = report and rule.__name__ in REPORT_SKIP
        if skip and (rule is not _subject or not decided):
            continue
        for m in rx.finditer(c.s):
            if skip and not DECIDED.search(c.s, _clause_start(c, m.start(), CLAUSE_END), m.start()):
                continue  # in a report only a meeting's decision (会议明确，X…) assigns work
            if in_taken(m.start()):
                continue
            task = rule(c, items, m, org_starts)
            if task is None:
                continue
            if rule in (_modal, _subject) and any(u.start in named for u in task.responsible):
                continue  # the subject already has a more specific reading
            heads[id(task)] = _heading_label(c, items, m.start())
            at[id(task)] = m.start()
            key = (task.start, ",".join(u.name for u in task.lead + task.responsible + task.supporting))
            if key in seen:
                continue
            seen.add(key)
            out.append(task)
            named.update(u.start for u in task.lead + task.responsible + task.supporting)
    out = _support_clauses(out, at)
    SUPPORT_ONLY.clear()
    _heading_labels(out, heads, marked)
    return out


SUPPORT = re.compile(r"(?:全力|积极|主动|密切|认真)?(?:配合|保障|支持|协助|跟进)+(?:工作)?")


def _support_clauses(tasks: list[TaskMatch], at: dict[int, int]) -> list[TaskMatch]:
    """``X要牵头/抓紧…，Y要全力配合/保障`` in one sentence: Y supports X's task rather than having
    a task of its own. A ``Y配合…`` reading (:func:`_supports`) joins the nearest task read before
    it in its sentence (``at``: id of a task -> where its rule matched), else stands alone when
    there is work after 配合."""
    out: list[TaskMatch] = []
    first: dict[tuple[int, int], TaskMatch] = {}  # the first task read in each sentence
    for t in tasks:
        if id(t) in SUPPORT_ONLY:
            continue
        prev = first.setdefault((t.start, t.end), t)
        if (
            prev is not t
            and not t.lead
            and not t.supporting
            and SUPPORT.fullmatch(t.label) is not None
            and not {u.name for u in t.responsible} & {u.name for u in prev.lead + prev.responsible}
        ):
            prev.supporting = prev.supporting + t.responsible
            continue
        out.append(t)
    alone: list[TaskMatch] = []
    for t in tasks:
        if id(t) not in SUPPORT_ONLY:
            continue
        here = at.get(id(t), 0)
        before = [p for p in out if (p.start, p.end) == (t.start, t.end) and at.get(id(p), 0) < here]
        if before:
            prev = max(before, key=lambda p: at.get(id(p), 0))
            mine = {u.name for u in prev.lead + prev.responsible + prev.supporting}
            prev.supporting = prev.supporting + [u for u in t.supporting if u.name not in mine]
        elif len(SUPPORT.sub("", t.label, count=1)) >= 2:  # not a bare 各街道要全力配合
            alone.append(t)
    return out + alone


def _span_test(spans: list[tuple[int, int]]):
    """A test ``x -> any(a <= x < b for a, b in spans)`` by bisection over the merged spans."""
    merged: list[list[int]] = []
    for a, b in sorted(sp for sp in spans if sp[0] < sp[1]):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    starts = [a for a, _ in merged]
    ends = [b for _, b in merged]

    def test(x: int) -> bool:
        k = bisect_right(starts, x) - 1
        return k >= 0 and x < ends[k]

    return test


def _heading_labels(tasks: list[TaskMatch], heads: dict[int, str | None], marked) -> None:
    """An item's heading labels the prose task that is the item's only task; where the item holds
    a marker or several prose readings each keeps its own phrase (the heading is the marker's)."""
    count: dict[str, int] = {}
    for t in tasks:
        h = heads.get(id(t))
        if h:
            count[h] = count.get(h, 0) + 1
    for t in tasks:
        h = heads.get(id(t))
        if h and count[h] == 1 and not any(m.start <= t.start < m.end for m in marked):
            t.label = h


# ---------------------------------------------------------------- entry point


# a half-width full stop between Chinese characters ends a sentence (PDF text of ``．`` or ``。``),
# but not after an item numeral (``一.总体要求``)
CJK_STOP = re.compile(
    r"\.(?<=[\u4e00-\u9fff）)”]\.)(?<![一二三四五六七八九十百零〇]\.)(?=[\u4e00-\u9fff（(“])"
)


def full_stops(c: Compact) -> Compact:
    """``c`` with each half-width full stop between Chinese characters written ``。`` (the same
    length, so the offsets hold): the prose rules end their clauses there."""
    if "." not in c.s:
        return c
    s = CJK_STOP.sub("。", c.s)
    return c if s == c.s else Compact(s, c.pos)


REPORT_HEAD = re.compile(r"\s*【[^】\n]{1,30}】")
DECIDED = re.compile(r"(?:会议|会上|会议研究)(?:明确|决定|确定|议定)")
REPORT_SKIP = ("_subject", "_assist", "_together", "_supports")


def find_tasks(
    text: str, report: bool | None = None, org_starts: frozenset[int] | None = None
) -> list[TaskMatch]:
    """Every task of one document's clean text, in text order.

    ``report``: the text reports work done (a yearbook or news entry, by default one that opens
    with a ``【heading】``); there only explicit assignments count (X负责, X牵头, 由X…, X要…), not
    a bare ``X + verb`` narrative or a ``会同/配合`` account of past work.
    ``org_starts``: offsets in ``text`` where organisation mentions begin, when the caller has
    already run the organisation finder (else it is run here)."""
    if report is None:
        report = REPORT_HEAD.match(text) is not None
    c = compact(text)
    items = parse_outline(c)
    markers = all_markers(c)
    # prose inside an item that ends in a marker is read too (``区财政局要整合…（责任单位：…）``),
    # only the marker brackets and table rows themselves are off limits
    spans = [c.span(m.start, m.end) for m in markers]
    marked = marker_tasks(c, items, markers)
    rows = table_tasks(c, items)
    flat = full_stops(unwrap(c, items))
    spans += [(t.start, t.end) for t in rows]
    taken = [(flat_index(flat, a), flat_index(flat, b)) for a, b in spans]
    IMPLICIT.clear()
    prose = prose_tasks(flat, parse_outline(flat), taken, marked, report, org_starts)
    prose = [t for t in prose if not _restates_marker(t, marked)]
    for t in prose:
        if id(t) in IMPLICIT:
            owner = next((m for m in marked if m.start <= t.start < m.end), None)
            if owner is not None:
                t.supporting = owner.lead + owner.responsible
    IMPLICIT.clear()
    return sorted(marked + rows + prose, key=lambda t: t.start)

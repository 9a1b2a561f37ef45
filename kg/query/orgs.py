"""Organisations in a built graph: every form of their names, kind, level, how often they appear;
finding one by any form of its name (exact label first, then substring, then the resolver's key).
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.query import lookup
from kg.records import Record, asdict, fresh

ROLES = ("lead", "responsible", "supporting")
ROLE_ZH = {"lead": "牵头", "responsible": "责任", "supporting": "配合"}


class Org(Record):
    iri: str
    pref: str | None = None
    alts: list[str] = fresh(list)
    kind: str | None = None
    level: str | None = None
    mentions: int = 0
    parent: str | None = None
    tasks: dict[str, int] = fresh(lambda: dict.fromkeys(ROLES, 0))

    @property
    def task_total(self) -> int:
        return sum(self.tasks.values())

    @property
    def name(self) -> str:
        return self.pref or (self.alts[0] if self.alts else self.iri)

    def to_dict(self) -> dict:
        return {**asdict(self), "task_total": self.task_total}


def _rows(store: ox.Store, name: str, only: list[str] | None) -> list[dict]:
    if only is None:
        return lookup.run(store, name)
    return [r for iri in only for r in lookup.run(store, name, org=lookup.iri(iri))]


def all_orgs(store: ox.Store, only: list[str] | None = None) -> dict[str, Org]:
    """Every organisation by IRI (or those of ``only``), most tasks (then most mentions) first."""
    orgs: dict[str, Org] = {}
    for r in _rows(store, "orgs_all", only):
        if r["org"] not in orgs:
            orgs[r["org"]] = Org(
                r["org"],
                r["pref"],
                [],
                r["kind"],
                r["level"],
                int(r["mentions"] or 0),
                r["parentLabel"] or r["parent"],
            )
    for r in _rows(store, "orgs_labels", only):
        o = orgs.get(r["org"])
        if o and r["alt"] not in o.alts and r["alt"] != o.pref:
            o.alts.append(r["alt"])
    for r in _rows(store, "orgs_task_counts", only):
        if r["org"] in orgs:
            orgs[r["org"]].tasks[r["role"]] = int(r["tasks"])
    for o in orgs.values():
        o.alts.sort(key=lambda s: (len(s), s))
    ranked = sorted(orgs.values(), key=lambda o: (-o.task_total, -o.mentions, o.name))
    return {o.iri: o for o in ranked}


def truthy(value: object) -> bool:
    """A SPARQL boolean as lookup.run returns it (``"true"`` / ``"false"`` today, maybe bool later)."""
    return value is True or value == "true" or value == "1"


TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (nor collections.abc)
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable

    # What the resolver makes of a name: (key, canonical name) or None. The query side does not import
    # the resolver (the build side); the public API (kg.open) passes it in.
    Identify = Callable[[str], tuple[str, str] | None]


def _by_identity(store: ox.Store, name: str, identify: Identify | None) -> list[str]:
    """Organisations the resolver would make of ``name`` (``柯桥区住建局`` -> the 住房和城乡建设局 node)."""
    if identify is None:
        return []
    try:
        ident = identify(name)
    except Exception:  # the resolver is another module's business: a failure there means "no match"
        return []
    if ident is None:
        return []
    key, canonical = ident
    rows = lookup.run(store, "orgs_by_identity", key=lookup.literal(key), canonical=lookup.literal(canonical))
    return list(dict.fromkeys(r["org"] for r in rows))


def find_orgs(store: ox.Store, name: str, identify: Identify | None = None) -> list[str]:
    """IRIs of the organisations ``name`` names: exact label matches, else labels containing it,
    else (given ``identify``) what the resolver makes of the name. Several IRIs mean the name is ambiguous."""
    name = name.strip()
    if not name:
        return []
    exact = [
        r["org"]
        for lang in ("zh", None)
        for r in lookup.run(store, "orgs_exact", label=lookup.literal(name, lang))
    ]
    if exact:
        return list(dict.fromkeys(exact))
    rows = lookup.run(store, "orgs_find", label=lookup.literal(name))
    exact = [r["org"] for r in rows if truthy(r["exact"])]
    if exact:
        return list(dict.fromkeys(exact))
    return list(dict.fromkeys(r["org"] for r in rows)) or _by_identity(store, name, identify)


def lookup_orgs(store: ox.Store, name: str | None = None, identify: Identify | None = None) -> list[Org]:
    """All organisations, or those ``name`` names (ranked by tasks and mentions)."""
    if name is None:
        return list(all_orgs(store).values())
    return list(all_orgs(store, find_orgs(store, name, identify)).values())


def render(orgs: list[Org], detail: bool = False) -> str:
    """One line per organisation; with ``detail`` also every form of its name and the parent."""
    lines = []
    for o in orgs:
        counts = "/".join(str(o.tasks[r]) for r in ROLES)
        lines.append(
            f"{o.name}\t{o.kind or '-'}\t{o.level or '-'}\t提及 {o.mentions}\t"
            f"任务 {o.task_total} (牵头/责任/配合 {counts})"
        )
        if detail:
            lines.append(f"  又称: {'、'.join(o.alts) or '-'}")
            if o.parent:
                lines.append(f"  上级: {o.parent}")
        elif o.alts:
            lines[-1] += f"\t又称 {'、'.join(o.alts[:6])}{' …' if len(o.alts) > 6 else ''}"
    return "\n".join(lines)

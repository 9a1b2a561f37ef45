"""The tables of organisation names, read once: the State Council's organs and the central organs
printed beside them (kg/data/state_council_organs.tsv), short forms of names (kg/data/abbreviations.tsv)
and bare department names (kg/data/departments.tsv). Data, not resolver code: the division reader
(kg.divisions), the org finder (kg.extract) and the resolver (kg.resolve) all read them here."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kg import data


@dataclass(frozen=True)
class Organ:
    name: str  # official name, the canonical name
    kind: str  # kind in the graph (department, public_institution, enterprise, party)
    categories: tuple[str, ...]  # 组成部门, 直属机构, 中央金融管理部门, 政策性银行 …
    supervisor: str  # the ministry managing a 国家局, else ''
    years: str = ""  # a former organ's years (2001-2018), '' for today's

    @property
    def key_body(self) -> str:
        return self.name.removeprefix("中华人民共和国")


@cache
def national_names() -> frozenset[str]:
    """Names of national organs that are printed bare (国务院, 党中央, 商务部, 国家发展改革委):
    kg/data/national_orgs.tsv and every printed form of :func:`organs`."""
    return frozenset(data.words("national_orgs.tsv")) | frozenset(organs())


@cache
def organs() -> dict[str, Organ]:
    """Every printed form (official name, without 中华人民共和国, short forms) -> its organ: today's
    (kg/data/state_council_organs.tsv), then those the reforms merged or renamed, for older texts
    (kg/data/former_state_council_organs.tsv: 质检总局 = 国家质量监督检验检疫总局, 2001-2018)."""
    out: dict[str, Organ] = {}
    rows = [*data.rows("state_council_organs.tsv"), *data.rows("former_state_council_organs.tsv")]
    for row in rows:
        name, shorts, kind, cats, sup, years = (list(row) + [""] * 6)[:6]
        organ = Organ(name, kind, tuple(filter(None, cats.split(";"))), sup, years)
        for form in (name, organ.key_body, *filter(None, shorts.split(";"))):
            out.setdefault(form, organ)
    return out


@dataclass(frozen=True)
class Abbrev:
    form: str
    body: str
    scope: str
    template: str
    parent: str


@cache
def abbreviations() -> dict[str, list[Abbrev]]:
    """form -> rows of kg/data/abbreviations.tsv (one per scope)."""
    out: dict[str, list[Abbrev]] = {}
    for r in data.rows("abbreviations.tsv"):
        f = (list(r) + [""] * 5)[:5]
        out.setdefault(f[0], []).append(Abbrev(*f))
    return out


@cache
def departments() -> frozenset[str]:
    """Bare department names of kg/data/departments.tsv."""
    return frozenset(data.words("departments.tsv"))

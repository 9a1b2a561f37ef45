"""A bureau's words for itself in its own publication: in a text issued by 新疆维吾尔自治区质监局,
区局 (the 自治区's 局), 本局, 我局 are that bureau, and 区局办公室 / 局办公室 / 局机关 its parts. The
level character must be the issuer's own (区局 in a 自治区 bureau's text, 省局 in a province's, 市局 in
a city's): in a provincial bureau's text 市局 are the cities' bureaus, not the issuer."""

from __future__ import annotations

import re

from kg.models import Jurisdiction
from kg.names import org_suffix
from kg.resolve.org_places import resolve_single

BUREAU = "局"
SELF = re.compile(r"^(本局|我局|[省区市县]局|局(?=机关|办公室|[\u4e00-\u9fff]{1,6}[处科室]$))(.*)$")
LEVEL_WORD = {"省": "省", "区": "自治区", "市": "市", "县": "县"}


def own_bureau(issuers: list[str], identify, where: Jurisdiction | None) -> tuple[str, Jurisdiction] | None:
    """(canonical name, jurisdiction) of the publication's issuing bureau, when its first issuer that
    resolves is a 局; None otherwise."""
    for name in issuers:
        ident = identify(name, where)
        if ident is None:
            continue
        if not ident.canonical.endswith(BUREAU) or where is None:
            return None
        return ident.canonical, where
    return None


# the units a bureau addresses in its own publication: its directly affiliated units (各直属单位), and
# the units of its system (全系统各单位, 各单位: the bureaus below it and its own parts)
DIRECT_UNITS = re.compile(r"^(?:各直属单位|直属各单位|局属各单位|局直属各单位)$")
SYSTEM_UNITS = re.compile(r"^(?:全系统|本系统|系统)?各单位$")


def _own_units(name: str, canonical: str) -> str | None:
    """各直属单位 -> X局各直属单位, 全系统各单位 / 各单位 -> X系统各单位 (X局's system)."""
    if DIRECT_UNITS.match(name):
        return canonical + "各直属单位"
    if SYSTEM_UNITS.match(name):
        return canonical.removesuffix(BUREAU) + "系统各单位"
    return None


def own_name(name: str, own: tuple[str, Jurisdiction] | None) -> str | None:
    """``name`` with the bureau's self-reference written out (区局办公室 -> 新疆维吾尔自治区质量技术监督局
    办公室, 各直属单位 -> its 各直属单位), or None when ``name`` is no self-reference of ``own``."""
    if own and _own_units(name, own[0]):
        return _own_units(name, own[0])
    m = SELF.match(name) if own else None
    if m is None:
        return None
    canonical, where = own
    head, rest = m.groups()
    if head[0] in LEVEL_WORD and len(head) == 2:
        j = resolve_single(LEVEL_WORD[head[0]], where)
        if j != where or not where.name.endswith(LEVEL_WORD[head[0]]):
            return None  # 市局 in a province's text: the cities' bureaus
    if rest and not org_suffix(rest) and not rest.startswith("机关"):
        return None
    return canonical + rest

"""Short forms of organisation names read at a level (卫健局 = 卫生健康局, 区公安分局 a branch of the
city's bureau) and bare fields of work as bureaus, over the tables of kg.org_tables."""

from __future__ import annotations

import re
from functools import cache

from kg.names import org_suffix
from kg.org_tables import Abbrev, abbreviations, departments


@cache
def _templated_forms() -> dict[str, int]:
    """The forms with a templated row (a branch of a higher bureau) -> their place in the table."""
    rows = abbreviations().items()
    return {form: i for i, (form, rs) in enumerate(rows) if any(r.template for r in rs)}


def branch_forms(body: str) -> list[str]:
    """The templated forms ``body`` starts with and runs past, in table order."""
    order = _templated_forms()
    forms = [body[:n] for n in range(2, len(body)) if body[:n] in order]
    return sorted(forms, key=order.__getitem__)


def scope_ok(scope: str, level: str) -> bool:
    """A row of ``scope`` applies at ``level``."""
    if scope == "any":
        return True
    if scope == "local":
        return level in ("prefecture", "county", "township")
    return scope == level


def abbrev(body: str, level: str) -> Abbrev | None:
    """The first row for ``body`` that applies at ``level``."""
    rows = [r for r in abbreviations().get(body, ()) if scope_ok(r.scope, level)]
    return rows[0] if rows else None


def expand_head(body: str, level: str) -> tuple[str, Abbrev | None]:
    """Expand the longest abbreviation that ``body`` starts with (卫健局计划财务科 ->
    卫生健康局计划财务科); returns the expanded body and the row used."""
    row = abbrev(body, level)
    if row:
        return row.body, row
    for n in range(len(body) - 1, 1, -1):
        row = abbrev(body[:n], level)
        rest = body[n:]
        if not row or row.template or len(rest) < 2:
            continue
        # 城投集团 = 城市建设投资集团 (not …集团集团), 交投集团项目部 = 交通投资集团项目部
        k = next((k for k in range(min(len(rest), 4), 1, -1) if row.body.endswith(rest[:k])), 0)
        if k and (k == len(rest) or org_suffix(rest[k:])) or org_suffix(rest):
            return row.body + rest[k:], None
    return body, None


def bureau_of_domain(body: str, level: str) -> str | None:
    """A bare field of work standing for its bureau in a unit list (公安, 市场监管, 交通, 国税):
    ``body + 局`` when that is a known form, else the one department name starting with ``body``."""
    if not 2 <= len(body) <= 4 or not re.fullmatch(r"[\u4e00-\u9fff]+", body):
        return None
    for alt in (body + "局", body + "厅" if level == "provincial" else ""):
        if alt and (abbrev(alt, level) or alt in departments()):
            return alt
    hits = [
        d
        for d in departments()
        if d.startswith(body) and d.endswith("局") and "分局" not in d and len(d) - len(body) <= 3
    ]
    return hits[0] if len(hits) == 1 else None

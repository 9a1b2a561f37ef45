"""Facilities named as building projects (推进县人民医院落地, 加快甲医院、乙医院等区域医疗中心和市中医院
建设。): the hospital being built is a project, not a body acting. A facility name (kg/data/
project_words.tsv) followed, over a list of such names and their building phases (（二期）), by a project
word that ends its clause (建设。 but not 建设胸痛中心) or runs into 项目/工程 (迁建项目), or by 项目/工程, is dropped with the rest of the list."""

from __future__ import annotations

import re

from kg import data
from kg.models import OrgMatch

FACILITIES = tuple(w for w, kind in data.rows("project_words.tsv") if kind == "facility")
PROJECT_WORDS = tuple(w for w, kind in data.rows("project_words.tsv") if kind == "project")
NOUN_WORDS = ("项目", "工程")  # a project whatever follows them
PHASE = re.compile(r"[（(][一二三四五六七八九十\d]+期[）)]")
PHASE_END = re.compile(PHASE.pattern + "$")
JOINS = ("、", "和", "及", "等", "以及")
ETC = "等"
CATEGORY = re.compile(ETC + r"[\u4e00-\u9fff]{0,8}?(?:" + "|".join(FACILITIES) + ")")
CLAUSE_END = "，。；、：）)\n"


def _ends_in_project(text: str, i: int) -> bool:
    w = next((w for w in PROJECT_WORDS if text.startswith(w, i)), "")
    if not w:
        return False
    j = i + len(w)
    return w in NOUN_WORDS or j >= len(text) or text[j] in CLAUSE_END or text.startswith(NOUN_WORDS, j)


def facility_projects(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    """Drop facility names (and the names listed with them) that a project word follows."""
    by_start = {m.start: k for k, m in enumerate(found)}
    drop: set[int] = set()
    for k, m in enumerate(found):
        if k in drop or not PHASE_END.sub("", m.name).endswith(FACILITIES):
            continue
        chain, cur = [k], m
        while True:
            j = cur.end
            p = PHASE.match(text, j)
            j = p.end() if p else j
            joint = next((w for w in JOINS if text.startswith(w, j)), "")
            nxt = by_start.get(j + len(joint)) if joint else None
            if nxt is None:
                kind = CATEGORY.match(text, j) if joint == ETC else None
                j = kind.end() if kind else j  # 等区域医疗中心 (the kind of what is listed) 建设
                break
            chain.append(nxt)
            cur = found[nxt]
        if _ends_in_project(text, j):
            drop.update(chain)
    return [m for k, m in enumerate(found) if k not in drop] if drop else found

"""Joint issuers printed without a separator (``中共山东省委山东省人民政府``, ``中共中央办公厅国务院办公厅``;
a page whose lines were joined: ``湖塘街道办事处齐贤街道办事处``):
two full names, each opening with its own jurisdiction, are two organisations. A second name that
opens with a bare level (``省纪委省监委``, ``区委区政府督查室``) is one joint body, not split."""

from __future__ import annotations

import re

from kg import divisions
from kg.extract.org_mentions.words import NOT_PLACE_HEAD
from kg.models import OrgMatch
from kg.names import org_suffix
from kg.org_tables import national_names

PARTY = ("中国共产党", "中共")
NATIONAL = ("国务院", "全国人大", "全国政协", "最高人民法院", "最高人民检察院")
MIN_NAME = 4


ORGANS = ("government", "party", "department")  # kinds of organ that issue jointly
# a township's or street's own organ (齐贤街道办事处, 稽东镇人民政府): a full name of a place below a county
TOWNSHIP = re.compile(r"([\u4e00-\u9fff]{2,3}?)(?:街道|镇|乡)(?=办事处|人民政府|党委|党工委)")


def _township(name: str) -> bool:
    """``name`` opens with a township or street named bare, then its organ (稽东镇人民政府)."""
    m = TOWNSHIP.match(name)
    return bool(m and not NOT_PLACE_HEAD.search(m.group(1)))


def _full(name: str) -> bool:
    """``name`` opens with its own jurisdiction and ends as an organ of government or party does (a
    hospital's branch, 北京协和医院贵州医院, is one body)."""
    if name in national_names():
        return True
    row = org_suffix(name) if len(name) >= MIN_NAME else None
    if not row or row[1] not in ORGANS:
        return False
    body = name[len(next((p for p in PARTY if name.startswith(p)), "")) :]
    if body.startswith("中央") and body != name:
        return True
    return body.startswith(NATIONAL) or bool(divisions.place_prefix(body)) or _township(body)


def split_joint(name: str) -> list[tuple[int, int]]:
    """(start, end) of each full name glued in ``name``; one span when it is one name."""
    for i in range(2, len(name) - 1):
        if _full(name[:i]) and _full(name[i:]) and _opens_anew(name[i:], name[:i] in national_names()):
            return [(0, i)] + [(i + a, i + b) for a, b in split_joint(name[i:])]
    return [(0, len(name))]


def _opens_anew(rest: str, after_national: bool) -> bool:
    """``rest`` names its jurisdiction in full, not by a bare level (省监委, 区政府); after a national
    organ, a place opens its branch (中国人民银行合肥中心支行, 国家外汇管理局贵州省分局), not a new name."""
    if rest.startswith(PARTY + NATIONAL) or any(rest.startswith(n) for n in national_names()):
        return True
    return not after_national and (bool(divisions.place_prefix(rest)) or _township(rest))


def joint_issuers(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    """Each mention that glues full names together, as one mention per name."""
    out = []
    for m in found:
        spans = split_joint(m.name) if m.surface == m.name and len(m.name) >= 5 else None
        if not spans or len(spans) == 1:
            out.append(m)
            continue
        out.extend(OrgMatch(m.name[a:b], m.name[a:b], m.start + a, m.start + b) for a, b in spans)
    return out

"""Townships and streets at their place (湖塘街道(办事处), 稽东镇(人民政府), 老城街道) and their offices: a
resolver of a body at its jurisdiction, as those of kg.resolve.org_identity.LOCAL."""

from __future__ import annotations

import re

from kg.models import Jurisdiction, OrgIdentity
from kg.names import org_suffix
from kg.resolve.org_kinds import kind_of
from kg.resolve.org_places import gov_key, key

TOWNSHIP = re.compile(r"([\u4e00-\u9fff]{1,4}?)(街道办事处|街道|镇人民政府|镇政府|镇|乡人民政府|乡)(.*)$")


def township(j: Jurisdiction, body: str) -> OrgIdentity | None:
    """湖塘街道(办事处), 稽东镇(人民政府) and their offices."""
    m = TOWNSHIP.match(body)
    street = bool(m) and m.group(2).startswith("街道")
    if not m or len(m.group(1)) < 2 or not street and m.group(1).endswith(("城", "乡", "村")):
        return None  # 城镇, 城乡, 村镇: words; 老城街道 a street
    unit = m.group(1) + ("街道" if street else m.group(2)[0])
    rest = m.group(3)
    if rest and not org_suffix(rest):
        return None
    place = j.name if j.chain else ""  # a national text's 街道 has no place printed
    gov = f"{place}{unit}" + ("办事处" if street else "人民政府")
    if not rest or rest in ("人民政府", "政府", "办事处"):
        return OrgIdentity(key(j, unit), gov, "government", "township", gov_key(j))
    return OrgIdentity(key(j, unit + rest), f"{place}{unit}{rest}", kind_of(rest), "township", key(j, unit))

"""The units a body sets up under it (领导小组下设综合协调组及社区建设工作组、交通设施建设工作组等3个专门
小组): after 下设, each item of the list that ends in 组 or an organisation suffix is a unit of its own,
printed bare."""

from __future__ import annotations

import re

from kg.models import OrgMatch
from kg.names import org_suffix

SETS_UP = "下设"
ITEM = r"[\u4e00-\u9fff“”]{2,24}?(?:组|办公室|专班|指挥部)"
SUB_LIST = re.compile(SETS_UP + f"({ITEM}(?:[、及和]{ITEM})*)(?=[、，。；,;（(等]|$)")
ITEMS = re.compile(f"({ITEM})(?:[、及和]|$)")
MIN_ITEM = 4  # 综合组 and more; a bare 办公室 is the body's office, named by its parent


def sub_units(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    """Add the units listed after 下设 that no mention covers."""
    spans = [(m.start, m.end) for m in found]
    extra = []
    for h in SUB_LIST.finditer(text):
        for i in ITEMS.finditer(h.group(1)):
            item, a, b = i.group(1), h.start(1) + i.start(1), h.start(1) + i.end(1)
            ok = len(item) >= MIN_ITEM and (item.endswith("组") or org_suffix(item))
            if ok and not any(x < b and a < y for x, y in spans):
                extra.append(OrgMatch(item, item, a, b))
    return sorted(found + extra, key=lambda m: m.start) if extra else found

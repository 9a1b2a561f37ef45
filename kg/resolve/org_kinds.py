"""The kind of organisation a name's body is (party, government, group, or its suffix's kind)."""

from __future__ import annotations

from kg.names import org_suffix


def kind_of(body: str) -> str:
    """The kind of organisation a body names, by its head or suffix."""
    if body.startswith(("中国共产党", "中共")):
        return "party"  # 中国共产党中央委员会, 中共绍兴市委员会 …
    if body.endswith(("人民政府", "国务院", "管委会", "管理委员会", "街道办事处")) or body in ("政府",):
        return "government"
    if body.endswith(("领导小组", "领导小组办公室", "专班", "指挥部", "联席会议", "工作组")):
        return "group"
    row = org_suffix(body)
    return row[1] if row else "department"

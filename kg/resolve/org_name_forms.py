"""The words around an organisation's name that are no part of it, taken off before the name is
read (kg.resolve.org_identity): a bracketed qualifier, 级 between a level and its congress, 本级, a
congress's term, an opening verb of sending, a designating clause."""

from __future__ import annotations

import re

# a bracketed qualifier that is no part of the name: 市政府党组（扩大）会议, 各部门（包括牵头单位自身）
QUALIFIER = re.compile(r"（(?:扩大|(?:包括|包含|含|不含)[^）]*)）$")
# 市级人大 = 市人大, 区级政协 = 区政协 (办理市级人大建议和政协提案)
LEVEL_ORGAN = re.compile(r"^([省市区县])级(?=人大|政协)")
# 本级 (this level): the organs of the publication's own level, read unprefixed (本级财政部门 = 财政部门),
# not those of every level (各级)
OWN_LEVEL = re.compile(r"^本级(?=[\u4e00-\u9fff]{2})")
# the term of a congress or committee is no other organ: 市第十五届人民代表大会 = 市人民代表大会
TERM = re.compile(
    r"第[一二三四五六七八九十百零〇\d]+届(?:[一二三四五六七八九十\d]+次)?(?=[\u4e00-\u9fff]*(?:代表大会|委员会|人大|政协))"
)
# the organ that designates a class is no part of the class: 县（市）人民政府确定的数据资源主管部门 is the
# county's 数据资源主管部门 (the place stays, the designating government goes); 确定/指定/明确 the verbs
DESIGNATED = re.compile(
    r"^(.{0,8}?)(?:人民政府|政府)(?:确定|指定|明确)的(?=[\u4e00-\u9fff]{2,}(?:部门|机构|单位)$)"
)

# prepositions and verbs of sending opening a task's unit: the name follows them (发送至区局办公室 ->
# 区局办公室); not the role words a name may open with (牵头单位, 配合单位, 主办单位)
LEAD_VERBS = ("发送", "报送", "上报", "呈送", "提交", "根据", "按照", "通过", "关于", "依托", "以及")


def without_lead_verb(name: str) -> str:
    """``name`` without a verb (and 至/到/给) opening it, when a name of two characters or more follows."""
    head = next((w for w in LEAD_VERBS if name.startswith(w)), "")
    rest = re.sub(r"^[至到给]", "", name[len(head) :]) if head else name
    return rest if len(rest) >= 2 else name


def plain_name(name: str) -> str:
    """``name`` (normalised) without the words around it that are no part of it."""
    name = TERM.sub("", LEVEL_ORGAN.sub(r"\1", QUALIFIER.sub("", name)))
    return DESIGNATED.sub(r"\1", OWN_LEVEL.sub("", without_lead_verb(name)))

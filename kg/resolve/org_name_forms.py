"""The words around an organisation's name that are no part of it, taken off before the name is
read (kg.resolve.org_identity): a bracketed qualifier, 级 between a level and its congress, 本级, a
congress's term, an opening verb of sending, a designating clause."""

from __future__ import annotations

import re

from kg import data

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
LEAD_VERBS = data.words("lead_verbs.tsv")


def _over_modal() -> re.Pattern:
    """An organ word followed by a modal verb of kg/data/modal_verbs.tsv (and a character): a clause."""
    table = data.rows("modal_verbs.tsv")
    modal = sorted((w for w, role in table if role == "modal"), key=len, reverse=True)
    not_modal = [w for w, role in table if role == "not_modal"]
    return re.compile(
        r"(?:政府|部门|单位|机关|局|厅|委|办)"
        rf"(?!{'|'.join(not_modal)})(?:{'|'.join(modal)})[\u4e00-\u9fff]"
    )


# a name running over a modal verb after an organ (各省政府要建立省级政府办公厅): a clause, no name
OVER_MODAL = _over_modal()


def without_lead_verb(name: str) -> str:
    """``name`` without a verb (and 至/到/给) opening it, when a name of two characters or more follows."""
    head = next((w for w in LEAD_VERBS if name.startswith(w)), "")
    rest = re.sub(r"^[至到给]", "", name[len(head) :]) if head else name
    return rest if len(rest) >= 2 else name


def plain_name(name: str) -> str:
    """``name`` (normalised) without the words around it that are no part of it."""
    name = TERM.sub("", LEVEL_ORGAN.sub(r"\1", QUALIFIER.sub("", name)))
    return DESIGNATED.sub(r"\1", OWN_LEVEL.sub("", without_lead_verb(name)))

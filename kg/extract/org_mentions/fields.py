"""Bare fields of work before 部门 (与网信部门, 地方金融管理部门牵头, 经业务主管部门同意): the class of
bureaus of that field, a collective. A field counts when the tables name a bureau of it (网信 + 办, 金融 +
办 in the lexicon), optionally with its managing role (数据资源主管部门, 金融管理部门) and 地方/所在地/属地
(the local ones); its start must be a word boundary (no dictionary word runs across it). A field with a
county bureau of its own (税务, 统计: 由统计部门负责) is left to identity, which knows the level."""

from __future__ import annotations

from functools import lru_cache

from kg.extract.org_mentions.words import lexicon
from kg.models import OrgMatch
from kg.names import org_suffix
from kg.word_bounds import splits_word

CLASS_WORD = "部门"
# the role of the bureaus in their field: 主管 (in charge), 管理, 监管, (行政)执法
ROLES = ("行政执法", "主管", "管理", "监管", "执法")
# the bureaus' own names end so (网信办, 统计局, 发展改革委, 人社厅, 商务部, 审计署)
UNIT_ENDS = ("局", "办", "委", "厅", "部", "署")
# the offices in charge of a sector's or an applicant's business, named so in law (社会团体登记管理条例:
# 业务主管单位; 行政许可法: 行业主管部门)
ROLE_ONLY = ("业务主管", "行业主管")
# the local ones: 地方金融管理部门, 所在地人力资源社会保障部门, 属地公安部门
LOCAL = ("所在地", "地方", "属地")
MAX_BODY = 12


def _has_bureau(body: str) -> bool:
    """The field has a bureau of its own in a county (税务 -> 税务局, 统计 -> 统计局): whether its bare
    ``X部门`` is that one bureau (a county's text) or the class of them (a province's) depends on the
    publication's level, which identity reads; the finder leaves those to it."""
    from kg.resolve.org_abbreviations import bureau_of_domain

    local = next((w for w in LOCAL if body.startswith(w)), "")
    return bool(bureau_of_domain(body[len(local) :], "county"))


@lru_cache(maxsize=1 << 12)
def is_field(body: str) -> bool:
    """``body`` (the words before 部门) names a field of work with bureaus of its own."""
    if body in ROLE_ONLY:
        return True
    local = next((w for w in LOCAL if body.startswith(w)), "")
    body = body[len(local) :]
    if org_suffix("□" + body):
        return False  # 政府部门, 管委会部门: the departments of an organ, no field
    role = next((r for r in ROLES if body.endswith(r) and len(body) > len(r)), "")
    lex = lexicon()  # 市场监管 + 局, or 数据资源 (主管) + 局
    return any(
        len(c) >= 2 and any(c + e in lex for e in UNIT_ENDS) for c in (body, body[: len(body) - len(role)])
    )


def field_classes(text: str, found: list[OrgMatch]) -> list[OrgMatch]:
    """Add each bare ``<field>部门`` no mention covers: the longest field ending at 部门 whose start
    splits no word (国务院金融管理部门 is the scanner's; 本部门, 职能部门 name no field), unless the field
    has a bureau of its own (see _has_bureau)."""
    spans = [(m.start, m.end) for m in found]
    extra: list[OrgMatch] = []
    i = text.find(CLASS_WORD)
    while i >= 0:
        end = i + len(CLASS_WORD)
        if not any(a < end and i < b for a, b in spans):
            for k in range(min(MAX_BODY, i), 1, -1):
                a = i - k
                body = text[a:i]
                if (
                    all("\u4e00" <= c <= "\u9fff" for c in body)
                    and is_field(body)
                    and not splits_word(text, a)
                ):
                    if not _has_bureau(body) and not any(x < end and a < y for x, y in spans):
                        extra.append(OrgMatch(body + CLASS_WORD, body + CLASS_WORD, a, end))
                    break
        i = text.find(CLASS_WORD, end)
    return sorted(found + extra, key=lambda m: m.start) if extra else found

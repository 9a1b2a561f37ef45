"""Document titles: clean a printed title, and keys that identify one document across the corpus."""

from __future__ import annotations

import re
from functools import lru_cache

_FW = str.maketrans("０１２３４５６７８９", "0123456789")
_CJK = "\u4e00-\u9fff"
# Key folding: brackets to ( ), quotes to ", dashes to -.
_KEY_MAP = str.maketrans(
    {
        "（": "(",
        "）": ")",
        "〔": "(",
        "〕": ")",
        "【": "(",
        "】": ")",
        "［": "(",
        "］": ")",
        "[": "(",
        "]": ")",
        "“": '"',
        "”": '"',
        "「": '"',
        "」": '"',
        "‘": '"',
        "’": '"',
        "'": '"',
        "—": "-",
        "–": "-",
        "－": "-",
        "‐": "-",
        "～": "-",
        "~": "-",
        "，": ",",
        "、": ",",
    }
)
_STRIP_RE = re.compile(r"[\s《》〈〉«»<>]")
_PRC = "中华人民共和国"
# A page number printed on its own line inside a title broken across pages: ``营商环\n  １８\n境条例``.
_PAGE_NUMBER_LINE_RE = re.compile(
    r"\n[ \t\u3000]*[-—－]?[ \t\u3000]*[0-9０-９]{1,3}[ \t\u3000]*[-—－]?[ \t\u3000]*\n"
)
# A law or regulation by name: …法, …法实施条例/细则/办法, …条例.
_LAW_RE = re.compile(r"(?:法|法实施条例|法实施细则|法实施办法|条例|法典)$")
# Regional laws keep their area: 浙江省…条例, 绍兴市…条例, 宁夏回族自治区…条例.
_REGIONAL_RE = re.compile(rf"^[{_CJK}]{{1,8}}?(?:省|市|自治区|自治州|自治县|特别行政区)")


@lru_cache(maxsize=1 << 14)  # the same titles come back again and again
def clean_title(printed: str) -> str:
    """A title as the graph keeps it: line breaks removed, full-width digits to ASCII, layout spaces dropped.

    A space is kept only between two runs of at least three CJK characters (joint issuers printed
    ``中共浙江省委 浙江省人民政府关于…``); letter-spaced text (``贵 州 省``) and spaces next to digits or
    brackets go.
    """
    t = _PAGE_NUMBER_LINE_RE.sub("\n", printed)
    t = re.sub(r"[ \t\u3000]*[\r\n]+[ \t\u3000]*", "", t).translate(_FW)
    t = re.sub(r"[ \t\u3000]+", " ", t.strip())
    return re.sub(r" ", lambda m: " " if _between_long_runs(t, m.start()) else "", t)


def _between_long_runs(t: str, i: int) -> bool:
    before = re.search(rf"[{_CJK}]+$", t[:i])
    after = re.match(rf"[{_CJK}]+", t[i + 1 :])
    return bool(before and after and len(before.group()) >= 3 and len(after.group()) >= 3)


@lru_cache(maxsize=1 << 14)
def title_key(title: str) -> str:
    """Identity key of a title: no 《》〈〉 or spaces; digits, brackets, quotes and dashes unified."""
    return _STRIP_RE.sub("", title.translate(_FW)).translate(_KEY_MAP)


def is_law(title: str) -> bool:
    """A law/regulation title: ends in 法, 条例, 法实施条例 …"""
    return bool(_LAW_RE.search(title_key(title)))


def law_aliases(title: str) -> set[str]:
    """Keys under which a law is known: 《中华人民共和国土地管理法》 and 《土地管理法》 share ``土地管理法``.

    National laws get both forms (with and without 中华人民共和国); a regional law
    (《浙江省土地管理条例》) keeps its area and has only its own key. Non-laws: just ``title_key``.
    """
    key = title_key(title)
    keys = {key}
    if not is_law(key):
        return keys
    if key.startswith(_PRC):
        keys.add(key[len(_PRC) :])
    elif not _REGIONAL_RE.match(key):
        keys.add(_PRC + key)
    return keys

"""How print numbers its pages, wherever a page number ends up in a text.

On a line of its own (``— 2 —``, ``第 3 页``, ``第3页，共10页``, ``3/10``, or a bare number where the
file numbers its pages that way); inside a body a crawl ran onto one line (``— 2 —`` spaced as
printed, or a dash rule); inside a name in 《》 (digits between two 汉字 that count nothing: no
measure word after them, no 第/共… before them; words in kg/data/reflow_words.tsv).
"""

from __future__ import annotations

import re

from kg import data

DASHES = "\\-—–－―─"
_N = r"\d{1,3}"
_SP = "[ \\t]*"

LINE_RE = re.compile(
    rf"{_SP}(?:[{DASHES}]+{_SP}{_N}{_SP}[{DASHES}]+"
    rf"|第{_SP}{_N}{_SP}页(?:{_SP}[，,/]{_SP}共{_SP}\d{{1,4}}{_SP}页)?"
    rf"|{_N}{_SP}/{_SP}{_N}){_SP}"
)
BARE_LINE_RE = re.compile(rf"{_SP}{_N}{_SP}")
IN_BODY_RE = re.compile(rf"{_SP}(?:[{DASHES}]{{1,2}} {_N} [{DASHES}]{{1,2}}|-{{3,}}(?:[ \t]+-{{3,}})*){_SP}")


def _chars(kind: str) -> str:
    return re.escape("".join(w for w, k in data.rows("reflow_words.tsv") if k == kind))


IN_NAME_RE = re.compile(
    rf"(?<=[\u4e00-\u9fff])(?<![{_chars('before_count')}])(?P<n>{_SP}{_N}{_SP})"
    rf"(?=[\u4e00-\u9fff])(?![{_chars('measure_word')}])"
)

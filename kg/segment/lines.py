"""Lines of a publication and what a line can be: a date, a 文号, a title."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.data import rows
from kg.docnumber import NUMBER_RE, normalise_number
from kg.doctypes import doc_type_surface

_DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月"
    r"\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
)
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}


def issuer_endings(where: str) -> str:
    """An alternation of the organ endings of kg/data/issuer_endings.tsv for WHERE ("title" or
    "signature"), longest first."""
    ends = [r[0] for r in rows("issuer_endings.tsv") if where == "signature" or r[1] == "both"]
    return "|".join(re.escape(e) for e in sorted(ends, key=len, reverse=True))


# A line of issuing organs (a signature, a metadata value): names ending in an organ word.
_ENDS = issuer_endings("signature")
_ORG_LINE = re.compile(
    rf"^(中共)?[\u4e00-\u9fff]{{2,30}}(?:{_ENDS})([ \u3000]+[\u4e00-\u9fff]{{2,30}}(?:{_ENDS}))*$"
)

# Spaces after or before a non-ASCII character; written to start with the space (fast to search).
_SPACES = re.compile(r"[ \u3000\t](?:(?<=[^\x00-\x7f][ \u3000\t])[ \u3000\t]*|[ \u3000\t]*(?=[^\x00-\x7f]))")

MAX_TITLE_LINES = 4
MAX_TITLE = 150  # characters (a title naming a long issuer and a long subject)


def _typed(title: str) -> bool:
    """The title ends in a document kind of kg/data/doc_types.tsv (…的通知, …实施方案（2022—2025年）)."""
    return doc_type_surface(title) is not None


@dataclass
class _Line:
    start: int
    end: int  # exclusive, without the newline
    text: str  # stripped

    @property
    def blank(self) -> bool:
        return not self.text


def squeeze(s: str) -> str:
    """Remove layout spaces next to CJK characters (``关于 2021 年`` -> ``关于2021年``)."""
    return _squeeze_line(s) if len(s) <= 1000 else _SPACES.sub("", s).strip()


@lru_cache(maxsize=1 << 16)  # the segmenter squeezes the same lines again and again
def _squeeze_line(s: str) -> str:
    return _SPACES.sub("", s).strip()


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        out.append(_Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def _cn_int(s: str) -> int:
    if s.isdigit():
        return int(s)
    if all(c in _CN_DIGITS for c in s) and len(s) == 4:  # 二〇二二
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    # 十, 十二, 二十, 二十一, 三十一
    if "十" in s:
        a, _, b = s.partition("十")
        return (_CN_DIGITS.get(a, 1) if a else 1) * 10 + (_CN_DIGITS.get(b, 0) if b else 0)
    return _CN_DIGITS.get(s, 0)


def parse_date(s: str) -> str | None:
    """The first date in ``s`` as ISO ``YYYY-MM-DD`` (Arabic or Chinese numerals)."""
    m = _DATE_RE.search(s)
    if not m:
        return None
    y, mo, d = _cn_int(m["y"]), _cn_int(m["m"]), _cn_int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _partial_date(s: str) -> str | None:
    """``2022年6月19日`` -> 2022-06-19; ``2021年`` -> 2021-01-01; ``2021年3月`` -> 2021-03-01."""
    m = re.match(r"(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?", s)
    if not m:
        return None
    return f"{int(m[1]):04d}-{int(m[2] or 1):02d}-{int(m[3] or 1):02d}"


def _is_date_line(line: _Line) -> bool:
    t = squeeze(line.text)
    m = _DATE_RE.search(t)
    return bool(m) and m.start() == 0 and len(t) - m.end() <= 2 and len(t) <= 20


def _number_of_line(line: _Line) -> str | None:
    """The 文号 when a line is (almost) only a 文号: ``绍柯政发〔2022〕2 号``, ``（皖政办秘〔2021〕82号）``."""
    t = line.text
    if not t or len(t) > 40 or "号" not in t:  # every 文号 ends in 号
        return None
    m = NUMBER_RE.search(t)
    if not m:
        return None
    rest = (t[: m.start()] + t[m.end() :]).strip(" \u3000()（）")
    if len(squeeze(rest)) > 2:
        return None
    return normalise_number(m.group(0))


def _is_title_line(t: str) -> bool:
    t = squeeze(t)
    return bool(t) and len(t) <= MAX_TITLE and not t.endswith(("。", "：", ":", "；", "，")) and "。" not in t


def _looks_like_title(t: str) -> bool:
    t = squeeze(t)
    return _is_title_line(t) and ("关于" in t or _typed(t))


_KEY_DROP = re.compile(r"[\s《》〈〉“”\"()（）]")


@lru_cache(maxsize=1 << 16)
def _key(s: str) -> str:
    return _KEY_DROP.sub("", s)


_TRANSMIT = re.compile(r"(?:印发|转发|发布)(?P<what>.+?)(?:的通知|的通告|的决定)$")


def _transmitted(title: str) -> list[str]:
    """Titles of what a 印发 notice transmits: ``关于印发《A》和《B》的通知`` / ``印发A的通知``."""
    m = _TRANSMIT.search(title)
    if not m:
        return []
    what = m["what"]
    quoted = re.findall(r"《(.+?)》", what)
    if quoted and _ONLY_JOINERS.fullmatch(re.sub(r"《.+?》", "", what)):
        return quoted
    return [what]  # a title quoting another inside it: 印发2023年区《政府工作报告》确定的…方案


# What may stand between the quoted titles a notice transmits: 《A》和《B》, 《A》等三个文件.
_ONLY_JOINERS = re.compile(r"[和及与暨、，,\s]*(?:等[\u4e00-\u9fff\d]{0,6})?")

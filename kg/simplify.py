"""A publication printed in traditional characters (a repost on a 繁體 site) read as simplified.

One character for one (kg/data/traditional_chars.tsv, from OpenCC's t2s), so every offset into the
raw text stays exact and quotes stay as printed. Only a traditional text is mapped: a simplified
text may hold a character the table maps (乾 of 乾县), so the characters only traditional writing
uses must be at least ``SHARE`` of the Han characters read (in the first ``SAMPLE`` characters).
"""

from __future__ import annotations

import re
from functools import cache

from kg import data
from kg.models import Text

SHARE = 0.05  # traditional text: ~20-30 % of its Han characters; simplified: ~0
SAMPLE = 20_000
_HAN_RE = re.compile("[\u3400-\u9fff]")


@cache
def _tables() -> tuple[dict[int, str], dict[int, None]]:
    """(traditional -> simplified, traditional -> deleted) as str.translate tables."""
    rows = data.rows("traditional_chars.tsv")
    return {ord(t): s for t, s in rows}, {ord(t): None for t, _ in rows}


def traditional(text: str) -> bool:
    """``text`` is written in traditional characters."""
    sample = text[:SAMPLE]
    han = len(_HAN_RE.findall(sample))
    if han < 20:
        return False
    found = len(sample) - len(sample.translate(_tables()[1]))
    return found >= SHARE * han


def simplified(t: Text) -> Text:
    """``t`` with its traditional characters mapped to simplified ones, when it is traditional."""
    if not traditional(t.text):
        return t
    return Text(t.source, t.raw, t.text.translate(_tables()[0]), t.offsets)

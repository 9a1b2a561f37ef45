"""A list entry as 联系人 and 专班 lists print it: a person's name (2 or 3 汉字; a 2-character name
may be spaced out to fill 3), spaces, then a unit ending as an organ does (kg/data/list_entry_words.tsv).
"""

from __future__ import annotations

import re

from kg import data

_PERSON = r"[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,2}"
_UNIT_END = "|".join(re.escape(w) for w, kind in data.rows("list_entry_words.tsv") if kind == "unit_end")
ENTRY = rf"{_PERSON}[ \t\u3000]{{1,4}}[\u4e00-\u9fff（）()]{{1,20}}(?:{_UNIT_END})"
ENTRY_MAX = 40  # characters an entry can take

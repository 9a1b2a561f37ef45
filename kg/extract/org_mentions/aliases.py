"""Short forms a text defines (（以下简称…）) or implies (区征收办 for 区土地和房屋征收工作办公室), and the
titles whose names are no mentions."""

from __future__ import annotations

import re

from kg.extract.org_mentions.words import ALIAS_DEF, lexicon
from kg.models import OrgMatch
from kg.names import single_prefix


def defined_aliases(text: str, found: list[OrgMatch]) -> dict[str, str]:
    out: dict[str, str] = {}
    for d in ALIAS_DEF.finditer(text):
        full = next((m for m in found if m.end == d.start()), None)
        short = re.sub(r"\s+", "", d.group(1))
        if full is not None and short != full.name:
            out.setdefault(short, full.name)
    names = {m.name for m in found}
    for short in names:  # 区征收办 = 区土地和房屋征收工作办公室: the short form's characters in order
        if not short.endswith("办"):
            continue  # _abbreviates(short, …) is False
        long = [n for n in names if _abbreviates(short, n)]
        if len(long) == 1 and short not in out:
            out[short] = long[0]
    return out


def _subsequence(a: str, b: str) -> bool:
    it = iter(b)
    return all(c in it for c in a)


def _abbreviates(short: str, full: str) -> bool:
    """``区征收办`` abbreviates ``区土地和房屋征收工作办公室``: same prefix, 办 for 办公室, the other
    characters of the short form in order in the full one (at least two, one pair adjacent)."""
    if not (short.endswith("办") and full.endswith("办公室")) or len(full) <= len(short) + 2:
        return False
    p = single_prefix(short)
    if p != single_prefix(full) or not p:
        return False
    core, body = short[1:-1], full[1:-3]
    if len(core) < 2 or len(core) > 4 or core in lexicon():
        return False
    return _subsequence(core, body) and any(core[k : k + 2] in body for k in range(len(core) - 1))


TITLE = re.compile(r"《[^《》]{1,150}》")
# words that follow the issuer at the head of a title (《X关于…》, 《X会议纪要》, 《X第59次常务会议纪要》)
TITLE_AFTER_ISSUER = ("关于", "会议", "第")


def blank_title(m: re.Match) -> str:
    """The title's characters as non-name characters (same length: offsets stay), but for the
    issuers at its head (《浙江省物价局 浙江省财政厅关于…》): those are mentions."""
    t = m.group()
    k = min((i for i in (t.find(w) for w in TITLE_AFTER_ISSUER) if i > 2), default=1)
    keep = k
    return t[:keep] + "□" * (len(t) - keep - 1) + "》"

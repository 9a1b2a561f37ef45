"""Documents printed inside a notice: a transmitted plan, a speech, an annex printed in full."""

from __future__ import annotations

import re
from functools import cache

from kg.data import rows, words
from kg.doctypes import doc_type
from kg.models import Segment
from kg.segment.blocks import _Block, _Segmenter
from kg.segment.lines import (
    MAX_TITLE_LINES,
    _is_title_line,
    _key,
    _looks_like_title,
    parse_date,
    squeeze,
)

_ITEM_START = re.compile(
    r"^(\s*)([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、]|第[一二三四五六七八九十百]+条)"
)


def _find_title_line(seg: _Segmenter, want: str, b: _Block) -> int | None:
    """The line (outside every header block) on which a transmitted title starts."""
    key = _key(want)
    loose = None
    for i, t in seg.keyed_lines().get(key[:4], ()):  # t, a prefix of key, starts like it
        if i in seg.owned:
            continue
        if t == key or (key.startswith(t) and len(t) >= len(key) // 2):
            if _is_title_line(seg.lines[i].text):
                return i
        if loose is None and _looser(t) == _looser(key) and _is_title_line(seg.lines[i].text):
            # the period written with and without 年 (（2015-2020） / （2015-2020年）), or the
            # notice's title without a 的 the printed one has (关于X实施方案 / 关于X的实施方案)
            loose = i
    return loose


@cache
def _stated_res() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(r[0]) for r in rows("transmit_phrases.tsv"))


def stated_transmitted(seg: _Segmenter, b: _Block) -> list[str]:
    """What a notice's opening lines say it transmits (``现将《X》印发给你们``), for a notice whose
    title does not name it (a page printing only the 文号 in its table, or ``关于做好…的通知``)."""
    for k in range(b.last + 1, min(b.last + 6, len(seg.lines))):
        if k in seg.owned and seg.owned[k] != seg.owned.get(b.first):
            break
        text = squeeze(seg.lines[k].text).replace(",", "，")
        for pat in _stated_res():
            if m := pat.search(text):
                return re.findall(r"《(.+?)》", m["what"])
    return []


def _split_transmitted(seg: _Segmenter, what: str) -> list[str]:
    """``A和B`` printed as one phrase in the title: the pieces that stand as title lines of their own."""
    key = _key(what)
    found: list[str] = []
    keyed = seg.keyed_lines()  # a line whose key occurs in ``key`` starts like one of key's 4-grams
    near = sorted({row for j in range(len(key) - 5) for row in keyed.get(key[j : j + 4], ())})
    for i, t in near:
        if len(t) < 6 or i in seg.owned or t == key or not _is_title_line(seg.lines[i].text):
            continue
        pos = key.find(t)
        if pos < 0:
            continue
        ln = seg.lines[i]
        before, after = key[:pos], key[pos + len(t) :]
        if (not before or before[-1] in "和及、与") and (not after or after[0] in "和及、与"):
            if squeeze(ln.text) not in found:
                found.append(squeeze(ln.text))
    return found


def _grow_title(seg: _Segmenter, i: int, want: str) -> list[int]:
    """The lines of a transmitted title that starts on line ``i``; the notice may name it without
    a 的 the printed title has (印发X实施方案的通知 for 关于X的实施方案)."""
    key, run = _loose(want), [i]
    j = seg._next_nonblank(i, 2)
    while (
        j is not None
        and len(run) < MAX_TITLE_LINES
        and _loose("".join(squeeze(seg.lines[k].text) for k in run)) != key
    ):
        cand = run + [j]
        if key.startswith(_loose("".join(squeeze(seg.lines[k].text) for k in cand))):
            run = cand
            j = seg._next_nonblank(j, 2)
        else:
            break
    return run


def _loose(title: str) -> str:
    return _key(title).replace("的", "")


def _looser(key: str) -> str:
    return key.replace("年", "").replace("的", "")


def _speech(seg: _Segmenter, blocks: list[_Block], out: list[Segment], starts: dict[int, int]) -> None:
    """A notice that transmits a speech (印发…讲话的通知) prints it with its own title, ending in
    ``…上的讲话`` on a ``——`` subtitle line."""
    subtitles = [i for i, ln in enumerate(seg.lines) if "讲话" in ln.text and "—" in ln.text]
    for bi in range(len(blocks)):
        title = out[bi].title or ""
        if "讲话" not in title or any(s.part_of == bi for s in out):
            continue
        for i in subtitles:
            t = squeeze(seg.lines[i].text)
            if i in seg.owned or not t.startswith("——") or "讲话" not in t:
                continue
            run = [i]
            j = seg._prev_nonblank(i, 2)
            while j is not None and len(run) < 4 and j not in seg.owned and _is_title_line(seg.lines[j].text):
                run.insert(0, j)
                j = seg._prev_nonblank(j, 2)
            ttl = re.sub(r"\s+", "", "".join(squeeze(seg.lines[k].text) for k in run))
            # the speaker's name, then the date in brackets: （2022 年 2 月 25 日上午）
            nd = seg._next_nonblank(seg._next_nonblank(i, 2) or i, 2)
            date = parse_date(seg.lines[nd].text) if nd is not None else None
            out.append(
                Segment(
                    kind="document",
                    text=seg.t,
                    title=ttl,
                    date=date,
                    doc_type="讲话",
                    part_of=bi,
                    evidence=seg.t.evidence(seg.lines[run[0]].start, seg.lines[run[-1]].end),
                )
            )
            for k in run:
                seg.owned[k] = -1
            starts[run[0]] = len(out) - 1
            break


_ANNEX = re.compile(r"^附件\s*\d*$")


def _annex_not_documents() -> tuple[str, ...]:
    """Title endings of printed annexes that are lists or forms, not documents (kg/data/annex_kinds.tsv)."""
    return words("annex_kinds.tsv")


def _printed_annexes(seg: _Segmenter, out: list[Segment], starts: dict[int, int]) -> set[int]:
    """Attachments printed in full: a line ``附件`` (``附件2``, no colon: a list says ``附件：``) then a
    title line of their own, then their text. Their parent is found while bodies are assigned."""
    found: set[int] = set()
    for i, ln in enumerate(seg.lines):
        if i in seg.owned or not _ANNEX.match(squeeze(ln.text)):
            continue
        j = seg._next_nonblank(i, 2)
        if j is None or j in seg.owned or j in starts:
            continue
        t = squeeze(seg.lines[j].text)
        if not _looks_like_title(t) or _ITEM_START.match(t) or seg._next_nonblank(j, 2) is None:
            continue
        if t.endswith(_annex_not_documents()):
            continue
        out.append(
            Segment(
                kind="document",
                text=seg.t,
                title=t,
                doc_type=doc_type(t),
                evidence=seg.t.evidence(seg.lines[j].start, seg.lines[j].end),
            )
        )
        seg.owned[i] = seg.owned[j] = -1
        starts[j] = len(out) - 1
        found.add(len(out) - 1)
    return found

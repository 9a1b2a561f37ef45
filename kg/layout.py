"""Set aside what wraps a document, keeping the map from each character back to ``raw``.

Between read and clean. A publication saved from a website, a knowledge base or a legal database
carries layout that is not its text: YAML front matter and ``key: value`` metadata blocks (the
政府信息公开 block: 标题 / 文号 / 发布机构 / 成文日期 …), markdown markup (``#`` headings,
``**bold**``, ``>`` quotes, list markers, links, pipe tables), site chrome (当前位置…, 打印本页,
分享到, 网站标识码 …) and legal-database headers (【法宝引证码】, 原文链接). The patterns are rows of
kg/data/layout_patterns.tsv. Markup and chrome are removed; a pipe table row becomes cells joined
by tabs (a table row, as read.py makes of HTML and DOCX tables). A body printed on one line gets
its paragraph breaks back later, in clean (:mod:`kg.reflow`, once widths are folded and spaces
squeezed).

Metadata is evidence: each ``key: value`` of a known key is kept in the :class:`Header` with the raw
offsets of its value, so that a 文号, issuer or date given only there can belong to the document.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from functools import cache

from kg.data import rows
from kg.doctypes import doc_type
from kg.edits import Edit, apply_edits
from kg.models import Evidence, Text

TABLE = "layout_patterns.tsv"
HEAD_LINES = 25  # a metadata block stands among the first lines of a file


@dataclass(frozen=True)
class Field:
    """One ``key: value`` of a metadata header; ``start``/``end``: the value's span in ``raw``."""

    name: str  # title | number | issuer | date | published | other
    key: str  # as printed
    value: str
    start: int
    end: int


@dataclass
class Header:
    """What a publication's wrapper states about it."""

    source: str = ""
    raw: str = ""
    fields: list[Field] = field(default_factory=list)

    def get(self, name: str) -> Field | None:
        """The first non-empty field of this name."""
        return next((f for f in self.fields if f.name == name and f.value), None)

    def evidence(self, f: Field) -> Evidence:
        return Evidence(self.source, f.start, f.end, self.raw[f.start : f.end])


_RUN_KEY_RE: re.Pattern
_INLINE_FRONT_RE: re.Pattern
_BARE_KEY_RE: re.Pattern


@cache
def _patterns() -> tuple[dict[str, str], re.Pattern, re.Pattern, re.Pattern]:
    """(metadata key -> field, a pattern finding keys, whole-line chrome, inline chrome)."""
    meta: dict[str, str] = {}
    line, inline = [], []
    for r in rows(TABLE):
        if r[0] == "meta":
            meta[r[1]] = r[2]
        elif r[0] == "line":
            line.append(r[1])
        elif r[0] == "inline":
            inline.append(r[1])
    keys = "|".join(sorted(map(re.escape, meta), key=len, reverse=True))
    # a table cell may space a short key out to the width of a long one (标  题, 有 效 性)
    spaced = "|".join("[ \u3000]{0,2}".join(map(re.escape, k)) for k in sorted(meta, key=len, reverse=True))
    key_re = re.compile(rf"(?:^|(?<=[\s|]))(?P<key>{spaced})[ \t\u3000]*[:：][ \t\u3000|]*")
    global _RUN_KEY_RE, _INLINE_FRONT_RE, _BARE_KEY_RE
    # a page's metadata table copied as text: cells ``key value`` separated by spaces, no colon
    wide = "|".join("[ \u3000]{0,4}".join(map(re.escape, k)) for k in sorted(meta, key=len, reverse=True))
    _BARE_KEY_RE = re.compile(rf"(?:^|(?<=[\s|]))(?P<key>{wide})[ \t\u3000|]+(?=\S)")
    _RUN_KEY_RE = re.compile(rf"(?P<key>{keys})[ \t\u3000]*[:：][ \t\u3000]*")
    _INLINE_FRONT_RE = re.compile(
        rf"-{{3}}[ \t]*(?=(?:{keys})[ \t\u3000]*[:：])(?P<body>[^\n]{{1,2000}}?)-{{3}}"
    )
    line_re = re.compile("|".join(f"(?:{p})" for p in line))
    inline_re = re.compile("|".join(f"(?:{p})" for p in inline))
    return meta, key_re, line_re, inline_re


def layout(t: Text) -> tuple[Text, Header]:
    """The text with its wrapper set aside, and what the wrapper says."""
    header = Header(t.source, t.raw)
    text, offs = t.text, t.offsets
    for rule in (html_markup, front_matter, metadata_lines, chrome, markdown):
        text, offs = rule(text, offs, header)
    return Text(t.source, t.raw, text, offs), header


# ---------------------------------------------------------------- lines


def _line_spans(text: str, first: int = 0, last: int | None = None):
    """(start, end) of each line (``end`` at its newline) from ``first`` up to ``last`` lines."""
    pos, n = 0, 0
    while pos <= len(text) and (last is None or n < last):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        if n >= first:
            yield pos, end
        n += 1
        if nl < 0:
            return
        pos = nl + 1


def _drop_line(text: str, a: int, b: int) -> Edit:
    return a, min(b + 1, len(text)), "", []


def _pairs(text: str, a: int, b: int, key_re: re.Pattern) -> list[tuple[str, int, int]] | None:
    """The ``key: value`` pairs filling line ``text[a:b]`` as (key, value start, value end), or None.
    In a table row (cells between ``|`` or tabs, as a page's metadata table is saved) a value is
    the one cell after its key, so a key this table does not know ends the value before it."""
    line = text[a:b]
    found = list(key_re.finditer(line))
    if not found or line[: found[0].start()].strip(" \t|"):
        return None
    row = "|" in line or "\t" in line
    out = []
    for m, nxt in zip(found, found[1:] + [None], strict=True):
        vs, ve = m.end(), (nxt.start() if nxt else len(line))
        if row and (cell := _CELL_END_RE.search(line, vs, ve)):
            ve = cell.start()
        while ve > vs and line[ve - 1].isspace():
            ve -= 1
        out.append((_SPACES_RE.sub("", m["key"]), a + vs, a + ve))
    return out


_CELL_END_RE = re.compile(r"[ \t\u3000]*[|\t]")
_SPACES_RE = re.compile(r"[ \u3000]+")


def _field(header: Header, text: str, offs: array, key: str, vs: int, ve: int) -> None:
    meta = _patterns()[0]
    value = text[vs:ve].strip()
    if ve > vs:
        header.fields.append(Field(meta[key], key, value, offs[vs], offs[ve - 1] + 1))
    else:
        header.fields.append(Field(meta[key], key, "", offs[vs], offs[vs]))


# ---------------------------------------------------------------- rules


def front_matter(text: str, offs: array, header: Header) -> tuple[str, array]:
    """YAML front matter (``---`` lines around ``key: value`` lines at the top): its known keys are
    kept as fields, the block goes."""
    spans = list(_line_spans(text, 0, 200))
    first = next((i for i, (a, b) in enumerate(spans) if text[a:b].strip()), None)
    if first is None or text[slice(*spans[first])].strip() != "---":
        return inline_front_matter(text, offs, header, spans[:HEAD_LINES])
    close = next((i for i in range(first + 1, len(spans)) if text[slice(*spans[i])].strip() == "---"), None)
    if close is None:
        return text, offs
    key_re = _patterns()[1]
    for a, b in spans[first + 1 : close]:
        for key, vs, ve in _pairs(text, a, b, key_re) or ():
            _field(header, text, offs, key, vs, ve)
    return apply_edits(text, offs, [(spans[first][0], min(spans[close][1] + 1, len(text)), "", [])])


def inline_front_matter(text: str, offs: array, header: Header, spans) -> tuple[str, array]:
    """Front matter a crawl put on one line with the body (``---标题: …文号: …---``) among the first
    lines: each known key's value runs to the next key; the block goes."""
    _patterns()
    for a, b in spans:
        m = _INLINE_FRONT_RE.search(text, a, b)
        if m is None:
            continue
        found = list(_RUN_KEY_RE.finditer(text, m.start("body"), m.end("body")))
        for k, nxt in zip(found, found[1:] + [None], strict=True):
            ve = nxt.start() if nxt else m.end("body")
            while ve > k.end() and text[ve - 1].isspace():
                ve -= 1
            _field(header, text, offs, k["key"], k.end(), ve)
        return apply_edits(text, offs, [(m.start(), m.end(), "\n", [offs[m.start()]])])
    return text, offs


def metadata_lines(text: str, offs: array, header: Header) -> tuple[str, array]:
    """Lines of ``key: value`` pairs of known keys among the first lines: a metadata block when two
    or more such lines stand there, or one line holds two or more pairs. A table copied as text
    prints ``key value`` cells without a colon: such a line counts when it holds two or more keys."""
    key_re = _patterns()[1]
    found = []
    for a, b in _line_spans(text, 0, HEAD_LINES):
        p = _pairs(text, a, b, key_re)
        if not p and (bare := _pairs(text, a, b, _BARE_KEY_RE)) and len(bare) >= 2:
            p = bare
        if p:
            found.append((a, b, p))
    if not found or (len(found) < 2 and len(found[0][2]) < 2):
        return text, offs
    edits = []
    for a, b, pairs in found:
        for key, vs, ve in pairs:
            _field(header, text, offs, key, vs, ve)
        edits.append(_drop_line(text, a, b))
    return apply_edits(text, offs, edits)


_HEADING_RE = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+)+", re.M)
_QUOTE_RE = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)
_LIST_RE = re.compile(r"^[ \t]*[-*+][ \t]+(?=\S)", re.M)
_BOLD_RE = re.compile(r"(\*\*)(?=\S)([^\n]+?)(?<=\S)\*\*")
_IMAGE_RE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK_RE = re.compile(r"\[([^\]\n]+)\]\((?:https?://|/|\.)[^)\n]*\)")
_WIKILINK_RE = re.compile(r"\[\[([^\[\]|\n]{1,200})(?:\|([^\[\]\n]{1,200}))?\]\]")
_TABLE_RE = re.compile(r"^[ \t]*\|[^\n]*\|[ \t]*$", re.M)
_TABLE_RULE_RE = re.compile(r"[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-{3,}:?[ \t]*)?")


_TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]{0,9})\b[^<>\n]{0,300}?/?>")
_BLOCK_TAGS = frozenset("p div br h1 h2 h3 h4 h5 h6 li tr table ul ol section article blockquote".split())
_CELL_TAGS = frozenset(("td", "th"))
_INLINE_TAGS = frozenset("strong b i em u span font a img sup sub small big center label".split())
_ENTITY_RE = re.compile(r"&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(nbsp|lt|gt|amp|quot|apos|ensp|emsp));")
_ENTITIES = {
    "nbsp": " ",
    "lt": "<",
    "gt": ">",
    "amp": "&",
    "quot": '"',
    "apos": "'",
    "ensp": " ",
    "emsp": " ",
}


def html_markup(text: str, offs: array, header: Header) -> tuple[str, array]:
    """HTML a crawl kept inside a text or markdown file (``<p>…</p><p>…</p>``): a block tag becomes a
    line break, a closing cell tag a tab, an inline tag goes, an entity becomes its character. Only
    where two or more block tags stand, so a stray ``<`` in a sentence stays."""
    if "<" not in text:
        return text, offs
    tags = [m for m in _TAG_RE.finditer(text) if m[2].lower() in _BLOCK_TAGS | _CELL_TAGS | _INLINE_TAGS]
    if sum(1 for m in tags if m[2].lower() in _BLOCK_TAGS) < 2:
        return text, offs
    edits: list[Edit] = []
    for m in tags:
        name, closing = m[2].lower(), m[1] == "/"
        if name in _BLOCK_TAGS:
            edits.append((m.start(), m.end(), "\n", [offs[m.start()]]))
        elif name in _CELL_TAGS and closing:
            edits.append((m.start(), m.end(), "\t", [offs[m.start()]]))
        else:
            edits.append((m.start(), m.end(), "", []))
    for m in _ENTITY_RE.finditer(text):
        if m[1] or m[2]:
            code = int(m[1]) if m[1] else int(m[2], 16)
            ch = chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else ""
        else:
            ch = _ENTITIES[m[3]]
        edits.append((m.start(), m.end(), ch, [offs[m.start()]] if ch else []))
    return apply_edits(text, offs, _disjoint(edits))


def markdown(text: str, offs: array, header: Header) -> tuple[str, array]:
    """Markdown markup removed: heading marks, quote marks, list markers, bold, links and images;
    a pipe table row becomes its cells joined by tabs, its rule row goes."""
    if not any(c in text for c in "#>*_|[-+"):
        return text, offs
    edits: list[Edit] = []
    for pat in (_HEADING_RE, _QUOTE_RE, _LIST_RE, _IMAGE_RE):
        edits += [(m.start(), m.end(), "", []) for m in pat.finditer(text)]
    for m in _BOLD_RE.finditer(text):
        k = len(m[1])
        edits += [(m.start(), m.start() + k, "", []), (m.end() - k, m.end(), "", [])]
    for m in _LINK_RE.finditer(text):
        edits += [(m.start(), m.start(1), "", []), (m.end(1), m.end(), "", [])]
    for m in _WIKILINK_RE.finditer(text):
        edits += _wikilink(m, offs)
    for m in _TABLE_RE.finditer(text):
        edits.append(_table_row(text, offs, m.start(), m.end()))
    return apply_edits(text, offs, _disjoint(edits))


def _wikilink(m: re.Match, offs: array) -> list[Edit]:
    """A knowledge base's ``[[X]]`` / ``[[X|shown]]``: a document title X (ending in its 文种) is
    cited as ``《X》``; any other link keeps only the words it shows."""
    if doc_type(m[1]):
        return [(m.start(), m.start(1), "《", [offs[m.start()]]), (m.end(1), m.end(), "》", [offs[m.end(1)]])]
    shown = 2 if m[2] else 1
    return [(m.start(), m.start(shown), "", []), (m.end(shown), m.end(), "", [])]


def _table_row(text: str, offs: array, a: int, b: int) -> Edit:
    """``| x | y |`` -> ``x\\ty`` (a tab keeps the offset of the bar it stands for); a rule row goes."""
    if _TABLE_RULE_RE.fullmatch(text, a, b):
        return _drop_line(text, a, b)
    bars = [i for i in range(a, b) if text[i] == "|"]
    chars: list[str] = []
    o: list[int] = []
    for k, (x, y) in enumerate(zip(bars, bars[1:], strict=False)):
        if k:
            chars.append("\t")
            o.append(offs[x])
        s, e = x + 1, y
        while s < e and text[s] in " \t\u3000":
            s += 1
        while e > s and text[e - 1] in " \t\u3000":
            e -= 1
        chars.append(text[s:e])
        o.extend(offs[s:e])
    return a, b, "".join(chars), o


def chrome(text: str, offs: array, header: Header) -> tuple[str, array]:
    """Site chrome and database headers: whole lines that are chrome go, chrome inside a line goes."""
    _, _, line_re, inline_re = _patterns()
    edits: list[Edit] = []
    for a, b in _line_spans(text):
        s = text[a:b].strip()
        if s and line_re.fullmatch(s):
            edits.append(_drop_line(text, a, b))
    for m in inline_re.finditer(text):
        edits.append((m.start(), m.end(), "", []))
    return apply_edits(text, offs, _disjoint(edits))


def _disjoint(edits: list[Edit]) -> list[Edit]:
    """Sorted edits, an edit overlapping an earlier (wider first) one left out."""
    out: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e[0], -e[1])):
        if out and e[0] < out[-1][1]:
            continue
        out.append(e)
    return out

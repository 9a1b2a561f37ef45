"""The main text of an HTML page: block elements as lines, table rows with cells joined by ``\\t``.

The charset a page declares is used when its bytes decode with it; a page that declares one and
holds another (utf-8 declared, GBK bytes) is decoded as its bytes say. Nesting deeper than
:data:`MAX_DEPTH` is refused with that reason, never cut off silently.
"""

from __future__ import annotations

import re

from kg.read.decode import BOMS, decode_text, strict
from kg.read.errors import ReadError

MAX_DEPTH = 400  # elements inside one another; real pages stay under 60
_HTML_DROP = {
    "script", "style", "nav", "header", "footer", "noscript", "template", "iframe", "svg",
    "head", "button", "select", "form", "aside",
}  # fmt: skip
_HTML_BLOCK = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table",
    "thead", "tbody", "tfoot", "section", "article", "main", "blockquote", "pre", "address",
    "figure", "figcaption", "center", "hr", "caption", "body", "html",
}  # fmt: skip
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
_WS_RE = re.compile(r"[ \t\r\n\f\u00a0]+")
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_CJK_BREAK_RE = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n\s*(?=[{_CJK}])")
_GB = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936"}


def read_html_bytes(data: bytes) -> str:
    """The main text of an HTML page: block elements as lines, table rows with cells joined by ``\\t``."""
    import lxml.html

    text = decode_html(data)
    text = _XML_DECL_RE.sub("", text)
    if not text.strip():
        raise ReadError("empty")
    parser = lxml.html.HTMLParser(huge_tree=True)  # libxml2's own depth limit (256) drops silently
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except Exception as e:  # lxml raises ParserError / ValueError on junk
        raise ReadError(f"broken HTML: {e}") from None
    if depth(root) > MAX_DEPTH or any("Excessive depth" in str(e) for e in parser.error_log):
        raise ReadError(f"HTML nested deeper than {MAX_DEPTH} elements")
    body = root.find("body")
    if body is None:
        body = root
    main = _main_element(body)
    lines: list[str] = []
    cur = [main.text] if main.text else []
    _html_walk(main, lines, cur)
    _html_flush(lines, cur)
    return "\n".join(lines)


def depth(root) -> int:
    """How many elements deep the tree goes (without recursion)."""
    from lxml import etree

    d = deepest = 0
    for event, _el in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            d += 1
            deepest = max(deepest, d)
        else:
            d -= 1
    return deepest


def decode_html(data: bytes) -> str:
    """The page's characters: by its BOM; valid UTF-8 with non-ASCII bytes is UTF-8 whatever the
    page declares; else the declared charset if the bytes decode with it; else detected from the bytes."""
    for bom, enc in BOMS:
        if data.startswith(bom):
            return strict(data[len(bom) :], enc)
    try:
        text = data.decode("utf-8")
        if not text.isascii():
            return text
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET_RE.search(data[:8192])
    declared = m.group(1).decode("ascii").lower() if m else None
    if declared in _GB:
        declared = "gb18030"
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return decode_text(data)
    except ReadError:
        if not declared:
            raise
    try:  # a page that lies a little about its charset: a few bytes replaced, no more
        text = data.decode(declared, errors="replace")
    except LookupError:
        raise ReadError(f"not text: unknown charset {declared!r}") from None
    if text.count("\ufffd") > max(8, len(text) // 1000):
        raise ReadError(f"not text: neither {declared} (as declared) nor any encoding detected")
    return text


def _main_element(body):
    """``<main>`` or the single ``<article>`` when it holds most of the text, else the body."""
    total = len("".join(body.itertext()).strip()) or 1
    for xp in ("//main", "//article"):
        found = body.xpath(xp)
        if len(found) == 1 and len("".join(found[0].itertext()).strip()) >= 0.3 * total:
            return found[0]
    return body


def _html_walk(el, lines: list[str], cur: list[str]) -> None:
    """Append the lines of ``el`` to ``lines``; ``cur`` collects the inline text of the open line."""
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else None
        if tag is None or tag.lower() in _HTML_DROP:
            pass
        elif tag.lower() == "br":
            _html_flush(lines, cur)
        elif tag.lower() == "tr":
            _html_flush(lines, cur)
            row = "\t".join(_html_cell(c) for c in child if isinstance(c.tag, str) and c.tag in ("td", "th"))
            if row.strip():
                lines.append(row)
        elif tag.lower() in _HTML_BLOCK:
            _html_flush(lines, cur)
            if child.text:
                cur.append(child.text)
            _html_walk(child, lines, cur)
            _html_flush(lines, cur)
        else:
            if child.text:
                cur.append(child.text)
            _html_walk(child, lines, cur)
        if child.tail:
            cur.append(child.tail)


def _html_cell(cell) -> str:
    inner: list[str] = []
    cur = [cell.text] if cell.text else []
    _html_walk(cell, inner, cur)
    _html_flush(inner, cur)
    return " ".join(s.replace("\t", " ") for s in inner)


def _html_flush(lines: list[str], cur: list[str]) -> None:
    if not cur:
        return
    s = _CJK_BREAK_RE.sub("", "".join(cur))
    s = _WS_RE.sub(" ", s).strip()
    cur.clear()
    if s:
        lines.append(s)

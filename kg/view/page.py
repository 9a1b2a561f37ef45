"""The explorer page: one self-contained HTML file (vis-network from the pyvis package inlined, no URL
that a browser would fetch), the graph's data embedded as escaped JSON."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from kg.terminal import UNSAFE_RE
from kg.view.model import KINDS, LEVELS, RELATIONS

HERE = Path(__file__).parent
VIS_VERSION = "vis-9.1.2"
_SLOT = re.compile(r"@@([A-Z_]+)@@")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@cache
def vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS as shipped inside pyvis 0.3.2 (``pyvis/templates/lib``)."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / VIS_VERSION
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(
        encoding="utf-8"
    )


@cache
def _asset(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def json_for_script(data: object) -> str:
    """JSON safe inside ``<script type="application/json">``: ``<``, ``>``, ``&`` as ``\\u003c`` etc.;
    bidi controls (U+202E would show a quote reversed), DEL and C1 controls dropped from the values."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = UNSAFE_RE.sub("", text)  # JSON already escapes C0 controls as \\u00XX
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


def _script_safe(code: str, name: str) -> str:
    if re.search(r"</script|<!--", code, re.I):
        raise ValueError(f"{name} cannot be inlined in a <script> element")
    return code


def render(model: dict, title: str = "govdoc-kg explorer") -> str:
    """The whole page for ``model`` (see :func:`kg.view.model.build_model`)."""
    vis_js, vis_css = vis_assets()
    data = {**model, "meta": {"kinds": KINDS, "levels": LEVELS, "relations": RELATIONS}}
    slots = {
        "TITLE": title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
        "VIS_CSS": vis_css.replace("</style", "<\\/style"),
        "CSS": _asset("explorer.css"),
        "DATA": json_for_script(data),
        "VIS_JS": _script_safe(vis_js, "vis-network.min.js"),
        "JS": _script_safe(_asset("explorer.js"), "explorer.js"),
    }
    return _SLOT.sub(lambda m: slots[m.group(1)], _asset("template.html"))

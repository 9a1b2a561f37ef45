"""What ``kg`` prints: every line goes through :class:`SafeStream`, which removes the control and bidi
characters of untrusted text (``ESC ] 0 ; … BEL`` retitling a terminal, ``ESC [ 2 J`` clearing it,
U+202E reversing a line) while tab, line feed and carriage return pass; JSON keeps those characters
as ``\\uXXXX`` escapes (:func:`json_text`), so nothing of the data is lost there."""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:  # pragma: no cover
    from pathlib import Path

# C0 but tab, line feed, carriage return; DEL and C1; bidi embeddings, overrides, isolates and marks.
# Removed or escaped with str.translate, not a regex: a lookup that prints does not import re (~5 ms).
UNSAFE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE_CODES = (
    *range(0x00, 0x09),
    0x0B,
    0x0C,
    *range(0x0E, 0x20),
    *range(0x7F, 0xA0),
    0x061C,
    0x200E,
    0x200F,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
)
_DROP = dict.fromkeys(_UNSAFE_CODES)
_ESCAPE = {c: f"\\u{c:04x}" for c in _UNSAFE_CODES}
_SURROGATES = {c: f"%{c - 0xDC00:02X}" for c in range(0xDC80, 0xDD00)}


def __getattr__(name: str):
    """``UNSAFE_RE``: the same characters as a compiled class, made on first use (for callers that
    need a regex; what kg prints goes through :func:`safe`)."""
    if name == "UNSAFE_RE":
        import re

        globals()[name] = re.compile(f"[{UNSAFE}]")
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def display_name(path: Path | str) -> str:
    """``path`` as a string that is valid Unicode: a name's bytes that are not UTF-8 shown as
    ``%NN`` (``str(path)`` holds them as lone surrogates, which no UTF-8 output can write)."""
    return os.fsdecode(path).translate(_SURROGATES)


def safe(s: str) -> str:
    """``s`` without the characters that would act on a terminal instead of being shown."""
    return s.translate(_DROP)


def json_text(obj, indent: int = 1) -> str:
    """``obj`` as JSON (UTF-8 characters as they are) with control and bidi characters escaped."""
    import json  # here: a lookup printing text does not load it

    text = json.dumps(obj, ensure_ascii=False, indent=indent)
    return text.translate(_ESCAPE)


class SafeStream:
    """A text stream that writes :func:`safe` text to the stream it wraps."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, s: str) -> int:
        self._stream.write(safe(s))
        return len(s)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def error_line(path: Path | str | None, reason: str) -> str:
    """``kg: <path>: <reason>`` (``kg: <reason>`` without a path), one line whatever they hold."""
    line = f"kg: {reason}" if path is None else f"kg: {display_name(str(path))}: {reason}"
    return " ".join(safe(line).split())


def say_error(path: Path | str | None, reason: str) -> None:
    print(error_line(path, reason), file=sys.stderr)

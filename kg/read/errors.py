"""The one error every reader raises, and the limits that hold on what is read."""

from __future__ import annotations

MAX_CHARS = 20_000_000  # characters of text per input, whatever its size on disk


class ReadError(Exception):
    """A file that cannot be read; ``str(err)`` is a short reason for ``kg: <path>: <reason>``."""


def check_chars(n: int) -> None:
    """ReadError when ``n`` characters are more than one input may hold."""
    if n > MAX_CHARS:
        raise ReadError(f"too long: {n:,} characters of text (limit {MAX_CHARS:,})")

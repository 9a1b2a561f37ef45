"""The errors ``kg`` prints as one line (``kg: <path>: <reason>``) and the check of a graph file,
in a module that imports next to nothing: the command line catches them, and lookups check their
graph, without loading the libraries (rdflib) that write and parse graphs."""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:  # pragma: no cover
    from pathlib import Path


class OutputError(Exception):
    """An output that cannot be written: ``kg: <path>: <reason>``, exit status 2."""

    def __init__(self, path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


class GraphError(Exception):
    """A graph file that cannot be read (corrupt, truncated, not Turtle): ``kg: <path>: <reason>``."""

    def __init__(self, path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


def existing_graph(path: Path | str) -> Path:
    """``path`` as a Path; FileNotFoundError (``kg`` prints it as one line) when no graph is there."""
    from pathlib import Path

    return Path(check_graph(path))


def check_graph(path: Path | str) -> str:
    """:func:`existing_graph` with :mod:`os.path` (what a lookup uses): ``path`` as a string."""
    path = os.fspath(path)
    if os.path.exists(path) and not os.path.isfile(path):
        raise GraphError(path, "not a graph file (a folder or a special file)")
    if os.path.isfile(path) and os.stat(path).st_size == 0:  # a write cut short at its start, not a graph
        raise GraphError(path, "an empty file, not a graph")
    if not os.path.isfile(path):
        raise FileNotFoundError(2, "no such graph (build one with `kg build PATH -o OUTDIR`)", path)
    return path

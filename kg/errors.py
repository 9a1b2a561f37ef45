"""The errors ``kg`` prints as one line (``kg: <path>: <reason>``) and the check of a graph file,
in a module that imports next to nothing: the command line catches them, and lookups check their
graph, without loading the libraries (rdflib) that write and parse graphs."""

from __future__ import annotations

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
    path = Path(path)
    if path.exists() and not path.is_file():
        raise GraphError(path, "not a graph file (a folder or a special file)")
    if path.is_file() and path.stat().st_size == 0:  # a write cut short at its start, not a graph
        raise GraphError(path, "an empty file, not a graph")
    if not path.is_file():
        raise FileNotFoundError(2, "no such graph (build one with `kg build PATH -o OUTDIR`)", str(path))
    return path

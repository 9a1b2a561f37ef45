"""Where graphs are written and read: Turtle files, written atomically, and SPARQL over them.

A built graph is a list of Oxigraph triples (:func:`from_ntriples`), sorted so that each subject's
triples come together; graphs built by hand with rdflib are accepted wherever a graph is
(:func:`triples`). Reading a built graph for lookups and SPARQL goes through an Oxigraph store: it
parses and queries many times faster than rdflib's memory store and evaluates property paths
(``eli:cites+``) without recursion limits. This module is the one place that knows; a SPARQL server
could take over behind the same functions.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import GraphError, existing_graph
from kg.vocab import PREFIXES


class NTriples:
    """A graph as N-Triples lines, sorted and unique, kept in a spooled temporary file (in memory
    while small, on disk when large: a 20 MB corpus's graph is ~170 MB of lines). Each pass over its
    triples parses them again, streamed by Oxigraph; one pass at a time."""

    SPOOL = 32 * 2**20  # bytes kept in memory before the lines go to a file

    def __init__(self, chunks: Iterable[bytes]):
        """``chunks``: runs of whole lines, in order, without their last line end."""
        self._file = tempfile.SpooledTemporaryFile(max_size=self.SPOOL)
        for c in chunks:
            self._file.write(c)
            self._file.write(b"\n")

    def __iter__(self):
        self._file.seek(0)
        return iter(ox.parse(self._file, format=ox.RdfFormat.N_TRIPLES))

    def values(self) -> Iterator[tuple[str, str, str]]:
        """Each triple as three plain strings: IRIs without their brackets, a literal's lexical form
        (language and datatype dropped), blank nodes as ``_:label``. Read from the lines directly:
        several times faster than making Oxigraph terms, for readers that need only the values."""
        self._file.seek(0)
        for line in self._file:
            if line.strip():
                s, p, o = line.decode("utf-8").rstrip().removesuffix(" .").split(" ", 2)
                yield _value(s), p[1:-1], _value(o)


_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(m: re.Match) -> str:
    return chr(int(m.group(1) or m.group(2), 16)) if m.group(3) is None else _ECHAR[m.group(3)]


def _value(term: str) -> str:
    """The value of one N-Triples term."""
    if term[0] == "<":
        return term[1:-1]
    if term[0] == '"':
        v = term[1 : term.rindex('"')]
        return _ESCAPE.sub(_unescape, v) if "\\" in v else v
    return term


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename. An OSError
    names ``path`` (never the temporary), so that ``kg`` can say which of the user's paths failed."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        above = path.parent
        while above != above.parent and not above.exists():
            above = above.parent
        why = f"{above} is a file, not a folder" if above.exists() and not above.is_dir() else e.strerror
        raise OSError(e.errno, f"cannot make its folder: {why}", str(path)) from None
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
    if path.exists() and not path.is_file():  # a device or FIFO: never replaced by a file
        raise OSError(errno.EEXIST, "exists and is not a regular file", str(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise OSError(e.errno, f"cannot write ({e.strerror})", str(path)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600 files; outputs are ordinary files
        os.replace(tmp, path)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise OSError(e.errno, f"cannot write ({e.strerror})", str(path)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def from_ntriples(lines: Iterable[str]) -> NTriples:
    """N-Triples lines as a graph: sorted (one subject's triples together), duplicates dropped."""
    return NTriples(ln.encode("utf-8") for ln in sorted(set(lines)) if ln.strip())


def triples(g: NTriples | Graph) -> NTriples:
    """The triples of a built graph, or of an rdflib graph (made by hand in tests and scripts)."""
    if isinstance(g, Graph):
        return from_ntriples(g.serialize(format="nt", encoding="utf-8").decode("utf-8").split("\n"))
    return g


def save_turtle(g: NTriples | Graph, path: Path, prefixes: dict[str, str] | None = None) -> None:
    """Write a graph as Turtle (Oxigraph's writer: much faster than rdflib's), each subject once."""
    if isinstance(g, Graph):
        prefixes = {p: str(ns) for p, ns in g.namespaces() if p}
    elif prefixes is None:
        prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    write_atomic(path, ox.serialize(triples(g), format=ox.RdfFormat.TURTLE, prefixes=prefixes))


@contextmanager
def _parsing(path: Path) -> Iterator[None]:
    """Parser and file errors as one GraphError naming ``path``."""
    try:
        yield
    except SyntaxError as e:  # what Oxigraph raises for a file that is not (valid) Turtle
        msg = str(e.msg if getattr(e, "msg", None) else e).split("\n", 1)[0]
        raise GraphError(path, f"not a readable Turtle graph: {msg}") from None
    except UnicodeDecodeError:
        raise GraphError(path, "not a readable Turtle graph: not UTF-8") from None
    except OSError as e:
        raise GraphError(path, f"cannot read: {e.strerror or e}") from None


def read_triples(path: Path) -> NTriples:
    """The graph in the Turtle file at ``path``."""
    existing_graph(path)
    with _parsing(path):
        quads = ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
        nt = ox.serialize(quads, format=ox.RdfFormat.N_TRIPLES)
    return from_ntriples(nt.decode("utf-8").split("\n"))


def load(path: Path) -> ox.Store:
    """An in-memory Oxigraph store holding the Turtle file at ``path``."""
    existing_graph(path)
    store = ox.Store()
    with _parsing(path):
        store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
    return store


def load_rdflib(path: Path) -> Graph:
    """The graph at ``path`` as an rdflib Graph (for code that walks triples)."""
    store = load(path)
    g = Graph()
    g.parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()), format="nt")
    return g

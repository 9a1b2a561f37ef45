"""A built graph opened for questions: what :func:`kg.open` returns and the commands use.

Each lookup returns a small result object holding what was found (plain records from the lookup
modules) and the ways to print it (``render``, ``to_json``, ``to_csv`` …), so that the ``kg``
commands and a Python user call the same functions. The graph is read into an Oxigraph store once,
on the first question. A lookup finds its graph with :mod:`os.path`, not pathlib (which imports
re, urllib.parse, ipaddress …: ~8 ms of every ``kg who``); ``path`` is a Path when asked for.
"""

from __future__ import annotations

import os

from kg.query.lookup import NotFound
from kg.records import Record, fresh

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a lookup does not need it)
if TYPE_CHECKING:  # pragma: no cover
    from datetime import date
    from pathlib import Path

    from kg.query.docs import Doc
    from kg.query.orgs import Identify, Org
    from kg.query.tasks import Matrix
    from kg.query.trace import TraceLine
    from kg.query.who import Who

GRAPH_FILE = "graph.ttl"


def graph_file(graph: Path | str) -> Path:
    """The Turtle file of ``graph``: the file itself, or ``graph.ttl`` in a build's output folder;
    a graph.oxigraph store folder itself, or the ``graph.ttl`` of a folder that holds only its store
    (lookups open the store; :func:`kg.diskstore.open_graph`); FileNotFoundError when there is none."""
    from pathlib import Path

    return Path(graph_where(graph))


def graph_where(graph: Path | str) -> str:
    """:func:`graph_file` as a string, found with :mod:`os.path` (the lookups' way)."""
    from kg.diskstore import is_store, store_dir
    from kg.errors import check_graph

    path = os.fspath(graph)
    if os.path.isdir(path) and is_store(path):
        return path
    ttl = os.path.join(path, GRAPH_FILE) if os.path.isdir(path) else path
    if not os.path.exists(ttl) and is_store(store_dir(ttl)):
        return ttl
    return check_graph(ttl)


class WhoResult(Record):
    """The tasks of one organisation, by document."""

    found: Who

    def render(self, full: bool = False) -> str:
        from kg.query import who

        return who.render(self.found, full=full)

    def to_json(self) -> dict:
        from kg.query import who

        return who.to_json(self.found)

    def to_csv(self) -> str:
        from kg.query import who

        return who.to_csv(self.found)


class TasksResult(Record):
    """The tasks of a document with their units (task × unit)."""

    found: Matrix

    def render(self, matrix: bool = False) -> str:
        from kg.query import tasks

        return tasks.render_matrix(self.found) if matrix else tasks.render_list(self.found)

    def to_json(self) -> list[dict]:
        from kg.query import tasks

        return tasks.to_json(self.found)

    def write_csv(self, path: Path | str) -> None:
        from kg.query import tasks

        tasks.write_csv(self.found, path)

    def write_xlsx(self, path: Path | str) -> None:
        from kg.query import tasks

        tasks.write_xlsx(self.found, path)


class TraceResult(Record):
    """The documents a document rests on (``up``) or that rest on it (``down``), as tree lines."""

    lines: list[TraceLine]
    direction: str

    def render(self) -> str:
        from kg.query import trace

        return trace.render(self.lines, self.direction)

    def to_json(self) -> list[dict]:
        from kg.query import trace

        return trace.to_rows(self.lines)


class DocsResult(Record):
    """Documents that pass the filters."""

    docs: list[Doc]
    on: date | None = None

    def render(self) -> str:
        from kg.query import docs

        return docs.render(self.docs, self.on)

    def to_json(self) -> list[dict]:
        from kg.query import docs

        return [docs.as_dict(d) for d in self.docs]

    def to_csv(self) -> str:
        from kg.query import docs

        return docs.to_csv(self.docs, dated=self.on is not None)


class OrgsResult(Record):
    """Organisations, most tasks first."""

    orgs: list[Org]
    detail: bool = False

    def render(self) -> str:
        from kg.query import orgs

        return orgs.render(self.orgs, detail=self.detail)

    def to_json(self) -> list[dict]:
        return [o.to_dict() for o in self.orgs]


class StatsResult(Record):
    """The corpus at a glance: counts, agency load, most-cited documents, documents to collect."""

    summary: dict = fresh(dict)

    def render(self) -> str:
        from kg.query import stats

        return stats.render(self.summary)

    def to_json(self) -> dict:
        return self.summary


class BuiltGraph:
    """A graph built by ``kg build`` (its ``graph.ttl``), opened for lookups.

    ``identify``: what the resolver makes of an organisation's name, for names printed nowhere in
    the graph (see :func:`kg.query.orgs.find_orgs`); :func:`kg.open` passes the resolver's.
    """

    def __init__(self, graph: Path | str, identify: Identify | None = None, endpoint: str | None = None):
        self.endpoint = endpoint
        self.where = None if endpoint else graph_where(graph)
        self.identify = identify
        self._store = None

    @property
    def path(self) -> Path | None:
        """The graph's Turtle file (or store folder); None for an endpoint."""
        from pathlib import Path

        return None if self.where is None else Path(self.where)

    def __repr__(self) -> str:
        return f"BuiltGraph({str(self.endpoint or self.where)!r})"

    @property
    def store(self):
        """What the lookups query (opened on first use): the SPARQL ``endpoint`` when one was given,
        else the build's on-disk store read-only, else ``graph.ttl`` parsed (:func:`kg.query.lookup.open_store`)."""
        if self._store is None:
            from kg.query.lookup import open_store

            self._store = open_store(self.where, self.endpoint)
        return self._store

    def who(self, org: str, role: str | None = None) -> WhoResult:
        """The tasks of the organisation ``org`` (any form of its name), optionally in one ``role``
        (lead / responsible / supporting); :class:`NotFound` when no (or more than one) organisation matches."""
        from kg.query import who

        return WhoResult(who.who(self.store, org, role, identify=self.identify))

    def tasks(self, doc: str) -> TasksResult:
        """The tasks of a document (a 文号 in any spelling, a title fragment, or ``all``)."""
        from kg.query import tasks

        return TasksResult(tasks.build_matrix(self.store, doc))

    def trace(self, doc: str, direction: str = "up", depth: int | None = None) -> TraceResult:
        """What ``doc`` rests on (``up``) or what rests on it (``down``), ``depth`` levels at most."""
        from kg.query import trace

        start = trace.resolve_document(self.store, doc)
        return TraceResult(trace.trace(self.store, start, direction, depth), direction)

    def docs(
        self,
        in_force: date | None = None,
        issuer: str | None = None,
        kind: str | None = None,
        printed_only: bool = True,
    ) -> DocsResult:
        """Documents in force on a date, by issuer (any form of its name), by kind (意见, 实施方案 …);
        ``printed_only=False`` adds documents that are only cited."""
        from kg.query import docs

        rows = docs.select(docs.load(self.store), in_force, issuer, kind, printed_only)
        return DocsResult(rows, in_force)

    def orgs(self, name: str | None = None) -> OrgsResult:
        """Every organisation, or those ``name`` names (exact label, then substring, then the resolver's key)."""
        from kg.query import orgs

        return OrgsResult(orgs.lookup_orgs(self.store, name, self.identify), detail=name is not None)

    def stats(self, top: int = 15) -> StatsResult:
        """Counts, agency load, most-cited documents and the documents to collect (``top`` rows, 0 = all)."""
        from kg.query import netx, stats

        return StatsResult(stats.summary(netx.to_networkx(self.store), top=top))

    def query(self, sparql: str, **bindings) -> list[dict[str, object]] | bool:
        """Run a SPARQL query (the graph's prefixes are declared): SELECT rows as dicts of plain
        values, ASK a bool. ``bindings`` give variables a value (a str, as a plain literal), the
        safe way to put user input into a query; Oxigraph binds only variables the SELECT lists."""
        from kg.query import lookup

        return lookup.select(self.store, sparql, **{k: lookup.literal(v) for k, v in bindings.items()})

    def export(self, to: str, out: Path | str, kinds=None) -> list[Path]:
        """Write the graph as ``to`` (graphml, gexf, jsonld, nt, csv) to ``out``; the paths written."""
        from pathlib import Path

        from kg.query import export

        return export.export(self.store, to, Path(out), kinds=kinds)

    def validate(self, limit: int = 50) -> list[str]:
        """SHACL violations (one line each; empty when the graph conforms)."""
        from kg.query.validate import validate

        return validate(self.path, limit=limit)

    def view(
        self, out: Path | str, focus: str | None = None, depth: int = 2, max_start: int = 5
    ) -> tuple[int, int]:
        """Write the HTML explorer to ``out``: the whole graph, or the ``depth`` steps around the
        (at most ``max_start``) nodes named like ``focus``. Returns (nodes matching focus, nodes shown);
        :class:`NotFound` when nothing is named like ``focus``."""
        from pathlib import Path

        from kg.store import read_triples
        from kg.view import write_model_view
        from kg.view.focus import find, neighbourhood
        from kg.view.model import build_model, subset

        model = build_model(read_triples(self.path))
        title, hits = "govdoc-kg explorer", []
        if focus:
            hits = find(model, focus)
            if not hits:
                raise NotFound(f"no node is named like {focus!r}")
            start = hits[:max_start]
            model = subset(model, neighbourhood(model, start, depth), start)
            title = f"govdoc-kg: {focus}"
        write_model_view(model, Path(out), title)
        return len(hits), len(model["nodes"])

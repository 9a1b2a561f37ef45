"""govdoc-kg: a knowledge graph of Chinese government publications, and the questions it answers.

The library the ``kg`` commands call::

    import kg

    facts = kg.extract_text("各镇（街道）要加强巡查（牵头单位：区建设局）。", jurisdiction="绍兴市柯桥区")
    result = kg.build(["samples"], "output")        # writes output/graph.ttl and output/graph.html
    g = kg.open("output")                            # the folder or its graph.ttl
    print(g.who("区建设局", role="lead").render())
    problems = kg.validate("output")                 # SHACL violations, [] when the graph conforms

This module joins the two halves of the package, the build side (read, clean, segment, extract,
resolve, graph) and the query side (kg.query, kg.view); it imports them only inside the functions,
so ``import kg`` (and ``kg --help``) stays light.
"""

from __future__ import annotations

import sys
import types

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a lookup does not need it)
if TYPE_CHECKING:  # pragma: no cover
    from pathlib import Path

    from kg.build import BuildResult
    from kg.models import Facts, Jurisdiction
    from kg.query.built import BuiltGraph

__all__ = ["NotFound", "build", "extract_text", "open", "validate"]


def extract_text(text: str, jurisdiction: str | Jurisdiction | None = None, source: str = "<text>") -> Facts:
    """The facts of one publication given as a string: organisation mentions, citations and tasks,
    each with evidence (``source`` and character offsets into ``text``).

    ``jurisdiction``: the government the text belongs to (``"绍兴市柯桥区"``), against which a later
    resolution reads 区/市/省 (``区建设局``); found from the text (its issuers, header, the places it
    names) when None. ValueError when a given name is no known place.
    """
    from kg.build import text_publication
    from kg.models import Text
    from kg.pipeline import extract

    return extract(text_publication(Text.from_raw(source, text), _jurisdiction(jurisdiction)))


def _jurisdiction(where: str | Jurisdiction | None) -> Jurisdiction | None:
    from kg.divisions import jurisdiction_of
    from kg.models import Jurisdiction

    if where is None or isinstance(where, Jurisdiction):
        return where
    found = jurisdiction_of("", [where])
    if found is None:
        raise ValueError(f"not a known place or government: {where!r}")
    return found


def build(
    paths,
    outdir: Path | str = "output",
    view: bool = True,
    progress=None,
    jobs: int = 1,
    cache: bool = False,
    scheduler: str | None = None,
) -> BuildResult:
    """Build ``outdir/graph.ttl`` (and, with ``view``, ``outdir/graph.html``) and the store
    ``graph.oxigraph`` from publications: files or folders (walked), read and extracted in ``jobs``
    processes (or on a Dask ``scheduler``'s workers), reusing the facts of unchanged inputs with ``cache``.
    The result lists the inputs that could not be read (``errors``)."""
    from pathlib import Path

    from kg.build import build as build_graph

    if isinstance(paths, str | Path):
        paths = [paths]
    return build_graph(
        [Path(p) for p in paths],
        Path(outdir),
        progress=progress,
        view=view,
        jobs=jobs,
        cache=cache,
        scheduler=scheduler,
    )


def open(graph: Path | str = "output", endpoint: str | None = None) -> BuiltGraph:  # noqa: A001
    """A built graph opened for lookups: ``graph`` is its ``graph.ttl`` or the build's output folder
    (its on-disk store is opened read-only when there is one), or a SPARQL ``endpoint`` URL.
    The result has ``who``, ``tasks``, ``trace``, ``docs``, ``orgs``, ``stats``, ``query(sparql)``,
    ``export``, ``view`` and ``validate``. FileNotFoundError when there is no graph."""
    from kg.query.built import BuiltGraph

    return BuiltGraph(graph, identify=_identify, endpoint=endpoint)


def validate(graph: Path | str | BuiltGraph = "output", limit: int = 0) -> list[str]:
    """SHACL violations of a built graph (a graph.ttl, an output folder, or an opened graph), one
    line each (focus node, property, message), at most ``limit`` (0: all); [] when it conforms."""
    from kg.query.built import BuiltGraph, graph_file
    from kg.query.validate import validate as shacl

    path = graph.path if isinstance(graph, BuiltGraph) else graph_file(graph)
    return shacl(path, limit=limit)


def _identify(name: str) -> tuple[str, str] | None:
    """(key, canonical name) the resolver gives an organisation's name read without a place."""
    from kg.resolve.org_identity import identify

    ident = identify(name, None)
    return (ident.key, ident.canonical) if ident else None


def __getattr__(name: str):
    if name == "NotFound":  # what a lookup raises when nothing (or more than one thing) matches
        from kg.query.lookup import NotFound

        return NotFound
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


class _Package(types.ModuleType):
    """``kg.build`` is the function above, also once the module kg/build.py has been imported (the
    import system sets each submodule as an attribute of its package)."""

    def __setattr__(self, name: str, value) -> None:
        if name in __all__ and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

"""One module per ``kg`` sub-command; each has ``register(subparsers)`` and imports heavy
libraries only inside the function that runs the command (so ``kg --help`` stays fast).

Commands call the public API (:mod:`kg`: ``kg.build``, ``kg.open``, ``kg.validate``) and nothing
else. The small pieces every command that reads a graph shares are here: the graph argument
(``-g/--graph`` everywhere) and opening it (a missing graph is one line on stderr and exit status 2,
see ``kg.cli``).
"""

from __future__ import annotations

NAMES = (
    "build",
    "validate",
    "orgs",
    "who",
    "tasks",
    "trace",
    "stats",
    "docs",
    "export",
    "view",
    "serve",
    "push",
)
DEFAULT_GRAPH = "output/graph.ttl"


def graph_argument(p, positional: bool = False) -> None:
    """``-g/--graph GRAPH`` on every command that reads a graph, and where a command took it so
    (``kg docs GRAPH``) also the positional ``GRAPH``; a graph.ttl or a build's output folder,
    output/graph.ttl when not given."""
    if positional:
        p.add_argument("graph_pos", nargs="?", metavar="GRAPH", help="the same as -g GRAPH")
    p.add_argument(
        "-g", "--graph", help=f"a graph.ttl or the folder kg build wrote it to (default: {DEFAULT_GRAPH})"
    )
    p.set_defaults(graph_parser=p)


def graph_path(a) -> str:
    """The graph the command was given (positional or ``-g``), else the default; giving two
    different graphs is a usage error (exit status 2)."""
    pos = getattr(a, "graph_pos", None)
    if pos and a.graph and pos != a.graph:
        a.graph_parser.error(f"two graphs given ({pos} and -g {a.graph}); give one")
    return a.graph or pos or DEFAULT_GRAPH


def open_graph(a):
    """The graph the command was given, opened (:func:`kg.open`); FileNotFoundError (one line from
    ``kg``) when it is not there."""
    import kg

    endpoint = getattr(a, "endpoint", None)
    return kg.open(graph_path(a) if not endpoint else None, endpoint=endpoint)


def at_least(low: int):
    """An argparse type: an integer no smaller than ``low`` (``--depth -1`` is refused, not run)."""

    def parse(s: str) -> int:
        import argparse

        try:
            n = int(s)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {s!r}") from None
        if n < low:
            raise argparse.ArgumentTypeError(f"must be {low} or more, not {n}")
        return n

    return parse


def choice(options: tuple[str, ...]):
    """A value that must be one of ``options`` (what argparse's ``choices`` checks), for :class:`Quick`."""

    def check(s: str) -> str:
        if s not in options:
            raise ValueError(s)
        return s

    return check


def path_argument(s: str) -> str:
    """An argparse type: a path that is not empty (``-o ""`` would mean the current folder)."""
    if not s.strip():
        import argparse

        raise argparse.ArgumentTypeError("an empty path")
    return s


def endpoint_argument(p) -> None:
    """``--endpoint URL`` on a lookup command."""
    p.add_argument(
        "--endpoint",
        metavar="URL",
        help="query this SPARQL endpoint (e.g. from `kg serve`) instead of a local graph",
    )


def print_candidates(command: str, error: Exception, lines) -> int:
    """``kg COMMAND: <why>`` and the near matches, one per line, on stderr; exit status 1."""
    import sys

    print(f"kg {command}: {error}", file=sys.stderr)
    for line in lines:
        print(f"  {line}", file=sys.stderr)
    return 1


class Args:
    """Parsed arguments, as argparse's Namespace holds them (made by :func:`quick_args`)."""

    def __init__(self, **kw):
        self.__dict__.update(kw)

    def __repr__(self) -> str:
        return f"Args({', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())})"


class Quick:
    """How a lookup command's plain arguments are read without argparse: its one positional
    argument, its flags (``--json``), its options that take a value (``-g GRAPH``: option -> (dest,
    type or None)), and its groups of mutually exclusive dests. It must say what the command's
    ``register`` says (tests/test_cli_quick.py compares the two on many command lines)."""

    def __init__(self, positional: str, flags: dict, values: dict, exclusive: tuple = ()):
        self.positional, self.flags, self.values, self.exclusive = positional, flags, values, exclusive

    def parse(self, command: str, args: list[str], run) -> Args | None:
        """The arguments as argparse would read them, or None when they are anything but plain:
        an unknown or abbreviated option, ``--x=y``, ``--``, ``-h``, a value argparse would refuse, a
        missing or second positional, two options of one exclusive group (argparse then says why)."""
        out = {"command": command, self.positional: None}
        out.update(dict.fromkeys(self.flags.values(), False))
        out.update(dict.fromkeys(dest for dest, _ in self.values.values()))
        given: set[str] = set()
        i = 0
        while i < len(args):
            arg = args[i]
            if arg in self.flags:
                out[self.flags[arg]] = True
                given.add(self.flags[arg])
            elif arg in self.values:
                if i + 1 == len(args) or args[i + 1].startswith("-"):
                    return None
                dest, kind = self.values[arg]
                i += 1
                try:
                    out[dest] = kind(args[i]) if kind else args[i]
                except Exception:  # argparse refuses it, in its own words
                    return None
                given.add(dest)
            elif arg.startswith("-") and len(arg) > 1 or out[self.positional] is not None:
                return None
            else:
                out[self.positional] = arg
            i += 1
        if out[self.positional] is None or any(len(given & set(group)) > 1 for group in self.exclusive):
            return None
        return Args(**out, func=run)


GRAPH_VALUES = {"-g": ("graph", None), "--graph": ("graph", None), "--endpoint": ("endpoint", None)}


def quick_args(argv: list[str]) -> Args | None:
    """The arguments of ``kg who`` / ``kg trace`` / ``kg tasks`` read without argparse, which with
    re, gettext and locale costs a lookup ~8 ms (:class:`Quick`); None for any other command line."""
    if not argv or argv[0] not in ("who", "trace", "tasks"):
        return None
    import sys

    __import__(f"kg.commands.{argv[0]}")  # importlib would import warnings too
    mod = sys.modules[f"kg.commands.{argv[0]}"]
    return mod.QUICK.parse(argv[0], argv[1:], mod.run)

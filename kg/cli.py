"""The ``kg`` command: a thin layer over the library. Sub-commands live in ``kg.commands``."""

from __future__ import annotations

import argparse
import importlib
import sys

from kg.commands import NAMES


class Formatter(argparse.HelpFormatter):
    """argparse's help formatter given the terminal's width, so that it does not import shutil to
    ask it (argparse makes a formatter for every argument added, even when no help is printed)."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        super().__init__(prog, indent_increment, max_help_position, width or _columns() - 2)


def _columns() -> int:
    """The terminal's width as shutil.get_terminal_size gives it: $COLUMNS, else stdout's, else 80."""
    import os

    try:
        if (columns := int(os.environ["COLUMNS"])) > 0:
            return columns
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


class Parser(argparse.ArgumentParser):
    """An ArgumentParser (and its sub-commands' parsers) with :class:`Formatter` by default."""

    def __init__(self, *args, formatter_class=Formatter, **kw):
        super().__init__(*args, formatter_class=formatter_class, **kw)


def parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser; given the arguments, only their command's module is imported and
    registered (a lookup does not pay for the other eleven), else all (``kg --help``)."""
    ap = Parser(prog="kg", description="Knowledge graphs from Chinese government publications.")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    first = argv[0] if argv else None
    for name in (first,) if first in NAMES else NAMES:
        try:
            mod = importlib.import_module(f"kg.commands.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"kg.commands.{name}":
                raise
            continue
        mod.register(sub)
    return ap


def main(argv: list[str] | None = None) -> int:
    """Run one command. Whatever the input, argument or signal, a failure is one line on stderr
    (``kg: <path>: <reason>``): exit 1 for an input that cannot be read, 2 for an unusable argument
    or output, 130 when interrupted; untrusted text is printed through :class:`kg.terminal.SafeStream`."""
    from kg.terminal import SafeStream

    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr)
    handlers = _on_signals()
    try:
        return _run(argv)
    finally:
        sys.stdout, sys.stderr = streams
        _restore(handlers)


def _run(argv: list[str] | None) -> int:
    from kg.errors import GraphError, OutputError
    from kg.terminal import say_error

    try:
        if argv is None:
            argv = sys.argv[1:]
        a = parser(argv).parse_args(argv)
        return a.func(a)
    except BrokenPipeError:  # the reader went away (`kg who … | head`): not an error
        _quiet_stdout()
        return 0
    except KeyboardInterrupt as e:
        what = e.args[0] if e.args else "interrupted"
        print(f"kg: {what}; earlier outputs are kept", file=sys.stderr)
        return 130
    except OutputError as e:
        say_error(e.path, e.reason)
        return 2
    except GraphError as e:
        say_error(e.path, e.reason)
        return 1
    except ConnectionError as e:  # a SPARQL endpoint (--endpoint) that cannot be reached or refuses
        say_error(None, str(e))
        return 2
    except FileNotFoundError as e:  # a graph or file argument that is not there
        say_error(e.filename, e.strerror)
        return 2
    except OSError as e:  # an output path that cannot be written, named as the user gave it
        say_error(e.filename, e.strerror or str(e))
        return 2
    except MemoryError:
        say_error(None, "out of memory")
        return 1
    except RecursionError:
        say_error(None, "input nested too deeply")
        return 1
    except Exception as e:  # a bug: still one line (KG_DEBUG=1 shows the traceback)
        import os

        if os.environ.get("KG_DEBUG"):
            raise
        say_error(None, f"internal error ({type(e).__name__}: {e}); please report it")
        return 1


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP, handled as Ctrl-C: the work stops, earlier outputs stay."""


def _on_signals() -> dict:
    """SIGINT raises KeyboardInterrupt, SIGTERM and SIGHUP :class:`Stopped`; the handlers they
    had, to restore."""
    import signal

    def stop(signum, _frame):
        raise Stopped(f"stopped by {signal.Signals(signum).name}")

    old = {}
    for sig, handler in (
        (signal.SIGINT, signal.default_int_handler),
        (signal.SIGTERM, stop),
        (signal.SIGHUP, stop),
    ):
        try:
            old[sig] = signal.signal(sig, handler)
        except (ValueError, OSError):  # not the main thread
            pass
    return old


def _restore(handlers: dict) -> None:
    import signal

    for sig, handler in handlers.items():
        signal.signal(sig, handler)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so that Python's flush at exit does not fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())
    except (OSError, AttributeError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())

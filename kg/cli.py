"""The ``kg`` command: a thin layer over the library. Sub-commands live in ``kg.commands``."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:  # pragma: no cover
    import argparse


def parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser (:func:`kg.commands.parsing.parser`); given the arguments, only their
    command's module is imported and registered, else all (``kg --help``)."""
    from kg.commands.parsing import parser as make

    return make(argv)


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
    from kg.commands import quick_args
    from kg.errors import GraphError, OutputError
    from kg.terminal import say_error

    try:
        if argv is None:
            argv = sys.argv[1:]
        a = quick_args(argv) or parser(argv).parse_args(argv)
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
    had, to restore. (Through ``_signal``, the module under :mod:`signal`: signal makes its numbers
    enums, and enum imports functools and collections, ~4 ms of every lookup.)"""
    import _signal

    names = {_signal.SIGTERM: "SIGTERM", _signal.SIGHUP: "SIGHUP"}

    def stop(signum, _frame):
        raise Stopped(f"stopped by {names.get(signum, signum)}")

    old = {}
    for sig, handler in (
        (_signal.SIGINT, _signal.default_int_handler),
        (_signal.SIGTERM, stop),
        (_signal.SIGHUP, stop),
    ):
        try:
            old[sig] = _signal.signal(sig, handler)
        except (ValueError, OSError):  # not the main thread
            pass
    return old


def _restore(handlers: dict) -> None:
    import _signal

    for sig, handler in handlers.items():
        _signal.signal(sig, handler)


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

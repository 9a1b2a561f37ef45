"""``python -m kg``: a signal while Python loads kg ends it with one line (no traceback, nothing
written yet); once :func:`kg.cli.main` runs, it handles signals itself."""

import os
import signal
import sys


def _quit_while_starting(signum, _frame):
    os.write(2, f"kg: stopped by {signal.Signals(signum).name} while starting\n".encode())
    os._exit(130)


for _sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
    signal.signal(_sig, _quit_while_starting)

from kg.cli import main  # noqa: E402

sys.exit(main())

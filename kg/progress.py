"""The progress display of ``kg build``: files and bytes read, bytes/s and time left (tqdm), fed
as each input's facts arrive in the parent, so it counts the work of every worker process. Quiet
when stderr is not a terminal. Bytes stand in for characters (a file's characters are known only
once it is read), and the time left assumes the files still to come have the mean size so far."""

from __future__ import annotations

import sys
from pathlib import Path


class Progress:
    """A callable ``(n, total, path)`` for :func:`kg.build.build`."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.bar = None

    def _start(self, total: int) -> None:
        import shutil

        from tqdm import tqdm

        self.done = 0
        # no monitor thread (it would outlive the bar, and a process with other threads does not fork
        # its explorer child: kg.write.ForkedView); the bar is updated once per file anyway
        tqdm.monitor_interval = 0
        self.bar = tqdm(
            total=None,
            unit="B",
            unit_scale=True,
            unit_divisor=1024,
            file=self.stream,
            ncols=min(120, shutil.get_terminal_size().columns),
        )
        self.bar.set_description("kg build")

    def __call__(self, n: int, total: int, path: Path) -> None:
        if self.bar is None:
            self._start(total)
        try:
            size = Path(path).stat().st_size
        except OSError:
            size = 0
        self.done += size
        self.bar.total = (
            self.done if n == total else int(self.done / n * total)
        )  # time left: mean size so far
        self.bar.set_postfix_str(f"{n}/{total} files", refresh=False)
        self.bar.update(size)
        if n == total:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def progress(stream=None) -> Progress | None:
    """A progress display on ``stream`` (stderr) when it is a terminal, else None."""
    stream = stream or sys.stderr
    return Progress(stream) if stream.isatty() else None

"""Which files a build reads, and their bytes: folders walked in sorted order (hidden names skipped,
a folder reached twice, as by a symlink loop, walked once, an unreadable folder reported and the
rest walked); only regular files opened, without blocking (a FIFO or a device is refused, never
read), and no more than :data:`MAX_BYTES` read whatever the file claims its size is."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from kg.read.errors import ReadError

MAX_BYTES = 200 * 1024 * 1024
OnError = Callable[[Path, str], None]
_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def load(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file at ``path``; ReadError for anything else or anything larger."""
    limit = MAX_BYTES if limit is None else limit
    try:
        _regular(os.stat(path))  # before opening: opening a FIFO, socket or device may block or fail
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise ReadError("no such file" if not os.path.islink(path) else "broken symbolic link") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror or e}") from None
    try:
        st = os.fstat(fd)
        _regular(st)  # the same file still (not swapped for a FIFO since)
        if st.st_size > limit:
            raise ReadError(_too_large(st.st_size, limit))
        with os.fdopen(os.dup(fd), "rb") as f:
            data = f.read(limit + 1)
        if len(data) > limit:  # a file that grew, or claims a size it does not have
            raise ReadError(_too_large(len(data), limit))
        return data
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror or e}") from None
    finally:
        os.close(fd)


def _regular(st: os.stat_result) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise ReadError("is a directory")
    if not stat.S_ISREG(st.st_mode):
        kind = next((name for test, name in _KINDS if test(st.st_mode)), "a special file")
        raise ReadError(f"not a regular file ({kind})")


def _too_large(size: int, limit: int) -> str:
    mb = 1024 * 1024
    return f"too large: {size // mb} MB (limit {limit // mb} MB)"


def iter_inputs(paths: list[Path], on_error: OnError | None = None) -> Iterator[Path]:
    """Files as given, folders walked in sorted order, skipping hidden files and folders.

    ``on_error(folder, reason)`` hears of a folder that cannot be listed (the walk goes on)."""
    seen: set[tuple[int, int]] = set()
    for p in paths:
        p = Path(p)
        if p.is_dir():
            yield from _walk(p, seen, on_error)
        else:
            yield p


def _walk(folder: Path, seen: set[tuple[int, int]], on_error: OnError | None) -> Iterator[Path]:
    try:
        st = folder.stat()
        children = sorted(folder.iterdir())
    except OSError as e:
        if on_error:
            on_error(folder, f"cannot list folder: {e.strerror or e}")
        return
    key = (st.st_dev, st.st_ino)
    if key in seen:  # reached again through a symbolic link (a loop, or a second way in)
        return
    seen.add(key)
    for child in children:
        if child.name.startswith("."):
            continue
        try:
            is_dir = child.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(child, seen, on_error)
        else:
            yield child  # read() says what is wrong with anything that is not a regular file

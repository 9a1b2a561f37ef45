"""The output folder of a build: checked before any work starts, locked against a second build into
it, and its files (graph.ttl, graph.html, any later ones) replaced together as one set.

A build writes its files into a new hidden generation folder (``.kg-gen-…``) beside the old one.
When every file is complete and on disk, one rename switches the link ``.kg-current`` to it; the
names users open, ``graph.ttl`` and ``graph.html``, are links through ``.kg-current``, so readers
see the whole old set or the whole new one, never a mix, whenever the build is stopped (a kill, a
full disk, Ctrl-C). Generations and temporaries left by a killed build are removed by the next one.
"""

from __future__ import annotations

import errno
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import OutputError

CURRENT = ".kg-current"
GEN_PREFIX = ".kg-gen-"
LOCK = ".kg-lock"
NAMES = ("graph.ttl", "graph.html")


def check(outdir: Path, names: tuple[str, ...] = NAMES) -> None:
    """OutputError when ``outdir`` cannot take a build's outputs (said before any work starts)."""
    outdir = Path(outdir)
    if outdir.exists() or outdir.is_symlink():
        if not outdir.is_dir():
            raise OutputError(outdir, "not a folder (a file is in the way)")
        for name in names:
            p = outdir / name
            if p.is_dir() and not p.is_symlink():
                raise OutputError(p, "is a folder, where the output file goes")
        if not os.access(outdir, os.W_OK | os.X_OK):
            raise OutputError(outdir, "folder not writable")
        return
    above = outdir.absolute().parent
    while not above.exists() and above != above.parent:
        above = above.parent
    if not above.is_dir():
        raise OutputError(outdir, f"cannot be made: {above} is a file, not a folder")
    if not os.access(above, os.W_OK | os.X_OK):
        raise OutputError(outdir, f"cannot be made: {above} is not writable")


@contextmanager
def locked(outdir: Path) -> Iterator[None]:
    """Hold ``outdir``'s lock (made if need be); OutputError at once if another build holds it.
    Generations and temporaries that a stopped build left are removed."""
    import fcntl

    outdir = Path(outdir)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        fd = os.open(outdir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise OutputError(outdir, f"cannot write: {e.strerror or e}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            if e.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise OutputError(outdir, "another kg build is writing to this folder") from None
            raise OutputError(outdir, f"cannot lock: {e.strerror or e}") from None
        remove_stale(outdir)
        yield
    finally:
        os.close(fd)  # releases the lock


def new_generation(outdir: Path) -> Path:
    """A new, empty generation folder in ``outdir`` to write a set of outputs into."""
    stem = f"{GEN_PREFIX}{time.strftime('%Y%m%d%H%M%S')}-{os.getpid()}"
    for n in range(1000):  # two builds of one process within a second get two folders
        gen = Path(outdir) / (stem if n == 0 else f"{stem}-{n}")
        try:
            gen.mkdir()
            return gen
        except FileExistsError:
            continue
        except OSError as e:
            raise OutputError(outdir, f"cannot write: {e.strerror or e}") from None
    raise OutputError(outdir, "cannot write: too many generation folders")


def publish(outdir: Path, gen: Path) -> None:
    """Make the complete set in ``gen`` the folder's outputs, in one rename; the old set goes."""
    outdir = Path(outdir)
    names = sorted(p.name for p in gen.iterdir() if not p.name.startswith("."))
    for name in names:
        _fsync(gen / name)
    _fsync(gen)
    try:
        _relink(outdir / CURRENT, gen.name)  # the switch: from here on, readers see the new set
    except OSError as e:
        if e.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS):
            raise
        _publish_by_renames(outdir, gen, names)  # a file system without symbolic links
        return
    _fsync(outdir)
    for name in names:
        target = f"{CURRENT}/{name}"
        link = outdir / name
        if not (link.is_symlink() and os.readlink(link) == target):
            _relink(link, target)
    for name in NAMES:  # a link to an output this build did not write (graph.html without a view)
        link = outdir / name
        if name not in names and link.is_symlink() and os.readlink(link).startswith(f"{CURRENT}/"):
            link.unlink()
    remove_stale(outdir)


def _publish_by_renames(outdir: Path, gen: Path, names: list[str]) -> None:
    """Where no symbolic link can be made (FAT, some network shares): each file moved into place
    by its own rename. Each file is whole; the set is replaced file by file, not at once."""
    for name in names:
        target = outdir / name
        if target.is_dir() and not target.is_symlink():  # a folder (the store): the old one goes first
            old = outdir / f".{name}.{os.getpid()}.old"
            os.replace(target, old)
            os.replace(gen / name, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(gen / name, target)
    discard(gen)


def discard(gen: Path) -> None:
    """Remove a generation that will not be published."""
    shutil.rmtree(gen, ignore_errors=True)


def remove_stale(outdir: Path) -> None:
    """Remove generations other than the current one, and temporaries of stopped writes."""
    outdir = Path(outdir)
    current = os.readlink(outdir / CURRENT) if (outdir / CURRENT).is_symlink() else None
    for p in outdir.iterdir():
        n = p.name
        if n.startswith(GEN_PREFIX) and n != current and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)
        elif n.startswith(".") and n.endswith(".tmp") and (p.is_symlink() or p.is_file()):
            p.unlink(missing_ok=True)  # .kg-current.*.tmp, and .graph.ttl.*.tmp of older versions


def _relink(link: Path, target: str) -> None:
    """Point ``link`` at ``target`` in one rename (a new link made beside it, then moved over it)."""
    tmp = link.with_name(f".{link.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, link)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

"""The build's progress display (kg.progress): on a terminal only; files and bytes across workers."""

from __future__ import annotations

import io

from kg.progress import Progress, progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_quiet_when_stderr_is_not_a_terminal():
    assert progress(io.StringIO()) is None


def test_counts_files_and_bytes_and_finishes(tmp_path):
    files = []
    for i, size in enumerate((1000, 3000)):
        f = tmp_path / f"f{i}.txt"
        f.write_bytes(b"x" * size)
        files.append(f)
    out = Terminal()
    show = progress(out)
    assert isinstance(show, Progress)
    show(1, 2, files[0])
    show(2, 2, files[1])
    text = out.getvalue()
    assert "2/2 files" in text and "3.91k" in text  # 4000 bytes in KiB
    assert show.bar is None  # closed after the last file

"""The map step on a Dask cluster (``kg build --scheduler``): a real ``dask scheduler`` and two
``dask worker`` processes on 127.0.0.1; the graph must be the bytes of a local build."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import build

pytest.importorskip("distributed", reason="dask.distributed is not installed (pip install -e '.[dev]')")

MORE = Path(__file__).resolve().parent / "data" / "corpus-more"
FILES = (
    "02_gwy_cujinjiuye_ruoganyijian.txt",
    "12_xinjiang_zhijianju_xinwenxuanchuan.txt",
    "24_haikou_shuiwu_gonggao.txt",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def cluster():
    dask = str(Path(sys.executable).parent / "dask")
    if not Path(dask).exists():
        pytest.skip("the dask command is not installed beside this Python")
    address = f"tcp://127.0.0.1:{_free_port()}"
    host, port = address.removeprefix("tcp://").split(":")
    procs = [
        subprocess.Popen(
            [dask, "scheduler", "--host", host, "--port", port, "--no-dashboard"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    ]
    try:
        for _ in range(2):
            procs.append(
                subprocess.Popen(
                    [dask, "worker", address, "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        from distributed import Client

        with Client(address, timeout="120s") as c:
            c.wait_for_workers(2, timeout=180)
            assert len(c.scheduler_info()["workers"]) == 2
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(30)
            except subprocess.TimeoutExpired:
                p.kill()


def test_a_build_on_two_dask_workers_is_the_local_build(cluster, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in FILES:
        shutil.copy(MORE / name, inputs / name)
    local = build([inputs], tmp_path / "local", view=False)
    remote = build([inputs], tmp_path / "dask", view=False, scheduler=cluster)
    assert remote.files == local.files == len(FILES) and not remote.errors
    assert (tmp_path / "dask" / "graph.ttl").read_bytes() == (tmp_path / "local" / "graph.ttl").read_bytes()

#!/usr/bin/env python3
"""Benchmark the lookups as whole processes: ``kg who``, ``kg trace --up``, ``kg tasks``, median of N.

    .venv/bin/python scripts/bench_lookup.py --out OUTDIR --who 区建设局 --doc 柯政办发〔2023〕1号
    .venv/bin/python scripts/bench_lookup.py --triples 10000000 [--keep DIR]

With ``--out`` the lookups run on an output folder that ``kg build`` wrote (its graph.oxigraph store,
or graph.ttl parsed when ``--ttl`` is given, to compare). With ``--triples`` a synthetic graph in the
project's vocabulary (the shape of tests/synthetic.py, written straight as N-Triples so that 10 M
triples take seconds, not the hour rdflib would) is bulk-loaded into an on-disk store first. Each
command runs ``--runs`` times (after one warm-up run); the table gives the median and the slowest
wall time, the median CPU time (user + system) and the peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.vocab import PREFIXES  # noqa: E402
from tests.synthetic import DEPTS, LEVELS, PLACES  # noqa: E402

P = {k: v for k, v in PREFIXES.items()}
A = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def t(prefix: str, local: str) -> str:
    return f"<{P[prefix]}{local}>"


def lit(s: str, lang: str = "", dt: str = "") -> str:
    s = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{s}"@{lang}' if lang else f'"{s}"^^<{P["xsd"]}{dt}>' if dt else f'"{s}"'


def synthetic_ntriples(out, triples: int, seed: int = 1) -> tuple[int, dict[str, str]]:
    """About ``triples`` N-Triples lines in the vocabulary of tests/synthetic.py: 15 % documents in
    five levels (each citing up to three documents one level up), 10 % organisations, 70 % tasks
    with lead / responsible / supporting units, each fact with its evidence node. Returns the line
    count and names to look up."""
    rnd = random.Random(seed)
    n = max(100, triples // 13)
    n_doc, n_org, n_task = n * 15 // 100, n // 10, n * 70 // 100
    lines = 0

    def w(s: str, p: str, o: str) -> None:
        nonlocal lines
        out.write(f"{s} {p} {o} .\n")
        lines += 1

    def evidence(key: str, src: str, start: int, quote: str) -> str:
        node = t("ev", key)
        w(node, A, t("kg", "Evidence"))
        w(node, t("kg", "sourceFile"), lit(src))
        w(node, t("oa", "start"), lit(str(start), dt="integer"))
        w(node, t("oa", "end"), lit(str(start + len(quote)), dt="integer"))
        w(node, t("oa", "exact"), lit(quote))
        return node

    for i in range(n_org):
        o = t("unit", f"o{i}")
        place, dept = PLACES[i % len(PLACES)], DEPTS[i % len(DEPTS)]
        w(o, A, t("org", "Organization"))
        w(o, t("skos", "prefLabel"), lit(f"{place}{dept}{i}", "zh"))
        w(o, t("skos", "altLabel"), lit(f"{place[-1]}{dept[:2]}局{i}", "zh"))
        w(o, t("kg", "level"), lit(LEVELS[i % len(LEVELS)]))
        if i:
            w(o, t("org", "subOrganizationOf"), t("unit", f"o{rnd.randrange(i)}"))
    by_level: list[list[int]] = [[] for _ in LEVELS]
    for i in range(n_doc):
        d, src, lvl = t("doc", f"d{i}"), f"synthetic_{i % 500:03d}.txt", i % len(LEVELS)
        number = f"合成发〔{2000 + i % 24}〕{i}号"
        w(d, A, t("eli", "LegalResource"))
        w(d, t("eli", "title"), lit(f"关于推进第{i}项工作的实施意见", "zh"))
        w(d, t("eli", "id_local"), lit(number))
        w(d, t("eli", "date_document"), lit(f"{2000 + i % 24}-01-01", dt="date"))
        w(d, t("kg", "level"), lit(LEVELS[lvl]))
        w(d, t("dcterms", "source"), lit(src))
        w(d, t("eli", "passed_by"), t("unit", f"o{rnd.randrange(n_org)}"))
        w(d, t("prov", "wasDerivedFrom"), evidence(f"dh{i}", src, 0, number))
        up = by_level[lvl - 1] if lvl else []
        for k in range(rnd.randrange(4) if up else 0):
            cited = t("doc", f"d{up[-1 - rnd.randrange(min(len(up), 200))]}")
            c = t("cite", f"c{i}_{k}")
            w(d, t("eli", "cites"), cited)
            w(c, A, t("kg", "Citation"))
            w(c, t("kg", "citing"), d)
            w(c, t("kg", "cited"), cited)
            w(c, t("kg", "relation"), lit(rnd.choice(("mentions", "basis", "implements"))))
            w(c, t("prov", "wasDerivedFrom"), evidence(f"dc{i}_{k}", src, 100 + k * 40, "根据《某文件》"))
        by_level[lvl].append(i)
    for i in range(n_task):
        task, d = t("task", f"t{i}"), t("doc", f"d{rnd.randrange(n_doc)}")
        quote = f"（{i}）做好第{i}项工作。（牵头单位：某局；责任单位：各镇（街道））"
        w(task, A, t("kg", "Task"))
        w(task, t("rdfs", "label"), lit(f"做好第{i}项工作", "zh"))
        w(task, t("dcterms", "isPartOf"), d)
        w(task, t("kg", "text"), lit(quote, "zh"))
        w(
            task,
            t("prov", "wasDerivedFrom"),
            evidence(f"t{i}", f"synthetic_{i % 500:03d}.txt", 500 + i, quote),
        )
        w(task, t("kg", "leadUnit"), t("unit", f"o{rnd.randrange(n_org)}"))
        for o in rnd.sample(range(n_org), rnd.randrange(1, 4)):
            w(task, t("kg", "responsibleUnit"), t("unit", f"o{o}"))
        for o in rnd.sample(range(n_org), rnd.randrange(3)):
            w(task, t("kg", "supportingUnit"), t("unit", f"o{o}"))
    county = by_level[3][len(by_level[3]) // 2]
    org = n_org // 2
    names = {
        "who": f"{PLACES[org % len(PLACES)]}{DEPTS[org % len(DEPTS)]}{org}",
        "doc": f"合成发〔{2000 + county % 24}〕{county}号",
    }
    return lines, names


def synthetic_store(folder: Path, triples: int) -> tuple[Path, dict[str, str], str]:
    """A synthetic graph of about ``triples`` triples bulk-loaded into ``folder/graph.oxigraph``."""
    import pyoxigraph as ox

    from kg.diskstore import STAMP, STORE

    folder.mkdir(parents=True, exist_ok=True)
    nt = folder / "synthetic.nt"
    t0 = time.perf_counter()
    with nt.open("w", encoding="utf-8", buffering=2**20) as f:
        lines, names = synthetic_ntriples(f, triples)
    t1 = time.perf_counter()
    store_dir = folder / STORE
    shutil.rmtree(store_dir, ignore_errors=True)
    store = ox.Store(str(store_dir))
    store.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
    store.optimize()
    store.flush()
    del store
    (store_dir / STAMP).write_text(json.dumps({"synthetic": lines}), encoding="utf-8")
    nt.unlink()
    t2 = time.perf_counter()
    how = f"synthetic {lines:,} triples (written in {t1 - t0:.0f} s, bulk-loaded in {t2 - t1:.0f} s)"
    return store_dir, names, how


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_times(cmd: list[str], runs: int) -> tuple[float, float, float, int, str]:
    """Median and max wall seconds of ``runs`` runs of ``cmd`` (after one warm-up), the median CPU
    seconds (user + system: what the process costs, whatever else loads the machine), the max RSS
    in KB over the runs, and the first line of its output (to show it found something)."""
    first = subprocess.run(cmd, capture_output=True, text=True)
    if first.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {first.stderr[-1000:]}")
    times, cpus = [], []
    for _ in range(runs):
        c0, t0 = _cpu(), time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - t0)
        cpus.append(_cpu() - c0)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    line = (first.stdout.splitlines() or [""])[0][:40]
    return statistics.median(times), max(times), statistics.median(cpus), rss, line


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", help="an output folder of `kg build`")
    ap.add_argument("--ttl", action="store_true", help="query graph.ttl by parsing it (the old way)")
    ap.add_argument("--who", help="organisation for `kg who` (with --out)")
    ap.add_argument("--doc", help="document for `kg trace --up` and `kg tasks` (with --out)")
    ap.add_argument("--triples", type=int, help="make a synthetic store of about this many triples")
    ap.add_argument("--keep", help="folder for the synthetic store (kept; reused if it is there)")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--kg", default=str(ROOT / ".venv" / "bin" / "kg"))
    a = ap.parse_args()
    tmp = None
    if a.triples:
        folder = Path(a.keep) if a.keep else Path(tmp := tempfile.mkdtemp(prefix="kg-lookup-"))
        names_file = folder / "names.json"
        if a.keep and names_file.is_file():
            graph, saved = folder / "graph.oxigraph", json.loads(names_file.read_text(encoding="utf-8"))
            names, how = saved["names"], saved["how"]
        else:
            graph, names, how = synthetic_store(folder, a.triples)
            names_file.write_text(json.dumps({"names": names, "how": how}, ensure_ascii=False), "utf-8")
    elif a.out and a.who and a.doc:
        out = Path(a.out)
        graph = out / "graph.ttl"
        if a.ttl:  # a copy of graph.ttl alone, without its store
            tmp = tempfile.mkdtemp(prefix="kg-lookup-")
            graph = Path(shutil.copy(graph, Path(tmp) / "graph.ttl"))
        names = {"who": a.who, "doc": a.doc}
        how = f"{out} ({'graph.ttl parsed' if a.ttl else 'graph.oxigraph store'})"
    else:
        ap.error("give --triples N, or --out OUTDIR with --who and --doc")
    # The package's bytecode, as a regular install (pip compiles what it installs) has it: an editable
    # install under PYTHONDONTWRITEBYTECODE=1 (set here) recompiles every kg module in every process.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "kg")], check=True)
    try:
        print(f"graph: {how}; {a.runs} runs each after one warm-up\n")
        print(
            f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores\n"
        )
        print("| command | median wall | max wall | median CPU | peak RSS | first line of output |")
        print("| --- | --- | --- | --- | --- | --- |")
        for cmd in (
            ["who", names["who"]],
            ["trace", "--up", names["doc"]],
            ["tasks", names["doc"]],
        ):
            med, worst, cpu, rss, line = run_times([a.kg, *cmd, "-g", str(graph)], a.runs)
            print(
                f"| kg {' '.join(cmd)} | {med * 1000:.0f} ms | {worst * 1000:.0f} ms | {cpu * 1000:.0f} ms "
                f"| {rss / 1024:.0f} MB | {line} |"
            )
        return 0
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

"""Explorer speed: write the view for the sample corpus and for a synthetic 20,000-node graph, then measure
in headless chromium the load time (until the first layout has settled) and the first interaction
(type a search, click the first result, until the details panel shows it).

    .venv/bin/python scripts/bench_view.py [--nodes 20000] [--runs 3] [--out /tmp/bench_view]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import build  # noqa: E402
from kg.view import write_view  # noqa: E402
from tests.synthetic import synthetic_graph  # noqa: E402

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def write_pages(out: Path, nodes: int) -> list[tuple[str, Path, str, float]]:
    """(name, page, search query, seconds to write the view; for the sample: the whole build) for the sample and the synthetic graph."""
    t = time.perf_counter()
    build([ROOT / "samples"], out / "sample", view=True)
    sample = ("samples/", out / "sample" / "graph.html", "区建设局", time.perf_counter() - t)
    g = synthetic_graph(nodes)
    t = time.perf_counter()
    write_view(g, out / "synthetic.html")
    synth = (f"synthetic {nodes}", out / "synthetic.html", "住房和城乡建设局1", time.perf_counter() - t)
    print(f"synthetic graph: {len(g)} triples", file=sys.stderr)
    return [sample, synth]


def measure(browser, page_path: Path, query: str) -> tuple[float, float]:
    """(load seconds, first-interaction seconds) for one fresh tab."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    leaks: list[str] = []

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            leaks.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    t0 = time.perf_counter()
    page.goto(page_path.as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=120_000)
    load = time.perf_counter() - t0
    t1 = time.perf_counter()
    page.fill("#q", query)
    page.wait_for_selector("#results.open button", timeout=30_000)
    page.locator("#results button").first.click()
    page.wait_for_selector("#panel h1", timeout=30_000)
    interact = time.perf_counter() - t1
    page.close()
    if leaks:
        raise SystemExit(f"network requests attempted: {leaks[:3]}")
    return load, interact


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument(
        "--out", type=Path, default=None, help="keep the pages here (default: a temporary folder)"
    )
    a = ap.parse_args()
    chromium = shutil.which("chromium")
    if not chromium:
        print("chromium not found: run `make browsers`", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    out = a.out or Path(tempfile.mkdtemp(prefix="bench_view."))
    pages = write_pages(out, a.nodes)
    print(f"{'graph':<18} {'view s':>8} {'MB':>6} {'load s':>8} {'search+click s':>15}")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS, headless=True)
        for name, path, query, write_s in pages:
            runs = [measure(browser, path, query) for _ in range(a.runs)]
            load = statistics.median(r[0] for r in runs)
            inter = statistics.median(r[1] for r in runs)
            size = path.stat().st_size / 1e6
            print(f"{name:<18} {write_s:8.2f} {size:6.1f} {load:8.2f} {inter:15.3f}")
        browser.close()
    print(f"pages in {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

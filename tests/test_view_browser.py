"""The explorer in a real browser (Debian's chromium through Playwright), with every network request refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.build import build
from kg.view import write_view
from kg.view.focus import norm
from tests.synthetic import synthetic_graph

ROOT = Path(__file__).parent.parent
SHOTS = ROOT / "output" / "screenshots"
CHROMIUM = shutil.which("chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
EVIL = '<script>alert(1)</script>"</div><img src=x onerror=alert(2)>'

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (make browsers)")


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The sample corpus's graph.html and a synthetic page with hostile titles."""
    out = tmp_path_factory.mktemp("browser")
    build([ROOT / "samples"], out / "sample")
    write_view(synthetic_graph(300, evil=True), out / "evil.html")
    return {"sample": out / "sample" / "graph.html", "evil": out / "evil.html"}


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


class Tab:
    """A page that refuses every non-file request and records requests, console errors and dialogs."""

    def __init__(self, browser, path: Path):
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("body[data-ready='1']", timeout=30_000)

    def _dialog(self, d):
        self.dialogs.append(d.message)
        d.dismiss()

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        if url.startswith("file:"):
            route.continue_()
        else:
            route.abort()

    def search(self, text: str) -> list[str]:
        self.page.fill("#q", text)
        self.page.wait_for_selector("#results.open", timeout=5_000)
        return self.page.locator("#results button").all_inner_texts()

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"))

    def close(self) -> None:
        assert not [u for u in self.requests if not u.startswith("file:")], "no request may leave the disk"
        assert self.errors == []
        assert self.dialogs == []
        self.page.close()


@pytest.fixture
def sample_tab(browser, pages):
    tab = Tab(browser, pages["sample"])
    yield tab
    tab.close()


def test_loads_offline_with_overview(sample_tab):
    tab = sample_tab
    status = tab.page.inner_text("#status")
    assert status.startswith("概览")
    shown = tab.page.evaluate("kgExplorer.network.body.data.nodes.get().length")
    assert shown > 0
    kinds = tab.page.evaluate(
        "(() => { const D = JSON.parse(document.getElementById('kg-data').textContent);"
        "return [...new Set(kgExplorer.network.body.data.nodes.getIds().map(i => D.nodes[i].k))]; })()"
    )
    assert set(kinds) <= {"doc", "org"}, "the overview folds tasks into edge counts"
    assert shown <= int(tab.page.input_value("#topn"))
    tab.shot("overview")


def test_search_alt_label_shows_tasks_with_quotes(sample_tab):
    tab = sample_tab
    # 区建设局 is the altLabel of 绍兴市柯桥区住房和城乡建设局 (needs the organisations module's labels).
    results = tab.search("区建设局")
    assert any("绍兴市柯桥区住房和城乡建设局" in r for r in results)
    tab.page.locator("#results button", has_text="绍兴市柯桥区住房和城乡建设局").first.click()
    panel = tab.page.locator("#panel")
    assert panel.locator("h1").inner_text() == "绍兴市柯桥区住房和城乡建设局"
    headings = panel.locator("h2").all_inner_texts()
    assert any(h.startswith(("牵头任务", "责任任务", "配合任务")) for h in headings)
    quote = panel.locator("li .ev blockquote").first.inner_text()
    assert "区建设局" in quote or "建设局" in quote
    assert ".txt · 字符 " in panel.locator("li .ev .src").first.inner_text()
    assert tab.page.inner_text("#status").startswith("邻域")
    tab.shot("search-org")


def test_document_number_in_any_spelling(sample_tab):
    tab = sample_tab
    number = tab.page.evaluate(
        "(() => { const n = JSON.parse(document.getElementById('kg-data').textContent)"
        ".nodes.find(n => n.k === 'doc' && n.f.number); return n.f.number; })()"
    )
    fancy = (
        number.replace("〔", " ［")
        .replace("〕", "］ ")
        .translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    )
    results = tab.search(fancy)
    assert results, f"{fancy!r} should find {number!r}"
    tab.page.keyboard.press("Enter")
    assert number in tab.page.locator("#panel dl").inner_text()


def test_norm_is_the_same_in_python_and_js(sample_tab):
    samples = ["国办发 [2021] 14 号", "（２０２１）", "区建设局", "浙政办发2020年28号", "A  b\tC"]
    js = sample_tab.page.evaluate("(xs) => xs.map(kgExplorer.norm)", samples)
    assert js == [norm(s) for s in samples]


def test_click_expand_filter_and_back(sample_tab):
    page = sample_tab.page
    page.click("#btn-overview")
    nodes = page.evaluate("kgExplorer.network.body.data.nodes.getIds()")
    target = max(
        nodes,
        key=lambda i: page.evaluate(
            f"JSON.parse(document.getElementById('kg-data').textContent).nodes[{i}].d"
        ),
    )
    box = page.locator("#net").bounding_box()
    page.evaluate(f"kgExplorer.network.focus({target}, {{scale: 1.5}})")
    pos = page.evaluate(f"kgExplorer.domPos({target})")
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    page.wait_for_function("kgExplorer.state.mode === 'focus'")
    assert page.evaluate("kgExplorer.state.centre") == target
    before = page.evaluate("kgExplorer.network.body.data.nodes.length")
    other = page.evaluate(
        "kgExplorer.network.body.data.nodes.getIds().find(i => i !== kgExplorer.state.centre)"
    )
    page.evaluate(f"kgExplorer.select({other})")
    page.click("#btn-expand")
    missing = page.evaluate(
        f"kgExplorer.neighbours({other}).slice(0, 150)"
        ".filter(i => !kgExplorer.network.body.data.nodes.get(i))"
    )
    assert missing == [], "expanding shows the selected node's neighbours"
    assert page.evaluate("kgExplorer.network.body.data.nodes.length") >= before
    page.locator("#f-kind input[data-kind='org']").uncheck()
    kinds = page.evaluate(
        "(() => { const D = JSON.parse(document.getElementById('kg-data').textContent);"
        "return kgExplorer.network.body.data.nodes.getIds().map(i => D.nodes[i].k); })()"
    )
    assert "org" not in kinds[1:]
    page.locator("#f-kind input[data-kind='org']").check()
    sample_tab.shot("neighbourhood")
    page.click("#btn-overview")
    assert page.inner_text("#status").startswith("概览")


def test_hostile_text_shows_as_text(browser, pages):
    tab = Tab(browser, pages["evil"])
    page = tab.page
    tab.search("alert(1)")
    page.locator("#results button").first.click()
    assert page.locator("#panel h1").inner_text() == EVIL
    assert (
        page.evaluate("document.querySelectorAll('#panel script, #panel img, #panel b, #results img').length")
        == 0
    )
    tab.search("粗体")
    page.locator("#results button").first.click()
    assert "</script><b>粗体</b>&amp;" in page.locator("#panel dl").inner_text()
    tab.shot("hostile")
    tab.close()

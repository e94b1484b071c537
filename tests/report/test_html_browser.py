"""The HTML report in a real headless Chromium: the corpus run, filters, j/k, deep links, safety,
400% zoom, and the load time of a 2,000-segment page (printed, not asserted).

Run: ``pytest -m browser -s tests/report/test_html_browser.py`` (``-s`` shows the timings and the
screenshot path; set ALIGNQA_SCREENSHOT_DIR to keep the screenshots). Needs Debian's chromium at
/usr/bin/chromium; Playwright's own browser download is not used.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from test_html import (
    HOSTILE_IMG,
    HOSTILE_SCRIPT,
    hostile_run,
    synthetic_run,
)

from alignqa.report.html import write_html_report

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium's own connections are refused by a closed
# network and slow every launch down.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"


@dataclass
class Tab:
    """A page plus everything it reported: console errors, dialogs, requests."""

    page: object
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def open(self, path: Path, fragment: str = "") -> None:
        self.page.goto(path.resolve().as_uri() + fragment, wait_until="load")

    def evaluate(self, js: str, arg=None):
        return self.page.evaluate(js, arg)

    def visible_count(self, selector: str) -> int:
        """Elements matching ``selector`` that are rendered (not display:none anywhere above)."""
        return self.evaluate(
            "s => [...document.querySelectorAll(s)].filter(e => e.getClientRects().length).length",
            selector)

    def assert_clean(self) -> None:
        assert self.errors == [], self.errors  # a CSP violation or a script error shows up here
        assert self.dialogs == []
        assert all(u.startswith(("file:", "data:", "about:")) for u in self.requests), self.requests


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.skip("Chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM if CHROMIUM.exists()
                                                   else shutil.which("chromium")),
                               args=CHROMIUM_ARGS)
        yield b
        b.close()


def _tab(browser, width: int, height: int = 900) -> Tab:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    tab = Tab(page)
    page.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: tab.errors.append(str(e)))
    page.on("request", lambda r: tab.requests.append(r.url))

    def on_dialog(dialog):
        tab.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return tab


@pytest.fixture
def tab(browser):
    t = _tab(browser, 1280)
    yield t
    t.page.context.close()


@pytest.fixture
def narrow_tab(browser):
    """320 CSS pixels wide: what a 1280-pixel window shows at 400% zoom (WCAG 1.4.10 reflow)."""
    t = _tab(browser, 320, 256)
    yield t
    t.page.context.close()


@pytest.fixture(scope="session")
def corpus_report(tmp_path_factory, embedder) -> Path:
    """The real run over corpus/ (segmenter, model, aligner, checks), as the CLI makes it, with
    the session's shared model (tests/conftest.py)."""
    from alignqa.config import load_config
    from alignqa.pipeline import run_check

    result = run_check([str(CORPUS)], load_config(None, CORPUS), embedder=embedder, quiet=True)
    return write_html_report(result, tmp_path_factory.mktemp("corpus-report"))


@pytest.fixture(scope="module")
def synthetic_report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synthetic-report")
    write_html_report(synthetic_run(2000), out)
    return out / "pairs" / "lv--long.md.html"


def _save_screenshot(tab: Tab, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    tab.page.screenshot(path=str(path), full_page=False)
    keep = os.environ.get("ALIGNQA_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, Path(keep) / name)
    print(f"\nscreenshot: {path}" + (f" (copied to {keep})" if keep else ""))
    return path


def _latvian_page(tab: Tab, index: Path) -> None:
    """Open the overview and follow its link to the Latvian page, as a reviewer would."""
    tab.open(index)
    link = tab.page.locator("a[href$='lv--client-facing.md.html']")
    assert link.count() == 1
    link.click()
    tab.page.wait_for_load_state("load")


# --- the corpus run ---------------------------------------------------------------------------

@pytest.mark.model
def test_corpus_latvian_heading_is_flagged(tab, corpus_report, tmp_path):
    _latvian_page(tab, corpus_report)
    row = tab.page.locator("tbody.bead", has_text="Taustiņu izņemšana")
    assert row.count() == 1
    assert "Key Takeaways" in row.locator("td").first.inner_text()
    assert "flagged" in row.get_attribute("class").split()
    finding = row.locator("tr.finding").first
    assert finding.is_visible()
    text = finding.inner_text()
    print(f"\nflagged heading row: {' '.join(text.split())}")
    assert any(word in text for word in ("Error", "Warning", "Info"))  # the label, not only colour

    # j walks the findings in page order until it reaches the heading's.
    target = finding.get_attribute("id")
    total = tab.page.locator(".finding").count()
    for _ in range(total):
        tab.page.keyboard.press("j")
        if tab.evaluate("document.activeElement.id") == target:
            break
    assert tab.evaluate("document.activeElement.id") == target
    assert tab.evaluate("location.hash") == f"#{target}"
    assert row.locator("tr").first.is_visible()  # the bead was scrolled into view with it
    _save_screenshot(tab, tmp_path, "alignqa-lv-heading.png")
    tab.assert_clean()


@pytest.mark.model
def test_corpus_filters_hide_and_show_rows(tab, corpus_report):
    _latvian_page(tab, corpus_report)
    page = tab.page
    beads = page.locator("tbody.bead").count()
    flagged = page.locator("tbody.bead.flagged").count()
    findings = page.locator("tr.finding").count()
    assert 0 < flagged < beads
    assert tab.visible_count("tbody.bead") == beads
    assert page.locator("#nav-status").inner_text() == f"{findings} of {findings} findings shown"

    page.get_by_label("Only flagged rows").check()
    assert tab.visible_count("tbody.bead") == flagged
    assert tab.visible_count("tbody.bead:not(.flagged)") == 0
    assert tab.visible_count("tr.finding") == findings

    heading = page.locator("tbody.bead", has_text="Taustiņu izņemšana")
    check = heading.locator("tr.finding").first.get_attribute("data-check")
    page.locator(f"input[name=check][value='{check}']").uncheck()
    assert not heading.locator("tr.finding").first.is_visible()

    for box in page.locator("input[name=sev]").all():
        box.uncheck()
    assert tab.visible_count("tr.finding") == 0
    assert tab.visible_count("tbody.bead") == 0  # only-flagged with every finding filtered out
    assert page.locator("#nav-status").inner_text() == f"0 of {findings} findings shown"

    page.get_by_label("Only flagged rows").uncheck()
    assert tab.visible_count("tbody.bead") == beads
    for box in page.locator("input[name=sev]").all():
        box.check()
    page.locator(f"input[name=check][value='{check}']").check()
    assert tab.visible_count("tr.finding") == findings
    assert heading.locator("tr.finding").first.is_visible()
    tab.assert_clean()


# --- navigation on a long page ----------------------------------------------------------------

def test_j_and_k_move_between_findings_and_respect_filters(tab, synthetic_report):
    tab.open(synthetic_report)
    ids = tab.evaluate("[...document.querySelectorAll('.finding')].map(e => e.id)")
    sev = tab.evaluate("[...document.querySelectorAll('.finding')].map(e => e.dataset.severity)")
    assert len(ids) > 20

    def active() -> str:
        return tab.evaluate("document.activeElement.id")

    key = tab.page.keyboard.press
    key("j")
    assert active() == ids[0]
    key("j")
    key("j")
    assert active() == ids[2]
    key("k")
    assert active() == ids[1]
    assert tab.evaluate("location.hash") == f"#{ids[1]}"
    assert "Finding 2 of" in tab.page.locator("#nav-status").inner_text()
    key("k")
    key("k")  # already at the first: stays
    assert active() == ids[0]
    assert tab.page.locator("#nav-status").inner_text() == "First finding reached"

    # Filtered-out findings are skipped: without errors, j goes to the next non-error finding.
    tab.page.locator("input[name=sev][value=error]").uncheck()
    key("j")
    expected = next(i for i, s in zip(ids[1:], sev[1:], strict=True) if s != "error")
    assert active() == expected
    # The buttons do the same as the keys.
    shown = [i for i, s in zip(ids, sev, strict=True) if s != "error"]
    tab.page.locator("#next-finding").click()
    assert active() == shown[shown.index(expected) + 1]
    tab.page.locator("#prev-finding").click()
    assert active() == expected
    tab.assert_clean()


def test_deep_link_opens_its_finding_even_when_filtered(tab, synthetic_report):
    tab.open(synthetic_report)
    ids = tab.evaluate("[...document.querySelectorAll('.finding')].map(e => e.id)")
    tab.open(synthetic_report, f"#{ids[7]}")
    assert tab.evaluate("document.activeElement.id") == ids[7]
    assert tab.page.locator(f"[id='{ids[7]}']").is_visible()
    # A link to a finding that the filters hide shows everything again and lands on it.
    sev = tab.page.locator(f"[id='{ids[9]}']").get_attribute("data-severity")
    tab.page.locator(f"input[name=sev][value={sev}]").uncheck()
    tab.page.get_by_label("Only flagged rows").check()
    tab.evaluate(f"location.hash = '#{ids[9]}'")
    tab.page.wait_for_function(f"document.activeElement.id === '{ids[9]}'")
    assert tab.page.locator(f"[id='{ids[9]}']").is_visible()
    assert not tab.page.get_by_label("Only flagged rows").is_checked()
    tab.assert_clean()


def test_two_thousand_segment_page_load_time(tab, synthetic_report):
    """Print (not assert) navigation-to-load and first-paint times of a 2,000-segment page."""
    tab.open(synthetic_report)
    beads = tab.page.locator("tbody.bead").count()
    timing = tab.evaluate("""() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const paint = Object.fromEntries(
            performance.getEntriesByType('paint').map(p => [p.name, p.startTime]));
        return {dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
                firstPaint: paint['first-paint'] ?? null,
                fcp: paint['first-contentful-paint'] ?? null, bytes: nav.decodedBodySize};
    }""")
    blocks = tab.evaluate(
        "document.querySelectorAll('table.align td p, table.align td li, .seg-h').length")

    def ms(v):
        return "n/a" if v is None else f"{v:.0f} ms"

    print(f"\n2,000-segment page ({beads} rows, {blocks} segment blocks, "
          f"{timing['bytes'] / 1e6:.2f} MB): DOMContentLoaded {ms(timing['dcl'])}, "
          f"load {ms(timing['load'])}, first paint {ms(timing['firstPaint'])}, "
          f"first contentful paint {ms(timing['fcp'])}")
    assert beads > 1900
    tab.assert_clean()


# --- safety and reflow ------------------------------------------------------------------------

def test_hostile_translation_is_shown_as_text_and_runs_nothing(tab, tmp_path):
    index = write_html_report(hostile_run(), tmp_path)
    for page in (index, next((tmp_path / "pairs").glob("*.html"))):
        tab.open(page)
        tab.page.wait_for_timeout(300)  # give an injected onerror a chance to fire
        assert tab.evaluate("window.__pwned === undefined")
        assert tab.evaluate("document.querySelectorAll('img, iframe, object').length") == 0
        assert tab.evaluate("document.scripts.length") == 1
    row = tab.page.locator("tbody.bead", has_text="Sveiki")
    text = row.inner_text()
    assert HOSTILE_SCRIPT in text and HOSTILE_IMG in text
    assert row.locator("mark", has_text=HOSTILE_SCRIPT).is_visible()
    assert "U+202E" in text
    tab.assert_clean()


def test_pages_reflow_at_400_percent_zoom(narrow_tab, synthetic_report):
    tab = narrow_tab
    for page in (synthetic_report, synthetic_report.parent.parent / "index.html"):
        tab.open(page)
        width = tab.evaluate("[document.documentElement.scrollWidth, "
                             "document.documentElement.clientWidth]")
        assert width[0] <= width[1], f"{page.name} scrolls sideways at 320px: {width}"
    tab.open(synthetic_report)
    src, tgt = (tab.page.locator("tbody.bead.rel-match td").nth(i).bounding_box() for i in (0, 1))
    assert tgt["y"] >= src["y"] + src["height"] - 1  # stacked: translation under source
    assert abs(tgt["x"] - src["x"]) < 2
    tab.assert_clean()

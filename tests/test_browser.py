"""The reports in a real browser: headless Chromium (the Debian package, driven by Playwright, never a browser
download) opens the seed's report and the comparison, takes a screenshot, and checks what a reader gets.

``make test`` installs Chromium when it is missing and it can; under ``CI=true`` this test fails rather than skips.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import analyze
from conftest import REPO

SEED = REPO / "seeds" / "000_8122d49cfe791c67.txt"
ACTORS = REPO / "seeds" / "aleppo-2024.actors.yml"
CHROMIUM = os.environ.get("SLANT_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    missing = [why for why, bad in (("no Chromium at " + CHROMIUM, not Path(CHROMIUM).exists()),) if bad]
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing.append("playwright is not installed")
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail("the browser test is mandatory under CI=true: " + "; ".join(missing))
        pytest.skip("; ".join(missing))
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """The seed's report and the comparison of the seeds, as ``make report`` writes them."""
    out = tmp_path_factory.mktemp("reports")
    for command in (["report", SEED, "-o", out], ["compare", REPO / "seeds", "-o", out / "compare.html"]):
        result = subprocess.run([sys.executable, "-m", "analysis", *map(str, command), "--actors", str(ACTORS)],
                                capture_output=True, text=True, cwd=REPO, timeout=600)
        assert result.returncode == 0, result.stderr
    return out


def visit(browser, page_path: Path, screenshot: Path) -> dict:
    """Open a report at 1280 px; record every request and console error; take a full-page screenshot."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page_path.as_uri(), wait_until="load")
    page.screenshot(path=str(screenshot), full_page=True)
    facts = {
        "marks": page.locator("mark.slant-loaded").count(),
        "tags": page.locator("mark.slant-loaded + .slant-tag").count(),
        "width": page.evaluate("document.documentElement.scrollWidth"),
        "images": page.evaluate("[...document.images].map(i => [i.alt, i.naturalWidth])"),
        "requests": [url for url in requests if url != page_path.as_uri()],
        "errors": errors,
    }
    page.close()
    return facts


def test_the_seed_report_in_chromium(browser, written, tmp_path):
    facts = visit(browser, written / "000_8122d49cfe791c67.html", tmp_path / "report.png")
    doc = analyze(SEED, actors=ACTORS)
    assert facts["marks"] == len(doc.loaded_terms) == facts["tags"]  # every term highlighted, its category written
    assert facts["requests"] == [] and facts["errors"] == []
    assert facts["width"] <= 1280  # nothing wider than the window
    assert facts["images"] and all(alt and width > 0 for alt, width in facts["images"])
    assert (tmp_path / "report.png").stat().st_size > 50_000


def test_the_comparison_and_the_index_in_chromium(browser, written, tmp_path):
    for name in ("compare.html", "index.html"):
        facts = visit(browser, written / name, tmp_path / f"{name}.png")
        assert facts["requests"] == [] and facts["errors"] == [], name
        assert all(alt for alt, _ in facts["images"])

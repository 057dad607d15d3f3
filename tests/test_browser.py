"""The review desk in a real headless Chromium: paste, analyse, confirm, download, and two reviewers at once.

Starts `streamlit run app.py` on a free local port with CHECKER_DB in tmp_path and
drives Debian's chromium through Playwright (never `playwright install`). Skipped
only when chromium is not installed; CI installs it (.ci/run).
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, sync_playwright

from checker.review import decision_history
from checker.store.db import open_db

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
STARTUP_SECONDS = 60
ANALYSIS_MS = 180_000
STEP_MS = 60_000
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # a CI proxy must not see 127.0.0.1

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).is_file(),
                                reason="Debian's chromium is not installed (apt-get install chromium chromium-driver)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_healthy(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"streamlit exited with {server.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with DIRECT.open(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"streamlit did not answer within {STARTUP_SECONDS} s:\n{log.read_text(errors='replace')[-3000:]}")


@dataclass(frozen=True)
class Desk:
    url: str
    db_path: Path


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    """One review desk server for this file (it loads the model once), stopped however the tests end."""
    folder = tmp_path_factory.mktemp("desk")
    db_path = folder / "claims.db"
    port = free_port()
    log = folder / "streamlit.log"
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
               "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    with log.open("wb") as output:
        server = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "CHECKER_DB": str(db_path)},
                                  stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, server, log)
        yield Desk(url, db_path)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def open_desk(browser: Browser, desk: Desk) -> Iterator[Callable[..., Page]]:
    """Opens the desk in a new browser context (a session of its own) with a reviewer name typed in."""
    contexts: list[BrowserContext] = []

    def open_session(reviewer: str, query: str = "") -> Page:
        context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
        contexts.append(context)
        context.set_default_timeout(STEP_MS)
        page = context.new_page()
        page.goto(desk.url + query)
        page.get_by_text("Review desk").first.wait_for()
        reviewer_box = page.locator(".st-key-reviewer input")
        reviewer_box.fill(reviewer)
        reviewer_box.press("Enter")
        wait_for_rerun(page)
        return page

    yield open_session
    for context in contexts:
        context.close()


def wait_for_rerun(page: Page) -> None:
    """Streamlit shows a "running" widget while the script runs; wait until it is gone."""
    page.wait_for_timeout(300)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=STEP_MS)


def card_ids(page: Page) -> list[str]:
    """Claim ids in reading order, from the keyed claim cards (st-key-a{analysis}-{claim}-card)."""
    classes = page.locator('[class*="-card"]').evaluate_all("nodes => nodes.map(n => n.className)")
    return [m.group(1) for c in classes if (m := re.search(r"st-key-a\d+-(\w+)-card", c))]


def card(page: Page, analysis_id: int, claim_id: str) -> Locator:
    return page.locator(f".st-key-a{analysis_id}-{claim_id}-card")


def click_in_card(page: Page, analysis_id: int, claim_id: str, what: str, saved: str) -> None:
    """Click a review button and wait for this decision's own confirmation (not an earlier one's)."""
    page.locator(f".st-key-a{analysis_id}-{claim_id}-{what} button").click()
    card(page, analysis_id, claim_id).get_by_text(re.compile(rf"Saved: .*{re.escape(saved)}")).wait_for()
    wait_for_rerun(page)


def analyse(page: Page, article: str) -> int:
    area = page.locator(".st-key-article_text textarea")
    area.fill(article)
    area.press("Control+Enter")
    wait_for_rerun(page)
    page.get_by_role("button", name="Analyse").click()
    heading = page.get_by_text(re.compile(r"Analysis \d+: \d+ of \d+ claims done"))
    heading.wait_for(timeout=ANALYSIS_MS)
    wait_for_rerun(page)
    return int(re.search(r"Analysis (\d+)", heading.inner_text()).group(1))


def test_reviewer_confirms_a_link_and_downloads_the_checklist(open_desk: Callable[..., Page],
                                                              sample_article: str) -> None:
    page = open_desk("Hala")
    analysis_id = analyse(page, sample_article)
    assert 'dir="rtl"' in page.locator(".checker-article").first.evaluate("n => n.outerHTML")

    cited = page.locator('[class*="-card"]').filter(has_text=re.compile(r"Outlet: (AFP|Agence France)"))
    cited.first.wait_for()
    claim_id = re.search(r"st-key-a\d+-(\w+)-card", cited.first.get_attribute("class")).group(1)
    click_in_card(page, analysis_id, claim_id, "confirm", "Hala · link: link confirmed")
    click_in_card(page, analysis_id, claim_id, "status_done", "Hala · status: done")
    card(page, analysis_id, claim_id).scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "review_desk_card.png"))

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Markdown").click()
    download = download_info.value
    assert download.suggested_filename == f"checklist-{analysis_id}.md"
    checklist = Path(download.path()).read_text(encoding="utf-8")
    entry = re.search(rf"^- \[x\] \*\*{claim_id}\*\*.*?(?=^- \[|\Z)", checklist, re.M | re.S)
    assert entry, checklist[:2000]
    assert "AFP" in entry.group(0) and "link confirmed" in entry.group(0) and "Hala" in entry.group(0)
    page.get_by_text("Review desk").first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "review_desk.png"), full_page=False)


def test_two_reviewers_on_the_same_analysis_keep_both_decisions(desk: Desk, open_desk: Callable[..., Page],
                                                                sample_article: str) -> None:
    first = open_desk("Hala")
    analysis_id = analyse(first, sample_article)
    second = open_desk("Omar", f"/?analysis={analysis_id}")
    second.get_by_text(re.compile(rf"Analysis {analysis_id}:")).wait_for()
    claims = card_ids(first)
    assert len(claims) >= 2 and card_ids(second) == claims

    click_in_card(first, analysis_id, claims[0], "status_done", "Hala · status: done")
    click_in_card(second, analysis_id, claims[1], "status_needs_work", "Omar · status: needs work")

    history = decision_history(open_db(desk.db_path), analysis_id)
    assert {(d.claim_key, d.reviewer, d.value) for d in history} == {
        (claims[0], "Hala", "done"), (claims[1], "Omar", "needs_work")}
    first.reload()
    first.get_by_text(re.compile(rf"Analysis {analysis_id}: 1 of")).wait_for()
    card(first, analysis_id, claims[1]).get_by_text("Omar").first.wait_for()

"""The review desk in a real headless Chromium: every flow a reviewer uses, each with a screenshot.

Starts `streamlit run app.py` on a free local port with CHECKER_DB in tmp_path and
drives Debian's chromium through Playwright (never `playwright install`). Skipped
only when chromium is not installed; CI installs it (.ci/run). Screenshots go to
artifacts/ (gitignored): look at them after a change to the desk.
"""
from __future__ import annotations

import json
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

from checker.review import current_decisions, decision_history
from checker.store.db import open_db

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
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
    """One review desk server for this file (it loads the model once), with the demo evidence loaded."""
    folder = tmp_path_factory.mktemp("desk")
    db_path = folder / "claims.db"
    env = {**os.environ, "CHECKER_DB": str(db_path)}
    subprocess.run([sys.executable, "-m", "checker", "evidence", "seed"], cwd=ROOT, env=env, check=True,
                   capture_output=True, timeout=300)
    port = free_port()
    log = folder / "streamlit.log"
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
               "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    with log.open("wb") as output:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
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


@pytest.fixture(scope="module")
def stored_analysis(desk: Desk) -> Callable[[], int]:
    """A fresh stored analysis of the sample article, made as the desk makes one (no browser time spent)."""
    from checker.pipeline import Article, check_article

    sample = ROOT.parent / "shared" / "samples" / "baghdad_embassy_ar.txt"
    if not sample.is_file():
        pytest.skip(f"sample article not found at {sample}")

    def make() -> int:
        db = open_db(desk.db_path)
        try:
            return check_article(db, Article(sample.read_text(encoding="utf-8"), source="sample"))[1]
        finally:
            db.conn.close()

    return make


@pytest.fixture
def open_desk(browser: Browser, desk: Desk) -> Iterator[Callable[..., Page]]:
    """Opens the desk in a new browser context (a session of its own), the reviewer's name in the address."""
    contexts: list[BrowserContext] = []
    outside: list[str] = []  # the desk uses no external asset: any request that fails offline is one

    def open_session(reviewer: str | None, query: str = "", *, dark: bool = False) -> Page:
        context = browser.new_context(accept_downloads=True, viewport={"width": 1500, "height": 1000},
                                      color_scheme="dark" if dark else "light")
        contexts.append(context)
        context.set_default_timeout(STEP_MS)
        page = context.new_page()
        page.on("requestfailed", lambda request: outside.append(request.url))
        separator = "&" if "?" in query else "?"
        page.goto(desk.url + "/" + query.lstrip("/") + (f"{separator}reviewer={reviewer}" if reviewer else ""))
        page.locator("h1", has_text="Review desk").first.wait_for()
        wait_for_rerun(page)
        return page

    yield open_session
    for context in contexts:
        context.close()
    assert [url for url in outside if not url.startswith("http://127.0.0.1")] == []


def wait_for_rerun(page: Page) -> None:
    """Streamlit shows a "running" widget while the script runs; wait until it is gone."""
    page.wait_for_timeout(300)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=STEP_MS)


def shot(page: Page, name: str, locator: Locator | None = None) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    (locator or page).screenshot(path=str(path))
    return path


def selected_claim(page: Page, analysis_id: int) -> str:
    """The claim shown beside the list, from its keyed detail card."""
    card = page.locator(f'.st-key-detail [class*="st-key-a{analysis_id}-"][class*="-card"]').first
    card.wait_for()
    return re.search(rf"st-key-a{analysis_id}-(\w+)-card", card.get_attribute("class")).group(1)


def wait_for_selected(page: Page, analysis_id: int, claim_id: str) -> None:
    page.locator(f".st-key-detail .st-key-a{analysis_id}-{claim_id}-card").wait_for()
    wait_for_rerun(page)


def click_in_detail(page: Page, analysis_id: int, claim_id: str, what: str, saved: str) -> None:
    """Click a review button of the selected claim and wait for this decision's own confirmation."""
    page.locator(f".st-key-a{analysis_id}-{claim_id}-{what} button").click()
    page.locator(f".st-key-a{analysis_id}-{claim_id}-card").get_by_text(
        re.compile(rf"Saved: .*{re.escape(saved)}")).wait_for()
    wait_for_rerun(page)


def choose(page: Page, key: str, option: str) -> None:
    """Pick an option of a select box, as a reviewer does: open the list, click the option."""
    box = page.locator(f".st-key-{key} input").first
    box.focus()
    box.press("ArrowDown")  # opens the list as a keyboard user does (a click on the arrow can miss it)
    page.get_by_role("option", name=option).first.click()


def open_analysis(page: Page, analysis_id: int) -> None:
    page.get_by_text(re.compile(rf"Analysis {analysis_id}: \d+ of \d+ claims done")).wait_for(timeout=ANALYSIS_MS)
    page.wait_for_function("window.__checkerDesk === true")  # the keyboard script is in place
    page.locator(".st-key-triage button").first.wait_for()
    wait_for_rerun(page)


def press(page: Page, key: str) -> None:
    """A key as a reviewer types it, with the focus on the page (not in a text box)."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press(key)


def rows(page: Page, analysis_id: int) -> list[str]:
    classes = page.locator(f'.st-key-triage [class*="st-key-a{analysis_id}-"]').evaluate_all(
        "nodes => nodes.map(n => n.className)")
    return [m.group(1) for c in classes if (m := re.search(rf"st-key-a{analysis_id}-(\w+)-pick", c))]


def test_triage_paste_analyse_and_select_from_the_article_and_the_list(open_desk: Callable[..., Page],
                                                                       sample_article: str) -> None:
    page = open_desk("Hala")
    nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "Review desk" in nav and "app" not in nav.split()
    area = page.locator(".st-key-article_text textarea")
    area.fill(sample_article)
    area.press("Control+Enter")
    wait_for_rerun(page)
    page.get_by_role("button", name="Analyse").click()
    heading = page.get_by_text(re.compile(r"Analysis \d+: \d+ of \d+ claims done"))
    heading.wait_for(timeout=ANALYSIS_MS)
    analysis_id = int(re.search(r"Analysis (\d+)", heading.inner_text()).group(1))
    open_analysis(page, analysis_id)
    claims = rows(page, analysis_id)
    assert len(claims) >= 10
    assert 'dir="rtl"' in page.locator(".st-key-article .checker-article").evaluate("n => n.outerHTML")
    # A click on a highlight in the article opens its claim beside the list ...
    target = claims[4]
    page.locator(f'.st-key-article mark.claim[data-claims$="{target}"]').first.click()
    wait_for_selected(page, analysis_id, target)
    assert page.locator(f'.st-key-article mark.claim[aria-current="true"][data-claims$="{target}"]').count() > 0
    # ... and a click on a row outlines its claim in the article.
    page.locator(f".st-key-a{analysis_id}-{claims[2]}-pick button").click()
    wait_for_selected(page, analysis_id, claims[2])
    assert page.locator(f'.st-key-article mark.claim[aria-current="true"][data-claims$="{claims[2]}"]').count() > 0
    chips = page.locator(f".st-key-a{analysis_id}-{claims[2]}-pick button").inner_text()
    assert re.search(r"(supported|contradicted|conflicting|unclear|unchecked)", chips) and "open" in chips
    shot(page, "triage")


def test_keyboard_moves_confirms_and_marks(desk: Desk, open_desk: Callable[..., Page],
                                           stored_analysis: Callable[[], int]) -> None:
    analysis_id = stored_analysis()
    page = open_desk("Hala", f"?analysis={analysis_id}")
    open_analysis(page, analysis_id)
    claims = rows(page, analysis_id)
    assert selected_claim(page, analysis_id) == claims[0]
    press(page, "j")
    wait_for_selected(page, analysis_id, claims[1])
    press(page, "j")
    wait_for_selected(page, analysis_id, claims[2])
    press(page, "k")
    wait_for_selected(page, analysis_id, claims[1])
    target = claims[1]
    press(page, "d")
    page.get_by_text(re.compile(r"Saved: .*Hala · status: done")).wait_for()
    wait_for_rerun(page)
    press(page, "j")
    wait_for_selected(page, analysis_id, claims[2])
    press(page, "n")
    page.get_by_text(re.compile(r"Saved: .*Hala · status: needs work")).wait_for()
    wait_for_rerun(page)
    press(page, "?")
    page.get_by_text("next / previous claim").wait_for()
    press(page, "/")
    assert page.evaluate("document.activeElement.closest('.st-key-filter_text') !== null")
    page.keyboard.press("Escape")
    decided = current_decisions(open_db(desk.db_path), analysis_id)
    assert decided[target].status.value == "done" and decided[claims[2]].status.value == "needs_work"
    shot(page, "keyboard")


def test_bulk_confirm_links_and_mark_selected_done(desk: Desk, open_desk: Callable[..., Page],
                                                   stored_analysis: Callable[[], int]) -> None:
    analysis_id = stored_analysis()
    page = open_desk("Omar", f"?analysis={analysis_id}")
    open_analysis(page, analysis_id)
    page.get_by_text("Bulk actions, links and missed claims").click()
    confirm = page.locator(".st-key-bulk_confirm button")
    count = int(re.search(r"Confirm (\d+) links", confirm.inner_text()).group(1))
    assert count > 0
    confirm.click()
    page.get_by_text(f"Links confirmed: {count} claims").wait_for()
    wait_for_rerun(page)
    page.locator(".st-key-bulk_done button").click()  # the selected claim is preselected
    page.get_by_text("Marked done: 1 claims").wait_for()
    wait_for_rerun(page)
    page.get_by_text(re.compile(rf"Analysis {analysis_id}: 1 of")).wait_for()
    decided = current_decisions(open_db(desk.db_path), analysis_id)
    assert sum(1 for d in decided.values() if d.link and d.link.value["confirmed"]) == count
    shot(page, "bulk")


def test_recheck_keeps_every_decision(desk: Desk, open_desk: Callable[..., Page],
                                      stored_analysis: Callable[[], int]) -> None:
    analysis_id = stored_analysis()
    page = open_desk("Hala", f"?analysis={analysis_id}")
    open_analysis(page, analysis_id)
    claim = selected_claim(page, analysis_id)
    choose(page, f"a{analysis_id}-{claim}-verdict", "contradicted")
    click_in_detail(page, analysis_id, claim, "override", "Hala · verdict: contradicted")
    click_in_detail(page, analysis_id, claim, "status_done", "Hala · status: done")
    page.get_by_role("button", name="Re-check against the evidence").first.click()
    page.get_by_text(re.compile(r"Re-checked \d+ claims against the evidence")).wait_for(timeout=ANALYSIS_MS)
    wait_for_rerun(page)
    card = page.locator(f".st-key-a{analysis_id}-{claim}-card")
    card.get_by_text("History").click()
    card.get_by_text(re.compile(r"machine re-check \(re-check against the evidence\)")).wait_for()
    card.get_by_text(re.compile(r"contradicted \(set by reviewer\)")).first.wait_for()
    decided = current_decisions(open_db(desk.db_path), analysis_id)[claim]
    assert decided.verdict.value["label"] == "contradicted" and decided.status.value == "done"
    assert decided.check is not None
    card.get_by_text(re.compile(r"machine re-check \(re-check")).first.scroll_into_view_if_needed()
    shot(page, "recheck")


def test_copy_link_opens_the_same_claim_in_a_new_context(open_desk: Callable[..., Page],
                                                         stored_analysis: Callable[[], int]) -> None:
    analysis_id = stored_analysis()
    page = open_desk("Hala", f"?analysis={analysis_id}")
    open_analysis(page, analysis_id)
    claims = rows(page, analysis_id)
    page.locator(f".st-key-a{analysis_id}-{claims[3]}-pick button").click()
    wait_for_selected(page, analysis_id, claims[3])
    link = page.locator(f".st-key-a{analysis_id}-{claims[3]}-card code").filter(
        has_text="claim=").first.inner_text().strip()
    assert link.endswith(f"?analysis={analysis_id}&claim={claims[3]}") and "reviewer" not in link
    colleague = open_desk(None, link.split("/", 3)[3])
    open_analysis(colleague, analysis_id)
    assert selected_claim(colleague, analysis_id) == claims[3]
    shot(colleague, "copy_link")


def test_two_reviewers_on_the_same_analysis_keep_both_decisions(desk: Desk, open_desk: Callable[..., Page],
                                                                stored_analysis: Callable[[], int]) -> None:
    analysis_id = stored_analysis()
    first = open_desk("Hala", f"?analysis={analysis_id}")
    second = open_desk("Omar", f"?analysis={analysis_id}")
    open_analysis(first, analysis_id)
    open_analysis(second, analysis_id)
    claims = rows(first, analysis_id)
    assert len(claims) >= 2 and rows(second, analysis_id) == claims
    second.locator(f".st-key-a{analysis_id}-{claims[1]}-pick button").click()
    wait_for_selected(second, analysis_id, claims[1])
    click_in_detail(first, analysis_id, claims[0], "status_done", "Hala · status: done")
    click_in_detail(second, analysis_id, claims[1], "status_needs_work", "Omar · status: needs work")

    history = decision_history(open_db(desk.db_path), analysis_id)
    assert {(d.claim_key, d.reviewer, d.value) for d in history} == {
        (claims[0], "Hala", "done"), (claims[1], "Omar", "needs_work")}
    first.reload()
    first.get_by_text(re.compile(rf"Analysis {analysis_id}: 1 of")).wait_for()
    wait_for_rerun(first)
    first.locator(f".st-key-a{analysis_id}-{claims[1]}-pick button").click()
    wait_for_selected(first, analysis_id, claims[1])
    first.locator(f".st-key-a{analysis_id}-{claims[1]}-card").get_by_text("last by Omar").wait_for()
    shot(first, "two_reviewers")


def test_claimreview_only_for_claims_with_a_reviewers_verdict(desk: Desk, open_desk: Callable[..., Page],
                                                              stored_analysis: Callable[[], int]) -> None:
    analysis_id = stored_analysis()
    page = open_desk("Hala", f"?analysis={analysis_id}")
    open_analysis(page, analysis_id)
    claims = rows(page, analysis_id)
    # Link confirmed and done, but no reviewer's verdict: not published.
    click_in_detail(page, analysis_id, claims[0], "status_done", "Hala · status: done")
    page.locator(f".st-key-a{analysis_id}-{claims[1]}-pick button").click()
    wait_for_selected(page, analysis_id, claims[1])
    choose(page, f"a{analysis_id}-{claims[1]}-verdict", "supported")
    click_in_detail(page, analysis_id, claims[1], "override", "Hala · verdict: supported")
    page.get_by_role("button", name="Export").click()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="ClaimReview").click()
    payload = Path(download_info.value.path()).read_text(encoding="utf-8")
    reviews = json.loads(payload)
    assert [r["url"].rsplit("claim=", 1)[1] for r in reviews] == [claims[1]]
    assert "<" not in payload and reviews[0]["datePublished"] and reviews[0]["itemReviewed"]["appearance"]
    page.keyboard.press("Escape")
    page.get_by_text(re.compile(r"ClaimReview to publish \(1 claims")).click()
    page.locator("code").filter(has_text="ClaimReview").first.wait_for()
    shot(page, "claimreview")


def test_dark_mode_follows_the_system_setting(open_desk: Callable[..., Page],
                                             stored_analysis: Callable[[], int]) -> None:
    analysis_id = stored_analysis()
    page = open_desk("Hala", f"?analysis={analysis_id}", dark=True)
    open_analysis(page, analysis_id)
    background = page.evaluate("getComputedStyle(document.querySelector('.stApp')).backgroundColor")
    red, green, blue = (int(n) for n in re.findall(r"\d+", background)[:3])
    assert red + green + blue < 120, background  # the theme's dark background, #10141b
    text = page.evaluate("getComputedStyle(document.querySelector('h1')).color")
    assert sum(int(n) for n in re.findall(r"\d+", text)[:3]) > 600, text
    shot(page, "dark_mode")


@pytest.mark.skipif(not AXE.is_file(), reason="axe-core is not installed: run `npm ci`")
def test_the_desk_has_no_serious_accessibility_violations(open_desk: Callable[..., Page],
                                                          stored_analysis: Callable[[], int]) -> None:
    analysis_id = stored_analysis()
    page = open_desk("Hala", f"?analysis={analysis_id}")
    open_analysis(page, analysis_id)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    serious = [v for v in result if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps(serious, indent=1)
    # Every action has a keyboard path: the buttons are real buttons reachable with Tab.
    unreachable = page.evaluate("""() => [...document.querySelectorAll('.stMain .stButton button')]
        .filter(b => b.tabIndex < 0 && !b.disabled).map(b => b.innerText).slice(0, 5)""")
    assert unreachable == []
    shot(page, "accessibility")


def test_reviewer_confirms_a_link_and_downloads_the_checklist(open_desk: Callable[..., Page],
                                                              stored_analysis: Callable[[], int]) -> None:
    analysis_id = stored_analysis()
    page = open_desk("Hala", f"?analysis={analysis_id}")
    open_analysis(page, analysis_id)
    cited = page.locator(".st-key-triage button").filter(has_text=re.compile(r"Agence France|AFP"))
    claim_id = re.search(r"\bc\d+\b", cited.first.inner_text()).group(0)
    cited.first.click()
    wait_for_selected(page, analysis_id, claim_id)
    click_in_detail(page, analysis_id, claim_id, "confirm", "Hala · link: link confirmed")
    click_in_detail(page, analysis_id, claim_id, "status_done", "Hala · status: done")
    shot(page, "review_desk_card")
    page.get_by_role("button", name="Export").click()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Markdown").click()
    download = download_info.value
    assert download.suggested_filename == f"checklist-{analysis_id}.md"
    checklist = Path(download.path()).read_text(encoding="utf-8")
    entry = re.search(rf"^- \[x\] \*\*{claim_id}\*\*.*?(?=^- \[|\Z)", checklist, re.M | re.S)
    assert entry, checklist[:2000]
    assert "AFP" in entry.group(0) and "link confirmed" in entry.group(0) and "Hala" in entry.group(0)

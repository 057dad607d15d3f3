"""Two desk servers on one PostgreSQL database, driven in Chromium at once: both reviewers' decisions are kept,
and each desk shows the other's on its next rerun. Skipped without chromium, or without PostgreSQL and psycopg."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from checker.review import decision_history
from checker.store.db import open_db
from pg_server import Cluster
from test_browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    STEP_MS,
    click_in_detail,
    free_port,
    open_analysis,
    rows,
    shot,
    wait_for_rerun,
    wait_for_selected,
    wait_until_healthy,
)

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).is_file(),
                                reason="Debian's chromium is not installed (apt-get install chromium chromium-driver)")
SAMPLE = ROOT.parent / "shared" / "samples" / "baghdad_embassy_ar.txt"


@pytest.fixture(scope="module")
def shared_desk(pg_cluster: Cluster, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    """A PostgreSQL store with the demo evidence and a stored analysis, and two desk servers using it."""
    if not SAMPLE.is_file():
        pytest.skip(f"sample article not found at {SAMPLE}")
    url = pg_cluster.new_database()
    folder = tmp_path_factory.mktemp("shared-desk")
    env = {**os.environ, "CHECKER_DB": url}
    subprocess.run([sys.executable, "-m", "checker", "evidence", "seed"], cwd=ROOT, env=env, check=True,
                   capture_output=True, timeout=600)
    servers, urls = [], []
    try:
        for n in (1, 2):
            port, log = free_port(), folder / f"desk{n}.log"
            command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
                       "--server.address", "127.0.0.1", "--server.port", str(port),
                       "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
            with log.open("wb") as output:
                servers.append(subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT))
            urls.append(f"http://127.0.0.1:{port}")
            wait_until_healthy(urls[-1], servers[-1], log)
        yield url, urls
    finally:
        for server in servers:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        pg_cluster.drop(url)


def test_two_desk_servers_on_one_postgresql_keep_both_reviewers_decisions(shared_desk: tuple[str, list[str]]) -> None:
    from playwright.sync_api import sync_playwright

    from checker.pipeline import Article, check_article

    url, desks = shared_desk
    analysis_id = check_article(open_db(url), Article(SAMPLE.read_text(encoding="utf-8"), source="sample"))[1]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            pages = []
            for desk, reviewer in zip(desks, ("Hala", "Omar")):
                context = browser.new_context(viewport={"width": 1500, "height": 1000})
                context.set_default_timeout(STEP_MS)
                page = context.new_page()
                page.goto(f"{desk}/?analysis={analysis_id}&reviewer={reviewer}")
                pages.append(page)
            first, second = pages
            open_analysis(first, analysis_id)
            open_analysis(second, analysis_id)
            claims = rows(first, analysis_id)
            assert len(claims) >= 2 and rows(second, analysis_id) == claims
            second.locator(f".st-key-a{analysis_id}-{claims[1]}-pick button").click()
            wait_for_selected(second, analysis_id, claims[1])
            # Both reviewers click before either desk has rerun with the other's decision.
            first.locator(f".st-key-a{analysis_id}-{claims[0]}-status_done button").click()
            click_in_detail(second, analysis_id, claims[1], "status_needs_work", "Omar · status: needs work")
            first.locator(f".st-key-a{analysis_id}-{claims[0]}-card").get_by_text(
                re.compile(r"Saved: .*Hala · status: done")).wait_for()
            wait_for_rerun(first)

            history = decision_history(open_db(url), analysis_id)
            assert {(d.claim_key, d.reviewer, d.value) for d in history} == {
                (claims[0], "Hala", "done"), (claims[1], "Omar", "needs_work")}
            first.reload()  # the first desk server reads the second's decision from the shared database
            first.get_by_text(re.compile(rf"Analysis {analysis_id}: 1 of")).wait_for()
            wait_for_rerun(first)
            first.locator(f".st-key-a{analysis_id}-{claims[1]}-pick button").click()
            wait_for_selected(first, analysis_id, claims[1])
            first.locator(f".st-key-a{analysis_id}-{claims[1]}-card").get_by_text("last by Omar").wait_for()
            shot(first, "two_desk_servers_postgresql")
        finally:
            browser.close()

"""How fast the review desk answers: the analysis of an article, then the reruns a reviewer waits for.

Drives app.py with Streamlit's AppTest (the same script the browser runs, minus the
network) against a scratch claims.db, and prints seconds per step.

    .venv/bin/python scripts/bench_ui.py [ARTICLE] [--seed] [--repeat N] [--browser]

--browser also serves the desk with `streamlit run` and times, in headless Chromium,
what a reviewer waits for: from a click on a status button to its "Saved" line.
"""
from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLE = ROOT.parent / "shared" / "samples" / "baghdad_embassy_ar.txt"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", default=str(DEFAULT_ARTICLE))
    parser.add_argument("--seed", action="store_true", help="load the demo evidence first, so claims get evidence")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--browser", action="store_true", help="also time clicks in headless Chromium")
    args = parser.parse_args()
    text = Path(args.article).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["CHECKER_DB"] = str(Path(folder) / "claims.db")
        sys.path.insert(0, str(ROOT))
        from streamlit.testing.v1 import AppTest

        from checker.embeddings import get_embedder

        warm_up = lambda: get_embedder().encode(["warm up"])  # noqa: E731 - the model loads on first use
        print(f"load the sentence model: {timed(warm_up):.2f} s (once per server process)")
        if args.seed:
            from checker.store.db import open_db
            from checker.store.ingest import load_seed

            print(f"seed: {timed(lambda: load_seed(open_db())):.2f} s")
        for round_ in ("first", "second"):
            app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600).run()
            app.text_input(key="reviewer").input("bench")
            app.text_area(key="article_text").input(text)
            seconds = timed(lambda: app.button(key="analyse").click().run())
            assert not app.exception and not app.error, [e.value for e in (*app.exception, *app.error)]
            print(f"analyse, {round_}: {seconds:.2f} s for {len(text)} characters")
        analysis_id = app.session_state["analysis_id"]
        claims = [b.key.split("-")[1] for b in app.button if b.key and b.key.endswith("-confirm")]
        reruns = [timed(app.run) for _ in range(args.repeat)]
        print(f"rerun with {len(claims)} claims shown: median {statistics.median(reruns):.3f} s, "
              f"max {max(reruns):.3f} s")
        clicks = [timed(lambda c=c: app.button(key=f"a{analysis_id}-{c}-status_done").click().run())
                  for c in claims[: args.repeat]]
        print(f"record a decision (click + rerun): median {statistics.median(clicks):.3f} s, max {max(clicks):.3f} s")
        reopened = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        reopened.query_params["analysis"] = str(analysis_id)
        print(f"reopen the analysis in a new session: {timed(reopened.run):.3f} s")
        if args.browser:
            bench_browser(analysis_id, claims[args.repeat: 2 * args.repeat], Path(os.environ["CHECKER_DB"]))
    return 0


def bench_browser(analysis_id: int, claims: list[str], db_path: Path) -> None:
    """Serve the desk, open the stored analysis in Chromium and time clicks until their "Saved" line shows."""
    from playwright.sync_api import sync_playwright

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port)],
        cwd=ROOT, env={**os.environ, "CHECKER_DB": str(db_path)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(url)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(120_000)
            opened = timed(lambda: (page.goto(f"{url}/?analysis={analysis_id}"),
                                    page.get_by_text(re.compile(rf"Analysis {analysis_id}: ")).wait_for()))
            print(f"browser: open the analysis, first page of a fresh server process: {opened:.2f} s")
            page.locator(".st-key-reviewer input").fill("bench")
            page.locator(".st-key-reviewer input").press("Enter")
            page.wait_for_timeout(300)
            page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden")  # that rerun is not timed
            waits = [timed(lambda c=c: _click_and_wait(page, analysis_id, c)) for c in claims]
            print(f"browser: click a status button until its Saved line shows: median "
                  f"{statistics.median(waits):.2f} s, max {max(waits):.2f} s (in order: "
                  + ", ".join(f"{w:.2f}" for w in waits) + ")")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


def _click_and_wait(page: object, analysis_id: int, claim_id: str) -> None:
    page.locator(f".st-key-a{analysis_id}-{claim_id}-status_needs_work button").click()
    page.locator(f".st-key-a{analysis_id}-{claim_id}-card").get_by_text(
        re.compile(r"Saved: .*bench · status: needs work")).wait_for()


def _wait_for(url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"streamlit did not start at {url}")


if __name__ == "__main__":
    raise SystemExit(main())

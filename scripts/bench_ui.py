"""How fast the review desk answers with 20 and with 60 claims: the reruns and clicks a reviewer waits for.

Drives app.py with Streamlit's AppTest (the same script the browser runs, minus the
network) against a scratch claims.db, and with --browser also serves the desk with
`streamlit run` and times, in headless Chromium, what a reviewer waits for:

- analyse: the first analysis after the server started (model loading included), then a second;
- rerun: a whole-page rerun with every claim in the triage list;
- select: a click on a claim row until its detail shows (a fragment rerun);
- click to saved: a status button until its "Saved" line shows.

    .venv/bin/python scripts/bench_ui.py [ARTICLE] [--claims 20 60] [--seed] [--repeat N] [--browser]

An article with more claims than asked is cut at a paragraph; with fewer, the project's own Arabic test
articles (tests/data/attribution*/ar_*.txt) follow it.
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
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLE = ROOT.parent / "shared" / "samples" / "baghdad_embassy_ar.txt"
MORE_ARTICLES = ROOT / "tests" / "data"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def article_with(text: str, claims: int) -> str:
    """The article, followed by the project's own Arabic test articles, cut at the paragraph that brings
    the claims to `claims` (a repeated paragraph would not do: the same sentence is one claim)."""
    from checker.pipeline import analyze

    texts = [text, *(path.read_text(encoding="utf-8") for path in sorted(MORE_ARTICLES.glob("*/ar_*.txt")))]
    paragraphs = [p for t in texts for p in t.split("\n\n") if p.strip()]
    chosen: list[str] = []
    for paragraph in paragraphs:
        chosen.append(paragraph)
        if len(analyze("\n\n".join(chosen)).claims) >= claims:
            break
    return "\n\n".join(chosen)


def summary(values: list[float]) -> str:
    return f"median {statistics.median(values):.3f} s, max {max(values):.3f} s (n={len(values)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", default=str(DEFAULT_ARTICLE))
    parser.add_argument("--claims", type=int, nargs="+", default=[20, 60])
    parser.add_argument("--seed", action="store_true", help="load the demo evidence first, so claims get evidence")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--browser", action="store_true", help="also time clicks in headless Chromium")
    args = parser.parse_args()
    text = Path(args.article).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["CHECKER_DB"] = str(Path(folder) / "claims.db")
        sys.path.insert(0, str(ROOT))
        from checker.embeddings import get_embedder

        print(f"load the sentence model: {timed(lambda: get_embedder().encode(['warm up'])):.2f} s")
        if args.seed:
            from checker.store.db import open_db
            from checker.store.ingest import load_seed

            print(f"seed: {timed(lambda: load_seed(open_db())):.2f} s")
        stored = {}
        for wanted in args.claims:
            stored[wanted] = bench_apptest(article_with(text, wanted), args.repeat)
        if args.browser:
            bench_browser(stored, Path(os.environ["CHECKER_DB"]), args.repeat)
    return 0


def bench_apptest(text: str, repeat: int) -> tuple[int, list[str]]:
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    app.query_params["reviewer"] = "bench"
    app.run()
    app.text_area(key="article_text").input(text)
    seconds = timed(lambda: app.button(key="analyse").click().run())
    assert not app.exception and not app.error, [e.value for e in (*app.exception, *app.error)]
    analysis_id = app.session_state["analysis_id"]
    claims = [b.key.split("-")[1] for b in app.button if b.key and b.key.endswith("-pick")]
    label = f"{len(claims)} claims"
    print(f"[{label}] analyse ({len(text)} characters): {seconds:.2f} s")
    print(f"[{label}] AppTest rerun, whole page: {summary([timed(app.run) for _ in range(repeat)])}")
    picks = [timed(lambda c=c: app.button(key=f"a{analysis_id}-{c}-pick").click().run()) for c in claims[:repeat]]
    print(f"[{label}] AppTest select a claim (fragment): {summary(picks)}")
    clicks = []
    for claim in claims[:repeat]:
        app.button(key=f"a{analysis_id}-{claim}-pick").click().run()
        clicks.append(timed(lambda c=claim: app.button(key=f"a{analysis_id}-{c}-status_done").click().run()))
    print(f"[{label}] AppTest click to saved (fragment): {summary(clicks)}")
    return analysis_id, claims


def bench_browser(stored: dict[int, tuple[int, list[str]]], db_path: Path, repeat: int) -> None:
    """Serve the desk, open each stored analysis in Chromium and time selecting and marking claims."""
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
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            page.set_default_timeout(180_000)
            page.goto(f"{url}/?reviewer=bench")
            page.locator(".st-key-article_text textarea").wait_for()
            sample = DEFAULT_ARTICLE.read_text(encoding="utf-8")
            page.locator(".st-key-article_text textarea").fill(sample)
            page.locator(".st-key-article_text textarea").press("Control+Enter")
            _settle(page)
            first = timed(lambda: (page.get_by_role("button", name="Analyse").click(),
                                   page.get_by_text(re.compile(r"Analysis \d+: \d+ of")).wait_for()))
            print(f"browser: first analysis after the server started (model load included): {first:.2f} s")
            for wanted, (analysis_id, claims) in stored.items():
                label = f"{len(claims)} claims"
                opened = timed(lambda a=analysis_id: (page.goto(f"{url}/?analysis={a}&reviewer=bench"),
                                                      page.locator(".st-key-triage button").first.wait_for()))
                _settle(page)
                print(f"[{label}] browser: open the analysis (full page): {opened:.2f} s")
                picks = [timed(lambda c=c, a=analysis_id: _pick(page, a, c)) for c in claims[-repeat:]]
                print(f"[{label}] browser: click a row until its claim shows: {summary(picks)}")
                last = claims[-1]
                saves = [timed(lambda n=n, a=analysis_id: _save(page, a, last, ("needs_work", "done")[n % 2]))
                         for n in range(repeat)]
                print(f"[{label}] browser: click to saved: {summary(saves)}")
                reruns = [timed(lambda: (page.reload(), page.locator(".st-key-triage button").first.wait_for(),
                                         _settle(page))) for _ in range(max(2, repeat // 2))]
                print(f"[{label}] browser: reload and rerun the whole page: {summary(reruns)}")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


def _settle(page: Any) -> None:
    page.wait_for_timeout(150)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden")


def _pick(page: Any, analysis_id: int, claim_id: str) -> None:
    page.locator(f".st-key-a{analysis_id}-{claim_id}-pick button").click()
    page.locator(f".st-key-detail .st-key-a{analysis_id}-{claim_id}-card").wait_for()


def _save(page: Any, analysis_id: int, claim_id: str, status: str) -> None:
    page.locator(f".st-key-a{analysis_id}-{claim_id}-status_{status} button").click()
    words = status.replace("_", " ")
    page.locator(f".st-key-a{analysis_id}-{claim_id}-card").get_by_text(
        re.compile(rf"Saved: .*bench · status: {words}")).wait_for()


def _wait_for(url: str) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with opener.open(f"{url}/_stcore/health", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"streamlit did not start at {url}")


if __name__ == "__main__":
    raise SystemExit(main())

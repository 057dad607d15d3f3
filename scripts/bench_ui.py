"""How fast the review desk answers with 20 and with 60 claims: the reruns and clicks a reviewer waits for.

The analyses are made as the desk makes them (checker.pipeline.check_article) in a scratch claims.db
with the demo evidence. Then, in one or both of:

- AppTest (`--apptest`): app.py run by Streamlit's test harness (script time only, no browser);
- Chromium (`--browser`, the default): `streamlit run app.py` served fresh and driven by Playwright and
  Debian's chromium, timing what a reviewer waits for:
  - first analysis: the sample article pasted on the fresh server once the page no longer says the
    models are loading, from the click on *Analyse* until its results show, then a second one; with
    `--at-once`, also on a second fresh server with the article pasted as soon as the page shows (the
    analysis then waits for the warm-up);
  - open: an analysis opened from its address until the triage list shows;
  - select: a click on a claim row until its detail shows;
  - click to saved: a status button until its "Saved" line shows (and until the run is over).

Every figure is printed with the load average (the machine may be shared) and the CPU time the
server process and the browser spent, per click.

    .venv/bin/python scripts/bench_ui.py [ARTICLE] [--claims 20 60] [--clicks 20] [--apptest] [--browser]

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
TICKS = os.sysconf("SC_CLK_TCK")


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def load() -> str:
    return "load " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(values):.3f} s, p95 {p95:.3f} s, max {ordered[-1]:.3f} s (n={len(values)})"


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes so far (from /proc; gone processes count 0)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


def descendants(root: int, name: str) -> list[int]:
    """Processes under `root` whose command is `name` (the browser's renderer, GPU and network processes)."""
    parents: dict[int, int] = {}
    names: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            names[int(entry.name)] = stat[stat.index("(") + 1:stat.rindex(")")]
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found = []
    for pid in parents:
        walk = pid
        while walk in parents and walk != root and walk > 1:
            walk = parents[walk]
        if walk == root and name in names.get(pid, ""):
            found.append(pid)
    return found


class CpuMeter:
    """CPU seconds the server and the browser spend on one phase, per action."""

    def __init__(self, server_pid: int) -> None:
        self.server_pid = server_pid

    def __enter__(self) -> "CpuMeter":
        self.browser_pids = descendants(os.getpid(), "chrom")
        self.start = (cpu_seconds([self.server_pid]), cpu_seconds(self.browser_pids))
        return self

    def __exit__(self, *_: object) -> None:
        self.server = cpu_seconds([self.server_pid]) - self.start[0]
        self.browser = cpu_seconds(self.browser_pids) - self.start[1]

    def per(self, n: int) -> str:
        return f"CPU per action: server {self.server / n:.3f} s, browser {self.browser / n:.3f} s"


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", default=str(DEFAULT_ARTICLE))
    parser.add_argument("--claims", type=int, nargs="+", default=[20, 60])
    parser.add_argument("--clicks", type=int, default=20, help="clicks timed per measure")
    parser.add_argument("--apptest", action="store_true", help="time the script in AppTest")
    parser.add_argument("--browser", action="store_true", help="time clicks in headless Chromium (default)")
    parser.add_argument("--at-once", action="store_true", help="also analyse at once on a second fresh server")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    text = Path(args.article).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "claims.db"
        os.environ["CHECKER_DB"] = str(db_path)
        from checker.pipeline import Article, check_article
        from checker.store.db import open_db
        from checker.store.ingest import load_seed

        db = open_db(db_path)
        load_seed(db)
        stored = {}
        for wanted in args.claims:
            report, analysis_id = check_article(db, Article(article_with(text, wanted), source="bench"))
            stored[wanted] = (analysis_id, [claim.id for claim in report.analysis.claims])
        db.conn.close()
        print(f"stored analyses: {', '.join(f'{len(c)} claims (#{a})' for a, c in stored.values())}; {load()}")
        if args.apptest:
            for analysis_id, claims in stored.values():
                bench_apptest(analysis_id, claims, args.clicks)
        if args.browser or not args.apptest:
            if args.at_once:
                bench_browser({}, db_path, args.clicks, at_once=True)
            bench_browser(stored, db_path, args.clicks)
    return 0


def bench_apptest(analysis_id: int, claims: list[str], clicks: int) -> None:
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    app.query_params["reviewer"] = "bench"
    app.query_params["analysis"] = str(analysis_id)
    app.run()
    assert not app.exception and not app.error, [e.value for e in (*app.exception, *app.error)]
    label = f"{len(claims)} claims"
    started = time.process_time()
    reruns = [timed(app.run) for _ in range(clicks)]
    print(f"[{label}] AppTest whole-page rerun: {summary(reruns)}; "
          f"CPU {(time.process_time() - started) / clicks:.3f} s each; {load()}")
    saves = []
    started = time.process_time()
    for n in range(clicks):
        claim = claims[n % len(claims)]
        if f"a{analysis_id}-{claim}-pick" not in {b.key for b in app.button}:
            app.run()  # AppTest keeps only what the last fragment run drew (a browser keeps every row)
        app.button(key=f"a{analysis_id}-{claim}-pick").click().run()
        saves.append(timed(lambda c=claim: app.button(key=f"a{analysis_id}-{c}-status_done").click().run()))
    print(f"[{label}] AppTest click to saved: {summary(saves)}; "
          f"CPU {(time.process_time() - started) / clicks:.3f} s per select and save; {load()}")


def bench_browser(stored: dict[int, tuple[int, list[str]]], db_path: Path, clicks: int,
                  at_once: bool = False) -> None:
    """Serve the desk fresh, analyse the sample, then time opening, selecting and saving."""
    from playwright.sync_api import sync_playwright

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env={**os.environ, "CHECKER_DB": str(db_path)}, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(url)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            page.set_default_timeout(180_000)
            page.goto(f"{url}/?reviewer=bench")
            page.locator(".st-key-article_text textarea").wait_for()
            print(f"browser: server start to the page shown: {time.perf_counter() - started:.2f} s")
            if not at_once:
                with CpuMeter(server.pid) as cpu:
                    while page.get_by_text("an analysis started now waits for it").count():
                        page.wait_for_timeout(1000)
                        page.reload()
                        page.locator(".st-key-article_text textarea").wait_for()
                        _settle(page)
                print(f"browser: server start to the models loaded: {time.perf_counter() - started:.1f} s; "
                      f"{cpu.per(1)}; {load()}")
            first_analysis(page, server.pid, started)
            for analysis_id, claims in stored.values():
                bench_analysis(page, url, server.pid, analysis_id, claims, clicks)
            browser.close()
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


def first_analysis(page: Any, server_pid: int, started: float) -> None:
    sample = DEFAULT_ARTICLE.read_text(encoding="utf-8")
    for attempt in ("first", "second"):
        if attempt == "second":
            page.locator(".st-key-new_article button").click()
            page.locator(".st-key-article_text textarea").wait_for()
        box = page.locator(".st-key-article_text textarea")
        box.fill(sample)
        box.press("Control+Enter")
        _settle(page)
        with CpuMeter(server_pid) as cpu:
            seconds = timed(lambda: (page.locator(".st-key-analyse button").click(),
                                     page.get_by_text(re.compile(r"Analysis \d+: \d+ of")).wait_for(),
                                     page.locator(".st-key-triage button").first.wait_for()))
        print(f"browser: {attempt} analysis of the sample, Analyse to results shown: {seconds:.2f} s "
              f"({time.perf_counter() - started:.1f} s after the server started); {cpu.per(1)}; {load()}")


def bench_analysis(page: Any, url: str, server_pid: int, analysis_id: int, claims: list[str], clicks: int) -> None:
    label = f"{len(claims)} claims"
    with CpuMeter(server_pid) as cpu:
        opened = timed(lambda: (page.goto(f"{url}/?analysis={analysis_id}&reviewer=bench"),
                                page.locator(".st-key-triage button").first.wait_for(), _settle(page)))
    print(f"[{label}] browser: open the analysis from its address: {opened:.2f} s; {cpu.per(1)}; {load()}")
    order = [claims[(7 * n + 1) % len(claims)] for n in range(clicks)]  # spread over the list
    with CpuMeter(server_pid) as cpu:
        picks = []
        for claim in order:
            picks.append(timed(lambda c=claim: _pick(page, analysis_id, c)))
            _settle(page)
    print(f"[{label}] browser: click a row until its claim shows: {summary(picks)}; {cpu.per(clicks)}; {load()}")
    saved, finished = [], []
    with CpuMeter(server_pid) as cpu:
        for n, claim in enumerate(order):
            _pick(page, analysis_id, claim)
            _settle(page)
            status = ("needs_work", "done")[n % 2]
            start = time.perf_counter()
            _save(page, analysis_id, claim, status)
            saved.append(time.perf_counter() - start)
            _settle(page, wait=0)
            finished.append(time.perf_counter() - start)
    print(f"[{label}] browser: click to saved: {summary(saved)}; {load()}")
    print(f"[{label}] browser: click to the run over: {summary(finished)}; "
          f"{cpu.per(clicks)} (a select and a save); {load()}")


def _settle(page: Any, wait: int = 150) -> None:
    if wait:
        page.wait_for_timeout(wait)
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

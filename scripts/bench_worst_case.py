"""Time and memory of each analysis stage on its worst-case input, at 100 KB, 1 MB and the input limit.

    .venv/bin/python scripts/bench_worst_case.py [--sizes 100000,1000000] [--cases digits,quotes] [--no-limit]
                                                 [--verdict] [--tracemalloc]

Each case is text built to hit one stage's most expensive path (dense numbers, unbalanced quotes, comments and
tags never closed, many short claims, many distinct speakers). Every stage must stay linear or n·log n in the
text; the target is < 30 s and < 1 GB for the whole analysis at the 2,000,000-character input limit.
`--verdict` makes it the whole analysis as `analyze` runs it: the Doc dropped after attribution, the sentence
model loaded, the evidence stage (at most CHECKER_EVIDENCE_CLAIMS distinct claims, against the demo evidence in a
scratch database), the report stored, and the JSON report written (to /dev/null) as `analyze` prints it. Figures: docs/reliability.md.

Each case runs in a fresh child process (so one case's caches do not flatter the next). Per stage it prints wall
and CPU time (CPU is what the analysis itself spent, whatever else the shared machine was doing) and the
process's peak RSS so far; per case the totals and the peak RSS /usr/bin/time saw. The load average is printed
before and after. `--tracemalloc` adds each stage's peak of Python allocations, at 2-3x the time.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LIMIT = 2_000_000


def _repeat(make: Callable[[int], str], size: int) -> str:
    """Pieces numbered 0, 1, 2 … joined until `size` characters (numbered, so no line repeats)."""
    parts: list[str] = []
    total = 0
    n = 0
    while total < size:
        piece = make(n)
        parts.append(piece)
        total += len(piece)
        n += 1
    return "".join(parts)[:size]


CASES: dict[str, Callable[[int], str]] = {
    # One endless sentence of figures: every number's overlap check and context read.
    "digits": lambda size: "قال المسؤول إن " + _repeat(lambda n: f"{n * 7919 % 100000:,} جندي و{n % 97}% و ", size),
    # Quotation marks opened and never closed, in one paragraph, mixed marks.
    "quotes": lambda size: _repeat(lambda n: f'وقال "المسؤول {n} « إن الصواريخ “ أصابت ', size),
    # An HTML page of comments, scripts and tags that never close: the tag strippers' worst case.
    "tags": lambda size: "<html><body><p>a</p><div>b</div>" + _repeat(
        lambda n: f"<!-- <script> <p Rockets hit the embassy {n} <style> <b>said <a href=x>AFP ", size),
    # Many short check-worthy claims, each with a source: attribution's history grows with them.
    "claims": lambda size: _repeat(
        lambda n: f"The official said {n} rockets hit the base on Friday, Reuters reported.\n\n", size),
    # Short date lines one under another: whether each line may still be the title read every line above it.
    "dates": lambda size: _repeat(lambda n: f"Friday {n % 28 + 1} December {1990 + n % 30}\n\n", size),
    # A claim and "This was reported by X" after it, again and again: the backward cue's search for its claim.
    "backward": lambda size: _repeat(
        lambda n: f"The base was hit by {n} rockets on Friday. This was reported by Reuters.\n\n", size),
    # Many distinct named speakers referred back to by name: coreference's lookback.
    "speakers": lambda size: _repeat(
        lambda n: f"Minister Name{n} told AFP that {n} troops left. Name{max(0, n - 1)} said {n + 1} more would "
                  "follow.\n\n", size),
}


def _stages(text: str, with_verdict: bool, trace: bool) -> list[tuple[str, float, float, float]]:
    """(stage, wall s, CPU s, MB) for clean -> segment -> claims -> attribution (-> model -> evidence -> store
    -> report); MB is the process's peak RSS so far, or with `trace` the stage's peak of Python allocations."""
    from checker.attribution import attribute
    from checker.claims import extract_claims
    from checker.outlets import load_registry
    from checker.doc import make_doc
    from checker.text import clean_text

    registry = load_registry()
    results: list[tuple[str, float, float, float]] = []

    def run(name: str, action: Callable[[], object]) -> object:
        if trace:
            tracemalloc.start()
        started, cpu = time.perf_counter(), time.process_time()
        value = action()
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        if trace:
            memory = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
        else:
            memory = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        results.append((name, seconds, cpu, memory))
        return value

    clean = str(run("clean", lambda: clean_text(text)))
    doc = run("doc", lambda: make_doc(clean))
    claims, non_claims = run("claims", lambda: extract_claims(doc))  # type: ignore[misc]
    attributed = run("attribution", lambda: attribute(doc, claims, registry))  # type: ignore[arg-type]
    language, sentences = doc.language, doc.sentences  # type: ignore[attr-defined]
    del doc, claims  # as in pipeline.analyze: the Doc is gone once the claims are attributed
    if with_verdict:
        from checker.cli import print_report
        from checker.config import get_settings
        from checker.embeddings import get_embedder
        from checker.models import Analysis, Report
        from checker.pipeline import check_bounded
        from checker.review import save_report
        from checker.store.db import open_db
        from checker.store.ingest import load_seed

        with tempfile.TemporaryDirectory() as folder, open(os.devnull, "w") as sink:
            run("model", get_embedder)  # a fresh `analyze` process loads it; the desk, once
            db = open_db(Path(folder) / "bench.db")
            load_seed(db)
            analysis = Analysis(clean, language, sentences, attributed, non_claims)  # type: ignore[arg-type]
            checks = run("evidence", lambda: check_bounded(db, attributed, get_settings().evidence_claims))  # type: ignore[arg-type]
            report = Report(analysis, checks)  # type: ignore[arg-type]
            analysis_id = run("store", lambda: save_report(db, report, source="bench"))
            with contextlib.redirect_stdout(sink):  # the JSON `analyze` prints, written as it prints it
                run("report", lambda: print_report(report, analysis_id, "json"))  # type: ignore[arg-type]
    return results


def _child(case: str, size: int, with_verdict: bool, trace: bool) -> None:
    os.environ["CHECKER_MAX_INPUT_CHARS"] = str(max(LIMIT, size))  # sizes past the limit are measured too
    text = CASES[case](size)[:size]  # exactly `size` characters: a case's lead-in may not push it past the limit
    print(json.dumps(_stages(text, with_verdict, trace)))


def _load() -> str:
    return "load average " + " ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--no-limit", action="store_true", help="skip the 2,000,000-character runs")
    parser.add_argument("--verdict", action="store_true",
                        help="the whole analysis: model, evidence, stored report, JSON (loads the model)")
    parser.add_argument("--tracemalloc", action="store_true", help="per-stage Python allocation peaks (slower)")
    parser.add_argument("--child", nargs=2, metavar=("CASE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], int(args.child[1]), args.verdict, args.tracemalloc)
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if not args.no_limit:
        sizes.append(LIMIT)
    stages = ("clean", "doc", "claims", "attribution") + (
        ("model", "evidence", "store", "report") if args.verdict else ())
    memory = "Python peak MB" if args.tracemalloc else "RSS so far MB"
    print(f"{_load()}; per stage: wall s / CPU s / {memory}", flush=True)
    print(f"{'case':<9} {'chars':>9}  " + "  ".join(f"{s:>19}" for s in stages)
          + f"  {'total wall / CPU':>20}  {'process RSS':>11}")
    worst = (0.0, 0.0, 0.0)
    for case in args.cases.split(","):
        for size in sizes:
            command = [sys.executable, __file__, "--child", case, str(size)] + (
                ["--verdict"] if args.verdict else []) + (["--tracemalloc"] if args.tracemalloc else [])
            done = subprocess.run(["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True,
                                  timeout=3600)
            if done.returncode != 0:
                print(f"{case:<9} {size:>9}  failed: {done.stderr.strip().splitlines()[-2:]}", flush=True)
                continue
            rss_mb = int(done.stderr.strip().splitlines()[-1]) / 1024
            found = {name: (wall, cpu, mb) for name, wall, cpu, mb in json.loads(done.stdout.splitlines()[-1])}
            cells = [f"{found[s][0]:6.2f}/{found[s][1]:5.2f}/{found[s][2]:5.0f}" for s in stages]
            wall = sum(v[0] for v in found.values())
            cpu = sum(v[1] for v in found.values())
            if size == LIMIT:
                worst = (max(worst[0], wall), max(worst[1], cpu), max(worst[2], rss_mb))
            print(f"{case:<9} {size:>9}  " + "  ".join(cells) + f"  {wall:8.1f} s / {cpu:6.1f} s  {rss_mb:8.0f} MB",
                  flush=True)
    if not args.no_limit:
        print(f"at the {LIMIT:,}-character limit: worst total {worst[0]:.1f} s wall ({worst[1]:.1f} s CPU), "
              f"worst process peak {worst[2]:.0f} MB RSS (target < 30 s, < 1 GB)")
    print(_load())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

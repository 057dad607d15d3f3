"""Time and peak memory of each analysis stage on its worst-case input, at 100 KB, 1 MB and the input limit.

    .venv/bin/python scripts/bench_worst_case.py [--sizes 100000,1000000] [--cases digits,quotes] [--no-limit]
                                                 [--verdict]

Each case is text built to hit one stage's most expensive path (dense numbers, unbalanced quotes, comments and
tags never closed, many short claims, many distinct speakers). Every stage must stay linear or n·log n in the
text; the target is < 30 s and < 1 GB for the whole analysis at the input limit. That could not be met at the
old 2,000,000 characters (still measured by default, as the size to compare with), so the limit is now
40,000 characters of article text: `--sizes 40000 --no-limit --verdict` measures the whole analysis there.
Figures: docs/reliability.md.
Each case runs in a fresh child process (so one case's caches do not flatter the next); per stage it prints
wall time and tracemalloc's peak (Python allocations), and per case the wall and CPU totals (CPU time is what the
analysis itself spent, whatever else the shared machine was doing) and the process's peak RSS (/usr/bin/time). `--verdict` adds the evidence stage (retrieval + stance) against the demo
evidence in a scratch database; it loads the sentence model once.
"""
from __future__ import annotations

import argparse
import json
import os
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
    # Many distinct named speakers referred back to by name: coreference's lookback.
    "speakers": lambda size: _repeat(
        lambda n: f"Minister Name{n} told AFP that {n} troops left. Name{max(0, n - 1)} said {n + 1} more would "
                  "follow.\n\n", size),
}


def _stages(text: str, with_verdict: bool) -> list[tuple[str, float, float, float]]:
    """(stage, wall seconds, CPU seconds, peak MB) for clean -> segment -> claims -> attribution (-> verdict)."""
    from checker.attribution import attribute
    from checker.claims import extract_claims
    from checker.outlets import load_registry
    from checker.segment import split_sentences
    from checker.text import clean_text

    registry = load_registry()
    results: list[tuple[str, float, float, float]] = []
    state: dict[str, object] = {}

    def run(name: str, action: Callable[[], object]) -> object:
        tracemalloc.start()
        started, cpu = time.perf_counter(), time.process_time()
        value = action()
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        results.append((name, seconds, cpu, peak))
        return value

    state["text"] = run("clean", lambda: clean_text(text))
    clean = str(state["text"])
    sentences = run("segment", lambda: split_sentences(clean))
    claims, _ = run("claims", lambda: extract_claims(clean, sentences))  # type: ignore[misc]
    attributed = run("attribution", lambda: attribute(clean, sentences, claims, registry))  # type: ignore[arg-type]
    if with_verdict:
        from checker.store.db import open_db
        from checker.store.ingest import load_seed
        from checker.verdict import check_claims

        with tempfile.TemporaryDirectory() as folder:
            db = open_db(Path(folder) / "bench.db")
            load_seed(db)
            from checker.embeddings import get_embedder

            get_embedder()
            run("verdict", lambda: check_claims(db, attributed))  # type: ignore[arg-type]
    return results


def _child(case: str, size: int, with_verdict: bool) -> None:
    os.environ["CHECKER_MAX_INPUT_CHARS"] = str(2 * max(LIMIT, size))  # the bench measures past the real limit
    text = CASES[case](size)
    print(json.dumps(_stages(text, with_verdict)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--no-limit", action="store_true", help="skip the 2,000,000-character runs")
    parser.add_argument("--verdict", action="store_true", help="include retrieval and stance (loads the model)")
    parser.add_argument("--child", nargs=2, metavar=("CASE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], int(args.child[1]), args.verdict)
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if not args.no_limit:
        sizes.append(LIMIT)
    stages = ("clean", "segment", "claims", "attribution") + (("verdict",) if args.verdict else ())
    print(f"{'case':<9} {'chars':>9}  " + "  ".join(f"{s:>16}" for s in stages)
          + f"  {'total wall / CPU':>20}  {'peak':>7}  {'process RSS':>11}")
    worst = (0.0, 0.0, 0.0)
    for case in args.cases.split(","):
        for size in sizes:
            command = [sys.executable, __file__, "--child", case, str(size)] + (["--verdict"] if args.verdict else [])
            done = subprocess.run(["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True,
                                  timeout=3600)
            if done.returncode != 0:
                print(f"{case:<9} {size:>9}  failed: {done.stderr.strip().splitlines()[-2:]}", flush=True)
                continue
            rss_mb = int(done.stderr.strip().splitlines()[-1]) / 1024
            found = {name: (wall, cpu, peak) for name, wall, cpu, peak in json.loads(done.stdout.splitlines()[-1])}
            cells = [f"{found[s][0]:6.2f} s {found[s][2]:5.0f} MB" for s in stages]
            wall = sum(v[0] for v in found.values())
            cpu = sum(v[1] for v in found.values())
            peak = max(v[2] for v in found.values())
            if size == LIMIT:
                worst = (max(worst[0], wall), max(worst[1], cpu), max(worst[2], rss_mb))
            print(f"{case:<9} {size:>9}  " + "  ".join(cells) + f"  {wall:8.1f} s / {cpu:6.1f} s  {peak:5.0f} MB"
                  f"  {rss_mb:8.0f} MB", flush=True)
    if not args.no_limit:
        print(f"at the {LIMIT:,}-character limit: worst total {worst[0]:.1f} s wall ({worst[1]:.1f} s CPU), "
              f"worst process peak {worst[2]:.0f} MB RSS (target < 30 s, < 1 GB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`checker batch` throughput with 1 and 2 Ray workers in one run, peak RSS per worker, and resume after a kill.

    .venv/bin/python scripts/bench_batch.py [--articles 20000] [--workers 1,2] [--no-kill]

The archive is generated from the shared corpora (ANT v2.1 multisource, ANT v1.1, PolNeAR, GUM), cycled with
numbered ids until it holds `--articles` articles, and written to a temporary folder: its text never enters the
repository. The kill test starts a 2-worker run, kills the driver's whole process group (SIGKILL) once a third
of the parts are written, resumes, and checks that every article is in exactly one part.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT))
from real_articles import DATA, article_text  # noqa: E402


def corpus_ids() -> list[str]:
    ids = [f"antms/{p.relative_to(DATA / 'ant_multisource').with_suffix('').as_posix()}"
           for p in sorted((DATA / "ant_multisource").rglob("*.txt")) if p.parent != DATA / "ant_multisource"]
    ids += [f"antv11/{p.relative_to(DATA / 'ant_v11').with_suffix('').as_posix()}"
            for p in sorted((DATA / "ant_v11").rglob("*.txt")) if p.parent != DATA / "ant_v11"]
    ids += [f"polnear/{p.stem}" for p in sorted((DATA / "polnear" / "dev" / "text").glob("*.txt"))]
    ids += [f"gum/{p.stem}" for p in sorted((DATA / "gum_attribution" / "dep").glob("*.conllu"))]
    return ids


def write_archive(path: Path, count: int) -> None:
    ids = corpus_ids()
    texts: dict[str, str] = {}
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            source = ids[n % len(ids)]
            if source not in texts:
                texts[source] = article_text(source)
            out.write(json.dumps({"id": f"{source}#{n // len(ids)}", "text": texts[source]}, ensure_ascii=False)
                      + "\n")


def run(archive: Path, out: Path, workers: int) -> dict:
    from checker.batch.run import BatchOptions, run_batch

    started_cpu = time.process_time()
    result = run_batch([archive], BatchOptions(out, workers=workers), progress=False)
    return {"workers": workers, "articles": result.analysed, "failed": result.failed, "claims": result.claims,
            "seconds": round(result.seconds, 1), "articles_per_s": round(result.analysed / result.seconds, 1),
            "worker_peak_rss_mb": [round(m) for m in result.worker_peak_rss_mb],
            "driver_cpu_s": round(time.process_time() - started_cpu, 1)}


def kill_and_resume(archive: Path, out: Path, total: int) -> dict:
    command = [sys.executable, "-m", "checker", "batch", str(archive), "--out", str(out), "--workers", "2",
               "--quiet"]
    first = subprocess.Popen(command, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    parts_wanted = max(1, total // 100 // 3)
    while len(list((out / "done").glob("*.json"))) < parts_wanted and first.poll() is None:
        time.sleep(0.2)
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()
    before = _ids(out)
    resumed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    after = _ids(out)
    return {"done_before_kill": len(before), "resume_exit": resumed.returncode, "after_resume": len(after),
            "distinct_after_resume": len(set(after)), "expected": total,
            "lost": total - len(set(after)), "repeated": len(after) - len(set(after))}


def _ids(out: Path) -> list[str]:
    ids: list[str] = []
    for marker in (out / "done").glob("*.json"):
        ids.extend(json.loads(marker.read_text(encoding="utf-8"))["ids"])
    return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--no-kill", action="store_true")
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as folder:
        archive = Path(folder) / "archive.jsonl"
        write_archive(archive, args.articles)
        print(f"archive: {args.articles:,} articles, {archive.stat().st_size / 1e6:.0f} MB", flush=True)
        results = [run(archive, Path(folder) / f"out-{w}", int(w)) for w in args.workers.split(",")]
        for result in results:
            print(json.dumps(result), flush=True)
        if len(results) == 2:
            print(f"throughput ratio {results[1]['workers']} / {results[0]['workers']} workers: "
                  f"{results[1]['articles_per_s'] / results[0]['articles_per_s']:.2f}", flush=True)
        if not args.no_kill:
            print(json.dumps(kill_and_resume(archive, Path(folder) / "out-kill", args.articles)), flush=True)
    print(f"load average at end: {os.getloadavg()}", flush=True)


if __name__ == "__main__":
    main()

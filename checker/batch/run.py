"""The batch driver: articles out to Ray actors in chunks, rows back, one Parquet part per chunk.

Resumable without repeats: a chunk is done when its marker `done/<part>.json` is in place, written (by rename)
only after its Parquet part `parts/<part>.parquet`; a part without its marker (the run was killed between the two)
is removed and its articles analysed again. `parts/` holds only Parquet, so it reads as one dataset. Each actor loads the outlet registry (and the models, when asked) once.
"""
from __future__ import annotations

import json
import os
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from checker.batch.inputs import BatchArticle, read_articles, read_ids
from checker.batch.rows import arrow_schema, claim_rows
from checker.errors import CheckerError, InputError

IN_FLIGHT_PER_WORKER = 2
STARTUP_ATTEMPTS = 2  # a loaded machine can miss Ray's startup wait once


@dataclass(frozen=True)
class BatchOptions:
    out: Path
    workers: int = 1
    address: str | None = None  # a running Ray cluster ("ray://host:10001", "auto"); else a local one is started
    evidence_db: str | None = None  # check every claim against this evidence store
    tagger: bool = False
    chunk: int = 100  # articles per part


@dataclass(frozen=True)
class BatchResult:
    analysed: int
    skipped: int  # done by an earlier run
    failed: int
    claims: int
    seconds: float
    worker_peak_rss_mb: tuple[float, ...] = ()


class ArticleWorker:
    """One per Ray worker: the registry and any model are loaded here once, not per article."""

    def __init__(self, evidence_db: str | None, tagger: bool) -> None:
        from checker.outlets import load_registry

        self.registry = load_registry()
        self.tagger = tagger
        self.db = None
        if evidence_db:
            from checker.embeddings import get_embedder
            from checker.store.db import open_db

            self.db = open_db(evidence_db)
            get_embedder()

    def peak_rss_mb(self) -> float:
        """This worker process's peak resident memory (Linux reports kilobytes)."""
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def analyse(self, articles: list[BatchArticle]) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
        """Rows of every claim, and the articles that failed with the reason (one bad article fails alone).

        Claims not checked because of the evidence bound (CHECKER_EVIDENCE_CLAIMS per article) keep empty verdicts.
        """
        from checker.models import Report
        from checker.pipeline import analyze
        from checker.text import clean_text

        rows: list[dict[str, Any]] = []
        failures: list[dict[str, str]] = []
        for article in articles:
            if article.error:
                failures.append({"id": article.id, "error": article.error})
                continue
            try:
                analysis = analyze(clean_text(article.text), self.registry, tagger=self.tagger, url=article.url)
                report = None
                if self.db is not None:
                    from checker.config import get_settings
                    from checker.pipeline import check_bounded

                    report = Report(analysis, check_bounded(self.db, analysis.claims, get_settings().evidence_claims))
            except Exception as error:  # noqa: BLE001 - one article's failure, whatever it is, must not stop the archive
                failures.append({"id": article.id, "error": str(error) if isinstance(error, CheckerError)
                                 else f"{type(error).__name__}: {error}"})
                continue
            rows.extend(claim_rows(article.id, analysis, site=article.site, url=article.url, report=report))
        return rows, failures


def done_ids(out: Path) -> set[str]:
    """Ids of articles finished by earlier runs; parts left without their marker are removed."""
    ids: set[str] = set()
    for marker in (out / "done").glob("*.json"):
        ids.update(json.loads(marker.read_text(encoding="utf-8"))["ids"])
    for part in (out / "parts").glob("*.parquet"):
        if not (out / "done" / f"{part.stem}.json").exists():
            part.unlink()
    for partial in [*(out / "parts").glob(".*.partial"), *(out / "done").glob(".*.partial")]:
        partial.unlink()
    return ids


def _chunks(articles: Iterator[BatchArticle], done: set[str], size: int) -> Iterator[list[BatchArticle]]:
    chunk: list[BatchArticle] = []
    for article in articles:
        if article.id in done:
            continue
        chunk.append(article)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _write_part(out: Path, name: str, ids: list[str], rows: list[dict[str, Any]],
                failures: list[dict[str, str]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    partial = out / "parts" / f".{name}.parquet.partial"
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema()), partial)
    os.replace(partial, out / "parts" / f"{name}.parquet")
    marker = out / "done" / f".{name}.json.partial"
    marker.write_text(json.dumps({"ids": ids, "failures": failures}, ensure_ascii=False), encoding="utf-8")
    os.replace(marker, out / "done" / f"{name}.json")


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise CheckerError("checker batch needs the scale extras: pip install -r requirements-scale.txt") from None
    return ray


def _connect(ray: Any, options: BatchOptions) -> bool:
    """Join the cluster at `address`, else start a local Ray with one CPU per worker; True if we started it."""
    if ray.is_initialized():
        return False
    where = f"the Ray cluster at {options.address}" if options.address else "a local Ray"
    attempt = 1
    while True:
        try:
            if options.address:
                ray.init(address=options.address, log_to_driver=False)
            else:
                ray.init(num_cpus=options.workers, include_dashboard=False, log_to_driver=False,
                         configure_logging=False)
            return True
        except (ConnectionError, RuntimeError, ValueError) as error:
            raise CheckerError(f"could not start or join {where} ({error})") from None
        except Exception as error:  # Ray raises a bare Exception when its node misses a fixed 30 s startup wait
            ray.shutdown()
            if attempt == STARTUP_ATTEMPTS:
                raise CheckerError(f"could not start or join {where} after {attempt} tries ({error}); "
                                   "a busy machine slows Ray's start: run the same command again") from None
            attempt += 1


def run_batch(inputs: list[Path], options: BatchOptions, *, progress: bool = True) -> BatchResult:
    """Analyse every article of `inputs` not already done under `options.out`; write parts as chunks finish."""
    for folder in ("parts", "done"):
        (options.out / folder).mkdir(parents=True, exist_ok=True)
    done = done_ids(options.out)
    pending = _count_pending(inputs, done)
    ray = _ray()
    if pending == 0:  # everything is already done: resuming costs no Ray start
        return BatchResult(0, len(done), 0, 0, 0.0, ())
    started_ray = _connect(ray, options)
    try:
        return _dispatch(ray, inputs, options, done, pending, progress)
    finally:
        if started_ray:
            ray.shutdown()


def _count_pending(inputs: list[Path], done: set[str]) -> int:
    """Articles still to do; an id given twice is refused before any work (resume depends on unique ids)."""
    seen: set[str] = set()
    for article_id in read_ids(inputs):
        if article_id in seen:
            raise InputError(f"the article id {article_id!r} appears twice in the inputs: ids must be unique "
                             "(give each JSONL record an 'id', or folders whose files have distinct paths)")
        seen.add(article_id)
    return len(seen - done)


def _dispatch(ray: Any, inputs: list[Path], options: BatchOptions, done: set[str], pending: int,
              progress: bool) -> BatchResult:
    already = len(done)
    actor = ray.remote(num_cpus=1)(ArticleWorker)
    workers = [actor.remote(options.evidence_db, options.tagger) for _ in range(options.workers)]
    stamp = time.strftime("%Y%m%d-%H%M%S") + "-" + uuid.uuid4().hex[:6]
    bar = _progress(pending, progress)
    started = time.perf_counter()
    in_flight: dict[Any, tuple[str, list[str]]] = {}
    analysed = failed = claims = 0

    def collect(block: bool) -> None:
        nonlocal analysed, failed, claims
        ready, _ = ray.wait(list(in_flight), num_returns=1, timeout=None if block else 0)
        for ref in ready:
            name, ids = in_flight.pop(ref)
            try:
                rows, failures = ray.get(ref)
            except ray.exceptions.RayError as error:  # a worker died (out of memory, killed): its chunk stays undone
                raise CheckerError(f"a Ray worker failed ({type(error).__name__}); the {analysed + failed:,} articles "
                                   "finished are kept: run the same command again to resume") from None
            _write_part(options.out, name, ids, rows, failures)
            analysed += len(ids) - len(failures)
            failed += len(failures)
            claims += len(rows)
            bar.update(len(ids))

    for number, chunk in enumerate(_chunks(read_articles(inputs), done, options.chunk)):
        while len(in_flight) >= IN_FLIGHT_PER_WORKER * len(workers):
            collect(block=True)
        ref = workers[number % len(workers)].analyse.remote(chunk)
        in_flight[ref] = (f"part-{stamp}-{number:06d}", [article.id for article in chunk])
    while in_flight:
        collect(block=True)
    bar.close()
    peaks = ray.get([worker.peak_rss_mb.remote() for worker in workers])
    return BatchResult(analysed, already, failed, claims, time.perf_counter() - started, tuple(peaks))


def _progress(total: int, shown: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="article", disable=not shown, file=sys.stderr, smoothing=0.1)

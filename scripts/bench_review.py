"""Speed of the review side: saving/reopening analyses, recording decisions, exporting, rendering.

    .venv/bin/python scripts/bench_review.py [--article ../shared/samples/baghdad_embassy_ar.txt]
                                             [--copies 10] [--decisions 200] [--analyses 200]

The article is repeated `--copies` times (blank-line separated) to stand in for a
long piece; each claim gets five hand-made evidence matches so the exports and
the stored JSON have realistic weight. Everything runs in a fresh temporary
database; timings are medians of 5 runs, in milliseconds.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.export import FORMATS, export_analysis  # noqa: E402
from checker.models import ClaimCheck, EvidenceMatch, Report, SourceCheck, Verdict  # noqa: E402
from checker.pipeline import analyze  # noqa: E402
from checker.render import highlight_article_html  # noqa: E402
from checker.review import list_analyses, load_report, record_decision, save_report  # noqa: E402
from checker.store.db import open_db  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLE = ROOT.parent / "shared" / "samples" / "baghdad_embassy_ar.txt"
RUNS = 5


def median_ms(action: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def with_evidence(report: Report) -> Report:
    checks = tuple(
        ClaimCheck(
            claim.id,
            tuple(
                EvidenceMatch(passage_id=rank, text=claim.sentence, outlet="AFP", url=f"https://example.org/{rank}",
                              published="2023-12-08", similarity=0.7, stance="agree", score=0.6,
                              title=f"report {rank}", reasons=("same place",))
                for rank in range(5)
            ),
            Verdict("not_enough_evidence", 0.4, ("one related report",)),
            SourceCheck("not_found"),
        )
        for claim in report.analysis.claims
    )
    return Report(report.analysis, checks)


def concurrent_decisions(db_path: Path, analysis_id: int, claim_key: str, per_reviewer: int) -> float:
    """Decisions per second with two reviewers (own connections) writing at once."""
    def review(name: str) -> None:
        db = open_db(db_path)
        for n in range(per_reviewer):
            record_decision(db, analysis_id, claim_key, "note", f"{name} {n}", name)

    threads = [threading.Thread(target=review, args=(name,)) for name in ("Huda", "Omar")]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return 2 * per_reviewer / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", type=Path, default=DEFAULT_ARTICLE)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--decisions", type=int, default=200, help="per reviewer, two reviewers")
    parser.add_argument("--analyses", type=int, default=200, help="stored analyses for the list timing")
    args = parser.parse_args()

    text = "\n\n".join([args.article.read_text(encoding="utf-8")] * args.copies)
    report = with_evidence(Report(analyze(text)))
    claims = len(report.analysis.claims)
    print(f"article: {len(text):,} chars, {claims} claims, {claims * 5} evidence matches")
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "claims.db"
        db = open_db(db_path)
        analysis_id = save_report(db, report, source="bench")
        print(f"save_report         {median_ms(lambda: save_report(db, report, source='bench')):8.1f} ms")
        print(f"load_report         {median_ms(lambda: load_report(db, analysis_id)):8.1f} ms")
        assert load_report(db, analysis_id) == report
        print(f"highlight_article   {median_ms(lambda: highlight_article_html(report.analysis)):8.1f} ms")
        for fmt in FORMATS:
            size = len(export_analysis(db, analysis_id, fmt))
            print(f"export {fmt:<12} {median_ms(lambda: export_analysis(db, analysis_id, fmt)):8.1f} ms"
                  f"  ({size:,} bytes)")
        rate = concurrent_decisions(db_path, analysis_id, report.analysis.claims[0].id, args.decisions)
        print(f"decisions           {rate:8.0f} /s  (2 reviewers x {args.decisions}, all kept: "
              f"{db['decisions'].count == 2 * args.decisions})")
        small = Report(analyze(args.article.read_text(encoding="utf-8")))
        for _ in range(args.analyses):
            save_report(db, small, source="bench")
        print(f"list_analyses       {median_ms(lambda: list_analyses(db)):8.1f} ms  ({db['analyses'].count} analyses)")


if __name__ == "__main__":
    main()

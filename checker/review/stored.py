"""Saving an analysis once and reopening it exactly as it was, with its progress for the list of past ones.

The report JSON keeps the unrounded dataclasses to rebuild from; `claims`, `claim_sources` and
`claim_evidence` rows are written beside it so SQL readers see each claim without parsing JSON.
"""
from __future__ import annotations

import hashlib
import json
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import IO, Any, Iterator

import sqlite_utils

from checker.errors import CheckerError
from checker.models import Analysis, NonClaim, Report, Sentence, to_plain
from checker.json_stream import Lazy, iter_json
from checker.report import report_fields
from checker.review.plain import check_from_plain, claim_from_plain, from_plain
from checker.store.db import is_postgres, run_write

STORAGE_FORMAT = 1
SPOOL_CHUNK = 1 << 20  # bytes of the stored report copied into SQLite at a time
_REBUILD_KEY = '"rebuild": '
_DECODER = json.JSONDecoder()
TITLE_CHARS = 90


@dataclass(frozen=True)
class AnalysisSummary:
    """One line of the "reopen a past analysis" list."""

    id: int
    created_at: str
    title: str
    language: str
    claims: int
    done: int
    source: str | None = None
    url: str | None = None


def save_report(db: sqlite_utils.Database, report: Report, *, source: str, title: str | None = None,
                url: str | None = None) -> int:
    """Store the analysis, its claims, their source links and evidence in one transaction; returns its id."""
    analysis = report.analysis
    row = {
        "created_at": utc_now(),
        "title": (title or "").strip() or default_title(analysis.text),
        "source": source,
        "url": url,
        "language": analysis.language,
        "text": analysis.text,
        "text_hash": hashlib.sha256(analysis.text.encode("utf-8")).hexdigest(),
    }

    def write() -> int:
        analysis_id = db["analyses"].insert({**row, "report": ""}).last_pk
        _write_stored_report(db, report, analysis_id)
        _insert_claims(db, report, analysis_id)
        return analysis_id

    return run_write(db, write)


def default_title(text: str) -> str:
    """The first non-empty line, shortened: articles usually open with their headline."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first if len(first) <= TITLE_CHARS else first[: TITLE_CHARS - 1].rstrip() + "…"


def load_report(db: sqlite_utils.Database, analysis_id: int) -> Report:
    """Rebuild the Report exactly as it was saved."""
    row = analysis_row(db, analysis_id)
    try:
        rebuild = _rebuild_member(row.pop("report"))
        analysis = Analysis(
            text=row["text"],
            language=row["language"],
            sentences=tuple(from_plain(Sentence, s) for s in rebuild["sentences"]),
            claims=tuple(claim_from_plain(c) for c in rebuild["claims"]),
            non_claims=tuple(from_plain(NonClaim, n) for n in rebuild["non_claims"]),
        )
        return Report(analysis, tuple(check_from_plain(c) for c in rebuild["checks"]))
    except (KeyError, TypeError, ValueError) as error:
        raise CheckerError(f"analysis {analysis_id} is stored in a form this checker cannot read ({error})") from error


def _rebuild_member(text: str | None) -> Any:
    """The stored report's "rebuild" member, without parsing the JSON contract beside it (issue 13: at the input
    limit the whole parse took +344 MB, this +169 MB).

    `dump_json` sorts the keys, so "rebuild" is the last member: a dict decoded from just after its key that ends
    one "}" before the end of the text is that member. Anything else is parsed whole, as before.
    """
    if not isinstance(text, str):  # a row with no report (written by hand, or a damaged file)
        raise TypeError("no stored report")
    start = text.rfind(_REBUILD_KEY)
    if start >= 0:
        try:
            value, end = _DECODER.raw_decode(text, start + len(_REBUILD_KEY))
        except ValueError:
            value, end = None, 0
        if isinstance(value, dict) and end == len(text) - 1 and text[end] == "}":
            return value
    return json.loads(text)["rebuild"]


def analysis_summary(db: sqlite_utils.Database, analysis_id: int) -> AnalysisSummary:
    """Title, url and progress of one stored analysis (unknown id -> CheckerError)."""
    analysis_row(db, analysis_id)
    return next(s for s in _summaries(db, "WHERE a.id = ?", [analysis_id]))


def list_analyses(db: sqlite_utils.Database) -> list[AnalysisSummary]:
    """Every stored analysis, newest first, with how many claims are done."""
    return list(_summaries(db, "", []))


def _summaries(db: sqlite_utils.Database, where: str, params: list[Any]) -> Iterator[AnalysisSummary]:
    sql = f"""
        SELECT a.id, a.created_at, a.title, a.language, a.source, a.url,
          (SELECT count(*) FROM claims c WHERE c.analysis_id = a.id) AS claims,
          (SELECT count(*) FROM decisions d
            WHERE d.analysis_id = a.id AND d.field = 'status' AND d.value = ?
              AND d.id = (SELECT max(d2.id) FROM decisions d2 WHERE d2.analysis_id = a.id
                          AND d2.claim_key = d.claim_key AND d2.field = 'status')) AS done
        FROM analyses a {where}
        ORDER BY a.created_at DESC, a.id DESC
    """
    for row in db.query(sql, [dump_json("done"), *params]):
        yield AnalysisSummary(
            id=row["id"], created_at=row["created_at"], title=row["title"] or "", language=row["language"] or "und",
            claims=row["claims"], done=row["done"], source=row["source"], url=row["url"],
        )


def analysis_row(db: sqlite_utils.Database, analysis_id: int) -> dict[str, Any]:
    """The stored analysis row; an unknown id is one clear error that says how to list them."""
    row = next(db.query("SELECT * FROM analyses WHERE id = ?", [analysis_id]), None)
    if row is None:
        raise CheckerError(f"no stored analysis with id {analysis_id} (list them with: python -m checker analyses)")
    return row


def _stored_report(report: Report, analysis_id: int) -> dict[str, Any]:
    """The JSON contract for outside readers, plus the unrounded dataclasses to rebuild from (long lists `Lazy`)."""
    analysis = report.analysis
    return {
        "format": STORAGE_FORMAT,
        **report_fields(report, analysis_id=analysis_id),
        "rebuild": {
            "sentences": _lazy_plain(analysis.sentences),
            "claims": _lazy_plain(analysis.claims),
            "non_claims": _lazy_plain(analysis.non_claims),
            "checks": _lazy_plain(report.checks),
        },
    }


def _lazy_plain(items: tuple[Any, ...]) -> Lazy:
    return Lazy(lambda: (to_plain(item) for item in items))


def stored_report_json(report: Report, analysis_id: int) -> Iterator[str]:
    """The pieces of the stored report: `dump_json` of the whole, written a claim at a time."""
    return iter_json(_stored_report(report, analysis_id), sort_keys=True)


def _write_stored_report(db: sqlite_utils.Database, report: Report, analysis_id: int) -> None:
    """Store the report JSON without ever holding it whole in Python (issue 13: at the input limit it is ~95 M
    characters, and as one string plus SQLite's copies it took ~475 MB).

    The UTF-8 text goes to a temporary file as it is made; SQLite then gets a TEXT value of that many bytes
    (`CAST(zeroblob(n) AS TEXT)`, the same type a bound string gets) and the bytes are written into it through
    incremental blob I/O. PostgreSQL, an SQLite file not in UTF-8, or a temporary folder that cannot take the
    file get the joined string as before: more memory, nothing lost.
    """
    if not is_postgres(db) and db.execute("PRAGMA encoding").fetchone()[0] == "UTF-8":
        try:
            spool = _spooled(stored_report_json(report, analysis_id))
        except OSError:
            pass
        else:
            with spool:
                size = spool.tell()
                db.execute("UPDATE analyses SET report = CAST(zeroblob(?) AS TEXT) WHERE id = ?", [size, analysis_id])
                spool.seek(0)
                with db.conn.blobopen("analyses", "report", analysis_id) as blob:
                    while chunk := spool.read(SPOOL_CHUNK):
                        blob.write(chunk)
            return
    db["analyses"].update(analysis_id, {"report": "".join(stored_report_json(report, analysis_id))})


def _spooled(pieces: Iterator[str]) -> IO[bytes]:
    """The pieces as UTF-8 in a temporary file (deleted when closed), positioned at its end."""
    spool = tempfile.TemporaryFile()
    try:
        batch: list[str] = []
        for piece in pieces:
            batch.append(piece)
            if len(batch) >= 1024:
                spool.write("".join(batch).encode("utf-8"))
                batch.clear()
        spool.write("".join(batch).encode("utf-8"))
    except BaseException:
        spool.close()
        raise
    return spool


def _insert_claims(db: sqlite_utils.Database, report: Report, analysis_id: int) -> None:
    """One batched insert per table (a row at a time took 11 s for the 27,000 claims of a 2 MB article)."""
    stored_passages = _existing_passages(db, report)
    claims = report.analysis.claims
    checks = {claim.id: report.check_for(claim.id) for claim in claims}
    db["claims"].insert_all(({
        "analysis_id": analysis_id, "claim_key": claim.id, "text": claim.text, "start": claim.start,
        "end": claim.end, "checkworthiness": claim.checkworthiness,
        "verdict": check.verdict.label if check else None,
        "verdict_score": check.verdict.score if check else None,
        "source_status": check.source_check.status if check else None,
    } for claim in claims for check in (checks[claim.id],)), batch_size=500)
    row_ids = {row["claim_key"]: row["id"] for row in db.query(
        "SELECT id, claim_key FROM claims WHERE analysis_id = ?", [analysis_id])}
    db["claim_sources"].insert_all(({
        "claim_id": row_ids[claim.id], "kind": attribution.kind,
        "outlet_id": attribution.outlet.id if attribution.outlet else None,
        "outlet_name": attribution.outlet.name if attribution.outlet else None,
        "speaker": attribution.speaker, "cue": attribution.cue, "confidence": attribution.confidence,
        "carried_from": attribution.carried_from,
    } for claim in claims for attribution in (claim.attribution,)), batch_size=500)
    # Evidence from passages no longer (or never) in this database stays in the report JSON only.
    db["claim_evidence"].insert_all((
        {
            "claim_id": row_ids[claim.id], "passage_id": match.passage_id, "rank": rank,
            "similarity": match.similarity, "stance": match.stance, "score": match.score,
            "reasons": dump_json(list(match.reasons)),
        }
        for claim in claims if checks[claim.id] is not None
        for rank, match in enumerate(checks[claim.id].evidence, start=1)  # type: ignore[union-attr]
        if match.passage_id in stored_passages
    ), batch_size=500)


def _existing_passages(db: sqlite_utils.Database, report: Report) -> set[int]:
    wanted = sorted({m.passage_id for check in report.checks for m in check.evidence})
    if not wanted:
        return set()
    marks = ",".join("?" for _ in wanted)
    return {row["id"] for row in db.query(f"SELECT id FROM passages WHERE id IN ({marks})", wanted)}


def utc_now() -> str:
    """The timestamp every stored row carries: UTC, to the microsecond, so rows written together still sort."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def dump_json(value: Any) -> str:
    """Stored JSON in one canonical form (sorted keys, Arabic unescaped), so SQL can compare it as text."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)

"""`python -m checker`: a thin shell over the library.

Heavy modules (sentence-transformers, the database) are imported inside the
commands that need them, so `analyze --no-evidence` starts fast.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from checker.errors import CheckerError, InputError

if TYPE_CHECKING:
    import sqlite_utils

    from checker.models import Report
    from checker.pipeline import Article


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="database file or postgresql:// URL (default: $CHECKER_DB or "
                                                     "./claims.db)")
    parser.add_argument("--adopt-db", action="store_true",
                        help="add checker's tables to an SQLite file another application made (refused otherwise)")


def _open(args: argparse.Namespace) -> sqlite_utils.Database:
    from checker.store.db import open_db

    return open_db(args.db, adopt=args.adopt_db)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m checker", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    analyze = commands.add_parser("analyze", help="claims, sources and verdicts for an article")
    analyze.add_argument("path", help="a text/HTML file, an http(s) URL, or - for standard input")
    analyze.add_argument("--format", choices=["json", "md"], default="json")
    analyze.add_argument("--no-evidence", action="store_true", help="claims and attribution only")
    analyze.add_argument("--fast", action="store_true",
                         help="attribution by the rules only (no learned tagger, no model loaded)")
    analyze.add_argument("--k", type=int, default=5, help="evidence passages per claim")
    _add_db(analyze)

    evidence = commands.add_parser("evidence", help="the evidence store")
    ev_commands = evidence.add_subparsers(dest="evidence_command", required=True)
    add = ev_commands.add_parser("add", help="add one document: a URL or a .txt/.md/.html file")
    add.add_argument("source", help="URL or file path")
    add.add_argument("--outlet", help="outlet id or any name the registry knows")
    add.add_argument("--title")
    add.add_argument("--published", help="publication date, YYYY-MM-DD")
    _add_db(add)
    imp = ev_commands.add_parser("import", help="bulk import: JSONL (one document a line) or ClaimReview JSON-LD")
    imp.add_argument("file")
    _add_db(imp)
    search = ev_commands.add_parser("search", help="hybrid search of the stored passages")
    search.add_argument("query", nargs="?")
    search.add_argument("--queries", help="JSONL file of queries ('-' = stdin): one JSON line of hits per line")
    search.add_argument("--k", type=int, default=10)
    search.add_argument("--outlet")
    search.add_argument("--since", help="YYYY-MM-DD")
    search.add_argument("--until", help="YYYY-MM-DD")
    search.add_argument("--format", choices=["json", "text"], default="text")
    search.add_argument("--archive", action="store_true",
                        help="also search passages archived out of the hot index (CHECKER_RETENTION_DAYS)")
    _add_db(search)
    seed = ev_commands.add_parser("seed", help="load the demo evidence set")
    _add_db(seed)
    embed = ev_commands.add_parser("embed", help="embed stored passages the configured model has no vectors for "
                                                 "(after changing CHECKER_EMBEDDING_MODEL)")
    _add_db(embed)
    watch = ev_commands.add_parser("watch", help="fetch the feeds listed in FEEDS.toml as they fall due "
                                                 "(RSS/Atom, news sitemaps, ClaimReview, Fact Check API)")
    watch.add_argument("feeds", help="a FEEDS.toml file (see feeds/FEEDS.example.toml)")
    watch.add_argument("--once", action="store_true", help="run every feed once and exit (1 if any failed)")
    _add_db(watch)

    export = commands.add_parser("export", help="the review checklist of a stored analysis")
    export.add_argument("analysis_id", type=int)
    export.add_argument("--format", choices=["md", "csv", "json", "claimreview", "html"], default="md")
    export.add_argument("-o", "--output", help="file to write (default: standard output)")
    _add_db(export)

    analyses = commands.add_parser("analyses", help="list stored analyses")
    _add_db(analyses)

    batch = commands.add_parser("batch", help="analyse an archive on Ray workers: Parquet rows, who cites whom")
    batch.add_argument("inputs", nargs="+", help="JSONL or Parquet files (id, text, url, outlet), folders of .txt/.html")
    batch.add_argument("--out", required=True, help="output folder (a rerun resumes: done articles are skipped)")
    batch.add_argument("--workers", type=int, default=1, help="Ray workers (actors), each loads the models once")
    batch.add_argument("--address", help="a running Ray cluster (else a local one is started)")
    batch.add_argument("--evidence-db", metavar="PATH", help="also check every claim against this evidence store")
    batch.add_argument("--tagger", action="store_true", help="use the learned attribution tagger (loads a model)")
    batch.add_argument("--chunk", type=int, default=100, help="articles per Parquet part")
    batch.add_argument("--quiet", action="store_true", help="no progress bar")

    db = commands.add_parser("db", help="move a store between claims.db and PostgreSQL")
    copy = db.add_subparsers(dest="db_command", required=True).add_parser(
        "copy", help="copy every table of SRC into the empty DST, ids kept, then verify them identical")
    copy.add_argument("source", metavar="SRC", help="a claims.db file or a postgresql:// URL")
    copy.add_argument("destination", metavar="DST", help="a new claims.db file or an empty postgresql:// database")
    return parser


def _read_input(path: str) -> bytes:
    if path == "-":
        try:
            return sys.stdin.buffer.read()
        except (AttributeError, OSError, ValueError) as error:  # stdin closed (<&-): None, or a dead descriptor
            raise CheckerError("standard input is closed: pipe an article into `analyze -` or give a file") from error
    file = Path(path)
    if not file.is_file():
        raise CheckerError(f"no such file: {path}")
    try:
        return file.read_bytes()
    except OSError as error:
        raise CheckerError(f"cannot read {path} ({error.strerror})") from error


def _is_url(path: str) -> bool:
    return path.lower().startswith(("http://", "https://"))


def _print(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _print_pieces(pieces: Iterable[str]) -> None:
    """`_print("".join(pieces))` without the joined text: a report at the input limit is ~60 M characters."""
    batch: list[str] = []
    last = ""
    for piece in pieces:
        if piece:
            batch.append(piece)
            last = piece
        if len(batch) >= 1024:
            sys.stdout.write("".join(batch))
            batch.clear()
    sys.stdout.write("".join(batch) + ("" if last.endswith("\n") else "\n"))


def cmd_analyze(args: argparse.Namespace) -> int:
    from checker.budget import analysis_budget
    from checker.pipeline import Article, fetch_article
    from checker.text import clean_text, decode_text

    if _is_url(args.path):
        article = fetch_article(args.path)
    else:
        decoded = decode_text(_read_input(args.path), "the input")
        for warning in decoded.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        article = Article(clean_text(decoded.text), source=args.path)
    with analysis_budget():
        report, analysis_id = _analysed(args, article)
    print_report(report, analysis_id, args.format)
    return 0


def print_report(report: Report, analysis_id: int | None, form: str) -> None:
    """The report on standard output as it is made, never whole in memory (a claim's dict at a time)."""
    from checker.report import markdown_lines, report_json

    if form == "md":
        lines = markdown_lines(report, analysis_id=analysis_id)
        _print_pieces(line if i == 0 else "\n" + line for i, line in enumerate(lines))
    else:
        _print_pieces(report_json(report, analysis_id=analysis_id))


def _analysed(args: argparse.Namespace, article: Article) -> tuple[Report, int | None]:
    from checker.models import Report
    from checker.pipeline import analyze, check_article

    analysis_id = None
    if args.no_evidence:
        report = Report(analyze(article.text, tagger=not args.fast, url=article.url))
    else:
        report, analysis_id = check_article(_open(args), article, k=args.k, tagger=not args.fast)
    return report, analysis_id


def cmd_evidence(args: argparse.Namespace) -> int:
    db = _open(args)
    if args.evidence_command == "add":
        from checker.store.ingest import add_source

        result = add_source(db, args.source, outlet=args.outlet, title=args.title, published=args.published)
        _print(result.summary())
        return 0 if not result.rejected else 2
    if args.evidence_command == "import":
        from checker.store.ingest import import_file

        result = import_file(db, Path(args.file))
        _print(result.summary())
        return 1 if result.rejected else 0
    if args.evidence_command == "seed":
        from checker.store.ingest import load_seed

        _print(load_seed(db).summary())
        return 0
    if args.evidence_command == "watch":
        from checker.feeds.cli import watch_command

        return watch_command(db, Path(args.feeds), once=args.once, echo=_print)
    if args.evidence_command == "embed":
        from checker.embeddings import embed_missing

        _print(f"{embed_missing(db)} passages embedded")
        return 0
    if args.queries:
        return _search_file(db, args)
    if not args.query:
        raise InputError("give a query or --queries FILE")
    from checker.retrieval import search

    from checker.index import searching_archive

    with searching_archive() if args.archive else contextlib.nullcontext():
        hits = search(db, args.query, k=args.k, outlet=args.outlet, since=args.since, until=args.until)
    if args.format == "json":
        from checker.models import to_plain

        _print(json.dumps(to_plain(hits), ensure_ascii=False, indent=1))
    else:
        for hit in hits:
            _print(f"[{hit.passage_id}] {hit.score:.3f} {hit.outlet or '-'} {hit.published or ''} {hit.text}")
    return 0


def _search_file(db, args: argparse.Namespace) -> int:
    """Exit 1 when some lines could not be searched (each is reported on its own output line)."""
    from checker.search_batch import search_lines

    path = Path(args.queries)
    if args.queries != "-" and not path.is_file():
        raise InputError(f"no such file: {args.queries}")
    handle = sys.stdin if args.queries == "-" else path.open(encoding="utf-8")
    failed = False
    with handle:
        for result in search_lines(db, handle, k=args.k):
            failed |= "error" in result
            _print(json.dumps(result, ensure_ascii=False))
    return 1 if failed else 0


def cmd_export(args: argparse.Namespace) -> int:
    from checker.export import export_analysis

    payload = export_analysis(_open(args), args.analysis_id, args.format)
    if args.output:
        _write_file(Path(args.output), payload)
    else:
        sys.stdout.buffer.write(payload)
    return 0


def cmd_analyses(args: argparse.Namespace) -> int:
    from checker.review import list_analyses
    for row in list_analyses(_open(args)):
        _print(f"{row.id}\t{row.created_at}\t{row.language}\t{row.claims} claims\t{row.title}")
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    from checker.batch.run import BatchOptions, run_batch
    from checker.batch.summary import format_summary, write_summary

    if args.workers < 1 or args.chunk < 1:
        raise InputError("--workers and --chunk must be at least 1")
    options = BatchOptions(Path(args.out), args.workers, args.address, args.evidence_db, args.tagger, args.chunk)
    result = run_batch([Path(p) for p in args.inputs], options, progress=not args.quiet)
    summary = write_summary(options.out)
    print(f"{result.analysed:,} analysed, {result.skipped:,} done before, {result.failed:,} failed, "
          f"{result.claims:,} claims in {result.seconds:.1f} s -> {options.out / 'parts'}", file=sys.stderr)
    _print(format_summary(summary))
    return 0


def _write_file(path: Path, payload: bytes) -> None:
    """All of it or nothing: written beside the target, then renamed over it. A link is written through (the
    link stays), and a device or pipe (`-o /dev/null`, a FIFO) is written to, never renamed over."""
    if path.is_dir():
        raise CheckerError(f"{path} is a folder: give a file name for the export (-o {path / 'checklist.md'})")
    target = path.resolve() if path.is_symlink() else path
    if target.exists() and not target.is_file():
        try:
            with open(target, "wb") as handle:
                handle.write(payload)
        except OSError as error:
            raise CheckerError(f"cannot write {path} ({error.strerror or error})") from error
        return
    if not target.parent.is_dir():
        raise CheckerError(f"cannot write {path}: the folder {target.parent} does not exist")
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.write_bytes(payload)
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise CheckerError(f"cannot write {path} ({error.strerror or error})") from error


def cmd_db(args: argparse.Namespace) -> int:
    from checker.store.copy import copy_store

    print(copy_store(args.source, args.destination).summary())
    return 0


COMMANDS = {"analyze": cmd_analyze, "evidence": cmd_evidence, "export": cmd_export, "analyses": cmd_analyses,
            "batch": cmd_batch, "db": cmd_db}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if sys.stdout is None:  # `checker analyze FILE >&-`
        return _fail("the standard output is closed: redirect it to a file (or use export -o)")
    try:
        code = COMMANDS[args.command](args)
        sys.stdout.flush()
        return code
    except CheckerError as error:
        return _fail(str(error))
    except sqlite3.DatabaseError as error:  # a damaged page or a dropped table met by a read command
        from checker.store.db import describe, shown_location

        return _fail(describe(error, shown_location(getattr(args, "db", None))))
    except MemoryError:  # SQLite answers NOMEM when it reads a damaged page, as well as when memory runs out
        return _fail("ran out of memory: the input is too large for this machine, or the database is damaged "
                     "(check it with `sqlite3 FILE 'PRAGMA integrity_check'`; move it aside or pass --db)")
    except BrokenPipeError:
        # the reader went away (`| head`, a closed pipe): say so once, and keep Python from a second complaint
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return _fail("the output was closed before everything was written")
    except OSError as error:  # the output refused a write: a full disk (`> /dev/full`), a quota
        if error.filename is not None:
            raise
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return _fail(f"cannot write the output ({error.strerror or error})")
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130


def _fail(message: str) -> int:
    try:
        print(f"error: {message}", file=sys.stderr)
    except (OSError, ValueError, AttributeError):
        pass  # no stderr either: the exit code says it
    return 2

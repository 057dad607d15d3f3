"""`python -m checker`: a thin shell over the library.

Heavy modules (sentence-transformers, the database) are imported inside the
commands that need them, so `analyze --no-evidence` starts fast.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from checker.errors import CheckerError


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="database file (default: $CHECKER_DB or ./claims.db)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m checker", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    analyze = commands.add_parser("analyze", help="claims, sources and verdicts for an article")
    analyze.add_argument("path", help="a text/HTML file, an http(s) URL, or - for standard input")
    analyze.add_argument("--format", choices=["json", "md"], default="json")
    analyze.add_argument("--no-evidence", action="store_true", help="claims and attribution only")
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
    search.add_argument("query")
    search.add_argument("--k", type=int, default=10)
    search.add_argument("--outlet")
    search.add_argument("--since", help="YYYY-MM-DD")
    search.add_argument("--until", help="YYYY-MM-DD")
    search.add_argument("--format", choices=["json", "text"], default="text")
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
    return parser


def _read_input(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    file = Path(path)
    if not file.is_file():
        raise CheckerError(f"no such file: {path}")
    return file.read_bytes()


def _is_url(path: str) -> bool:
    return path.lower().startswith(("http://", "https://"))


def _print(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def cmd_analyze(args: argparse.Namespace) -> int:
    from checker.models import Report
    from checker.pipeline import Article, analyze, check_article, fetch_article
    from checker.report import report_to_dict, report_to_markdown
    from checker.text import decode_input

    if _is_url(args.path):
        article = fetch_article(args.path)
    else:
        article = Article(decode_input(_read_input(args.path)), source=args.path)
    analysis_id = None
    if args.no_evidence:
        report = Report(analyze(article.text))
    else:
        from checker.store.db import open_db

        report, analysis_id = check_article(open_db(args.db), article, k=args.k)
    if args.format == "md":
        _print(report_to_markdown(report, analysis_id=analysis_id))
    else:
        _print(json.dumps(report_to_dict(report, analysis_id=analysis_id), ensure_ascii=False, indent=1))
    return 0


def cmd_evidence(args: argparse.Namespace) -> int:
    from checker.store.db import open_db

    db = open_db(args.db)
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
    from checker.retrieval import search

    hits = search(db, args.query, k=args.k, outlet=args.outlet, since=args.since, until=args.until)
    if args.format == "json":
        from checker.models import to_plain

        _print(json.dumps(to_plain(hits), ensure_ascii=False, indent=1))
    else:
        for hit in hits:
            _print(f"[{hit.passage_id}] {hit.score:.3f} {hit.outlet or '-'} {hit.published or ''} {hit.text}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from checker.export import export_analysis
    from checker.store.db import open_db

    payload = export_analysis(open_db(args.db), args.analysis_id, args.format)
    if args.output:
        Path(args.output).write_bytes(payload)
    else:
        sys.stdout.buffer.write(payload)
    return 0


def cmd_analyses(args: argparse.Namespace) -> int:
    from checker.review import list_analyses
    from checker.store.db import open_db

    for row in list_analyses(open_db(args.db)):
        _print(f"{row.id}\t{row.created_at}\t{row.language}\t{row.claims} claims\t{row.title}")
    return 0


COMMANDS = {"analyze": cmd_analyze, "evidence": cmd_evidence, "export": cmd_export, "analyses": cmd_analyses}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except CheckerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130

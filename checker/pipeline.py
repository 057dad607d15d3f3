"""text -> sentences -> claims -> attribution (-> evidence -> verdict -> stored report).

`analyze` needs no database and no model, so `analyze --no-evidence` starts fast;
`check_article` is the whole job the desk and the CLI both run, so neither holds
logic the other lacks.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from checker.attribution import attribute
from checker.claims import extract_claims
from checker.language import detect_language
from checker.models import Analysis, Report
from checker.outlets import OutletRegistry, load_registry
from checker.segment import split_sentences

if TYPE_CHECKING:
    import sqlite_utils


@dataclass(frozen=True)
class Article:
    """The text to analyse and where it came from (a file name, "pasted text" or a URL)."""

    text: str
    source: str
    title: str | None = None
    url: str | None = None


def analyze(text: str, registry: OutletRegistry | None = None, *, tagger: bool = False,
            url: str | None = None) -> Analysis:
    """Claims and their cited sources for one article (no database; no model unless `tagger`).

    `registry` adds the outlets a reviewer registered in claims.db to the shipped ones; `url` is where the article
    was published (its site carries its own reporting). `tagger` lets the learned
    attribution tagger (checker/attribution/tagger.py) decide speaker spans and add cues, when it is installed.
    """
    sentences = split_sentences(text)
    claims, non_claims = extract_claims(text, sentences)
    refiner = None
    if tagger:
        from checker.attribution.tagger import load_tagger

        refiner = load_tagger()
    claims = attribute(text, sentences, claims, registry or load_registry(), refiner, url)
    return Analysis(
        text=text,
        language=detect_language(text),
        sentences=sentences,
        claims=claims,
        non_claims=non_claims,
    )


def fetch_article(url: str) -> Article:
    """An article from the web, through the same guarded fetcher as evidence."""
    from checker.fetch import fetch_url
    from checker.text import clean_text

    page = fetch_url(url)
    return Article(clean_text(page.text), source=url, title=page.title, url=page.final_url)


def check_article(db: sqlite_utils.Database, article: Article, *, k: int = 5, tagger: bool = False,
                  progress: Callable[[str], object] = lambda step: None) -> tuple[Report, int]:
    """Analyse with the outlets reviewers registered, check every claim against the evidence, store it all.

    Returns the report and the id of the stored analysis; `progress` hears each step (the desk shows them).
    """
    from checker.embeddings import get_embedder
    from checker.review import save_report
    from checker.store.outlets import registry_with_db
    from checker.verdict import check_analysis

    progress("Finding claims and their sources")
    analysis = analyze(article.text, registry=registry_with_db(db), tagger=tagger, url=article.url)
    progress("Loading the sentence model (only the first time)")
    get_embedder()
    progress(f"Checking {len(analysis.claims)} claims against the stored evidence")
    report = Report(analysis, check_analysis(db, analysis, k=k))
    return report, save_report(db, report, source=article.source, title=article.title, url=article.url)

"""text -> Doc (sentences, folded text, tokens, numbers) -> claims -> attribution (-> evidence -> verdict -> report).

A page copied as one long line first gets its line breaks back (`checker.layout`). `analyze` needs no database and
no model, so `analyze --no-evidence` starts fast; `check_article` is the whole job the desk and the CLI both run, so
neither holds logic the other lacks.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, Sequence

from checker.attribution import attribute
from checker.claims import extract_claims
from checker.doc import make_doc
from checker.layout import restore_line_breaks
from checker.models import Analysis, Claim, ClaimCheck, Report
from checker.outlets import OutletRegistry, load_registry

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
    was published (its site carries its own reporting). `tagger` turns on the learned components (the model
    path; `analyze --fast` is the rules alone): the attribution tagger (checker/attribution/tagger.py) decides
    speaker spans and adds cues, when it is installed, and the opinion filter (checker/opinion_filter.py), when
    switched on (off as shipped), keeps the writer's unmarked opinion and speculation out of the claims.
    """
    registry = registry or load_registry()
    doc = make_doc(restore_line_breaks(text, registry))  # a page pasted as one long line gets its breaks back
    claims, non_claims = extract_claims(doc)
    refiner, opinions = None, None
    if tagger:
        from checker.attribution.tagger import load_tagger
        from checker.opinion_filter import load_opinion_filter

        refiner, opinions = load_tagger(), load_opinion_filter()
    claims = attribute(doc, claims, registry, refiner, url)
    if opinions is not None:
        claims, dropped = opinions.split(claims)
        non_claims = tuple(sorted(non_claims + dropped, key=lambda n: n.start))
        kept = {claim.id for claim in claims}
        claims = tuple(c if c.attribution.carried_from in (None, *kept)
                       else replace(c, attribution=replace(c.attribution, carried_from=None)) for c in claims)
    return Analysis(text=text, language=doc.language, sentences=doc.sentences, claims=claims, non_claims=non_claims)


def fetch_article(url: str) -> Article:
    """An article from the web, through the same guarded fetcher as evidence."""
    from checker.fetch import fetch_url
    from checker.text import clean_text

    page = fetch_url(url)
    return Article(clean_text(page.text), source=url, title=page.title, url=page.final_url)


def check_article(db: sqlite_utils.Database, article: Article, *, k: int = 5, tagger: bool = False,
                  progress: Callable[[str], object] = lambda step: None) -> tuple[Report, int]:
    """Analyse with the outlets reviewers registered, check claims against the evidence, store it all.

    At most CHECKER_EVIDENCE_CLAIMS distinct claims are checked (`check_bounded`); the report names the rest as
    not checked. Returns the report and the id of the stored analysis; `progress` hears each step (the desk
    shows them).
    """
    from checker.config import get_settings
    from checker.embeddings import get_embedder
    from checker.review import save_report
    from checker.store.outlets import registry_with_db

    progress("Finding claims and their sources")
    analysis = analyze(article.text, registry=registry_with_db(db), tagger=tagger, url=article.url)
    progress("Loading the sentence model (only the first time)")
    get_embedder()
    limit = get_settings().evidence_claims
    progress(f"Checking {min(len(analysis.claims), limit)} of {len(analysis.claims)} claims against the stored evidence")
    report = Report(analysis, check_bounded(db, analysis.claims, limit, k=k))
    return report, save_report(db, report, source=article.source, title=article.title, url=article.url)


def check_bounded(db: sqlite_utils.Database, claims: Sequence[Claim], limit: int, *,
                  k: int = 5) -> tuple[ClaimCheck, ...]:
    """Checks for at most `limit` distinct claims (`evidence_plan`), copied to their identical repeats.

    The evidence stage costs tens of milliseconds per claim: an article of tens of thousands of claims would
    take hours, and a fact-checker reads the most check-worthy first anyway. Claims left out get no check, which
    `Report.not_checked` and every report and export name; they are never called "not enough evidence".
    """
    from checker.verdict import check_claims

    chosen, same_as = evidence_plan(claims, limit)
    checked = {check.claim_id: check for check in check_claims(db, chosen, k=k)}
    return tuple(checked[claim.id] if claim.id in checked else replace(checked[same_as[claim.id]], claim_id=claim.id)
                 for claim in claims if claim.id in checked or claim.id in same_as)


def evidence_plan(claims: Sequence[Claim], limit: int) -> tuple[list[Claim], dict[str, str]]:
    """The claims to check (at most `limit` distinct ones: the most check-worthy first, equal scores in reading
    order; returned in reading order) and, for every repeat of a chosen claim, the id of the one checked for it.

    Claims are the same when their words (whitespace aside), cited outlet and speaker are: everything the check
    reads.
    """
    first: dict[tuple[object, ...], Claim] = {}
    repeats: dict[str, tuple[object, ...]] = {}
    for claim in claims:
        key = (" ".join(claim.text.split()), claim.attribution.outlet, claim.attribution.speaker)
        if key in first:
            repeats[claim.id] = key
        else:
            first[key] = claim
    ranked = sorted(first.values(), key=lambda c: -c.checkworthiness)[:max(0, limit)]  # stable: reading order
    chosen_ids = {claim.id for claim in ranked}
    chosen = [claim for claim in claims if claim.id in chosen_ids]
    same_as = {claim_id: first[key].id for claim_id, key in repeats.items() if first[key].id in chosen_ids}
    return chosen, same_as

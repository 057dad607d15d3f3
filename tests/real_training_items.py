"""Shared by the rounds' tests: a claim's attribution in a text, one annotated item of a real training draw
(eval/real_train*) checked against the tool, the article read in place by id and offset, and a blind verdict case
(eval/verdict_cases*) with the verdict the tool gives a claim against a store."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import sqlite_utils

from checker.models import Attribution, Claim
from checker.normalize import search_form
from checker.pipeline import analyze
from checker.verdict import check_claims

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))
from real_articles import article_text  # noqa: E402


def attribution_of(text: str, words: str) -> Attribution:
    """The attribution of the claim holding `words`."""
    claim = next(c for c in analyze(text).claims if words in c.text)
    return claim.attribution


def is_claim(text: str, words: str) -> bool:
    return any(words in c.text for c in analyze(text).claims)


def training_speaker(draw: str, doc: str, start: int) -> str | None:
    """The speaker the tool gives the claim holding the gold item of eval/<draw> at (doc, start)."""
    gold = _gold_item(draw, doc, start)
    text = article_text(doc)
    key = search_form(text[gold["start"]:gold["end"]])
    found = [c for c in analyze(text).claims if key in search_form(c.text)]
    assert found, f"no claim holds the gold item {text[gold['start']:gold['end']]!r}"
    return found[0].attribution.speaker


def _gold_item(draw: str, doc: str, start: int) -> dict[str, Any]:
    """The annotated item of eval/<draw>/gold.jsonl at (doc, start)."""
    items = [g for line in (ROOT / "eval" / draw / "gold.jsonl").read_text("utf-8").splitlines()
             if line.strip() and (g := json.loads(line))["doc"] == doc and g["start"] == start]
    assert items, f"no gold item at {doc}:{start} in {draw}"
    return items[0]


def check_training_item(draw: str, doc: str, start: int, outlet: str | None) -> None:
    """The gold item of eval/<draw> at (doc, start): found as a claim or kept out as the annotators said, and, when a
    claim, given `outlet`."""
    gold = _gold_item(draw, doc, start)
    text = article_text(doc)
    key = search_form(text[gold["start"]:gold["end"]])
    found = [c for c in analyze(text).claims if key in search_form(c.text)]
    assert bool(found) == gold["claim"], text[gold["start"]:gold["end"]]
    if found:
        got = found[0].attribution.outlet
        assert (got.id if got else None) == outlet


def verdict_case(verdict_set: str, case_id: str) -> dict[str, Any]:
    """A blind writer's case of eval/<verdict_set>/cases.jsonl."""
    lines = (ROOT / "eval" / verdict_set / "cases.jsonl").read_text("utf-8").splitlines()
    return next(c for line in lines if (c := json.loads(line))["id"] == case_id)


def verdict_of(db: sqlite_utils.Database, text: str) -> tuple[str, tuple[str, ...]]:
    """The verdict and its reasons for `text` checked as an unattributed claim against the store."""
    claim = Claim(id="c1", text=text, start=0, end=len(text), sentence_index=0, sentence=text, checkworthiness=0.9,
                  attribution=Attribution(kind="none"))
    (result,) = check_claims(db, [claim])
    return result.verdict.label, result.verdict.reasons

"""The learned opinion filter (checker/opinion_filter.py): off by default, since by an honest count it loses more claims
than it keeps opinions out (docs/opinion_filter.md); on request it drops only claims in the writer's own voice, reports
them as non-claims, and leaves no claim pointing at a dropped one. Real articles are read in place from ../shared."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
from real_articles import article_text  # noqa: E402

from checker.errors import CheckerError  # noqa: E402
from checker.models import Attribution, Claim  # noqa: E402
from checker.opinion_filter import REASON, OpinionFilter, _shipped, in_own_voice, load_opinion_filter  # noqa: E402
from checker.pipeline import analyze  # noqa: E402
from checker.text import clean_text  # noqa: E402

DOUBTS = ("we would not put too much stock in it", "the sourcing on today's rumor is not entirely clear")


def test_off_by_default_so_the_model_path_keeps_every_claim(monkeypatch: pytest.MonkeyPatch, eval_data: Path) -> None:
    monkeypatch.delenv("CHECKER_OPINION_FILTER", raising=False)
    assert load_opinion_filter() is None
    text = clean_text(article_text("fnc1/1696"))
    assert [c.text for c in analyze(text, tagger=True).claims] == [c.text for c in analyze(text).claims]


def test_a_wrong_switch_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKER_OPINION_FILTER", "yes")
    with pytest.raises(CheckerError, match="CHECKER_OPINION_FILTER must be 0 or 1"):
        load_opinion_filter()


def test_the_writers_doubts_score_above_the_reported_facts(eval_data: Path) -> None:
    """FNC-1 web copy (training draw): the writer's two doubts about a rumour score above every claim the article
    reports in its own voice."""
    claims = [c for c in analyze(clean_text(article_text("fnc1/1696"))).claims if in_own_voice(c)]
    scores = dict(zip((c.text for c in claims), _shipped()[0].scores([c.text for c in claims])))
    doubts = [score for text, score in scores.items() if any(d in text for d in DOUBTS)]
    facts = [score for text, score in scores.items() if not any(d in text for d in DOUBTS)]
    assert len(doubts) == 2 and facts
    assert min(doubts) > float(np.median(facts))


def test_a_speaker_a_cue_or_a_quotation_keeps_an_opinion_out_of_its_reach() -> None:
    words = "وقال رئيس النقابة إن القرار ظالم ويمثل ضربة قاسية للعمال"
    said = Claim(id="c1", text=words, start=0, end=len(words), sentence_index=0, sentence=words,
                 checkworthiness=0.5, attribution=Attribution(kind="indirect", speaker="رئيس النقابة", cue="قال"))
    quoted = Claim(id="c2", text="«قرار ظالم»", start=0, end=11, sentence_index=0, sentence="«قرار ظالم»",
                   checkworthiness=0.5)
    narrative = Claim(id="c3", text=words[5:], start=5, end=len(words), sentence_index=0, sentence=words,
                      checkworthiness=0.5, attribution=Attribution(kind="according_to", cue="(CNN)--",
                                                                   outlet_from="dateline"))
    assert not in_own_voice(said) and not in_own_voice(quoted)
    assert in_own_voice(narrative)  # a wire story's narrative is the writer's, though it carries the dateline
    drops_all = OpinionFilter(np.zeros(384), bias=10.0, threshold=0.5)
    kept, dropped = drops_all.split((said, quoted, narrative))
    assert kept == (said, quoted) and [n.reason for n in dropped] == [REASON]


def test_switched_on_the_model_path_reports_what_it_drops(monkeypatch: pytest.MonkeyPatch) -> None:
    """A carried claim whose antecedent was dropped carries from nothing rather than from a claim not in the report."""
    monkeypatch.setattr("checker.opinion_filter.load_opinion_filter",
                        lambda: OpinionFilter(np.zeros(384), bias=10.0, threshold=0.5))
    text = ("Ministers meet in Brussels\n\nIn a damning and long overdue piece, The Washington Post offers a shocking "
            "look at a scandal that should shame everyone involved.\nThe paper found that 40 officials took bribes "
            "in 2019.")
    analysis = analyze(text, tagger=True)
    ids = {c.id for c in analysis.claims}
    assert all(c.attribution.carried_from in (None, *ids) for c in analysis.claims)
    assert any(n.reason == REASON for n in analysis.non_claims)
    assert [n.start for n in analysis.non_claims] == sorted(n.start for n in analysis.non_claims)

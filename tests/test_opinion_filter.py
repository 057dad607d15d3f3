"""The learned opinion filter on real articles (read in place from ../shared, ids from the training gold).

The writer's unmarked judgement and guesses leave the claims on the model path, reported as non-claims with the
filter's reason; a claim with a speaker or a cue is never read, however opinionated; `--fast` stays the rules alone.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
from real_articles import article_text  # noqa: E402

from checker.models import Attribution, Claim  # noqa: E402
from checker.opinion_filter import REASON, in_own_voice, load_opinion_filter  # noqa: E402
from checker.pipeline import analyze  # noqa: E402
from checker.text import clean_text  # noqa: E402

def _split(article_id: str) -> tuple[list[str], list[str]]:
    """(claims kept, claims the filter drops) of a real article, rules' attribution."""
    claims = analyze(clean_text(article_text(article_id))).claims
    opinions = load_opinion_filter()
    assert opinions is not None, "the shipped opinion filter (checker/data/models/opinion_filter.json) is missing"
    kept, dropped = opinions.split(claims)
    return [c.text for c in kept], [n.text for n in dropped]


def _holding(texts: list[str], phrase: str) -> bool:
    return any(phrase in text for text in texts)


def test_english_web_copy_loses_the_writers_doubts_not_the_sourced_rumour() -> None:
    kept, dropped = _split("fnc1/1696")
    assert _holding(dropped, "we would not put too much stock in it")
    assert _holding(dropped, "the sourcing on today's rumor is not entirely clear")
    assert _holding(kept, "planning to expand its 2015 iPhone lineup")


def test_arabic_commentary_leaves_the_claims_and_its_reported_facts_stay() -> None:
    kept, dropped = _split("antms/SkyNews/middleEast/SK-middleEast-917-20180410")
    assert _holding(dropped, "حبر على ورق")
    assert not _holding(dropped, "قال")  # nothing the filter drops carries a reporting cue
    assert kept  # the reported statements of the piece stay claims


def test_a_speaker_or_a_cue_keeps_an_opinion_a_claim() -> None:
    words = "وقال رئيس النقابة إن القرار ظالم ويمثل ضربة قاسية للعمال"
    said = Claim(id="c1", text=words, start=0, end=len(words), sentence_index=0, sentence=words,
                 checkworthiness=0.5, attribution=Attribution(kind="indirect", speaker="رئيس النقابة", cue="قال"))
    quoted = Claim(id="c2", text="«قرار ظالم»", start=0, end=11, sentence_index=0, sentence="«قرار ظالم»",
                   checkworthiness=0.5)
    assert not in_own_voice(said) and not in_own_voice(quoted)
    narrative = Claim(id="c3", text=words[5:], start=5, end=len(words), sentence_index=0, sentence=words,
                      checkworthiness=0.5, attribution=Attribution(kind="according_to", cue="(CNN)--",
                                                                   outlet_from="dateline"))
    assert in_own_voice(narrative)  # a wire story's narrative is the writer's, though it carries the dateline
    opinions = load_opinion_filter()
    assert opinions is not None
    kept, dropped = opinions.split((said, quoted))
    assert kept == (said, quoted) and dropped == ()


def test_the_model_path_reports_the_dropped_sentences_and_fast_keeps_them() -> None:
    text = clean_text(article_text("fnc1/1696"))
    fast = analyze(text)
    full = analyze(text, tagger=True)
    phrase = "we would not put too much stock in it"
    assert _holding([c.text for c in fast.claims], phrase)
    assert not _holding([c.text for c in full.claims], phrase)
    assert any(phrase in n.text and n.reason == REASON for n in full.non_claims)
    assert [n.start for n in full.non_claims] == sorted(n.start for n in full.non_claims)

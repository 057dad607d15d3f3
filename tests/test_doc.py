"""The shared document: one folding and tokenisation of the article that every analysis stage slices."""
from __future__ import annotations

import pytest

import checker.normalize
from checker.claims import extract_claims
from checker.doc import make_doc
from checker.models import Sentence
from checker.normalize import fold, search_form
from checker.pipeline import analyze

MIXED = ("قالَ المتحدثُ باسم الوزارة لـ«رويترز» إنّ ٣ صواريخ أصابت القاعدة.\n\n"
         "The U.S. embassy said it was \"aware of the reports\", AFP reported.")


def test_folded_text_keeps_every_offset_of_the_original() -> None:
    doc = make_doc(MIXED)
    assert len(doc.folded) == len(doc.text)
    for sentence in doc.sentences:
        assert doc.folded[sentence.start:sentence.end] == fold(sentence.text)
    digit = doc.text.index("٣")
    assert doc.folded[digit] == "3"  # Arabic-Indic digits read as digits at the same place


def test_tokens_carry_offsets_into_the_text_and_folded_forms() -> None:
    doc = make_doc(MIXED)
    words = [doc.text[t.start:t.end] for t in doc.tokens_in(0, doc.sentences[0].end)]
    assert words[:2] == ["قالَ", "المتحدثُ"] and "رويترز" in words  # a diacritic stays inside its word
    assert [t.folded for t in doc.tokens_in(0, len("قالَ المتحدثُ"))] == ["قال", "المتحدث"]
    english = doc.tokens_in(doc.sentences[1].start, doc.sentences[1].end)
    assert [t.folded for t in english][:3] == ["the", "u.s", "embassy"]
    assert doc.word_count(0, len(doc.text)) == len(doc.tokens)


def test_search_forms_are_the_normalised_span_computed_once() -> None:
    doc = make_doc(MIXED)
    first = doc.sentences[0]
    form = doc.search_form(first.start, first.end)
    assert form == search_form(first.text) and "َ" not in form
    assert doc.search_form(first.start, first.end) is form


def test_a_callers_own_sentences_are_kept_as_given() -> None:
    text = "Rockets hit the base.\nThe army said so."
    mine = [Sentence(0, 0, len(text), text, 0)]
    assert make_doc(text, mine).sentences == tuple(mine)
    assert len(make_doc(text).sentences) == 2


def test_the_article_is_folded_once_along_the_analysis(sample_article: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A regression guard for the tokenise-once design: the whole article is folded once, and sentence-sized
    text (40+ characters) only a few times per claim for its own comparison form, not some twenty times."""
    whole, sized = [], []
    real = checker.normalize.fold.__wrapped__

    def counting(text: str) -> str:
        (whole if text == sample_article else sized).append(len(text)) if len(text) >= 40 else None
        return real(text)

    for module in ("checker.doc", "checker.normalize", "checker.segment", "checker.claims", "checker.outlets",
                   "checker.outlet_heads", "checker.sentence_kinds", "checker.attribution.sources"):
        monkeypatch.setattr(f"{module}.fold", counting)
    analysis = analyze(sample_article)
    assert len(whole) == 1
    assert len(sized) <= 6 * len(analysis.claims)


def test_a_turkish_dotted_capital_keeps_the_whole_article_lower_cased() -> None:
    """"İ" lower-cases to two characters; it once turned lower-casing off for every sentence of the article."""
    text = ("The meeting took place in İstanbul last week.\n\n"
            "Perhaps the government will fall before the summer.")
    doc = make_doc(text)
    assert len(doc.folded) == len(text) and doc.folded.startswith("the meeting took place in istanbul")
    _, non_claims = extract_claims(doc)
    assert [n.reason for n in non_claims] == ["speculation"]


def test_the_cycle_collector_comes_back_after_a_stage_even_one_that_fails() -> None:
    import gc

    from checker.doc import cycle_collector_paused

    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        with cycle_collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("a stage failed")
    assert gc.isenabled()
    gc.disable()
    try:
        with cycle_collector_paused():
            pass
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()

"""Stance of one passage towards one claim: the explicit checks a reviewer reads, on Arabic and English."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from checker.stance import (assess, assess_many, decide, explicit_checks, load_model, plain_text, rating_verdict,
                             word_difference)


def test_changed_troop_count_is_a_disagreement_even_though_the_sentences_are_close() -> None:
    result = assess("The United States has 2,500 troops in Iraq.", "The United States has 3,500 troops in Iraq.")
    assert result.similarity > 0.7
    assert result.stance == "disagree"
    assert "number mismatch: claim 2,500 vs evidence 3,500" in result.signals
    assert result.number_conflicts[0].evidence_phrase.startswith("3,500 troops")


def test_arabic_changed_count_is_a_disagreement() -> None:
    result = assess("قتل 12 شخصا في انفجار سيارة مفخخة في بغداد", "مقتل 40 شخصا في انفجار سيارة مفخخة في بغداد")
    assert result.stance == "disagree"
    assert any(signal.startswith("number mismatch") for signal in result.signals)


def test_approximate_counts_agree_with_the_exact_one() -> None:
    checks = explicit_checks("There are about 2,500 US troops in Iraq", "Nearly 2,500 US troops are stationed in Iraq")
    assert checks.numbers_agree and not checks.number_conflicts
    result = assess("The US has 2,500 troops in Iraq", "The United States has about 2,500 troops in Iraq")
    assert result.stance == "agree"
    assert any(signal.startswith("numbers agree") for signal in result.signals)


def test_number_missing_from_the_evidence_is_neither_agreement_nor_conflict() -> None:
    checks = explicit_checks("The US has 2,500 troops in Iraq", "US troops remain in Iraq to fight the Islamic State")
    assert not checks.numbers_agree and not checks.number_conflicts


def test_numbers_of_different_things_are_not_compared() -> None:
    checks = explicit_checks("Rockets hit the embassy, wounding 3 guards",
                             "The United States has 2,500 troops in Iraq and 900 in Syria", similarity=0.3)
    assert not checks.number_conflicts


def test_number_words_are_not_matched_across_languages() -> None:
    checks = explicit_checks("أطلق وابلين من الصواريخ على السفارة", "Several rockets struck near the embassy", 0.8)
    assert not checks.number_conflicts


def test_embassy_denial_contradicts_the_attack_claim() -> None:
    result = assess("تعرضت السفارة الأمريكية في بغداد لهجوم بالصواريخ فجر الجمعة",
                    "نفت السفارة الأمريكية في بغداد تعرضها لأي هجوم فجر الجمعة")
    assert result.stance == "disagree"
    assert any("evidence denies it" in signal and "نفت" in signal for signal in result.signals)


def test_english_denial_contradicts() -> None:
    result = assess("Iraqi forces arrested the commander of the militia on Friday",
                    "The Iraqi government denied that forces arrested the militia commander on Friday")
    assert result.stance == "disagree"
    assert any("denied" in signal for signal in result.signals)


def test_opposite_trend_words_contradict() -> None:
    result = assess("ارتفاع أسعار النفط عالميا بسبب التوتر في الخليج", "انخفاض أسعار النفط عالميا رغم التوتر في الخليج")
    assert result.stance == "disagree"
    assert any(signal.startswith("opposites") for signal in result.signals)
    english = assess("Oil prices rose sharply on Monday", "Oil prices fell sharply on Monday")
    assert english.stance == "disagree"


def test_one_edited_word_is_found_and_the_model_reads_a_changed_country_as_disagreement() -> None:
    claim = "الحكومة المصرية ترفع أسعار الوقود اعتبارا من الشهر المقبل"
    edited = "الحكومة الأردنية ترفع أسعار الوقود اعتبارا من الشهر المقبل"
    difference = word_difference(claim, edited)
    assert (difference.claim_only, difference.evidence_only) == (("المصريه",), ("الاردنيه",))
    result = assess(claim, edited)
    assert result.similarity > 0.8  # as close as a paraphrase: the old "close pair agrees" rule called it agreement
    assert (result.stance, result.decided_by) == ("disagree", "place")  # the slot now says which words differ
    assert (result.slot.claim.text, result.slot.passage.text) == ("المصرية", "الأردنية")


def test_arabic_paraphrases_agree_and_a_cancelled_visit_disagrees(monkeypatch: pytest.MonkeyPatch) -> None:
    """The logistic model's reading (the cross-encoder, when installed, reads تشيد/شيدت as a disagreement 0.59)."""
    monkeypatch.setenv("CHECKER_STANCE_CROSS_ENCODER", "0")
    claim = "وزير الخارجية الفرنسي يزور طهران لبحث الاتفاق النووي"
    results = assess_many([(claim, "زيارة لوزير خارجية فرنسا إلى طهران لمناقشة الاتفاق النووي"),
                           (claim, "وزير الخارجية الفرنسي يلغي زيارته إلى طهران"),
                           ("السعودية تشيد دارا للأوبرا في الرياض", "شيدت السعودية دارا للأوبرا في الرياض")])
    assert [r.stance for r in results] == ["agree", "disagree", "agree"]
    assert word_difference("السعودية تشيد دارا للأوبرا", "شيدت السعودية دارا للأوبرا").claim_only == ()


def test_shipped_model_is_small_and_matches_the_feature_layout() -> None:
    from checker.stance import MODEL_FILE

    assert load_model() is not None
    assert MODEL_FILE.stat().st_size < 5 * 1024 * 1024


def test_paraphrase_in_the_other_language_agrees() -> None:
    result = assess("Rockets were fired at the US embassy in Baghdad early on Friday",
                    "أطلقت صواريخ على السفارة الأمريكية في بغداد فجر يوم الجمعة")
    assert result.stance == "agree"
    assert result.score > 0.5


def test_unrelated_passage_is_other() -> None:
    result = assess("Rockets were fired at the US embassy in Baghdad early on Friday",
                    "Real Madrid beat Barcelona 3-1 in the Spanish league on Sunday night")
    assert result.stance == "other"
    arabic = assess("أطلقت صواريخ على السفارة الأمريكية في بغداد", "ارتفاع درجات الحرارة في المغرب خلال الصيف")
    assert arabic.stance == "other"


def test_shared_names_are_reported() -> None:
    result = assess("Rockets were fired at the US embassy in Baghdad", "Sirens sounded at the US embassy in Baghdad")
    assert any(signal.startswith("entities shared") and "baghdad" in signal for signal in result.signals)


def test_link_digits_are_not_numbers() -> None:
    assert plain_text("وزير الصحة يحذر #فيروس_كورونا https://t.co/3Qj60NzPVI") == "وزير الصحة يحذر فيروس كورونا"
    checks = explicit_checks("Ministry reports 11 cases https://t.co/998877", "Ministry reports 11 cases")
    assert checks.numbers_agree and not checks.number_conflicts


def test_batch_gives_the_same_answers_as_single_calls() -> None:
    pairs = [("The US has 2,500 troops in Iraq", "The US has 3,500 troops in Iraq"),
             ("Oil prices rose on Monday", "Oil prices rose on Monday, traders said")]
    batch = assess_many(pairs)
    assert [r.stance for r in batch] == [assess(c, e).stance for c, e in pairs]
    assert assess_many([]) == []


@pytest.mark.parametrize("rating, expected", [
    ("False", "disagree"), ("Mostly false", "disagree"), ("زائف", "disagree"), ("غير صحيح", "disagree"),
    ("True", "agree"), ("صحيح", "agree"), ("Mixture", None), (None, None),
])
def test_fact_check_ratings(rating: str | None, expected: str | None) -> None:
    assert rating_verdict(rating) == expected


@pytest.fixture(scope="module")
def tiny_nli(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random 3-label BERT saved as a local NLI model (checker never downloads one)."""
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

    root = tmp_path_factory.mktemp("nli")
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "rockets", "embassy", "baghdad", "the", "us"]
    (root / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    labels = {0: "entailment", 1: "neutral", 2: "contradiction"}  # not the order checker reports them in
    config = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=32, max_position_embeddings=64, num_labels=3, id2label=labels,
                        label2id={v: k for k, v in labels.items()})
    BertForSequenceClassification(config).save_pretrained(root / "model")
    BertTokenizer(vocab_file=str(root / "vocab.txt")).save_pretrained(root / "model")
    return root / "model"


def test_configured_nli_model_adds_its_probabilities(tiny_nli: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKER_NLI_MODEL", str(tiny_nli))
    result = assess("Rockets hit the US embassy in Baghdad", "Rockets were fired at the US embassy in Baghdad")
    assert result.nli is not None and len(result.nli) == 3
    assert sum(result.nli) == pytest.approx(1.0, abs=1e-4)


def test_a_sure_nli_model_decides_when_no_explicit_check_does() -> None:
    checks = explicit_checks("The minister resigned on Tuesday", "The minister stayed in office on Tuesday")
    assert decide(checks, 0.7, None, nli=(0.9, 0.05, 0.05))[:3:2] == ("disagree", "nli")
    assert decide(checks, 0.7, None, nli=(0.05, 0.9, 0.05))[:3:2] == ("agree", "nli")
    conflict = explicit_checks("The US has 2,500 troops in Iraq", "The US has 3,500 troops in Iraq", 0.9)
    assert decide(conflict, 0.9, None, nli=(0.05, 0.9, 0.05))[0] == "disagree"


def test_a_far_reworded_denial_is_not_taken_as_an_answer_without_the_removed_dev_fitted_rule() -> None:
    """The "retold denial" rule was fitted on AuRED's 16 dev rumours and fell to 0.43 on test: removed."""
    rumour = "فيديو لسقوط متسوق داخل سوبر ماركت في الدوحة بسبب إصابته بكورونا"
    denial = ("تؤكد وزارة الصحة عدم صحة ما يتم تداوله حول سقوط أحد المتسوقين نتيجة إصابته بالفيروس، "
              "وتدعو إلى تحري الدقة.")
    result = assess(rumour, denial)
    assert result.similarity < 0.35 and result.stance == "other"


def test_a_denial_of_another_story_does_not_answer_the_claim() -> None:
    claim = "ارتفاع أسعار الوقود في مصر بنسبة 10 بالمئة اعتبارا من الشهر المقبل"
    denial = "تنفي وزارة التعليم ما يتم تداوله عن إغلاق المدارس في القاهرة بسبب الأمطار."
    result = assess(claim, denial)
    assert result.stance != "disagree"


def test_an_english_rumour_denial_is_read_the_same_way() -> None:
    rumour = "A video shows a shopper collapsing in a Doha supermarket after catching the coronavirus."
    denial = ("The health ministry said the video circulating online of a shopper collapsing was not linked to "
              "the coronavirus and urged people not to spread rumours.")
    result = assess(rumour, denial)
    assert result.stance == "disagree" and result.decided_by == "denial"


def test_verdict_path_gives_the_cross_encoder_only_undecided_pairs_that_can_count(monkeypatch: pytest.MonkeyPatch) -> None:
    """Speed without a changed verdict: a pair a slot already decided, or too far from the claim for the verdict
    to weigh it, is not read by the cross-encoder; the closest undecided same-language passages are."""
    import checker.stance as stance
    from checker.verdict import verdict_budget

    read: list[list[tuple[str, str]]] = []
    monkeypatch.setattr(stance, "cross_encoder_installed", lambda: True)
    monkeypatch.setattr(stance, "cross_encoder_probabilities",
                        lambda pairs: read.append(list(pairs)) or np.tile([0.1, 0.1, 0.8], (len(pairs), 1)))
    claim = "The United States has 2,500 troops in Iraq, the Pentagon said on Friday."
    passages = ["About 2,500 American troops remain in Iraq, the Pentagon said on Friday.",  # undecided, close
                "The United States has 3,500 troops in Iraq, the Pentagon said on Friday.",  # the count decides
                "Oil prices rose on Monday after OPEC agreed to extend output cuts.",  # too far to weigh
                "لا يزال نحو 2500 جندي أمريكي في العراق بحسب البنتاغون."]  # another language
    results = assess_many([(claim, p) for p in passages], cross_encoder=verdict_budget())
    assert results[0].similarity >= verdict_budget().min_similarity > results[2].similarity
    assert [pair[1] for pair in read[0]] == [passages[0]]
    assert results[0].stance == "other" and results[1].decided_by == "numbers"  # the model's row was used
    read.clear()
    assess_many([(claim, p) for p in passages])  # evaluation: every same-language pair
    assert [pair[1] for pair in read[0]] == passages[:3]


def test_a_claim_repeated_with_another_source_does_not_crowd_out_its_own_passages(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The same words cited from two sources give identical pairs; they count once against the budget."""
    import checker.stance as stance
    from checker.stance import CrossEncoderBudget

    read: list[tuple[str, str]] = []
    monkeypatch.setattr(stance, "cross_encoder_installed", lambda: True)
    monkeypatch.setattr(stance, "cross_encoder_probabilities",
                        lambda pairs: read.extend(pairs) or np.tile([0.1, 0.1, 0.8], (len(pairs), 1)))
    claim = "The United States has 2,500 troops in Iraq, the Pentagon said on Friday."
    closest = "About 2,500 American troops remain in Iraq, the Pentagon said on Friday."
    second = "The Pentagon said on Friday that some 2,500 US soldiers are still deployed across Iraq."
    pairs = [(claim, closest), (claim, second)] * 2  # the claim twice, once per cited source
    assess_many(pairs, cross_encoder=CrossEncoderBudget(per_claim=2))
    assert {passage for _, passage in read} == {closest, second}

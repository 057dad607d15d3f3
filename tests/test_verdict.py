"""Verdicts and source checks against a small evidence store, in Arabic and English."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlite_utils

from checker.models import Attribution, Claim, Outlet
from checker.store.db import open_db
from checker.store.ingest import add_text, import_file
from checker.verdict import check_claims

REUTERS_TROOPS = "The United States has 3,500 troops in Iraq, a US defence official told Reuters on Friday."
AFP_ROCKETS_AR = "أطلقت صواريخ على السفارة الأمريكية في بغداد فجر يوم الجمعة، وسمع دوي صفارات الإنذار في المنطقة الخضراء."
EMBASSY_DENIAL = "نفت السفارة الأمريكية في بغداد تعرضها لأي هجوم بالصواريخ فجر الجمعة."
FOOTBALL = "Real Madrid beat Barcelona 3-1 in the Spanish league on Sunday night, with two goals from Vinicius."


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    database = open_db(tmp_path / "claims.db")
    add_text(database, REUTERS_TROOPS, outlet="Reuters", published="2023-12-08", title="US troops in Iraq")
    add_text(database, AFP_ROCKETS_AR, outlet="AFP", published="2023-12-08", title="صواريخ على السفارة")
    add_text(database, FOOTBALL, outlet="Marca", published="2023-12-10", title="Clasico")
    return database


def outlet_of(db: sqlite_utils.Database, title: str) -> Outlet:
    """The outlet as the attribution stage would name it: the id the store gave the document's outlet."""
    outlet_id = db.execute("SELECT outlet_id FROM documents WHERE title = ?", [title]).fetchone()[0]
    name = db.execute("SELECT name FROM outlets WHERE id = ?", [outlet_id]).fetchone()[0]
    return Outlet(id=outlet_id, name=name)


def claim(text: str, outlet: Outlet | None = None, speaker: str | None = None) -> Claim:
    kind = "according_to" if outlet or speaker else "none"
    return Claim(id="c1", text=text, start=0, end=len(text), sentence_index=0, sentence=text, checkworthiness=0.9,
                 attribution=Attribution(kind=kind, outlet=outlet, speaker=speaker))


def check(db: sqlite_utils.Database, text: str, outlet: Outlet | None = None, speaker: str | None = None):
    (result,) = check_claims(db, [claim(text, outlet, speaker)])
    return result


def test_changed_troop_count_is_contradicted_with_the_number_in_the_reason(db: sqlite_utils.Database) -> None:
    result = check(db, "The United States has 2,500 troops in Iraq.")
    assert result.verdict.label == "contradicted"
    reason = result.verdict.reasons[0]
    assert "Reuters (2023-12-08) reports 3,500 troops" in reason and "the claim says 2,500" in reason
    top = result.evidence[0]
    assert top.stance == "disagree" and top.similarity > 0.6


def test_changed_count_is_caught_across_languages(db: sqlite_utils.Database) -> None:
    result = check(db, "تنشر الولايات المتحدة 2500 جندي في العراق")
    assert result.verdict.label == "contradicted"
    assert "3,500 troops" in result.verdict.reasons[0] and "2500" in result.verdict.reasons[0]


def test_paraphrase_in_the_other_language_supports(db: sqlite_utils.Database) -> None:
    result = check(db, "Rockets were fired at the US embassy in Baghdad early on Friday.")
    assert result.verdict.label == "supported"
    reason = result.verdict.reasons[0]
    assert "AFP" in reason and "(2023-12-08) says the same" in reason


def test_embassy_denial_contradicts(db: sqlite_utils.Database) -> None:
    add_text(db, EMBASSY_DENIAL, outlet="Al Sumaria", published="2023-12-08", title="نفي")
    result = check(db, "تعرضت السفارة الأمريكية في بغداد لهجوم بالصواريخ فجر الجمعة")
    assert result.verdict.label == "conflicting"  # two independent outlets: AFP reports it, Al Sumaria denies it
    assert "نفت" in result.verdict.reasons[0]
    assert any("but" in reason and "AFP" in reason for reason in result.verdict.reasons)


def test_unrelated_evidence_is_not_enough(db: sqlite_utils.Database) -> None:
    result = check(db, "Egypt's inflation rate fell to 26 percent in September, the statistics agency said.")
    assert result.verdict.label == "not_enough_evidence"
    assert result.verdict.reasons[0].startswith("not enough evidence")


def test_empty_store_is_not_enough_evidence(tmp_path: Path) -> None:
    result = check(open_db(tmp_path / "empty.db"), "The United States has 2,500 troops in Iraq.")
    assert result.verdict.label == "not_enough_evidence"
    assert result.evidence == ()
    assert "nothing in the evidence store" in result.verdict.reasons[0]


def test_source_check_confirmed_when_the_cited_outlet_says_it(db: sqlite_utils.Database) -> None:
    afp = outlet_of(db, "صواريخ على السفارة")
    result = check(db, "Rockets were fired at the US embassy in Baghdad on Friday, AFP reported.", afp)
    assert result.source_check.status == "confirmed"
    passage = db.execute("SELECT text FROM passages WHERE id = ?", [result.source_check.passage_id]).fetchone()[0]
    assert "السفارة" in passage
    assert any(match.from_cited_outlet for match in result.evidence)


def test_source_check_not_found_names_the_outlet_that_does_carry_it(db: sqlite_utils.Database) -> None:
    add_text(db, "Newsweek reports on the US election campaign in Iowa.", outlet="Newsweek", title="Iowa")
    newsweek = outlet_of(db, "Iowa")
    result = check(db, "Rockets were fired at the US embassy in Baghdad on Friday, Newsweek reported.", newsweek)
    assert result.source_check.status == "not_found"
    assert "AFP" in result.source_check.reason and "misattributed" in result.source_check.reason
    assert result.verdict.label == "supported"


def test_source_check_for_an_outlet_with_nothing_stored(db: sqlite_utils.Database) -> None:
    result = check(db, "Rockets were fired at the US embassy in Baghdad on Friday, Al-Mayadeen reported.",
                   Outlet(id="al-mayadeen", name="Al-Mayadeen"))
    assert result.source_check.status == "not_found"
    assert result.source_check.reason.startswith("no reporting from Al-Mayadeen is stored")


def test_source_check_contradicted_when_the_cited_outlet_says_otherwise(db: sqlite_utils.Database) -> None:
    reuters = outlet_of(db, "US troops in Iraq")
    result = check(db, "The United States has 2,500 troops in Iraq, Reuters reported.", reuters)
    assert result.source_check.status == "contradicted"
    assert "3,500" in result.source_check.reason


def test_source_check_without_an_outlet(db: sqlite_utils.Database) -> None:
    result = check(db, "The United States has 2,500 troops in Iraq, the spokesman said.", speaker="the spokesman")
    assert result.source_check.status == "no_source"
    assert "the spokesman" in result.source_check.reason


def test_false_fact_check_rating_contradicts(db: sqlite_utils.Database, tmp_path: Path) -> None:
    review = {
        "@context": "https://schema.org", "@type": "ClaimReview", "url": "https://example.org/fact-check/lemons",
        "claimReviewed": "Drinking hot lemon water cures the coronavirus",
        "author": {"@type": "Organization", "name": "Misbar"}, "datePublished": "2020-03-20",
        "reviewRating": {"@type": "Rating", "alternateName": "False"}, "inLanguage": "en",
    }
    path = tmp_path / "review.json"
    path.write_text(json.dumps(review), encoding="utf-8")
    import_file(db, path)
    result = check(db, "Drinking hot lemon water cures the coronavirus, doctors say.")
    assert result.verdict.label == "contradicted"
    assert "rated this claim «False»" in result.verdict.reasons[0]


def test_every_claim_gets_a_check_in_order(db: sqlite_utils.Database) -> None:
    claims = [claim("The United States has 2,500 troops in Iraq."), claim("Barcelona lost the Clasico 1-3.")]
    claims[1] = Claim(**{**claims[1].__dict__, "id": "c2"})
    results = check_claims(db, claims)
    assert [r.claim_id for r in results] == ["c1", "c2"]
    assert check_claims(db, []) == ()


def test_the_stance_model_alone_never_contradicts() -> None:
    from checker.models import PassageHit
    from checker.stance import StanceResult
    from checker.verdict import AssessedPassage, EvidenceDocument, decide_verdict

    hit = PassageHit(passage_id=7, document_id=1, text="Officials met in Baghdad on Friday to discuss the embassy.",
                     score=1.0, similarity=0.7)
    document = EvidenceDocument("afp", "AFP", "2023-12-08", None, None, None, None)
    model_only = StanceResult("disagree", 0.95, ("similarity 0.70",), similarity=0.7, decided_by="model")
    verdict = decide_verdict([AssessedPassage(hit, document, model_only, False, None)])
    assert verdict.label == "not_enough_evidence"
    assert "only the stance model" in verdict.reasons[0] and "AFP (2023-12-08)" in verdict.reasons[0]
    denial = StanceResult("disagree", 0.8, ("evidence denies it (denied)",), similarity=0.7, decided_by="denial")
    assert decide_verdict([AssessedPassage(hit, document, denial, False, None)]).label == "contradicted"


def _assessed(passage_id: int, outlet: str, text: str, stance: str, decided_by: str):
    from checker.models import PassageHit
    from checker.stance import StanceResult
    from checker.verdict import AssessedPassage, EvidenceDocument

    hit = PassageHit(passage_id=passage_id, document_id=passage_id, text=text, score=1.0, similarity=0.8)
    document = EvidenceDocument(outlet.lower(), outlet, "2023-12-08", None, None, None, None)
    return AssessedPassage(hit, document, StanceResult(stance, 0.8, (), similarity=0.8, decided_by=decided_by),
                           False, None)


def test_independent_outlets_that_disagree_make_the_claim_conflicting() -> None:
    from checker.verdict import decide_verdict

    agree = _assessed(1, "AFP", "Rockets were fired at the US embassy in Baghdad early on Friday.", "agree", "model")
    deny = _assessed(2, "Al Sumaria", "The US embassy in Baghdad denied any rocket attack on Friday.", "disagree", "denial")
    verdict = decide_verdict([agree, deny])
    assert verdict.label == "conflicting" and "AFP" in verdict.reasons[1]
    assert decide_verdict([deny]).label == "contradicted"


def test_syndicated_copies_count_once() -> None:
    from checker.verdict import independent

    story = "Rockets were fired at the US embassy in Baghdad early on Friday, a security source said."
    copies = [_assessed(1, "AFP", story, "agree", "model"), _assessed(2, "Yahoo", story + " (AFP)", "agree", "model"),
              _assessed(3, "Reuters", "Iraq's prime minister condemned the attack on the embassy.", "agree", "model")]
    assert [a.hit.passage_id for a in independent(copies)] == [1, 3]


def test_source_check_confirms_a_close_paraphrase_without_a_conflict() -> None:
    from checker.stance import StanceResult
    from checker.verdict import source_confirms

    assert source_confirms(StanceResult("other", 0.5, (), similarity=0.56, decided_by="similarity"))
    assert not source_confirms(StanceResult("disagree", 0.8, (), similarity=0.9, decided_by="numbers"))
    assert not source_confirms(StanceResult("other", 0.6, (), similarity=0.56, decided_by="other_event"))


def _passage(text: str, claim_text: str, stance: str, decided_by: str, similarity: float,
             slot_decisions: tuple = (), cross_language: bool = False):
    from checker.models import PassageHit
    from checker.stance import StanceResult
    from checker.verdict import AssessedPassage, EvidenceDocument

    hit = PassageHit(passage_id=1, document_id=1, text=text, score=1.0, similarity=similarity)
    document = EvidenceDocument("jawhara", "Jawhara FM", "2016-12-03", None, None, None, None)
    slot = next((d for d in slot_decisions if d.outcome == "conflict" and d.slot == decided_by), None)
    result = StanceResult(stance, 0.8 if stance != "other" else 0.99, (), similarity=similarity, decided_by=decided_by,
                          slot=slot, slot_decisions=slot_decisions, cross_language=cross_language)
    return AssessedPassage(hit, document, result, False, None, claim_text)


def test_a_reworded_report_holding_the_claim_supports_it_though_the_model_calls_it_unrelated() -> None:
    from checker.verdict import decide_verdict

    claim_text = "وزير الصحة يعلن إغلاق المدارس في ولاية صفاقس لمدة أسبوعين بسبب انتشار الحصبة"
    passage = ("أعلن وزير الصحة غلق المدارس بولاية صفاقس لمدة أسبوعين بسبب انتشار مرض الحصبة. "
               "وقال الوزير إن القرار مؤقت.")
    verdict = decide_verdict([_passage(passage, claim_text, "other", "model", 0.47)])
    assert verdict.label == "supported"
    assert "in other words" in verdict.reasons[0] and "no slot differs" in verdict.reasons[0]
    # the same sentence about the topic without the claim's particulars is not support
    vague = "تحدث وزير الصحة عن الوضع الصحي في البلاد. وقال إن الوزارة تتابع الوضع."
    assert decide_verdict([_passage(vague, claim_text, "other", "model", 0.47)]).label == "not_enough_evidence"
    # nor is a passage across languages, whose words cannot be counted
    assert decide_verdict([_passage(passage, "The health minister closed schools in Sfax for two weeks",
                                    "other", "similarity", 0.47, cross_language=True)]).label == "not_enough_evidence"


def test_a_slot_conflict_counts_below_the_similarity_floor_when_the_passage_holds_the_claim() -> None:
    from checker.slots import compare
    from checker.verdict import MIN_SIMILARITY, decide_verdict

    claim_text = "هيئة المحامين تقرر الدخول في إضراب عام مفتوح يوم 15 ديسمبر"
    passage = "قررت الهيئة الوطنية للمحامين الدخول في إضراب عام مفتوح يوم 5 ديسمبر الحالي."
    decisions = compare(claim_text, passage, 0.46).decisions
    assert 0.46 < MIN_SIMILARITY
    verdict = decide_verdict([_passage(passage, claim_text, "disagree", "date", 0.46, decisions)])
    assert verdict.label == "contradicted" and "15 ديسمبر" in verdict.reasons[0]
    elsewhere = "نظم المحامون وقفة احتجاجية أمام قصر العدالة يوم 5 ديسمبر الحالي."
    assert decide_verdict([_passage(elsewhere, claim_text, "disagree", "date", 0.46)]).label == "not_enough_evidence"


def test_similarity_alone_does_not_support_an_english_claim_the_passage_does_not_say() -> None:
    from checker.verdict import decide_verdict

    claim_text = "Senator Warren said the bill would cut taxes for 40 million families."
    passage = "Warren spoke at length about the economy at a rally in Boston on Tuesday."
    assert decide_verdict([_passage(passage, claim_text, "agree", "similarity", 0.65)]).label == "not_enough_evidence"
    said = "Warren said the bill would cut taxes for 40 million families, her office added."
    assert decide_verdict([_passage(said, claim_text, "agree", "similarity", 0.65)]).label == "supported"


def test_a_changed_place_in_a_reworded_report_of_the_same_event_contradicts() -> None:
    from checker.slots import compare
    from checker.verdict import decide_verdict

    claim_text = "عامل في مطار بورتلاند يسرق طائرة ركاب فارغة ويقلع بها قبل أن تتحطم"
    passage = "قالت السلطات إن عاملا في مطار سياتل سرق طائرة ركاب فارغة وأقلع بها قبل أن تتحطم في جزيرة."
    decisions = compare(claim_text, passage, 0.45).decisions
    verdict = decide_verdict([_passage(passage, claim_text, "other", "model", 0.45, decisions)])
    assert verdict.label == "contradicted"
    assert "بورتلاند" in verdict.reasons[0] and "سياتل" in verdict.reasons[0]
    # another event at another airport that shares only the topic is not a contradiction
    other = "افتتح مطار سياتل صالة جديدة للمسافرين هذا الأسبوع."
    assert decide_verdict([_passage(other, claim_text, "other", "model", 0.45,
                                    compare(claim_text, other, 0.45).decisions)]).label == "not_enough_evidence"


def test_a_sentence_holding_the_claim_but_negating_it_is_not_support() -> None:
    from checker.verdict import decide_verdict

    claim_text = "طائرتان عسكريتان روسيتان تدخلان المجال الجوي الكندي فوق القطب الشمالي"
    passage = "ولم تدخل الطائرتان العسكريتان الروسيتان المجال الجوي الكندي فوق القطب الشمالي، بحسب قيادة الدفاع الجوي."
    assert decide_verdict([_passage(passage, claim_text, "other", "model", 0.5)]).label == "not_enough_evidence"
    said = "دخلت الطائرتان العسكريتان الروسيتان المجال الجوي الكندي فوق القطب الشمالي، بحسب قيادة الدفاع الجوي."
    assert decide_verdict([_passage(said, claim_text, "other", "model", 0.5)]).label == "supported"


def test_a_sentence_holding_the_claim_but_denying_it_is_not_support() -> None:
    from checker.verdict import decide_verdict

    claim_text = "The ministry confirmed that the factory in Sfax will close in March."
    denied = "The ministry denied reports that the factory in Sfax will close in March."
    assert decide_verdict([_passage(denied, claim_text, "other", "similarity", 0.5)]).label == "not_enough_evidence"


def test_the_models_weak_agreement_counts_as_a_reworded_report_when_the_passage_holds_the_claim() -> None:
    """Below MIN_SIMILARITY the model's agreement weighs nothing by itself; it must not count for less than the
    same passage read as unrelated ("other"), which the coverage rule already lets say the same."""
    from checker.verdict import MIN_SIMILARITY, decide_verdict

    claim_text = "وزير الصحة يعلن إغلاق المدارس في ولاية صفاقس لمدة أسبوعين بسبب انتشار الحصبة"
    passage = ("أعلن وزير الصحة غلق المدارس بولاية صفاقس لمدة أسبوعين بسبب انتشار مرض الحصبة. "
               "وقال الوزير إن القرار مؤقت.")
    assert 0.47 < MIN_SIMILARITY
    assert decide_verdict([_passage(passage, claim_text, "agree", "model", 0.47)]).label == "supported"
    vague = "تحدث وزير الصحة عن الوضع الصحي في البلاد. وقال إن الوزارة تتابع الوضع."
    assert decide_verdict([_passage(vague, claim_text, "agree", "model", 0.47)]).label == "not_enough_evidence"

"""Round 40 of issue 7 and verdict set 38 of issue 9 (session 36), read as training data after their first contact:
«وأضاف صابر خليفة الهدف الثاني» (scored the second goal) was read as a statement by «صابر خليفة الهدف الثاني»; a
writer's claim about "the Dubai 10X initiative" was contradicted because the report gives another count than "10";
"French President Emmanuel Macron" put the claim in France, against a report naming Iran; «وبدأت أنقرة عملية
عسكرية» put the Turkish offensive in Ankara, against the claim's Afrin. The claims are the blind writers' and the
annotated items the blind annotators' (eval/real_train38, eval/real_train30, eval/verdict_cases38); then round 41's
«ونقل نحو 8 أشخاص لتلقي العلاج» (were taken to hospital) read as a report by «نحو 8 أشخاص», and «تيلغراف»
(eval/real_train39, eval/real_train31). The articles are read in place."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.numbers import find_numbers
from checker.pipeline import analyze
from checker.slots.align import coverage
from checker.slots.extract import read
from checker.store.db import open_db
from checker.store.ingest import add_text
from real_training_items import article_text, check_training_item, training_speaker, verdict_case, verdict_of


@pytest.mark.parametrize("draw, doc, start", [
    ("real_train38", "antms/SkyNews/sport/SK-sport-1152-20180513", 296),  # «وأضاف صابر خليفة الهدف الثاني»
    ("real_train30", "antms/BBC/sport/BB-sport-18-20180205", 446),  # «وأضاف وليد الكرتي الهدف الثاني لبلاده»
])
def test_a_player_who_adds_a_goal_says_nothing(eval_data: Path, draw: str, doc: str, start: int) -> None:
    assert training_speaker(draw, doc, start) is None


def test_a_player_who_adds_a_goal_is_told_apart_from_a_coach_who_adds_words() -> None:
    """The other sense of «أضاف» is read from its clause only: the next sentence's «وأضاف المدرب أن» still reports."""
    claims = analyze("وأضاف صابر خليفة الهدف الثاني للفريق في الدقيقة 60. "
                     "وأضاف المدرب أن الفريق قدم مباراة جيدة أمام منافس قوي.").claims
    assert [c.attribution.speaker for c in claims] == [None, "المدرب"]


def test_digits_written_into_a_name_are_no_count(eval_data: Path) -> None:
    """Set 38, a003: "... launched the Dubai 10X initiative ... what other cities will do in ten years": the count is
    the ten years, not the 10 of the initiative's name."""
    claim = verdict_case("verdict_cases38", "a003")["claim"]
    assert [(n.text, n.value) for n in find_numbers(claim)] == [("ten", 10.0)]
    assert [n.value for n in find_numbers("the G20 summit, 5G networks and an A380")] == []
    assert [n.value for n in find_numbers("a 10K race and a $5M deal")] == [10000.0, 5000000.0]
    assert [n.value for n in find_numbers("temperatures of 40C and a 2L bottle")] == [40.0, 2.0]


def _report(case_id: str) -> tuple[str, str]:
    case = verdict_case("verdict_cases38", case_id)
    return case["claim"], article_text(case["doc"])


def test_a_french_president_is_whose_president_not_where(eval_data: Path, tmp_path: Path) -> None:
    """Set 38, b016: "Khamenei's remarks followed French President Emmanuel Macron's three-day trip to Washington"
    against BBC Arabic's report of Khamenei's speech, which names Iran and Saudi Arabia as places: supported."""
    claim, report = _report("b016")
    french = [m for m in read(claim).places if m.span.text == "French"]
    assert french and french[0].adjective
    database = open_db(tmp_path / "claims.db")
    add_text(database, report, outlet="BBC Arabic", published="2018-04-26")
    label, reasons = verdict_of(database, claim)
    assert label == "supported", reasons


def test_a_capital_that_launches_an_offensive_is_its_government(eval_data: Path, tmp_path: Path) -> None:
    """Set 38, a028: «وبدأت أنقرة عملية عسكرية أطلقت عليها اسم "غصن الزيتون"» names Turkey acting, not the city
    of Ankara, so the claim's Afrin is no other place than the report's; «وتعتبر أنقرة» and «تعهدت أنقرة» too."""
    claim, report = _report("a028")
    for words in ("وبدأت أنقرة عملية عسكرية", "وتعتبر أنقرة وحدات", "تعهدت أنقرة بضرب"):
        at = report.index(words)
        (ankara,) = [m for m in read(report[at:at + 60]).mentions if m.span.text == "أنقرة"]
        assert (ankara.kind, ankara.key, ankara.capital) == ("actor", "turkey", "ankara")
    database = open_db(tmp_path / "claims.db")
    add_text(database, report, outlet="BBC Arabic", published="2018-03-14")
    label, reasons = verdict_of(database, claim)
    assert not any("place:" in reason for reason in reasons), reasons
    assert label != "contradicted", reasons


@pytest.mark.parametrize("draw, doc, start, speaker", [
    # «ونقل نحو 8 أشخاص لتلقي العلاج في المستشفى، كما ألقت الشرطة القبض على 10 آخرين على الأقل، بحسب مصادر أمنية»
    ("real_train39", "antms/BBC/middleEast/BB-middleEast-623-20180615", 834, "مصادر أمنية"),
    # «ونقل الجرحى إلى المركز الطبي الجامعي»
    ("real_train31", "antms/SkyNews/internationalNews/SK-internationalNews-161-20180227", 742, None),
])
def test_people_taken_to_hospital_are_no_report(eval_data: Path, draw: str, doc: str, start: int,
                                                 speaker: str | None) -> None:
    """Round 41: «نقل» is "took" as often as "reported"; taken somewhere («إلى», «نحو 8 أشخاص»), it names no
    speaker, and the sentence's own «بحسب مصادر أمنية» gives its source."""
    assert training_speaker(draw, doc, start) == speaker


def test_a_report_carried_by_naql_still_names_its_source() -> None:
    (claim,) = analyze("ونقلت وكالة رويترز عن مسؤول أمني قوله إن الهجوم أسفر عن مقتل ثلاثة من عناصر الشرطة.").claims
    assert claim.attribution.speaker == "مسؤول أمني"
    assert claim.attribution.outlet is not None and claim.attribution.outlet.id == "reuters"


def test_the_telegraph_spelled_with_ya_is_the_telegraph(eval_data: Path) -> None:
    """Round 41: «ونشرت صحيفة "تيلغراف" لائحة المرشحين لاستلام دفة القيادة»."""
    check_training_item("real_train39", "antms/SkyNews/sport/SK-sport-1190-20180515", 235, "telegraph")


def test_a_reworded_report_counts_its_synonyms(eval_data: Path, tmp_path: Path) -> None:
    """Set 36, a051: "At least eight White Helmets volunteers died after an air strike struck their centre ..."
    against TRT's report that the strike killed them: "died" is "killed" said otherwise (slots.toml [synonyms]), so
    the report's sentence holds most of the claim and says the same."""
    case = verdict_case("verdict_cases36", "a051")
    report = article_text(case["doc"])
    assert coverage("eight volunteers died in the strike", "the strike killed eight volunteers") == 1.0
    assert coverage("eight volunteers died in the strike", "the strike hit eight volunteers") < 1.0
    database = open_db(tmp_path / "claims.db")
    add_text(database, report, outlet="TRT", published="2017-04-30")
    label, reasons = verdict_of(database, case["claim"])
    assert label == "supported", reasons

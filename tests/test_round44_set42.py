"""Round 44 of issue 7 (session 38), read as training data after its first contact: «لكن المسؤول الكنسي الروسي المطران
إيلاريون قال السبت، إنه ...» was no statement at all (a day between the verb and «إنه» after a five-word subject);
«ونقلت وكالات أنباء روسية عنه قوله» gave the agencies as the speaker and, once they were not, the church of the lead
(«نقلت» is feminine, «عنه» is not); «أما الباحثة في جامعة روما، إلينا باتينيلي، فقالت» went to the researcher
before; a subscription's terms, a comment section's disclaimer and a thesis page's rights line were kept as claims.
Then round 45, after its measurement: «للعربية.نت،» ended a sentence (the Arabic comma was read as a letter), «د.» ended
a speaker's name, «كما أكد تأييده» gave the object as the speaker, and an opinion piece's note on its writer, a
copyright line, a cookie banner and a scraped e-mail line were kept as claims. The annotated items are the blind
annotators' (eval/real_train42, eval/real_train43); the articles are read in place."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.pipeline import analyze
from checker.store.passages import split_passages
from real_training_items import check_training_item, training_speaker

CHURCH = "antms/SkyNews/internationalNews/SK-internationalNews-3170-20180909"
MARS = "antms/SkyNews/technology/SK-technology-1181-20180725"


def test_a_long_subject_then_a_day_then_the_words_is_a_statement(eval_data: Path) -> None:
    """«لكن المسؤول الكنسي الروسي المطران إيلاريون قال السبت، إنه في حال ...»."""
    assert "إيلاريون" in (training_speaker("real_train42", CHURCH, 503) or "")


def test_words_carried_from_him_are_his_not_the_carriers(eval_data: Path) -> None:
    """«ونقلت وكالات أنباء روسية عنه قوله "..."»: the metropolitan named before, not the agencies nor the church."""
    assert "إيلاريون" in (training_speaker("real_train42", CHURCH, 755) or "")


def test_a_named_carrier_keeps_its_outlet_and_the_speaker_named_before() -> None:
    claims = analyze("وقال وزير الخارجية إن المفاوضات ستستأنف الأسبوع المقبل في جنيف. "
                     'ونقلت وكالة رويترز عنه قوله "إن الوضع في المنطقة كلها خطير جدا".').claims
    last = claims[-1].attribution
    assert last.speaker == "وزير الخارجية"
    assert last.outlet is not None and last.outlet.id == "reuters"


def test_a_feminine_carrier_does_not_send_him_to_a_woman() -> None:
    """«عنه» is masculine whatever the gender of «نقلت»: the minister, not the spokeswoman before him."""
    claims = analyze("وقالت المتحدثة باسم الوزارة إن الاجتماع انتهى دون اتفاق. "
                     "وقال الوزير إن بلاده لن تتراجع عن قرارها. "
                     'ونقلت وكالات أنباء محلية عنه قوله "لن نقبل بأي شروط مسبقة".').claims
    assert claims[-1].attribution.speaker == "الوزير"


def test_a_carrier_quoting_him_with_no_one_before_names_no_one() -> None:
    """«عنه» with no speaker before it is no speaker either; nor is the pronoun inside a phrase naming the man
    («نقل زوار رئيس البرلمان نبيه بري عنه قوله»: not a carrier of the speaker before)."""
    (claim,) = analyze('ونقلت وكالات أنباء روسية عنه قوله "لن نقبل بأي شروط مسبقة في المفاوضات".').claims
    assert claim.attribution.speaker is None
    claims = analyze("وقال وزير الخارجية إن المفاوضات ستستأنف الأسبوع المقبل في جنيف. "
                     "في المقابل، نقل زوار رئيس البرلمان نبيه بري عنه قوله إن «لا تفاوض تحت النار».").claims
    assert claims[-1].attribution.speaker != "وزير الخارجية"


def test_as_for_someone_she_said_is_hers(eval_data: Path) -> None:
    """«أما الباحثة في جامعة روما، إلينا باتينيلي، فقالت إنه كان من المستحيل ...»."""
    assert "باتينيلي" in (training_speaker("real_train42", MARS, 1194) or "")


@pytest.mark.parametrize("text, speaker", [
    ("أما وزارة الخارجية، فقد أعلنت أن المفاوضات ستستأنف الأسبوع المقبل.", "وزارة الخارجية"),
    ("أما في دمشق، فقال المتحدث باسم الحكومة إن الوضع هادئ في العاصمة.", "المتحدث باسم الحكومة"),
])
def test_as_for_names_the_speaker_unless_it_names_a_place(text: str, speaker: str) -> None:
    (claim,) = analyze(text).claims
    assert claim.attribution.speaker == speaker


@pytest.mark.parametrize("doc, start", [
    ("wice/dev01234", 1221),  # "You have viewed over 15 free stories this month."
    ("wice/dev03856", 1512),  # "** Annual plan costs $89.99 and is charged annually."
    ("wice/dev03856", 2098),  # "Please note, we are currently unable to process credit cards with a billing ..."
    ("wice/dev01665", 654),  # "User comments or postings do not reflect the viewpoint of"
    ("wice/dev02879", 4521),  # "Unless otherwise stated, all rights belong to the author."
])
def test_a_sites_terms_and_disclaimers_are_kept_out(eval_data: Path, doc: str, start: int) -> None:
    check_training_item("real_train42", doc, start, None)


def test_a_wire_credit_line_is_no_evidence() -> None:
    """"Additional reporting by ... in Damascus" names the newsroom's place, not the story's: no passage holds it."""
    text = ("The Observatory said the rebels had killed 69 civilians including 25 children in shelling during their "
            "counter-attack. Additional reporting by Kinda Makieh in Damascus; Editing by Eric Walsh")
    passages = split_passages(text)
    assert [p.text for p in passages] == [text.split(" Additional")[0]]
    assert not any("Damascus" in p.text for p in passages)


# Round 45, read as training data after its measurement (eval/real_train43).
COSTS = "antms/Alarabia/economy/AL-economy-594-20180516"


def test_a_doctor_named_to_al_arabiya_net_keeps_his_name_and_the_site(eval_data: Path) -> None:
    """«يعتبر الخبير الاقتصادي د.غازي وزني في حديث للعربية.نت، أن»: «.نت،» ends no sentence, «د.» no name."""
    assert "وزني" in (training_speaker("real_train43", COSTS, 2742) or "")
    check_training_item("real_train43", COSTS, 2742, "al-arabiya")


@pytest.mark.parametrize("text, speaker", [
    ("وقال الخبير الاقتصادي د. غازي وزني إن الأسعار تراجعت بنحو 20 في المئة.", "الخبير الاقتصادي د. غازي وزني"),
    ("وقال المحلل السياسي د.أحمد سالم لـ«العربية.نت»، إن المفاوضات متعثرة منذ أشهر.", "المحلل السياسي د.أحمد سالم"),
])
def test_a_one_letter_title_does_not_end_the_speaker(text: str, speaker: str) -> None:
    (claim,) = analyze(text).claims
    assert claim.attribution.speaker == speaker


def test_an_owned_verbal_noun_after_the_verb_is_its_object() -> None:
    """«كما أكد تأييده لجهود التحالف»: his support, said by the council named before; not a speaker «تأييده ...»."""
    claims = analyze("وأكد مجلس الجامعة العربية أهمية حماية المدنيين في اليمن. "
                     "كما أكد تأييده لجهود التحالف في تحسين الوضع الإنساني في المناطق المحررة.").claims
    assert "تأييده" not in (claims[-1].attribution.speaker or "")
    assert "مجلس الجامعة العربية" in (claims[-1].attribution.speaker or "")


@pytest.mark.parametrize("doc, start", [
    ("antms/CNN/middleEast/CN-middleEast-136-20180301", 70),  # «مقال بقلم بيان ريحان، ... الآراء الواردة ...»
    ("antms/CNN/middleEast/CN-middleEast-1179-20180811", 87),  # «هذا المقال بقلم بشار جرار، ... والآراء الواردة»
    ("wice/dev01627", 2003),  # "Opinions expressed by Forbes Contributors are their own."
    ("antms/Alarabia/technology/AL-technology-35-20180128", 5068),  # «**حقوق النشر محفوظة لمجلة القافلة»
    ("wice/dev03312", 2673),  # "We use cookies to ensure we give you the best experience of our website."
    ("wice/dev03649", 3288),  # "... please email [email protected] or call 859-259-4279."
])
def test_an_opinion_pieces_note_and_a_pages_notices_are_kept_out(eval_data: Path, doc: str, start: int) -> None:
    check_training_item("real_train43", doc, start, None)


def test_every_boilerplate_pattern_is_anchored() -> None:
    """The patterns are joined into one regex searched in every line: one without ^ made the claims path 10 % slower
    (`scripts/bench_analyze.py`), so an editor adding a pattern learns it here."""
    import tomllib

    from checker.config import DATA_DIR

    with open(DATA_DIR / "boilerplate.toml", "rb") as handle:
        data = tomllib.load(handle)
    loose = [p for p in data["boilerplate"]["patterns"] + data["credit"]["patterns"] if not p.startswith("^")]
    assert loose == []

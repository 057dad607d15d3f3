"""Round 17 of issue 7 (session 20): what the first contact of eval/real_train14 showed on training articles. What
is not known («ومن غير الواضح ما إذا», "It was not immediately clear whether") and a clause that guesses beside a
report («...، ويبدو أن») are no claims; a copula and a noun of judgement («وتعتبر الزيارة خطوة هامة») are the
writer's view; «ويبدو» is a verb, not the Tunisian site Webdo; a pronoun the verb speaks to («وقال لها»), a time
adverbial after the subject («مطلع الشهر الحالي») and «في وقت سابق» are no part of the speaker; «جاء ذلك في قصر X»
says where, not who; «وفقا للوكالة البحرينية» refers back to the agency, and the subject of the act it reports stays
the speaker; an outlet in brackets on the last line credits the story; a tabloid caption may open with the picture
agency's credit or a three-word label; a quotation paragraph right after a quote continues it; the noun "show" is no
cue. The sentences written here are unit tests, not evidence of quality."""
from __future__ import annotations

import pytest

from checker.claims import extract_claims
from checker.doc import make_doc
from checker.pipeline import analyze


def _claims(text: str) -> list[str]:
    return [c.text for c in extract_claims(make_doc(text))[0]]


def _reasons(text: str) -> dict[str, str]:
    return {n.text: n.reason for n in extract_claims(make_doc(text))[1]}


def _attributions(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.text, c.attribution.outlet.id if c.attribution.outlet else None, c.attribution.speaker)
            for c in analyze(text).claims]


@pytest.mark.parametrize("sentence", [
    "ومن غير الواضح ما إذا كان الفوز بالكأس سيكون كافيا لإقناع مالك النادي بالإبقاء على المدرب.",
    "ولا يتضح ما إذا كان المتحف سيفتح أبوابه للزوار طوال العام.",
    "It was not immediately clear whether anyone had been hurt in the blast.",
    "It's not clear when the company will resume its flights to the region.",
])
def test_what_is_not_known_is_no_claim(sentence: str) -> None:
    report = ("The ministry said 12 people were killed in the attack." if sentence.isascii()
              else "وقالت الوزارة إن 12 شخصا قتلوا في الهجوم.")
    text = f"Headline\n\n{report}\n\n{sentence}"
    assert _reasons(text).get(sentence) == "speculation", _reasons(text)


def test_unclear_in_a_sources_words_stays_a_claim() -> None:
    text = "Strike\n\nUS officials said it was unclear whether the commander had been in the convoy."
    assert _claims(text) == ["US officials said it was unclear whether the commander had been in the convoy."]


def test_a_guessing_clause_beside_a_report_is_left_out_and_the_report_kept() -> None:
    text = ("سوريا\n\nوقال المحلل إن إدارة أوباما خسرت فرصة للضغط على روسيا، ويبدو أن أوباما أراد ترك سوريا لروسيا.")
    claims, reasons = _claims(text), _reasons(text)
    assert claims == ["وقال المحلل إن إدارة أوباما خسرت فرصة للضغط على روسيا"], claims
    assert reasons.get("ويبدو أن أوباما أراد ترك سوريا لروسيا.") == "speculation", reasons


def test_the_verb_wabdu_is_not_the_site_webdo() -> None:
    text = "سوريا\n\nوقالت الحكومة إن الجيش انسحب من المدينة، ويبدو أن المعارك انتهت."
    assert [outlet for _, outlet, _ in _attributions(text)] == [None], _attributions(text)


@pytest.mark.parametrize(("sentence", "claim"), [
    ("وتعتبر هذه الزيارة خطوة هامة في إعداد البلاد للمحادثات مع جارتها.", False),
    ("تعد مشاركة المنتخب الوطني في البطولة الودية خطوة إيجابية تساعد الجهاز الفني على تقييم اللاعبين.", False),
    ("ويعد الجهاز الجديد قفزة نوعية في عالم الحوسبة.", False),
    ("ويعتبر اللاعب أول عربي يتوج بالجائزة منذ انطلاقها.", True),
    ("ويمثل المسيحيون 2 في المائة من سكان البلاد.", True),
])
def test_a_copula_and_a_noun_of_judgement_are_the_writers_view(sentence: str, claim: bool) -> None:
    text = f"عنوان\n\nوقال الوزير إن الحكومة ستدعم المزارعين.\n\n{sentence}"
    assert (sentence in _claims(text)) is claim, (_claims(text), _reasons(text))


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("وقال لهم الرئيس إن الحكومة ستدعمهم.", "الرئيس"),
    ("وقالت لنا مصادر مطلعة إن الاتفاق بات قريبا.", "مصادر مطلعة"),
    ("وأعلنت الجزائر مطلع الشهر الحالي، أن موقفها من النزاع لم يتغير.", "الجزائر"),
    ("وقالت الحكومة في وقت سابق، إن الحدود ستفتح الأسبوع المقبل.", "الحكومة"),
    ("وأعلنت الشركة أواخر العام الماضي أنها ستغلق مصنعها.", "الشركة"),
])
def test_addressees_and_times_are_no_part_of_the_speaker(sentence: str, speaker: str) -> None:
    found = _attributions(f"عنوان\n\n{sentence}")
    assert found[0][2] == speaker, found


def test_the_name_li_is_no_pronoun_addressee() -> None:
    found = _attributions("عنوان\n\nكما حذر لي حكومة الجزيرة من أي محاولة انفصالية.")
    assert (found[0][2] or "").startswith("لي "), found


def test_what_is_said_after_a_colon_is_never_the_speaker() -> None:
    text = ('عنوان\n\nوقال مصدر أمني إن المرشح دفع المراسلة. وقال لها: "روحي من هون"، فاضطرت المراسلة إلى إنهاء '
            "المقابلة.")
    assert all("روحي" not in (speaker or "") for _, _, speaker in _attributions(text)), _attributions(text)


def test_where_a_statement_was_made_names_no_speaker() -> None:
    text = ("عنوان\n\nقال العاهل البحريني إن حل الأزمة يكمن في الرياض.\n"
            "جاء ذلك في قصر الصخير بالمنامة، خلال استقبال وفد أمريكي، وفقا لما نقلته وكالة الأنباء البحرينية.\n"
            "جاء ذلك في بيان لوزارة الخارجية.")
    speakers = [speaker for _, _, speaker in _attributions(text)]
    assert "قصر الصخير بالمنامة" not in speakers, speakers
    assert speakers[-1] is not None and "وزارة الخارجية" in speakers[-1], speakers


def test_the_agency_named_by_its_country_is_the_one_cited_before_and_the_act_keeps_its_subject() -> None:
    text = ("عنوان\n\nدبي، الإمارات العربية المتحدة (CNN)-- قال وزير الخارجية البحريني إن الحل في الرياض.\n"
            "جاء ذلك خلال استقبال وفد أمريكي، وفقا لما نقلته وكالة الأنباء البحرينية الرسمية.\n"
            "وأعرب العاهل البحريني عن اعتزاز بلاده بالشراكة مع الولايات المتحدة، وفقا للوكالة البحرينية.")
    last = _attributions(text)[-1]
    assert last[1:] == ("bna", "العاهل البحريني"), last


def test_an_outlet_in_brackets_on_the_last_line_credits_the_story() -> None:
    text = ("McPizza lives on\n\nTwo decades ago, the chain rolled out pizzas in most of its restaurants.\n\n"
            "The manager says it is the same pizza as they sold 11 years ago.\n\n[Canada.com]")
    found = _attributions(text)
    assert [outlet for _, outlet, _ in found] == ["canada-com", "canada-com"], found
    assert "[Canada.com]" not in _claims(text)


@pytest.mark.parametrize("caption", [
    "Pain and grief: The boy's distraught mother and father wait for news at the hospital",
    "Getty   Murderer: The lonely owl killed her mate within hours of meeting him",
    "Remains: Militants are said to be trying to sell the body (still from the video above)",
])
def test_a_tabloid_caption_with_a_credit_or_a_three_word_label_is_no_claim(caption: str) -> None:
    text = (f"Owl kills mate\n\nA snowy owl killed her mate at a zoo in Poland on Monday, its keepers said.\n\n{caption}\n\n"
            "The zoo said it would not pair the owl again this year.")
    assert caption not in _claims(text), _claims(text)


def test_a_quotation_paragraph_right_after_a_quote_continues_it() -> None:
    text = ("Actress denies rumour\n\nThe actress denied the report on Tuesday. “I was practically a baby on that "
            "show,” she wrote on Instagram.\n\n“Everyone there treated me with nothing but kindness. Keep me out of "
            "this!”\n\nThe actress has starred in several films since.")
    found = {claim: speaker for claim, _, speaker in _attributions(text)}
    assert found["“Everyone there treated me with nothing but kindness. Keep me out of this!”"] == "The actress", found
    assert found["The actress has starred in several films since."] is None, found


def test_the_noun_show_is_no_cue_but_records_show_that_is() -> None:
    found = _attributions("Actress denies rumour\n\n“Everyone on that show treated me with kindness,” she wrote.\n\n"
                          "Court records show that the company paid $2 million to the former employee.")
    assert found[0][2] != "Everyone on that", found
    assert found[1][2] == "Court records", found

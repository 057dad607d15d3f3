"""Round 32 of issue 7 (session 32): the source a headline credits to an outlet («X لـ"العربية": ...»), and an aside
between dashes before the reporting verb. The sentences written here are unit tests, not evidence of quality; the
real items are annotated training articles (eval/real_train30) read in place."""
from __future__ import annotations

import pytest

from checker.attribution.headline import credits, headline_credit
from checker.outlets import load_registry
from real_training_items import attribution_of, check_training_item, is_claim, training_speaker


@pytest.mark.parametrize("headline, source, outlet", [
    ('إبراهيموفيتش لـ"العربية": "الظاهرة" هو كرة القدم', "إبراهيموفيتش", "al-arabiya"),
    ("وزير الخارجية الأردني لـCNN: الاحتلال سبب كل شر", "وزير الخارجية الأردني", "cnn"),
    ('حاجب "شاهد ماشفش حاجه" يتحدث للعربية.نت عن غياب 30 عاما', 'حاجب "شاهد ماشفش حاجه"', "al-arabiya"),
])
def test_a_headline_credit_names_the_source_and_the_outlet(headline: str, source: str, outlet: str) -> None:
    credit = headline_credit(headline, load_registry())
    assert credit is not None and credit.outlet.outlet is not None
    assert (credit.source, credit.outlet.outlet.id) == (source, outlet)


@pytest.mark.parametrize("headline", [
    "ترامب يهاجم CNN ويصفها بالكاذبة",  # the outlet is talked about, not spoken to
    'الحكومة تعلن خطة جديدة لـ"العربية" للتعليم',  # no colon and no verb of speaking: not a credit
    "بالفيديو.. لحظة اقتحام مقر قناة العربية",
    "مراسل CNN: القصف مستمر منذ الصباح",  # the last letter of «مراسل», not «لـ»
    "بالفيديو.. لـCNN: مشاهد من الحدود",  # a label, no one spoke
])
def test_a_headline_naming_an_outlet_otherwise_credits_no_one(headline: str) -> None:
    assert headline_credit(headline, load_registry()) is None


def test_the_credited_source_is_matched_by_name() -> None:
    credit = headline_credit('إبراهيموفيتش لـ"العربية": أنا الأفضل', load_registry())
    assert credit is not None
    assert credits(credit, "زلاتان إبراهيموفيتش") and credits(credit, "إبرا")
    assert not credits(credit, "مدرب المنتخب السويدي") and not credits(credit, None)


def test_a_described_source_is_credited_to_the_same_description_only() -> None:
    """«وزير الخارجية الأردني لـCNN» is not every minister of the story, nor «مصدر لـCNN» every source."""
    minister = headline_credit("وزير الخارجية الأردني لـCNN: الاحتلال سبب كل شر", load_registry())
    source = headline_credit("مصدر لـCNN: فرنسا تحقق في اختفاء رئيس الإنتربول", load_registry())
    assert minister is not None and source is not None
    assert credits(minister, "وزير الخارجية الأردني") and credits(source, "المصدر")
    assert not credits(minister, "وزير الخارجية الإسرائيلي") and not credits(minister, "وزير الدفاع الأمريكي")
    assert not credits(source, "مصدر في حماس")


def test_the_credited_sources_statements_carry_the_outlet_and_others_do_not() -> None:
    text = ('إبراهيموفيتش لـ"العربية": "الظاهرة" هو كرة القدم\n\n'
            "كشف زلاتان إبراهيموفيتش، لاعب لوس أنجلوس الأميركي، أن مباراة ديربي ميلانو هي الأفضل بالنسبة له.\n"
            "وقال مدرب الفريق في مؤتمر صحفي إن اللاعب سيغيب عن المباراة المقبلة بسبب الإصابة.\n")
    credited = attribution_of(text, "مباراة ديربي ميلانو هي الأفضل")
    assert credited.outlet is not None and credited.outlet.id == "al-arabiya" and credited.outlet_from == "story"
    assert attribution_of(text, "سيغيب عن المباراة المقبلة").outlet is None


@pytest.mark.parametrize("start", [129, 301, 617, 2859])
def test_real_interview_credited_in_its_headline(start: int) -> None:
    """Al Arabiya's interview of Zlatan Ibrahimović: the body names only «الزميلة ليليان تنوري»."""
    check_training_item("real_train30", "antms/Alarabia/sport/AL-sport-1537-20180513", start, "al-arabiya")


@pytest.mark.parametrize("sentence, speaker", [
    ("The mother of James Foley -- an American journalist killed in Syria -- said she was appalled by the response.",
     "The mother of James Foley"),
    ("National Security Adviser Susan Rice — after praising the family — said the government had worked hard.",
     "National Security Adviser Susan Rice"),
    ("The union -- which has 200 members -- said the strike would go ahead.", "The union"),
    ("The mother of James Foley - an American journalist killed in Syria - said she was appalled by the response.",
     "The mother of James Foley"),  # spaced hyphens
    ("A senior official — Deputy Minister Ali Hassan — said the talks had failed.",
     "Deputy Minister Ali Hassan"),  # a name between the dashes is the speaker
])
def test_an_aside_between_dashes_is_not_the_speaker(sentence: str, speaker: str) -> None:
    text = f"Bridge to close for repairs\n\n{sentence}\n"
    assert attribution_of(text, sentence.split(" said ")[1][:20]).speaker == speaker


@pytest.mark.parametrize("quotation", [
    "'The bridge is no longer safe for heavy lorries. We have no choice but to close it next month,'",
    "‘The bridge is no longer safe. It is old. We have no choice but to close it next month,’",
])
def test_a_quotation_in_single_marks_cut_at_a_full_stop_is_the_closing_sentences_speakers(quotation: str) -> None:
    """British copy quotes in single marks; the splitter cuts the quotation at its first full stop."""
    text = f"Bridge to close for repairs\n\n{quotation} the mayor told the BBC on Tuesday.\n"
    opening = attribution_of(text, "no longer safe")
    assert opening.speaker == "the mayor" and opening.outlet is not None and opening.outlet.id == "bbc"
    assert opening.carried_from is not None


def test_an_apostrophe_opens_or_closes_no_quotation() -> None:
    """A possessive in the sentence after an opening mark closes nothing: the quotation stays unattributed."""
    text = ("Bridge to close for repairs\n\n'The bridge is no longer safe for lorries. It's Tom's bridge and the "
            "residents' pride, the mayor said.\n")
    assert attribution_of(text, "no longer safe").speaker is None


def test_a_quotation_closed_by_a_sentence_naming_no_one_stays_unattributed() -> None:
    text = ("Bridge to close for repairs\n\n'The bridge is no longer safe for heavy lorries. We have no choice but to "
            "close it next month.' The council voted 7-2 to close it. Residents' groups said they would fight it.\n")
    assert attribution_of(text, "no longer safe").speaker is None
    assert attribution_of(text, "voted 7-2").speaker is None


def test_a_quotation_cut_under_a_wire_dateline_takes_the_closing_sentences_speaker() -> None:
    text = ("Bridge to close for repairs\n\nLONDON (Reuters) - 'The bridge is no longer safe for heavy lorries. We have "
            "no choice but to close it next month,' the mayor said on Tuesday.\n")
    attribution = attribution_of(text, "no longer safe")
    assert attribution.speaker == "the mayor" and attribution.outlet is not None and attribution.outlet.id == "reuters"


def test_real_quotation_cut_in_single_marks() -> None:
    """MailOnline's "'She is my friend and I confirm that she is alive. And the picture ... is not Rehana's
    picture,' he told MailOnline"."""
    check_training_item("real_train30", "fnc1/1748", 1374, "daily-mail")


def test_fna_is_fars_when_someone_speaks_to_it_and_no_outlet_in_a_clinic() -> None:
    spoken = attribution_of("Headline\n\nThe coalition is not serious, Nahlah al-Hababi told FNA on Monday.\n",
                            "not serious")
    assert spoken.outlet is not None and spoken.outlet.id == "fars"
    clinic = attribution_of("Headline\n\nA biopsy by FNA showed the growth was benign, the doctor said.\n", "biopsy")
    assert clinic.outlet is None


@pytest.mark.parametrize("opening", ["Amid conflicting reports", "Following reports"])
def test_a_noun_closing_the_opening_phrase_is_no_cue(opening: str) -> None:
    text = (f"Headline\n\n{opening}, an Islamic State spokesperson has confirmed the group's leader was "
            "injured in an air strike.\n")
    attribution = attribution_of(text, "injured in an air strike")
    assert attribution.cue == "confirmed" and attribution.speaker is not None
    assert "spokesperson" in attribution.speaker


def test_a_cue_in_a_relative_clause_yields_to_the_sentences_own() -> None:
    """The session's starting code gave "Over the course of the interview" as the speaker and "asked" as the cue."""
    text = ("Headline\n\nOver the course of the interview, during which the hosts asked some unbelievably "
            "inappropriate questions, she said the surgery cost $20,000, that she saved up for two years.\n")
    attribution = attribution_of(text, "surgery cost")
    assert attribution.cue == "said" and attribution.speaker == "she"


@pytest.mark.parametrize("doc, start, outlet", [
    ("wice/dev04133", 930, "sunshine-state-news"),  # "... wrote this story exclusively for Sunshine State News."
    ("antms/Alarabia/sport/AL-sport-843-20180324", 118, "al-masaa-eg"),  # «نقلاً عن المساء المصرية»: Egypt's
])
def test_real_credit_lines_of_round_33(doc: str, start: int, outlet: str) -> None:
    check_training_item("real_train31", doc, start, outlet)


def test_a_writers_note_for_a_paper_at_the_foot_gives_the_story_its_outlet() -> None:
    text = ("Bridge to close for repairs\n\nMembers of the city council voted on Tuesday to close the old bridge to "
            "traffic for two years.\nThe repairs will cost about $12 million.\n"
            "Tallahassee political writer Jeff Henderson wrote this story exclusively for Sunshine State News.\n")
    attribution = attribution_of(text, "voted on Tuesday")
    assert attribution.outlet is not None and attribution.outlet.id == "sunshine-state-news"


def test_a_quotation_in_single_marks_reopened_on_each_paragraph_stays_the_speakers() -> None:
    """British copy leaves the quotation open at a paragraph's end and reopens it with ‘ on the next one."""
    text = ("Owl kills her mate\n\nShelter spokesman Robert Konowal said: ‘The first two days were fine and they "
            "seemed to get on very well.\n\nMORE: Sisters kicked out of Cambodia over temple shoot\n\n"
            "‘We were horrified when we then discovered she had killed him.\n\n"
            "‘In other words, he was not a suitable lover, and she killed him out of frustration.’\n\n"
            "The shelter in Knyszynska Forest opened in 1998 and houses forty owls.\n")
    assert attribution_of(text, "We were horrified").speaker == "Shelter spokesman Robert Konowal"
    assert attribution_of(text, "not a suitable lover").speaker == "Shelter spokesman Robert Konowal"
    assert attribution_of(text, "opened in 1998").speaker is None  # the quotation closed the paragraph before


def test_a_paragraph_quoted_in_single_marks_after_its_speakers_quote_is_still_theirs() -> None:
    text = ("Man attacked in hospital\n\n‘Someone told reception a naked man was beating up a woman outside,’ a "
            "hospital spokesman said.\n\n‘Staff found the patient with blood streaming down his legs, hitting the woman, and "
            "called the police at once.’\n\n"
            "‘It was a protest,’ the protesters chanted outside the hospital gates.\n")
    assert attribution_of(text, "Staff found the patient").speaker == "a hospital spokesman"
    assert attribution_of(text, "It was a protest").speaker != "a hospital spokesman"


@pytest.mark.parametrize("draw, doc, start, speaker", [
    ("real_train11", "fnc1/2112", 514, "Robert Konowal"),  # reopened with ‘ after a "MORE:" teaser
    ("real_train12", "fnc1/838", 664, "a hospital spokesman"),
    ("real_train16", "fnc1/122", 2263, "Jasmine Tridevil"),  # "she", resolved: 'My whole dream is to get this show on MTV,' she told Real Radio
])
def test_real_quotations_over_paragraphs_in_single_marks(draw: str, doc: str, start: int, speaker: str) -> None:
    assert training_speaker(draw, doc, start) == speaker


@pytest.mark.parametrize("teaser", ['قد يهمك| "إلا تركي آل الشيخ" يبرز بمصر والسعودية',
                                    "قد يهمك.. محمد بن سلمان: إذا طورت إيران قنبلة نووية سنفعل الشيء نفسه"])
def test_a_link_to_the_sites_other_story_is_kept_out(teaser: str) -> None:
    """CNN Arabic's «قد يهمك» ("may interest you") teasers, whatever mark follows the label."""
    text = ("الهيئة العامة للرياضة تعلن خطة جديدة\n\nأعلنت الهيئة العامة للرياضة السعودية الثلاثاء خطة لدعم الأندية "
            f"بقيمة 500 مليون ريال.\n{teaser}\n")
    assert not is_claim(text, teaser.split(" ", 2)[2][:20])
    assert is_claim(text, "خطة لدعم الأندية")


def test_a_tweet_is_a_statement() -> None:
    """«غرد» ("tweeted") reports what its subject wrote, as "tweeted" does in English."""
    text = ("ماكرون يهنئ المنتخب\n\nوغرد الرئيس الفرنسي إيمانويل ماكرون على حسابه في تويتر بأن فرنسا فخورة بلاعبيها "
            "بعد الفوز بكأس العالم.\n")
    attribution = attribution_of(text, "فخورة بلاعبيها")
    assert attribution.speaker is not None and "ماكرون" in attribution.speaker


def test_an_arabic_speaker_phrase_ends_where_wa_dhalika_opens_a_clause() -> None:
    text = ("الخروج المبكر يكلف الألمان\n\nكلفت المباراة الألمان حوالي 200 مليون يورو بحسب ما غردت به صحيفة شبيغل "
            "الألمانية وذلك بسبب توقيت المباراة المبكر.\n")
    attribution = attribution_of(text, "200 مليون يورو")
    assert attribution.outlet is not None and attribution.outlet.id == "der-spiegel"
    assert attribution.speaker is None or "وذلك" not in attribution.speaker

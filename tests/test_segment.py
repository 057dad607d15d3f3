"""Sentence splitting on Arabic and English news as it is pasted."""
from __future__ import annotations

from checker.segment import split_sentences


def texts(text: str) -> list[str]:
    sentences = split_sentences(text)
    for sentence in sentences:
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
    return [s.text for s in sentences]


def test_one_line_per_paragraph_and_blank_lines_both_end_paragraphs() -> None:
    text = ("مؤتمر صحفي في بغداد\n"
            "قال رئيس الوزراء إن الحكومة ستحمي البعثات الدبلوماسية\n\n"
            "وأضاف أن التحقيق بدأ.")
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["مؤتمر صحفي في بغداد",
                                            "قال رئيس الوزراء إن الحكومة ستحمي البعثات الدبلوماسية",
                                            "وأضاف أن التحقيق بدأ."]
    assert [s.paragraph for s in sentences] == [0, 1, 2]


def test_arabic_comma_and_semicolon_do_not_end_a_sentence_but_question_mark_does() -> None:
    text = "استهدفت الصواريخ السفارة، ولم تقع إصابات؛ وأغلقت الطرق. هل يتكرر الهجوم؟ لا أحد يعرف."
    assert texts(text) == ["استهدفت الصواريخ السفارة، ولم تقع إصابات؛ وأغلقت الطرق.", "هل يتكرر الهجوم؟",
                           "لا أحد يعرف."]


def test_full_stop_without_a_space_between_arabic_words() -> None:
    text = "وقعت الحكومة اتفاقا مع اسرائيل.وذكرت صحيفة هآرتس أن المفاوضات استمرت شهرين."
    assert texts(text) == ["وقعت الحكومة اتفاقا مع اسرائيل.", "وذكرت صحيفة هآرتس أن المفاوضات استمرت شهرين."]


def test_decimals_abbreviations_initials_and_web_addresses_do_not_split() -> None:
    text = ("The U.S. economy grew 2.5 percent, Mr. Powell told reporters at 10 a.m. on Jan. 5 in Washington. "
            "J. Smith of Reuters.com disagreed. Inflation fell.")
    assert texts(text) == [
        "The U.S. economy grew 2.5 percent, Mr. Powell told reporters at 10 a.m. on Jan. 5 in Washington.",
        "J. Smith of Reuters.com disagreed.", "Inflation fell."]


def test_a_quotation_of_several_sentences_stays_one_sentence() -> None:
    arabic = ("وقال المسؤول الأمريكي: “ما زلنا ننتظر التقارير الرسمية بشأن الضحايا. كما ننتظر تقارير رسمية "
              "عن نوع الهجوم”. وأغلقت السفارة أبوابها.")
    assert texts(arabic) == ["وقال المسؤول الأمريكي: “ما زلنا ننتظر التقارير الرسمية بشأن الضحايا. كما ننتظر "
                             "تقارير رسمية عن نوع الهجوم”.", "وأغلقت السفارة أبوابها."]
    english = '"We will respond. We have the means," the minister said. Markets fell.'
    assert texts(english) == ['"We will respond. We have the means," the minister said.', "Markets fell."]


def test_a_quote_closed_after_its_full_stop_ends_the_sentence() -> None:
    text = 'He said: "Our troops will stay." The Pentagon declined to comment.'
    assert texts(text) == ['He said: "Our troops will stay."', "The Pentagon declined to comment."]


def test_an_unclosed_quotation_stops_at_the_end_of_its_paragraph() -> None:
    text = ("وقال الأسدي لمجلة نيوزويك “رسالتنا لبايدن هي أن تسحبوا قواتكم. لأنكم ستنسحبون مذلولين.\n\n"
            "وتضم الحركة آلاف المقاتلين. وأعلنت مسؤوليتها عن الهجوم.")
    result = texts(text)
    assert result[-2:] == ["وتضم الحركة آلاف المقاتلين.", "وأعلنت مسؤوليتها عن الهجوم."]
    assert result[0].startswith("وقال الأسدي") and "ستنسحبون" not in result[0]


def test_headline_with_double_dot_then_question() -> None:
    assert texts("بعد الهجوم على سفارة أمريكا في بغداد.. هل بدأت الحرب؟") == [
        "بعد الهجوم على سفارة أمريكا في بغداد..", "هل بدأت الحرب؟"]


def test_missing_space_before_a_year_does_not_break_the_sentence() -> None:
    text = "استهدفت صواريخ البعثة اليوم الجمعة 8 ديسمبر2023. ولم تقع إصابات."
    assert texts(text) == ["استهدفت صواريخ البعثة اليوم الجمعة 8 ديسمبر2023.", "ولم تقع إصابات."]


def test_hard_wrapped_english_paragraph_is_joined() -> None:
    text = ("The central bank raised its main interest rate by half a point on\n"
            "Thursday, its first increase in two years. Analysts had expected the move.\n\n"
            "Shares fell.")
    result = texts(text)
    assert result[0].startswith("The central bank") and result[0].endswith("in two years.")
    assert result[1:] == ["Analysts had expected the move.", "Shares fell."]


def test_whitespace_only_text_has_no_sentences() -> None:
    assert split_sentences(" \n\n \t") == ()


def test_speaker_tag_after_a_closing_quote_stays_with_the_quote() -> None:
    text = "“How many times do we have to see this?” Clinton said. Then she left the stage."
    assert texts(text) == ["“How many times do we have to see this?” Clinton said.", "Then she left the stage."]
    text = '"We are ready." The senator told reporters that the plan would fail.'
    assert texts(text) == ['"We are ready."', "The senator told reporters that the plan would fail."]


def test_us_state_abbreviations_need_their_capital() -> None:
    assert texts("NEWPORT NEWS, Va. — Scott spoke to voters. He was ill. She left.") == [
        "NEWPORT NEWS, Va. — Scott spoke to voters.", "He was ill.", "She left."]


def test_reversed_arabic_quotation_marks_still_hold_the_quote_together() -> None:
    text = "وقال الوزير ”لن نتراجع. سنواصل العمليات“ قبل أن يغادر. وأغلقت الشرطة الطريق."
    assert texts(text) == ["وقال الوزير ”لن نتراجع. سنواصل العمليات“ قبل أن يغادر.", "وأغلقت الشرطة الطريق."]


def test_arabic_initials_and_arabic_domain_endings_do_not_split() -> None:
    assert texts("دبي - العربية.نت") == ["دبي - العربية.نت"]
    assert texts("دورية لقوات «يونيفيل» في بلدة الخيام (أ.ف.ب)") == ["دورية لقوات «يونيفيل» في بلدة الخيام (أ.ف.ب)"]
    assert texts("قال د. محمد إن الوضع صعب. وأضاف أن الجيش تقدم.") == ["قال د. محمد إن الوضع صعب.",
                                                                  "وأضاف أن الجيش تقدم."]

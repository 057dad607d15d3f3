"""Issue 9, verdict set 15 (session 20): what its first contact showed the slot checks misread. A day and a year of
the Hijri calendar («29 شعبان 1439 هجرية», «1439هـ») are dates of another calendar, never counts to compare; a
figure in words with smaller parts in digits joined by «و» («خمسة ملايين و958 ألفا و379», «مليارين و500 مليون دولار»)
is one figure; "no Apple Store" says the store is missing, not Apple; a source phrase before a comma is no speaker.
Sentences written for these tests in the style of the reports; they are unit tests, not evidence of quality."""
from __future__ import annotations

from checker.numbers import find_numbers
from checker.slots import compare, read


def _outcomes(claim: str, passage: str, slot: str) -> list[str]:
    return [d.outcome for d in compare(claim, passage, 0.6).decisions if d.slot == slot]


def test_hijri_days_and_years_are_dates_of_another_calendar_not_counts() -> None:
    found = [(n.text, n.kind) for n in find_numbers("دعت المحكمة إلى تحري الهلال مساء الثلاثاء 29 شعبان 1439 هجرية")]
    assert found == [("29 شعبان 1439 هجرية", "hijri")]
    assert [n.kind for n in find_numbers("في التاسع والعشرين من شعبان لهذا العام 1439هـ")][-1] == "hijri"
    # a count stays a count, and «صفر» alone is zero, no month
    assert [n.kind for n in find_numbers("قتل 29 شخصا في 5 هجمات")] == ["number", "number"]
    assert _outcomes("دعت المحكمة العليا المسلمين إلى تحري هلال رمضان مساء الثلاثاء الموافق 29 شعبان 1439 هجرية",
                     "ودعت المحكمة العليا المسلمين إلى تحري رؤية هلال رمضان مساء الثلاثاء التاسع والعشرين من شهر "
                     "شعبان لهذا العام 1439هـ", "quantity") == []


def test_a_figure_in_words_and_its_parts_in_digits_are_one_figure() -> None:
    [tweets] = [n for n in find_numbers("نشرت خمسة ملايين و958 ألفا و379 تغريدة بشأن الحدث")]
    assert (tweets.text, tweets.value) == ("خمسة ملايين و958 ألفا و379", 5958379.0)
    assert [n.value for n in find_numbers("بلغ عدد السكان مليونين و300 ألف نسمة")] == [2300000.0]
    assert [n.value for n in find_numbers("وصل 2000 و300 جندي")] == [2000.0, 300.0]
    assert "conflict" not in _outcomes("نشرت قرابة ستة ملايين تغريدة عن الزفاف الملكي",
                                       "ونشرت خمسة ملايين و958 ألفا و379 تغريدة في العالم بشأن الزفاف الملكي",
                                       "quantity")


def test_no_with_a_proper_name_negates_the_thing_named_last() -> None:
    assert [stem for stem, _ in read("In my country there is no Apple Store, so I had to send it abroad.").negated] \
        == ["stor"]
    assert [stem for stem, _ in read("There was no Apple in the deal.").negated] == ["appl"]


def test_a_source_phrase_before_a_comma_is_no_speaker_but_a_subject_is() -> None:
    from checker.slots.speaker import speaker_of

    said = speaker_of("بحسب سكاي نيوز عربية، قال صندوق النقد الدولي إن الحكومة أبدت التزاما قويا بالإصلاحات")
    assert said is not None and said.name.text == "صندوق النقد الدولي"
    said = speaker_of("وزير الخارجية، قال إن المحادثات فشلت")
    assert said is not None and said.name.text == "وزير الخارجية"


def test_the_review_finds_on_figures_stay_fixed() -> None:
    """A sum of money in words and digits is one sum; «مليارا» before «و» and a smaller part is one billion, before a
    noun («مليونا زائر») two; a year after a two-word Hijri month is Hijri."""
    assert [(n.kind, n.value, n.unit) for n in find_numbers("خسرت الشركة مليارا و200 مليون دولار")] == [
        ("money", 1200000000.0, "USD")]
    assert [n.value for n in find_numbers("بلغت الميزانية مليارين و500 مليون دولار")] == [2500000000.0]
    assert [n.value for n in find_numbers("زار المعرض مليونا زائر")] == [2000000.0]
    assert [n.kind for n in find_numbers("ولد في 12 ربيع الأول 1441")] == ["hijri"]

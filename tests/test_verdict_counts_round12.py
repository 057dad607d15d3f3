"""Issue 9: counts read the way a fact-checker reads them (session 15, from the verdict training sets' changed
numbers the slot checks missed). Sentences written for these tests in the style of the Arabic and English reports."""
from __future__ import annotations

from checker.numbers import find_numbers
from checker.slots import compare, read


def _quantity_outcomes(claim: str, passage: str) -> list[str]:
    return [d.outcome for d in compare(claim, passage, 0.6).decisions if d.slot == "quantity"]


def test_a_sum_in_words_is_money_like_a_sum_in_figures() -> None:
    [amount] = find_numbers("حاول الموقوف رشوة رئيس الفرقة بخمسة آلاف يورو")
    assert (amount.kind, amount.value, amount.unit) == ("money", 5000, "EUR")
    [english] = find_numbers("the club was sold for three million euros")
    assert (english.kind, english.value, english.unit) == ("money", 3_000_000, "EUR")
    assert _quantity_outcomes("حاول رشوة رئيس الفرقة بخمسة آلاف يورو",
                              "قبل أن يحاول الموقوف رشوة رئيس الفرقة بمبلغ قدره 3 آلاف أورو") == ["conflict"]
    assert _quantity_outcomes("ماكدوغال باعت قصتها مقابل مئتين وخمسين ألف دولار",
                              "وتقول إن الاتفاق البالغ قيمته 150 ألف دولار منح الصحيفة حقوقا حصرية") == ["conflict"]


def test_a_sum_counts_its_currency_not_the_period_after_it() -> None:
    assert _quantity_outcomes("مؤسسة للزكاة ستجمع 350 مليون دينار كل سنة",
                              "سيتيح جمع أكثر من 3500 مليون دينار سنويا من أموال الزكاة") == ["conflict"]


def test_a_share_in_words_is_a_share_not_hundreds() -> None:
    [share] = find_numbers("تراجعت الليرة التركية نحو خمسة بالمئة أمام الدولار")
    assert (share.kind, share.value) == ("percent", 5)
    assert [(n.kind, n.value) for n in find_numbers("ارتفعت الأسعار بنحو ستين في المئة")] == [("percent", 60)]
    assert [(n.kind, n.value) for n in find_numbers("قتل خمسة آلاف شخص")] == [("number", 5000)]


def test_a_rate_is_not_what_is_counted() -> None:
    [limit] = read("وحددت السلطات عدد زوار الجسر بـ8 آلاف يوميا لأسباب تتعلق بالسلامة").quantities
    assert limit.thing is None


def test_years_weeks_and_ages_are_compared_whatever_word_names_them() -> None:
    assert _quantity_outcomes("المتهم رجل يبلغ من العمر 46 عاما",
                              "واتهمت المرأة رجلا يبلغ من العمر 36 سنة بخطف طفلتها") == ["conflict"]
    assert _quantity_outcomes("الحارس سيغيب ستة أسابيع بسبب إصابة في الكاحل",
                              "وأشار المدرب إلى أن الحارس تعرض لإصابة في الكاحل وسيغيب ثلاثة أسابيع") == ["conflict"]
    assert _quantity_outcomes("The cat's owner is sixty-two-year-old Tampa resident Ellis Hutson",
                              "The cat's owner, Tampa resident Ellis Hutson, aged 52, told reporters") == ["conflict"]
    assert _quantity_outcomes("The owner is a 52-year-old Tampa resident",
                              "The cat's owner, a Tampa resident aged 52, told reporters") == ["agree"]


def test_an_age_is_not_a_duration() -> None:
    """"A 45-year-old jailed for life" says nothing of a 45-year sentence; a points tally after a name is no age."""
    assert _quantity_outcomes("Smith was jailed for 45 years.",
                              "John Smith, a 45-year-old builder, was jailed for life on Friday.") == []
    assert _quantity_outcomes("Smith was jailed for 30 years.",
                              "John Smith, aged 45, was jailed for 20 years on Friday.") == ["conflict"]
    assert "conflict" not in _quantity_outcomes("Liverpool have 82 points at the top of the table.",
                                                "Leaders Liverpool, 82, are two points clear of Manchester City.")


def test_an_obituary_age_is_an_age() -> None:
    assert _quantity_outcomes("توفي الممثل عن عمر ناهز 85 عاما", "بعد صراع مع المرض دام 5 سنوات") == []


def test_durations_are_compared_across_languages() -> None:
    assert _quantity_outcomes("The ceasefire will last 30 days and cover 12 villages.",
                              "وتستمر الهدنة 60 يوما وتشمل 12 قرية") == ["conflict", "agree"]


def test_the_first_figure_of_a_range_counts_what_the_second_counts() -> None:
    claim = "قتل في قندهار 11 طفلا تتراوح أعمارهم بين ست سنوات وإحدى عشرة سنة"
    passage = "قتل 11 طفلا تتراوح أعمارهم بين ستة وأحد عشر عاما كانوا متجمعين حول قافلة"
    assert _quantity_outcomes(claim, passage) == ["agree", "agree", "agree"]
    # a list is no range: the dead of "killed 15" are not the 40 homes
    assert _quantity_outcomes("The attack in Kabul killed 15 and 40 homes were destroyed.",
                              "The attack killed 12 people in Kabul.") == ["conflict"]


def test_two_figures_joined_by_and_are_two_figures_unless_they_form_one_number() -> None:
    assert [n.value for n in find_numbers("between five and ten million dollars")] == [5, 10_000_000]
    assert [n.value for n in find_numbers("ما بين خمسة وعشرة ملايين دولار")] == [5, 10_000_000]
    assert [n.value for n in find_numbers("مئتين وخمسين ألف دولار")] == [250_000]
    assert [n.value for n in find_numbers("ثلاثمئة وخمسة وستين يوما")] == [365]
    assert [n.value for n in find_numbers("two hundred and fifty")] == [250]
    assert [n.value for n in find_numbers("Twenty-one people were killed")] == [21]
    assert [n.value for n in find_numbers("ألف وتسعمئة وتسعة وتسعين")] == [1999]
    assert [n.value for n in find_numbers("قتل بين مئة ومئتين شخص")] == [100, 200]
    assert [n.value for n in find_numbers("مليون وخمسمئة ألف دولار")] == [1_500_000]
    assert [n.value for n in find_numbers("ثلاثة آلاف مليون دولار")] == [3_000_000_000]
    [debt] = find_numbers("وصلت ديونه إلى سبعة ملايين وستمئة ألف يورو.")
    assert (debt.kind, debt.value, debt.unit) == ("money", 7_600_000, "EUR")


def test_the_tail_of_an_amount_is_not_the_amount() -> None:
    """«ثلاثة ملايين ونصف مليون دولار», "two and a half million dollars": the half alone is no sum of money, and
    pounds of a drug are a weight."""
    assert _quantity_outcomes("Thieves stole two and a half million dollars from the bank.",
                              "Thieves stole $2.5 million from the bank.") == []
    assert _quantity_outcomes("دفعت الشركة ثلاثة ملايين ونصف مليون دولار", "دفعت الشركة 3.5 مليون دولار") == []
    for weighed in ("The smuggler was caught with five pounds of heroin.", "The baby weighed seven pounds."):
        [weight] = find_numbers(weighed)
        assert weight.kind == "number", weighed
    shares = find_numbers("Turnout was 60 percent and five percent of ballots were spoiled.")
    assert [(n.kind, n.value) for n in shares] == [("percent", 60), ("percent", 5)]


def test_years_are_not_matched_by_name_across_languages() -> None:
    """A five-year contract and a man's age in the other language's report are two different counts (the sum
    beside them is compared as before)."""
    outcomes = _quantity_outcomes("Everton signed the French defender on a five-year deal worth 20 million euros",
                                  "وقال المدرب البالغ 43 عاما إن النادي تعاقد مع المدافع مقابل 20 مليون يورو")
    assert outcomes == ["agree"]


def test_a_count_next_to_another_keeps_its_own_approximation() -> None:
    """A page counter before "At least nine people" must not swallow the count that follows it."""
    found = [(n.value, n.unit) for n in find_numbers("Get short URL 113 At least nine people were killed")]
    assert (9, "people") in found


def test_a_duration_is_not_a_death_toll() -> None:
    [years, toll] = read("The conflict which has lasted five years has killed more than 280000 people.").quantities
    assert years.thing == "years" and toll.thing == "people"

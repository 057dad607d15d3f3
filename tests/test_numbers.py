"""Numbers and dates a stance check can compare: values, bounds, kinds and exact spans."""
from __future__ import annotations

import pytest

from checker.models import NumberMention
from checker.numbers import find_numbers


def only(text: str) -> NumberMention:
    mentions = find_numbers(text)
    assert len(mentions) == 1, mentions
    mention = mentions[0]
    assert text[mention.start:mention.end] == mention.text
    return mention


@pytest.mark.parametrize("text, value", [
    ("يوجد ٢٥٠٠ جندي في العراق", 2500), ("يوجد ۲۵۰۰ جندي في العراق", 2500), ("يوجد ٢٬٥٠٠ جندي", 2500),
    ("There are 2,500 troops in Iraq", 2500), ("growth of 2.5 points", 2.5), ("بلغ النمو ٣٫٥ نقطة", 3.5),
    ("a budget of 2.5 million people", 2_500_000), ("نحو ثلاثة آلاف شخص", 3000), ("حضر 10 ملايين مشاهد", 10_000_000),
])
def test_digits_in_both_scripts_with_separators_decimals_and_scales(text: str, value: float) -> None:
    assert only(text).value == value


def test_what_is_counted_is_kept_as_the_unit() -> None:
    assert only("There are nearly 2,500 U.S. troops in Iraq").unit == "troops"
    assert only("يوجد 900 جندي في سوريا").unit == "جندي"


@pytest.mark.parametrize("text, value, unit", [
    ("ارتفع التضخم إلى 2.5%", 2.5, "%"), ("ارتفع التضخم إلى ٣٫٥٪", 3.5, "%"),
    ("unemployment was 12 percent", 12, "%"), ("بلغت النسبة 15 في المئة", 15, "%"),
])
def test_percentages(text: str, value: float, unit: str) -> None:
    mention = only(text)
    assert (mention.kind, mention.value, mention.unit) == ("percent", value, unit)


@pytest.mark.parametrize("text, value, currency", [
    ("The deal is worth $2.5 billion", 2.5e9, "USD"), ("بلغت قيمة الصفقة 3 مليارات دولار", 3e9, "USD"),
    ("a fine of €40", 40, "EUR"), ("خصصت 500 مليون جنيه", 5e8, "EGP"),
])
def test_money(text: str, value: float, currency: str) -> None:
    mention = only(text)
    assert (mention.kind, mention.value, mention.unit) == ("money", value, currency)


@pytest.mark.parametrize("text, iso", [
    ("اليوم الجمعة 8 ديسمبر2023", "2023-12-08"), ("وأمس الخميس 7 ديسمبر 2023، أصدر", "2023-12-07"),
    ("on December 8, 2023, rockets", "2023-12-08"), ("filed 2023-12-08 in court", "2023-12-08"),
    ("في 7 تشرين الأول 2023", "2023-10-07"), ("on 8 Dec. 2023", "2023-12-08"),
])
def test_full_dates(text: str, iso: str) -> None:
    mention = only(text)
    assert mention.kind == "date" and mention.unit == iso
    assert mention.value == float(iso.replace("-", ""))


def test_years_and_counts_that_look_like_years() -> None:
    assert only("منذ عام 2019 تضاعف العدد").kind == "year"
    assert only("the war that began in 2003").kind == "year"
    assert only("the 2000 troops who stayed").kind == "number"


@pytest.mark.parametrize("text, value", [
    ("مقتل خمسة أعضاء من الحركة", 5), ("استمرت سبعة أيام", 7), ("أصيب خمسة وعشرون شخصا", 25),
    ("قتل خمسة عشر جنديا", 15), ("they fired two volleys", 2), ("a dozen rockets", 12),
    ("twenty-five people", 25), ("two hundred and fifty troops", 250), ("إطلاق وابلين من الصواريخ", 2),
    ("خلال الشهرين الماضيين", 2), ("more than three million people", 3_000_000),
])
def test_number_words_and_arabic_duals(text: str, value: float) -> None:
    assert only(text).value == value


@pytest.mark.parametrize("text", ["شنت عشرات الهجمات", "dozens of attacks", "hundreds of protesters"])
def test_vague_amounts_are_approximate_ranges(text: str) -> None:
    mention = only(text)
    assert mention.approximate and mention.value is None and mention.low < mention.high


@pytest.mark.parametrize("text, low, high", [
    ("between 20 and 30 people", 20, 30), ("من 20 إلى 30 شخصا", 20, 30), ("ما بين 20 و30 خيمة", 20, 30),
    ("20-30 troops", 20, 30),
])
def test_ranges(text: str, low: float, high: float) -> None:
    mention = only(text)
    assert (mention.low, mention.high, mention.value) == (low, high, (low + high) / 2)


@pytest.mark.parametrize("text, value, low, high", [
    ("ويوجد ما يقرب من 2500 جندي", 2500, 2500, 2500), ("وحوالي 900 جندي في سوريا", 900, 900, 900),
    ("about 900 troops", 900, 900, 900), ("nearly 2,500 troops", 2500, 2500, 2500),
    ("أكثر من 75 هجومًا", 75, 75, None), ("at least 12 people", 12, 12, None),
    ("قتل 12 مدنيا على الأقل", 12, 12, None), ("up to 30 rockets", 30, None, 30),
])
def test_approximations_join_the_span_and_set_bounds(text: str, value: float, low: float | None,
                                                     high: float | None) -> None:
    mention = only(text)
    assert mention.approximate
    assert (mention.value, mention.low, mention.high) == (value, low, high)


def test_offset_points_into_the_whole_article() -> None:
    article = "العنوان\n\nويوجد ما يقرب من 2500 جندي أمريكي في العراق وحوالي 900 جندي في سوريا."
    start = article.index("ويوجد")
    mentions = find_numbers(article[start:], offset=start)
    assert [article[m.start:m.end] for m in mentions] == ["ما يقرب من 2500", "حوالي 900"]
    assert [m.value for m in mentions] == [2500, 900]


def test_may_and_march_as_ordinary_words_are_not_dates() -> None:
    assert all(m.kind != "date" for m in find_numbers("they may 5 times march 3 miles"))
    assert only("Elections were held on May 5, 2021").unit == "2021-05-05"


def test_a_date_without_a_year_has_no_value_but_keeps_month_and_day() -> None:
    mention = only("attacks since Oct. 17")
    assert (mention.kind, mention.value, mention.unit) == ("date", None, "--10-17")


@pytest.mark.parametrize("text, value, low, high", [
    ("قتل 3 آلاف شخص", 3000, 3000, 3000), ("نزح ٤ ملايين شخص", 4e6, 4e6, 4e6),
    ("بين 2 و3 آلاف نازح", 2500, 2000, 3000), ("between 2 and 3 million people", 2.5e6, 2e6, 3e6),
])
def test_scale_words_after_digits_and_ranges(text: str, value: float, low: float, high: float) -> None:
    mention = only(text)
    assert (mention.value, mention.low, mention.high) == (value, low, high)


@pytest.mark.parametrize("text", [
    "بالقرب من السفارة الأميركية وقاعدة يونيون 3، حيث تتمركز قوات التحالف",
    "ونقلت القناة 12 الإسرائيلية عن مصادر أمنية",
    "Israel's Channel 12 reported on Sunday",
    "under Article 5 of the treaty",
    "الخميس 04:15 م",
])
def test_labels_and_clock_times_are_not_amounts(text: str) -> None:
    assert [m for m in find_numbers(text) if m.kind != "date"] == []


def test_a_number_after_a_label_word_that_counts_something_stays() -> None:
    assert only("أطلقت على القاعدة 3 صواريخ").value == 3


# --- a day in ordinal words, and the ordinals that are no day ---------------------------

def _days(text: str) -> list[str | None]:
    return [m.unit for m in find_numbers(text) if m.kind == "date"]


def test_an_ordinal_describing_the_noun_before_it_is_no_day_of_the_month() -> None:
    assert _days("افتتح المعرض أبوابه في الأسبوع الأول من مارس بحضور الوزير") == []
    assert _days("تراجعت صادرات القمح خلال النصف الأول من يونيو") == []
    assert _days("وتبدأ المرحلة الثانية من مايو وفق الجدول المعلن") == []
    assert _days("وصلت البعثة في الثالث من أبريل") == ["--04-03"]  # a day still, after a preposition


def test_compound_ordinal_days_are_read_whole() -> None:
    assert _days("The ceasefire took effect on the twenty-third of May.") == ["--05-23"]
    assert _days("Voting closes on the thirty-first of October, 2024.") == ["2024-10-31"]
    assert _days("أجريت الانتخابات البلدية في العشرين من مارس") == ["--03-20"]
    assert _days("انتهت المهلة في الثلاثين من يونيو 2021") == ["2021-06-30"]


def test_a_week_or_a_compound_ordinal_day_does_not_contradict_the_same_date() -> None:
    from checker.slots import compare
    dates = [d.outcome for d in compare("The ceasefire took effect on the twenty-third of May.",
                                        "The ceasefire took effect on May 23.", 0.8).decisions if d.slot == "date"]
    assert "conflict" not in dates
    dates = [d.outcome for d in compare("افتتح المعرض أبوابه في الأسبوع الأول من مارس",
                                        "افتتح المعرض أبوابه في 12 مارس", 0.8).decisions if d.slot == "date"]
    assert "conflict" not in dates


# --- fractions: a share, a part of a span of time, a part of a million -------------------

@pytest.mark.parametrize("text", [
    "Exports rose sharply in the first half of 2020.", "Prices fell in the second half of May.",
    "The striker was injured for half of the season.", "تضاعفت الأسعار خلال نصف العام الماضي",
    "أغلقت المدارس نصف الأسبوع بسبب العاصفة", "غاب المهاجم عن نصف المباراة بسبب الإصابة",
    "انخفض الإنتاج في نصف السنة الأولى"])
def test_half_of_a_span_of_time_is_no_share(text: str) -> None:
    assert [m for m in find_numbers(text) if m.kind == "percent"] == []


def test_a_fraction_of_a_million_is_a_count() -> None:
    assert [(m.text, m.value) for m in find_numbers("نزح نصف مليون شخص من المدينة")] == [("نصف مليون", 500_000)]
    assert [m.value for m in find_numbers("وصل ربع مليون زائر إلى المهرجان")] == [250_000]
    assert [m.value for m in find_numbers("Half a million people fled the city.")] == [500_000]
    assert [m.value for m in find_numbers("half of the voters stayed home")] == [50]  # still a share


@pytest.mark.parametrize("text, value", [
    ("ودعي 3,1 ملايين ناخب مسجل للتصويت", 3_100_000), ("ارتفع التضخم إلى 2,5% في مارس", 2.5),
    ("يكلف سبعة جنيهات لأكثر من ست عشرة محطة", 16), ("أنهى السباق في ثلاث عشرة ساعة", 13),
    ("خسر المنتخب أمام البلد المضيف بخماسية نظيفة", 5), ("1,200 people marched in Tunis", 1200),
])
def test_decimal_commas_feminine_teens_and_scores_in_one_word(text: str, value: float) -> None:
    """Arabic copy writes decimals with a comma, teens with a feminine «ست عشرة», a 5-0 defeat as «بخماسية»."""
    assert max(m.value or 0 for m in find_numbers(text)) == value


def test_a_comma_between_figures_in_running_english_is_no_decimal() -> None:
    assert 2019.12 not in [m.value for m in find_numbers("In 2019,12 people died in the floods")]
    assert 1.2 not in [m.value for m in find_numbers("Read questions 1,2 and 3 again")]
    assert find_numbers("between 1,25 million and 2 million")[0].value == 1_250_000


def test_a_figure_word_with_its_tanween_names_no_one_letter_unit() -> None:
    # «مليونًا»: the accusative tanween's alef is the scale word's tail, not what is counted
    [figure] = find_numbers("أسيء استخدام معلومات 50 مليونًا من مستخدمي فيسبوك")
    assert figure.value == 50_000_000 and figure.unit is None


@pytest.mark.parametrize("text, value", [
    ("حصد اللاعب لقبه الحادي عشر في البطولة", 11), ("احتل الفريق المركز الثالث عشر في الترتيب", 13),
    ("تقام المباراة ضمن الجولة السادسة والعشرين من الدوري", 26), ("بني القصر في القرن التاسع عشر", 19),
    ("حلت العداءة في المرتبة الثالثة عشرة", 13), ("احتفلت الجمعية بذكراها الحادية والعشرين", 21),
])
def test_arabic_compound_ordinals_are_one_ordinal(text: str, value: float) -> None:
    """«الحادي عشر» read as an ordinal 1 and a count 10 made «لقبه الحادي عشر» contradict "his eleventh title"."""
    found = [m for m in find_numbers(text) if m.kind == "ordinal"]
    assert [m.value for m in found] == [value] and all(m.kind == "ordinal" for m in find_numbers(text))


@pytest.mark.parametrize("text", ["تراجع الذهب نصف بالمئة في السوق الفورية", "تراجع الذهب نصف في المئة أمس",
                                  "gold slipped half a percent on Monday"])
def test_half_a_percent_is_half_of_one_percent(text: str) -> None:
    """«نصف بالمئة» was 50 % (and «المئة» a 100 of its own) against a passage's 0.5 %."""
    [share] = find_numbers(text)
    assert share.kind == "percent" and share.value == 0.5


def test_one_and_a_half_percent_is_no_half_of_one_percent() -> None:
    assert 0.5 not in [m.value for m in find_numbers("Inflation rose one and a half percent in March")]

"""Dates in Arabic and English news text: ISO and slashed dates, a day and month in digits ("23 May", «23 مايو»),
a day in ordinal words («السابع من مايو», "the twenty-third of May") and a month named alone («في أكتوبر»).

Each finder takes the folded text and the original and yields `NumberMention`s of kind "date" whose `unit` is
the ISO form ("2018-05-07", "--05-07" without a year, "--05" a month alone); `checker.numbers.find_numbers` runs
them first, before any count can take their figures. Month names and ordinals are in claims.toml [numbers].
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from checker.checkworthiness import arabic_prefix
from checker.models import NumberMention
from checker.normalize import fold
from checker.number_lexicon import alternation, data, folded_table, mention, ordinals

_LETTER = r"[a-z\u0621-\u064A]"
# A month's second name after a slash, as wire copy writes it («10 تموز/يوليو 2017», «7 أكتوبر/تشرين الأول 2023»):
# part of the same date.
_SECOND_NAME = r"(?:\s*/\s*(?:{months})(?![\u0621-\u064A]))?"
_YEAR = r"(?P<year>(?:1[89]|20|21)\d\d)"


def _second_name() -> str:
    return _SECOND_NAME.format(months=alternation(k for k in data()["months"] if not k.isascii()))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    names = alternation(data()["months"])
    month = rf"(?<!{_LETTER}){arabic_prefix()}(?P<month>{names})(?!{_LETTER})\.?{_second_name()}"
    return {
        "iso": re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
        "dmy_slash": re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})(?!\d)"),
        "day_month": re.compile(rf"(?<![\d.,]){day}\s*(?:of\s+)?{month}(?:\s*,?\s*{_YEAR})?(?!\d)"),
        "month_day": re.compile(rf"{month}\s+{day}(?![\d:])(?:(?:\s*,\s*|\s+){_YEAR})?(?!\d)"),
        "month_year": re.compile(rf"{month}\s*,?\s*{_YEAR}(?!\d)"),
    }


@lru_cache(maxsize=1)
def _hijri_pattern() -> re.Pattern[str]:
    months = alternation(data()["hijri_months"])
    marks = alternation(data()["hijri_year_marks"])
    year = rf"1[34]\d\d\s*(?:{marks})(?!{_LETTER})"
    day_month = rf"[0-3]?\d\s+(?:من\s+)?(?:شهر\s+)?(?:{months})(?!{_LETTER})"
    after_month = rf"1[34]\d\d(?!\d)(?:\s*(?:{marks})(?!{_LETTER}))?"  # the month already says which calendar
    return re.compile(rf"(?<![\d.,])(?:{day_month}(?:\s+(?:(?:لعام|عام|سنة)\s+)?{after_month})?|{year})")


def hijri_dates(folded: str, text: str) -> Iterator[NumberMention]:
    """«29 شعبان 1439 هجرية», «1439هـ»: dates of the Hijri calendar, kind "hijri", so no count or Gregorian date
    is ever compared with them."""
    for m in _hijri_pattern().finditer(folded):
        yield mention(text, m.start(), m.end(), None, "hijri")


def _date(text: str, start: int, end: int, year: str | None, month: int, day: str | None) -> NumberMention | None:
    day_number = int(day) if day else 0
    if not 1 <= month <= 12 or day_number > 31:
        return None
    year_number = int(year) if year else 0
    iso = f"{year:0>4}" if year else "-"
    iso = f"{iso}-{month:02d}" + (f"-{day_number:02d}" if day_number else "")
    value = float(year_number * 10000 + month * 100 + day_number) if year else None
    return mention(text, start, end, value, "date", unit=iso)


def iso_dates(folded: str, text: str) -> Iterator[NumberMention]:
    for m in _patterns()["iso"].finditer(folded):
        found = _date(text, m.start(), m.end(), m.group("year"), int(m.group("month")), m.group("day"))
        if found:
            yield found
    for m in _patterns()["dmy_slash"].finditer(folded):
        a, b = int(m.group("a")), int(m.group("b"))
        day, month = (a, b) if a > 12 or not text.isascii() else (b, a)
        found = _date(text, m.start(), m.end(), m.group("year"), month, str(day))
        if found:
            yield found


def text_dates(folded: str, text: str) -> Iterator[NumberMention]:
    months = folded_table("months")
    for name in ("day_month", "month_day", "month_year"):
        for m in _patterns()[name].finditer(folded):
            month_at = m.start("month")
            if text[month_at].isascii() and not text[month_at].isupper():
                continue  # "may", "march" as ordinary English words
            found = _date(text, m.start(), m.end(), m.group("year"), months[m.group("month")],
                          m.groupdict().get("day"))
            if found:
                yield found


# The day of a month in ordinal words: the tens after «و» (الثالث والعشرين: 23rd) or alone (العشرين: 20th),
# «عشر» after a unit (الحادي عشر: 11th), «الحادي» the one of 11, 21, 31; in English the tens before a hyphen
# ("twenty-third"). Arabic says a day with a masculine ordinal (اليوم is masculine): «المرحلة الثانية من مايو»
# is a stage, not 2 May.
_DAY_TENS = {"عشرين": 20, "ثلاثين": 30, "twenty": 20, "thirty": 30}
_DAY_ONE = "الحادي"
_DEFINITE = re.compile(rf"(?<!{_LETTER})(?:[وفبل]?ال|لل){_LETTER}+\s+$")


@lru_cache(maxsize=1)
def _ordinal_day_pattern() -> re.Pattern[str]:
    masculine = [k for k, v in data()["ordinals"].items() if v <= 10 and not k.endswith(("ة", "ى"))]
    arabic = alternation([k for k in masculine if not k.isascii()] + [_DAY_ONE])
    english = alternation(k for k in masculine if k.isascii())
    tens_ar = alternation(k for k in _DAY_TENS if not k.isascii())
    tens_en = alternation(k for k in _DAY_TENS if k.isascii())
    month = rf"{arabic_prefix()}(?P<month>{alternation(data()['months'])})(?!{_LETTER})\.?{_second_name()}"
    day = (rf"(?:{arabic})(?:\s+عشر[ةه]?|\s+و(?:ال)?(?:{tens_ar}))?|ال(?:{tens_ar})"
           rf"|(?:(?:{tens_en})[-\s])?(?:{english})")
    return re.compile(rf"(?<![a-z\u0621-\u064A\-])(?:the\s+)?(?P<day>{day})(?!{_LETTER})"
                      rf"\s+(?:(?:من|of)\s+)?(?:(?:شهر|الشهر)\s+)?{month}(?:\s*,?\s*{_YEAR})?(?!\d)")


def ordinal_dates(folded: str, text: str) -> Iterator[NumberMention]:
    """A day in ordinal words before its month: «السابع من مايو», «الثالث والعشرين من حزيران/يونيو», "the
    twenty-third of May": a date, compared by day and month like «23 مايو» (the words alone are an ordinal and a
    count). Not an Arabic ordinal after a definite noun, which it describes: «الأسبوع الأول من مارس» is a week."""
    values = ordinals()
    months = folded_table("months")
    for m in _ordinal_day_pattern().finditer(folded):
        if text[m.start("month")].isascii() and not text[m.start("month")].isupper():
            continue  # "the third may be"
        if not m.group("day").isascii() and _DEFINITE.search(folded, max(0, m.start() - 30), m.start()):
            continue  # «النصف الأول من يونيو»: the first half, no day
        day = 0
        for word in re.split(r"[\s\-]+", m.group("day")):
            tens = next((v for k, v in _DAY_TENS.items() if word.endswith(k)), None)
            if tens is not None:
                day += tens
            elif word.startswith("عشر"):
                day += 10
            else:
                day += 1 if word == fold(_DAY_ONE) else int(values[word])
        found = _date(text, m.start("day"), m.end(), m.group("year"), months[m.group("month")], str(day))
        if found:
            yield found


# A month named alone after one of these is a date of that month («أعلنت الاستقلال في أكتوبر», "in October").
_MONTH_ALONE_AFTER = ("في", "خلال", "منذ", "شهر", "in", "since", "during", "until")


@lru_cache(maxsize=1)
def _month_alone_pattern() -> re.Pattern[str]:
    month = rf"{arabic_prefix()}(?P<month>{alternation(data()['months'])})(?!{_LETTER})"
    return re.compile(rf"(?<!{_LETTER})(?:{alternation(_MONTH_ALONE_AFTER)})\s+(?:(?:شهر)\s+)?{month}"
                      rf"(?![\s/،,]*(?:{_LETTER}+\s*)?\d)")


def month_alone(folded: str, text: str) -> Iterator[NumberMention]:
    """A month without day or year («في ديسمبر», "in October"): compared at the month (December is not October)."""
    months = folded_table("months")
    for m in _month_alone_pattern().finditer(folded):
        if text[m.start("month")].isascii() and not text[m.start("month")].isupper():
            continue  # "in may"
        found = _date(text, m.start("month"), m.end("month"), None, months[m.group("month")], None)
        if found:
            yield found

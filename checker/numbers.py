"""Numbers and dates in Arabic and English news text, with values a comparison can trust.

"ما يقرب من 2500 جندي" and "nearly 2,500 troops" must both give 2500, approximate,
counting troops, so the stance check can tell them from "3500 troops". The word
lists (number words, months, currencies, approximation cues) are in claims.toml.
"""
from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import Any, Callable, Iterator

from checker.checkworthiness import arabic_prefix
from checker.dates import hijri_dates, iso_dates, month_alone, ordinal_dates, text_dates
from checker.models import NumberMention
from checker.normalize import fold
from checker.number_lexicon import alternation, data, folded_table, mention, ordinals
from checker.segment import lexicon

# Thousands grouped by commas; or a decimal comma, as Arabic and French copy write it ("3,1 ملايين", "2,5%"): up to
# three digits before it, one or two after, then an Arabic word, a percent sign or an English scale word (never
# "1,200", "In 2019,12 people" nor "questions 1,2 and 3"). The Arabic comma glued between digits is a decimal comma
# only before a percent or a scale word («58،8%», «3،1 ملايين»): «المادتين 3،4», «الساعة 10،30», «فاز 2،1» are
# lists, times and scores.
_DECIMAL_COMMA = (r"(?<![\d,،])\d{1,3},\d{1,2}(?![\d,.،])"
                  r"(?=\s?(?:[\u0621-\u064A]|%|٪|(?:million|billion|trillion|thousand)(?![a-z])))"
                  r"|(?<![\d,،])\d{1,3}،\d{1,2}(?![\d,.،])(?=\s?(?:%|٪|"
                  + "|".join(re.escape(fold(w)) for w in ("بالمئة", "بالمائة", "في المئة", "في المائة", "ألف",
                                                          "آلاف", "مليون", "ملايين", "مليار", "مليارات", "تريليون"))
                  + r"|(?:million|billion|trillion|thousand)(?![a-z])))")  # matched in the folded text
_NUM = r"\d{1,3}(?:[,٬]\d{3})+(?:[.٫]\d+)?|" + _DECIMAL_COMMA + r"|\d+(?:[.٫]\d+)?"
_WORD = re.compile(r"[a-z\u0621-\u064A]+", re.IGNORECASE)
_TEN = frozenset({fold("عشر"), fold("عشرة")})  # the second word of a teen, «ست عشرة»: compared folded
_TENS = frozenset(float(n) for n in range(20, 100, 10))
_INITIAL_DOT = re.compile(r"\b([a-z])\.(?=[a-z]\.|\s)")
_UNIT_WINDOW_END = re.compile(r"[,.;:،؛\n()\"“”«»]")
_CURRENCY_AFTER = re.compile(r"\s?([a-z\u0621-\u064A]+)")
# A count in words joined to the one before it («ثلاثة ملايين ونصف مليون», "two and a half million") or carrying the
# article («ونصف المليون»): only the last part of an amount, never the amount itself.
_JOINED_BEFORE = re.compile(r"([a-z\u0621-\u064A]+|\d)\s*(?:\band (?:a )?|و)$")
Finder = Callable[[str, str], Iterator[NumberMention]]


def find_numbers(text: str, offset: int = 0, folded: str | None = None) -> tuple[NumberMention, ...]:
    """Every number, amount, percentage, range and date in `text`; offsets shifted by `offset`.

    `folded`: `fold(text)` when the caller has it (a claim's slice of `Doc.folded`)."""
    folded = fold(text) if folded is None else folded
    counted = _joined_parts(_outside_each_other(sorted((_with_unit(m, folded, text) for m in _taken(folded, text)),
                                                       key=lambda m: m.start)), folded, text)
    mentions = [_with_approximation(m, folded, text) for m in counted]
    if not offset:
        return tuple(mentions)
    return tuple(NumberMention(m.text, m.start + offset, m.end + offset, m.value, m.kind, m.low, m.high,
                               m.approximate, m.unit) for m in mentions)


_AND_BETWEEN = re.compile(r"\s*ا?\s*و\s?")
# «مليونا», «مليارا» before a noun are two («مليونا زائر»); before «و» and a smaller part, one in the accusative
# («خسرت مليارا و200 مليون دولار»).
_ACCUSATIVE_SCALES = frozenset({"مليونا", "مليارا"})


def _joined_parts(mentions: list[NumberMention], folded: str, text: str) -> list[NumberMention]:
    """«خمسة ملايين و958 ألفا و379», «مليونين و300 ألف»: a figure in words and the smaller part in digits that
    «و» joins to it are one figure (the digits finder, which runs first, took the part alone)."""
    joined: list[NumberMention] = []
    for current in mentions:
        previous = joined[-1] if joined else None
        if (previous is not None and previous.kind == "number" and previous.value is not None
                and (current.kind == "number" or (current.kind == "money" and not _DIGIT.search(previous.text)))
                and current.value is not None and previous.value >= 1000 and previous.low == previous.high
                and not previous.text.replace(",", "").isdigit()  # «ألف و200», not "2000 و300 جندي"
                and _AND_BETWEEN.fullmatch(folded, previous.end, current.start)
                and current.value < _scale_of(previous.value)):
            whole = previous.value / 2 if fold(previous.text).strip() in _ACCUSATIVE_SCALES else previous.value
            joined[-1] = mention(text, previous.start, current.end, whole + current.value, current.kind,
                                 approximate=previous.approximate, unit=current.unit)
            continue
        joined.append(current)
    return joined


def _outside_each_other(mentions: list[NumberMention]) -> list[NumberMention]:
    """Mentions in order, less any that a share or a currency word read after a count now covers («في المئة»)."""
    kept: list[NumberMention] = []
    for mention in mentions:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def dates_only(text: str) -> tuple[NumberMention, ...] | None:
    """`find_numbers(text)` if every mention is a date or a year, else None; stops at the first other one.

    (Units and approximation cues, which `find_numbers` adds afterwards, never touch a date or a year.)"""
    folded = fold(text)
    found = []
    for mention in _taken(folded, text):
        if mention.kind not in {"date", "year"}:
            return None
        found.append(mention)
    return tuple(sorted(found, key=lambda m: m.start))


def _taken(folded: str, text: str) -> Iterator[NumberMention]:
    """Each finder's mentions in order of precedence, those overlapping one taken before left out."""
    occupied = bytearray(len(folded))  # 1 where a taken mention lies: the overlap check costs the mention's length
    for finder in _finders(folded):
        for mention in finder(folded, text):
            if occupied.find(1, mention.start, mention.end) == -1:
                occupied[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
                yield mention


_DIGIT = re.compile(r"\d")
_ORDINAL_END = re.compile(r"\d(?:st|nd|rd|th)")  # what every "ordinal" match holds


def _finders(folded: str) -> list[Finder]:
    """The finders that can match `folded`, in order of precedence. Each but number words needs a digit and
    something more (a month's name, a currency, a joiner between two figures ...): these cheap tests, each a
    part every match of that finder contains, skip the scans that cannot match (most of them, in most sentences)."""
    if not _DIGIT.search(folded):
        return [finder for finder, needed in _prefilters()
                if finder in {ordinal_dates, month_alone, _fractions, _number_words} and (needed is None or needed.search(folded))]
    return [finder for finder, needed in _prefilters() if needed is None or needed.search(folded)]


@lru_cache(maxsize=1)
def _prefilters() -> tuple[tuple[Finder, re.Pattern[str] | None], ...]:
    """Bare alternations (no look-arounds), which the regex engine scans fast by their first characters."""
    table = data()
    joiners = alternation(b for _, b in table["range_ar"] + table["range_en"])
    return (
        (hijri_dates, re.compile(alternation([*table["hijri_months"], *table["hijri_year_marks"]]))),
        (iso_dates, re.compile(r"\d[-/]\d")),
        (ordinal_dates, re.compile(alternation(table["months"]))),
        (text_dates, re.compile(alternation(table["months"]))),
        (month_alone, re.compile(alternation(table["months"]))),
        (_money, re.compile(alternation(table["currencies"]))),
        (_ranges, re.compile(rf"\d\s*(?:{joiners}|[-–])\s*\d")),
        (_percents, re.compile(alternation(table["percent_words"]))),
        (_fractions, re.compile(alternation(table["fractions"]))),
        (_digits, None),
        (_number_words, None),
    )


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    scale = alternation(data()["scales"])
    currency_words = alternation(k for k in data()["currencies"] if k[0].isalpha())
    number = rf"(?P<num>{_NUM})(?:\s?(?P<scale>{scale})(?![a-z\u0621-\u064A]))?"
    return {
        "money_before": re.compile(rf"(?P<cur>us\$|\$|€|£)\s?{number}"),
        "money_after": re.compile(rf"(?<![\d.,]){number}\s?{arabic_prefix()}(?P<cur>{currency_words})(?![a-z\u0621-\u064A])"),
        "percent": re.compile(rf"(?<![\d.,]){number}\s?(?P<pct>%|٪|{alternation(data()['percent_words'])})"),
        "number": re.compile(rf"(?<![\d.,٬٫/\-])(?<!\d:){number}(?![\d])(?!:\d\d)"),  # not a clock time
        "scale_only": re.compile(rf"\s?(?P<scale>{scale})(?![a-z\u0621-\u064A])"),
        "ordinal": re.compile(r"(?<![\d.,])(?P<num>\d+)(?:st|nd|rd|th)(?![a-z])"),
    }


def _value(raw: str) -> float:
    if re.fullmatch(r"\d+[,،]\d{1,2}", raw):
        return float(raw.replace(",", ".").replace("،", "."))  # a decimal comma (_DECIMAL_COMMA)
    return float(raw.replace(",", "").replace("٬", "").replace("٫", "."))


def _plain_value(raw: str) -> float:
    """A figure with no scale word and no currency: «54.457 شخصا» has a dot between thousands (Maghreb and European
    style). Not in a sum of money, where «3.500 دينار» is three dinars and 500 millimes, nor «0.150»."""
    return float(raw.replace(".", "")) if _DOT_THOUSANDS.fullmatch(raw) else _value(raw)


def _scaled(match: re.Match[str]) -> float:
    raw = match.group("num")
    scale = match.group("scale") if "scale" in match.re.groupindex else None
    if not scale and not {"cur", "pct"} & set(match.re.groupindex):
        return _plain_value(raw)
    value = _value(raw)
    return value * folded_table("scales").get(scale, 1) if scale else value


_DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")  # not «0.150»


@lru_cache(maxsize=1)
def _fraction_pattern() -> re.Pattern[str]:
    table, rules = data(), data()["fraction_rules"]
    arabic = alternation(k for k in table["fractions"] if not k.isascii())
    english = alternation(k for k in table["fractions"] if k.isascii())
    times_ar = alternation(k for k in rules["time_units"] if not k.isascii())
    times_en = alternation(k for k in rules["time_units"] if k.isascii())
    months_en = alternation(k for k in table["months"] if k.isascii())
    blocked = rf"(?:{alternation(rules['not_before'])}|(?:ال)?(?:{times_ar}))"
    letter = r"[a-z\u0621-\u064A]"
    time_en = (rf"\s+(?:(?:the|this|that|last|next|a|an|each|every)\s+)?(?:(?:{times_en})s?|{months_en})(?!{letter})"
               r"|\s+(?:1[89]|20|21)\d\d")
    return re.compile(
        rf"(?<!{letter})(?:{arabic_prefix()}(?P<share>{arabic}|{english})\s+(?:an?\s+)?"
        rf"(?P<percent>{alternation(rules['percent_words'])})(?!{letter})"
        rf"|{arabic_prefix()}(?P<part>{arabic}|{english})\s+(?:(?:of\s+)?an?\s+)?"
        rf"(?P<count>{alternation(rules['counts'])})(?!{letter})"
        rf"|{arabic_prefix()}(?P<ar>{arabic})(?!{letter})(?=\s+(?!{blocked}(?!{letter})){letter})"
        rf"|(?P<en>{english})\s+of(?!{letter})(?!{time_en}))")


_AND_BEFORE = re.compile(r"\band\s+(?:an?\s+)?$")  # "one and a half percent": the half of a larger share


def _fractions(folded: str, text: str) -> Iterator[NumberMention]:
    """«نصف قيمتها», "a third of the voters": a share of a whole, compared with a percentage (29% is not half);
    «نصف مليون», "half a million": a count (500,000 is not a million)."""
    values = folded_table("fractions")
    for m in _fraction_pattern().finditer(folded):
        if m.group("share"):  # «نصف بالمئة»: half of one percent, not "one and a half percent", «اثنين ونصف بالمئة»
            if _AND_BEFORE.search(folded[max(0, m.start() - 8):m.start()]) or folded[m.start():m.start() + 1] == "و":
                continue
            yield mention(text, m.start("share"), m.end(), float(values[m.group("share")]) / 100, "percent", unit="%")
            continue
        if m.group("count"):
            value = float(values[m.group("part")]) / 100 * folded_table("scales")[m.group("count")]
            yield mention(text, m.start("part"), m.end(), round(value))
            continue
        name = "ar" if m.group("ar") else "en"
        yield mention(text, m.start(), m.end(name), float(values[m.group(name)]), "percent", unit="%")  # «النصف»


def _money(folded: str, text: str) -> Iterator[NumberMention]:
    currencies = folded_table("currencies")
    for name in ("money_before", "money_after"):
        for m in _patterns()[name].finditer(folded):
            yield mention(text, m.start(), m.end(), _scaled(m), "money", unit=currencies[m.group("cur")])


def _percents(folded: str, text: str) -> Iterator[NumberMention]:
    for m in _patterns()["percent"].finditer(folded):
        yield mention(text, m.start(), m.end(), _scaled(m), "percent", unit="%")


@lru_cache(maxsize=1)
def _range_pattern() -> re.Pattern[str]:
    table = data()
    pairs = [(fold(a), fold(b)) for a, b in table["range_ar"] + table["range_en"]]
    forms = []
    for before, between in pairs:
        lead = rf"(?<![a-z\u0621-\u064A]){arabic_prefix()}{re.escape(before)}\s+" if before else ""
        joiner = rf"\s*{re.escape(between)}\s*" if between in {"و"} else rf"\s+{re.escape(between)}\s+"
        forms.append(rf"{lead}(?P<a{len(forms)}>{_NUM}){joiner}(?P<b{len(forms)}>{_NUM})")
    forms.append(rf"(?P<a{len(forms)}>{_NUM})\s?[-–]\s?(?P<b{len(forms)}>{_NUM})")
    return re.compile(rf"(?<![\d.,])(?:{'|'.join(forms)})(?![\d])")


def _ranges(folded: str, text: str) -> Iterator[NumberMention]:
    for m in _range_pattern().finditer(folded):
        a, b = (_plain_value(v) for v in (g for name, g in m.groupdict().items() if g is not None))
        if a >= b or (1900 <= a <= 2100 and 1900 <= b <= 2100 and a.is_integer()):
            continue  # "2022-2023" is a period; "10-5" is a score
        end = m.end()
        scale = _patterns()["scale_only"].match(folded, end)
        factor = folded_table("scales").get(scale.group("scale"), 1) if scale else 1
        if scale:
            end = scale.end()
        yield mention(text, m.start(), end, (a + b) / 2 * factor, low=a * factor, high=b * factor)


def _digits(folded: str, text: str) -> Iterator[NumberMention]:
    # Both patterns open with a digit: the scans start at the first one (their look-behinds still see before it).
    first = _DIGIT.search(folded)
    if first is None:
        return
    if _ORDINAL_END.search(folded, first.start()):
        for m in _patterns()["ordinal"].finditer(folded, first.start()):
            yield mention(text, m.start(), m.end(), float(m.group("num")), "ordinal")
    for m in _patterns()["number"].finditer(folded, first.start()):
        if not m.group("scale") and (_is_label(folded, m.start(), m.end()) or _code_name(text, m.start(), m.end())):
            continue
        value = _scaled(m)
        raw = m.group("num")
        if not m.group("scale") and raw.isdigit() and len(raw) == 4 and _is_year(folded, m.start(), m.end(), value):
            yield mention(text, m.start(), m.end(), value, "year")
        elif m.group("scale") and (rest := _compound_tail(folded, m.end(), value)):
            yield mention(text, m.start(), rest[0], rest[1])
        else:
            yield mention(text, m.start(), m.end(), value)


@lru_cache(maxsize=1)
def _compound_pattern() -> re.Pattern[str]:
    scale = alternation(data()["scales"])
    return re.compile(rf"(?:\sا)?\s*و\s?(?P<num>\d+)(?:\s?(?P<scale>{scale})(?![a-z\u0621-\u064A]))?(?!\d|[.,٫٬]\d)")


def _compound_tail(folded: str, end: int, value: float) -> tuple[int, float] | None:
    """«خمسة ملايين و958 ألفا و379»: every smaller part joined by «و» after a scaled figure is added to it (where
    the whole figure ends, its value), or None when none follows."""
    total, current, found = value, value, None
    while current >= 1000 and (rest := _compound_rest(folded, end, _scale_of(current))):
        end, current = rest
        total += current
        found = (end, total)
    return found


def _scale_of(value: float) -> float:
    """The power of a thousand a figure is counted in (5,000,000 -> 1,000,000; 958,000 -> 1,000)."""
    scale = 1.0
    while scale * 1000 <= value:
        scale *= 1000
    return scale


def _compound_rest(folded: str, end: int, scale: float) -> tuple[int, float] | None:
    """«13 ألفا و687», «2 مليون و300 ألف»: the smaller part joined by «و» after a scaled figure is added to it
    (13,687, not 13,000 and 687); (where the whole figure ends, the part's value), or None. The folded «ألفًا» is
    «الف ا»: its tanween's alef may stand between. Not when the part is a sum of money, a share, a date or a time
    of its own («بمبلغ 15 ألف و500 دينار», «5 آلاف و10 أيار», «3 آلاف و7%»): those finders take it first."""
    m = _compound_pattern().match(folded, end)
    if m is None or _own_kind_after().match(folded, m.end()):
        return None
    part = float(m.group("num")) * (folded_table("scales")[m.group("scale")] if m.group("scale") else 1)
    return (m.end(), part) if 0 < part < scale else None


@lru_cache(maxsize=1)
def _own_kind_after() -> re.Pattern[str]:
    """What makes the part after «و» a figure of another kind: a currency, a share, a month, a clock time."""
    words = [*folded_table("currencies"), *folded_table("percent_words"), *folded_table("months")]
    return re.compile(rf"\s*(?:{alternation(words)}|[:.,]\d)")


@lru_cache(maxsize=1)
def _label_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    before = alternation(data()["label_before"])
    after = alternation(data()["label_after"])
    return (re.compile(rf"(?<![a-z\u0621-\u064A])[وفبل]?(?:{before})(?:\s+[a-z\u0621-\u064A]+)?\s*$"),
            re.compile(rf"\s*(?:$|[،,.;:؛)\]!?\n]|(?:{after})(?![a-z\u0621-\u064A]))"))


_CODE_BEFORE = re.compile(r"[A-Z]$")
# Not K, M, B, T ("10K", "$5M", "2B" are amounts) nor C, F, L, V, W ("40C", "2L", "220V", "60W" are measures).
_CODE_AFTER = re.compile(r"[ADEGHIJNOPQRSUXYZ](?![A-Za-z])")


def _code_name(text: str, start: int, end: int) -> bool:
    """"Dubai 10X", "the G20", "5G", "3D", "an A380": digits written into a name with a capital letter, no amount."""
    return bool(_CODE_BEFORE.search(text, max(0, start - 1), start) or _CODE_AFTER.match(text, end))


def _is_label(folded: str, start: int, end: int) -> bool:
    """"قاعدة يونيون 3،", "Channel 12 reported": the number is part of a name, not an amount."""
    before, after = _label_patterns()
    return bool(after.match(folded, end) and before.search(folded[max(0, start - 40):start]))


def _is_year(folded: str, start: int, end: int, value: float) -> bool:
    if not 1900 <= value <= 2100:
        return False
    before = _WORD.findall(folded[max(0, start - 20):start])
    cues = folded_table("year_cues")
    if before and before[-1] in cues:
        return True
    after = folded[end:end + 3].lstrip()
    return not after or not after[0].isalpha()


@lru_cache(maxsize=1)
def _homographs() -> tuple[frozenset[str], frozenset[str]]:
    """Prefixed number words that are mostly another word, and the words after which they are that word
    (claims.toml [numbers] number_homographs_ar, number_homograph_followers_ar)."""
    return (frozenset(fold(w) for w in data()["number_homographs_ar"]),
            frozenset(fold(w) for w in data()["number_homograph_followers_ar"]))


def _other_word(tokens: list[re.Match[str]], i: int, folded: str) -> bool:
    """«لست متأكدا» ("I am not sure"), «لست بالمستشفى», «لست.»: not «لست سنوات» ("for six years")."""
    words, followers = _homographs()
    if tokens[i].group() not in words:
        return False
    if i + 1 >= len(tokens) or folded[tokens[i].end():tokens[i + 1].start()].strip():
        return True
    following = tokens[i + 1].group()
    units, scales = _word_values()[:2]
    if following in units or following in scales or following in _TEN:
        return False  # «لست آلاف» (folded «الاف»), «لست عشرة»
    return (following.startswith(("بال", "ال")) or following.endswith(("ا", "ه")) or following in followers)


@lru_cache(maxsize=1)
def _word_values() -> tuple[dict[str, float], dict[str, float], dict[str, list[float]], frozenset[str], dict[str, float]]:
    table = data()
    units = {fold(k): float(v) for k, v in {**table["units_ar"], **table["units_en"]}.items()}
    scales = {fold(k): float(v) for k, v in table["scales"].items() if len(k) > 2}
    vague = {fold(k): v for k, v in table["vague"].items()}
    duals = frozenset(fold(w) for w in table["dual_ar"])
    return units, scales, vague, duals, ordinals()


def rounding_step(number: NumberMention) -> float:
    """The scale a whole figure is rounded to when written with its scale word and a multiplier of two digits or
    more: «54 ألف» is 54,000 to the thousand (54,457 rounds or cuts to it), "120 million" to the million. 0 for
    any other figure («54.457», "2.5 million", "3,200"), and for «4 آلاف» or «مليون»: half a unit there is ±12-50 %,
    and a changed figure like 3,500 for «4 آلاف» would go unseen."""
    if not number.value:
        return 0.0
    scales = _word_values()[1]
    found = [hit[0] for word in _WORD.findall(fold(number.text)) if (hit := _lookup(word, scales))]
    step = scales[found[-1]] if found else 0.0
    return step if step >= 1000 and number.value % step == 0 and number.value / step >= 10 else 0.0


@lru_cache(maxsize=1)
def _prefixes() -> tuple[str, ...]:
    return tuple(sorted((fold(p) for p in lexicon()["arabic"]["prefixes"]), key=len, reverse=True))


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    """Every word that can open a number-word mention, prefixes included: a cheap first filter."""
    units, _, vague, duals, ordinals = _word_values()
    firsts = {key.split()[0] for table in (units, vague, ordinals) for key in table} | set(duals)
    return frozenset(firsts | {prefix + word for prefix in _prefixes() for word in firsts})


def _lookup(word: str, table: dict[str, Any] | frozenset[str]) -> tuple[str, bool] | None:
    """(the table key, joined-by-و) for a word, its Arabic prefixes stripped."""
    if word in table:
        return word, False
    for prefix in _prefixes():
        if word.startswith(prefix) and word[len(prefix):] in table:
            return word[len(prefix):], prefix.startswith("و")
    return None


def _number_words(folded: str, text: str) -> Iterator[NumberMention]:
    units, scales, vague, duals, ordinals = _word_values()
    starters = _starters()
    if starters.isdisjoint(_WORD.findall(folded)):
        return  # no word here can open a number: one set test instead of a lookup per word
    tokens = list(_WORD.finditer(folded))
    i = 0
    while i < len(tokens):
        if tokens[i].group() not in starters:
            i += 1
            continue
        consumed = _read_number_words(tokens, i, folded, units, scales, vague, duals, ordinals)
        if consumed is None:
            i += 1
            continue
        end_index, value, low, high, kind, approximate = consumed
        start, end = tokens[i].start(), tokens[end_index].end()
        yield mention(text, start, end, value, kind, low=low, high=high, approximate=approximate)
        i = end_index + 1


def _phrase_at(tokens: list[re.Match[str]], i: int, folded: str, table: dict[str, Any]) -> tuple[str, int] | None:
    """A two-word entry ("a dozen", "a few", «أحد عشر», «بأحد عشر» with its prefix) starting at token i: (key, last
    token index)."""
    if i + 1 < len(tokens) and folded[tokens[i].end():tokens[i + 1].start()] == " ":
        first, second = tokens[i].group(), tokens[i + 1].group()
        # a prefix other than the article: «الأحد عشر قذائف» is Sunday and ten shells, not eleven
        for head in (first, *(first[len(p):] for p in _prefixes() if first.startswith(p) and "ال" not in p)):
            if f"{head} {second}" in table:
                return f"{head} {second}", i + 1
    return None


def _read_number_words(tokens: list[re.Match[str]], i: int, folded: str, units: dict[str, float],
                       scales: dict[str, float], vague: dict[str, list[float]], duals: frozenset[str],
                       ordinals: dict[str, float]) -> tuple[int, float | None, float | None, float | None, str, bool] | None:
    word = tokens[i].group()
    pair = _phrase_at(tokens, i, folded, units) or _phrase_at(tokens, i, folded, vague)
    if pair:
        key, last = pair
        if key in vague:
            low, high = vague[key]
            return last, None, float(low), float(high), "number", True
        return _continue_compound(tokens, last, folded, units, scales, units[key])
    if _lookup(word, duals):
        return i, 2.0, 2.0, 2.0, "number", False
    hit = _lookup(word, vague)
    if hit:
        low, high = vague[hit[0]]
        factor, last = _scale_after(tokens, i, folded, scales)
        return last, None, low * factor, high * factor, "number", True
    hit = _lookup(word, units)
    if hit and _other_word(tokens, i, folded):
        return None
    if hit and not (hit[0] in scales and hit[0] not in units):
        return _continue_compound(tokens, i, folded, units, scales, units[hit[0]])
    if word in ordinals:
        value, last = _compound_ordinal(tokens, i, folded, units, ordinals[word])
        return last, value, value, value, "ordinal", False
    return None


def _compound_ordinal(tokens: list[re.Match[str]], i: int, folded: str, units: dict[str, float],
                      value: float) -> tuple[float, int]:
    """«الحادي عشر» (11th), «الثالثة عشرة» (13th), «السادسة والعشرين» (26th): an ordinal unit with the ten or the
    tens after it is one ordinal; read apart, «عشر» was a 10 to compare with the claim's 11."""
    if value >= 10 or i + 1 >= len(tokens) or folded[tokens[i].end():tokens[i + 1].start()].strip():
        return value, i
    following = tokens[i + 1].group()
    if following in _TEN:
        return value + 10, i + 1
    tens = following.removeprefix("و").removeprefix("ال")
    if following.startswith("و") and units.get(tens, 0) in _TENS:
        return value + units[tens], i + 1
    return value, i


def _scale_after(tokens: list[re.Match[str]], i: int, folded: str, scales: dict[str, float]) -> tuple[float, int]:
    if i + 1 < len(tokens) and folded[tokens[i].end():tokens[i + 1].start()].strip() == "":
        hit = _lookup(tokens[i + 1].group(), scales)
        if hit:
            return scales[hit[0]], i + 1
    return 1.0, i


def _continue_compound(tokens: list[re.Match[str]], i: int, folded: str, units: dict[str, float],
                       scales: dict[str, float], value: float) -> tuple[int, float, float, float, str, bool]:
    """'خمسة وعشرون', 'خمسة عشر', 'twenty-five', 'two hundred and fifty', 'ثلاثة آلاف', «مليون وخمسمئة ألف»."""
    total, last = 0.0, i
    if value >= 1000:  # «مليون وخمسمئة ألف»: the thousands after a million are added to it, not multiplied with it
        total, value = value, 0.0
    j = i + 1
    while j < len(tokens) and folded[tokens[j - 1].end():tokens[j].start()].strip() in {"", "-"}:
        word = tokens[j].group()
        if word == "and" and j + 1 < len(tokens) and tokens[j + 1].group() in units:
            j += 1
            continue
        scale = _lookup(word, scales)
        if scale and _has_article(word, scale[0]):
            break  # «خمسة بالمئة», «ستين في المئة»: a scale with the article is a share's sign, not a multiplier
        if scale and not scale[1]:
            factor = scales[scale[0]]
            if not value and total:
                total *= factor  # «ثلاثة آلاف مليون»: three thousand million
            else:
                value *= factor
            if factor >= 1000:
                total, value = total + value, 0.0
            last = j
        elif word in _TEN and value < 10:
            value += 10
            last = j
        elif word == "one" and folded[tokens[j - 1].end():tokens[j].start()] == "-" and value % 100 >= 20 \
                and value % 10 == 0:
            value += 1  # "twenty-one": "one" alone is not listed (a pronoun as often as a figure)
            last = j
        else:
            unit = _lookup(word, units)
            joined = unit is not None and (unit[1] or tokens[j - 1].group() == "and")
            if not unit or (not joined and not folded[tokens[j - 1].end():tokens[j].start()] == "-"):
                break
            if joined and not _joins(total + value, units[unit[0]]):
                break  # "between five and ten million", «بين مئة ومئتين»: two figures, not one sum
            value += units[unit[0]]
            last = j
        j += 1
    total += value
    return last, total, total, total, "number", False


def _joins(so_far: float, added: float) -> bool:
    """"and" / «و» continues one number with a smaller part than the last place it filled ("two hundred and fifty",
    «ألف وتسعمئة», «تسعمئة وتسعة»), or joins tens to units in the Arabic order («خمسة وعشرون», «ثلاثمئة وخمسة
    وستين»); anything else («بين مئة ومئتين», «خمسة وعشرة») is a list or a range of two numbers."""
    place = 1
    while so_far and so_far % (place * 10) == 0:
        place *= 10
    if added < place:
        return True
    return 0 < so_far % 100 < 10 and 20 <= added < 100 and added % 10 == 0


@lru_cache(maxsize=1)
def _currencies_after_words() -> dict[str, str]:
    """Currency word -> code, for a count in words (claims.toml currencies less currencies_that_weigh), folded once."""
    weigh = folded_table("currencies_that_weigh")
    return {word: code for word, code in folded_table("currencies").items() if word not in weigh}


@lru_cache(maxsize=1)
def _percent_after() -> re.Pattern[str]:
    return re.compile(rf"\s?(?:{alternation(data()['percent_words'])})(?![a-z\u0621-\u064A])")


def _tail_of_a_compound(folded: str, mention: NumberMention) -> bool:
    """The count is the end of a longer amount («ونصف مليون دولار» after «ثلاثة ملايين», "half a million" after "two
    and"): read alone as the amount it would be a false figure."""
    first = folded[mention.start:mention.end].split()[0]
    units, scales = _word_values()[:2]
    with_article = first.startswith(("ال", "وال")) and first not in units and first not in scales  # not «ألف»
    joined = _JOINED_BEFORE.search(folded, max(0, mention.start - 30), mention.start)
    after_a_number = joined is not None and (joined.group(1).isdigit() or _lookup(joined.group(1), units) is not None
                                             or _lookup(joined.group(1), scales) is not None)
    return after_a_number or with_article  # not "60 percent and five percent", «20 مليون يورو وخمسة ملايين»


def _has_article(word: str, key: str) -> bool:
    """The word is its table key behind a prefix that holds the article (ال، بال، وال ...)."""
    return word != key and "ال" in word[:len(word) - len(key)]


@lru_cache(maxsize=1)
def _approximation_cues() -> list[tuple[str, str]]:
    table = data()
    cues = [(fold(c), "about") for c in table["approx_about"]]
    cues += [(fold(c), "more") for c in table["approx_more"]]
    cues += [(fold(c), "less") for c in table["approx_less"]]
    return sorted(cues, key=lambda cue: len(cue[0]), reverse=True)


def _with_approximation(mention: NumberMention, folded: str, text: str) -> NumberMention:
    """'ما يقرب من 2500', 'about 900', 'أكثر من 75', '12 على الأقل': the cue joins the span and sets the bounds."""
    if mention.kind in {"date", "year", "ordinal"}:
        return mention
    window_start = max(0, mention.start - 40)
    found = _approximation_before().search(folded, window_start, mention.start)
    if found:
        bound = dict(_approximation_cues())[found.group("cue")]
        return _approximate(mention, text, found.start("cue"), mention.end, bound)
    after = folded[mention.end:mention.end + 40]
    if not _any_after_cue().match(after):
        return mention  # most numbers have no cue after them: one scan instead of one per cue
    for pattern, bound in _after_patterns():
        found = pattern.match(after)
        if found:
            return _approximate(mention, text, mention.start, mention.end + found.end(), bound)
    return mention


@lru_cache(maxsize=1)
def _approximation_before() -> re.Pattern[str]:
    """A cue ending just before a number, as a whole word (و or ب may be attached before it)."""
    cues = "|".join(re.escape(cue) for cue, _ in _approximation_cues())
    return re.compile(rf"(?:(?<=^)|(?<=[^\w\u0600-\u06FF])|(?<=[وب]))(?P<cue>{cues})\s*$")


def _approximate(mention: NumberMention, text: str, start: int, end: int, bound: str) -> NumberMention:
    low = mention.low if bound != "less" else None
    high = mention.high if bound != "more" else None
    # The constructor, not `dataclasses.replace` (which reads every field by name: twice the cost, per number).
    return NumberMention(text[start:end], start, end, mention.value, mention.kind, low, high, True, mention.unit)


@lru_cache(maxsize=1)
def _after_patterns() -> list[tuple[re.Pattern[str], str]]:
    """Each after-cue compiled once (building it per number was most of a figure-dense text's cost)."""
    return [(re.compile(_after_cue(re.escape(cue))), bound) for cue, bound in _after_cues()]


@lru_cache(maxsize=1)
def _any_after_cue() -> re.Pattern[str]:
    """Matches where any one of `_after_patterns` does (the regex tries every cue before failing)."""
    return re.compile(_after_cue("(?:" + "|".join(re.escape(cue) for cue, _ in _after_cues()) + ")"))


def _after_cue(cue: str) -> str:
    return rf"\s*(?:[\w\u0600-\u06FF]+\s+)?{cue}(?![\w\u0600-\u06FF])"


@lru_cache(maxsize=1)
def _after_cues() -> list[tuple[str, str]]:
    table = data()
    cues = [(fold(c), "about") for c in table["approx_after_about"]]
    return cues + [(fold(c), "more") for c in table["approx_after_more"]]


def _initial(match: re.Match[str]) -> str:
    return match.group(1) + " "


def _with_unit(mention: NumberMention, folded: str, text: str) -> NumberMention:
    """What is counted: the first content word after a count ('2,500 US troops' -> troops); a currency after a
    count in words makes it an amount, as after digits («بخمسة آلاف يورو» is 5,000 EUR like «5 آلاف يورو»)."""
    if mention.unit or mention.kind not in {"number"}:
        return mention
    share = _percent_after().match(folded, mention.end)
    if share and not _tail_of_a_compound(folded, mention):  # «نحو ستين في المئة», "five percent": as after digits
        return NumberMention(text[mention.start:share.end()], mention.start, share.end(), mention.value, "percent",
                             mention.low, mention.high, mention.approximate, "%")
    currency = _CURRENCY_AFTER.match(folded, mention.end)
    code = _currencies_after_words().get(currency.group(1)) if currency else None
    # a capitalised currency word names something else ("Two Dollar General stores")
    if code and currency and not text[currency.start(1)].isupper() and not _tail_of_a_compound(folded, mention):
        return NumberMention(text[mention.start:currency.end()], mention.start, currency.end(), mention.value, "money",
                             mention.low, mention.high, mention.approximate, code)
    skip = folded_table("unit_skip")
    stop = folded_table("unit_stop")
    window = folded[mention.end:mention.end + 40]
    if "." in window:
        window = _INITIAL_DOT.sub(_initial, window)  # "u.s. troops"
    end = _UNIT_WINDOW_END.search(window)
    if end:
        window = window[:end.start()]
    for word in itertools.islice(_WORD.finditer(window), 3):
        original = text[mention.end + word.start():mention.end + word.end()]
        if word.group() in stop:
            break
        if word.group() in skip or original[:1].isupper() or len(word.group()) < 2:
            continue  # a lone letter is the tail of the figure's own word («50 مليونًا»: the tanween's alef)
        return NumberMention(mention.text, mention.start, mention.end, mention.value, mention.kind, mention.low,
                             mention.high, mention.approximate, original)
    return mention

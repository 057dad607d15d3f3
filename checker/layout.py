"""A web page's lost line breaks, put back before the text is read: where its furniture meets its story.

A page copied or crawled without its layout may come as one long line: the title, the site's name, a date stamp, a
dateline and the story's first sentence («الجبير: ... | بوابة أخبار اليوم | ... الأحد, 21 يناير 2018 10:22 ص ... باريس
(رويترز) - قال مصدر ...»). Every later stage reads lines (headline, date line, dateline, boilerplate), so a line break
goes back in each place a page's parts meet: after a separator bar, around a date stamp, before a wire's dateline on
such a line, after a title's "- <site>", before a footer's phrase and after a caption's bracketed note (the word lists
in boilerplate.toml [page_layout]). Each break replaces one space, so the text keeps its length and every offset still
points into what the user gave. Only lines in Arabic script are read: English pages keep the bylines and credit lines
the attribution rules read on one line ("By Jane Doe | jdoe@site.com | Orange County Register").

    >>> restore_line_breaks("عنوان الخبر | اسم الموقع الأحد, 21 يناير 2018 10:07 ص قال الوزير إن ...")
    'عنوان الخبر |\\nاسم الموقع\\nالأحد, 21 يناير 2018 10:07 ص\\nقال الوزير إن ...'
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from typing import Any, Protocol

from checker.config import DATA_DIR
from checker.models import Outlet
from checker.normalize import fold
from checker.numbers import find_numbers


class Outlets(Protocol):
    """What layout asks of the outlet registry (`checker.outlets.OutletRegistry`)."""

    def find_in(self, text: str) -> list[tuple[Outlet, int, int]]: ...

    def kind(self, outlet: Outlet) -> str | None: ...


_LINE = re.compile(r"[^\n]+")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_BAR = re.compile(r"(?<=\S) [|｜]+ (?=\S)")
_NUMERIC_DATE = re.compile(r"(?<![\d:])(?:\d{4}\s*([-/.])\s*\d{1,2}\s*\1\s*\d{1,2}|\d{1,2}\s*([-/.])\s*\d{1,2}\s*\2"
                           r"\s*\d{4})(?![\d:])")
# A picture's caption closed by its note in brackets, run into the story: «... مستشفى الحويجة (صورة وزعها ناشطون) سقط»
_CAPTION_CLOSE = re.compile(r"\((?:أرشيف|أرشيفية|صورة أرشيفية|إنترنت|الإنترنت|صورة [^()\n]{2,40}|صور [^()\n]{2,40})\)"
                            r"(?= \S)")
_TITLE_DASH = re.compile(r"\S [-–—|] $")  # "<title> - " just before a site's name
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_BETWEEN = re.compile(r"[\s,،|\-–—]{0,4}")
# between a date and its clock time or its other calendar: «21 يناير 2018 م, الموافق 04 جمادى», «2016/4/28 الساعة
# 17:57 (مكة المكرمة) 1437/7/22 ه»
_JOINS = re.compile(r"[\s,،|\-–—]{0,4}(?:(?:م|ه|الموافق|الساعه|ل|\([^()\d]{1,20}\))[\s,،|\-–—]{0,4})*")
# A wire's dateline inside a line: a place, a bracketed name and a dash, then the story ("باريس (رويترز) - قال")
_DATELINE = re.compile(r"(?<= )[^\s()]+ ?\(\s*[^()\d\n]{2,30}?\s*\) ?[-–—:]+ (?=\S+ \S+ \S+)")
# The place of a wire's dash dateline, just before the wire's name: «واشنطن - », «عمان / الرياض - »
_PLACE_DASH = re.compile(r"(?<= )[^\s|\-–—/]+(?: ?/ ?[^\s|\-–—/]+)? ?[-–—] ?$")
# The places a dateline lists before its last word: «دبي, الإمارات العربية » (a comma after the first)
_PLACE_LIST = re.compile(r"(?:^|(?<= ))[^\s,،]+[,،] (?:[^\s,،]+ ){0,3}$")
# A wire's credit in brackets opening a line at the foot, the page's furniture run on after it: «(بترا) التعليق 2018»
_BRACKET_CREDIT = re.compile(r"\(\s*([^()\n]{2,30}?)\s*\)(?= [^\s\-–—:])")
# «المصدر | الخليج الجديد + أ ف ب»: a credit's label and its bar stay on the credit's line
_CREDIT_LABEL = re.compile(r"\s*(?:المصدر|مصدر الخبر|source)\s*", re.IGNORECASE)


@lru_cache(maxsize=1)
def _boilerplate() -> dict[str, Any]:
    with open(DATA_DIR / "boilerplate.toml", "rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=1)
def _stamp_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(weekday before a date, clock time with its words, label before a stamp, word that puts a date in a sentence)
    from boilerplate.toml."""
    data = _boilerplate()
    layout = data["page_layout"]
    weekdays = "|".join(re.escape(fold(w)) for w in layout["weekdays"])
    clock_words = "|".join(re.escape(fold(w)) for w in sorted(layout["clock_words"], key=len, reverse=True))
    zone_words = "|".join(re.escape(fold(w)) for w in layout["zone_words"])
    labels = "|".join(re.escape(fold(w)) for w in sorted(data["dateline"]["prefixes"], key=len, reverse=True))
    # a weekday alone makes a stamp with a comma after it and no word before it that puts it in a sentence
    openers = "|".join(re.escape(fold(w)) for w in layout["day_openers"])
    weekday = re.compile(rf"(?:^|\s)(?P<opener>(?:{openers})\s+)?(?P<day>(?:{weekdays}))\s*(?P<comma>[,،]?)\s*$",
                         re.IGNORECASE)
    clock = re.compile(rf"(?<![\d:])\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*(?:{clock_words})(?![^\W\d_]))*"
                       rf"(?:\s+(?:{zone_words})\s+[^\W\d_]+)?", re.IGNORECASE)
    label = re.compile(rf"(?:^|(?<=\s))(?:{labels})\s*:?\s*$", re.IGNORECASE)
    return weekday, clock, label, re.compile(rf"(?:^|\s)(?:{openers})\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _furniture() -> re.Pattern[str]:
    """A page's footer or sidebar phrase run into a line ("... نوفوستي 2007 - 2018 جميع الحقوق محفوظة"): the space
    before it (boilerplate.toml [page_layout] `furniture`, folded)."""
    phrases = sorted((fold(p) for p in _boilerplate()["page_layout"]["furniture"]), key=len, reverse=True)
    return re.compile(r" (?=(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w))")


@lru_cache(maxsize=1)
def _stamp_hint() -> re.Pattern[str]:
    """What every stamp holds (in the folded line): a clock time, «الموافق», a weekday and a comma, or a label and a
    weekday."""
    days = "|".join(re.escape(fold(w)) for w in _boilerplate()["page_layout"]["weekdays"])
    labels = "|".join(re.escape(fold(w)) for w in _boilerplate()["dateline"]["prefixes"])
    return re.compile(rf"\d:\d\d|{re.escape(fold('الموافق'))}|(?:{days})\s*[,،]|(?:{labels})\s*:?\s*(?:{days})",
                      re.IGNORECASE)


def restore_line_breaks(text: str, outlets: Outlets | None = None) -> str:
    """`text` with a line break for a space wherever a run-on page line joins its parts (same length).

    `outlets` (the outlet registry) finds the outlets a line names: on the page's first line (its title) or a run-on
    line, a title's "- <site>" ends it («... في سوريا - اليوم السابع نقل البيت الأبيض ...»), a wire's dash dateline
    before a date stamp or closing the title starts a line («... لأكراد سوريا واشنطن - رويترز السبت, 25 نوفمبر
    2017»); on any line a dateline whose brackets hold an outlet's whole name starts one (a caption run into it:
    «... العراقي دبي, الإمارات العربية المتحدة (CNN) - - قال»), and in the text's second half a wire's bracketed
    credit opening a line ends it («(بترا) التعليق 2018»)."""
    if " " not in text:
        return text
    chars: list[str] | None = None
    folded: str | None = None  # the text folded once, when a line in Arabic script needs it (same offsets)
    for number, line in enumerate(_LINE.finditer(text)):
        if not _arabic_line(line.group()):
            continue
        folded = fold(text) if folded is None else folded
        cuts = _cuts(line.group(), folded[line.start():line.end()])
        if outlets is not None and (cuts or number == 0):
            named = outlets.find_in(line.group())
            cuts = sorted({*cuts, *_after_site_names(line.group(), named)})
            cuts = sorted({*cuts, *_before_datelines(line.group(), named, outlets, cuts)})
        if outlets is not None and not cuts and "(" in line.group():
            cuts = _named_datelines(line.group(), outlets)
        if outlets is not None and line.start() > len(text) // 2:
            cuts = sorted({*cuts, *_after_bracket_credit(line.group(), outlets)})
        for cut in cuts:
            chars = chars if chars is not None else list(text)
            chars[line.start() + cut] = "\n"
    return "".join(chars) if chars is not None else text


def _after_site_names(line: str, named: list[tuple[Outlet, int, int]]) -> list[int]:
    """The spaces after a site's name (`named`: the line's outlets) that closes a title ("<title> - <site> <more>")."""
    return [end for _, start, end in named
            if _TITLE_DASH.search(line, 0, start) and end < len(line) and line[end] == " "]


def _before_datelines(line: str, named: list[tuple[Outlet, int, int]], outlets: Outlets, cuts: list[int]) -> list[int]:
    """The spaces before "<place> - <wire>" whose name ends where a cut (a date stamp, a title's site) begins or
    closes the line."""
    found = []
    for outlet, start, end in named:
        closes = end in cuts or not line[end:].strip()
        place = _PLACE_DASH.search(line, 0, start) if closes and outlets.kind(outlet) == "wire" else None
        if place is not None and line[place.start() - 1] == " ":
            found.append(place.start() - 1)
    return found


def _named_datelines(line: str, outlets: Outlets) -> list[int]:
    """The spaces before a dateline inside a line whose brackets hold an outlet's whole name, a caption run into it
    («صورة لعناصر من جهاز مكافحة الإرهاب العراقي دبي, الإمارات العربية المتحدة (CNN) - - قال»)."""
    found = []
    for match in _DATELINE.finditer(line):
        bracket = line.index("(", match.start()) + 1
        name = line[bracket:line.index(")", bracket)].strip()
        if not any(start == 0 and end == len(name) for _, start, end in outlets.find_in(name)):
            continue
        places = _PLACE_LIST.search(line, 0, match.start())  # «دبي, الإمارات العربية» before «المتحدة (CNN)»
        cut = places.start() if places else match.start()
        if cut > 0:
            found.append(cut - 1)
    return found


def _after_bracket_credit(line: str, outlets: Outlets) -> list[int]:
    """The space after a wire's bracketed name opening the line ("(بترا) التعليق 2018"), the whole bracket its name."""
    credit = _BRACKET_CREDIT.match(line)
    if credit is None:
        return []
    named = outlets.find_in(credit.group(1))
    whole = [o for o, start, end in named if start == 0 and end == len(credit.group(1)) and outlets.kind(o) == "wire"]
    return [credit.end()] if whole else []


def _arabic_line(line: str) -> bool:
    arabic = len(_ARABIC_LETTER.findall(line))
    return arabic > 0 and arabic >= len(_LATIN_LETTER.findall(line))


def _cuts(line: str, folded: str) -> list[int]:
    """Offsets of the spaces in `line` (`folded`: its folded form) that stand for lost line breaks."""
    cuts = [bar.end() - 1 for bar in _BAR.finditer(line) if not _CREDIT_LABEL.fullmatch(line, 0, bar.start())]
    cuts += [m.start() for m in _furniture().finditer(folded) if m.start() > 0]
    cuts += [m.end() for m in _CAPTION_CLOSE.finditer(line)]
    for start, end in _stamps(line, folded):
        cuts += [at for at in (start - 1, end) if 0 < at < len(line) and line[at] == " "]
    if cuts:  # a run-on page line: a wire's dateline in it opens the story
        cuts += [match.start() - 1 for match in _DATELINE.finditer(line)]
    return sorted(set(cuts))


def _stamps(line: str, folded: str) -> list[tuple[int, int]]:
    """Spans of a page's date stamps: a date with its year beside a clock time or beside the same day in the other
    calendar ("الأحد, 21 يناير 2018 10:07 ص", "11:46 28 أيلول 2017", "21 ذو القعدة 1438 ه - الموافق 13 أغسطس
    2017"), or after a weekday with a comma ("الأحد, يناير 21,2018") or a label and a weekday ("تم نشره في الخميس 28
    كانون الأول / ديسمبر 2017"), with the weekday and a label before it ("تاريخ النشر:"). A date in a sentence
    ("قال اليوم الأربعاء 5 أفريل 2017 إن") is none of these."""
    weekday, clock, label, opener = _stamp_words()
    if not _stamp_hint().search(folded):
        return []  # no clock time, «الموافق», weekday with a comma or label: no stamp (and no numbers to read)
    pieces = [(m.start, m.end, False) for m in find_numbers(line, folded=folded)
              if (m.kind == "date" and _YEAR.search(m.text)) or m.kind == "hijri"]
    pieces += [(m.start(), m.end(), False) for m in _NUMERIC_DATE.finditer(line)]
    pieces += [(m.start(), m.end(), True) for m in clock.finditer(folded)]
    stamps = []
    for run in _runs(folded, sorted(pieces)):
        start, end = run[0][0], run[-1][1]
        day = weekday.search(folded, 0, start)
        if day is not None and not _BETWEEN.fullmatch(line, day.end(), start):
            day = None
        begin = day.start("day") if day else start
        named = label.search(folded, 0, begin)
        if named is None or day is None:  # a label and a weekday («تم نشره في الخميس 28 كانون الأول 2017») make one
            if (day is not None and day.group("opener")) or opener.search(folded, 0, start):
                continue  # a sentence's date: «ما تم تداوله اليوم الخميس 6 جمادى الآخرة 1439هـ الموافق 22 فبراير 2018»
            if len(run) == 1 and (day is None or not day.group("comma") or run[0][2]):
                continue
        stamps.append((named.start() if named else begin, end))
    return stamps


def _runs(folded: str, pieces: list[tuple[int, int, bool]]) -> list[list[tuple[int, int, bool]]]:
    """Dates and clock times that follow each other with only separators between them (in the folded line), in
    runs."""
    runs: list[list[tuple[int, int, bool]]] = []
    for piece in pieces:
        if runs and piece[0] >= runs[-1][-1][1] and _JOINS.fullmatch(folded, runs[-1][-1][1], piece[0]):
            runs[-1].append(piece)
        elif not runs or piece[0] >= runs[-1][-1][1]:
            runs.append([piece])
    return runs

"""Whose reporting carries a claim: the outlet of its sentence, of its story, or of its dateline / credit line.

A claim's outlet is the one cited in its sentence; else the one carried with
its speaker ("قال مصدر حكومي لـ«موقع X»" ... "وأضاف المصدر" -> X); else the
story's reporting outlet, the one a source spoke to ("told Reuters", "لـ«موقع
X»", "X has learned", "مراسل X"); else the wire of the dateline or credit line
("WASHINGTON (Reuters) -", "(أ ف ب)", "باريس - فرانس برس", "المصدر: رويترز").
Wire copy's officials, sources and witnesses carry the agency. `Thread` keeps
the outlet of the last source that cited one while the story goes on with that
source ("ذات المصدر", "the official", his name again), words in
checker/data/outlet_thread.toml.
"""
from __future__ import annotations

import calendar
import re
import tomllib
from collections import Counter
from dataclasses import replace
from functools import cache
from typing import Any

from checker.attribution.coreference import named_by_surname, speaker_tokens
from checker.attribution.lexicon import Lexicon
from checker.attribution.mentions import outlet_slug
from checker.attribution.sources import Link
from checker.config import DATA_DIR
from checker.doc import Doc
from checker.line_kinds import paper_note
from checker.models import Attribution, Outlet, Sentence
from checker.normalize import fold
from checker.outlets import OutletRegistry
from checker.stems import NOT_PLURAL_ENDINGS

DATELINE = 0.4
WIRE = "wire"
_DATELINE = re.compile(
    r"^[ \t]*(?:[^\s()\n][^()\n]{0,40}?)?\(\s*([^()\n]{2,40}?)\s*\)\s*[-—–]", re.MULTILINE)
# "القاهرة - رويترز: ...", "باريس - فرانس برس": a city (at most three words), a dash and a wire agency.
_DASH_DATELINE = re.compile(
    r"^[ \t]*[^\W\d][^\s\-–—/:()]*(?:[ \t]+[^\s\-–—/:()]+){0,2}[ \t]*[-–—][ \t]*"
    r"[«\"“]?([^\n«»\"“”:()\-–—/]{2,30}?)[»\"”]?[ \t]*(?::|$)", re.MULTILINE)
# "إسطنبول/ محمد شيخ يوسف/ الأناضول": city, reporter and outlet on a line of their own.
_SLASH_DATELINE = re.compile(r"^[ \t]*[^\n/]{2,30}/[^\n/]{2,40}/[ \t]*([^\n/]{2,30}?)[ \t]*$", re.MULTILINE)
_MONTHS = "|".join([*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"])
# "Taipei, Oct. 22 (CNA)" on a line of its own: a place, a date and the wire, the story on the next line.
_DATED_PAREN_WIRE = re.compile(
    rf"^[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){{0,2}},[ \t]+(?:{_MONTHS})\.?[ \t]+\d{{1,2}}[ \t]*"
    r"\(\s*([^()\n]{2,30}?)\s*\)[ \t]*$", re.MULTILINE)
# "القدس (أ ف ب) اعلنت ..." opening a paragraph without a dash: a place of at most three words, a wire agency in
# brackets and the report going on on the same line (a caption ending "(AFP)" is no dateline).
_PAREN_WIRE = re.compile(r"^[ \t]*[^\s()]+(?:[ \t]+[^\s()]+){0,2}[ \t]*\(\s*([^()\n]{2,30}?)\s*\)[ \t]*[-—–:]?"
                         r"(?=[ \t]*(?:\S+[ \t]+){4}\S)", re.MULTILINE)
# Credit lines at the foot: "المصدر: رويترز", "Source: AFP", "(أ ف ب)", "— Reuters", "المصدر | الخليج الجديد + أ ف ب".
_CREDIT = re.compile(r"^[ \t]*(?:\(?\s*(?:المصدر|مصدر الخبر|source)\s*[:：|]\s*([^\n()]{2,40}?)\s*\)?"
                     r"|\(\s*([^\n()]{2,30}?)\s*\)|[-—–]{1,2}\s*([^\n]{2,30}?)|([^\n()/:]{2,25}?))[ \t.]*$",
                     re.MULTILINE | re.IGNORECASE)
# "فرانس24/ أ ف ب", "France 24 / Reuters": the site, a slash and the wire whose copy it carries, on the last lines.
_SLASH_CREDIT = re.compile(r"^[ \t]*([^\n/()]{2,25}?)[ \t]*/[ \t]*([^\n/()]{2,25}?)[ \t.]*$", re.MULTILINE)
# "The Associated Press contributed to this report.": the agency whose copy the story folds in, named at its foot.
_CONTRIBUTED = re.compile(r"^[ \t]*(?:the[ \t]+)?([^\n]{2,40}?)[ \t]+contributed(?:[ \t]+reporting)?[ \t]+to[ \t]+this"
                          r"[ \t]+(?:report|story|article)[ \t.]*$", re.MULTILINE | re.IGNORECASE)
# "[h/t Inquisitr] [Image via Shutterstock]", "H/T: The Daily Dot": a hat tip on a line of its own at the foot of web
# copy names whose story it retells (one inside a sentence, "(h/t Slate)", credits that fact only).
_HAT_TIP = re.compile(r"^[ \t]*[\[(]?[ \t]*(?:h/t|hat[ \t]+tip)[ \t]*:?[ \t]+([^\]\n()]{2,40}?)[ \t.]*[\])]?"
                      r"(?:[ \t]*[\[(][^\]\n()]*[\])])*[ \t]*$", re.MULTILINE | re.IGNORECASE)
# "This article originally appeared on News.com.au.", "... appeared at International Business Times. Copyright
# 2015.", "... appeared in the June 2014 issue of Architectural Digest.": a repost names the outlet whose story it is
# at its foot or its head (the name ends at a full stop before a space, not an initial's or a saint's: "U.S. News &
# World Report", "The St. Louis Post-Dispatch"; boilerplate.toml drops the line with the same reading).
_ORIGINALLY = re.compile(r"^[ \t]*this[ \t]+(?:article|story|report|piece)[ \t]+(?:originally|first)[ \t]+appeared"
                         r"[ \t]+(?:on|in|at)[ \t]+(?:the[ \t]+[^\n,;]{0,30}?(?:issue|edition)[ \t]+of[ \t]+)?"
                         r"([^\n,;]{2,40}?)[ \t]*(?:(?<!\b[A-Z])(?<!\bSt)\.(?=[ \t])|[ \t.]*$)",
                         re.MULTILINE | re.IGNORECASE)
# "Original article by Dave Basner at iHeartRadio.": a syndicated post names the site whose story it is, on a line of
# its own; "Author:History.com Editors": a site's editors credited as the author.
_ORIGINAL_BY = re.compile(r"^[ \t]*original[ \t]+(?:article|story|post)[ \t]+by[ \t]+[^\n]{2,60}?[ \t]+(?:at|on|for)"
                          r"[ \t]+(?:the[ \t]+)?([^\n]{2,40}?)[ \t.]*$", re.MULTILINE | re.IGNORECASE)
_AUTHOR_EDITORS = re.compile(r"^[ \t]*author[ \t]*:[ \t]*([^\n]{2,40}?)[ \t]+(?:editors|staff)[ \t.]*$",
                             re.MULTILINE | re.IGNORECASE)
# "… مقبس السماعة. (هافنغتون بوست)", "…\n\n[Canada.com]": an outlet in brackets closing the text after its last
# full stop or on a line of its own.
_CLOSING_BRACKET = re.compile(r"(?:[.!؟?]|\n)[ \t]*[(\[]\s*([^\n()\[\]]{2,30}?)\s*[)\]][ \t.]*$")
# "*نقلاً عن الرؤية الإماراتية", «نقلا عن "الشرق الأوسط" السعودية»: an opinion column reposted from a newspaper names
# it on a line of its own at the foot (before the page's disclaimer, if any).
_REPOSTED = re.compile(r"^[ \t]*\*?[ \t]*نقل(?:ا|اً|ًا)[ \t]+عن[ \t]+(?:صحيفة[ \t]+|جريدة[ \t]+|موقع[ \t]+)?"
                       r"(\S+(?:[ \t]+\S+){0,3})[ \t.]*$", re.MULTILINE)
# "[With AFP]", "With files from Associated Press and Bloomberg", "[via 9to5Mac]": web copy credits the outlets whose
# reports it folds in on a line of its own at its foot, in brackets or as "files" or "reporting" (the first outlet
# named is the story's; "With 95 percent of votes counted ..." is a sentence).
_BRACKETED_WITH = re.compile(r"^[ \t]*\[[ \t]*(?:with|via)[ \t]+(?:the[ \t]+)?([^\]\n,&]{2,40}?)"
                             r"(?:[ \t]*(?:,|&|[ \t]and)[ \t]*[^\]\n]{2,60}?)?[ \t]*\][ \t.]*$",
                             re.MULTILINE | re.IGNORECASE)
_FILES_FROM = re.compile(r"^[ \t]*(?:with|via)[ \t]+(?:files|reporting|additional[ \t]+reporting)[ \t]+"
                         r"(?:from|by)[ \t]+(?:the[ \t]+)?([^\n,&]{2,40}?)(?:[ \t]*(?:,|&|[ \t]and)[ \t]*[^\n]{2,60}?)?"
                         r"[ \t.]*$", re.MULTILINE | re.IGNORECASE)
# "Click for more from the New York Post.": a syndicated story sends the reader to the outlet whose story it is
# ("more on X" may be a topic).
_MORE_FROM = re.compile(r"^[ \t]*click[ \t]+(?:here[ \t]+)?(?:for|to[ \t]+read)[ \t]+more[ \t]+from[ \t]+"
                        r"(?:the[ \t]+)?([^\n]{2,40}?)[ \t.]*$", re.MULTILINE | re.IGNORECASE)
# "Sean Rossman and Karl Etters report for the Tallahassee (Fla.) Democrat. Contributing: ...": a byline at the foot,
# reporters' names and their paper, read to the full stop that ends the line or opens "Contributing:" (not the one in
# "the St. Louis Post-Dispatch."). A paper the registry lacks counts when its name has two capitalised words or more;
# "a report for the World Bank" and "Jones, who reports for Al Jazeera, was detained" are no byline.
_NAMES = r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}"
_REPORT_FOR = re.compile(rf"^[ \t]*{_NAMES}(?:(?:,[ \t]*|[ \t]+and[ \t]+){_NAMES})*[ \t]+(?i:reports?)[ \t]+for[ \t]+"
                         r"(?:(?i:the)[ \t]+)?([A-Z][^\n]{1,60}?)\.[ \t]*(?:(?i:contributing):[^\n]*)?$", re.MULTILINE)
_TITLE_CASE = re.compile(r"(?:[A-Z][\w.'’&-]*|\([A-Z][\w.]*\))(?:[ \t]+(?:[A-Z][\w.'’&-]*|\([A-Z][\w.]*\)))+")
# "From Fars News Agency:" on a line of its own near the top: the repost that follows is that outlet's story (not in
# a press review, whose every section opens so).
_FROM_LEAD = re.compile(r"^[ \t]*from[ \t]+(?:the[ \t]+)?([^\n:]{2,40}?)[ \t]*:[ \t]*$", re.MULTILINE | re.IGNORECASE)
# Web bylines (`_byline`): "Carol Memmott, USA TODAY", "By Jane Doe and John Roe, Associated Press" on a line of
# their own; "Bob Young\nSeattle Times staff reporter", "Forbes Staff", "By Forbes staff"; "By X | x@site.com |
# Orange County Register" (a crawl may glue the next line on: "RegisterAugust 25"); "IANS" over its date line.
_BYLINE_COMMA = re.compile(rf"^[ \t]*(?:[Bb]y[ \t]+)?{_NAMES}(?:[ \t]+and[ \t]+{_NAMES})?[ \t]*,[ \t]*"
                           r"([A-Z][^\n,;:]{1,40}?)[ \t.]*$", re.MULTILINE)
_LISTED = re.compile(rf"[ \t]*{_NAMES}[ \t]*,[ \t]*[A-Z][^\n,;:]{{1,40}}")
_BYLINE_STAFF = re.compile(r"^[ \t]*(?:By[ \t]+)?([A-Z][^\n,;:]{1,40}?)[ \t]+(?i:staff)"
                           r"(?:[ \t]+(?i:reporter|writer|correspondent))?[ \t.]*$", re.MULTILINE)
_BYLINE_FOR = re.compile(rf"^[ \t]*By[ \t]+{_NAMES}[ \t]+for[ \t]+(?:the[ \t]+)?([A-Z][^\n,;|]{{1,40}}?)[ \t.]*(?:,|$)",
                         re.MULTILINE)  # "By Franz-Stefan Gady for The DiplomatJuly 31, 2018"
# A contributor's credit on a line of its own: "Special for USA TODAY", "Special to The Washington Post".
_BYLINE_SPECIAL = re.compile(r"^[ \t]*Special[ \t]+(?:to|for)[ \t]+(?:the[ \t]+)?([A-Z][^\n,;:]{1,40}?)[ \t.]*$",
                             re.MULTILINE)
_BYLINE_PIPE = re.compile(rf"(?:\b|(?<=[a-z]))(?<!Photo )By[ \t]+{_NAMES}[ \t]*\|(?:[^|\n]*\|)?[ \t]*([^|\n]{{2,60}})")
_WIRE_OVER_DATE = re.compile(r"^[ \t]*([A-Z][^\n]{1,30}?)[ \t]*\n(?=[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?"
                             r"[ \t]+\d{4}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}[ \t]+\d{4})[ \t]*$)", re.MULTILINE)
# "LOS ANGELES (AP) —", "WASHINGTON (Reuters) -": a place in capitals, a bracketed name and a dash opening a line.
_CAPITAL_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z.'’-]+(?:[ \t,]+[A-Z][A-Z.'’-]+){0,3}[ \t]*"
                               r"\(\s*([^()\n]{2,40}?)\s*\)\s*[-—–]", re.MULTILINE)
_PHOTOGRAPHER = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3}")
# The next line's date glued to the outlet's name by a crawl ("Orange County RegisterAugust 25, 2016").
_GLUED = re.compile(rf"(?<=[a-z])(?=(?:{_MONTHS})\b)")
_BODY_WORDS = 15  # the story's first sentence: a line this long that ends like a statement
_BYLINE_CHARS = 4000
_TAIL_CHARS = 400
_HEAD_CHARS = 800
_CORRESPONDENT = frozenset(fold(w) for w in ("مراسل", "مراسلة", "مراسلو", "مراسلي", "موفد", "موفدة",
                                              "correspondent", "reporter", "reporters", "correspondents"))
_LEARNED = frozenset({"has learned", "learned", "have learned", "has confirmed"})


def find_dateline(text: str, registry: OutletRegistry) -> Attribution | None:
    """"PARIS (Reuters) -", "بغداد (رويترز) -", "القاهرة - رويترز", "دبي - العربية.نت", "إسطنبول/ محمد شيخ يوسف/
    الأناضول", "القدس (أ ف ب)", "From Fars News Agency:" near the top, else a credit line at the foot ("المصدر:
    رويترز", "(أ ف ب)", "[With AFP]"): the outlet of the story's unattributed claims and of its sources without an
    outlet of their own. The earliest heading one wins."""
    head = text[:_HEAD_CHARS]
    found: list[tuple[re.Match[str], int, Outlet]] = []
    match = _DATELINE.search(head)
    if match is not None and any(c.isalpha() for c in match.group(1)):
        found.append((match, 1, registry.find(match.group(1)) or Outlet(outlet_slug(match.group(1)), match.group(1),
                                                                         known=False)))
    leads = (_FROM_LEAD,) if len(_FROM_LEAD.findall(text)) == 1 else ()
    named: tuple[str, ...] | None = None  # the head's outlets, read once a candidate needs them
    for pattern in (_DASH_DATELINE, _SLASH_DATELINE, _PAREN_WIRE, _DATED_PAREN_WIRE, *leads):
        for candidate in pattern.finditer(head):
            first = _outlet_before_dash(candidate, registry) if pattern is _DASH_DATELINE else None
            if first is not None:  # "سكاي نيوز عربية - أبوظبي": the outlet, then the place (not a TV named like it)
                found.append((candidate, 0, first))
                break
            if named is None:  # "FOCUS TAIWAN" above "(CNA)": Taiwan's agency, not Singapore's channel
                named = tuple(outlet.id for outlet, *_ in registry.find_in(head))
            outlet = registry.resolve(candidate.group(1), story=named) or registry.find(candidate.group(1))
            # A dash or slash line names the wire whose copy it is, or the site whose own reporting it is
            # ("دبي - العربية.نت"); a bracket opening a report line only a wire.
            bracketed = pattern in (_PAREN_WIRE, _DATED_PAREN_WIRE)
            if outlet is not None and (not bracketed or registry.kind(outlet) == WIRE):
                found.append((candidate, 1, outlet))
                break
    if found:
        match, group, outlet = min(found, key=lambda item: item[0].start())
        return _dateline(match, group, outlet, offset=0)
    return (_byline(text, registry) or _wire_below_furniture(text, registry) or _credit_line(text, registry)
            or _page_note(text, registry))


def _wire_below_furniture(text: str, registry: OutletRegistry) -> Attribution | None:
    """"LOS ANGELES (AP) —" under a crawled page's menus, captions and share buttons, past the head a dateline is
    looked for in: a place in capitals, then a wire or one outlet's whole name in brackets ("John Smith (Independent)
    – 12,345 votes" is a result, "Taylor Swift (Time) —" a caption), with no paragraph of a story above it."""
    for match in _CAPITAL_DATELINE.finditer(text, 0, _BYLINE_CHARS):
        if match.start() < _HEAD_CHARS:
            continue
        if _story_above(text, match.start()):
            return None  # a dateline under the story's own paragraphs opens another story: a teaser, a wire feed
        outlet = registry.find(match.group(1))
        if outlet is not None and (registry.kind(outlet) == WIRE or _whole_outlet(match.group(1), registry)):
            return _dateline(match, 1, outlet, offset=0)
    return None


def _story_above(text: str, end: int) -> bool:
    """A paragraph of a story above `end`: a line of `_BODY_WORDS` words or more that ends like a statement and that
    the page does not repeat (a crawled gallery prints each caption twice)."""
    repeated = Counter(line.strip() for line in text.split("\n"))
    return any(len(line.split()) >= _BODY_WORDS and line.rstrip().endswith((".", "!", "?", '"', "”"))
               and repeated[line.strip()] == 1 for line in text[:end].split("\n"))


def _page_note(text: str, registry: OutletRegistry) -> Attribution | None:
    """A note anywhere on the page naming the paper whose story it is: "This article originally appeared in the June
    2014 issue of Architectural Digest." opening it, "Original article by Dave Basner at iHeartRadio.",
    "Author:History.com Editors", or the writer's note ("X is The San Francisco Chronicle's music
    critic.", `checker.line_kinds.paper_note`); the whole name must be one outlet's. Reported as the dateline, as a
    credit line at the foot is."""
    for pattern in (_ORIGINALLY, _ORIGINAL_BY, _AUTHOR_EDITORS):
        for match in pattern.finditer(text):
            outlet = _whole_outlet(match.group(1), registry)
            if outlet is not None:
                return _dateline(match, 1, outlet, offset=0)
    offset = 0
    for line in text.split("\n"):
        note = paper_note(text, line) if line[:1].isupper() else None
        outlet = _whole_outlet(note.group("paper"), registry) if note is not None else None
        if note is not None and outlet is not None:
            return _dateline(note, "paper", outlet, offset=offset + len(line) - len(line.lstrip()))
        offset += len(line) + 1
    return None


def _byline(text: str, registry: OutletRegistry) -> Attribution | None:
    """A web page's byline naming the reporter's outlet on a line of its own ("Joel Shannon, USA TODAY", "Seattle
    Times staff reporter", "Forbes Staff", "By Forbes staff", "By Tomoya Shimura | tshimura@scng.com | Orange County
    Register", "By Franz-Stefan Gady for The Diplomat") or a wire's name over the date line ("IANS" / "July 18,
    2014"), or a contributor's credit ("Special for USA TODAY"): the page is that outlet's story, as a dateline
    would say. The whole name must be one outlet's the registry knows ("Times Staff Writer" may be any Times); a
    photographer's credit ("FELIX ORDONEZ/REUTERS", "Photo By Jae C. Hong | AP", "Mark Lennihan, AP" under a
    picture) is no byline, and neither is the site's name heading the page ("Blabbermouth.net -"), which the
    annotators read as its logo."""
    head = text[:_BYLINE_CHARS]
    body = _body_start(head)
    for pattern in (_BYLINE_COMMA, _BYLINE_STAFF, _BYLINE_PIPE, _BYLINE_FOR, _BYLINE_SPECIAL, _WIRE_OVER_DATE):
        for match in pattern.finditer(head):
            if pattern is _BYLINE_COMMA and (match.start() > body or _in_list(text, match)):
                continue  # under the story's first sentence, or a list: "Jane Smith, USA TODAY" among jurors
            name = match.group(1)
            glued = _GLUED.search(name) if pattern in (_BYLINE_PIPE, _BYLINE_FOR) else None
            name = (name[:glued.start()] if glued else name).rstrip(" \t.")
            outlet = _whole_outlet(name, registry)
            if outlet is not None and (pattern is not _WIRE_OVER_DATE or registry.kind(outlet) == WIRE):
                return replace(_dateline(match, 1, outlet, offset=0), outlet_end=match.start(1) + len(name))
    return None


def _body_start(head: str) -> int:
    """Where the story's first sentence starts: its first line of `_BODY_WORDS` words or more that ends like a
    statement (the end of `head` when none does)."""
    start = 0
    for line in head.split("\n"):
        if len(line.split()) >= _BODY_WORDS and line.rstrip().endswith((".", "!", "?", '"', "”")):
            return start
        start += len(line) + 1
    return len(head)


def _whole_outlet(name: str, registry: OutletRegistry) -> Outlet | None:
    """The outlet `name` is, when all of it ("The Washington Post", not "USA TODAY Sports Weekly") names one."""
    bare = re.sub(r"^(?i:the)[ \t]+", "", name)
    named = registry.find_in(bare)
    if not named or named[0][1] != 0 or named[0][2] < len(bare) or not registry.names_one_outlet(bare):
        return None
    return named[0][0]


def _in_list(text: str, match: re.Match[str]) -> bool:
    """A "Name, Employer" line under a line ending with a colon or beside another of its shape lists people
    ("Marty Baron, The Washington Post" / "Jane Smith, USA TODAY"), not the story's reporter; the page's first line
    is its title, whatever its shape ("Obama, Romney Spar Over Jobs")."""
    above = text[:match.start()].rstrip("\n")
    before = above.rsplit("\n", 1)[-1] if "\n" in above else ""
    after = text[match.end():].lstrip("\n").split("\n", 1)[0]
    return before.rstrip().endswith(":") or any(_LISTED.fullmatch(line) for line in (before, after))


def _outlet_before_dash(match: re.Match[str], registry: OutletRegistry) -> Outlet | None:
    """The outlet a dash line opens with, when its whole first part is an outlet's name rather than a place."""
    left = match.group(0)[:match.start(1) - match.start()].strip(" \t-–—«\"“")
    named = registry.find_in(left)
    return named[0][0] if named and named[0][1] == 0 and named[0][2] >= len(left) else None


def _credit_line(text: str, registry: OutletRegistry) -> Attribution | None:
    """A credit on one of the last lines: a wire named alone (a site's repost of agency copy: "(أ ف ب)", "— Reuters",
    "رويترز"; "فرانس24/ أ ف ب" is the agency's copy carried by the site, outlet AFP via France 24), or any outlet in a
    credit's words ("contributed to this report", "[With AFP]", "Click for more from", a reporters' byline)."""
    offset = max(0, len(text) - _TAIL_CHARS)
    for match in reversed(list(_SLASH_CREDIT.finditer(text, offset))):
        site, wire = registry.find(match.group(1)), registry.find(match.group(2))
        if site is None and _PHOTOGRAPHER.fullmatch(match.group(1)):
            continue  # "FELIX ORDONEZ/REUTERS": a photographer's credit under a picture, not the story's
        if wire is not None and registry.kind(wire) == WIRE:
            return replace(_dateline(match, 2, wire, offset=0), via=(site,) if site and site != wire else ())
    for match in reversed(list(_CREDIT.finditer(text, offset))):
        group = next(g for g in (1, 2, 3, 4) if match.group(g))
        outlet = registry.find(match.group(group))
        if outlet is not None and (registry.kind(outlet) == WIRE or group == 1):
            return _dateline(match, group, outlet, offset=0)
        if outlet is None and group == 1 and "+" in match.group(1):
            return _joined_credit(match, registry)
    for pattern in (_CONTRIBUTED, _ORIGINALLY, _CLOSING_BRACKET, _HAT_TIP, _BRACKETED_WITH, _FILES_FROM, _MORE_FROM):
        match = pattern.search(text.rstrip(), offset)
        outlet = registry.find(match.group(1)) if match else None
        if match is not None and outlet is not None:
            return _dateline(match, 1, outlet, offset=0)
    match = _REPORT_FOR.search(text, offset)
    if match is not None:
        name = match.group(1)
        outlet = registry.find(name) or (Outlet(outlet_slug(name), name, known=False)
                                         if _TITLE_CASE.fullmatch(name) else None)
        if outlet is not None:
            return _dateline(match, 1, outlet, offset=0)
    match = _REPOSTED.search(text, offset)
    if match is not None:
        name = re.sub(r"[\"«»“”]", "", match.group(1)).strip()
        outlet = registry.find(name) or registry.find(name.rsplit(" ", 1)[0])  # «الرؤية الإماراتية», then «الرؤية»
        if outlet is not None:
            return _dateline(match, 1, outlet, offset=0)
    return None


def _joined_credit(match: re.Match[str], registry: OutletRegistry) -> Attribution | None:
    """"المصدر: الخليج الجديد + أ ف ب": a site's story folding in a wire's copy is the wire's, carried by the site;
    "المصدر: RT + وكالات" names one outlet beside unnamed agencies."""
    named = [outlet for part in match.group(1).split("+") if (outlet := registry.find(part.strip()))]
    wires = [outlet for outlet in named if registry.kind(outlet) == WIRE]
    if not named:
        return None
    outlet = (wires or named)[0]
    return replace(_dateline(match, 1, outlet, offset=0), via=tuple(o for o in named if o != outlet)[:1])


def _dateline(match: re.Match[str], group: int | str, outlet: Outlet, offset: int) -> Attribution:
    return Attribution(kind="according_to", outlet=outlet, cue=match.group(0).strip(), confidence=DATELINE,
                       cue_start=max(0, offset + match.start(group) - 1), cue_end=offset + match.end(),
                       outlet_start=offset + match.start(group), outlet_end=offset + match.end(group),
                       outlet_from="dateline")


def reporting_outlet(link: Link, citing: frozenset[str] = frozenset(),
                     carried: frozenset[tuple[int, int]] = frozenset()) -> bool:
    """Whether the link's outlet is one whose own reporting carries the story: a source spoke to it ("told
    Reuters", "قال مصدر ... لـ«موقع X»", "In an interview with X"), its correspondent reports ("أفاد مراسل X"),
    or it "has learned". An outlet that quotes someone ("نقلت رويترز عن", "Haaretz quoted") only carries them."""
    outlet, speaker, cue = link.outlet, link.speaker, link.cue
    if outlet is None or link.via or link.refers_back or (outlet.start, outlet.end) in carried:
        return False
    if speaker is not None and speaker.start <= outlet.start < speaker.end:
        return any(fold(w) in _CORRESPONDENT for w in re.findall(r"\w+", speaker.text))
    if speaker is None:
        return fold(cue.text).lower() in _LEARNED
    if _carrying(cue.text, citing):
        return False
    return outlet.start > cue.start and (speaker.start < outlet.start or cue.role == "frame")


def story_outlet_id(links: list[Link], citing: frozenset[str] = frozenset()) -> str | None:
    """The outlet whose own reporting the story is, when the story cites no other outlet: sources spoke to it
    and to no one else. A round-up citing several outlets has none (its dateline still counts), and neither has
    a story whose one outlet only carries what someone said (`carried_mentions`)."""
    cited = {link.outlet.outlet.id for link in links if link.outlet is not None}
    if len(cited) != 1:
        return None
    carried = carried_mentions(links, citing)
    reporting = [link for link in links if reporting_outlet(link, citing, carried)]
    return reporting[0].outlet.outlet.id if reporting and reporting[0].outlet else None


def carried_mentions(links: list[Link], citing: frozenset[str] = frozenset()) -> frozenset[tuple[int, int]]:
    """Outlet mentions that a carrying cue of their sentence governs: "قال يلدريم ...، وفقا لما نقلته وكالة
    الأناضول", "أعلن X ...، بحسب ما نقلت وكالة Y", "X said, according to Reuters". The speaker did not speak to
    that outlet, so its mention makes no story outlet, whichever cue of the sentence it is linked to ("وفق ما
    أكده X لمراسل Y" still has X speak to Y)."""
    return frozenset((link.outlet.start, link.outlet.end) for link in links if link.outlet is not None and (
        _carrying(link.cue.text, citing) or link.cue.role == "according_to" and link.outlet.start >= link.cue.end
        and (link.speaker is None or link.outlet.start < link.speaker.start)))


def _carrying(cue: str, citing: frozenset[str]) -> bool:
    return any(word.lstrip("وف").startswith("نقل") for word in fold(cue).split()) or fold(cue).lstrip("وف") in citing


def with_story_outlet(attribution: Attribution, story: Attribution | None, dateline: Attribution | None,
                      publisher: Attribution | None = None) -> Attribution:
    """A source with no outlet of its own takes the story's reporting outlet, else the dateline's, else the
    publishing site's."""
    if attribution.outlet is not None or attribution.kind == "none":
        return attribution
    for earlier, origin in ((story, "story"), (dateline, dateline and dateline.outlet_from or "dateline"),
                            (publisher, "story")):
        if earlier is not None and earlier.outlet is not None:
            return replace(attribution, outlet=earlier.outlet, outlet_start=earlier.outlet_start,
                           outlet_end=earlier.outlet_end, via=earlier.via,
                           outlet_from=origin)  # type: ignore[arg-type]
    return attribution


def lead_sentences(doc: Doc, *, headed: bool = True) -> list[Sentence]:
    """The lead paragraph: the first under the headline, taken to be the text's first line; with no headline (the
    first sentence is a claim: an article body pasted without its title) that first sentence too, not the rest of
    its paragraph (a one-paragraph paste would be all lead)."""
    if not doc.sentences:
        return []
    first = doc.sentences[0].paragraph
    body = [s for s in doc.sentences if s.paragraph > first]
    lead = [s for s in body if s.paragraph == body[0].paragraph]
    return lead if headed else [doc.sentences[0], *lead]


def find_lead_citation(doc: Doc, links: dict[int, list[Link]], lexicon: Lexicon, *,
                       headed: bool = True) -> Attribution | None:
    """A story with no dateline whose lead paragraph retells one outlet's report, the outlet itself speaking or
    cited with "according to": "أفادت وكالة X، الأحد، أن ...", "... حسب ما نقلت رويترز.",
    "إليكم أهمها وفق ما ذكر موقع "X" التقني": the rest of the story is that outlet's reporting, claims
    with no source of their own included. Not an outlet quoting someone ("نقلت وكالة X عن مصدر عسكري": that
    source's words), spoken to ("وصرح لوكالة X", `story_outlet_id`), named only after the lead paragraph, or one of
    several outlets the story cites."""
    cited = {link.outlet.outlet.id for found in links.values() for link in found if link.outlet is not None}
    if len(cited) != 1 or not doc.sentences:
        return None  # a round-up citing several outlets is no one outlet's story
    first = doc.sentences[0]  # the headline, or the lead's first sentence: the carried cue points at its end
    for sentence in lead_sentences(doc, headed=headed):
        for link in links.get(sentence.index, []):
            outlet = link.outlet
            if outlet is None or link.refers_back or link.speaker is not None or link.via or link.cue.role == "frame":
                continue  # a frame ("in an interview on X") is someone speaking to the outlet
            gap = (link.cue.end, outlet.start) if outlet.start >= link.cue.end else (outlet.end, link.cue.start)
            between = re.findall(r"\w+", fold(doc.text[gap[0]:gap[1]]))
            if all(word in lexicon.ar_types or word in lexicon.outlet_generic for word in between):
                return Attribution(kind="according_to", outlet=outlet.outlet, confidence=DATELINE,
                                   cue_start=first.end, cue_end=first.end, outlet_start=outlet.start,
                                   outlet_end=outlet.end, outlet_from="story")
    return None


_URL = re.compile(r"https?://[^\s<>\"]+")
_URL_HEAD_CHARS = 600


def find_publisher(text: str, registry: OutletRegistry, url: str | None = None) -> Attribution | None:
    """The site that published the article, from its address (given, or a URL line heading the text, such as
    "<URL>https://arabic.cnn.com/...</URL>"): a site's own reporting carries its outlet."""
    start = end = None
    if url is None:
        match = _URL.search(text[:_URL_HEAD_CHARS])
        if match is None:
            return None
        url, start, end = match.group(), match.start(), match.end()
    outlet = registry.by_domain(url)
    if outlet is None:
        return None
    return Attribution(kind="according_to", outlet=outlet, cue=None, confidence=DATELINE, outlet_start=start,
                       outlet_end=end, outlet_from="story")


@cache
def _thread_words() -> dict[str, Any]:
    """checker/data/outlet_thread.toml, folded."""
    with open(DATA_DIR / "outlet_thread.toml", "rb") as handle:
        data = tomllib.load(handle)
    thread, interview = data["thread"], data["interview"]
    words = "|".join(re.escape(fold(w)) for w in sorted(interview["words"], key=len, reverse=True))
    shifts = "|".join(re.escape(fold(w)) for w in sorted(thread["topic_shifts"], key=len, reverse=True))
    return {"same": frozenset(fold(w) for w in thread["same_source_words"]),
            "shift": re.compile(rf"^\W*(?:[وف]\s*)?(?:{shifts})(?!\w)"),
            "interview": re.compile(rf"(?<!\w)(?:[وفل]|ال)?(?:{words})(?!\w)"),
            "lead": interview["lead_chars"], "questions": interview["min_questions"]}


def shifts_topic(sentence: str) -> bool:
    """The sentence turns to other news ("In separate news, ...", «وفي شأن آخر، ...»; outlet_thread.toml)."""
    return _thread_words()["shift"].match(fold(sentence)) is not None


class Thread:
    """The last source that cited an outlet, and whether a later claim goes on with it (guideline: "story": an
    outlet cited earlier for the same source/thread is carried on). "وأضاف المصدر", "ذات المصدر", "he added", the
    same name again, or a cue whose speaker was not read carry it; a new named source ends it, and so does a
    new outlet (which starts its own thread)."""

    def __init__(self, strict: bool = False) -> None:
        """`strict` (a story under a dateline): a description ("the ministry") is not taken for the thread's source,
        since wire copy's other sources carry the dateline's agency; only the same words again are."""
        self.source: Attribution | None = None
        self.strict = strict

    def carry(self, attribution: Attribution) -> Attribution | None:
        """A claim with a cue and no outlet of its own, on the thread: the thread's outlet ("story")."""
        source = self.source
        if source is None or attribution.outlet is not None or attribution.kind == "none":
            return None
        if attribution.carried_from is None and not same_source(attribution.speaker, source.speaker, self.strict):
            return None  # a speaker carried from before ("وكشف", "he added") is still on the thread
        return _with_outlet_of(attribution, source)

    def note(self, attribution: Attribution) -> None:
        """Follow the thread after a claim is decided."""
        if attribution.kind == "none":
            return
        if attribution.outlet is not None and attribution.outlet_from in ("sentence", "carried", "story"):
            if attribution.outlet_from == "sentence" or self.source is None:
                self.source = attribution
        elif self.source is not None and attribution.carried_from is None and not same_source(
                attribution.speaker, self.source.speaker, self.strict):
            self.source = None


def same_source(speaker: str | None, earlier: str | None, strict: bool = False) -> bool:
    """A speaker that goes on with an earlier one: none read, a description or pronoun ("المصدر", "ذات المصدر",
    "الخبير الاقتصادي", "the official", "he"; not when `strict`), or words of the earlier one ("جلول", "Smith",
    "المصدر ذاته" after "مصدر أمني")."""
    if speaker is None:
        return True
    same = _thread_words()["same"]
    words = re.findall(r"\w+", speaker)  # not folded: fold lowercases, and a capital marks a name
    if not strict and words and all(fold(w) in same or fold(w).startswith("ال") or (w.isascii() and w.islower())
                     for w in words):
        return True
    if earlier is not None and named_by_surname(speaker, earlier):
        return True  # "Paul" goes on with Rand Paul's thread
    mine = speaker_tokens(speaker) - same
    theirs = speaker_tokens(earlier) if earlier else frozenset()
    return bool(mine) and all(any(_same_word(word, other) for other in theirs) for word in mine)


def _same_word(word: str, other: str) -> bool:
    """"اقتصادي" and "اقتصاد", "official" and "officials": one word, give or take an ending. Not a name that only
    looks like a plural: "Hamas" is not "Hama" (a city) with an "s", nor "Carlos" "Carlo"."""
    if word == other:
        return True
    shorter, longer = sorted((word, other), key=len)
    if len(shorter) < 4 or not longer.startswith(shorter):
        return False
    return not (longer.isascii() and (longer.endswith(NOT_PLURAL_ENDINGS) or longer in _listed_names()))


def _listed_names() -> frozenset[str]:
    """The English words of the gazetteer's places and actors (checker/data/gazetteer.toml; not its counted
    things, which are plural nouns), folded: a listed name ("Emirates", "Philippines") is kept whole, never read as
    a plural of a shorter word."""
    return _gazetteer_words(("place", "actor"))


def place_words() -> frozenset[str]:
    """The folded English words of the gazetteer's places ("north", "korea", "texas"): no person's name."""
    return _gazetteer_words(("place",))


@cache
def _gazetteer_words(tables: tuple[str, ...]) -> frozenset[str]:
    with open(DATA_DIR / "gazetteer.toml", "rb") as handle:
        data = tomllib.load(handle)
    return frozenset(word for table in tables for entry in data.get(table, ())
                     for name in entry.get("en", ()) for word in re.findall(r"\w+", fold(name)) if len(word) > 3)


def _with_outlet_of(attribution: Attribution, source: Attribution) -> Attribution:
    return replace(attribution, outlet=source.outlet, outlet_start=source.outlet_start, outlet_end=source.outlet_end,
                   via=source.via, outlet_from="story")


_QUESTION_LINE = re.compile(r"^[^\n]{3,400}[?؟][\s\"”»']*$", re.MULTILINE)
_INTERVIEW_WINDOW = 80  # characters between the outlet and the interview word


def find_interview(text: str, registry: OutletRegistry) -> tuple[int, Attribution] | None:
    """An interview: an outlet named beside "interviewed" / "حوار" in the opening, then question paragraphs. The
    offset of the first question and the outlet every answer after it carries."""
    words = _thread_words()
    lead = text[:words["lead"]]
    folded = fold(lead)
    for outlet, start, end in registry.find_in(lead):
        window = folded[max(0, start - _INTERVIEW_WINDOW):end + _INTERVIEW_WINDOW]
        if not words["interview"].search(window) or lead[:start].rstrip(" \t").endswith("/"):
            continue  # "FELIX ORDONEZ/REUTERS" over "Parliamentary Reporter": a photo's credit, no interviewer
        questions = [m for m in _QUESTION_LINE.finditer(text, end)]
        if len(questions) < words["questions"]:
            return None
        return questions[0].start(), Attribution(kind="according_to", outlet=outlet, confidence=DATELINE,
                                                 outlet_start=start, outlet_end=end, outlet_from="story")
    return None

"""What kind of line a paragraph line is: headline, byline, caption, boilerplate, heading, link, or a body line.

The line-level half of `checker.claims` (the sentence-level half, `checker.sentence_kinds`, reads a sentence's
words: opinion, speculation, questions). A pasted article carries its headline, byline, section headings, image
captions and the site's "read more" lines; these rules read line shape, position and repetition, and the lists in
checker/data/boilerplate.toml, not one site's layout.
"""
from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from typing import Any

from checker.checkworthiness import count_terms
from checker.config import DATA_DIR
from checker.doc import Doc
from checker.models import Sentence
from checker.normalize import fold, search_form
from checker.numbers import dates_only, find_numbers
from checker.outlets import load_registry
from checker.segment import lexicon, words
from checker.sentence_kinds import INITIALS, QUESTION_END, has_verb, is_question

_END_PUNCT = re.compile(r"[.!?؟…:;؛,،]$")
_TRAILING = re.compile(r"[\s.:;,،؛\-–—|>»«\"”“'’)(]+$")
_LEADING = re.compile(r"^[\s\-–—|<»«\"”“'’)(•*]+")
_BYLINE = re.compile(r"^(?:by|written by|بقلم|كتب|كتبت|إعداد|اعداد)\s*[:\-]?\s+\S", re.IGNORECASE)
_STATEMENT_END = re.compile(r"[.!…]$")
_LINK_WORDS = 20
_LINK_HEADER_WORDS = 5  # "ربما يعجبك أيضا", "Related stories": a header over links is this short
_HEADLINE_WORDS = 20
_BODY_WORDS = 12  # a line this long ending like a statement is the body, not a title
_LABEL_HEADING_WORDS = 6
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_ZONE = re.compile(r"\(\s*(?:GMT|UTC)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?\s*\)"
                   r"|\b(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?\b")
_STAMPS = re.compile(r"\b(?:Published|Updated|Posted|Last modified)\b")
_TITLE_HEADING_WORDS = 5
_MENU_LINES = 5  # a run of this many short Title Case lines is a site's menu (`_menu_block`)
_MENU_WORDS = 8
_SUBHEADLINE_WORDS = 30
_AUTHOR_BOX_WORDS = 15
_CAPTION_WORDS = 15  # an English one-sentence paragraph this short with no verb is a photo caption
_PULL_QUOTE_WORDS = 6
# Someone's words in a line: a teaser is a lead of another story, not a quotation from this one.
_SAYS = re.compile(r"\b(?:said|says|told)\b|(?:^|\s)(?:قال|قالت|قالوا|يقول|تقول|اضاف|اضافت)\s|[\"“”«»]")
_TEASER_LINES = 2  # unclosed lines closing a punctuated article: links to other stories (`_teaser_tail`)
_SUBHEADING_WORDS = (4, 15)  # an unclosed line this long between closed paragraphs is a heading
_PUNCTUATED_LINES = 3
_DATELINE_REACH = 3  # the place line opening the body comes within the first lines
_PUNCTUATED_SHARE = 0.9
_LIST_ITEM = re.compile(r"^[-–—•*·▪●◦\d]")
_TITLE_REASONS = ("headline", "headline question", "subheadline")
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")
# Quoted words that make an unclosed line someone's speech ('Alvarez told reporters: "We will rebuild the bridge"'):
# four words or more, or after a colon; a headline quotes a shorter label («بتهمة "إهانة علم مصر"»).
_QUOTED = re.compile(r"[\"“«„]([^\"“”«»„]{6,})[\"”»]")
_QUOTED_WORDS = 4
# A sentence's finite verb, which headlines leave out: an auxiliary or a past tense.
_FINITE_EN = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|been)\b|\b[a-z]{3,}ed\b")


@dataclass(frozen=True)
class Line:
    """A paragraph line, the sentences in it, and what every line rule reads, taken from the `Doc` once."""

    number: int
    text: str
    sentences: tuple[Sentence, ...]
    key: str  # `line_key`: compared with boilerplate and with the other lines
    form: str  # its search form, for pull quotes
    head: str  # the search form of its first 200 characters, for prefix lists
    words: int



def lines_of(doc: Doc) -> list[Line]:
    lines = []
    for number, (_, group) in enumerate(groupby(doc.sentences, key=lambda s: s.paragraph)):
        members = tuple(group)
        start, end = members[0].start, members[-1].end
        text = doc.text[start:end]
        lines.append(Line(number, text, members, line_key(text), doc.search_form(start, end),
                           doc.search_form(start, min(end, start + 200)), doc.word_count(start, end)))
    return lines



@lru_cache(maxsize=1)
def _boilerplate() -> dict[str, Any]:
    with open(DATA_DIR / "boilerplate.toml", "rb") as handle:
        data = tomllib.load(handle)
    return {
        "lines": frozenset(line_key(line) for line in data["boilerplate"]["lines"]),
        "prefixes": tuple(search_form(p) for p in data["boilerplate"]["prefixes"]),
        "patterns": _any_of(data["boilerplate"]["patterns"], re.IGNORECASE),
        "credit_lines": frozenset(line_key(line) for line in data["credit"]["lines"]),
        "credit_patterns": _any_of(data["credit"]["patterns"], re.IGNORECASE),
        "caption_prefixes": tuple(line_key(p) + end for p in data["caption"]["prefixes"] for end in (" ", ":")),
        "caption_patterns": _any_of(data["caption"]["patterns"]),
        "long_caption_patterns": _any_of(data["caption"]["any_length"]),
        "dateline_prefixes": tuple(search_form(p) for p in data["dateline"]["prefixes"]),
        "dateline_max_words": data["dateline"]["max_words_with_date"],
        "sections": frozenset(line_key(line) for line in data["sections"]["lines"]),
        "roundup": tuple(search_form(p) for p in data["roundup"]["prefixes"]),
        "author_note": _any_of(data["author_note"]["patterns"]),
        "paper_notes": tuple(re.compile(pattern) for pattern in data["author_note"]["paper_notes"]),
        "body_openers": _any_of(data["dateline"]["body_openers"]),
    }


def _any_of(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
    """One regex matching where any of `patterns` does (each checked on its own first): one scan per line
    instead of one per pattern."""
    for pattern in patterns:
        re.compile(pattern, flags)  # a broken pattern is named by its own error
        if _BACKREFERENCE.search(pattern):
            raise ValueError(f"boilerplate.toml: no backreferences (their numbers change once joined): {pattern}")
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), flags)


def line_key(line: str) -> str:
    """A line as compared with boilerplate and repeated lines: folded, outer punctuation dropped."""
    return search_form(_LEADING.sub("", _TRAILING.sub("", line)))


def line_reasons(text: str, lines: list[Line], language: str) -> dict[int, str]:
    repeated = Counter(line.key for line in lines)
    # A first line closed by "!" is a headline, not the body ("مواطن يرفع قضية بكلب في جبل جلود !").
    body_start = next((line.number for line in lines if _is_body(line) and not (
        line.number == 0 and (line.text.rstrip(" \"”»'’)").endswith("!") or _title_line(line)))), None)
    dated = place_line(lines)
    if dated is not None and (body_start is None or body_start < dated):
        body_start = dated  # "DAYTON - Four days after ...": the body starts at its place line
    punctuated = _punctuated(lines)
    teasers = _teaser_tail(lines, body_start)
    menu = _menu_block(lines)
    reasons: dict[int, str] = {}
    seen: set[str] = set()
    earlier = _Earlier()  # the folded text of the lines read so far
    leading = 0  # how many lines from the top are menu words or labels (the next line may still be the title)
    roundup = False  # under "أبرز عناوين الأخبار ...": the rest is a list of headlines
    for line in lines:
        key = line.key
        if roundup:
            reasons[line.number] = "headline"
            continue
        if line.number > 0 and line.head.startswith(_boilerplate()["roundup"]):
            reasons[line.number] = "site boilerplate"
            if body_start is None or line.number <= body_start:  # under the story, «أهم العناوين» is the page's foot
                roundup = True
                reasons.setdefault(0, "headline")  # "أبرز أحداث الثلاثاء 21 فيفري 2017" above it
            continue
        if line.number in menu:
            reasons[line.number] = "site menu"
            continue
        if _in_link_list(text, lines, line, reasons):
            reasons[line.number] = "related link"
            continue
        if (repeated[key] > 1 and key in seen and _is_statement(line.text, language)) or _pulled_quote(key, earlier):
            reasons[line.number] = "repeated line"  # a pull quote: the first copy stays a claim
            continue
        seen.add(key)
        earlier.add(line.form)
        # Menu words and section labels above the headline leave it the first line of its own.
        while leading < line.number and reasons.get(leading) not in (None, *_TITLE_REASONS):
            leading += 1  # each line's reason is final once read: a pointer, not a scan from the top per line
        title = leading == line.number
        reason = _line_reason(line, language, repeated[key] > 1 and not _is_statement(line.text, language),
                              body_start, title) or _under_title(text, line, lines, reasons, body_start, language)
        if reason is None and line.number in teasers:
            reason = "related link"
        if reason is None and body_start is not None and line.number > body_start:
            reason = _inside_body(line, lines, punctuated, language)
        if reason is None and language == "en" and paper_note(text, line.text) is not None:
            reason = "author box"
        if reason:
            reasons[line.number] = reason
    return reasons


def _inside_body(line: Line, lines: list[Line], punctuated: bool, language: str) -> str | None:
    """Lines between the body's paragraphs that are not the story: an author's note closing it ("Dana Reyes is
    a professor of law at a state university.", about someone the story never named), and, in an article whose
    paragraphs end with a full stop, a short line with none: a subheading or another story's headline ("البرازيل
    تقلب تأخرها وتفوز على المكسيك 3-2"). A list item ("- تولى المنصب عام 2019") and a report that lost its full
    stop ("The mayor resigned on Friday, police said") are the story's own."""
    stripped = line.text.strip()
    if len(line.sentences) != 1:
        return None
    if line.number == len(lines) - 1 and line.words <= _AUTHOR_BOX_WORDS + 5 and _boilerplate()["author_note"].match(
            stripped) and not _named_earlier(stripped.split(" is ", 1)[0], lines[:line.number]):
        return "author box"
    unclosed = not _END_PUNCT.search(stripped.rstrip(" \"”»'’)")) and not _LIST_ITEM.match(stripped)
    if punctuated and unclosed and _SUBHEADING_WORDS[0] <= line.words <= _SUBHEADING_WORDS[1] and not (
            _sentence_shaped(stripped, language)):
        return "section heading"
    return None


def _menu_block(lines: list[Line]) -> frozenset[int]:
    """A web page's menu as a crawler copied it ("NRA Political Victory Fund", "Register To Vote", "Candidate
    Ratings" ...): a run of _MENU_LINES or more menu-shaped lines in a row."""
    found: set[int] = set()
    run: list[int] = []
    for line in lines:
        item = _menu_item(line)
        if item and run and line.number == run[-1] + 1:
            run.append(line.number)
            continue
        if len(run) >= _MENU_LINES:
            found.update(run)
        run = [line.number] if item else []
    if len(run) >= _MENU_LINES:
        found.update(run)
    return frozenset(found)


def _menu_item(line: Line) -> bool:
    """At most _MENU_WORDS words in Title Case, no digits, colon or closing punctuation (an infobox line, "Died:
    1974, Reno, Nevada", stays)."""
    stripped = line.text.strip()
    return (line.words <= _MENU_WORDS and _title_case(stripped) and not re.search(r"[\d:]", stripped)
            and not _END_PUNCT.search(stripped.rstrip(" \"”»'’)")))


def _teaser_tail(lines: list[Line], body_start: int | None) -> frozenset[int]:
    """Two or more one-sentence lines as long as a body line closing an article whose paragraphs above them end with
    a full stop (not a colon that opens a list), none of them closed, quoting someone's words, or opening with «و»/«ف»
    or "And"/"But" (which would go on with the story): leads of other stories the site links below it («نشر تنظيم
    القاعدة تسجيلا مصورا ...» under a CNN story about Iran)."""
    if body_start is None:
        return frozenset()
    tail: list[int] = []
    for line in reversed(lines):
        if line.number <= body_start or not _teaser_shaped(line):
            break
        tail.append(line.number)
    above = [line for line in lines if body_start <= line.number < tail[-1]] if tail else []
    if len(tail) < _TEASER_LINES or not _punctuated(above) or above[-1].text.rstrip().endswith((":", "：")):
        return frozenset()
    return frozenset(tail)


def _teaser_shaped(line: Line) -> bool:
    """One sentence as long as a body line, unclosed, neither a list item, nor someone's words ("..., said resident
    Maria Lopez", «قال رئيس البلدية إن»), nor going on with the story."""
    stripped = line.text.strip()
    first = stripped.split()[0] if stripped else ""
    closed = bool(_END_PUNCT.search(stripped.rstrip(" \"”»'’)")))
    goes_on = first[:1] in ("و", "ف") or first.lower() in ("and", "but")
    return (len(line.sentences) == 1 and line.words >= _BODY_WORDS and not closed and not _LIST_ITEM.match(stripped)
            and not goes_on and not _SAYS.search(fold(stripped)))


def paper_note(text: str, line: str) -> re.Match[str] | None:
    """The writer's note naming their paper on a line of the page (boilerplate.toml [author_note] `paper_notes`:
    "Joshua Kosman is The San Francisco Chronicle's music critic."), about someone no other line of the page that
    reads as a sentence names ("Evan Gershkovich is a Wall Street Journal reporter." in a story about him is news),
    and whose paper the outlet registry knows."""
    stripped = line.strip()
    match = next((m for pattern in _boilerplate()["paper_notes"] if (m := pattern.fullmatch(stripped))), None)
    if match is None or load_registry().find(match.group("paper")) is None:
        return None  # "Alexei Navalny is the Kremlin's fiercest critic": the Kremlin is no paper
    others = " ".join(other for other in text.split("\n")
                      if len(other.split()) >= _NAMING_LINE_WORDS and other.strip() != stripped)
    return None if _names(others, match.group("name")) else match


_NAMING_LINE_WORDS = 8  # a byline ("By Joshua Kosman") or a caption's name is no mention of the story's subject


def _named_earlier(name: str, before: list[Line]) -> bool:
    """Any word of the name (its surname, say) in the lines above: the story's own subject, not its writer."""
    return _names(" ".join(line.text for line in before), name)


def _names(text: str, name: str) -> bool:
    """`text` holds a word of the name (of three letters or more) as a whole word."""
    return any(re.search(rf"\b{re.escape(word)}\b", text) for word in name.split() if len(word) > 2)


def _sentence_shaped(text: str, language: str) -> bool:
    """A report that lost its full stop, not a heading: it names a source ("..., police said"), quotes someone
    ('Alvarez told reporters: "..."'), or joins a figure or a short quoted label to a finite verb of a sentence
    ("Construction is expected to begin in March 2027", 'Rescuers searched the "red zone"'; in Arabic a line opening
    with و/ف and a verb, "وتبدأ الأعمال في مارس 2027", «وأحالت النيابة المتهم ... بتهمة "الاتجار بالبشر"», continues
    the paragraphs above). Headlines drop the auxiliaries and use the present
    ("البرازيل تقلب تأخرها وتفوز على المكسيك 3-2", "Germany score late to beat Sweden")."""
    folded = fold(text)
    langs = ["ar", "en"] if language not in {"ar", "en"} else [language]
    quotes = [(m.start(), m.group(1)) for m in _QUOTED.finditer(text)]
    if count_terms(folded, "cues", langs) or any(
            len(quoted.split()) >= _QUOTED_WORDS or text[:start].rstrip().endswith(":") for start, quoted in quotes):
        return True
    if not quotes and not re.search(r"\d", text) and not any(m.kind != "ordinal" for m in find_numbers(text)):
        return False  # a short quoted label, like a figure, needs a sentence's verb to be a report
    english = "en" in langs and bool(_FINITE_EN.search(folded))
    first = folded.split()[0] if folded.split() else ""
    return english or ("ar" in langs and first[:1] in ("و", "ف") and has_verb(first, "ar"))  # "وتبدأ", "وسجل"


def place_words_end(text: str) -> int:
    """Where the place words opening `text` end ("WASHINGTON (Reuters) - ", "دبي، الإمارات العربية المتحدة (CNN)--
    "), 0 when there are none or nothing follows them: they say where and from whom, not what happened."""
    match = _boilerplate()["body_openers"].match(text)
    if match is None:
        return 0
    end = match.end()
    while end < len(text) and text[end] in " \t-–—:":
        end += 1
    return end if end < len(text) else 0


def place_line(lines: list[Line]) -> int | None:
    """The line among the first few that opens with the story's place line ("CHARLOTTE - ", "دبي، الإمارات العربية
    المتحدة (CNN) --"), if any."""
    openers = _boilerplate()["body_openers"]
    return next((line.number for line in lines[1:_DATELINE_REACH + 1] if openers.match(line.text.strip())), None)


def _punctuated(lines: list[Line]) -> bool:
    """Most of the article's long lines end with a full stop (or "!", "?", ":"): an unclosed short line is then a
    heading, not a sentence whose site drops full stops."""
    long_lines = [line for line in lines if line.words >= _BODY_WORDS]
    closed = sum(bool(re.search(r"[.!?؟…:]$", line.text.rstrip(" \"”»'’)"))) for line in long_lines)
    return len(long_lines) >= _PUNCTUATED_LINES and closed >= _PUNCTUATED_SHARE * len(long_lines)


def _pulled_quote(key: str, earlier: _Earlier) -> bool:
    """A line repeating words already quoted in the article ('"Every day counts," the forum said.' ... then
    'Every day counts' on its own): a pull quote, even without its quotation marks."""
    return len(key.split()) >= _PULL_QUOTE_WORDS and key in earlier


class _Earlier:
    """The folded lines read so far, each single-spaced, and which lines hold each word.

    `key in earlier` was a search of all the text before each line (quadratic: 5 s of a 2 MB article). A key
    of three or more words found in a line has its inner words as whole words of that line, so only the lines
    holding its rarest inner word are searched.
    """

    def __init__(self) -> None:
        self._lines: list[str] = []
        self._holding: dict[str, list[int]] = {}

    def add(self, line: str) -> None:
        for word in set(line.split(" ")):
            self._holding.setdefault(word, []).append(len(self._lines))
        self._lines.append(line)

    def __contains__(self, key: str) -> bool:
        inner = key.split(" ")[1:-1]
        if not inner:
            return any(key in line for line in self._lines)
        rarest = min((self._holding.get(word, ()) for word in inner), key=len)
        return any(key in self._lines[number] for number in rarest)


def _under_title(text: str, line: Line, lines: list[Line], reasons: dict[int, str], body_start: int | None,
                 language: str) -> str | None:
    """A short unpunctuated line right under the headline, before the body, is its subheadline ("standfirst",
    Anadolu's summary bullets); a short line under a byline or under an author's name after the body describes
    the author."""
    if body_start is None or line.number == 0:
        return None
    above = reasons.get(line.number - 1)
    if _STATEMENT_END.search(line.text.rstrip(" \"”»'’)")):
        # "Super PAC haul surges past $1B;" / "Small group of rich donors pushes tally beyond total for 2012.": an
        # English standfirst may close with a full stop too, when it is shorter than a body line.
        between = text[lines[0].sentences[-1].end:line.sentences[0].start]
        standfirst = language == "en" and line.number == 1 and above == "headline" and line.words < _BODY_WORDS and (
            between.count("\n") == 1) and not _reports(line.text)  # right under it, no blank line between
        dated = line.number + 1 == body_start and _boilerplate()["body_openers"].match(lines[body_start].text.strip())
        if dated and above in _TITLE_REASONS and line.words <= _SUBHEADLINE_WORDS and len(line.sentences) == 1:
            return "subheadline"  # "Schools reopen, but families still wary ...", then "DAYTON - ..."
        return "subheadline" if standfirst and line.number < body_start else None
    count = line.words
    if line.number < body_start and above in ("headline", "headline question", "subheadline") and (
            count <= _SUBHEADLINE_WORDS) and len(line.sentences) == 1:
        return "subheadline"
    after_name = above in ("byline", "section heading") and _looks_like_name(lines[line.number - 1].text, language)
    if count <= _AUTHOR_BOX_WORDS and (above == "byline" or (line.number > body_start and after_name)):
        return "author box"
    return None


def _in_link_list(text: str, lines: list[Line], line: Line, reasons: dict[int, str]) -> bool:
    """Unpunctuated lines right under "ربما يعجبك أيضا" / "Related" (no blank line between) are links to other
    articles, not the article's own claims."""
    if line.number == 0 or reasons.get(line.number - 1) not in ("site boilerplate", "related link"):
        return False
    previous = lines[line.number - 1]
    if reasons[line.number - 1] == "site boilerplate" and previous.words > _LINK_HEADER_WORDS:
        return False  # "قد يهمك/ الوزير المقال يرد: ..." is the link itself, not a header over a list
    between = text[previous.sentences[-1].end:line.sentences[0].start]
    return between.count("\n") == 1 and not _STATEMENT_END.search(line.text.rstrip(" \"”»'’)")) and (
        line.words <= _LINK_WORDS)


def _is_statement(line: str, language: str) -> bool:
    """Ends like a sentence and has a verb: repeated, it is a pull quote rather than a caption."""
    return bool(re.search(r"[.!…]$", line.rstrip(" \"”»'’)"))) and has_verb(line, language)


def is_credit_line(text: str, key: str | None = None) -> bool:
    """Who wrote, edited or supplied the item ("Additional reporting by X in Damascus; Editing by Y"): no claim,
    and no evidence either (a stored passage leaves it out). `key`: the line's `line_key`, when already folded."""
    data = _boilerplate()
    stripped = text.strip()
    return (line_key(stripped) if key is None else key) in data["credit_lines"] or bool(
        data["credit_patterns"].match(stripped))


def _is_body(line: Line) -> bool:
    """The first real paragraph: a long line ending like a statement (not a question)."""
    return line.words >= _BODY_WORDS and bool(re.search(r"[.!:…]$", line.text.rstrip(" \"”»'’)")))


def _line_reason(line: Line, language: str, repeated: bool, body_start: int | None, title: bool) -> str | None:
    """Line shapes that are never claims. Heading and byline shapes only count in an article with a
    body: one pasted line such as a headline to check is a claim."""
    key, head, count = line.key, line.head, line.words
    data = _boilerplate()
    stripped = line.text.strip()
    if key in data["lines"] or head.startswith(data["prefixes"]) or data["patterns"].search(stripped):
        return "site boilerplate"
    if is_credit_line(stripped, key):
        return "credit line"
    if count <= 25 and key.startswith(data["caption_prefixes"]):
        return "image caption"
    if (count <= 40 and data["caption_patterns"].search(stripped)) or data["long_caption_patterns"].search(stripped):
        return "image caption"
    if count <= 12 and (head.startswith(data["dateline_prefixes"]) or _only_dates(line.text)):
        return "date line"
    if count <= data["dateline_max_words"] and head.startswith(data["dateline_prefixes"]) and _has_date(line.text):
        return "date line"
    if count <= data["dateline_max_words"] and len(_STAMPS.findall(line.text)) >= 2 and _has_date(line.text):
        return "date line"  # "By Jane Doe · Published: February 11 Updated: February 12, 2019"
    if repeated and count <= 20:
        return "repeated caption"
    if key in data["sections"]:
        return "section heading"
    if (_BYLINE.match(line.text.strip()) and count <= 7) or INITIALS.match(line.text):
        return "byline"
    if title and not _is_body(line) and any(is_question(s.text, language) for s in line.sentences):
        return "headline question"
    if title and body_start and line.number < body_start and _is_headline(line):
        return "headline"
    if body_start is not None and len(line.sentences) == 1 and _is_heading(line, language):
        before_body = line.number < body_start
        return "byline" if before_body and _looks_like_name(line.text, language) else "section heading"
    if language == "en" and body_start is not None and line.number > body_start and len(line.sentences) == 1 and (
            3 <= count <= _CAPTION_WORDS and not has_verb(line.text, language)
            and not QUESTION_END.search(line.text) and not line.text.rstrip(" \"”’)").endswith("!")):
        return "image caption"  # "Hill at the Lesser-known candidates forum in 2011.": a photo's caption
    return None


def _is_headline(line: Line) -> bool:
    """The first line above the article's body, short and without a closing full stop: its title (an
    exclamation mark closes many a headline: "الصين تمنع أسماء «محمد» و«جهاد»!"). Some sites close it with a full
    stop: then the first line counts when it is in Title Case ("Black Lawmakers Rip Donald Trump As A ‘Disgusting
    Fraud.’") or shorter than a body line ("Poll: Clinton and Trump in dead heat heading into first debate.")."""
    if line.words > _HEADLINE_WORDS:
        return False
    if not re.search(r"[.…]$", line.text.rstrip(" \"”»'’)")):
        return True
    return line.number == 0 and (_title_line(line) or (line.words < _BODY_WORDS and not _reports(line.text)))


def _reports(text: str) -> bool:
    """A figure or a speech verb: "Police said 12 people were killed in Kabul." opens a report, not a headline."""
    speech = _speech_verbs()
    return bool(re.search(r"\d", text)) or any(w in speech for w in re.findall(r"[^\W_]+", fold(text)))


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    """The segmenter's speech verbs (claims.toml [segment]), folded once."""
    return frozenset(fold(v) for v in lexicon()["segment"]["speech_verbs"])


def _title_line(line: Line) -> bool:
    """"Trump ‘The Dealmaker’ Could Address Clean Energy, Lindsey Graham Says.": a headline-long line, at least four
    fifths of its Latin words of four letters or more capitalised (a "this" or "from" may stay lower case)."""
    latin = re.findall(r"[A-Za-z][\w'’-]*", line.text)
    long_words = [w for w in latin if len(w) > 3]
    return line.words <= _HEADLINE_WORDS and len(long_words) >= 3 and (
        sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words))


def _only_dates(line: str) -> bool:
    """'Friday 8 December 2023 10:45', '08/12/2023', «السبت, 26 اغسطس / آب 2017; 02:04 (GMT + 0400)»: a date or time
    (and its time zone) and nothing to check."""
    line = _ZONE.sub(" ", line)
    mentions = dates_only(line)
    if not mentions or has_verb(line, "ar"):
        return False
    rest = line
    for mention in reversed(mentions):
        rest = rest[:mention.start] + rest[mention.end:]
    return len(words(re.sub(r"\d{1,2}:\d{2}", " ", rest))) <= 3


def _has_date(line: str) -> bool:
    return bool(_CLOCK.search(line)) or any(m.kind in {"date", "year"} for m in find_numbers(line))


def _is_heading(line: Line, language: str) -> bool:
    """Short, unpunctuated, and no verb: a heading, not a sentence that lost its full stop."""
    stripped = line.text.strip()
    if _END_PUNCT.search(stripped.rstrip(" \"”»'’)")):
        return False
    count = line.words
    if count <= 3:
        return True
    if count <= _LABEL_HEADING_WORDS and re.search(r"\S\s*:\s*\S", stripped):
        return True  # "هآرتس: المفاوضات في طريق مسدود", "Analysis: what next"
    if count <= 8 and not re.search(r"\d", stripped) and not has_verb(stripped, language):
        return True
    if _title_case(stripped) and count <= _TITLE_HEADING_WORDS and not re.search(r"\d", stripped):
        return True  # "What People Are Saying", "Why It Matters": a subheading between paragraphs
    return _title_case(stripped) and count <= 12 and not has_verb(stripped, language)


def _title_case(line: str) -> bool:
    latin = re.findall(r"[A-Za-z][\w'’-]*", line)
    long_words = [w for w in latin if len(w) > 3]
    return len(latin) >= 2 and bool(long_words) and all(w[0].isupper() for w in long_words)


def _looks_like_name(line: str, language: str) -> bool:
    """'Shorouq Sabry', 'شروق صبري', 'سارة الخطيب': two or three words, not opening with an article,
    no digits, no title or verb."""
    tokens = line.split()
    if not 2 <= len(tokens) <= 3 or re.search(r"\d", line):
        return False
    if all(re.fullmatch(r"[A-Z][a-z'’.-]+", token) for token in tokens):
        return True
    folded = fold(line)
    arabic = all(re.fullmatch(r"[\u0621-\u064A]+", token) for token in folded.split())
    return arabic and not folded.startswith("ال") and not (
        count_terms(folded, "actors", ["ar"]) or has_verb(line, "ar"))

"""English speakers: the subject before a reporting verb ("the official said"), the phrase after an inverted one
('"...," said X'), asides and appositives around them.

Split from `sources` (which decides links and outlets); every function reads the article's own text and returns
spans into it.
"""
from __future__ import annotations

import re

from checker.attribution.cues import stripped_end
from checker.attribution.lexicon import Cue, Lexicon
from checker.attribution.spans import Span
from checker.normalize import fold
from checker.outlet_heads import ARTICLE_NAME

_MAX_SPEAKER_WORDS = 16
# A single quotation mark after the quotation's own comma or stop closes it, as British copy writes ("'... the city,'
# said Michael Madden"); not the apostrophe of a plural abbreviation ("The U.S.' allies said").
_SINGLE_CLOSE = r"(?<=[,.!?])(?<![A-Z]\.)[’']"
_EN_BOUNDARY = re.compile(rf"[,;:\"“”«»()—–]|''|{_SINGLE_CLOSE}|\s-\s|\s--\s|\bthat\b|\band\b(?= (?:he|she|they)\b)")
_DASHES = ("--", "—", "–")
_LONGEST_BOUNDARY = 8  # characters: " -- " and "that" are the longest of _EN_BOUNDARY's matches
_TITLED_NAME_WORDS = 8
_MAX_INVERTED_WORDS = 10
_APPOSITIVE_NAME_WORDS = 5
_PARENTHETICAL_WORDS = 4
_CLAUSE_WORDS = 3
_TITLE_WORDS = 6
_MAX_ROLE_WORDS = 14
_ROLE_REACH = 3
_FINITE = frozenset("is are was were has have had will would can could may might must should did does do".split())
_NAME_JOINS = frozenset({"of", "for", "to", "and", "the", "de", "'s", "’s", "on", "in"})
_RELATIVE = re.compile(r",\s+(?:who|which)\s")
# Compiled once (through `re.search(str, ...)` each call looked its pattern up in re's cache, per cue).
_IT_BEFORE = re.compile(r"(?<![\w'’])it\s+$", re.IGNORECASE)
_BE_BEFORE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:(?:\w+ly|twice|also|not|never|later|since|"
                        r"already|once|again|first)\s+)?$", re.IGNORECASE)
_NON_SPACE = re.compile(r"\S+")
_AGE = re.compile(r"\d{1,3}")
_PARTY_STATE = re.compile(r"[rdi]-[a-z][a-z.]{1,12}(?: [a-z][a-z.]{1,12})?")  # "r-fla.", "d-n.y.", "r-south carolina"
# A closing quotation mark (double or single) or a comma before an inverted verb.
_QUOTE_OR_COMMA_BEFORE = re.compile(rf"(?:[\"”“,]|''|{_SINGLE_CLOSE})\s*$")
_ROLE_CLOSE = re.compile(r"[,;:.!?\"”]|$")
_ADVERB = re.compile(r"[a-z]{3,}ly")
_CLITIC_END = re.compile(r"(?<=\w)['’](?:s|d|ve|ll|re)$")
_LOWER_WORD = re.compile(r"[a-z-]+")
_CLAUSE_OPENERS = frozenset({"what", "that", "whether", "how", "why", "when", "where", "because", "if"})
_OBJECT_OPENERS = frozenset({"a", "an", "the", "his", "her", "their", "its", "our", "this", "that", "these", "those"})
_TIME_OPENERS = frozenset({"on", "in", "at", "after", "before", "during", "since", "by", "for", "with", "from", "last",
                           "this", "earlier", "later", "late", "early", "monday", "tuesday", "wednesday", "thursday",
                           "friday", "saturday", "sunday", "yesterday", "today"})

_PERSONAL = frozenset({"i", "we", "he", "she", "they"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_TIME_WORDS = _WEEKDAYS | {"week", "month", "year", "night", "morning", "evening", "afternoon", "weekend"}
_TIME_OPENERS = frozenset({"on", "in", "at", "during", "by", "since", "last", "this", "earlier", "later", "early",
                           "late", "next"})
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec."})


def _leading_time(written: list[str]) -> int:
    """How many words open the phrase with a time ("On Monday", "In November 2014", "Last week", "Earlier this
    month"): when, not who; the subject follows them ("Last week Apple CEO Tim Cook confirmed"). A capitalised
    "Morning" or "Week" is a title ("This Morning presenter", "Last Week Tonight host"), not a time."""
    words = [fold(w).strip(",") for w in written]
    if not words or words[0] not in _TIME_OPENERS:
        return 0
    for i in range(1, min(4, len(words) - 1)):
        if words[i] in _TIME_WORDS and words[i] not in _WEEKDAYS and written[i][:1].isupper():
            return 0
        if words[i] in _TIME_WORDS or words[i] in _MONTHS or (words[i].isdigit() and len(words[i]) == 4):
            end = i + 1
            while end < len(words) - 1 and (words[end] in _TIME_WORDS or words[end].isdigit()):
                end += 1  # "Monday night", "November 2014", "May 5"
            return end
    return 0


_QUESTION_AUXILIARIES = frozenset("do does did don't doesn't didn't is are was were isn't aren't wasn't weren't can could "
                                  "will would should shall may might must have has had can't couldn't won't wouldn't "
                                  "shouldn't haven't hasn't hadn't".split())
_INVERTED_SUBJECTS = frozenset("i you we he she they it there n't n’t not be the a an this that these those any your "
                               "his her their our its my".split())


def english_speaker(text: str, start: int, end: int, cue: Cue, lexicon: Lexicon) -> Span | None:
    if cue.role in ("according_to", "backward"):
        phrase = phrase_after(text, cue.end, end, lexicon)
        if phrase is not None and fold(cue.text) in lexicon.citing and not _names_a_source(phrase.text, lexicon):
            return None  # "Citing privacy rules, officials have not said": a reason, not a source
        return phrase
    if cue.role == "frame":
        return _subject_before(text, start, _clause_start(text, start, cue.start), lexicon)
    verb = fold(cue.text)
    pronoun = _IT_BEFORE.search(text[start:cue.start])
    if pronoun and verb in lexicon.en_pronoun_verbs:
        # "A passing vessel picked up the sailors, it added.": "it" is the organisation quoted before.
        return Span(pronoun.group().strip(), start + pronoun.start(), start + pronoun.start() + 2)
    if passive(text[start:cue.start], verb) and verb not in lexicon.en_passive_speaker:
        return None  # "No injuries were reported."
    before = _subject_before(text, start, cue.start, lexicon)
    if before is not None and not _after_clause(text, start, cue, lexicon):
        return before
    return _inverted_speaker(text, start, cue, end, lexicon) or before


def participle_clause_subject(text: str, start: int, cue: Cue, lexicon: Lexicon) -> Span | None:
    """"Fox retracted its own article, saying ...", "The co-founder shifted gears, telling CNBC, ...": a reporting
    participle after a comma hangs on the sentence's clause, whose subject (the words before its first verb, after
    an opening phrase set off by a comma or a dateline's dash: "In Gaza, the army expanded ...", "JERUSALEM (AP) —
    Israel's defense minister ...") speaks; none when a relative clause stands in it ("Smith, who was arrested in
    May, pleaded guilty"). Not "citing" ("X did Y, the paper reported, citing Z": it hangs on the report)."""
    head = text[start:cue.start].rstrip()
    if cue.role != "speech" or not cue.text.islower() or not cue.text.endswith("ing") or not head.endswith(","):
        return None
    words = list(_NON_SPACE.finditer(head))
    verb = next((n for n in range(1, len(words)) if fold(words[n].group()) in _FINITE
                 or _clause_verb(words, n, lexicon)), None)
    if verb is None:
        return None
    opening = max((n + 1 for n in range(verb) if words[n].group().endswith((",", "—", "–", "--"))), default=0)
    subject = words[opening:verb]
    if not subject or any(fold(w.group()).strip(",") in _RELATIVE_WORDS for w in subject):
        return None
    return _clean_english(text, start + subject[0].start(), start + words[verb].start(), lexicon)


_RELATIVE_WORDS = frozenset({"who", "which", "that", "whose", "whom"})


def _names_a_source(phrase: str, lexicon: Lexicon) -> bool:
    """What "citing" / "quoting" may be followed by as a source: a name, a determiner ("a report", "two officials")
    or a source noun ("unnamed officials", "security sources"); "privacy rules", "security concerns" are reasons."""
    words = [fold(w).strip(",.") for w in phrase.split()]
    return bool(words) and (phrase[:1].isupper() or phrase[:1].isdigit() or words[0] in lexicon.en_determiners
                            or words[-1] in lexicon.en_source_heads or any(
                                w in lexicon.en_roles or w in lexicon.en_study_nouns or w in _DOCUMENTS for w in words))


_DOCUMENTS = frozenset({"documents", "document", "data", "figures", "statistics", "records", "testimony", "emails",
                        "letters", "filings", "accounts", "reports", "sources"})


def _pronoun_subject(speaker: Span) -> Span | None:
    """A personal pronoun takes no modifier: "We just didn't play as well as [we] thought" -> "we", "[I] came up with
    an individual story called" -> "I"."""
    words = list(_NON_SPACE.finditer(speaker.text))
    if len(words) < 2 or any(fold(w.group()).strip(",") in ("and", "or", "both", "&") for w in words[:-1]):
        return None  # "He and Macron", "She and two colleagues": a coordinated subject stays whole
    for word in (words[-1], words[0]):
        if fold(word.group()).strip(",") in _PERSONAL:
            return Span(word.group().rstrip(","), speaker.start + word.start(), speaker.start + word.start()
                        + len(word.group().rstrip(",")))
    return None


def passive(head: str, verb: str) -> bool:
    """"were reported", "was reportedly rejected", "was told": a past participle after a form of "be"."""
    return (verb.endswith("ed") or verb in ("said", "told", "written", "shown", "thought", "known", "found")) and bool(
        _BE_BEFORE.search(head))


def english_subject_only(text: str, speaker: Span | None, cue: Cue, cues: list[Cue], lexicon: Lexicon) -> Span | None:
    """A subject never holds another reporting verb or a verb phrase of its own: "Jafari said she [felt]" -> "she",
    "Mark Zuckerberg tweeted to Mohamed and [said]" -> "Mark Zuckerberg", "Police arrested and [questioned]" ->
    "Police"."""
    if speaker is None or speaker.end > cue.start:
        return speaker
    pronoun = _pronoun_subject(speaker)
    if pronoun is not None:
        return pronoun
    antecedent = _relative_antecedent(text, speaker, lexicon)
    if antecedent is not speaker:
        return antecedent
    inner = [c for c in cues if speaker.start <= c.start and c.end <= speaker.end and c.start != cue.start]
    relative = _RELATIVE.search(speaker.text)
    if relative is not None and relative.start() > 0 and (
            "," not in text[speaker.end:cue.start] or any(c.start >= speaker.start + relative.start() for c in inner)):
        # "Trump, who has long insisted the system is rigged, said": the relative clause's antecedent speaks, both
        # for the verb inside the clause and for the one after it ("who asked not to be named" stays).
        return _clean_english(text, speaker.start, speaker.start + relative.start(), lexicon)
    if inner:
        after = inner[-1].end
        rest = text[after:speaker.end].lstrip(" ,")
        if not rest:
            return None
        return _clean_english(text, speaker.end - len(rest), speaker.end, lexicon)
    words = list(_NON_SPACE.finditer(speaker.text))
    verb = _verb_with_object(words, lexicon)
    if verb is not None:
        # "The Clinton campaign released a statement saying": the subject ends before its own verb phrase.
        head = speaker.text[:words[verb].start()].rstrip(" ,")
        return Span(head, speaker.start, speaker.start + len(head)) if head else None
    joins = [w for w in words[1:] if w.group().lower() in ("and", "but")]
    if not joins or not words[0].group()[:1].isupper():
        return speaker
    after = speaker.text[joins[-1].end():].strip()
    if after and any(_clause_verb(words, number, lexicon) for number in range(1, words.index(joins[-1]))):
        # "The broadcasts began on August 10 and South Korea says": a clause, then a new subject after "and".
        return _clean_english(text, speaker.end - len(speaker.text[joins[-1].end():].lstrip()), speaker.end, lexicon)
    for number, word in enumerate(words[1:], start=1):
        token = word.group()
        if token.lower() in ("and", "but"):
            break
        if _clause_verb(words, number, lexicon):
            head = speaker.text[:word.start()].rstrip(" ,")
            return Span(head, speaker.start, speaker.start + len(head)) if head else None
    return speaker


_ADJECTIVE_OPENERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these",
                                "those", "newly", "recently", "jointly"})


def _clause_verb(words: list[re.Match[str]], number: int, lexicon: Lexicon) -> bool:
    """A past verb of a clause before "and" ("The broadcasts began on August 10 and ..."), not a participle used
    as an adjective after a determiner or an adverb ("The combined forces of Syria and Russia", "The newly elected
    president and his deputy")."""
    token = words[number].group()
    before = words[number - 1].group().lower()
    if not token[:1].islower() or before in _ADJECTIVE_OPENERS or before.endswith("ly"):
        return False
    return token.endswith("ed") or fold(token) in lexicon.en_verbs_past


def _relative_antecedent(text: str, speaker: Span, lexicon: Lexicon) -> Span | None:
    """"He went to meet Devocht, who had told him": the speaker of "who" is the name before it; "Pop art was about
    what American culture thought": a subject holding its own verb keeps only what follows the last "what"/"that"."""
    words = list(_NON_SPACE.finditer(speaker.text))
    last = fold(words[-1].group()) if words else ""
    if last in ("who", "which") and len(words) > 1 and words[-2].group().endswith(","):
        names: list[re.Match[str]] = []
        for word in reversed(words[:-1]):
            if not word.group()[:1].isupper() or len(names) == _APPOSITIVE_NAME_WORDS:
                break
            names.insert(0, word)
        if not names:
            return None
        return _clean_english(text, speaker.start + names[0].start(),
                              speaker.start + names[-1].start() + len(names[-1].group().rstrip(",")), lexicon)
    finite = [n for n, w in enumerate(words[1:-1], start=1) if fold(w.group()) in _FINITE]
    if not finite or any(fold(w.group()) in ("who", "which", "that") for w in words[1:finite[0]]):
        return speaker  # "The man who was arrested said": the verb is the relative clause's
    # an opener with a word after it: "... reported that" ending the subject opens nothing
    opener = next((n for n in range(len(words) - 2, finite[0], -1) if fold(words[n].group()) in _CLAUSE_OPENERS), None)
    if opener is None:
        return None  # a whole clause before the verb, no one in it to speak
    return _clean_english(text, speaker.start + words[opener + 1].start(), speaker.end, lexicon)


def _verb_with_object(words: list[re.Match[str]], lexicon: Lexicon) -> int | None:
    """Index of a past-tense verb with its object inside a subject ("released a statement"); a participle before
    a noun is an adjective ("a retired general", "the embattled governor")."""
    for number in range(1, len(words) - 1):
        token = words[number].group()
        following = fold(words[number + 1].group())
        if token[:1].islower() and (token.endswith("ed") or fold(token) in lexicon.en_verbs_past) and (
                following in _OBJECT_OPENERS):
            return number
    return None


def _after_clause(text: str, start: int, cue: Cue, lexicon: Lexicon) -> bool:
    """"The strike was meant to ..., said Mohanad Hage Ali": the verb right after a comma that closes a clause
    (not an aside such as ", speaking on condition of anonymity,") puts its speaker after it."""
    head = text[start:cue.start].rstrip()
    if not head.endswith(",") or fold(cue.text) not in lexicon.en_inverting:
        return False
    boundary = _last_boundary(text, start, len(head) + start - 1)
    raw = text[boundary:start + len(head) - 1]
    segment = fold(raw).strip()
    first = boundary + len(raw) - len(raw.lstrip())
    if _appositive_head(text, start, first, lexicon) != first:
        return False  # "Mark Cancian, a senior adviser at CSIS, said": an appositive, not a clause
    return bool(segment) and not segment.startswith(lexicon.en_asides) and not _is_anonymity_tail(segment, lexicon)


def _clause_start(text: str, start: int, position: int) -> int:
    """Where a framing phrase's clause begins, so its subject ("X, in an interview with Y, said") is found."""
    return stripped_end(text, position, " ,") if text[start:position].strip() else position


def _subject_before(text: str, start: int, position: int, lexicon: Lexicon) -> Span | None:
    """"the official said", "A U.S. official, speaking on condition of anonymity, said", "X, in a statement, said"."""
    segment_end = _before_auxiliaries(text, start, position, lexicon)
    first, last = None, None
    while segment_end > start:
        boundary = _last_boundary(text, start, segment_end)
        segment = text[boundary:segment_end]
        folded = fold(segment).strip()
        if _short_parenthetical(text, boundary, segment_end, folded):
            # "A source in Ukraine's Security Service (SBU) told": the acronym stays in the subject.
            last = segment_end + 1 if last is None else last
            segment_end = boundary - 1
            continue
        if last is None and (_AGE.fullmatch(folded) or _PARTY_STATE.fullmatch(folded)) and text[boundary - 1:boundary] == ",":
            # "Maria Lopez, 34, said", "Rep. Ileana Ros-Lehtinen, R-Fla., said": an age or a party and state set off
            # by commas is no speaker
            segment_end = boundary - 1
            continue
        if folded and _dashed_aside(text, boundary, segment_end, lexicon):
            # "The mother of James Foley -- an American journalist beheaded by ISIS militants -- said": an aside
            # between dashes is no subject
            segment_end = len(text[:boundary].rstrip().rstrip("-—–"))
            continue
        if folded and _predicate(segment, lexicon):
            # "James Hewitt, declined to comment on X but said": the subject is before the first verb phrase.
            segment_end = boundary - 1 if boundary > start else start
            continue
        # "On Monday the minister": a time opening the sentence is no aside; `_clean_english` drops it
        timed = boundary == start and _leading_time(segment.split()) > 0
        # "staff of Háskólabíó, where the primaries took place, told": a relative clause closed by its comma
        closed_relative = folded.startswith(lexicon.en_relative_openers) and text[segment_end:segment_end + 1] == ","
        if folded and (timed or not (folded.startswith(lexicon.en_asides) or closed_relative)):
            if last is None:
                last = boundary + len(segment.rstrip())
            first = boundary + len(segment) - len(segment.lstrip())
            if not _is_anonymity_tail(folded, lexicon):
                break
        elif not folded and last is None and text[boundary - 1:boundary] in "\"“”»'":
            break
        segment_end = _boundary_start(text, start, boundary) if boundary > start else start
    if first is None or last is None:
        return None
    return _clean_english(text, _title_before(text, start, _appositive_head(text, start, first, lexicon), last,
                                              lexicon), last, lexicon)


def _title_before(text: str, start: int, first: int, last: int, lexicon: Lexicon) -> int:
    """"Malaysia's Prime Minister, Najib Razak, said": a title set off by a comma before a name belongs to it."""
    head = text[start:first].rstrip()
    name = text[first:last].split()
    if not head.endswith(",") or not name or len(name) > _APPOSITIVE_NAME_WORDS or not all(
            w[:1].isupper() for w in name):
        return first
    comma = start + len(head) - 1
    title_start = _last_boundary(text, start, comma)
    words = text[title_start:comma].split()
    if not words or len(words) > _TITLE_WORDS or fold(words[0]) in _TIME_OPENERS:
        return first
    if fold(words[-1]) not in lexicon.en_roles or not all(w[:1].isupper() or w in ("of", "the") for w in words):
        return first
    return title_start + len(text[title_start:comma]) - len(text[title_start:comma].lstrip())


def _before_auxiliaries(text: str, start: int, position: int, lexicon: Lexicon) -> int:
    """"Valeska Paris, a former member, has claimed": the auxiliaries and adverbs before the verb are not the
    subject, so the comma before them still closes it."""
    words = list(_NON_SPACE.finditer(text[start:position]))
    kept = len(words)
    while kept and fold(words[kept - 1].group()) in lexicon.en_auxiliaries:
        kept -= 1
    if kept == len(words) or not kept or not words[kept - 1].group().endswith(","):
        return position
    return start + words[kept - 1].end()


def _short_parenthetical(text: str, boundary: int, segment_end: int, folded: str) -> bool:
    return text[boundary - 1:boundary] == "(" and text[segment_end:segment_end + 1] == ")" and 0 < len(
        folded.split()) <= _PARENTHETICAL_WORDS


def _dashed_aside(text: str, boundary: int, segment_end: int, lexicon: Lexicon) -> bool:
    """The segment stands between two dashes ("X -- a journalist -- said", "X - after praising them - said") and is
    no name: "A senior official — Deputy Minister Ali Hassan — told Reuters" names its speaker between them."""
    opened = text[:boundary].rstrip()
    if not (opened.endswith(_DASHES) or opened.endswith(" -")):
        return False
    closing = text[segment_end:].lstrip()
    if not (closing.startswith(_DASHES) or closing.startswith("- ")):
        return False
    words = text[boundary:segment_end].split()
    named = bool(words) and words[-1][:1].isupper() and all(
        w[:1].isupper() or fold(w) in lexicon.en_roles or w in ("of", "the", "for") for w in words)
    return not named


def _predicate(segment: str, lexicon: Lexicon) -> bool:
    """A verb phrase joined to the reporting verb by "but"/"and" ("declined to comment on X but said")."""
    words = segment.split()
    return len(words) >= 2 and fold(words[-1]) in ("but", "and") and words[0][:1].islower() and (
        fold(words[0]) not in lexicon.en_determiners and fold(words[0]) not in lexicon.en_leading)


# "The parents of Steven Sotloff", "the leader of Hamas": a noun phrase that ends in a name ("x of Name"), the subject
# before an appositive as a name is.
_NOUN_OF_NAME = re.compile(r"(?:[Tt]he\s+)?(?:[a-z]+\s+){1,2}of\s+(?:[A-Z][\w'’.-]*\s?){1,4}")


def _appositive_head(text: str, start: int, first: int, lexicon: Lexicon) -> int:
    """"Israel Hayom, the free daily close to Netanyahu, reports": the name before the appositive is the subject."""
    head = text[start:first].rstrip()
    if not head.endswith(",") or not _describes_name(text[first:first + 60], lexicon):
        return first
    comma = start + len(head) - 1
    name_start = _last_boundary(text, start, comma)
    opening = fold(text[name_start:comma]).split()[:1]
    if opening and opening[0] in _TIME_OPENERS:
        return first  # "On Tuesday, the government announced": a time, not a name
    words = text[name_start:comma].split()
    while words and fold(words[0]) in lexicon.en_leading:
        words.pop(0)
    if words and len(words) <= _APPOSITIVE_NAME_WORDS and words[-1][:1].isupper() and all(
            w[:1].isupper() or fold(w) in lexicon.en_roles for w in words):
        return text.index(words[0], name_start)
    if _NOUN_OF_NAME.fullmatch(" ".join(words)):
        return text.index(words[0], name_start)  # "The parents of Steven Sotloff, a freelance journalist, told"
    return first


def _describes_name(appositive: str, lexicon: Lexicon) -> bool:
    """"the free daily", "a senior adviser at CSIS", "spokesman for the Indonesian military", "Panama coach":
    an appositive after a name opens with a determiner, a lower-case role noun or a short capitalised title."""
    words = appositive.split()
    if not words:
        return False
    first = fold(words[0]).strip(",")
    if first in ("the", "a", "an") or first in lexicon.en_roles:
        return True
    if words[0][:1].islower() and any(fold(w).strip(",") in lexicon.en_roles for w in words[1:3]):
        return True  # "political science professor at Seton Hall": the role after its field
    return words[0][:1].isupper() and len(words) > 1 and fold(words[1]).strip(",") in lexicon.en_roles


def _boundary_start(text: str, start: int, boundary: int) -> int:
    """Where the boundary ending at `boundary` begins (" -- " is four characters, a comma one)."""
    window = max(start, boundary - _LONGEST_BOUNDARY)  # not from the sentence's start: quadratic over many asides
    match = next((m for m in _EN_BOUNDARY.finditer(text, window, boundary) if m.end() == boundary), None)
    return match.start() if match else boundary - 1


def _last_boundary(text: str, start: int, position: int) -> int:
    matches = list(_EN_BOUNDARY.finditer(text, start, position))
    return matches[-1].end() if matches else start


def _is_anonymity_tail(folded: str, lexicon: Lexicon) -> bool:
    """", speaking on condition of anonymity," / ", who asked not to be named," belongs to the speaker before it;
    ", two people familiar with the matter told" is a speaker of its own."""
    if folded.startswith(lexicon.en_speaker_tails) or folded.startswith(lexicon.anonymous):
        return True
    return any(p in folded for p in lexicon.anonymous) and folded.split()[0] not in lexicon.en_determiners


def _inverted_speaker(text: str, start: int, cue: Cue, end: int, lexicon: Lexicon) -> Span | None:
    """'"...," said Lloyd Austin, the defense secretary.' The speaker follows the verb."""
    if cue.start > start and not _QUOTE_OR_COMMA_BEFORE.search(text[start:cue.start]):
        return None
    head = text[start:cue.start].rstrip()
    if head.endswith(",") and fold(cue.text) not in lexicon.en_inverting:
        return None  # "X, a professor at Y, described Trump's approach": the words after the verb are its object
    speaker = phrase_after(text, cue.end, end, lexicon)
    if speaker is None or (not head.endswith(",") and cue.start > start):
        return speaker
    # After a plain comma the words may be the reported clause ("..., said the group would retaliate").
    words = [fold(w) for w in speaker.text.split()]
    if len(words) > _MAX_INVERTED_WORDS or any(w in lexicon.en_auxiliaries or w == "that" for w in words):
        return None
    return speaker if speaker.text[:1].isupper() or words[0] in lexicon.en_determiners else None


def phrase_after(text: str, position: int, end: int, lexicon: Lexicon) -> Span | None:
    match = lexicon.en_phrase_end.search(text, position, end)
    while match and _inside_title(text, match):
        match = lexicon.en_phrase_end.search(text, match.end() - 1, end)
    limit = match.start() if match else stripped_end(text, end, " .!?\"”")
    limit = _name_end(text, position, limit, lexicon)
    limit = _with_role(text, position, limit, end, lexicon)
    return _clean_english(text, position, limit, lexicon, subject=False)


def _with_role(text: str, position: int, limit: int, end: int, lexicon: Lexicon) -> int:
    """"according to Kristen Wilkins, assistant professor of photography and curator of the exhibit": a name's
    appositive that names a role stays with it (up to the next comma or the end of the sentence)."""
    if text[limit:limit + 1] != "," or not text[position:limit].strip()[:1].isupper():
        return limit
    closing = _ROLE_CLOSE.search(text, limit + 1, end)
    close = closing.start() if closing and closing.group() else stripped_end(text, end, " .!?\"”")
    words = [fold(w).strip(",") for w in text[limit + 1:close].split()]
    if not words or len(words) > _MAX_ROLE_WORDS or not any(w in lexicon.en_roles for w in words[:_ROLE_REACH]):
        return limit
    if text[close:close + 1] == "," or text[close:end].strip(" .!?\"”") == "":
        return close
    return limit


def _inside_title(text: str, match: re.Match[str]) -> bool:
    """"according to Afghan Ambassador to the United States Hamdullah Mohib": "to" between capitalised words is
    part of a title, not the end of the phrase."""
    if match.group().strip() != "to":
        return False
    before = text[:match.start()].rsplit(None, 1)[-1:]
    after = text[match.end():match.end() + 40].split()[:2]
    if after and after[0] == "the":
        after = after[1:]
    return bool(before and after) and before[0][:1].isupper() and after[0][:1].isupper()


def _name_end(text: str, position: int, limit: int, lexicon: Lexicon) -> int:
    """"according to the Saudi Interior Ministry over 345 pilgrims have been killed": with no comma to end it, a
    capitalised name ends at the first lower-case word that neither joins it ("of", "for") nor is a role
    ("spokesman"), when a clause follows (three words or more with a finite verb: "Mr. Smith's office" and "Gaza
    civil defence spokesman Mahmud Bassal" stay whole)."""
    words = list(_NON_SPACE.finditer(text[position:limit]))
    first = 1 if words and words[0].group() in ("the", "a", "an") else 0
    if len(words) <= first or not words[first].group()[:1].isupper():
        return limit
    end = words[first].end()
    for number, word in enumerate(words[first + 1:], start=first + 1):
        token = word.group()
        if token[:1].isupper() or token[:1].isdigit():
            end = word.end()
        elif token == "the" and words[number - 1].group() not in _NAME_JOINS:
            return position + end  # "according to Rathbun the property was returned": "the" opens the clause
        elif token not in _NAME_JOINS and fold(token) not in lexicon.en_roles:
            rest = {fold(w.group()) for w in words[number:]}
            clause = len(words) - number >= _CLAUSE_WORDS and bool(rest & (_FINITE | lexicon.en_verbs_past))
            return position + end if clause else limit
    return limit


# Verbs of opening or answering before "by saying" ("began by saying", "kicked off by saying").
_OPENING_VERBS = frozenset({"began", "begins", "begin", "started", "starts", "start", "opened", "opens", "kicked",
                            "kicks", "responded", "responds", "replied", "replies", "reacted", "reacts", "ended",
                            "ends", "concluded", "concludes", "closed", "closes", "answered", "answers"})


def _clean_english(text: str, start: int, end: int, lexicon: Lexicon, *, subject: bool = True) -> Span | None:
    words = list(_NON_SPACE.finditer(text[start:end]))
    while words and fold(words[0].group()) in lexicon.en_leading:
        words.pop(0)
    if subject:
        words = words[_leading_time([w.group() for w in words]):]  # "On Monday the minister said"
    if subject and len(words) > 1 and fold(words[0].group()) in _QUESTION_AUXILIARIES and fold(
            words[1].group()) in _INVERTED_SUBJECTS and words[0].group()[:1].isupper():
        # "Do you think", "Could be I remember", "Will they announce": a question's (or condition's) auxiliary
        # stands before its subject; "Will Smith said" is a name.
        words.pop(0)
        while len(words) > 1 and fold(words[0].group()) in ("n't", "n’t", "not", "be"):
            words.pop(0)
        if fold(words[0].group()) == "you":
            return Span(words[0].group(), start + words[0].start(), start + words[0].end())
    while words and (fold(words[-1].group()).strip(",") in lexicon.en_auxiliaries or (
            subject and len(words) > 1 and _ADVERB.fullmatch(words[-1].group()))):
        words.pop()  # "has also", "reportedly": between the subject and its verb
    if subject and len(words) > 2 and fold(words[-1].group()) == "by":
        verb = -3 if fold(words[-2].group()) in ("out", "off") else -2
        if len(words) > -verb and fold(words[verb].group()) in _OPENING_VERBS:
            del words[verb:]  # "The mayor began by (saying)", "The host starts out by": how, not who
    if subject and len(words) > 2 and fold(words[-2].group()) == "no" and fold(words[-1].group()) == "longer":
        words = words[:-2]  # "Microsoft no longer wants"
    if subject and len(words) > 2 and fold(words[-2].group()) in ("on", "last", "this") and (
            fold(words[-1].group()).strip(",") in _TIME_WORDS):
        words = words[:-2]  # "Sanders on Tuesday said": when, not who
    if not words or len(words) > _MAX_SPEAKER_WORDS:
        return None
    if words[0].group().lower() in lexicon.en_not_speaker and len(words) == 1:
        return None
    if subject and not _may_be_subject([w.group() for w in words], lexicon):
        return None
    last_end = start + words[-1].end()
    clitic = _CLITIC_END.search(words[-1].group()) if subject else None
    if clitic is not None:
        last_end -= len(clitic.group())  # "Trump's claim that", "She'd argued", "They've claimed"
    return Span(text[start + words[0].start():last_end], start + words[0].start(), last_end)


def _may_be_subject(words: list[str], lexicon: Lexicon) -> bool:
    """A phrase that can name who speaks: one opening with a capital, a figure or an Arabic name's article ("al-Manar
    TV"), a determiner ("the minister"), a lower-case title before a name ("military analyst Amos Harel"), or a
    source noun at either end ("local officials", "(But) people familiar with the matter")."""
    first = words[0]
    return (first[:1].isupper() or first[:1].isdigit() or bool(ARTICLE_NAME.match(first))
            or fold(first) in lexicon.en_determiners or _titled_name(words)
            or fold(words[-1]) in lexicon.en_source_heads or fold(first) in lexicon.en_source_heads)


def _titled_name(words: list[str]) -> bool:
    """"military analyst Amos Harel", "spokesperson Lt. Col. Nadav Shoshani": a lower-case title, then a name."""
    capitalised = [w[:1].isupper() for w in words]
    if len(words) > _TITLED_NAME_WORDS or True not in capitalised:
        return False
    name_start = capitalised.index(True)
    return all(capitalised[name_start:]) and all(_LOWER_WORD.fullmatch(w) for w in words[:name_start])

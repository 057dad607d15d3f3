"""Who a sentence of narrative names as its subject, for the "he" / "she" that speaks next ("Quinton Winter, 28,
spotted the crab from the air." then "He said ..."): a person, not an object ("Police arrested John Smith"), a
modifier ("Wall Street traders"), a victim in apposition or a credit line ("By John Smith, Associated Press")."""
from __future__ import annotations

import re

from checker.attribution.lexicon import Lexicon
from checker.attribution.outlet import place_words
from checker.normalize import fold
from checker.sentence_kinds import has_verb

# A person named as an English sentence's subject: two to four capitalised words, maybe after "The fisherman" or a
# role with no verb in it ("Russian leader", "graphic artist", "MACHINE HEAD frontman"; `narrative_subject` checks)
# and an opening "But" / "And", then a comma or a lowercase word ("Quinton Winter, 28, spotted", "The fisherman Igor
# Vorozhbitsyn was attacked", "But graphic artist Ashley Austen remained sceptical").
_EN_PERSON_SUBJECT = re.compile(
    r"^(?:(?!(?:The|A|An|His|Her|Its|Their)\b)[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3},\s+)?"  # "Last week, Shirley ..."
    r"(?:(?:But|And|Yet)\s+)?(?:(?:The|A|An)\s+(?:[a-z]+\s+){1,2}"
    r"|(?P<role>(?:[A-Z][\w&.-]*\s+){0,2}(?:[a-z]+\s+){1,2})(?=[A-Z]))?"
    r"(?P<name>(?!(?:The|A|An|This|That|These|In|On|At|After|Before|But|And|Last|Next|For|With|From|As|If|When|While"
    r"|Perhaps|Maybe|Now|Then|So|Still|Also|Only|Even|Here|There|Today|Yesterday)\b)"  # an article, a time, an adverb
    r"(?:[A-Z][a-z'’.-]+[ \u00a0]){1,3}[A-Z][a-z'’-]+)(?=,|\s+[a-z])")  # one space apart, not a caption's run-on
# "The White House press secretary, Josh Earnest, was in the middle of his daily briefing": the role, then the name
# set off by commas.
_EN_APPOSITIVE_SUBJECT = re.compile(
    r"^(?:(?:But|And|Yet)\s+)?(?:The|A|An|Its|His|Her|Their)\s+(?P<role>[^,.;:\"“”]{3,60}?),\s+"
    r"(?P<name>(?:[A-Z][a-z'’.-]+[ \u00a0]){1,3}[A-Z][a-z'’-]+),\s+[a-z]")
_WORD = re.compile(r"[\w'’-]+")
_VERB_WINDOW = 3  # words after the one following a name where a verb shows that one was a noun


def _verb_after_name(text: str, name_end: int) -> bool:
    """The name is the subject, not a modifier of it: a comma follows ("Quinton Winter, 28,"), or the next word is a
    verb, or no verb comes in the few words after it ("Nujeen Mustafa considers herself lucky"); "Wall Street
    traders were nervous" has its verb one word later."""
    rest = text[name_end:]
    if rest.lstrip().startswith(","):
        return True
    words = _WORD.findall(rest)
    if not words or has_verb(words[0], "en"):
        return True
    return not has_verb(" ".join(words[1:1 + _VERB_WINDOW]), "en")


def narrative_subject(text: str, lexicon: Lexicon) -> str | None:
    """The person an English sentence names as its subject, or None."""
    if fold((text.split(maxsplit=1) or [""])[0]) in lexicon.en_credit_openers:
        return None  # "By John Smith, Associated Press", "Photo by Jane Doe": a credit, not a subject
    match = _EN_PERSON_SUBJECT.match(text)
    appositive = _EN_APPOSITIVE_SUBJECT.match(text) if match is None else None
    if appositive is not None and fold(appositive.group("role").split()[-1]) not in lexicon.en_roles:
        return None  # "The victim, James Hart, died", "His latest novel, The Road Home, was": no one who speaks
    match = match or appositive
    if match is None or any(word in place_words() for word in re.findall(r"\w+", fold(match.group("name")))):
        return None
    if match.group("role") and has_verb(match.group("role"), "en"):
        return None  # "Police arrested John Smith", "President Obama met Vladimir Putin": the name is the object
    if not _verb_after_name(text, match.end("name")):
        return None  # "On Tuesday, Wall Street traders were nervous": the name only describes the subject
    return match.group("name")

"""Whose is it: a nationality given to the same noun otherwise ("planted by US intelligence" / "by British intelligence").

A nationality adjective («الأمريكية», "British") never fills a role (checker.slots.names marks it), so the role
frames do not see "the American intelligence" become "the British intelligence"; the anchors do not either when
the story names the United States elsewhere (its dateline). Here the adjective is read with the noun it qualifies:
in Arabic the noun before it, past other adjectives («الاستخبارات الخارجية البريطانية»), in English the noun
after it. The same noun with another, unrelated nationality in a passage sentence, and never with the claim's, is
a changed actor, unless the passage also gives that noun the claim's nationality (a story quoting the American and
the Iranian foreign ministers). Same language only: the noun is matched by its spelling.
"""
from __future__ import annotations

import re

from checker.normalize import search_form
from checker.slots.align import same_word, sentences
from checker.slots.extract import _stopwords, read
from checker.slots.model import Mention, SlotDecision, Span
from checker.slots.names import places_compatible

# Words allowed between an Arabic noun and its nationality adjective (other adjectives: «الخارجية»).
_ARABIC_GAP = 1
_WORD = re.compile(r"[^\W\d_]+")


def _noun_of(text: str, adjective: Mention) -> str | None:
    """The folded noun the adjective qualifies: in Arabic the word before it, in English the word after it."""
    if search_form(adjective.span.text).isascii():
        after = _WORD.search(text, adjective.span.end)
        return search_form(after.group()) if after and text[adjective.span.end:after.start()].strip() == "" else None
    before = _WORD.findall(text[max(0, adjective.span.start - 40):adjective.span.start])
    return search_form(before[-1]) if before else None


def _qualified(text: str) -> list[tuple[str, Mention]]:
    """(noun, nationality) pairs of a text; in Arabic each noun up to ARABIC_GAP words before its adjective."""
    pairs = []
    for mention in read(text).mentions:
        if not mention.adjective:
            continue
        if search_form(mention.span.text).isascii():
            noun = _noun_of(text, mention)
            if noun:
                pairs.append((noun, mention))
            continue
        before = _WORD.findall(text[max(0, mention.span.start - 60):mention.span.start])[-(_ARABIC_GAP + 1):]
        pairs += [(search_form(word), mention) for word in before if len(word) >= 3]
    return pairs


def changed_nationality(claim: str, passage: str) -> SlotDecision | None:
    """The claim's noun with another nationality in a passage sentence that never gives it the claim's."""
    stop = _stopwords()
    ours = [(_noun_of(claim, m), m) for m in read(claim).mentions if m.adjective]
    ours = [(noun, m) for noun, m in ours if noun and len(noun) >= 3 and noun not in stop]
    if not ours:
        return None
    pieces = [(offset, _qualified(sentence)) for offset, sentence in sentences(passage)]
    everywhere = [pair for _, pairs in pieces for pair in pairs]
    for offset, theirs in pieces:
        for noun, mine in ours:
            same_noun = [m for word, m in theirs if same_word(word, noun)]
            if not same_noun or any(same_word(word, noun) and places_compatible(m.key, mine.key)
                                    for word, m in everywhere):
                continue  # the passage also gives the noun the claim's nationality (its other officials)
            other = same_noun[0]
            return SlotDecision(
                "actors", "conflict", mine.span,
                Span(offset + other.span.start, offset + other.span.end, other.span.text),
                f"the claim says {mine.span.text}, the passage {other.span.text} ({noun})")
    return None

"""Which outlet a cue's speech act names: the one inside its speaker phrase, addressed right after it ("told X",
"لوكالة X"), whose reported words open right after it, or opening the sentence ("In Haaretz, ..."); and when the
speaker phrase is only that outlet's name or description, so no person speaks (`sources` decides the speaker)."""
from __future__ import annotations

import re

from checker.attribution.arabic import is_participle
from checker.attribution.lexicon import Cue, Lexicon
from checker.attribution.spans import OutletMention, Span
from checker.normalize import fold

_OUTLET_REACH = 45
_LEADING_OUTLET = re.compile(r"(?:and |but )?(?:in|writing in|in an article in|in a column in|و?في)$")


def outlet_for(text: str, cue: Cue, cues: list[Cue], speaker: Span | None, outlets: list[OutletMention],
               lexicon: Lexicon) -> OutletMention | None:
    """The outlet inside the speaker phrase, or addressed right after it or after a cue ("told X", "لوكالة X").

    An outlet merely mentioned in the reported words is not the source.
    """
    if speaker is not None:
        inside = [o for o in outlets if speaker.start <= o.start < speaker.end]
        if inside:
            return inside[0]
    # An earlier verb's outlet is that verb's ("قال X لـY إن ...، لكنه أشار"); a framing phrase names the whole
    # sentence's ("In an email to Newsweek, X said").
    own = [c for c in cues if c.start >= cue.start or c.role == "frame"]
    # a later speech verb's addressee is that verb's ("X told friends ..., and added that CNN's source ..."), unless
    # it closes the sentence (", a spokesperson told Mashable."); a later "according to" names the whole
    # sentence's outlet ("وأشارت التقارير ...، وفق ما نقل موقع X")
    anchors = [c.end for c in own if c is cue or c.role != "speech" or _closes_sentence(text, c)]
    anchors += [speaker.end] if speaker else []
    near = [o for o in outlets if any(0 <= o.start - anchor <= _OUTLET_REACH and (
                _ADDRESSED.search(text[anchor:o.start]) or not _CONTENT_OPENS.search(text, anchor, o.start) and (
                    _one_clause(text, anchor, o.start) or _OPENER_NEXT.match(text, o.end)))
                or 0 <= o.start - anchor <= _APPOSITIVE_REACH and _past_appositive(text[anchor:o.start])
                for anchor in anchors)
            or any(0 <= c.start - o.end <= 3 and (_one_clause(text, o.end, c.start) or not is_participle(c, lexicon))
                   for c in own)]
    return near[0] if near else None


# «كشف X أن صحيفة الرياض قدمت له», "X said that the Times had": past the word opening the reported words, an outlet
# not addressed («لبي بي سي») is what they speak of. Wider than `_REPORTED_CLAUSE` below («أنه», «بإن»), which tells
# an aside from the reported words.
_CONTENT_OPENS = re.compile(r"(?<![\w\u0600-\u06FF])(?:ب?[أإا]ن(?:ه|ها|هم)?|that)(?![\w\u0600-\u06FF])")
_SENTENCE_END = re.compile(r"[.!?؟\n]")
# A cue this close to its sentence's end reports what came before it.
_CLOSING_REACH = 60


def _closes_sentence(text: str, cue: Cue) -> bool:
    end = _SENTENCE_END.search(text, cue.end)
    return (end.start() if end else len(text)) - cue.end <= _CLOSING_REACH


# "...، فريد بن جحا لمراسل "الجوهرة"", "...، لصحيفة لوموند", "..., told": the outlet addressed past an appositive.
_ADDRESSED = re.compile(r"(?:(?<!\w)(?:ل\w*|لـ|told|to)\s*[«\"“]?|(?<!\w)ل)$")


# «وقال كامل كزبر، من مجموعة "..." التي تقود المشروع، لوكالة فرانس برس»: an appositive between commas, longer than
# _OUTLET_REACH, then the outlet addressed; the aside holds no sentence end and no reported clause.
_APPOSITIVE_REACH = 120
_REPORTED_CLAUSE = re.compile(r"(?<![\w\u0600-\u06FF])(?:[أإا]ن|بأن|that)(?![\w\u0600-\u06FF])")


def _past_appositive(gap: str) -> bool:
    """An aside set off by commas, then the outlet addressed; not when the aside already opens the reported words
    («وقال وزير، إن الحكومة قررت …، لقناة …»: the channel is in what he said)."""
    return bool(_PAST_APPOSITIVE.match(gap)) and not _REPORTED_CLAUSE.search(gap)


_PAST_APPOSITIVE = re.compile(r"\s*[،,](?:[^.؟?!\n:«»\"“”]|\"[^\"\n]{0,60}\"|«[^»\n]{0,60}»|“[^”\n]{0,60}”)*[،,]\s*"
                              r"(?:ل\w*|لـ|told|to)\s*[«\"“]?$")


# "...، وتحصل موقع X على نسخة منه، أن", "...، [اسم المتحدث]، وكالة X بأن": the reported words
# open right after the outlet, so it is the speech act's, past any aside.
# The opener is a word of its own: "في اليونان", "والبلدان", "لبنان" end in "ان" and open nothing.
_OPENER_NEXT = re.compile(r"[^.،,\n]{0,20}?(?:[،,]\s*)?(?<![\w\u0600-\u06FF])(?:ب?[أإا]ن\w{0,3}|that)(?!\w)")


def _one_clause(text: str, start: int, end: int) -> bool:
    """No comma between a cue (or its speaker) and the outlet it addresses unless it is addressed ("لمراسل X"):
    "عبر دعم وكالة "X"" and, before a participle, "رخصة قناة "X"، معتبرة" belong to other
    clauses ("وفي صحيفة هآرتس، كتب" does not)."""
    return not any(mark in text[start:end] for mark in (",", "،"))


def is_just_outlet(speaker: Span, outlet: OutletMention, lexicon: Lexicon) -> bool:
    """"صحيفة “إسرائيل اليوم”", "the AP" name the outlet, not a person; so does the outlet with a description
    after it ("صحيفة X المقربة من نتنياهو", "Israel Hayom, the free daily close to Netanyahu")."""
    if not (speaker.start <= outlet.start < speaker.end):
        return False
    before = speaker.text[:outlet.start - speaker.start]
    after = speaker.text[outlet.end - speaker.start:]
    if not _is_generic(before, lexicon):
        return False
    return _is_generic(after, lexicon) or _describes(_without_generic_words(after, lexicon))


def _is_generic(phrase: str, lexicon: Lexicon) -> bool:
    words = re.sub(r"[^\w\s.]", " ", fold(phrase)).split()
    return all(word in lexicon.outlet_generic or word.lstrip("ل") in lexicon.ar_types for word in words)


def _without_generic_words(after: str, lexicon: Lexicon) -> str:
    """" newspaper, which is close to Hezbollah" -> ", which is close to Hezbollah"."""
    words = re.match(r"\s*([\w.-]+)", after)
    while words and _is_generic(words.group(1), lexicon):
        after = after[words.end():]
        words = re.match(r"\s*([\w.-]+)", after)
    return after


def _describes(after: str) -> bool:
    """What follows an outlet's name is a description of it: an appositive or a definite Arabic adjective."""
    stripped = after.lstrip(" \"'”»’")
    return stripped.startswith((",", "،")) or fold(stripped).startswith("ال")


def outlet_described_before(text: str, speaker: Span, outlet: OutletMention, lexicon: Lexicon) -> bool:
    """"وذكر الموقع الإخباري الحكومي "X" أن": an outlet word with "ال" and its description,
    then the outlet's name: the outlet speaks, no one else."""
    words = fold(speaker.text).split()
    head = words[0].lstrip("وف") if words else ""
    return (0 <= outlet.start - speaker.end <= 3 and head.startswith("ال") and head[2:] in lexicon.ar_types
            and not text[speaker.end:outlet.start].strip(" \"«“"))


def names_outlet_beside(text: str, speaker: Span, outlet: OutletMention, lexicon: Lexicon) -> bool:
    """"بحسب إحصاء لوكالة رويترز", "according to a tally by AFP": a generic word that only introduces the outlet."""
    gap = text[speaker.end:outlet.start]
    return 0 <= len(gap) <= 20 and _is_generic(speaker.text, lexicon) and _is_generic(gap, lexicon)


def leading_outlet(text: str, start: int, outlets: list[OutletMention]) -> OutletMention | None:
    """"In Haaretz, analyst Amos Harel writes", "وفي صحيفة هآرتس، كتب ...": the outlet opening the sentence."""
    for mention in outlets:
        lead = fold(text[start:mention.start]).strip(" \"“«")
        rest = text[mention.end:mention.end + 3].lstrip(" \"”»")
        if _LEADING_OUTLET.fullmatch(lead) and rest[:1] in (",", "،"):
            return mention
    return None

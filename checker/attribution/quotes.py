"""Quotation spans, so a claim spoken inside quotation marks is reported as a direct quote; and quotations in single
marks (British copy) that the sentence splitter or the paragraphs cut, so their sentences keep their speaker.

Arabic copy often opens a quotation and never closes it; such a quotation runs
to the end of its paragraph.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from checker.models import Attribution, Claim, Sentence

_OPENERS = {"“": "”", "«": "»", "„": "“", "''": "''", '"': '"'}
_PARAGRAPH_END = re.compile(r"\n\s*\n")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each quotation, marks excluded."""
    spans = []
    position = 0
    paragraph_end = -1
    while True:
        opening = _next_opener(text, position)
        if opening is None:
            return spans
        mark = "''" if text.startswith("''", opening) else text[opening]
        closer = _OPENERS[mark]
        if opening >= paragraph_end:  # one search per paragraph, not per quotation: many quotes stay linear
            paragraph_end = _paragraph_end(text, opening)
        close = text.find(closer, opening + len(mark), paragraph_end)
        end = close if close != -1 else paragraph_end
        spans.append((opening + len(mark), end))
        position = end + len(closer)


def closed_quote_spans(text: str) -> list[tuple[int, int]]:
    """Only the quotations that close: an unclosed one may run far past the words really quoted."""
    return [(start, end) for start, end in quote_spans(text) if end < len(text) and text[end] in "”»\"'“"]


def quoted_share(spans: list[tuple[int, int]], start: int, end: int) -> float:
    """How much of text[start:end] lies inside quotation marks (0..1)."""
    if end <= start:
        return 0.0
    # spans are in reading order and never overlap: only those from the last one starting before `start` count
    first = max(0, bisect.bisect_right(spans, (start, float("inf"))) - 1)
    inside = 0
    for q_start, q_end in spans[first:]:
        if q_start >= end:
            break
        inside += max(0, min(end, q_end) - max(start, q_start))
    return inside / (end - start)


_OPENER = re.compile("|".join(re.escape(mark) for mark in sorted(_OPENERS, key=len, reverse=True)))


def _next_opener(text: str, position: int) -> int | None:
    """One regex scan to the nearest mark: a find() per kind of mark ran to the end for each absent kind."""
    found = _OPENER.search(text, position)
    return found.start() if found else None


def _paragraph_end(text: str, position: int) -> int:
    match = _PARAGRAPH_END.search(text, position)
    return match.start() if match else len(text.rstrip())


def quotation_runs_on(text: str, spans: list[tuple[int, int]], previous_start: int, previous_end: int,
                      claim_start: int, line_end: int) -> bool:
    """The quotation around a sentence opened in the sentence before it and closes at the end of this line: a page
    that puts one sentence a line split 'Le Fondre said: "It's not going to be a shock ...\nBolton Wanderers is my
    spiritual home ..."'. A quotation left open ("... and beyond.") does not run on into the narrative line after
    it, nor into one that only quotes a title (... for the "Cup".). `spans` are `quote_spans(text)`."""
    first = bisect.bisect_left(spans, (previous_start, -1))  # spans are in reading order
    last = bisect.bisect_left(spans, (previous_end, -1))
    return any(start < claim_start < end <= line_end and text[end:end + 1] in ('"', "”")
               and not text[end + 1:line_end].strip(" \t.,") for start, end in spans[first:last])


def left_open(text: str, previous_start: int, claim_start: int) -> bool:
    """The paragraph before left its quotation open and this one opens another: the convention for one quote
    running over paragraphs ('Porter said: "This is one of ...\n"The women's had won ...')."""
    line_start = text.rfind("\n", 0, claim_start)
    before = text[text.rfind("\n", 0, previous_start) + 1:max(line_start, 0)]
    if before.count("“") > before.count("”"):
        return True
    last = before.rfind('"')  # straight marks: the last one must open ('said: "This'), not be an inch ('55"')
    opens = (last == 0 or before[last - 1] in " \t:(") and before[last + 1:last + 2].isalnum()
    return before.count('"') % 2 == 1 and opens


# Single marks, as British copy quotes ('She is alive,' he told MailOnline): an opening mark before a capital ("'Tis"
# and "'90s" are no quotations); a closing one after the quotation's last punctuation, or after a word and before
# punctuation, so "Rehana's", "don’t" and "Residents' groups" close nothing.
_SINGLE_OPEN = re.compile(r"^[‘'](?!(?:Tis|Twas)\b)[A-Z]")
_SINGLE_CLOSE = re.compile(r"[.,!?…][’'](?!\w)|\w[’'](?=[,.;:!?])")
# ... inside a paragraph: at its start or after a space, a colon or a bracket, before a capital ("said: ‘The first
# two days ..."); and one closing the paragraph.
_SINGLE_OPEN_IN = re.compile(r"(?:^|(?<=[\s:(]))[‘'](?!(?:Tis|Twas)\b)(?=[A-Z])")
_CLOSED_AT_END = re.compile(r"[.,!?…][’']\s*$")


def opens_single_quotation(sentence: str) -> bool:
    """The sentence opens a quotation in single marks that it does not close: 'She is my friend and I confirm that
    she is alive. (the splitter cut the quotation at its first full stop)."""
    text = sentence.strip()
    return bool(_SINGLE_OPEN.match(text)) and not _SINGLE_CLOSE.search(text, 1)


def closes_single_quotation(sentence: str, before: int | None = None) -> bool:
    """The sentence closes a quotation in single marks (before character `before`, its cue, when given): And the
    picture is not hers,' he told X."""
    end = len(sentence) if before is None else max(0, before)
    return bool(_SINGLE_CLOSE.search(sentence, 0, end)) and not _SINGLE_OPEN.match(sentence.strip())


def cut_quotations_spoken(claims: list[Claim], paragraphs: Mapping[int, int], sentences: Sequence[Sentence],
                          confidence: float) -> list[Claim]:
    """'She is my friend and I confirm that she is alive. And the picture is not hers,' he told MailOnline.: a
    quotation in single marks that the splitter cut at a full stop is spoken by whoever the sentence closing it
    names; the sentences from the opening one to the closing one (one paragraph, none with a source of its own)
    take that attribution. A quotation closed by a sentence naming no one stays unattributed. `claims` are in
    reading order."""
    done = list(claims)
    for at, claim in enumerate(done):
        if not _unsourced(claim.attribution) or not opens_single_quotation(claim.text):
            continue
        inside = [at]
        for later in range(at + 1, len(done)):
            previous, current = done[later - 1], done[later]
            if current.sentence_index - previous.sentence_index > 1 or paragraphs.get(
                    current.sentence_index) != paragraphs.get(claim.sentence_index):
                break
            if current.sentence_index == previous.sentence_index:
                inside.append(later)  # one sentence split into two claims
                continue
            if _unsourced(current.attribution) and not closes_single_quotation(current.sentence):
                inside.append(later)
                continue
            if _closes_quotation(current, sentences[current.sentence_index].start):
                source = current.attribution
                for index in inside:
                    done[index] = replace(done[index], attribution=replace(
                        source, carried_from=current.id, confidence=confidence, mention_start=None,
                        mention_end=None))
            break
    return done


def left_open_in_single_marks(paragraph: str) -> bool:
    """The paragraph opens a quotation in single marks and does not close it: British copy reopens it on the next
    paragraph ("Robert Konowal said: ‘The first two days were fine ...\n\n‘We were horrified ...")."""
    openings = list(_SINGLE_OPEN_IN.finditer(paragraph))
    return bool(openings) and not _SINGLE_CLOSE.search(paragraph, openings[-1].end())


def quotations_over_paragraphs(claims: list[Claim], paragraph_texts: Mapping[int, str], paragraphs: Mapping[int, int],
                               confidence: float) -> list[Claim]:
    """A quotation in single marks left open at a paragraph's end and reopened by the next paragraph ("‘We were
    horrified ..."), or a paragraph quoted in single marks right after its speaker's quoted sentence ("‘Someone told
    reception ...,’ a hospital spokesman said." then "‘Staff found the patient ..."), is still that speaker's,
    paragraph after paragraph, until a paragraph closes it or a claim names a source of its own.
    `paragraph_texts`: each paragraph's text by its number; `claims` in reading order."""
    done = list(claims)
    speaker: Claim | None = None  # the claim whose speaker's quotation is being carried
    still_open = False  # the quotation is left open at the end of the last paragraph read
    carrying = -1  # the paragraph whose claims are that quotation's
    last_paragraph = -1
    for at, claim in enumerate(done):
        paragraph = paragraphs.get(claim.sentence_index, 0)
        opens_paragraph, last_paragraph = paragraph != last_paragraph, paragraph
        reopened = opens_paragraph and still_open and _quoted_paragraph(paragraph_texts.get(paragraph, ""))
        if speaker is not None and _unsourced(claim.attribution) and (
                reopened or (paragraph == carrying and not opens_paragraph)):
            carrying = paragraph
            still_open = left_open_in_single_marks(paragraph_texts.get(paragraph, ""))
            done[at] = replace(claim, attribution=replace(
                speaker.attribution, carried_from=speaker.id, confidence=confidence, mention_start=None,
                mention_end=None))
            continue
        if opens_paragraph or not _unsourced(claim.attribution):
            speaker, still_open, carrying = None, False, -1
        if claim.attribution.speaker is not None and (left_open_in_single_marks(paragraph_texts.get(paragraph, ""))
                                                      or _quotes_in_single_marks(claim.sentence)):
            speaker, still_open = claim, True  # the next paragraph may go on with the quotation
    return done


def _quoted_paragraph(paragraph: str) -> bool:
    """The paragraph is a quotation in single marks: it opens with one and closes it at its end or leaves it open."""
    text = paragraph.strip()
    return bool(_SINGLE_OPEN.match(text)) and (left_open_in_single_marks(text) or bool(_CLOSED_AT_END.search(text)))


def _quotes_in_single_marks(sentence: str) -> bool:
    """'Someone told reception a naked man was beating up a woman,' a hospital spokesman said.: the sentence quotes
    its speaker in single marks."""
    text = sentence.strip()
    return bool(_SINGLE_OPEN.match(text)) and bool(_SINGLE_CLOSE.search(text, 1))



def _closes_quotation(claim: Claim, sentence_start: int) -> bool:
    """The claim's sentence closes a single-mark quotation before its cue, and the cue names a source."""
    attribution = claim.attribution
    if (attribution.speaker is None and attribution.outlet is None) or attribution.cue_start is None:
        return False
    return closes_single_quotation(claim.sentence, attribution.cue_start - sentence_start)


def _unsourced(attribution: Attribution) -> bool:
    """No source of the sentence's own: nothing, or only the story's dateline or site (every sentence of a wire story
    has that)."""
    return attribution.kind == "none" or (attribution.speaker is None and attribution.carried_from is None
                                          and attribution.outlet_from in ("dateline", "story"))

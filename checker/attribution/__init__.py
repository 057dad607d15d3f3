"""Source attribution: which outlet and speaker each claim is cited to, and the words that say so.

Split Citron-style, one module per decision: `cues` finds cue words, `sources`
reads the speaker and outlet around a cue, `speakers` keeps only sound speaker
phrases, `quotes` finds quotation spans, `coreference` carries a source into
later sentences, `outlet` decides whose reporting carries a claim (its
sentence's outlet, its speaker's, the story's, the dateline's). An optional
learned tagger (`tagger`) may replace the speaker span and add cues the lists
lack; rules keep registry names, datelines and outlet heads. An optional
learned carrying (`carry`, off unless $CHECKER_OUTLET_CARRY or its model file
says "learned") decides instead of the story rules whether a claim with no
outlet of its own carries one cited earlier in the story. A sentence with
no cue gets kind "none" and no speaker: checker never guesses a source, though
a dateline or credit line still names whose copy it is.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Protocol

from checker.attribution.arabic import cue_verb, statement_owner
from checker.attribution.carry import CarryDecider, ClaimContext, StoryCitations, is_background, load_carry
from checker.attribution.coreference import (Antecedent, History, name_in, named_speakers, pronoun_agreement,
                                              speaker_tokens)
from checker.attribution.cues import find_cues
from checker.attribution.lexicon import Cue, Lexicon, load_lexicon
from checker.attribution.headline import credits, headline_credit, spoke_to_credit
from checker.attribution.mentions import outlets_in
from checker.attribution.outlet import (DATELINE, Thread, carried_mentions, find_dateline, find_interview,
                                        find_lead_citation, find_publisher, lead_sentences,
                                        reporting_outlet, shifts_topic, story_outlet_id, with_story_outlet)
from checker.attribution.quotes import (closed_quote_spans, cut_quotations_spoken, left_open, quotation_runs_on,
                                        quotations_over_paragraphs, quote_spans, quoted_share)
from checker.attribution.sources import Link, OutletMention, Span, link_sentence
from checker.attribution.speakers import in_first_person, interviewee, quoted_first_person, sane_speaker
from checker.attribution.subjects import narrative_subject
from checker.doc import Doc, Sentence, cycle_collector_paused
from checker.models import NO_ATTRIBUTION, Attribution, Claim
from checker.normalize import fold
from checker.outlets import OutletRegistry

__all__ = ["attribute", "find_dateline", "sentence_links", "DATELINE", "LinkRefiner"]

STATED = 0.9
CARRIED = 0.7
QUOTE_CONTINUED = 0.6
_QUOTE_OPENERS = "\"“«„"
_QUOTE_MARKS = "\"“”«»„'‘’"  # (an apostrophe too: "He wrote: 'The rumours ...'" is a quotation)
# A paragraph continues the quote before it only when it is all quotation ("\"That is fantasy.\" Tom Jones
# dismissed the forecast" names its own speaker after the quote).
_QUOTED_PARAGRAPH = 0.9
_DESCRIPTION_CHARS = 60  # «، وزير الخارجية الأمريكي،» after a name: what a later «للوزير الأمريكي» may match
_QUOTED = 0.3
_QUOTE_WORDS = 4
_TOPIC_CLAIMS = 2  # unattributed sentences opening a paragraph that make it a new topic


class LinkRefiner(Protocol):
    """A learned component that revises the rules' links of one article (see `checker.attribution.tagger`)."""

    def refine(self, doc: Doc, links: dict[int, list[Link]]) -> dict[int, list[Link]]: ...


def attribute(doc: Doc, claims: tuple[Claim, ...], registry: OutletRegistry, refiner: LinkRefiner | None = None,
              url: str | None = None, carry: CarryDecider | str | None = None) -> tuple[Claim, ...]:
    """The claims with `attribution` filled in, reading the article in order; `url` is where it was published.
    `carry` decides whether a claim carries an outlet cited earlier in the story: "rules", "learned"
    (`checker.attribution.carry`), a decider, or None for the default ($CHECKER_OUTLET_CARRY, else the model
    file's)."""
    decider = carry if carry is not None and not isinstance(carry, str) else load_carry(carry)
    with cycle_collector_paused():  # as in the claims stage: its passes over a long article freed nothing
        story = registry.story_ids(doc.text, folded=doc.folded)
        links = sentence_links(doc, registry, story)
        if refiner is not None:
            links = refiner.refine(doc, links)
        return _Reader(doc, claims, registry, links, story, url, decider).read()


def sentence_links(doc: Doc, registry: OutletRegistry, story: tuple[str, ...] | None = None
                   ) -> dict[int, list[Link]]:
    """Every sentence's own links (cue, speaker, outlet), speaker phrases checked for sanity; `story` is the
    outlets the article names (`OutletRegistry.story_ids`, read here when not given)."""
    lexicon = load_lexicon()
    text = doc.text
    quotes = closed_quote_spans(text)  # in reading order, so a sentence's own are found by bisection
    starts = [start for start, _ in quotes]
    if story is None:
        story = registry.story_ids(text, folded=doc.folded)
    links: dict[int, list[Link]] = {}
    for sentence in doc.sentences:
        cues = find_cues(doc, sentence.start, sentence.end, lexicon)
        if cues:
            found = link_sentence(doc, sentence.start, sentence.end, cues, registry, lexicon, story)
            # Only quotations opened in this sentence (the mark just before the quoted words lies inside it):
            # straight quotes paired across sentences say nothing here.
            own = quotes[bisect.bisect_left(starts, sentence.start + 1):bisect.bisect_left(starts, sentence.end + 1)]
            links[sentence.index] = quoted_first_person([_sane(text, link, own, lexicon) for link in found], own)
    return links


def _sane(text: str, link: Link, quotes: list[tuple[int, int]], lexicon: Lexicon) -> Link:
    if link.refers_back == "speaker" and link.speaker is not None and (
            fold(link.speaker.text) in lexicon.ar_pronoun_sources):
        return link  # «عنه»: the pronoun that points back, kept to say whom it agrees with
    act = link.cue.arabic and cue_verb(link.cue) in lexicon.ar_act_verbs
    speaker = sane_speaker(text, link.speaker, quotes, lexicon, link.cue.start, act, link.cue.role == "speech")
    if speaker == link.speaker:
        return link
    if speaker is None and link.outlet is None and link.refers_back is None:
        return replace(link, speaker=None, refers_back="speaker" if link.cue.arabic and link.cue.role == "speech"
                       else None)
    return replace(link, speaker=speaker)


class _Reader:
    """One pass over the claims in reading order, with the history of sources and the story's outlet."""

    def __init__(self, doc: Doc, claims: tuple[Claim, ...], registry: OutletRegistry, links: dict[int, list[Link]],
                 story: tuple[str, ...], url: str | None = None, carry: CarryDecider | None = None) -> None:
        text = doc.text
        self.doc, self.text, self.claims, self.registry, self.links = doc, text, claims, registry, links
        self.story_outlets = story
        self.paragraphs = {s.index: s.paragraph for s in doc.sentences}
        self.quotes = quote_spans(text)
        self.closed_quotes = closed_quote_spans(text)
        self.citing = load_lexicon().citing
        wire = find_dateline(text, registry)
        self.interview = find_interview(text, registry)
        # With no dateline, the outlet the lead retells covers the story as a dateline would (outlet_from "story").
        headed = not any(claim.sentence_index == 0 for claim in claims)  # a first line kept as a claim is no title
        self.dateline = wire or (None if self.interview else find_lead_citation(doc, links, load_lexicon(),
                                                                                 headed=headed))
        self.lead_cited = wire is None and self.dateline is not None
        self.shifted = False  # a sentence turned to other news: the lead's outlet no longer covers the story
        self.publisher = find_publisher(text, registry, url)
        self.history = History()
        self.story: Attribution | None = None
        self.story_in_lead = False  # the lead cited the story's reporting outlet (`_story_for`)
        self.lead_end = max((s.end for s in lead_sentences(doc, headed=headed)), default=0)
        self.thread = Thread(strict=wire is not None)
        title = doc.sentences[0] if headed and doc.sentences and doc.language == "ar" else None
        headline = headline_credit(text[title.start:title.end], registry, title.start) if title else None
        spoken = (spoke_to_credit(text[s.start:s.end], s.start, registry) for s in doc.sentences
                  if s is not title) if doc.language == "ar" else ()
        self.credits = [credit for credit in (headline, *spoken) if credit is not None]
        self.answerer = interviewee(text[:self.interview[0]], load_lexicon()) if self.interview else None
        flat = [link for found in links.values() for link in found]
        self.story_id = story_outlet_id(flat, self.citing)
        self.carried = carried_mentions(flat, self.citing)
        self.done: list[Claim] = []
        self.topic: tuple[int, int] = (-1, 0)  # (paragraph, unattributed sentences opening it)
        self.topic_sentence = -1  # the last sentence counted there
        self.carry = carry
        self.cited = StoryCitations()
        lexicon = load_lexicon()
        self.names = named_speakers((link.speaker.text for found in links.values() for link in found
                                     if link.speaker is not None and not link.refers_back),
                                    lexicon.ar_role_words, lexicon.ar_name_links,
                                    lexicon.ar_common_first_names) if doc.language == "ar" else ()

    def read(self) -> tuple[Claim, ...]:
        backward_only = _backward_only_sentences(self.links, self.claims)
        narrative = iter(self._narrative_sentences())
        pending = next(narrative, None)
        for claim in sorted(self.claims, key=lambda c: c.start):
            while pending is not None and pending.index < claim.sentence_index:
                self._remember_subject(self.text[pending.start:pending.end], None, pending.index)
                pending = next(narrative, None)
            while backward_only and backward_only[0] < claim.sentence_index:
                index = backward_only.pop(0)
                self._backward(index, _stated(self.links[index][0], "according_to"))
            self._read(claim)
        for index in backward_only:
            self._backward(index, _stated(self.links[index][0], "according_to"))
        if self.doc.language == "en":
            self.done = cut_quotations_spoken(self.done, self.paragraphs, self.doc.sentences, QUOTE_CONTINUED)
            self.done = quotations_over_paragraphs(self.done, self._paragraph_texts(), self.paragraphs, QUOTE_CONTINUED)
        by_id = {c.id: c for c in self.done}
        return tuple(by_id[c.id] for c in self.claims)

    def _read(self, claim: Claim) -> None:
        self.shifted = self.shifted or shifts_topic(claim.sentence)
        link = _link_of(claim, self.links.get(claim.sentence_index, []))
        self._note_topic(claim, link)
        stated = self._attribution_for(claim, link)
        continued = self._continued_quote(claim, over_lines=False) if link is not None and self._quoted_cue(
            claim, link) else None
        if continued is not None:  # '"You can tell it was photoshopped.': words inside the quotation, not a cue
            attribution, link, stated = continued, None, NO_ATTRIBUTION
        elif stated.kind == "none":
            attribution = (self._continued_quote(claim) or self._continued_speech(claim) or self._answer(claim, stated)
                           or self._reviewed_paper(claim) or self._dateline_for(claim) or self.publisher
                           or self._story_over() or stated)
        else:
            attribution = self.thread.carry(stated) or self._answer(claim, stated) or self._credited(stated) or (
                with_story_outlet(stated, self._story_for(), self._dateline_over(claim), self.publisher))
            attribution = self._answerer_speaks(claim, attribution)
        own = _citation_kind(link, stated, self.citing)
        if self.carry is not None and own is None:
            attribution = self._learned_carry(claim, stated, attribution)
        self.thread.note(attribution)
        if attribution.outlet is not None and attribution.outlet_from is None:
            attribution = replace(attribution, outlet_from="sentence")
        if link is not None and link.cue.role == "backward":
            self._backward(claim.sentence_index, attribution)
        if link is not None and self.story_id is not None and reporting_outlet(link, self.citing, self.carried) and (
                attribution.outlet is not None and attribution.outlet.id == self.story_id):
            self.story = attribution
            self.story_in_lead = self.story_in_lead or (attribution.outlet_start or 0) < self.lead_end
        self.history.add(claim.id, attribution, claim.sentence_index, self.paragraphs.get(claim.sentence_index, 0))
        if link is None:
            self._remember_mentions(claim)
            if attribution.speaker is None and self.names:
                self._remember_named(claim)
            elif attribution.speaker is None and self.doc.language == "en":
                self._remember_subject(claim.text, claim.id, claim.sentence_index)
        self.cited.note(claim.id, stated, claim.sentence_index, self.paragraphs.get(claim.sentence_index, 0), own)
        self.done.append(replace(claim, attribution=attribution))

    def _paragraph_texts(self) -> dict[int, str]:
        """Each paragraph's text, by its number."""
        bounds: dict[int, tuple[int, int]] = {}
        for sentence in self.doc.sentences:
            start, end = bounds.get(sentence.paragraph, (sentence.start, sentence.end))
            bounds[sentence.paragraph] = (min(start, sentence.start), max(end, sentence.end))
        return {paragraph: self.text[start:end] for paragraph, (start, end) in bounds.items()}

    def _learned_carry(self, claim: Claim, stated: Attribution, ruled: Attribution) -> Attribution:
        """The outlet a claim with none of its own carries, chosen by the learned model among those cited
        earlier; the rules' speaker, kind and quote continuation stay, and so do their dateline and publisher."""
        paragraph = self.paragraphs.get(claim.sentence_index, 0)
        continued = self._continued_quote(claim) if stated.kind == "none" else None
        base = continued or stated
        context = ClaimContext(
            claim.id, claim.sentence_index, paragraph, base,
            opens_paragraph=self.paragraphs.get(claim.sentence_index - 1, -1) != paragraph,
            quoted=continued is not None, arabic=self.doc.language == "ar", story_id=self.story_id,
            interview=self.interview, claim_start=claim.start, background=is_background(claim.text),
            fallback=(self._dateline_over(claim) or self.publisher or NO_ATTRIBUTION).outlet)
        chosen = self.carry.choose(context, self.cited.candidates(context))
        if not self.carry.decides:
            return ruled
        if chosen is None:  # no earlier outlet carried: the dateline, else the publishing site (rules' order)
            cleared = replace(base, outlet=None, outlet_start=None, outlet_end=None, via=(), outlet_from=None)
            if cleared.kind != "none":
                return with_story_outlet(cleared, None, self._dateline_over(claim), self.publisher)
            return cleared if continued else self._dateline_for(claim) or self.publisher or cleared
        if base.outlet is not None and base.outlet.id == chosen.outlet.id:
            return replace(base, decided_by="model")  # the outlet its carried speaker cited: still "carried"
        source = chosen.attribution
        return replace(base, outlet=chosen.outlet, outlet_start=source.outlet_start, outlet_end=source.outlet_end,
                       via=source.via, outlet_from="story", decided_by="model")

    def _note_topic(self, claim: Claim, link: Link | None) -> None:
        """Unattributed sentences opening a new paragraph start a new topic: a later "he added" does not reach
        back over them. One sentence split into two claims ("علاوة على ...، لكنه يصر على ...") counts once."""
        paragraph = self.paragraphs.get(claim.sentence_index, 0)
        opened, count = self.topic
        if paragraph != opened:
            self.topic = (paragraph, 0 if link is None else -1)
            opened, count = self.topic
        if link is not None or count < 0:
            self.topic = (paragraph, -1)
            return
        if claim.sentence_index == self.topic_sentence:
            return
        self.topic_sentence = claim.sentence_index
        self.topic = (paragraph, count + 1)
        if count + 1 >= _TOPIC_CLAIMS:
            self.history.topic_break(claim.sentence_index)

    def _attribution_for(self, claim: Claim, link: Link | None) -> Attribution:
        if link is None:
            return NO_ATTRIBUTION
        history = self.history
        stated = _stated(link, _kind(claim, link.cue, self.quotes, self.text))
        if link.refers_back == "speaker":
            mention = link.speaker.text if link.speaker is not None else None
            if mention is not None and fold(mention) in load_lexicon().ar_pronoun_sources:
                stated = replace(stated, speaker=None, speaker_start=None, speaker_end=None)  # «عنه» names no one
            agreement = pronoun_agreement(mention, link.cue.text, link.cue.arabic)
            antecedent = history.last_source(claim.sentence_index, agreement)
            resolved = _carried(stated, antecedent, keep_outlet=link.outlet is None)
            named = history.last_outlet(link.outlet_kind, self.registry.kind) if link.outlet_back else None
            if named is not None:  # «ونقلت الصحيفة عنه قوله»: the newspaper named before carries his words
                earlier = named.attribution
                resolved = replace(resolved, outlet=earlier.outlet, outlet_start=earlier.outlet_start,
                                   outlet_end=earlier.outlet_end, via=earlier.via,
                                   outlet_from=_carried_origin(earlier))
            return _with_mention(resolved, link, mention or link.cue.text, antecedent)
        if link.refers_back == "outlet":
            antecedent = history.last_outlet(link.outlet_kind, self.registry.kind)
            if antecedent is None and stated.speaker is None and link.document is not None:
                # "وأشار التقرير" with no outlet before it: the report itself speaks
                return replace(stated, speaker=link.document.text, speaker_start=link.document.start,
                               speaker_end=link.document.end)
            if link.outlet or antecedent is None:
                return stated
            # The outlet speaks (or cites someone) itself: its earlier source's speaker is not carried along.
            return _outlet_of(stated, antecedent)
        owner = statement_owner(link.speaker.text, load_lexicon()) if link.cue.role == "backward" and (
            link.cue.arabic and link.speaker is not None) else None
        if owner is not None:  # «جاء ذلك في مقابلة للصفدي»: the one the story named, named again
            antecedent = history.same_speaker(owner, claim.sentence_index) or self._described_just_before(
                owner, claim.sentence_index)
            if antecedent is not None:
                return _with_mention(_carried(stated, antecedent, keep_outlet=link.outlet is None), link,
                                     link.speaker.text, antecedent)
        named = history.outlet_named(link.speaker.text) if link.speaker is not None and link.outlet is None else None
        if named is not None:
            return replace(_outlet_of(stated, named), speaker=None, speaker_start=None, speaker_end=None)
        if link.speaker is not None:
            antecedent = history.same_speaker(link.speaker.text, claim.sentence_index)
            if antecedent is not None:
                return _with_mention(_carried(stated, antecedent, keep_outlet=link.outlet is None), link,
                                     link.speaker.text, antecedent)
        if link.addressed_back and history.last_outlet() is not None:
            return _outlet_of(stated, history.last_outlet())  # type: ignore[arg-type]
        return stated

    def _described_just_before(self, owner: str, sentence: int) -> Antecedent | None:
        """«جاء ذلك في تصريحات للوزير الأمريكي» after «قال مايك بومبيو، وزير الخارجية الأمريكي، ...»: the source of
        the sentence before, when its speaker and the description after it hold every word of the owner (not
        «مسؤول مصري» quoted in between, nor a ministry's «بيان للخارجية» after a spokesman)."""
        antecedent = self.history.last_source(sentence)
        if antecedent is None or sentence - antecedent.sentence > 1 or antecedent.attribution.speaker_end is None:
            return None
        end = antecedent.attribution.speaker_end
        described = antecedent.attribution.speaker + self.text[end:end + _DESCRIPTION_CHARS].split("\n")[0]
        return antecedent if speaker_tokens(owner) <= speaker_tokens(described) else None

    def _remember_named(self, claim: Claim) -> None:
        """«وتتذكر مارديني الرحلة ...» then «وقالت»: a speaker of the story named again in a sentence of narrative
        is the one a later verb-only subject refers to, as if she had just spoken."""
        named = name_in(claim.text, self.names)
        if named is not None:
            self.history.refresh(claim.id, named, claim.sentence_index, self.paragraphs.get(claim.sentence_index, 0))

    def _remember_subject(self, text: str, claim_id: str | None, sentence_index: int) -> None:
        """"Quinton Winter, 28, spotted the crab from the air." then "He said ...": a person named as the subject
        of a sentence of narrative is the newest antecedent of the pronoun that speaks next. The sentence may be
        one kept out of the claims ("And yet, Nujeen Mustafa considers herself lucky."; `claim_id` None)."""
        name = narrative_subject(text, load_lexicon())
        if name is not None and self.registry.find(name) is None:
            self.history.refresh(claim_id, name, sentence_index, self.paragraphs.get(sentence_index, 0))

    def _narrative_sentences(self) -> list[Sentence]:
        """English sentences kept out of the claims that cite no one: their subject may still be the "she" of the
        next quote."""
        if self.doc.language != "en":
            return []
        claimed = {claim.sentence_index for claim in self.claims}
        return [s for s in self.doc.sentences if s.index not in claimed and not self.links.get(s.index)]

    def _remember_mentions(self, claim: Claim) -> None:
        """The last outlet a claim without a cue names, for a later "the paper" / "الصحيفة"."""
        mentions = outlets_in(self.doc, claim.start, claim.end, self.registry, load_lexicon(), self.story_outlets)
        if mentions:
            last = mentions[-1]
            named = Attribution(kind="none", outlet=last.outlet, outlet_start=last.start, outlet_end=last.end)
            self.history.mention(claim.id, named, claim.sentence_index)
            self.cited.note(claim.id, named, claim.sentence_index, self.paragraphs.get(claim.sentence_index, 0),
                            "mention_only")

    def _reviewed_paper(self, claim: Claim) -> Attribution | None:
        """«صحيفة لوموند قدمت حصيلة اللقاء», «صحيفة لوفيغارو الفرنسية اهتمت بـ»: a press review's sentence opens with
        the paper, its outlet word first, as the subject of whatever verb says what it reported; the paper is the
        claim's outlet though no reporting verb names it."""
        heads = load_lexicon().ar_types
        if self.doc.language != "ar" or claim.text not in claim.sentence:
            return None
        opening_word = fold(claim.sentence).lstrip(" \t\n\"'«»“”(")
        if not (opening_word.startswith(heads) or opening_word.removeprefix("و").startswith(heads)):
            return None  # the cheap test first: most sentences open with no outlet word
        start = claim.start - claim.sentence.index(claim.text)
        mentions = outlets_in(self.doc, start, start + len(claim.sentence), self.registry, load_lexicon(),
                              self.story_outlets)
        if not mentions:
            return None
        first = min(mentions, key=lambda m: m.start)
        opening = fold(self.text[start:first.start]).strip(" \t\n\"'«»“”(")
        opening = opening[1:] if opening[:1] == "و" and opening[1:] in heads else opening
        headed = fold(self.text[first.start:first.end]).startswith(tuple(f"{head} " for head in heads))
        if opening not in heads and (opening or not headed):
            return None
        return Attribution(kind="according_to", outlet=first.outlet, confidence=STATED, outlet_start=first.start,
                           outlet_end=first.end, outlet_from="sentence")

    def _continued_quote(self, claim: Claim, over_lines: bool = True) -> Attribution | None:
        """'"We are ready," he said. "This is not over."': the second sentence is still his quote; so is a paragraph
        that opens a quotation right after the paragraph that quoted him, with no speaker of its own. `over_lines`:
        also a quotation a crawl split over lines or left open at a paragraph's end (English), not for a sentence
        with a cue of its own ('"If we do not, our competitors will," Staley told MPs.')."""
        if not self.done or self.done[-1].attribution.kind != "direct_quote":
            return None
        previous = self.done[-1]
        here, before = self.paragraphs.get(claim.sentence_index, 0), self.paragraphs.get(previous.sentence_index, 0)
        quoted = quoted_share(self.quotes, claim.start, claim.end) >= 0.8
        if here == before:
            same = quoted
        elif here == before + 1:
            paragraph_end = self.text.find("\n", claim.start)
            paragraph_end = len(self.text) if paragraph_end < 0 else paragraph_end
            opens = claim.text.lstrip()[:1] in _QUOTE_OPENERS
            same = quoted and opens and quoted_share(self.quotes, claim.start, paragraph_end) >= _QUOTED_PARAGRAPH
            if over_lines and self.doc.language == "en":  # Arabic copy opens and closes its marks too loosely
                same = same or (quoted and quotation_runs_on(self.text, self.quotes, previous.start, previous.end,
                                                             claim.start, paragraph_end)) or (
                    opens and left_open(self.text, previous.start, claim.start))
        else:
            same = False
        if not same:
            return None
        return replace(previous.attribution, carried_from=previous.id, confidence=QUOTE_CONTINUED,
                       mention_start=None, mention_end=None)

    def _continued_speech(self, claim: Claim) -> Attribution | None:
        """«وقال: حتى الآن لا نعرف شيئا.» then «نقرأ الكثير ... ولكن علينا الاستمرار»: words a speaker began after a
        colon, with no quotation marks, go on in the next sentence of the paragraph when it speaks in the first
        person (the reporter never says «علينا» or "we")."""
        if not self.done:
            return None
        previous = self.done[-1]
        said = previous.attribution
        if said.speaker is None or said.cue_end is None or previous.sentence_index != claim.sentence_index - 1 or (
                self.paragraphs.get(claim.sentence_index) != self.paragraphs.get(previous.sentence_index)):
            return None
        after_cue = self.text[said.cue_end:previous.end]
        colon = after_cue.find(":")
        if colon < 0 or any(mark in after_cue[colon:] for mark in _QUOTE_MARKS) or not in_first_person(claim.text):
            return None
        return replace(said, carried_from=previous.id, confidence=QUOTE_CONTINUED, mention_start=None,
                       mention_end=None)

    def _quoted_cue(self, claim: Claim, link: Link) -> bool:
        """The claim opens a quotation that closes after its cue: the cue word is the speaker's own ("You can tell")."""
        return claim.text.lstrip()[:1] in _QUOTE_OPENERS and quoted_share(
            self.closed_quotes, link.cue.start, link.cue.end) == 1.0

    def _answer(self, claim: Claim, attribution: Attribution) -> Attribution | None:
        """An answer in an interview (after its first question) carries the interviewing outlet, and the
        interviewee named in the lead speaks it unless it names someone else ("I think ..." is the interviewee)."""
        if self.interview is None or claim.start < self.interview[0] or attribution.outlet is not None:
            return None
        outlet = self.interview[1]
        answer = replace(attribution, outlet=outlet.outlet, outlet_start=outlet.outlet_start,
                         outlet_end=outlet.outlet_end, outlet_from="story")
        return self._answerer_speaks(claim, answer)

    def _credited(self, attribution: Attribution) -> Attribution | None:
        """A statement of a source the headline or a "spoke to" sentence credits («إبراهيموفيتش لـ"العربية": ...»,
        «وتحدث عسكر لـ"سكاي نيوز عربية"») carries that outlet."""
        if attribution.outlet is not None:
            return None
        credit = next((c for c in self.credits if credits(c, attribution.speaker)), None)
        if credit is None:
            return None
        outlet = credit.outlet
        return replace(attribution, outlet=outlet.outlet, outlet_start=outlet.outlet_start,
                       outlet_end=outlet.outlet_end, via=(), outlet_from="story")

    def _answerer_speaks(self, claim: Claim, attribution: Attribution) -> Attribution:
        """In an interview's answers "I" / "we" (or no one named) is the interviewee, even when the story thread
        carried the outlet."""
        if self.interview is None or claim.start < self.interview[0] or not self.answerer or (
                attribution.speaker is not None and fold(attribution.speaker).strip() not in ("i", "we")):
            return attribution
        return replace(attribution, speaker=self.answerer, speaker_start=None, speaker_end=None,
                       kind="direct_quote" if attribution.kind == "none" else attribution.kind)

    def _dateline_over(self, claim: Claim) -> Attribution | None:
        """A heading dateline covers the report under it, not the headline above; a credit line at the foot
        covers the whole story. An outlet the lead retold covers it only until a sentence turns to other news
        ("In separate news, ...": `shifts_topic`); a wire's dateline covers it all."""
        dateline = self.dateline
        if dateline is None or self.lead_cited and self.shifted:
            return None
        heading = (dateline.cue_start or 0) < len(self.text) // 2
        return dateline if not heading or claim.end > (dateline.cue_end or 0) else None

    def _story_over(self) -> Attribution | None:
        """A site's own story whose lead has a source speaking to it («وفق ما أكده مصدر أمني لمراسل "الجوهرة أف
        أم"») carries that outlet to its later unsourced claims, as a dateline would; cited only further down, it
        covers the source's own words alone. Once the lead cited it, a later citation of the same outlet no longer
        ends the carry (`_story_for`; until session 23 it did, a rule measured then at 3 training outlets, and the
        change was measured together with the lead rule of `_story_for`). The publishing site (from the URL), when
        known, comes first: a BBC story whose lead source spoke to Reuters is still BBC's narrative. (The learned
        carrying, when switched on, does not read this rule.)"""
        story = self._story_for()
        if story is None or story.outlet is None:
            return None
        return Attribution(kind="according_to", outlet=story.outlet, confidence=DATELINE, outlet_start=story.outlet_start,
                           outlet_end=story.outlet_end, via=story.via, outlet_from="story")

    def _story_for(self) -> Attribution | None:
        """The story's reporting outlet carried to a source with none of its own, when the lead cited it ("قال مصدر
        لوكالة X" opening the story): a site's own story that cites one outlet further down («وقالت فلانة لبي بي
        سي») tells its other sources itself. Keeping the carry to the lead's citation gained 28 outlets on the
        training draws and 34 on the development sets (session 23). Not past a sentence turning to other news
        (`shifts_topic`, session 24)."""
        return self.story if self.story_in_lead and not self.shifted else None

    def _dateline_for(self, claim: Claim) -> Attribution | None:
        return self._dateline_over(claim)

    def _backward(self, sentence_index: int, attribution: Attribution) -> None:
        """"جاء ذلك وفق ما أفاد به ..." / "This was reported by X" attributes the sentence before it."""
        # `done` is in reading order, so the sentence before is found from the end (a scan of every claim per
        # cue was quadratic in an article of many such sentences).
        at = len(self.done) - 1
        while at >= 0 and self.done[at].sentence_index >= sentence_index:
            at -= 1
        if at < 0:
            return
        target = self.done[at].sentence_index
        while at >= 0 and self.done[at].sentence_index == target:
            self.done[at] = self._backward_one(self.done[at], attribution)
            at -= 1

    def _backward_one(self, claim: Claim, attribution: Attribution) -> Claim:
        """An unattributed claim takes the whole link; one with a speaker but no outlet of its own gains it."""
        current = claim.attribution
        if current in (NO_ATTRIBUTION, self.dateline, self.publisher):
            return replace(claim, attribution=replace(attribution, kind="according_to", confidence=CARRIED,
                                                      outlet_from="sentence" if attribution.outlet else None))
        if attribution.outlet is not None and current.outlet_from in (None, "story", "dateline"):
            return replace(claim, attribution=replace(current, outlet=attribution.outlet, via=attribution.via,
                                                      outlet_start=attribution.outlet_start,
                                                      outlet_end=attribution.outlet_end, outlet_from="sentence"))
        return claim


def _backward_only_sentences(links: dict[int, list[Link]], claims: tuple[Claim, ...]) -> list[int]:
    """"جاء ذلك وفق ما أفاد به ..." is often kept out of the claims, yet still attributes the sentence before it."""
    claimed = {c.sentence_index for c in claims}
    return sorted(i for i, found in links.items() if i not in claimed and found and found[0].cue.role == "backward")


def _citation_kind(link: Link | None, stated: Attribution, citing: frozenset[str]) -> str | None:
    """How the claim's own sentence cites its outlet ("told" X, X "speaks", X "quotes" someone), or None when the
    outlet (if any) is not its sentence's: the learned carrying decides that one."""
    if link is None or stated.outlet is None:
        return None
    if stated.outlet_from == "sentence":
        if reporting_outlet(link, citing):
            return "told"
        return "outlet_speaks" if link.speaker is None else "outlet_quotes"
    if link.refers_back == "outlet" or link.addressed_back or stated.speaker is None:
        return "outlet_speaks"  # "the agency said", "the Post": the outlet is named again here
    return None


def _link_of(claim: Claim, links: list[Link]) -> Link | None:
    """The link whose cue is inside the claim, else the sentence's main one. An English claim closed by its
    attribution ("The company plans to open in 2017, the governor said.") is that attribution's, whatever cue the
    reported words hold."""
    inside = [link for link in links if claim.start <= link.cue.start < claim.end]
    closing = next((link for link in inside[1:] if _closes(claim, link, inside[0])), None)
    return _with_reported_speaker(closing or (inside[0] if inside else links[0] if links else None), inside)


def _with_reported_speaker(link: Link | None, inside: list[Link]) -> Link | None:
    """«وحسب فرانس برس، كتب مادورو على تويتر أن», «وحسب أسوشيتد برس، يقول ممثلو ادعاء، إن»: an outlet's words that
    report someone else's statement name no one themselves; that statement's speaker is the claim's, the outlet stays
    its outlet. Read among the claim's own links: `sources._nested`, which sees the whole sentence, does the same for
    an according-to or an act the outlet cites (moving this rule there changes other claims of the sentence)."""
    if link is None or link.speaker is not None or link.outlet is None or link.refers_back or not link.cue.arabic:
        return link  # ("Israel Hayom reports that two lawmakers threatened": English acts are no statements)
    reported = next((other for other in inside if other.cue.start >= link.cue.end and other.speaker is not None
                     and other.cue.arabic and other.outlet in (None, link.outlet) and not other.refers_back), None)
    return replace(link, speaker=reported.speaker) if reported is not None else link


def _closes(claim: Claim, link: Link, first: Link) -> bool:
    """Whether the link is the English attribution after the claim's last comma (its speaker or outlet and cue
    there, the last few words of the claim) and the first cue before that comma; not "Trump, who insisted ...,
    said nothing"."""
    source = link.speaker or link.outlet
    if link.cue.arabic or link.cue.role != "speech" or source is None:
        return False
    commas = [m.start() for m in _CLAUSE_COMMA.finditer(claim.text, 0, link.cue.start - claim.start)]
    comma = commas[-1] if commas else -1
    tail = claim.text[comma + 1:]
    return comma >= 0 and first.cue.end <= claim.start + comma < source.start and len(
        tail.split()) <= _CLOSING_WORDS and '"' not in tail and "“" not in tail


_CLAUSE_COMMA = re.compile(r",(?=\s)")  # a comma that ends a clause, not the one in "5,000"
_CLOSING_WORDS = 8  # ", the governor of the state said.", ", said a company spokeswoman."


def _kind(claim: Claim, cue: Cue, quotes: list[tuple[int, int]], text: str) -> str:
    """A direct quote: mostly inside quotation marks, or carrying a full quoted sentence ('"...," said X')."""
    if quoted_share(quotes, claim.start, claim.end) >= _QUOTED or any(
            claim.start <= start and end <= claim.end and len(text[start:end].split()) >= _QUOTE_WORDS
            for start, end in quotes):
        return "direct_quote"
    return "according_to" if cue.role in ("according_to", "backward") else "indirect"


def _stated(link: Link, kind: str) -> Attribution:
    speaker: Span | None = link.speaker
    outlet: OutletMention | None = link.outlet
    return Attribution(
        kind=kind,  # type: ignore[arg-type]
        outlet=outlet.outlet if outlet else None,
        speaker=speaker.text if speaker else None,
        cue=link.cue.text,
        confidence=STATED if outlet is None or outlet.outlet.known else STATED - 0.1,
        cue_start=link.cue.start, cue_end=link.cue.end,
        speaker_start=speaker.start if speaker else None, speaker_end=speaker.end if speaker else None,
        outlet_start=outlet.start if outlet else None, outlet_end=outlet.end if outlet else None,
        via=tuple(m.outlet for m in link.via),
        outlet_from="sentence" if outlet else None,
        decided_by=link.decided_by,
    )


def _with_mention(attribution: Attribution, link: Link, written: str, antecedent: Antecedent | None) -> Attribution:
    """Where the source is named in this sentence ("he", "the minister"), and what was resolved from it."""
    mention = link.speaker
    return replace(attribution, resolved_from=written if antecedent is not None else None,
                   mention_start=mention.start if mention else None, mention_end=mention.end if mention else None)


def _outlet_of(stated: Attribution, antecedent: Antecedent) -> Attribution:
    earlier = antecedent.attribution
    return replace(stated, outlet=earlier.outlet, outlet_start=earlier.outlet_start, outlet_end=earlier.outlet_end,
                   via=earlier.via, carried_from=antecedent.claim_id, confidence=CARRIED,
                   outlet_from=_carried_origin(earlier))


def _carried_origin(earlier: Attribution) -> str:
    return "carried" if earlier.outlet_from in (None, "sentence", "carried") else earlier.outlet_from  # type: ignore[return-value]


def _carried(stated: Attribution, antecedent: Antecedent | None, *, keep_outlet: bool) -> Attribution:
    """The earlier link's speaker (and its outlet, unless this sentence names one)."""
    if antecedent is None:
        return replace(stated, confidence=CARRIED - 0.2)
    earlier = antecedent.attribution
    carried = replace(stated, speaker=earlier.speaker, speaker_start=earlier.speaker_start,
                      speaker_end=earlier.speaker_end, carried_from=antecedent.claim_id, confidence=CARRIED)
    if keep_outlet and earlier.outlet is not None:
        carried = replace(carried, outlet=earlier.outlet, outlet_start=earlier.outlet_start,
                          outlet_end=earlier.outlet_end, via=earlier.via, outlet_from=_carried_origin(earlier))
    return carried

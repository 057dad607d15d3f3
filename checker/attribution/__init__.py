"""Source attribution: which outlet and speaker each claim is cited to, and the words that say so.

Split Citron-style: `cues` finds cue words, `sources` reads the speaker and
outlet around a cue, `quotes` finds quotation spans, `coreference` carries a
source into later sentences. A sentence without a cue gets kind "none" and no
outlet or speaker: checker never guesses a source. The one exception is a
dateline ("PARIS (Reuters) -"), which names the outlet of the whole report.
"""
from __future__ import annotations

import re
from dataclasses import replace

from checker.attribution.coreference import Antecedent, History
from checker.attribution.cues import Cue, Lexicon, find_cues, load_lexicon
from checker.attribution.quotes import quote_spans, quoted_share
from checker.attribution.sources import Link, OutletMention, Span, link_sentence, outlet_slug, outlets_in
from checker.models import NO_ATTRIBUTION, Attribution, Claim, Outlet, Sentence
from checker.outlets import OutletRegistry

__all__ = ["attribute", "find_dateline"]

STATED = 0.9
CARRIED = 0.7
QUOTE_CONTINUED = 0.6
DATELINE = 0.4
WIRE = "wire"
_QUOTED = 0.3
_QUOTE_WORDS = 4
_DATELINE = re.compile(
    r"^[ \t]*(?:[^\s()\n][^()\n]{0,40}?)?\(\s*([^()\n]{2,40}?)\s*\)\s*[-—–]", re.MULTILINE)
# "القاهرة - رويترز: ...", "دبي - العربية.نت": a city (at most three words), a dash and an outlet. Only a wire
# agency counts: it names whose copy the site runs, while a site's own line ("دبي - العربية.نت") is the site's own
# reporting, not a cited source (and "غزة - خاص" has the same shape).
_DASH_DATELINE = re.compile(
    r"^[ \t]*[^\W\d][^\s\-–—/:()]*(?:[ \t]+[^\s\-–—/:()]+){0,2}[ \t]*[-–—][ \t]*"
    r"[«\"“]?([^\n«»\"“”:()\-–—/]{2,30}?)[»\"”]?[ \t]*(?::|$)", re.MULTILINE)
# "إسطنبول/ محمد شيخ يوسف/ الأناضول": city, reporter and outlet on a line of their own.
_SLASH_DATELINE = re.compile(r"^[ \t]*[^\n/]{2,30}/[^\n/]{2,40}/[ \t]*([^\n/]{2,30}?)[ \t]*$", re.MULTILINE)


def attribute(text: str, sentences: tuple[Sentence, ...], claims: tuple[Claim, ...],
              registry: OutletRegistry) -> tuple[Claim, ...]:
    """The claims with `attribution` filled in, reading the article in order."""
    lexicon = load_lexicon()
    links = _sentence_links(text, sentences, registry, lexicon)
    paragraphs = {s.index: s.paragraph for s in sentences}
    quotes = quote_spans(text)
    dateline = find_dateline(text, registry)
    history = History()
    done: list[Claim] = []
    backward_only = _backward_only_sentences(links, claims)
    for claim in sorted(claims, key=lambda c: c.start):
        while backward_only and backward_only[0] < claim.sentence_index:
            done = _attribute_backward(done, backward_only[0], _stated(links[backward_only.pop(0)][0], "according_to"),
                                       dateline)
        link = _link_of(claim, links.get(claim.sentence_index, []))
        attribution = _attribution_for(text, claim, link, history, quotes, registry)
        if attribution.kind == "none":
            attribution = _continued_quote(claim, done, quotes, paragraphs) or _dateline_for(claim, dateline) or attribution
        if link is not None and link.cue.role == "backward":
            done = _attribute_backward(done, claim.sentence_index, attribution, dateline)
        history.add(claim.id, attribution)
        if link is None:
            _remember_mentions(text, claim, history, registry)
        done.append(replace(claim, attribution=attribution))
    for index in backward_only:
        done = _attribute_backward(done, index, _stated(links[index][0], "according_to"), dateline)
    by_id = {c.id: c for c in done}
    return tuple(by_id[c.id] for c in claims)


def _sentence_links(text: str, sentences: tuple[Sentence, ...], registry: OutletRegistry,
                    lexicon: Lexicon) -> dict[int, list[Link]]:
    links = {}
    for sentence in sentences:
        cues = find_cues(text, sentence.start, sentence.end, lexicon)
        if cues:
            links[sentence.index] = link_sentence(text, sentence.start, sentence.end, cues, registry, lexicon)
    return links


def _backward_only_sentences(links: dict[int, list[Link]], claims: tuple[Claim, ...]) -> list[int]:
    """"جاء ذلك وفق ما أفاد به ..." is often kept out of the claims, yet still attributes the sentence before it."""
    claimed = {c.sentence_index for c in claims}
    return sorted(i for i, found in links.items() if i not in claimed and found and found[0].cue.role == "backward")


def _link_of(claim: Claim, links: list[Link]) -> Link | None:
    """The link whose cue is inside the claim, else the sentence's main one."""
    inside = next((link for link in links if claim.start <= link.cue.start < claim.end), None)
    return inside or (links[0] if links else None)


def _attribution_for(text: str, claim: Claim, link: Link | None, history: History,
                     quotes: list[tuple[int, int]], registry: OutletRegistry) -> Attribution:
    if link is None:
        return NO_ATTRIBUTION
    kind = _kind(claim, link.cue, quotes, text)
    stated = _stated(link, kind)
    if link.refers_back == "speaker":
        return _carried(stated, history.last_source(), keep_outlet=link.outlet is None)
    if link.refers_back == "outlet":
        antecedent = history.last_outlet(link.outlet_kind, registry.kind)
        if link.outlet or antecedent is None:
            return stated
        earlier = antecedent.attribution
        # The outlet speaks (or cites someone) itself: its earlier source's speaker is not carried along.
        return replace(stated, outlet=earlier.outlet, outlet_start=earlier.outlet_start, outlet_end=earlier.outlet_end,
                       carried_from=antecedent.claim_id, confidence=CARRIED)
    named = history.outlet_named(link.speaker.text) if link.speaker is not None and link.outlet is None else None
    if named is not None:
        earlier = named.attribution
        return replace(stated, speaker=None, speaker_start=None, speaker_end=None, outlet=earlier.outlet,
                       outlet_start=earlier.outlet_start, outlet_end=earlier.outlet_end,
                       carried_from=named.claim_id, confidence=CARRIED)
    if link.speaker is not None:
        antecedent = history.same_speaker(link.speaker.text)
        if antecedent is not None:
            return _carried(stated, antecedent, keep_outlet=link.outlet is None)
    if link.addressed_back and history.last_outlet() is not None:
        earlier = history.last_outlet()
        return replace(stated, outlet=earlier.attribution.outlet, outlet_start=earlier.attribution.outlet_start,
                       outlet_end=earlier.attribution.outlet_end, carried_from=earlier.claim_id, confidence=CARRIED)
    return stated


def _remember_mentions(text: str, claim: Claim, history: History, registry: OutletRegistry) -> None:
    """The last outlet a claim without a cue names, for a later "the paper" / "الصحيفة"."""
    mentions = outlets_in(text, claim.start, claim.end, registry, load_lexicon())
    if mentions:
        last = mentions[-1]
        history.mention(claim.id, Attribution(kind="none", outlet=last.outlet, outlet_start=last.start,
                                              outlet_end=last.end))


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
    )


def _carried(stated: Attribution, antecedent: Antecedent | None, *, keep_outlet: bool) -> Attribution:
    """The earlier link's speaker (and its outlet, unless this sentence names one)."""
    if antecedent is None:
        return replace(stated, confidence=CARRIED - 0.2)
    earlier = antecedent.attribution
    carried = replace(stated, speaker=earlier.speaker, speaker_start=earlier.speaker_start,
                      speaker_end=earlier.speaker_end, carried_from=antecedent.claim_id, confidence=CARRIED)
    if keep_outlet and earlier.outlet is not None:
        carried = replace(carried, outlet=earlier.outlet, outlet_start=earlier.outlet_start,
                          outlet_end=earlier.outlet_end)
    return carried


def _continued_quote(claim: Claim, done: list[Claim], quotes: list[tuple[int, int]],
                     paragraphs: dict[int, int]) -> Attribution | None:
    """'"We are ready," he said. "This is not over."': the second sentence is still his quote."""
    if not done or quoted_share(quotes, claim.start, claim.end) < 0.8:
        return None
    previous = done[-1]
    same_paragraph = paragraphs.get(previous.sentence_index) == paragraphs.get(claim.sentence_index)
    if previous.attribution.kind != "direct_quote" or not same_paragraph:
        return None
    return replace(previous.attribution, carried_from=previous.id, confidence=QUOTE_CONTINUED)


def _attribute_backward(done: list[Claim], sentence_index: int, attribution: Attribution,
                        dateline: Attribution | None) -> list[Claim]:
    """"جاء ذلك وفق ما أفاد به ..." / "This was reported by X" attributes the sentence before it."""
    earlier = [c.sentence_index for c in done if c.sentence_index < sentence_index]
    if not earlier:
        return done
    target = max(earlier)
    return [_backward(c, attribution, dateline) if c.sentence_index == target else c for c in done]


def _backward(claim: Claim, attribution: Attribution, dateline: Attribution | None) -> Claim:
    """An unattributed claim takes the whole link; one with a speaker but no outlet gains the outlet."""
    if claim.attribution in (NO_ATTRIBUTION, dateline):
        return replace(claim, attribution=replace(attribution, kind="according_to", confidence=CARRIED))
    if claim.attribution.outlet is None and attribution.outlet is not None:
        return replace(claim, attribution=replace(claim.attribution, outlet=attribution.outlet,
                                                  outlet_start=attribution.outlet_start,
                                                  outlet_end=attribution.outlet_end))
    return claim


def _dateline_for(claim: Claim, dateline: Attribution | None) -> Attribution | None:
    """A dateline covers the report under it, not the headline above it."""
    return dateline if dateline is not None and claim.end > (dateline.cue_end or 0) else None


def find_dateline(text: str, registry: OutletRegistry) -> Attribution | None:
    """"PARIS (Reuters) -", "بغداد (رويترز) -", "القاهرة - رويترز", "إسطنبول/ محمد شيخ يوسف/ الأناضول" near the
    top: the outlet behind unattributed claims. The earliest one wins."""
    head = text[:800]
    found: list[tuple[re.Match[str], Outlet]] = []
    match = _DATELINE.search(head)
    if match is not None and any(c.isalpha() for c in match.group(1)):
        found.append((match, registry.find(match.group(1)) or Outlet(outlet_slug(match.group(1)), match.group(1),
                                                                      known=False)))
    for pattern in (_DASH_DATELINE, _SLASH_DATELINE):
        for candidate in pattern.finditer(head):
            outlet = registry.find(candidate.group(1))
            if outlet is not None and registry.kind(outlet) == WIRE:
                found.append((candidate, outlet))
                break
    if not found:
        return None
    match, outlet = min(found, key=lambda item: item[0].start())
    return Attribution(kind="according_to", outlet=outlet, cue=match.group(0).strip(), confidence=DATELINE,
                       cue_start=match.start(1) - 1, cue_end=match.end(),
                       outlet_start=match.start(1), outlet_end=match.end(1))

"""Who a sentence's cue points at: the outlet and the speaker, as written, with spans (speakers read by
`arabic` and `english`).

Arabic reporting verbs come first and the speaker follows them up to "إن/أن",
a comma, a colon, "لـ" + outlet or a framing phrase ("قال X لوكالة Y إن ...").
English speakers stand before the verb ("X said") or right after it
("said X"). Outlets come from the registry, or from their pattern ("صحيفة X",
"X reported") when the registry does not know them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from checker.attribution.arabic import (arabic_clause_subject, arabic_np, arabic_speaker, chained_verb, cue_verb,
                                        is_participle, participle_subject)
from checker.attribution.cue_outlet import (is_just_outlet, leading_outlet, names_outlet_beside, outlet_described_before,
                                             outlet_for)
from checker.attribution.cues import NEXT_WORD, opens_its_clause, stripped_end
from checker.attribution.lexicon import Cue, Lexicon
from checker.attribution.english import (english_speaker, english_subject_only, participle_clause_subject, passive,
                                         phrase_after)
from checker.attribution.mentions import outlets_in
from checker.attribution.spans import OutletMention, Span
from checker.doc import Doc
from checker.normalize import fold, search_form, without_diacritics
from checker.outlets import OutletRegistry

RefersBack = Literal["speaker", "outlet"] | None
_COORDINATED = re.compile(r"\b(?:and|but)\s+(?:(?:also|later|then|\w+ly)\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    """A sentence's own attribution, before any carrying across sentences."""

    cue: Cue
    speaker: Span | None
    outlet: OutletMention | None
    refers_back: RefersBack = None
    addressed_back: bool = False
    outlet_kind: str | None = None  # "the newspaper": the kind of outlet referred back to
    via: tuple[OutletMention, ...] = ()  # outlets that carried the original's report ("..., according to Reuters")
    decided_by: Literal["rules", "model"] = "rules"  # who chose the speaker span and cue
    document: Span | None = None  # "the report" referred back to: the source when no outlet came before it
    outlet_back: bool = False  # «ونقلت الصحيفة عنه»: the speaker named before, in the outlet named before


def link_sentence(doc: Doc, start: int, end: int, cues: list[Cue], registry: OutletRegistry, lexicon: Lexicon,
                  story: tuple[str, ...] = ()) -> list[Link]:
    """Every attribution a sentence states itself, best first: one per cue that names (or points back to) a source.

    A sentence split into several claims can attribute them differently ("X told police ..., the source added").
    `story`: the outlets the whole article names (`OutletRegistry.story_ids`), which decide look-alike names.
    """
    outlets = outlets_in(doc, start, end, registry, lexicon, story)
    links = (_link_for(doc, start, end, cue, cues, outlets, lexicon)
             for cue in _main_cues(_relative_last(doc.text, start, _without_background(doc, start, cues)), lexicon))
    links = [link for link in links if link is not None]
    return _via_chains(_nested(_participles(doc, start, _frames_heard(links), lexicon), lexicon, doc.text), lexicon,
                       doc.text)


def _frames_heard(links: list[Link]) -> list[Link]:
    """"In a statement to Reuters, the ministry said", "X told the Telegraph in a statement that": an English frame
    that reads no speaker of its own and whose outlet another link of the sentence already has (with its speaker)
    only describes that link's words; it is no second attribution."""
    def heard(frame: Link) -> bool:
        return frame.cue.role == "frame" and not frame.cue.arabic and frame.speaker is None and not frame.refers_back \
            and any(other.cue.role != "frame" and other.speaker is not None and (
                frame.outlet is None or (other.outlet is not None and other.outlet.outlet.id == frame.outlet.outlet.id))
                for other in links)
    return [link for link in links if not heard(link)]


def _participles(doc: Doc, start: int, links: list[Link], lexicon: Lexicon) -> list[Link]:
    """"Trump said ..., adding that ...", "..., saying ...", "...، مؤكدا أن": a participle shares the subject of the
    clause it hangs on, the link before it; an Arabic one with no link before takes the subject after the verb
    that opens the sentence ("وأبدى سييرا إعجابه ...، مؤكدا"), else the speaker before, like "وأضاف"."""
    text = doc.text
    ordered = sorted(links, key=lambda link: link.cue.start)
    shared = []
    for number, link in enumerate(ordered):
        arabic = is_participle(link.cue, lexicon)
        participle = not link.cue.arabic and link.cue.text.endswith("ing") and " " not in link.cue.text and (
            text.endswith((",", "—", "–"), 0, stripped_end(text, link.cue.start)))
        participle = participle or arabic or (link.speaker is None and link.outlet is None and not link.refers_back)
        before = [m for m in ordered[:number] if (m.speaker is not None or m.refers_back == "speaker")
                  and m.cue.role == "speech" and not is_participle(m.cue, lexicon)]
        if participle and before:
            link = replace(link, speaker=before[-1].speaker, outlet=link.outlet or before[-1].outlet,
                           refers_back=before[-1].refers_back if before[-1].speaker is None else link.refers_back)
        elif arabic:
            subject = participle_subject(doc, start, link.cue, lexicon)
            link = replace(link, speaker=subject, refers_back=None) if subject is not None else link
        elif participle and ((link.speaker is None and link.outlet is None)
                             or participle_clause_subject(text, start, link.cue, lexicon) is None):
            continue  # kept only when it hangs on a clause whose subject `_link_for` read: "Fox retracted ..., saying"
        shared.append(link)
    order = {id(link): n for n, link in enumerate(links)}
    return sorted(shared, key=lambda link: order.get(id(link), len(links)))


def _coordinated(text: str, start: int, cue: Cue) -> bool:
    """"Cooper said her party supported it, and said it was damning": a second verb joined by "and"/"but" shares
    the subject of the first."""
    return not cue.arabic and cue.role == "speech" and bool(_COORDINATED.search(text, start, cue.start))


def _via_chains(links: list[Link], lexicon: Lexicon, text: str) -> list[Link]:
    """"X reported ..., according to Reuters", "وقالت صحيفة X، بحسب ما نقلت رويترز": the outlet is X, the original
    (the sentence's main clause reports it), and Reuters, which only carried X's report, is kept in `via`. The
    story's own dateline in the sentence ("دبي (CNN)-- كشف أردوغان ...، وفقا لوكالة الأناضول") is the carrier, not
    an original: the outlet is Anadolu, via CNN."""
    carrier = next((link for link in links if link.cue.role in ("according_to", "backward") and link.outlet
                    and link.speaker is None and not link.via and not _is_citing(link.cue, lexicon)), None)
    if carrier is None or carrier.outlet is None:
        return links
    others = [link.outlet for link in links if link.outlet is not None and not link.via
              and link.outlet.outlet.id != carrier.outlet.outlet.id]
    main = min((link for link in links if link is not carrier), key=lambda link: link.cue.start, default=None)
    stated = main.outlet if main is not None and _outlet_reports(main) else None
    original = stated if stated is not None and stated in others and not _dateline_mention(text, stated) else None
    carried_by = carrier.outlet
    if original is None:
        dateline = next((mention for mention in others if _dateline_mention(text, mention)), None)
        if dateline is None:
            return links
        original, carried_by = carrier.outlet, dateline
    return [replace(link, outlet=original, via=(carried_by,)) if link.outlet is not None and not link.via
            else link for link in links]


def _outlet_reports(link: Link) -> bool:
    """The main clause's outlet is what reports: the subject before an English verb ("CNN reports"), right after
    an Arabic one ("وقالت صحيفة X"), or the addressee of a speaker ("told CNN"); not a name further on in what is
    said ("and added that CNN's source is lying")."""
    outlet, cue = link.outlet, link.cue
    if outlet is None:
        return False
    if link.speaker is not None or outlet.end <= cue.start:
        return True
    return cue.arabic and outlet.start - cue.end <= _VERB_SUBJECT_GAP


# An Arabic verb's subject outlet follows it within this many characters ("وقالت صحيفة «X»").
_VERB_SUBJECT_GAP = 12


_DATELINE_CLOSE = re.compile(r"\s*\)\s*(?:--|[-–—:])")


def _dateline_mention(text: str, mention: OutletMention) -> bool:
    """The outlet named in a wire dateline's brackets ("WASHINGTON (Reuters) -", "دبي (CNN)--")."""
    return text[max(0, mention.start - 2):mention.start].rstrip().endswith("(") and bool(
        _DATELINE_CLOSE.match(text, mention.end))


def _nested(links: list[Link], lexicon: Lexicon, text: str) -> list[Link]:
    """"وبحسب وكالة الأنباء الفرنسية، قتل 14 مدنيا ... وفق ما أفاد به متطوعون محليون": the outlet reports what
    the source it names later says, so the outlet's link gains that speaker. A statement by act the outlet reports
    («وأعرب العاهل البحريني عن اعتزازه ...، وفقا للوكالة البحرينية») keeps its subject as the speaker too."""
    first = links[0] if links else None
    if first is None or first.speaker is not None or not (
            (first.outlet is not None and not first.refers_back) or first.refers_back == "outlet"):
        return links
    cited = next((link for link in links[1:] if link.speaker is not None and link.outlet in (None, first.outlet)
                  and not link.refers_back and (
                      (link.cue.role == "according_to" and not first.refers_back)
                      or (link.cue.arabic and cue_verb(link.cue) in lexicon.ar_act_verbs
                          and _ACT_COMPLEMENT.match(text, link.speaker.end)))), None)
    return [replace(first, speaker=cited.speaker), *links[1:]] if cited else links


# What follows the subject of a statement by act when the phrase ends where it should («وأعرب X عن», «ودعا X إلى»):
# without it the phrase may run into the act's object («وأدانت السعودية الهجوم», «وأشاد الوزير بجهود الشرطة»).
_ACT_COMPLEMENT = re.compile(r"\s+(?:عن|على|إلى|الى)\s")


# A preposition and a relative pronoun opening the clause a cue stands in ("during which the hosts asked ...,"): an
# aside about when or where, not the subject's own words ("Trump, who has long insisted ..., said nothing" keeps its
# "insisted").
_RELATIVE_CLAUSE = re.compile(r"[,(—–]\s*(?:during|in|at|after|before|on|under|through|throughout|amid)\s+"
                              r"(?:which|whom)\b[^,;:()]*$", re.IGNORECASE)


def _without_background(doc: Doc, start: int, cues: list[Cue]) -> list[Cue]:
    """An Arabic cue in a clause of time after another cue tells what the same source had said before («رفع الصندوق
    توقعاته، مشيرا إلى أن ...، بعدما كان توقع أن»): the sentence's statement is the first one's."""
    return [c for n, c in enumerate(cues) if not (
        n > 0 and c.arabic and _ARABIC_BACKGROUND.search(doc.folded, max(start, c.start - 24), c.start))]


_ARABIC_BACKGROUND = re.compile(r"(?:بعدما|بعد ان|عندما|حينما|قبل ان)\s+(?:(?:و?قد|كان|كانت)\s+)+$")


def _relative_last(text: str, start: int, cues: list[Cue]) -> list[Cue]:
    """English cues inside a relative clause of time or place after the sentence's other cues: "Over the course of the
    interview, during which the hosts asked some questions, she said ...": she said it, the hosts' asking is an
    aside."""
    inside = [c for c in cues if not c.arabic and _RELATIVE_CLAUSE.search(text, start, c.start)]
    return [c for c in cues if c not in inside] + inside if inside and len(inside) < len(cues) else cues


def _main_cues(cues: list[Cue], lexicon: Lexicon) -> list[Cue]:
    """Speech verbs and according-to cues first; then "citing X", whose X is usually the speaker the outlet
    cites ("Citing a source, the newspaper said"); framing phrases, which rarely name the speaker, last."""
    citing = [c for c in cues if c.role == "according_to" and _is_citing(c, lexicon)]
    # A statement by act ("أعربت X عن قلق ...، وفق ما جاء في بيان لـY") yields to any other cue the sentence has.
    acts = [c for c in cues if c.arabic and cue_verb(c) in lexicon.ar_act_verbs]
    main = [c for c in cues if c.role != "frame" and c not in citing and c not in acts]
    return main + citing + [c for c in cues if c.role == "frame"] + acts


def _is_citing(cue: Cue, lexicon: Lexicon) -> bool:
    return fold(cue.text).lstrip("وف") in lexicon.citing


def _link_for(doc: Doc, start: int, end: int, cue: Cue, cues: list[Cue], outlets: list[OutletMention],
              lexicon: Lexicon) -> Link | None:
    text = doc.text
    tongue = None
    source_pronoun = None
    if is_participle(cue, lexicon):
        speaker = None  # "مؤكدا أن ...": the reported words follow; the subject is the clause's (`_participles`)
    elif cue.arabic:
        speaker = arabic_speaker(doc, start, cue, end, cues, outlets, lexicon)
        if cue_verb(cue).startswith("نقل"):  # «نقل بيان الخارجية على لسان الوزير»; not «أكدت الوزارة على لسان
            # المتحدث رفضها ...», where the ministry speaks and the phrase after runs into what it rejected
            tongue = _on_the_tongue_of(doc, speaker.end if speaker is not None else cue.end, end, lexicon)
            if speaker is None or _carrier(speaker.text, lexicon):
                source_pronoun = _pronoun_source(doc, speaker.end if speaker is not None else cue.end, lexicon)
        if cue_verb(cue) in lexicon.ar_act_verbs and speaker is not None and _possessed(speaker.text):
            return None  # "وبررت أفعالها بـ...": the act's object follows a subject left unsaid; no one speaks
        if cue_verb(cue) in lexicon.ar_object_first_verbs and not _names_its_subject(text, start, cue, speaker, lexicon):
            return None  # «ووصف الهجوم بأنه»: the object, an unsaid subject or a passive; «على وصف المريض»: the noun
        chained = chained_verb(text, cue, cues)
        if chained is not None:
            cue = Cue(text[cue.start:chained.end], cue.start, chained.end, cue.role, cue.arabic)
    else:
        verb = fold(cue.text)
        if cue.role == "speech" and passive(text[start:cue.start], verb) and verb not in lexicon.en_passive_speaker:
            return None  # "is expected to meet", "were reported": no one speaks here, whatever outlet is near
        speaker = english_subject_only(text, english_speaker(text, start, end, cue, lexicon), cue, cues, lexicon)
        if not any(c.role == "speech" and c.start < cue.start for c in cues):  # no reporting verb before it
            speaker = participle_clause_subject(text, start, cue, lexicon) or speaker  # "Fox retracted ..., saying"
    if speaker is not None and _is_outlet_word(speaker.text, lexicon):
        speaker = None
    outlet = outlet_for(text, cue, cues, speaker, outlets, lexicon) or leading_outlet(text, start, outlets)
    if speaker is not None and outlet is not None and (
            is_just_outlet(speaker, outlet, lexicon) or names_outlet_beside(text, speaker, outlet, lexicon)
            or outlet_described_before(text, speaker, outlet, lexicon)):
        speaker = None
    via: tuple[OutletMention, ...] = ()
    if speaker is None and outlet is not None:
        speaker = _cited_speaker(doc, end, cue, cues, outlet.end, lexicon)
        cited = next((o for o in outlets if speaker is not None and o.outlet.id != outlet.outlet.id and (
            speaker.start <= o.start < speaker.end or _outlet_word_before(text, speaker, o, lexicon))), None)
        if cited is not None:
            # "نقلت رويترز عن صحيفة X", "Reuters, citing the Wall Street Journal": X is the original.
            outlet, via = cited, (outlet,)
            if speaker is not None and not speaker.start <= cited.start < speaker.end:
                speaker = None  # "نقلا عن صحيفة": the outlet word was all the cited phrase read
        if speaker is not None and is_just_outlet(speaker, outlet, lexicon):
            speaker = None
    if speaker is not None and cue.role == "frame" and cue.arabic and not fold(cue.text).endswith("ل") and (
            not fold(speaker.text).startswith("ل")):
        speaker = None  # "في بيان منفصل", "في بيان أصدره اليوم": what follows describes the statement, not whose
    if speaker is None and cue.role == "frame" and cue.arabic:
        speaker = arabic_clause_subject(doc, start, cue, lexicon)
    if speaker is not None and cue.arabic and cue.role in ("according_to", "backward"):
        speaker = _after_glued_lam(text, cue, speaker)
        if _depending_on(speaker.text, lexicon) and (outlet is None or not speaker.start <= outlet.start < speaker.end):
            return None  # "بحسب نسب الأجور", "وفق 10 فئات": "depending on", no one is cited
    if speaker is not None and cue.arabic:
        speaker = _outlet_back_citing(text, speaker, lexicon) or speaker
    if tongue is not None:
        speaker = tongue
    if speaker is not None and not speaker.text.strip():
        speaker = None  # "وقال\xa0 إن": a no-break space after the verb is no subject
    refers_back = _refers_back(speaker, lexicon) or _own_words(speaker, cue)
    # "الصحيفة", "the paper": which outlet phrase refers back (read once for both uses below)
    back_key = (_outlet_back_key(fold(speaker.text).strip(), lexicon) or "") if (
        refers_back == "outlet" and speaker is not None) else ""
    outlet_back, outlet_kind = False, None
    if source_pronoun is not None:
        if refers_back == "outlet" and speaker is not None and outlet is None:  # «ونقلت الصحيفة عنه قوله»
            outlet_back, outlet_kind = True, lexicon.outlet_back_kinds.get(back_key)
        speaker, refers_back = source_pronoun, "speaker"  # «ونقلت وكالات أنباء روسية عنه قوله»: the one named before
    if refers_back == "speaker" and cue.role in ("according_to", "backward"):
        speaker = None  # "وفق تعبيره": his own words, the speaker named before
    if speaker is None and outlet is not None and cue.arabic and cue.role == "speech" and (
            _addressed(text, cue, outlet, lexicon) or _framed(text, cue, lexicon)):
        refers_back = "speaker"  # "وقال لقناة X", "وقال في تصريحات نشرتها صحيفة X": the last speaker, now to X
    document = None
    if refers_back == "outlet" and speaker is not None:
        # "وقالت الصحيفة", "the paper quotes an officer as saying": the outlet named before, and whom it cites.
        outlet_kind = lexicon.outlet_back_kinds.get(back_key)
        document = speaker if back_key in lexicon.document_back else None
        speaker = speaker if outlet is not None else _cited_speaker(doc, end, cue, cues, speaker.end, lexicon)
    if refers_back:
        return Link(cue, speaker, outlet, refers_back, outlet_kind=outlet_kind, via=via, document=document,
                    outlet_back=outlet_back)
    if speaker is None and outlet is None:
        return Link(cue, None, None) if _coordinated(text, start, cue) else _empty_subject(cue)
    return Link(cue, speaker, outlet, addressed_back=outlet is None and _addresses_earlier_outlet(doc, cue, end, lexicon),
                via=via)


def _carrier(phrase: str, lexicon: Lexicon) -> bool:
    """A phrase opening with a word for outlets or reports («وكالات أنباء روسية», «وسائل إعلام محلية»)."""
    first = fold(phrase).split()[:1]
    return bool(first) and first[0].removeprefix("ال") in lexicon.ar_carrier_words


def _pronoun_source(doc: Doc, position: int, lexicon: Lexicon) -> Span | None:
    """«عنه» right after the subject of «نقل» (its carrier): the words are those of the speaker named before."""
    word = NEXT_WORD.match(doc.folded, position)
    if word is None or word.group(1) not in lexicon.ar_pronoun_sources:
        return None
    return Span(doc.text[word.start(1):word.end(1)], word.start(1), word.end(1))



def _depending_on(phrase: str, lexicon: Lexicon) -> bool:
    """"نسب الأجور", "نوع المخالفة", "ما هو مبين", "(وفقا ل)لعمر", "وفق 10 فئات": after "حسب" these say
    "depending on", not whose words ("بحسب 3 مصادر أمنية" still cites)."""
    words = [w for w in fold(phrase).split() if not w.isdigit()]
    return bool(words) and any(form in lexicon.ar_not_sources for form in (
        words[0], words[0].removeprefix("ال"), "ال" + words[0]))


def _names_its_subject(text: str, start: int, cue: Cue, speaker: Span | None, lexicon: Lexicon) -> bool:
    """A verb whose object follows it as readily as its subject (`ar_object_first_verbs`, «وصف») reports only opening
    its clause («ووصف ...», «من جهته، وصف ...», «كما وصف ...») before a subject that names someone: a name (a word
    without the article), or a definite title, role or body («الرئيس», «البيت الأبيض», «الحكومة»)."""
    if not opens_its_clause(text[start:cue.start]) or speaker is None:
        return False
    first = search_form(speaker.text.split()[0]).lstrip("و")
    if first.startswith("ب"):
        return False  # «ووصف بأنه»: the complement at once, a passive
    if not first.startswith("ال"):
        return True
    head = first[2:]
    return (first in lexicon.ar_name_titles or head in lexicon.ar_role_words or head in lexicon.ar_name_quoters
            or head in lexicon.ar_agent_heads)


def _possessed(phrase: str) -> bool:
    """"أفعالها", "إعجابه": a noun with a possessive pronoun (a real ه, not a ة) opens an object, not a subject."""
    first = phrase.split()[0].rstrip("،,.:")
    return len(first) > 4 and first.endswith(("ه", "ها", "هم", "هما")) and not first.endswith("الله")


def _addresses_earlier_outlet(doc: Doc, cue: Cue, end: int, lexicon: Lexicon) -> bool:
    """"confirmed the proposal to the newspaper", "وقال للصحيفة": told to the outlet named before."""
    between = doc.folded[cue.end:end]
    if "لل" not in between and "to" not in between:
        return False  # every pattern holds «لل» or "to"/"told": most cues skip the regex
    return bool(_addressed_outlet(lexicon.outlet_back).search(between))


@lru_cache(maxsize=2)
def _addressed_outlet(phrases: frozenset[str]) -> re.Pattern[str]:
    return re.compile("|".join(_addressed_pattern(phrase) for phrase in sorted(phrases, key=len, reverse=True)))


def _addressed_pattern(phrase: str) -> str:
    """"to the newspaper" / "للصحيفة" (لـ + الصحيفة is written لل)."""
    if phrase.startswith("ال"):
        return rf"(?<!\w)[وف]?لل{re.escape(phrase[2:])}(?!\w)"
    return rf"\b(?:to|told) {re.escape(phrase)}(?!\w)"


def _is_outlet_word(phrase: str, lexicon: Lexicon) -> bool:
    """"صحيفة" or "لوكالة" alone: the outlet's name follows in quotation marks."""
    folded = fold(phrase).strip()
    return folded in lexicon.ar_types or (folded[:1] in "وفبل" and folded[1:] in lexicon.ar_types)


def _cited_speaker(doc: Doc, end: int, cue: Cue, cues: list[Cue], anchor: int, lexicon: Lexicon) -> Span | None:
    """The person an outlet cites: "X, citing an official", "Citing an official, X said", "The paper quotes an
    officer as saying", "نقلت وكالة X عن مسؤول", "وكانت X قد نقلت الأسبوع الماضي عن مسؤول"."""
    citing = [c for c in cues if _is_citing(c, lexicon)]
    chosen = next((c for c in citing if c.start >= cue.start), None) or next(iter(citing), None)
    if chosen is not None:
        return (arabic_np(doc, chosen.end, end, lexicon) if chosen.arabic
                else phrase_after(doc.text, chosen.end, end, lexicon))
    if cue.arabic and any(cue_verb(c).startswith("نقل") for c in cues if 0 <= c.start - cue.start < 12):
        position = max(anchor, cue.end)
        after = re.match(r"[\s\"'»”]*((?:\S+\s+){0,3}?)عن\s+", doc.folded[position:end])
        # Time words may stand between ("نقلت صحيفة X السعودية اليوم الخميس عن مصادرها"), reported words not.
        if after and not any(word in lexicon.ar_stops and word not in lexicon.ar_time_words
                             for word in after.group(1).split()):
            return arabic_np(doc, position + after.end(), end, lexicon)
    return None


_TONGUE = re.compile(r"[\s،,]*علي لسان\s+")


def _on_the_tongue_of(doc: Doc, position: int, end: int, lexicon: Lexicon) -> Span | None:
    """«ونقل بيان الخارجية على لسان الوزير قوله»: after a verb of passing words on, "on the tongue of" names who
    spoke, whatever stands before it (a statement, an outlet)."""
    match = _TONGUE.match(doc.folded, position, end)
    return arabic_np(doc, match.end(), end, lexicon) if match else None


def _outlet_word_before(text: str, speaker: Span, outlet: OutletMention, lexicon: Lexicon) -> bool:
    """"نقلا عن صحيفة "واشنطن بوست"": the cited phrase stopped at the quotation mark, an outlet word before the
    quoted name."""
    return 0 <= outlet.start - speaker.end <= 3 and _is_outlet_word(speaker.text, lexicon) and not text[
        speaker.end:outlet.start].strip(" \"«“")


def _empty_subject(cue: Cue) -> Link | None:
    """"وأضاف أن ..." has no subject: the speaker is the one before. English needs a pronoun for that."""
    if cue.arabic and cue.role == "speech":
        return Link(cue, None, None, "speaker")
    return None


def _after_glued_lam(text: str, cue: Cue, speaker: Span) -> Span:
    """"وفقا للمصدر ذاته": the cue took one ل of لل, so the speaker starts with the other; drop it."""
    if fold(cue.text).endswith("ل") and fold(speaker.text).startswith("ل") and len(speaker.text.split()[0]) > 3:
        return Span(speaker.text[1:], speaker.start + 1, speaker.end)
    return speaker


def _outlet_back_citing(text: str, speaker: Span, lexicon: Lexicon) -> Span | None:
    """"كما نقلت الشبكة عن مسؤولين في الاستخبارات": "الشبكة" alone, which `_refers_back` reads as the outlet named
    before; whom it quotes is found by `_cited_speaker`."""
    folded = fold(speaker.text)
    match = re.match(r"(\S+(?:\s\S+)?)\s+عن\s", folded) or _DESCRIBED_BACK.match(folded)
    if match and _outlet_back_key(match.group(1), lexicon) and match.end(1) < len(folded) and not (
            folded[match.end(1):].lstrip().startswith("ل")):  # «الوكالة الدولية للطاقة الذرية»: a name goes on
        return Span(speaker.text[:match.end(1)], speaker.start, speaker.start + match.end(1))
    return None


# "ووصفت الوكالة السعودية زيارة الكاردينال بأنها": an outlet word with the article and its descriptions
# (nisba adjectives), then the object of the verb; `_outlet_back_key` decides whether the head points back.
_DESCRIBED_BACK = re.compile(r"(ال\S+(?:\s+ال\S+يه){1,2})(?=\s|$)")


# Descriptions that make "the agency" an institution, not an outlet named before («الوكالة الدولية للطاقة الذرية»).
_NOT_NATIONALITIES = frozenset({"الدوليه", "الاوروبيه", "الوطنيه", "الاتحاديه", "الامميه", "العالميه"})


def _outlet_back_key(phrase: str, lexicon: Lexicon) -> str | None:
    """The [speaker] outlet_back phrase a folded phrase is, or is with descriptions after its head ("الوكالة
    السعودية" is "الوكالة"): None when it is neither."""
    if phrase in lexicon.outlet_back:
        return phrase
    words = phrase.split()
    if not words:
        return None
    head, *described = words
    if head in lexicon.outlet_back and head.startswith("ال") and 1 <= len(described) <= 2 and all(
            word.startswith("ال") and word.endswith("يه") and word not in _NOT_NATIONALITIES for word in described):
        return head
    return None


def _own_words(speaker: Span | None, cue: Cue) -> RefersBack:
    """"وفق تعبيره", "حسب تصريحاته", "بحسب رؤيتها", "على حد قوله": one indefinite noun with a possessive pronoun
    points back, after the cue or as its last word."""
    if not cue.arabic or cue.role not in ("according_to", "backward"):
        return None
    # The written word, not its folded form: folding writes the ة of «وزارة الداخلية» as the pronoun's ه.
    words = without_diacritics(speaker.text if speaker is not None else cue.text.split()[-1]).split()
    if not words or len(words) > 2 or fold(words[0]).startswith("ال"):
        return None
    return "speaker" if re.search(r"\w{3}(?:ه|ها|هم|هما)$", words[0]) else None


def _addressed(text: str, cue: Cue, outlet: OutletMention, lexicon: Lexicon) -> bool:
    """"وقال لقناة X", "وأضاف لوكالة X", "وقال في تصريح لـ"الجوهرة اف ام"": the outlet is addressed right after the
    verb with ل, or after a framing phrase (`ar_address_frames`)."""
    between = fold(text[cue.end:outlet.start]).strip()
    if not between and cue_verb(cue) in _TELLING:
        return True  # "وأبلغ محطة X:": told the outlet, its direct object
    frame = next((f for f in lexicon.ar_address_frames if between.startswith(f)), None)
    if frame:
        between = between[len(frame):].strip()
        if between.startswith(("مع", "ل")) and len(between.split()) <= 2:
            return True
    words = between.split()
    return 1 <= len(words) <= 2 and words[0].startswith("ل")


# Verbs of telling whose addressee is their direct object («أبلغ محطة X», «أخبرت صحيفة X»), folded like `cue_verb`.
_TELLING = frozenset({"ابلغ", "ابلغت", "ابلغوا", "اخبر", "اخبرت", "اخبروا"})
_FRAME_OPENERS = ("في ", "خلال ", "عبر ", "علي ")
_ABOUT_HIM = frozenset({"عنه", "عنها", "عنهم", "عنهما"})


def _framed(text: str, cue: Cue, lexicon: Lexicon) -> bool:
    """"وقال في تصريحات نشرتها صحيفة X:", "وصرح في اتصال هاتفي بوكالة X أن", "وقال اليوم لصحيفة X", "ونقلت عنه
    وكالة X": a framing phrase (after time words, if any), an addressed outlet or "عنه" right after the verb: the
    verb has no subject of its own, so the outlet tells where the speaker before spoke, it does not speak."""
    after = fold(text[cue.end:cue.end + 120]).lstrip(" ،,")
    words = after.split()
    if words[:1] and words[0] in _ABOUT_HIM and cue_verb(cue).startswith("نقل"):
        return True  # "ونقلت عنه وكالة X أن": X carried the words of the one named before
    skipped = 0
    while skipped < len(words) and words[skipped].strip("،,") in lexicon.ar_time_words:
        skipped += 1
    if skipped:
        after = " ".join(words[skipped:])
        if after.startswith("ل"):
            return True
    return any(after.startswith(p) for p in lexicon.ar_stop_phrases if p.startswith(_FRAME_OPENERS) and " ان" not in p
               ) or any(after.startswith(f + " ") for f in lexicon.ar_address_frames)


def _refers_back(speaker: Span | None, lexicon: Lexicon) -> RefersBack:
    if speaker is None:
        return None
    key = fold(speaker.text).strip()
    if key in lexicon.pronouns:
        return "speaker"
    if _outlet_back_key(key, lexicon) or (key.startswith("ل") and "ا" + key in lexicon.outlet_back) or (
            _outlet_back_key("ال" + key, lexicon)):
        return "outlet"  # "وفقا للتقرير", «وفقا للوكالة البحرينية»: the cue took the ل of لل
    return None

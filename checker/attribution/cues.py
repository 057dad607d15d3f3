"""Cue words ("according to", "told", "وفق", "قال ... لـ") found in a sentence, with the lexicon of data/cues.toml.

Matching runs on `fold`ed text, so offsets are those of the article itself.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from checker.attribution.lexicon import WORD_LETTERS, Cue, CueRole, Lexicon, load_lexicon
from checker.doc import Doc
from checker.normalize import fold, search_form

_CLAUSE_OPENING_WORDS = 3  # "وفي وقت لاحق قال", "من جهته قال"
_FRONTED_WORDS = 14
_SUBJECT_FIRST_WORDS = 6
_CLAUSE_MARK = re.compile(r"[،,:؛;.\n)\-—–]")
_INNER_CLAUSE = frozenset({"ان", "انه", "انها", "بان", "اذ", "حيث", "بينما", "عندما", "حين", "ما", "لما", "بما",
                           "حسبما", "الذي", "التي", "الذين"})
# «بعد أن انتهى الاجتماع», «في الوقت الذي»: the phrase holds a clause of its own, whose verb may be the one read.
_CLAUSE_INSIDE = frozenset({"ان", "ما", "الذي", "التي", "الذين"})
# «في تغريدة قال فيها», «في مقابلة نشرت مقتطفات منها»: the verb's own pronoun takes the phrase back; it describes
# the tweet, not the main clause.
_RESUMPTIVE = re.compile(r"(?:\s+\w+)?\s+(?:فيه|فيها|عنه|عنها|به|بها|منه|منها)(?!\w)")
# «قالت وزارة الخارجية البحرينية "...": a quotation right after the verb and its subject (up to three words;
# folded quotes are ").
_QUOTATION_FOLLOWS = re.compile(r"(?:\s+[^\s\"،,:؛;.]+){0,3}\s*\"")
_CONTENT_AFTER = re.compile(r"\s+(?:ان|انه|انها|بان|انهم)(?!\w)")
# What follows a circumstantial participle that reports: «قائلا إن», «قائلة: "...».
_PARTICIPLE_CONTENT = re.compile(r"\s*[:\"]|" + _CONTENT_AFTER.pattern)
# "غاز للأعصاب تقول السلطات البريطانية إن مصدره": a verb inside a clause still reports when a definite subject of
# at most three words and then the reported words follow it at once.
SUBJECT_THEN_CONTENT = re.compile(r"\s+ال\w+(?:\s+ال\w+){0,2}\s+(?:ان|انه|انها|بان|انهم)(?!\w)")
_FRONTED_BARE_WORDS = 7  # "وكان رئيس الحكومة أعلن": without قد, only a short subject
_DETERMINER_BEFORE = re.compile(r"(?<![\w'])(?:the|a|an|this|these|those|his|her|its|their|our|new|latest)$")
# A word after a preposition or one of these determiners is a noun ("in hopes that", "amid fears", "no fear"): a
# finite verb never follows them (a gerund may: "after saying").
_PREPOSITION_BEFORE = re.compile(r"(?<![\w'])(?:in|of|for|with|without|amid|about|over|despite|against|no|every|my|"
                                 r"your)$", re.IGNORECASE)
# A sentence opening with a preposition ("Amid conflicting reports, ...", "Despite earlier claims, ..."): the noun
# cue closing that phrase before its comma is no verb.
_OPENING_PREPOSITION = re.compile(r"[\s\"'“‘(]*(?:amid|despite|after|following|before|with|among|in|on|over|"
                                  r"contrary to|according to|unlike|given)(?:\s|$)", re.IGNORECASE)
# After "found" / "called" / "observed", a place or a reason and no "that" in the clause: a participle ("found in
# the water"), a phone call ("called because"), a sight ("observed at the opening"), no report.
_SEEN_VERBS = frozenset({"found", "called", "observed"})
_PLACE_AFTER = re.compile(r"\s+(?:in|at|near|inside|under|among|outside|along|during|because)\b")
_THAT_IN_CLAUSE = re.compile(r"[^,.;:!?\"“”]*\bthat\b")
_TOPIC_VERBS = frozenset({"wrote", "writes", "write"})
_KEEPING_VERBS = frozenset({"maintained", "maintains", "maintain"})
_DETERMINER_AFTER = re.compile(r"\s+(?:a|an|the|its|their|his|her|our|this|these|those)\s")
_ASIDE = re.compile(r"\s+(?:about|whether|if|on|by|why|what|how|to)\b")
_ANONYMITY = re.compile(r"\s+(?:not\s+)?to\s+(?:stay|remain|be|go)\s+(?:anonymous|unnamed|unidentified|named|"
                        r"identified)\b")
_NOUN_FOLLOWERS = frozenset({"have", "has", "are", "were", "was", "is", "will", "would", "of", "from", "by", "about",
                             "suggest", "say", "said", "show", "showed", "indicate", "and", "or", "in", "for", "on", "to",
                             "shows", "suggests", "indicates", "found", "finds", "reveal", "reveals", "revealed"})
# What follows a reporting verb that only reports before its content: "that", "whether", "if", a colon, a quotation.
_COMPLEMENT = re.compile(r"\s*(?:,\s*)?(?:that\b|whether\b|if\b|:|[\"“'‘])")
_INTENTION = re.compile(r"\s+to\s+[a-z]")  # "wants to build", "plans to run": an intention is an attribution
_STANCE = re.compile(r"(?:\s+[\w'’.-]+){1,6}?\s+(?:for|as|over)\s|\s*(?:,\s*)?(?:that\b|:|[\"“])")
_POSSESSIVE = re.compile(r"(?:\w['’]s?|\b(?:his|her|their|its))\s+(?:\w+\s+)?$")  # "Trump's (latest) claim"
_GATES = {"content": _COMPLEMENT, "intention": _INTENTION, "stance": _STANCE}
_WORD = re.compile(r"(?<![\w'-])[a-z]+")
_CONTRAST_OPENERS = (("الا", "ان"), ("غير", "ان"), ("لكن",), ("ولكن",), ("بيد", "ان"))
_CHAINED = {"ما", "حسبما", "كما", "وفق", "بحسب", "حسب", "وفقا"}


def _words_in(folded: str, start: int, end: int) -> set[str]:
    """The words of folded[start:end], and each Arabic one without a leading و/ف (`_compile`'s optional prefix)."""
    words = set(WORD_LETTERS.findall(folded, start, end))
    return words | {word[1:] for word in words if word[0] in "وف"}


def find_cues(doc: Doc, start: int, end: int, lexicon: Lexicon | None = None) -> list[Cue]:
    """Cues inside text[start:end], in reading order. Roles are matched in `lexicon.ROLES` order and a cue found first hides
    any later one it overlaps, except that an English cue opening before it is cut back to a listed phrase that
    ends where it begins ("wrote in" before "in an email": "wrote")."""
    lexicon = lexicon or load_lexicon()
    text = doc.text
    # "وبيّن", "تحدّثت": matched in the copy whose marks stand at their words' ends (made once per article).
    folded = doc.folded_marks_moved if _MARKS.search(text, start, end) else doc.folded
    found: list[Cue] = []
    tails = _anonymity_tails(folded, start, end, lexicon)
    for role, arabic, match_start, match_end, gated in _matches(folded, start, end, lexicon):
        while match_end < end and _MARKS.match(text, match_end):
            match_end += 1  # "بيّن" matched as "بين": the word's last letter (and its marks) is the cue's
        while match_end < end and folded[match_end] == " " and _IN_WORD.match(text, match_end):
            match_end += 1
        cue_end = stripped_end(text, match_end, " ـ")
        cue = Cue(text[match_start:cue_end], match_start, cue_end, role, arabic)
        if any(a < cue.end and cue.start < b for a, b in tails):
            continue  # "who asked not to be named": part of the speaker, not a cue of its own
        if arabic and _PASSIVE.match(text, match_start) and is_passive(text, match_start, lexicon):
            continue  # "ونُقل المصابون", "يُذكر أن": a damma on the verb's first letter marks the passive
        clash = next((other for other in found if _overlaps(cue, other)), None)
        if clash is not None and clash.start > cue.start and not arabic:
            cue = _shorter_cue(text, folded, cue, clash, lexicon)  # "wrote in" before "in an email": "wrote"
            clash = None if cue is None else next((other for other in found if _overlaps(cue, other)), None)
            gated = False  # the shorter phrase is a listed one: it passes `_is_cue` like any other
        if cue is not None and clash is None and (gated or _is_cue(cue, folded, start, lexicon)):
            found.append(cue)
    return sorted(found, key=lambda c: c.start)


def _shorter_cue(text: str, folded: str, cue: Cue, clash: Cue, lexicon: Lexicon) -> Cue | None:
    """The longest listed English phrase of the cue's role that opens where it does and ends before the cue it ran
    into. (An Arabic phrase cut short reads its own words as the source: «وفق ما جاء في بيان» is not «وفق ما».)"""
    pattern = next(p for role, arabic, p in lexicon.patterns if role == cue.role and arabic == cue.arabic)
    match = pattern.match(folded, cue.start, clash.start)
    if match is None:
        return None
    end = stripped_end(text, match.end(), " ـ")
    return Cue(text[cue.start:end], cue.start, end, cue.role, cue.arabic)


_MARKS = re.compile(r"[\u064B-\u0652\u0670]")  # Arabic diacritics (not tatweel, which `find_cues` strips at ends)
_PASSIVE = re.compile(r"[وف]?[\u0621-\u064A]\u064F")
_IN_WORD = re.compile(r"[\u0621-\u064A\u064B-\u0652\u0670]")
_ARABIC_WORD = re.compile(r"[\u0621-\u064A\u064B-\u0652\u0670]+")


_FATHA, _DAMMA, _KASRA, _SHADDA = "\u064E", "\u064F", "\u0650", "\u0651"


def is_passive(text: str, start: int, lexicon: Lexicon) -> bool:
    """Whether the verb at text[start] (after an optional و/ف), whose first letter carries a damma, is passive.

    A past verb with that damma is («ونُقل المصابون», «أُعلن»). A present one (ي/ت) is passive in Form I and in
    every passive («يُذكَر», «يُقال»), active in Forms II-IV («يُشير», «يُؤكِّد», «يُعلِن»); its other marks decide:
    a kasra inside the word is active (no passive present has one), a fatha on the stem's last-but-one letter is
    passive, not one on Form II's first radical (before the shadda: «يُوَضِّح») or Form III's (before a long ā:
    «يُطَالِب»). With the damma alone, `ar_damma_active` in cues.toml lists the verbs read as active."""
    word = _ARABIC_WORD.match(text, start)
    if word is None:
        return False
    letters: list[tuple[str, str]] = []  # (letter, its marks)
    for ch in word.group():
        if _MARKS.match(ch):
            if letters:
                letters[-1] = (letters[-1][0], letters[-1][1] + ch)
        else:
            letters.append((ch, ""))
    if len(letters) > 2 and letters[0][0] in "وف" and not letters[0][1] and _DAMMA in letters[1][1]:
        letters = letters[1:]  # the conjunction
    if not letters or _DAMMA not in letters[0][1]:
        return False
    if letters[0][0] not in "يت":
        return True  # a past verb: «نُقل», «ذُكر», «أُعلن»
    last = len(letters) - 1
    decided: bool | None = None
    for n in range(1, last):
        marks = letters[n][1]
        if _KASRA in marks:
            return False
        if _FATHA in marks:
            after = letters[n + 1]
            if _SHADDA in after[1] or (after[0] in "اى" and n + 2 < last):
                continue  # Form II's or Form III's first radical: fatha in both voices
            decided = True
    if decided is not None:
        return decided
    return search_form("".join(letter for letter, _ in letters)) not in lexicon.ar_damma_active


def _matches(folded: str, start: int, end: int, lexicon: Lexicon) -> Iterator[tuple[CueRole, bool, int, int, bool]]:
    """(role, arabic, start, end) of every listed cue phrase, then of every verb that needs its content after it
    ("pointed out that", "wants to"), looked up word by word: one dictionary probe per word, not one regex branch
    per verb."""
    words = _words_in(folded, start, end)
    for (role, arabic, pattern), firsts in zip(lexicon.patterns, lexicon.first_words):
        if firsts is not None and firsts.isdisjoint(words):
            continue  # none of its phrases can open here (an English sentence skips every Arabic list)
        for match in pattern.finditer(folded, start, end):
            yield role, arabic, match.start(), match.end(), False
    gated = lexicon.gated
    if gated.keys().isdisjoint(_WORD.findall(folded, start, end)):
        return  # most sentences hold none of these verbs: one C-level scan decides
    for word in _WORD.finditer(folded, start, end):
        for phrase, gate, possessed in gated.get(word.group(), ()):
            phrase_end = word.start() + len(phrase)
            if folded.startswith(phrase, word.start()) and phrase_end <= end and not (
                    folded[phrase_end:phrase_end + 1].isalnum()) and _GATES[gate].match(folded, phrase_end) and (
                    not possessed or _POSSESSIVE.search(folded, max(start, word.start() - 30), word.start())):
                yield "speech", False, word.start(), phrase_end, possessed
                break


def stripped_end(text: str, end: int, chars: str | None = None) -> int:
    """len(text[:end].rstrip(chars)) without copying the article up to `end` (once per cue, that was quadratic)."""
    while end > 0 and (text[end - 1].isspace() if chars is None else text[end - 1] in chars):
        end -= 1
    return end


def _anonymity_tails(folded: str, start: int, end: int, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Spans of "who asked not to be named", "speaking on condition of anonymity", "طلب عدم الكشف عن هويته"."""
    sentence = folded[start:end].lower()
    phrases, any_phrase = _lowered(lexicon.anonymous)
    if not any_phrase.search(sentence):
        return []  # the usual case, in one scan instead of a search per phrase
    spans = []
    for phrase, lowered in zip(lexicon.anonymous, phrases):
        position = sentence.find(lowered)
        while position != -1:
            spans.append((start + position, start + position + len(phrase)))
            position = sentence.find(lowered, position + 1)
    return spans


@lru_cache(maxsize=4)
def _lowered(phrases: tuple[str, ...]) -> tuple[tuple[str, ...], re.Pattern[str]]:
    """The phrases in lower case, and a regex finding any of them."""
    lowered = tuple(phrase.lower() for phrase in phrases)
    return lowered, re.compile("|".join(re.escape(phrase) for phrase in lowered) or "(?!)")


def _overlaps(a: Cue, b: Cue) -> bool:
    return a.start < b.end and b.start < a.end


def _is_cue(cue: Cue, folded: str, sentence_start: int, lexicon: Lexicon) -> bool:
    """An Arabic reporting verb opens its clause ("وقال", "والآن، أكد"); inside one ("التي أعلنت") it reports nothing.
    An English participle after a comma or opening the sentence ("X, asked about the report, said", "Asked about
    the deal, a spokesperson told Reuters") opens an aside, and a word after "the" / "a" ("the report", "a claim") is
    a noun."""
    if not cue.arabic:
        head = folded[sentence_start:cue.start].rstrip()
        if cue.text[:1].isupper() and head.strip(" \"'(“‘—–-"):
            return False  # "Islamic State", "the Hope Project": a capitalised word inside a sentence is a name
        if _DETERMINER_BEFORE.search(head):
            return False  # "asked about the report": a noun
        if " " not in cue.text and not cue.text.endswith("ing") and _PREPOSITION_BEFORE.search(head):
            return False  # "in hopes that", "amid fears of", "have no fear": a noun, not a finite verb
        if fold(cue.text) in lexicon.en_noun_cues and folded[cue.end:cue.end + 1] == "," and "," not in head and (
                _OPENING_PREPOSITION.match(head)):
            return False  # "Amid conflicting reports, a spokesperson confirmed": the phrase opening the sentence
        lowered = cue.text.lower()
        if lowered in _SEEN_VERBS and _PLACE_AFTER.match(folded, cue.end) and not _THAT_IN_CLAUSE.match(folded, cue.end):
            return False  # "the asylum seekers found in the water", "guys called because of that", "observed at"
        if lowered in _TOPIC_VERBS and folded.startswith(" about ", cue.end):
            return False  # "Walt Whitman wrote about the Civil War": a topic, no words reported
        if lowered in _KEEPING_VERBS and _DETERMINER_AFTER.match(folded, cue.end):
            return False  # "have maintained a policy of": kept, not asserted
        if re.search(r"(?<![\w'])to(?:\s+\w+\s+(?:and|or))?$", head) and " " not in cue.text:
            return False  # "declined to comment", "wants to know": an infinitive reports nothing yet
        if folded[cue.start - 1:cue.start] == "-" or folded[cue.end:cue.end + 1] == "-":
            return False  # "quasi-state", "claim-": part of a hyphenated word
        following = folded[cue.end:cue.end + 12].split()[:1]
        if fold(cue.text) in lexicon.en_noun_cues and following and following[0].strip(".,;:") in _NOUN_FOLLOWERS:
            return False  # "Recent reports have revealed", "claims of fraud": a noun
        if _ANONYMITY.match(folded, cue.end):
            return False  # "who asked not to be named", "who has preferred to stay anonymous": why no name is given
        return not (cue.text.lower() in lexicon.en_aside_participles and _ASIDE.match(folded, cue.end)
                    and (head.endswith(",") or not head.strip(" \"'(“‘—–-")))  # "Asked about it, X said"
    if fold(cue.text) == "فحسب":
        return False  # "ليس ... فحسب، بل": "only", not "according to"
    before = folded[max(sentence_start, cue.start - 30):cue.start].split() if cue.role == "frame" else []
    if before[-1:] and before[-1] in lexicon.ar_document_verbs and before[-2:-1] != ["ما"]:
        return False  # "وجاء في بيان المنظمة أن": the statement is the source ("جاء في", below), not a frame
    if cue.role != "speech":
        return True
    if fold(cue.text) in lexicon.ar_by_saying and _saying_is_object(folded[sentence_start:cue.start], lexicon):
        return False  # «وشكك المحققون بقوله إن»: "his saying" is what was doubted
    if fold(cue.text) in lexicon.ar_participles and _PARTICIPLE_CONTENT.match(folded, cue.end) and (
            _one_clause(folded[sentence_start:cue.start])):
        return True  # «ووجه بوفون انتقادات ... قائلا إنه»: a participle hangs on the clause, however long
    verb = search_form(cue.text)
    if verb not in lexicon.ar_complement and verb[:1] in "وف" and len(verb) > 3:
        verb = verb[1:]  # «وبين» is «بين» with و; «ورد» is itself a verb
    if lexicon.ar_appositive_acts.intersection((verb, verb[1:] if verb[:1] in "وف" else verb)) and not (
            (_NAMED_BETWEEN_COMMAS.match(folded, cue.end) or SUBJECT_THEN_CONTENT.match(folded, cue.end))
            and not _CLAUSE_MARK.split(folded[sentence_start:cue.start])[-1].split()):
        # «رفض الرئيس الاتفاق»: no actor named between commas nor a subject before «أن», no statement; «وقتل طالب
        # جامعي، ...»: not opening its clause, the word is a noun
        return False
    if _other_sense(folded, cue.end, lexicon.ar_other_sense.get(verb.removesuffix("ت"))):
        return False  # «وأضاف صابر خليفة الهدف الثاني»: scored, said nothing
    if verb in lexicon.ar_complement and not _complement_follows(
            folded, cue.end, lexicon.ar_complement[verb], lexicon.ar_ba_not_objects,
            past_appositive=opens_its_clause(folded[sentence_start:cue.start])):
        return False  # "وبين عامي 2010 و2015": "between", not "he showed"; "عبر الحدود": "across"
    clauses = _CLAUSE_MARK.split(folded[sentence_start:cue.start])
    clause = clauses[-1].split()
    if clause == ["قد"] and len(clauses) > 1:
        clause = clauses[-2].split() + clause  # "وكانت وزارة الدفاع، قد نشرت": the subject before the comma
    pluperfect = _pluperfect_clause(clauses, lexicon)
    if pluperfect and pluperfect != clause:
        clause = pluperfect  # «وكان ولي العهد السعودي الأمير، محمد بن سلمان، قد قال»: a name set off by commas
    for particle in _CONTRAST_OPENERS:
        if clause[:len(particle)] == list(particle):
            clause = clause[len(particle):]  # "غير أن هذه الأخيرة أكدت": the clause opens after the particle
            break
    if clause and clause[-1] in _CHAINED:
        return True
    if fronted_subject(clause, search_form(cue.text), lexicon):
        return True
    if clause and clause[-1] in lexicon.ar_relatives:
        return False
    if fronted_phrase(clause, lexicon) and cue.text[:1] not in "وف" and not cue.text.endswith("وا") and (
            not _RESUMPTIVE.match(folded, cue.end)) and _reported_words_follow(folded, cue.end):
        return True
    # "لكن الفالح ووزير الطاقة الإماراتي سهيل المزروعي رجحا أن": a longer subject before the verb when the reported
    # words follow it at once.
    # «ونصحت السفارة ... رعاياها بتجنب مناطق الاحتجاجات وقالت إن»: a verb joined by و whose reported words follow at
    # once opens a clause of its own, however long the one before.
    content_after = bool(_CONTENT_AFTER.match(folded, _past_time_words(folded, cue.end, lexicon)))
    return len(clause) <= _CLAUSE_OPENING_WORDS or (len(clause) <= _SUBJECT_FIRST_WORDS and content_after) or (
        cue.text[:1] in "وف" and content_after) or bool(SUBJECT_THEN_CONTENT.match(folded, cue.end))


def _past_time_words(folded: str, position: int, lexicon: Lexicon) -> int:
    """Where the words after a verb go on past a day or time («قال السبت، إنه», «أكد اليوم الاثنين أن»)."""
    for _ in range(2):
        word = NEXT_WORD.match(folded, position)
        if word is None or word.group(1) not in lexicon.ar_time_words:
            break
        position = word.end()
    return position


NEXT_WORD = re.compile(r"\s*(\w+)[،,]?")  # the word at a position of folded text (group 1), its comma too


_COMPLEMENT_WORDS = 12
# After a verb: its subject, then (between commas, in one to six words) the actor's name or title («رفض النائب الأول
# لمندوب روسيا، ديميتري بوليانسكي، الأربعاء»).
_NAMED_BETWEEN_COMMAS = re.compile(r"\s+[^،,.:؛\"«»\n]{2,80}?[،,]"  # the subject, up to its comma
                                   r"\s*[^\s،,.:؛\"«»\n]+(?:\s+[^\s،,.:؛\"«»\n]+){0,5}\s*[،,]")  # one to six words
_APPOSITIVE_WORDS = 4
_RELATIVE_APPOSITIVE_WORDS = 15
_CLAUSE_STOP = re.compile(r"([،,:؛;.\n])")  # what ends a verb's clause for its complement
_RELATIVE_PRONOUNS = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "والذي", "والتي",
                                "والذين"})
_COMPLEMENT_FORMS = {"ان": ("ان", "انه", "انها", "انهم", "بان", "بانه", "بانها"), "عن": ("عن",)}


def _ba_object(word: str, not_objects: frozenset[str]) -> bool:
    """A word with ب attached that can be what is acknowledged («بموته», «بالهزيمة», «بـ"موته"»), not «بقيمة»."""
    rest = word[1:].strip("ـ\"«»“”'")
    rest = rest[2:] if rest.startswith("ال") else rest
    return word.startswith("ب") and len(rest) >= 3 and rest not in not_objects


def _complement_follows(folded: str, position: int, word: str, ba_not_objects: frozenset[str] = frozenset(),
                        past_appositive: bool = False) -> bool:
    """The complement ("أن", "عن"; "أن|ب": either, or a ب-word: «أقرت السعودية بموته») a verb needs, within its
    clause ("وبيّن اليعقوبي في تصريح أن") and before any relative pronoun («وبين المشاركين وزير الخارجية الذي قال
    إن»: the أن is the relative clause's); "عن طريق" ("by way of") is none, nor a ب-word of `ba_not_objects`.
    `past_appositive` (the verb opens its clause): «عن» or a ب-word may follow a short phrase set off by commas
    («عبر النجم المصري، محمد صلاح، عن سعادته»; not «وانتقل اللاجئون عبر الحدود، يوم الأحد، عن عمد»), and «أن» that
    phrase or a relative clause («ووجدت الدراسة، التي أجريت على أكثر من 50 ألف امرأة، أن»)."""
    if "|" in word:
        return any(_complement_follows(folded, position, one, ba_not_objects, past_appositive)
                   for one in word.split("|"))
    parts = _CLAUSE_STOP.split(folded[position:position + 200], maxsplit=1)
    clause = parts[0].split()[:_COMPLEMENT_WORDS]
    if past_appositive and word in ("عن", "ب", "ان") and len(parts) > 1 and parts[1] in ("،", ","):
        clause += _after_appositive(parts[2], relative=word == "ان")
    elif past_appositive and len(parts) > 1 and parts[1] in ("،", ","):
        clause += parts[2].split()[:1]  # «وبعث ... علي شمخاني، رسالة إلى»: the object right after the subject's comma
    opened = next((n for n, w in enumerate(clause) if w in _RELATIVE_PRONOUNS), None)
    if opened is not None:
        clause, parts = clause[:opened], parts[:1]
    if word == "ان" and len(parts) > 1 and parts[1] == ":" and len(clause) <= _COMPLEMENT_WORDS:
        return True  # "وجاء في البيان: ...", "وبيّن الوزير: ...": the words follow the colon
    if word == "ب":  # «بموته»; «بـ"موته"» folds to «ب "موته"»
        return any(_ba_object(w if w != "ب" else "ب" + "".join(clause[n + 1:n + 2]), ba_not_objects)
                   for n, w in enumerate(clause))
    forms = _COMPLEMENT_FORMS.get(word, (word,))
    return any(w in forms and not (w == "عن" and clause[n + 1:n + 2] == ["طريق"]) for n, w in enumerate(clause))


_OTHER_SENSE_WORDS = 6
_REPORT_OPENERS = frozenset({"عن", "ان", "انه", "انها", "انهم", "بان", "قوله", "قولها"})


def _other_sense(folded: str, position: int, words: frozenset[str] | None) -> bool:
    """One of `words` (a verb's other sense: «أضاف ... الهدف») within the first words of the verb's clause."""
    if not words:
        return False
    clause = _CLAUSE_STOP.split(folded[position:position + 120], maxsplit=1)[0].split()[:_OTHER_SENSE_WORDS]
    for word in clause:
        if word in _REPORT_OPENERS:
            return False  # «ونقلت رويترز عن مصادر إن الرئيس سيتوجه إلى»: what follows is the report
        if word.lstrip("و") in words:
            return True
    return False


def _after_appositive(rest: str, relative: bool = False) -> list[str]:
    """The words of the clause after a short phrase set off by commas (a name, a title, a time: "، محمد صلاح، عن"),
    or, when `relative`, after a relative clause so set off ("، التي أجريت على ...، أن"); else none."""
    appositive, comma, after = (_CLAUSE_STOP.split(rest, maxsplit=1) + ["", ""])[:3]
    words = appositive.split()
    longest = _RELATIVE_APPOSITIVE_WORDS if relative and words[:1] and words[0] in _RELATIVE_PRONOUNS else (
        _APPOSITIVE_WORDS)
    if comma not in ("،", ",") or not 1 <= len(words) <= longest:
        return []
    return _CLAUSE_STOP.split(after, maxsplit=1)[0].split()[:_COMPLEMENT_WORDS]


# Words after which a verb still opens its clause («كما وصف المتحدث ...», «في حين وصف ...»).
_CLAUSE_LINKS = frozenset(search_form(w) for w in ("كما", "فيما", "بينما", "حين", "ثم", "وكما"))


def opens_its_clause(before: str) -> bool:
    """Nothing of the clause stands before a verb (its sentence's start, a comma, a colon or a dash, or a linking word:
    «من جهته، وصف», «كما وصف»)."""
    before = before.rstrip()
    return not before or before.endswith(("،", ",", ":", "-", "–", "—")) or (
        search_form(before.split()[-1]) in _CLAUSE_LINKS)


def _saying_is_object(before: str, lexicon: Lexicon) -> bool:
    """The clause before «بقوله» opens with a verb whose object takes ب («وشكك المحققون»), and no ب-word stands
    there already as that object («وأشاد الوزير بالاتفاق بقوله إنه»: the saying is then how he praised it)."""
    clause = _CLAUSE_MARK.split(before)[-1].split()
    if not clause:
        return False
    return _opens_with(clause, lexicon.ar_by_saying_objects_of) and not any(
        w.startswith("ب") and len(w) > 3 for w in clause[1:])


def _opens_with(clause: list[str], words: frozenset[str]) -> bool:
    """The clause's first word is one of `words`, alone or with و/ف («وفي», «وشكك»)."""
    first = clause[0]
    return first in words or (first[:1] in "وف" and first[1:] in words)


def _one_clause(before: str) -> bool:
    """No mark or particle opens a second clause before the participle («ورددت التقارير أن ديشان فسر اللقب قائلا»:
    it hangs on the inner clause, whose subject the sentence's opening verb does not give)."""
    return not _CLAUSE_MARK.search(before) and not _INNER_CLAUSE.intersection(before.split())


def _reported_words_follow(folded: str, position: int) -> bool:
    """«إن»/«أن» or «عن» in the verb's clause («قال قرقاش إن», «كشف هازارد عن», «قال المستشفى الذي يرقدان به إن»,
    not «عن طريق»), a colon, a quotation right after the subject, or «إن» right after a title set off by commas
    (`_content_after_title`): not only an object («أعلن الحكم ركلة جزاء», «أشار الوزير إلى الخريطة», «أعلن الوزير
    إطلاق مبادرة "مستقبل"» with a quoted name further on)."""
    clause, *mark = _CLAUSE_STOP.split(folded[position:position + 200], maxsplit=1)
    words = clause.split()[:_COMPLEMENT_WORDS]
    return mark[:1] == [":"] or bool(_QUOTATION_FOLLOWS.match(folded, position)) or any(
        w in _COMPLEMENT_FORMS["ان"] or (w == "عن" and words[n + 1:n + 2] != ["طريق"]) for n, w in enumerate(words)
    ) or (mark[:1] in (["،"], [","]) and len(words) <= _APPOSITIVE_WORDS and _content_after_title(mark[1]))


def _content_after_title(rest: str) -> bool:
    """«قال أحمد المهيري، الأمين العام للجنة العليا للتشريعات في دبي، إن»: after the name, a title of up to
    `_COMPLEMENT_WORDS` words set off by commas, and then «إن»/«أن» at once."""
    title, comma, after = (_CLAUSE_STOP.split(rest, maxsplit=1) + ["", ""])[:3]
    first = after.split()[:1]
    return comma in ("،", ",") and 1 <= len(title.split()) <= _COMPLEMENT_WORDS and bool(first) and (
        first[0] in _COMPLEMENT_FORMS["ان"])


def fronted_phrase(clause: list[str], lexicon: Lexicon) -> bool:
    """«وفي تغريدة على حسابه على تويتر قال»: a phrase of where or when opens the clause, and the verb after it
    starts the main clause, however long the phrase. The caller leaves out a verb with و or ف («وفي الدقيقة 39
    لمس بيكيه الكرة فأعلن الحكم») and a plural one («وبعد ... تلقت رسائل من أشخاص قالوا»): each follows a clause
    or a subject of its own, not the phrase."""
    if not 2 <= len(clause) <= _FRONTED_WORDS:
        return False
    return _opens_with(clause, lexicon.ar_fronted_prepositions) and not _CLAUSE_INSIDE.intersection(clause[1:])


def _pluperfect_clause(clauses: list[str], lexicon: Lexicon) -> list[str] | None:
    """The words from «وكان»/«وكانت» to the verb when a subject's title and name set off by commas stand between them
    («وكان ولي العهد السعودي الأمير، محمد بن سلمان، قد قال»); else None."""
    words: list[str] = []
    for clause in reversed(clauses[-4:]):
        words = clause.split() + words
        if pluperfect_opens(words, lexicon):
            return words
    return None


def pluperfect_opens(words: list[str], lexicon: Lexicon) -> bool:
    """«وكان» ... «قد», at most `_FRONTED_WORDS` words: a subject fronted before a past verb."""
    opener = words[0] if words else ""
    return 3 <= len(words) <= _FRONTED_WORDS and words[-1] == "قد" and (
        opener in lexicon.ar_pluperfect or (opener[:1] in "وف" and opener[1:] in lexicon.ar_pluperfect))


def fronted_subject(clause: list[str], cue: str, lexicon: Lexicon) -> bool:
    """"وكانت صحيفة X قد ذكرت", "أما صحيفة X فقالت": the subject stands between the opener and the verb."""
    if len(clause) < 2 or len(clause) > _FRONTED_WORDS:
        return False
    opener = clause[0]
    if opener[:1] in "وف" and opener[1:] in lexicon.ar_pluperfect | lexicon.ar_topic:
        opener = opener[1:]
    if opener in lexicon.ar_pluperfect:
        # "وكانت صحيفة X قد ذكرت", and without قد: "وكان رئيس الحكومة أعلن" (a past verb after its subject; "يقول"
        # and "تقول" are present tense, "تحدثت", a past verb whose stem opens with ت, is not).
        return (len(clause) >= 3 and clause[-1] == "قد") or (
            len(clause) <= _FRONTED_BARE_WORDS and clause[-1] != "قد" and (
                not cue.startswith(("ي", "ت")) or (cue.startswith("ت") and cue.endswith("ت") and len(cue) > 4)))
    return opener in lexicon.ar_topic and cue.startswith("ف")

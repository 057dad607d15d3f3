"""What kind of sentence a sentence is: a question, speculation, opinion, a newsroom note, a fragment, or a claim.

`sentence_reason` is the sentence-level half of `checker.claims` (the line-level half reads shapes: headline,
byline, caption, boilerplate); `has_verb` tells a clause from a noun phrase for both. Word lists in
checker/data/claims.toml ([speculation], [opinion], [questions], [verbs]) and boilerplate.toml ([newsroom_notes]).
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from typing import Any

from checker.checkworthiness import count_terms, term_pattern
from checker.config import DATA_DIR
from checker.doc import marks_moved
from checker.normalize import fold
from checker.numbers import find_numbers
from checker.segment import WORD, lexicon, quote_spans, words

QUESTION_END = re.compile(r"[?؟][\s\"”»'’)]*$")
_ENGLISH_MODAL = re.compile(r"(?:^|[^\w])(?:may|might|could)\b|^\W*(?:May|Might|Could)\b")
_QUESTION_TAIL_WORDS = 5  # "، فمن هو المدير الجديد؟" after a report of at least _REPORT_WORDS words
_REPORT_WORDS = 15
_HEDGE_REACH = 5  # a strong hedge this early qualifies the whole statement, not a tail of it
_EXCLAIMED = re.compile(r"(?<![!?؟])![\s)]*$")  # closed by one "!" outside quotation marks
_PAST_PARTICIPLE = re.compile(r"\b[a-z]{3,}ed\b")
# A personal pronoun and a word after it (an adverb between at most): a clause, whatever its verb ("He spent most of
# his career at HBO.", "She now faces 5 years in jail."); a caption names who is pictured.
_PRONOUN_SUBJECT = re.compile(r"(?:^|[.;:!?\"“]\s*)(?:he|she|they|we)\s+(?:[a-z]+ly\s+|now\s+|also\s+)?[a-z]{2,}\b")
_ARABIC_PUNCT_AS_SPACE = str.maketrans("،؛؟", "   ")
_PRESENT_PREFIX = re.compile(r"^[وفلس]{1,2}(?=ي)")
_ARABIC_WORD = re.compile(r"[\u0621-\u064A]+")
_PAST_PERFECT = re.compile(r"(?<![\u0621-\u064A])[وف]?كان(?:ت|وا)?\s+$")  # "وكان قد تغيب": past, not a modal
# The answer of a condition opening with the future's س: the first word after a comma, or with ف («، سيكون»,
# «فستتوقف», «فسنعمل»); not a past verb («سيطرت») nor a word of the condition itself («إذا كان السائح في سيدني»).
_AR_FUTURE = re.compile(r"(?:[،,]\s*و?|(?<![\w\u0600-\u06FF])و?ف)س([يتن][\u0621-\u064A]{2,}(?<![هةت]))(?![\w\u0600-\u06FF])")
_LEADING_MARKS = re.compile(r"^[\s\"“”«»'‘’(\-–—]+")
_LEADING_CONJUNCTION = re.compile(r"^(?:(?:and|but|so|yet)\s+|(?:well|oh|yes|no),\s+)")  # "Well, that would be sad."
# An editor's initials signing a story, alone or after its last full stop: "ع ب م", "(م.ح)", "ر.ع/ س.ب", also with
# the photo note that follows them ("ع ب م (صورة أرشيفية)").
INITIALS = re.compile(r"^[\s(]*[\u0621-\u064A]{1,2}(?:[.\s/]+[\u0621-\u064A]{1,2}){1,3}[.)\s]*"
                      r"(?:\((?:صورة|صور|الصورة)[\u0621-\u064A\s]{0,20}\)[.\s]*)?$")


@lru_cache(maxsize=1)
def _notes() -> dict[str, Any]:
    """boilerplate.toml [newsroom_notes]."""
    with open(DATA_DIR / "boilerplate.toml", "rb") as handle:
        data = tomllib.load(handle)["newsroom_notes"]
    return {"notes": tuple(re.compile(p, re.IGNORECASE) for p in data["patterns"]),
            "note_exceptions": re.compile("|".join(data["exceptions"]), re.IGNORECASE),
            "note_tail_words": data["tail_words"]}


def has_verb(text: str, language: str, folded: str | None = None) -> bool:
    """A rough test for a finite verb, enough to tell a clause from a noun phrase.

    `folded`: the text's slice of the article's folded copy (`Doc.folded`), when the caller has it."""
    folded = fold(text) if folded is None else folded
    langs = ["ar", "en"] if language not in {"ar", "en"} else [language]
    if count_terms(folded, "verbs", langs):
        return True
    if "ar" in langs and any(_present_tense(token) for token in folded.split()):
        return True
    return "en" in langs and bool(_PAST_PARTICIPLE.search(folded) or _PRONOUN_SUBJECT.search(folded))


@lru_cache(maxsize=1)
def _ya_nouns() -> frozenset[str]:
    return frozenset(fold(word) for word in lexicon()["verbs"]["ya_nouns"])


def _present_tense(token: str) -> bool:
    """يلتقي، ويعلن، سيصل، يستعدون: Arabic present tense starts with ي (after و ف ل س)."""
    if "ي" not in token[:3]:
        return False  # the stem's ي is the word's first, second or third letter
    stem = _PRESENT_PREFIX.sub("", token)
    return len(stem) >= 4 and stem.startswith("ي") and stem not in _ya_nouns() and bool(_ARABIC_WORD.fullmatch(stem))


def _opening(folded: str) -> str:
    """A sentence's first 200 characters as its opening words are looked up: no leading quotes or dashes, no
    "and"/"but", no connective such as لذا / therefore (computed once per sentence, for every list `_starts_with`
    tries)."""
    # "في تقديري، ...": the Arabic comma is inside the Arabic block, which the word-end check treats as a letter.
    head = _LEADING_MARKS.sub("", folded[:200]).translate(_ARABIC_PUNCT_AS_SPACE)
    head = _LEADING_CONJUNCTION.sub("", head)
    return _connective().sub("", head)


@lru_cache(maxsize=1)
def _connective() -> re.Pattern[str]:
    """A connective opening a sentence and the comma or space after it (claims.toml [opinion] connectives_*)."""
    opinion = lexicon()["opinion"]
    terms = sorted({fold(t) for t in opinion["connectives_ar"] + opinion["connectives_en"]}, key=len, reverse=True)
    return re.compile(rf"^(?:{'|'.join(map(re.escape, terms))})(?![\w\u0600-\u06FF])[\s,]*")


def _starts_with(head: str, section: str, key: str) -> bool:
    """`head` (an `_opening`) opens with a term of [section] key, or with و/ف and one."""
    match = term_pattern(section, key).match(head)
    return bool(match) or bool(head[:1] in ("و", "ف") and term_pattern(section, key).match(head[1:]))


def is_question(sentence: str, language: str, folded: str | None = None) -> bool:
    return _is_question(sentence, language, folded, None)


def _is_question(sentence: str, language: str, folded: str | None, head: str | None) -> bool:
    if QUESTION_END.search(sentence):
        return True
    if language != "ar":
        return False
    folded = fold(sentence) if folded is None else folded
    head = _opening(folded) if head is None else head
    return _starts_with(head, "questions", "ar") and len(WORD.findall(sentence)) < 25  # words as `words` counts


def opens_quotation(text: str) -> bool:
    """The text opens with a quotation mark: what follows is someone's words."""
    return text.lstrip()[:1] in "\"“«„"


def clause_speculates(folded: str, language: str) -> bool:
    """A clause of a longer sentence that opens as speculation does («...، ويبدو أن أوباما أراد»), with no source of
    its own: the guess is no claim, the clauses beside it may be."""
    langs = ["ar", "en"] if language not in {"ar", "en"} else [language]
    return count_terms(folded, "cues", langs) == 0 and any(
        _starts_with(_opening(folded), "speculation", f"openers_{lang}") for lang in langs)


def sentence_reason(sentence: str, language: str, title: bool = False, folded: str | None = None) -> str | None:
    """Why a sentence is not a claim (speculation, question, opinion, fragment), or None.

    `folded`: the sentence's slice of the article's folded copy with its marks moved (`Doc.folded_marks_moved`),
    when the caller has it."""
    folded = marks_moved(sentence, fold(sentence)) if folded is None else folded
    word_count = len(WORD.findall(sentence))  # in the text itself, as `words` counts: "مُحَمَّد" is one word
    langs = ["ar", "en"] if language not in {"ar", "en"} else [language]
    attributed = count_terms(folded, "cues", langs) > 0
    quoted = opens_quotation(sentence)
    if _newsroom_note(sentence):
        return "newsroom note"
    if INITIALS.match(sentence):
        return "byline"
    head = _opening(folded)
    if any(_starts_with(head, "speculation", f"openers_{lang}") for lang in langs) and not attributed and not quoted:
        return "speculation"  # (a quotation's guess is its speaker's words: "\"It is unclear whether ...\"")
    if (_is_question(sentence, language, folded, head) or _QUOTED_QUESTION.match(sentence)) and not (
            not title and _reported_question(sentence, head, attributed, langs)):
        if title:
            return "headline question"
        rhetorical = any(_starts_with(head, "questions", f"rhetorical_{lang}") for lang in langs)
        return "rhetorical question" if rhetorical else "question"
    if not attributed and any(_starts_with(head, "questions", f"frames_{lang}") for lang in langs):
        return "rhetorical question"  # "ويبقى السؤال حول ...": a question left open, without its mark
    hedges = count_terms(folded, "speculation", [f"hedges_{lang}" for lang in langs])
    if not attributed and not re.search(r"\d", sentence) and (hedges >= 2 or count_terms(
            " ".join(folded.split()[:_HEDGE_REACH]), "speculation", [f"strong_{lang}" for lang in langs])):
        return "speculation"  # two hedges, or a strong one in the opening words ("والهجوم ربما جاء ردا على")
    if not quoted and not attributed and not re.search(r"\d", sentence) and any(
            _starts_with(head, "opinion", f"openers_{lang}") for lang in langs):
        return "opinion"  # (not "I don't know the exact figure, but we treated 500 people": a figure is reported)
    if not quoted and any(_view_of_no_one(lang, sentence, folded, attributed) for lang in langs):
        return "opinion"
    if not quoted and not attributed and (_evaluative(folded, langs) >= 2 or _emphatic(head, word_count, langs)) and (
            not _has_figure(sentence, folded)):
        return "opinion"
    if not attributed and "ar" in langs and not _QUOTE_MARK.search(sentence) and not _has_figure(sentence, folded) and (
            _copula_judgement(head, folded)):
        return "opinion"
    if not quoted and not attributed and not re.search(r"\d", sentence) and _modal(sentence, folded, langs):
        return "speculation"
    judged = _judged(head, folded, langs, attributed, quoted, sentence)
    if judged:
        return judged
    if word_count < 3 and not has_verb(sentence, language, folded):
        return "fragment"
    if sentence.rstrip().endswith((":", "：")) and word_count <= 12:
        return "lead-in"
    return None


def _judged(head: str, folded: str, langs: list[str], attributed: bool, quoted: bool, sentence: str) -> str | None:
    """The writer's judgement or guess where no opening frame shows it (claims.toml [speculation] anywhere_*,
    conditionals_*, seeming_ar, unnamed_sources_*; [opinion] stance_*)."""
    if re.search(r"\d", sentence):
        return None  # a figure is reported, not guessed
    if _unnamed_guess(head, folded, langs):
        return "speculation"  # "ويقول علماء إن هذا النوع ربما يكون قد عاش ...": no one in particular, guessing
    if attributed or quoted:
        return None
    if (count_terms(folded, "speculation", [f"anywhere_{lang}" for lang in langs]) or _conditional(head, folded, langs)
            or _forecast(folded, langs)):
        return "speculation"
    if count_terms(folded, "opinion", [f"stance_{lang}" for lang in langs]):
        return "opinion"
    if "ar" in langs and count_terms(" ".join(head.split()[:_HEDGE_REACH]), "speculation", ["seeming_ar"]):
        return "opinion"  # "وهي مهمة تبدو شاقة على حكومة ...": how a thing seems to the writer
    return None


def _forecast(folded: str, langs: list[str]) -> bool:
    """A forecast that is the sentence's own statement (claims.toml [speculation] forecasts_*): nothing with a verb
    before it ("The company fired its chief executive and is expected to name ..." reports the firing), and no
    relative pronoun in its clause («الطريق الذي كان من المتوقع أن يفتح», "whose phone is expected to ...")."""
    for lang in langs:
        relatives = term_pattern("speculation", f"relatives_{lang}")
        for match in term_pattern("speculation", f"forecasts_{lang}").finditer(folded):
            before = folded[:match.start()]
            clause = re.split(r"[،,;]", before)[-1]
            if not relatives.search(clause) and not has_verb(before, lang, before) and (
                    lang != "ar" or _fronted_phrase(before)):
                return True
    return False


@lru_cache(maxsize=1)
def _fronted_prepositions() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon()["speculation"]["fronted_prepositions_ar"])


def _fronted_phrase(before: str) -> bool:
    """What stands before an Arabic forecast is nothing or a fronted phrase (claims.toml [speculation]
    fronted_prepositions_ar)."""
    words = before.split()
    if not words:
        return True
    first = words[0][1:] if words[0][:1] in ("و", "ف") and len(words[0]) > 2 else words[0]
    prepositions = _fronted_prepositions()
    return (first in prepositions or (first[:1] in ("ب", "ل") and first[1:] in prepositions)
            or (first[:1] == "ب" and len(first) > 3))


def _conditional(head: str, folded: str, langs: list[str]) -> bool:
    """Opens with a condition and holds a modal: "وإذا رفض المجلس العرض، يمكن أن تتوقف المفاوضات". قد counts only
    before a present verb, as in `_modal`: "وإذا كانت الحكومة قد وافقت على الخطة، فإن ..." states what happened."""
    return any(_starts_with(head, "speculation", f"conditionals_{lang}")
               and (count_terms(folded, "speculation", [f"conditional_modals_{lang}"])
                    or (lang == "ar" and (_ar_present_modal(folded) or _ar_future(folded)))) for lang in langs)


def _ar_future(folded: str) -> bool:
    """A verb with the future's س («سيكون», «وستتوقف»): in a conditional sentence, what would follow."""
    return any(_present_tense(m.group(1)) or _second_person_present(m.group(1))
               or (m.group(1)[0] == "ن" and len(m.group(1)) >= 4) for m in _AR_FUTURE.finditer(folded))


def _unnamed_guess(head: str, folded: str, langs: list[str]) -> bool:
    """An unnamed group in the opening words as the source, and a hedge: "ويقول باحثون إن ... ربما ...",
    "Scientists say it probably ..." (a strong hedge: a weak one, "محامون قالوا إن العقد المحتمل يطرح أسئلة", leaves
    a claim)."""
    opening = " ".join(head.split()[:3])
    return any(count_terms(opening, "speculation", [f"unnamed_sources_{lang}"])
               and count_terms(folded, "speculation", [f"strong_{lang}"]) for lang in langs)


# A quotation that is one question, then only who asked it: '"How can you be expected to do more?" Kurak asked.',
# '“How would he trust them?” said one former official.' (a question the speaker asks, not a fact they report).
# Not when the quotation states something first ("We built 40 hospitals. What more ...?"), a figure stands in it
# ("Where are the 2 million missing votes?"), or the attribution goes on ("asked the mayor, who resigned ...").
_QUOTED_QUESTION = re.compile(r"\s*[\"“‘'][^.!\d]{3,}?[?؟][\"”’']\s*"
                              r"(?=(?:\S+\s+){0,6}?(?:asked|asks|said|says|wondered)\b)(?:\S+\s+){0,6}\S+?[.!]?\s*$")


def _reported_question(sentence: str, head: str, attributed: bool, langs: list[str]) -> bool:
    """A speaker's statement quoted whole and closed by "؟" ('وقال: "انتظرت الرد أسبوعا كاملا. هل نسيني
    أحد"؟'): what they said is reported. A sentence that opens as a question stays one."""
    if _opens_question(head, langs):
        return False
    body = sentence.rstrip(" \"”»'’)?؟")
    return attributed and bool(re.search(r"[:：]\s*[\"“«]", sentence)) and bool(re.search(r"[.!]", body))


def _opens_question(head: str, langs: list[str]) -> bool:
    return any(_starts_with(head, "questions", key) for key in ("ar", *(f"rhetorical_{lang}" for lang in langs)))


def question_tail(sentence: str, language: str, folded: str | None = None) -> int | None:
    """Where a short question tacked onto a long report starts ("أقال الوزير مدير الميناء بعد سلسلة تحقيقات ...، فمن هو
    المدير الجديد؟" -> the offset of "فمن"), or a question of any length the speaker is said to ask ("...، متسائلا:
    "..."؟"), or None. The report before it is a claim; the question is not."""
    folded = fold(sentence) if folded is None else folded
    langs = ["ar", "en"] if language not in {"ar", "en"} else [language]
    if not QUESTION_END.search(sentence) or _opens_question(_opening(folded), langs):
        return None
    body = sentence.rstrip(" \"”»'’)?؟")
    comma = max(body.rfind("،"), body.rfind(","))
    if comma < 0 or any(start < comma < end for start, end in quote_spans(sentence)) or re.search(
            r"[?؟\"“”«»]", body[:comma]):
        return None
    tail = comma + 1 + len(body[comma + 1:]) - len(body[comma + 1:].lstrip())
    if any(_starts_with(fold(sentence[tail:]), "questions", f"asking_{lang}") for lang in langs):
        return tail if has_verb(body[:comma], language) else None
    short = len(words(sentence[tail:])) <= _QUESTION_TAIL_WORDS
    return tail if short and len(words(body[:comma])) >= _REPORT_WORDS and has_verb(body[:comma], language) else None


def _has_figure(sentence: str, folded: str) -> bool:
    """A digit or a number word ("تتدرب فقط منذ سبعة أشهر"): something counted is reported."""
    return bool(re.search(r"\d", sentence)) or any(m.kind != "ordinal" for m in find_numbers(sentence, 0, folded))


def _view_of_no_one(language: str, sentence: str, folded: str, attributed: bool) -> bool:
    """"ويرى مراقبون أن ...", "Analysts believe ...", "Some traders believe ..." (a figure or a source keeps the last
    kind a claim: "Some companies expected growth of 5 %", "Most voters think ..., a poll found" report)."""
    match = _vague_opinion(language).match(folded)
    return match is not None and not (match.groupdict().get("group") and (
        attributed or _has_figure(sentence, folded)))


@lru_cache(maxsize=None)
def _vague_opinion(language: str) -> re.Pattern[str]:
    """"ويرى مراقبون أن ...", "Some analysts believe ...": an unnamed group's view (claims.toml [opinion] vague_*)."""
    opinion = lexicon()["opinion"]
    verbs = "|".join(re.escape(fold(w)) for w in opinion[f"vague_verbs_{language}"])
    holders = "|".join(re.escape(fold(w)) for w in sorted(opinion[f"vague_holders_{language}"], key=len, reverse=True))
    if language == "ar":
        # «ولا يستبعد المراقبون أن»: a view negated is still no one's in particular
        return re.compile(rf"^[\s\"“”«»'‘’(]*[وف]?(?:لا\s+)?(?:{verbs})\s+(?:{holders})(?![\w\u0621-\u064A])")
    # "Some traders believe ...": any plural group after a quantifier too (`group`; with no figure, `_view_of`).
    return re.compile(rf"^[\s\"“”'‘’(]*(?:(?:and|but)\s+)?(?:(?:many|some|most|several|other)?\s*(?:{holders})"
                      rf"|(?P<group>(?:many|some|most|several)\s+[a-z]+s))\s+"
                      rf"(?:(?:also|still|now|widely|privately)\s+)?(?:{verbs})\b")


def exclaimed(sentence: str, language: str, folded: str | None = None) -> bool:
    """"She is right!", "الحل مقاعد مكيفة مناسبة للجميع!": in an article's body the writer exclaims and states nothing
    to check (no source, no quotation, no figure). Tweets exclaim their claims too, so `checker.claims` asks this only
    of articles. `folded` as for `sentence_reason`."""
    folded = marks_moved(sentence, fold(sentence)) if folded is None else folded
    langs = ["ar", "en"] if language not in {"ar", "en"} else [language]
    return bool(_EXCLAIMED.search(sentence)) and not opens_quotation(sentence) and not re.search(
        r"\d", sentence) and count_terms(folded, "cues", langs) == 0


def _emphatic(head: str, word_count: int, langs: list[str]) -> bool:
    """"إنه امتحان صعب.": a short sentence opened by إنه/إنها, the writer's own emphasis (claims.toml [speculation]
    emphatic_ar)."""
    data = lexicon()["speculation"]
    return "ar" in langs and word_count <= data["emphatic_max_words"] and _starts_with(head, "speculation", "emphatic_ar")


_QUOTE_MARK = re.compile(r"[\"“”«»]")


def _copula_judgement(head: str, folded: str) -> bool:
    """«وتعتبر هذه الزيارة خطوة هامة»: a copula that opens the sentence and, in its clause, a noun of judgement as
    what the subject is said to be (claims.toml [opinion] copulas_ar, copula_judgements_ar): not «تعتبر الحكومة أن»
    (a view someone holds), not the subject itself («وتعد هذه الخطوة الأولى») nor a thing counted («ثاني خطوة»)."""
    if not _starts_with(head, "opinion", "copulas_ar"):
        return False
    reach, judgements = _copula_judgements()
    clause = re.split(r"[،,؛;]", folded, maxsplit=1)[0].split()[:reach]
    for before, word in zip(clause, clause[1:]):
        if word in _THAT:
            return False
        if word.lstrip("و") in judgements and before not in _NOT_BEFORE_JUDGEMENT:
            return True
    return False


@lru_cache(maxsize=1)
def _copula_judgements() -> tuple[int, frozenset[str]]:
    opinion = lexicon()["opinion"]
    return opinion["copula_reach"], frozenset(fold(w) for w in opinion["copula_judgements_ar"])


_THAT = frozenset({"ان", "انه", "انها", "بان"})  # folded: «أن» after the copula's subject, a view someone holds


# Words after which a noun of judgement is the subject or a thing counted, not the verdict on it.
_NOT_BEFORE_JUDGEMENT = frozenset(fold(w) for w in ("هذه", "هذا", "تلك", "ذلك", "أول", "ثاني", "ثالث", "آخر", "أي",
                                                     "كل"))


def _evaluative(folded: str, langs: list[str]) -> int:
    """Words of evaluation in a sentence (claims.toml [opinion] evaluative_*; the broader judgement words, "good",
    "right", "should", also fill factual sentences of interviews, so they do not count here)."""
    return count_terms(folded, "opinion", [f"evaluative_{lang}" for lang in langs])


def _newsroom_note(sentence: str) -> bool:
    """"CNN has reached out to the Pentagon for comment.", "This story has been updated.": the newsroom speaking
    about its own work. A second clause after the note ("... but said ...") keeps the sentence a claim."""
    data = _notes()
    for pattern in data["notes"]:
        match = pattern.search(sentence)
        if match:
            tail = sentence[match.end():]
            return len(words(tail)) <= data["note_tail_words"] and not data["note_exceptions"].search(tail)
    return False


def _modal(sentence: str, folded: str, langs: list[str]) -> bool:
    """A short sentence built on "may/might/could" or Arabic "قد" + present verb: a possibility, not a fact. "May"
    written with a capital inside a sentence is the month ("... championships in May."); "وكان قد تغيب" is past."""
    if len(folded.split()) > lexicon()["speculation"]["modal_max_words"]:
        return "ar" in langs and _opening_ya_modal(folded)
    if "en" in langs and count_terms(folded, "speculation", ["modals_en"]) and _ENGLISH_MODAL.search(sentence):
        return True
    return "ar" in langs and _ar_present_modal(folded)


def _ar_present_modal(folded: str) -> bool:
    """Arabic قد before a present verb (a possibility), not after كان (past perfect) nor before a past verb."""
    return any((_present_after_qad(m.group(1)) or _second_person_present(m.group(1)))
               and not _PAST_PERFECT.search(folded, 0, m.start()) for m in _ar_modal().finditer(folded))


def _present_after_qad(token: str) -> bool:
    """A present verb after قد, three-letter stems included («قد يجد»): after the particle no noun stands."""
    return _present_tense(token) or (len(token) == 3 and token.startswith("ي") and token not in _ya_nouns()
                                     and token not in _qad_past())


@lru_cache(maxsize=1)
def _qad_past() -> frozenset[str]:
    return frozenset(fold(word) for word in lexicon()["speculation"]["qad_past_ar"])


def _opening_ya_modal(folded: str) -> bool:
    """«وقد ينضم المدرب إلى …» however long: قد and a ي-present opening the sentence make its own verb a possibility.
    Not a ت-verb («وقد تحدث عدد من المواطنين» is past, Form V), whose tense the letters alone do not show."""
    opening = " ".join(folded.split()[:3])
    return any(_present_after_qad(m.group(1)) and not _PAST_PERFECT.search(opening, 0, m.start())
               for m in _ar_modal().finditer(opening))


def _second_person_present(token: str) -> bool:
    """تشهد، تتراجع: present tense with ت (a past verb such as تراجعت ends with ت)."""
    return len(token) >= 4 and token.startswith("ت") and not token.endswith(("ت", "وا"))


@lru_cache(maxsize=1)
def _ar_modal() -> re.Pattern[str]:
    """An Arabic modal particle and the word after it."""
    modals = "|".join(re.escape(fold(m)) for m in lexicon()["speculation"]["modals_ar"])
    return re.compile(rf"(?<![\w\u0600-\u06FF])[وف]?(?:{modals})\s+(\S+)")

"""Words of a claim found again in a passage sentence, spelling variants included.

Names the gazetteer lacks are written many ways within one script (مانشستر يونايتد / مان يوناتيد,
نيوكاسل / نيوكاسيل): two name phrases are one actor when every word of the shorter is found in the longer by
consonant skeleton, a shared beginning (an abbreviation) or a close spelling. The same word matching
measures how much of a claim a passage sentence says (`coverage`): the share of the claim's content
words, numbers and names found in it, which tells a reworded report of the same event from a sentence that
only shares its topic better than sentence similarity does.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from checker.normalize import search_form
from checker.slots.model import Span
from checker.slots.names import _SENTENCE_END, slots_data
from checker.stems import light_stem

# Two spellings of one word: folded character ratio at least this (يونايتد / يوناتيد, نيوكاسل / نيوكاسيل).
SPELLING_RATIO = 0.8
# A shortened word (مان for مانشستر) is the same when it is at least this long and begins the other.
ABBREVIATION_CHARS = 3
_WORDS = re.compile(r"[^\W_]+")
_ARTICLE = ("وال", "بال", "فال", "لل", "ال")


def _bare(word: str) -> str:
    """A folded word without an attached article or conjunction (الأهلي, وللأهلي -> اهلي)."""
    for prefix in _ARTICLE:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix):]
    return word


@lru_cache(maxsize=65536)
def same_word(a: str, b: str) -> bool:
    """Two folded words that are one word in two spellings, or a word and its abbreviation."""
    from checker.slots.names import skeleton

    if a == b:
        return True
    x, y = _bare(a), _bare(b)
    if x == y:
        return True
    if a.isascii() != b.isascii():
        return False
    short, long = sorted((x, y), key=len)
    if len(short) >= ABBREVIATION_CHARS and long.startswith(short) and not short.isascii():
        return True
    # a ratio of 0.8 needs the shorter word to be at least 2/3 of the longer: most pairs stop there
    if min(len(x), len(y)) >= 4 and 3 * len(short) >= 2 * len(long):
        matcher = SequenceMatcher(None, x, y)
        if matcher.quick_ratio() >= SPELLING_RATIO and matcher.ratio() >= SPELLING_RATIO:
            return True
    sx, sy = skeleton(x), skeleton(y)
    return len(sx) >= 3 and sx == sy and abs(len(x) - len(y)) <= 2


def same_phrase(a: str, b: str) -> bool:
    """Two name phrases of one script naming one actor: every word of the shorter found in the longer
    (in any spelling), at least one of them four letters long."""
    words_a, words_b = _WORDS.findall(search_form(a)), _WORDS.findall(search_form(b))
    if not words_a or not words_b:
        return False
    short, long = sorted((words_a, words_b), key=len)
    return (all(any(same_word(w, v) for v in long) for w in short)
            and any(len(_bare(w)) >= 4 for w in short))


@lru_cache(maxsize=16384)
def _terms(text: str) -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """A text's content words, their light stems, and its distinct words (computed once: a claim meets many
    sentences)."""
    from checker.slots.extract import _stopwords

    stop = _stopwords()
    words = tuple(w for w in _WORDS.findall(search_form(text)) if w not in stop and (len(w) >= 2 or w.isdigit()))
    return words, frozenset(map(light_stem, words)), tuple(dict.fromkeys(words))


def coverage(claim: str, sentence: str) -> float:
    """Share of the claim's content words, numbers and names that the sentence holds (same script only;
    words matched by light stem, a synonym of one sense (slots.toml [synonyms]), spelling variant or abbreviation;
    numbers by their digits)."""
    ours, _, _ = _terms(claim)
    if not ours:
        return 0.0
    _, stems, distinct = _terms(sentence)
    senses = _senses_of(stems)
    groups = _synonym_groups()
    found = sum(1 for w in ours if light_stem(w) in stems or groups.get(light_stem(w), -1) in senses
                or any(same_word(w, v) for v in distinct))
    return found / len(ours)


@lru_cache(maxsize=1)
def _synonym_groups() -> dict[str, int]:
    """Light stem of each word of slots.toml [synonyms] -> its group's number."""
    return {light_stem(search_form(word)): number
            for number, group in enumerate(slots_data()["synonyms"]["groups"]) for word in group}


@lru_cache(maxsize=8192)
def _senses_of(stems: frozenset[str]) -> frozenset[int]:
    groups = _synonym_groups()
    return frozenset(groups[stem] for stem in stems if stem in groups)


@lru_cache(maxsize=8192)
def best_coverage(claim: str, passage: str) -> tuple[float, str]:
    """The passage sentence that holds most of the claim, and how much of it."""
    scored = [(coverage(claim, piece), piece) for _, piece in sentences(passage)]
    return max(scored, default=(0.0, ""), key=lambda pair: pair[0])


@lru_cache(maxsize=8192)
def negates_more(claim: str, sentence: str) -> bool:
    """The sentence negates or denies something («لم تدخل», "did not", «نفت», "denied") where the claim does
    not: it cannot be the claim said in other words, whatever share of its words it holds."""
    from checker.slots.extract import read

    negated = bool(read(sentence).negated) and not read(claim).negated
    return negated or bool(_denials_in(sentence) - _denials_in(claim))


def refuses_more(claim: str, sentence: str) -> bool:
    """The claim has someone refuse or decline («رفضت الصحيفة نشر المقال», "declined to publish") where the sentence
    negates, denies and refuses nothing: it reports the act done, not the claim in other words."""
    from checker.slots.extract import read

    refusals = _refusal_words()

    def refuses(text: str) -> bool:
        return any(word in refusals or (word[:1] in "وف" and word[1:] in refusals)
                   for word in _WORDS.findall(search_form(text)))

    return refuses(claim) and not (refuses(sentence) or read(sentence).negated or _denials_in(sentence))


@lru_cache(maxsize=1)
def _refusal_words() -> frozenset[str]:
    """«رفض», "declined", «امتنع», "failed" (slots.toml masdar_cues and negation cues), in search form."""
    from checker.slots.names import load_rules

    rules = load_rules()
    return rules.refusal_verbs | rules.negation_cues


@lru_cache(maxsize=8192)
def _denials_in(text: str) -> frozenset[str]:
    """The denial words of a text («نفت», "denied"; stance.toml [denial])."""
    from checker.stance_lexicon import _denials, _forms, _tokens, load_lexicon

    lexicon = load_lexicon()
    return frozenset(_denials(text, [(token, frozenset(_forms(token, lexicon))) for token in _tokens(text)], lexicon))


@lru_cache(maxsize=8192)
def negates_the_claim(claim: str, sentence: str) -> str | None:
    """The words with which the sentence negates outright (a stance.toml polarity particle: «ليست هيئة الحقيقة»,
    "had not arrested") one of the claim's own words, where the claim negates nothing, or denies what the claim
    does not: a reading that agrees with the claim's words cannot rest on it. None when it does not. Only the
    negated word counts, not its neighbours («ولم يعلق الجيش الإسرائيلي» negates a comment, not the army), and «ما»
    ("what"), «غير» («غير المشروع») and «دون» are no such particles."""
    from checker.slots.extract import read
    from checker.stance_lexicon import load_lexicon

    if read(claim).negated:
        return None
    denied = _denials_in(sentence) - _denials_in(claim)
    if denied:
        return sorted(denied)[0]
    _, stems, distinct = _terms(claim)
    for stem, span in read(sentence).negated:
        particle = search_form(span.text).split()[0]
        polarity = load_lexicon().polarity
        if particle not in polarity and particle[1:] not in polarity:
            continue
        if _said_in_claim(stem, stems, distinct) or (
                _past_form(stem) and _said_in_claim(_past_form(stem), stems, distinct)
                and _same_object(sentence, span, stems, distinct)):
            return span.text
    return None


def _said_in_claim(word: str, stems: frozenset[str], distinct: tuple[str, ...]) -> bool:
    return word in stems or any(same_word(word, other) for other in distinct)


def _past_form(word: str) -> str:
    """A present verb's past form («يحقق» -> «حقق»: «لم يحقق» negates the claim's «حقق»), or ""."""
    return word[1:] if len(word) >= 4 and word[0] in "يتنا" and not word.isascii() else ""


def _same_object(sentence: str, span: Span, stems: frozenset[str], distinct: tuple[str, ...]) -> bool:
    """The two content words after a negated present verb are the claim's too («لم يحقق توقعات المحللين» against
    «حقق ... توقعات المحللين»), so the verb is negated of what the claim says, not of something else («سمحت بدخول
    الشاحنات ... لكنها لن تسمح بدخول الوقود»)."""
    following, _, _ = _terms(sentence[span.end:span.end + 60])
    return len(following) >= 2 and all(_said_in_claim(light_stem(w), stems, distinct) or _said_in_claim(
        w, stems, distinct) for w in following[:2])


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pieces of a passage."""
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        pieces.append((start, text[start:match.start()]))
        start = match.end()
    pieces.append((start, text[start:]))
    return [(offset, piece) for offset, piece in pieces if piece.strip()]

"""Sentences -> atomic check-worthy claims, and the lines that are not claims, with why.

A fact-checker wants no headline, byline, caption, site furniture, question or the writer's own opinion in the
claim list, and wants a sentence holding two independent facts as two claims. Which lines are not claims is decided
by line shape (`checker.line_kinds`) and then by what a sentence says (`checker.sentence_kinds`); this module
splits the rest into atomic claims. The rules are general (word lists in claims.toml and boilerplate.toml), not
tuned to one site.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from checker.checkworthiness import score
from checker.doc import Doc, cycle_collector_paused
from checker.line_kinds import line_reasons, lines_of, place_line, place_words_end
from checker.models import Claim, NonClaim, Sentence
from checker.normalize import fold
from checker.numbers import find_numbers
from checker.segment import WORD, lexicon, quote_spans
from checker.sentence_kinds import (clause_speculates, exclaimed, has_verb, opens_quotation, question_tail,
                                    sentence_reason)

# A clause that describes what came before ("، وهي مجموعة من المتطوعين", ", which ...") is no claim of its own.
_RELATIVE_START = re.compile(
    r"^(?:و|ف)?(?:الذي|التي|الذين|اللذين|اللتين|اللواتي|مما|ما|حيث|هو|هي|هم|هما|which|who|whom|that|where)(?!\S)",
    re.IGNORECASE)
_BULLET = re.compile(r"[-–—•*·▪●◦]\s+")
_ARTICLE_LINES = 3  # paragraphs that make a text an article, whose exclamations are the writer's
_PRONOUN_SUFFIXES = frozenset({"ه", "ها", "هم", "هما", "هن", "ني", "نا"})
_EN_CONJUNCTION = re.compile(r"^(?:and|but|while|whereas)\s+", re.IGNORECASE)


def extract_claims(doc: Doc) -> tuple[tuple[Claim, ...], tuple[NonClaim, ...]]:
    """Claims c1, c2 ... in reading order, and the non-claims with their reasons.

    Attribution is left empty: the attribution stage fills it in.
    """
    with cycle_collector_paused():
        return _extract(doc)


def _extract(doc: Doc) -> tuple[tuple[Claim, ...], tuple[NonClaim, ...]]:
    lines = lines_of(doc)
    reasons_by_line = line_reasons(doc.text, lines, doc.language)
    claims: list[Claim] = []
    non_claims: list[NonClaim] = []
    placed = place_line(lines)
    for line in lines:
        for number, sentence in enumerate(line.sentences):
            if (line.number == placed and number == 0 and line.number not in reasons_by_line
                    and (cut := place_words_end(sentence.text))):
                non_claims.append(NonClaim(sentence.text[:cut].rstrip(), sentence.start,
                                           sentence.start + len(sentence.text[:cut].rstrip()), "date line"))
                sentence = replace(sentence, text=sentence.text[cut:], start=sentence.start + cut)
            folded = doc.folded_marks_moved[sentence.start:sentence.end]  # «ويُعتقد أن» reads as «ويعتقد أن»
            reason = reasons_by_line.get(line.number) or sentence_reason(sentence.text, doc.language,
                                                                      title=line.number == 0, folded=folded)
            if reason is None and len(lines) >= _ARTICLE_LINES and exclaimed(sentence.text, doc.language, folded):
                reason = "opinion"
            if reason in ("question", "rhetorical question"):
                sentence, tail = _report_before_question(sentence, doc.language, folded)
                if tail:
                    non_claims.append(tail)
                    reason, folded = None, doc.folded[sentence.start:sentence.end]
            spans = atomic_spans(sentence, doc.language, folded) if reason in (None, "speculation") else []
            if reason == "speculation" and line.number not in reasons_by_line and len(spans) > 1 and (
                    clause_speculates(doc.folded_marks_moved[spans[0][0]:spans[0][1]], doc.language)):
                # «لم يعرف بعد عدد المعتقلين، لكن ناشطين قالوا إن ...»: the opening clause guesses, the next reports
                start, end = spans.pop(0)
                non_claims.append(NonClaim(doc.text[start:end], start, end, "speculation"))
                reason = None
            if reason:
                non_claims.append(NonClaim(sentence.text, sentence.start, sentence.end, reason))
                continue
            for start, end in spans:
                # (a quotation's guess is its speaker's words)
                if len(spans) > 1 and not opens_quotation(sentence.text) and clause_speculates(
                        doc.folded_marks_moved[start:end], doc.language):
                    non_claims.append(NonClaim(doc.text[start:end], start, end, "speculation"))
                    continue  # «...، ويبدو أن أوباما أراد ترك سوريا»: the clause guesses, the rest reports
                claims.append(_claim(doc, sentence, start, end, f"c{len(claims) + 1}"))
    return tuple(claims), tuple(non_claims)


def _report_before_question(sentence: Sentence, language: str, folded: str) -> tuple[Sentence, NonClaim | None]:
    """"أقال الوزير مدير الميناء بعد سلسلة تحقيقات ...، فمن هو المدير الجديد؟": the report as its own sentence, the short
    question after it a non-claim."""
    tail = question_tail(sentence.text, language, folded)
    if tail is None:
        return sentence, None
    cut = len(sentence.text[:tail].rstrip(" ,،"))
    question = NonClaim(sentence.text[tail:], sentence.start + tail, sentence.end, "question")
    return replace(sentence, text=sentence.text[:cut], end=sentence.start + cut), question


def _claim(doc: Doc, sentence: Sentence, start: int, end: int, claim_id: str) -> Claim:
    claim_text = doc.text[start:end]
    numbers = find_numbers(claim_text, start, doc.folded[start:end])
    return Claim(id=claim_id, text=claim_text, start=start, end=end, sentence_index=sentence.index,
                 sentence=sentence.text, checkworthiness=score(claim_text, numbers, doc.language), numbers=numbers)


# ---------------------------------------------------------------- atomic claims


@lru_cache(maxsize=None)
def _separators(language: str) -> re.Pattern[str]:
    seps = lexicon()["split"]["ar" if language == "ar" else "en"]
    return re.compile("|".join(re.escape(fold(sep)) for sep in sorted(seps, key=len, reverse=True)))


def atomic_spans(sentence: Sentence, language: str, folded: str) -> list[tuple[int, int]]:
    """Spans of the independent claims in a sentence (`folded`: its slice of `Doc.folded`): split where each
    side has its own verb.

    Quotations are never split, and a clause with no verb of its own stays with its sentence.
    """
    segment = sentence.text
    quotes = quote_spans(segment)
    min_words = lexicon()["split"]["min_words"]
    pieces: list[tuple[int, int]] = []
    start = 0
    for match in _separators(language).finditer(folded):
        if any(open_at < match.start() < close for open_at, close in quotes) or _inside_word(folded, match):
            continue
        left_end = match.start() + (1 if match.group()[0] in ";؛" else 0)
        right_start = _right_start(segment, match)
        left, right = folded[start:left_end], folded[right_start:]
        if (len(WORD.findall(segment, start, left_end)) >= min_words
                and len(WORD.findall(segment, right_start)) >= min_words
                and has_verb(segment[start:left_end], language, left)
                and _clause_follows(segment[right_start:], right, match.group(), language)
                and not _unbalanced(segment[:left_end])):
            pieces.append((start, left_end))
            start = right_start
    pieces.append((start, len(segment)))
    return [_trimmed(segment, sentence.start, s, e) for s, e in pieces]


def _inside_word(folded: str, match: re.Match[str]) -> bool:
    """"، كما" inside "، كمال": the separator ends inside a longer word. و is a prefix and may be glued to the
    next word ("، وأضاف"), and so may a pronoun suffix ("، لكنه أشار")."""
    glued = re.match(r"\w+", folded[match.end():])
    if not glued or not match.group()[-1:].isalpha() or match.group().endswith("و"):
        return False
    return glued.group() not in _PRONOUN_SUFFIXES


def _clause_follows(right: str, folded: str, separator: str, language: str) -> bool:
    """The right side is a clause of its own; after Arabic "، و" the next word must be the verb."""
    if _RELATIVE_START.match(folded):
        return False
    if separator.endswith("و"):
        first = right.split(maxsplit=1)[0] if right.split() else ""
        return has_verb(first[1:] if first.startswith("و") else first, language)
    return has_verb(right, language, folded)


def _right_start(segment: str, match: re.Match[str]) -> int:
    """Where the second claim starts: after the separator; an English 'and'/'but' is dropped."""
    position = match.end()
    if match.group()[-1:].isalpha() and segment[position:position + 1].isalpha():
        # The separator's last word is glued to what follows ("، وأضاف", "، لكنه أشار"): keep that word whole.
        position = match.start() + len(match.group().rstrip()) - len(match.group().rstrip().split()[-1])
    while position < len(segment) and segment[position] in " ,،":
        position += 1
    conjunction = _EN_CONJUNCTION.match(segment[position:])
    return position + conjunction.end() if conjunction else position


def _unbalanced(prefix: str) -> bool:
    """An open bracket before the split point: the clause is inside it."""
    return prefix.count("(") > prefix.count(")")


def _trimmed(segment: str, offset: int, start: int, end: int) -> tuple[int, int]:
    """A claim span without list bullets, separators and spaces around it."""
    bullet = _BULLET.match(segment, start)
    if bullet:
        start = bullet.end()
    while start < end and segment[start] in " \t,،":
        start += 1
    while end > start and segment[end - 1] in " \t,،":
        end -= 1
    return offset + start, offset + end


"""Does a passage agree with a claim, deny it, or talk about something else?

Sentence embeddings place "2,500 US troops" and "3,500 US troops" as close as
a true paraphrase, so the decision is made by explicit checks a fact-checker
can read (the slots of checker.slots: quantities with what they count and where,
who did what to whom, places, dates, scoped negation; denial words, opposites)
on top of a small logistic model trained on the ANS stance corpus
(`scripts/train_stance.py`) on multilingual embeddings of the sentences and
of the words only one side uses. The checks override
the model where they are unambiguous, and the verdict never rests on the
model alone for a contradiction (see `decide` and docs/verdict.md for why).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

import numpy as np

from checker.config import DATA_DIR, get_settings
from checker.language import detect_language
from checker.models import Stance
from checker.normalize import search_form
from checker.slots import Comparison, SlotDecision, Span, compare, denial_in_scope
from checker.stance_lexicon import (LEXICON_FILE, Lexicon, _antonyms, _content_words, _denials, _entities,
                                    _forms, _matches, _negations, _tokens, load_lexicon, plain_text,
                                    rating_verdict)
from checker.stance_model import (CHECK_FEATURES, MODEL_FEATURES, MODEL_FILE, STANCES, StanceModel,
                                  WordDifference, check_features, load_model, model_features, pair_features,
                                  word_difference)

# Re-exported from the split-out modules, for callers that import them from here (scripts/train_stance.py).
__all__ = ["CHECK_FEATURES", "LEXICON_FILE", "MODEL_FEATURES", "MODEL_FILE", "STANCES", "Checks", "CrossEncoderBudget",
           "Lexicon",
           "NumberConflict", "StanceModel", "StanceResult", "WordDifference", "assess", "assess_many",
           "check_features", "decide", "explicit_checks", "load_lexicon", "load_model", "model_features",
           "pair_features", "plain_text", "rating_verdict", "word_difference"]

EXPLICIT_DECISIONS = frozenset({"numbers", "denial", "opposites", "actor_role", "place", "date", "negation"})
# Below this cosine two texts are not treated as about the same event, whatever the words say
# (ANS dev: 90% of unrelated pairs fall below 0.40, 95% of related pairs above 0.45).
RELATED_SIMILARITY = 0.35
# Arabic pairs at least this close are left to the model (which learnt unrelated pairs too) to call related
# or not. Chosen by cross-validation on ANS train (docs/verdict.md).
MODEL_RELATED_SIMILARITY = 0.25
# Where the Arabic-trained model has never looked (English, cross-language pairs) similarity decides:
# a paraphrase with extra detail scores 0.6-0.9 there (translations lower). Untuned: no such stance data.
SIMILARITY_AGREE_UNTRAINED = 0.6
# The "no names in common" rule needs this many names on each side (one may be the cited outlet).
MIN_NAMES = 2
# An NLI cross-encoder (only when CHECKER_NLI_MODEL is set) decides when it is this sure.
NLI_DECISIVE = 0.5
# A lone number on each side is compared across languages only when the texts are this close
# (multilingual USE puts translations lower than same-language paraphrases: 0.45-0.8).
LONE_NUMBER_SIMILARITY = 0.45
_WORD = re.compile(r"[\w'’]+")
_CLAUSE_END = re.compile(r"[,;:،؛.!?؟()\n]")
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")


@dataclass(frozen=True)
class NumberConflict:
    """A count in the claim and a different count of the same thing in the evidence."""

    claim: str
    evidence: str
    evidence_phrase: str


@dataclass(frozen=True)
class Checks:
    """The explicit, explainable comparisons of one claim-passage pair."""

    numbers_agree: tuple[str, ...] = ()
    number_conflicts: tuple[NumberConflict, ...] = ()
    claim_negations: tuple[str, ...] = ()
    evidence_negations: tuple[str, ...] = ()
    claim_denials: tuple[str, ...] = ()
    evidence_denials: tuple[str, ...] = ()
    antonyms: tuple[tuple[str, str], ...] = ()
    hedges: tuple[str, ...] = ()
    shared_entities: tuple[str, ...] = ()
    claim_entities: int = 0
    evidence_entities: int = 0
    token_overlap: float = 0.0
    same_language: bool = True
    names_compared: bool = False
    model_language: bool = True  # both texts Arabic, the language the stance model was trained on
    slots: Comparison | None = None
    denial_in_scope: bool = True
    main_clause_negated: bool = False  # the claim's own verb negated outright (stance.toml polarity), not a relative's

    @property
    def about_something_else(self) -> bool:
        """Both name at least two people or places (capitalised English words) and share none of them.

        Arabic has no capitals, and its content words are too loose a stand-in
        for names to rule a pair out (on ANS dev that rule was wrong 4 times in 5).
        """
        return (self.names_compared and min(self.claim_entities, self.evidence_entities) >= MIN_NAMES
                and not self.shared_entities)

    @property
    def denial_gap(self) -> tuple[str, ...]:
        """Denial words in the evidence, about the claim (in a sentence sharing its words), that the claim
        itself does not use."""
        return self.evidence_denials if not self.claim_denials and self.denial_in_scope else ()

    @property
    def other_event(self) -> bool:
        return self.slots is not None and self.slots.same_event is False

    @property
    def negation_gap(self) -> bool:
        return bool(self.claim_negations) != bool(self.evidence_negations)


@dataclass(frozen=True)
class StanceResult:
    """The stance of a passage towards a claim; `signals` say in words what decided it."""

    stance: Stance
    score: float
    signals: tuple[str, ...] = ()
    similarity: float = 0.0
    probabilities: tuple[float, float, float] = (0.0, 0.0, 0.0)
    number_conflicts: tuple[NumberConflict, ...] = ()
    decided_by: str = "model"
    nli: tuple[float, float, float] | None = None
    cross_language: bool = False
    slot: SlotDecision | None = None  # the slot that decided, with its claim and passage spans
    slot_decisions: tuple[SlotDecision, ...] = ()
    same_event: bool | None = None

    @property
    def explicit(self) -> bool:
        """Decided by a check a person can verify (a number, a denial, an opposite), not by the model."""
        return self.decided_by in EXPLICIT_DECISIONS


# --- numbers ---------------------------------------------------------------

def _phrase(number: Span, text: str, lexicon: Lexicon) -> str:
    """The number with the words after it ("3,500 US troops in Iraq"), for a reason a person reads."""
    window = text[number.end:number.end + 64 * (lexicon.context_words + 1)]  # the whole rest made it quadratic
    tail = _WORD.findall(_CLAUSE_END.split(window, maxsplit=1)[0])[:lexicon.context_words]
    return " ".join([number.text.strip(), *tail])


# --- checks and decision -----------------------------------------------------

@dataclass(frozen=True)
class _TextFacts:
    """What the checks need from one text, computed once: a claim meets k passages."""

    language: str
    negations: tuple[str, ...]
    denials: tuple[str, ...]
    hedges: tuple[str, ...]
    entities: frozenset[str]
    content_words: frozenset[str]
    opposites: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # per antonym pair: (side a words, side b words)


@lru_cache(maxsize=4096)
def _facts(text: str) -> _TextFacts:
    lexicon = load_lexicon()
    tokens = _tokens(text)
    forms = [(token, frozenset(_forms(token, lexicon))) for token in tokens]
    return _TextFacts(
        language=detect_language(text),
        negations=_negations(tokens, lexicon),
        denials=_denials(text, forms, lexicon),
        hedges=_matches(forms, lexicon.hedge),
        entities=frozenset(_entities(text, tokens, lexicon)),
        content_words=frozenset(_content_words(tokens, lexicon)),
        opposites=tuple((_matches(forms, side_a), _matches(forms, side_b)) for side_a, side_b in lexicon.antonyms),
    )


def explicit_checks(claim: str, evidence: str, similarity: float = 1.0) -> Checks:
    """Every rule-based comparison of the pair, without the model."""
    lexicon = load_lexicon()
    ours, theirs = _facts(claim), _facts(evidence)
    slots = compare(claim, evidence, similarity)
    quantities = [d for d in slots.decisions if d.slot == "quantity"]
    numbers_agree = tuple(d.claim.text for d in quantities if d.outcome == "agree" and d.claim)
    conflicts = tuple(NumberConflict(d.claim.text, d.passage.text, _phrase(d.passage, evidence, lexicon))
                      for d in quantities if d.outcome == "conflict" and d.claim and d.passage)
    union = ours.content_words | theirs.content_words
    same_language = ours.language == theirs.language
    return Checks(
        numbers_agree=numbers_agree,
        number_conflicts=conflicts,
        claim_negations=ours.negations,
        evidence_negations=theirs.negations,
        claim_denials=ours.denials,
        evidence_denials=theirs.denials,
        antonyms=_antonyms(ours.opposites, theirs.opposites),
        hedges=ours.hedges,
        shared_entities=tuple(sorted(ours.entities & theirs.entities)),
        claim_entities=len(ours.entities),
        evidence_entities=len(theirs.entities),
        token_overlap=len(ours.content_words & theirs.content_words) / len(union) if union else 0.0,
        same_language=same_language,
        names_compared=same_language and ours.language == "en",
        model_language=same_language and ours.language == "ar",
        slots=slots,
        denial_in_scope=not theirs.denials or denial_in_scope(claim, evidence, theirs.denials),
        main_clause_negated=_main_clause_negated(claim, lexicon),
    )


# A relative pronoun opens a clause about someone else: "officials who could not be named said ...".
_RELATIVES = frozenset({"who", "which", "that", "whose", "whom", "الذي", "التي", "الذين", "اللذين", "اللتين",
                        "اللواتي", "اللاتي", "ممن"})


def _main_clause_negated(claim: str, lexicon: Lexicon) -> bool:
    """A particle that negates a verb outright (stance.toml polarity) before any relative pronoun of the claim."""
    for word in _WORD.findall(search_form(claim)):
        if word in _RELATIVES:
            return False
        if word in lexicon.polarity:
            return True
    return False


def decide(checks: Checks, similarity: float, probabilities: np.ndarray | None,
           nli: tuple[float, float, float] | None = None) -> tuple[Stance, float, str, list[str]]:
    """The model's stance, overruled by the explicit checks where they are unambiguous.

    The model decides Arabic pairs only, the kind it was trained on: it read
    English paraphrases as disagreements with p = 1.0, so for English and
    cross-language pairs similarity decides. For Arabic pairs it also decides
    what is related (it saw unrelated pairs in training) down to
    MODEL_RELATED_SIMILARITY. Close Arabic pairs are no longer taken as
    agreement by rule: in cross-validation on ANS train that rule turned 340
    correct disagreements into errors for 122 corrections (docs/verdict.md).

    Same event first: a passage about another event (its place, date or actors differ and it does not say
    the claim in the claim's words) is "other" whatever else it says. Within one event a slot decides: who did
    what to whom swapped, a different count of the same thing in the same place, another place or date where
    the passage otherwise says the claim in its words, a predicate negated.
    """
    related = similarity >= RELATED_SIMILARITY
    slots = checks.slots
    if slots is not None and slots.same_event is False:
        return "other", max(0.6, _p(probabilities, 2)), "other_event", [slots.other_event_reason or "about another event"]
    if slots is not None and slots.first("actor_role") and related:
        return "disagree", max(0.8, _p(probabilities, 1)), "actor_role", []
    if checks.number_conflicts and related:
        return "disagree", max(0.8, _p(probabilities, 1)), "numbers", []
    if slots is not None and slots.same_event and related:
        for slot in ("place", "date"):
            if slots.first(slot):
                return "disagree", max(0.75, _p(probabilities, 1)), slot, []
    if checks.denial_gap and similarity >= load_lexicon().denial_min_similarity and not checks.about_something_else:
        return "disagree", max(0.75, _p(probabilities, 1)), "denial", []
    if slots is not None and slots.first("negation") and related:
        return "disagree", max(0.7, _p(probabilities, 1)), "negation", []
    if checks.antonyms and related and not checks.about_something_else:
        return "disagree", max(0.7, _p(probabilities, 1)), "opposites", []
    modelled = checks.model_language and probabilities is not None
    floor = MODEL_RELATED_SIMILARITY if modelled else RELATED_SIMILARITY
    if similarity < floor or (checks.about_something_else and not checks.numbers_agree):
        return "other", max(0.6, _p(probabilities, 2)), "unrelated", []
    if nli is not None and max(nli[:2]) >= NLI_DECISIVE:
        contradiction, entailment, _ = nli
        if contradiction >= entailment:
            return "disagree", contradiction, "nli", [f"NLI model: contradiction {contradiction:.2f}"]
        return "agree", entailment, "nli", [f"NLI model: entailment {entailment:.2f}"]
    if not checks.same_language and checks.main_clause_negated and not checks.evidence_negations \
            and not checks.evidence_denials:
        # "have not arrested" against «اعتقال»: close in the multilingual space, opposite in what they assert;
        # the scope cannot be read across languages, so the pair says nothing either way. (Only this way round:
        # the passage's window holds its neighbours' negations too.)
        return "other", max(0.6, _p(probabilities, 2)), "polarity", [
            "the claim is negated and the passage is not: across languages the scope cannot be compared"]
    if not modelled:
        why = "stance from similarity (the model is trained on Arabic pairs only)" if not checks.model_language \
            else "no stance model: stance from similarity"
        if similarity >= SIMILARITY_AGREE_UNTRAINED:
            return "agree", similarity, "similarity", [why]
        return "other", 1.0 - similarity, "similarity", [why]
    assert probabilities is not None
    best = int(np.argmax(probabilities))
    return STANCES[best], float(probabilities[best]), "model", []


_SLOT_OF = {"numbers": "quantity"}


def _p(probabilities: np.ndarray | None, index: int) -> float:
    return 0.0 if probabilities is None else float(probabilities[index])


def describe(checks: Checks, similarity: float) -> list[str]:
    """The signals a reviewer sees next to the evidence."""
    signals = [f"number mismatch: claim {c.claim} vs evidence {c.evidence}" for c in checks.number_conflicts]
    signals += [f"numbers agree: {', '.join(checks.numbers_agree)}"] if checks.numbers_agree else []
    signals += [f"evidence denies it ({', '.join(checks.denial_gap)})"] if checks.denial_gap else []
    signals += [f"opposites: claim «{a}» vs evidence «{b}»" for a, b in checks.antonyms]
    if checks.slots is not None:
        signals += [f"{d.slot}: {d.reason}" for d in checks.slots.decisions if d.slot != "quantity"]
    if checks.negation_gap:
        words = checks.evidence_negations or checks.claim_negations
        side = "evidence" if checks.evidence_negations else "claim"
        signals.append(f"negation only in the {side} ({', '.join(words)})")
    signals += [f"hedged claim ({', '.join(checks.hedges)})"] if checks.hedges else []
    if checks.shared_entities:
        signals.append(f"entities shared: {', '.join(checks.shared_entities[:6])}")
    elif checks.about_something_else:
        signals.append("no names in common: probably about something else")
    signals.append(f"similarity {similarity:.2f}")
    return signals


def evidence_sentences(text: str) -> list[str]:
    """A passage cut into its sentences: a claim is compared with the one closest to it."""
    pieces = [p.strip() for p in _SENTENCE_END.split(text) if len(p.split()) >= 3]
    return pieces if len(pieces) > 1 else [text]


def assess_many(pairs: Sequence[tuple[str, str]], similarities: Sequence[float | None] | None = None, *,
                cross_encoder: CrossEncoderBudget | None = None) -> list[StanceResult]:
    """Stances for many (claim, passage) pairs with one embedding call for all their texts
    (and one more for the changed words of the Arabic pairs the model reads).

    The model and the similarity look at the passage sentence closest to the
    claim (a passage says more than the claim, which would read as a
    difference); the explicit checks read that sentence and its neighbours
    (the whole passage when it has three sentences or fewer). A given
    similarity replaces the computed one in the decision. `cross_encoder` limits which pairs the stance
    cross-encoder reads (the verdict path's budget); None gives it every pair it can read.
    """
    if not pairs:
        return []
    from checker.embeddings import encode

    pairs = [(plain_text(claim), plain_text(passage)) for claim, passage in pairs]
    pieces = [evidence_sentences(passage) for _, passage in pairs]
    texts = list(dict.fromkeys([claim for claim, _ in pairs] + [p for group in pieces for p in group]))
    vectors = encode(texts)
    row = {text: i for i, text in enumerate(texts)}
    claim_vectors = vectors[[row[claim] for claim, _ in pairs]]
    closest = [_closest(vectors, row, group, vector) for group, vector in zip(pieces, claim_vectors)]
    evidence_vectors = vectors[[row[sentence] for sentence in closest]]
    cosines = np.sum(claim_vectors * evidence_vectors, axis=1)
    given = list(similarities) if similarities is not None else [None] * len(pairs)
    sims = [float(cos) if s is None else float(s) for s, cos in zip(given, cosines)]
    windows = [_window(passage, group, sentence) for (_, passage), group, sentence in zip(pairs, pieces, closest)]
    checks = [explicit_checks(c, w, s) for (c, _), w, s in zip(pairs, windows, sims)]
    probabilities: list[np.ndarray | None] = [None] * len(pairs)
    crossed = _cross_encoded(pairs, sims, checks, cross_encoder) if cross_encoder_installed() else []
    cross = cross_encoder_probabilities([(pairs[i][0], closest[i]) for i in crossed])
    if cross is not None:  # trained on Arabic and English pairs: it reads the same-language pairs it is given
        for i, row in zip(crossed, cross):
            checks[i] = replace(checks[i], model_language=True)
            probabilities[i] = row
    model = load_model()
    if model is not None and model.embedding_model != get_settings().embedding_model:
        model = None  # trained on another embedding space: its weights would read noise
    done = set(crossed) if cross is not None else set()
    modelled = ([i for i, check in enumerate(checks) if check.model_language and i not in done]
                if model is not None else [])
    if modelled:
        features = model_features([pairs[i][0] for i in modelled], [closest[i] for i in modelled],
                                  claim_vectors[modelled], evidence_vectors[modelled], [checks[i] for i in modelled])
        for i, row in zip(modelled, model.probabilities(features)):
            probabilities[i] = row
    nli = nli_probabilities([(claim, sentence) for (claim, _), sentence in zip(pairs, closest)])
    return [_result(check, similarity, probabilities[i], None if nli is None else nli[i])
            for i, (check, similarity) in enumerate(zip(checks, sims))]


@dataclass(frozen=True)
class CrossEncoderBudget:
    """Which pairs the stance cross-encoder reads on the verdict path (about 10 ms of CPU a pair in bfloat16,
    30 in float32): per claim the `per_claim` closest same-language pairs at least `min_similarity` close that
    no slot conflict or other-event judgement has already decided. (Raising the floor to the verdict's own
    0.55 saved 4 of 15 pairs on the sample article without changing a verdict, but the passages' own stances
    got worse: contrast set 0.963 -> 0.950 through the verdict path; not done.)"""

    per_claim: int
    min_similarity: float = RELATED_SIMILARITY


# The cross-encoder reads cross-language pairs too only when this is True (scripts/eval_stance_cross.py).
CROSS_ENCODER_ACROSS_LANGUAGES = False


def _cross_encoded(pairs: Sequence[tuple[str, str]], sims: Sequence[float], checks: Sequence[Checks],
                   budget: CrossEncoderBudget | None) -> list[int]:
    """The pairs the cross-encoder reads: same-language pairs only unless CROSS_ENCODER_ACROSS_LANGUAGES
    (it called a plain Arabic translation of an English sentence "other" with p = 0.99: it was not trained
    across languages, which keep similarity and the slots); all of them without a budget, else those the
    budget allows."""
    readable = [check.same_language or CROSS_ENCODER_ACROSS_LANGUAGES for check in checks]
    if budget is None:
        return [i for i, ok in enumerate(readable) if ok]
    by_claim: dict[str, list[int]] = {}
    for i, ((claim, _), similarity, check) in enumerate(zip(pairs, sims, checks)):
        decided = check.number_conflicts or check.other_event or (check.slots is not None and check.slots.conflicts)
        if readable[i] and similarity >= budget.min_similarity and not decided:
            by_claim.setdefault(claim, []).append(i)
    chosen: list[int] = []
    for group in by_claim.values():  # two claims with the same words share a group: count distinct pairs only
        read: set[tuple[str, str]] = set()
        for j in sorted(group, key=lambda j: -sims[j]):
            if pairs[j] in read or len(read) < budget.per_claim:
                read.add(pairs[j])
                chosen.append(j)
    return sorted(chosen)


def cross_encoder_probabilities(pairs: Sequence[tuple[str, str]]) -> np.ndarray | None:
    """Rows of P(agree), P(disagree), P(other) from checker's own stance cross-encoder (issue 8,
    docs/encoder.md) when its trained head is installed under checker/data/models/stance; else None, and the
    logistic model above decides Arabic pairs as before. CHECKER_STANCE_CROSS_ENCODER=0 turns it off."""
    if not pairs or not cross_encoder_installed():
        return None
    from checker.encoder.stance import StanceModel

    model = StanceModel.get(quantize=cross_encoder_int8())
    unique = list(dict.fromkeys(pairs))  # a syndicated story's copies meet the claim with the same sentence
    scores = np.asarray(model.predict(unique), dtype=np.float64).reshape(len(unique), -1)
    row = {pair: i for i, pair in enumerate(unique)}
    return scores[[row[pair] for pair in pairs]][:, [list(model.labels).index(s) for s in STANCES]]


def cross_encoder_installed() -> bool:
    if os.environ.get("CHECKER_STANCE_CROSS_ENCODER", "1") == "0":
        return False
    return (DATA_DIR / "models" / "stance").is_dir()


# The cross-encoder's attention layers in int8 (docs/verdict.md: speed and quality measured both ways);
# CHECKER_STANCE_INT8=0/1 overrides.
CROSS_ENCODER_INT8 = False


def cross_encoder_int8() -> bool:
    return os.environ.get("CHECKER_STANCE_INT8", "1" if CROSS_ENCODER_INT8 else "0") == "1"


def nli_probabilities(pairs: Sequence[tuple[str, str]]) -> list[tuple[float, float, float]] | None:
    """(contradiction, entailment, neutral) per pair from the configured NLI cross-encoder, else None.

    Labels are read from the model's own config, so any local NLI model works
    whatever order it was trained with.
    """
    name = get_settings().nli_model
    if not name or not pairs:
        return None
    from checker.embeddings import load_cross_encoder

    model = load_cross_encoder(name)
    scores = np.asarray(model.predict(list(pairs), apply_softmax=True, show_progress_bar=False), dtype=np.float64)
    order = {str(label).lower(): int(index) for index, label in model.config.id2label.items()}
    columns = [next(i for label, i in order.items() if label.startswith(prefix))
               for prefix in ("contradiction", "entailment", "neutral")]
    return [tuple(float(row[c]) for c in columns) for row in scores.reshape(len(pairs), -1)]


# The explicit checks of a long passage read the sentence closest to the claim and this many on each side:
# a page of 60 sentences holds other numbers, places and dates that are not about the claim.
WINDOW_SENTENCES = 1


def _window(passage: str, group: list[str], sentence: str) -> str:
    """The passage itself when short, else its closest sentence with its neighbours."""
    if len(group) <= 2 * WINDOW_SENTENCES + 1:
        return passage
    at = group.index(sentence)
    return " ".join(group[max(0, at - WINDOW_SENTENCES):at + WINDOW_SENTENCES + 1])


def _closest(vectors: np.ndarray, row: dict[str, int], group: list[str], claim_vector: np.ndarray) -> str:
    """The sentence of a passage nearest to the claim."""
    return group[int(np.argmax(vectors[[row[p] for p in group]] @ claim_vector))]


def _result(check: Checks, similarity: float, probabilities: np.ndarray | None,
            nli: tuple[float, float, float] | None) -> StanceResult:
    stance, score, decided_by, notes = decide(check, similarity, probabilities, nli)
    slots = check.slots
    slot = slots.first(_SLOT_OF.get(decided_by, decided_by)) if slots is not None else None
    return StanceResult(
        stance=stance, score=round(min(1.0, max(0.0, score)), 4),
        signals=tuple(describe(check, similarity) + notes), similarity=similarity,
        probabilities=tuple(float(p) for p in probabilities) if probabilities is not None else (0.0, 0.0, 0.0),
        number_conflicts=check.number_conflicts, decided_by=decided_by, nli=nli,
        cross_language=not check.same_language, slot=slot,
        slot_decisions=slots.decisions if slots is not None else (),
        same_event=slots.same_event if slots is not None else None,
    )


def assess(claim_text: str, passage_text: str, *, similarity: float | None = None) -> StanceResult:
    """The stance of one passage towards one claim (see `assess_many` for batches)."""
    return assess_many([(claim_text, passage_text)], [similarity])[0]

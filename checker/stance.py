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

import math
import re
import tomllib
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from checker.config import DATA_DIR, get_settings
from checker.language import detect_language
from checker.models import NumberMention, Stance
from checker.normalize import search_form
from checker.slots import Comparison, SlotDecision, Span, compare, denial_in_scope

LEXICON_FILE = DATA_DIR / "stance.toml"
MODEL_FILE = DATA_DIR / "stance_model.npz"
STANCES: tuple[Stance, ...] = ("agree", "disagree", "other")
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
# Two spellings count as one word when their stems are this alike (character-sequence ratio):
# الأمريكية/الأميركية, نتنياهو/نتينياهو (with the endings of stance.toml, about +0.01 CV macro-F1 on ANS train).
SAME_WORD_RATIO = 0.8
# A lone number on each side is compared across languages only when the texts are this close
# (multilingual USE puts translations lower than same-language paraphrases: 0.45-0.8).
LONE_NUMBER_SIMILARITY = 0.45
_WORD = re.compile(r"[\w'’]+")
_LATIN_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*")
_LINKS = re.compile(r"https?://\S+|www\.\S+|pic\.twitter\.com/\S+")
_HASHTAG_MARKS = re.compile(r"[#_]")
_DIGIT = re.compile(r"\d")
_SENTENCE_START = re.compile(r"([.!?:]\s+|[\"“‘'(]\s*)$")
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


@dataclass(frozen=True)
class Lexicon:
    """stance.toml, folded once so lookups compare like with like."""

    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    verb_prefixes: tuple[str, ...]
    negation: frozenset[str]
    denial: frozenset[str]
    denial_phrases: tuple[str, ...]
    retelling: tuple[str, ...]
    hedge: frozenset[str]
    approximate: tuple[str, ...]
    antonyms: tuple[tuple[frozenset[str], frozenset[str]], ...]
    stopwords: frozenset[str]
    rating_false: tuple[str, ...]
    rating_true: tuple[str, ...]
    approximate_tolerance: float
    context_words: int
    denial_min_similarity: float


def _folded(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(search_form(word) for word in words)


def _both(section: dict, *keys: str) -> tuple[str, ...]:
    return _folded(word for key in keys for word in section.get(key, ()))


@lru_cache(maxsize=1)
def load_lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return Lexicon(
        prefixes=_folded(sorted(data["arabic"]["prefixes"], key=len, reverse=True)),
        suffixes=_folded(sorted(data["arabic"]["suffixes"], key=len, reverse=True)),
        verb_prefixes=_folded(data["arabic"]["verb_prefixes"]),
        negation=frozenset(_both(data["negation"], "ar", "en")),
        denial=frozenset(_both(data["denial"], "ar", "en")),
        denial_phrases=_both(data["denial"], "phrases_ar", "phrases_en"),
        retelling=_both(data["denial"], "retelling_ar", "retelling_en"),
        hedge=frozenset(_both(data["hedge"], "ar", "en")),
        approximate=_both(data["approximate"], "ar", "en"),
        antonyms=tuple((frozenset(_folded(pair["a"])), frozenset(_folded(pair["b"]))) for pair in data["antonyms"]),
        stopwords=frozenset(_both(data["stopwords"], "ar", "en")),
        rating_false=_both(data["ratings"], "false"),
        rating_true=_both(data["ratings"], "true"),
        approximate_tolerance=float(data["numbers"]["approximate_tolerance"]),
        context_words=int(data["numbers"]["context_words"]),
        denial_min_similarity=float(data["denial"].get("min_similarity", RELATED_SIMILARITY)),
    )


def rating_verdict(rating: str | None) -> Stance | None:
    """A ClaimReview rating as agree (rated true), disagree (rated false) or None (mixed, unknown)."""
    if not rating:
        return None
    lexicon = load_lexicon()
    folded = search_form(rating)
    if any(_has_phrase(folded, word) for word in lexicon.rating_false):
        return "disagree"
    if any(_has_phrase(folded, word) for word in lexicon.rating_true):
        return "agree"
    return None


# --- words -----------------------------------------------------------------

def plain_text(text: str) -> str:
    """Links removed and hashtags made words: link digits are not numbers, #فيروس_كورونا is two words."""
    return " ".join(_HASHTAG_MARKS.sub(" ", _LINKS.sub(" ", text)).split())


def _tokens(text: str) -> list[str]:
    return _WORD.findall(search_form(text))


def _forms(token: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The token and what is left after each Arabic prefix (و، ب، ال ...) that leaves a word."""
    forms = [token]
    forms.extend(token[len(p):] for p in lexicon.prefixes if token.startswith(p) and len(token) - len(p) >= 2)
    return tuple(forms)


def _matches(forms: Sequence[tuple[str, frozenset[str]]], words: frozenset[str]) -> tuple[str, ...]:
    """The tokens (given with their prefix-stripped forms) that are one of `words`."""
    return tuple(dict.fromkeys(token for token, variants in forms if not words.isdisjoint(variants)))


def _negations(tokens: Sequence[str], lexicon: Lexicon) -> tuple[str, ...]:
    """Only و/ف may precede a negation particle (ولم، فلا): longer prefixes make other words."""
    return tuple(dict.fromkeys(
        t for t in tokens if t in lexicon.negation or (t[:1] in "وف" and t[1:] in lexicon.negation)
    ))


def _has_phrase(folded: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w)[وف]?{re.escape(phrase)}(?!\w)", folded) is not None


def _denials(text: str, forms: Sequence[tuple[str, frozenset[str]]], lexicon: Lexicon) -> tuple[str, ...]:
    folded = search_form(text)
    phrases = tuple(p for p in lexicon.denial_phrases if _has_phrase(folded, p))
    return tuple(dict.fromkeys(phrases + _matches(forms, lexicon.denial)))


def _antonyms(claim_sides: Sequence[tuple[tuple[str, ...], tuple[str, ...]]],
              evidence_sides: Sequence[tuple[tuple[str, ...], tuple[str, ...]]]) -> tuple[tuple[str, str], ...]:
    """Opposites split across the two texts (rise in one, fall in the other, and not both in either)."""
    found = []
    for (claim_a, claim_b), (ev_a, ev_b) in zip(claim_sides, evidence_sides):
        if claim_a and ev_b and not ev_a and not claim_b:
            found.append((claim_a[0], ev_b[0]))
        elif claim_b and ev_a and not ev_b and not claim_a:
            found.append((claim_b[0], ev_a[0]))
    return tuple(found)


def _content_words(tokens: Sequence[str], lexicon: Lexicon) -> set[str]:
    """Tokens without stopwords and without the Arabic article (والسفارة -> سفارة), for overlap counts.

    One-letter prefixes stay: بغداد and لبنان begin with ب and ل.
    """
    words = set()
    for token in tokens:
        if token in lexicon.stopwords or token.isdigit() or len(token) < 2:
            continue
        article = next((p for p in lexicon.prefixes if p.endswith(("ال", "لل")) and token.startswith(p)
                        and len(token) - len(p) >= 3), "")
        words.add(token[len(article):])
    return words


def _entities(text: str, tokens: Sequence[str], lexicon: Lexicon) -> set[str]:
    """Names: capitalised Latin words not opening a sentence; for Arabic (no capitals) every content
    word of 3+ letters."""
    if detect_language(text) == "en":
        names = {search_form(m.group()) for m in _LATIN_CAPITALISED.finditer(text)
                 if m.start() > 0 and not _SENTENCE_START.search(text[max(0, m.start() - 4):m.start()])}
        return names - lexicon.stopwords
    return {w for w in _content_words(tokens, lexicon) if len(w) >= 3 and not w.isascii()}


# --- word differences ------------------------------------------------------

@dataclass(frozen=True)
class WordDifference:
    """The content words only one side uses: what an ANS-style edit changed (سوريا -> اليمن, ارتفاع -> انخفاض)."""

    claim_only: tuple[str, ...]
    evidence_only: tuple[str, ...]
    claim_words: int
    evidence_words: int


@lru_cache(maxsize=16384)
def _stems(token: str) -> frozenset[str]:
    """The token and its forms without a prefix, an ending or an imperfect-verb letter."""
    lexicon = load_lexicon()
    stems = set()
    for form in _forms(token, lexicon):
        stems.add(form)
        ending = next((s for s in lexicon.suffixes if form.endswith(s) and len(form) - len(s) >= 3), "")
        stems.add(form[:len(form) - len(ending)])
    stems |= {s[1:] for s in stems if len(s) >= 4 and s[0] in lexicon.verb_prefixes}
    return frozenset(stems)


class _Vocabulary:
    """One text's word stems, indexed so that "is this word there in another spelling?" is a few lookups.

    Two stems of 3+ letters whose character-sequence ratio reaches SAME_WORD_RATIO almost always
    differ by one letter, so candidates are the stems sharing a one-deletion form; the ratio then decides.
    """

    def __init__(self, words: Sequence[str]) -> None:
        self.stems = frozenset().union(*map(_stems, words))
        self.by_deletion: dict[str, set[str]] = {}
        for stem in self.stems:
            if len(stem) >= 3:
                for form in _deletions(stem):
                    self.by_deletion.setdefault(form, set()).add(stem)

    def has(self, token: str) -> bool:
        ours = _stems(token)
        if not ours.isdisjoint(self.stems):
            return True
        return any(_alike(a, b) for a in ours if len(a) >= 3
                   for form in _deletions(a) for b in self.by_deletion.get(form, ()))


@lru_cache(maxsize=65536)
def _deletions(stem: str) -> tuple[str, ...]:
    return (stem, *{stem[:i] + stem[i + 1:] for i in range(len(stem))})


@lru_cache(maxsize=65536)
def _alike(a: str, b: str) -> bool:
    """Two spellings of one stem (الأمريكية/الأميركية, نتنياهو/نتينياهو)."""
    return SequenceMatcher(None, a, b).ratio() >= SAME_WORD_RATIO


def _difference_words(text: str, lexicon: Lexicon) -> list[str]:
    """Words that can carry an edit: no stopwords, but negation particles and numbers stay."""
    return [t for t in _tokens(text) if (t not in lexicon.stopwords or t in lexicon.negation)
            and (len(t) >= 2 or t.isdigit())]


def word_difference(claim: str, evidence: str) -> WordDifference:
    lexicon = load_lexicon()
    ours, theirs = _difference_words(claim, lexicon), _difference_words(evidence, lexicon)
    our_vocabulary, their_vocabulary = _Vocabulary(ours), _Vocabulary(theirs)
    return WordDifference(
        claim_only=tuple(w for w in ours if not their_vocabulary.has(w)),
        evidence_only=tuple(w for w in theirs if not our_vocabulary.has(w)),
        claim_words=len(ours), evidence_words=len(theirs),
    )


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
    )


CHECK_FEATURES = (
    "numbers_agree", "number_conflict", "claim_negation", "evidence_negation", "negation_gap",
    "evidence_denial", "claim_denial", "antonym", "token_overlap", "entity_overlap", "no_shared_entity",
    "same_language",
)


# The layout of `pair_features`, saved with the weights: a model trained on another layout is not loaded.
MODEL_FEATURES = ("sentence", "changed_words", "difference_counts", *CHECK_FEATURES)


def check_features(checks: Checks) -> list[float]:
    """The explicit checks as numbers for the model, in CHECK_FEATURES order.

    Word overlap means nothing across languages: it is NaN there, and the model
    reads NaN as "unknown" (the training average) rather than as "no overlap".
    """
    smaller = min(checks.claim_entities, checks.evidence_entities)
    overlap = checks.token_overlap if checks.same_language else math.nan
    entity_overlap = (len(checks.shared_entities) / smaller if smaller else 0.0) if checks.same_language else math.nan
    return [
        float(bool(checks.numbers_agree)), float(bool(checks.number_conflicts)),
        float(bool(checks.claim_negations)), float(bool(checks.evidence_negations)), float(checks.negation_gap),
        float(bool(checks.denial_gap)), float(bool(checks.claim_denials)), float(bool(checks.antonyms)),
        overlap, entity_overlap, float(checks.about_something_else), float(checks.same_language),
    ]


def _difference_features(difference: WordDifference) -> list[float]:
    """How much was changed: counts and shares of words only one side uses, and whether that is one word each."""
    only_c, only_e = len(difference.claim_only), len(difference.evidence_only)
    total_c, total_e = difference.claim_words, difference.evidence_words
    return [
        only_c, only_e, only_c + only_e, only_c / max(total_c, 1), only_e / max(total_e, 1),
        (total_c + total_e - only_c - only_e) / max(total_c + total_e, 1), min(total_c, total_e) / max(total_c, total_e, 1),
        float(only_c == 1 and only_e == 1), float(only_c + only_e <= 2),
    ]


def pair_features(claim_vectors: np.ndarray, evidence_vectors: np.ndarray, claim_only_vectors: np.ndarray,
                  evidence_only_vectors: np.ndarray, differences: Sequence[WordDifference],
                  checks: Sequence[Checks]) -> np.ndarray:
    """What the model is trained and run on, per pair.

    Sentence embeddings u, v as [u*v, |u-v|, cosine]; the embeddings a, b of the words only
    the claim / only the evidence uses (zero when none) as [a*b, |a-b|, a.b, none on each side,
    a.v, b.u], so a swapped place or an antonym shows even when u and v are close; then the
    difference counts and the explicit checks.
    """
    u, v, a, b = claim_vectors, evidence_vectors, claim_only_vectors, evidence_only_vectors
    claim_none = np.array([not d.claim_only for d in differences], dtype=np.float32)
    evidence_none = np.array([not d.evidence_only for d in differences], dtype=np.float32)
    dot = lambda x, y: np.sum(x * y, axis=1)  # noqa: E731
    columns = np.column_stack([dot(a, b), claim_none, evidence_none, dot(a, v), dot(b, u)])
    counts = np.array([_difference_features(d) for d in differences], dtype=np.float32).reshape(len(differences), -1)
    explicit = np.array([check_features(c) for c in checks], dtype=np.float32).reshape(len(checks), -1)
    return np.hstack([u * v, np.abs(u - v), dot(u, v)[:, None], a * b, np.abs(a - b), columns, counts, explicit])


def model_features(claims: Sequence[str], sentences: Sequence[str], claim_vectors: np.ndarray,
                   sentence_vectors: np.ndarray, checks: Sequence[Checks]) -> np.ndarray:
    """`pair_features` from texts and their embeddings: one more embedding call, for the changed words."""
    from checker.embeddings import encode

    differences = [word_difference(claim, sentence) for claim, sentence in zip(claims, sentences)]
    phrases = list(dict.fromkeys(" ".join(words) for d in differences for words in (d.claim_only, d.evidence_only)
                                 if words))
    vectors = encode(phrases) if phrases else np.zeros((0, claim_vectors.shape[1]), dtype=np.float32)
    row = {phrase: i for i, phrase in enumerate(phrases)}
    zero = np.zeros(claim_vectors.shape[1], dtype=np.float32)

    def side(words: tuple[str, ...]) -> np.ndarray:
        return vectors[row[" ".join(words)]] if words else zero

    claim_only = np.array([side(d.claim_only) for d in differences]).reshape(len(differences), -1)
    evidence_only = np.array([side(d.evidence_only) for d in differences]).reshape(len(differences), -1)
    return pair_features(claim_vectors, sentence_vectors, claim_only, evidence_only, differences, checks)


@dataclass(frozen=True)
class StanceModel:
    """Multinomial logistic regression weights (plain numpy, no scikit-learn at run time).

    Features are standardised with the training mean and scale; a feature that
    never varied in training (ANS is all Arabic) has scale 1 and weight 0, so an
    English or cross-language pair cannot blow it up.
    """

    weights: np.ndarray
    bias: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    labels: tuple[str, ...]
    embedding_model: str

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """Rows of P(agree), P(disagree), P(other), whatever order the model was saved in."""
        standardised = np.nan_to_num((features - self.mean) / self.scale, nan=0.0)
        logits = standardised @ self.weights.T + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        probs = exp / exp.sum(axis=1, keepdims=True)
        return probs[:, [self.labels.index(s) for s in STANCES]]

    def save(self, path: Path) -> None:
        np.savez_compressed(path, weights=self.weights, bias=self.bias, mean=self.mean, scale=self.scale,
                            labels=np.array(self.labels), embedding_model=np.array(self.embedding_model),
                            features=np.array(MODEL_FEATURES))


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL_FILE) -> StanceModel | None:
    """The shipped weights, or None when the file is missing or was trained on other features."""
    if not path.is_file():
        return None
    data = np.load(path, allow_pickle=False)
    if "features" not in data or tuple(data["features"].tolist()) != MODEL_FEATURES:
        return None
    return StanceModel(weights=data["weights"], bias=data["bias"], mean=data["mean"], scale=data["scale"],
                       labels=tuple(data["labels"].tolist()), embedding_model=str(data["embedding_model"]))


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


def assess_many(pairs: Sequence[tuple[str, str]], similarities: Sequence[float | None] | None = None) -> list[StanceResult]:
    """Stances for many (claim, passage) pairs with one embedding call for all their texts
    (and one more for the changed words of the Arabic pairs the model reads).

    The model and the similarity look at the passage sentence closest to the
    claim (a passage says more than the claim, which would read as a
    difference); the explicit checks read that sentence and its neighbours
    (the whole passage when it has three sentences or fewer). A given
    similarity replaces the computed one in the decision.
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
    cross = cross_encoder_probabilities([(claim, sentence) for (claim, _), sentence in zip(pairs, closest)])
    if cross is not None:  # trained on both languages and across them: it reads every pair
        checks = [replace(check, model_language=True) for check in checks]
        probabilities = list(cross)
    model = load_model() if cross is None else None
    if model is not None and model.embedding_model != get_settings().embedding_model:
        model = None  # trained on another embedding space: its weights would read noise
    modelled = [i for i, check in enumerate(checks) if check.model_language] if model is not None else []
    if modelled:
        features = model_features([pairs[i][0] for i in modelled], [closest[i] for i in modelled],
                                  claim_vectors[modelled], evidence_vectors[modelled], [checks[i] for i in modelled])
        for i, row in zip(modelled, model.probabilities(features)):
            probabilities[i] = row
    nli = nli_probabilities([(claim, sentence) for (claim, _), sentence in zip(pairs, closest)])
    return [_result(check, similarity, probabilities[i], None if nli is None else nli[i])
            for i, (check, similarity) in enumerate(zip(checks, sims))]


def cross_encoder_probabilities(pairs: Sequence[tuple[str, str]]) -> np.ndarray | None:
    """Rows of P(agree), P(disagree), P(other) from checker's own stance cross-encoder (issue 8,
    docs/encoder.md) when its trained head is installed under checker/data/models/stance; else None, and the
    logistic model above decides Arabic pairs as before. CHECKER_STANCE_CROSS_ENCODER=0 turns it off."""
    if not pairs or not cross_encoder_installed():
        return None
    from checker.encoder.stance import StanceModel

    model = StanceModel.get()
    scores = np.asarray(model.predict(list(pairs)), dtype=np.float64).reshape(len(pairs), -1)
    return scores[:, [list(model.labels).index(s) for s in STANCES]]


def cross_encoder_installed() -> bool:
    import os

    if os.environ.get("CHECKER_STANCE_CROSS_ENCODER", "1") == "0":
        return False
    return (DATA_DIR / "models" / "stance").is_dir()


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

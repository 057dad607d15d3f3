"""The trained part of the stance step: the words only one side uses (`word_difference`), the pair features and
the logistic model over them (`StanceModel`, checker/data/stance_model.npz, trained by scripts/train_stance.py).
Split from checker/stance.py; `checker.stance` re-exports the public names."""
from __future__ import annotations

import math
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

import numpy as np

from checker.config import DATA_DIR
from checker.stance_lexicon import Lexicon, _forms, _tokens, load_lexicon

if TYPE_CHECKING:
    from checker.stance import Checks

MODEL_FILE = DATA_DIR / "stance_model.npz"
STANCES = ("agree", "disagree", "other")
# Two spellings count as one word when their stems are this alike (character-sequence ratio):
# الأمريكية/الأميركية, نتنياهو/نتينياهو (with the endings of stance.toml, about +0.01 CV macro-F1 on ANS train).
SAME_WORD_RATIO = 0.8


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

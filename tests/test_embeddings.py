"""Embeddings: USE v3 as sentence-transformers computes it (without importing it), local-only model loading, stored vectors per model."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import sqlite_utils
from sentence_transformers import SentenceTransformer, util

from checker.config import DEFAULT_EMBEDDING_MODEL
from checker.embeddings import embed_missing, embed_passages, encode, get_embedder, load_cross_encoder, use_model
from checker.errors import CheckerError
from checker.normalize import search_form
from checker.store.db import open_db

EMBASSY_AR = "تعرضت السفارة الأمريكية في بغداد لهجوم بطائرات مسيرة فجر الأحد"
EMBASSY_EN = "The US embassy in Baghdad was attacked by drones early on Sunday"
OIL_EN = "Saudi Aramco raised its crude oil prices for Asian buyers in January"
VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "us", "embassy", "in", "baghdad", "was", "attacked",
         "by", "drones", "oil", "prices", "rose", "السفارة", "بغداد", "هجوم", "النفط"]


@pytest.fixture(scope="module")
def tiny_models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A random tiny BERT as a saved sentence-transformers model, the same in a fake HF cache, and an NLI cross-encoder."""
    from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    from transformers import BertConfig, BertForSequenceClassification, BertModel, BertTokenizer

    root = tmp_path_factory.mktemp("tiny")
    (root / "vocab.txt").write_text("\n".join(VOCAB) + "\n", encoding="utf-8")
    tokenizer = BertTokenizer(vocab_file=str(root / "vocab.txt"))
    config = dict(vocab_size=len(VOCAB), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                  intermediate_size=32, max_position_embeddings=64)
    backbone = root / "backbone"
    BertModel(BertConfig(**config)).save_pretrained(backbone)
    tokenizer.save_pretrained(backbone)
    transformer = Transformer(str(backbone), max_seq_length=32)
    folder = root / "tiny-st"
    SentenceTransformer(modules=[transformer, Pooling(transformer.get_embedding_dimension(), "mean")],
                        device="cpu").save(str(folder))
    hub = root / "hf-home" / "hub"
    snapshot = hub / "models--newsroom--tiny-st" / "snapshots" / "0123abcd"
    shutil.copytree(folder, snapshot)
    (hub / "models--newsroom--tiny-st" / "refs").mkdir()
    (hub / "models--newsroom--tiny-st" / "refs" / "main").write_text("0123abcd")
    nli = root / "tiny-nli"
    labels = {0: "contradiction", 1: "entailment", 2: "neutral"}
    BertForSequenceClassification(BertConfig(**config, num_labels=3, id2label=labels,
                                             label2id={v: k for k, v in labels.items()})).save_pretrained(nli)
    tokenizer.save_pretrained(nli)
    return {"folder": folder, "hf_home": root / "hf-home", "nli": nli}


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    database = open_db(tmp_path / "claims.db")
    document = database["documents"].insert({"text": "x", "content_hash": "h", "language": "ar"}).last_pk
    for idx, text in enumerate([EMBASSY_AR, EMBASSY_EN, OIL_EN]):
        database["passages"].insert({"document_id": document, "idx": idx, "text": text,
                                     "search_text": search_form(text), "start": 0, "end": len(text)})
    return database


def test_use_embeds_bit_for_bit_as_its_sentence_transformer_and_matches_arabic_to_english() -> None:
    model = get_embedder()
    assert get_embedder() is model
    texts = [" ".join(s.split()[:n]) for s in (EMBASSY_AR, EMBASSY_EN, OIL_EN) for n in range(1, len(s.split()) + 1)]
    ours = model.encode(texts, batch_size=8, normalize_embeddings=True)
    theirs = use_model().encode(texts, batch_size=8, normalize_embeddings=True, convert_to_numpy=True)
    assert ours.dtype == np.float32 and np.array_equal(ours, theirs)
    similarity = util.cos_sim(*[model.encode([EMBASSY_AR, EMBASSY_EN, OIL_EN])] * 2)
    assert similarity[0, 1] > 0.6 > similarity[0, 2]
    assert similarity[0, 1] > similarity[1, 2] + 0.3


def test_embedding_with_the_default_model_does_not_import_sentence_transformers() -> None:
    # sentence-transformers brings scikit-learn, scipy and pandas: ~270 MB and seconds before a first analysis.
    code = ("import sys; from checker.embeddings import encode; encode(['قال المسؤول']); "
            "print(sorted(m for m in ('sentence_transformers', 'sklearn', 'scipy') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_encode_returns_unit_float32_rows_and_handles_empty_input() -> None:
    vectors = encode([EMBASSY_AR, EMBASSY_EN, ""])
    assert vectors.shape == (3, 512) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors[:2], axis=1), 1.0, atol=1e-4)
    assert encode([]).shape == (0, 512)


def test_saved_use_model_loads_back_from_its_folder(tmp_path: Path) -> None:
    use_model().save(str(tmp_path / "use"))
    expected = encode([EMBASSY_AR])
    # sentence-transformers 6 asks before importing a module class from outside its own package.
    reloaded = SentenceTransformer(str(tmp_path / "use"), trust_remote_code=True, local_files_only=True, device="cpu")
    assert np.allclose(reloaded.encode([EMBASSY_AR], normalize_embeddings=True), expected, atol=1e-5)
    # checker's own loader trusts checker's own module classes without the flag.
    assert np.allclose(encode([EMBASSY_AR], str(tmp_path / "use")), expected, atol=1e-5)


def test_a_model_folder_from_the_setting_replaces_the_default(tiny_models: dict[str, Path],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKER_EMBEDDING_MODEL", str(tiny_models["folder"]))
    vectors = encode([EMBASSY_EN, OIL_EN])
    assert vectors.shape == (2, 16)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_a_model_name_is_found_in_the_local_hugging_face_cache(tiny_models: dict[str, Path],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HF_HUB_CACHE", raising=False)
    monkeypatch.setenv("HF_HOME", str(tiny_models["hf_home"]))
    by_name = encode([EMBASSY_EN], "newsroom/tiny-st")
    by_path = encode([EMBASSY_EN], str(tiny_models["folder"]))
    assert np.allclose(by_name, by_path, atol=1e-5)


@pytest.mark.parametrize("missing", ["/nonexistent/models/arabert-news", "newsroom/model-never-downloaded"])
def test_a_missing_model_is_a_clear_error_naming_the_setting(missing: str, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HOME", str(tmp_path))
    monkeypatch.setenv("CHECKER_EMBEDDING_MODEL", missing)
    with pytest.raises(CheckerError, match="CHECKER_EMBEDDING_MODEL") as error:
        encode([EMBASSY_EN])
    assert missing in str(error.value)


def test_a_model_folder_naming_third_party_code_is_refused(tiny_models: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "suspicious"
    shutil.copytree(tiny_models["folder"], folder)
    modules = json.loads((folder / "modules.json").read_text())
    modules[0]["type"] = "os.system"
    (folder / "modules.json").write_text(json.dumps(modules))
    with pytest.raises(CheckerError, match="could not be loaded"):
        get_embedder(str(folder))


def test_nli_cross_encoder_loads_from_a_local_folder(tiny_models: dict[str, Path],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKER_NLI_MODEL", str(tiny_models["nli"]))
    model = load_cross_encoder()
    scores = model.predict([(EMBASSY_EN, OIL_EN), (EMBASSY_AR, EMBASSY_EN)])
    assert scores.shape == (2, 3)
    assert load_cross_encoder(str(tiny_models["nli"])) is model


def test_nli_cross_encoder_missing_or_unset_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CHECKER_NLI_MODEL", raising=False)
    with pytest.raises(CheckerError, match="CHECKER_NLI_MODEL"):
        load_cross_encoder()
    with pytest.raises(CheckerError, match="CHECKER_NLI_MODEL=/nonexistent/nli"):
        load_cross_encoder("/nonexistent/nli")


def test_embed_passages_stores_float32_vectors_once(db: sqlite_utils.Database) -> None:
    ids = [row[0] for row in db.execute("SELECT id FROM passages ORDER BY id")]
    assert embed_passages(db, ids) == 3
    assert embed_passages(db, ids) == 0
    rows = list(db.execute("SELECT passage_id, model, dim, vector FROM embeddings ORDER BY passage_id"))
    assert [(row[0], row[1], row[2]) for row in rows] == [(pid, DEFAULT_EMBEDDING_MODEL, 512) for pid in ids]
    stored = np.frombuffer(rows[1][3], dtype=np.float32)
    assert np.allclose(stored, encode([EMBASSY_EN])[0], atol=1e-5)


def test_vectors_of_two_models_are_kept_apart(db: sqlite_utils.Database, tiny_models: dict[str, Path]) -> None:
    ids = [row[0] for row in db.execute("SELECT id FROM passages ORDER BY id")]
    embed_passages(db, ids[:1])
    assert embed_missing(db) == 2
    tiny = str(tiny_models["folder"])
    assert embed_missing(db, tiny) == 3
    dims = dict(db.execute("SELECT model, group_concat(DISTINCT dim) FROM embeddings GROUP BY model").fetchall())
    assert dims == {DEFAULT_EMBEDDING_MODEL: "512", tiny: "16"}
    assert embed_missing(db) == 0 and embed_missing(db, tiny) == 0


def test_a_stored_vector_costs_about_its_own_size_on_disk(tmp_path: Path) -> None:
    """A 2 KiB vector took a whole 4 KiB page of its own: a 10M-passage archive needed twice the disk."""
    path = tmp_path / "claims.db"
    database = open_db(path)
    document = database["documents"].insert({"text": "x", "content_hash": "h", "language": "en"}).last_pk

    def grow(numbers: range) -> int:
        texts = [f"{text} ({number})" for number in numbers for text in (EMBASSY_AR, EMBASSY_EN, OIL_EN)]
        database["passages"].insert_all({"document_id": document, "idx": 0, "text": text,
                                         "search_text": search_form(text), "start": 0, "end": len(text)}
                                        for text in texts)
        assert embed_missing(database) == len(texts)
        database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return path.stat().st_size

    before = grow(range(100))
    per_passage = (grow(range(100, 400)) - before) / 900
    assert per_passage < 2_900, f"{per_passage:.0f} bytes per 2,048-byte vector and its short passage"

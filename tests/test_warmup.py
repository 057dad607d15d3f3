"""The desk's warm-up: what it loads before a reviewer's first analysis, and what it leaves out.

The first analysis on a freshly started desk waits for these models (issue 10), so the warm-up must not pay
for libraries the analysis never runs: sentence-transformers (scikit-learn, scipy, pandas) and transformers
cost ~7 s of CPU and ~400 MB together on the shared 2-core machine.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("sentence_transformers", "transformers", "sklearn", "peft")


def test_the_warmup_readies_both_models_without_the_heavy_libraries() -> None:
    from checker.encoder.heads import MODELS_DIR
    from checker.encoder.merged import ensure_merged
    from checker.encoder.stance import bf16_enabled

    import torch

    ensure_merged(MODELS_DIR / "stance", torch.bfloat16 if bf16_enabled() else torch.float32)  # built once per user
    code = ("import json, sys; from checker.desk.warmup import Warmup; w = Warmup().start(); w.thread.join(); "
            f"print(json.dumps([w.state, sorted(m for m in {HEAVY!r} if m in sys.modules), w.summary()]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    state, imported, summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(state.values()) == {"ready"}, state
    assert imported == []
    assert summary.startswith("Models ready")

"""Speed and memory of checker's e5 encoder and its stance head on this machine.

Each measurement runs in a fresh subprocess so peak RSS (ru_maxrss) is that of loading and using
one thing: the e5 `SentenceTransformer`, the stance head (fp32 and int8), and the stance head beside
the desk's USE model (what `streamlit run app.py` holds with the encoder loaded; target < 2.5 GB).
Speed: sentences/s of e5 embeddings (short sentences and 128-token passages) and, for the stance head,
pairs/s and warm ms for the sample article's claims x 5 stored passages (verdict budget 1.5 s).

    .venv/bin/python scripts/bench_encoder.py [--threads 1] [--runs 3] [--only e5,stance,stance-int8,desk]
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT.parent / "shared" / "samples" / "baghdad_embassy_ar.txt"
SEED_EVIDENCE = ROOT / "checker" / "data" / "seed_evidence.jsonl"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def claim_passage_pairs(passages_per_claim: int = 5) -> list[tuple[str, str]]:
    """The sample article's claims, each with 5 passages of the demo evidence (seeded)."""
    from checker.pipeline import analyze

    claims = [c.text for c in analyze(SAMPLE.read_text("utf-8")).claims]
    records = [json.loads(line) for line in SEED_EVIDENCE.read_text("utf-8").splitlines() if line.strip()]
    passages = [r["text"] for r in records if r.get("text")]
    rng = random.Random(0)
    return [(claim, p) for claim in claims for p in rng.sample(passages, passages_per_claim)]


def bench_e5(runs: int) -> dict:
    from checker.encoder import load_e5

    start = time.perf_counter()
    model = load_e5()
    load_s = time.perf_counter() - start
    short = ["قال مسؤول أمريكي إن 2500 جندي في العراق.", "The embassy was hit by rockets on Friday."] * 32
    long = [" ".join(["The committee discussed the budget and the troops in Iraq and Syria."] * 12)] * 16
    model.encode(short[:4], prompt_name="query")
    out = {"load_s": load_s}
    for name, texts in (("short", short), ("128_tokens", long)):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            model.encode(texts, prompt_name="passage", batch_size=32)
            times.append(time.perf_counter() - start)
        out[f"sentences_per_s_{name}"] = len(texts) / statistics.median(times)
    return out


def bench_stance(runs: int, quantize: bool, with_use: bool = False) -> dict:
    out = {}
    if with_use:
        from checker.embeddings import use_model

        start = time.perf_counter()
        use_model().encode(["warm up"])
        out["use_load_s"] = time.perf_counter() - start
    from checker.encoder.stance import StanceModel

    start = time.perf_counter()
    model = StanceModel.get(quantize=quantize)
    out["load_s"] = time.perf_counter() - start
    pairs = claim_passage_pairs()
    model.predict(pairs[:8])
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        model.predict(pairs)
        times.append(time.perf_counter() - start)
    out.update({"claims": len(pairs) // 5, "pairs": len(pairs), "article_ms": 1000 * statistics.median(times),
                "pairs_per_s": len(pairs) / statistics.median(times)})
    return out


def child(kind: str, threads: int, runs: int) -> None:
    import torch

    torch.set_num_threads(threads)
    before = _rss_mb()
    if kind == "e5":
        result = bench_e5(runs)
    elif kind == "desk":
        result = bench_stance(runs, quantize=False, with_use=True)
    else:
        result = bench_stance(runs, quantize=kind == "stance-int8")
    result.update({"kind": kind, "threads": threads, "peak_rss_mb": _rss_mb(), "rss_before_mb": before})
    print(json.dumps(result))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="e5,stance,stance-int8,desk")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.threads, args.runs)
        return 0
    for kind in args.only.split(","):
        proc = subprocess.run(
            [sys.executable, __file__, "--child", kind, "--threads", str(args.threads), "--runs", str(args.runs)],
            capture_output=True, text=True, check=False,
        )
        lines = [l for l in proc.stdout.splitlines() if l.startswith("{")]
        if proc.returncode or not lines:
            print(f"{kind}: failed\n{proc.stderr[-2000:]}")
            continue
        r = json.loads(lines[-1])
        figures = "  ".join(f"{k} {v:.1f}" if isinstance(v, float) else f"{k} {v}" for k, v in r.items() if k != "kind")
        print(f"{kind}: {figures}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

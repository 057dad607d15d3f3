"""Dense retrieval, USE v3 (the current default) vs e5-small (checker.encoder), on the same data and machine.

- CheckThat! 2021 task 2A dev: English (199 tweets against the 13,825 Snopes claims) and Arabic (the
  dev tweets against the 805 claims of the dev top-10 lists), claim text + newline + fact-check title,
  dense cosine only (no BM25, no fusion): MAP@5 and R@1.
- eval/embedding_pairs.jsonl: R@1 per pair type (ar-ar, ar-en, en-en), with and without the
  changed-number/name distractors (scripts/eval_embeddings.py's ranking).
- speed (texts/s while embedding the claims) and peak RSS, each model in its own subprocess.
e5 gets its "query: " / "passage: " prompts; USE takes the raw text.

    .venv/bin/python scripts/eval_embeddings_encoder.py [--models use,e5] [--threads 1]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_embeddings import PAIRS, load_pairs, ranking  # noqa: E402
from eval_retrieval import AR, EN, average_precision, read_ar, read_en  # noqa: E402


def embedders(name: str):
    """(embed_queries, embed_passages) for one model."""
    if name == "use":
        from checker.embeddings import use_model

        model = use_model()
        embed = lambda texts: model.encode(list(texts), batch_size=256, normalize_embeddings=True)  # noqa: E731
        return embed, embed
    from checker.encoder import load_e5

    model = load_e5()
    return (lambda texts: model.encode(list(texts), prompt_name="query", batch_size=32),
            lambda texts: model.encode(list(texts), prompt_name="passage", batch_size=32))


def checkthat(lang: str, embed_q, embed_p) -> dict:
    if lang == "en":
        queries, gold, texts = read_en(EN / "EN_dev_queries.tsv", EN / "EN_dev_qrels.txt",
                                       EN / "CT2021-Task2A-EN-Verified_Claims.txt")
    else:
        queries, gold, texts = read_ar(AR / "CT2021-Task2A-AR-Dev_Queries.txt", AR / "ar-clef2021-mono_bert_dev_set_top_10.tsv")
    ids = list(texts)
    start = time.perf_counter()
    claims = embed_p([texts[i] for i in ids])
    seconds = time.perf_counter() - start
    questions = embed_q([text for _, text in queries])
    scores = questions @ claims.T
    aps, hits = [], []
    for (qid, _), row in zip(queries, scores):
        ranked = [ids[j] for j in np.argsort(-row)[:5]]
        aps.append(average_precision(ranked, gold.get(qid, set())))
        hits.append(ranked[0] in gold.get(qid, set()))
    return {"queries": len(queries), "claims": len(ids), "map5": float(np.mean(aps)), "r1": float(np.mean(hits)),
            "texts_per_s": len(ids) / seconds}


def child(name: str) -> dict:
    embed_q, embed_p = embedders(name)
    out = {"model": name}
    for lang in ("en", "ar"):
        out[lang] = checkthat(lang, embed_q, embed_p)
    pairs = load_pairs(PAIRS)

    def embed(texts):  # the pair sets compare sentences with sentences: both sides as queries (symmetric)
        return embed_q(texts)

    out["pairs"] = {"plain": ranking(pairs, embed, distractors=False), "distractors": ranking(pairs, embed, distractors=True)}
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", default="use,e5")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    if args.child:
        print(json.dumps(child(args.child)))
        return 0
    for name in args.models.split(","):
        proc = subprocess.run([sys.executable, __file__, "--child", name, "--threads", str(args.threads)],
                              capture_output=True, text=True, check=False)
        lines = [l for l in proc.stdout.splitlines() if l.startswith("{")]
        if proc.returncode or not lines:
            print(f"{name}: failed\n{proc.stderr[-2000:]}")
            continue
        r = json.loads(lines[-1])
        for lang in ("en", "ar"):
            c = r[lang]
            print(f"{name} CheckThat 2021 2A dev {lang}: {c['queries']} queries x {c['claims']} claims  "
                  f"MAP@5 {c['map5']:.3f}  R@1 {c['r1']:.3f}  ({c['texts_per_s']:.0f} claims/s)")
        for setting, per_type in r["pairs"].items():
            print(f"{name} embedding_pairs {setting}: " + "  ".join(
                f"{kind} R@1 {v[0]:.2f} MRR {v[1]:.2f} (n={v[2]})" for kind, v in per_type.items()))
        print(f"{name} peak RSS {r['peak_rss_mb']:.0f} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

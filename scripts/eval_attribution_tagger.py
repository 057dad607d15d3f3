#!/usr/bin/env python3
"""The attribution tagger alone on GUM's held-out attribution relations: cue / source / content span F1.

    .venv/bin/python scripts/eval_attribution_tagger.py [--split dev] [--model checker/data/models/attribution_tagger]

Spans match as in scripts/eval_polnear_spans.py: token sets overlapping by at least half of the longer span
(one-to-one), or exactly. GUM dev and test were never trained on (train split only, see the card in
docs/attribution_tagger.md). The whole pipeline with the tagger is scored by
`scripts/eval_polnear_spans.py` (without --fast) on PolNeAR and on GUM (`--gum dev`).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_polnear_spans import GUM, Score  # noqa: E402

from checker.attribution.gum import read_split  # noqa: E402
from checker.attribution.tagger import MODEL_DIR, Tagger  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--model", type=Path, default=MODEL_DIR)
    args = parser.parse_args()
    if not (args.model / "tagger.json").is_file():
        print(f"no tagger at {args.model}", file=sys.stderr)
        return 2
    from eval_polnear_spans import score_spans

    tagger = Tagger(args.model, threads=2)
    scores = {kind: Score() for kind in ("cue", "source", "content")}
    started = time.perf_counter()
    docs = read_split(GUM, args.split)
    for doc in docs:
        sentences = [(doc.tokens[a].start, doc.tokens[b - 1].end) for a, b in doc.sentences]
        tagged = tagger.tag([doc.text[s:e] for s, e in sentences])
        for kind, score in scores.items():
            predicted = {(s + t.start, s + t.end) for (s, _), spans in zip(sentences, tagged) for t in spans
                         if t.kind == kind}
            gold = {(a, b) for k, a, b in doc.spans if k == kind}
            score.add(score_spans(doc.text, predicted, gold))
    print(f"tagger on GUM {args.split}: {len(docs)} documents, {time.perf_counter() - started:.1f} s")
    for kind, score in scores.items():
        print(score.line(kind))
    return 0


if __name__ == "__main__":
    sys.exit(main())

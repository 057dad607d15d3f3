"""Pick training sentences for the role and denial variants (eval/stance_written/roles.jsonl).

Prints JSONL rows {"sid", "source", "sentence", "lang", "text"} for helpers to write variants of: ant_v11 sentences
of the stance head's training half (and GUM train-split sentences) that name two different actors, or report a
denial, so that a changed claim can turn who did what to whom round or restate a denial as an admission. Sentences
already used in eval/stance_written/variants.jsonl or eval/opinion_written/ are skipped. Seeded, repeatable:

    python3 scripts/pick_role_sentences.py --ar 240 --en 60 --seed 20261258 > /tmp/roles_sources.jsonl

The text goes to the helpers only (a file under /tmp); the repository keeps the source path and number.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]

from encoder_stance_data import (DATA, EVAL, _TAG, _ant_training_files, _sentences,  # noqa: E402
                                 excluded_ids, gum_train_names)

from checker.slots.extract import read  # noqa: E402
from checker.slots.names import same_entity  # noqa: E402

_DENIAL = re.compile(r"\b(?:و?(?:نفى|نفت|ينفي|تنفي|نفي|رفض|رفضت|يرفض|ترفض|كذب|كذبت|أنكر|أنكرت))\b|"
                     r"\b(?:den(?:y|ied|ies)|reject(?:ed|s)?|refus(?:ed|es))\b", re.I)


def _used() -> set[tuple[str, int]]:
    used = set()
    for path in (EVAL / "stance_written" / "variants.jsonl", EVAL / "opinion_written" / "sentences.jsonl"):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                used.add((row["source"], row["sentence"]))
    return used


def two_actors(sentence: str) -> bool:
    actors = [m for m in read(sentence).mentions if m.kind == "actor" and not m.adjective]
    return any(not same_entity(a, b) for i, a in enumerate(actors) for b in actors[i + 1:])


def _candidates(lang: str) -> list[tuple[str, int, str]]:
    used, out = _used(), []
    if lang == "ar":
        for path, raw in _ant_training_files():
            source = str(path.relative_to(DATA))
            for index, sentence in enumerate(_sentences("\n".join(body for _, body in _TAG.findall(raw)))):
                if (source, index) not in used:
                    out.append((source, index, sentence))
        return out
    skip = excluded_ids()
    for name in gum_train_names():
        path = DATA / "gum_attribution" / "dep" / f"{name}.conllu"
        if name in skip or not path.is_file() or not (name.startswith("GUM_news") or name.startswith("GUM_interview")):
            continue
        source = str(path.relative_to(DATA))
        lines = [" ".join(l[len("# text = "):].split()) for l in path.read_text("utf-8").splitlines()
                 if l.startswith("# text = ")]
        out += [(source, index, s) for index, s in enumerate(lines)
                if 7 <= len(s.split()) <= 45 and (source, index) not in used]
    return out


def pick(lang: str, count: int, rng: random.Random) -> list[dict]:
    candidates = _candidates(lang)
    rng.shuffle(candidates)
    rows, per_source = [], {}
    for source, index, sentence in candidates:
        if len(rows) >= count or per_source.get(source, 0) >= 2:
            continue
        if two_actors(sentence) or _DENIAL.search(sentence):
            per_source[source] = per_source.get(source, 0) + 1
            rows.append({"source": source, "sentence": index, "lang": lang, "text": sentence})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ar", type=int, default=240)
    parser.add_argument("--en", type=int, default=60)
    parser.add_argument("--seed", type=int, default=20261258)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rows = pick("ar", args.ar, rng) + pick("en", args.en, rng)
    for number, row in enumerate(rows):
        print(json.dumps({"sid": f"r{number:03d}", **row}, ensure_ascii=False))


if __name__ == "__main__":
    main()

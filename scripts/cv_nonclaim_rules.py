"""Which of the writer's-judgement rules pay? Grouped cross-validation over the annotated training articles.

Each rule family below is a set of word lists in checker/data/claims.toml (the lists added for it, or the terms
added to a shared list). With a family switched off its words are taken out of the loaded lists; the claims stage
then runs on every training article (`eval/real_train` to `real_train50`; never a development set) once
with every family off and once with each family alone on. A family only drops lines, so the lines a set of families
keeps out (and the claims it loses) are the union of what each does alone.

For each of 5 folds grouped by article, the set of families is the one that maximises, on the other folds,
non-claims kept out minus `--claim-cost` times the gold claims lost (a lost claim costs more than a missed
non-claim: recall must stay at least 0.98); it is then scored on the held-out fold. The out-of-fold figures say
whether choosing rules this way pays on articles the choice did not see.

    python scripts/cv_nonclaim_rules.py [--folds 5] [--claim-cost 2]
"""
from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT / "scripts"))
from real_articles import article_text  # noqa: E402

TRAINING = ("real_train", "real_train2", "real_train3", "real_train4", "real_train5", "real_train6", "real_train7",
            "real_train8", "real_train9", "real_train10", "real_train11", "real_train12", "real_train13",
            "real_train14", "real_train15", "real_train16", "real_train17", "real_train18",
            "real_train19", "real_train20", "real_train21", "real_train22",
            "real_train23", "real_train24", "real_train25", "real_train26",
            "real_train27", "real_train28", "real_train29", "real_train30", "real_train31",
            "real_train32", "real_train33", "real_train34", "real_train35", "real_train36",
            "real_train37", "real_train38",
            "real_train39", "real_train40", "real_train41", "real_train42",
            "real_train43", "real_train44", "real_train45", "real_train46", "real_train47", "real_train48",
            "real_train49", "real_train50")
# family -> (section, key, the terms it adds to that list; None: the whole list is the family's)
FAMILIES: dict[str, list[tuple[str, str, list[str] | None]]] = {
    "connectives": [("opinion", "connectives_ar", None), ("opinion", "connectives_en", None)],
    "open frames": [("questions", "frames_ar", None), ("questions", "frames_en", None),
                    ("speculation", "openers_ar", ["يبقى أن نرى", "يبقى أن ننتظر", "يبقى أن نعرف"]),
                    ("speculation", "openers_en", ["it is too early to", "it's too early to"])],
    "rumour and forecast": [("speculation", "anywhere_ar", None), ("speculation", "anywhere_en", None)],
    "stance adverbs": [("opinion", "stance_ar", None), ("opinion", "stance_en", None)],
    "condition + modal": [("speculation", "conditionals_ar", None)],
    "unnamed source + hedge": [("speculation", "unnamed_sources_ar", None)],
    "seeming": [("speculation", "seeming_ar", None)],
}


def _clear_caches() -> None:
    """Every cached word list and pattern built from the lexicon."""
    from checker import checkworthiness, claims, sentence_kinds

    for module in (checkworthiness, sentence_kinds, claims):
        for value in vars(module).values():
            if hasattr(value, "cache_clear") and value.__module__ == module.__name__:
                value.cache_clear()


def _switch(on: set[str], original: dict) -> None:
    """Load the lexicon with only the families in `on` (besides the rules that were there before them)."""
    from checker.segment import lexicon

    data = lexicon()
    for section, values in original.items():
        data[section].update(json.loads(json.dumps(values)))
    for family, parts in FAMILIES.items():
        if family in on:
            continue
        for section, key, added in parts:
            if added is None:
                data[section][key] = []
            else:
                data[section][key] = [t for t in data[section][key] if t not in added]
    _clear_caches()


def outcomes(gold: list[dict], texts: dict[str, str]) -> list[bool]:
    """Per gold item: is it right (a claim found, a non-claim kept out)?"""
    from checker.claims import extract_claims
    from checker.doc import make_doc
    from eval_real_dev import _scorer

    norm = _scorer().norm
    found = {doc: [norm(c.text) for c in extract_claims(make_doc(text))[0]] for doc, text in texts.items()}
    rows = []
    for g in gold:
        key = norm(texts[g["doc"]][g["start"]:g["end"]])
        hit = any(key in claim for claim in found[g["doc"]])
        rows.append(hit if g.get("claim", True) else not hit)
    return rows


def fold_of(doc: str, folds: int) -> int:
    return int(hashlib.md5(doc.encode("utf-8")).hexdigest(), 16) % folds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--claim-cost", type=float, default=2.0)
    args = parser.parse_args()
    from checker.segment import lexicon

    gold = [json.loads(line) for name in TRAINING
            for line in (ROOT / "eval" / name / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]
    texts = {doc: article_text(doc) for doc in {g["doc"] for g in gold}}
    original = json.loads(json.dumps({s: lexicon()[s] for s in ("opinion", "speculation", "questions")}))
    names = list(FAMILIES)
    _switch(set(), original)
    base = outcomes(gold, texts)
    alone = {}
    for name in names:
        _switch({name}, original)
        alone[name] = outcomes(gold, texts)
    _switch(set(names), original)
    everything = outcomes(gold, texts)
    is_claim = [g.get("claim", True) for g in gold]

    def right(on: tuple[str, ...], i: int) -> bool:
        if is_claim[i]:  # a claim is found unless some family drops it
            return base[i] and all(alone[n][i] for n in on)
        return base[i] or any(alone[n][i] for n in on)

    def gain(on: tuple[str, ...], rows: list[int]) -> float:
        kept = sum(right(on, i) for i in rows if not is_claim[i])
        lost = sum(not right(on, i) for i in rows if is_claim[i])
        return kept - args.claim_cost * lost

    print(f"training articles: {len(texts)}, items {len(gold)} ({sum(is_claim)} claims, "
          f"{len(gold) - sum(is_claim)} non-claims)")
    for name in names:
        kept = sum(alone[name][i] and not base[i] for i in range(len(gold)) if not is_claim[i])
        lost = sum(base[i] and not alone[name][i] for i in range(len(gold)) if is_claim[i])
        print(f"  {name:24} alone: +{kept} non-claims kept out, -{lost} claims")
    subsets = [c for r in range(len(names) + 1) for c in itertools.combinations(names, r)]
    held_out: list[tuple[int, tuple[str, ...]]] = []
    for fold in range(args.folds):
        train = [i for i, g in enumerate(gold) if fold_of(g["doc"], args.folds) != fold]
        test = [i for i, g in enumerate(gold) if fold_of(g["doc"], args.folds) == fold]
        best = max(subsets, key=lambda on: (gain(on, train), -len(on)))
        print(f"fold {fold}: {len({gold[i]['doc'] for i in test})} articles, chose: {', '.join(best) or 'none'}")
        held_out += [(i, best) for i in test]

    def report(label: str, rightness: list[bool]) -> None:
        claims = [r for r, c in zip(rightness, is_claim) if c]
        others = [r for r, c in zip(rightness, is_claim) if not c]
        print(f"{label:34} claim recall {sum(claims) / len(claims):.3f} (n={len(claims)}), "
              f"non-claims kept out {sum(others) / len(others):.3f} (n={len(others)})")

    report("families off:", base)
    report("all families on:", everything)
    chosen = [False] * len(gold)
    for i, on in held_out:
        chosen[i] = right(on, i)
    report("chosen per fold, out of fold:", chosen)
    best_all = max(subsets, key=lambda on: (gain(on, list(range(len(gold)))), -len(on)))
    print(f"chosen on all training articles: {', '.join(best_all) or 'none'}")


if __name__ == "__main__":
    main()

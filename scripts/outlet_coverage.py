"""How well the outlet registry does on real text, read in place (nothing from the corpora is written anywhere).

    .venv/bin/python -m scripts.outlet_coverage [-v]            recall on NewsFANE's Media entities
    .venv/bin/python -m scripts.outlet_coverage --sample 80     precision: random mentions to check by hand
    .venv/bin/python -m scripts.outlet_coverage --sample 80 --held-out   the same on texts never used to prune

Recall: the share of NewsFANE Media mentions `find` resolves (by surface form and by occurrence); -v lists the
forms it misses, most frequent first, the list a journalist works through to extend checker/data/outlets/.
Precision: `find_in` and `heads_in` over ANS, FNC-1 bodies, AuRED timelines and CheckThat 2022 Arabic tweets, then
N mentions drawn at random (fixed seed) with their context, for a person to mark right or wrong.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
from collections import Counter
from pathlib import Path
from typing import Iterator

from checker.outlets import load_registry

DATA = Path(__file__).resolve().parents[2] / "shared/eval/data"
DEFAULT = DATA / "newsfane/NewsFANE_Gold_2014_170K.txt"


def media_mentions(path: Path, label: str = "Media") -> Counter[str]:
    """Surface forms of one entity class in a CoNLL-style file (token TAB B-/I-label), with their counts."""
    counts: Counter[str] = Counter()
    current: list[str] = []
    with open(path, encoding="utf-8-sig") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            word = parts[0].replace("\u200e", "").strip()
            tag = parts[1].strip() if len(parts) > 1 else "O"
            if tag == f"I-{label}" and current:
                current.append(word)
                continue
            if current:
                counts[" ".join(current)] += 1
                current = []
            if tag == f"B-{label}":
                current = [word]
    if current:
        counts[" ".join(current)] += 1
    return counts


def news_texts(data: Path = DATA) -> Iterator[str]:
    """Texts of corpora the registry was not written from (not the attribution development sets)."""
    csv.field_size_limit(10**8)
    for name in ("ans/claim_train.csv", "ans/stance_train.csv"):
        with open(data / name, encoding="utf-8") as handle:
            yield from (cell for row in csv.reader(handle) for cell in row if len(cell) > 20)
    with open(data / "fnc1/competition_test_bodies.csv", encoding="utf-8") as handle:
        yield from (row["articleBody"] for row in csv.DictReader(handle))
    for path in sorted((data / "aured").glob("*.json")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                try:
                    item = json.loads(line)
                except json.JSONDecodeError:
                    continue
                yield from (str(post[2]) for post in item.get("timeline") or [] if isinstance(post, list) and len(post) > 2)
    for path in sorted((data / "checkthat2022_ar").glob("*.tsv")):
        with open(path, encoding="utf-8") as handle:
            yield from (cell for row in csv.reader(handle, delimiter="\t") for cell in row if len(cell) > 30)


def held_out_texts(data: Path = DATA) -> Iterator[str]:
    """Texts never looked at while building the registry: FA-KES Syrian war reports (English, many outlets) and
    CheckThat 2021 Arabic tweets with the claims they were matched to."""
    csv.field_size_limit(10**8)
    with open(data / "fakes/fakes.csv", encoding="utf-8", errors="replace") as handle:
        yield from (row["article_content"] for row in csv.DictReader(handle))
    for path in sorted((data / "checkthat2021_ar").glob("*.t*")):
        with open(path, encoding="utf-8") as handle:
            yield from (cell for row in csv.reader(handle, delimiter="\t") for cell in row if len(cell) > 30)


def sample_mentions(count: int, held_out: bool = False) -> None:
    registry = load_registry()
    mentions, heads = [], []
    for text in held_out_texts() if held_out else news_texts():
        mentions += [(o.id, text, s, e) for o, s, e in registry.find_in(text)]
        heads += [(h.outlet.id, text, h.start, h.end) for h in registry.heads_in(text)]
    rng = random.Random(7)
    for label, found in (("find_in", mentions), ("heads_in", heads)):
        print(f"{label}: {len(found)} mentions; {min(count, len(found))} at random:")
        for outlet_id, text, start, end in rng.sample(found, min(count, len(found))):
            context = text[max(0, start - 50):end + 40].replace("\n", " ")
            print(f"  {outlet_id:24} {text[start:end]!r:30} {context}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("-v", "--verbose", action="store_true", help="list the forms the registry misses")
    parser.add_argument("--sample", type=int, default=0, help="print N random mentions from other corpora instead")
    parser.add_argument("--held-out", action="store_true", help="sample from FA-KES and CheckThat 2021 Arabic")
    args = parser.parse_args()
    if args.sample:
        sample_mentions(args.sample, args.held_out)
        return
    registry = load_registry()
    counts = media_mentions(args.corpus)
    known = {form: registry.find(form) or next(iter(registry.find_in(form)), (None,))[0] for form in counts}
    forms_found = sum(1 for outlet in known.values() if outlet)
    mentions_found = sum(n for form, n in counts.items() if known[form])
    print(f"registry: {len(registry.entries())} outlets")
    print(f"Media surface forms found: {forms_found}/{len(counts)} ({forms_found / len(counts):.2f})")
    total = sum(counts.values())
    print(f"Media mentions found: {mentions_found}/{total} ({mentions_found / total:.2f})")
    if args.verbose:
        for form, n in counts.most_common():
            if not known[form]:
                print(f"  missed {n:3d}  {form}")


if __name__ == "__main__":
    main()

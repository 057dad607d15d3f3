"""How many outlet mentions of a NER corpus the registry knows: NewsFANE's Media entities, read in place.

    .venv/bin/python scripts/outlet_coverage.py [--corpus ../shared/eval/data/newsfane/NewsFANE_Gold_2014_170K.txt] [-v]

Prints the share of Media mentions `find` resolves (by surface form and by occurrence) and, with -v, the forms it
misses, most frequent first: the list a journalist works through to extend checker/data/outlets/. Nothing from the
corpus is written anywhere.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from checker.outlets import load_registry

DEFAULT = Path(__file__).resolve().parents[2] / "shared/eval/data/newsfane/NewsFANE_Gold_2014_170K.txt"


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("-v", "--verbose", action="store_true", help="list the forms the registry misses")
    args = parser.parse_args()
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

"""How often one article's text is folded along `analyze`: calls of `normalize.fold` and `normalize.search_form`
on strings of 40 characters or more (sentences, lines, the whole article), by the function that made them.

Before the shared `Doc` the sample article's sentences were folded 586 times in all; the README gives today's
count, this script's first line.

    .venv/bin/python scripts/count_folds.py ../shared/samples/baghdad_embassy_ar.txt
"""
from __future__ import annotations

import importlib
import pkgutil
import sys
from collections import Counter
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import checker  # noqa: E402
import checker.normalize as normalize  # noqa: E402

SENTENCE_SIZED = 40
# Modules that need extras or start servers; none of them is on the analysis path.
SKIPPED = ("desk", "batch", "index.milvus", "store.pg", "feeds", "__main__", "cli")


def counting(name: str, function: Callable[[str], str], counts: Counter[tuple[str, str]]) -> Callable[[str], str]:
    def wrapper(text: str) -> str:
        if len(text) >= SENTENCE_SIZED:
            caller = sys._getframe(1).f_code
            counts[(name, f"{caller.co_filename.split('checker/')[-1]}:{caller.co_name}")] += 1
        return function(text)
    return wrapper


def main(path: Path) -> None:
    counts: Counter[tuple[str, str]] = Counter()
    originals = {"fold": normalize.fold, "search_form": normalize.search_form}
    for info in pkgutil.walk_packages(checker.__path__, "checker."):
        if any(part in info.name for part in SKIPPED):
            continue
        module = importlib.import_module(info.name)
        for name, function in originals.items():
            if getattr(module, name, None) is function:
                setattr(module, name, counting(name, function, counts))
    from checker.pipeline import analyze

    analyze(path.read_text(encoding="utf-8"))
    print(f"foldings of sentence-sized text: {sum(counts.values())} ({len(counts)} places)")
    for (name, where), count in counts.most_common():
        print(f"{count:5d} {name:<12} {where}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))

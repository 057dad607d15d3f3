"""Turn annotators' gold (key phrases) into the repository's gold (article ids and character offsets).

    python scripts/real_dev_gold.py ANNOTATED.jsonl... --out eval/real_dev/gold.jsonl
    python scripts/real_dev_gold.py --outlets NAMES.json... --out eval/real_dev/outlets.json

Annotators worked on files named like eval/real_articles.file_name(id); each key must occur once in its text.
The key's text is dropped: eval/real_articles.py rebuilds it from ../shared at scoring time.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
from real_articles import article_text  # noqa: E402

_FIELDS = ("claim", "why", "outlet", "via", "speaker", "cue", "outlet_from", "speaker_pronoun",
           "lenient_outlet", "lenient_speaker")


def _fold(name: str) -> str:
    """The shared scorer's folding, so a name pattern matches what the scorer compares."""
    name = unicodedata.normalize("NFKC", name)
    name = re.sub(r"[\u064B-\u0652\u0670\u0640]", "", name)
    name = re.sub(r"[إأآٱ]", "ا", name).replace("ى", "ي").replace("ة", "ه")
    name = re.sub(r"[“”«»\"'’‘]", "", name)
    return re.sub(r"\s+", " ", name).strip().lower()


def outlet_patterns(files: list[Path]) -> dict[str, str]:
    names: dict[str, set[str]] = {}
    for file in files:
        for slug, spellings in json.loads(file.read_text("utf-8")).items():
            names.setdefault(slug, set()).update(_fold(s) for s in spellings if s.strip())
    return {slug: "|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in sorted(spellings, key=len, reverse=True))
            for slug, spellings in sorted(names.items())}


def to_offsets(files: list[Path]) -> tuple[list[dict], list[str]]:
    gold, problems = [], []
    texts: dict[str, str] = {}
    for file in files:
        for number, line in enumerate(file.read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            item = json.loads(line)
            doc = item["doc"].replace("__", "/")
            text = texts.setdefault(doc, article_text(doc))
            start = text.find(item["key"])
            if start < 0 or text.find(item["key"], start + 1) >= 0:
                problems.append(f"{file.name}:{number}: key not found once in {doc}")
                continue
            gold.append({"doc": doc, "start": start, "end": start + len(item["key"]),
                         **{k: item[k] for k in _FIELDS if k in item}})
    return gold, problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--outlets", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if args.outlets:
        args.out.write_text(json.dumps(outlet_patterns(args.outlets), ensure_ascii=False, indent=1) + "\n", "utf-8")
        return
    gold, problems = to_offsets(args.files)
    args.out.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), "utf-8")
    print(f"{len(gold)} items written, {len(problems)} dropped", *problems, sep="\n")


if __name__ == "__main__":
    main()

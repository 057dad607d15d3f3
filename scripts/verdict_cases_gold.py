"""Turn a case writer's verdict cases (key phrases) into the repository's form (article ids and character offsets).

    python scripts/verdict_cases_gold.py WRITTEN.jsonl --out eval/verdict_cases2/cases.jsonl

The writer worked on files named like eval/real_articles.file_name(id) and quoted, for each case, a key phrase that
occurs once in the deciding article. The key's text is dropped: only the span's offsets are kept, and
eval/real_articles.py rebuilds the article from ../shared when a script needs it. The claims are the writer's own
words, so they are kept.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
from real_articles import article_text  # noqa: E402

_KEPT = ("claim", "claim_language", "label", "type", "cited_outlet", "outlet_reported")


def convert(case: dict, number: int) -> dict:
    """One case with its key phrase replaced by the phrase's offsets in the article."""
    out = {"id": case.get("id") or f"w{number:03d}", **{field: case.get(field) for field in _KEPT}}
    doc = case.get("doc")
    out["doc"] = doc.replace("__", "/") if doc else None
    out["start"] = out["end"] = None
    if doc and case.get("key"):
        text = article_text(out["doc"])
        start = text.find(case["key"])
        if start < 0 or text.find(case["key"], start + 1) >= 0:
            raise SystemExit(f"case {out['id']}: its key does not occur exactly once in {out['doc']}")
        out["start"], out["end"] = start, start + len(case["key"])
    out["note"] = case.get("note")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("written", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    lines = [line for line in args.written.read_text(encoding="utf-8").splitlines() if line.strip()]
    cases = [convert(json.loads(line), number) for number, line in enumerate(lines, 1)]
    args.out.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
    print(f"{len(cases)} cases -> {args.out}")


if __name__ == "__main__":
    main()

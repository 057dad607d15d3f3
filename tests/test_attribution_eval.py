"""The shared scorer on the sample article and on our own six-article test set (Arabic and English)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score_attribution.py"
SAMPLES = ROOT.parent / "shared" / "samples"
OWN_SET = ROOT / "tests" / "data" / "attribution"
EXTRA_OUTLETS = ROOT / "tests" / "data" / "attribution_outlets.json"  # outlets the shared scorer's table lacks
COMMAND = f"{sys.executable} -m checker analyze {{path}} --format json --no-evidence --fast"


def score(gold: Path, texts: Path, *thresholds: str) -> str:
    if not SCORER.is_file():
        pytest.skip(f"scorer not found at {SCORER}")
    result = subprocess.run([sys.executable, str(SCORER), str(gold), str(texts), "--cmd", COMMAND, "-v",
                             "--outlets", str(EXTRA_OUTLETS), *thresholds],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_sample_article_meets_the_targets() -> None:
    gold = SAMPLES / "baghdad_embassy_ar.gold.jsonl"
    if not gold.is_file():
        pytest.skip(f"sample not found at {SAMPLES}")
    score(gold, SAMPLES / "baghdad_embassy_ar.txt",
          "--min-recall", "0.95", "--min-nonclaim", "0.9", "--min-outlet", "0.95", "--min-speaker", "0.85")


def test_own_test_set_meets_the_targets() -> None:
    docs = {p.stem for p in OWN_SET.glob("*.txt")}
    assert len([d for d in docs if d.startswith("ar_")]) >= 3 and len([d for d in docs if d.startswith("en_")]) >= 3
    score(OWN_SET / "gold.jsonl", OWN_SET,
          "--min-recall", "0.9", "--min-nonclaim", "0.8", "--min-outlet", "0.9", "--min-speaker", "0.85")


HELDOUT = ROOT / "tests" / "data" / "attribution_heldout"


def test_held_out_set_meets_the_product_targets() -> None:
    """Eight articles written blind (gold before the first run), four Arabic and four English: the product's
    thresholds, not the looser ones of the set the rules were written on."""
    docs = {p.stem for p in HELDOUT.glob("*.txt")}
    assert len([d for d in docs if d.startswith("ar_")]) >= 4 and len([d for d in docs if d.startswith("en_")]) >= 4
    score(HELDOUT / "gold.jsonl", HELDOUT,
          "--min-recall", "0.95", "--min-nonclaim", "0.9", "--min-outlet", "0.95", "--min-speaker", "0.85")


BLIND2 = ROOT / "tests" / "data" / "attribution_blind2"


def test_second_blind_set_meets_the_product_targets() -> None:
    """Round two: eight more articles written blind in styles the first two sets lack (Al Arabiya, Anadolu,
    Asharq Al-Awsat, Arabic citing outlets in Latin script, AP, Newsweek, CNN, a live blog citing Arab outlets)."""
    docs = {p.stem for p in BLIND2.glob("*.txt")}
    assert len([d for d in docs if d.startswith("ar_")]) >= 4 and len([d for d in docs if d.startswith("en_")]) >= 4
    score(BLIND2 / "gold.jsonl", BLIND2,
          "--min-recall", "0.95", "--min-nonclaim", "0.9", "--min-outlet", "0.95", "--min-speaker", "0.85")


BLIND3 = ROOT / "tests" / "data" / "attribution_blind3"


def test_third_blind_set_meets_the_product_targets() -> None:
    """Round three: seven articles written blind (a Jazeera page copied with its menus, tags and author box, an
    Anadolu story with summary bullets, Israeli media in Arabic translation, an Arabic opinion-heavy analysis,
    Times of Israel, a WSJ story with subheadline and pull quote, an AFP French story in English)."""
    docs = {p.stem for p in BLIND3.glob("*.txt")}
    assert len([d for d in docs if d.startswith("ar_")]) >= 3 and len([d for d in docs if d.startswith("en_")]) >= 3
    score(BLIND3 / "gold.jsonl", BLIND3,
          "--min-recall", "0.95", "--min-nonclaim", "0.9", "--min-outlet", "0.95", "--min-speaker", "0.85")

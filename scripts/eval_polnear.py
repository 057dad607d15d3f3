#!/usr/bin/env python3
"""Speaker and cue accuracy of checker's attribution on PolNeAR (English political news, brat annotations).

Usage (from the project root):
    .venv/bin/python scripts/eval_polnear.py [--split ../shared/eval/data/polnear/dev] [-v]

Definitions (printed with the figures):
- A claim *covers* a gold attribution when their overlap is at least half of the claim or half of the
  gold Content span; each gold attribution is judged on the claim that overlaps it most.
- Our *reported source* is the speaker span, or the outlet span when we give an outlet and no speaker.
  It *matches* a gold Source when the spans overlap, or the gold Source's head (its last word) occurs in
  our speaker text, or the gold Source is a pronoun ("he", "she", "they") and we carried the speaker
  over from an earlier sentence (the antecedent cannot be checked against the gold). A dateline outlet
  ("WASHINGTON (AP) -") is not counted as a reported source: PolNeAR does not annotate datelines.
- Speaker precision: of claims where we report a source, how many match the Source of a gold attribution
  whose Content overlaps the claim. Speaker recall: of covered gold attributions with a Source, how many
  match the source we report for the covering claim.
- Cue precision: of claims where we report a cue (dateline cues left out), how many cue spans overlap a gold Cue span of an
  attribution overlapping the claim. Cue recall: of covered gold attributions, how many have our cue
  overlapping their Cue span.
Only one annotator's file is used per article (the first by name) so no article counts twice.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.attribution import DATELINE  # noqa: E402
from checker.models import Claim  # noqa: E402
from checker.pipeline import analyze  # noqa: E402

DEFAULT_SPLIT = ROOT.parent / "shared" / "eval" / "data" / "polnear" / "dev"
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"}

Span = tuple[int, int]


@dataclass
class GoldAttribution:
    content: list[Span]
    cue: list[Span] = field(default_factory=list)
    source: list[Span] = field(default_factory=list)
    source_text: str = ""


@dataclass
class Tally:
    speaker_reported: int = 0
    speaker_correct: int = 0
    gold_with_source: int = 0
    gold_source_found: int = 0
    cue_reported: int = 0
    cue_correct: int = 0
    gold_covered: int = 0
    gold_cue_found: int = 0
    gold_total: int = 0
    articles: int = 0


def parse_ann(path: Path) -> list[GoldAttribution]:
    """Attribution events of one brat file, with the spans of their Content, Cue and Source."""
    spans: dict[str, list[Span]] = {}
    texts: dict[str, str] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tag, middle, *rest = line.split("\t")
            ranges = middle.split(" ", 1)[1]
            spans[tag] = [(int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))]
            texts[tag] = rest[0] if rest else ""
        elif line.startswith("E"):
            events.append(dict(part.split(":", 1) for part in line.split("\t")[1].split()))
    attributions = []
    for event in events:
        roles = {re.sub(r"\d+$", "", role): tag for role, tag in event.items()}
        if "Content" not in roles:
            continue
        source = roles.get("Source")
        attributions.append(GoldAttribution(
            content=spans.get(roles["Content"], []), cue=spans.get(roles.get("Cue", ""), []),
            source=spans.get(source, []) if source else [], source_text=texts.get(source, "") if source else ""))
    return attributions


def overlap(a: Span, spans: list[Span]) -> int:
    return sum(max(0, min(a[1], b[1]) - max(a[0], b[0])) for b in spans)


def covers(claim: Claim, gold: GoldAttribution) -> int:
    """Overlap when it is at least half of the claim or of the content, else 0."""
    shared = overlap((claim.start, claim.end), gold.content)
    content_length = sum(b - a for a, b in gold.content) or 1
    return shared if shared * 2 >= min(claim.end - claim.start, content_length) else 0


def reported_source(claim: Claim) -> Span | None:
    """Speaker span, else outlet span; a dateline's outlet is not a source PolNeAR annotates, so it is left out."""
    a = claim.attribution
    if a.speaker is None and a.confidence <= DATELINE:
        return None
    if a.speaker_start is not None and a.speaker_end is not None:
        return a.speaker_start, a.speaker_end
    if a.outlet is not None and a.outlet_start is not None and a.outlet_end is not None:
        return a.outlet_start, a.outlet_end
    return None


def source_matches(claim: Claim, gold: GoldAttribution) -> bool:
    span = reported_source(claim)
    if span is None or not gold.source:
        return False
    if overlap(span, gold.source) > 0:
        return True
    words = re.findall(r"[\w'’.-]+", gold.source_text.lower())
    head = words[-1] if words else ""
    ours = (claim.attribution.speaker or (claim.attribution.outlet.name if claim.attribution.outlet else "")).lower()
    if head and head not in PRONOUNS and re.search(rf"(?<!\w){re.escape(head)}(?!\w)", ours):
        return True
    return head in PRONOUNS and claim.attribution.carried_from is not None


def cue_matches(claim: Claim, gold: GoldAttribution) -> bool:
    a = claim.attribution
    return a.cue_start is not None and a.cue_end is not None and overlap((a.cue_start, a.cue_end), gold.cue) > 0


def score_article(text: str, gold: list[GoldAttribution], tally: Tally, verbose: bool) -> None:
    claims = analyze(text).claims
    tally.articles += 1
    tally.gold_total += len(gold)
    for claim in claims:
        related = [g for g in gold if overlap((claim.start, claim.end), g.content) > 0]
        if reported_source(claim) is not None:
            tally.speaker_reported += 1
            correct = any(source_matches(claim, g) for g in related)
            tally.speaker_correct += correct
            if verbose and not correct:
                print(f"  FP speaker {claim.attribution.speaker or claim.attribution.outlet!r}: {claim.text[:90]!r}")
        if claim.attribution.cue is not None and reported_source(claim) is not None:
            tally.cue_reported += 1
            tally.cue_correct += any(cue_matches(claim, g) for g in related)
    for g in gold:
        best = max(claims, key=lambda c: covers(c, g), default=None)
        if best is None or covers(best, g) == 0:
            continue
        tally.gold_covered += 1
        tally.gold_cue_found += cue_matches(best, g)
        if g.source:
            tally.gold_with_source += 1
            found = source_matches(best, g)
            tally.gold_source_found += found
            if verbose and not found:
                print(f"  FN source {g.source_text!r}, ours {best.attribution.speaker!r}: {best.text[:90]!r}")


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a (0/0)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", type=Path, default=DEFAULT_SPLIT, help="folder with text/ and attributions/")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (0 = all)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    args = parser.parse_args()
    text_dir, ann_dir = args.split / "text", args.split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise SystemExit(f"no PolNeAR split at {args.split} (expected text/ and attributions/ inside)")
    tally = Tally()
    started = time.perf_counter()
    texts = sorted(text_dir.glob("*.txt"))[: args.limit or None]
    for text_path in texts:
        annotations = sorted(ann_dir.glob(f"{text_path.stem}_*.ann"))
        if not annotations:
            continue
        if args.verbose:
            print(text_path.name)
        score_article(text_path.read_text(encoding="utf-8"), parse_ann(annotations[0]), tally, args.verbose)
    elapsed = time.perf_counter() - started
    print(f"PolNeAR {args.split}: {tally.articles} articles, {tally.gold_total} gold attributions, "
          f"{tally.gold_covered} covered by our claims ({elapsed:.1f} s)")
    print(f"speaker precision {ratio(tally.speaker_correct, tally.speaker_reported)} · "
          f"speaker recall {ratio(tally.gold_source_found, tally.gold_with_source)}")
    print(f"cue precision {ratio(tally.cue_correct, tally.cue_reported)} · "
          f"cue recall {ratio(tally.gold_cue_found, tally.gold_covered)}")


if __name__ == "__main__":
    main()

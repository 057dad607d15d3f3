"""Contrast pairs from real sentences: one slot edited -> disagree, shortened/re-ordered -> agree, elsewhere -> other.

Why: ANS teaches paraphrase and antonym contradictions in Arabic headlines; the verdicts need the
model to notice a swapped number, date, place or actor and a denial wrapped around a report, in both
languages. The edits are mechanical and the word lists live in checker/data/encoder_contrast.toml.
"""
from __future__ import annotations

import random
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

LISTS_PATH = Path(__file__).resolve().parent.parent / "data" / "encoder_contrast.toml"
_NUMBER = re.compile(r"(?<![\d٠-٩])[\d٠-٩]+(?![\d٠-٩])")
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_CLAUSE = re.compile(r"\s*[,،؛;]\s*")


@dataclass(frozen=True)
class Pair:
    claim: str
    passage: str
    label: str  # agree / disagree / other
    kind: str  # which edit made it (number, place, date, actor, denial, shorten, reorder, unrelated)


def load_lists(path: Path = LISTS_PATH) -> dict[str, dict[str, list[str]]]:
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def _swap_word(sentence: str, words: list[str], rng: random.Random) -> str | None:
    """Replace one listed word/phrase present as a whole word (Arabic: after و/ب/ل/ف/ال) with another."""
    found = []
    for word in words:
        for m in re.finditer(rf"(?<![\w])(?:[وفبل]?(?:ال)?)?({re.escape(word)})(?![\w])", sentence):
            found.append((m.start(1), m.end(1), word))
    if not found:
        return None
    start, end, word = rng.choice(found)
    other = rng.choice([w for w in words if w != word])
    return sentence[:start] + other + sentence[end:]


def _swap_number(sentence: str, rng: random.Random) -> str | None:
    found = list(_NUMBER.finditer(sentence))
    if not found:
        return None
    m = rng.choice(found)
    text = m.group(0)
    value = int(text.translate(_ARABIC_DIGITS))
    if 1900 <= value <= 2100:
        new = value + rng.choice([-3, -2, -1, 1, 2, 3])
    elif value < 10:
        new = rng.choice([v for v in range(1, 13) if v != value])
    else:
        new = max(1, round(value * rng.choice([0.3, 0.5, 2, 3, 1.5, 0.7])))
        if new == value:
            new = value + 1
    new_text = str(new)
    if any("٠" <= ch <= "٩" for ch in text):
        new_text = new_text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    return sentence[: m.start()] + new_text + sentence[m.end() :]


def _shorten(sentence: str) -> str | None:
    """The first clause (before a comma) when it is a statement of its own (6+ words)."""
    parts = _CLAUSE.split(sentence)
    if len(parts) > 1 and len(parts[0].split()) >= 6:
        return parts[0]
    return None


def _reorder(sentence: str) -> str | None:
    parts = [p for p in _CLAUSE.split(sentence.rstrip(" .")) if p]
    if len(parts) < 2 or min(len(p.split()) for p in parts[:2]) < 3:
        return None
    return ", ".join([parts[1], parts[0]] + parts[2:])


_NAME = re.compile(r"(?<=\s)[A-Z][a-z]+(?:\s[A-Z][a-z]+)*")


def names_in(sentences: list[str]) -> list[str]:
    """Capitalised words or runs not at a sentence start (English proper names, roughly)."""
    return sorted({m.group(0) for s in sentences for m in _NAME.finditer(s)})


def _swap_name(sentence: str, names: list[str], rng: random.Random) -> str | None:
    present = [m for m in _NAME.finditer(sentence)]
    if not present or len(names) < 2:
        return None
    m = rng.choice(present)
    others = [n for n in names if n != m.group(0) and n not in sentence]
    if not others:
        return None
    return sentence[: m.start()] + rng.choice(others) + sentence[m.end() :]


def _lowered_start(sentence: str) -> str:
    return sentence[0].lower() + sentence[1:] if sentence[:1].isupper() and sentence[1:2].islower() else sentence


def edits(sentence: str, lang: str, lists: dict, rng: random.Random) -> dict[str, str]:
    """Every edit that applies to this sentence, by kind."""
    words = lists[lang]
    out = {
        "number": _swap_number(sentence, rng),
        "place": _swap_word(sentence, words["places"], rng),
        "date": _swap_word(sentence, words["days"] + words["months"], rng),
        "actor": _swap_word(sentence, words["actors"], rng),
        "denial": rng.choice(words["denials"]).format(s=_lowered_start(sentence) if lang == "en" else sentence),
        "shorten": _shorten(sentence),
        "reorder": _reorder(sentence),
    }
    return {kind: text for kind, text in out.items() if text and text != sentence}


DISAGREE = ("number", "place", "date", "actor", "denial")
AGREE = ("shorten", "reorder")


def make_pairs(docs: list[list[str]], lang: str, n: int, seed: int, lists: dict | None = None) -> list[Pair]:
    """Up to `n` pairs from sentences grouped by document; 'other' pairs take a sentence of another document."""
    lists = lists or load_lists()
    rng = random.Random(seed)
    pool = [(d, s) for d, sentences in enumerate(docs) for s in sentences]
    doc_names = [names_in(sentences) for sentences in docs] if lang == "en" else []
    rng.shuffle(pool)
    pairs: list[Pair] = []
    for doc, sentence in pool:
        if len(pairs) >= n:
            break
        roll = rng.random()
        options = edits(sentence, lang, lists, rng)
        if lang == "en" and "actor" not in options:
            swapped = _swap_name(sentence, doc_names[doc], rng)  # another name of the same story
            if swapped:
                options["actor"] = swapped
        slots = [k for k in DISAGREE if k in options and k != "denial"]
        agree = [k for k in AGREE if k in options]
        if roll < 0.15 and len(docs) > 1:
            other_doc = rng.choice([d for d in range(len(docs)) if d != doc and docs[d]])
            pair = Pair(sentence, rng.choice(docs[other_doc]), "other", "unrelated")
        elif roll < 0.55:
            if not agree:
                continue
            kind = rng.choice(agree)
            pair = Pair(options[kind], sentence, "agree", kind) if kind == "shorten" else Pair(sentence, options[kind], "agree", kind)
        else:
            if slots and rng.random() < 0.8:
                kind = rng.choice(slots)
            elif rng.random() < 0.4:
                kind = "denial"  # a denial template is easy to spot: keep it a minority of the disagreements
            else:
                continue
            pair = Pair(sentence, options[kind], "disagree", kind)
        if rng.random() < 0.5 and pair.kind not in ("shorten",):
            pair = Pair(pair.passage, pair.claim, pair.label, pair.kind)
        pairs.append(pair)
    return pairs

"""Build the contrast set as recipes (never article text): which sentence of which document, and what edit.

Sources (both may train a shipped model, so a later model can be trained on recipes built the same way from
other documents): ant_v11 articles whose md5(DOCNO) ends in c, d, e or f, and GUM documents of the dev and
test splits of gum_attribution/splits.md, minus the ids in eval/real_dev/articles.txt. Built once, before any
model saw it (commit history shows the file before the evaluation script used it):

    .venv/bin/python eval/contrast/build_recipes.py   # writes eval/contrast/recipes.jsonl

Each recipe: id, source, path (inside ../shared/eval/data), sentence [start, end] (character offsets into the
file), type, gold (agree / disagree / other) and the edit: number / place / date replacement (span relative
to the sentence + the replacement, which is our text: a number, a gazetteer name, a weekday), actor swap (two
spans swapped), denial (a denial phrase of ours put before the passage sentence), shortening (the claim is a
prefix of the sentence, up to a clause boundary), distractor (the passage is another document's sentence).
"""
from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from checker.numbers import find_numbers  # noqa: E402
from checker.slots import load_gazetteer, mentions, read  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "data"
OUT = Path(__file__).with_name("recipes.jsonl")
SEED = 20261202
PER_TYPE_AR = 40
PER_TYPE_EN = 12
DENIAL = {"ar": "نفت مصادر رسمية ما تردد عن أن", "en": "Officials denied reports that"}
WEEKDAYS = {"ar": ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"],
            "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]}
_SENTENCE = re.compile(r"[^.!?؟\n]+[.!?؟]")


def ant_documents() -> list[tuple[str, str, int]]:
    """(path, text, offset of the article body) for ant_v11 articles with md5(DOCNO) ending in c-f."""
    found = []
    for path in sorted((DATA / "ant_v11").glob("*/*.txt")):
        raw = path.read_text(encoding="utf-8")
        docno = re.search(r"<DOCNO>(.*?)</DOCNO>", raw)
        body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        if docno and body and hashlib.md5(docno.group(1).strip().encode()).hexdigest()[-1] in "cdef":
            found.append((str(path.relative_to(DATA)), raw, body.start(1)))
    return found


def gum_documents() -> list[tuple[str, str, int]]:
    splits = (DATA / "gum_attribution" / "splits.md").read_text(encoding="utf-8")
    wanted = set()
    for name in ("dev", "test"):
        part = re.search(rf"## {name}\n(.*?)(?:\n## |\Z)", splits, re.S)
        wanted |= set(re.findall(r"\* (GUM_\w+)", part.group(1))) if part else set()
    excluded = set((ROOT / "eval" / "real_dev" / "articles.txt").read_text(encoding="utf-8").split())
    found = []
    for path in sorted((DATA / "gum_attribution" / "dep").glob("*.conllu")):
        if path.stem in wanted and path.stem not in excluded and not any(path.stem in e for e in excluded):
            found.append((str(path.relative_to(DATA)), path.read_text(encoding="utf-8"), 0))
    return found


def sentences(raw: str, start: int, source: str) -> list[tuple[int, int]]:
    """Sentence spans (file offsets) of 10-45 words."""
    if source == "gum":
        spans = [(m.start(1), m.end(1)) for m in re.finditer(r"^# text = (.+)$", raw, re.M)]
    else:
        body_end = raw.find("</TEXT>", start)
        spans = [(m.start() + start, m.end() + start) for m in _SENTENCE.finditer(raw[start:body_end])]
    spans = [(s + len(raw[s:e]) - len(raw[s:e].lstrip()), e) for s, e in spans]
    return [(s, e) for s, e in spans if 10 <= len(raw[s:e].split()) <= 45]


def candidates(text: str, language: str, rng: random.Random) -> list[dict]:
    """Every edit this sentence allows."""
    edits = []
    for number in find_numbers(text):
        if number.kind == "number" and number.value and re.fullmatch(r"[\d,٬]+", number.text.strip()) and number.value >= 2:
            new = int(number.value + max(1, round(number.value * rng.choice([0.3, 0.5, 1.0]))))
            edits.append({"type": "number", "span": [number.start, number.end], "with": str(new)})
            break
    places = [m for m in mentions(text) if m.kind == "place" and not m.adjective]
    if places:
        place = places[0]
        gazetteer = load_gazetteer()
        same_level = sorted({e.key for e in gazetteer.entries.values() if e.kind == "place" and e.level == place.level
                             and e.key != place.key and not e.adjective})
        other = rng.choice(same_level)
        name = next((form for form, e in gazetteer.entries.items() if e.key == other and not e.adjective
                    and form.isascii() == (language == "en") and not form.startswith("لل")), None)
        if name:
            shown = name.title() if language == "en" else name
            edits.append({"type": "place", "span": [place.span.start, place.span.end], "with": shown})
    slots = read(text)
    if slots.weekdays:
        day, span = slots.weekdays[0]
        edits.append({"type": "date", "span": [span.start, span.end],
                      "with": WEEKDAYS[language][(day + rng.randint(1, 6)) % 7]})
    for role in slots.roles:
        a, b = sorted([role.first.span, role.second.span], key=lambda s: s.start)
        edits.append({"type": "actor", "swap": [[a.start, a.end], [b.start, b.end]]})
        break
    edits.append({"type": "denial", "prefix": DENIAL[language]})
    cut = [m.start() for m in re.finditer(r"[,،]", text) if len(text[:m.start()].split()) >= 6]
    if cut:
        edits.append({"type": "shortening", "keep": [0, cut[0]]})
    return edits


GOLD = {"number": "disagree", "place": "disagree", "date": "disagree", "actor": "disagree", "denial": "disagree",
        "shortening": "agree", "distractor": "other"}


def build() -> list[dict]:
    rng = random.Random(SEED)
    recipes: list[dict] = []
    for source, language, documents, per_type in (("ant_v11", "ar", ant_documents(), PER_TYPE_AR),
                                                  ("gum", "en", gum_documents(), PER_TYPE_EN)):
        pool: dict[str, list[dict]] = {kind: [] for kind in GOLD}
        order = list(documents)
        rng.shuffle(order)
        all_sentences = []
        for path, raw, start in order:
            spans = sentences(raw, start, "gum" if source == "gum" else "ant")
            rng.shuffle(spans)
            for s, e in spans[:4]:
                all_sentences.append((path, s, e))
                for edit in candidates(raw[s:e], language, rng):
                    pool[edit["type"]].append({"source": source, "language": language, "path": path,
                                               "sentence": [s, e], "edit": edit})
        for path, s, e in rng.sample(all_sentences, min(per_type, len(all_sentences))):
            other = rng.choice([x for x in all_sentences if x[0] != path])
            pool["distractor"].append({"source": source, "language": language, "path": path, "sentence": [s, e],
                                       "edit": {"type": "distractor", "passage_path": other[0],
                                                "passage_sentence": [other[1], other[2]]}})
        for kind, items in pool.items():
            for item in rng.sample(items, min(per_type, len(items))):
                recipes.append({**item, "type": kind, "gold": GOLD[kind]})
    for number, recipe in enumerate(recipes, 1):
        recipe["id"] = f"contrast-{number:04d}"
    return recipes


if __name__ == "__main__":
    built = build()
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in built), encoding="utf-8")
    from collections import Counter
    print(f"{len(built)} recipes -> {OUT}: {dict(Counter((r['language'], r['type']) for r in built))}")

"""Data for the stance cross-encoder, read in place from ../shared/eval/data (never copied).

Training may use only: ANS stance_train (Apache-2.0), ant_v11 (Apache-2.0) articles whose md5(DOCNO)
ends in 0-b, GUM (CC BY) documents of GUM's train split; never an id listed in any eval/*/articles.txt or
named in any eval/**/*.jsonl (ids only are read there). The other ant_v11 / GUM documents are kept for an
evaluation contrast set built elsewhere.
"""
from __future__ import annotations

import csv
import hashlib
import html
import json
import random
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from checker.encoder.contrast import load_lists, names_in
from checker.encoder.headline_pairs import Headline, overlap

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "data"
EVAL = ROOT / "eval"
_EVAL_ID = re.compile(r"[A-Z]{2,3}-[A-Za-z]+-\d+-\d+|GUM_[a-z]+_[A-Za-z0-9]+")
TRAIN_HEX = set("0123456789ab")
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")
_TAG = re.compile(r"<(TITLE|ABSTRACT|TEXT)>(.*?)</\1>", re.S)


def read_ans(name: str) -> list[tuple[str, str, str]]:
    with open(DATA / "ans" / f"stance_{name}.csv", encoding="utf-8", newline="") as fh:
        return [(row["s1"], row["s2"], row["stance"]) for row in csv.DictReader(fh)]


# Sentences written around training articles (they name training sentences, not evaluation ones).
WRITTEN_FOR_TRAINING = frozenset({"stance_written", "opinion_written"})


def excluded_ids() -> set[str]:
    """Every article id of an evaluation or annotation set (the last path part: DOCNO or GUM name)."""
    ids: set[str] = set()
    for listing in EVAL.glob("*/articles.txt"):
        ids.update(line.strip().rsplit("/", 1)[-1] for line in listing.read_text("utf-8").splitlines() if line.strip())
    for path in EVAL.rglob("*.jsonl"):
        if path.parent.name not in WRITTEN_FOR_TRAINING:
            ids.update(_EVAL_ID.findall(path.read_text("utf-8")))
    return ids


def ant_training_ids(path: Path) -> bool:
    docno = path.stem
    return hashlib.md5(docno.encode("utf-8")).hexdigest()[-1] in TRAIN_HEX


def _sentences(text: str, min_words: int = 7, max_words: int = 45) -> list[str]:
    out = []
    for part in _SENTENCE_END.split(text):
        part = " ".join(part.split())
        if min_words <= len(part.split()) <= max_words:
            out.append(part)
    return out


def _ant_training_files() -> list[tuple[Path, str]]:
    """(path, raw text) of the ant_v11 articles allowed for training."""
    skip = excluded_ids()
    out = []
    for path in sorted((DATA / "ant_v11").rglob("*.txt")):
        if path.stem in skip or not ant_training_ids(path):
            continue
        raw = path.read_text("utf-8", errors="replace")
        docno = re.search(r"<DOCNO>(.*?)</DOCNO>", raw)
        if docno and (docno.group(1).strip() in skip or not ant_training_ids(Path(docno.group(1).strip() + ".txt"))):
            continue
        out.append((path, raw))
    return out


def ant_documents(per_doc: int = 6) -> list[list[str]]:
    """Sentences of the ant_v11 articles allowed for training (title + abstract + text)."""
    docs = []
    for _, raw in _ant_training_files():
        text = "\n".join(body for _, body in _TAG.findall(raw))
        sentences = _sentences(text)[:per_doc]
        if sentences:
            docs.append(sentences)
    return docs


def gum_train_names() -> list[str]:
    text = (DATA / "gum_attribution" / "splits.md").read_text("utf-8")
    train = text.split("## train", 1)[1].split("##", 1)[0]
    return re.findall(r"\*\s+(GUM_\S+)", train)


def gum_documents() -> list[list[str]]:
    """Sentences of the GUM news/interview documents in GUM's train split."""
    skip = excluded_ids()
    docs = []
    for name in gum_train_names():
        path = DATA / "gum_attribution" / "dep" / f"{name}.conllu"
        if name in skip or not path.is_file():
            continue
        lines = path.read_text("utf-8").splitlines()
        sentences = [" ".join(l[len("# text = "):].split()) for l in lines if l.startswith("# text = ")]
        docs.append([s for s in sentences if 7 <= len(s.split()) <= 45])
    return [d for d in docs if d]


def _field(raw: str, name: str) -> str:
    m = re.search(rf"<{name}>(.*?)</{name}>", raw, re.S)
    return " ".join(html.unescape(m.group(1)).split()) if m else ""


def _day(text: str) -> date | None:
    """ant_v11 TIME is either 2017-02-19T... or 19/02/2017."""
    if m := re.match(r"(\d{4})-(\d{2})-(\d{2})", text):
        y, mo, d = m.groups()
    elif m := re.match(r"(\d{2})/(\d{2})/(\d{4})", text):
        d, mo, y = m.groups()
    else:
        return None
    try:
        return date(int(y), int(mo), int(d))
    except ValueError:
        return None


def _lead(text: str) -> str:
    """The first sentence of the body (7+ words), cut at 60 words."""
    for part in _SENTENCE_END.split(text):
        words = part.split()
        if len(words) >= 7:
            return " ".join(words[:60])
    return ""


def ant_headlines() -> list[Headline]:
    """TITLE and the lead sentence of each ant_v11 article allowed for training."""
    out = []
    for path, raw in _ant_training_files():
        m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        body = html.unescape(m.group(1)) if m else ""
        lead = _lead(body) or _lead(_field(raw, "ABSTRACT"))
        title = _field(raw, "TITLE")
        if title and lead:
            out.append(Headline(path.stem, title, lead, _field(raw, "CAT") or path.parent.name,
                                _day(_field(raw, "TIME")), "ar"))
    return out


_DATELINE = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \w+ \d{1,2}, \d{4}$")


def gum_headlines() -> list[Headline]:
    """Headline (first sentence) and lead of the GUM train-split news documents: of the three sentences after
    the dateline, the one sharing most with the headline (a photo caption sometimes comes first)."""
    lists = load_lists()
    skip = excluded_ids()
    out = []
    for name in gum_train_names():
        path = DATA / "gum_attribution" / "dep" / f"{name}.conllu"
        if not name.startswith("GUM_news_") or name in skip or not path.is_file():
            continue
        lines = path.read_text("utf-8").splitlines()
        sentences = [" ".join(l[len("# text = "):].split()) for l in lines if l.startswith("# text = ")]
        if len(sentences) < 3:
            continue
        dated = _DATELINE.match(sentences[1])
        day = datetime.strptime(sentences[1], "%A, %B %d, %Y").date() if dated else None
        body = sentences[2 if dated else 1 :]
        leads = [s for s in body[:3] if len(s.split()) >= 7]
        if leads:
            lead = max(leads, key=lambda s: overlap(sentences[0], s, "en", lists)[1])
            out.append(Headline(name, sentences[0], lead, "news", day, "en", tuple(names_in(sentences))))
    return out


def source_sentence(source: str, index: int) -> str:
    """A sentence of a training article by its path under ../shared/eval/data and its number: for ant_v11 the
    index-th of `_sentences` of its TITLE, ABSTRACT and TEXT, for GUM the index-th `# text =` line of its
    .conllu file (the way `ant_documents` and `gum_documents` read them)."""
    raw = (DATA / source).read_text("utf-8", errors="replace")
    if source.startswith("gum_attribution/"):
        return [" ".join(l[len("# text = "):].split()) for l in raw.splitlines() if l.startswith("# text = ")][index]
    return _sentences("\n".join(body for _, body in _TAG.findall(raw)))[index]


@dataclass(frozen=True)
class WrittenPair:
    """A claim a helper wrote about a training sentence, against that sentence or its translation."""

    claim: str
    passage: str
    label: str  # agree / disagree / other
    kind: str  # e.g. "para_same", "changed_cross@translation", "other_same"
    sid: str


def written_pairs(path: Path, seed: int) -> list[WrittenPair]:
    """(claim, passage, label) pairs from the claim variants written for training sentences
    (eval/stance_written/: a faithful rewording and a one-fact change in the sentence's language and in the other,
    and a translation): each claim against its source sentence (same language or across), the other-language
    claims against the translation (a same-language pair in the other language), and rewordings against a sentence of
    another article ("other")."""
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    sources = {row["sid"]: source_sentence(row["source"], row["sentence"]) for row in rows}
    rng = random.Random(seed)
    out: list[WrittenPair] = []
    for row in rows:
        sid, source, translation = row["sid"], sources[row["sid"]], row["translation"]
        out += [WrittenPair(row["para_same"], source, "agree", "para_same", sid),
                WrittenPair(row["changed_same"], source, "disagree", "changed_same", sid),
                WrittenPair(row["para_cross"], source, "agree", "para_cross", sid),
                WrittenPair(row["changed_cross"], source, "disagree", "changed_cross", sid),
                WrittenPair(row["para_cross"], translation, "agree", "para_cross@translation", sid),
                WrittenPair(row["changed_cross"], translation, "disagree", "changed_cross@translation", sid),
                WrittenPair(row["para_same"], translation, "agree", "para_same@translation", sid)]
        other = rng.choice([r for r in rows if r["source"] != row["source"] and r["lang"] == row["lang"]])
        out.append(WrittenPair(row["para_same"], sources[other["sid"]], "other", "other_same", sid))
        out.append(WrittenPair(row["para_cross"], other["translation"], "other", "other_translation", sid))
    return out

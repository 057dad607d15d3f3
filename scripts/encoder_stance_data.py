"""Data for the stance cross-encoder, read in place from ../shared/eval/data (never copied).

Training may use only: ANS stance_train (Apache-2.0), ant_v11 (Apache-2.0) articles whose md5(DOCNO)
ends in 0-b, GUM (CC BY) documents of GUM's train split; never an id in eval/real_dev/articles.txt.
The other ant_v11 / GUM documents are kept for an evaluation contrast set built elsewhere.
"""
from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "data"
EXCLUDED_IDS = ROOT / "eval" / "real_dev" / "articles.txt"
TRAIN_HEX = set("0123456789ab")
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")
_TAG = re.compile(r"<(TITLE|ABSTRACT|TEXT)>(.*?)</\1>", re.S)


def read_ans(name: str) -> list[tuple[str, str, str]]:
    with open(DATA / "ans" / f"stance_{name}.csv", encoding="utf-8", newline="") as fh:
        return [(row["s1"], row["s2"], row["stance"]) for row in csv.DictReader(fh)]


def excluded_ids() -> set[str]:
    if not EXCLUDED_IDS.is_file():
        return set()
    return {line.strip().rsplit("/", 1)[-1] for line in EXCLUDED_IDS.read_text("utf-8").splitlines() if line.strip()}


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


def ant_documents(per_doc: int = 6) -> list[list[str]]:
    """Sentences of the ant_v11 articles allowed for training (title + abstract + text)."""
    skip = excluded_ids()
    docs = []
    for path in sorted((DATA / "ant_v11").rglob("*.txt")):
        if path.stem in skip or not ant_training_ids(path):
            continue
        raw = path.read_text("utf-8", errors="replace")
        docno = re.search(r"<DOCNO>(.*?)</DOCNO>", raw)
        if docno and (docno.group(1).strip() in skip or not ant_training_ids(Path(docno.group(1).strip() + ".txt"))):
            continue
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

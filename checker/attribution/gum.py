"""GUM's attribution relations as cue / source / content spans, read in place from ../shared/eval/data.

GUM (CC BY) marks an attributing clause ("NASA Administrator Charles Bolden
announces") as the satellite of an RST `attribution-*` relation whose nucleus
is what was said. From the satellite and the dependency tree this reader takes
the cue (the satellite's head verb, or "according to"), the source (the verb's
nominal subject, its whole subtree) and the content (the nucleus's segments in
the same sentence). Used to train the tagger and to measure rules on GUM's
train split; only ids and offsets come out, the text stays where it is.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

SplitName = str
_SEGMENT = re.compile(r'<segment id="(\d+)"([^>]*)>(.*?)</segment>')
_GROUP = re.compile(r'<group id="(\d+)"([^>]*)/>')
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    form: str
    upos: str
    lemma: str
    head: int  # index in the document's token list, -1 for the root
    deprel: str
    sentence: int


@dataclass(frozen=True)
class GumDoc:
    """One document: its text rebuilt from the tokens, sentences and gold spans (kind, start, end)."""

    name: str
    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[tuple[int, int], ...]  # token index ranges
    spans: tuple[tuple[str, int, int], ...]


def split_names(root: Path, split: SplitName) -> list[str]:
    """The documents of one split of splits.md that have an RST file here (news and interviews)."""
    text = (root / "splits.md").read_text(encoding="utf-8")
    parts = re.split(r"^## (\w+)\s*$", text, flags=re.MULTILINE)
    names = dict(zip(parts[1::2], parts[2::2])).get(split, "")
    wanted = re.findall(r"\*\s+(GUM_\w+)", names)
    return [name for name in wanted if (root / "rst" / "rstweb" / f"{name}.rs4").is_file()]


def read_split(root: Path, split: SplitName) -> list[GumDoc]:
    return [read_doc(root, name) for name in split_names(root, split)]


def read_doc(root: Path, name: str) -> GumDoc:
    tokens, sentences, text = _conllu(root / "dep" / f"{name}.conllu")
    rs4 = (root / "rst" / "rstweb" / f"{name}.rs4").read_text(encoding="utf-8")
    segments = [(int(i), dict(_ATTR.findall(attrs)), html.unescape(body)) for i, attrs, body in _SEGMENT.findall(rs4)]
    parents = {i: attrs.get("parent") for i, attrs, _ in segments}
    parents.update({int(i): dict(_ATTR.findall(attrs)).get("parent") for i, attrs in _GROUP.findall(rs4)})
    ranges: dict[int, tuple[int, int]] = {}
    position = 0
    for i, _, body in segments:
        count = len(body.split())
        ranges[i] = (position, position + count)
        position += count
    spans: list[tuple[str, int, int]] = []
    for i, attrs, _ in segments:
        if attrs.get("relname", "").startswith("attribution") and attrs.get("parent"):
            spans += _attribution_spans(tokens, ranges, parents, i, int(attrs["parent"]))
    return GumDoc(name, text, tuple(tokens), tuple(sentences), tuple(sorted(set(spans), key=lambda s: s[1])))


def _conllu(path: Path) -> tuple[list[Token], list[tuple[int, int]], str]:
    rows: list[list[str]] = []
    sentence_rows: list[list[list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if rows:
                sentence_rows.append(rows)
                rows = []
        elif not line.startswith("#"):
            fields = line.split("\t")
            if "-" not in fields[0] and "." not in fields[0]:
                rows.append(fields)
    if rows:
        sentence_rows.append(rows)
    tokens: list[Token] = []
    sentences: list[tuple[int, int]] = []
    pieces: list[str] = []
    offset = 0
    for number, sentence in enumerate(sentence_rows):
        base = len(tokens)
        for fields in sentence:
            form = fields[1]
            head = int(fields[6]) if fields[6].isdigit() else 0
            tokens.append(Token(offset, offset + len(form), form, fields[3], fields[2], base + head - 1 if head else -1,
                                fields[7], number))
            pieces.append(form)
            offset += len(form)
            space = "" if "SpaceAfter=No" in fields[9] else " "
            pieces.append(space)
            offset += len(space)
        pieces.append("\n")
        offset += 1
        sentences.append((base, len(tokens)))
    return tokens, sentences, "".join(pieces)


def _leaves(node: int, parents: dict[int, str | None], ranges: dict[int, tuple[int, int]]) -> list[int]:
    """Segments under an RST node (the node itself when it is a segment)."""
    if node in ranges:
        return [node]
    found = []
    for segment in ranges:
        current: int | None = segment
        for _ in range(50):
            parent = parents.get(current) if current is not None else None
            if parent is None:
                break
            current = int(parent)
            if current == node:
                found.append(segment)
                break
    return found


def _attribution_spans(tokens: list[Token], ranges: dict[int, tuple[int, int]], parents: dict[int, str | None],
                       satellite: int, nucleus: int) -> list[tuple[str, int, int]]:
    first, last = ranges[satellite]
    inside = range(first, last)
    if not inside:
        return []
    spans: list[tuple[str, int, int]] = []
    according = next((i for i in inside if tokens[i].form.lower() == "according" and i + 1 < last
                      and tokens[i + 1].form.lower() == "to"), None)
    if according is not None:
        spans.append(("cue", tokens[according].start, tokens[according + 1].end))
        rest = [i for i in inside if i > according + 1 and tokens[i].upos != "PUNCT"]
        if rest:
            spans.append(("source", tokens[rest[0]].start, tokens[rest[-1]].end))
    else:
        verbs = [i for i in inside if tokens[i].upos in ("VERB", "AUX") and tokens[i].deprel not in ("aux", "cop")]
        heads = [i for i in verbs if tokens[i].head not in inside] or verbs
        if not heads:
            return []
        cue = heads[0]
        spans.append(("cue", tokens[cue].start, tokens[cue].end))
        subject = next((i for i in inside if tokens[i].head == cue and tokens[i].deprel in ("nsubj", "nsubj:outer")), None)
        if subject is not None:
            covered = [i for i in inside if _descends(tokens, i, subject)]
            spans.append(("source", tokens[min(covered)].start, tokens[max(covered)].end))
    sentence = tokens[first].sentence
    content = [i for segment in _leaves(nucleus, parents, ranges) for i in range(*ranges[segment])
               if tokens[i].sentence == sentence and tokens[i].upos != "PUNCT"]
    if content:
        spans.append(("content", tokens[min(content)].start, tokens[max(content)].end))
    return spans


def _descends(tokens: list[Token], index: int, ancestor: int) -> bool:
    for _ in range(60):
        if index == ancestor:
            return True
        if index < 0:
            return False
        index = tokens[index].head
    return False

"""The learned side of attribution: a cue / source / content tagger on checker's multilingual encoder.

A BIO token classifier (multilingual-e5-small with a LoRA adapter, one linear
layer on top) trained on GUM's attribution relations and on reviewed Arabic
annotations (`scripts/train_attribution_tagger.py`, card in
docs/attribution_tagger.md), shipped under checker/data/models/attribution_tagger/.
It refines the rules' links (`TaggerRefiner.refine`): the model decides speaker
spans and adds cues the word lists lack; rules keep registry outlets,
datelines, outlet heads, pronouns and Arabic verb-only subjects. Every link it
touches says `decided_by="model"`. Without torch or the model folder,
`load_tagger()` returns None and attribution is rules-only.
"""
from __future__ import annotations

import importlib.util
import json
import re
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from checker.attribution.lexicon import Cue
from checker.attribution.sources import Link, Span
from checker.config import DATA_DIR
from checker.doc import Doc

TAGS = ("O", "B-CUE", "I-CUE", "B-SRC", "I-SRC", "B-CON", "I-CON")
KINDS = {"CUE": "cue", "SRC": "source", "CON": "content"}
_lock = threading.RLock()
MODEL_DIR = DATA_DIR / "models" / "attribution_tagger"
MAX_LENGTH = 96
_SOURCE_REACH = 120
# A model cue the rules lack would become a link (with the model's source). Off: on PolNeAR dev it added no cue
# F1 (0.558 -> 0.560) and tagging every sentence costs 1.6-3.5 s of CPU per 1,000 words; with it off only the
# sentences holding a speaker-less rule link are tagged.
NEW_CUES = False  # characters between a cue and the source the model gives it
_ARABIC = re.compile(r"[\u0600-\u06FF]")


@dataclass(frozen=True)
class TaggedSpan:
    kind: str  # "cue" | "source" | "content"
    start: int
    end: int


def keep_layers(encoder: Any, layers: int) -> Any:
    """The encoder cut to its first `layers` transformer layers: half the layers, half the time, on 2 cores."""
    if layers and layers < len(encoder.encoder.layer):
        encoder.encoder.layer = encoder.encoder.layer[:layers]
        encoder.config.num_hidden_layers = layers
    return encoder


def build_model(encoder: Any, n_tags: int = len(TAGS)) -> Any:
    """Encoder + dropout + one linear layer over every token."""
    from torch import nn

    class TokenTagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder
            self.dropout = nn.Dropout(0.1)
            self.classifier = nn.Linear(encoder.config.hidden_size, n_tags)

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            return self.classifier(self.dropout(hidden))

    return TokenTagger()


def decode(tags: list[int], offsets: list[tuple[int, int]], text: str) -> list[TaggedSpan]:
    """BIO over sub-word tokens -> character spans widened to whole words (an I- after O opens a span too)."""
    spans: list[TaggedSpan] = []
    kind, start, end = None, 0, 0
    for tag, (a, b) in zip(tags, offsets):
        if a == b:
            continue
        label = TAGS[tag]
        name = KINDS.get(label[2:]) if label != "O" else None
        continuing = name is not None and name == kind and label.startswith("I-")
        if continuing or (name is not None and name == kind and _glued(text, end, a)):
            end = b
            continue
        if kind is not None:
            spans.append(TaggedSpan(kind, *_word_bounds(text, start, end)))
        kind, start, end = name, a, b
    if kind is not None:
        spans.append(TaggedSpan(kind, *_word_bounds(text, start, end)))
    return spans


def _glued(text: str, end: int, start: int) -> bool:
    """The next sub-word continues the same word (no space between)."""
    return start == end and start > 0 and not text[start - 1].isspace()


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’-"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in "'’-"):
        end += 1
    while start < end and text[start] in " \t\n،,.:;\"“”«»()":
        start += 1
    while end > start and text[end - 1] in " \t\n،,.:;\"“”«»()":
        end -= 1
    return start, end


class Tagger:
    """The shipped model, loaded once: sentences -> tagged spans (offsets into each sentence)."""

    def __init__(self, folder: Path = MODEL_DIR, threads: int | None = None) -> None:
        import torch
        from peft import PeftModel
        from safetensors.torch import load_file

        from checker.encoder.heads import base_encoder

        if threads:
            torch.set_num_threads(threads)
        self.meta = json.loads((folder / "tagger.json").read_text(encoding="utf-8"))
        self.tokenizer, encoder = base_encoder()
        encoder = keep_layers(encoder, int(self.meta.get("layers", 0)))
        merged = PeftModel.from_pretrained(encoder, str(folder)).merge_and_unload()
        model = build_model(merged, len(self.meta["tags"]))
        model.classifier.load_state_dict(load_file(str(folder / "classifier.safetensors")))
        model.eval()
        self.model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
        self._torch = torch

    def tag(self, texts: list[str], batch_size: int = 16) -> list[list[TaggedSpan]]:
        out: list[list[TaggedSpan]] = [[] for _ in texts]
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        with self._torch.inference_mode():
            for first in range(0, len(order), batch_size):
                idx = order[first:first + batch_size]
                batch = self.tokenizer([texts[i] for i in idx], truncation=True, max_length=self.meta["max_length"],
                                       padding=True, return_offsets_mapping=True, return_tensors="pt")
                logits = self.model(batch["input_ids"], batch["attention_mask"])
                best = logits.argmax(-1).tolist()
                for row, i in enumerate(idx):
                    offsets = [tuple(o) for o in batch["offset_mapping"][row].tolist()]
                    out[i] = decode(best[row], offsets, texts[i])  # type: ignore[arg-type]
        return out


class TaggerRefiner:
    """Applies the tagger's spans to the rules' links of one article (see the module docstring). The model is
    loaded on the first sentence that needs it: an article whose rule links all have a speaker loads nothing."""

    def __init__(self, folder: Path = MODEL_DIR) -> None:
        self.folder = folder
        self._tagger: Tagger | None = None

    @property
    def tagger(self) -> Tagger:
        with _lock:
            if self._tagger is None:
                self._tagger = Tagger(self.folder)
        return self._tagger

    def refine(self, doc: Doc, links: dict[int, list[Link]]) -> dict[int, list[Link]]:
        text, sentences = doc.text, doc.sentences
        chosen = [s for s in sentences if NEW_CUES or any(_open_speaker(link) for link in links.get(s.index, []))]
        if not chosen:
            return links
        tagged = dict(zip((s.index for s in chosen), self.tagger.tag([s.text for s in chosen])))
        refined: dict[int, list[Link]] = {}
        for sentence in sentences:
            spans = tagged.get(sentence.index, [])
            absolute = [TaggedSpan(s.kind, sentence.start + s.start, sentence.start + s.end) for s in spans]
            found = merge_links(text, links.get(sentence.index, []), absolute) if spans else links.get(sentence.index, [])
            if found:
                refined[sentence.index] = found
        return refined


def merge_links(text: str, links: list[Link], spans: list[TaggedSpan]) -> list[Link]:
    """Rules first; the model's source replaces a rule speaker that is no outlet, pronoun or verb-only subject;
    a model cue the rules lack becomes a new link when the model also gives it a source."""
    sources = [s for s in spans if s.kind == "source"]
    merged = []
    for link in links:
        source = _nearest(sources, link.cue.start, link.cue.end)
        if source is not None and _model_may_decide(link, source):
            merged.append(replace(link, speaker=Span(text[source.start:source.end], source.start, source.end),
                                  decided_by="model"))
        else:
            merged.append(link)
    for cue in (s for s in spans if s.kind == "cue"):
        if not NEW_CUES or any(link.cue.start < cue.end and cue.start < link.cue.end for link in links):
            continue
        source = _nearest(sources, cue.start, cue.end)
        if source is None or any(m.speaker and m.speaker.start < source.end and source.start < m.speaker.end
                                 and m.decided_by == "rules" and m.cue.start != cue.start for m in merged):
            continue
        words = text[cue.start:cue.end]
        merged.append(Link(Cue(words, cue.start, cue.end, "speech", bool(_ARABIC.search(words))),
                           Span(text[source.start:source.end], source.start, source.end), None, decided_by="model"))
    return sorted(merged, key=lambda link: link.cue.start)


def _nearest(sources: list[TaggedSpan], start: int, end: int) -> TaggedSpan | None:
    near = [s for s in sources if min(abs(s.start - end), abs(start - s.end)) <= _SOURCE_REACH
            and not (s.start < end and start < s.end)]
    return min(near, key=lambda s: min(abs(s.start - end), abs(start - s.end)), default=None)


def _open_speaker(link: Link) -> bool:
    """A rule link whose speaker the model may fill."""
    return link.speaker is None and link.refers_back is None and not link.via and link.outlet is None


def _model_may_decide(link: Link, source: TaggedSpan) -> bool:
    """The model fills a speaker the rules could not read; it does not replace one they did (measured: replacing
    every rule speaker lowered PolNeAR dev source F1 from 0.582 to 0.546, see docs/attribution_tagger.md)."""
    if link.speaker is not None:
        return False
    if link.refers_back is not None or link.via:
        return False  # pronouns, "the newspaper", "وأضاف": coreference decides
    if link.outlet is not None and (link.speaker is None or link.speaker.start <= link.outlet.start < link.speaker.end):
        return False  # the registry's outlet (or an outlet head) is the source
    if link.outlet is not None and source.start <= link.outlet.start < source.end:
        return False
    return True


_loaded: dict[str, TaggerRefiner | None] = {}


def load_tagger(folder: Path = MODEL_DIR) -> TaggerRefiner | None:
    """The shipped tagger as a refiner, once per process; None when its folder or torch/peft is missing. Nothing
    is imported or loaded here: the model loads when a sentence first needs it."""
    key = str(folder)
    with _lock:
        if key not in _loaded:
            installed = all(importlib.util.find_spec(name) is not None for name in ("torch", "peft", "transformers"))
            _loaded[key] = TaggerRefiner(folder) if installed and (folder / "tagger.json").is_file() else None
    return _loaded[key]

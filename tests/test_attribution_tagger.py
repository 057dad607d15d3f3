"""The learned tagger's side of attribution: BIO decoding, how its spans meet the rules' links, the --fast path.

The merge is tested with spans written by hand (no model needed); the shipped model, when present, is loaded
once and must leave registry outlets and datelines to the rules.
"""
from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import checker.attribution.tagger as tagger_module
from checker.doc import make_doc
from checker.attribution import attribute, sentence_links
from checker.attribution.lexicon import Cue
from checker.attribution.sources import Link, Span
from checker.attribution.tagger import MODEL_DIR, TAGS, TaggedSpan, decode, merge_links
from checker.models import Claim, Sentence
from checker.outlets import load_registry

ROOT = Path(__file__).resolve().parent.parent


def links_of(text: str) -> list:
    sentence = Sentence(0, 0, len(text), text, 0)
    return sentence_links(make_doc(text, [sentence]), load_registry()).get(0, [])


def test_decode_joins_sub_words_and_widens_to_whole_words() -> None:
    text = "The spokeswoman said it."
    tag = {name: number for number, name in enumerate(TAGS)}
    offsets = [(0, 0), (0, 3), (4, 9), (9, 15), (16, 20), (21, 23), (23, 24), (0, 0)]
    tags = [0, tag["B-SRC"], tag["I-SRC"], tag["I-SRC"], tag["B-CUE"], tag["B-CON"], 0, 0]
    spans = decode(tags, offsets, text)
    assert [(s.kind, text[s.start:s.end]) for s in spans] == [
        ("source", "The spokeswoman"), ("cue", "said"), ("content", "it")]


def test_model_fills_a_speaker_the_rules_could_not_read_and_says_so() -> None:
    text = "Deputy Minister of Health Dr. Sara Malik said the clinics would open."
    said = Cue("said", text.index("said"), text.index("said") + 4, "speech", False)
    source = TaggedSpan("source", 0, text.index(" said"))
    (merged,) = merge_links(text, [Link(said, None, None)], [source])
    assert merged.speaker is not None and merged.speaker.text == "Deputy Minister of Health Dr. Sara Malik"
    assert merged.decided_by == "model"


def test_model_never_replaces_a_rule_speaker() -> None:
    text = "Deputy Minister of Health Dr. Sara Malik said the clinics would open."
    rules = links_of(text)
    assert merge_links(text, rules, [TaggedSpan("source", 0, 8)]) == rules


def test_model_never_overrides_a_registry_outlet() -> None:
    text = "According to Reuters, the talks collapsed on Monday."
    rules = links_of(text)
    merged = merge_links(text, rules, [TaggedSpan("source", text.index("the talks"), text.index(" collapsed"))])
    assert merged == rules and merged[0].outlet is not None and merged[0].decided_by == "rules"


def test_model_cue_the_lists_lack_becomes_a_link_only_when_switched_on(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Opposition leader Karim Haddad fumed that the vote had been rigged."
    assert links_of(text) == []
    cue = TaggedSpan("cue", text.index("fumed"), text.index("fumed") + len("fumed"))
    source = TaggedSpan("source", 0, text.index(" fumed"))
    assert merge_links(text, [], [cue, source]) == []  # off by default (docs/attribution_tagger.md)
    monkeypatch.setattr(tagger_module, "NEW_CUES", True)
    merged = merge_links(text, [], [cue, source])
    assert len(merged) == 1 and merged[0].cue.text == "fumed" and merged[0].decided_by == "model"
    assert merged[0].speaker is not None and merged[0].speaker.text == "Opposition leader Karim Haddad"
    assert merge_links(text, [], [cue]) == []  # a cue without a source is dropped


def test_a_refiner_decides_through_attribute() -> None:
    class Fixed:
        def refine(self, doc, links):  # type: ignore[no-untyped-def]
            return {0: [replace(link, speaker=Span(doc.text[:12], 0, 12), decided_by="model") for link in links[0]]}

    text = "Aid official Omar Nasser said 40 trucks crossed."
    sentence = Sentence(0, 0, len(text), text, 0)
    claim = Claim("c1", text, 0, len(text), 0, text, 0.9)
    (done,) = attribute(make_doc(text, [sentence]), (claim,), load_registry(), Fixed())
    assert done.attribution.speaker == "Aid official" and done.attribution.decided_by == "model"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)


def test_fast_analyze_is_rules_only(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("A senior official told Reuters on Monday that the talks would resume next week in Cairo.",
                       encoding="utf-8")
    result = run_cli("analyze", str(article), "--no-evidence", "--fast")
    assert result.returncode == 0, result.stderr
    assert '"decided_by": "rules"' in result.stdout and '"outlet_from": "sentence"' in result.stdout


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run_cli("analyze", str(tmp_path / "missing.txt"), "--no-evidence", "--fast")
    assert result.returncode == 2 and result.stdout == "" and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(not (MODEL_DIR / "tagger.json").is_file(), reason="no trained tagger shipped")
def test_shipped_tagger_keeps_outlets_and_marks_its_decisions() -> None:
    from checker.pipeline import analyze

    text = ("CAIRO (Reuters) - Egypt's foreign minister said on Sunday that a truce was close.\n\n"
            "According to Reuters, mediators presented a new plan to both sides.")
    analysis = analyze(text, tagger=True)
    from checker.attribution.tagger import Tagger, load_tagger

    refiner = load_tagger()
    assert refiner is not None
    assert Tagger is type(refiner.tagger)  # loads the shipped model
    first, second = analysis.claims
    assert first.attribution.outlet is not None and first.attribution.outlet.id == "reuters"
    assert second.attribution.outlet is not None and second.attribution.outlet.id == "reuters"
    assert {c.attribution.decided_by for c in analysis.claims} <= {"rules", "model"}

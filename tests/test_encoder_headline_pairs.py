"""Headline pairs for the stance head: a title and its lead agree, an edited title disagrees, another lead is other."""
from __future__ import annotations

import hashlib
import random
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from encoder_stance_data import DATA, ant_headlines, excluded_ids  # noqa: E402

from checker.encoder.contrast import load_lists  # noqa: E402
from checker.encoder.headline_pairs import (Headline, content_words, contradicting_edits,  # noqa: E402
                                            headline_pairs, is_rewording)

LISTS = load_lists()
needs_data = pytest.mark.skipif(not (DATA / "ant_v11").is_dir(), reason="../shared/eval/data not present")


def test_rewording_is_kept_copy_and_unrelated_are_not():
    lead = "A road accident on Monday near Sfax left two people dead and three injured, the civil defence said."
    assert is_rewording("Two people killed in road accident near Sfax", lead, "en", LISTS)
    assert not is_rewording("A road accident on Monday near Sfax left two people dead", lead, "en", LISTS)  # a copy
    assert not is_rewording("Parliament votes on the budget law", lead, "en", LISTS)
    assert not is_rewording("Accident near Sfax", lead, "en", LISTS)  # too short to be a claim
    ar_lead = "أعلن وزير الصحة اليوم عن انطلاق حملة جديدة للتلقيح ضد النزلة الموسمية بولاية صفاقس."
    assert is_rewording("وزير الصحة يعلن عن حملة تلقيح جديدة في صفاقس", ar_lead, "ar", LISTS)
    assert not is_rewording("الترجي يفوز على النجم في دربي الساحل", ar_lead, "ar", LISTS)


def test_arabic_words_compare_without_prefixes_and_diacritics():
    assert {"تلقيح", "صفاقس", "حمله"} <= content_words("للتّلقيح وصفاقس بالحملة", "ar", LISTS)
    assert "في" not in content_words("في صفاقس", "ar", LISTS)
    assert "نزرت" not in content_words("بنزرت", "ar", LISTS)  # a bare ب may be the name's own letter: kept


def test_a_slot_swap_must_touch_what_the_lead_says():
    h = Headline("x", "Police arrest 12 people in Tunis after protests",
                 "Police in Tunis arrested 12 people on Sunday after protests over prices.", "news", None, "en")
    swaps = contradicting_edits(h, LISTS, random.Random(0))
    assert "number" in swaps and "12" not in swaps["number"]
    unstated = Headline("y", "Police arrest 12 people after protests in Paris",
                        "Police arrested a dozen people on Sunday after protests over prices.", "news", None, "en")
    edited = contradicting_edits(unstated, LISTS, random.Random(0))
    assert "number" not in edited and "place" not in edited  # the lead says neither 12 nor Paris


@needs_data
def test_real_ant_headlines_come_from_the_training_half_only():
    heads = ant_headlines()
    assert len(heads) > 1500
    skip = excluded_ids()
    train_ids = (ROOT / "eval" / "real_train" / "articles.txt").read_text("utf-8").split()
    assert {i.rsplit("/", 1)[-1] for i in train_ids} <= skip
    for h in heads:
        assert h.doc_id not in skip
        assert hashlib.md5(h.doc_id.encode("utf-8")).hexdigest()[-1] in "0123456789ab"


@needs_data
def test_real_ant_pairs_by_label():
    heads = ant_headlines()[:600]
    pairs = headline_pairs(heads, seed=5)
    by_label = Counter(p.label for p in pairs)
    assert by_label["agree"] > 300 and by_label["disagree"] > 150 and by_label["other"] > 100
    by_lead: dict[str, list[Headline]] = {}
    for h in heads:
        by_lead.setdefault(h.lead, []).append(h)  # a daily digest repeats its lead
    titles = {h.title: h for h in heads}
    for p in pairs:
        own = titles[p.claim] if p.claim in titles else None
        if p.label == "agree":
            assert own and own.lead == p.passage and p.claim != p.passage
        elif p.kind != "headline-denial" and p.label == "disagree":
            h = by_lead[p.passage][0]
            gone = set(h.title.split()) - set(p.claim.split())  # what the swap replaced: the lead states it
            assert gone and content_words(" ".join(gone), "ar", LISTS) <= content_words(h.lead, "ar", LISTS)
        elif p.label == "disagree":
            assert any(h.title in p.claim and p.claim != h.title for h in by_lead[p.passage])
        else:
            assert own and own.lead != p.passage
            assert any(o.category == own.category and (own.day is None or o.day is None or abs((own.day - o.day).days) <= 3)
                       for o in by_lead[p.passage])
    assert headline_pairs(heads, seed=5) == pairs  # seeded

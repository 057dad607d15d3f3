"""Contrast pairs for the stance head: each edit changes exactly the slot it names."""
from __future__ import annotations

import random
from collections import Counter

from checker.encoder.contrast import edits, load_lists, make_pairs

LISTS = load_lists()


def test_number_swap_keeps_digit_script():
    rng = random.Random(0)
    for sentence in ("ويوجد ما يقرب من ٢٥٠٠ جندي في العراق", "About 2,500 troops are in Iraq in 2023"):
        out = edits(sentence, "ar", LISTS, rng)["number"]
        assert out != sentence
        changed = [b for a, b in zip(sentence.split(), out.split()) if a != b]
        assert len(changed) == 1
        if "٢" in sentence:
            assert all(not ch.isascii() for ch in changed[0] if ch.isdigit())


def test_place_date_actor_swaps_are_whole_words():
    rng = random.Random(1)
    out = edits("وصل وزير الداخلية إلى صفاقس يوم الاثنين لتفقد الوضع", "ar", LISTS, rng)
    assert "صفاقس" not in out["place"]
    assert out["place"].startswith("وصل وزير الداخلية إلى ") and out["place"].endswith(" يوم الاثنين لتفقد الوضع")
    assert "الاثنين" not in out["date"]
    assert "وزير الداخلية" not in out["actor"]
    en = edits("The minister arrived in Paris on Monday to meet the mayor.", "en", LISTS, random.Random(2))
    assert "Paris" not in en["place"] and "Monday" not in en["date"]
    assert "Parisian" not in edits("A Parisian cafe opened.", "en", LISTS, rng).get("place", "")


def test_denial_wraps_the_sentence():
    out = edits("The senate passed the bill on Tuesday.", "en", LISTS, random.Random(3))["denial"]
    assert "the senate passed the bill on Tuesday." in out and out != "the senate passed the bill on Tuesday."


def test_agree_pairs_claim_is_the_shorter_clause():
    docs = [["قال وزير الصحة إن الوضع الوبائي مستقر في كامل الولايات، مضيفا أن التلقيح متواصل"] * 3,
            ["The minister said the situation was stable across the country, adding that work continues"] * 3]
    pairs = make_pairs(docs * 20, "en", 200, seed=4)
    shortened = [p for p in pairs if p.kind == "shorten"]
    assert shortened and all(p.passage.startswith(p.claim) and p.label == "agree" for p in shortened)
    assert {p.label for p in pairs} <= {"agree", "disagree", "other"}
    assert Counter(p.label for p in pairs)["other"] > 0
    assert make_pairs(docs * 20, "en", 200, seed=4) == pairs  # seeded

"""Round 12 of issue 7 (session 15): English speculation in the training draws' real web copy, a passive report of
belief as the sentence's own statement ("is believed to", "is thought to"), kept out of the claims with the checks a
forecast has. The real article is read in place by id and offset (eval/real_train4 gold), never copied."""
from __future__ import annotations

from pathlib import Path

from checker.pipeline import analyze
from real_training_items import check_training_item


def test_a_hedged_report_in_real_web_copy_is_kept_out(eval_data: Path) -> None:
    check_training_item("real_train4", "fnc1/1986", 1281, None)  # "... is believed to be holding ..."


def test_a_hedged_report_is_kept_out_only_as_the_sentences_own_statement() -> None:
    """Sentences written for this test: a figure (in words too), a relative clause, a verb before the hedge, an
    adjective and a source keep the report a claim."""
    text = ("Islamic State militants released a video on Sunday.\n\n"
            "The missing reporter is believed to be held in Raqqa.\n\n"
            "Twelve soldiers are believed to have been killed in the ambush near Mosul.\n\n"
            "The fire is believed to have destroyed 40 homes in the valley.\n\n"
            "The suspect, who is thought to be a former soldier, was arrested on Monday in Leeds.\n\n"
            "An earthquake struck central Italy on Wednesday and is thought to have killed several people.\n\n"
            "Hackers breached the supposedly secure server of the Defence Ministry on Tuesday.\n\n"
            "Police say the gunman is believed to have acted alone.\n")
    claims = " | ".join(c.text for c in analyze(text).claims)
    assert "held in Raqqa" not in claims
    for kept in ("Twelve soldiers", "40 homes", "former soldier", "struck central Italy", "supposedly secure",
                 "acted alone"):
        assert kept in claims, kept

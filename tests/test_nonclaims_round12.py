"""Round 12 of issue 7 (session 15): English speculation in the training draws' real web copy, a passive report of
belief or hearsay as the sentence's own statement ("is believed to", "supposedly"), now kept out of the claims. The
real articles are read in place by id and offset (eval/real_train4, real_train8, real_train9 gold), never copied."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.pipeline import analyze
from real_training_items import check_training_item

HEDGED_REPORTS = [
    ("real_train4", "fnc1/1986", 1281),  # "... is believed to be holding ..."
    ("real_train8", "fnc1/437", 523),  # "... is believed to have cost the city ..."
    ("real_train9", "fnc1/257", 292),  # "... would supposedly target ..."
    ("real_train9", "fnc1/2110", 1394),  # "... will supposedly feature ..."
]


@pytest.mark.parametrize("draw,doc,start", HEDGED_REPORTS)
def test_a_hedged_report_in_real_web_copy_is_kept_out(eval_data: Path, draw: str, doc: str, start: int) -> None:
    check_training_item(draw, doc, start, None)


def test_an_attributed_or_counted_report_stays_a_claim() -> None:
    """The hedge words keep out only the writer's own unattributed statement without a figure."""
    text = ("Police say the gunman is believed to have acted alone.\n\n"
            "The fire is believed to have destroyed 40 homes.\n\n"
            "The suspect is believed to have fled the country.\n")
    claims = [c.text for c in analyze(text).claims]
    assert any("acted alone" in c for c in claims)
    assert any("40 homes" in c for c in claims)
    assert not any("fled the country" in c for c in claims)

"""Round 11 of issue 7 (session 14): what the first contact with 42 new real articles (eval/real_train8: ANT
multisource, FNC-1 bodies) showed, then fixed from it as training data. The real training article is read in place
by id."""
from __future__ import annotations

from pathlib import Path

from real_training_items import article_text, attribution_of


def test_a_circumstantial_participle_after_the_cue_is_not_the_speaker(eval_data: Path) -> None:
    """A BBC Arabic report where the cue is followed by the participle «مخاطبا» (how he spoke, not who): the
    participle was taken for the speaker; now the speaker is the president the sentence names before it."""
    found = attribution_of(article_text("antms/BBC/middleEast/BB-middleEast-655-20180625"), "الأتراك انتخبوني")
    assert found.speaker is not None and "إردوغان" in found.speaker and "مخاطبا" not in found.speaker

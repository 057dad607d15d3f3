"""Which script dominates a text: it picks the reading direction and the cue lexicon."""
from __future__ import annotations

import re

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str:
    """'ar', 'en', or 'und' when the text has no letters of either script."""
    arabic = len(_ARABIC.findall(text))
    latin = len(_LATIN.findall(text))
    if not arabic and not latin:
        return "und"
    return "ar" if arabic >= latin else "en"

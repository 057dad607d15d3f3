"""PLACEHOLDER (to be replaced by the claims work): naive line/sentence split."""
from __future__ import annotations

import re

from checker.models import Sentence


def split_sentences(text: str) -> tuple[Sentence, ...]:
    out = []
    for i, m in enumerate(re.finditer(r"[^\n.!?؟]+[.!?؟]?", text)):
        if m.group().strip():
            s, e = m.start() + len(m.group()) - len(m.group().lstrip()), m.end()
            out.append(Sentence(len(out), s, e, text[s:e], 0))
    return tuple(out)

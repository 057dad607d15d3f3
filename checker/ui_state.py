"""What the Streamlit pages share: the session's database, widget keys and screen-ready slices of a report.

Nothing here judges a claim. It arranges what the library returned so the
pages stay short, and it is plain Python (apart from `session_db`) so the
arrangement can be tested without a browser.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Sequence

import sqlite_utils

from checker.config import get_settings
from checker.models import Analysis, Attribution, Claim, ClaimCheck
from checker.review import Decision, ReviewedClaim

NO_OUTLET = "(no outlet)"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>$~=:])")


def widget_key(analysis_id: int, claim_id: str, what: str) -> str:
    """One key per (analysis, claim, control): the tests and the browser find widgets by it."""
    return f"a{analysis_id}-{claim_id}-{what}"


def session_db() -> sqlite_utils.Database:
    """This browser session's own connection to claims.db (reopened when CHECKER_DB changes)."""
    import streamlit as st

    from checker.store.db import open_db

    path = get_settings().db_path
    held = st.session_state.get("_db")
    if held is None or held[0] != path:
        held = (path, open_db(path))
        st.session_state["_db"] = held
    return held[1]


def db_path() -> Path:
    return get_settings().db_path


def md_escape(text: str | None) -> str:
    """User text for st.markdown: shown as typed, never as markup, links or LaTeX."""
    if not text:
        return ""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def sentence_view(analysis: Analysis, claim: Claim, attribution: Attribution) -> tuple[Analysis, Attribution]:
    """The claim's sentence as a one-sentence analysis, so render.py can highlight the claim, cue and source.

    Offsets are shifted into the sentence; a span outside it (an attribution carried from an
    earlier sentence) is dropped rather than pointing at the wrong words.
    """
    sentence = next((s for s in analysis.sentences if s.index == claim.sentence_index), None)
    if sentence is None or not (sentence.start <= claim.start and claim.end <= sentence.end):
        start, text = claim.start, claim.text
    else:
        start, text = sentence.start, sentence.text
    end = start + len(text)

    def shifted(span_start: int | None, span_end: int | None) -> tuple[int | None, int | None]:
        inside = span_start is not None and span_end is not None and start <= span_start < span_end <= end
        return (span_start - start, span_end - start) if inside else (None, None)

    cue, speaker, outlet = (shifted(attribution.cue_start, attribution.cue_end),
                            shifted(attribution.speaker_start, attribution.speaker_end),
                            shifted(attribution.outlet_start, attribution.outlet_end))
    view_attribution = replace(attribution, cue_start=cue[0], cue_end=cue[1], speaker_start=speaker[0],
                               speaker_end=speaker[1], outlet_start=outlet[0], outlet_end=outlet[1])
    view_claim = replace(claim, start=claim.start - start, end=claim.end - start, attribution=view_attribution)
    view = Analysis(text=text, language=analysis.language, sentences=(), claims=(view_claim,), non_claims=())
    return view, view_attribution


@dataclass(frozen=True)
class ClaimFilter:
    """The reviewer's filters; an empty selection means "all"."""

    outlets: frozenset[str] = frozenset()
    verdicts: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    min_checkworthiness: float = 0.0

    def matches(self, item: ReviewedClaim) -> bool:
        return (
            (not self.outlets or outlet_label(item) in self.outlets)
            and (not self.verdicts or (item.verdict or "unchecked") in self.verdicts)
            and (not self.statuses or item.status in self.statuses)
            and item.claim.checkworthiness >= self.min_checkworthiness
        )


def outlet_label(item: ReviewedClaim) -> str:
    return item.outlet.name if item.outlet else NO_OUTLET


def distinct(values: Iterable[str]) -> list[str]:
    """Filter options in order of first appearance (reading order of the claims)."""
    return list(dict.fromkeys(values))


def evidence_rows(check: ClaimCheck | None) -> list[dict[str, Any]]:
    """The evidence passages as table rows, best first, as the verdict stage ranked them."""
    if check is None:
        return []
    return [
        {
            "outlet": match.outlet or "",
            "published": match.published or "",
            "stance": match.stance,
            "score": round(match.score, 3),
            "similarity": round(match.similarity, 3),
            "cited outlet": match.from_cited_outlet,
            "link": web_link(match.url),
            "passage": match.text,
        }
        for match in check.evidence
    ]


def web_link(url: str | None) -> str | None:
    """Only http(s) addresses become clickable links: a stored `javascript:` URL must not."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def describe_decision(decision: Decision) -> str:
    """One history line in words: who, when, and what they decided."""
    when = decision.created_at[:19].replace("T", " ")
    return f"{when} UTC · {decision.reviewer} · {decision.field}: {decision_value_text(decision)}"


def decision_value_text(decision: Decision) -> str:
    value = decision.value
    if decision.field == "link" and isinstance(value, dict):
        if value.get("confirmed"):
            return "link confirmed"
        parts = [f"outlet {value.get('outlet_name') or 'none'}", f"speaker {value.get('speaker') or 'none'}"]
        if value.get("kind"):
            parts.append(f"kind {value['kind']}")
        return "corrected to " + ", ".join(parts)
    if decision.field == "verdict" and isinstance(value, dict):
        reason = f" ({value['reason']})" if value.get("reason") else ""
        return f"{str(value.get('label', '')).replace('_', ' ')}{reason}"
    if decision.field == "note":
        return value or "(note cleared)"
    return str(value).replace("_", " ")


def history_by_claim(history: Sequence[Decision]) -> dict[str, list[Decision]]:
    grouped: dict[str, list[Decision]] = {}
    for decision in history:
        grouped.setdefault(decision.claim_key, []).append(decision)
    return grouped


def label(value: str | None) -> str:
    return (value or "—").replace("_", " ")

"""What the Streamlit pages share: the session's database, widget keys and screen-ready slices of a report.

Nothing here judges a claim. It arranges what the library returned so the
pages stay short, and it is plain Python (apart from `session_db`) so the
arrangement can be tested without a browser.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Sequence

import sqlite_utils

from checker.config import get_settings
from checker.models import Analysis, Attribution, Claim
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
    text: str = ""

    def matches(self, item: ReviewedClaim) -> bool:
        wanted = " ".join(self.text.split()).casefold()
        searched = " ".join((item.claim.id, item.claim.text, outlet_label(item), item.speaker or "")).casefold()
        return (
            (not wanted or wanted in searched)
            and (not self.outlets or outlet_label(item) in self.outlets)
            and (not self.verdicts or (item.verdict or "unchecked") in self.verdicts)
            and (not self.statuses or item.status in self.statuses)
            and item.claim.checkworthiness >= self.min_checkworthiness
        )


def outlet_label(item: ReviewedClaim) -> str:
    return item.outlet.name if item.outlet else NO_OUTLET


def distinct(values: Iterable[str]) -> list[str]:
    """Filter options in order of first appearance (reading order of the claims)."""
    return list(dict.fromkeys(values))


def web_link(url: str | None) -> str | None:
    """Only http(s) addresses become clickable links: a stored `javascript:` URL must not."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def describe_decision(decision: Decision) -> str:
    """One history line in words: who, when, and what they decided."""
    when = decision.created_at[:19].replace("T", " ")
    return f"{when} UTC · {decision.reviewer} · {decision.field}: {decision_value_text(decision)}"


def activity_line(decision: Decision) -> str:
    """One line of an analysis's activity log: when, who, which claim, what."""
    when = decision.created_at[:16].replace("T", " ")
    return f"{when} · {decision.reviewer} · {decision.claim_key} · {decision_value_text(decision)}"


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
    if decision.field == "check" and isinstance(value, dict):
        after = value["check"]
        before = value.get("before") or {}
        return (f"machine re-check ({value.get('reason')}): verdict {label(before.get('verdict'))} → "
                f"{label(after['verdict']['label'])}, source check {label(before.get('source'))} → "
                f"{label(after['source_check']['status'])}")
    if decision.field == "assignee":
        return f"assigned to {value}" if value else "unassigned"
    if decision.field == "evidence" and isinstance(value, dict):
        relation = {"confirms": "confirms the claim", "contradicts": "contradicts the claim",
                    "cited_source": "is the cited source"}.get(value.get("relation") or "", "mark removed")
        return f"passage {value.get('passage_id')} {relation}"
    if decision.field == "added" and isinstance(value, dict):
        return f"added a missed claim: {value.get('text', '')}"
    return str(value).replace("_", " ")


def history_by_claim(history: Sequence[Decision]) -> dict[str, list[Decision]]:
    grouped: dict[str, list[Decision]] = {}
    for decision in history:
        grouped.setdefault(decision.claim_key, []).append(decision)
    return grouped


def label(value: str | None) -> str:
    return (value or "—").replace("_", " ")


# --- the triage list ----------------------------------------------------------------------------

# (icon, words, Streamlit colour): every chip says its state in words and an icon, never colour alone.
VERDICT_CHIPS = {
    "supported": (":material/check_circle:", "supported", "green"),
    "contradicted": (":material/cancel:", "contradicted", "red"),
    "conflicting": (":material/compare_arrows:", "conflicting", "violet"),
    "not_enough_evidence": (":material/help:", "unclear", "orange"),
    None: (":material/radio_button_unchecked:", "unchecked", "gray"),
}
STATUS_CHIPS = {
    "open": (":material/pending:", "open", "gray"),
    "done": (":material/task_alt:", "done", "green"),
    "needs_work": (":material/flag:", "needs work", "orange"),
    "not_a_claim": (":material/block:", "not a claim", "gray"),
}
ROW_TEXT_CHARS = 90
ROW_OUTLET_CHARS = 16


def chip(kind: dict[Any, tuple[str, str, str]], value: str | None) -> str:
    """A Streamlit badge (colour, icon and words) for a verdict or status; an unknown value says its name."""
    icon, words, colour = kind.get(value) or (":material/label:", label(value), "gray")
    return f":{colour}-badge[{icon} {words}]"


def row_label(item: ReviewedClaim) -> str:
    """One line of the triage list: verdict and status chips, id, outlet, check-worthiness, the claim's start."""
    text = " ".join(item.claim.text.split())
    if len(text) > ROW_TEXT_CHARS:
        text = text[: ROW_TEXT_CHARS - 1].rstrip() + "…"
    outlet = item.outlet.name if item.outlet else "—"
    if len(outlet) > ROW_OUTLET_CHARS:
        outlet = outlet[: ROW_OUTLET_CHARS - 1].rstrip() + "…"
    return (f"{chip(VERDICT_CHIPS, item.verdict)} {chip(STATUS_CHIPS, item.status)} **{item.claim.id}** "
            f"{md_escape(outlet)} · {item.claim.checkworthiness:.2f} · {md_escape(text)}")


def link_text(item: ReviewedClaim) -> str:
    """The link in words; a confidence only where the machine named a source (never "none · 1.00")."""
    attribution = item.attribution
    if attribution.outlet is None and not attribution.speaker:
        return "no source cited"
    words = label(attribution.kind)
    if item.link_corrected:
        return f"{words} · set by reviewer"
    confidence = f" · machine confidence {attribution.confidence:.2f}"
    return words + confidence + (" · confirmed" if item.link_confirmed else "")


def verdict_text(item: ReviewedClaim) -> str:
    """The verdict in words: a reviewer's verdict stands alone, the machine's carries its score."""
    if item.verdict is None:
        return "not checked against the evidence"
    if item.verdict_overridden:
        return f"{label(item.verdict)} (set by reviewer)"
    score = f" · machine score {item.check.verdict.score:.2f}" if item.check else ""
    return f"{label(item.verdict)}{score}"


SOURCE_WORDS = {
    "confirmed": "the cited outlet's own reporting says this",
    "contradicted": "the cited outlet's own reporting says otherwise",
    "not_found": "none of the cited outlet's stored reporting says this",
    "no_source": "the claim cites no outlet",
    "unchecked": "the corrected link has not been checked yet",
}


@dataclass(frozen=True)
class Progress:
    """How far the review is: done, needs work and open, out of the claims still on the to-do list."""

    done: int
    needs_work: int
    open: int
    not_a_claim: int

    @property
    def total(self) -> int:
        return self.done + self.needs_work + self.open


def progress(items: Sequence[ReviewedClaim]) -> Progress:
    statuses = [item.status for item in items]
    return Progress(statuses.count("done"), statuses.count("needs_work"), statuses.count("open"),
                    statuses.count("not_a_claim"))


def neighbour(items: Sequence[ReviewedClaim], selected: str | None, step: int) -> str | None:
    """The claim `step` rows away from the selected one in the list shown (j/k), staying at the ends."""
    ids = [item.claim.id for item in items]
    if not ids:
        return None
    if selected not in ids:
        return ids[0]
    return ids[max(0, min(len(ids) - 1, ids.index(selected) + step))]


def unconfirmed_links_at_least(items: Sequence[ReviewedClaim], confidence: float) -> list[ReviewedClaim]:
    """Claims whose machine link names a source with at least this confidence and nobody confirmed yet."""
    return [item for item in items
            if not (item.link_confirmed or item.link_corrected) and item.status != "not_a_claim"
            and (item.attribution.outlet is not None or item.attribution.speaker)
            and item.attribution.confidence >= confidence]


def outlet_choice_order(entries: Iterable[Any]) -> list[tuple[str, str]]:
    """(id, label) for the outlet picker, ordered by each outlet's shortest Latin name.

    The picker filters by "contains" and keeps this order, so typing "AFP" offers AFP before
    "AFP Fact Check", and "BBC" the BBC before "BBC Arabic".
    """
    def shortest(entry: Any) -> str:
        names = [n for n in (entry.name, *(getattr(entry, "aliases", ()) or ())) if n and n.isascii()]
        return min(names, key=lambda n: (len(n), n.casefold())).casefold() if names else entry.name.casefold()

    ordered = sorted(entries, key=lambda e: (shortest(e), e.name.casefold()))
    return [(e.id, e.name if shortest(e) in e.name.casefold() else f"{e.name} ({shortest(e).upper()})")
            for e in ordered]


# --- evidence beside the claim ---------------------------------------------------------------------

_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")


def comparison_spans(claim: Claim, passage: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """Spans to mark in the claim and in a passage: figures and dates that agree ("match") or differ
    ("conflict"), and names both give ("name"). Offsets are into claim.text and into the passage."""
    from checker.numbers import find_numbers

    claim_numbers = [(n.start - claim.start, n.end - claim.start, n) for n in claim.numbers
                     if 0 <= n.start - claim.start < n.end - claim.start <= len(claim.text)]
    passage_numbers = find_numbers(passage)
    claim_marks: list[tuple[int, int, str]] = []
    passage_marks: list[tuple[int, int, str]] = []
    for start, end, number in claim_numbers:
        same = [p for p in passage_numbers if _same_number(number, p)]
        other = [p for p in passage_numbers if p.kind == number.kind and not _same_number(number, p)]
        if same:
            claim_marks.append((start, end, "match"))
            passage_marks.extend((p.start, p.end, "match") for p in same)
        elif other:
            claim_marks.append((start, end, "conflict"))
            passage_marks.extend((p.start, p.end, "conflict") for p in other)
    shared = {m.group(0) for m in _NAME.finditer(claim.text)} & {m.group(0) for m in _NAME.finditer(passage)}
    for name in shared:
        claim_marks.extend((m.start(), m.end(), "name") for m in re.finditer(re.escape(name), claim.text))
        passage_marks.extend((m.start(), m.end(), "name") for m in re.finditer(re.escape(name), passage))
    return claim_marks, passage_marks


def _same_number(a: Any, b: Any) -> bool:
    if a.value is None or b.value is None:
        return a.text == b.text
    low, high = (b.low if b.low is not None else b.value), (b.high if b.high is not None else b.value)
    return a.kind == b.kind and low <= a.value <= high


# --- people ----------------------------------------------------------------------------------------


def desk_link(base_url: str, analysis_id: int, claim_id: str | None = None) -> str:
    """The address that opens this analysis (and claim) for a colleague; never carries the reviewer's name."""
    from checker.export import claim_link

    return claim_link(base_url, analysis_id, claim_id)


def who_cites_whom(items: Sequence[ReviewedClaim]) -> str:
    """Graphviz DOT: outlets -> claims -> speakers, every label quoted and escaped."""
    lines = ['digraph citations {', '  rankdir=LR; node [shape=box, style="rounded,filled", fontsize=11];']
    for item in items:
        claim_node = f"claim {item.claim.id}"
        text = " ".join(item.claim.text.split())
        lines.append(f'  {_dot(claim_node)} [label={_dot(item.claim.id + ": " + text[:40] + ("…" if len(text) > 40 else ""))}, '
                     f'fillcolor="#f3f4f6"];')
        if item.outlet:
            lines.append(f'  {_dot("outlet " + item.outlet.id)} [label={_dot(item.outlet.name)}, fillcolor="#dbeafe"];')
            lines.append(f'  {_dot("outlet " + item.outlet.id)} -> {_dot(claim_node)};')
        if item.speaker:
            lines.append(f'  {_dot("speaker " + item.speaker)} [label={_dot(item.speaker)}, fillcolor="#fef3c7"];')
            lines.append(f'  {_dot(claim_node)} -> {_dot("speaker " + item.speaker)};')
    lines.append("}")
    return "\n".join(lines)


def _dot(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


# --- the Evidence page ------------------------------------------------------------------------------

LOCAL_FILES_FLAG = "CHECKER_DESK_LOCAL_FILES"
SEARCH_EXPLAINED = (
    "**similarity**: how close a passage is in meaning to your words (0–1, the cosine of the two sentence "
    "vectors; above about 0.5 usually means the same topic). **score**: the search's own ranking, which "
    "adds the exact words and names found to the meaning (higher ranks first; only comparable within one "
    "search)."
)


def local_files_allowed() -> bool:
    """Reading files on the server from the Evidence page: off unless set for a single-user desk.

    A served desk must not let any browser user load (and read back through search) files of the server.
    """
    return os.environ.get(LOCAL_FILES_FLAG, "").strip().lower() in {"1", "true", "yes", "on"}


def is_web_address(source: str) -> bool:
    return source.strip().lower().startswith(("http://", "https://"))


def relevant_hits(hits: Sequence[Any], min_similarity: float) -> tuple[list[Any], list[Any]]:
    """(shown, hidden): a hit is shown when it is close in meaning or the search found its words."""
    shown = [h for h in hits if h.similarity >= min_similarity or getattr(h, "lexical_rank", None) is not None]
    return shown, [h for h in hits if h not in shown]


def search_min_similarity() -> float:
    """The relevance floor of the Evidence page's search, from data/review.toml (a journalist can edit it)."""
    import tomllib

    from checker.config import DATA_DIR

    with open(DATA_DIR / "review.toml", "rb") as file:
        return float(tomllib.load(file)["evidence_search"]["min_similarity"])

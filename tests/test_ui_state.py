"""The desk's screen-ready arrangements, without a browser: ordering, comparison marks, links, filters."""
from __future__ import annotations

from dataclasses import dataclass

from checker.models import Attribution, Claim, NumberMention, Outlet
from checker.review import ReviewedClaim
from checker.ui_state import (
    comparison_spans,
    desk_link,
    link_text,
    neighbour,
    outlet_choice_order,
    relevant_hits,
    row_label,
    unconfirmed_links_at_least,
    who_cites_whom,
)


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    similarity: float
    lexical_rank: int | None = None


def reviewed(claim_id: str, attribution: Attribution = Attribution(), text: str = "Five rockets hit.",
             **fields) -> ReviewedClaim:
    claim = Claim(id=claim_id, text=text, start=0, end=len(text), sentence_index=0, sentence=text,
                  checkworthiness=0.8, attribution=attribution)
    values = dict(claim=claim, check=None, attribution=attribution, verdict=None, verdict_reasons=(),
                  status="open", note=None, link_confirmed=False, link_corrected=False, verdict_overridden=False,
                  reviewer=None, reviewed_at=None)
    values.update(fields)
    return ReviewedClaim(**values)


def test_afp_comes_before_afp_fact_check_and_bbc_before_bbc_arabic() -> None:
    entries = [Entry("afp-fact-check", "AFP Fact Check", ("AFP Factuel",)), Entry("bbc-arabic", "BBC Arabic"),
               Entry("afp", "Agence France-Presse (AFP)", ("AFP", "فرانس برس")), Entry("bbc", "BBC", ("BBC News",))]
    ids = [entry_id for entry_id, _ in outlet_choice_order(entries)]
    assert ids.index("afp") < ids.index("afp-fact-check") and ids.index("bbc") < ids.index("bbc-arabic")


def test_figures_that_agree_and_differ_are_marked_on_both_sides() -> None:
    text = "Rockets killed 12 people in Baghdad on Friday."
    claim = Claim(id="c1", text=text, start=100, end=100 + len(text), sentence_index=0, sentence=text,
                  checkworthiness=0.9, numbers=(NumberMention("12", 115, 117, 12.0),))
    agreeing, passage_marks = comparison_spans(claim, "Reuters: 12 people died in Baghdad.")
    assert (15, 17, "match") in agreeing and (9, 11, "match") in passage_marks
    assert any(kind == "name" for *_, kind in passage_marks)  # Baghdad, in both
    conflicting, passage_marks = comparison_spans(claim, "AFP says 40 people died.")
    assert (15, 17, "conflict") in conflicting and (9, 11, "conflict") in passage_marks


def test_keyboard_neighbours_stay_inside_the_list() -> None:
    items = [reviewed(f"c{n}") for n in (1, 2, 3)]
    assert neighbour(items, "c1", 1) == "c2" and neighbour(items, "c3", 1) == "c3"
    assert neighbour(items, "c1", -1) == "c1" and neighbour(items, "c9", 1) == "c1" and neighbour([], None, 1) is None


def test_bulk_confirmation_takes_only_unconfirmed_sourced_links_at_the_level() -> None:
    cited = Attribution(kind="indirect", outlet=Outlet("afp", "AFP"), confidence=0.95)
    items = [reviewed("c1", cited), reviewed("c2", Attribution(kind="indirect", speaker="an official", confidence=0.6)),
             reviewed("c3", cited, link_confirmed=True), reviewed("c4"), reviewed("c5", cited, status="not_a_claim")]
    assert [i.claim.id for i in unconfirmed_links_at_least(items, 0.9)] == ["c1"]
    assert [i.claim.id for i in unconfirmed_links_at_least(items, 0.5)] == ["c1", "c2"]


def test_words_instead_of_a_meaningless_confidence() -> None:
    assert link_text(reviewed("c1")) == "no source cited"
    cited = Attribution(kind="according_to", outlet=Outlet("afp", "AFP"), confidence=0.9)
    assert link_text(reviewed("c1", cited)) == "according to · machine confidence 0.90"
    assert link_text(reviewed("c1", cited, link_corrected=True)) == "according to · set by reviewer"


def test_rows_escape_markdown_and_links_carry_no_reviewer() -> None:
    row = row_label(reviewed("c1", text="[click](javascript:alert(1)) *now*"))
    assert "[click]" not in row and "\\[click\\]" in row
    assert desk_link("http://desk:8501/", 7, "c3") == "http://desk:8501/?analysis=7&claim=c3"


def test_unrelated_search_hits_are_hidden_unless_their_words_matched() -> None:
    shown, hidden = relevant_hits([Hit(0.8), Hit(0.1), Hit(0.1, lexical_rank=2)], 0.4)
    assert [h.similarity for h in shown] == [0.8, 0.1] and hidden == [Hit(0.1)]


def test_who_cites_whom_quotes_every_label() -> None:
    item = reviewed("c1", Attribution(kind="indirect", outlet=Outlet("x", 'Evil "quote" \\ outlet'),
                                      speaker='a "source"'))
    dot = who_cites_whom([item])
    assert 'label="Evil \\"quote\\" \\\\ outlet"' in dot and '"outlet x" -> "claim c1"' in dot
    assert '"claim c1" -> "speaker a \\"source\\""' in dot

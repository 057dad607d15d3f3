"""English named sources that were wrong in general ways (classes read from GUM train's false positives; the
sentences here are written for the tests): a question's auxiliary read into its subject, a clause before "and" taken
for the subject, nouns and participles read as reporting verbs, a reason after "citing", a frame repeating the
sentence's own link, a name running into the clause after it."""
from __future__ import annotations

from checker.attribution import sentence_links
from checker.doc import make_doc
from checker.outlets import load_registry


def links(text: str) -> list[tuple[str, str | None, str | None]]:
    """(cue, speaker, outlet name) of every link the one-sentence text states."""
    found = sentence_links(make_doc(text), load_registry())
    return [(link.cue.text, link.speaker.text if link.speaker else None,
             link.outlet.outlet.name if link.outlet else None) for link in found.get(0, [])]


def test_a_question_s_subject_is_not_its_auxiliary() -> None:
    assert links("Do you think the new budget will pass in March?") == [("think", "you", None)]


def test_a_new_subject_after_and_speaks_not_the_clause_before() -> None:
    assert links("The talks began on Monday and the ministry says they will continue for three more days.") == [
        ("says", "the ministry", None)]


def test_a_participle_used_as_an_adjective_keeps_the_whole_subject() -> None:
    # "combined", "elected" after a determiner or an adverb describe the noun: no clause ends there
    assert links("The combined forces of Syria and Russia said the town was retaken.") == [
        ("said", "The combined forces of Syria and Russia", None)]
    assert links("The newly elected president and his deputy said the vote was fair.") == [
        ("said", "The newly elected president and his deputy", None)]


def test_a_pronoun_subject_before_a_coordinated_verb_is_the_speaker() -> None:
    assert [speaker for _, speaker, _ in links("He read the report twice and said it was flawed.")] == ["He"]


def test_nouns_and_participles_are_no_reporting_verbs() -> None:
    assert links("The mayor traveled to Brussels in hopes that the city would receive 40 million euros.") == []
    assert links("Two fishermen found in the river were taken to the hospital on Sunday.") == []
    assert links("The poet wrote about the war in 1865.") == []
    assert links("The two countries have maintained a policy of turning away migrant boats.") == []


def test_a_reason_after_citing_is_no_source() -> None:
    assert all(speaker != "security concerns" for _, speaker, _ in
               links("Citing security concerns, the ministry closed three border crossings on Sunday."))


def test_a_frame_that_repeats_the_sentence_s_link_is_not_a_second_source() -> None:
    assert links("In a statement to Reuters, the ministry said the talks would resume on Monday.") == [
        ("said", "the ministry", "Reuters")]


def test_a_name_after_according_to_ends_before_the_clause() -> None:
    assert links("According to Carter the old warehouse in Boston was sold for $4 million.") == [
        ("According to", "Carter", None)]

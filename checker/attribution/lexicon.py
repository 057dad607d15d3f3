"""The cue lexicon: data/cues.toml's phrases and word lists, compiled once, and the `Cue` found with them.

A journalist edits cues.toml; everything attribution reads from it arrives here as one frozen `Lexicon`.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Literal

from checker.config import DATA_DIR
from checker.errors import CheckerError
from checker.normalize import fold, search_form

CueRole = Literal["according_to", "speech", "frame", "backward"]
ROLES: tuple[CueRole, ...] = ("backward", "frame", "according_to", "speech")
WORD_LETTERS = re.compile(r"\w+")  # what the cue patterns' edges (?<!\w), (?!\w) count as inside a word
_GATED_LISTS = (("speech_complement", "content", False), ("intention", "intention", False), ("stance", "stance", False),
                ("possessed_nouns", "content", True))


@dataclass(frozen=True)
class Cue:
    text: str
    start: int
    end: int
    role: CueRole
    arabic: bool


@dataclass(frozen=True)
class Lexicon:
    """Everything attribution reads from data/cues.toml, compiled once."""

    patterns: tuple[tuple[CueRole, bool, re.Pattern[str]], ...]
    # Per pattern, the first words of its phrases (`_first_words`): a sentence holding none is not scanned.
    first_words: tuple[frozenset[str] | None, ...]
    # First word -> English cues that count only before their content ("pointed out that", "wants to", "criticized
    # X for", "Trump's claim that"): (phrase, gate name, after a possessive only).
    gated: dict[str, tuple[tuple[str, str, bool], ...]]
    ar_stops: frozenset[str]
    ar_time_words: frozenset[str]
    ar_not_speaker_openers: frozenset[str]
    ar_aside_stops: frozenset[str]
    ar_act_subject_ends: frozenset[str]
    ar_stop_phrases: tuple[str, ...]
    ar_relatives: frozenset[str]
    anonymous: tuple[str, ...]
    citing: frozenset[str]
    outlet_generic: frozenset[str]
    outlet_back: frozenset[str]
    document_back: frozenset[str]  # outlet_back phrases that name a document ("the report", "التقرير")
    outlet_back_kinds: dict[str, str]
    pronouns: frozenset[str]
    en_not_speaker: frozenset[str]
    en_pronoun_verbs: frozenset[str]
    en_passive_speaker: frozenset[str]
    en_source_heads: frozenset[str]
    en_roles: frozenset[str]
    en_study_nouns: frozenset[str]
    ar_speech_verbs: frozenset[str]
    ar_participles: frozenset[str]
    ar_not_sources: frozenset[str]
    ar_act_verbs: frozenset[str]
    # Present-tense cue verbs whose damma on the prefix is the active voice (Forms II-IV: «يُشير», «يُؤكّد»).
    ar_damma_active: frozenset[str]
    ar_address_frames: tuple[str, ...]
    ar_name_quoters: frozenset[str]
    en_aside_participles: frozenset[str]
    en_determiners: frozenset[str]
    en_auxiliaries: frozenset[str]
    en_leading: frozenset[str]
    en_asides: tuple[str, ...]
    en_credit_openers: frozenset[str]
    en_relative_openers: tuple[str, ...]
    en_speaker_tails: tuple[str, ...]
    en_inverting: frozenset[str]
    ar_addressees: tuple[str, ...]
    en_phrase_end: re.Pattern[str]
    ar_subject_first: frozenset[str]
    ar_statement_nouns: frozenset[str]
    ar_pronoun_addressees: frozenset[str]
    ar_pronoun_sources: frozenset[str]
    ar_carrier_words: frozenset[str]
    ar_an_verbs: frozenset[str]
    ar_content_openers: dict[str, str]
    # verb -> the word it needs later in its clause ("ان", "عن"; "ان|ب": either; "بيانا|بلاغا|...": a statement noun)
    ar_complement: dict[str, str]
    ar_ba_not_objects: frozenset[str]  # «بقيمة», «بعد»: a ب-word that is no verb's object
    # «أضاف» (and «أضافت») -> «الهدف», «قائمة»: words of its sense that reports nothing
    ar_other_sense: dict[str, frozenset[str]]
    ar_document_verbs: frozenset[str]  # "جاء" of "جاء في" ([complement]): the document after it is the source
    ar_name_links: frozenset[str]
    ar_name_titles: frozenset[str]
    ar_role_words: frozenset[str]
    ar_object_first_verbs: frozenset[str]  # «وصف»: reports only clause-first, before a subject naming someone
    ar_appositive_acts: frozenset[str]  # «رفض»: a statement only before a subject naming the actor between commas
    ar_agent_heads: frozenset[str]  # «البيت الأبيض», «الحكومة»: definite subjects that name a body
    ar_common_first_names: frozenset[str]
    ar_pluperfect: frozenset[str]
    ar_topic: frozenset[str]
    ar_fronted_prepositions: frozenset[str]
    ar_by_saying: frozenset[str]
    ar_by_saying_objects_of: frozenset[str]
    ar_types: tuple[str, ...]
    ar_media_words: tuple[str, ...]
    en_media_words: frozenset[str]
    en_verbs_past: frozenset[str]
    en_noun_cues: frozenset[str]


def _phrase_pattern(phrase: str, arabic: bool) -> str:
    """A cue phrase as a regex; "*" stands for up to two words ("في مقابلة * مع" = "في مقابلة حصرية نادرة مع")."""
    words = fold(phrase).split()
    head = "".join(r"(?:\S+\s+){0,2}" if w == "*" else re.escape(w) + r"\s+" for w in words[:-1])
    if arabic and words[-1] == "ل":
        # "وفقا لـ", "في تصريح لـ": the ل is glued to the next word.
        return head + r"ل\s*ـ?\s*"
    return head + re.escape(words[-1]) + r"(?!\w)"


def _compile(phrases: list[str], arabic: bool) -> re.Pattern[str]:
    body = "|".join(_phrase_pattern(p, arabic) for p in sorted(phrases, key=len, reverse=True))
    prefix = "[وف]?" if arabic else ""
    return re.compile(rf"(?<!\w){prefix}(?:{body})")


@cache
def load_lexicon() -> Lexicon:
    with open(DATA_DIR / "cues.toml", "rb") as handle:
        data = tomllib.load(handle)
    ba_not_objects = frozenset(fold(w) for w in data["complement"].pop("ba_not_objects"))
    other_sense = {fold(verb): frozenset(fold(w) for w in words) for verb, words in data["other_sense"].items()}
    complement = {fold(verb): fold(word) for word, verbs in data["complement"].items() for verb in verbs}
    # Statements by act, and the verbs that need their complement ("وبيّن X أن"), are read as speech.
    data["ar"]["speech"] = [*data["ar"]["speech"], *data["ar"]["act"], *(v for vs in data["complement"].values()
                                                                         for v in vs),
                            *data["speaker"]["ar_appositive_acts"]]
    patterns = tuple((role, lang == "ar", _compile(data[lang][role], lang == "ar"))
                     for role in ROLES for lang in ("ar", "en"))
    first_words = tuple(_first_words(data[lang][role], lang == "ar") for role in ROLES for lang in ("ar", "en"))
    speaker, pattern = data["speaker"], data["outlet_pattern"]
    folded = lambda words: frozenset(fold(w) for w in words)  # noqa: E731
    unlisted = folded(speaker["document_back"]) - folded(speaker["outlet_back"])
    if unlisted:
        raise CheckerError(f"cues.toml: document_back phrases must also be in outlet_back: {sorted(unlisted)}")
    return Lexicon(
        patterns=patterns,
        first_words=first_words,
        gated=_gated(data["en"]),
        ar_stops=folded(speaker["ar_stops"]),
        ar_time_words=folded(speaker["ar_time_words"]),
        ar_not_speaker_openers=folded(speaker["ar_not_speaker_openers"]),
        ar_aside_stops=folded(speaker["ar_aside_stops"]),
        # the adverbs listed for it, and the time words and complementisers, which end an act's subject too
        ar_act_subject_ends=folded([*speaker["ar_act_subject_ends"], *speaker["ar_time_words"],
                                    *speaker["ar_not_speaker_openers"]]),
        ar_stop_phrases=tuple(fold(p) + " " for p in speaker["ar_stop_phrases"]),
        ar_relatives=folded(speaker["ar_relatives"]),
        anonymous=tuple(fold(w) for w in speaker["anonymous"]),
        citing=folded(speaker["citing"]),
        outlet_generic=folded(speaker["outlet_generic"]),
        outlet_back=folded(speaker["outlet_back"]),
        document_back=folded(speaker["document_back"]),
        outlet_back_kinds={fold(p): kind for kind, phrases in data["outlet_back_kinds"].items() for p in phrases},
        pronouns=folded(speaker["pronouns"]),
        en_not_speaker=folded(speaker["en_not_speaker"]),
        en_pronoun_verbs=folded(speaker["en_pronoun_verbs"]),
        en_passive_speaker=folded(speaker["en_passive_speaker"]),
        en_source_heads=folded(speaker["en_source_heads"]),
        en_roles=folded(speaker["en_roles"]),
        en_study_nouns=folded(speaker["en_study_nouns"]),
        ar_speech_verbs=folded(data["ar"]["speech"]),
        ar_participles=folded(speaker["ar_participles"]),
        ar_not_sources=folded(speaker["ar_not_sources"]),
        ar_act_verbs=folded(data["ar"]["act"]),
        ar_damma_active=frozenset(search_form(w) for w in data["ar"]["damma_active"]),
        ar_address_frames=tuple(sorted((fold(w) for w in speaker["ar_address_frames"]), key=len, reverse=True)),
        ar_name_quoters=folded(speaker["ar_name_quoters"]),
        en_aside_participles=folded(data["en"]["aside_participles"]),
        en_determiners=folded([*speaker["en_determiners"], *speaker["pronouns"]]),
        en_auxiliaries=folded(speaker["en_auxiliaries"]),
        en_leading=folded(speaker["en_leading"]),
        en_asides=tuple(fold(w) for w in speaker["en_asides"]),
        en_credit_openers=folded(speaker["en_credit_openers"]),
        en_relative_openers=tuple(fold(w) for w in speaker["en_relative_openers"]),
        en_speaker_tails=tuple(fold(w) for w in speaker["en_speaker_tails"]),
        en_inverting=folded(speaker["en_inverting"]),
        ar_addressees=tuple(fold(w) for w in speaker["ar_addressees"]),
        en_phrase_end=_phrase_end(speaker["en_abbreviations"]),
        ar_subject_first=folded(speaker["ar_subject_first"]),
        ar_statement_nouns=folded(speaker["ar_statement_nouns"]),
        ar_pronoun_addressees=folded(speaker["ar_pronoun_addressees"]),
        ar_pronoun_sources=folded(speaker["ar_pronoun_sources"]),
        ar_carrier_words=folded(speaker["ar_carrier_words"]),
        ar_an_verbs=folded(speaker["ar_an_verbs"]) | {verb for verb, word in complement.items() if word == "عن"},
        ar_complement=complement,
        ar_ba_not_objects=ba_not_objects,
        ar_other_sense=other_sense,
        ar_document_verbs=frozenset(prefix + key.split()[0] for key in complement if " " in key for prefix in ("", "و")),
        ar_content_openers={fold(verb): fold(word) for word, verbs in data["content_openers"].items() for verb in verbs},
        ar_name_links=folded(speaker["ar_name_links"]),
        ar_name_titles=frozenset(search_form(w) for w in speaker["ar_name_titles"]),
        ar_role_words=frozenset(search_form(w) for w in speaker["ar_role_words"]),
        ar_object_first_verbs=frozenset(search_form(w) for w in speaker["ar_object_first_verbs"]),
        ar_appositive_acts=frozenset(search_form(w) for w in speaker["ar_appositive_acts"]),
        ar_agent_heads=frozenset(search_form(w) for w in speaker["ar_agent_heads"]),
        ar_common_first_names=frozenset(search_form(w) for w in speaker["ar_common_first_names"]),
        ar_pluperfect=folded(speaker["ar_pluperfect"]),
        ar_topic=folded(speaker["ar_topic"]),
        ar_fronted_prepositions=folded(speaker["ar_fronted_prepositions"]),
        ar_by_saying=folded(speaker["ar_by_saying"]),
        ar_by_saying_objects_of=folded(speaker["ar_by_saying_objects_of"]),
        ar_types=tuple(sorted((fold(w) for w in pattern["ar_types"]), key=len, reverse=True)),
        ar_media_words=tuple(fold(w) for w in pattern["ar_media_words"]),
        en_media_words=frozenset(pattern["en_media_words"]),
        en_verbs_past=folded(speaker["en_verbs_past"]),
        en_noun_cues=folded(speaker["en_noun_cues"]),
    )


def _first_words(phrases: list[str], arabic: bool) -> frozenset[str] | None:
    """The word each phrase's match opens with (its first word's letters up to any other character); None when a
    phrase could open otherwise (with a symbol, or a lone glued "ل").

    `_compile`'s pattern matches only where no letter precedes, so a match opens a word of the text: that word,
    without a leading و/ف for Arabic, is the phrase's first word (which is followed by a space, a non-letter, or
    the end of the phrase, where the pattern wants no letter)."""
    firsts = set()
    for phrase in phrases:
        words = fold(phrase).split()
        first = WORD_LETTERS.match(words[0]) if words else None
        if first is None or (arabic and len(words) == 1 and words[0] == "ل"):
            return None
        firsts.add(first.group())
    return frozenset(firsts)


def _phrase_end(abbreviations: list[str]) -> re.Pattern[str]:
    """Where a phrase after a cue ends ("according to X, ..."); "U.S." and "Mr." do not end it."""
    not_abbreviation = "".join(rf"(?<!\b{re.escape(a)})" for a in abbreviations)
    return re.compile(rf"[,;:\"“”()—–]|''|(?<![A-Z]){not_abbreviation}\.(?=\s|$)"
                      r"|\s(?:that|on|in|at|as|who|after|before|when|because)\s|(?<!\bclose)\sto\s")


def _gated(data: dict[str, list[str]]) -> dict[str, tuple[tuple[str, str, bool], ...]]:
    """First word -> (phrase, gate, after a possessive only), longest phrase first, for every gated English list."""
    by_word: dict[str, list[tuple[str, str, bool]]] = {}
    for key, gate, possessed in _GATED_LISTS:
        for phrase in sorted((fold(p) for p in data[key]), key=len, reverse=True):
            by_word.setdefault(phrase.split()[0], []).append((phrase, gate, possessed))
    return {word: tuple(sorted(found, key=lambda item: -len(item[0]))) for word, found in by_word.items()}

"""The outlet registry: every spelling of an outlet finds it; ordinary words do not."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass

import pytest

from checker.config import DATA_DIR
from checker.errors import InputError
from checker.outlets import OutletContext, load_registry, parse_registry


def test_registry_covers_a_middle_east_desk_in_both_languages() -> None:
    entries = load_registry().entries()
    assert len(entries) >= 80
    assert {e.kind for e in entries} <= {"wire", "newspaper", "tv", "site", "magazine", "fact-checker"}
    arabic = [e for e in entries if any("\u0600" <= c <= "\u06ff" for a in e.aliases for c in a)]
    assert len(arabic) >= 80
    for wanted in ("afp", "israel-hayom", "yedioth", "times-of-israel", "wsj", "washington-post", "bfm-tv",
                   "europe-1", "l-est-republicain", "mcclatchy", "cnn", "irna", "tasnim", "anadolu", "rt", "haaretz"):
        assert load_registry().get(wanted) is not None, wanted


@pytest.mark.parametrize(("name", "outlet_id"), [
    ("فرانس برس", "afp"), ("وكالة الصحافة الفرنسية", "afp"), ("وكالة الأنباء الفرنسية", "afp"),
    ("Agence France-Presse", "afp"), ("AFP", "afp"), ("afp", "afp"),
    ("إسرائيل اليوم", "israel-hayom"), ("يسرائيل هيوم", "israel-hayom"), ("Israel Hayom", "israel-hayom"),
    ("صحيفة “إسرائيل اليوم”", "israel-hayom"), ("اسرائيل اليوم", "israel-hayom"),
    ("هآرتس", "haaretz"), ("هارتس", "haaretz"), ("يديعوت أحرونوت", "yedioth"), ("واينت", "yedioth"), ("Ynet", "yedioth"),
    ("the New York Times", "nyt"), ("The Wall Street Journal", "wsj"), ("جزيرة", "al-jazeera"), ("الجزيرة", "al-jazeera"),
    ("روسيا اليوم", "rt"), ("Russia Today", "rt"), ("L'Est Republicain", "l-est-republicain"),
    ("وكالة رويترز", "reuters"), ("رويترز", "reuters"), ("سي إن إن", "cnn"), ("تسنيم", "tasnim"),
])
def test_find_any_spelling(name: str, outlet_id: str) -> None:
    found = load_registry().find(name)
    assert found is not None and found.id == outlet_id and found.known


def test_find_unknown_name_is_none() -> None:
    assert load_registry().find("Kurdistan Chronicle") is None


def test_find_in_gives_spans_without_clitics() -> None:
    text = "وقال مسؤول لوكالة “فرانس برس” إن 3 صواريخ سقطت، ووفق رويترز فإن الإنذار انطلق. Newsweek, citing AP, said so."
    found = [(o.id, text[s:e]) for o, s, e in load_registry().find_in(text)]
    assert found == [("afp", "فرانس برس"), ("reuters", "رويترز"), ("newsweek", "Newsweek"), ("ap", "AP")]


@pytest.mark.parametrize("text", [
    "At this time, 12 people were killed.", "The times have changed.", "An AP-style rule.",
    "ارتفعت الأسعار في الوطن العربي.", "استمر القصف طوال النهار.", "بثت الأخبار المحلية الخبر.",
    "كان الجيش قد أعلن.", "روسيا اليوم تعلن التعبئة.", "He ran to the hill.",
])
def test_ambiguous_aliases_need_context(text: str) -> None:
    assert load_registry().find_in(text) == []


@pytest.mark.parametrize(("text", "outlet_id"), [
    ("ذكرت صحيفة الوطن أن", "al-watan"), ("نقلت صحيفة “النهار” عن", "an-nahar"), ("Time magazine reported", "time"),
    ("told The Times on Monday", "the-times"), ("WASHINGTON (AP) — Officials", "ap"), ("قناة روسيا اليوم", "rt"),
    ("According to the AP, 3 died", "ap"), ("وقالت قناة الجزيرة", "al-jazeera"),
])
def test_ambiguous_aliases_with_context(text: str, outlet_id: str) -> None:
    assert [o.id for o, _, _ in load_registry().find_in(text)] == [outlet_id]


@dataclass
class StoredRow:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str | None = "site"
    country: str | None = "IQ"


def test_with_extra_adds_reviewer_outlets_and_aliases() -> None:
    base = load_registry()
    extended = base.with_extra([StoredRow("kurdistan-24", "Kurdistan 24", ("كوردستان 24",)),
                                StoredRow("afp", "AFP", ("أ.ف.ب",))])
    assert extended.find("كوردستان 24").id == "kurdistan-24"
    assert [o.id for o, _, _ in extended.find_in("وقال مصدر لقناة كوردستان 24 إن")] == ["kurdistan-24"]
    assert extended.find("أ.ف.ب").id == "afp" and extended.get("afp").name == base.get("afp").name
    assert base.find("كوردستان 24") is None
    assert len(extended.entries()) == len(base.entries()) + 1


def test_every_ambiguous_alias_is_listed_among_aliases() -> None:
    with open(DATA_DIR / "outlets.toml", "rb") as handle:
        data = tomllib.load(handle)
    ids = [o["id"] for o in data["outlet"]]
    assert len(ids) == len(set(ids))
    assert all(set(o.get("ambiguous", ())) <= set(o["aliases"]) for o in data["outlet"])


def test_bad_registry_data_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="needs an id and a name"):
        parse_registry({"outlet": [{"name": "No id"}]}, OutletContext((), ()))
    with pytest.raises(InputError, match="not among its aliases"):
        parse_registry({"outlet": [{"id": "x", "name": "X", "aliases": ["X"], "ambiguous": ["Y"]}]},
                       OutletContext((), ()))

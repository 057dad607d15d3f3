"""The learned outlet carrying (checker/attribution/carry.py) beside the rules: what a reader of the JSON notices.

Texts are written for the test in the style of wire copy and Tunisian / Gulf sites, one sentence and one claim per
line, a blank line starting a new paragraph (the story tests' reader). $CHECKER_OUTLET_CARRY asks for "learned" or
"rules" explicitly, so the tests hold whichever the model file makes the default.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from test_attribution_story import attributions

from checker.attribution.carry import ENV, FEATURES, MODEL_PATH, load_carry
from checker.errors import CheckerError
from checker.models import Attribution
from checker.report import attribution_to_dict


@pytest.fixture
def learned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "learned")


@pytest.fixture
def rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "rules")


def outlet_id(a: Attribution) -> str | None:
    return a.outlet.id if a.outlet else None


SITE_SOURCE = ("وقال مصدر أمني لـ«موقع الحدث نيوز» إن قوات الأمن اعتقلت ثلاثة مشتبه بهم في العاصمة.\n"
               "وأضاف المصدر أن التحقيقات ما زالت جارية لكشف بقية أفراد الشبكة.")


def test_a_sources_next_words_carry_the_site_it_spoke_to_and_the_json_says_the_model_chose(learned: None) -> None:
    first, added = attributions(SITE_SOURCE)
    assert outlet_id(first) == outlet_id(added) == "al-hadath"
    assert first.outlet_from == "sentence" and first.decided_by == "rules"  # its own sentence: no carrying
    shown = attribution_to_dict(added)
    assert shown["outlet_from"] in ("story", "carried") and shown["decided_by"] == "model"
    assert shown["speaker"] == "مصدر أمني"


def test_the_rules_only_path_stays_available_for_comparison(rules: None) -> None:
    first, added = attributions(SITE_SOURCE)
    assert outlet_id(added) == "al-hadath" and added.decided_by == "rules" and added.outlet_from == "carried"


def test_english_told_outlet_carries_to_the_next_official_not_to_background(learned: None) -> None:
    told, diplomat, background = attributions(
        "Two officials told Reuters that the talks had stalled over the length of the truce.\n"
        "A senior diplomat said a new proposal would be presented on Thursday.\n\n"
        "Earlier this year, the two sides agreed a prisoner exchange.")
    assert outlet_id(told) == outlet_id(diplomat) == "reuters" and diplomat.outlet_from == "story"
    assert background.outlet is None  # the desk's own background is not Reuters' reporting


def test_arabic_background_the_desk_adds_carries_no_earlier_outlet(learned: None) -> None:
    *_, background = attributions(
        "وأكد الخبير الاقتصادي محمد الصادق جبنون في تصريح لإذاعة جوهرة أف أم أن نسبة التضخم ستتجاوز 7 بالمائة.\n"
        "وأوضح جبنون أن تراجع الدينار سيرفع أسعار المواد المستوردة.\n"
        "يذكر أن البنك المركزي رفع نسبة الفائدة المديرية الشهر الماضي إلى 5 بالمائة.")
    assert background.outlet is None


def test_a_wire_storys_other_sources_still_take_the_dateline_when_nothing_is_carried(learned: None) -> None:
    _, officer, medics = attributions(
        "بغداد (رويترز) - انفجرت سيارة ملغومة قرب سوق شعبي في جنوب العاصمة العراقية يوم الاثنين.\n"
        "وقال ضابط في الشرطة إن 14 شخصا على الأقل قتلوا في الانفجار.\n"
        "وقال مسعفون إن عدد المصابين تجاوز الثلاثين.")
    assert outlet_id(officer) == outlet_id(medics) == "reuters"
    assert officer.outlet_from == medics.outlet_from == "dateline" and medics.speaker == "مسعفون"


def test_after_another_outlet_comes_in_its_sources_carry_it_not_the_first(learned: None) -> None:
    first, added, other, witnesses = attributions(
        "قالت مصادر محلية لوكالة رويترز إن القصف استهدف حيا سكنيا في المدينة.\n"
        "وأضافت المصادر أن عشرة أشخاص على الأقل قتلوا.\n\n"
        "ونقلت قناة الجزيرة عن شهود عيان أن النيران ما زالت مشتعلة.\n"
        "وأضاف الشهود أن فرق الإنقاذ لم تصل بعد.")
    assert outlet_id(added) == "reuters" and added.decided_by == "model"
    assert outlet_id(witnesses) == "al-jazeera" and witnesses.speaker == "شهود عيان"


def test_the_environment_chooses_rules_or_learned_and_refuses_anything_else(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "rules")
    assert load_carry() is None
    monkeypatch.setenv(ENV, "learned")
    assert load_carry() is not None
    monkeypatch.setenv(ENV, "model")
    with pytest.raises(CheckerError, match=ENV):
        load_carry()
    done = subprocess.run([sys.executable, "-m", "checker", "analyze", "-", "--fast", "--no-evidence"],
                          input="Rockets hit the base, AFP said.", capture_output=True, text=True, timeout=120,
                          env={**os.environ, ENV: "model"}, cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 2 and done.stderr.strip().splitlines() == [
        f"error: {ENV} must be 'rules' or 'learned', not 'model'"]


def test_the_model_file_a_person_edits_names_every_feature_and_no_other() -> None:
    with open(MODEL_PATH, "rb") as handle:
        data = tomllib.load(handle)
    assert set(data["weights"]) == set(FEATURES)
    assert 0 < data["threshold"] < 1 and data["default"] in ("rules", "learned")

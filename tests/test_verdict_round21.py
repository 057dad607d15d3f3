"""Round 21 of issue 9 (session 23): a claim naming a year after the stored report was published, a year the
report never names, is about an event the report could not tell: the report neither contradicts nor supports it
through a figure or a place, though it may still date the same event otherwise. The sentences written here are unit
tests, not evidence of quality."""
from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from checker.models import Attribution, Claim
from checker.store.db import open_db
from checker.store.ingest import add_text
from checker.verdict import check_claims

OPEC_2018 = ("اتفقت منظمة أوبك وحلفاؤها يوم الجمعة في فيينا على زيادة إنتاج النفط بنحو مليون برميل يوميا "
             "اعتبارا من الشهر المقبل.")
WHATSAPP_2018 = "Ireland's data protection regulator fined the messaging company 12 million euros on Tuesday over user data."


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    database = open_db(tmp_path / "claims.db")
    add_text(database, OPEC_2018, outlet="BBC", published="2018-06-22", title="أوبك ترفع الإنتاج")
    add_text(database, WHATSAPP_2018, outlet="Reuters", published="2018-05-01", title="Data fine")
    return database


def _label(db: sqlite_utils.Database, text: str) -> str:
    claim = Claim(id="c1", text=text, start=0, end=len(text), sentence_index=0, sentence=text, checkworthiness=0.9,
                  attribution=Attribution(kind="none"))
    (result,) = check_claims(db, [claim])
    return result.verdict.label


@pytest.mark.parametrize("text", [
    "اتفقت أوبك وحلفاؤها في أبريل 2020 على خفض إنتاج النفط بنحو 9.7 مليون برميل يوميا.",
    "Ireland's data protection regulator fined the messaging company 225 million euros in 2021 over user data.",
])
def test_a_later_event_is_not_contradicted_by_an_earlier_report(db: sqlite_utils.Database, text: str) -> None:
    assert _label(db, text) == "not_enough_evidence"


def test_the_same_figure_changed_in_the_reports_own_year_is_still_contradicted(db: sqlite_utils.Database) -> None:
    text = "Ireland's data protection regulator fined the messaging company 22 million euros in 2018 over user data."
    assert _label(db, text) == "contradicted"


def test_a_later_year_that_dates_the_reports_own_event_otherwise_is_still_contradicted(
        db: sqlite_utils.Database) -> None:
    add_text(db, "Ireland's data protection regulator fined the messaging company 12 million euros in May 2018 over "
             "user data.", outlet="AFP", published="2018-06-01", title="Data fine dated")
    text = "Ireland's data protection regulator fined the messaging company 12 million euros in May 2019 over user data."
    assert _label(db, text) == "contradicted"

"""The desk under issue 13: an analysis past its budget stops with a message, and file text is never markup."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from checker.budget import analysis_budget
from checker.errors import BudgetExceeded

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 120
ARTICLE = ("Rockets hit the US embassy in Baghdad early on Friday, two Iraqi security officials told Reuters. "
           "The embassy said about 2,500 US troops are deployed in Iraq.\n\n") * 40


def busy(seconds: float) -> int:
    """Python work (not one C call), like a stage's loop."""
    stop = time.monotonic() + seconds
    total = 0
    while time.monotonic() < stop:
        total += len(str(total))
    return total


def test_the_budget_stops_a_long_analysis_with_one_message() -> None:
    started = time.monotonic()
    with pytest.raises(BudgetExceeded, match=r"longer than 0\.5 s.*CHECKER_ANALYSIS_SECONDS"):
        with analysis_budget(0.5):
            try:
                busy(30)
            except Exception:  # noqa: BLE001 - a stage's own broad handler must not swallow the stop
                pytest.fail("the stop was swallowed")
    assert time.monotonic() - started < 2


def test_a_closed_page_stops_its_analysis_and_a_finished_one_is_not_hit_later() -> None:
    gone = threading.Event()
    threading.Timer(0.3, gone.set).start()
    with pytest.raises(BudgetExceeded, match="page that asked for it was closed"):
        with analysis_budget(60, still_wanted=lambda: not gone.is_set()):
            busy(30)
    with analysis_budget(0.3):
        busy(0.05)
    busy(0.6)  # a stop must never arrive after its block ended


def test_the_desk_stops_an_analysis_past_its_budget(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.pipeline as pipeline

    real = pipeline.analyze
    monkeypatch.setattr(pipeline, "analyze", lambda *a, **k: (busy(20), real(*a, **k))[1])
    monkeypatch.setenv("CHECKER_ANALYSIS_SECONDS", "1")
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    app.text_area(key="article_text").input(ARTICLE)
    started = time.monotonic()
    app.button(key="analyse").click().run()
    assert time.monotonic() - started < 15
    assert not app.exception, [e.value for e in app.exception]
    assert any("longer than 1 s" in error.value for error in app.error), [e.value for e in app.error]


def test_the_evidence_page_shows_an_import_summary_as_text(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKER_SKIP_EMBEDDINGS", "1")
    page = AppTest.from_file(str(ROOT / "pages" / "1_Evidence.py"), default_timeout=TIMEOUT).run()
    batch = ('{"text": "Reuters reported that 2,500 US troops are stationed in Iraq.", '
             '"outlet": "![pixel](https://tracker.example/p.png) [click](https://evil.example) <b>bold</b>"}\n'
             '{"text": "broken line", "published": \n').encode("utf-8")
    page.file_uploader(key="ev_bulk").set_value(("batch.jsonl", batch, "application/json")).run()
    page.button(key="ev_import").click().run()
    assert not page.exception
    summary = page.warning[0].value
    assert "1 added" in summary and "line 2" in summary
    assert "![" not in summary and "](" not in summary and "<b>" not in summary
    assert "pixel" in summary and "click" in summary

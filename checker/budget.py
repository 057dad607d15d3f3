"""A time budget for one analysis, and a stop when nobody is waiting for it any more.

Every stage is linear or n·log n in the text, but a budget still bounds what one
article costs a shared desk: the analysis runs in the caller's thread, and a
watchdog thread raises an exception in it when the budget is spent or when
`still_wanted()` turns false (the browser session went away). The exception is
a BaseException, like KeyboardInterrupt, so no `except Exception` inside a stage
swallows it; open transactions roll back (store/db.py) and the caller gets one
`BudgetExceeded` line. It is delivered between Python bytecodes: a single C call
(one regex, one SQLite statement) finishes first, which the linear stages keep short.
"""
from __future__ import annotations

import ctypes
import threading
import time
from contextlib import contextmanager
from typing import Callable, Iterator

from checker.config import env_number
from checker.errors import BudgetExceeded

BUDGET_ENV = "CHECKER_ANALYSIS_SECONDS"
DEFAULT_SECONDS = 120.0
POLL_SECONDS = 0.25


class _Stop(BaseException):
    """Raised inside the analysing thread by the watchdog; turned into BudgetExceeded on the way out."""


def analysis_seconds() -> float:
    """CHECKER_ANALYSIS_SECONDS, else 120 s: the most one analysis may take."""
    return env_number(BUDGET_ENV, DEFAULT_SECONDS)


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exception) if exception else None)


@contextmanager
def analysis_budget(seconds: float | None = None, *,
                    still_wanted: Callable[[], bool] = lambda: True) -> Iterator[None]:
    """Run the body within `seconds` (default: analysis_seconds()); stop it early when still_wanted() is False."""
    limit = analysis_seconds() if seconds is None else seconds
    target = threading.get_ident()
    deadline = time.monotonic() + limit
    finished = threading.Event()
    guard = threading.Lock()
    fired: list[str] = []

    def watch() -> None:
        while not finished.wait(POLL_SECONDS):
            reason = "time" if time.monotonic() >= deadline else "" if still_wanted() else "gone"
            if reason:
                with guard:
                    if not finished.is_set():
                        fired.append(reason)
                        _raise_in(target, _Stop)
                return

    watchdog = threading.Thread(target=watch, name="analysis-budget", daemon=True)
    watchdog.start()
    try:
        yield
    except _Stop:
        with guard:
            finished.set()
        raise _stopped(fired, limit) from None
    finally:
        with guard:
            finished.set()
            if fired:
                _raise_in(target, None)  # a stop that arrived as the body ended is dropped, not raised later


def _stopped(fired: list[str], limit: float) -> BudgetExceeded:
    if fired and fired[0] == "gone":
        return BudgetExceeded("the analysis was stopped: the page that asked for it was closed")
    return BudgetExceeded(f"the analysis took longer than {limit:g} s and was stopped "
                          f"({BUDGET_ENV} sets the limit): analyse the article in parts")


def page_still_open() -> Callable[[], bool]:
    """For the desk: whether the browser session that asked for this analysis is still connected."""
    from streamlit import runtime
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    context = get_script_run_ctx()
    if context is None or not runtime.exists():
        return lambda: True
    server, session_id = runtime.get_instance(), context.session_id
    return lambda: server.is_active_session(session_id)

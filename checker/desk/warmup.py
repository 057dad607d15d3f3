"""The models an analysis needs, loaded once per desk process in a background thread as soon as it serves.

Without it a reviewer's first analysis waits for every model (tens of seconds on a busy machine). The loaders
themselves keep one copy per process behind their own locks, so an analysis that starts before the warm-up
is over waits for the same load instead of starting a second one, and is told which model it waits for.
"""
from __future__ import annotations

import gc
import os
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

WARMUP_ENV = "CHECKER_DESK_WARMUP"
# A line the rules read in both languages, so their data files are read before the first article.
WARMUP_TEXT = "قالت وكالة فرانس برس إن 7 صواريخ سقطت. Reuters reported that two officials said so."


def _rules() -> None:
    from checker.pipeline import analyze

    analyze(WARMUP_TEXT)


def _sentence_model() -> None:
    from checker.embeddings import get_embedder

    get_embedder().encode(["warm up"])


def _stance_model() -> None:
    from checker.stance import cross_encoder_probabilities

    cross_encoder_probabilities([("7 صواريخ سقطت", "Seven rockets fell")])


# (what the reviewer is told, how it is loaded), in the order an analysis needs them.
STEPS: tuple[tuple[str, Callable[[], None]], ...] = (
    ("the claim and source rules", _rules),
    ("the sentence model (USE)", _sentence_model),
    ("the stance model (e5 cross-encoder; built once on a new machine)", _stance_model),
)


@dataclass
class Warmup:
    """Where the loading is: each step's state, and when it started and ended."""

    steps: tuple[tuple[str, Callable[[], None]], ...] = STEPS
    state: dict[str, str] = field(default_factory=dict)  # name -> waiting | loading | ready | failed: why
    started: dict[str, float] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    thread: threading.Thread | None = None

    def start(self) -> Warmup:
        self.state = {name: "waiting" for name, _ in self.steps}
        self.thread = threading.Thread(target=self._run, name="checker-warmup", daemon=True)
        self.thread.start()
        return self

    def _run(self) -> None:
        for name, load in self.steps:
            self.state[name] = "loading"
            self.started[name] = time.monotonic()
            try:
                load()
                self.state[name] = "ready"
            except Exception as error:  # noqa: BLE001 - the analysis will load it again and say what failed
                self.state[name] = f"failed: {error}"
            self.seconds[name] = time.monotonic() - self.started[name]
        # The models now live as long as the process: keep the collector from walking them after every run
        # (collected first, so no garbage of this moment is frozen with them and kept for good).
        gc.collect()
        gc.freeze()

    @property
    def done(self) -> bool:
        return self.thread is None or not self.thread.is_alive()

    def loading(self) -> str | None:
        """The step loading now, with how long it has taken so far (None when nothing is loading)."""
        for name, _ in self.steps:
            if self.state.get(name) == "loading":
                return f"{name}, {time.monotonic() - self.started[name]:.0f} s so far"
        return None

    def wait(self, tell: Callable[[str], object], every: float = 1.0) -> None:
        """Block until the warm-up is over, telling `tell` every second which model it waits for."""
        while self.thread is not None and self.thread.is_alive():
            tell(f"Waiting for {self.loading() or 'the models'} (loaded once per desk process)")
            self.thread.join(every)

    def summary(self) -> str:
        if not self.done:
            return f"Loading {self.loading() or 'the models'}"
        failed = [f"{name} ({state})" for name, state in self.state.items() if state.startswith("failed")]
        if failed:
            return "Could not load " + "; ".join(failed) + ": the first analysis will try again"
        return f"Models ready (loaded in {sum(self.seconds.values()):.0f} s)"


def wanted(served: bool) -> bool:
    """CHECKER_DESK_WARMUP=1 always, =0 never; unset: when the desk is served to a browser (a script run in
    Streamlit's AppTest, as the page tests do, has no browser to keep waiting and needs no model)."""
    setting = os.environ.get(WARMUP_ENV, "")
    return setting == "1" or (setting != "0" and served)

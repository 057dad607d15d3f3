"""Errors a user can act on; the CLI prints them as one line and exits 2."""
from __future__ import annotations


class CheckerError(Exception):
    """Base class: the message is meant for the person at the keyboard."""


class InputError(CheckerError):
    """The text, file or URL given cannot be analysed as it is."""


class FetchError(CheckerError):
    """A URL could not be fetched (unreachable, refused, too large, wrong type)."""


class FetchUnreachable(FetchError):
    """A timeout or a connection that failed: the server may answer later (a feed tries again)."""


class StoreError(CheckerError):
    """claims.db is locked, corrupt or otherwise unusable."""


class BudgetExceeded(CheckerError):
    """An analysis ran past its time budget (CHECKER_ANALYSIS_SECONDS) or its page was closed, and was stopped."""

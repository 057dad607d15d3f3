"""One pasted claim checked against a test store, as the verdict tests of each round read it."""
from __future__ import annotations

import sqlite_utils

from checker.models import Attribution, Claim, Verdict
from checker.verdict import check_claims


def verdict_of(db: sqlite_utils.Database, text: str) -> Verdict:
    """The verdict on `text` as a claim citing no one."""
    claim = Claim(id="c1", text=text, start=0, end=len(text), sentence_index=0, sentence=text, checkworthiness=0.9,
                  attribution=Attribution(kind="none"))
    (result,) = check_claims(db, [claim])
    return result.verdict

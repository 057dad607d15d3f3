"""When an import's passages get their vectors: after the commit, so a model failure never loses an import.

Passages left without vectors (a model failure, an import killed while embedding) are caught up by the
next import of the same documents, or by `checker.embeddings.embed_missing`.
"""
from __future__ import annotations

import os

import sqlite_utils

from checker.config import get_settings

SKIP_EMBEDDINGS_ENV = "CHECKER_SKIP_EMBEDDINGS"
INDEX_SYNC_AFTER = 5_000  # smaller imports are added to the ANN index in memory by the next search


def embed_after_import(db: sqlite_utils.Database, passage_ids: tuple[int, ...], embed: bool | None,
                       stored_ids: tuple[int, ...] = ()) -> str | None:
    """Embed the new passages now, and those of already-stored documents that lack vectors (an import killed
    while embedding); if the model fails, the committed documents stay and wait for embed_missing.

    Returns the note the import's summary shows about it, if any.
    """
    wanted = embed if embed is not None else os.environ.get(SKIP_EMBEDDINGS_ENV, "").strip() not in {"1", "true", "yes"}
    lacking = _without_vectors(db, stored_ids)
    if not wanted:
        if lacking:
            return (f"{len(lacking)} passages of already-stored documents have no vectors yet: "
                    "run `python -m checker evidence embed`")
        return None
    if not passage_ids and not lacking:
        return None
    try:
        from checker.embeddings import embed_passages

        embed_passages(db, [*passage_ids, *lacking])
        if len(passage_ids) >= INDEX_SYNC_AFTER:  # a bulk load: write the ANN files now (checker.index)
            from checker.embeddings import model_key
            from checker.index import sync

            sync(db, model_key())
    except Exception as error:  # noqa: BLE001 - any model failure; the documents are already committed
        return (f"stored, but the passages are not embedded yet ({error}); "
                "semantic search will miss them until embed_missing runs")
    if lacking:
        return f"{len(lacking)} passages of already-stored documents had no vectors; embedded now"
    return None


def _without_vectors(db: sqlite_utils.Database, passage_ids: tuple[int, ...]) -> list[int]:
    """Those of `passage_ids` with no vector for the configured model."""
    have: set[int] = set()
    model = get_settings().embedding_model
    for start in range(0, len(passage_ids), 500):
        part = passage_ids[start:start + 500]
        marks = ", ".join("?" for _ in part)
        have.update(row[0] for row in db.execute(
            f"SELECT passage_id FROM embeddings WHERE model = ? AND passage_id IN ({marks})", [model, *part]))
    return [pid for pid in passage_ids if pid not in have]

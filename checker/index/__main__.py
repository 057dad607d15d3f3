"""`python -m checker.index [--db PATH]`: bring the dense index (usearch files or Milvus) up to date now.

Searches catch up by themselves, but a store moved onto Milvus (CHECKER_INDEX) or an import that skipped `sync`
would make the first search pay for every vector; this fills the index beforehand, printing its progress.
"""
from __future__ import annotations

import argparse
import sys
import time

from checker.errors import CheckerError

STEP = 100_000  # embeddings rows per progress line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.index", description=__doc__.splitlines()[0])
    parser.add_argument("--db", metavar="PATH", help="database file or postgresql:// URL (default: $CHECKER_DB)")
    args = parser.parse_args(argv)
    try:
        return _fill(args.db)
    except CheckerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def _fill(db_path: str | None) -> int:
    from checker.config import get_settings
    from checker.embeddings import model_key
    from checker.index import milvus_index, sync
    from checker.index.settings import index_location, index_settings
    from checker.store.db import open_db

    db = open_db(get_settings(db_path).db_path)
    model, settings = model_key(), index_settings()
    started = time.perf_counter()
    milvus = milvus_index(db, model, settings)
    latest = db.execute("SELECT coalesce(max(rowid), 0) FROM embeddings").fetchone()[0]
    while milvus is not None and milvus.last_rowid < latest:
        milvus.refresh(db, until=min(latest, milvus.last_rowid + STEP))
        print(f"  up to embeddings row {milvus.last_rowid:,} of {latest:,} ({time.perf_counter() - started:.0f} s)",
              flush=True)
    index = sync(db, model, settings, force=True)
    where = index_location() or "usearch files beside the database"
    size = index.size if index is not None else 0
    print(f"{where}: {size:,} vectors of {model} ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

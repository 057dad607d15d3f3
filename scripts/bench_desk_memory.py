"""Peak memory of a desk process with the encoder loaded, and the time to check the sample article.

Streamlit is imported as the desk does; the sample article is checked twice against the demo evidence with the
stance cross-encoder and the attribution tagger (both on multilingual-e5-small), in a fresh temporary store.

    python scripts/bench_desk_memory.py
"""
from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT.parent / "shared" / "samples" / "baghdad_embassy_ar.txt"


def main() -> None:
    import streamlit  # noqa: F401  the desk's framework lives in the same process

    from checker.pipeline import Article, check_article
    from checker.store.db import open_db
    from checker.store.ingest import load_seed

    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "claims.db")
        load_seed(db)
        article = Article(SAMPLE.read_text(encoding="utf-8"), "pasted text")
        times = []
        for _ in range(2):
            started = time.perf_counter()
            check_article(db, article, tagger=True)
            times.append(time.perf_counter() - started)
    loaded = sorted(m for m in sys.modules if m.startswith("checker.encoder"))
    print(f"encoder modules loaded: {', '.join(loaded) or 'none'}")
    print(f"first check {times[0]:.1f} s, warm {times[1]:.1f} s, "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()

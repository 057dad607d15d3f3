"""Archive batches: many articles analysed on Ray workers, one Parquet row per claim, resumable.

    python -m checker batch archive.jsonl more/ --out runs/2026 --workers 2
    python -m checker batch s3-export.parquet --out runs/x --address ray://head:10001

inputs  -> the articles to read (JSONL, Parquet, folders of .txt/.html), each with a stable id
rows    -> one claim as one flat row (the Parquet schema)
run     -> the Ray driver: one actor per worker holds the outlet registry (and models), parts written atomically
summary -> who cites whom, from the written rows
"""

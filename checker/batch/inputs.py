"""The articles of a batch, from JSONL, Parquet or folders of .txt/.html files, each with a stable id.

The id is what makes a batch resumable: a JSONL or Parquet record's `id` field (else FILE:LINE or FILE:ROW), a
file's path relative to the folder given. Text comes from `text` (or `body`, `content`); `url` and `outlet`
(the publishing site) are kept when present.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from checker.errors import InputError

TEXT_FIELDS = ("text", "body", "content")
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


@dataclass(frozen=True)
class BatchArticle:
    """One article to analyse; `site` is the publishing outlet given by the archive, if any."""

    id: str
    text: str
    url: str | None = None
    site: str | None = None
    error: str | None = None  # why it could not be read: recorded as a failure, the batch goes on


def read_articles(paths: list[Path]) -> Iterator[BatchArticle]:
    """Every article of every input, in a stable order (folders sorted), so ids repeat across runs."""
    for path in paths:
        if path.is_dir():
            yield from _folder(path)
        elif path.suffix == ".parquet":
            yield from _parquet(path)
        elif path.suffix in (".jsonl", ".json", ".ndjson"):
            yield from _jsonl(path)
        elif path.is_file():
            yield _file(path, path.name)
        else:
            raise InputError(f"{path}: no such file or folder")


def read_ids(paths: list[Path]) -> Iterator[str]:
    """The ids `read_articles` would give, in the same order; a folder's files are listed, not read and decoded."""
    for path in paths:
        if path.is_dir():
            yield from (file.relative_to(path).as_posix() for file in _folder_files(path))
        else:
            yield from (article.id for article in read_articles([path]))


def _record(record: dict, fallback_id: str) -> BatchArticle | None:
    text = next((record[name] for name in TEXT_FIELDS if isinstance(record.get(name), str)), None)
    if not text or not text.strip():
        return None
    return BatchArticle(str(record.get("id") or fallback_id), text, _optional(record.get("url")),
                        _optional(record.get("outlet")))


def _optional(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _jsonl(path: Path) -> Iterator[BatchArticle]:
    with path.open(encoding="utf-8", errors="replace") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as error:
                raise InputError(f"{path}:{number}: not a JSON object ({error})") from None
            if not isinstance(record, dict):
                raise InputError(f"{path}:{number}: not a JSON object")
            article = _record(record, f"{path.name}:{number}")
            if article:
                yield article


def _parquet(path: Path) -> Iterator[BatchArticle]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as error:
        raise InputError(f"{path}: not a readable Parquet file ({error})") from None
    offset = 0
    for batch in table.iter_batches(batch_size=1024):
        for row, record in enumerate(batch.to_pylist(), offset):
            article = _record(record, f"{path.name}:{row}")
            if article:
                yield article
        offset += batch.num_rows


def _folder_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())


def _folder(folder: Path) -> Iterator[BatchArticle]:
    for path in _folder_files(folder):
        yield _file(path, path.relative_to(folder).as_posix())


def _file(path: Path, article_id: str) -> BatchArticle:
    """Decoded only: cleaning (HTML to text, the size limit) is the worker's, so one bad file fails alone."""
    from checker.text import decode_text

    try:
        return BatchArticle(article_id, decode_text(path.read_bytes(), name=article_id).text)
    except (InputError, OSError) as error:
        return BatchArticle(article_id, "", error=str(error))

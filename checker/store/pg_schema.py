"""checker's schema on PostgreSQL: the same tables and versions as claims.db (checker.store.db.MIGRATIONS).

Migration N here creates what SQLite's migration N creates, in PostgreSQL's
types; `tests/test_pg_store.py` fails when one side gains a migration the
other lacks. Full-text search: `passages.search_tsv` is computed by the server
from `search_text` (already Arabic-normalised by checker.normalize.search_form)
with the `checker_ar` configuration: the simple dictionary (lower case, no
stemming, no stop words) after the punctuation FTS5's unicode61 tokenizer
splits on is turned into spaces, so both stores index the same words,
whatever the database's locale.
"""
from __future__ import annotations

from typing import Callable, Protocol


class _Executes(Protocol):
    def execute(self, sql: str, params: object = ...) -> object: ...


# What FTS5's unicode61 tokenizer separates words on: ASCII and Latin-1 punctuation and symbols, general and
# CJK punctuation, arrows and dingbats, Arabic punctuation (، ؛ ؟ ٪ ٫ ٬ ٭ ۔ ﴾ ﴿). Code point ranges: no locale.
SEPARATORS = (r"[\u0001-\u002F\u003A-\u0040\u005B-\u0060\u007B-\u00A9\u00AB-\u00B4\u00B6-\u00B9\u00BB-\u00BF"
              r"\u00D7\u00F7\u2000-\u206F\u2190-\u2BFF\u3000-\u303F\u060C\u061B\u061F\u066A-\u066D\u06D4"
              r"\uFD3E\uFD3F\uFE10-\uFE6F\uFF01-\uFF0F\uFF1A-\uFF20]+")
CONFIG = "checker_ar"

_V1 = [
    f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.simple)",
    f"""CREATE FUNCTION checker_search_vector(value text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT to_tsvector('{CONFIG}'::regconfig, regexp_replace(coalesce(value, ''), '{SEPARATORS}', ' ',
        'g')) $$""",
    "CREATE TABLE outlets (id TEXT PRIMARY KEY, name TEXT, aliases TEXT, kind TEXT, country TEXT, origin TEXT, "
    "updated_at TEXT)",
    "CREATE TABLE documents (id BIGSERIAL PRIMARY KEY, url TEXT, title TEXT, outlet_id TEXT REFERENCES outlets(id), "
    "published TEXT, language TEXT, text TEXT, content_hash TEXT, fetched_at TEXT, source_kind TEXT, "
    "claim_reviewed TEXT, rating TEXT, import_id BIGINT)",
    "CREATE UNIQUE INDEX idx_documents_content_hash ON documents (content_hash)",
    "CREATE INDEX idx_documents_outlet_id_published ON documents (outlet_id, published)",
    "CREATE TABLE passages (id BIGSERIAL PRIMARY KEY, document_id BIGINT REFERENCES documents(id), idx BIGINT, "
    "text TEXT, search_text TEXT, start BIGINT, \"end\" BIGINT, "
    "search_tsv tsvector GENERATED ALWAYS AS (checker_search_vector(search_text)) STORED)",
    "CREATE INDEX idx_passages_document_id ON passages (document_id)",
    "CREATE INDEX idx_passages_search ON passages USING gin (search_tsv)",
    # What SQLite's FTS5 table passages_fts holds, for readers that count or list it.
    "CREATE VIEW passages_fts AS SELECT id AS rowid, search_text FROM passages",
    # rowid: what SQLite numbers every row by implicitly; the dense index reads new vectors by it.
    "CREATE TABLE embeddings (passage_id BIGINT REFERENCES passages(id), model TEXT, dim BIGINT, vector BYTEA, "
    "rowid BIGSERIAL UNIQUE, PRIMARY KEY (passage_id, model))",
    "CREATE INDEX idx_embeddings_model ON embeddings (model)",
    "CREATE TABLE imports (id BIGSERIAL PRIMARY KEY, started_at TEXT, source TEXT, added BIGINT, skipped BIGINT, "
    "rejected BIGINT, problems TEXT)",
    "CREATE TABLE analyses (id BIGSERIAL PRIMARY KEY, created_at TEXT, title TEXT, source TEXT, url TEXT, "
    "language TEXT, text TEXT, text_hash TEXT, report TEXT)",
    "CREATE TABLE claims (id BIGSERIAL PRIMARY KEY, analysis_id BIGINT REFERENCES analyses(id), claim_key TEXT, "
    "text TEXT, start BIGINT, \"end\" BIGINT, checkworthiness DOUBLE PRECISION, verdict TEXT, "
    "verdict_score DOUBLE PRECISION, source_status TEXT)",
    "CREATE UNIQUE INDEX idx_claims_analysis_id_claim_key ON claims (analysis_id, claim_key)",
    "CREATE TABLE claim_sources (id BIGSERIAL PRIMARY KEY, claim_id BIGINT REFERENCES claims(id), kind TEXT, "
    "outlet_id TEXT, outlet_name TEXT, speaker TEXT, cue TEXT, confidence DOUBLE PRECISION, carried_from TEXT)",
    "CREATE TABLE claim_evidence (claim_id BIGINT REFERENCES claims(id), passage_id BIGINT REFERENCES passages(id), "
    "rank BIGINT, similarity DOUBLE PRECISION, stance TEXT, score DOUBLE PRECISION, reasons TEXT, "
    "PRIMARY KEY (claim_id, passage_id))",
    "CREATE TABLE decisions (id BIGSERIAL PRIMARY KEY, analysis_id BIGINT REFERENCES analyses(id), claim_key TEXT, "
    "field TEXT, value TEXT, reviewer TEXT, created_at TEXT)",
    "CREATE INDEX idx_decisions_analysis_id_claim_key_field ON decisions (analysis_id, claim_key, field)",
]
_V2 = [
    "CREATE TABLE feed_state (url TEXT PRIMARY KEY, name TEXT, kind TEXT, outlet_id TEXT, language TEXT, "
    "interval_s DOUBLE PRECISION, etag TEXT, last_modified TEXT, last_run_at TEXT, last_status TEXT, last_error TEXT, "
    "next_due_at TEXT, failures BIGINT NOT NULL DEFAULT 0)",
    "CREATE TABLE fetch_log (id BIGSERIAL PRIMARY KEY, feed_url TEXT, url TEXT NOT NULL, started_at TEXT NOT NULL, "
    "seconds DOUBLE PRECISION, status TEXT NOT NULL, http_status BIGINT, attempts BIGINT, "
    "items BIGINT NOT NULL DEFAULT 0, new BIGINT NOT NULL DEFAULT 0, skipped BIGINT NOT NULL DEFAULT 0, "
    "rejected BIGINT NOT NULL DEFAULT 0, error TEXT, import_id BIGINT)",
    "CREATE INDEX fetch_log_feed ON fetch_log (feed_url, id)",
    "CREATE TABLE feed_items (feed_url TEXT NOT NULL, item_key TEXT NOT NULL, document_id BIGINT, "
    "seen_at TEXT NOT NULL, PRIMARY KEY (feed_url, item_key))",
    "CREATE TABLE passage_groups (passage_id BIGINT PRIMARY KEY REFERENCES passages(id), group_id BIGINT NOT NULL)",
    "CREATE INDEX passage_groups_group ON passage_groups (group_id)",
    "CREATE TABLE dedup_bands (key BIGINT NOT NULL, passage_id BIGINT NOT NULL, PRIMARY KEY (key, passage_id))",
]


def _steps(statements: list[str]) -> Callable[[_Executes], None]:
    def run(conn: _Executes) -> None:
        for statement in statements:
            conn.execute(statement)
    return run


# Never change a released step: add the next one (and its SQLite twin in checker.store.db).
MIGRATIONS: list[Callable[[_Executes], None]] = [_steps(_V1), _steps(_V2)]
VERSION_TABLE = "checker_schema"

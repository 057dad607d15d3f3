"""Getting evidence into claims.db: one text, a file or URL, a JSONL batch, or ClaimReview fact-checks.

Every import is one transaction (an interrupted import leaves the database as
it was) and one row in `imports` (the Evidence page shows the history). A
document is stored once: its identity is the hash of its normalised text.
Embeddings are computed after the documents are committed, so a model failure
never loses an import; `checker.embeddings.embed_missing` catches up later.

The parts: `inputs` (what each way of adding evidence reads), `documents` (what
a document must be to be stored), `json_documents` (the documents a JSON value
holds, ClaimReview included), `bulk` (a whole file as JSON or JSON Lines),
`write` (the import transaction) and `embed` (vectors after the commit).
"""
from checker.store.ingest.bulk import MAX_JSON_DEPTH
from checker.store.ingest.documents import FIELD_LIMITS, MAX_DOCUMENT_CHARS, Location, NewDocument
from checker.store.ingest.embed import INDEX_SYNC_AFTER, SKIP_EMBEDDINGS_ENV
from checker.store.ingest.inputs import (
    BULK_SUFFIXES,
    HTML_SUFFIXES,
    SEED_FILE,
    TEXT_SUFFIXES,
    add_source,
    add_text,
    import_documents,
    import_file,
    load_seed,
)
from checker.store.ingest.json_documents import documents_from_json
from checker.store.ingest.write import ImportResult, content_hash, import_history

__all__ = [
    "BULK_SUFFIXES",
    "FIELD_LIMITS",
    "HTML_SUFFIXES",
    "INDEX_SYNC_AFTER",
    "MAX_DOCUMENT_CHARS",
    "MAX_JSON_DEPTH",
    "SEED_FILE",
    "SKIP_EMBEDDINGS_ENV",
    "TEXT_SUFFIXES",
    "ImportResult",
    "Location",
    "NewDocument",
    "add_source",
    "add_text",
    "content_hash",
    "documents_from_json",
    "import_documents",
    "import_file",
    "import_history",
    "load_seed",
]

"""The dense side in Milvus: passage vectors with their outlet, day and language, filtered inside Milvus.

Chosen by CHECKER_INDEX (see `milvus_target`): `milvus://host:19530[/database]`
for a Milvus server or cluster, `milvus-lite:///path/to/index.db` for a local
Milvus Lite file. Both go through the same code, pymilvus' `MilvusClient`
given a URI. The documents stay in the SQL store; `embeddings` stays the
reference the collection is filled from, by rowid, like the usearch files
(`checker.index.ann`): a search first adds what was embedded since (so every
process is current), and the sync point is kept in the collection's own
properties, so several desk processes share one collection.

One collection per model (`checker_<model>`): passage id (primary key), the
float32 vector (HNSW, cosine), outlet id, published day as yyyymmdd (0 when
unknown) and language. Outlet and date filters, and the retention cut-off
(CHECKER_RETENTION_DAYS, lifted inside `searching_archive()`), are Milvus
filter expressions; values are quoted by `_literal`, never pasted raw.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import sqlite_utils

from checker.errors import InputError
from checker.index.ann import archive_searched
from checker.index.settings import IndexSettings

SERVER_SCHEMES = {"milvus": "http", "milvus+https": "https"}
LITE_SCHEME = "milvus-lite://"
TOKEN_ENV = "CHECKER_MILVUS_TOKEN"  # "user:password" or an API key, for a server that asks for one
READ_BATCH = 20_000  # embeddings rows read from the store per step
WRITE_BATCH = 2_000  # rows per insert/upsert call (gRPC messages stay well under their size limit)
GET_BATCH = 1_000
HNSW = {"M": 16, "efConstruction": 128}  # as the usearch graph (checker.index.ann)
EF_SEARCH = 128
EF_FILTERED = 512  # a narrow filter cuts the graph's paths: explore more of it (bench recall@10 0.97 -> 0.998)
MAX_TEXT = 256  # outlet ids and language codes longer than this cannot be stored (or matched)
CONSISTENCY = "Strong"  # a passage the watch loop just embedded is searchable by the next query of any process
_ROWID_KEY = "checker.last_rowid"


@dataclass(frozen=True)
class MilvusTarget:
    """Where the vectors live: `uri` as MilvusClient takes it (http(s)://host:port or a .db file path)."""

    uri: str
    database: str = ""

    @property
    def lite(self) -> bool:
        return not self.uri.startswith(("http://", "https://"))


def milvus_target(raw: str) -> MilvusTarget | None:
    """The Milvus target named by a CHECKER_INDEX value; None when the value names no Milvus (usearch)."""
    value = raw.strip()
    if value.lower().startswith(LITE_SCHEME):
        path = value[len(LITE_SCHEME):]
        if not path.endswith(".db"):
            raise InputError(f"a Milvus Lite index is a file ending in .db, like milvus-lite:///srv/checker/index.db "
                             f"(got {raw!r})")
        return MilvusTarget(str(Path(path).expanduser().resolve()))
    scheme, separator, rest = value.partition("://")
    if not separator or scheme.lower() not in SERVER_SCHEMES:
        return None
    address, _, database = rest.partition("/")
    if "@" in address:  # a password in the address would be echoed by every message that names the index
        raise InputError("put Milvus credentials in CHECKER_MILVUS_TOKEN (user:password or an API key), "
                         "not in CHECKER_INDEX")
    if not address or address.startswith(":"):
        raise InputError(f"a Milvus server is named like milvus://host:19530 (got {raw!r})")
    if ":" not in address:
        address += ":19530"
    return MilvusTarget(f"{SERVER_SCHEMES[scheme.lower()]}://{address}", database.strip("/"))


class QueryFilters(Protocol):
    """What narrows a search (retrieval's `Filters`): an outlet id, ISO days; `language` is optional."""

    outlet_id: str | None
    since: str | None
    until: str | None


_clients: dict[MilvusTarget, Any] = {}
_clients_lock = threading.Lock()


def client_for(target: MilvusTarget) -> Any:
    """One MilvusClient per target and process (a Milvus Lite file is served by one local process)."""
    with _clients_lock:
        client = _clients.get(target)
        if client is None:
            client = _clients[target] = _connect(target)
        return client


def close(target: MilvusTarget) -> None:
    """Close this process's client of `target` (and stop the Milvus Lite server of a local file)."""
    with _clients_lock:
        client = _clients.pop(target, None)
    if client is not None:
        client.close()
        if target.lite:
            from milvus_lite.server_manager import server_manager_instance

            server_manager_instance.release_server(target.uri)


def _connect(target: MilvusTarget) -> Any:
    try:
        from pymilvus import MilvusClient
    except ImportError:
        raise InputError("CHECKER_INDEX names Milvus, but pymilvus is not installed: "
                         "pip install -r requirements-scale.txt") from None
    import os

    options: dict[str, Any] = {"db_name": target.database} if target.database else {}
    if not target.lite and os.environ.get(TOKEN_ENV):
        options["token"] = os.environ[TOKEN_ENV]
    if target.lite:
        Path(target.uri).parent.mkdir(parents=True, exist_ok=True)
    try:
        return MilvusClient(target.uri, **options)
    except Exception as error:  # noqa: BLE001 - unreachable server, missing milvus-lite, unreadable file
        hint = " (a Milvus Lite file is open in one process at a time: is another desk or command using it?)" \
            if target.lite else ""
        raise InputError(f"cannot open the Milvus index at {target.uri}: {str(error).splitlines()[0]}{hint}"
                         ) from None


def collection_name(model: str) -> str:
    """Milvus names allow letters, digits and underscores only."""
    return "checker_" + "".join(c if c.isascii() and c.isalnum() else "_" for c in model)


def day_number(day: str | None) -> int:
    """2024-03-31 -> 20240331; 0 for no (or no readable) day."""
    digits = (day or "")[:10].replace("-", "")
    return int(digits) if len(digits) == 8 and digits.isdigit() else 0


def _literal(value: str) -> str:
    """A Milvus string literal holding exactly `value` (quotes and backslashes escaped)."""
    cleaned = "".join(c for c in value if c.isprintable())
    return '"' + cleaned.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _text(value: str | None) -> str:
    cleaned = "".join(c for c in (value or "") if c.isprintable())
    return cleaned if len(cleaned.encode("utf-8")) <= MAX_TEXT else ""


def filter_expression(filters: QueryFilters | None, cutoff: str | None) -> str:
    """The Milvus filter for these filters and the retention cut-off ("" when nothing narrows the search)."""
    parts = []
    if filters is not None:
        if filters.outlet_id:
            parts.append(f"outlet == {_literal(filters.outlet_id)}")
        if filters.since:
            parts.append(f"published >= {day_number(filters.since)}")
        if filters.until:
            parts.append(f"published <= {day_number(filters.until)}")
        if getattr(filters, "language", None):
            parts.append(f"language == {_literal(filters.language)}")
    if cutoff:  # undated passages stay searchable, as in the usearch hot index
        parts.append(f"(published == 0 or published >= {day_number(cutoff)})")
    return " and ".join(parts)


@dataclass
class MilvusIndex:
    """The collection of one model, kept up with `embeddings` by rowid."""

    client: Any
    model: str
    settings: IndexSettings
    dim: int = 0
    last_rowid: int = 0
    filling: bool = False  # this process created the collection and is filling it: insert, not upsert
    _lock: threading.RLock = field(default_factory=threading.RLock)

    @property
    def name(self) -> str:
        return collection_name(self.model)

    def __post_init__(self) -> None:
        self._adopt()

    def _adopt(self) -> bool:
        """Take the collection as it is in Milvus (another process may have made it); False when there is none."""
        if not self.client.has_collection(self.name):
            return False
        self._load()
        described = self.client.describe_collection(self.name)
        self.dim = next(int(f["params"]["dim"]) for f in described["fields"] if f["name"] == "vector")
        self.last_rowid = max(self.last_rowid, int(described.get("properties", {}).get(_ROWID_KEY, 0)))
        return True

    @property
    def size(self) -> int:
        rows = self.client.query(self.name, filter="", output_fields=["count(*)"], consistency_level=CONSISTENCY) \
            if self.dim else []
        return int(rows[0]["count(*)"]) if rows else 0

    # -- keeping up with `embeddings` --------------------------------------------------------------------------

    def refresh(self, db: sqlite_utils.Database, *, until: int | None = None, verify: bool = False) -> int:
        """Send the vectors embedded since the last sync (up to rowid `until`); returns how many were sent.
        `verify` also compares counts and, when they differ, repairs a collection that drifted from the
        store (rows deleted there, another store's rows)."""
        with self._lock:
            latest = until or db.execute("SELECT coalesce(max(rowid), 0) FROM embeddings").fetchone()[0]
            sent = 0
            if self.last_rowid > latest:  # the newest rows were deleted, or this is another store
                verify, self.last_rowid = True, latest
                self._mark()
            while self.last_rowid < latest:
                rows = _rows(db, "e.model = ? AND e.rowid > ? AND e.rowid <= ? ORDER BY e.rowid LIMIT ?",
                             [self.model, self.last_rowid, latest, READ_BATCH])
                if rows:
                    self._write(rows)
                    sent += len(rows)
                self.last_rowid = rows[-1][0] if rows else latest
                self._mark()  # after each step, so an interrupted build resumes where it stopped
            if until is None:  # caught up with the store: from now on rows may replace earlier ones
                self.filling = False
            if verify and self.size != db.execute("SELECT count(*) FROM embeddings WHERE model = ?",
                                                  [self.model]).fetchone()[0]:
                sent += self._repair(db)
            return sent

    def _write(self, rows: list[tuple]) -> None:
        """Insert into a collection this process is filling for the first time, upsert (replace) otherwise."""
        if not self.dim and not self._adopt():
            self._create(len(rows[0][2]) // 4)
        send = self.client.insert if self.filling else self.client.upsert
        for start in range(0, len(rows), WRITE_BATCH):
            send(self.name, [{"passage_id": int(pid), "vector": np.frombuffer(blob, dtype=np.float32),
                              "outlet": _text(outlet), "published": day_number(published),
                              "language": _text(language)}
                             for _, pid, blob, outlet, published, language in rows[start:start + WRITE_BATCH]])

    def _repair(self, db: sqlite_utils.Database) -> int:
        """Delete what the store no longer has, add what the collection lacks; returns the rows changed."""
        stored = {row[0] for row in db.execute("SELECT passage_id FROM embeddings WHERE model = ?", [self.model])}
        held = self.passage_ids()
        extra, lacking = sorted(held - stored), sorted(stored - held)
        for start in range(0, len(extra), GET_BATCH):
            self.client.delete(self.name, ids=extra[start:start + GET_BATCH])
        for start in range(0, len(lacking), 500):
            part = lacking[start:start + 500]
            rows = _rows(db, f"e.model = ? AND e.passage_id IN ({', '.join('?' for _ in part)})", [self.model, *part])
            if rows:
                self._write(rows)
        return len(extra) + len(lacking)

    def passage_ids(self) -> set[int]:
        if not self.dim:
            return set()
        found: set[int] = set()
        iterator = self.client.query_iterator(self.name, batch_size=10_000, filter="", output_fields=["passage_id"])
        while batch := iterator.next():
            found.update(int(row["passage_id"]) for row in batch)
        iterator.close()
        return found

    def _create(self, dim: int) -> None:
        from pymilvus import DataType, MilvusClient

        schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
        schema.add_field("passage_id", DataType.INT64, is_primary=True)
        schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dim)
        schema.add_field("outlet", DataType.VARCHAR, max_length=MAX_TEXT)
        schema.add_field("published", DataType.INT64)
        schema.add_field("language", DataType.VARCHAR, max_length=MAX_TEXT)
        params = self.client.prepare_index_params()
        params.add_index(field_name="vector", index_type="HNSW", metric_type="COSINE", params=HNSW)
        self.client.create_collection(self.name, schema=schema, index_params=params, consistency_level=CONSISTENCY)
        self._load()
        self.dim, self.filling = dim, True

    def _load(self) -> None:
        state = self.client.get_load_state(self.name).get("state")
        if getattr(state, "name", str(state)) != "Loaded":
            self.client.load_collection(self.name)

    def _mark(self) -> None:
        if self.dim:
            self.client.alter_collection_properties(self.name, properties={_ROWID_KEY: str(self.last_rowid)})

    # -- searching ---------------------------------------------------------------------------------------------

    def search(self, vectors: np.ndarray, depth: int, filters: QueryFilters | None
               ) -> list[list[tuple[int, np.ndarray]]]:
        """For each query vector, up to `depth` (passage id, stored vector) pairs, nearest first."""
        if not self.dim or not len(vectors):
            return [[] for _ in vectors]
        cutoff = None if archive_searched() else self.settings.cutoff()
        expression = filter_expression(filters, cutoff)
        found = self.client.search(
            self.name, data=[np.asarray(v, dtype=np.float32) for v in vectors], limit=depth, filter=expression,
            output_fields=["vector"], consistency_level=CONSISTENCY, search_params={
                "metric_type": "COSINE", "params": {"ef": max(EF_FILTERED if expression else EF_SEARCH, depth)}})
        return [[(int(hit["passage_id"]), np.asarray(hit["entity"]["vector"], dtype=np.float32)) for hit in hits]
                for hits in found]

    def vectors(self, ids: list[int]) -> dict[int, np.ndarray]:
        found: dict[int, np.ndarray] = {}
        if not self.dim:
            return found
        for start in range(0, len(ids), GET_BATCH):
            for row in self.client.get(self.name, ids=ids[start:start + GET_BATCH], output_fields=["vector"]):
                found[int(row["passage_id"])] = np.asarray(row["vector"], dtype=np.float32)
        return found

    def bound(self) -> MilvusSearch:
        return MilvusSearch(self)


@dataclass
class MilvusSearch:
    """Retrieval's two calls (`nearest`, `cosine`) served by Milvus; one per search call (it keeps the vectors
    it read, so a candidate's exact cosine costs no second trip)."""

    index: MilvusIndex
    _vectors: dict[int, np.ndarray] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return self.index.size

    def nearest(self, vectors: np.ndarray, depth: int, allowed: np.ndarray | None = None, *,
                filters: QueryFilters | None = None) -> list[list[int]]:
        """For each query vector, passage ids of the `depth` highest cosines; `filters` are applied inside
        Milvus (`allowed`, an explicit id list, is the other indexes' form and is honoured here too)."""
        found = self.index.search(vectors, depth, filters)
        for hits in found:
            self._vectors.update(hits)
        if allowed is not None:
            keep = set(allowed.tolist())
            return [[pid for pid, _ in hits if pid in keep] for hits in found]
        return [[pid for pid, _ in hits] for hits in found]

    def fetch(self, ids: list[int]) -> None:
        """Read the vectors of these passages in one trip (the lexical side's candidates, before `cosine`)."""
        self._vectors.update(self.index.vectors([pid for pid in ids if pid not in self._vectors]))

    def cosine(self, passage_id: int, vector: np.ndarray) -> float | None:
        """Exact cosine with the stored float32 vector; None when Milvus holds none for this passage."""
        if passage_id not in self._vectors:
            self.fetch([passage_id])
        row = self._vectors.get(passage_id)
        return None if row is None else float(row @ vector)


def _rows(db: sqlite_utils.Database, where: str, params: list) -> list[tuple]:
    """(rowid, passage id, vector blob, outlet id, published, language) of `embeddings` rows."""
    return db.execute(
        "SELECT e.rowid, e.passage_id, e.vector, d.outlet_id, d.published, d.language FROM embeddings e "
        "JOIN passages p ON p.id = e.passage_id JOIN documents d ON d.id = p.document_id "
        f"WHERE {where}", params).fetchall()

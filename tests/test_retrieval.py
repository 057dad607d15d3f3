"""Hybrid retrieval over a small Arabic/English evidence store, embedded with the real USE v3 model."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import sqlite_utils

from checker.embeddings import embed_missing, embed_passages, encode
from checker.errors import InputError
from checker.normalize import search_form
from checker.retrieval import dense_index, fts_query, search, search_many
from checker.store.db import open_db
from index_backends import index_backend, milvus_lite  # noqa: F401 - fixtures: every test runs on both backends

pytestmark = pytest.mark.usefixtures("index_backend")

OUTLETS = [
    ("afp", "Agence France-Presse", ["AFP", "فرانس برس", "وكالة الصحافة الفرنسية"]),
    ("reuters", "Reuters", ["رويترز"]),
    ("alsumaria", "السومرية", ["Alsumaria"]),
    ("wafa", "وفا", ["WAFA"]),
]
# (outlet, published, language, text)
DOCUMENTS = [
    ("afp", "2023-12-08", "en",
     "Several rockets were fired at the US embassy in Baghdad early on Friday, a security source told AFP, "
     "with no casualties reported."),
    ("reuters", "2023-12-08", "en",
     "Oil prices rose more than 2 percent on Friday after Saudi Arabia and Russia called for more OPEC+ output cuts."),
    ("reuters", "2024-01-15", "en",
     "Lebanon's caretaker prime minister said the government was ready to negotiate on the southern border."),
    ("alsumaria", "2023-11-20", "ar",
     "افتتح محافظ البصرة مشروعا جديدا لتحلية مياه الشرب بطاقة 20 الف متر مكعب يوميا."),
    ("alsumaria", "2024-02-02", "ar",
     "اعلنت وزاره الصحه العراقيه تسجيل 120 اصابه جديده بالكوليرا في محافظه السليمانيه خلال اسبوع."),
    ("wafa", "2024-01-10", "ar",
     "قال مسؤول فلسطيني إن قوات الاحتلال هدمت 12 منزلا في بلدة حوارة جنوب نابلس صباح اليوم."),
    ("afp", "2024-03-05", "en",
     "Qatar and Egypt said talks on a Gaza ceasefire would resume in Cairo next week."),
    ("wafa", "2023-12-01", "ar",
     "تراجعت أسعار الذهب في الأسواق المحلية بنسبة 3 بالمئة مع ارتفاع الدولار."),
]
EMBASSY_CLAIM_AR = "قالت وكالة فرانس برس إن صواريخ أطلقت على السفارة الأمريكية في بغداد فجر الجمعة"
DEMOLITION_CLAIM_EN = "Israeli forces demolished twelve houses in Huwara, south of Nablus, a Palestinian official said"


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    database = open_db(tmp_path / "claims.db")
    for outlet_id, name, aliases in OUTLETS:
        database["outlets"].insert({"id": outlet_id, "name": name, "aliases": json.dumps(aliases, ensure_ascii=False),
                                    "origin": "reviewer"})
    for number, (outlet_id, published, language, text) in enumerate(DOCUMENTS):
        add_passage(database, text, outlet_id=outlet_id, published=published, language=language, key=str(number))
    embed_missing(database)
    return database


def add_passage(db: sqlite_utils.Database, text: str, *, outlet_id: str | None = None, published: str | None = None,
                language: str = "en", key: str) -> int:
    document = db["documents"].insert({"text": text, "outlet_id": outlet_id, "published": published,
                                       "language": language, "content_hash": key,
                                       "url": f"https://example.org/{key}", "title": text[:40]}).last_pk
    return db["passages"].insert({"document_id": document, "idx": 0, "text": text, "search_text": search_form(text),
                                  "start": 0, "end": len(text)}).last_pk


def passage_id(db: sqlite_utils.Database, fragment: str) -> int:
    return db.execute("SELECT id FROM passages WHERE text LIKE ?", [f"%{fragment}%"]).fetchone()[0]


def test_arabic_claim_finds_the_english_wire_story_first(db: sqlite_utils.Database) -> None:
    hits = search(db, EMBASSY_CLAIM_AR, k=3)
    assert hits[0].passage_id == passage_id(db, "US embassy in Baghdad")
    assert hits[0].language == "en" and hits[0].dense_rank == 1 and hits[0].lexical_rank is None
    assert hits[0].outlet == "Agence France-Presse" and hits[0].published == "2023-12-08"
    assert hits[0].similarity > hits[1].similarity


def test_english_claim_finds_the_arabic_report_first(db: sqlite_utils.Database) -> None:
    hits = search(db, DEMOLITION_CLAIM_EN, k=3)
    assert hits[0].passage_id == passage_id(db, "حوارة")
    assert hits[0].similarity == pytest.approx(float(encode([DEMOLITION_CLAIM_EN])[0] @ encode([hits[0].text])[0]),
                                               abs=1e-4)


def test_hamza_ta_marbuta_and_diacritics_do_not_hide_a_passage_from_word_search(db: sqlite_utils.Database) -> None:
    claim = "أعلنت وزارةُ الصحة العراقية تسجيلَ 120 إصابة جديدة بالكوليرا في السليمانية"
    hits = search(db, claim, k=3)
    assert hits[0].passage_id == passage_id(db, "الكوليرا")
    assert hits[0].lexical_rank == 1
    assert fts_query("أعلنت وزارةُ الصحّة") == '"اعلنت" OR "وزاره" OR "الصحه"'


def test_outlet_filter_accepts_the_id_the_name_or_an_arabic_alias(db: sqlite_utils.Database) -> None:
    for outlet in ("afp", "Agence France-Presse", "فرانس برس", "وكاله الصحافه الفرنسيه"):
        hits = search(db, EMBASSY_CLAIM_AR, k=10, outlet=outlet)
        assert {hit.outlet for hit in hits} == {"Agence France-Presse"}, outlet
        assert len(hits) == 2
    reuters = search(db, EMBASSY_CLAIM_AR, k=10, outlet="رويترز")
    assert {hit.outlet for hit in reuters} == {"Reuters"}


def test_date_filters_are_inclusive_and_checked(db: sqlite_utils.Database) -> None:
    hits = search(db, "Baghdad embassy rockets oil prices", k=10, since="2023-12-08", until="2023-12-08")
    assert {hit.published for hit in hits} == {"2023-12-08"} and len(hits) == 2
    later = search(db, EMBASSY_CLAIM_AR, k=10, since="2024-01-01")
    assert later and all(hit.published >= "2024-01-01" for hit in later)
    with pytest.raises(InputError, match="since must be a date"):
        search(db, EMBASSY_CLAIM_AR, since="8/12/2023")
    with pytest.raises(InputError, match="after"):
        search(db, EMBASSY_CLAIM_AR, since="2024-02-01", until="2024-01-01")


@pytest.mark.parametrize("query", [
    '"', '""', "'", "AND OR NEAR(", "NEAR(rockets embassy, 2)", "*", "^title:x", "(((", "- -- ---", "   ",
    'السفارة" OR 1=1; DROP TABLE passages; --', "rockets AND", "embassy*", "؟!،",
])
def test_hostile_queries_never_crash_or_touch_the_store(db: sqlite_utils.Database, query: str) -> None:
    hits = search(db, query, k=5)
    assert isinstance(hits, list)
    assert db.execute("SELECT count(*) FROM passages").fetchone()[0] == len(DOCUMENTS)


def test_queries_without_words_return_nothing(db: sqlite_utils.Database) -> None:
    assert search_many(db, ['"', "   ", "؟!،", "Gaza ceasefire talks"], k=2)[:3] == [[], [], []]


def test_search_many_matches_one_by_one_search(db: sqlite_utils.Database) -> None:
    claims = [EMBASSY_CLAIM_AR, DEMOLITION_CLAIM_EN, "Gold prices fell 3% as the dollar rose"]
    batched = search_many(db, claims, k=4)
    assert [[hit.passage_id for hit in hits] for hits in batched] == \
        [[hit.passage_id for hit in search(db, claim, k=4)] for claim in claims]
    assert batched[2][0].passage_id == passage_id(db, "الذهب")


def test_index_picks_up_new_passages_and_forgets_deleted_ones(db: sqlite_utils.Database) -> None:
    claim = "Jordan's King Abdullah met the Iraqi prime minister in Amman to discuss water and electricity"
    assert search(db, claim, k=1)[0].similarity < 0.5
    new = add_passage(db, "استقبل العاهل الأردني الملك عبدالله الثاني رئيس الوزراء العراقي في عمّان لبحث ملفي "
                          "المياه والكهرباء", outlet_id="wafa", published="2024-03-01", language="ar", key="new")
    assert embed_passages(db, [new]) == 1
    assert search(db, claim, k=1)[0].passage_id == new
    db.execute("DELETE FROM embeddings WHERE passage_id = ?", [new])
    assert all(hit.dense_rank is None for hit in search(db, claim, k=10) if hit.passage_id == new)


def test_passages_not_embedded_yet_are_still_found_by_their_words(db: sqlite_utils.Database) -> None:
    new = add_passage(db, "The Central Bank of Iraq set the official dinar rate at 1,300 per dollar",
                      key="bank", published="2024-02-08")
    hit = next(hit for hit in search(db, "Iraq central bank dinar dollar rate", k=2) if hit.passage_id == new)
    assert hit.lexical_rank == 1 and hit.dense_rank is None and hit.similarity > 0.5


def test_vectors_of_another_model_never_leak_into_the_search(db: sqlite_utils.Database,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import embeddings

    monkeypatch.setitem(embeddings._models, "other-model", embeddings.get_embedder())
    claim = "Qatar and Egypt say Gaza ceasefire talks resume in Cairo"
    gold = passage_id(db, "Gaza ceasefire")
    decoy = passage_id(db, "تحلية مياه")
    planted = encode([claim])[0]
    db["embeddings"].insert_all([
        {"passage_id": pid, "model": "other-model", "dim": 512,
         "vector": (planted if pid == decoy else -planted).astype(np.float32).tobytes()}
        for pid in [row[0] for row in db.execute("SELECT id FROM passages")]])
    def nearest(model: str | None) -> int:
        return next(hit.passage_id for hit in search(db, claim, k=10, model_name=model) if hit.dense_rank == 1)

    assert nearest(None) == gold
    assert nearest("other-model") == decoy
    assert dense_index(db, "other-model").size == len(DOCUMENTS)
    assert dense_index(db, "use-multilingual-v3").size == len(DOCUMENTS)


def test_k_must_be_positive(db: sqlite_utils.Database) -> None:
    with pytest.raises(InputError):
        search(db, EMBASSY_CLAIM_AR, k=0)


def test_a_short_stored_claim_inside_a_long_query_passes_the_word_gate(db: sqlite_utils.Database) -> None:
    short = add_passage(db, "Huwara houses demolished", outlet_id="wafa", published="2024-01-11", key="short")
    tweet = ("Breaking: sources on the ground tell us that yesterday in the early morning the occupation army "
             "entered the town and, after hours of confrontation with residents, Huwara houses demolished, "
             "families left in the cold, shops closed, roads blocked, schools shut, more to follow soon #Palestine")
    hits = search(db, tweet, k=3)
    assert short in {h.passage_id for h in hits if h.lexical_rank is not None}


def test_fusion_weights_are_read_from_the_data_file() -> None:
    from checker.retrieval import FEATURES, fusion_weights

    weights = fusion_weights()
    assert set(weights) == set(FEATURES) and all(value >= 0 for value in weights.values())

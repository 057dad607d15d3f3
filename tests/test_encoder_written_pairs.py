"""The claim variants written for the stance head (eval/stance_written) and the opinion filter (eval/opinion_written):
every row names a training sentence that exists in ../shared, in the allowed half, and turns into labelled pairs."""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from encoder_stance_data import ant_training_ids, excluded_ids, source_sentence, written_pairs  # noqa: E402

VARIANTS = ROOT / "eval" / "stance_written" / "variants.jsonl"
ROLES = ROOT / "eval" / "stance_written" / "roles.jsonl"
OPINIONS = ROOT / "eval" / "opinion_written" / "sentences.jsonl"


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_every_written_row_names_an_allowed_training_sentence(eval_data: Path) -> None:
    excluded = excluded_ids()
    for path in (VARIANTS, ROLES, OPINIONS):
        for row in _rows(path):
            source = Path(row["source"])
            assert source.parts[0] in {"ant_v11", "gum_attribution"}, row["sid"]  # licences that allow a shipped model
            assert source.stem not in excluded, row["sid"]
            if source.parts[0] == "ant_v11":
                assert ant_training_ids(source), row["sid"]
            assert len(source_sentence(row["source"], row["sentence"]).split()) >= 7


def test_written_pairs_hold_every_kind_and_the_right_labels(eval_data: Path) -> None:
    pairs = written_pairs(VARIANTS, seed=17)
    rows = _rows(VARIANTS)
    assert Counter(p.label for p in pairs) == {"agree": 4 * len(rows), "disagree": 3 * len(rows), "other": 2 * len(rows)}
    first = rows[0]
    own = [p for p in pairs if p.sid == first["sid"]]
    source = source_sentence(first["source"], first["sentence"])
    assert {(p.kind, p.label) for p in own if p.passage == source} >= {("para_same", "agree"),
                                                                         ("changed_same", "disagree")}
    assert all(p.passage != source for p in own if p.kind.startswith("other"))


def test_role_variants_change_only_roles_or_polarity_of_sentences_not_used_before(eval_data: Path) -> None:
    rows = _rows(ROLES)
    used = {(row["source"], row["sentence"]) for path in (VARIANTS, OPINIONS) for row in _rows(path)}
    assert not {(row["source"], row["sentence"]) for row in rows} & used
    types = Counter(row[key] for row in rows for key in ("changed_same_type", "changed_cross_type"))
    assert set(types) == {"roles", "denial"} and min(types.values()) >= 0.35 * 2 * len(rows)
    pairs = written_pairs(ROLES, seed=17)
    assert Counter(p.label for p in pairs) == {"agree": 4 * len(rows), "disagree": 3 * len(rows), "other": 2 * len(rows)}

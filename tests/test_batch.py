"""`checker batch`: an archive of real articles on Ray workers, Parquet rows, resume after a kill."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

pytest.importorskip("ray", reason="the scale extras are not installed (pip install -r requirements-scale.txt)")
pq = pytest.importorskip("pyarrow.parquet", reason="the scale extras are not installed")

from checker.batch.inputs import read_articles  # noqa: E402
from checker.batch.run import BatchOptions, done_ids, run_batch  # noqa: E402
from checker.batch.summary import who_cites_whom  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))
from real_articles import article_text  # noqa: E402

WIRE_ARABIC = ("أعلنت وزارة الصحة التونسية تسجيل 12 إصابة جديدة بالفيروس، وفق ما نقلته وكالة تونس إفريقيا للأنباء.\n\n"
               "وقال المتحدث باسم الوزارة إن 3 مرضى غادروا المستشفى يوم الجمعة.\n")


def _real_jsonl(eval_data: Path, path: Path, count: int) -> list[str]:
    """`count` real JawharaFM articles (ids from the training draw), written as a JSONL archive."""
    ids = [line.strip() for line in (ROOT / "eval" / "real_train" / "articles.txt").read_text().splitlines()
           if line.startswith("antv11/")][:count]
    with path.open("w", encoding="utf-8") as out:
        for article_id in ids:
            out.write(json.dumps({"id": article_id, "text": article_text(article_id), "outlet": "jawhara-fm"},
                                 ensure_ascii=False) + "\n")
    return ids


def _part_ids(out: Path) -> list[str]:
    ids: list[str] = []
    for marker in (out / "done").glob("*.json"):
        ids.extend(json.loads(marker.read_text(encoding="utf-8"))["ids"])
    return ids


def test_inputs_from_jsonl_parquet_and_folders_keep_stable_ids(tmp_path: Path) -> None:
    import pyarrow as pa

    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "wire-1", "text": WIRE_ARABIC}, ensure_ascii=False)
                                      + "\n\n" + json.dumps({"body": "Rockets hit the base, AFP said."}) + "\n",
                                      encoding="utf-8")
    pq.write_table(pa.table({"id": ["p1"], "text": ["Troops left the city on Friday, Reuters reported."]}),
                   tmp_path / "b.parquet")
    folder = tmp_path / "pages"
    (folder / "2026").mkdir(parents=True)
    (folder / "2026" / "story.txt").write_text(WIRE_ARABIC, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    articles = list(read_articles([tmp_path / "a.jsonl", tmp_path / "b.parquet", folder]))
    assert [a.id for a in articles] == ["wire-1", "a.jsonl:3", "p1", "2026/story.txt", "broken.txt"]
    assert articles[-1].error and "binary" in articles[-1].error
    assert articles[3].text.startswith("أعلنت وزارة الصحة")


def test_batch_writes_claim_rows_with_outlets_and_resumes_without_repeats(eval_data: Path, tmp_path: Path) -> None:
    archive = tmp_path / "archive.jsonl"
    ids = _real_jsonl(eval_data, archive, 12)
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "tap.txt").write_text(WIRE_ARABIC, encoding="utf-8")
    out = tmp_path / "out"
    result = run_batch([archive, tmp_path / "wire"], BatchOptions(out, workers=2, chunk=4), progress=False)
    assert (result.analysed, result.skipped, result.failed) == (13, 0, 0)
    assert all(peak > 50 for peak in result.worker_peak_rss_mb)
    rows = pq.read_table(out / "parts").to_pylist()
    assert len(rows) == result.claims > 13
    assert {row["article_id"] for row in rows} <= set(ids) | {"tap.txt"}
    wire = [row for row in rows if row["article_id"] == "tap.txt"]
    assert wire[0]["outlet_id"] == "tap" and wire[0]["start"] == 0
    assert wire[0]["text"] == WIRE_ARABIC[wire[0]["start"]:wire[0]["end"]]
    summary = who_cites_whom(out)
    assert summary["claims"] == len(rows) and summary["claims_with_outlet"] >= 1

    again = run_batch([archive, tmp_path / "wire"], BatchOptions(out, workers=1), progress=False)
    assert (again.analysed, again.skipped) == (0, 13)
    assert sorted(_part_ids(out)) == sorted(ids + ["tap.txt"])


def test_a_killed_batch_resumes_losing_nothing_and_repeating_nothing(eval_data: Path, tmp_path: Path) -> None:
    archive = tmp_path / "archive.jsonl"
    ids = _real_jsonl(eval_data, archive, 40)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "checker", "batch", str(archive), "--out", str(out), "--chunk", "2", "--quiet"]
    run = subprocess.Popen(command, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    while len(list((out / "done").glob("*.json"))) < 3 and run.poll() is None:
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    before = _part_ids(out)
    assert 0 < len(before) < len(ids), "the kill should land in the middle of the batch"

    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    after = _part_ids(out)
    assert sorted(after) == sorted(ids), "every article exactly once"
    assert f"{len(before):,} done before" in done.stderr
    rows = pq.read_table(out / "parts").to_pylist()
    assert len({(row["article_id"], row["claim_id"]) for row in rows}) == len(rows)


def test_batch_on_a_running_cluster_given_its_address(eval_data: Path, tmp_path: Path) -> None:
    archive = tmp_path / "archive.jsonl"
    _real_jsonl(eval_data, archive, 4)
    ray_cli = Path(sys.executable).with_name("ray")
    with socket.socket() as probe:  # a free port, so parallel runs do not meet
        probe.bind(("127.0.0.1", 0))
        port = str(probe.getsockname()[1])
    short = tempfile.mkdtemp(prefix="ray", dir="/tmp")  # Ray's socket paths must stay under 107 bytes
    env = {**os.environ, "RAY_TMPDIR": short}
    head = subprocess.Popen([str(ray_cli), "start", "--head", "--block", "--num-cpus", "1", "--port", port,
                             "--node-ip-address", "127.0.0.1", "--include-dashboard", "false",
                             "--disable-usage-stats", "--temp-dir", short],
                            env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        done = subprocess.run([sys.executable, "-m", "checker", "batch", str(archive), "--out", str(tmp_path / "out"),
                               "--address", f"127.0.0.1:{port}", "--quiet"],
                              cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)
        assert done.returncode == 0, done.stderr[-2000:]
        assert "4 analysed" in done.stderr
    finally:
        os.killpg(head.pid, signal.SIGTERM)  # this cluster only: `ray stop` would stop every Ray on the machine
        try:
            head.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(head.pid, signal.SIGKILL)
        shutil.rmtree(short, ignore_errors=True)


def test_repeated_ids_and_a_broken_parquet_file_are_refused_in_one_line(tmp_path: Path) -> None:
    for name in ("d1", "d2"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "story.txt").write_text(WIRE_ARABIC, encoding="utf-8")
    (tmp_path / "broken.parquet").write_text("not parquet")
    for inputs, message in (([tmp_path / "d1", tmp_path / "d2"], "error: the article id 'story.txt' appears twice"),
                            ([tmp_path / "broken.parquet"], "error: ")):
        done = subprocess.run([sys.executable, "-m", "checker", "batch", *map(str, inputs), "--out",
                               str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert done.returncode == 2
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(message), done.stderr
    assert "not a readable Parquet file" in done.stderr
    assert not list((tmp_path / "out" / "parts").glob("*.parquet"))


def test_batch_without_the_scale_extras_says_how_to_install_them(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "1", "text": WIRE_ARABIC}, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "ray.py").write_text("raise ImportError('no ray here')\n")
    env = {**os.environ, "PYTHONPATH": str(blocker)}
    done = subprocess.run([sys.executable, "-m", "checker", "batch", str(tmp_path / "a.jsonl"), "--out",
                           str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "error: checker batch needs the scale extras: pip install -r requirements-scale.txt"]
    assert done_ids(tmp_path / "out") == set()


def test_batch_with_evidence_gives_each_claim_a_verdict_from_the_store(tmp_path: Path) -> None:
    from checker.store.db import open_db
    from checker.store.ingest import load_seed

    store = tmp_path / "evidence.db"
    load_seed(open_db(store))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "wire.txt").write_text(WIRE_ARABIC, encoding="utf-8")
    out = tmp_path / "out"
    result = run_batch([tmp_path / "in"], BatchOptions(out, evidence_db=str(store)), progress=False)
    rows = pq.read_table(out / "parts").to_pylist()
    assert result.analysed == 1 and rows
    assert {row["verdict"] for row in rows} <= {"supported", "contradicted", "conflicting", "not_enough_evidence"}
    assert all(row["verdict"] and row["source_check"] for row in rows)


class _SlowStartingRay:
    """Ray whose first start misses its startup wait, as it does on a loaded machine."""

    def __init__(self, failures: int) -> None:
        self.failures, self.starts, self.shutdowns = failures, 0, 0

    def is_initialized(self) -> bool:
        return False

    def init(self, **_: object) -> None:
        self.starts += 1
        if self.starts <= self.failures:
            raise Exception("The current node timed out during startup.")

    def shutdown(self) -> None:
        self.shutdowns += 1


def test_a_ray_start_that_times_out_is_tried_again_then_reported_in_one_line(tmp_path: Path) -> None:
    from checker.batch.run import _connect
    from checker.errors import CheckerError

    once = _SlowStartingRay(failures=1)
    assert _connect(once, BatchOptions(tmp_path)) is True
    assert (once.starts, once.shutdowns) == (2, 1)

    always = _SlowStartingRay(failures=99)
    with pytest.raises(CheckerError, match="could not start or join a local Ray after 2 tries.*run the same command"):
        _connect(always, BatchOptions(tmp_path))
    assert always.starts == 2

"""The dense index backends the retrieval and ANN tests run on: the embedded one (exact scan, usearch files) and
Milvus Lite, the same code path as a Milvus server (skipped, with the reason, when pymilvus or milvus-lite is absent;
CI installs them from requirements-scale.txt)."""
from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest

BACKENDS = ("embedded", "milvus-lite")


def milvus_missing() -> str:
    """Why the Milvus tests cannot run here ("" when they can)."""
    absent = [name for name in ("pymilvus", "milvus_lite") if importlib.util.find_spec(name) is None]
    return f"{' and '.join(absent)} not installed (pip install -r requirements-scale.txt)" if absent else ""


@pytest.fixture
def milvus_lite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """CHECKER_INDEX set to a fresh Milvus Lite file; its in-process server is stopped afterwards."""
    reason = milvus_missing()
    if reason:
        pytest.skip(reason)
    import checker.index as index_module
    from checker.index.milvus import close, milvus_target

    location = f"milvus-lite://{tmp_path / 'index.db'}"
    monkeypatch.setenv("CHECKER_INDEX", location)
    yield location
    close(milvus_target(location))
    index_module._open.clear()  # the next test starts like a new process


@pytest.fixture(params=BACKENDS)
def index_backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test once per backend (use it with `pytest.mark.usefixtures("index_backend")`)."""
    if request.param == "milvus-lite":
        request.getfixturevalue("milvus_lite")
    else:
        monkeypatch.delenv("CHECKER_INDEX", raising=False)
    return request.param

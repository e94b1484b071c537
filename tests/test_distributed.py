"""Dask scale-out: ordered map on a real LocalCluster, and `check --workers 2` byte-identical."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import alignqa
from alignqa.distributed import EmbedderSpec, map_ordered
from alignqa.errors import InputError

SRC = str(Path(alignqa.__file__).resolve().parents[1])
REPO = Path(__file__).resolve().parents[1]


def _slow_square(n: int) -> tuple[int, int]:
    # Early items take longest, so finishing order differs from input order.
    time.sleep(0.05 * (6 - n))
    return n * n, os.getpid()


def test_map_ordered_on_a_local_cluster_keeps_input_order():
    results = map_ordered(_slow_square, range(6), workers=2)
    assert [r for r, _ in results] == [0, 1, 4, 9, 16, 25]
    assert os.getpid() not in {pid for _, pid in results}  # it really ran in the workers


def test_one_worker_is_a_plain_loop_and_zero_is_an_input_error():
    assert map_ordered(_slow_square, [2], workers=1) == [(4, os.getpid())]
    with pytest.raises(InputError, match="at least 1"):
        map_ordered(_slow_square, [2], workers=0)


def test_embedder_spec_travels_by_pickle():
    import pickle

    spec = EmbedderSpec(None, "/tmp/x", "onnx", 1)
    assert pickle.loads(pickle.dumps(spec)) == spec


@pytest.mark.model
def test_check_with_two_workers_writes_the_same_bytes(embedder, tmp_path):
    embedder.encode(["Export the model first, if this backend needs an export."])
    folder = Path(embedder.location)
    for run in ("one", "two"):
        (tmp_path / run / "cache" / "models").mkdir(parents=True)
        for path in folder.parent.glob(folder.name + "*"):
            os.symlink(path, tmp_path / run / "cache" / "models" / path.name)
    formats = [a for f in ("text", "json", "csv", "sarif", "junit", "github") for a in ("--format", f)]
    outs = {}
    for run, extra in (("one", []), ("two", ["--workers", "2"])):
        env = {**os.environ, "PYTHONPATH": SRC, "ALIGNQA_CACHE": str(tmp_path / run / "cache"),
               "SOURCE_DATE_EPOCH": "1767225600"}
        out = tmp_path / run / "out"
        proc = subprocess.run([sys.executable, "-m", "alignqa.cli", "check", str(REPO / "corpus"),
                               *formats, "-o", str(out), "--output-dir", str(out / "html"), "-q",
                               *extra], env=env, capture_output=True, text=True, timeout=900)
        assert proc.returncode == 1, proc.stderr[-2000:]  # the sample's known error
        outs[run] = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert len(outs["one"]) >= 7
    assert outs["one"] == outs["two"]

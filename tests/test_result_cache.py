"""The per-pair result cache: keys of everything that decides a result, a warm run that checks
nothing again, and outputs byte-identical to a cold run in every format."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import alignqa
from alignqa.alignment import Alignment, Bead
from alignqa.config import load_config
from alignqa.corpus import DocumentPair
from alignqa.document import Document, Segment
from alignqa.embed import EmbeddingCache
from alignqa.pipeline import run_check
from alignqa.report.formats import render
from alignqa.result_cache import (
    RESULT_CACHE_FILE,
    FileDigests,
    ResultCache,
    RunKey,
    code_digest,
    pair_key,
)
from alignqa.results import PairResult

SRC = str(Path(alignqa.__file__).resolve().parents[1])
REPO = Path(__file__).resolve().parents[1]
FORMATS = ("text", "json", "csv", "sarif", "junit", "github", "tmx")


def _result(text: str = "Hello.") -> PairResult:
    src = Document(Path("en/a.md"), "en", text, [Segment(text, "sentence", 1, 1, 0, len(text))])
    tgt = Document(Path("de/a.md"), "de", "Hallo.", [Segment("Hallo.", "sentence", 1, 1, 0, 6)])
    return PairResult(src, tgt, Alignment([Bead((0,), (0,), 0.9)]), bead_scores=[0.9])


def test_store_round_trip_bound_and_damaged_values(tmp_path):
    cache = ResultCache(tmp_path / "r.sqlite3", max_entries=10)
    cache.put_many([(bytes([i]), _result(f"Text {i}.")) for i in range(10)])
    got = cache.get_many([bytes([3]), b"missing"])
    assert list(got) == [bytes([3])] and got[bytes([3])].source.text == "Text 3."
    cache.put_many([(b"new", _result())])  # 11 > 10: the least recently used go, a tenth extra
    assert len(cache) == 9 and b"new" in cache.get_many([b"new"])
    with sqlite3.connect(tmp_path / "r.sqlite3") as db:
        db.execute("UPDATE results SET value = x'00ff' WHERE key = ?", (b"new",))
    assert cache.get_many([b"new"]) == {}  # a value that does not load is a miss, not a crash


def test_a_version_0_store_is_replaced_by_a_rowid_table(tmp_path):
    with sqlite3.connect(tmp_path / "r.sqlite3") as db:
        db.execute("CREATE TABLE results (key BLOB PRIMARY KEY, value BLOB NOT NULL, "
                   "used INTEGER NOT NULL) WITHOUT ROWID")
        db.execute("INSERT INTO results VALUES (x'01', x'00', 1)")
    cache = ResultCache(tmp_path / "r.sqlite3")
    assert len(cache) == 0  # results of older code are worth nothing to this one
    cache.put_many([(b"k", _result())])
    assert b"k" in cache.get_many([b"k"])
    cache.close()
    with sqlite3.connect(tmp_path / "r.sqlite3") as db:
        ddl = db.execute("SELECT sql FROM sqlite_master WHERE name='results'").fetchone()[0]
        assert "WITHOUT ROWID" not in ddl.upper()
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    assert len(ResultCache(tmp_path / "r.sqlite3")) == 1  # a current store is kept


def test_a_file_that_is_no_database_disables_the_cache_with_a_warning(tmp_path):
    (tmp_path / "r.sqlite3").write_bytes(b"not a database" * 100)
    with pytest.warns(RuntimeWarning, match="result cache unusable"):
        cache = ResultCache(tmp_path / "r.sqlite3")
        cache.put_many([(b"k", _result())])
    assert not cache.enabled and cache.get_many([b"k"]) == {}


def _writer(path: str, start: int) -> None:
    cache = ResultCache(path)
    for i in range(start, start + 20):
        cache.put_many([(i.to_bytes(4, "big"), _result(f"Text {i}."))])
        cache.get_many([i.to_bytes(4, "big")])


def test_concurrent_writer_processes_lose_nothing(tmp_path):
    path = str(tmp_path / "r.sqlite3")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(path, 100 * k)) for k in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    assert len(ResultCache(path)) == 60


def _run_key(**over) -> str:
    args = {"embedder_identity": "e5/onnx", "align": {"max_bead_side": 4},
            "checks": {"numbers": {"severity": "warning", "ignore": ["1"]}},
            "enabled": ["numbers", "omission"]}
    args.update(over)
    return RunKey.of(**args).digest


def test_the_run_key_holds_what_decides_a_pair_and_leaves_out_severities(tmp_path):
    base = _run_key()
    assert _run_key() == base
    assert len(code_digest()) == 64
    assert _run_key(embedder_identity="e5/torch") != base
    assert _run_key(align={"max_bead_side": 3}) != base
    assert _run_key(checks={"numbers": {"severity": "warning", "ignore": ["2"]}}) != base
    assert _run_key(enabled=["numbers"]) != base
    # Severity overrides are applied after the cache: changing one re-checks nothing.
    assert _run_key(checks={"numbers": {"severity": "error", "ignore": ["1"]}}) == base
    # A file an option names (detector weights, say) counts by its bytes.
    weights = tmp_path / "w.json"
    weights.write_text("{}")
    named = {"mistranslation": {"weights": str(weights)}}
    before = _run_key(checks=named)
    weights.write_text('{"changed": 1}')
    assert _run_key(checks=named) != before


def test_the_pair_key_follows_both_files_and_the_glossary(tmp_path):
    for lang in ("en", "de"):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "a.md").write_text(f"Text {lang}.\n")
    glossary = tmp_path / "glossary.csv"
    glossary.write_text("en,de\nfile,Datei\n")
    pair = DocumentPair(tmp_path, Path("a.md"), "en", "de", tmp_path / "en" / "a.md",
                        tmp_path / "de" / "a.md")  # type: ignore[arg-type]
    run = RunKey("run")

    def key(gloss: Path | None = glossary) -> bytes | None:
        return pair_key(run, pair, gloss, FileDigests(10_000))

    first = key()
    assert first == key() and first != key(None) and first != pair_key(RunKey("other"), pair,
                                                                        glossary, FileDigests(1))
    (tmp_path / "de" / "a.md").write_text("Text de, changed.\n")
    second = key()
    assert second != first
    glossary.write_text("en,de\nfile,Akte\n")
    assert key() != second
    (tmp_path / "de" / "a.md").unlink()
    assert key() is None  # unreadable: checked (and reported) the normal way


@pytest.fixture
def corpus(tmp_path) -> Path:
    shutil.copytree(REPO / "corpus", tmp_path / "corpus")
    return tmp_path / "corpus"


@pytest.mark.model
def test_a_warm_run_checks_no_pair_again_and_finds_the_same(embedder, corpus, tmp_path,
                                                            monkeypatch):
    cached = embedder.with_cache(EmbeddingCache(tmp_path / "cache" / "embeddings.sqlite3"))
    config = load_config(None, corpus)
    cold = run_check([corpus], config, embedder=cached, quiet=True)
    assert (tmp_path / "cache" / RESULT_CACHE_FILE).is_file()

    import alignqa.align
    import alignqa.segment

    def refuse(*args, **kwargs):
        raise AssertionError("a warm run of an unchanged corpus segmented or aligned")

    with monkeypatch.context() as patch:
        patch.setattr(alignqa.align, "align_documents", refuse)
        patch.setattr(alignqa.segment, "load_document", refuse)
        warm = run_check([corpus], config, embedder=cached, quiet=True)
    for fmt in FORMATS:
        assert render(warm, fmt) == render(cold, fmt), fmt

    # One changed translation is checked again, alone; the result is a fresh run's.
    lv = corpus / "lv" / "client-facing.md"
    lv.write_text(lv.read_text(encoding="utf-8").replace("Taustiņu izņemšana", "Galvenās atziņas"),
                  encoding="utf-8")
    aligned: list[str] = []
    real = alignqa.align.align_documents

    def counting(src, tgt, *args, **kwargs):
        aligned.append(tgt.path.parent.name)
        return real(src, tgt, *args, **kwargs)

    monkeypatch.setattr(alignqa.align, "align_documents", counting)
    changed = run_check([corpus], config, embedder=cached, quiet=True)
    assert aligned == ["lv"]
    config.result_cache = False
    fresh = run_check([corpus], config, embedder=cached, quiet=True)
    assert aligned == ["lv", "id", "lv"]
    for fmt in FORMATS:
        assert render(changed, fmt) == render(fresh, fmt), fmt


@pytest.mark.model
def test_an_embedder_without_a_cache_writes_no_result_cache(embedder, corpus, tmp_path):
    # The test fixture's embedder caches nothing; neither does the run.
    config = load_config(None, corpus)
    config.cache_dir = str(tmp_path / "cache")
    run_check([corpus], config, embedder=embedder, quiet=True)
    assert not (tmp_path / "cache").exists()


@pytest.mark.model
def test_cold_warm_workers_and_no_cache_runs_write_the_same_bytes(embedder, corpus, tmp_path):
    folder = Path(embedder.location)
    for cache in ("a", "b"):
        (tmp_path / cache / "models").mkdir(parents=True)
        for path in folder.parent.glob(folder.name + "*"):
            os.symlink(path, tmp_path / cache / "models" / path.name)
    formats = [a for f in FORMATS for a in ("--format", f)]
    outs = {}
    # a: cold in one process, then warm on Dask workers (all served by the cache) and with
    # --no-cache; b: cold on 2 Dask workers (results stored by the calling process), then warm.
    for run, cache, extra in (("cold", "a", []), ("warm-workers", "a", ["--workers", "2"]),
                              ("no-cache", "a", ["--no-cache"]),
                              ("cold-workers", "b", ["--workers", "2"]), ("warm", "b", [])):
        env = {**os.environ, "PYTHONPATH": SRC, "ALIGNQA_CACHE": str(tmp_path / cache),
               "SOURCE_DATE_EPOCH": "1767225600"}
        out = tmp_path / run
        proc = subprocess.run([sys.executable, "-m", "alignqa.cli", "check", str(corpus),
                               *formats, "-o", str(out), "--output-dir", str(out / "html"), "-q",
                               *extra], env=env, capture_output=True, timeout=900)
        assert proc.returncode == 1, proc.stderr[-2000:]  # the sample's known error
        outs[run] = (proc.stdout, {p.relative_to(out): p.read_bytes() for p in out.rglob("*")
                                   if p.is_file()})
        assert (tmp_path / cache / RESULT_CACHE_FILE).is_file()
    assert len(outs["cold"][1]) >= 8
    for run in ("warm-workers", "no-cache", "cold-workers", "warm"):
        assert outs[run] == outs["cold"], run


@pytest.mark.model
def test_the_bundled_identity_is_known_without_an_embedder(embedder, tmp_path):
    from alignqa.embed import bundled_identity, load_embedder

    # The converted model, seen from a cache folder of the test's own: the user's embedding
    # cache is never opened by a test.
    model = Path(embedder.location)
    (tmp_path / "models").mkdir()
    os.symlink(model, tmp_path / "models" / model.name)
    assert bundled_identity(tmp_path / "elsewhere", None) is None  # nothing converted there
    for backend in (None, "torch-int8"):
        identity, folder = bundled_identity(tmp_path, backend)
        built = load_embedder(cache_dir=tmp_path, quiet=True, backend=backend)
        assert identity == built.identity and folder == built.cache.path.parent == tmp_path
    assert bundled_identity(tmp_path, "no-such-backend") is None


@pytest.mark.model
def test_keyed_formats_warm_run_reads_no_unit_file_again(embedder, tmp_path, monkeypatch):
    # Every keyed format (PO, XLIFF, JSON, YAML, Android, Apple, .properties) and HTML.
    app = tmp_path / "app"
    shutil.copytree(REPO / "tests" / "units" / "fixtures" / "app", app)
    cached = embedder.with_cache(EmbeddingCache(tmp_path / "cache" / "embeddings.sqlite3"))
    config = load_config(app / "alignqa.toml", app)
    cold = run_check([app], config, embedder=cached, quiet=True)

    import alignqa.units.pairing

    def refuse(*args, **kwargs):
        raise AssertionError("a warm run read a keyed file's units again")

    monkeypatch.setattr(alignqa.units.pairing, "pair_units", refuse)
    warm = run_check([app], config, embedder=cached, quiet=True)
    for fmt in FORMATS:
        assert render(warm, fmt) == render(cold, fmt), fmt

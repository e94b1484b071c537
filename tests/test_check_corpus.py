"""End to end: `alignqa check corpus/` on the project's own sample corpus, with the real model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alignqa.config import config_from_mapping, load_config
from alignqa.findings import Finding, Severity
from alignqa.pipeline import run_check
from cli_helpers import run_cli

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"


@pytest.fixture(scope="module")
def corpus_result(embedder):
    return run_check([CORPUS], load_config(None, CORPUS), embedder=embedder, quiet=True)


@pytest.fixture
def shared_model(monkeypatch, embedder):
    """The CLI loads its model through load_embedder: hand it the session's model instead."""
    import alignqa.embed

    monkeypatch.setattr(alignqa.embed, "load_embedder", lambda *a, **k: embedder)


def test_latvian_heading_is_flagged(corpus_result):
    lv = [f for f in corpus_result.findings
          if f.target_lang == "lv" and f.check == "mistranslation"]
    heading = [f for f in lv if f.target_text == "Taustiņu izņemšana"]
    assert heading, [(f.target_text, f.score) for f in lv]
    finding = heading[0]
    assert finding.source_text == "Key Takeaways"
    assert finding.severity is Severity.ERROR
    assert finding.target.line == 3 and finding.target.path.endswith("lv/client-facing.md")
    assert finding.message


def test_every_pair_aligned_and_signed(corpus_result):
    assert [(p.source.lang, p.target.lang) for p in corpus_result.pairs] == [("en", "id"),
                                                                               ("en", "lv")]
    for pair in corpus_result.pairs:
        covered_src = sorted(i for b in pair.alignment.beads for i in b.src)
        covered_tgt = sorted(i for b in pair.alignment.beads for i in b.tgt)
        assert covered_src == list(range(len(pair.source.segments)))
        assert covered_tgt == list(range(len(pair.target.segments)))
    assert "multilingual-e5-small" in corpus_result.signature["model"]


def test_cli_exit_1_and_json_round_trip(tmp_path, capsys, shared_model):
    out = tmp_path / "out.json"
    run = run_cli(["check", CORPUS, "--output-dir", tmp_path / "reports", "--format", "json",
                   "-o", out, "-q"], capsys)
    assert run.code == 1, run.err
    data = json.loads(out.read_text(encoding="utf-8"))
    findings = [Finding.from_dict(d) for d in data["findings"]]
    assert any(f.target_text == "Taustiņu izņemšana" for f in findings)
    assert [f.to_dict() for f in findings] == data["findings"]
    assert (tmp_path / "reports" / "index.html").is_file()


def test_same_input_same_output(tmp_path, capsys, shared_model):
    outputs = []
    for i in range(2):
        run = run_cli(["check", CORPUS, "--no-report", "--format", "sarif", "-q",
                       "-o", tmp_path / f"{i}.sarif"], capsys)
        assert run.code == 1
        outputs.append((tmp_path / f"{i}.sarif").read_bytes())
    assert outputs[0] == outputs[1]


def test_exit_zero_and_fail_on(tmp_path, capsys, shared_model):
    base = ["check", CORPUS, "--no-report", "-q"]
    assert run_cli([*base, "--exit-zero"], capsys).code == 0
    text = run_cli(base, capsys)
    assert text.code == 1 and "Taustiņu izņemšana" in text.out


def test_baseline_round_trip(tmp_path, capsys, shared_model):
    baseline = tmp_path / "baseline.json"
    base = ["check", CORPUS, "--no-report", "-q", "--baseline", baseline]
    assert run_cli([*base, "--update-baseline"], capsys).code == 0
    assert baseline.is_file()
    run = run_cli([*base, "--format", "json"], capsys)
    assert run.code == 0, run.out
    assert json.loads(run.out)["findings"] == []


def test_per_file_ignores_match_paths_relative_to_the_corpus_root(tmp_path, embedder):
    """A language folder name deeper in the path (lv/docs/lv/) is not mistaken for the root."""
    for lang, text in (("en", "The fee is 15 euros per day.\n"),
                       ("lv", "Maksa ir 50 eiro dienā.\n")):
        path = tmp_path / lang / "docs" / "lv" / "fees.md"
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")

    def numbers_findings(ignores: dict) -> list:
        config = config_from_mapping({"per-file-ignores": ignores})
        result = run_check([tmp_path], config, embedder=embedder, quiet=True)
        return [f for f in result.findings if f.check == "numbers"]

    assert numbers_findings({}), "the changed number must be found at all"
    assert numbers_findings({"lv/docs/lv/*.md": ["numbers"]}) == []
    assert numbers_findings({"docs/lv/*.md": ["numbers"]}), "globs start at the corpus root"

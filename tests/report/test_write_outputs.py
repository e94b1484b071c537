from __future__ import annotations

import io
import json

import pytest
from report_samples import sample_run

from alignqa.config import FORMAT_NAMES
from alignqa.errors import ConfigError
from alignqa.report import formats
from alignqa.report.formats import FORMATS, plan_outputs, write_outputs


def test_registry_names_every_format_the_config_accepts():
    assert list(FORMATS) == ["text", "json", "csv", "sarif", "junit", "github", "tmx"]
    assert tuple(FORMATS) == FORMAT_NAMES


def test_default_is_text_on_stdout(capsys):
    assert write_outputs(sample_run(), [], None, quiet=False) == []
    captured = capsys.readouterr()
    assert captured.out.splitlines()[-1].startswith("Found 6 findings")
    assert captured.err == ""


def test_stream_formats_share_stdout_in_order():
    out = io.StringIO()
    write_outputs(sample_run(), ["github", "text"], None, out, env={})
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("::error ") and lines[-1].startswith("Found 6 findings")


def test_a_file_format_must_be_alone_on_stdout():
    with pytest.raises(ConfigError, match="cannot share stdout"):
        plan_outputs(["text", "json"], None)
    with pytest.raises(ConfigError, match="unknown output format 'yaml'"):
        plan_outputs(["yaml"], None)
    out = io.StringIO()
    write_outputs(sample_run(), ["json", "json"], None, out)
    assert json.loads(out.getvalue())["summary"]["findings"] == 6


def test_single_format_to_a_file(tmp_path):
    target = tmp_path / "out" / "report.sarif"
    out, err = io.StringIO(), io.StringIO()
    assert write_outputs(sample_run(), ["sarif"], target, out, quiet=False, stderr=err) == [target]
    assert out.getvalue() == ""
    assert err.getvalue() == f"alignqa: wrote {target}\n"
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_github_prints_while_sarif_goes_to_the_file(tmp_path):
    target = tmp_path / "alignqa.sarif"
    summary = tmp_path / "summary.md"
    out = io.StringIO()
    written = write_outputs(sample_run(), ["github", "sarif"], target, out,
                            env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert written == [target, summary]
    assert out.getvalue().startswith("::error ")
    assert summary.read_text(encoding="utf-8").startswith("## alignqa: 6 findings")


def test_several_formats_into_a_directory(tmp_path):
    out = io.StringIO()
    written = write_outputs(sample_run(), ["text", "json", "junit", "csv"], tmp_path / "r", out)
    assert [p.name for p in written] == ["alignqa.json", "alignqa.junit.xml", "alignqa.csv"]
    assert out.getvalue().splitlines()[-1].startswith("Found")


def test_several_formats_by_pattern(tmp_path):
    pattern = tmp_path / "qa-{format}.{ext}"
    written = write_outputs(sample_run(), ["json", "sarif"], pattern, io.StringIO())
    assert [p.name for p in written] == ["qa-json.json", "qa-sarif.sarif"]
    # A name without a placeholder is a directory when several formats go there.
    assert plan_outputs(["json", "csv"], tmp_path / "qa.d") == {
        "json": tmp_path / "qa.d" / "alignqa.json", "csv": tmp_path / "qa.d" / "alignqa.csv"}


def test_only_stream_formats_with_output_go_to_the_file(tmp_path):
    target = tmp_path / "report.txt"
    out = io.StringIO()
    write_outputs(sample_run(), ["text"], target, out)
    assert out.getvalue() == ""
    assert target.read_text(encoding="utf-8").splitlines()[-1].startswith("Found 6")


def test_existing_directory_takes_one_format(tmp_path):
    assert plan_outputs(["json"], tmp_path) == {"json": tmp_path / "alignqa.json"}


def test_existing_file_cannot_take_several_formats(tmp_path):
    existing = tmp_path / "x"
    existing.write_text("keep", encoding="utf-8")
    with pytest.raises(ConfigError, match="directory or a pattern"):
        plan_outputs(["json", "csv"], existing)


def test_a_failing_render_leaves_the_old_reports_intact(tmp_path, monkeypatch):
    old_json = tmp_path / "alignqa.json"
    old_sarif = tmp_path / "alignqa.sarif"
    old_json.write_text("old json", encoding="utf-8")
    old_sarif.write_text("old sarif", encoding="utf-8")

    def boom(result):
        raise RuntimeError("render failed")

    monkeypatch.setitem(formats.FORMATS, "sarif", boom)
    with pytest.raises(RuntimeError):
        write_outputs(sample_run(), ["json", "sarif"], tmp_path, io.StringIO())
    # JSON rendered fine, but nothing is written until every format has rendered.
    assert old_json.read_text(encoding="utf-8") == "old json"
    assert old_sarif.read_text(encoding="utf-8") == "old sarif"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alignqa.json", "alignqa.sarif"]

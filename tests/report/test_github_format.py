from __future__ import annotations

import pytest
from report_samples import sample_run

from alignqa.findings import Finding, Location, Severity
from alignqa.report import github
from alignqa.results import RunResult


def test_one_command_per_finding_by_severity():
    result = sample_run()
    lines = github.render(result).splitlines()
    kinds = [ln.split(" ", 1)[0] for ln in lines[:len(result.findings)]]
    assert kinds == ["::error", "::warning", "::error", "::warning", "::notice", "::error"]
    assert lines[2] == ("::error file=corpus/lv/fees.md,line=3,col=1,endLine=3,"
                        "title=alignqa numbers (en->lv)::3.5 in the source, 35 here%0A"
                        "en: The fee is 3.5%25 of the total.%0Alv: Maksa ir 35%25 no kopsummas.")
    assert lines[-2] == "::notice title=alignqa::lv/extra.md has no source <b>document</b> | 100%25"
    assert lines[-1].startswith("Found 6 findings")


def test_hostile_text_cannot_start_a_command():
    out = github.render(sample_run())
    lines = out.splitlines()
    # Every line is one of ours: a command we emitted or the closing summary.
    assert all(ln.startswith(("::error ", "::warning ", "::notice ", "Found ")) for ln in lines)
    assert len(lines) == 6 + 1 + 1
    assert "%250A" in out  # a literal "%0A" in a document is not decoded into a line break


def test_multi_line_locations_have_no_column():
    line = next(ln for ln in github.render(sample_run()).splitlines() if "length-ratio" in ln)
    assert line.startswith("::notice file=corpus/lv/fees.md,line=5,endLine=6,title=")


def test_properties_escape_colon_and_comma():
    loc = Location("docs/a,b:c.md", 1, 2, 1, 5, 1, 4)
    f = Finding("numbers", Severity.ERROR, "50%\r\nx", "en", "lv", "s", "t", target=loc)
    cmd = github.annotation(f)
    assert cmd.startswith("::error file=docs/a%2Cb%3Ac.md,line=1,col=2,endLine=1,")
    assert "title=alignqa numbers (en->lv)::50%25 x%0Aen: s%0Alv: t" in cmd
    assert github.escape_data("a%\r\n") == "a%25%0D%0A"
    assert github.escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    assert "\u2028" not in github.command("notice", "a\u2028b")


def test_markdown_cells_are_inert():
    cell = github.md_cell("<script>x</script> | `a` [l](http://e) *b*\nnext")
    assert cell == ("&lt;script&gt;x&lt;/script&gt; \\| \\`a\\` \\[l\\]\\(http\\://e\\) \\*b\\* "
                    "next")


def test_step_summary_appended_when_env_is_set(tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    result = sample_run()
    written = github.append_step_summary(result, {"GITHUB_STEP_SUMMARY": str(summary)})
    assert written == summary
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# earlier step\n## alignqa: 6 findings\n")
    assert "| error | 3 |" in text and "| suppressed | 2 |" in text
    table = [ln for ln in text.splitlines() if ln.startswith("| error |")
             or ln.startswith("| warning |") or ln.startswith("| info |")]
    assert len([ln for ln in table if ln.count("|") >= 8]) == 6
    assert "<script>" not in text
    # Each row keeps its cell count: escaped pipes do not split cells.
    row = next(ln for ln in text.splitlines() if "2030 is missing" in ln)
    assert row.replace("\\|", "").count("|") == 8


def test_step_summary_skipped_without_env(tmp_path):
    assert github.append_step_summary(sample_run(), {}) is None


def test_step_summary_stays_within_budget():
    result = sample_run()
    full = github.step_summary(result)
    small = github.step_summary(result, budget=len(full.encode()) - 50)
    assert len(small.encode()) <= len(full.encode()) - 50
    assert "more findings left out" in small
    assert github.step_summary(result, budget=100) == ""


@pytest.mark.parametrize("severity,kind", [(Severity.ERROR, "error"),
                                           (Severity.WARNING, "warning"),
                                           (Severity.INFO, "notice")])
def test_severity_maps_to_command(severity, kind):
    f = Finding("x", severity, "m", "en", "lv")
    assert github.annotation(f) == f"::{kind} title=alignqa x (en->lv)::m"
    assert github.render(RunResult(pairs=[])).startswith("No findings")

from __future__ import annotations

from dataclasses import replace

from report_samples import HOSTILE, sample_run

from alignqa.report import text
from alignqa.report.common import excerpt
from alignqa.results import RunResult


def test_one_line_per_finding_then_notices_then_summary():
    result = sample_run()
    lines = text.render(result).splitlines()
    findings = result.findings
    assert len(lines) == len(findings) + 4  # blank, notice, blank, summary
    for line, f in zip(lines, findings, strict=False):
        assert line.startswith(f"{f.path}:{f.line}:{f.column}: {f.severity.value} {f.check} ")
    assert lines[len(findings) + 1].startswith("notice: lv/extra.md has no source")
    assert lines[-1] == ("Found 6 findings (3 errors, 2 warnings, 1 info) in 2 translations of "
                         "1 source document; language pairs: en->id, en->lv; 2 suppressed.")


def test_line_carries_score_and_both_texts():
    line = text.render(sample_run()).splitlines()[2]
    assert line == ('corpus/lv/fees.md:3:1: error numbers 3.5 in the source, 35 here [0.80]  '
                    'en: "The fee is 3.5% of the total." -> lv: "Maksa ir 35% no kopsummas."')


def test_omission_shows_the_missing_side():
    line = text.render(sample_run()).splitlines()[0]
    assert line.endswith('en: "Call support before 5 May." -> id: (nothing)')


def test_hostile_text_cannot_break_lines_or_drive_the_terminal():
    out = text.render(sample_run())
    assert "\x1b" not in out and "\u202e" not in out
    assert "\\x1b[31m" in out and "\\u202e" in out
    # The multi-line message and the two-line target stay on their finding's line.
    assert sum(1 for ln in out.splitlines() if "Looks untranslated, line break" in ln) == 1
    assert "un vēl rinda" not in out  # cut: the excerpt is 60 characters


def test_nan_score_is_not_printed():
    line = next(ln for ln in text.render(sample_run()).splitlines() if "untranslated, line" in ln)
    assert "[nan]" not in line


def test_empty_run_says_so():
    out = text.render(RunResult(pairs=[]))
    assert out == ("No findings (0 errors, 0 warnings, 0 info) in 0 translations of 0 source "
                   "documents; language pairs: none.\n")


def test_excerpt_centres_on_the_span_and_marks_cuts():
    sentence = " ".join(f"word{i}" for i in range(40)) + " 3.5% " + " ".join(["tail"] * 30)
    at = sentence.index("3.5%")
    cut = excerpt(sentence, [(at, at + 4)], width=40)
    assert "3.5%" in cut and cut.startswith("…") and cut.endswith("…")
    assert len(cut) <= 42
    assert excerpt("short\n  text") == "short text"
    assert excerpt(HOSTILE, width=30).endswith("…")


def test_a_newline_in_a_file_name_stays_on_its_line():
    result = sample_run()
    finding = next(f for f in result.findings if f.target is not None)
    finding.target = replace(finding.target, path="corpus/lv/two\nlines.md")
    lines = text.render(result).splitlines()
    assert len(lines) == len(result.findings) + 4
    assert any(line.startswith("corpus/lv/two lines.md:") for line in lines)

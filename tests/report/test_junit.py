from __future__ import annotations

import pytest
from lxml import etree
from report_samples import HOSTILE, register_checks, sample_run

from alignqa.report import junit
from alignqa.results import RunResult


@pytest.fixture
def tree(monkeypatch) -> etree._Element:
    register_checks(monkeypatch)
    return etree.fromstring(junit.render(sample_run()).encode("utf-8"))


def _suites(tree):
    return [s for s in tree.findall("testsuite") if s.get("name") != "alignqa notices"]


def test_one_suite_per_pair_one_case_per_check(tree):
    suites = _suites(tree)
    assert [s.get("name") for s in suites] == ["en->lv corpus/lv/fees.md",
                                                "en->id corpus/id/fees.md"]
    for suite in suites:
        names = [c.get("name") for c in suite.findall("testcase")]
        assert {"numbers", "untranslated", "length-ratio", "omission"} <= set(names)
        assert int(suite.get("tests")) == len(names)
        # GitLab drops test cases whose classname + name repeat.
        assert len({(c.get("classname"), c.get("name")) for c in suite.findall("testcase")}) \
            == len(names)
    assert tree.get("tests") == str(sum(int(s.get("tests")) for s in suites))


def test_failures_only_at_the_fail_on_level(tree):
    lv = _suites(tree)[0]
    numbers = lv.find("testcase[@name='numbers']")
    failure = numbers.find("failure")
    assert failure.get("type") == "error"
    assert failure.get("message").startswith("2 findings (2 errors, 0 warnings, 0 info)")
    assert "3:1: error numbers 3.5 in the source, 35 here [0.80]" in failure.text
    # Warnings and info stay below fail_on=error: passing, reported in system-out.
    untranslated = lv.find("testcase[@name='untranslated']")
    assert untranslated.find("failure") is None
    assert "Looks untranslated" in untranslated.find("system-out").text
    assert lv.get("failures") == "1"
    assert tree.get("failures") == "2"


def test_hostile_text_is_escaped_not_markup(tree):
    lv = _suites(tree)[0]
    failure = lv.find("testcase[@name='numbers']/failure")
    assert HOSTILE in failure.text  # read back as text, so it was escaped on the way out
    assert tree.find(".//script") is None
    out = lv.find("testcase[@name='untranslated']/system-out").text
    assert "\\x1b[31m" in out and "\x1b" not in out


def test_disabled_checks_are_skipped(monkeypatch):
    register_checks(monkeypatch)
    result = sample_run()
    result.signature["checks"] = ["numbers", "omission", "untranslated", "length-ratio"][:3]
    result.pairs[0].findings = [f for f in result.pairs[0].findings if f.check != "length-ratio"]
    tree = etree.fromstring(junit.render(result).encode())
    lv = _suites(tree)[0]
    assert lv.find("testcase[@name='length-ratio']/skipped") is not None
    assert lv.find("testcase[@name='numbers']/skipped") is None
    skipped = [c.get("name") for c in lv.findall("testcase") if c.find("skipped") is not None]
    assert lv.get("skipped") == str(len(skipped))
    assert "length-ratio" in skipped and not {"numbers", "omission", "untranslated"} & set(skipped)


def test_fail_on_info_fails_every_check_with_findings(monkeypatch):
    register_checks(monkeypatch)
    result = sample_run()
    result.signature["fail_on"] = "info"
    tree = etree.fromstring(junit.render(result).encode())
    assert _suites(tree)[0].get("failures") == "3"


def test_classname_is_unique_per_pair(tree):
    names = {c.get("classname") for c in tree.iter("testcase")}
    assert names == {"alignqa.en-lv.corpus.lv.fees_md", "alignqa.en-id.corpus.id.fees_md"}


def test_notices_and_empty_run():
    empty = etree.fromstring(junit.render(RunResult(pairs=[], notices=["a & b"])).encode())
    assert empty.get("tests") == "0"
    assert empty.find("testsuite/system-out").text == "a & b\n"


def test_xml_safe_replaces_what_xml_cannot_hold():
    assert junit.xml_safe("a\x00b\x1bc\td") == "a\\x00b\\x1bc\td"

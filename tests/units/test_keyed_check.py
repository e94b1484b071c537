"""End to end with the real model: ``check`` on the multi-format repository finds every planted
error at the translation file and the unit's line in SARIF, reports unit states, and writes TMX and
an HTML report without machine paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from alignqa.config import load_config
from alignqa.pipeline import run_check
from alignqa.report.formats import render
from alignqa.report.html import write_html_report

APP = Path(__file__).parent / "fixtures" / "app"


@pytest.fixture(scope="module")
def result(embedder):
    return run_check([APP], load_config(APP / "alignqa.toml", APP), embedder=embedder, quiet=True)


def sarif_hits(result) -> set[tuple[str, str, int]]:
    log = json.loads(render(result, "sarif"))
    hits = set()
    for r in log["runs"][0]["results"]:
        loc = r["locations"][0]["physicalLocation"]
        uri = loc["artifactLocation"]["uri"]
        hits.add((r["ruleId"], uri.split("fixtures/app/", 1)[-1], loc["region"]["startLine"]))
    return hits


PLANTED = {
    ("numbers", "po/de.po", 32),                          # 25 MB -> 50 MB
    ("placeholders", "po/de.po", 28),                     # msgstr[1] lost %d
    ("unit-state", "po/de.po", 16),                       # fuzzy
    ("unit-state", "po/de.po", 36),                       # empty msgstr
    ("numbers", "xliff/messages.de.xlf", 11),             # 80 % -> 90 %
    ("unit-state", "xliff/messages.de.xlf", 15),          # needs-review-translation
    ("unit-state", "xliff/messages.fr.xlf", 19),          # XLIFF 2.0 state="initial"
    ("placeholders", "web/locales/de/translation.json", 4),   # {{count}} dropped
    ("numbers", "web/locales/de/translation.json", 8),    # second sentence of a unit: 24 -> 12
    ("numbers", "flutter/lib/l10n/app_pt_BR.arb", 3),
    ("numbers", "chrome/_locales/pt_BR/messages.json", 6),
    ("numbers", "rails/config/locales/de.yml", 7),
    ("placeholders", "android/res/values-de/strings.xml", 4),  # %2$s dropped
    ("unit-state", "android/res/values-pt-rBR/strings.xml", 1),  # plurals, array missing
    ("numbers", "ios/de.lproj/Localizable.strings", 5),
    ("unit-state", "ios/Catalog/Localizable.xcstrings", 15),  # zh-Hans needs_review
    ("placeholders", "java/src/main/resources/messages_de.properties", 2),  # {1} dropped
    ("numbers", "site/de/install.html", 10),              # an HTML document, aligned: 4 -> 8 GB
}


def test_every_planted_error_is_found_at_its_line(result):
    hits = sarif_hits(result)
    assert hits >= PLANTED, sorted(PLANTED - hits)
    # Clean units stay clean: nothing about numbers or placeholders where none changed.
    assert not {h for h in hits if h[0] in ("numbers", "placeholders")} - PLANTED


def test_mistranslation_still_scores_keyed_units(result):
    scored = [f for f in result.findings if f.check == "mistranslation"]
    # A msgstr about the weather for a msgid about billing; the changed number on line 32 is
    # the numbers check's finding, not repeated here.
    assert any(f.target.path.endswith("po/de.po") and f.target.line == 43 for f in scored)
    assert not any(f.target.path.endswith("po/de.po") and f.target.line == 32 for f in scored)


def test_findings_show_the_locale_as_given(result):
    langs = {f.target_lang for f in result.findings}
    assert {"pt-BR", "zh-Hans", "de", "fr"} <= langs


def test_tmx_holds_the_compared_pairs(result):
    tmx = etree.fromstring(render(result, "tmx").encode())
    assert tmx.get("version") == "1.4"
    tus = tmx.findall("body/tu")
    pairs = {tuple(tuv.findtext("seg") for tuv in tu.findall("tuv")) for tu in tus}
    assert ("Save note", "Notiz speichern") in pairs
    langs = {tu.findall("tuv")[1].get("{http://www.w3.org/XML/1998/namespace}lang") for tu in tus}
    assert {"de", "pt-BR", "fr", "zh-Hans"} <= langs
    # Fuzzy and untranslated units are no memory entries.
    assert not any(src == "Close the window" for src, _ in pairs)


def test_html_report_shows_no_machine_paths(result, tmp_path, monkeypatch):
    """Run from elsewhere, the report's paths are relative to the repository root."""
    monkeypatch.chdir(tmp_path)
    write_html_report(result, tmp_path / "report")
    pages = [p.read_text(encoding="utf-8") for p in (tmp_path / "report").rglob("*.html")]
    assert pages and not any(str(APP) in page for page in pages)
    assert any("po/de.po" in page for page in pages)

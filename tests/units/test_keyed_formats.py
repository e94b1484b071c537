"""Keyed formats through translate-toolkit: a small repository with one file set per format, in
the shapes real projects keep them (tests/units/fixtures/app). Units pair by key, a multi-sentence
unit is split inside, unit states are kept apart, and every segment knows its line in its file."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignqa.config import load_config
from alignqa.layout import discover
from alignqa.units.model import FUZZY, NEEDS_REVIEW, UNTRANSLATED
from alignqa.units.pairing import pair_units

APP = Path(__file__).parent / "fixtures" / "app"


@pytest.fixture(scope="module")
def pairs():
    config = load_config(APP / "alignqa.toml", APP)
    corpus = discover(config.layout_root, config.layout())
    assert corpus.notices == []
    return {(p.target_relpath.as_posix(), p.target_lang): (p, *pair_units(p))
            for p in corpus.pairs if p.keyed}


def beads(pairs, key):
    _, src, tgt, alignment = pairs[key]
    return [([src.segments[i].text for i in b.src], [(tgt.segments[i].line, tgt.segments[i].text)
                                                     for i in b.tgt]) for b in alignment.beads]


def skipped(pairs, key):
    return [(u.key, u.state, u.target.line if u.target else None)
            for u in pairs[key][2].skipped_units]


def test_html_documents_are_read_by_block_with_lines(tmp_path):
    from alignqa.segment import load_document

    doc = load_document(APP / "site" / "de" / "install.html", "de")
    assert [(s.line, s.kind, s.text) for s in doc.segments] == [
        (3, "heading", "Installationsanleitung"), (5, "heading", "Die App installieren"),
        (6, "sentence", "Laden Sie das Installationsprogramm herunter."),
        (6, "sentence", "Es dauert 2 Minuten."),
        (7, "sentence", "Führen Sie es dann mit <code>setup --quiet</code> aus."),
        (9, "list-item", "Windows 10 oder neuer"), (10, "list-item", "8 GB Arbeitsspeicher")]
    assert all(doc.text[s.start:s.end] == s.text for s in doc.segments)


def test_every_format_is_found_with_its_locale(pairs):
    assert sorted((k[0], k[1], v[0].format) for k, v in pairs.items()) == [
        ("android/res/values-de/strings.xml", "de", "android"),
        ("android/res/values-pt-rBR/strings.xml", "pt-BR", "android"),
        ("chrome/_locales/pt_BR/messages.json", "pt-BR", "json"),
        ("flutter/lib/l10n/app_pt_BR.arb", "pt-BR", "json"),
        ("ios/Catalog/Localizable.xcstrings", "de", "xcstrings"),
        ("ios/Catalog/Localizable.xcstrings", "zh-Hans", "xcstrings"),
        ("ios/de.lproj/Localizable.strings", "de", "strings"),
        ("java/src/main/resources/messages_de.properties", "de", "properties"),
        ("po/de.po", "de", "po"),
        ("rails/config/locales/de.yml", "de", "yaml"),
        ("web/locales/de/translation.json", "de", "json"),
        ("xliff/messages.de.xlf", "de", "xliff"),
        ("xliff/messages.fr.xlf", "fr", "xliff"),
    ]


def test_po_plurals_context_fuzzy_untranslated_obsolete(pairs):
    key = ("po/de.po", "de")
    assert beads(pairs, key) == [
        (["Open the file."], [(11, "Öffnen Sie die Datei.")]),
        (["Then save it."], [(11, "Speichern Sie sie dann.")]),
        (["File"], [(21, "Datei")]),  # msgctxt "menu"
        (["Deleted %d file"], [(27, "%d Datei gelöscht")]),  # msgstr[0]
        (["Deleted %d files"], [(28, "Dateien gelöscht")]),  # msgstr[1]
        (["The upload limit is 25 MB."], [(32, "Das Upload-Limit beträgt 50 MB.")]),
        (["Your subscription will be cancelled at the end of the current billing period."],
         [(43, "Das Wetter in den Bergen ist heute sonnig und den ganzen Tag sehr warm.")]),
    ]
    # The fuzzy entry and the empty msgstr are reported, not compared; "#~" entries are gone.
    assert skipped(pairs, key) == [("Close the window", FUZZY, 16),
                                   ("Rename the folder", UNTRANSLATED, 36)]
    src = pairs[key][1]
    assert src.path == pairs[key][2].path and src.segments[0].line == 10  # msgid line


def test_xliff_12_and_20_states(pairs):
    assert beads(pairs, ("xliff/messages.de.xlf", "de"))[1] == (
        ["You have used 80% of your storage."], [(11, "Sie haben 90 % Ihres Speichers belegt.")])
    # XLIFF 1.2 ids are per <file>: the key holds the file's original too.
    assert skipped(pairs, ("xliff/messages.de.xlf", "de")) == [("messages\x04logout", NEEDS_REVIEW,
                                                               15)]
    assert skipped(pairs, ("xliff/messages.fr.xlf", "fr")) == [("logout", NEEDS_REVIEW, 19)]


def test_nested_i18next_json_pairs_by_key_path(pairs):
    assert beads(pairs, ("web/locales/de/translation.json", "de")) == [
        (["Your projects"], [(3, "Ihre Projekte")]),
        (["Search {{count}} projects"], [(4, "Projekte durchsuchen")]),
        (["{{count}} item"], [(6, "{{count}} Element")]),
        (["{{count}} items"], [(7, "{{count}} Elemente")]),
        (["Made with care."], [(8, "Mit Sorgfalt gemacht.")]),
        (["Updated every 24 hours."], [(8, "Alle 12 Stunden aktualisiert.")]),
    ]
    tgt = pairs[("web/locales/de/translation.json", "de")][2]
    footer = tgt.segments[-1]
    assert tgt.text[footer.start:footer.end] == footer.text  # exact offsets into the file


def test_arb_and_chrome_messages_skip_metadata(pairs):
    assert beads(pairs, ("flutter/lib/l10n/app_pt_BR.arb", "pt-BR")) == [
        (["Hello {name}, you have 3 new messages."],
         [(3, "Olá {name}, você tem 5 novas mensagens.")]),
        (["Settings"], [(4, "Configurações")])]
    assert beads(pairs, ("chrome/_locales/pt_BR/messages.json", "pt-BR"))[1] == (
        ["Saved $COUNT$ tabs in 2 seconds."], [(6, "$COUNT$ abas salvas em 3 segundos.")])


def test_rails_yaml_drops_the_locale_root(pairs):
    assert beads(pairs, ("rails/config/locales/de.yml", "de"))[:2] == [
        (["can't be blank"], [(4, "darf nicht leer sein")]),
        (["Welcome to the store"], [(6, "Willkommen im Shop")])]


def test_android_plurals_arrays_and_missing_units(pairs):
    assert beads(pairs, ("android/res/values-de/strings.xml", "de")) == [
        (["Save note"], [(3, "Notiz speichern")]),
        (["Synced %1$d notes at %2$s."], [(4, "%1$d Notizen synchronisiert.")]),
        (["%d note"], [(6, "%d Notiz")]), (["%d notes"], [(7, "%d Notizen")]),
        (["By date"], [(10, "Nach Datum")]), (["By title"], [(11, "Nach Titel")])]
    # translatable="false" is never asked for; what pt-BR lacks is untranslated.
    assert skipped(pairs, ("android/res/values-pt-rBR/strings.xml", "pt-BR")) == [
        ("notes_count[one]", UNTRANSLATED, None), ("notes_count[other]", UNTRANSLATED, None),
        ("sort_options[0]", UNTRANSLATED, None), ("sort_options[1]", UNTRANSLATED, None)]


def test_apple_strings_catalog_and_properties(pairs):
    assert beads(pairs, ("ios/de.lproj/Localizable.strings", "de"))[1] == (
        ["The download failed after 3 attempts."],
        [(5, "Der Download ist nach 5 Versuchen fehlgeschlagen.")])
    assert beads(pairs, ("ios/Catalog/Localizable.xcstrings", "de")) == [
        (["Delete %lld photos?"], [(9, "%lld Fotos löschen?")]), (["Share"], [(25, "Teilen")])]
    assert skipped(pairs, ("ios/Catalog/Localizable.xcstrings", "zh-Hans")) == [
        ("Delete %lld photos?", NEEDS_REVIEW, 15)]
    assert beads(pairs, ("java/src/main/resources/messages_de.properties", "de"))[0] == (
        ["Order {0} was created on {1}."], [(2, "Bestellung {0} wurde erstellt.")])


def test_a_plural_form_the_source_lacks_pairs_with_other(tmp_path):
    """Polish has "few" and "many"; English only "one" and "other"."""
    for lang, body in (("en", '"files_one": "{{count}} file", "files_other": "{{count}} files"'),
                       ("pl", '"files_one": "{{count}} plik", "files_few": "{{count}} pliki", '
                              '"files_many": "{{count}} plików"')):
        (tmp_path / f"{lang}.json").write_text("{" + body + "}", encoding="utf-8")
    from alignqa.corpus import DocumentPair

    pair = DocumentPair(tmp_path, Path("en.json"), "en", "pl", tmp_path / "en.json",
                        tmp_path / "pl.json", "json")
    src, tgt, alignment = pair_units(pair)
    got = [(src.segments[b.src[0]].text, tgt.segments[b.tgt[0]].text) for b in alignment.beads]
    assert got == [("{{count}} file", "{{count}} plik"), ("{{count}} files", "{{count}} pliki"),
                   ("{{count}} files", "{{count}} plików")]
    # English "other" missing from this Polish file is no gap: the unit has other forms.
    assert tgt.skipped_units == []


def test_a_template_beside_its_translations(tmp_path):
    """po/app.pot -> po/%locale%.po: a msgid the translation lacks is untranslated."""
    from alignqa.config import config_from_mapping

    (tmp_path / "po").mkdir()
    (tmp_path / "po" / "app.pot").write_text(
        'msgid ""\nmsgstr ""\n\nmsgid "Open"\nmsgstr ""\n\nmsgid "Close"\nmsgstr ""\n',
        encoding="utf-8")
    (tmp_path / "po" / "de.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n\nmsgid "Open"\nmsgstr "Öffnen"\n',
        encoding="utf-8")
    cfg = config_from_mapping({"files": [{"source": "po/app.pot",
                                          "translation": "po/%locale%.po"}]},
                              tmp_path / "alignqa.toml")
    (pair,) = discover(tmp_path, cfg.layout()).pairs
    src, tgt, alignment = pair_units(pair)
    assert [(src.segments[b.src[0]].text, tgt.segments[b.tgt[0]].text)
            for b in alignment.beads] == [("Open", "Öffnen")]
    assert [(u.key, u.state) for u in tgt.skipped_units] == [("Close", UNTRANSLATED)]


def test_xliff_ids_repeat_across_files(tmp_path):
    from alignqa.units import load_units

    unit = '<trans-unit id="title"><source>{0}</source><target>{1}</target></trans-unit>'
    body = "".join(f'<file original="{name}" source-language="en" target-language="de" '
                   f'datatype="plaintext"><body>{unit.format(src, tgt)}</body></file>'
                   for name, src, tgt in (("home", "Home", "Start"), ("help", "Help", "Hilfe")))
    path = tmp_path / "de.xlf"
    path.write_text('<?xml version="1.0"?>\n<xliff version="1.2" '
                    f'xmlns="urn:oasis:names:tc:xliff:document:1.2">{body}</xliff>',
                    encoding="utf-8")
    _, units = load_units(path, "xliff")
    assert [(u.key, u.source.text, u.text.text) for u in units] == [
        ("home\x04title", "Home", "Start"), ("help\x04title", "Help", "Hilfe")]

"""Bad input in any keyed format, or a bad layout: one line naming the file, exit 2, no model
loaded, no traceback. XML entities are refused, never expanded."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignqa.errors import InputError
from alignqa.units.stores import read_android, read_xliff
from cli_helpers import run_cli

GOOD = {
    "po": ("po/de.po", 'msgid ""\nmsgstr ""\n"Language: de\\n"\n\nmsgid "Hi"\nmsgstr "Hallo"\n'),
    "json": ("en.json", '{"hi": "Hi there"}'),
}


@pytest.fixture
def cli(capsys, monkeypatch):
    return lambda *args: run_cli(list(args), capsys, monkeypatch)


def repo(root: Path, config: str, files: dict[str, str]) -> Path:
    (root / "alignqa.toml").write_text(config, encoding="utf-8")
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


JSON_LAYOUT = '[[files]]\nsource = "%locale%.json"\ntranslation = "%locale%.json"\n'


@pytest.mark.parametrize("config, files, bad, needle", [
    ('[[files]]\nsource = "po/*.po"\n',
     {"po/de.po": 'msgid "Hi"\nmsgstr "Hallo\nmsgid "x"\n'}, "po/de.po", "cannot parse"),
    (JSON_LAYOUT, {"en.json": '{"hi": "Hi"}', "de.json": '{"hi": "Hallo",}'}, "de.json",
     "invalid JSON"),
    ('[[files]]\nsource = "en.yml"\ntranslation = "%locale%.yml"\n',
     {"en.yml": "en:\n  hi: Hi\n", "de.yml": "de:\n  hi: [Hallo\n"}, "de.yml", "cannot parse"),
    ('[[files]]\nsource = "values/strings.xml"\ntranslation = "values-%android_code%/strings.xml"\n',
     {"values/strings.xml": '<resources><string name="a">A</string></resources>',
      "values-de/strings.xml": '<resources><string name="a">A</resources>'},
     "values-de/strings.xml", "cannot parse"),
    ('[[files]]\nsource = "*.xlf"\n',
     {"de.xlf": '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
                '<xliff version="1.2"><file target-language="de"><body><trans-unit id="a">'
                '<source>A</source><target>&e;</target></trans-unit></body></file></xliff>'},
     "de.xlf", "entities"),
    ('[[files]]\nsource = "docs/**/*.md"\ntranslation = "docs/%langcode%/**/%original_file_name%"\n',
     {}, "alignqa.toml", "unknown placeholder %langcode%"),
])
def test_bad_file_is_one_line_exit_2(tmp_path, cli, config, files, bad, needle):
    root = repo(tmp_path, config, files)
    run = cli("check", root, "--no-report")
    assert run.code == 2, (run.code, run.err)
    lines = [line for line in run.err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in run.err, run.err
    assert bad in lines[0] and needle in lines[0], lines[0]


def test_xml_entities_are_never_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    billion = ('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
               '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
               '<resources><string name="x">&b;</string></resources>')
    external = (f'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY s SYSTEM "file://{secret}">]>\n'
                '<resources><string name="x">&s;</string></resources>')
    for text in (billion, external):
        with pytest.raises(InputError, match="entities"):
            read_android(tmp_path / "strings.xml", text.encode(), text)
    # Without a DTD, an undefined entity reference is a parse error, not a lookup.
    text = '<xliff version="1.2"><file><body><trans-unit id="a"><source>&s;</source>' \
           '</trans-unit></body></file></xliff>'
    with pytest.raises(InputError) as info:
        read_xliff(tmp_path / "a.xlf", text.encode(), text)
    assert "TOP SECRET" not in str(info.value)

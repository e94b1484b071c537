"""The glossary loader: CSV, TSV and TBX, and an InputError naming file and line for bad input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from alignqa.errors import InputError
from alignqa.glossary import load_glossary

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en">
<martifHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry id="c1">
  <langSet xml:lang="en"><tig><term>client</term></tig></langSet>
  <langSet xml:lang="lv">
    <tig><term>klients</term></tig>
    <tig><term>kundzis</term>
      <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
  </langSet>
  <langSet xml:lang="id"><tig><term>klien</term></tig></langSet>
</termEntry>
<termEntry id="c2">
  <descrip type="Translation needed">no</descrip>
  <langSet xml:lang="en"><tig><term>GitHub</term></tig></langSet>
</termEntry>
<termEntry id="c3">
  <langSet xml:lang="de"><tig><term>Rechnung</term></tig></langSet>
</termEntry>
</body></text></martif>
"""


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_csv_columns_alternatives_and_dnt(tmp_path: Path) -> None:
    path = write(tmp_path, "terms.csv", (
        "# company glossary\n"
        "source,lang,target,dnt,forbidden,note\n"
        "client,lv,klients|klientu,,kundzis,person who buys\n"
        "GitHub,,,yes,,\n"
        "Docker,,,,,\n"
        "client,id,klien,,,\n"))
    glossary = load_glossary(path)
    lv = {e.source: e for e in glossary.entries_for("en", "lv")}
    assert lv["client"].targets == ("klients", "klientu")
    assert lv["client"].forbidden == ("kundzis",)
    assert lv["client"].note == "person who buys"
    assert lv["client"].line == 3
    assert lv["GitHub"].dnt and lv["GitHub"].lang is None
    assert lv["Docker"].dnt, "a row with no target and nothing forbidden is do-not-translate"
    assert [e.targets for e in glossary.entries_for("en", "id") if e.source == "client"] == [
        ("klien",)]
    assert all(e.source != "client" for e in glossary.entries_for("en", "de"))


def test_rows_for_one_term_merge_into_alternatives(tmp_path: Path) -> None:
    path = write(tmp_path, "terms.csv",
                 "source,lang,target\nclient,lv,klients\nClient,lv,pasūtītājs\n")
    (entry,) = load_glossary(path).entries
    assert entry.targets == ("klients", "pasūtītājs")


def test_tsv_with_bom_and_source_lang(tmp_path: Path) -> None:
    text = "source\tsource_lang\tlang\ttarget\nklients\tlv\ten\tclient\n"
    path = write(tmp_path, "terms.tsv", "\ufeff".encode() + text.encode())
    (entry,) = load_glossary(path).entries
    assert (entry.source, entry.source_lang, entry.lang, entry.targets) == (
        "klients", "lv", "en", ("client",))
    assert load_glossary(path).entries_for("en", "en") == []


def test_tbx_terms_deprecated_and_translation_needed(tmp_path: Path) -> None:
    glossary = load_glossary(write(tmp_path, "terms.tbx", TBX))
    lv = [e for e in glossary.entries_for("en", "lv") if e.source == "client"]
    assert [(e.targets, e.forbidden) for e in lv] == [(("klients",), ("kundzis",))]
    assert [e.targets for e in glossary.entries_for("en", "id") if e.source == "client"] == [
        ("klien",)]
    assert any(e.source == "GitHub" and e.dnt for e in glossary.entries_for("en", "fr"))
    assert all(e.source != "Rechnung" for e in glossary.entries), "no source-language term"
    assert glossary.entries_for("lv", "en") == [], "TBX entries are for its source language"


def test_reloads_when_the_file_changes(tmp_path: Path) -> None:
    path = write(tmp_path, "terms.csv", "source,lang,target\nclient,lv,klients\n")
    assert load_glossary(path).entries[0].targets == ("klients",)
    path.write_text("source,lang,target\nclient,lv,pasūtītājs\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert load_glossary(path).entries[0].targets == ("pasūtītājs",)


@pytest.mark.parametrize(("name", "text", "message"), [
    ("terms.csv", "source,lang,target\nclient,xx,klients\n",
     "line 2: lang: unknown language code 'xx'"),
    ("terms.csv", "source,lang,target\nclient,lv,klients,extra\n",
     "line 2: 4 fields but the header names 3"),
    ("terms.csv", "term,lang,target\nclient,lv,klients\n", "line 1: unknown column(s) 'term'"),
    ("terms.csv", "lang,target\nlv,klients\n", "line 1: the header needs a 'source' column"),
    ("terms.csv", "source,target,target\na,b,c\n", "line 1: column(s) target named twice"),
    ("terms.csv", "source,dnt\nGitHub,maybe\n", "line 2: dnt is 'maybe'"),
    ("terms.csv", "source,lang,target\n\nclient,lv,klients\n,lv,x\n", "line 4: empty source term"),
    ("terms.csv", "source,target,dnt\nGitHub,Gitkrātuve,yes\n",
     "line 2: 'GitHub' is marked do-not-translate"),
    ("terms.csv", "source,target,dnt\nGitHub,,yes\nGitHub,Gitkrātuve,\n",
     "line 3: 'GitHub' is do-not-translate on one row and translated on the other (line 2)"),
    ("terms.csv", "# nothing here\n", "empty glossary"),
    ("terms.csv", "source,target\n", "glossary has no entries"),
    ("terms.csv", b"source,target\nklients,\xff\n", "not valid UTF-8"),
    ("terms.xlsx", "source,target\n", "unknown glossary format '.xlsx'"),
    ("terms.tbx", "<martif><text><body><termEntry>", "line 1: not well-formed TBX"),
    ("terms.tbx", TBX.replace(' xml:lang="en">\n<martifHeader', ">\n<martifHeader"),
     "<martif> has no xml:lang"),
    # Strict CSV: a stray quote no longer swallows the rest of the file into one term.
    ("terms.csv", 'source,target\nclient,klients\n"role,loma\nfee,maksa\n',
     "line 3: a quoted field is never closed (unterminated quote)"),
    ("terms.csv", 'source,target\n"role" x,loma\n', "line 2: ',' expected after '\"'"),
    ("terms.csv", 'source,target\n"role\nfee",maksa\n',
     "line 2: the source field runs on to line 3"),
    ("terms.csv", "source,target\nclient," + "x" * 131_073 + "\n",
     "line 2: a field is longer than 131,072 characters"),
    ("terms.tbx", '<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY a "aaaa">]>\n<martif/>',
     "line 1: the DOCTYPE declares XML entities (a)"),
])
def test_malformed_glossary_is_an_input_error(tmp_path: Path, name: str, text: str | bytes,
                                              message: str) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(InputError) as info:
        load_glossary(path)
    assert message in info.value.message
    assert info.value.path == str(path.resolve()) or info.value.path == str(path)


def test_a_note_may_span_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "terms.csv", 'source,target,note\nclient,klients,"one\ntwo"\nfee,maksa,\n')
    assert [(e.source, e.line) for e in load_glossary(path).entries] == [("client", 2), ("fee", 4)]


def test_special_files_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "glossary.csv"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="FIFO"):
        load_glossary(fifo)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such glossary file"):
        load_glossary(tmp_path / "missing.csv")

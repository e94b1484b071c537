from __future__ import annotations

from alignqa.findings import Finding, Location, Severity
from alignqa.suppress import apply_suppressions

MD = """# Virsraksts

Maksa ir 35% no kopsummas. <!-- alignqa: ignore[numbers, glossary] -->
Otrais teikums.
Trešais teikums, <!-- alignqa: ignore -->
kas turpinās.
"""

TXT = """First line 3.5  # alignqa: ignore[numbers]
Second line # not a directive
# alignqa: ignore
Fourth line
"""


def finding(check: str, path: str, line: int, end_line: int | None = None) -> Finding:
    loc = Location(path, line, 1, end_line or line, 10, 0, 9)
    return Finding(check, Severity.ERROR, "m", "en", "lv", "src", f"tgt {check} {line}",
                   target=loc)


def test_markdown_directive_names_checks():
    docs = {"lv/a.md": MD}
    numbers, glossary, other = (finding(c, "lv/a.md", 3) for c in ("numbers", "glossary", "dates"))
    kept, dropped = apply_suppressions([numbers, glossary, other], docs)
    assert kept == [other] and dropped == 2


def test_markdown_directive_without_list_silences_all_over_the_location():
    docs = {"lv/a.md": MD}
    spanning = finding("dates", "lv/a.md", 5, 6)      # directive on its first line
    ending = finding("dates", "lv/a.md", 4, 5)        # directive on its last line
    untouched = finding("dates", "lv/a.md", 4)        # line 4 carries none
    after = finding("dates", "lv/a.md", 6)            # the directive is on line 5 only
    kept, dropped = apply_suppressions([spanning, ending, untouched, after], docs)
    assert kept == [untouched, after] and dropped == 2


def test_plain_text_forms():
    docs = {"lv/a.txt": TXT}
    first = finding("numbers", "lv/a.txt", 1)
    first_other = finding("dates", "lv/a.txt", 1)
    second = finding("numbers", "lv/a.txt", 2)        # '# not a directive'
    alone = finding("dates", "lv/a.txt", 3)
    kept, dropped = apply_suppressions([first, first_other, second, alone], docs)
    assert kept == [first_other, second] and dropped == 2


def test_unknown_documents_and_unlocated_findings_are_kept():
    loose = Finding("numbers", Severity.ERROR, "m", "en", "lv")
    elsewhere = finding("numbers", "lv/b.md", 3)
    kept, dropped = apply_suppressions([loose, elsewhere], {"lv/a.md": MD})
    assert kept == [loose, elsewhere] and dropped == 0


def test_omission_is_looked_up_at_its_source():
    src = Location("en/a.md", 3, 1, 3, 10, 0, 9)
    omission = Finding("omission", Severity.ERROR, "m", "en", "lv", "s", "", source=src)
    kept, dropped = apply_suppressions([omission], {"en/a.md": MD})
    assert kept == [omission] and dropped == 0   # 'omission' is not in ignore[numbers, glossary]
    other = Finding("numbers", Severity.ERROR, "m", "en", "lv", "s", "", source=src)
    assert apply_suppressions([other], {"en/a.md": MD}) == ([], 1)

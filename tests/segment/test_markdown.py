"""Line structure: headings, list items, tables, code, comments, directives, wrapped lines."""

from __future__ import annotations

from alignqa.document import HEADING, LIST_ITEM, SENTENCE, TABLE_ROW
from alignqa.segment import segment_text


def seg(text: str, lang: str = "en") -> list[tuple[str, str, str]]:
    segments = segment_text(text, lang)
    for s in segments:
        assert text[s.start:s.end] == s.text
    return [(s.kind, s.marker, s.text) for s in segments]


def test_atx_headings_keep_markers_out_of_text():
    assert seg("# Title\n\n## Sub title ##\nText here.\n") == [
        (HEADING, "#", "Title"),
        (HEADING, "##", "Sub title"),
        (SENTENCE, "", "Text here."),
    ]


def test_heading_line_is_one_segment_even_with_two_sentences():
    assert seg("# Why? Because.\n") == [(HEADING, "#", "Why? Because.")]


def test_hash_without_space_is_no_heading():
    assert seg("#hashtag is a word. Right.\n") == [
        (SENTENCE, "", "#hashtag is a word."),
        (SENTENCE, "", "Right."),
    ]


def test_setext_heading():
    assert seg("Overview\n========\n\nBody text. More.\n") == [
        (HEADING, "", "Overview"),
        (SENTENCE, "", "Body text."),
        (SENTENCE, "", "More."),
    ]


def test_bare_short_lines_are_headings_in_a_plain_document():
    text = "Getting started\nInstall the tool. Run it.\nWhat next?\nRead the guide.\n"
    assert seg(text) == [
        (HEADING, "", "Getting started"),
        (SENTENCE, "", "Install the tool."),
        (SENTENCE, "", "Run it."),
        (HEADING, "", "What next?"),
        (SENTENCE, "", "Read the guide."),
    ]


def test_bare_lines_are_sentences_when_the_document_has_markdown_headings():
    assert seg("# Guide\n\nGetting started\n\nWhat next?\n") == [
        (HEADING, "#", "Guide"),
        (SENTENCE, "", "Getting started"),
        (SENTENCE, "", "What next?"),
    ]


def test_bare_line_heading_needs_no_prose_ending():
    # A colon or comma at the end introduces what follows: prose, not a heading.
    assert seg("You will need:\n- a laptop\n") == [
        (SENTENCE, "", "You will need:"),
        (LIST_ITEM, "-", "a laptop"),
    ]


def test_long_bare_line_is_a_sentence():
    line = "This line has far too many words to be a heading even though it has no period"
    assert seg(line + "\n") == [(SENTENCE, "", line)]


def test_list_items_every_sentence_is_a_list_item_marker_on_first_only():
    assert seg("- One. Two.\n* Star\n+ Plus\n• Bullet\n") == [
        (LIST_ITEM, "-", "One."),
        (LIST_ITEM, "", "Two."),
        (LIST_ITEM, "*", "Star"),
        (LIST_ITEM, "+", "Plus"),
        (LIST_ITEM, "•", "Bullet"),
    ]


def test_ordered_and_task_list_items():
    assert seg("1. First.\n2) Second\n- [x] Done task\n- [ ] Open task\n") == [
        (LIST_ITEM, "1.", "First."),
        (LIST_ITEM, "2)", "Second"),
        (LIST_ITEM, "- [x]", "Done task"),
        (LIST_ITEM, "- [ ]", "Open task"),
    ]


def test_year_at_line_start_is_no_list_marker():
    assert seg("1999. That was the year.\n") == [
        (SENTENCE, "", "1999."),
        (SENTENCE, "", "That was the year."),
    ]


def test_indented_list_continuation_joins_the_item():
    text = "- Starts here and\n  continues here. Another one.\n- Next\n"
    assert seg(text) == [
        (LIST_ITEM, "-", "Starts here and\n  continues here."),
        (LIST_ITEM, "", "Another one."),
        (LIST_ITEM, "-", "Next"),
    ]


def test_wrapped_paragraph_lines_are_joined():
    text = ("This paragraph was wrapped by an editor at a fixed width, so this first line\n"
            "ends in the middle of a sentence. A second sentence follows.\n")
    assert seg(text) == [
        (SENTENCE, "", "This paragraph was wrapped by an editor at a fixed width, so this first "
                       "line\nends in the middle of a sentence."),
        (SENTENCE, "", "A second sentence follows."),
    ]


def test_short_line_continued_in_lower_case_is_no_heading():
    assert seg("The cat sat\non the mat. It slept.\n") == [
        (SENTENCE, "", "The cat sat\non the mat."),
        (SENTENCE, "", "It slept."),
    ]


def test_blockquote_marker():
    assert seg("> Quoted. Twice.\n> > Nested line\n") == [
        (SENTENCE, ">", "Quoted."),
        (SENTENCE, "", "Twice."),
        (SENTENCE, ">>", "Nested line"),
    ]


def test_blockquoted_heading_and_list():
    assert seg("> # Title\n> - item\n") == [
        (HEADING, "> #", "Title"),
        (LIST_ITEM, "> -", "item"),
    ]


def test_table_rows_one_segment_each_separator_skipped():
    text = "| Name | Value |\n|------|:-----:|\n| Alpha. Beta. | 1 |\n"
    assert seg(text) == [
        (TABLE_ROW, "|", "Name | Value"),
        (TABLE_ROW, "|", "Alpha. Beta. | 1"),
    ]


def test_table_without_outer_pipes():
    assert seg("Name | Value\n--- | ---\nAlpha | 1\n\nAfter the table.\n") == [
        (TABLE_ROW, "|", "Name | Value"),
        (TABLE_ROW, "|", "Alpha | 1"),
        (SENTENCE, "", "After the table."),
    ]


def test_table_ends_at_a_line_without_a_pipe():
    assert seg("a | b\n-|-\n1 | 2\nNot a row. Two.\n") == [
        (TABLE_ROW, "|", "a | b"),
        (TABLE_ROW, "|", "1 | 2"),
        (SENTENCE, "", "Not a row."),
        (SENTENCE, "", "Two."),
    ]


def test_fenced_code_blocks_are_skipped():
    text = ("Before. After.\n```python\nx = 1. Not text.\n```\n~~~\n# not a heading\n~~~\n"
            "Last line.\n")
    assert seg(text) == [
        (SENTENCE, "", "Before."),
        (SENTENCE, "", "After."),
        (SENTENCE, "", "Last line."),
    ]


def test_unclosed_fence_runs_to_the_end():
    assert seg("Text.\n```\ncode\nmore code\n") == [(SENTENCE, "", "Text.")]


def test_front_matter_is_skipped():
    assert seg("---\ntitle: Demo\n---\nBody.\n") == [(SENTENCE, "", "Body.")]


def test_html_comments_are_kept_out_of_text():
    text = "<!-- a comment\nover two lines -->\nVisible. <!-- trailing -->\n"
    segments = segment_text(text, "en")
    assert [(s.text, s.line, s.column) for s in segments] == [("Visible.", 3, 1)]


def test_comment_inside_a_sentence_splits_it_to_keep_offsets_exact():
    assert seg("Price <!-- check --> is 5 EUR.\n") == [
        (SENTENCE, "", "Price"),
        (SENTENCE, "", "is 5 EUR."),
    ]


def test_comment_inside_a_table_row():
    assert seg("| Beta <!-- note --> | 2 |\n") == [
        (TABLE_ROW, "|", "Beta"),
        (TABLE_ROW, "", "2"),
    ]


def test_unclosed_comment_is_masked_to_its_line_only():
    assert seg("Start here. <!-- oops\nStill here. Yes.\n") == [
        (SENTENCE, "", "Start here."),
        (SENTENCE, "", "Still here."),
        (SENTENCE, "", "Yes."),
    ]


def test_suppression_directives_are_kept_out_of_text():
    text = ("First sentence. <!-- alignqa: ignore[numbers] -->\n"
            "Second sentence.  # alignqa: ignore\n"
            "# alignqa: ignore[glossary]\n"
            "Third sentence.\n")
    segments = segment_text(text, "en")
    assert [(s.text, s.kind, s.line) for s in segments] == [
        ("First sentence.", SENTENCE, 1),
        ("Second sentence.", SENTENCE, 2),
        ("Third sentence.", SENTENCE, 4),
    ]


def test_rules_link_definitions_and_html_only_lines_are_skipped():
    text = "Intro.\n***\n[ref]: https://example.com\n<div align=\"center\">\nBody.\n</div>\n"
    assert seg(text) == [(SENTENCE, "", "Intro."), (SENTENCE, "", "Body.")]


def test_lines_without_letters_or_digits_are_skipped():
    assert seg("Text.\n* * *\n---\n...\n") == [(SENTENCE, "", "Text.")]


def test_blank_lines_and_whitespace_only_documents():
    assert seg("\n\n   \n\t\n") == []
    assert seg("\n\nOne.\n\n\nTwo.\n") == [(SENTENCE, "", "One."), (SENTENCE, "", "Two.")]

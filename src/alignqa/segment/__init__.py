"""The ``segment`` stage: split documents into headings, list items, table rows and sentences.

``segment_text`` reads Markdown or plain text, ``segment_lines`` takes one segment per line
(pre-split input), ``load_document`` reads a file into a segmented ``Document``.
"""

from .segmenter import load_document, segment_lines, segment_text

__all__ = ["load_document", "segment_lines", "segment_text"]

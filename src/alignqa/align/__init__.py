"""The ``align`` stage: pair the segments of a document with those of its translation.

``align`` / ``align_documents`` return an :class:`~alignqa.alignment.Alignment`; ``render``
writes it as text, json, tsv, beads or TMX; ``score_alignment`` measures it against a gold one.
The method is described in docs/aligner.md.
"""

from .aligner import SegmentTruncatedWarning, align, align_documents
from .evaluate import AlignmentScore, score_alignment, total_score
from .formats import FORMATS, parse_beads, render
from .options import AlignOptions

__all__ = ["FORMATS", "AlignOptions", "AlignmentScore", "SegmentTruncatedWarning", "align",
           "align_documents", "parse_beads", "render", "score_alignment", "total_score"]

"""alignqa: translation alignment and quality assurance.

The pipeline, each stage a subpackage: ``segment`` -> ``embed`` -> ``align`` -> ``checks`` -> ``report``.
``alignqa.pipeline`` runs it over a corpus; ``alignqa.cli`` is a thin command line over the same calls.
"""

__version__ = "0.1.0"

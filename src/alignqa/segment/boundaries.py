"""Sentence boundaries in space-separated scripts: Punkt's decisions, corrected by rules.

Punkt decides each period from statistics about the word before and the word after. Its known
misses share a shape that statistics cannot see but a rule can: the *class* of the abbreviation
("etc." may end a sentence, "No." only precedes a number), an ellipsis before a capital, a unit
letter after a number ("10 h. Il"), an elided article hiding an abbreviation ("l’art. 5"), an
unknown abbreviation before a number ("Sec. 4.2"), an ordinal ("Am 1. Januar"). Every candidate
end (terminal punctuation followed by whitespace) is offered to :func:`decide`; where it has no
opinion, Punkt's decision stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .abbreviations import ELIDING_LANGUAGES, Abbreviations, abbreviations_for
from .ordinals import is_ordinal
from .punkt_models import punkt_model

# Terminal punctuation (Latin, Devanagari danda, Arabic and Urdu, Armenian, Ethiopic, Burmese),
# then closing quotes/brackets that belong to the sentence (French puts a space before »), then
# the whitespace that separates it from the next sentence.
_TERMINALS = ".!?‽…।॥؟۔։።။"
_CLOSE = r"(?P<close>(?:[\"'“”‘’»)\]}]|[\u00a0\u202f ]»)*)\s+"
_CANDIDATE_RE = re.compile(f"[{_TERMINALS}]+{_CLOSE}")
# Greek writes its question mark as ";" (U+037E, which normalises to the semicolon).
_GREEK_CANDIDATE_RE = re.compile(f"[{_TERMINALS};\u037e]+{_CLOSE}")
_NEXT_TOKEN_RE = re.compile(r"\S+")
_OPENING_RE = re.compile(r"^[\"'“‘„«‹(\[{¿¡*_]+")
_EDGE_PUNCT_RE = re.compile(r"^\W+|\W+$")
_LEADING_PUNCT_RE = re.compile(r"^\W+")
_ELISION_RE = re.compile(r"^\w{1,7}['’](?=\w)")
_SINGLE_LETTER_RE = re.compile(r"^\W*([^\W\d_])\.$")
# A word joined by a hyphen to one letter: "Super-G", "Plan-B", "Vitamin-D".
_HYPHENED_LETTER_RE = re.compile(r"^\W*[^\W\d_]{2,}-[^\W\d_]$")
_NUMBER_RE = re.compile(r"^\W*\d[\d.,]*$")
_DIGITS_RE = re.compile(r"^\W*\d{1,4}$")
_QUOTES = frozenset("\"'“”‘’»")
_DASHES = frozenset("—–-")

Span = tuple[int, int]


@dataclass(frozen=True)
class Candidate:
    """A possible sentence end: ``prev`` is the word the terminal punctuation is attached to
    (empty when it stands alone), ``before`` the words preceding it, nearest last."""

    terminal: str
    close: str
    prev: str
    before: tuple[str, ...]
    next: str
    # The first word after ``next`` when ``next`` is a dash, else ``next``.
    next_word: str
    mid_sentence: bool
    # From the start of ``prev`` to the end of ``next``: what Punkt decides on.
    context: str


def sentence_spans(text: str, start: int, end: int, lang: str) -> list[Span]:
    """Sentences of ``text[start:end]`` as trimmed absolute spans."""
    block = text[start:end]
    model = punkt_model(lang)
    abbrevs = abbreviations_for(lang)
    sentence_start = len(block) - len(block.lstrip())
    spans: list[Span] = []
    candidates = _GREEK_CANDIDATE_RE if lang == "el" else _CANDIDATE_RE
    for m in candidates.finditer(block):
        if m.end() >= len(block):
            break
        c = _candidate(block, m, sentence_start)
        decision = decide(c, lang, abbrevs)
        if decision is None:
            decision = model.breaks(c.prev, c.terminal, c.context)
        if decision:
            spans.append((sentence_start, m.end("close")))
            sentence_start = m.end()
    spans.append((sentence_start, len(block)))
    return [s for s in (_trim(block, a, b, start) for a, b in spans) if s]


def decide(c: Candidate, lang: str, abbrevs: Abbreviations) -> bool | None:
    """True: a boundary; False: none; None: no rule applies, Punkt decides."""
    nxt = _OPENING_RE.sub("", c.next)
    upper, lower, digit = nxt[:1].isupper(), nxt[:1].islower(), nxt[:1].isdigit()

    if "…" in c.terminal or ".." in c.terminal:
        if c.prev.endswith(("[", "(")) and c.close[:1] in ("]", ")"):
            return False  # "[…]": an editorial omission, inside the sentence
        return True if upper else False if lower else None
    if c.terminal != ".":
        # '"Where are you?" she asked.', '«Ты придёшь?» — спросила она.': a quoted or
        # dialogue question inside a sentence.
        if _OPENING_RE.sub("", c.next_word)[:1].islower() and (
                _QUOTES.intersection(c.close) or c.next in _DASHES):
            return False
        # Full stops Punkt has no notion of: danda, Arabic, Greek question mark...
        return True if c.terminal.strip("?!") else None

    keys = _abbreviation_keys(c, lang)
    if digit:
        if not keys.isdisjoint(abbrevs.known):
            return False
        # An abbreviation no list knows: a short capitalised word inside a sentence, before a
        # number ("Sec. 4.2", "Thm. 3"). A sentence rarely starts with a digit.
        word = _EDGE_PUNCT_RE.sub("", c.prev)
        if c.mid_sentence and 2 <= len(word) <= 4 and word.isalpha() and word.istitle():
            return False
        return None
    if not keys.isdisjoint(abbrevs.protected):
        return False
    if not keys.isdisjoint(abbrevs.ending):
        return True if upper else False if lower else None
    if _DIGITS_RE.match(c.prev) and is_ordinal(
            lang, _EDGE_PUNCT_RE.sub("", c.before[-1] if c.before else ""),
            _EDGE_PUNCT_RE.sub("", nxt)):
        return False
    # A letter hyphened to a word ("Super-G. Czech ...", "Plan-B. The") is part of a name, not an
    # initial: Punkt looks the part after a hyphen up as an abbreviation and takes the letter for
    # one, but initials stand alone ("J. Smith", "J.-P. Sartre"). A shortened double first name
    # ("Hans-J. Vogel") is the rarer reading and is split.
    if upper and _HYPHENED_LETTER_RE.match(c.prev) and not _SINGLE_LETTER_RE.match(c.next):
        return True
    # A unit letter after a number ("10 h. Il", "5 m. The"), which Punkt takes for an initial;
    # unless another single letter follows ("200 a. C.", "J. R. R. Tolkien").
    after_number = bool(c.before) and bool(_NUMBER_RE.match(c.before[-1]))
    if upper and after_number and _SINGLE_LETTER_RE.match(c.prev + ".") and \
            not _SINGLE_LETTER_RE.match(c.next):
        return True
    return None


def _abbreviation_keys(c: Candidate, lang: str) -> set[str]:
    """The forms under which the word before the period may be listed: itself, without an
    elided article (l’art -> art), joined with preceding single letters (т. д -> т.д), and
    with the preceding word ("et al")."""
    word = _LEADING_PUNCT_RE.sub("", c.prev).lower()
    if lang in ELIDING_LANGUAGES:
        word = _ELISION_RE.sub("", word)
    keys = {word}
    if len(word) == 1:
        chained = word
        for token in reversed(c.before[-2:]):
            letter = _SINGLE_LETTER_RE.match(token)
            if not letter:
                break
            chained = f"{letter.group(1).lower()}.{chained}"
            keys.add(chained)
    if c.before:
        keys.add(f"{_LEADING_PUNCT_RE.sub('', c.before[-1]).lower()} {word}")
    return keys


def _candidate(block: str, m: re.Match, sentence_start: int) -> Candidate:
    head = block[max(sentence_start, m.start() - 80):m.start()]
    words = head.split()
    if head and not head[-1].isspace():
        prev, before = words[-1], tuple(words[-4:-1])
    else:
        prev, before = "", tuple(words[-3:])
    nxt = _NEXT_TOKEN_RE.match(block, m.end())
    next_end = nxt.end() if nxt else m.end()
    next_word = nxt.group() if nxt else ""
    if next_word in _DASHES:
        after = _NEXT_TOKEN_RE.search(block, next_end)
        next_word = after.group() if after else ""
    return Candidate(
        terminal=block[m.start():m.start("close")],
        close=m.group("close"),
        prev=prev,
        before=before,
        next=nxt.group() if nxt else "",
        next_word=next_word,
        mid_sentence=bool(before),
        context=block[m.start() - len(prev):next_end],
    )


def _trim(block: str, a: int, b: int, offset: int) -> Span | None:
    piece = block[a:b]
    stripped = piece.strip()
    if not stripped:
        return None
    lead = len(piece) - len(piece.lstrip())
    return (offset + a + lead, offset + a + lead + len(stripped))

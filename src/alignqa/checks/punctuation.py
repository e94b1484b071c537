"""``punctuation``: end marks, Spanish opening marks, paired brackets and quotes, double spaces,
mojibake.

End punctuation is compared by meaning, not by character: a question ends in '?' in English, '？' in
Chinese and Japanese, ';' in Greek, '؟' in Arabic; an Armenian question ends in '։' and carries '՞'
on the questioned word. Brackets and quotes are judged only when the source itself is balanced and
no neighbouring bead of the target is unbalanced too, so a quotation split over several sentences,
or split at other sentences in the target, does not count against the target; closing marks the
segmenter left after a sentence count for it. Mojibake (UTF-8 read as Windows-1252: 'â€”' for '—')
is found and undone with ftfy: reported once per document, and quotes are paired on the repaired
text.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ftfy import badness, fix_encoding

from ..findings import Severity
from ..text.markup import find_tokens, mask_tokens
from .options import CheckOptions, option
from .registry import BeadView, Check, PairContext, register

STOP, QUESTION, EXCLAMATION, COLON, SEMICOLON, ELLIPSIS, COMMA = (
    "full stop", "question mark", "exclamation mark", "colon", "semicolon", "ellipsis", "comma")

_CLASSES = {
    STOP: ".。｡．։።۔।॥။។",
    QUESTION: "?？؟፧⸮\u037e",  # U+037E is the Greek question mark, NFC turns it into ';'
    EXCLAMATION: "!！",
    COLON: ":：",
    SEMICOLON: ";；؛",
    ELLIPSIS: "…⋯",
    COMMA: ",，、،",
}
_CLASS_OF = {c: name for name, chars in _CLASSES.items() for c in chars}
# Closing quotes and brackets and Markdown emphasis may follow (or precede) the end marks.
_CLOSERS = "\"'”“’‘»«›‹」』）)]】〉》*_`"
_EXPECTED = {
    "zh": {STOP: "。", QUESTION: "？", EXCLAMATION: "！", COLON: "：", SEMICOLON: "；"},
    "ja": {STOP: "。", QUESTION: "？", EXCLAMATION: "！", COLON: "："},
    "el": {QUESTION: ";"},
    "ar": {QUESTION: "؟", SEMICOLON: "؛"}, "fa": {QUESTION: "؟", SEMICOLON: "؛"},
    "ur": {STOP: "۔", QUESTION: "؟"}, "hi": {STOP: "।"}, "am": {STOP: "።", QUESTION: "፧"},
    "hy": {STOP: "։", QUESTION: "՞ on the word and ։", EXCLAMATION: "՜ on the word and ։"},
}
_LATIN = {STOP: ".", QUESTION: "?", EXCLAMATION: "!", COLON: ":", SEMICOLON: ";",
          ELLIPSIS: "…", COMMA: ","}
# Languages that write ordinal numbers with a dot ('2024. gadā', 'am 1. Januar').
_ORDINAL_DOT = {"lv", "de", "da", "nb", "nn", "no", "fi", "et", "cs", "sk", "hu", "hr", "bs",
                "sr", "sl", "is", "tr", "fo"}
# Thai and Lao end sentences with a space, not a mark.
_NO_END_MARK = {"th", "lo"}

_BRACKETS = {")": "(", "]": "[", "}": "{", "）": "（", "】": "【", "」": "「", "』": "『",
             "》": "《", "〉": "〈"}
# Straight and curly double quotes are one family: German „…" typed on a keyboard is paired.
_QUOTE_FAMILIES = (
    ("double quotes", '"„“”‟', None),
    ("guillemets", "«", "»"),
    ("single guillemets", "‹", "›"),
)
_QUOTE_CHARS = frozenset("".join(o + (c or "") for _, o, c in _QUOTE_FAMILIES))
_DOUBLE_SPACE_RE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")


def end_class(text: str, lang: str) -> frozenset[str]:
    """The kinds of punctuation that end ``text``, read with ``lang``'s conventions.

    Marks are collected through closing quotes and brackets: French 'geek ! ».' ends with both an
    exclamation and a full stop, English 'ok!).' too.
    """
    tail = text[len(_body(text)):].replace("...", "…")
    kinds = {QUESTION if c == ";" and lang == "el" else _CLASS_OF[c]
             for c in tail if c in _CLASS_OF}
    if lang == "hy" and kinds == {STOP}:
        # Armenian marks a question or an exclamation on the word and still ends with '։'.
        if "՞" in text:
            return frozenset({QUESTION})
        if "՜" in text:
            return frozenset({EXCLAMATION})
    return frozenset(kinds)


def _body(text: str) -> str:
    """``text`` without its trailing run of end marks, closing quotes, brackets and spaces."""
    end = len(text)
    while end and (text[end - 1] in _CLASS_OF or text[end - 1] in _CLOSERS
                   or text[end - 1].isspace()):
        end -= 1
    return text[:end]


def _last_mark(text: str) -> tuple[int, int] | None:
    for i in range(len(text) - 1, len(_body(text)) - 1, -1):
        if text[i] in _CLASS_OF:
            return i, i + 1
    return None


def _expected(kinds: frozenset[str], lang: str) -> str:
    table = _EXPECTED.get(lang, {})
    return " or ".join(repr(table.get(k, _LATIN[k])) for k in _ordered(kinds))


def _ordered(kinds: frozenset[str]) -> list[str]:
    return [k for k in _CLASSES if k in kinds]


def _describe(kinds: frozenset[str], text: str) -> str:
    if not kinds:
        return "no end punctuation"
    span = _last_mark(text)
    shown = f" ({text[span[0]]!r})" if span else ""
    return " + ".join(_ordered(kinds)) + shown


@dataclass(frozen=True)
class PunctuationOptions(CheckOptions):
    end: bool = option(True, "compare end punctuation by kind")
    opening: bool = option(True, "require Spanish opening marks")
    brackets: bool = option(True, "report brackets unbalanced where the source's are balanced")
    quotes: bool = option(True, "report quotes unbalanced where the source's are balanced")
    double_spaces: bool = option(True, "report double spaces the source lacks")
    mojibake: bool = option(True, "report text decoded in the wrong encoding ('â€”' for '—')")


@register("punctuation", "warning",
          "End punctuation, brackets, quotes or spacing of the target differ from the source.",
          options=PunctuationOptions)
def punctuation(check: Check, ctx: PairContext) -> Iterator:
    opts = ctx.options
    views = list(ctx.beads())
    # A quotation or a bracket may run over several sentences, which the target may split
    # differently: an imbalance that a neighbouring bead's target balances is no finding.
    # Mojibake ('â€”' is '—' decoded as Windows-1252) is read as what it stands for, so its stray
    # '”' is reported as mojibake, not as an unpaired quote.
    garbled = [_mojibake(v.target_text) if opts.mojibake and not _mojibake(v.source_text)
               else None for v in views]
    texts = [g[0] if g else v.target_text for v, g in zip(views, garbled, strict=True)]
    starts = sorted(seg.start for seg in ctx.target.segments)
    masked = [_masked(t) + _trailing_marks(ctx.target.text, starts, v)
              for t, v in zip(texts, views, strict=True)]
    quote_gaps = [_clip(_quote_imbalance(m), len(t)) for m, t in zip(masked, texts, strict=True)]
    bracket_gaps = [[(a, b) for a, b in _unmatched_brackets(m) if a < len(t)]
                    for m, t in zip(masked, texts, strict=True)]
    open_quotes = [{name for name, _ in q} for q in quote_gaps]
    for i, view in enumerate(views):
        if not view.source or not view.target:
            continue
        near = [k for k in (i - 1, i + 1) if 0 <= k < len(views)]
        if opts.end:
            yield from _end(check, ctx, view)
        if opts.opening:
            yield from _opening(check, ctx, view)
        # Spans found in a text with its mojibake undone do not point into the file's text.
        pointable = garbled[i] is None
        if opts.brackets and not any(bracket_gaps[k] for k in near):
            yield from _brackets(check, ctx, view, texts[i], bracket_gaps[i], pointable)
        if opts.quotes:
            spanning = set().union(*(open_quotes[k] for k in near)) if near else set()
            yield from _quotes(check, ctx, view, texts[i], quote_gaps[i], spanning, pointable)
        if opts.double_spaces:
            yield from _double_spaces(check, ctx, view)
    yield from _report_mojibake(check, ctx, views, garbled)


def _report_mojibake(check: Check, ctx: PairContext, views: list[BeadView], garbled: list) -> Iterator:
    """One finding per document: a file decoded in the wrong encoding is one problem, fixed once
    (ftfy can repair it), however many sentences it touched."""
    hits = [(v, g) for v, g in zip(views, garbled, strict=True) if g and v.target]
    if not hits:
        return
    view, _ = hits[0]
    examples = list(dict.fromkeys(f"'{v.target_text[a:b]}' for '{fixed[c:d]}'"
                                  for v, (fixed, spans) in hits for (a, b), (c, d) in spans))
    where = (f"; {len(hits)} sentences of this document have it" if len(hits) > 1 else "")
    yield ctx.finding(check, view, f"Mojibake in the target: {', '.join(examples[:3])} (text "
                      f"decoded in the wrong encoding, e.g. UTF-8 read as Windows-1252){where}",
                      target_spans=[a for a, _ in hits[0][1][1]])


def _end(check: Check, ctx: PairContext, view: BeadView) -> Iterator:
    src, tgt = view.source_text, view.target_text
    s_kinds = end_class(src, ctx.source_lang)
    t_kinds = end_class(tgt, ctx.target_lang)
    # Sharing one kind is enough: '?!' for '?' is a style choice, not a different sentence type.
    if s_kinds == t_kinds or s_kinds & t_kinds:
        return
    if ctx.target_lang in _NO_END_MARK and s_kinds == {STOP} and not t_kinds:
        return
    mark = _last_mark(tgt)
    spans = [mark] if mark else []
    if not s_kinds:
        body = _body(tgt)
        if t_kinds == {STOP} and ctx.target_lang in _ORDINAL_DOT and body[-1:].isdigit():
            return  # '… 2024.' is an ordinal, not an added full stop
        yield ctx.finding(check, view, f"The target ends with {_describe(t_kinds, tgt)} but the "
                          "source has no end punctuation", severity=Severity.INFO,
                          target_spans=spans)
        return
    found = "has no end punctuation" if not t_kinds else f"ends with {_describe(t_kinds, tgt)}"
    yield ctx.finding(check, view, f"The source ends with {_describe(s_kinds, src)} but the "
                      f"target {found}; expected {_expected(s_kinds, ctx.target_lang)}",
                      target_spans=spans)


def _opening(check: Check, ctx: PairContext, view: BeadView) -> Iterator:
    """Spanish opens questions and exclamations with '¿' and '¡'."""
    if ctx.target_lang != "es":
        return
    tgt = view.target_text
    for kind, opener in ((QUESTION, "¿"), (EXCLAMATION, "¡")):
        if kind in end_class(tgt, "es") and opener not in tgt:
            yield ctx.finding(check, view, f"The Spanish target ends with a {kind} but has no "
                              f"opening '{opener}'", severity=Severity.INFO)


def _mojibake(text: str) -> tuple[str, list[tuple[tuple[int, int], tuple[int, int]]]] | None:
    """The text with its mojibake undone (ftfy) and the (garbled, fixed) spans, or None."""
    if not badness.is_bad(text):
        return None
    fixed = fix_encoding(text)
    if fixed == text:
        return None
    ops = difflib.SequenceMatcher(None, text, fixed, autojunk=False).get_opcodes()
    # A deleted stray ('Â' before '²') is shown with the character it clung to: 'Â²' for '²'.
    spans = [((a, b + 1), (c, d + 1)) if d == c and b < len(text) else ((a, b), (c, d))
             for op, a, b, c, d in ops if op != "equal" and b > a]
    return (fixed, spans) if spans else None


def _trailing_marks(text: str, starts: list[int], view: BeadView) -> str:
    """The closing marks the segmenter left between this bead's last target sentence and the next
    ('… tournure geek ! ».' is split after '!', and '».' alone is no sentence): a space and the
    quotes and brackets of what follows on the same line, when that holds no letter or digit.
    ``starts``: the document's segment starts, sorted."""
    if not view.target:
        return ""
    end = max(seg.end for seg in view.target)
    k = bisect.bisect_left(starts, end)
    gap = text[end:starts[k] if k < len(starts) else len(text)].split("\n", 1)[0]
    if not gap.strip() or any(c.isalnum() or c == "`" for c in gap):
        return ""
    marks = "".join(c for c in gap if c in _QUOTE_CHARS or c in _BRACKETS)
    return " " + marks if marks else ""


def _clip(imbalance: list[tuple[str, list[int]]], n: int) -> list[tuple[str, list[int]]]:
    """Imbalances with their marks inside the bead's own text (``n`` characters); marks read from
    after it count for the balance but are no place to point at."""
    return [(name, kept) for name, where in imbalance if (kept := [i for i in where if i < n])]


def _unmatched_brackets(text: str) -> list[tuple[int, int]]:
    stack: list[int] = []
    bad: list[int] = []
    openers = set(_BRACKETS.values())
    for i, char in enumerate(text):
        if char in openers:
            stack.append(i)
        elif char in _BRACKETS:
            if stack and text[stack[-1]] == _BRACKETS[char]:
                stack.pop()
            else:
                bad.append(i)
    return [(i, i + 1) for i in sorted(bad + stack)]


def _masked(text: str) -> str:
    # URLs with parentheses, {placeholders} and code spans would count as brackets and quotes.
    return mask_tokens(text)


def _brackets(check: Check, ctx: PairContext, view: BeadView, text: str,
              bad: list[tuple[int, int]], pointable: bool) -> Iterator:
    """``bad``: the unmatched brackets of ``text`` (the target, its mojibake undone)."""
    if bad and not _unmatched_brackets(_masked(view.source_text)):
        chars = ", ".join(repr(text[s]) for s, _ in bad)
        yield ctx.finding(check, view, f"Unbalanced brackets in the target: {chars} without its "
                          "pair (the source's brackets are balanced)",
                          target_spans=bad if pointable else [])


def _quote_imbalance(text: str) -> list[tuple[str, list[int]]]:
    out = []
    for name, opening, closing in _QUOTE_FAMILIES:
        where = [i for i, c in enumerate(text) if c in opening or c == closing]
        if closing is None:
            balanced = len(where) % 2 == 0
        else:
            balanced = sum(c in opening for c in text) == text.count(closing)
        if not balanced:
            out.append((name, where))
    return out


def _quotes(check: Check, ctx: PairContext, view: BeadView, text: str,
            imbalance: list[tuple[str, list[int]]], spanning: set[str], pointable: bool
            ) -> Iterator:
    """``imbalance``: the unpaired quotes of ``text`` (the target, its mojibake undone)."""
    if not imbalance or _quote_imbalance(_masked(view.source_text)):
        return
    for name, where in imbalance:
        if name in spanning:
            continue
        chars = "".join(text[i] for i in where)
        yield ctx.finding(check, view, f"Unpaired {name} in the target ({chars}); the source's "
                          "quotes are paired",
                          target_spans=[(i, i + 1) for i in where] if pointable else [])


def _real_double_spaces(text: str) -> list[tuple[int, int]]:
    """Double spaces written in ``text`` itself, outside code, URLs and placeholders (searched in
    the text, not in its masked form, whose blanked spans would add spaces of their own)."""
    tokens = [(t.start, t.end) for t in find_tokens(text)]
    return [m.span() for m in _DOUBLE_SPACE_RE.finditer(text)
            if not any(s < m.end() and m.start() < e for s, e in tokens)]


def _double_spaces(check: Check, ctx: PairContext, view: BeadView) -> Iterator:
    if _real_double_spaces(view.source_text):
        return
    spans = _real_double_spaces(view.target_text)
    if spans:
        yield ctx.finding(check, view, f"Double space in the target ({len(spans)}x) where the "
                          "source has single spaces", severity=Severity.INFO, target_spans=spans)

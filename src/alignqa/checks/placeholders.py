"""``placeholders``: what translation must copy unchanged must be in the target as often as in the
source: format placeholders ({name}, {0}, %s, %(x)d, %1$s), tags, Markdown link targets (the link
text is translated, its URL is not), code spans, URLs and e-mail addresses. Order may change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ..text.markup import KINDS, Token, find_tokens
from .options import CheckOptions, option
from .registry import Check, PairContext, register


def _show(tokens: list[Token]) -> str:
    return ", ".join(f"{t.kind} {t.text}" for t in tokens)


def unmatched(source: list[Token], target: list[Token]) -> tuple[list[Token], list[Token]]:
    """Tokens of the source the target lacks, and tokens of the target the source lacks."""
    need = Counter((t.kind, t.key) for t in source)
    have = Counter((t.kind, t.key) for t in target)
    missing: list[Token] = []
    extra: list[Token] = []
    for tokens, budget, out in ((source, have, missing), (target, need, extra)):
        left = Counter(budget)
        for t in tokens:
            if left[(t.kind, t.key)] > 0:
                left[(t.kind, t.key)] -= 1
            else:
                out.append(t)
    return missing, extra


@dataclass(frozen=True)
class PlaceholdersOptions(CheckOptions):
    kinds: tuple[str, ...] = option(KINDS, "kinds of protected text compared", choices=KINDS)


@register("placeholders", "error",
          "Placeholders, tags, link targets, code, URLs or e-mails differ in the target.",
          options=PlaceholdersOptions)
def placeholders(check: Check, ctx: PairContext) -> Iterator:
    kinds = set(ctx.options.kinds)
    for view in ctx.beads():
        if not view.source or not view.target:
            continue
        source = [t for t in find_tokens(view.source_text) if t.kind in kinds]
        target = [t for t in find_tokens(view.target_text) if t.kind in kinds]
        missing, extra = unmatched(source, target)
        if not missing and not extra:
            continue
        parts = []
        if missing:
            parts.append(f"missing in the target: {_show(missing)}")
        if extra:
            parts.append(f"not in the source: {_show(extra)}")
        yield ctx.finding(check, view, f"Text that must stay unchanged differs: "
                          f"{'; '.join(parts)} (expected exactly as in the source)",
                          source_spans=[(t.start, t.end) for t in missing],
                          target_spans=[(t.start, t.end) for t in extra])

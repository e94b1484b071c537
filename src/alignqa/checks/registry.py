"""The check registry: each check is a small function registered with an id, a severity, a line
and one typed options class (:mod:`alignqa.checks.options`).

A *pair* check sees one aligned document pair and yields findings; a *corpus* check sees every pair
of the run at once (length statistics, consistency across documents).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..alignment import Alignment, Bead
from ..document import Document, Segment
from ..findings import Finding, Location, Severity
from ..languages import base_language
from .options import CheckOptions


@dataclass
class BeadView:
    """One bead with its segments resolved: what most checks look at."""

    index: int
    bead: Bead
    source: list[Segment]
    target: list[Segment]

    @property
    def source_text(self) -> str:
        return " ".join(s.text for s in self.source)

    @property
    def target_text(self) -> str:
        return " ".join(s.text for s in self.target)

    @property
    def kind(self) -> str:
        """The segment kind of the bead: a heading when any side's first segment is a heading."""
        for segs in (self.source, self.target):
            if segs and segs[0].kind != "sentence":
                return segs[0].kind
        return "sentence"


@dataclass
class PairContext:
    """One source document, its translation, their alignment and the options of the running check."""

    source: Document
    target: Document
    alignment: Alignment
    options: Any = field(default_factory=CheckOptions)  # the running check's options class
    # The run's embedder (alignqa.embed.Embedder); checks that need the model require it.
    embedder: Any = None
    # The run's glossary file, if any (the glossary and untranslated checks read it).
    glossary_path: Path | None = None

    @property
    def source_lang(self) -> str:
        """The source's language, for language-specific rules: ``pt`` for a ``pt-BR`` document
        (``source.lang`` is the locale as given)."""
        return base_language(self.source.lang)

    @property
    def target_lang(self) -> str:
        return base_language(self.target.lang)

    def beads(self) -> Iterator[BeadView]:
        for i, bead in enumerate(self.alignment.beads):
            yield BeadView(i, bead, [self.source.segments[k] for k in bead.src],
                           [self.target.segments[k] for k in bead.tgt])

    def finding(self, check: Check | str, view: BeadView | None, message: str, *,
                severity: Severity | None = None, score: float | None = None,
                source_spans: Sequence[tuple[int, int]] = (),
                target_spans: Sequence[tuple[int, int]] = ()) -> Finding:
        """Build a finding located at ``view``'s segments; severity defaults to the check's."""
        chk = check if isinstance(check, Check) else REGISTRY[check]
        src = view.source if view else []
        tgt = view.target if view else []
        return Finding(
            check=chk.id,
            severity=severity or chk.severity,
            message=message,
            source_lang=self.source.lang,
            target_lang=self.target.lang,
            source_text=view.source_text if view else "",
            target_text=view.target_text if view else "",
            source=_location(self.source, src),
            target=_location(self.target, tgt),
            score=None if score is None else round(float(score), 4),
            source_spans=list(source_spans),
            target_spans=list(target_spans),
            bead=view.index if view else None,
        )


def _location(doc: Document, segs: list[Segment]) -> Location | None:
    if not segs:
        return None
    first, last = segs[0], segs[-1]
    end_line = doc.text.count("\n", 0, last.end) + 1
    end_column = last.end - (doc.text.rfind("\n", 0, last.end) + 1) + 1
    return Location(path=doc.name, line=first.line, column=first.column, end_line=end_line,
                    end_column=end_column, start=first.start, end=last.end)


@dataclass(frozen=True)
class Check:
    id: str
    severity: Severity
    description: str
    scope: str  # "pair" or "corpus"
    fn: Callable[..., Iterable[Finding]]
    # Config may override these under [tool.alignqa.checks.<id>].
    options: type[CheckOptions] = CheckOptions
    # A pair check's corpus-level second look: fn(check, contexts, findings) -> the findings to
    # keep, once every pair of the run is checked (a rendering the corpus repeats is no error).
    review: Callable[..., Iterable[Finding]] | None = None

    @property
    def defaults(self) -> CheckOptions:
        return self.options()

    def make_options(self, values: dict[str, Any] | None = None) -> CheckOptions:
        """Typed options from config-style values (kebab- or snake-case keys)."""
        return self.options.from_mapping(values or {}, f"config key 'checks.{self.id}'")

    def run(self, arg: PairContext | Sequence[PairContext]) -> list[Finding]:
        return list(self.fn(self, arg))


REGISTRY: dict[str, Check] = {}


def register(id: str, severity: str, description: str, *, scope: str = "pair",
             options: type[CheckOptions] = CheckOptions,
             review: Callable[..., Iterable[Finding]] | None = None) -> Callable:
    """Decorator: ``@register("numbers", "error", "Numbers differ ...", options=NumbersOptions)``
    over ``fn(check, ctx)`` (pair scope) or ``fn(check, contexts)`` (corpus scope)."""
    if scope not in ("pair", "corpus"):
        raise ValueError(f"scope must be 'pair' or 'corpus', not {scope!r}")

    def wrap(fn: Callable) -> Callable:
        if id in REGISTRY:
            raise ValueError(f"check {id!r} registered twice")
        REGISTRY[id] = Check(id, Severity.parse(severity), description, scope, fn, options,
                             review)
        return fn

    return wrap


def all_checks() -> list[Check]:
    """Every registered check, in id order (importing the package registers the built-ins)."""
    from . import builtin  # noqa: F401  (import registers)

    return [REGISTRY[k] for k in sorted(REGISTRY)]

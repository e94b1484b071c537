"""``mistranslation``: the detector's calibrated probability that a pair's meaning differs.

Every 1-1 or m-n bead of the document pair is scored at once (the detector compares each pair with
the document's others). Numbers are the ``numbers`` check's finding: their signal is neutralised
here, so a changed number alone never makes a mistranslation and is never reported twice.

Severity (:func:`level`): a pair at or above ``warning-threshold`` is a warning. It is an error only
when it reaches ``error-threshold`` *and* its evidence is of a kind that holds up at realistic error
rates (:func:`strong_evidence`; measured in docs/detector.md, "Default thresholds"). Below
``warning-threshold`` nothing is reported.

After the run, :func:`established` drops findings on a rendering that recurs identically in at
least ``established-after`` pairs of the run: a template line translated the same way on 46 pages
is the corpus's established translation, not 46 errors (unless a glossary term in it is rendered
against the glossary). The message says which signals drove the score and the spans mark the
words they point at. The check needs the run's embedder (``ctx.embedder``): it never loads a model
behind the caller's back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..detect import PairScore, Reason, load_detector, score_pairs
from ..findings import Finding, Severity
from ..text.words import comparable
from .options import CheckOptions, option
from .registry import REGISTRY, BeadView, Check, PairContext, register

# Signals left to other checks: a changed number is the ``numbers`` check's finding.
LEFT_TO_OTHER_CHECKS = ("numbers",)


@dataclass(frozen=True)
class MistranslationOptions(CheckOptions):
    error_threshold: float = option(0.5, "detector probability at which a pair can be an error",
                                    minimum=0.0, maximum=1.0)
    warning_threshold: float = option(0.5, "detector probability at which a pair is a warning",
                                      minimum=0.0, maximum=1.0)
    error_min_pairs: int = option(
        12, "fewest pairs a document needs before standing out among them can make an error",
        minimum=1)
    established_after: int = option(
        3, "pairs of the run with the same rendering that make it an established translation "
        "(not reported; 0: never)", minimum=0)
    weights: str = option("", "detector weights file instead of the shipped one")

    rules = ((lambda o: o.warning_threshold <= o.error_threshold,
              "warning-threshold must not exceed error-threshold"),
             (lambda o: o.established_after != 1,
              "established-after must be 0 (off) or at least 2"))


def level(score: PairScore, options: MistranslationOptions) -> Severity | None:
    """The severity the check gives a scored pair, or None when it is not reported."""
    p = score.probability
    if p < options.warning_threshold:
        return None
    if p >= options.error_threshold and strong_evidence(score, options):
        return Severity.ERROR
    return Severity.WARNING


# Evidence that holds up at realistic error rates (measured in docs/detector.md, "Default
# thresholds"); below each line clean professional pairs turn up among the errors.
UNRELATED_DEFICIT = -0.08   # similarity this far below the usual for the pair's length ...
UNRELATED_MIN_WORDS = 9     # ... in a pair this long (short headings score low when right, too)
OUTLIER_Z = -3.5            # or this far below the document's other pairs, with the same deficit
CROSSED_GAP = -0.10         # or a side matching another pair this much better than its own
NEGATION_MIN = 0.6          # or a negation whose cue word has no counterpart (1 - best match)


def strong_evidence(score: PairScore, options: MistranslationOptions) -> bool:
    """Whether a pair's evidence is of a kind that stays right at realistic error rates.

    - *unrelated*: a sentence of some length whose meaning similarity is far below the usual;
    - *outlier*: a shorter pair far below the others of a document of ``error-min-pairs`` pairs
      or more (in a handful of pairs, being 'the lowest of 4' is true of one pair, right or wrong);
    - *crossed*: a side matches another pair of the document clearly better than its own;
    - *negation*: one side negates and the cue word has no counterpart on the other side.
    """
    v, sig = score.signals.values, score.signals
    named = {r.key for r in score.reasons}
    deficit = v["cos_vs_length"] <= UNRELATED_DEFICIT
    words = 1.0 / max(v["short"], 1e-9) ** 2
    return ((deficit and words >= UNRELATED_MIN_WORDS)
            or (deficit and sig.doc_pairs >= options.error_min_pairs
                and v["cos_doc_z"] <= OUTLIER_Z)
            or ("rival" in named and v["rival_gap"] <= CROSSED_GAP)
            or ("negation" in named and v["negation"] >= NEGATION_MIN))


def _mistranslation_review(check: Check, contexts: Sequence[PairContext],
                           findings: Sequence[Finding]) -> list[Finding]:
    return established(check, contexts, findings)


@register("mistranslation", "error",
          "Meaning differs between source and target (calibrated model score).",
          options=MistranslationOptions, review=_mistranslation_review)
def mistranslation(check: Check, ctx: PairContext) -> Iterator:
    options = ctx.options
    views = [v for v in ctx.beads() if v.source and v.target]
    if not views:
        return
    if ctx.embedder is None:
        raise ValueError("the mistranslation check needs the run's embedder (PairContext.embedder)")
    detector = load_detector(options.weights or None)
    scores = score_pairs([v.source_text for v in views], [v.target_text for v in views],
                         ctx.source_lang, ctx.target_lang, ctx.embedder, detector=detector,
                         explain_from=options.warning_threshold, neutral=LEFT_TO_OTHER_CHECKS)
    for view, score in zip(views, scores, strict=True):
        severity = level(score, options)
        if severity is None:
            continue
        reasons = "; ".join(_reason_text(r, score, views) for r in score.reasons) or \
            "no single signal stands out, but together they score the pair as likely wrong"
        yield ctx.finding(check, view,
                          f"Possible mistranslation (p = {score.probability:.2f}): {reasons}",
                          severity=severity, score=score.probability,
                          source_spans=score.source_spans, target_spans=score.target_spans)


def established(check: Check, contexts: Sequence[PairContext],
                findings: Sequence[Finding]) -> list[Finding]:
    """``findings`` less those on a rendering that recurs in ``established-after`` pairs of the run.

    Renderings compare in ``text.comparable`` form, per language pair. A rendering that breaks a
    glossary rule stays reported: the glossary says the corpus's habit is wrong.
    """
    if not contexts or not findings:
        return list(findings)
    after = contexts[0].options.established_after
    if after < 2:
        return list(findings)
    counts: Counter[tuple[str, str, str, str]] = Counter()
    for ctx in contexts:
        for view in ctx.beads():
            if view.source and view.target:
                counts[_rendering(ctx.source_lang, ctx.target_lang, view.source_text,
                                  view.target_text)] += 1
    recurring = [f for f in findings if counts[_rendering(f.source_lang, f.target_lang,
                                                          f.source_text, f.target_text)] >= after]
    if not recurring:
        return list(findings)
    # The glossary is consulted only on the documents that hold a recurring rendering.
    targets = {f.target.path for f in recurring if f.target}
    against_glossary = _glossary_beads([c for c in contexts if c.target.name in targets])
    dropped = {id(f) for f in recurring
               if (f.target.path if f.target else "", f.bead) not in against_glossary}
    return [f for f in findings if id(f) not in dropped]


def _rendering(source_lang: str, target_lang: str, source: str,
               target: str) -> tuple[str, str, str, str]:
    return source_lang, target_lang, comparable(source), comparable(target)


def _glossary_beads(contexts: Sequence[PairContext]) -> set[tuple[str, int | None]]:
    """(target path, bead) of every pair where the glossary check finds a term misrendered."""
    from .glossary import GlossaryOptions, glossary

    out: set[tuple[str, int | None]] = set()
    for ctx in contexts:
        if ctx.glossary_path is None:
            continue
        gctx = PairContext(ctx.source, ctx.target, ctx.alignment, options=GlossaryOptions(),
                           glossary_path=ctx.glossary_path)
        out.update((ctx.target.name, f.bead) for f in glossary(REGISTRY["glossary"], gctx))
    return out


def _reason_text(reason: Reason, score: PairScore, views: list[BeadView]) -> str:
    """The detector's sentence, with a rival pair named by its line in the source file."""
    rival = score.signals.rival
    if reason.key != "rival" or rival is None:
        return reason.text
    return f"{reason.text} (source line {views[rival].source[0].line})"

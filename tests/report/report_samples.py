"""A small hand-built run for the machine-format tests: real Documents, Segments and Findings.

The translations carry hostile text (markup, workflow-command syntax, escapes, pipes, newlines),
so every format is tested against what a document can throw at it.
"""

from __future__ import annotations

from pathlib import Path

from alignqa.alignment import Alignment, Bead
from alignqa.checks.registry import REGISTRY, BeadView, Check, PairContext
from alignqa.document import SENTENCE, Document, Segment
from alignqa.findings import Severity
from alignqa.report.common import known_checks
from alignqa.results import PairResult, RunResult

HOSTILE = "<script>alert('x')</script> ::error file=a,line=1::pwned %0A 50% | `tick` {0} [x](1)"

EN_TEXT = """# Fees

The fee is 3.5% of the total.
Call support before 5 May.
The contract ends in 2030.
"""

LV_TEXT = f"""# Maksas

Maksa ir 35% no kopsummas.
Zvaniet atbalstam \x1b[31mlīdz 5. maijam\u202e.
{HOSTILE}
un vēl rinda. <!-- alignqa: ignore[length-ratio] -->
"""

ID_TEXT = """# Biaya

Biayanya 3,5% dari total.
=HYPERLINK("http://evil") hubungi dukungan.
Kontrak berakhir pada 2030.
"""


def document(path: str, lang: str, text: str, sentences: list[str]) -> Document:
    """A Document whose segments are ``sentences`` found in order in ``text``."""
    segments = []
    pos = 0
    for s in sentences:
        start = text.index(s, pos)
        end = start + len(s)
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        segments.append(Segment(s, SENTENCE, line, column, start, end))
        pos = end
    return Document(Path(path), lang, text, segments)


CHECKS = {
    "numbers": Check("numbers", Severity.ERROR, "Numbers in the source are missing or changed.",
                     "pair", lambda check, ctx: []),
    "untranslated": Check("untranslated", Severity.WARNING, "The translation repeats the source.",
                          "pair", lambda check, ctx: []),
    "length-ratio": Check("length-ratio", Severity.INFO,
                          "Length ratio is {unusual} [for] the pair.", "corpus",
                          lambda check, ctxs: []),
    "omission": Check("omission", Severity.ERROR, "A source sentence has no translation.",
                      "pair", lambda check, ctx: []),
}


def register_checks(monkeypatch) -> None:
    """Put the sample checks in the registry for one test (monkeypatch restores it).

    The built-in checks are imported first: importing them later, while a sample check holds
    their id, would register an id twice.
    """
    known_checks()
    for check in CHECKS.values():
        monkeypatch.setitem(REGISTRY, check.id, check)


def _view(ctx: PairContext, index: int) -> BeadView:
    return list(ctx.beads())[index]


def sample_run(root: Path | str = "corpus") -> RunResult:
    root = Path(root)
    en = document(str(root / "en" / "fees.md"), "en", EN_TEXT, [
        "Fees", "The fee is 3.5% of the total.", "Call support before 5 May.",
        "The contract ends in 2030."])
    lv_multi = f"{HOSTILE}\nun vēl rinda."
    lv = document(str(root / "lv" / "fees.md"), "lv", LV_TEXT, [
        "Maksas", "Maksa ir 35% no kopsummas.", "Zvaniet atbalstam \x1b[31mlīdz 5. maijam\u202e.",
        lv_multi])
    idd = document(str(root / "id" / "fees.md"), "id", ID_TEXT, [
        "Biaya", "Biayanya 3,5% dari total.", '=HYPERLINK("http://evil") hubungi dukungan.',
        "Kontrak berakhir pada 2030."])

    lv_align = Alignment([Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.8), Bead((2,), (2,), 0.7),
                          Bead((3,), (3,), 0.2)], model="test-model")
    # The id pair has an omission (1-0) and an addition (0-1): findings with one side only.
    id_align = Alignment([Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.85), Bead((2,), ()),
                          Bead((), (2,)), Bead((3,), (3,), 0.9)], model="test-model")
    lv_ctx = PairContext(en, lv, lv_align)
    id_ctx = PairContext(en, idd, id_align)

    lv_findings = [
        lv_ctx.finding(CHECKS["numbers"], _view(lv_ctx, 1), "3.5 in the source, 35 here",
                       score=0.8, source_spans=[(11, 15)], target_spans=[(9, 12)]),
        lv_ctx.finding(CHECKS["numbers"], _view(lv_ctx, 3), f"2030 is missing: {HOSTILE}",
                       score=0.2),
        lv_ctx.finding(CHECKS["untranslated"], _view(lv_ctx, 2), "Looks untranslated, line\nbreak",
                       score=float("nan")),
        lv_ctx.finding(CHECKS["length-ratio"], _view(lv_ctx, 3), "Target is 3.1x the source length",
                       score=3.1),
    ]
    id_findings = [
        id_ctx.finding(CHECKS["untranslated"], _view(id_ctx, 3), "Starts like a formula",
                       severity=Severity.WARNING),
        id_ctx.finding(CHECKS["omission"], _view(id_ctx, 2), "Not translated: 'Call support'"),
    ]
    pairs = [
        PairResult(en, lv, lv_align, findings=lv_findings, bead_scores=[0.9, 0.8, 0.7, 0.2]),
        PairResult(en, idd, id_align, findings=id_findings,
                   bead_scores=[0.9, 0.85, None, None, 0.9]),
    ]
    signature = {"alignqa": "0.1.0", "model": "test-model", "source_lang": "en", "max_bead": 5,
                 "fail_on": "error", "checks": ["length-ratio", "numbers", "omission",
                                                "untranslated"],
                 "thresholds": {"length-ratio": {"max_ratio": 2.5}}, "date": "2025-01-01"}
    return RunResult(pairs=pairs, notices=["lv/extra.md has no source <b>document</b> | 100%"],
                     signature=signature, suppressed=2)

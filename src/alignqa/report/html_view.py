"""View models for the HTML report: plain data the templates walk, built from a RunResult.

Everything here is text and numbers; escaping is left to jinja2's autoescape. Highlighted spans
are delivered as a list of pieces (text, checks) so that the template escapes each piece on its
own and wraps only the marked ones: no HTML is ever built by concatenating document text.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from hashlib import sha256
from pathlib import Path

from markupsafe import Markup, escape

from ..alignment import Bead
from ..document import HEADING, SENTENCE, Segment
from ..findings import Finding, Severity
from ..languages import language_name
from ..results import PairResult
from .common import display_path
from .svg_chart import Histogram

SEVERITIES = sorted(Severity, key=lambda s: -s.rank)  # error, warning, info
SEVERITY_LABEL = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.INFO: "Info"}
_ORDERED_MARKER = re.compile(r"^(\d+)[.)]$")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


# Characters shown as a visible code instead of being passed through: C0/C1 controls (a terminal
# escape renders as a box or nothing), bidi embeddings, overrides and isolates (they reorder the
# text around them, the "Trojan Source" trick), the BOM, surrogates and private use. Zero-width
# joiners and LRM/RLM stay: scripts need them, and they reorder nothing.
_SHOWN_AS_CODE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff"
    "\ue000-\uf8ff]")


def visible_parts(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (text, is_code) parts: invisible or reordering characters come out as
    ``U+XXXX`` codes for the template to show apart, so a reviewer sees them and they act not."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _SHOWN_AS_CODE.finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], False))
        out.append((f"U+{ord(m.group()):04X}", True))
        pos = m.end()
    if pos < len(text) or not out:
        out.append((text[pos:], False))
    return out


_CODE_HTML = Markup('<span class="ctl" title="invisible or control character {0}">{0}</span>')


def visible_html(text: str) -> Markup:
    """``text`` as escaped HTML, its invisible or reordering characters shown as marked codes
    (:func:`visible_parts`). A filter, not a template macro: it runs for every piece of every
    segment, and a macro call cost ten times as much."""
    if not _SHOWN_AS_CODE.search(text):
        return escape(text)
    return Markup("").join(_CODE_HTML.format(part) if code else escape(part)
                           for part, code in visible_parts(text))


@dataclass(frozen=True)
class Piece:
    """A run of segment text; ``checks`` is non-empty when the run is a highlighted span."""

    text: str
    checks: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return "flagged by " + ", ".join(self.checks)


@dataclass
class Block:
    """Consecutive segments of one kind shown as one element: a heading, list item, paragraph."""

    kind: str
    marker: str
    line: int
    pieces: list[list[Piece]] = field(default_factory=list)  # one list of pieces per segment

    @property
    def heading_level(self) -> int | None:
        if self.kind == HEADING and self.marker and set(self.marker) == {"#"}:
            return min(len(self.marker), 6)
        return None

    @property
    def ordinal(self) -> int | None:
        """The number of an ordered list item (``3.`` or ``3)``), None for bullets."""
        m = _ORDERED_MARKER.match(self.marker)
        return int(m.group(1)) if m else None


@dataclass
class FindingView:
    anchor: str
    check: str
    severity: str
    severity_label: str
    message: str
    score: str


@dataclass
class RowView:
    """One bead: a row of the side-by-side table."""

    index: int
    kind: str  # "1-1", "0-1", "2-1"...
    score: str
    source: list[Block]
    target: list[Block]
    findings: list[FindingView]
    source_line: int | None
    target_line: int | None

    @property
    def relation(self) -> str:
        if not self.source:
            return "addition"
        if not self.target:
            return "omission"
        return "match" if self.kind == "1-1" else "merge"

    @property
    def severity(self) -> str:
        """The worst severity among the row's findings, '' when it has none."""
        if not self.findings:
            return ""
        return max((Severity(f.severity) for f in self.findings), key=lambda s: s.rank).value

    @property
    def checks(self) -> str:
        return " ".join(sorted({f.check for f in self.findings}))


@dataclass
class PairPage:
    """Everything the document page of one pair shows."""

    pair: PairResult
    slug: str
    rows: list[RowView]
    doc_findings: list[FindingView]
    severity_counts: dict[str, int]
    check_counts: dict[str, int]

    @property
    def source_language(self) -> str:
        return language_name(self.pair.source.lang)

    @property
    def target_language(self) -> str:
        return language_name(self.pair.target.lang)

    @property
    def source_name(self) -> str:
        """The source's path relative to the working directory, or else to the corpus or
        repository root: a report that is shared or published shows no machine's full paths."""
        return _shown(self.pair.source.path, self.pair.root)

    @property
    def target_name(self) -> str:
        return _shown(self.pair.target.path, self.pair.root)

    @property
    def total(self) -> int:
        return sum(self.severity_counts.values())

    @property
    def sort_key(self) -> tuple:
        """Most severe first: errors, then warnings, then info, then name."""
        c = self.severity_counts
        return (-c["error"], -c["warning"], -c["info"], str(self.pair.target.path),
                str(self.pair.source.path))


def format_score(score: float | None) -> str:
    """Two decimals; nothing for a missing or non-finite score (a NaN says nothing to a reader)."""
    return f"{score:.2f}" if score is not None and math.isfinite(score) else ""


def _shown(path: Path, root: Path | None) -> str:
    shown = display_path(path)
    if root is not None and Path(shown).is_absolute():
        try:
            return Path(path).resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return shown


def page_slug(pair: PairResult, taken: set[str]) -> str:
    """A file name for the pair's page: readable, URL-safe, unique within the run.

    ``pair_id`` is readable but may hold characters a URL or a file system dislikes, and two
    sources with one file name in different folders share it; both cases get a short hash of the
    full paths so the name stays deterministic.
    """
    base = _SAFE_NAME.sub("_", unicodedata.normalize("NFKD", pair.pair_id)).strip("._") or "pair"
    slug = base
    if base != pair.pair_id or slug in taken:
        digest = sha256(f"{pair.source.path}\x1f{pair.target.path}\x1f{pair.target.lang}"
                        .encode()).hexdigest()[:8]
        slug = f"{base}-{digest}"
    n = 2
    while slug in taken:  # only two pairs with identical paths and language could get here
        slug = f"{base}-{n}"
        n += 1
    taken.add(slug)
    return slug


def finding_anchors(findings: list[Finding]) -> list[str]:
    """Deep-link ids for findings, in order: ``f-<fingerprint>``, numbered when one repeats.

    The fingerprint ignores line numbers, so a link survives edits elsewhere in the document.
    """
    seen: Counter[str] = Counter()
    out = []
    for f in findings:
        fp = f.fingerprint
        seen[fp] += 1
        out.append(f"f-{fp}" if seen[fp] == 1 else f"f-{fp}-{seen[fp]}")
    return out


def split_pieces(texts: list[str], spans: list[tuple[int, int, str]]) -> list[list[Piece]]:
    """Cut each segment text into pieces by ``spans`` over ``" ".join(texts)``.

    ``spans`` are (start, end, check) in joined-text coordinates; they may overlap or run past the
    text (clipped). Each resulting piece lists the checks whose spans cover it.
    """
    total = len(" ".join(texts))
    clean = [(max(0, s), min(total, e), c) for s, e, c in spans if min(total, e) > max(0, s)]
    out: list[list[Piece]] = []
    offset = 0
    for text in texts:
        lo, hi = offset, offset + len(text)
        cuts = {lo, hi}
        for s, e, _ in clean:
            cuts.update(p for p in (s, e) if lo < p < hi)
        bounds = sorted(cuts)
        pieces: list[Piece] = []
        for a, b in itertools.pairwise(bounds):
            checks = tuple(sorted({c for s, e, c in clean if s <= a and b <= e}))
            if pieces and pieces[-1].checks == checks:
                pieces[-1] = Piece(pieces[-1].text + text[a - lo:b - lo], checks)
            else:
                pieces.append(Piece(text[a - lo:b - lo], checks))
        out.append(pieces or [Piece("")])
        offset = hi + 1
    return out


def _blocks(segments: list[Segment], pieces: list[list[Piece]]) -> list[Block]:
    """Group a cell's segments: a marker opens a new block, unmarked same-kind segments continue."""
    blocks: list[Block] = []
    for seg, segment_pieces in zip(segments, pieces, strict=True):
        prev = blocks[-1] if blocks else None
        if prev is None or prev.kind != seg.kind or (seg.marker and seg.kind != SENTENCE):
            blocks.append(Block(seg.kind, seg.marker, seg.line))
        blocks[-1].pieces.append(segment_pieces)
    return blocks


def _side_spans(f: Finding, side: str, joined: str) -> list[tuple[int, int, str]]:
    """The finding's spans on one side, in joined-bead coordinates.

    Spans are defined over the bead's joined text; if a check reported a different text (a part of
    the bead), spans are shifted to where that text stands, and dropped when it is not there at
    all rather than highlighting the wrong words.
    """
    spans = f.source_spans if side == "source" else f.target_spans
    text = f.source_text if side == "source" else f.target_text
    shift = 0
    if text and text != joined:
        shift = joined.find(text)
        if shift < 0:
            return []
    return [(s + shift, e + shift, f.check) for s, e in spans]


def _finding_view(f: Finding, anchor: str) -> FindingView:
    return FindingView(anchor=anchor, check=f.check, severity=f.severity.value,
                       severity_label=SEVERITY_LABEL[f.severity], message=f.message,
                       score=format_score(f.score))


def _finding_order(f: Finding) -> tuple:
    return (-f.severity.rank, f.check, f.message, f.source_text, f.target_text)


def build_pair_page(pair: PairResult, slug: str) -> PairPage:
    src_segs, tgt_segs = pair.source.segments, pair.target.segments
    beads: list[Bead] = pair.alignment.beads
    # Findings in a stable order: by bead, then worst first; the anchors follow that order.
    ordered = sorted(pair.findings, key=lambda f: (
        f.bead if f.bead is not None and 0 <= f.bead < len(beads) else -1, *_finding_order(f)))
    anchors = dict(zip(map(id, ordered), finding_anchors(ordered), strict=True))
    by_bead: dict[int, list[Finding]] = {}
    doc_level: list[FindingView] = []
    for f in ordered:
        if f.bead is not None and 0 <= f.bead < len(beads):
            by_bead.setdefault(f.bead, []).append(f)
        else:
            doc_level.append(_finding_view(f, anchors[id(f)]))

    rows = []
    for i, bead in enumerate(beads):
        src = [src_segs[k] for k in bead.src]
        tgt = [tgt_segs[k] for k in bead.tgt]
        found = by_bead.get(i, [])
        src_join, tgt_join = " ".join(s.text for s in src), " ".join(s.text for s in tgt)
        src_spans = [sp for f in found for sp in _side_spans(f, "source", src_join)]
        tgt_spans = [sp for f in found for sp in _side_spans(f, "target", tgt_join)]
        rows.append(RowView(
            index=i, kind=bead.kind, score=format_score(bead_score(pair, i)),
            source=_blocks(src, split_pieces([s.text for s in src], src_spans)),
            target=_blocks(tgt, split_pieces([s.text for s in tgt], tgt_spans)),
            findings=[_finding_view(f, anchors[id(f)]) for f in found],
            source_line=src[0].line if src else None, target_line=tgt[0].line if tgt else None))

    sev = Counter(f.severity.value for f in pair.findings)
    return PairPage(pair=pair, slug=slug, rows=rows, doc_findings=doc_level,
                    severity_counts={s.value: sev.get(s.value, 0) for s in SEVERITIES},
                    check_counts=dict(sorted(Counter(f.check for f in pair.findings).items())))


@dataclass
class LanguagePairView:
    source_lang: str
    target_lang: str
    pages: list[PairPage]
    chart: Histogram | None = None  # set by the renderer: inline SVG built from numbers only

    @property
    def title(self) -> str:
        return f"{language_name(self.source_lang)} → {language_name(self.target_lang)}"

    @property
    def anchor(self) -> str:
        return f"lp-{_SAFE_NAME.sub('_', self.source_lang)}-{_SAFE_NAME.sub('_', self.target_lang)}"

    @property
    def source_segments(self) -> int:
        return sum(len(p.pair.source.segments) for p in self.pages)

    @property
    def target_segments(self) -> int:
        return sum(len(p.pair.target.segments) for p in self.pages)

    @property
    def beads(self) -> int:
        return sum(len(p.pair.alignment.beads) for p in self.pages)

    @property
    def severity_counts(self) -> dict[str, int]:
        return {s.value: sum(p.severity_counts[s.value] for p in self.pages) for s in SEVERITIES}

    @property
    def total(self) -> int:
        return sum(self.severity_counts.values())

    @property
    def check_rows(self) -> list[tuple[str, dict[str, int], int]]:
        """(check, counts by severity, total) for each check that fired, most findings first."""
        counts: dict[str, Counter[str]] = {}
        for p in self.pages:
            for f in p.pair.findings:
                counts.setdefault(f.check, Counter())[f.severity.value] += 1
        rows = [(check, {s.value: c.get(s.value, 0) for s in SEVERITIES}, sum(c.values()))
                for check, c in counts.items()]
        return sorted(rows, key=lambda r: (-r[2], r[0]))


def bead_score(pair: PairResult, i: int) -> float | None:
    """The score the chart plots for bead ``i``: PairResult.bead_scores, else the bead's own."""
    if i < len(pair.bead_scores):
        return pair.bead_scores[i]
    return pair.alignment.beads[i].score


def build_language_pairs(pages: list[PairPage]) -> list[LanguagePairView]:
    """Pages grouped by (source, target) language, each group's documents most findings first."""
    groups: dict[tuple[str, str], list[PairPage]] = {}
    for page in pages:
        groups.setdefault((page.pair.source.lang, page.pair.target.lang), []).append(page)
    return [LanguagePairView(s, t, sorted(groups[(s, t)], key=lambda p: p.sort_key))
            for s, t in sorted(groups)]

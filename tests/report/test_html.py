"""Unit tests of the HTML report: escaping, deep links, row shapes, determinism, contrast.

The runs here are built by hand from real Documents and Segments (the corpus files, a hostile
translation, a synthetic long document), so these tests need neither the model nor a browser.
``test_html_browser.py`` reuses the builders.
"""

from __future__ import annotations

import base64
import hashlib
import os
import random
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from alignqa.alignment import Alignment, Bead
from alignqa.checks.registry import Check, PairContext
from alignqa.document import HEADING, LIST_ITEM, SENTENCE, TABLE_ROW, Document, Segment, read_text
from alignqa.findings import Finding, Severity
from alignqa.report import html as report_html
from alignqa.report.html_view import Piece, finding_anchors, page_slug, split_pieces
from alignqa.report.palette import CONTRAST_PAIRS, PALETTE, contrast_ratio
from alignqa.report.svg_chart import bin_scores, similarity_histogram
from alignqa.results import PairResult, RunResult

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"
TEMPLATES = REPO / "src" / "alignqa" / "report" / "templates"

MISTRANSLATION = Check("mistranslation", Severity.ERROR, "Meaning differs.", "pair",
                       lambda check, ctx: [])
NUMBERS = Check("numbers", Severity.ERROR, "Numbers differ.", "pair", lambda check, ctx: [])
LENGTH = Check("length-ratio", Severity.INFO, "Unusual length.", "pair", lambda check, ctx: [])
TERMS = Check("glossary", Severity.WARNING, "Term not used.", "pair", lambda check, ctx: [])
SIGNATURE = {"alignqa": "0.1.0", "model": "hand-built", "date": "2025-03-04",
             "thresholds": {"mistranslation": {"min_score": 0.35}}}

_SENT_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


# --- builders ---------------------------------------------------------------------------------

def segment_plain(path: Path, lang: str, text: str | None = None) -> Document:
    """Segment the corpus' simple Markdown for these tests (the real segmenter is tested apart):
    one block per line, ``- `` opens a list item, a short line without a final full stop is a
    heading, sentences end at . ! ? before a space."""
    text = read_text(path) if text is None else text
    segments = []
    offset = 0
    for lineno, line in enumerate(text.split("\n"), 1):
        line_start, offset = offset, offset + len(line) + 1
        if not line.strip():
            continue
        body, body_at, marker = line, line_start, ""
        numbered = re.match(r"\d+\. ", line)
        if line.startswith("- ") or numbered:
            marker = numbered.group().strip() if numbered else "-"
            kind, body, body_at = LIST_ITEM, line[len(marker) + 1:], line_start + len(marker) + 1
        elif line.startswith("#"):
            marker = line.split(" ", 1)[0]
            kind, body, body_at = HEADING, line[len(marker) + 1:], line_start + len(marker) + 1
        elif len(line) < 80 and not line.rstrip().endswith("."):
            kind = HEADING
        else:
            kind = SENTENCE
        pos = 0
        for i, sentence in enumerate(_SENT_END.split(body)):
            at = body.index(sentence, pos)
            pos = at + len(sentence)
            start = body_at + at
            segments.append(Segment(sentence, kind, lineno, start - line_start + 1, start,
                                    start + len(sentence), marker if i == 0 else ""))
    return Document(path, lang, text, segments)


def align_by_line(src: Document, tgt: Document) -> Alignment:
    """Lines correspond one to one in the corpus: 1-1 beads where a line has as many sentences
    on both sides, one n-m bead for the line otherwise. Score: a length ratio (a stand-in)."""
    def lines(doc: Document) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for i, s in enumerate(doc.segments):
            out.setdefault(s.line, []).append(i)
        return list(out.values())

    def score(a: list[int], b: list[int]) -> float:
        la = sum(len(src.segments[i].text) for i in a)
        lb = sum(len(tgt.segments[i].text) for i in b)
        return round(min(la, lb) / max(la, lb), 4)

    beads = []
    for s_line, t_line in zip(lines(src), lines(tgt), strict=True):
        if len(s_line) == len(t_line):
            beads += [Bead((a,), (b,), score([a], [b]))
                      for a, b in zip(s_line, t_line, strict=True)]
        else:
            beads.append(Bead(tuple(s_line), tuple(t_line), score(s_line, t_line)))
    return Alignment(beads, model="hand-built")


def view_of(ctx: PairContext, target_text: str):
    return next(v for v in ctx.beads() if v.target_text == target_text)


def corpus_pair(lang: str, src_prefix: str = "", tgt_prefix: str = "") -> PairResult:
    """One corpus translation aligned by line, with the findings a reviewer expects on it.

    The prefixes put extra lines at the top of both documents (to test what survives edits)."""
    en_path, tgt_path = CORPUS / "en" / "client-facing.md", CORPUS / lang / "client-facing.md"
    en = segment_plain(en_path.relative_to(REPO), "en", src_prefix + read_text(en_path))
    tgt = segment_plain(tgt_path.relative_to(REPO), lang, tgt_prefix + read_text(tgt_path))
    alignment = align_by_line(en, tgt)
    ctx = PairContext(en, tgt, alignment)
    if lang == "lv":
        heading = view_of(ctx, "Taustiņu izņemšana")
        findings = [
            ctx.finding(MISTRANSLATION, heading, "Meaning differs: reads as 'removing keys'",
                        score=0.21, source_spans=[(0, 3)], target_spans=[(0, 8), (9, 18)]),
            ctx.finding(LENGTH, heading, "Target is 1.4x the source length", score=1.38)]
    else:
        findings = [ctx.finding(TERMS, view_of(ctx, "Pengambilan Kunci"),
                                "Glossary: 'Key Takeaways' should be 'Poin Penting'")]
    return PairResult(en, tgt, alignment, findings, [b.score for b in alignment.beads])


def corpus_run() -> RunResult:
    return RunResult([corpus_pair("id"), corpus_pair("lv")],
                     notices=["corpus/de/extra.md has no source document"],
                     signature=dict(SIGNATURE), suppressed=1)


HOSTILE_SCRIPT = "<script>window.__pwned=1;alert(1)</script>"
HOSTILE_IMG = '<img src=x onerror="window.__pwned=2;alert(2)">'
HOSTILE_TEXT = (f"Sveiki {HOSTILE_SCRIPT} un {HOSTILE_IMG} beigas. "
                "</td></tr></table><h1>lauzts</h1> \"><svg onload=alert(3)> {{ 7*7 }} "
                "\u202eevil\u202c &amp; \x1b[31m.")


def hostile_run() -> RunResult:
    """A translation (and names, messages, notices) made of markup that must stay text."""
    src_text = "# Greeting\n\nHello and welcome. Goodbye.\n"
    tgt_text = f"# Sveiciens <b>bold</b>\n\n{HOSTILE_TEXT}\n"
    en = segment_plain(Path("en/greeting.md"), "en", src_text)
    lv = segment_plain(Path('lv/"><img src=x onerror=alert(4)>.md'), "lv", tgt_text)
    rest = tuple(range(1, len(lv.segments)))  # the hostile line splits into several sentences
    alignment = Alignment([Bead((0,), (0,), 0.8), Bead((1, 2), rest, 0.3)], model="hand-built")
    ctx = PairContext(en, lv, alignment)
    views = list(ctx.beads())
    start = HOSTILE_TEXT.index("<script>")
    findings = [
        ctx.finding(MISTRANSLATION, views[1], f"Looks like markup: {HOSTILE_IMG}", score=0.3,
                    target_spans=[(start, start + len(HOSTILE_SCRIPT))]),
        ctx.finding(NUMBERS, None, f"Document-level: {HOSTILE_SCRIPT}"),
    ]
    return RunResult([PairResult(en, lv, alignment, findings, [0.8, 0.3])],
                     notices=[f"lv/x.md has no source {HOSTILE_SCRIPT}"],
                     signature={**SIGNATURE, "model": HOSTILE_IMG})


_WORDS = ["translation", "review", "segment", "client", "interaction", "document", "language",
          "quality", "market", "number", "planner", "agent", "policy", "customer", "service",
          "estate", "record", "meaning", "business"]


def synthetic_run(n_segments: int = 2000, seed: int = 7) -> RunResult:
    """One pair of ``n_segments`` made-up source segments: headings, list items, a table row,
    1-1, 2-1, 1-2 beads, omissions, additions, and a finding on roughly every 25th bead."""
    rng = random.Random(seed)

    def sentence() -> str:
        words = [rng.choice(_WORDS) for _ in range(rng.randint(6, 22))]
        return " ".join(words).capitalize() + rng.choice(".?!") + (
            f" ({rng.randint(1, 999)})" if rng.random() < 0.1 else "")

    def build(lang: str, kinds: list[tuple[str, str]], texts: list[str]) -> Document:
        lines, segs, pos = [], [], 0
        for lineno, ((kind, marker), text) in enumerate(zip(kinds, texts, strict=True), 1):
            prefix = f"{marker} " if marker else ""
            start = pos + len(prefix)
            segs.append(Segment(text, kind, lineno, len(prefix) + 1, start, start + len(text),
                                marker))
            lines.append(prefix + text)
            pos += len(prefix) + len(text) + 1
        return Document(Path(f"synthetic/{lang}/long.md"), lang, "\n".join(lines) + "\n", segs)

    kinds = []
    for i in range(n_segments):
        kinds.append((HEADING, "#" * (1 + i % 3)) if i % 40 == 0 else
                     (LIST_ITEM, f"{i % 7 + 1}." if i % 2 else "-") if i % 40 in (5, 6) else
                     (TABLE_ROW, "") if i % 97 == 3 else (SENTENCE, ""))
    src_texts = [sentence() for _ in range(n_segments)]
    beads, tgt_kinds, tgt_texts = [], [], []
    i = 0
    while i < n_segments:
        r = rng.random()
        t = len(tgt_texts)
        if r < 0.02:  # omission
            beads.append(Bead((i,), ()))
            i += 1
            continue
        if r < 0.04:  # addition
            tgt_kinds.append((SENTENCE, ""))
            tgt_texts.append(sentence())
            beads.append(Bead((), (t,)))
            continue
        if r < 0.08 and i + 1 < n_segments and kinds[i + 1][0] == SENTENCE:  # 2-1 merge
            tgt_kinds.append(kinds[i])
            tgt_texts.append(f"{src_texts[i]} {src_texts[i + 1]}".upper())
            beads.append(Bead((i, i + 1), (t,), round(rng.uniform(0.4, 0.95), 4)))
            i += 2
            continue
        if r < 0.10:  # 1-2 split
            tgt_kinds += [kinds[i], (SENTENCE, "")]
            tgt_texts += [src_texts[i].upper(), sentence()]
            beads.append(Bead((i,), (t, t + 1), round(rng.uniform(0.4, 0.95), 4)))
            i += 1
            continue
        tgt_kinds.append(kinds[i])
        tgt_texts.append(src_texts[i].upper())
        beads.append(Bead((i,), (t,), round(rng.uniform(0.2, 1.0), 4)))
        i += 1
    src = build("en", kinds, src_texts)
    tgt = build("lv", tgt_kinds, tgt_texts)
    alignment = Alignment(beads, model="synthetic")
    ctx = PairContext(src, tgt, alignment)
    findings = []
    checks = (MISTRANSLATION, NUMBERS, LENGTH, TERMS)
    for view in ctx.beads():
        if view.index % 25 == 3 and view.source and view.target:
            check = checks[(view.index // 25) % len(checks)]
            spans = [(0, min(8, len(view.target_text)))] if check is MISTRANSLATION else []
            findings.append(ctx.finding(check, view, f"Synthetic finding on row {view.index + 1}",
                                        score=view.bead.score, target_spans=spans))
    return RunResult([PairResult(src, tgt, alignment, findings, [b.score for b in beads])],
                     signature=dict(SIGNATURE))


# --- HTML inspection --------------------------------------------------------------------------

class Tags(HTMLParser):
    """Every start tag with its attributes, the text, and the raw content of script/style."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._in: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in self.raw:
            self._in = tag
            self.raw[tag].append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in:
            self.raw[self._in][-1] += data
        else:
            self.text.append(data)

    def ids(self) -> list[str]:
        return [a["id"] for _, a in self.tags if a.get("id")]

    def with_class(self, cls: str) -> list[dict]:
        return [a for _, a in self.tags if cls in (a.get("class") or "").split()]


def pair_html(result: RunResult, index: int = 0) -> str:
    pages = report_html.build_pages(result)
    return report_html.render_pair_page(result, pages[index])


def bead_block(html: str, row: int) -> str:
    """The markup of one bead (1-based row number), from its <tbody> to the next."""
    start = html.index(f'<tbody id="b{row}"')
    return html[start:html.index("</tbody>", start)]


# --- escaping and safety ----------------------------------------------------------------------

ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "a", "svg", "symbol", "circle",
                "path", "header", "span", "main", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "p",
                "code", "ul", "ol", "li", "form", "fieldset", "legend", "label", "input", "button",
                "kbd", "section", "table", "tbody", "thead", "tfoot", "tr", "th", "td", "div",
                "colgroup", "col", "mark", "use", "footer", "script", "b", "details", "summary",
                "defs", "pattern", "rect", "line", "g", "text", "desc", "dl", "dt", "dd"}


@pytest.mark.parametrize("page", ["index", "pair"])
def test_hostile_text_stays_text(tmp_path, page):
    result = hostile_run()
    index = report_html.write_html_report(result, tmp_path)
    html = index.read_text("utf-8") if page == "index" else next(
        (tmp_path / "pairs").glob("*.html")).read_text("utf-8")
    parsed = Tags(html)
    # Only the report's own elements exist: no <img>, no injected <h1> or <b>, one <script>.
    assert {t for t, _ in parsed.tags} <= ALLOWED_TAGS
    assert not any(t == "img" for t, _ in parsed.tags)
    assert [t for t, _ in parsed.tags].count("script") == 1
    assert not [(t, k) for t, a in parsed.tags for k in a if k.lower().startswith("on")]
    assert "window.__pwned" not in "".join(parsed.raw["script"])
    text = "".join(parsed.text)
    if page == "pair":
        assert HOSTILE_SCRIPT in text and HOSTILE_IMG in text  # shown, as text
        assert "{{ 7*7 }}" in text  # no template evaluation of document text
        assert "Sveiciens <b>bold</b>" in text
        assert "&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;" in html
    else:
        assert f"lv/x.md has no source {HOSTILE_SCRIPT}" in text  # the notice
        assert HOSTILE_IMG in text  # the signature's model field


def test_highlighted_hostile_span_is_escaped_inside_mark():
    html = pair_html(hostile_run())
    assert ('<mark data-label="flagged by mistranslation" title="flagged by mistranslation">'
            "&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;</mark>") in html


def test_bidi_and_control_characters_are_shown_as_codes():
    html = pair_html(hostile_run())
    assert "\u202e" not in html and "\x1b" not in html
    assert '<span class="ctl" title="invisible or control character U+202E">U+202E</span>' in html
    assert ">U+001B</span>" in html


def test_every_page_is_self_contained(tmp_path):
    report_html.write_html_report(corpus_run(), tmp_path)
    pages = sorted(tmp_path.rglob("*.html"))
    assert len(pages) == 3
    for page in pages:
        parsed = Tags(page.read_text("utf-8"))
        for tag, attrs in parsed.tags:
            for key in ("src", "href", "action", "srcset", "data"):
                value = attrs.get(key)
                if value is None or value.startswith("#"):
                    continue
                assert "://" not in value and not value.startswith("//"), (page, tag, value)
                target = (page.parent / value.split("#")[0]).resolve()
                assert target.is_file(), f"{page.name}: broken link {value}"
        assert not [t for t, a in parsed.tags if t in ("link", "img", "iframe", "object")]


def test_csp_allows_exactly_the_inline_style_and_script():
    html = pair_html(corpus_run())
    parsed = Tags(html)
    csp = next(a["content"] for t, a in parsed.tags
               if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")

    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    assert f"script-src 'sha256-{digest(parsed.raw['script'][0])}'" in csp
    assert f"style-src 'sha256-{digest(parsed.raw['style'][0])}'" in csp
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert not [a for _, a in parsed.tags if "style" in a]  # a style attribute would be blocked


# --- deep links -------------------------------------------------------------------------------

def test_finding_anchors_follow_fingerprints_and_number_repeats():
    base = dict(check="numbers", severity=Severity.ERROR, message="m", source_lang="en",
                target_lang="lv", source_text="A 1.", target_text="A 2.")
    a, b = Finding(**base), Finding(**base, bead=9)
    c = Finding(**{**base, "target_text": "A 3."})
    assert finding_anchors([a, b, c]) == [f"f-{a.fingerprint}", f"f-{a.fingerprint}-2",
                                          f"f-{c.fingerprint}"]


def test_deep_link_ids_survive_edits_elsewhere_in_the_document():
    """Add a paragraph at the top of both documents: the row moves, the finding ids do not."""
    def anchors(pair: PairResult) -> list[str]:
        html = pair_html(RunResult([pair], signature=dict(SIGNATURE)))
        return [a["id"] for a in Tags(html).with_class("finding")]

    before = corpus_pair("lv")
    after = corpus_pair("lv", "An introduction added later.\n", "Vēlāk pievienots ievads.\n")
    assert after.findings[0].bead == before.findings[0].bead + 1
    assert after.findings[0].target.line == before.findings[0].target.line + 1
    assert len(anchors(before)) == 2
    assert anchors(after) == anchors(before)


def test_ids_are_unique_and_every_permalink_resolves():
    html = pair_html(synthetic_run(600))
    parsed = Tags(html)
    ids = parsed.ids()
    assert len(ids) == len(set(ids))
    links = [a["href"][1:] for t, a in parsed.tags
             if t == "a" and a.get("href", "").startswith("#")]
    assert links and set(links) <= set(ids)
    findings = parsed.with_class("finding")
    assert all(a["id"].startswith("f-") and a["tabindex"] == "-1" for a in findings)


# --- row shapes -------------------------------------------------------------------------------

def _one_pair(beads: list[Bead], src_texts: list[str], tgt_texts: list[str],
              findings=()) -> RunResult:
    src = segment_plain(Path("en/a.md"), "en", "\n".join(src_texts) + "\n")
    tgt = segment_plain(Path("lv/a.md"), "lv", "\n".join(tgt_texts) + "\n")
    alignment = Alignment(beads)
    ctx = PairContext(src, tgt, alignment)
    made = [ctx.finding(check, list(ctx.beads())[i], msg, **kw) for check, i, msg, kw in findings]
    return RunResult([PairResult(src, tgt, alignment, made, [b.score for b in beads])])


def test_omission_and_addition_rows_have_an_empty_labelled_side():
    result = _one_pair(
        [Bead((0,), (0,), 0.9), Bead((1,), ()), Bead((), (1,)), Bead((2,), (2,), 0.8)],
        ["First one.", "Dropped sentence.", "Last one."],
        ["Pirmais.", "Pievienots teikums.", "Pēdējais."],
        [(NUMBERS, 1, "Omitted", {})])
    html = pair_html(result)
    omission, addition = bead_block(html, 2), bead_block(html, 3)
    assert 'class="bead rel-omission flagged sev-error"' in omission
    assert "Dropped sentence." in omission and "Missing in the translation: omitted" in omission
    assert "0-1 addition" in addition and "Pievienots teikums." in addition
    assert "Not in the source: added in the translation" in addition
    assert "sim " not in omission  # no similarity for a one-sided bead


def test_many_to_many_bead_is_one_row():
    result = _one_pair([Bead((0, 1), (0,), 0.7), Bead((2,), (1, 2), 0.6)],
                       ["One.", "Two.", "Three."], ["Viens un divi.", "Trīs.", "Un vēl."])
    html = pair_html(result)
    merge, split = bead_block(html, 1), bead_block(html, 2)
    assert "rel-merge" in merge and "2-1" in merge
    assert "<p>One. Two.</p>" in merge and "<p>Viens un divi.</p>" in merge
    assert "1-2" in split and "<p>Trīs. Un vēl.</p>" in split
    assert html.count('<tbody id="b') == 2


def test_headings_and_list_items_render_as_such():
    result = _one_pair(
        [Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.9), Bead((2,), (2,), 0.9),
         Bead((3,), (3,), 0.9), Bead((4,), (4,), 0.9)],
        ["## Fees", "- Cash only.", "3. Third step.", "Key Takeaways", "Plain text here."],
        ["## Maksas", "- Tikai skaidrā naudā.", "3. Trešais solis.", "Galvenās atziņas",
         "Vienkāršs teksts šeit."])
    html = pair_html(result)
    assert '<h4 class="seg-h"><span class="tag">H2</span>Maksas</h4>' in bead_block(html, 1)
    assert '<ul class="seg-list"><li>Tikai skaidrā naudā.</li></ul>' in bead_block(html, 2)
    assert '<ol class="seg-list"><li value="3">Trešais solis.</li></ol>' in bead_block(html, 3)
    assert '<h3 class="seg-h"><span class="tag">heading</span>Galvenās atziņas</h3>' in \
        bead_block(html, 4)
    assert "<p>Vienkāršs teksts šeit.</p>" in bead_block(html, 5)


def test_corpus_heading_row_is_flagged_with_marked_spans():
    html = pair_html(corpus_run(), 1)
    row = next(b for b in html.split("<tbody ")[1:] if "Taustiņu izņemšana" not in b
               and "Taustiņu" in b)
    assert "flagged sev-error" in row
    assert ('<mark data-label="flagged by mistranslation" title="flagged by mistranslation">'
            "Taustiņu</mark> <mark") in row
    assert ">Key</mark> Takeaways" in row
    assert "mistranslation</code>" in row and "score 0.21" in row
    assert "length-ratio</code>" in row  # both findings of the bead, worst first
    assert row.index("mistranslation</code>") < row.index("length-ratio</code>")


def test_split_pieces_maps_joined_spans_onto_segments():
    pieces = split_pieces(["Hello world.", "Bye now."],
                          [(6, 15, "a"), (13, 16, "b"), (-4, 2, "c"), (40, 50, "d")])
    assert pieces == [
        [Piece("He", ("c",)), Piece("llo "), Piece("world.", ("a",))],
        [Piece("By", ("a", "b")), Piece("e", ("b",)), Piece(" now.")],
    ]
    assert split_pieces(["", "x"], []) == [[Piece("")], [Piece("x")]]


def test_spans_of_a_partial_finding_text_are_shifted_or_dropped():
    base = dict(check="numbers", severity=Severity.ERROR, message="m", source_lang="en",
                target_lang="lv", bead=0)
    result = _one_pair([Bead((0,), (0,), 0.9)], ["Pay 5 now."], ["Maksā 6 tagad."])
    result.pairs[0].findings = [
        Finding(**base, target_text="6 tagad.", target_spans=[(0, 1)]),  # a part of the bead
        Finding(**base, target_text="not in the bead", target_spans=[(0, 3)], score=0.5),
    ]
    html = pair_html(result)
    assert ">6</mark> tagad." in html
    assert html.count("<mark ") == 1


# --- determinism ------------------------------------------------------------------------------

def test_rendering_twice_gives_the_same_bytes(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    report_html.write_html_report(corpus_run(), a)
    report_html.write_html_report(corpus_run(), b)
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert [str(f) for f in files] == ["index.html", "pairs/id--client-facing.md.html",
                                       "pairs/lv--client-facing.md.html"]
    for f in files:
        assert (a / f).read_bytes() == (b / f).read_bytes()


def test_output_does_not_depend_on_hash_seed_or_pair_order(tmp_path):
    code = ("import sys, hashlib; sys.path.insert(0, sys.argv[1]); import test_html as t; "
            "from alignqa.report import html; r = t.corpus_run(); r.pairs.reverse(); "
            "html.write_html_report(r, __import__('pathlib').Path(sys.argv[2]))")
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed,
               "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
        subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent),
                        str(tmp_path / seed)], check=True, env=env, cwd=REPO)
    report_html.write_html_report(corpus_run(), tmp_path / "here")
    for name in ("index.html", "pairs/lv--client-facing.md.html"):
        data = {(tmp_path / d / name).read_bytes() for d in ("1", "2", "here")}
        assert len(data) == 1, name


def test_run_date_comes_from_the_signature():
    result = corpus_run()
    html = report_html.render_index(result, report_html.build_pages(result))
    assert "run of 2025-03-04" in html
    result.signature.pop("date")
    assert "run of" not in report_html.render_index(result, report_html.build_pages(result))


# --- overview ---------------------------------------------------------------------------------

def test_overview_counts_links_chart_and_signature():
    result = corpus_run()
    long = synthetic_run(300)
    long.pairs[0].source.lang = "en"
    result.pairs += long.pairs
    html = report_html.render_index(result, report_html.build_pages(result))
    parsed = Tags(html)
    text = " ".join("".join(parsed.text).split())
    assert "English → Latvian" in text and "English → Indonesian" in text
    assert "corpus/de/extra.md has no source document" in text  # the notice
    assert "1 finding suppressed" in text
    assert "<dt>thresholds.mistranslation.min_score</dt><dd>0.35</dd>" in html
    # Documents of a language pair are sorted by findings: the synthetic one has errors.
    lv = html[html.index('id="lp-en-lv"'):]
    assert lv.index("synthetic/lv/long.md") < lv.index("client-facing.md")
    hrefs = [a["href"] for t, a in parsed.tags if t == "a" and a["href"].startswith("pairs/")]
    assert hrefs == ["pairs/id--client-facing.md.html", "pairs/lv--long.md.html",
                     "pairs/lv--client-facing.md.html"]
    assert html.count('<svg class="chart"') == 2
    assert 'aria-labelledby="lp-en-lv-t lp-en-lv-d"' in html


def test_page_slugs_are_safe_and_unique():
    result = hostile_run()
    pair = result.pairs[0]
    taken: set[str] = set()
    slug = page_slug(pair, taken)
    assert re.fullmatch(r"[A-Za-z0-9._-]+", slug)
    twin = PairResult(pair.source, Document(Path("other") / pair.target.path, "lv", "x"),
                      pair.alignment)
    assert page_slug(twin, taken) != slug
    plain = corpus_run().pairs[0]
    assert page_slug(plain, set()) == "id--client-facing.md"
    assert page_slug(plain, {"id--client-facing.md"}).startswith("id--client-facing.md-")


def test_histogram_counts_flagged_and_unscored_beads():
    scores = [0.05, 0.5, 0.52, 0.99, 1.0, None, float("nan"), 0.5]
    flagged = [True, False, True, False, False, True, False, False]
    bins, unscored = bin_scores(scores, flagged)
    assert unscored == 2
    assert (bins[0].lo, bins[-1].hi, len(bins)) == (0.0, 1.0, 20)
    assert [(b.label, b.count, b.flagged) for b in bins if b.count] == [
        ("0.05–0.1", 1, 1), ("0.5–0.55", 3, 1), ("0.95–1", 2, 0)]
    wide, _ = bin_scores([-0.3, 1.7], [False, False])
    assert wide[0].lo <= -0.3 and wide[-1].hi >= 1.7 and len(wide) <= 25
    # Relative scores that stay low get an axis that follows them, in finer bins.
    low, _ = bin_scores([0.05, 0.31, 0.38], [False, True, False])
    assert (low[0].lo, round(low[-1].hi, 6), len(low)) == (0.0, 0.4, 20)
    assert [b.label for b in low if b.flagged] == ["0.3–0.32"]
    svg = similarity_histogram(scores, flagged, uid="x", title="<t>").svg
    assert "&lt;t&gt;" in svg and svg.count("<path ") == 2  # one triangle per flagged score


# --- accessibility ----------------------------------------------------------------------------

def test_contrast_ratio_formula():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#777777") == contrast_ratio("#777777", "#ffffff")
    assert contrast_ratio("#0000ff", "#0000ff") == pytest.approx(1.0)


@pytest.mark.parametrize(("fg", "bg", "minimum", "what"), CONTRAST_PAIRS)
def test_palette_meets_wcag_aa(fg, bg, minimum, what):
    ratio = contrast_ratio(PALETTE[fg], PALETTE[bg])
    assert ratio >= minimum, f"{what}: {fg} on {bg} is {ratio:.2f}:1, needs {minimum}:1"


def test_css_and_svg_use_only_palette_colours():
    css = (TEMPLATES / "report.css.j2").read_text("utf-8")
    assert not re.findall(r"#[0-9a-fA-F]{3,8}\b|\brgba?\(|\bhsla?\(", css)
    used = set(re.findall(r"var\(--c-([a-z-]+)\)", css))
    assert used <= set(PALETTE), used - set(PALETTE)
    # Every colour the stylesheet draws text or lines with is covered by a contrast pair.
    tested = {name for fg, bg, _, _ in CONTRAST_PAIRS for name in (fg, bg)}
    assert used - {"rule"} <= tested, used - tested
    svg = similarity_histogram([0.2, 0.8], [True, False], uid="u", title="t").svg
    colours = set(re.findall(r'(?:fill|stroke)="([^"]+)"', svg))
    assert colours <= set(PALETTE.values()) | {"url(#u-hatch)", "none"}


def test_severity_is_never_colour_alone():
    html = pair_html(synthetic_run(300))
    for sev, label in (("error", "Error"), ("warning", "Warning"), ("info", "Info")):
        badge = f'<span class="badge sev-{sev}"><svg class="icon" aria-hidden="true" ' \
                f'focusable="false"><use href="#i-{sev}"/></svg>{label}</span>'
        assert badge in html
    assert re.search(r'<mark data-label="flagged by [a-z-]+"', html)
    css = (TEMPLATES / "report.css.j2").read_text("utf-8")
    assert "mark::before { content: \" [\" attr(data-label)" in css
    assert "text-decoration: underline wavy" in css  # a highlight is underlined, not only tinted


def test_all_segment_kinds_of_a_long_document_render(tmp_path):
    result = synthetic_run(400)
    index = report_html.write_html_report(result, tmp_path)
    page = (tmp_path / "pairs" / "lv--long.md.html").read_text("utf-8")
    beads = result.pairs[0].alignment.beads
    assert page.count('<tbody id="b') == len(beads)
    assert page.count('class="finding ') == len(result.pairs[0].findings)
    kinds = {b.kind for b in beads}
    assert {"1-1", "1-0", "0-1", "2-1", "1-2"} <= kinds
    for text in ('class="seg-h"', '<ol class="seg-list"><li value=', '<ul class="seg-list">',
                 'class="seg-tr"', "rel-omission", "rel-addition", "rel-merge"):
        assert text in page, text
    assert index.name == "index.html"


def test_every_file_is_written_atomically_and_the_index_last(tmp_path, monkeypatch):
    written = []
    real = report_html.atomic_write_bytes

    def spy(path, data):
        written.append(Path(path).relative_to(tmp_path).as_posix())
        real(path, data)

    monkeypatch.setattr(report_html, "atomic_write_bytes", spy)
    index = report_html.write_html_report(corpus_run(), tmp_path)
    assert index == tmp_path / "index.html"
    assert written == ["pairs/id--client-facing.md.html", "pairs/lv--client-facing.md.html",
                       "index.html"]
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")
                  if p.is_file()) == sorted(written)  # no temporary files left behind
    # The same report again: every file already holds its bytes, so nothing is rewritten.
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    written.clear()
    report_html.write_html_report(corpus_run(), tmp_path)
    assert written == []
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before
    # A page that differs (edited, or truncated by a crash elsewhere) is replaced.
    (tmp_path / "pairs" / "lv--client-facing.md.html").write_text("stale", "utf-8")
    report_html.write_html_report(corpus_run(), tmp_path)
    assert written == ["pairs/lv--client-facing.md.html"]
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_a_run_without_pairs_still_gets_an_overview(tmp_path):
    result = RunResult([], notices=["no changed document pairs to check"],
                       signature=dict(SIGNATURE))
    html = report_html.write_html_report(result, tmp_path).read_text("utf-8")
    assert "No document pairs were checked." in html
    assert "no changed document pairs to check" in html
    assert not (tmp_path / "pairs").exists()

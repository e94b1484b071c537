"""The HTML report: ``index.html`` (overview) plus one page per document pair under ``pairs/``.

Pages are self-contained (CSS and JS inline, charts as inline SVG) so they open from the file
system with no network. Document text is untrusted: templates are rendered with autoescape on and
never mark document text safe. Each page also carries a Content-Security-Policy that allows only
its own inline style and script, by hash, so markup that slipped through escaping could not run.
"""

from __future__ import annotations

import base64
import hashlib
import stat
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .. import __version__
from ..atomic import atomic_write_bytes
from ..results import RunResult
from .common import flatten_signature
from .html_view import (
    SEVERITIES,
    SEVERITY_LABEL,
    PairPage,
    bead_score,
    build_language_pairs,
    build_pair_page,
    page_slug,
    visible_html,
)
from .palette import PALETTE, css_variables
from .svg_chart import similarity_histogram

PAIRS_DIR = "pairs"
INDEX = "index.html"


@cache
def _env() -> Environment:
    # autoescape=True, not select_autoescape(): the templates are named *.j2, and every one of
    # them is HTML. StrictUndefined turns a typo in a template into an error instead of ''.
    env = Environment(loader=PackageLoader("alignqa", "report/templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["visible"] = visible_html
    return env


@cache
def _assets() -> tuple[Markup, Markup, str]:
    """(css, js, CSP header value): the inline assets every page shares, with their hashes."""
    env = _env()
    css = env.get_template("report.css.j2").render(palette=Markup(css_variables()))
    # The script is loaded as is, not rendered: it is static and JavaScript braces are not Jinja.
    assert env.loader is not None
    js = env.loader.get_source(env, "report.js")[0]
    for name, body, end in (("css", css, "</style"), ("js", js, "</script")):
        if end in body.lower():  # would close the element early
            raise ValueError(f"report {name} must not contain {end}")
    csp = ("default-src 'none'; "
           f"style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; "
           "base-uri 'none'; form-action 'none'")
    return Markup(css), Markup(js), csp


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def _common(result: RunResult, root: str) -> dict[str, Any]:
    css, js, csp = _assets()
    return {"css": css, "js": js, "csp": csp, "root": root, "version": __version__,
            "severities": [(s.value, SEVERITY_LABEL[s]) for s in SEVERITIES],
            "date": str(result.signature.get("date", "")), "palette": PALETTE}


def build_pages(result: RunResult) -> list[PairPage]:
    """One page model per pair, in a deterministic order (target language, then paths)."""
    taken: set[str] = set()
    pages = []
    ordered = sorted(result.pairs, key=lambda p: (p.target.lang, str(p.source.path),
                                                  str(p.target.path)))
    for pair in ordered:
        pages.append(build_pair_page(pair, page_slug(pair, taken)))
    return pages


def render_pair_page(result: RunResult, page: PairPage) -> str:
    return _env().get_template("pair.html.j2").render(page=page, **_common(result, "../"))


def render_index(result: RunResult, pages: list[PairPage]) -> str:
    groups = build_language_pairs(pages)
    for group in groups:
        scores, flagged = [], []
        for page in group.pages:
            hit = {f.bead for f in page.pair.findings if f.bead is not None}
            for i in range(len(page.pair.alignment.beads)):
                scores.append(bead_score(page.pair, i))
                flagged.append(i in hit)
        group.chart = similarity_histogram(
            scores, flagged, uid=group.anchor,
            title=f"Similarity of aligned segments, {group.title}")
    totals = {
        "documents": len(pages),
        "segments": sum(g.source_segments + g.target_segments for g in groups),
        "by_severity": result.counts_by_severity(),
        "suppressed": result.suppressed,
    }
    return _env().get_template("index.html.j2").render(
        groups=groups, totals=totals, notices=result.notices,
        signature=_signature_rows(result.signature), page_href=page_href,
        **_common(result, ""))


def page_href(page: PairPage) -> str:
    """Link from the index to a pair page (slugs are URL-safe already; quoting costs nothing)."""
    return f"{PAIRS_DIR}/{quote(page.slug)}.html"


def _signature_rows(signature: dict[str, Any]) -> list[tuple[str, str]]:
    """The run signature as (key, value) text rows; nested mappings are flattened as a.b."""
    return flatten_signature(signature, list_sep=", ")


def write_html_report(result: RunResult, out_dir: Path) -> Path:
    """Write ``out_dir/index.html`` and ``out_dir/pairs/*.html``; return the index path.

    Pair pages are written before the index so that the index never links to a page that does not
    exist yet; each file is replaced atomically. Pages of pairs no longer in the run are left alone
    (the index no longer links them); a clean output directory gives a clean report.
    """
    out_dir = Path(out_dir)
    pages = build_pages(result)
    for page in pages:
        _write_if_changed(out_dir / PAIRS_DIR / f"{page.slug}.html", render_pair_page(result, page))
    index = out_dir / INDEX
    _write_if_changed(index, render_index(result, pages))
    return index


def _write_if_changed(path: Path, text: str) -> None:
    """Replace ``path`` atomically, unless it is a regular file holding these bytes already.

    A re-run over an unchanged corpus renders the same pages: comparing costs a read, while a
    write costs a temporary file, an fsync and a rename for each of hundreds of pages."""
    data = text.encode("utf-8")
    try:
        st = path.stat()
        if stat.S_ISREG(st.st_mode) and st.st_size == len(data) and path.read_bytes() == data:
            return
    except OSError:
        pass
    atomic_write_bytes(path, data)

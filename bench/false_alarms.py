"""How often ``alignqa check`` raises findings a reviewer would reject, beside what it still catches.

Runs the whole pipeline as a user does (``run_check`` with default settings on a corpus laid out in a
temporary folder as ``<lang>/<path>``) and prints:

1. ``flores``: FLORES-200 articles, en -> lv/id/de/fr, professional translations with nothing
   planted, so every finding is a false alarm unless a reviewer shows otherwise. Documents are the
   held-out half of ``plant_errors.documents`` (runs of consecutive articles of one domain, the
   half the detector never trained on), one paragraph per article. Figures: findings per check and
   severity per 1,000 dataset rows (English sentences). The FLORES v1 text carries residue of CSV
   quoting: 27 fields (24 German) are a well-formed CSV-quoted field, wrapped in quotes with every
   inner quote doubled (``"Miller sagte: ""Mike ..."" ."``), which is no translator's writing. The
   headline figures read such a field as CSV would (unquoted); the same set as distributed is
   printed beside it (``--unquoted-only`` skips it). Malformed leftovers (26 Indonesian fields open
   with a stray quote that nothing closes) cannot be read back and stay: they are real defects of
   the text, and a finding on them is real.
2. ``tldr``: real community translations of tldr-pages (de, id; a seeded sample of pages). A page
   is *in sync* when its examples match English one for one (same count, same command lines once
   every ``{{...}}`` is masked), else *out of sync* (``../shared/eval/tldr/README.md``). Figures:
   the share of each kind of page the gate fails (any error-level finding), per check as well.
3. ``planted``: recall of the ``mistranslation`` detector on the planted errors of
   ``bench/detect.py`` at the check's shipped thresholds (warning, the lowest it reports, and
   error), and whether ``alignqa check corpus/`` still fails on the seed's 'Taustiņu izņemšana'.

Judged figures. The raw figures count every finding; a reviewer's verdicts, kept in
``bench/judgments/<set>.tsv`` (``bench/judgments/__init__.py`` says how a finding is named there),
are printed beside them, never instead: per check and severity the findings judged real, judged
false and unjudged, and the targets read against *false + unjudged*, so an unjudged finding
counts as a false alarm and a judgment can only clear the exact finding it names. For tldr the
unit is the failing in-sync page: a real failure when one of its error-level findings is judged
real. This measures, it does not tune: no check reads the judgments. ``--unjudged FILE`` lists
the findings no judgment covers as judgment lines with an empty verdict, for a reviewer to fill
in and append.

    python -m bench.false_alarms [--sets flores,tldr,planted] [--limit N]
                                 [--tldr-pages N] [--dump FILE] [--unjudged FILE]

``--limit N`` keeps the first N documents (flores) or pages (tldr) per language, for a quick run;
``--checks a,b`` runs only those checks (gate figures then count only them).
``--dump FILE`` writes every finding as JSONL (set, page, label, check, severity, line, source,
target, message) for judging. Embeddings go to the default alignqa cache, so re-runs are cheap.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from alignqa.config import Config
from alignqa.embed import load_embedder
from alignqa.findings import Finding, Severity
from alignqa.pipeline import run_check
from alignqa.results import RunResult
from bench import judgments
from training import planting as plant_errors
from training.data import EVAL

ROOT = Path(__file__).resolve().parents[1]
TLDR = EVAL / "tldr"
TLDR_LANGS = ("de", "id")
TLDR_SEED = 12
TLDR_PAGES = 120
# Done-when targets of issue 12.
FLORES_MAX_ERRORS, FLORES_MAX_ANY = 2.0, 20.0
TLDR_MAX_IN_SYNC, TLDR_MIN_OUT_OF_SYNC = 0.05, 0.90
SEVERITIES = [s.value for s in sorted(Severity, key=lambda s: -s.rank)]
UNJUDGED = "unjudged"


@dataclass
class Page:
    """One translated document of a set: where it was written, and its label."""

    lang: str
    rel: str  # path below the language folder
    label: str  # "clean" (flores), "in-sync" or "out-of-sync" (tldr)
    rows: int  # source rows (flores: English sentences; tldr: examples)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# --- FLORES ---------------------------------------------------------------------------------------

# A field CSV-quoted once too often: wrapped in quotes, every inner quote doubled.
_CSV_QUOTED = re.compile(r'"(?:[^"]|"")*"')


def csv_unquoted(field: str) -> str:
    """The field as its translator wrote it, where it is a well-formed CSV-quoted field with at
    least one doubled quote inside (a whole-sentence quotation '"Yes."' has none and stays)."""
    if _CSV_QUOTED.fullmatch(field) and '""' in field[1:-1]:
        return field[1:-1].replace('""', '"')
    return field


def flores_rows(unquote: bool) -> list[dict[str, str]]:
    rows = plant_errors.load_flores()
    if unquote:
        cols = {plant_errors.COLUMNS[c] for c in ("en", *plant_errors.LANGS)}
        rows = [{k: csv_unquoted(v) if k in cols else v for k, v in r.items()} for r in rows]
    return rows


def flores_corpus(root: Path, limit: int | None, unquote: bool = True) -> list[Page]:
    """Held-out FLORES documents as Markdown, one paragraph per article, en + each language
    (``unquote``: CSV-quoted fields read as their translators wrote them, see the module doc)."""
    rows = flores_rows(unquote)
    by_article: dict[int, list[dict[str, str]]] = {}
    for row in rows:
        by_article.setdefault(int(row["doc_id"]), []).append(row)
    pages = []
    for lang in plant_errors.LANGS:
        docs = plant_errors.documents(rows, lang, "heldout")[:limit]
        for doc in docs:
            first, last = (int(x) for x in doc.name.removeprefix("flores-").split("-"))
            # The held-out articles between the first and the last, as documents() grouped them.
            english = {p.src for p in doc.pairs}
            articles = [a for i in range(first, last + 1) for a in [by_article.get(i, [])]
                        if a and a[0][plant_errors.COLUMNS["en"]] in english]
            rel = f"{doc.name}.md"
            for code in ("en", lang):
                col = plant_errors.COLUMNS[code]
                write(root / code / rel, "\n\n".join(" ".join(r[col] for r in a)
                                                     for a in articles) + "\n")
            pages.append(Page(lang, rel, "clean", len(doc.pairs)))
    return pages


# --- tldr -----------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{\{.*?\}\}")


def tldr_commands(text: str) -> list[str]:
    """The example command lines of a page, each ``{{...}}`` masked."""
    return [_PLACEHOLDER.sub("{{}}", line.strip()) for line in text.splitlines()
            if line.startswith("`")]


def tldr_label(english: str, translation: str) -> str:
    return "in-sync" if tldr_commands(english) == tldr_commands(translation) else "out-of-sync"


def tldr_corpus(root: Path, per_lang: int | None, limit: int | None) -> list[Page]:
    """A seeded sample of translated tldr pages per language, beside their English originals."""
    pages = []
    rng = random.Random(TLDR_SEED)
    for lang in TLDR_LANGS:
        names = sorted(p.name for p in (TLDR / f"pages.{lang}" / "common").glob("*.md")
                       if (TLDR / "pages" / "common" / p.name).is_file())
        names = sorted(rng.sample(names, min(per_lang, len(names)))) if per_lang else names
        for name in names[:limit]:
            english = (TLDR / "pages" / "common" / name).read_text(encoding="utf-8")
            translation = (TLDR / f"pages.{lang}" / "common" / name).read_text(encoding="utf-8")
            rel = f"common/{name}"
            write(root / "en" / rel, english)
            write(root / lang / rel, translation)
            pages.append(Page(lang, rel, tldr_label(english, translation),
                              len(tldr_commands(english))))
    return pages


# --- running and counting -------------------------------------------------------------------------

def config(only: set[str] | None) -> Config:
    """Default settings; with ``only``, every other check disabled, as a config file would."""
    if only is None:
        return Config()
    from alignqa.checks.registry import all_checks

    return Config(checks={c.id: {"enabled": c.id in only} for c in all_checks()})


def check(root: Path, embedder, cfg: Config) -> RunResult:
    return run_check([root], cfg, embedder=embedder, quiet=True)


def page_findings(result: RunResult, root: Path) -> dict[tuple[str, str], list[Finding]]:
    """Findings per (language, path below the language folder) of the translation."""
    out: dict[tuple[str, str], list[Finding]] = {}
    for pair in result.pairs:
        rel = pair.target.path.resolve().relative_to((root / pair.target.lang).resolve())
        out[(pair.target.lang, rel.as_posix())] = pair.findings
    return out


def fails(findings: Iterable[Finding], check_id: str | None = None) -> bool:
    return any(f.severity is Severity.ERROR and (check_id is None or f.check == check_id)
               for f in findings)


def dump(fh, set_name: str, page: Page, findings: list[Finding]) -> None:
    for f in findings:
        fh.write(json.dumps({
            "set": set_name, "page": f"{page.lang}/{page.rel}", "label": page.label,
            "check": f.check, "severity": f.severity.value,
            "file": f.target.path if f.target else (f.source.path if f.source else ""),
            "line": f.line, "source": f.source_text, "target": f.target_text,
            "message": f.message}, ensure_ascii=False) + "\n")


def verdict(judged: dict, set_name: str, page: Page, f: Finding) -> str:
    """``real`` or ``false`` as a reviewer judged this finding, else ``unjudged``."""
    j = judged.get(judgments.key(set_name, f"{page.lang}/{page.rel}", f.check, f.source_text,
                                 f.target_text))
    return j.verdict if j else UNJUDGED


def unjudged_rows(set_name: str, page: Page, findings: Iterable[Finding],
                  judged: dict) -> list[list[str]]:
    return [judgments.row(set_name, f"{page.lang}/{page.rel}", f.check, f.source_text,
                          f.target_text)
            for f in findings if verdict(judged, set_name, page, f) == UNJUDGED]


def judged_table(per_page, set_name: str, judged: dict, rows: int,
                 checks: list[str]) -> Counter:
    """Per check and severity: findings judged real, judged false, and unjudged (counted as
    false), and the false + unjudged ones per 1,000 rows. Returns (check, severity, verdict)
    counts, with "all" rows."""
    counts: Counter = Counter()
    for page, findings in per_page:
        for f in findings:
            v = verdict(judged, set_name, page, f)
            for c in (f.check, "all"):
                counts[(c, f.severity.value, v)] += 1
                counts[(c, "any", v)] += 1
    print("| check | severity | findings | judged real | judged false | unjudged | "
          "false + unjudged per 1,000 |")
    print("|---|---|---|---|---|---|---|")
    for c in [*checks, "all"]:
        for sev in [*SEVERITIES, "any"]:
            real, false, unj = (counts[(c, sev, v)] for v in ("real", "false", UNJUDGED))
            if real + false + unj == 0 or (sev == "any" and c != "all"):
                continue
            name = f"**{c}**" if c == "all" else c
            print(f"| {name} | {sev} | {real + false + unj} | {real} | {false} | {unj} | "
                  f"{1000 * (false + unj) / rows:.1f} |")
    return counts


def per_check_table(counts: Counter, rows: int, checks: list[str]) -> None:
    print("| check | " + " | ".join(SEVERITIES) + " | any |")
    print("|---|" + "---|" * (len(SEVERITIES) + 1))
    for c in [*checks, "all"]:
        cells = [counts[(c, s)] for s in SEVERITIES]
        total = sum(cells)
        line = " | ".join(f"{1000 * n / rows:.1f} ({n})" for n in [*cells, total])
        print(f"| {'**all**' if c == 'all' else c} | {line} |")


def run_set(name: str, build, embedder, cfg: Config, out):
    """Lay out a set's pages in a temporary corpus (``build(root)``), check it as a user would,
    and return the pages, each page's findings and the (check, severity) counts."""
    with tempfile.TemporaryDirectory(prefix=f"alignqa-{name}-") as tmp:
        root = Path(tmp)
        pages = build(root)
        found = page_findings(check(root, embedder, cfg), root)
    counts: Counter = Counter()
    per_page = []
    for page in pages:
        findings = found.get((page.lang, page.rel), [])
        per_page.append((page, findings))
        if out:
            dump(out, name, page, findings)
        for f in findings:
            counts[(f.check, f.severity.value)] += 1
            counts[("all", f.severity.value)] += 1
    return per_page, counts


def flores_section(embedder, cfg: Config, limit: int | None, out, judged: dict,
                   pending: list, unquote: bool = True) -> dict[str, float]:
    name = "flores" if unquote else "flores-as-distributed"
    per_page, counts = run_set(name, lambda root: flores_corpus(root, limit, unquote), embedder,
                               cfg, out)
    pages = [p for p, _ in per_page]
    rows = sum(p.rows for p in pages)
    checks = sorted({c for c, _ in counts} - {"all"})
    text = ("CSV-quoted fields unquoted" if unquote
            else "text as distributed, CSV-quoting residue included")
    print(f"\n## FLORES-200 held-out articles ({text}): {len(pages)} documents, {rows} rows "
          f"(en -> {'/'.join(plant_errors.LANGS)}); nothing planted\n")
    print("Findings per 1,000 rows (count in brackets):\n")
    per_check_table(counts, rows, checks)
    errors = 1000 * counts[("all", "error")] / rows
    anything = 1000 * sum(counts[("all", s)] for s in SEVERITIES) / rows
    print(f"\nerror-level: **{errors:.1f}** per 1,000 rows (target <= {FLORES_MAX_ERRORS:g}); "
          f"any severity: **{anything:.1f}** (target <= {FLORES_MAX_ANY:g})")
    if not unquote:
        return {"flores as distributed errors/1k": errors, "flores as distributed any/1k": anything}
    print(f"\nJudged ({len(judged)} judgments in bench/judgments/; an unjudged finding counts "
          "as a false alarm):\n")
    jc = judged_table(per_page, name, judged, rows, checks)
    false_errors = 1000 * (jc[("all", "error", "false")] + jc[("all", "error", UNJUDGED)]) / rows
    false_any = 1000 * (jc[("all", "any", "false")] + jc[("all", "any", UNJUDGED)]) / rows
    print(f"\njudged false + unjudged: error-level **{false_errors:.1f}** per 1,000 rows "
          f"(target <= {FLORES_MAX_ERRORS:g}); any severity **{false_any:.1f}** "
          f"(target <= {FLORES_MAX_ANY:g}); unjudged findings: {jc[('all', 'any', UNJUDGED)]}")
    for page, findings in per_page:
        pending.extend(unjudged_rows(name, page, findings, judged))
    return {"flores errors/1k": errors, "flores any/1k": anything,
            "flores errors/1k, judged false + unjudged": false_errors,
            "flores any/1k, judged false + unjudged": false_any}


def tldr_section(embedder, cfg: Config, per_lang: int | None, limit: int | None,
                 out, judged: dict, pending: list) -> dict[str, float]:
    per_page, counts = run_set("tldr", lambda root: tldr_corpus(root, per_lang, limit), embedder,
                               cfg, out)
    pages = [p for p, _ in per_page]
    by_label = Counter(p.label for p in pages)
    failed: Counter = Counter()
    for page, findings in per_page:
        if fails(findings):
            failed[("gate", page.label)] += 1
        for c in {f.check for f in findings if f.severity is Severity.ERROR}:
            failed[(c, page.label)] += 1
    checks = sorted({c for c, _ in counts} - {"all"})
    examples = sum(p.rows for p in pages)
    print(f"\n## tldr-pages ({'/'.join(TLDR_LANGS)}): {len(pages)} pages, "
          f"{by_label['in-sync']} in sync, {by_label['out-of-sync']} out of sync; "
          f"{examples} English examples\n")
    print("Pages the gate fails (any error-level finding), and pages each check alone fails:\n")
    print("| check | in-sync pages failed | out-of-sync pages failed |")
    print("|---|---|---|")
    share = {}
    for c in ["gate", *checks]:
        cells = []
        for label in ("in-sync", "out-of-sync"):
            n, d = failed[(c, label)], by_label[label]
            share[(c, label)] = n / d if d else 0.0
            cells.append(f"{share[(c, label)]:.1%} ({n}/{d})")
        print(f"| {'**gate**' if c == 'gate' else c} | {' | '.join(cells)} |")
    print("\nFindings per 1,000 English examples (count in brackets):\n")
    per_check_table(counts, max(examples, 1), checks)
    ins, outs = share[("gate", "in-sync")], share[("gate", "out-of-sync")]
    print(f"\nin-sync pages failed: **{ins:.1%}** (target <= {TLDR_MAX_IN_SYNC:.0%}); "
          f"out-of-sync pages failed: **{outs:.1%}** (target >= {TLDR_MIN_OUT_OF_SYNC:.0%})")
    false_ins = tldr_judged(per_page, judged, by_label["in-sync"], pending)
    return {"tldr in-sync failed": ins, "tldr in-sync failed, judged false + unjudged": false_ins,
            "tldr out-of-sync failed": outs}


def tldr_judged(per_page, judged: dict, in_sync: int, pending: list) -> float:
    """In-sync pages the gate fails, judged per page: a real failure when a reviewer judged at
    least one of its error-level findings real, a false one when every one was judged false,
    else unjudged (counted as false). Returns the false + unjudged share of in-sync pages."""
    pages: Counter = Counter()
    for page, findings in per_page:
        errors = [f for f in findings if f.severity is Severity.ERROR]
        if page.label != "in-sync" or not errors:
            continue
        verdicts = {verdict(judged, "tldr", page, f) for f in errors}
        pages["real" if "real" in verdicts else UNJUDGED if UNJUDGED in verdicts
              else "false"] += 1
        pending.extend(unjudged_rows("tldr", page, errors, judged))
    share = (pages["false"] + pages[UNJUDGED]) / in_sync if in_sync else 0.0
    print(f"\nIn-sync pages failed, judged: real {pages['real']}, false {pages['false']}, "
          f"unjudged {pages[UNJUDGED]} (counted as false); judged false + unjudged: "
          f"**{share:.1%}** of in-sync pages (target <= {TLDR_MAX_IN_SYNC:.0%})")
    return share


def planted_section(embedder) -> dict[str, float]:
    """Recall on bench/detect.py's planted errors at the mistranslation check's thresholds."""
    import numpy as np

    from alignqa.checks.registry import REGISTRY, all_checks
    from alignqa.detect import load_detector
    from alignqa.detect.token_alignment import word_weights_for
    from bench import detect
    from training.token_store import TokenStore

    all_checks()
    defaults = REGISTRY["mistranslation"].defaults
    warning_at, error_at = defaults.warning_threshold, defaults.error_threshold
    pairs = detect.planted_pairs()
    detector = load_detector(defaults.weights or None)
    prob = detect.detector_probs(pairs, TokenStore(embedder), word_weights_for(embedder), detector)
    y = np.array([p.label for p in pairs])
    kinds = np.array([p.kind for p in pairs])
    print(f"\n## Planted errors (bench/detect.py: held-out FLORES, seed {detect.PLANT_SEED}): "
          f"{len(y)} pairs, {y.sum()} with an error\n")
    print(f"`mistranslation` at its shipped thresholds: warning p >= {warning_at:g} (the lowest "
          f"it reports), error p >= {error_at:g}.\n")
    print("| error type | n | recall at warning | recall at error |")
    print("|---|---|---|---|")
    figures = {}
    for kind in [*plant_errors.ERROR_TYPES, "all"]:
        m = (y == 1) if kind == "all" else (kinds == kind)
        cells = [f"{(prob[m] >= th).mean():.2f}" if m.any() else "-"
                 for th in (warning_at, error_at)]
        name = f"**{kind}**" if kind == "all" else kind
        print(f"| {name} | {m.sum()} | {' | '.join(cells)} |")
    clean = y == 0
    for name, th in (("warning", warning_at), ("error", error_at)):
        flag = prob >= th
        figures[f"planted recall at {name}"] = float(flag[y == 1].mean())
        precision = (flag & (y == 1)).sum() / max(flag.sum(), 1)
        print(f"\n- at {name}: recall {flag[y == 1].mean():.2f}, precision {precision:.2f} "
              f"(clean pairs flagged: {flag[clean].mean():.3f})", end="")
    print()
    figures |= check_level_section(embedder, detector, pairs, y, kinds, np)
    seed = seed_gate(embedder)
    figures["seed 'Taustiņu izņemšana' is an error"] = float(seed)
    print(f"\n`alignqa check corpus/` reports 'Taustiņu izņemšana' as an error: "
          f"**{'yes' if seed else 'NO'}**")
    return figures


def check_level_section(embedder, detector, pairs, y, kinds, np) -> dict[str, float]:
    """What the checks themselves report on the planted pairs: ``mistranslation`` at its own
    severities (the error level needs strong evidence as well as p, and numbers are left out),
    ``numbers`` on the same pairs, and ``length-ratio`` fitted on the planted corpus per language."""
    import math

    from alignqa.checks import length_ratio as lr
    from alignqa.detect.token_alignment import word_weights_for
    from alignqa.text.numbers import compare_numbers
    from bench import detect
    from training.token_store import TokenStore

    levels = detect.check_levels(pairs, TokenStore(embedder), word_weights_for(embedder),
                                 detector)
    err = np.array([lv is Severity.ERROR for lv in levels])
    reported = np.array([lv is not None for lv in levels])
    numbers = np.array([bool(compare_numbers(p.src, p.src_lang, p.tgt, p.tgt_lang))
                        for p in pairs])
    opts = lr.LengthRatioOptions()
    length = np.zeros(len(pairs), dtype=bool)
    for lang in sorted({p.tgt_lang for p in pairs}):
        idx = [i for i, p in enumerate(pairs) if p.tgt_lang == lang
               and lr.length(p.src) / lr.EXPECTED.get(p.src_lang, 1.0) >= opts.min_chars
               and lr.length(p.tgt) > 0]
        chars = [(lr.length(pairs[i].src), lr.length(pairs[i].tgt)) for i in idx]
        weights = [lr.weight(a, pairs[i].src_lang) for i, (a, _) in zip(idx, chars, strict=True)]
        model = lr.fit("en", lang, [math.log(b / a) for a, b in chars], weights, opts)
        for i, (a, b), w in zip(idx, chars, weights, strict=True):
            length[i] = abs(model.z(a, b, w)) >= opts.max_z
    print("\nWhat the checks report on the same pairs: `mistranslation` at its own severities "
          "(an error needs strong evidence besides p; planted numbers are left to `numbers`), "
          "`numbers`, and `length-ratio` (fitted per language on these pairs):\n")
    print("| error type | n | mistranslation error | mistranslation any | numbers | length-ratio |")
    print("|---|---|---|---|---|---|")
    for kind in [*plant_errors.ERROR_TYPES, "clean", "all"]:
        m = (y == 1) if kind == "all" else (kinds == kind)
        if not m.any():
            continue
        cells = " | ".join(f"{int(a[m].sum())} ({a[m].mean():.2f})"
                           for a in (err, reported, numbers, length))
        print(f"| {'**errors**' if kind == 'all' else kind} | {m.sum()} | {cells} |")
    caught = (err | numbers) & (y == 1)
    print(f"\n- planted errors caught by a `mistranslation` error or any `numbers` finding: "
          f"{caught.sum()} of {(y == 1).sum()} ({caught.sum() / max((y == 1).sum(), 1):.3f})")
    anywhere = reported | numbers | length
    print(f"- caught at any level by `mistranslation`, `numbers` or `length-ratio` (a second kind "
          f"of evidence beside the detector's): {(anywhere & (y == 1)).sum()} of "
          f"{(y == 1).sum()} ({(anywhere & (y == 1)).sum() / max((y == 1).sum(), 1):.3f}); "
          f"clean pairs flagged: {(anywhere & (y == 0)).sum()} of {(y == 0).sum()}")
    return {"planted recall, mistranslation check error level": float(err[y == 1].mean()),
            "planted recall, mistranslation check any level": float(reported[y == 1].mean()),
            "planted omissions length-ratio flags": float(length[kinds == "omission"].mean())}


def seed_gate(embedder) -> bool:
    result = run_check([ROOT / "corpus"], Config(), embedder=embedder, quiet=True)
    return any(f.severity is Severity.ERROR and "Taustiņu izņemšana" in f.target_text
               for f in result.findings)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default="flores,tldr,planted",
                    help="comma-separated: flores, tldr, planted (default: all)")
    ap.add_argument("--limit", type=int, help="first N documents / pages per language only")
    ap.add_argument("--tldr-pages", type=int, default=TLDR_PAGES,
                    help=f"seeded sample of pages per language (default {TLDR_PAGES}; 0 = all)")
    ap.add_argument("--unquoted-only", action="store_true",
                    help="FLORES with CSV-quoted fields unquoted only, not also as distributed")
    ap.add_argument("--dump", type=Path, help="write every finding as JSONL to this file")
    ap.add_argument("--unjudged", type=Path, metavar="FILE",
                    help="write the findings no judgment covers (FLORES, and errors on in-sync "
                    "tldr pages) to FILE as judgment lines with an empty verdict, to fill in "
                    "and append to bench/judgments/<set>.tsv")
    ap.add_argument("--checks", help="comma-separated check ids to run (default: every check, "
                    "as a user runs them); for a quick look at one check's figures")
    args = ap.parse_args(argv)
    only = {c.strip() for c in args.checks.split(",") if c.strip()} if args.checks else None
    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = set(sets) - {"flores", "tldr", "planted"}
    if unknown:
        ap.error(f"unknown set(s): {', '.join(sorted(unknown))}")
    if only:
        from alignqa.checks.registry import all_checks

        bad = only - {c.id for c in all_checks()}
        if bad:
            ap.error(f"unknown check(s): {', '.join(sorted(bad))}")
    sys.stdout.reconfigure(line_buffering=True)  # figures appear as each set finishes
    cpu0, wall0 = time.process_time(), time.perf_counter()
    embedder = load_embedder(quiet=True)
    cfg = config(only)
    print(f"# False alarms of `alignqa check` "
          f"({'checks ' + ', '.join(sorted(only)) if only else 'default settings'})\n\n"
          f"model: {embedder.model_id}", flush=True)
    figures: dict[str, float] = {}
    try:
        judged = judgments.load()
    except ValueError as e:
        ap.error(str(e))
    pending: list[list[str]] = []
    out = open(args.dump, "w", encoding="utf-8") if args.dump else None  # noqa: SIM115
    try:
        if "flores" in sets:
            figures |= flores_section(embedder, cfg, args.limit, out, judged, pending)
            if not args.unquoted_only:
                figures |= flores_section(embedder, cfg, args.limit, out, judged, pending,
                                          unquote=False)
        if "tldr" in sets:
            figures |= tldr_section(embedder, cfg, args.tldr_pages or None, args.limit, out,
                                    judged, pending)
    finally:
        if out:
            out.close()
    if args.unjudged:
        judgments.write(args.unjudged, pending)
        print(f"\n{len(pending)} unjudged findings written to {args.unjudged}", flush=True)
    if "planted" in sets:
        figures |= planted_section(embedder)
    print("\n## Summary\n")
    targets = {"flores errors/1k": f"<= {FLORES_MAX_ERRORS:g}",
               "flores any/1k": f"<= {FLORES_MAX_ANY:g}",
               "flores errors/1k, judged false + unjudged": f"<= {FLORES_MAX_ERRORS:g}",
               "flores any/1k, judged false + unjudged": f"<= {FLORES_MAX_ANY:g}",
               "flores as distributed errors/1k": "(reference)",
               "flores as distributed any/1k": "(reference)",
               "tldr in-sync failed": f"<= {TLDR_MAX_IN_SYNC:.0%}",
               "tldr in-sync failed, judged false + unjudged": f"<= {TLDR_MAX_IN_SYNC:.0%}",
               "tldr out-of-sync failed": f">= {TLDR_MIN_OUT_OF_SYNC:.0%}",
               "seed 'Taustiņu izņemšana' is an error": "yes"}
    print("| figure | measured | target |")
    print("|---|---|---|")
    for name, value in figures.items():
        shown = f"{value:.1%}" if "failed" in name else ("yes" if value == 1 else "no") \
            if "seed" in name else f"{value:.3f}" if "recall" in name else f"{value:.2f}"
        print(f"| {name} | {shown} | {targets.get(name, 'no lower than before')} |")
    print(f"\n(process CPU time {time.process_time() - cpu0:.0f} s, wall "
          f"{time.perf_counter() - wall0:.0f} s; shared machine)")


if __name__ == "__main__":
    main()

"""Segmentation speed and accuracy on FLORES-200 devtest, per language.

Each FLORES article (sentences sharing a doc_id) becomes one paragraph of its sentences joined by
spaces; the paragraphs, separated by blank lines, form one document per language. The segmenter
must recover the original sentences. Prints sentences per second of wall time and of CPU time (best
of --repeat runs, after a warm-up that loads the Punkt model), boundary precision/recall and
exact-article accuracy.

    python bench/segment.py [--repeat 5] [--shared PATH]

Needs ../shared/eval/flores200 next to the repository (it is not part of it).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from alignqa.segment import segment_text  # noqa: E402

FLORES = Path("eval/flores200/multiway_eng_lvs_ind_deu_fra.tsv")
COLUMNS = {"en": "eng_Latn", "lv": "lvs_Latn", "id": "ind_Latn", "de": "deu_Latn",
           "fr": "fra_Latn"}
TARGET = 10_000  # sentences per second


def load_articles(path: Path) -> dict[str, list[list[str]]]:
    """Language -> articles, each a list of gold sentences in order."""
    by_doc: dict[str, dict[str, list[str]]] = {lang: defaultdict(list) for lang in COLUMNS}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            for lang, column in COLUMNS.items():
                by_doc[lang][row["doc_id"]].append(row[column].strip())
    return {lang: list(docs.values()) for lang, docs in by_doc.items()}


def boundaries(sentences: list[str]) -> set[int]:
    """Sentence end offsets in the paragraph the sentences make, ignoring whitespace."""
    ends, pos = set(), 0
    for s in sentences[:-1]:
        pos += len("".join(s.split()))
        ends.add(pos)
    return ends


def measure(lang: str, articles: list[list[str]], repeat: int) -> dict[str, float]:
    document = "\n\n".join(" ".join(a) for a in articles) + "\n"
    gold_count = sum(len(a) for a in articles)
    segment_text(document, lang)  # warm-up: loads the model
    runs = [_timed(document, lang) for _ in range(repeat)]
    best = min(wall for wall, _ in runs)
    best_cpu = min(cpu for _, cpu in runs)

    tp = fp = fn = exact = 0
    for article in articles:
        predicted = [s.text for s in segment_text(" ".join(article), lang)]
        gold, got = boundaries(article), boundaries(predicted)
        tp, fp, fn = tp + len(gold & got), fp + len(got - gold), fn + len(gold - got)
        exact += predicted == article
    return {
        "sentences": gold_count,
        "seconds": best,
        "per_second": gold_count / best,
        "per_cpu_second": gold_count / best_cpu,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "exact": exact / len(articles),
    }


def _timed(document: str, lang: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) for one run."""
    wall, cpu = time.perf_counter(), time.process_time()
    segment_text(document, lang)
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per language")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="the shared data folder (default: ../shared next to the repo)")
    args = parser.parse_args()
    path = args.shared / FLORES
    if not path.is_file():
        print(f"error: {path} not found; this benchmark needs the shared evaluation data "
              "(../shared/eval/flores200 next to the repository, or --shared PATH)",
              file=sys.stderr)
        return 2

    articles = load_articles(path)
    print(f"FLORES-200 devtest: {len(articles['en'])} articles per language, "
          f"best of {args.repeat} runs")
    print(f"{'lang':4} {'sentences':>9} {'seconds':>8} {'sent/s':>8} {'sent/cpu-s':>10} "
          f"{'prec':>6} {'recall':>6} {'exact':>6}")
    slowest = slowest_cpu = float("inf")
    for lang, docs in articles.items():
        r = measure(lang, docs, args.repeat)
        slowest = min(slowest, r["per_second"])
        slowest_cpu = min(slowest_cpu, r["per_cpu_second"])
        print(f"{lang:4} {r['sentences']:>9} {r['seconds']:>8.3f} {r['per_second']:>8.0f} "
              f"{r['per_cpu_second']:>10.0f} {r['precision']:>6.3f} {r['recall']:>6.3f} "
              f"{r['exact']:>6.3f}")
    print("prec/recall: sentence boundaries against the FLORES lines; some lines hold two "
          "sentences, so precision is a lower bound. exact: articles segmented exactly.")
    # On a shared machine wall time counts other processes' load; CPU time counts only ours.
    verdict = "meets" if slowest_cpu >= TARGET else "MISSES"
    print(f"slowest language: {slowest:.0f} sentences/s wall, {slowest_cpu:.0f} per CPU second: "
          f"{verdict} the {TARGET} target (per CPU second; wall time includes other load, "
          f"load average {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

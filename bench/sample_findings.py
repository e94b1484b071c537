"""A seeded random sample of findings per check from a ``false_alarms.py --dump`` file, to judge.

Prints one Markdown table per check (up to ``--per-check`` findings, drawn with ``--seed`` from
every finding of that check in the dump), with an empty verdict column for a reviewer to fill in:
``real`` or ``false``. docs/precision.md records one such judged sample.

    python -m bench.sample_findings DUMP.jsonl [--per-check 20] [--seed 12] [--width 90]
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path


def cell(text: str, width: int) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= width else text[:width - 1] + "…"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dump", type=Path)
    ap.add_argument("--per-check", type=int, default=20)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--width", type=int, default=90, help="characters kept of each text")
    args = ap.parse_args(argv)
    by_check: dict[str, list[dict]] = defaultdict(list)
    with open(args.dump, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            by_check[row["check"]].append(row)
    rng = random.Random(args.seed)
    for check in sorted(by_check):
        rows = by_check[check]
        sample = rng.sample(rows, min(args.per_check, len(rows)))
        print(f"\n### {check} ({len(sample)} of {len(rows)})\n")
        print("| # | set | page:line | severity | source | target | message | verdict |")
        print("|---|---|---|---|---|---|---|---|")
        for i, r in enumerate(sample, 1):
            label = "" if r["label"] == "clean" else f" ({r['label']})"
            print(f"| {i} | {r['set']}{label} | {r['page']}:{r['line']} | {r['severity']} | "
                  f"{cell(r['source'], args.width)} | {cell(r['target'], args.width)} | "
                  f"{cell(r['message'], args.width)} | |")


if __name__ == "__main__":
    main()

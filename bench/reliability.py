"""What the size guard and the preflight buy: segmentation cost by file size, and how soon errors come.

    python bench/reliability.py [--sizes 1,5,10]

1. Segments a Markdown document of each size (MB; the sample corpus's English document repeated,
   its words shuffled per copy; as lines, and as one paragraph with no line break), each in a
   fresh process (the 0.01 MB row is mostly imports), and prints process CPU seconds (user + sys)
   and peak RSS. This is what the default ``max-file-size`` (10 MB) bounds.
2. Times ``alignqa check`` failing on an output it could not write (two file formats on stdout),
   which the preflight reports before the model loads, and on a file over the size limit.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpus" / "en" / "client-facing.md"

_SEGMENT = """
import json, resource, sys, time
from alignqa.document import read_text
from alignqa.segment import segment_text
text = read_text(sys.argv[1], max_size=1 << 40)
segments = segment_text(text, "en")
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"segments": len(segments), "cpu": usage.ru_utime + usage.ru_stime,
                  "rss_mb": usage.ru_maxrss / 1024}))
"""

_CLI = """
import json, resource, sys
from alignqa.cli import main
code = main(sys.argv[1:])
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"code": code, "cpu": usage.ru_utime + usage.ru_stime}))
"""


def _child(code: str, *args: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         check=False, env=env)
    if not out.stdout.strip():
        raise SystemExit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def varied(sample: str, size: float) -> str:
    """About ``size`` bytes of Markdown: the sample's lines, words shuffled per copy (seeded), so
    no cache inside the segmenter sees the same sentence twice."""
    rng = random.Random(0)
    lines = sample.splitlines()
    out: list[str] = []
    total = 0
    while total < size:
        for line in lines:
            marker, _, rest = line.rpartition("# ") if line.startswith("#") else ("", "", line)
            words = rest.split()
            rng.shuffle(words)
            text = (marker + "# " if marker or line.startswith("#") else "") + " ".join(words)
            out.append(text)
            total += len(text.encode()) + 1
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.01,1,5,10", help="document sizes in MB")
    args = parser.parse_args()
    sample = SAMPLE.read_text(encoding="utf-8") + "\n"
    with tempfile.TemporaryDirectory() as tmp:
        print("segmenting one document (fresh process each; CPU = user + sys):")
        print(f"{'layout':>9} {'MB':>5} {'segments':>9} {'cpu s':>7} {'peak RSS MB':>12}")
        for layout in ("lines", "paragraph"):
            for mb in (float(x) for x in args.sizes.split(",")):
                doc = Path(tmp) / f"{layout}-{mb}.md"
                text = varied(sample, mb * 1e6)
                doc.write_text(text if layout == "lines" else " ".join(text.split()) + "\n",
                               encoding="utf-8")
                r = _child(_SEGMENT, str(doc))
                print(f"{layout:>9} {doc.stat().st_size / 1e6:5.2f} {r['segments']:9d} "
                      f"{r['cpu']:7.1f} {r['rss_mb']:12.0f}")

        corpus = Path(tmp) / "corpus"
        for lang in ("en", "lv"):
            (corpus / lang).mkdir(parents=True)
            (corpus / lang / "doc.md").write_text(sample, encoding="utf-8")
        big = corpus / "lv" / "big.md"
        big.write_text(varied(sample, 11e6), encoding="utf-8")
        (corpus / "en" / "big.md").write_text(sample, encoding="utf-8")
        print("\nalignqa check failing early (CPU of the whole process, imports included):")
        cases = {
            "two file formats on stdout": ["check", str(corpus), "--format", "json",
                                           "--format", "sarif"],
            "an 11 MB file over max-file-size": ["check", str(corpus), "--no-report"],
        }
        for name, argv in cases.items():
            r = _child(_CLI, *argv)
            print(f"  {name}: exit {r['code']}, {r['cpu']:.2f} s CPU")


if __name__ == "__main__":
    main()

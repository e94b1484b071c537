"""Layout discovery and keyed-format reading speed, with no model.

Discovery: the tldr-pages set in its own layout (``pages/**/*.md`` ->
``pages.%locale_with_underscore%/**/%original_file_name%``), every file of the tree matched once.
Keyed formats: a gettext catalogue built from the tldr pages' lines (one entry per English line,
its German line as msgstr, for the pages whose line counts agree), read with translate-toolkit and
paired by msgid. Prints pairs found, units paired, and CPU seconds (best of --repeat).

    python bench/layout.py [--repeat 3] [--shared PATH]

Needs ../shared/eval/tldr next to the repository (it is not part of it).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path, PurePosixPath

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from alignqa.corpus import DocumentPair  # noqa: E402
from alignqa.init import propose  # noqa: E402
from alignqa.layout import FileEntry, Layout, discover  # noqa: E402
from alignqa.units.pairing import pair_units  # noqa: E402

TLDR = Path("eval/tldr")
ENTRY = FileEntry("pages/**/*.md", "pages.%locale_with_underscore%/**/%original_file_name%")


def best(fn, repeat: int):
    times, out = [], None
    for _ in range(repeat):
        t = time.process_time()
        out = fn()
        times.append(time.process_time() - t)
    return min(times), out


def po_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def build_po(root: Path, pairs: list[DocumentPair], folder: Path) -> tuple[Path, int]:
    seen: set[str] = set()
    entries = ['msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n']
    for pair in pairs:
        if pair.target_lang != "de":
            continue
        src = [x for x in pair.source_path.read_text(encoding="utf-8").splitlines() if x.strip()]
        tgt = [x for x in pair.target_path.read_text(encoding="utf-8").splitlines() if x.strip()]
        if len(src) != len(tgt):
            continue
        for s, t in zip(src, tgt, strict=True):
            if s in seen:
                continue
            seen.add(s)
            entries.append(f'#: {pair.relpath}\nmsgid "{po_escape(s)}"\nmsgstr "{po_escape(t)}"\n')
    path = folder / "de.po"
    path.write_text("\n".join(entries), encoding="utf-8")
    return path, len(entries) - 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    root = args.shared / TLDR
    if not root.is_dir():
        sys.exit(f"bench/layout.py: {root} not found")
    layout = Layout([ENTRY], "en")
    seconds, corpus = best(lambda: discover(root, layout), args.repeat)
    print(f"tldr discovery: {len(corpus.pairs)} pairs, {len(corpus.notices)} notices, "
          f"{seconds:.3f} s CPU")
    seconds, proposal = best(lambda: propose(root), args.repeat)
    print(f"tldr init: proposes {[(e.source, e.translation) for e in proposal.entries]}, "
          f"{seconds:.3f} s CPU")
    with tempfile.TemporaryDirectory() as tmp:
        po, n = build_po(root, corpus.pairs, Path(tmp))
        pair = DocumentPair(Path(tmp), PurePosixPath("de.po"), "en", "de", po, po, "po")
        seconds, (src, tgt, alignment) = best(lambda: pair_units(pair), args.repeat)
        print(f"keyed PO: {n} entries -> {len(alignment.beads)} beads "
              f"({len(src.segments)} source, {len(tgt.segments)} target segments), "
              f"{seconds:.3f} s CPU ({n / seconds:.0f} entries/s)")


if __name__ == "__main__":
    main()

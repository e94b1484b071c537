"""The machine formats by name, and where ``--format`` / ``--output`` send each of them.

Rules:

* ``text`` and ``github`` are *stream* formats: they print to stdout, where a terminal or the
  Actions runner reads them. ``json``, ``csv``, ``sarif``, ``junit`` and ``tmx`` are *file*
  formats.
* Without ``--output`` every format prints to stdout in the order given. A file format must then
  be the only one: JSON or XML with anything else around it parses as neither.
* With ``--output``, the file formats go there and the stream formats still print to stdout (so
  ``--format github --format sarif --output alignqa.sarif`` annotates the run *and* writes SARIF).
  If only stream formats are asked for, ``--output`` receives them instead.
* ``--output`` names a file when it receives one format. For several it is a directory (each
  format written as ``alignqa.<ext>`` inside it) or a pattern containing ``{format}`` or ``{ext}``
  (``reports/alignqa.{ext}``). An existing directory is a directory even for one format.
* With ``github``, the Markdown job summary is appended to ``$GITHUB_STEP_SUMMARY`` when set.

Every format is rendered before anything is written, and each file is replaced atomically, so a
failure leaves the previous reports as they were.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from importlib import import_module
from pathlib import Path
from typing import TextIO

from ..atomic import atomic_write_text
from ..errors import ConfigError
from ..results import RunResult

Renderer = Callable[[RunResult], str]


def _lazy(module: str) -> Renderer:
    """The ``render`` of ``alignqa.report.<module>``, imported on first use: a run pays only for
    the formats it writes (tmx brings in the aligner)."""

    def render(result: RunResult) -> str:
        return import_module(f"{__package__}.{module}").render(result)

    render.__qualname__ = render.__name__ = f"{module}.render"
    return render


FORMATS: dict[str, Renderer] = {
    "text": _lazy("text"),
    "json": _lazy("json_format"),
    "csv": _lazy("csv_format"),
    "sarif": _lazy("sarif"),
    "junit": _lazy("junit"),
    "github": _lazy("github"),
    "tmx": _lazy("tmx"),
}
STREAM_FORMATS = frozenset({"text", "github"})
EXTENSIONS = {
    "text": "txt", "json": "json", "csv": "csv", "sarif": "sarif", "junit": "junit.xml",
    "github": "github.txt", "tmx": "tmx",
}
DEFAULT_STEM = "alignqa"


def render(result: RunResult, fmt: str) -> str:
    return FORMATS[_known(fmt)](result)


def _known(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ConfigError(f"unknown output format {fmt!r} (expected one of: {', '.join(FORMATS)})")
    return fmt


def plan_outputs(formats: Sequence[str], output: Path | None) -> dict[str, Path | None]:
    """Where each format goes: a file path, or None for stdout. Raises ConfigError on misuse."""
    wanted = list(dict.fromkeys(_known(f) for f in formats)) or ["text"]
    if output is None:
        files = [f for f in wanted if f not in STREAM_FORMATS]
        if files and len(wanted) > 1:
            raise ConfigError(f"formats {', '.join(wanted)} cannot share stdout ({files[0]} must "
                              "be alone there): give --output a file, a directory, or a pattern "
                              "such as reports/alignqa.{ext}")
        return dict.fromkeys(wanted)
    to_file = [f for f in wanted if f not in STREAM_FORMATS] or wanted
    plan: dict[str, Path | None] = {f: None for f in wanted if f not in to_file}
    pattern = str(output)
    if "{format}" in pattern or "{ext}" in pattern:
        # Format names and extensions are all distinct, so each format gets a file of its own.
        targets = {f: Path(pattern.replace("{format}", f).replace("{ext}", EXTENSIONS[f]))
                   for f in to_file}
    elif len(to_file) > 1 or output.is_dir():
        if output.exists() and not output.is_dir():
            raise ConfigError(f"--output must be a directory or a pattern with {{ext}} for "
                              f"{len(to_file)} formats ({', '.join(to_file)}), not an existing "
                              "file", output)
        targets = {f: output / f"{DEFAULT_STEM}.{EXTENSIONS[f]}" for f in to_file}
    else:
        targets = {to_file[0]: output}
    plan.update(targets)
    return {f: plan[f] for f in wanted}


def write_outputs(result: RunResult, formats: Sequence[str], output: Path | None,
                  stdout: TextIO | None = None, *, env: Mapping[str, str] | None = None,
                  quiet: bool = True, stderr: TextIO | None = None) -> list[Path]:
    """Render ``formats`` and send each where :func:`plan_outputs` says; return the files written.

    ``stdout`` defaults to ``sys.stdout``. The GitHub job summary, when written, is included in
    the returned list. Unless ``quiet``, each file written is named on ``stderr`` (a stream
    format on stdout must stay clean for the runner or a pipe).
    """
    stdout = sys.stdout if stdout is None else stdout
    plan = plan_outputs(formats, output)
    rendered = {fmt: FORMATS[fmt](result) for fmt in plan}  # all or nothing: render first
    written: list[Path] = []
    for fmt, path in plan.items():
        if path is None:
            stdout.write(rendered[fmt])
        else:
            atomic_write_text(path, rendered[fmt])
            written.append(path)
    stdout.flush()
    if "github" in plan:
        from . import github

        summary = github.append_step_summary(result, os.environ if env is None else env)
        if summary is not None:
            written.append(summary)
    if not quiet:
        err = sys.stderr if stderr is None else stderr
        for path in written:
            err.write(f"alignqa: wrote {path}\n")
    return written

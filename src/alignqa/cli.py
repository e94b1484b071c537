"""The command line: parse options, call the library, map errors to exit codes.

Exit codes: 0 no finding at or above --fail-on, 1 findings and nothing else, 2 usage, input or
environment error (one line on stderr), 70 internal error (a bug: traceback, then one line),
130 interrupted. ``main(argv)`` returns the code; the console script exits with it.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

import click

from . import __version__
from .config import FORMAT_NAMES, Config, load_config
from .embed.backends import BACKENDS
from .errors import AlignQAError, ConfigError, InputError
from .files import stat_named
from .findings import Severity
from .languages import validate_language

EXIT_USAGE = 2
EXIT_INTERNAL = 70  # sysexits' EX_SOFTWARE: neither a clean run (0) nor findings (1)
EXIT_INTERRUPTED = 130
_LAST_EPOCH = 253402300799  # 9999-12-31T23:59:59Z, the last date Python can show


def _language_of(path: Path, given: str | None) -> str:
    """--lang wins; otherwise the configured layout, else a locale folder or suffix, decides. A
    path that cannot be read is reported as such first: its folder name is beside the point then."""
    from .layout import guess_locale, locale_of

    if stat.S_ISDIR(stat_named(path).st_mode):
        raise InputError("is a directory, expected a file", path)
    if given:
        try:
            return validate_language(given)
        except InputError as exc:
            raise InputError(f"--lang: {exc.message}", path) from None
    real = Path(os.path.realpath(path))
    config = load_config(None, real)
    found = locale_of(real, config.layout_root, config.layout()) if config.files else None
    found = found or guess_locale(real)
    if found is None:
        raise InputError("cannot tell the document's language from its path; pass --lang",
                         path)
    return found


def _require_stdout(what: str, hint: str = "") -> None:
    from .preflight import stdout_open

    if not stdout_open():
        raise InputError(f"stdout is closed; nowhere to write the {what}{hint}")


class _Commands(click.Group):
    def invoke(self, ctx: click.Context):
        # click answers a broken pipe itself with a silent exit 1, the code for findings.
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            _silence_stdout()
            raise InputError("stdout: closed before all output was written (broken pipe)") from None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="alignqa")
def cli() -> None:
    """Align translations with their source and flag what a reviewer must see."""


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--lang", help="Locale, e.g. de, pt-BR (default: from the file's path).")
@click.option("--presplit", is_flag=True, help="Each input line is one segment.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="One segment per line, or JSON with positions.")
def segment(file: Path, lang: str | None, presplit: bool, fmt: str) -> int:
    """Split FILE into headings, list items and sentences."""
    from .segment import load_document

    language = _language_of(file, lang)
    config = load_config(None, file)
    _require_stdout("segments")
    doc = load_document(file, language, presplit=presplit, max_size=config.max_file_size)
    if fmt == "json":
        rows = [{"text": s.text, "kind": s.kind, "line": s.line, "column": s.column,
                 "start": s.start, "end": s.end, "marker": s.marker} for s in doc.segments]
        click.echo(json.dumps({"file": str(file), "lang": doc.lang, "segments": rows},
                              ensure_ascii=False, indent=2))
    else:
        for s in doc.segments:
            click.echo(s.text)
    return 0


@cli.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--source-lang", help="Default: SOURCE's language folder.")
@click.option("--target-lang", help="Default: TARGET's language folder.")
@click.option("--presplit", is_flag=True, help="Each input line is one segment.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "tsv", "beads", "tmx"]),
              default="text", show_default=True)
@click.option("--model", help="sentence-transformers model name or path (default: bundled).")
@click.option("--max-bead", type=click.IntRange(1, None), default=None,
              help="Most segments on one side of a bead.")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write here, not stdout.")
@click.option("--config", "config_file", type=click.Path(path_type=Path), help="Config file.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def align(source: Path, target: Path, source_lang: str | None, target_lang: str | None,
          presplit: bool, fmt: str, model: str | None, max_bead: int | None,
          output: Path | None, config_file: Path | None, quiet: bool) -> int:
    """Align SOURCE with its translation TARGET, sentence by sentence."""
    from .align import AlignOptions, align_documents
    from .align.formats import render
    from .atomic import atomic_write_bytes
    from .embed import load_embedder
    from .preflight import check_writable_file
    from .segment import load_document

    config = load_config(config_file, source)
    if output:
        check_writable_file(output)
    else:
        _require_stdout("alignment", " (use --output FILE)")
    options = dict(config.align)
    if max_bead:
        options.update(max_bead_side=max_bead, max_bead_total=max_bead + 1)
    try:
        AlignOptions.from_mapping(options)  # range errors now, not after the model loads
    except ConfigError as exc:
        raise click.BadParameter(exc.message.replace("aligner option max_bead_side ", ""),
                                 param_hint="'--max-bead'") from None
    src = load_document(source, _language_of(source, source_lang), presplit=presplit,
                        max_size=config.max_file_size)
    tgt = load_document(target, _language_of(target, target_lang), presplit=presplit,
                        max_size=config.max_file_size)
    embedder = load_embedder(model or config.model, cache_dir=config.resolve(config.cache_dir),
                             quiet=quiet, backend=config.backend, threads=config.threads)
    alignment = align_documents(src, tgt, embedder, **options)
    out = render(alignment, [s.text for s in src.segments], [s.text for s in tgt.segments], fmt,
                 src.lang, tgt.lang)
    data = out if isinstance(out, bytes) else out.encode("utf-8")
    if output:
        atomic_write_bytes(output, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--config", "config_file", type=click.Path(path_type=Path),
              help="Config file (default: nearest alignqa.toml or pyproject.toml [tool.alignqa]).")
@click.option("--format", "formats", multiple=True, type=click.Choice(FORMAT_NAMES),
              help="Output format; repeat for several. Default: text.")
@click.option("--output", "-o", type=click.Path(path_type=Path),
              help="Write the machine format here instead of stdout (a folder for several).")
@click.option("--output-dir", type=click.Path(path_type=Path),
              help="Where the HTML report goes (default: reports/).")
@click.option("--no-report", is_flag=True, help="Do not write the HTML report.")
@click.option("--fail-on", type=click.Choice([s.value for s in Severity]),
              help="Lowest severity that fails the run (default: error).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings.")
@click.option("--baseline", type=click.Path(path_type=Path),
              help="Ignore findings whose fingerprints are in this file.")
@click.option("--update-baseline", is_flag=True,
              help="Write the current findings' fingerprints to --baseline and exit 0.")
@click.option("--changed-only", "changed_only", is_flag=False, flag_value="HEAD", default=None,
              metavar="[REF]", help="Only documents changed since REF (default HEAD).")
@click.option("--model", help="sentence-transformers model name or path (default: bundled).")
@click.option("--backend", type=click.Choice(BACKENDS),
              help="Encoder backend (default: onnx; docs/embeddings.md).")
@click.option("--workers", type=click.IntRange(1), help="Check document pairs in N local processes.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Check document pairs on a running Dask cluster (tcp://host:8786).")
@click.option("--no-cache", is_flag=True,
              help="Check every pair again: neither read nor write the result cache.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, no summary on stderr.")
def check(paths: tuple[Path, ...], config_file: Path | None, formats: tuple[str, ...],
          output: Path | None, output_dir: Path | None, no_report: bool, fail_on: str | None,
          exit_zero: bool, baseline: Path | None, update_baseline: bool,
          changed_only: str | None, model: str | None, backend: str | None,
          workers: int | None, scheduler: str | None, no_cache: bool, quiet: bool) -> int:
    """Check every translation under PATHS (corpus folders or files) against its source."""
    from .baseline import write_baseline
    from .gating import exit_code
    from .pipeline import run_check
    from .preflight import check_writable_file, validate_outputs
    from .report.formats import write_outputs
    from .report.html import write_html_report

    if not paths:
        raise click.UsageError("give at least one corpus folder or file, e.g. 'alignqa check corpus/'")
    for path in paths:
        stat_named(path)  # a broken link or a loop says so, before any config is looked for
    config = load_config(config_file, paths[0])
    _apply_overrides(config, model=model, fail_on=fail_on, formats=formats, baseline=baseline,
                     output_dir=output_dir)
    if update_baseline and not config.baseline:
        raise click.UsageError("--update-baseline needs --baseline FILE (or 'baseline' in config)")
    # Every output place is tested before the model loads; nothing is written before the run ends.
    if update_baseline:
        assert config.baseline is not None  # checked above
        baseline_file = config.resolve(config.baseline)
        config.baseline = None
        check_writable_file(baseline_file)
    else:
        validate_outputs(config.format, output,
                         report_dir=None if no_report else config.resolve(config.output_dir))

    if backend:
        config.backend = backend
    if no_cache:
        config.result_cache = False
    result = run_check(paths, config, changed_since=changed_only, quiet=quiet, workers=workers,
                       scheduler=scheduler)

    if update_baseline:
        write_baseline(baseline_file, result.findings)
        click.echo(f"wrote {len(result.findings)} fingerprints to {baseline_file}", err=True)
        return 0
    if not no_report and result.pairs:
        index = write_html_report(result, config.resolve(config.output_dir))
        if not quiet:
            click.echo(f"HTML report: {index}", err=True)
    write_outputs(result, config.format, output, quiet=quiet)
    return exit_code(result.findings, config.fail_on_severity, exit_zero)


@cli.command()
@click.argument("root", type=click.Path(path_type=Path, file_okay=False), default=".")
@click.option("--source-lang", default="en", show_default=True, help="The source locale.")
@click.option("--write", "target", type=click.Choice(["alignqa.toml", "pyproject.toml"]),
              help="Write the proposal there (default: only print it).")
def init(root: Path, source_lang: str, target: str | None) -> None:
    """Propose the 'files' layout of the repository at ROOT; --write saves it."""
    from .init import propose, write_proposal

    if not root.is_dir():
        raise InputError("no such folder", root)
    proposal = propose(root, source_lang)
    if not proposal.entries:
        raise InputError("found no translated files in a layout alignqa knows (see README, "
                         "'Layouts'); write the 'files' entries by hand", root)
    click.echo(proposal.toml(source_lang), nl=False)
    if target:
        click.echo(f"alignqa: wrote {write_proposal(root, proposal, source_lang, target)}",
                   err=True)


def _apply_overrides(config: Config, **options) -> None:
    """Command-line options win over the config file."""
    if options["model"]:
        config.model = options["model"]
    if options["fail_on"]:
        config.fail_on = options["fail_on"]
    if options["formats"]:
        config.format = list(options["formats"])
    if options["baseline"]:
        config.baseline = str(Path(options["baseline"]).resolve())
    if options["output_dir"]:
        config.output_dir = str(Path(options["output_dir"]).resolve())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv`` (default ``sys.argv[1:]``) and return the exit code."""
    args = [str(a) for a in (sys.argv[1:] if argv is None else argv)]
    try:
        _check_environment()
        code = cli.main(args, prog_name="alignqa", standalone_mode=False)
        return code if isinstance(code, int) else 0
    except (click.exceptions.Abort, KeyboardInterrupt):
        _error("interrupted", prefix="alignqa: ")
        return EXIT_INTERRUPTED
    except click.ClickException as exc:
        ctx = getattr(exc, "ctx", None)
        hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        _error(exc.format_message() + hint)
        return EXIT_USAGE
    except AlignQAError as exc:
        _error(str(exc))
        return EXIT_USAGE
    except OSError as exc:
        # The environment, not the input: a full disk, a folder that vanished, no permission.
        where = f"{exc.filename}: " if exc.filename else ""
        _error(f"{where}{exc.strerror or exc}")
        return EXIT_USAGE
    except MemoryError:
        _error("out of memory; a smaller 'max-file-size' keeps documents within bounds")
        return EXIT_USAGE
    except Exception:
        traceback.print_exc()
        _error(f"internal error (a bug in alignqa {__version__}; please report it with the "
               "traceback above)")
        return EXIT_INTERNAL


def _check_environment() -> None:
    """SOURCE_DATE_EPOCH dates the reports; a bad value is an error here, not a traceback from the
    numpy import that also reads it (numpy.f2py calls int() on it)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return
    if not epoch.strip():
        del os.environ["SOURCE_DATE_EPOCH"]  # empty means unset, as most build tools read it
    elif not epoch.strip().isdigit() or int(epoch) > _LAST_EPOCH:
        raise ConfigError(f"SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01, got "
                          f"{epoch!r}")


def _error(message: str, prefix: str = "alignqa: error: ") -> None:
    """One line on stderr whatever the message holds: a file name may contain a newline."""
    from .report.common import printable

    with contextlib.suppress(OSError, ValueError):  # stderr gone too: the exit code is left
        click.echo(prefix + printable(message), err=True)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so Python's own flush at exit does not fail on it again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":
    sys.exit(main())  # as the console script does with the returned code

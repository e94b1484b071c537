"""The command line: parse options, call the library, map errors to exit codes.

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or input error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .config import FORMAT_NAMES, Config, load_config
from .embed.backends import BACKENDS
from .errors import AlignQAError, InputError
from .findings import Severity
from .languages import validate_language

EXIT_USAGE = 2


def _language_of(path: Path, given: str | None) -> str:
    """--lang wins; otherwise the file's language folder decides."""
    if given:
        return validate_language(given)
    try:
        return validate_language(path.resolve().parent.name)
    except InputError:
        raise InputError("cannot tell the document's language from its folder; pass --lang",
                         path) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="alignqa")
def cli() -> None:
    """Align translations with their source and flag what a reviewer must see."""


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--lang", help="ISO 639-1 code (default: the file's language folder).")
@click.option("--presplit", is_flag=True, help="Each input line is one segment.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="One segment per line, or JSON with positions.")
def segment(file: Path, lang: str | None, presplit: bool, fmt: str) -> None:
    """Split FILE into headings, list items and sentences."""
    from .segment import load_document

    doc = load_document(file, _language_of(file, lang), presplit=presplit)
    if fmt == "json":
        rows = [{"text": s.text, "kind": s.kind, "line": s.line, "column": s.column,
                 "start": s.start, "end": s.end, "marker": s.marker} for s in doc.segments]
        click.echo(json.dumps({"file": str(file), "lang": doc.lang, "segments": rows},
                              ensure_ascii=False, indent=2))
    else:
        for s in doc.segments:
            click.echo(s.text)


@cli.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--source-lang", help="Default: SOURCE's language folder.")
@click.option("--target-lang", help="Default: TARGET's language folder.")
@click.option("--presplit", is_flag=True, help="Each input line is one segment.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "tsv", "beads", "tmx"]),
              default="text", show_default=True)
@click.option("--model", help="sentence-transformers model name or path (default: bundled).")
@click.option("--max-bead", type=click.IntRange(1, 20), default=None,
              help="Most segments on one side of a bead.")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write here, not stdout.")
@click.option("--config", "config_file", type=click.Path(path_type=Path), help="Config file.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def align(source: Path, target: Path, source_lang: str | None, target_lang: str | None,
          presplit: bool, fmt: str, model: str | None, max_bead: int | None,
          output: Path | None, config_file: Path | None, quiet: bool) -> None:
    """Align SOURCE with its translation TARGET, sentence by sentence."""
    from .align import align_documents
    from .align.formats import render
    from .atomic import atomic_write_bytes
    from .embed import load_embedder
    from .segment import load_document

    config = load_config(config_file, source)
    src = load_document(source, _language_of(source, source_lang), presplit=presplit)
    tgt = load_document(target, _language_of(target, target_lang), presplit=presplit)
    embedder = load_embedder(model or config.model, cache_dir=config.resolve(config.cache_dir),
                             quiet=quiet, backend=config.backend, threads=config.threads)
    options = dict(config.align)
    if max_bead:
        options.update(max_bead_side=max_bead, max_bead_total=max_bead + 1)
    alignment = align_documents(src, tgt, embedder, **options)
    out = render(alignment, [s.text for s in src.segments], [s.text for s in tgt.segments], fmt,
                 src.lang, tgt.lang)
    data = out if isinstance(out, bytes) else out.encode("utf-8")
    if output:
        atomic_write_bytes(output, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


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
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, no summary on stderr.")
def check(paths: tuple[Path, ...], config_file: Path | None, formats: tuple[str, ...],
          output: Path | None, output_dir: Path | None, no_report: bool, fail_on: str | None,
          exit_zero: bool, baseline: Path | None, update_baseline: bool,
          changed_only: str | None, model: str | None, backend: str | None,
          workers: int | None, scheduler: str | None, quiet: bool) -> None:
    """Check every translation under PATHS (corpus folders or files) against its source."""
    from .baseline import write_baseline
    from .gating import exit_code
    from .pipeline import run_check
    from .report.formats import write_outputs
    from .report.html import write_html_report

    if not paths:
        raise click.UsageError("give at least one corpus folder or file, e.g. 'alignqa check corpus/'")
    config = load_config(config_file, paths[0])
    _apply_overrides(config, model=model, fail_on=fail_on, formats=formats, baseline=baseline,
                     output_dir=output_dir)
    if update_baseline and not config.baseline:
        raise click.UsageError("--update-baseline needs --baseline FILE (or 'baseline' in config)")
    if update_baseline:
        config.baseline, baseline_file = None, config.resolve(config.baseline)

    if backend:
        config.backend = backend
    result = run_check(paths, config, changed_since=changed_only, quiet=quiet, workers=workers,
                       scheduler=scheduler)

    if update_baseline:
        write_baseline(baseline_file, result.findings)
        click.echo(f"wrote {len(result.findings)} fingerprints to {baseline_file}", err=True)
        sys.exit(0)
    if not no_report and result.pairs:
        index = write_html_report(result, config.resolve(config.output_dir))
        if not quiet:
            click.echo(f"HTML report: {index}", err=True)
    write_outputs(result, config.format, output, quiet=quiet)
    sys.exit(exit_code(result.findings, config.fail_on_severity, exit_zero))


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


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("alignqa: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except AlignQAError as exc:
        click.echo(f"alignqa: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        click.echo("alignqa: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()

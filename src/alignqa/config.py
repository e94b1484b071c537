"""Configuration: ``[tool.alignqa]`` in pyproject.toml, or alignqa.toml, or ``--config FILE``.

Keys are kebab-case as in ruff's config; every key is validated, an unknown key or a wrong type is a
ConfigError naming the file and the key. Check options live under ``[tool.alignqa.checks.<id>]``.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, overload

from .errors import ConfigError, InputError
from .files import DEFAULT_MAX_FILE_SIZE, parse_size, read_regular_file
from .findings import Severity
from .globs import PatternError
from .globs import validate as validate_pattern
from .languages import validate_language

FORMAT_NAMES = ("text", "json", "csv", "sarif", "junit", "github", "tmx")


@dataclass
class Config:
    source_lang: str = "en"
    model: str | None = None  # None: the bundled multilingual-e5-small
    cache_dir: str | None = None
    backend: str | None = None  # None: alignqa.embed.DEFAULT_BACKEND (bundled model only)
    threads: int | None = None  # encoder threads; None: $ALIGNQA_THREADS, else the runtime's
    # Reuse stored results of unchanged pairs (alignqa.result_cache); false: check every pair.
    result_cache: bool = True
    output_dir: str = "reports"
    fail_on: str = "error"
    format: list[str] = field(default_factory=lambda: ["text"])
    include: list[str] = field(default_factory=lambda: ["**/*.md", "**/*.markdown", "**/*.txt"])
    exclude: list[str] = field(default_factory=list)
    glossary: str | None = None
    baseline: str | None = None
    # Documents larger than this many bytes are refused rather than segmented for minutes.
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    # Glob (relative to the corpus root, e.g. "lv/legal/*.md") -> check ids ignored there ("*" = all).
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    # Aligner options (alignqa.align.AlignOptions field names), validated by the aligner.
    align: dict[str, Any] = field(default_factory=dict)
    # Check id -> {"enabled": bool, "severity": str, <check options>}.
    checks: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Layout by configuration (alignqa.layout.FileEntry); empty: the corpus/<lang>/ layout.
    files: list[Any] = field(default_factory=list)
    # Where the 'files' patterns start (Crowdin's base_path); default: the config file's folder.
    base_path: str | None = None
    # Locale as spelled in a path -> the locale it means ("pt_BR" -> "pt-BR").
    locale_map: dict[str, str] = field(default_factory=dict)
    # Where the config came from (None: defaults); relative paths in it resolve against its folder.
    path: Path | None = None

    @property
    def base_dir(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    @overload
    def resolve(self, value: str) -> Path: ...
    @overload
    def resolve(self, value: None) -> None: ...
    def resolve(self, value: str | None) -> Path | None:
        """A path from the config, relative to the config file's folder."""
        if value is None:
            return None
        p = Path(value).expanduser()
        return p if p.is_absolute() else self.base_dir / p

    @property
    def layout_root(self) -> Path:
        """The folder the ``files`` patterns are relative to."""
        return (self.resolve(self.base_path) or self.base_dir).resolve()

    def layout(self):
        """The configured layout (alignqa.layout.Layout), or None for the corpus layout."""
        if not self.files:
            return None
        from .layout import Layout

        return Layout(self.files, self.source_lang, self.locale_map, self.exclude)

    @property
    def fail_on_severity(self) -> Severity:
        return Severity.parse(self.fail_on)


# key -> (expected python type(s), description) for the top level; used for validation and docs.
_TOP_TYPES: dict[str, tuple[type | tuple[type, ...], str]] = {
    "source-lang": (str, "source locale (BCP-47 or POSIX: en, pt-BR); in the corpus layout also "
                         "the source folder's name"),
    "files": (list, "layout: tables with a 'source' and a 'translation' pattern"),
    "locale-map": (dict, "locale as spelled in a path -> the locale it means"),
    "base-path": (str, "folder the 'files' patterns are relative to (default: the config's)"),
    "model": (str, "sentence-transformers model name or path instead of the bundled model"),
    "cache-dir": (str, "folder for the converted model and the embedding cache"),
    "backend": (str, "encoder backend: torch, torch-int8, onnx or onnx-int8 (docs/embeddings.md)"),
    "threads": (int, "encoder threads per process (default: $ALIGNQA_THREADS, else the runtime's)"),
    "result-cache": (bool, "reuse the stored results of unchanged pairs (default true; "
                           "docs/caching.md)"),
    "output-dir": (str, "where the HTML report is written"),
    "fail-on": (str, "lowest severity that makes the run exit 1: error, warning or info"),
    "format": ((list, str), "output format(s): " + ", ".join(FORMAT_NAMES)),
    "include": (list, "glob patterns of documents inside each language folder"),
    "exclude": (list, "glob patterns to skip"),
    "glossary": (str, "glossary file (CSV, TSV or TBX)"),
    "baseline": (str, "baseline file of known finding fingerprints"),
    "max-file-size": ((int, str), "largest document read, in bytes or as '10 MB' (default 10 MB)"),
    "per-file-ignores": (dict, "glob relative to the corpus root -> list of check ids to ignore"),
    "align": (dict, "aligner options: max-bead-side, max-bead-total, band-width, ... (docs/aligner.md)"),
    "checks": (dict, "per-check options: enabled, severity and the check's own options"),
}
def _kebab_to_snake(key: str) -> str:
    return key.replace("-", "_")


def _type_name(t: type | tuple[type, ...]) -> str:
    names = {str: "a string", int: "an integer", float: "a number", bool: "true or false",
             list: "a list", dict: "a table"}
    ts = t if isinstance(t, tuple) else (t,)
    return " or ".join(names.get(x, x.__name__) for x in ts)


def _check_type(value: Any, expected: type | tuple[type, ...], where: str, path: Path | None):
    ok = isinstance(value, expected) and not (isinstance(value, bool) and expected in (int, float))
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        ok = True
    if not ok:
        raise ConfigError(f"{where} must be {_type_name(expected)}, got {value!r}", path)


def _check_pattern(pattern: str, where: str, path: Path | None) -> None:
    try:
        validate_pattern(pattern)
    except PatternError as exc:
        raise ConfigError(f"{where}: {exc}", path) from None


def config_from_mapping(data: dict[str, Any], path: Path | None = None) -> Config:
    """Validate a ``[tool.alignqa]`` table and build a Config."""
    from .checks.registry import all_checks

    cfg = Config(path=path)
    for key, value in data.items():
        if key not in _TOP_TYPES:
            raise ConfigError(f"unknown config key {key!r} (known: {', '.join(sorted(_TOP_TYPES))})",
                              path)
        _check_type(value, _TOP_TYPES[key][0], f"config key {key!r}", path)
        if key == "align":
            cfg.align = _align_options(value, path)
        elif key == "checks":
            cfg.checks = _check_options(value, {c.id: c for c in all_checks()}, path)
        elif key == "max-file-size":
            try:
                cfg.max_file_size = parse_size(value)
            except ValueError as exc:
                raise ConfigError(f"config key 'max-file-size': {exc}", path) from None
        elif key == "files":
            from .layout import parse_entries

            cfg.files = parse_entries(value, path)
        elif key == "locale-map":
            from .layout import parse_locale_map

            cfg.locale_map = parse_locale_map(value, path)
        else:
            setattr(cfg, _kebab_to_snake(key), value)

    if isinstance(cfg.format, str):
        cfg.format = [cfg.format]
    for name in cfg.format:
        if name not in FORMAT_NAMES:
            raise ConfigError(f"config key 'format': unknown format {name!r} "
                              f"(expected {', '.join(FORMAT_NAMES)})", path)
    for key in ("include", "exclude"):
        for item in getattr(cfg, key):
            _check_type(item, str, f"config key {key!r} items", path)
            _check_pattern(item, f"config key {key!r}", path)
    from .embed.backends import BACKENDS

    if cfg.backend is not None and cfg.backend not in BACKENDS:
        raise ConfigError(f"config key 'backend': unknown backend {cfg.backend!r} "
                          f"(expected {', '.join(BACKENDS)})", path)
    if cfg.threads is not None and cfg.threads < 1:
        raise ConfigError(f"config key 'threads' must be at least 1, got {cfg.threads}", path)
    try:
        cfg.fail_on_severity  # noqa: B018  (validates)
    except ValueError as exc:
        raise ConfigError(f"config key 'fail-on': {exc}", path) from None
    try:
        # Kept as spelled: in the corpus layout it is also the source folder's name.
        validate_language(cfg.source_lang)
    except Exception as exc:
        raise ConfigError(f"config key 'source-lang': {getattr(exc, 'message', exc)}", path) from None
    for pattern, ids in cfg.per_file_ignores.items():
        _check_type(ids, list, f"config key 'per-file-ignores' entry {pattern!r}", path)
        _check_pattern(pattern, "config key 'per-file-ignores'", path)
        known = {c.id for c in all_checks()} | {"*"}
        for check_id in ids:
            if check_id not in known:
                raise ConfigError(f"config key 'per-file-ignores' entry {pattern!r}: unknown check "
                                  f"{check_id!r}", path)
    return cfg


def _align_options(table: dict[str, Any], path: Path | None) -> dict[str, Any]:
    from .align import AlignOptions

    options = {_kebab_to_snake(k): v for k, v in table.items()}
    try:
        AlignOptions.from_mapping(options)
    except ConfigError as exc:
        raise ConfigError(f"config table 'align': {exc.message.replace('_', '-')}", path) from None
    return options


def _check_options(table: dict[str, Any], known: dict[str, Any], path: Path | None):
    """``[checks.<id>]`` tables: ``enabled``, ``severity`` and the check's own typed options."""
    out: dict[str, dict[str, Any]] = {}
    for check_id, opts in table.items():
        if check_id not in known:
            raise ConfigError(f"unknown check {check_id!r} in 'checks' (known: "
                              f"{', '.join(sorted(known))})", path)
        _check_type(opts, dict, f"config key 'checks.{check_id}'", path)
        parsed: dict[str, Any] = {}
        own: dict[str, Any] = {}
        for key, value in opts.items():
            where = f"config key 'checks.{check_id}.{key}'"
            if key == "enabled":
                _check_type(value, bool, where, path)
                parsed[key] = value
            elif key == "severity":
                _check_type(value, str, where, path)
                try:
                    Severity.parse(value)
                except ValueError as exc:
                    raise ConfigError(f"{where}: {exc}", path) from None
                parsed[key] = value
            else:
                own[_kebab_to_snake(key)] = value
        try:
            known[check_id].make_options(own)
        except ConfigError as exc:
            raise ConfigError(exc.message, path) from None
        out[check_id] = {**parsed, **own}
    return out


def load_config_file(path: Path) -> Config:
    """Load ``alignqa.toml`` (top-level keys) or ``pyproject.toml`` (``[tool.alignqa]``)."""
    if not path.exists() and not path.is_symlink():
        raise ConfigError("config file not found", path)
    try:
        raw = read_regular_file(path, what="config file")
    except InputError as exc:
        raise ConfigError(f"cannot read config: {exc.message}", path) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError("config is not valid UTF-8", path) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path) from None
    except RecursionError:
        raise ConfigError("invalid TOML: arrays or tables nested too deeply", path) from None
    if path.name == "pyproject.toml" or "tool" in data:
        tool = data.get("tool", {})
        table = tool.get("alignqa", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise ConfigError("[tool.alignqa] must be a table", path)
        data = table
    return config_from_mapping(data, path.resolve())


def find_config(start: Path) -> Path | None:
    """The nearest alignqa.toml, or pyproject.toml with a [tool.alignqa] table, at or above start."""
    here = Path(os.path.realpath(start))  # not Path.resolve(): it raises on a symlink loop
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / "alignqa.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and _has_tool_table(candidate):
            return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        # A broken pyproject that is not ours to judge: only fail on it when it names alignqa.
        return "[tool.alignqa" in path.read_text(encoding="utf-8", errors="replace")
    return isinstance(data.get("tool"), dict) and "alignqa" in data["tool"]


def load_config(explicit: str | Path | None, start: Path) -> Config:
    """``--config`` wins; otherwise the nearest config at or above ``start``; otherwise defaults."""
    if explicit is not None:
        return load_config_file(Path(explicit))
    found = find_config(start)
    return load_config_file(found) if found else Config()

"""alignqa: translation alignment and quality assurance.

The pipeline, each stage a subpackage: ``segment`` -> ``embed`` -> ``align`` -> ``checks`` -> ``report``.
``alignqa.pipeline`` runs it over a corpus; ``alignqa.cli`` is a thin command line over the same calls.

    import alignqa
    result = alignqa.check(["corpus"])          # config found as the CLI finds it
    print(alignqa.render(result, "json"))

The names below are imported on first use, so ``import alignqa`` stays cheap (no torch).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "check", "load_config", "render", "run_check"]

if TYPE_CHECKING:
    from .config import Config, load_config
    from .pipeline import run_check
    from .report.formats import render
    from .results import RunResult

_LAZY = {"load_config": "config", "run_check": "pipeline", "render": "report.formats"}


def check(paths: list[str | Path] | str | Path, config: Config | None = None,
          **kwargs: Any) -> RunResult:
    """Run ``alignqa check`` on ``paths``: the config is the one the CLI would find for the first
    path unless given; keyword arguments go to :func:`alignqa.pipeline.run_check`."""
    from .config import load_config
    from .pipeline import run_check

    items = [paths] if isinstance(paths, str | Path) else list(paths)
    if config is None:
        config = load_config(None, Path(items[0]) if items else Path.cwd())
    return run_check(items, config, **kwargs)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'alignqa' has no attribute {name!r}")

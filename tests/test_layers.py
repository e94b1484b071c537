"""The stages import downwards only: text helpers and data types, then segment -> embed -> align ->
detect -> checks -> report, with the pipeline, config and CLI on top. A module may import its own
layer and the layers below it, never one above (that is how import cycles start)."""

from __future__ import annotations

import ast
from pathlib import Path

import alignqa

PACKAGE = Path(alignqa.__file__).parent

# Lowest first. Top-level modules not named here are the top layer (pipeline, config, cli, ...).
LAYERS: list[set[str]] = [
    {"errors"},
    {"files", "globs", "sqlite_store", "text", "languages", "findings", "document", "alignment",
     "atomic", "glossary", "suppress"},
    {"segment", "units"},
    {"embed"},
    {"align"},
    {"detect"},
    {"checks"},
    {"results", "baseline", "gating"},
    {"report"},
]
TOP = len(LAYERS)
UNITS = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()
         if p.suffix == ".py" or (p.is_dir() and (p / "__init__.py").exists())}


def layer_of(unit: str) -> int:
    return next((i for i, names in enumerate(LAYERS) if unit in names), TOP)


def unit_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    return rel.parts[0]


def imported_units(path: Path) -> set[str]:
    """The top-level alignqa units ``path`` imports (relative or absolute)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(PACKAGE).parent.parts
    units: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - (node.level - 1)] if node.level > 1 else package
                parts = (*base, *(node.module.split(".") if node.module else ()))
                if parts:
                    units.add(parts[0])
                else:  # "from . import x" at the package root: x is a unit or a root attribute
                    units.update(alias.name for alias in node.names if alias.name in UNITS)
            elif node.module and node.module.split(".")[0] == "alignqa":
                parts = node.module.split(".")[1:]
                units.update(parts[:1] or [alias.name for alias in node.names])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "alignqa" and len(parts) > 1:
                    units.add(parts[1])
    return units


def test_every_module_imports_only_its_layer_and_below():
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        unit = unit_of(path)
        if unit == "__init__":
            continue
        for other in imported_units(path) - {unit, "__init__"}:
            if layer_of(other) > layer_of(unit):
                wrong.append(f"{path.relative_to(PACKAGE)} imports {other}")
    assert not wrong, "imports against the stage order:\n" + "\n".join(wrong)


def test_the_layer_table_names_real_units():
    assert set().union(*LAYERS) <= UNITS

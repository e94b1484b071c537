"""A check's options: one frozen dataclass per check, the single source of its defaults, its config
validation and its row in the docs.

Users see option names in kebab-case (``min-words``), as every other config key; the dataclass field
is the snake_case form. A field is declared with :func:`option`, which carries the one-line help text
and the allowed range or choices, so nothing about an option is written twice::

    @dataclass(frozen=True)
    class OmissionOptions(CheckOptions):
        min_words: int = option(1, "fewest words a missing segment needs to be reported", minimum=1)
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Self

from ..errors import ConfigError


def option(default: Any, help: str, *, choices: tuple[Any, ...] | None = None,
           minimum: float | None = None, maximum: float | None = None,
           user: bool = True) -> Any:
    """A dataclass field with its help text and bounds (``user=False``: set by the run, not config)."""
    meta = {"help": help, "choices": choices, "minimum": minimum, "maximum": maximum, "user": user}
    if isinstance(default, list | tuple):
        return dataclasses.field(default=tuple(default), metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


def kebab(name: str) -> str:
    return name.replace("_", "-")


@dataclass(frozen=True)
class OptionInfo:
    """One option as the docs and error messages show it."""

    name: str      # kebab-case
    type: str      # "integer", "number", "true/false", "string", "list of strings", ...
    default: Any
    help: str
    choices: tuple[Any, ...] | None


_TYPE_WORDS = {int: "an integer", float: "a number", bool: "true or false", str: "a string"}
_TYPE_SHORT = {int: "integer", float: "number", bool: "bool", str: "string"}


@dataclass(frozen=True)
class CheckOptions:
    """Base of every check's options; a check without options uses it as it is."""

    # Cross-field rules, as (predicate over the instance, message).
    rules: ClassVar[tuple[tuple[typing.Callable[[Any], bool], str], ...]] = ()

    @classmethod
    def user_fields(cls) -> list[dataclasses.Field]:
        return [f for f in dataclasses.fields(cls) if f.metadata.get("user", True)]

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any], where: str = "options") -> Self:
        """Typed options from config values (kebab- or snake-case keys), each value validated.

        ``where`` names the table in messages, e.g. ``config key 'checks.numbers'``.
        """
        hints = typing.get_type_hints(cls)
        by_name = {f.name: f for f in dataclasses.fields(cls)}
        user = {f.name for f in cls.user_fields()}
        typed: dict[str, Any] = {}
        for key, value in values.items():
            name = key.replace("-", "_")
            if name not in by_name:
                known = ", ".join(kebab(n) for n in sorted(user)) or "none"
                raise ConfigError(f"{where}: unknown option {kebab(name)!r} (known: {known})")
            typed[name] = _coerce(value, hints[name], by_name[name], f"{where}.{kebab(name)}")
        instance = cls(**typed)
        for holds, message in cls.rules:
            if not holds(instance):
                raise ConfigError(f"{where}: {message}")
        return instance

    @classmethod
    def describe(cls) -> list[OptionInfo]:
        hints = typing.get_type_hints(cls)
        return [OptionInfo(kebab(f.name), _type_text(hints[f.name]), f.default, f.metadata["help"],
                           f.metadata.get("choices"))
                for f in cls.user_fields()]

    def numeric(self) -> dict[str, float]:
        """The numeric options (thresholds), kebab-case: what a run's signature records."""
        return {kebab(f.name): getattr(self, f.name) for f in self.user_fields()
                if isinstance(getattr(self, f.name), int | float)
                and not isinstance(getattr(self, f.name), bool)}


def _coerce(value: Any, hint: Any, f: dataclasses.Field, where: str) -> Any:
    """``value`` checked against the field's type and bounds; lists become tuples."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if value is None:
            return None
        hint, origin = args[0], typing.get_origin(args[0])
    if origin is tuple:
        item = typing.get_args(hint)[0]
        if not isinstance(value, list | tuple):
            raise ConfigError(f"{where} must be a list of {_TYPE_SHORT.get(item, 'values')}s, "
                              f"got {value!r}")
        return tuple(_scalar(v, item, f, f"{where} items") for v in value)
    return _scalar(value, hint, f, where)


def _scalar(value: Any, want: type, f: dataclasses.Field, where: str) -> Any:
    ok = isinstance(value, want) and not (isinstance(value, bool) and want is not bool)
    if want is float and isinstance(value, int) and not isinstance(value, bool):
        ok, value = True, float(value)
    if not ok:
        raise ConfigError(f"{where} must be {_TYPE_WORDS.get(want, want.__name__)}, got {value!r}")
    if want is float and not math.isfinite(value):
        raise ConfigError(f"{where} must be a finite number, got {value!r}")
    meta = f.metadata
    if meta.get("choices") is not None and value not in meta["choices"]:
        allowed = ", ".join(repr(c) for c in meta["choices"])
        raise ConfigError(f"{where}: {value!r} is not one of {allowed}")
    if meta.get("minimum") is not None and value < meta["minimum"]:
        raise ConfigError(f"{where} must be at least {meta['minimum']}, got {value!r}")
    if meta.get("maximum") is not None and value > meta["maximum"]:
        raise ConfigError(f"{where} must be at most {meta['maximum']}, got {value!r}")
    return value


def _type_text(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
        origin = typing.get_origin(hint)
    if origin is tuple:
        return f"list of {_TYPE_SHORT.get(typing.get_args(hint)[0], 'value')}s"
    return _TYPE_SHORT.get(hint, getattr(hint, "__name__", str(hint)))

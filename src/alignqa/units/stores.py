"""Reading keyed localization files with translate-toolkit's storage classes into :class:`Unit`
lists, one reader per format. Positions come from lxml (XML formats), from the PO entry order, or
from :mod:`.locate` (formats whose parser keeps none).

XML is parsed by translate-toolkit's safe parser (no network, no entity resolution); a file that
declares entities is refused before parsing, so no entity is ever expanded.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from .locate import Locator, json_key, json_spellings
from .model import FUZZY, NEEDS_REVIEW, TRANSLATED, UNTRANSLATED, Text, Unit

Reader = Callable[[Path, bytes, str], list[Unit]]


def _parse(store_class, data: bytes, path: Path):
    """Parse with translate-toolkit; any parser error is one InputError line naming the file."""
    try:
        return store_class(io.BytesIO(data))
    except InputError:
        raise
    except Exception as exc:  # the parsers raise ValueError, lxml, ruamel or JSON errors alike
        detail = " ".join(str(exc).split()) or type(exc).__name__
        raise InputError(f"cannot parse as {store_class.__name__}: {detail}", path) from None


def refuse_entities(data: bytes, path: Path) -> None:
    head = data[:65536]
    if re.search(rb"<!ENTITY", head, re.IGNORECASE) or re.search(rb"<!DOCTYPE[^>]*\[", head):
        raise InputError("XML with a DTD declaring entities is not accepted (entities are never "
                         "expanded)", path)


def _strings(value) -> list[str]:
    """The forms of a translate-toolkit string (a multistring holds plural forms)."""
    if value is None:
        return []
    forms = getattr(value, "strings", None)
    return [str(s) for s in forms] if forms else [str(value)]


# -- gettext PO ---------------------------------------------------------------------------------

_PO_ENTRY = re.compile(r"^msgid\s", re.MULTILINE)
_PO_MSGSTR = re.compile(r'^msgstr(?:\[(\d+)\])?\s*"', re.MULTILINE)


def read_po(path: Path, data: bytes, text: str) -> list[Unit]:
    from translate.storage.po import pofile

    store = _parse(pofile, data, path)
    locate = Locator(text)
    # Non-obsolete entries start with a bare "msgid" line, in the order the parser lists them.
    entry_starts = [m.start() for m in _PO_ENTRY.finditer(text)]
    live = [u for u in store.units if not u.isobsolete()]
    if len(entry_starts) != len(live):  # an unusual spelling: fall back to searching msgids
        entry_starts = []
    units = []
    for i, u in enumerate(live):
        if u.isheader() or not u.source:
            continue
        start = entry_starts[i] if entry_starts else text.find("msgid", locate.cursor)
        locate.cursor = max(start, 0)
        key = (u.getcontext() + "\x04" if u.getcontext() else "") + _strings(u.source)[0]
        sources, targets = _strings(u.source), _strings(u.target)
        msgstrs = _msgstr_positions(text, max(start, 0))
        source_pos = locate.at(sources[0], max(start, 0), max(start, 0))
        fuzzy = u.isfuzzy()
        plural = u.hasplural()
        for n, target in enumerate(targets or [""]):
            pos = msgstrs.get(n, msgstrs.get(None, max(start, 0)))
            value = _find_value(locate, text, target, pos)
            state = UNTRANSLATED if not target.strip() else FUZZY if fuzzy else TRANSLATED
            src = sources[min(n, len(sources) - 1)]
            units.append(Unit(f"{key}[{n}]" if plural else key, value,
                              Text(src, source_pos.line, source_pos.column, source_pos.start,
                                   source_pos.end), state, key if plural else "",
                              str(n) if plural else ""))
    return units


def _msgstr_positions(text: str, entry_start: int) -> dict[int | None, int]:
    """Offsets of the msgstr lines of the entry starting at ``entry_start``."""
    out: dict[int | None, int] = {}
    nxt = _PO_ENTRY.search(text, entry_start + 1)
    end = nxt.start() if nxt else len(text)
    for m in _PO_MSGSTR.finditer(text, entry_start, end):
        out[int(m.group(1)) if m.group(1) is not None else None] = m.start()
    return out


def _find_value(locate: Locator, text: str, value: str, line_start: int) -> Text:
    """The value inside the msgstr starting at ``line_start``: exact when spelled verbatim."""
    first = value.split("\n", 1)[0]
    escaped = first.replace("\\", "\\\\").replace('"', '\\"')
    found = text.find(escaped, line_start, line_start + len(escaped) + 200) if escaped else -1
    if found >= 0:
        return locate.at(value, found, found + len(escaped))
    end = text.find("\n", line_start)
    return locate.at(value, line_start, len(text) if end < 0 else end)


# -- XLIFF 1.2 and 2.0 --------------------------------------------------------------------------

_XLIFF12_REVIEW = {"needs-review-translation", "needs-review-l10n", "needs-review-adaptation",
                   "needs-adaptation", "needs-l10n"}
_XLIFF12_NEW = {"new", "needs-translation"}


def read_xliff(path: Path, data: bytes, text: str) -> list[Unit]:
    refuse_entities(data, path)
    version2 = re.search(rb"<xliff[^>]*version\s*=\s*[\"']2", data[:4096]) is not None
    store_class: type
    if version2:
        from translate.storage.xliff2 import Xliff2File

        store_class = Xliff2File
    else:
        from translate.storage.xliff import xlifffile

        store_class = xlifffile
    store = _parse(store_class, data, path)
    locate = Locator(text)
    units = []
    for u in store.units:
        if u.isheader() or not u.source:
            continue
        element = u.xmlelement
        source_el = _child(element, "source")
        target_el = _child(element, "target")
        target = str(u.target or "")
        if version2:
            state_attr = element.get("state") or ""
            state = (UNTRANSLATED if not target.strip() else
                     NEEDS_REVIEW if state_attr == "initial" else TRANSLATED)
        else:
            state_attr = target_el.get("state", "") if target_el is not None else ""
            state = (UNTRANSLATED if not target.strip() else
                     NEEDS_REVIEW if state_attr in _XLIFF12_REVIEW | _XLIFF12_NEW else
                     FUZZY if (target_el is not None and target_el.get("state-qualifier") ==
                               "fuzzy-match") else TRANSLATED)
        line = (target_el if target_el is not None else element).sourceline or 1
        value = locate.line_of(target, line)
        src_line = (source_el if source_el is not None else element).sourceline or 1
        src = locate.line_of(str(u.source), src_line)
        # translate-toolkit's id holds the <file> too, so ids repeated across files stay apart.
        key = u.getid() or element.get("id") or str(u.source)
        units.append(Unit(key, value, src, state))
    return units


def _child(element, name: str):
    for child in element.iter():
        if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == name:
            return child
    return None


# -- Android strings.xml ------------------------------------------------------------------------

def read_android(path: Path, data: bytes, text: str) -> list[Unit]:
    from translate.storage.aresource import AndroidResourceFile, AndroidResourceUnit

    refuse_entities(data, path)
    store = _parse(AndroidResourceFile, data, path)
    locate = Locator(text)
    decoder = AndroidResourceUnit("")
    units = []
    for u in store.units:
        element = u.xmlelement
        if element.get("translatable") == "false":
            continue
        name = element.get("name") or u.getid()
        if element.tag == "plurals":
            for item in element.iterchildren("item"):
                form = item.get("quantity", "other")
                value = decoder.get_xml_text_value(item)
                units.append(Unit(f"{name}[{form}]", locate.line_of(value, item.sourceline or 1),
                                  None, TRANSLATED if value.strip() else UNTRANSLATED, name, form))
            continue
        value = str(u.target or u.source or "")
        units.append(Unit(name, locate.line_of(value, element.sourceline or 1), None,
                          TRANSLATED if value.strip() else UNTRANSLATED))
    # translate-toolkit reads <string> and <plurals>; string arrays come from its parsed tree.
    for array in store.document.getroot().iterchildren("string-array"):
        if array.get("translatable") == "false":
            continue
        for n, item in enumerate(array.iterchildren("item")):
            value = decoder.get_xml_text_value(item)
            units.append(Unit(f"{array.get('name')}[{n}]",
                              locate.line_of(value, item.sourceline or 1), None,
                              TRANSLATED if value.strip() else UNTRANSLATED))
    return sorted(units, key=lambda u: u.text.start)


# -- JSON, YAML, .strings, .properties ----------------------------------------------------------

def _json_flavour(data: bytes, path: Path):
    from translate.storage import jsonl10n

    if path.suffix == ".arb":
        return jsonl10n.ARBJsonFile
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"invalid JSON: {exc}", path) from None
    if isinstance(parsed, dict) and parsed and all(
            isinstance(v, dict) and "message" in v for v in parsed.values()):
        return jsonl10n.WebExtensionJsonFile  # Chrome / WebExtension messages.json
    return jsonl10n.JsonNestedFile  # flat or nested (i18next) key -> string


def read_json(path: Path, data: bytes, text: str) -> list[Unit]:
    store = _parse(_json_flavour(data, path), data, path)
    locate = Locator(text)
    units = []
    for u in store.units:
        if u.isheader() or u.source is None:
            continue
        parts = [str(k) for _, k in u.get_unitid().parts]
        value = str(u.source)
        where = locate.keyed(value, [json_key(parts[-1]), json_key(".".join(parts))],
                             json_spellings(value))
        units.append(_i18next_plural(_monolingual(".".join(parts), where)))
    return units


_I18NEXT_PLURAL = re.compile(r"^(.+)_(zero|one|two|few|many|other)$")


def _i18next_plural(unit: Unit) -> Unit:
    """i18next's ``files_one`` / ``files_few`` keys are the plural forms of ``files``."""
    m = _I18NEXT_PLURAL.match(unit.key)
    return replace(unit, plural_of=m.group(1), form=m.group(2)) if m else unit


def read_yaml(path: Path, data: bytes, text: str) -> list[Unit]:
    from translate.storage.yaml import RubyYAMLFile

    store = _parse(RubyYAMLFile, data, path)
    locate = Locator(text)
    units = []
    for u in store.units:
        parts = [str(k) for _, k in u.get_unitid().parts]
        value = str(u.source or "")
        last = re.escape(parts[-1])
        where = locate.keyed(value, [rf"^[ \t-]*(?:{last}|\"{last}\"|'{last}')[ \t]*:"],
                             [value, json.dumps(value, ensure_ascii=False)[1:-1]])
        units.append(_monolingual(".".join(parts), where))
    return units


def read_strings(path: Path, data: bytes, text: str) -> list[Unit]:
    from translate.storage import properties

    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    store = _parse(properties.stringsfile if utf16 else properties.stringsutf8file, data, path)
    return _key_value_units(store, text, lambda k: [rf'^[ \t]*(?:"{k}"|{k})[ \t]*='],
                            lambda v: [json.dumps(v, ensure_ascii=False)[1:-1], v])


def read_properties(path: Path, data: bytes, text: str) -> list[Unit]:
    from translate.storage import properties

    store = _parse(properties.javautf8file, data, path)
    return _key_value_units(store, text, lambda k: [rf"^[ \t]*{k}[ \t]*[=: \t]"],
                            lambda v: [v])


def _key_value_units(store, text: str, key_lines, value_forms) -> list[Unit]:
    """Units of a key = value store, each located by its key's line (``key_lines`` of the escaped
    key) and its value as written (``value_forms`` of the value)."""
    locate = Locator(text)
    units = []
    for u in store.units:
        key = u.getid()
        if not key:
            continue
        value = str(u.source or "")
        where = locate.keyed(value, key_lines(re.escape(key)), value_forms(value))
        units.append(_monolingual(key, where))
    return units


def _monolingual(key: str, where: Text) -> Unit:
    return Unit(key, where, None, TRANSLATED if where.text.strip() else UNTRANSLATED)


# -- Apple .xcstrings (a String Catalog: one JSON file holding every locale) --------------------

_XCSTRINGS_STATES = {"translated": TRANSLATED, "needs_review": NEEDS_REVIEW, "new": UNTRANSLATED,
                     "stale": NEEDS_REVIEW}


def xcstrings_catalog(path: Path, data: bytes) -> dict:
    try:
        catalog = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"invalid JSON: {exc}", path) from None
    if not isinstance(catalog, dict) or not isinstance(catalog.get("strings"), dict):
        raise InputError("not a String Catalog: no 'strings' object", path)
    return catalog


def xcstrings_locales(path: Path, data: bytes) -> tuple[str, list[str]]:
    """(source language, the other languages with a localization) of a String Catalog."""
    catalog = xcstrings_catalog(path, data)
    source = str(catalog.get("sourceLanguage", "en"))
    found = {lang for entry in catalog["strings"].values() if isinstance(entry, dict)
             for lang in (entry.get("localizations") or {})}
    return source, sorted(found - {source})


def read_xcstrings(path: Path, data: bytes, text: str, locale_key: str) -> list[Unit]:
    """The units of one locale of a String Catalog, with the source language's text as source."""
    catalog = xcstrings_catalog(path, data)
    source_lang = str(catalog.get("sourceLanguage", "en"))
    locate = Locator(text)
    units = []
    for key, entry in catalog["strings"].items():
        if not isinstance(entry, dict) or entry.get("shouldTranslate") is False:
            continue
        localizations = entry.get("localizations") or {}
        src_unit = (localizations.get(source_lang) or {}).get("stringUnit") or {}
        source_text = str(src_unit.get("value", key))
        key_at = locate.keyed(key, [json_key(key)], [])
        src = Text(source_text, key_at.line, key_at.column, key_at.start, key_at.end)
        unit = (localizations.get(locale_key) or {}).get("stringUnit")
        if not isinstance(unit, dict):
            units.append(Unit(key, src, src, UNTRANSLATED))
            continue
        value = str(unit.get("value", ""))
        where = locate.keyed(value, [json_key(locale_key)], json_spellings(value))
        state = _XCSTRINGS_STATES.get(str(unit.get("state", "translated")), TRANSLATED)
        units.append(Unit(key, where, src, state if value.strip() else UNTRANSLATED))
    return units


READERS: dict[str, Reader] = {
    "po": read_po, "xliff": read_xliff, "android": read_android, "json": read_json,
    "yaml": read_yaml, "strings": read_strings, "properties": read_properties,
}

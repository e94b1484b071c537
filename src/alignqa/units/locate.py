"""Where a unit's text stands in its file, for the formats whose parser keeps no positions
(JSON, YAML, .strings, .properties): find the unit's key, in file order, then its value after it.

Units come in file order, so each search starts where the previous unit was found; a key that
appears again later (nested JSON) is then found at the right place.
"""

from __future__ import annotations

import bisect
import json
import re

from .model import Text


class Locator:
    def __init__(self, text: str):
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.cursor = 0

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def at(self, value: str, start: int, end: int) -> Text:
        line, column = self.position(start)
        return Text(value, line, column, start, end)

    def line_of(self, value: str, line: int) -> Text:
        """``value`` placed at the start of a 1-based line (XML: lxml gives lines, not columns)."""
        line = max(1, min(line, len(self.line_starts)))
        start = self.line_starts[line - 1]
        end = self.text.find("\n", start)
        end = len(self.text) if end < 0 else end
        stripped = len(self.text[start:end]) - len(self.text[start:end].lstrip())
        found = self.text.find(value, start) if value else -1
        if found >= 0 and self.text.count("\n", start, found) <= 2:
            return self.at(value, found, found + len(value))
        return self.at(value, start + stripped, end)

    def keyed(self, value: str, key_patterns: list[str], raw_values: list[str]) -> Text:
        """Find the first of ``key_patterns`` (regexes) from the cursor, then the first of
        ``raw_values`` (the value as the file may spell it) after the key."""
        for pattern in key_patterns:
            m = re.compile(pattern, re.MULTILINE).search(self.text, self.cursor)
            if m:
                key_end = m.end()
                self.cursor = key_end
                break
        else:
            m = None
        if m is None:
            line, _ = self.position(self.cursor)
            return self.line_of(value, line)
        for raw in raw_values:
            if not raw:
                continue
            found = self.text.find(raw, key_end, key_end + len(raw) + 400)
            if found >= 0:
                self.cursor = found + len(raw)
                return self.at(value, found, found + len(raw))
        end = self.text.find("\n", key_end)
        return self.at(value, m.start(), len(self.text) if end < 0 else end)


def json_spellings(value: str) -> list[str]:
    return [json.dumps(value, ensure_ascii=False)[1:-1], json.dumps(value)[1:-1], value]


def json_key(key: str) -> str:
    return re.escape(json.dumps(key, ensure_ascii=False)) + r"\s*:"

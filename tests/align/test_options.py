"""Aligner options: every one bounded and finite, every bad one named in the same message."""

from __future__ import annotations

from dataclasses import fields

import pytest

from alignqa.align import align
from alignqa.align.options import MAX_BEAD_SIDE, RANGES, AlignOptions
from alignqa.config import config_from_mapping
from alignqa.errors import ConfigError

from .fakes import BagOfWordsEmbedder, assert_complete, sentences


@pytest.mark.parametrize(("options", "needle"), [
    ({"full_grid_cells": 1}, "full_grid_cells must be between 1024 and 4000000, got 1"),
    ({"merge_penalty": float("nan")}, "merge_penalty must be a finite number, got nan"),
    ({"skip": float("-inf")}, "skip must be a finite number"),
    ({"max_bead_side": 100_000}, f"max_bead_side must be between 1 and {MAX_BEAD_SIDE}"),
    ({"max_bead_total": 41}, "max_bead_total must be between 2 and 40"),
    ({"margin_k": float("inf")}, "margin_k must be an integer, got inf"),
    ({"refine_radius": -1}, "refine_radius must be between 0 and 16"),
])
def test_out_of_range(options, needle):
    with pytest.raises(ConfigError, match="aligner option") as info:
        AlignOptions.from_mapping(options)
    assert needle in info.value.message


def test_one_message_per_bad_key():
    with pytest.raises(ConfigError) as info:
        AlignOptions.from_mapping({"band_width": 0, "length_weight": -1.0, "skip": "low",
                                   "refine_below": 0.1})
    parts = info.value.message.split("; ")
    assert [p.split()[2] for p in parts] == ["band_width", "length_weight", "skip"]


def test_config_names_keys_in_kebab_case():
    with pytest.raises(ConfigError) as info:
        config_from_mapping({"align": {"max-bead-side": 0, "merge-penalty": float("nan")}})
    assert "max-bead-side must be between" in info.value.message
    assert "merge-penalty must be a finite number" in info.value.message


def test_the_extremes_of_every_range_align():
    src, tgt = sentences(40, seed=1), sentences(30, seed=2)
    for bound in (0, 1):
        options = {name: r[bound] for name, r in RANGES.items()}
        opts = AlignOptions.from_mapping(options)
        assert_complete(align(src, tgt, BagOfWordsEmbedder(), opts).beads, 40, 30)


def test_smallest_full_grid_takes_the_coarse_to_fine_path():
    # 1,024 cells is below 40 x 40: the search halves the long sides and still ends.
    src = sentences(80, seed=3)
    result = align(src, list(src), BagOfWordsEmbedder(), full_grid_cells=1024)
    assert result.stats["levels"] >= 2
    assert all(b.src == b.tgt for b in result.beads)


def test_every_option_has_a_range():
    assert {f.name for f in fields(AlignOptions)} == set(RANGES)

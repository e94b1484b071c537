"""Fixtures shared by every test package."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that uses the real model, directly or through another fixture, is a ``model``
    test, so ``-m "not model and not browser"`` is the fast suite whatever a test forgot to say."""
    for item in items:
        if "embedder" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.model)


@pytest.fixture(scope="session")
def embedder():
    """The bundled multilingual-e5-small, loaded once per session (~3 s once its folder exists).

    The folder is built in the user cache on first use (~20 s; set ALIGNQA_CACHE to put it
    elsewhere). The embedding cache is off, so encoder counts never depend on earlier runs:
    a test that needs one gives it its own, ``embedder.with_cache(EmbeddingCache(tmp_path / ...))``.
    """
    from alignqa.embed import load_embedder

    return load_embedder(quiet=True, use_cache=False)

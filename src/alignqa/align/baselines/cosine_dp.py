"""The naive embedding aligner: 1-1 beads only, scored by raw cosine, over the full grid."""

from __future__ import annotations

import numpy as np

from ...alignment import Bead


def cosine_dp_align(source_vectors: np.ndarray, target_vectors: np.ndarray,
                    skip: float = 0.0) -> list[Bead]:
    """Maximise the summed cosine of 1-1 beads; a 1-0 or 0-1 bead is worth ``skip``.

    Quadratic in time and memory: a baseline for short documents, not a production search.
    """
    n, m = len(source_vectors), len(target_vectors)
    sim = source_vectors @ target_vectors.T if n and m else np.zeros((n, m))
    total = np.full((n + 1, m + 1), -np.inf)
    move = np.zeros((n + 1, m + 1), dtype=np.int8)  # 0 diagonal, 1 from above, 2 from left
    total[0] = skip * np.arange(m + 1)
    move[0, 1:] = 2
    for i in range(1, n + 1):
        total[i, 0] = total[i - 1, 0] + skip
        move[i, 0] = 1
        diag = total[i - 1, :-1] + sim[i - 1]
        up = total[i - 1, 1:] + skip
        row = np.where(diag >= up, diag, up)
        move[i, 1:] = np.where(diag >= up, 0, 1)
        # A left step is a running maximum along the row (skip is constant).
        k = np.arange(1, m + 1)
        shifted = np.concatenate(([total[i, 0]], row - k * skip))
        run = np.maximum.accumulate(shifted)
        left = run[1:] > row - k * skip
        total[i, 1:] = np.where(left, run[1:] + k * skip, row)
        move[i, 1:][left] = 2
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        step = move[i, j]
        if step == 0:
            beads.append(Bead((i - 1,), (j - 1,), float(sim[i - 1, j - 1])))
            i, j = i - 1, j - 1
        elif step == 1:
            beads.append(Bead((i - 1,), ()))
            i -= 1
        else:
            beads.append(Bead((), (j - 1,)))
            j -= 1
    beads.reverse()
    return beads

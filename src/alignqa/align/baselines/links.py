"""Turn sentence-to-sentence links into beads: each connected group of links is one bead."""

from __future__ import annotations

from collections.abc import Iterable

from ...alignment import Bead


def beads_from_links(links: Iterable[tuple[int, int]], n: int, m: int) -> list[Bead]:
    """Beads from (source, target) links; unlinked segments become 1-0 and 0-1 beads.

    Links are assumed monotone (as every aligner here produces), so a group is the run of
    links that share a source or a target segment with the previous link.
    """
    groups: list[tuple[set[int], set[int]]] = []
    for s, t in sorted(links):
        if groups and (s in groups[-1][0] or t in groups[-1][1]):
            groups[-1][0].add(s)
            groups[-1][1].add(t)
        else:
            groups.append(({s}, {t}))
    beads: list[Bead] = []
    i = j = 0
    for src, tgt in groups:
        while i < min(src):
            beads.append(Bead((i,), ()))
            i += 1
        while j < min(tgt):
            beads.append(Bead((), (j,)))
            j += 1
        beads.append(Bead(tuple(sorted(src)), tuple(sorted(tgt))))
        i, j = max(src) + 1, max(tgt) + 1
    beads.extend(Bead((k,), ()) for k in range(i, n))
    beads.extend(Bead((), (k,)) for k in range(j, m))
    return beads

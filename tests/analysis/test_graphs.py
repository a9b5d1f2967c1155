"""The plain-Python graph algorithms of the checks agree with networkx on random graphs,
and a 10,000-node chain does not overflow the stack."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from procmodeler.analysis.graphs import (
    articulation_points,
    connected_components,
    strongly_connected_components,
)


def _edges(seed: int) -> list[tuple[int, int]]:
    rnd = random.Random(seed)
    n = rnd.randint(1, 40)
    return [(rnd.randrange(n), rnd.randrange(n)) for _ in range(rnd.randint(0, 2 * n))]


@pytest.mark.parametrize("seed", range(200))
def test_the_algorithms_agree_with_networkx(seed: int) -> None:
    edges = _edges(seed)
    undirected = nx.Graph(edges)
    directed = nx.DiGraph(edges)
    as_set = lambda groups: sorted(sorted(g) for g in groups)  # noqa: E731
    assert as_set(connected_components(edges)) == as_set(nx.connected_components(undirected))
    assert as_set(strongly_connected_components(edges)) == as_set(
        nx.strongly_connected_components(directed)
    )
    loops = [(a, b) for a, b in edges if a != b]
    assert articulation_points(loops) == set(nx.articulation_points(nx.Graph(loops)))


def test_a_long_chain_and_a_long_cycle() -> None:
    chain = [(i, i + 1) for i in range(10_000)]
    assert articulation_points(chain) == set(range(1, 10_000))
    assert [len(c) for c in connected_components(chain)] == [10_001]
    cycle = [*chain, (10_000, 0)]
    assert [len(c) for c in strongly_connected_components(cycle)] == [10_001]
    assert not articulation_points(cycle)

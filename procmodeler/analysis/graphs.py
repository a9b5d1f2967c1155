"""The three graph algorithms the checks need, on edge lists of ids, in plain Python:
connected components, strongly connected components (Tarjan) and articulation points
(Hopcroft-Tarjan), all without recursion so that a 10,000-process chain cannot overflow
the stack. Plain Python instead of networkx: importing networkx alone took longer than
all the checks of a 10,000-process model."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from typing import TypeVar

N = TypeVar("N", bound=Hashable)


def connected_components(edges: Iterable[tuple[N, N]]) -> list[set[N]]:
    """The components of the undirected graph of EDGES (nodes without an edge are left
    out)."""
    parent: dict[N, N] = {}

    def root(x: N) -> N:
        top = x
        while parent[top] != top:
            top = parent[top]
        while parent[x] != top:  # path compression
            parent[x], x = top, parent[x]
        return top

    for a, b in edges:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[ra] = rb
    groups: dict[N, set[N]] = {}
    for node in parent:
        groups.setdefault(root(node), set()).add(node)
    return list(groups.values())


def _adjacency(edges: Iterable[tuple[N, N]], directed: bool) -> dict[N, list[N]]:
    adj: dict[N, list[N]] = {}
    for a, b in edges:
        adj.setdefault(a, []).append(b)
        if directed:
            adj.setdefault(b, [])
        else:
            adj.setdefault(b, []).append(a)
    return adj


def strongly_connected_components(edges: Iterable[tuple[N, N]]) -> Iterator[set[N]]:
    """The strongly connected components of the directed graph of EDGES (every node that
    has an edge is in exactly one; a node alone is a component of one)."""
    succ = _adjacency(edges, directed=True)
    index: dict[N, int] = {}
    low: dict[N, int] = {}
    on_stack: set[N] = set()
    stack: list[N] = []
    for start in succ:
        if start in index:
            continue
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        work = [(start, iter(succ[start]))]
        while work:
            node, it = work[-1]
            for nxt in it:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(succ[nxt])))
                    break
                if nxt in on_stack and index[nxt] < low[node]:
                    low[node] = index[nxt]
            else:
                work.pop()
                if work and low[node] < low[work[-1][0]]:
                    low[work[-1][0]] = low[node]
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    yield group


def articulation_points(edges: Iterable[tuple[N, N]]) -> set[N]:
    """The nodes whose removal splits a component of the undirected graph of EDGES."""
    adj = _adjacency(edges, directed=False)
    depth: dict[N, int] = {}
    low: dict[N, int] = {}
    cut: set[N] = set()
    for root in adj:
        if root in depth:
            continue
        depth[root] = low[root] = 0
        root_children = 0
        work = [(root, iter(adj[root]))]
        while work:
            node, it = work[-1]
            for nxt in it:
                if nxt in depth:
                    if depth[nxt] < low[node]:
                        low[node] = depth[nxt]  # a back edge (or the tree edge up: harmless)
                    continue
                depth[nxt] = low[nxt] = depth[node] + 1
                work.append((nxt, iter(adj[nxt])))
                break
            else:
                work.pop()
                if not work:
                    continue
                up = work[-1][0]
                if low[node] < low[up]:
                    low[up] = low[node]
                if up == root:
                    root_children += 1
                elif low[node] >= depth[up]:
                    cut.add(up)
        if root_children > 1:
            cut.add(root)
    return cut

"""Disruption: remove actors one at a time and watch the network come apart.

:func:`disruption` takes the chart's undirected reading (by default its positive ties
of the default layers), removes one node per step — the one a strategy picks — and
records after each step how fragmented what is left is. The network is the nodes with at
least one tie on the reading: a node the reading leaves without ties (a place, when the
reading is the actors' ties) is not part of what is disrupted.

``fragmentation``
    Borgatti's F: the share of pairs of remaining nodes that can no longer reach each
    other, :math:`F = 1 - \\sum_k s_k (s_k - 1) / (n (n - 1))` over the components of
    sizes :math:`s_k` of the :math:`n` remaining nodes.
``largest``
    The largest component's size as a share of the network's nodes (removed ones included).
``efficiency``
    Global efficiency (Latora & Marchiori 2001): the mean of :math:`1/d(u, v)` over
    ordered pairs of remaining nodes (0 for a pair that cannot reach each other).

Strategies: ``"betweenness"`` and ``"degree"`` remove the highest-scoring node,
``"key_players"`` the node whose removal fragments the rest most (Borgatti's KPP-Neg
with k = 1), each recomputed on what is left after every removal unless
``recompute=False`` (then the order of the whole chart is kept); ``"random"`` removes
nodes in random order, averaged over ``runs`` seeded runs with a 5-95 % band.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, get_args

import numpy as np
import numpy.typing as npt

from ..errors import LinkchartError
from ..executor import Runner
from ._blocks import run_blocks
from ._measure import vocabulary
from .projection import project
from .reading import read_relations
from .types import Layers, Relations, Seed, SignReading

if TYPE_CHECKING:
    import igraph

    from ..model import LinkChart

__all__ = ["STRATEGIES", "Disruption", "Strategy", "disruption"]

Strategy = Literal["betweenness", "degree", "key_players", "random"]
STRATEGIES: tuple[str, ...] = get_args(Strategy)

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Disruption:
    """The curves of one strategy: the state after 0, 1, ..., ``steps`` removals.

    Attributes
    ----------
    strategy
        The strategy.
    removed
        The nodes removed, in order (none for ``"random"``: each run removes others).
    fragmentation, largest, efficiency
        One value per step, the intact chart first (for ``"random"``: the mean over runs).
    bands
        For ``"random"``: measure name -> (5 %, 95 %) arrays over the runs; else empty.
    parameters
        What it ran with.
    """

    strategy: str
    removed: tuple[str, ...]
    fragmentation: FloatArray
    largest: FloatArray
    efficiency: FloatArray
    bands: dict[str, tuple[FloatArray, FloatArray]] = field(default_factory=dict)
    parameters: dict[str, Any] = field(default_factory=dict)

    def table(self) -> list[dict[str, Any]]:
        """One row per step: step, the node removed then, and the three measures."""
        return [
            {
                "step": k,
                "removed": self.removed[k - 1] if 0 < k <= len(self.removed) else None,
                "fragmentation": float(self.fragmentation[k]),
                "largest": float(self.largest[k]),
                "efficiency": float(self.efficiency[k]),
            }
            for k in range(len(self.fragmentation))
        ]

    def text(self) -> str:
        """The table as aligned text."""
        head = f"{self.strategy}: remove one node per step" + (
            f" (mean of {self.parameters.get('runs')} runs)" if self.strategy == "random" else ""
        )
        lines = [
            head,
            f"  {'step':>4}  {'removed':<34} {'fragmentation':>13} {'largest':>8} {'efficiency':>10}",
        ]
        for row in self.table():
            name = row["removed"] or ("(intact)" if row["step"] == 0 else "(random)")
            lines.append(
                f"  {row['step']:>4}  {name[:34]:<34} {row['fragmentation']:>13.3f} "
                f"{row['largest']:>8.3f} {row['efficiency']:>10.3f}"
            )
        return "\n".join(lines) + "\n"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "strategy": self.strategy,
            "parameters": dict(self.parameters),
            "steps": self.table(),
            "bands": {k: [lo.tolist(), hi.tolist()] for k, (lo, hi) in self.bands.items()},
        }


def _state(g: igraph.Graph, alive: npt.NDArray[np.bool_], n_all: int) -> tuple[float, float, float]:
    keep = np.flatnonzero(alive).tolist()
    n = len(keep)
    if n < 2:
        return (1.0 if n else 0.0, n / n_all if n_all else 0.0, 0.0)
    sub = g.induced_subgraph(keep)
    sizes = np.array(sub.connected_components().sizes(), dtype=np.float64)
    reach = float(np.sum(sizes * (sizes - 1)))
    frag = 1.0 - reach / (n * (n - 1))
    d = np.asarray(sub.distances(), dtype=np.float64)
    with np.errstate(divide="ignore"):
        inv = np.where(np.isfinite(d) & (d > 0), 1.0 / d, 0.0)
    return (frag, float(sizes.max()) / n_all, float(inv.sum()) / (n * (n - 1)))


def _pick(g: igraph.Graph, alive: npt.NDArray[np.bool_], strategy: str) -> int:
    """The alive node the strategy removes next (ties: the first in chart order)."""
    keep = np.flatnonzero(alive)
    sub = g.induced_subgraph(keep.tolist())
    if strategy == "betweenness":
        score = np.asarray(sub.betweenness(directed=False), dtype=np.float64)
    elif strategy == "degree":
        score = np.asarray(sub.degree(), dtype=np.float64)
    else:  # key_players, k = 1: the node whose removal leaves the most pairs unreachable
        score = np.empty(len(keep))
        for j in range(len(keep)):
            rest = sub.induced_subgraph([i for i in range(len(keep)) if i != j])
            sizes = np.array(rest.connected_components().sizes(), dtype=np.float64)
            score[j] = -float(np.sum(sizes * (sizes - 1)))
    return int(keep[int(np.argmax(score))])


def _curves(
    g: igraph.Graph, order: Sequence[int] | None, strategy: str, steps: int, n: int
) -> tuple[list[int], FloatArray]:
    alive = np.ones(n, dtype=bool)
    rows = [_state(g, alive, n)]
    removed: list[int] = []
    for step in range(steps):
        v = order[step] if order is not None else _pick(g, alive, strategy)
        alive[v] = False
        removed.append(v)
        rows.append(_state(g, alive, n))
    return removed, np.array(rows, dtype=np.float64)


def _run(shared: tuple[igraph.Graph, int, int], order: list[int]) -> FloatArray:
    """The curves of one random run that removes the nodes of ``order`` in turn."""
    g, steps, n = shared
    return _curves(g, order, "random", steps, n)[1]


@vocabulary()
def disruption(
    chart: LinkChart,
    *,
    strategy: Strategy = "betweenness",
    steps: int = 10,
    recompute: bool = True,
    seed: Seed = 0,
    runs: int = 50,
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    workers: int | None = None,
    executor: Runner = None,
) -> Disruption:
    r"""Remove nodes one at a time by ``strategy`` and record how the network fragments.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    strategy
        ``"betweenness"`` (default), ``"degree"``, ``"key_players"`` or ``"random"``
        (see the module notes).
    steps
        How many nodes to remove (default 10; at most the number of nodes).
    recompute
        Pick each node on what is left (default); ``False`` keeps the order of the
        whole chart (the classic "initial attack").
    seed
        Seeds the random strategy and the key players' search. %(seed)s
    runs
        Random runs averaged (default 50).
    relations, layers, signs
        The reading (:mod:`~linkchart.analysis.reading`); ties are read as undirected.
    workers, executor
        Who runs the random runs: ``workers`` processes (``None``, default: every core, up
        to 8, when runs times nodes times ties exceed 10**8, else 1), or a
        ``concurrent.futures.Executor`` of the caller's. The orders are drawn here, one
        after the other, so the curves are the same for any of them.

    Returns
    -------
    Disruption

    Raises
    ------
    UnknownNameError
        For an unknown strategy, relation or layer.
    LinkchartError
        For ``steps`` or ``runs`` below 1.

    Notes
    -----
    *Complexity.* Each step costs an all-pairs shortest-path search on what is left
    (efficiency), :math:`O(n m)`; ``"key_players"`` with recompute tries every node,
    :math:`O(n (n + m))` per step.

    References
    ----------
    .. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social network.
       *Computational and Mathematical Organization Theory* 12(1), 21-34.
       https://doi.org/10.1007/s10588-006-7084-x
    .. [2] Latora, V., & Marchiori, M. (2001). Efficient behavior of small-world networks.
       *Physical Review Letters* 87(19), 198701. https://doi.org/10.1103/PhysRevLett.87.198701

    Examples
    --------
    >>> import linkchart
    >>> star = linkchart.from_records([{"id": x, "type": "person"} for x in "habc"],
    ...     [{"from": "h", "relation": "knows", "to": x} for x in "abc"])
    >>> d = disruption(star, steps=1)
    >>> d.removed, d.fragmentation.tolist()   # the hub first: nobody reaches anybody after
    (('h',), [0.0, 1.0])
    >>> d.parameters["nodes"]
    4
    """
    for name, value in (("steps", steps), ("runs", runs)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise LinkchartError(f"{name} must be a positive integer, not {value!r}", code="bad-argument")
    rels = read_relations(chart, relations, layers, signs)
    p = project(chart, relations=rels, directed=False)
    touched = np.zeros(chart.number_of_nodes, dtype=bool)
    touched[p.src] = touched[p.dst] = True
    members = np.flatnonzero(touched)
    g = p.to_igraph().induced_subgraph(members.tolist())
    ids = [chart.node_ids[i] for i in members]
    n = len(ids)
    steps = min(steps, n)
    params: dict[str, Any] = {
        "steps": steps,
        "recompute": recompute,
        "relations": rels,
        "seed": seed,
        "nodes": n,
    }
    if strategy == "random":
        rng = np.random.default_rng(seed)
        orders = [rng.permutation(n)[:steps].tolist() for _ in range(runs)]
        curves = run_blocks(
            _run, (g, steps, n), orders, work=(runs * n, g.ecount()), workers=workers, executor=executor
        )
        stack = np.stack(curves)  # runs x (steps + 1) x 3
        mean = stack.mean(axis=0)
        lo, hi = np.quantile(stack, [0.05, 0.95], axis=0)
        bands = {
            key: (lo[:, j], hi[:, j]) for j, key in enumerate(("fragmentation", "largest", "efficiency"))
        }
        return Disruption(
            strategy,
            (),
            mean[:, 0],
            mean[:, 1],
            mean[:, 2],
            bands,
            {**params, "runs": runs},
        )
    order = None
    if not recompute:
        if strategy == "key_players":
            from .key_players import key_players

            found = key_players(chart, steps, relations=rels, directed=False, seed=seed)
            ranked = sorted(zip(found.contributions, found.nodes, strict=True), key=lambda x: -x[0])
            position = {node: j for j, node in enumerate(ids)}
            order = [position[node] for _, node in ranked]
        else:
            score = np.asarray(g.betweenness(directed=False) if strategy == "betweenness" else g.degree())
            order = sorted(range(n), key=lambda v: (-score[v], v))[:steps]
    removed, rows = _curves(g, order, strategy, steps, n)
    return Disruption(
        strategy, tuple(ids[v] for v in removed), rows[:, 0], rows[:, 1], rows[:, 2], {}, params
    )

"""Why is A tied to B: the best chains of evidence between two nodes.

:func:`explain_path` finds the ``k`` best simple paths between two nodes and lays each
out as a chain of quoted ties. "Best" is either the most probable chain — the one whose
ties are jointly most likely, maximising the product of the ties' confidence
probabilities, i.e. the shortest path with the cost ``-log p`` per tie — or the one of
fewest ties (most probable among those). Between two nodes joined by several edges, a
step uses the most certain one (then the first in the file).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, get_args

import numpy as np

from ..errors import LinkchartError
from ._measure import vocabulary
from .reading import Reading, reading
from .types import Layers, Relations, SignReading

if TYPE_CHECKING:
    from ..model import LinkChart

__all__ = ["BY", "MAX_SEARCHED", "By", "EvidencePath", "PathExplanation", "Step", "explain_path"]

By = Literal["confidence", "hops"]
BY: tuple[str, ...] = get_args(By)


@dataclass(frozen=True, slots=True)
class Step:
    """One tie of a path: the edge, which way it points, and its evidence.

    ``forward`` is ``True`` when the edge runs from the step's start to its end (or is
    undirected), ``False`` when the path walks it against its direction.
    """

    start: str
    end: str
    edge: str
    relation: str
    forward: bool
    directed: bool
    confidence: str
    probability: float
    evidence: str
    source: str | None

    def arrow(self) -> str:
        """``--relation-->``, ``<--relation--`` or ``--relation--`` (undirected)."""
        if not self.directed:
            return f"--{self.relation}--"
        return f"--{self.relation}-->" if self.forward else f"<--{self.relation}--"


@dataclass(frozen=True, slots=True)
class EvidencePath:
    """A chain of ties from one node to another, with its joint probability."""

    steps: tuple[Step, ...]

    @property
    def nodes(self) -> tuple[str, ...]:
        """The nodes along the path, first to last."""
        return (self.steps[0].start, *(s.end for s in self.steps)) if self.steps else ()

    @property
    def probability(self) -> float:
        """The product of the ties' probabilities: how likely every tie of the chain holds."""
        return math.prod(s.probability for s in self.steps)

    @property
    def hops(self) -> int:
        """How many ties the path has."""
        return len(self.steps)


@dataclass(frozen=True, slots=True)
class PathExplanation:
    """The best paths between two nodes (see :func:`explain_path`).

    ``reading`` says which ties the paths could use and which were left out (one
    sentence, as the report's); :meth:`text` opens with it.
    """

    chart: LinkChart
    a: str
    b: str
    paths: tuple[EvidencePath, ...]
    parameters: dict[str, Any]
    reading: str = ""
    hint: str = ""

    def text(self) -> str:
        """The paths as readable evidence chains."""
        label = self.chart.nodes.labels
        name = {n: str(label[self.chart.index_of(n)]) for p in self.paths for n in p.nodes}
        head = f"{self.a} to {self.b}: "
        read = [f"Reading: {self.reading}."] if self.reading else []
        if not self.paths:
            return (
                "\n".join(
                    [head + "no path on the ties read" + (f" ({self.hint})" if self.hint else ""), *read]
                )
                + "\n"
            )
        by = self.parameters["by"]
        out = [head + f"{len(self.paths)} best path{'s' if len(self.paths) != 1 else ''} by {by}", *read]
        for i, path in enumerate(self.paths, start=1):
            out.append(
                f"{i}. {' > '.join(path.nodes)}  ({path.hops} ties, joint probability {path.probability:.3g})"
            )
            for s in path.steps:
                start = s.start if name[s.start] == s.start else f"{s.start} ({name[s.start]})"
                out.append(f"   {start} {s.arrow()} {s.end}   [{s.edge}, {s.confidence} {s.probability:g}]")
                if s.evidence:
                    out.append(f'      "{s.evidence}"' + (f" ({s.source})" if s.source else ""))
                else:
                    out.append(f"      (no quote; source: {s.source or 'none'})")
        return "\n".join(out) + "\n"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "from": self.a,
            "to": self.b,
            "parameters": dict(self.parameters),
            "reading": self.reading,
            "paths": [
                {
                    "nodes": list(p.nodes),
                    "probability": p.probability,
                    "hops": p.hops,
                    "steps": [
                        {
                            "from": s.start,
                            "to": s.end,
                            "edge": s.edge,
                            "relation": s.relation,
                            "forward": s.forward,
                            "directed": s.directed,
                            "confidence": s.confidence,
                            "probability": s.probability,
                            "evidence": s.evidence,
                            "source": s.source,
                        }
                        for s in p.steps
                    ],
                }
                for p in self.paths
            ],
        }


Ways = dict[tuple[tuple[int, int], int], tuple[int, bool]]
"""Per (pair a step can take, claim), the best edge row and whether the step walks it forward."""

MAX_SEARCHED = 1_000
"""The most simple paths :func:`explain_path` reads, best first, to find ``k`` that use at
most one alternative of each either-or claim."""


def _best_edges(chart: LinkChart, rows: Iterable[int], directed: bool) -> Ways:
    """For each pair a step can take (ordered if ``directed``), the best edge row and whether
    the step walks it forward: the best plain edge, and the best alternative of each either-or
    claim among the pair's edges (claim ``-1`` is a plain tie), so that a path kept from using
    two alternatives of one claim can still take the pair's other edges."""
    e = chart.edges
    rel_directed = [r.directed for r in chart.vocabulary.relations]
    best: Ways = {}
    alternatives = chart.alternatives()
    p = e.probability * alternatives.share  # an alternative holds with its claim's p / size
    for k in rows:
        a, b = int(e.src[k]), int(e.dst[k])
        if a == b:
            continue
        ways = [((a, b), True)]
        if not directed or not rel_directed[int(e.relation[k])]:
            ways.append(((b, a), False))
        claim = int(alternatives.group[k])
        for key, forward in ways:
            if not directed:
                key = (min(key), max(key))
                forward = (a, b) == (key[0], key[1])
            old = best.get((key, claim))
            if old is None or p[k] > p[old[0]]:
                best[(key, claim)] = (k, forward)
    return best


def _search(
    chart: LinkChart, ways: Ways, start: int, end: int, *, k: int, by: By, directed: bool
) -> list[list[int]]:
    """The ``k`` best paths from ``start`` to ``end``, each as its edge rows: the best simple
    paths (Yen) that use at most one alternative of each either-or claim and differ in
    their nodes. Without claims this is one search for ``k`` paths."""
    import igraph as ig

    keys = list(ways)
    p = chart.edges.probability * chart.alternatives().share
    cost = [-math.log(max(float(p[ways[key][0]]), 1e-300)) for key in keys]
    if by == "hops":
        cost = [1.0 + 1e-6 * c for c in cost]
    g = ig.Graph(n=chart.number_of_nodes, edges=[pair for pair, _ in keys], directed=directed)
    claimed = any(claim >= 0 for _, claim in keys)
    asked = k
    while True:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # "couldn't reach": no path is an answer
            found = g.get_k_shortest_paths(
                start, end, k=asked, weights=cost, mode="out" if directed else "all", output="epath"
            )
        out: list[list[int]] = []
        seen: set[tuple[int, ...]] = set()
        for epath in found:
            if not epath:
                continue
            claims = [keys[i][1] for i in epath if keys[i][1] >= 0]
            nodes = tuple(v for i in epath for v in keys[i][0])
            if len(claims) > len(set(claims)) or nodes in seen:
                continue  # two alternatives of one claim, or the same nodes as a better path
            seen.add(nodes)
            out.append(list(epath))
        if not claimed or len(out) >= k or len(found) < asked or asked >= MAX_SEARCHED:
            return out[:k]
        asked = min(asked * 4, MAX_SEARCHED)


@vocabulary(nouns={"by": "path criterion"})
def explain_path(
    chart: LinkChart,
    a: str,
    b: str,
    *,
    k: int = 3,
    by: By = "confidence",
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    directed: bool = False,
) -> PathExplanation:
    r"""The ``k`` best chains of evidence from ``a`` to ``b``.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    a, b
        The two nodes: ids, labels or aliases (:meth:`~linkchart.LinkChart.resolve`).
    k
        How many paths (default 3): the best, then the next best that differ from it.
    by
        ``"confidence"`` (default): the most probable chains, maximising the product of
        the ties' probabilities (shortest paths under the cost :math:`-\log p`);
        ``"hops"``: the chains of fewest ties, the most probable first among equals. An
        alternative of an either-or claim holds with the claim's probability divided by
        the number of its alternatives.
    relations, layers, signs
        The reading (:mod:`~linkchart.analysis.reading`), as for every measure: by
        default the positive ties of the chart's default layers, so that a chain runs
        through actors that cooperate, not through a province two of them are in or a
        state that fights them. ``layers="all"`` lets a chain pass through places and
        events; ``signs="all"`` through hostile ties.
    directed
        ``False`` (default): a tie can be walked either way (each step says which way
        it points); ``True``: only along directed ties' arrows.

    Returns
    -------
    PathExplanation
        With ``.paths`` (each with its steps, nodes, joint ``probability`` and
        ``hops``), ``.reading`` (what was read, in words), ``.text()`` and
        ``.to_dict()``. No path on the reading gives none, with a hint of what
        reading more would add.

    Raises
    ------
    UnknownNameError
        For a node no id, label or alias names (with a did-you-mean hint), or an unknown
        ``by``, relation or layer.
    LinkchartError
        For ``k`` below 1, or ``a`` equal to ``b``.

    Notes
    -----
    Yen's k shortest simple paths (igraph's ``get_k_shortest_paths``) on the graph of
    the best edge per pair. *Either-or claims.* At most one alternative of a claim holds,
    so a chain uses at most one: a pair joined by alternatives keeps, besides its best
    edge, the best edge of each other claim and its best plain tie, and the search reads
    the best simple paths in order (up to :data:`MAX_SEARCHED`) until ``k`` of them use no
    claim twice; paths through the same nodes count once. *Complexity.*
    :math:`O(k n (m + n \log n))` without claims.

    References
    ----------
    .. [1] Yen, J. Y. (1971). Finding the k shortest loopless paths in a network.
       *Management Science* 17(11), 712-716. https://doi.org/10.1287/mnsc.17.11.712

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records([{"id": x, "type": "organisation"} for x in "abc"],
    ...     [{"from": "a", "relation": "funds", "to": "b", "confidence": "reported"},
    ...      {"from": "c", "relation": "arms", "to": "b", "confidence": "alleged"}])
    >>> p = explain_path(c, "a", "c").paths[0]
    >>> [s.arrow() for s in p.steps], p.probability
    (['--funds-->', '<--arms--'], 0.375)
    """
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise LinkchartError(f"k must be a positive integer, not {k!r}", code="bad-argument")
    start, end = chart.resolve(a), chart.resolve(b)
    if start == end:
        raise LinkchartError(f"{a!r} and {b!r} are the same node", code="bad-argument")
    read = reading(chart, relations=relations, layers=layers, signs=signs)
    rels = None if read.everything else list(read.relations)
    names = chart.vocabulary.relation_names
    codes = [names.index(r) for r in read.relations]
    rows = np.flatnonzero(np.isin(chart.edges.relation, codes)).tolist()
    ways = _best_edges(chart, rows, directed)
    keys = list(ways)
    first = chart.index_of(start)
    found = _search(chart, ways, first, chart.index_of(end), k=k, by=by, directed=directed)
    p = chart.edges.probability * chart.alternatives().share
    ids = chart.node_ids
    e = chart.edges
    vocab = chart.vocabulary
    sources = chart.sources
    out = []
    for epath in found:
        steps = []
        u = first
        for i in epath:
            pair, _ = keys[i]
            v = pair[1] if pair[0] == u else pair[0]
            row, forward = ways[keys[i]]
            if not directed:
                forward = int(e.src[row]) == u
            relation = vocab.relations[int(e.relation[row])]
            src = int(e.source[row])
            steps.append(
                Step(
                    ids[u],
                    ids[v],
                    e.id_of(row),
                    relation.name,
                    forward,
                    relation.directed,
                    vocab.confidence.levels[int(e.confidence[row])],
                    float(p[row]),
                    str(e.evidence[row]),
                    sources[src].id if src >= 0 else None,
                )
            )
            u = v
        out.append(EvidencePath(tuple(steps)))
    return PathExplanation(
        chart,
        start,
        end,
        tuple(out),
        {"k": k, "by": by, "relations": rels, "layers": list(read.layers), "signs": read.signs,
         "directed": directed},
        read.describe(),
        "" if out else _hint(read),
    )  # fmt: skip


def _hint(read: Reading) -> str:
    """What reading more would let a chain use, in words (for a search that found none)."""
    out = []
    layers = sorted({r.removeprefix("layer ") for r in read.left_out if r.startswith("layer ")})
    if layers:
        out.append(f"--layers all would pass through {', '.join(layers)} ties")
    if "hostile" in read.left_out:
        out.append("--signs all through hostile ties")
    return "; ".join(out)

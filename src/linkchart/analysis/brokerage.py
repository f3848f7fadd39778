r"""Gould-Fernandez brokerage: who mediates between which groups, and how often.

A *brokerage relation* is an ordered path :math:`a \to b \to c` with :math:`a \ne c` and
**no** tie :math:`a \to c`: the broker :math:`b` stands between two actors who have no
direct tie. Given a partition of the nodes into groups (by default the node type), each
such path is one count for :math:`b` in one of five roles (Gould & Fernandez 1989):

=================  ==================================  =========================
role               groups of :math:`(a, b, c)`         sna / UCINET column
=================  ==================================  =========================
``coordinator``    all three in one group              :math:`w_I`
``itinerant``      :math:`a, c` in one group, b apart  :math:`w_O`
``representative`` :math:`a, b` in one group, c apart  :math:`b_{IO}`
``gatekeeper``     :math:`b, c` in one group, a apart  :math:`b_{OI}`
``liaison``        all three in different groups       :math:`b_O`
=================  ==================================  =========================

:func:`brokerage` gives, in one :class:`BrokerageResult`, the counts and the expected
counts, standard deviations and z-scores under the paper's null model.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from math import comb
from types import MappingProxyType
from typing import Literal, TypeVar

import numpy as np
import numpy.typing as npt

from ..errors import UnknownNameError
from ..model import LinkChart
from ..model.convert import by_id
from ._common import NodeMapping
from ._measure import measure
from .reading import read_relations
from .roles import ROLES as ROLES  # the report and the root read them here too
from .roles import Partition, count_roles
from .types import Engine, Layers, Relations, SignReading

__all__ = ["DOMINANT_GROUP", "MIN_EXPECTED", "BrokerageResult", "brokerage"]

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
T = TypeVar("T", int, float)

MIN_EXPECTED = 1.0
"""Below this expected count a role's z-score is flagged (:meth:`BrokerageResult.flag`): a
count expected less than once is nearly Poisson, far from normal, and one path more than
expected gives a z in the tens."""

DOMINANT_GROUP = 0.9
"""A partition whose largest group holds at least this share of the nodes is flagged
(:attr:`BrokerageResult.partition_note`): every role but coordinator is then rare by
construction, and its z-scores large."""


# ---------------------------------------------------------------------------- null model
STATISTICS: tuple[str, ...] = (*ROLES, "total")


def _moments(sizes: FloatArray, d: float) -> tuple[FloatArray, FloatArray]:
    """Expected counts and variances (groups x 6: the five roles and the total) for a broker in each group.

    Gould & Fernandez (1989): every ordered pair is an arc independently with
    probability ``d``, group sizes fixed. A path a->b->c open at a->c has probability
    ``p = d^2 (1-d)``. Two indicators of the same broker share an arc only when they
    share ``a`` (the arc a->b) or ``c`` (the arc b->c); each such ordered pair adds the
    covariance ``d^3 (1-d)^2 - d^4 (1-d)^2 = d^3 (1-d)^3``.
    """
    total = float(sizes.sum())
    p = d * d * (1.0 - d)
    cov = d**3 * (1.0 - d) ** 3
    k = len(sizes)
    mean = np.zeros((k, len(STATISTICS)))
    var = np.zeros((k, len(STATISTICS)))
    for i in range(k):
        ni = float(sizes[i])
        others = np.delete(sizes, i)
        inside = ni - 1.0  # the broker's own group, without the broker
        outside = total - ni
        # number of (a, c) pairs for each role, and ordered pairs of them sharing a or c
        pairs = [
            inside * (inside - 1.0),
            float(np.sum(others * (others - 1.0))),
            inside * outside,
            inside * outside,
            float(others.sum() ** 2 - np.sum(others**2)),
            (total - 1.0) * (total - 2.0),
        ]
        shared = [
            2.0 * inside * (inside - 1.0) * (inside - 2.0),
            2.0 * float(np.sum(others * (others - 1.0) * (others - 2.0))),
            2.0 * (inside * comb(int(outside), 2) + outside * comb(int(inside), 2)),
            2.0 * (inside * comb(int(outside), 2) + outside * comb(int(inside), 2)),
            4.0 * float(sum(nj * comb(int(total - nj - ni), 2) for nj in others)),
            2.0 * (total - 1.0) * (total - 2.0) * (total - 3.0),
        ]
        for r in range(len(STATISTICS)):
            mean[i, r] = p * pairs[r]
            var[i, r] = mean[i, r] * (1.0 - p) + shared[r] * cov
    return mean, var


class BrokerageResult(NodeMapping[Mapping[str, int]]):
    """Brokerage counts with their expected values and z-scores under the null model.

    As a mapping, node id -> {role -> count} for the five roles of :data:`ROLES`
    (zeros included). The tables below are keyed by node id, then by statistic: the
    five roles and ``"total"`` (their sum). Immutable.

    Attributes
    ----------
    chart
        The chart the counts were made on.
    counts
        Observed counts.
    expected
        Expected counts under the null model, for a broker of the node's group.
    sd
        Standard deviations under the null model.
    z
        ``(count - expected) / sd``; NaN where ``sd`` is 0 (then the role is impossible
        under the model: a group too small, or a density of 0 or 1).
    groups
        Node id -> its group.
    density
        The arc density ``m / (N (N - 1))`` the null model uses.
    parameters
        The arguments it ran with.
    partition_note
        ``""``, or why the partition makes every z-score doubtful: one group holds
        :data:`DOMINANT_GROUP` or more of the nodes.

    Notes
    -----
    A z-score is only a yardstick where the null model expects the role a few times:
    :meth:`flag` says, for one node and role, when the expected count is below
    :data:`MIN_EXPECTED` (then a count of 2 against 0.04 reads as z = 10 and more).
    """

    __slots__ = ("counts", "density", "expected", "groups", "parameters", "partition_note", "sd", "z")

    counts: Mapping[str, Mapping[str, int]]
    expected: Mapping[str, Mapping[str, float]]
    sd: Mapping[str, Mapping[str, float]]
    z: Mapping[str, Mapping[str, float]]
    groups: Mapping[str, Hashable]
    density: float
    parameters: Mapping[str, object]
    partition_note: str

    def __init__(
        self,
        chart: LinkChart,
        *,
        counts: Mapping[str, Mapping[str, int]],
        expected: Mapping[str, Mapping[str, float]],
        sd: Mapping[str, Mapping[str, float]],
        z: Mapping[str, Mapping[str, float]],
        groups: Mapping[str, Hashable],
        density: float,
        parameters: Mapping[str, object],
    ) -> None:
        roles = {n: MappingProxyType({r: row[r] for r in ROLES}) for n, row in counts.items()}
        for name, value in (
            ("chart", chart),
            ("_data", MappingProxyType(roles)),
            ("counts", counts),
            ("expected", expected),
            ("sd", sd),
            ("z", z),
            ("groups", groups),
            ("density", density),
            ("parameters", MappingProxyType(dict(parameters))),
            ("partition_note", _partition_note(groups)),
        ):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"BrokerageResult is immutable; cannot set {name!r}")

    def __repr__(self) -> str:
        return f"<BrokerageResult of {len(self)} nodes, density {self.density:.4g}>"

    def flag(self, node_id: str, role: str) -> str:
        """``""`` when the z-score of ``role`` for ``node_id`` can be read, else why not.

        Examples
        --------
        >>> import linkchart
        >>> c = linkchart.from_records([{"id": x, "type": "state"} for x in "abc"],
        ...     [{"from": "a", "relation": "r", "to": "b"}, {"from": "b", "relation": "r", "to": "c"}])
        >>> brokerage(c).flag("b", "coordinator")
        'expected 0.15 times (below 1): the z-score is not a normal one; read the count'
        """
        if role not in STATISTICS:
            raise UnknownNameError("brokerage role", role, STATISTICS)
        expected = float(self.expected[node_id][role])
        if expected < MIN_EXPECTED:
            return f"expected {expected:.2g} times (below 1): the z-score is not a normal one; read the count"
        return ""

    def role(
        self, role: str, statistic: Literal["count", "expected", "sd", "z"] = "count"
    ) -> dict[str, float]:
        """One column: node id -> the ``statistic`` of ``role`` (a role name or ``"total"``).

        Examples
        --------
        >>> import linkchart
        >>> c = linkchart.from_records([{"id": "a", "type": "state"}, {"id": "b", "type": "state"},
        ...     {"id": "c", "type": "state"}], [{"from": "a", "relation": "r", "to": "b"},
        ...     {"from": "b", "relation": "r", "to": "c"}])
        >>> brokerage(c).role("coordinator")
        {'a': 0, 'b': 1, 'c': 0}
        """
        if role not in STATISTICS:
            raise UnknownNameError("brokerage role", role, STATISTICS)
        tables = {"count": self.counts, "expected": self.expected, "sd": self.sd, "z": self.z}
        if statistic not in tables:
            raise UnknownNameError("brokerage statistic", statistic, tables)
        return {n: row[role] for n, row in tables[statistic].items()}


def _partition_note(groups: Mapping[str, Hashable]) -> str:
    """Why the partition makes z-scores doubtful (one group holds nearly every node), or ``""``."""
    n = len(groups)
    if n < 3:
        return ""
    sizes: dict[Hashable, int] = {}
    for g in groups.values():
        sizes[g] = sizes.get(g, 0) + 1
    largest, size = max(sizes.items(), key=lambda kv: kv[1])
    if size < DOMINANT_GROUP * n:
        return ""
    return (
        f"one group ({largest}) holds {size} of {n} nodes ({size / n:.0%}): brokerage across groups is "
        "rare by construction and its z-scores large; group the nodes otherwise (partition=)"
    )


def _table(chart: LinkChart, values: npt.NDArray[np.generic]) -> Mapping[str, Mapping[str, T]]:
    """A read-only node id -> {statistic -> value} table from an (n x 6) array."""
    rows: list[dict[str, T]] = [dict(zip(STATISTICS, r, strict=True)) for r in values.tolist()]
    return MappingProxyType({n: MappingProxyType(r) for n, r in by_id(chart, rows).items()})


@measure(
    returns="structure",
    higher_is_more=True,
    meaning="Gould-Fernandez brokerage roles per node type, with z-scores",
    cost="local",
    weight="topological",
    in_report=True,
)
def brokerage(
    chart: LinkChart,
    *,
    partition: Partition = "type",
    engine: Engine = "igraph",
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    weight: None = None,
    directed: bool | None = None,
) -> BrokerageResult:
    r"""Gould-Fernandez brokerage: counts per role, expected counts, standard deviations, z-scores.

    For every ordered path :math:`a \to b \to c` with :math:`a \ne c` and no tie
    :math:`a \to c`, the broker :math:`b` scores one in the role fixed by the groups of
    :math:`a`, :math:`b` and :math:`c`: *coordinator* (all three in one group),
    *itinerant* (:math:`a` and :math:`c` in one group, :math:`b` in another),
    *representative* (:math:`a` and :math:`b` in one group, :math:`c` in another),
    *gatekeeper* (:math:`b` and :math:`c` in one group, :math:`a` in another) or
    *liaison* (three different groups).

    The null model keeps the group sizes and
    places each of the :math:`N (N-1)` possible arcs independently with the observed
    density :math:`d = m / (N (N-1))`. A given open path has probability
    :math:`p = d^2 (1-d)`; for a broker in a group of size :math:`n_i`, with
    :math:`n_j` the sizes of the other groups, the numbers of candidate
    :math:`(a, c)` pairs are

    .. math::

        \text{coordinator: } (n_i-1)(n_i-2), \quad
        \text{itinerant: } \sum_{j \ne i} n_j (n_j - 1), \quad
        \text{representative, gatekeeper: } (n_i - 1)(N - n_i),

        \text{liaison: } \sum_{j \ne i} \sum_{k \ne i, j} n_j n_k, \quad
        \text{total: } (N-1)(N-2),

    each expected count is :math:`p` times its number of pairs, and its variance is
    :math:`E (1 - p) + S\, d^3 (1-d)^3` where :math:`S` counts the ordered pairs of
    candidate paths that share their first or last arc (the only dependent ones):
    :math:`2 (n_i-1)(n_i-2)(n_i-3)` for coordinators,
    :math:`2 \sum_{j \ne i} n_j (n_j-1)(n_j-2)` for itinerants,
    :math:`2 [(n_i-1) \binom{N-n_i}{2} + (N-n_i) \binom{n_i-1}{2}]` for representatives
    and gatekeepers, :math:`4 \sum_{j \ne i} n_j \binom{N-n_i-n_j}{2}` for liaisons and
    :math:`2 (N-1)(N-2)(N-3)` in total. These are the paper's moments, as in UCINET and
    R's ``sna::brokerage`` (``exp.nli``, ``sd.nli``, ``z.nli``).

    Parameters
    ----------
    chart
        The chart; it is not changed.
    partition
        The groups: ``"type"`` (default, the node type), the name of a node attribute, or
        a mapping from node id to group. Every node needs a group.
    engine
        ``"igraph"`` (default): a vectorised count over all two-paths with numpy (igraph
        has no brokerage routine; the name selects the fast engine). ``"networkx"``: the
        plain triple loop on a ``networkx.DiGraph``, the reference.
    %(reading)s
    weight
        Only ``None``: brokerage is about whether ties exist.
    directed
        ``None`` or ``True`` (default): ties are arcs, and an undirected relation's tie
        counts in both directions. ``False``: every tie is read as mutual.

    Returns
    -------
    BrokerageResult
        A mapping node id -> {role -> count} (all five roles, zeros included), with the
        tables ``counts``, ``expected``, ``sd`` and ``z``.

    Raises
    ------
    LinkchartError
        For nodes without a group, a bad ``directed`` or a ``weight``;
        :class:`UnknownNameError` for an unknown engine, relation or partition attribute.

    Notes
    -----
    *Weight semantics*: none (ties exist or not). *Multigraph handling*: parallel edges
    (of one or several relations) between the same ordered pair are one arc; self-loops
    are dropped. A tie of an undirected relation, or any tie with ``directed=False``, is
    a pair of arcs: a path :math:`a - b - c` with no :math:`a - c` tie then counts twice
    for :math:`b`, once in each direction, so on symmetric data representative and
    gatekeeper counts are equal in total, as in UCINET and R's ``sna::brokerage``. The
    counts equal ``sna``'s (``w_I, w_O, b_IO, b_OI, b_O``). An empty chart gives an
    empty result; a chart without ties gives zeros. :math:`m` counts arcs after
    parallel edges are merged, an undirected tie being two arcs. :math:`N` counts every
    node of the chart, isolated ones included. z-scores are NaN where the standard
    deviation is 0. The null model assumes independent arcs, which transaction networks
    rarely satisfy: read the z-scores as a yardstick between brokers, not as p-values,
    and not at all where :meth:`BrokerageResult.flag` says the role was expected less than
    once (:data:`MIN_EXPECTED`) or :attr:`BrokerageResult.partition_note` that one group
    holds nearly every node (:data:`DOMINANT_GROUP`).

    References
    ----------
    .. [1] Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal
       approach to brokerage in transaction networks. *Sociological Methodology* 19,
       89-126. https://doi.org/10.2307/270949

    *Complexity*: :math:`O(\sum_b d^-(b)\, d^+(b) \log m)` for in- and out-degrees
    :math:`d^\pm` and :math:`m` arcs.

    Examples
    --------
    A state passes money from a person to an organisation that has no tie to the person:

    >>> import linkchart
    >>> c = linkchart.from_records(
    ...     [{"id": "p", "type": "person"}, {"id": "s", "type": "state"},
    ...      {"id": "o", "type": "organisation"}],
    ...     [{"from": "p", "relation": "pays", "to": "s"},
    ...      {"from": "s", "relation": "pays", "to": "o"}],
    ... )
    >>> dict(brokerage(c)["s"])
    {'coordinator': 0, 'itinerant': 0, 'representative': 0, 'gatekeeper': 0, 'liaison': 1}
    >>> brokerage(c, partition={"p": "x", "s": "y", "o": "x"})["s"]["itinerant"]
    1

    A directed path a -> b -> c in one group: two of the six possible arcs, d = 1/3.

    >>> c = linkchart.from_records(
    ...     [{"id": x, "type": "state"} for x in "abc"],
    ...     [{"from": "a", "relation": "r", "to": "b"}, {"from": "b", "relation": "r", "to": "c"}],
    ... )
    >>> r = brokerage(c)
    >>> b = "coordinator"
    >>> r.counts["b"][b], round(r.expected["b"][b], 4), round(r.z["b"][b], 3)
    (1, 0.1481, 2.3)
    """
    rels = read_relations(chart, relations, layers, signs)
    counts, group, groups, m = count_roles(chart, partition, engine, rels, directed)
    n = chart.number_of_nodes
    d = m / (n * (n - 1)) if n > 1 else 0.0
    sizes = np.bincount(group).astype(np.float64)
    mean_g, var_g = _moments(sizes, d)
    full = np.column_stack([counts, counts.sum(axis=1)])
    mean = mean_g[group].reshape(n, len(STATISTICS))
    sd = np.sqrt(var_g[group]).reshape(n, len(STATISTICS))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(sd > 0, (full - mean) / np.where(sd > 0, sd, 1.0), np.nan)
    return BrokerageResult(
        chart,
        counts=_table(chart, full),
        expected=_table(chart, mean),
        sd=_table(chart, sd),
        z=_table(chart, z),
        groups=MappingProxyType(groups),
        density=float(d),
        parameters={
            "partition": partition if isinstance(partition, str) else "mapping",
            "engine": engine,
            "relations": rels,
            "directed": directed,
        },
    )

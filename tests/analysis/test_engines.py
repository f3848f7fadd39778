"""The igraph and networkx engines agree: on random typed multigraphs and on the Central Asia graph.

The random charts have parallel edges (same pair, same or different relation), self-loops,
isolated nodes and a mix of directed and undirected relations, so that the projection's
choices (which ties count, both directions for undirected relations, how parallel edges
combine) are exercised on both engines alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import igraph as ig
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import linkchart
from linkchart import LinkChart
from linkchart.analysis import bridging_coefficient, project

ROOT = Path(__file__).resolve().parents[2]
RELATIONS = {"finances": True, "borders": False, "supports": True}
TYPES = ["state", "organisation", "region"]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def charts(draw: Any, *, dyadic: bool = False) -> LinkChart:
    """A random typed multigraph; with ``dyadic``, confidences 0.5 / 0.25 (distances 2 / 4)."""
    from conftest import build  # type: ignore[import-not-found]

    n = draw(st.integers(min_value=0, max_value=12))
    nodes = [(f"n{i}", draw(st.sampled_from(TYPES))) for i in range(n)]
    edges: list[tuple[str, str, str, float]] = []
    probs: list[float] = []
    if n:
        node = st.integers(min_value=0, max_value=n - 1)
        for _ in range(draw(st.integers(min_value=0, max_value=3 * n))):
            a, b = draw(node), draw(node)
            rel = draw(st.sampled_from(sorted(RELATIONS)))
            w = draw(st.sampled_from([0.5, 1.0, 2.0, 3.0]))
            p = draw(st.sampled_from([0.5, 0.25] if dyadic else [0.95, 0.75, 0.5, 0.25]))
            for _ in range(draw(st.integers(min_value=1, max_value=3))):  # parallel reports
                edges.append((f"n{a}", rel, f"n{b}", w))
                probs.append(p)
    return build(nodes, edges, RELATIONS, probabilities=probs)  # type: ignore[no-any-return]


def agree(measure: Any, chart: LinkChart, rel: float = 1e-9, **kwargs: Any) -> None:
    a = measure(chart, engine="igraph", **kwargs)
    b = measure(chart, engine="networkx", **kwargs)
    assert list(a) == list(b) == list(chart.node_ids)
    assert a.to_dict() == pytest.approx(b.to_dict(), rel=rel, abs=1e-9), (measure.__name__, kwargs)


@pytest.fixture(scope="module", autouse=True)
def _conftest_on_path() -> Any:
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    yield
    sys.path.remove(str(Path(__file__).parent))


READINGS = [{}, {"directed": False}, {"relations": ["finances", "borders"]}]


@SETTINGS
@given(chart=charts())
def test_degree_and_strength(chart: LinkChart) -> None:
    for reading in READINGS:
        for mode in ("all", "in", "out"):
            agree(linkchart.degree, chart, mode=mode, **reading)
            agree(linkchart.degree, chart, mode=mode, normalized=True, **reading)
            for weight in (None, "weight", "count", "confidence_sum", "confidence_max"):
                agree(linkchart.strength, chart, mode=mode, weight=weight, **reading)


@SETTINGS
@given(chart=charts(dyadic=True))
def test_betweenness(chart: LinkChart) -> None:
    for reading in READINGS:
        for weight in (None, "confidence_max"):
            agree(linkchart.betweenness, chart, weight=weight, **reading)
            agree(linkchart.betweenness, chart, weight=weight, normalized=True, **reading)
        agree(linkchart.bridging_centrality, chart, relations=reading.get("relations"))


@SETTINGS
@given(chart=charts(dyadic=True))
def test_closeness_and_harmonic(chart: LinkChart) -> None:
    for reading in READINGS:
        for mode in ("out", "in"):
            for weight in (None, "confidence_max"):
                agree(linkchart.closeness, chart, mode=mode, weight=weight, **reading)
                agree(linkchart.harmonic, chart, mode=mode, weight=weight, **reading)
                agree(linkchart.harmonic, chart, mode=mode, weight=weight, normalized=True, **reading)


@SETTINGS
@given(chart=charts())
def test_pagerank(chart: LinkChart) -> None:
    for reading in READINGS:
        for weight in (None, "weight", "confidence_sum"):
            agree(linkchart.pagerank, chart, rel=1e-6, weight=weight, **reading)
        agree(linkchart.pagerank, chart, rel=1e-6, damping=0.5, **reading)


@SETTINGS
@given(chart=charts())
def test_eigenvector_where_unique(chart: LinkChart) -> None:
    # undirected: unique by construction (components tied for the top eigenvalue are each
    # scaled to 1); directed: unique when the projection is strongly connected
    for weight in (None, "weight"):
        agree(linkchart.eigenvector, chart, rel=1e-6, weight=weight, directed=False)
        p = project(chart)
        g = ig.Graph(n=p.n, edges=list(zip(p.src.tolist(), p.dst.tolist(), strict=True)), directed=True)
        if p.n > 1 and g.is_connected("strong"):
            agree(linkchart.eigenvector, chart, rel=1e-6, weight=weight)


@SETTINGS
@given(chart=charts())
def test_bridges_and_articulation_points(chart: LinkChart) -> None:
    for relations in (None, ["finances"]):
        found = linkchart.bridges(chart, relations=relations)
        assert found == linkchart.bridges(chart, engine="networkx", relations=relations)
        points = linkchart.articulation_points(chart, relations=relations)
        assert points == linkchart.articulation_points(chart, engine="networkx", relations=relations)
        for b in found:
            # the two sides partition the nodes of one component and hold one end each
            assert b.from_id in b.separated[0] and b.to_id in b.separated[1]
            assert not b.separated[0] & b.separated[1]
            assert b.edge_ids
        for a in points:
            assert len(a.components) >= 2 and all(a.node_id not in c for c in a.components)
        assert bridging_coefficient(chart, relations=relations).to_dict().keys() == set(chart.node_ids)


# --------------------------------------------------------------------------- Central Asia
@pytest.fixture(scope="module")
def central_asia() -> LinkChart:
    return linkchart.load(ROOT / "graphs" / "central_asia.yaml")


MEASURES: list[tuple[Any, dict[str, Any], float]] = [
    (linkchart.degree, {}, 1e-12),
    (linkchart.degree, {"mode": "in"}, 1e-12),
    (linkchart.strength, {"weight": "confidence_sum"}, 1e-9),
    (linkchart.betweenness, {}, 1e-9),
    (linkchart.betweenness, {"directed": False, "normalized": True}, 1e-9),
    (linkchart.betweenness, {"weight": "weight"}, 1e-9),
    (linkchart.closeness, {}, 1e-9),
    (linkchart.closeness, {"directed": False}, 1e-9),
    (linkchart.harmonic, {"mode": "in"}, 1e-9),
    (linkchart.eigenvector, {}, 1e-6),
    (linkchart.eigenvector, {"directed": False}, 1e-6),
    (linkchart.pagerank, {}, 1e-6),
    (linkchart.pagerank, {"directed": False, "weight": "confidence_max"}, 1e-6),
    (linkchart.bridging_centrality, {}, 1e-9),
]


@pytest.mark.parametrize(("measure", "kwargs", "rel"), MEASURES, ids=lambda x: getattr(x, "__name__", str(x)))
def test_central_asia_engines_agree(
    central_asia: LinkChart, measure: Any, kwargs: dict[str, Any], rel: float
) -> None:
    agree(measure, central_asia, rel=rel, **kwargs)


def test_central_asia_bridges_agree(central_asia: LinkChart) -> None:
    found = linkchart.bridges(central_asia)
    assert found and found == linkchart.bridges(central_asia, engine="networkx")
    points = linkchart.articulation_points(central_asia)
    assert points and points == linkchart.articulation_points(central_asia, engine="networkx")
    # the IMT is the hub of the picture: first on betweenness and degree
    assert linkchart.betweenness(central_asia).top(1)[0][0] == "IMT"
    assert linkchart.degree(central_asia).top(1)[0][0] == "IMT"

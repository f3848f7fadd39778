"""The projection from the typed multigraph to a simple weighted graph."""

from __future__ import annotations

from pathlib import Path

import pytest

import linkchart
from linkchart.analysis.projection import check_engine, project
from linkchart.vocabulary import Relation, Vocabulary

VOCAB = Vocabulary(relations=(Relation("finances"), Relation("borders", directed=False)))


@pytest.fixture
def chart() -> linkchart.LinkChart:
    # B -> A twice (weights 1 and 3, confidences reported and confirmed), A -> C once,
    # B - C undirected, and a self-loop on C.
    return linkchart.from_records(
        [{"id": n, "type": "state"} for n in "ABC"],
        [
            {"from": "B", "relation": "finances", "to": "A", "confidence": "reported", "weight": 1},
            {"from": "B", "relation": "finances", "to": "A", "confidence": "confirmed", "weight": 3},
            {"from": "A", "relation": "finances", "to": "C", "confidence": "alleged", "weight": 2},
            {"from": "C", "relation": "borders", "to": "B", "confidence": "confirmed"},
            {"from": "C", "relation": "finances", "to": "C", "confidence": "confirmed"},
        ],
        vocabulary=VOCAB,
    )


def ties(p: linkchart.analysis.Projection) -> dict[tuple[str, str], float]:
    ids = p.chart.node_ids
    pairs = zip(p.src.tolist(), p.dst.tolist(), p.strength.tolist(), strict=True)
    return {(ids[a], ids[b]): s for a, b, s in pairs}


def test_default_follows_vocabulary_undirected_ties_count_both_ways(chart: linkchart.LinkChart) -> None:
    p = project(chart)
    assert p.directed and not p.weighted
    assert ties(p) == {("A", "C"): 1.0, ("B", "A"): 1.0, ("B", "C"): 1.0, ("C", "B"): 1.0}
    assert p.multiplicity.tolist() == [1, 2, 1, 1]


def test_only_undirected_relations_give_an_undirected_projection(chart: linkchart.LinkChart) -> None:
    p = project(chart, relations=["borders"])
    assert not p.directed
    assert ties(p) == {("B", "C"): 1.0}


@pytest.mark.parametrize(
    ("weight", "expected"),
    [
        ("count", {("A", "B"): 2.0, ("A", "C"): 1.0, ("B", "C"): 1.0}),
        ("weight", {("A", "B"): 4.0, ("A", "C"): 2.0, ("B", "C"): 1.0}),
        ("confidence_sum", {("A", "B"): 1.7, ("A", "C"): 0.5, ("B", "C"): 0.95}),
        ("confidence_max", {("A", "B"): 0.95, ("A", "C"): 0.5, ("B", "C"): 0.95}),
    ],
)
def test_weightings_undirected(
    chart: linkchart.LinkChart, weight: str, expected: dict[tuple[str, str], float]
) -> None:
    p = project(chart, directed=False, weight=weight)  # type: ignore[arg-type]
    assert not p.directed and p.weighted
    assert ties(p) == pytest.approx(expected)
    assert p.distance().tolist() == pytest.approx([1 / v for v in expected.values()])


def test_self_loops_dropped_and_input_untouched(chart: linkchart.LinkChart) -> None:
    before = chart.to_records()
    p = project(chart, weight="count", directed=True)
    assert all(a != b for a, b in zip(p.src.tolist(), p.dst.tolist(), strict=True))
    assert chart.to_records() == before


def test_graph_exports_carry_the_chosen_reading(chart: linkchart.LinkChart) -> None:
    p = project(chart, directed=False, weight="weight")
    g = p.to_igraph("distance")
    assert g.vcount() == 3 and g.ecount() == 3 and not g.is_directed()
    assert g.es["weight"] == pytest.approx([0.25, 0.5, 1.0])
    h = p.to_networkx("strength")
    assert h[0][1]["weight"] == 4.0
    assert "weight" not in p.to_igraph().es.attributes()


def test_bad_arguments(chart: linkchart.LinkChart) -> None:
    with pytest.raises(linkchart.UnknownNameError, match="did you mean 'count'"):
        project(chart, weight="cont")  # type: ignore[arg-type]
    with pytest.raises(linkchart.UnknownNameError, match="relation"):
        project(chart, relations=["financs"])
    with pytest.raises(linkchart.UnknownNameError, match="did you mean 'networkx'"):
        check_engine("netwrokx")
    with pytest.raises(linkchart.LinkchartError, match="directed"):
        project(chart, directed="yes")  # type: ignore[arg-type]


def test_no_edges_of_the_chosen_relation() -> None:
    c = linkchart.from_records([{"id": "a", "type": "state"}], [])
    p = project(c)
    assert (p.n, p.m) == (1, 0)


# --------------------------------------------------------------------------- the cache
def test_a_chart_projects_once_per_reading_and_shares_the_graphs() -> None:
    import linkchart
    from linkchart.analysis import projection

    chart = linkchart.load(Path(__file__).resolve().parents[2] / "graphs" / "central_asia.yaml")
    first = projection.project(chart, relations=["helps", "protects"], weight="count")
    assert projection.project(chart, relations=("protects", "helps"), weight="count") is first
    assert projection.project(chart, relations=["helps"], weight="count") is not first
    assert first.to_igraph(weights="distance") is first.to_igraph(weights="distance")
    assert chart.with_relations("helps") is not chart  # a view has projections of its own
    assert projection.project(chart.with_relations("helps", "protects"), weight="count") is not first


def test_a_report_builds_each_reading_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import linkchart
    from linkchart.analysis import projection

    made: list[tuple[object, ...]] = []
    charts: list[object] = []  # held, so that no id is reused by a later view
    real = projection._project

    def counting(*args: object) -> object:
        charts.append(args[0])
        made.append((id(args[0]), *args[1:]))
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(projection, "_project", counting)
    chart = linkchart.load(Path(__file__).resolve().parents[2] / "graphs" / "central_asia.yaml")
    found = linkchart.report(chart)
    assert found.over_time is not None
    assert len(made) == len(set(made))  # no reading of a chart projected twice
    # the chart, its firm-ties view (report notes) and the view of each period (over time)
    assert len({m[0] for m in made}) == 2 + len(found.over_time.periods)
    # directed/undirected x weighted/unweighted, and the undirected reading that strength sums
    for chart_id in {m[0] for m in made}:
        assert len([m for m in made if m[0] == chart_id]) <= 6


def test_degree_and_strength_count_from_the_arrays_without_a_graph() -> None:
    import linkchart
    from linkchart.analysis import projection

    chart = linkchart.load(Path(__file__).resolve().parents[2] / "graphs" / "central_asia.yaml")
    linkchart.degree(chart)
    linkchart.strength(chart, mode="in")
    built = [p._graphs for p in chart.memoized("projections", dict).values()]
    assert built and all(not graphs for graphs in built)
    assert projection.project(chart).m > 0

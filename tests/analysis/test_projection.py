"""The projection from the typed multigraph to a simple weighted graph."""

from __future__ import annotations

from pathlib import Path

import numpy as np
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


def claim_chart() -> linkchart.LinkChart:
    """A-B and A-D are the two alternatives of one claim (weight 4 each); A-C-B a plain detour."""
    vocab = Vocabulary(relations=(Relation("with", directed=False),))
    return linkchart.from_records(
        [{"id": n, "type": "organisation"} for n in "ABCD"],
        [
            {
                "from": "A",
                "relation": "with",
                "to": "B",
                "alternative": "g",
                "weight": 4,
                "confidence": "reported",
            },
            {
                "from": "A",
                "relation": "with",
                "to": "D",
                "alternative": "g",
                "weight": 4,
                "confidence": "reported",
            },
            {"from": "A", "relation": "with", "to": "C", "weight": 1, "confidence": "reported"},
            {"from": "C", "relation": "with", "to": "B", "weight": 1, "confidence": "reported"},
        ],
        vocabulary=vocab,
    )


def test_an_alternative_carries_its_share_of_every_weighting() -> None:
    c = claim_chart()
    assert ties(project(c)) == {("A", "B"): 1, ("A", "D"): 1, ("A", "C"): 1, ("B", "C"): 1}
    assert ties(project(c, weight="weight")) == {("A", "B"): 2, ("A", "D"): 2, ("A", "C"): 1, ("B", "C"): 1}
    assert ties(project(c, weight="count"))[("A", "B")] == 0.5
    assert ties(project(c, weight="confidence_sum"))[("A", "B")] == pytest.approx(0.375)  # 0.75 / 2
    assert ties(project(c, weight="confidence_max"))[("A", "D")] == pytest.approx(0.375)
    # strength reads the share; degree counts every alternative as a tie
    assert linkchart.strength(c)["A"] == pytest.approx(2 + 2 + 1) and linkchart.degree(c)["A"] == 3


def test_a_weighted_distance_makes_an_alternative_longer() -> None:
    c = claim_chart()
    # unweighted, A-B is one step: C brokers nothing
    assert linkchart.betweenness(c)["C"] == 0
    # weighted, the alternative costs 1/2 (weight 4 / 2 alternatives), the detour 1 + 1: still direct
    assert linkchart.betweenness(c, weight="weight")["C"] == 0
    # counted, an alternative is half a tie: cost 1 / 0.5 = 2, as long as the detour A-C-B, so C
    # is on half the shortest paths A..B and D..B
    assert linkchart.betweenness(c, weight="count")["C"] == pytest.approx(0.5 + 0.5)
    # B's distances: A 2 (either way), C 1, D 2 + 2; unweighted A 1, C 1, D 2
    assert linkchart.closeness(c, weight="count")["B"] == pytest.approx(3 / (2 + 1 + 4))
    assert linkchart.closeness(c)["B"] == pytest.approx(3 / (1 + 1 + 2))


def test_a_draw_reads_a_kept_alternative_at_its_full_weight() -> None:
    from linkchart.analysis.projection import draw_chart

    c = claim_chart()
    keep = np.array([True, False, True, True])  # the claim held as A-B
    draw = draw_chart(c, keep)
    assert ties(project(draw, weight="weight")) == {("A", "B"): 4, ("A", "C"): 1, ("B", "C"): 1}
    assert ties(project(draw, weight="weight")) == ties(project(c._view(None, keep), weight="weight"))
    assert linkchart.strength(draw) == linkchart.strength(c._view(None, keep))


def test_an_unread_relation_is_never_projected() -> None:
    vocab = Vocabulary(relations=(Relation("with"), Relation("such_as", reading="none")))
    c = linkchart.from_records(
        [{"id": n, "type": "organisation"} for n in "ABC"],
        [{"from": "A", "relation": "with", "to": "B"}, {"from": "B", "relation": "such_as", "to": "C"}],
        vocabulary=vocab,
    )
    assert ties(project(c)) == {("A", "B"): 1}
    with pytest.raises(linkchart.LinkchartError, match="reading: none"):
        project(c, relations=["such_as"])

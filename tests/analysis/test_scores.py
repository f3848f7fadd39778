"""Tests of linkchart.analysis.scores."""

from __future__ import annotations

import math

import pytest

from linkchart import LinkchartError, Scores, UnknownNameError


@pytest.fixture
def chart(make_chart):  # type: ignore[no-untyped-def]
    return make_chart(
        [("s1", "state"), ("o1", "organisation"), ("o2", "organisation"), ("s2", "state"), ("p", "place")],
        [],
        {"r": True},
    )


def test_mapping_in_chart_order(chart) -> None:  # type: ignore[no-untyped-def]
    s = Scores(chart, [1.0, 2.0, 3.0, 4.0, 5.0], measure="m", parameters={"weight": None})
    assert list(s) == ["s1", "o1", "o2", "s2", "p"]
    assert s["o2"] == 3.0
    assert s.to_dict() == {"s1": 1.0, "o1": 2.0, "o2": 3.0, "s2": 4.0, "p": 5.0}
    assert s.measure == "m"
    assert s.parameters == {"weight": None}
    assert s == {"s1": 1.0, "o1": 2.0, "o2": 3.0, "s2": 4.0, "p": 5.0}


def test_immutable(chart) -> None:  # type: ignore[no-untyped-def]
    values = [1.0, 2.0, 3.0, 4.0, 5.0]
    s = Scores(chart, values, measure="m")
    values[0] = 99.0
    assert s["s1"] == 1.0
    with pytest.raises(AttributeError):
        s.measure = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        s["s1"] = 2.0  # type: ignore[index]
    with pytest.raises(TypeError):
        s.parameters["a"] = 1  # type: ignore[index]
    with pytest.raises(ValueError):
        s.values_array[0] = 3.0
    d = s.to_dict()
    d["s1"] = 7.0
    assert s["s1"] == 1.0


def test_top_ties_by_id_and_nan_last(chart) -> None:  # type: ignore[no-untyped-def]
    s = Scores(chart, [2.0, math.nan, 2.0, 5.0, 0.0], measure="m")
    assert s.top(3) == [("s2", 5.0), ("o2", 2.0), ("s1", 2.0)]
    top = s.top(None)
    assert [k for k, _ in top] == ["s2", "o2", "s1", "p", "o1"]
    assert math.isnan(top[-1][1])
    assert s.top(0) == []


def test_top_within_type(chart) -> None:  # type: ignore[no-untyped-def]
    s = Scores(chart, [2.0, 1.0, 3.0, 5.0, 0.0], measure="m")
    assert s.top(1, node_type="state") == [("s2", 5.0)]
    assert s.top(node_type="organisation") == [("o2", 3.0), ("o1", 1.0)]
    with pytest.raises(UnknownNameError, match="did you mean 'state'"):
        s.top(node_type="stat")
    with pytest.raises(LinkchartError, match="non-negative"):
        s.top(-1)


def test_rank_competition(chart) -> None:  # type: ignore[no-untyped-def]
    s = Scores(chart, [2.0, math.nan, 2.0, 5.0, math.nan], measure="m")
    assert s.rank() == {"s2": 1, "o2": 2, "s1": 2, "o1": 4, "p": 4}


def test_by_type(chart) -> None:  # type: ignore[no-untyped-def]
    s = Scores(chart, [2.0, 1.0, 3.0, 5.0, 0.0], measure="m")
    assert s.by_type() == {
        "state": [("s2", 5.0), ("s1", 2.0)],
        "organisation": [("o2", 3.0), ("o1", 1.0)],
        "place": [("p", 0.0)],
    }
    assert s.by_type(1)["state"] == [("s2", 5.0)]


def test_unknown_id_gets_a_hint(chart) -> None:  # type: ignore[no-untyped-def]
    s = Scores(chart, [1.0] * 5, measure="m")
    with pytest.raises(UnknownNameError, match="did you mean 's1'"):
        s["s11"]
    assert "s11" not in s


def test_wrong_length(chart) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LinkchartError, match="3 values for a chart of 5 nodes"):
        Scores(chart, [1.0, 2.0, 3.0], measure="m")


def test_repr(chart) -> None:  # type: ignore[no-untyped-def]
    s = Scores(chart, [2.0, 1.0, 3.0, 5.0, 0.0], measure="deg")
    assert repr(s) == "<Scores deg of 5 nodes: {'s2': 5, 'o2': 3, 's1': 2, ...}>"

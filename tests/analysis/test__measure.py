"""The decorators of linkchart.analysis._measure on functions written for the test: the contract
checked at import, the checks at call, the paragraphs filled, and a result's identity."""

from __future__ import annotations

import pickle
import re
from pathlib import Path
from typing import Literal

import pytest

import linkchart
from linkchart import LinkchartError, Scores, UnknownNameError
from linkchart.analysis._docs import fill
from linkchart.analysis._measure import MeasureCall, bound, measure, vocabulary
from linkchart.analysis.types import Engine, Layers, Relations, Seed, SignReading

Colour = Literal["red", "blue"]

CHART = linkchart.from_records(
    [{"id": x, "type": "person"} for x in "abc"],
    [{"from": "a", "relation": "knows", "to": "b"}, {"from": "b", "relation": "knows", "to": "c"}],
)


def _declare(fn: object, **kwargs: object) -> object:
    options = {"returns": "node", "higher_is_more": True, "meaning": "a toy", "cost": "linear"}
    return measure(**{**options, "weight": "topological", **kwargs})(fn)  # type: ignore[arg-type]


def test_a_signature_that_breaks_the_vocabulary_fails_at_import() -> None:
    def no_engine(
        chart: linkchart.LinkChart,
        *,
        relations: Relations = None,
        layers: Layers = None,
        signs: SignReading | None = None,
        directed: bool | None = None,
        weight: None = None,
    ) -> Scores:
        raise AssertionError("never called")

    with pytest.raises(TypeError, match="'engine' is missing"):
        _declare(no_engine)

    def seed_none(
        chart: linkchart.LinkChart,
        *,
        relations: Relations = None,
        layers: Layers = None,
        signs: SignReading | None = None,
        directed: bool | None = None,
        weight: None = None,
        engine: Engine = "igraph",
        seed: int | None = None,
    ) -> Scores:
        raise AssertionError("never called")

    with pytest.raises(TypeError, match="seed must be annotated 'Seed'"):
        _declare(seed_none, seeded=True)

    def weighted(
        chart: linkchart.LinkChart,
        *,
        relations: Relations = None,
        layers: Layers = None,
        signs: SignReading | None = None,
        directed: bool | None = None,
        weight: None = None,
        engine: Engine = "igraph",
    ) -> Scores:
        raise AssertionError("never called")

    with pytest.raises(TypeError, match=re.escape("weight must be annotated 'Weighting | None'")):
        _declare(weighted, weight="strength")
    with pytest.raises(TypeError, match="option 'normalised' is not one of its parameters"):
        _declare(weighted, options={"normalised": True})
    with pytest.raises(UnknownNameError, match="weight reading"):
        _declare(weighted, weight="length")


def test_calls_are_checked_before_the_body_runs() -> None:
    ran: list[str] = []

    @vocabulary()
    def toy(
        chart: linkchart.LinkChart,
        *,
        colour: Colour = "red",
        flag: bool = False,
        relations: Relations = None,
        layers: Layers = None,
        seed: Seed = 0,
    ) -> str:
        """Paint it.

        Parameters
        ----------
        seed
            Seeds it. %(seed)s
        """
        ran.append(colour)
        return colour

    assert toy(CHART, colour="blue") == "blue"
    with pytest.raises(UnknownNameError, match="unknown colour 'bleu' — did you mean 'blue'"):
        toy(CHART, colour="bleu")  # type: ignore[arg-type]
    with pytest.raises(LinkchartError, match=r"toy\(\) takes no argument 'color' — did you mean 'colour'"):
        toy(CHART, color="red")  # type: ignore[call-arg]
    with pytest.raises(LinkchartError, match="flag must be True or False"):
        toy(CHART, flag="yes")  # type: ignore[arg-type]
    with pytest.raises(UnknownNameError, match="unknown relation"):
        toy(CHART, relations=["kows"])
    with pytest.raises(LinkchartError, match="seed must be an integer from 0"):
        toy(CHART, seed=-3)
    assert ran == ["blue"]
    assert "%(" not in (toy.__doc__ or "") and "the global random state is never touched" in (
        toy.__doc__ or ""
    )


def test_a_token_that_names_no_paragraph_is_an_error() -> None:
    with pytest.raises(LinkchartError, match=r"unknown token %\(readings\)s"):
        fill("Doc.\n\n    %(readings)s\n", "toy")
    assert fill("5-95 % of the draws", "toy") == "5-95 % of the draws"  # no %-formatting


def test_the_reading_is_resolved_once_per_chart_and_arguments() -> None:
    chart = linkchart.load(Path(__file__).resolve().parents[2] / "graphs" / "central_asia.yaml")
    first = linkchart.reading(chart, layers="all")
    assert linkchart.reading(chart, layers="all") is first  # memoized on the chart
    linkchart.degree(chart, layers="all")
    assert linkchart.reading(chart, layers="all") is first


def test_bound_and_calls() -> None:
    assert bound(linkchart.betweenness, {"workers": 2, "executor": None})["normalized"] is False
    assert "workers" not in bound(linkchart.betweenness, {"workers": 2})
    call = MeasureCall("degree", linkchart.degree, {"normalized": True})
    assert call(CHART) == linkchart.degree(CHART, normalized=True)
    assert pickle.loads(pickle.dumps(call)) == call
    assert call.key == MeasureCall("degree", linkchart.degree, {"normalized": True, "mode": "all"}).key

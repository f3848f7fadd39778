"""The figure's own choices (linkchart.figures.spec)."""

from __future__ import annotations

import pytest

from linkchart import MEASURES, options
from linkchart.analysis.registry import Measure
from linkchart.errors import LinkchartError, UnknownNameError
from linkchart.figures.spec import FIGURE_HIGHLIGHTS, FigureSpec


def _ego_size(chart: object) -> dict[str, float]:
    return {}


def test_highlight_takes_a_name_a_list_all_or_a_flag() -> None:
    assert FigureSpec().replace(highlight=True).highlight == FIGURE_HIGHLIGHTS
    assert FigureSpec().replace(highlight="all").highlight == FIGURE_HIGHLIGHTS
    assert FigureSpec().replace(highlight="bridges").highlight == ("bridges",)
    assert FigureSpec().replace(highlight=["articulation_points"]).highlight == ("articulation_points",)
    assert FigureSpec().replace(highlight=False).highlight == ()
    with pytest.raises(UnknownNameError, match="did you mean 'bridges'"):
        FigureSpec().replace(highlight="bridge")


def test_size_by_is_a_per_node_measure_of_the_spec_registry() -> None:
    with pytest.raises(UnknownNameError, match="unknown measure 'ego_size'"):
        FigureSpec().replace(size_by="ego_size")
    ego = Measure("ego_size", _ego_size, "node", True, "ego network size", False, False, "linear")
    registry = MEASURES.with_measure(ego)
    assert FigureSpec(registry=registry).replace(size_by="ego_size").size_by == "ego_size"
    assert FigureSpec().replace(size_by=None).size_by is None


def test_sizes_are_bounded() -> None:
    with pytest.raises(LinkchartError, match="dpi must be an integer from 1 to 2400, not 0"):
        options.build(FigureSpec, dpi=0)
    with pytest.raises(LinkchartError, match=r"width must be a number from 1 to 100, not 0\.5"):
        options.build(FigureSpec, width=0.5)

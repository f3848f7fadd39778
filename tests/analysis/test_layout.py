"""Seeded igraph layouts, scaled to pixels; the community layout keeps groups together,
puts context around them and never lets two nodes overlap."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import linkchart
import linkchart.figures.chart as figure_module
from linkchart.analysis.communities import communities
from linkchart.analysis.layout import DEFAULT_SIZE, LAYOUTS, MIN_GAP, node_positions, positions_array
from linkchart.errors import LinkchartError, UnknownNameError
from linkchart.render.payload import page_payload
from linkchart.render.spec import PageSpec
from linkchart.vocabulary import Relation, Vocabulary

SIGNED = Vocabulary(
    relations=(
        Relation("knows", directed=False),
        Relation("funds"),
        Relation("fights", sign="negative"),
        Relation("located_in", sign="neutral", layer="geography"),
    )
)


@pytest.fixture(scope="module")
def central_asia() -> linkchart.LinkChart:
    """The bundled Central Asia chart."""
    return linkchart.load(Path(__file__).resolve().parents[2] / "graphs" / "central_asia.yaml")


def test_the_same_seed_gives_the_same_positions_and_another_seed_others(
    central_asia: linkchart.LinkChart,
) -> None:
    a = node_positions(central_asia, seed=3)
    assert a == node_positions(central_asia, seed=3)
    assert a != node_positions(central_asia, seed=4)
    assert set(a) == set(central_asia.node_ids)


def test_the_global_random_state_is_neither_read_nor_changed(central_asia: linkchart.LinkChart) -> None:
    random.seed(12345)
    expected = random.random()
    random.seed(12345)
    first = positions_array(central_asia, seed=1)
    assert random.random() == expected
    random.seed(999)
    assert np.array_equal(positions_array(central_asia, seed=1), first)


@pytest.mark.parametrize("method", LAYOUTS)
def test_every_method_gives_distinct_finite_positions(method: str, central_asia: linkchart.LinkChart) -> None:
    xy = positions_array(central_asia, method=method)
    assert xy.shape == (central_asia.number_of_nodes, 2)
    assert np.isfinite(xy).all()
    assert len({tuple(p) for p in xy.tolist()}) == central_asia.number_of_nodes


@pytest.mark.parametrize("method", ["community", "fr"])
def test_isolated_nodes_stay_near_the_rest(method: str) -> None:
    nodes = [{"id": str(i), "type": "state"} for i in range(60)]
    edges = [{"from": str(i), "relation": "x", "to": str(i + 1)} for i in range(39)]
    xy = positions_array(linkchart.from_records(nodes, edges), method=method)
    width = np.ptp(xy, axis=0)
    assert width.max() < 40 * 170  # the 20 isolates are packed beside the path, not flung away
    d = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(d, np.inf)
    assert d.min() >= 50


def test_an_unknown_method_is_refused(central_asia: linkchart.LinkChart) -> None:
    with pytest.raises(UnknownNameError, match="did you mean 'kk'"):
        positions_array(central_asia, method="kkk")


def test_tiny_charts() -> None:
    assert positions_array(linkchart.from_records([], [])).shape == (0, 2)
    one = linkchart.from_records([{"id": "a", "type": "state"}], [])
    assert node_positions(one) == {"a": (0.0, 0.0)}


def test_auto_is_the_community_layout(central_asia: linkchart.LinkChart) -> None:
    assert np.array_equal(positions_array(central_asia), positions_array(central_asia, method="community"))
    assert not np.array_equal(positions_array(central_asia), positions_array(central_asia, method="fr"))


# ---------------------------------------------------------------- the community layout


def _box_gaps(xy: npt.NDArray[np.float64], half: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """For every pair of nodes, the room between their boxes (negative: they overlap)."""
    apart = np.abs(xy[:, None, :] - xy[None, :, :]).max(axis=2) - (half[:, None] + half[None, :])
    np.fill_diagonal(apart, np.inf)
    return apart


def _read_ties(chart: linkchart.LinkChart) -> npt.NDArray[np.bool_]:
    reasons = linkchart.reading(chart).reasons()
    e = chart.edges
    return np.array([reasons[r] is None for r in e.relation.tolist()], dtype=bool) & (e.src != e.dst)


def _core(chart: linkchart.LinkChart) -> npt.NDArray[np.bool_]:
    read = _read_ties(chart)
    core = np.zeros(chart.number_of_nodes, dtype=bool)
    core[chart.edges.src[read]] = True
    core[chart.edges.dst[read]] = True
    return core


@st.composite
def sized_charts(draw: st.DrawFn) -> tuple[linkchart.LinkChart, list[float]]:
    """A chart of up to 60 nodes with ties of every sign (so with context) and node sizes."""
    n = draw(st.integers(2, 60))
    names = SIGNED.relation_names
    ties = draw(
        st.lists(
            st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.sampled_from(names)), max_size=150
        )
    )
    nodes = [{"id": f"v{i}", "type": "person"} for i in range(n)]
    edges = [{"from": f"v{a}", "relation": r, "to": f"v{b}"} for a, b, r in ties]
    sizes = draw(st.lists(st.floats(0, 40, allow_nan=False), min_size=n, max_size=n))
    return linkchart.from_records(nodes, edges, vocabulary=SIGNED), sizes


@settings(max_examples=60, deadline=None)
@given(sized_charts(), st.integers(0, 3))
def test_no_two_nodes_overlap_at_their_drawn_sizes(
    drawn: tuple[linkchart.LinkChart, list[float]], seed: int
) -> None:
    chart, sizes = drawn
    xy = positions_array(chart, method="community", seed=seed, sizes=sizes)
    assert xy.shape == (chart.number_of_nodes, 2) and np.isfinite(xy).all()
    assert _box_gaps(xy, np.asarray(sizes)).min() >= MIN_GAP


def test_the_default_sizes_leave_the_gap_too(central_asia: linkchart.LinkChart) -> None:
    xy = positions_array(central_asia)
    assert _box_gaps(xy, np.full(central_asia.number_of_nodes, DEFAULT_SIZE)).min() >= MIN_GAP


def planted(groups: int = 4, size: int = 12, seed: int = 5) -> tuple[linkchart.LinkChart, list[int]]:
    """``groups`` groups of ``size`` actors, dense inside (p = 0.5), two ties between
    neighbouring groups, and one place per group tied (neutral, context) to three members."""
    rng = np.random.default_rng(seed)
    member = [g for g in range(groups) for _ in range(size)]
    nodes = [{"id": f"a{i}", "type": "person"} for i in range(len(member))]
    nodes += [{"id": f"place{g}", "type": "region"} for g in range(groups)]
    edges = [
        {"from": f"a{i}", "relation": "knows", "to": f"a{j}"}
        for i in range(len(member)) for j in range(i + 1, len(member))
        if member[i] == member[j] and rng.random() < 0.5
    ]  # fmt: skip
    for g in range(groups):
        for k in range(2):
            a, b = g * size + k, ((g + 1) % groups) * size + size - 1 - k
            edges.append({"from": f"a{a}", "relation": "funds", "to": f"a{b}"})
        for k in range(3):
            edges.append({"from": f"a{g * size + 3 + k}", "relation": "located_in", "to": f"place{g}"})
    return linkchart.from_records(nodes, edges, vocabulary=SIGNED, title="planted"), member


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_members_are_closer_to_their_own_centroid_than_to_any_other(seed: int) -> None:
    chart, member = planted()
    xy = positions_array(chart, method="community", seed=seed)[: len(member)]
    group = np.asarray(member)
    centroids = np.array([xy[group == g].mean(axis=0) for g in range(group.max() + 1)])
    d = np.hypot(*(xy[:, None, :] - centroids[None, :, :]).transpose(2, 0, 1))
    assert (d.argmin(axis=1) == group).all()


@pytest.mark.parametrize("make", ["central_asia", "planted"])
def test_ties_within_communities_are_shorter_than_ties_between(
    make: str, central_asia: linkchart.LinkChart
) -> None:
    chart = central_asia if make == "central_asia" else planted()[0]
    found = communities(chart, seed=0)  # the communities of the reading, as the page colours them
    group = np.array([found[i] for i in chart.node_ids])
    read = _read_ties(chart)
    a, b = chart.edges.src[read], chart.edges.dst[read]
    same = group[a] == group[b]
    ratio = {}
    for method in ("community", "fr"):
        xy = positions_array(chart, method=method)
        length = np.hypot(*(xy[a] - xy[b]).T)
        ratio[method] = length[same].mean() / length[~same].mean()
    assert ratio["community"] < 0.6 and ratio["community"] < ratio["fr"], ratio


@pytest.mark.parametrize("make", ["central_asia", "planted"])
def test_context_lies_outside_the_core(make: str, central_asia: linkchart.LinkChart) -> None:
    chart = central_asia if make == "central_asia" else planted()[0]
    core = _core(chart)
    assert core.any() and not core.all()
    xy = positions_array(chart)
    centre = (xy[core].min(axis=0) + xy[core].max(axis=0)) / 2
    r = np.hypot(*(xy - centre).T)
    assert r[~core].min() > r[core].max()


def test_a_place_goes_to_the_side_of_the_actors_it_is_tied_to() -> None:
    chart, member = planted()
    xy = positions_array(chart)
    group = np.asarray(member)
    centroids = np.array([xy[: len(member)][group == g].mean(axis=0) for g in range(group.max() + 1)])
    for g in range(len(centroids)):
        place = xy[chart.index_of(f"place{g}")]
        assert np.hypot(*(centroids - place).T).argmin() == g


def test_the_same_seed_sizes_and_reading_give_the_same_positions() -> None:
    chart, _ = planted()
    sizes = [10.0 + (i % 7) * 3 for i in range(chart.number_of_nodes)]
    first = positions_array(chart, seed=7, sizes=sizes)
    assert np.array_equal(positions_array(chart, seed=7, sizes=sizes), first)
    assert not np.array_equal(positions_array(chart, seed=8, sizes=sizes), first)
    assert not np.array_equal(positions_array(chart, seed=7, sizes=sizes, signs="all"), first)


def test_a_chart_with_nothing_read_is_laid_out_whole() -> None:
    nodes = [{"id": f"v{i}", "type": "region"} for i in range(8)]
    edges = [{"from": f"v{i}", "relation": "located_in", "to": f"v{(i + 1) % 8}"} for i in range(8)]
    chart = linkchart.from_records(nodes, edges, vocabulary=SIGNED)
    assert not _core(chart).any()
    xy = positions_array(chart)
    assert np.isfinite(xy).all() and _box_gaps(xy, np.full(8, DEFAULT_SIZE)).min() >= MIN_GAP
    # a ring of ties, laid out as one group: neighbours closer than the ring's far side
    ties = np.hypot(*(xy - np.roll(xy, 1, axis=0)).T)
    across = np.hypot(*(xy - np.roll(xy, 4, axis=0)).T)
    assert ties.mean() < across.mean()


@pytest.mark.parametrize(
    ("sizes", "match"), [([10.0], "1 node sizes for a chart of 44"), ([-1.0] * 44, "not negative")]
)
def test_bad_sizes_are_refused(sizes: list[float], match: str, central_asia: linkchart.LinkChart) -> None:
    with pytest.raises(LinkchartError, match=match):
        positions_array(central_asia, sizes=sizes)


# ---------------------------------------------------------------- the page and the figure use it


def test_the_page_draws_the_community_layout_at_its_node_sizes(central_asia: linkchart.LinkChart) -> None:
    spec = PageSpec(size_by="degree", draws=None)
    payload = page_payload(central_asia, spec)
    xy = np.array([[node["x"], node["y"]] for node in payload["nodes"]])
    sizes = np.array([node["size"] for node in payload["nodes"]])
    assert len(set(sizes.tolist())) > 3  # sized by the measure, not all alike
    expected = positions_array(
        central_asia, method="community", seed=0, sizes=sizes.tolist(), **spec.reading()
    )
    assert np.array_equal(xy, expected)
    assert _box_gaps(xy, sizes).min() >= MIN_GAP
    core = _core(central_asia)
    centre = (xy[core].min(axis=0) + xy[core].max(axis=0)) / 2
    r = np.hypot(*(xy - centre).T)
    assert r[~core].min() > r[core].max()
    fr = page_payload(central_asia, PageSpec(size_by="degree", draws=None, layout="fr"))
    drawn = [[node["x"], node["y"]] for node in fr["nodes"]]
    assert drawn == positions_array(central_asia, method="fr").tolist()


def test_the_figure_draws_the_community_layout_at_its_node_sizes(
    central_asia: linkchart.LinkChart, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []
    real = figure_module.positions_array

    def spy(chart: linkchart.LinkChart, **kwargs: Any) -> npt.NDArray[np.float64]:
        calls.append(kwargs)
        return real(chart, **kwargs)

    monkeypatch.setattr(figure_module, "positions_array", spy)
    linkchart.render_image(central_asia, tmp_path / "figure.svg", size_by="degree")
    assert len(calls) == 1
    call = calls[0]
    assert call["method"] == "auto" and len(set(call["sizes"])) > 3
    assert call["layers"] is None and call["signs"] is None  # the figure's reading, the page's default
    page = page_payload(central_asia, PageSpec(size_by="degree", draws=None))
    assert call["sizes"] == [node["size"] for node in page["nodes"]]  # the page's sizes: the same picture


def test_every_layout_method_has_its_picture_in_the_docs() -> None:
    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    script = (root / "scripts" / "docs_images.py").read_text(encoding="utf-8")
    named = {"community": "layout_after.png", "fr": "layout_before.png"}
    for method in LAYOUTS:
        if method == "auto":
            continue
        picture = named.get(method, f"layout_{method}.png")
        assert (root / "docs" / picture).is_file(), picture
        assert f"docs/{picture}" in readme and f"`--layout {method}`" in readme, method
        assert f'"{method}"' in script, method  # made by scripts/docs_images.py

"""rank_uncertainty: Monte Carlo against exact enumeration of every edge subset; seeds; errors."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import numpy as np
import pytest

import linkchart
from linkchart import LinkchartError, UnknownNameError
from linkchart.analysis.uncertainty import competition_ranks

GRAPH = Path(__file__).resolve().parents[2] / "graphs" / "central_asia.yaml"
LEVELS = ("confirmed", "reported", "alleged", "possible")


def small_chart(seed: int, n: int = 7, m: int = 11) -> linkchart.LinkChart:
    """A random undirected chart of ``m`` edges (m <= 12) with mixed confidence levels."""
    rng = np.random.default_rng(seed)
    pairs = list(itertools.combinations(range(n), 2))
    chosen = [pairs[i] for i in rng.choice(len(pairs), size=m, replace=False)]
    vocab = linkchart.Vocabulary(relations=(linkchart.Relation("knows", directed=False),))
    return linkchart.from_records(
        [{"id": f"v{i}", "type": "person"} for i in range(n)],
        [
            {"from": f"v{a}", "relation": "knows", "to": f"v{b}", "confidence": LEVELS[int(rng.integers(4))]}
            for a, b in chosen
        ],
        vocabulary=vocab,
    )


def exact_p_top(
    chart: linkchart.LinkChart, measure: str, k: int, subsets: list[tuple[np.ndarray, float]]
) -> np.ndarray:
    """P(rank <= k) per node, summed over the given (edge mask, probability) subsets on real views."""
    entry = linkchart.MEASURES[measure]
    out = np.zeros(chart.number_of_nodes)
    for keep, weight in subsets:
        scores = entry(chart._view(None, keep))
        values = np.array([scores[n] for n in chart.node_ids])[None, :]
        out += weight * (competition_ranks(values, entry.higher_is_more)[0] <= k)
    return out


def confidence_subsets(chart: linkchart.LinkChart) -> list[tuple[np.ndarray, float]]:
    p = np.asarray(chart.edges.probability)
    out = []
    for bits in itertools.product((False, True), repeat=len(p)):
        keep = np.array(bits)
        out.append((keep, float(np.prod(np.where(keep, p, 1 - p)))))
    return out


@pytest.mark.parametrize(
    ("seed", "measure", "k"), [(1, "betweenness", 2), (2, "degree", 1), (3, "closeness", 3)]
)
def test_confidence_model_matches_exact_enumeration_of_all_edge_subsets(
    seed: int, measure: str, k: int
) -> None:
    chart = small_chart(seed)
    exact = exact_p_top(chart, measure, k, confidence_subsets(chart))  # 2^11 subsets
    draws = 3000
    mc = linkchart.rank_uncertainty(chart, measure, draws=draws, seed=seed, top=k, workers=1)
    for i, node in enumerate(chart.node_ids):
        se = math.sqrt(max(exact[i] * (1 - exact[i]), 1e-4) / draws)
        assert abs(mc.p_top(node) - exact[i]) <= 4.5 * se, (node, mc.p_top(node), exact[i])


def test_missing_model_matches_exact_enumeration() -> None:
    chart = small_chart(4, m=10)
    m, dropped = chart.number_of_edges, 3  # drop = 0.3 of 10 edges
    subsets = []
    for gone in itertools.combinations(range(m), dropped):
        keep = np.ones(m, dtype=bool)
        keep[list(gone)] = False
        subsets.append((keep, 1 / math.comb(m, dropped)))
    exact = exact_p_top(chart, "betweenness", 2, subsets)
    mc = linkchart.rank_uncertainty(
        chart, "betweenness", draws=3000, seed=9, top=2, model="missing", drop=0.3, workers=1
    )
    for i, node in enumerate(chart.node_ids):
        se = math.sqrt(max(exact[i] * (1 - exact[i]), 1e-4) / 3000)
        assert abs(mc.p_top(node) - exact[i]) <= 4.5 * se


def test_the_same_seed_gives_the_same_numbers_whatever_the_workers() -> None:
    chart = linkchart.load(GRAPH)
    one = linkchart.rank_uncertainty(chart, "betweenness", draws=120, seed=5, workers=1)
    two = linkchart.rank_uncertainty(chart, "betweenness", draws=120, seed=5, workers=2)
    assert np.array_equal(one.values, two.values, equal_nan=True)
    other = linkchart.rank_uncertainty(chart, "betweenness", draws=120, seed=6, workers=1)
    assert not np.array_equal(one.values, other.values, equal_nan=True)
    fresh = linkchart.rank_uncertainty(chart, "betweenness", draws=50, workers=1)
    again = linkchart.rank_uncertainty(
        chart, "betweenness", draws=50, seed=fresh.parameters["seed"], workers=1
    )
    assert np.array_equal(fresh.values, again.values, equal_nan=True)  # an unseeded run can be repeated


def test_a_draw_reads_as_the_plain_call_does() -> None:
    chart = linkchart.load(GRAPH)
    r = linkchart.rank_uncertainty(chart, "betweenness", draws=200, seed=1, workers=1)
    assert r.baseline == linkchart.betweenness(chart)
    # hostile ties never carry paths: Pakistan brokers nothing in any draw of the default reading
    assert np.all(r.values[:, chart.index_of("Pakistan")] == 0)
    everything = linkchart.rank_uncertainty(
        chart, "betweenness", draws=200, seed=1, workers=1, signs="all", layers="all"
    )
    assert everything.p_top("Pakistan") > 0.5
    # a tie read with probability 1 keeps its node's rank: IMT is always first
    assert r.rank_interval("IMT") == (1, 1) and r.p_top("IMT", 1) == 1.0


def test_summaries_table_and_node_drops() -> None:
    chart = linkchart.load(GRAPH)
    r = linkchart.rank_uncertainty(chart, "pagerank", draws=200, seed=2, top=3, workers=1)
    row = r.table()[0]
    assert row["node"] == "IMT" and row["interval"][0] <= row["median"] <= row["interval"][1]
    assert row["rank_interval"][0] >= 1 and 0 <= row["p_top"] <= 1 and row["p_top_se"] >= 0
    assert r.to_dict()["rows"][0]["node"] == "IMT" and "IMT" in r.text()
    dropped = linkchart.rank_uncertainty(
        chart, "pagerank", draws=200, seed=2, model="missing", unit="node", drop=0.25, workers=1
    )
    gone = np.isinf(dropped.values[:, chart.index_of("IMT")]).mean()
    assert 0.1 < gone < 0.4 and dropped.p_top("IMT", 1) <= 1 - gone + 1e-12


def test_errors_name_what_is_wrong() -> None:
    chart = linkchart.load(GRAPH)
    with pytest.raises(UnknownNameError, match="did you mean 'betweenness'"):
        linkchart.rank_uncertainty(chart, "betweeness")
    with pytest.raises(UnknownNameError):
        linkchart.rank_uncertainty(chart, "bridges")  # not a per-node measure
    with pytest.raises(LinkchartError, match="draws must be"):
        linkchart.rank_uncertainty(chart, "degree", draws=0)
    with pytest.raises(LinkchartError, match="drop must be"):
        linkchart.rank_uncertainty(chart, "degree", model="missing", drop=1.5)
    with pytest.raises(UnknownNameError, match="model"):
        linkchart.rank_uncertainty(chart, "degree", model="bootstrap")  # type: ignore[arg-type]
    with pytest.raises(UnknownNameError):
        chart.index_of("Tajikstan")

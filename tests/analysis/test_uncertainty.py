"""rank_uncertainty: Monte Carlo against exact enumeration of every edge subset; seeds; errors."""

from __future__ import annotations

import dataclasses
import itertools
import json
import math
import multiprocessing
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

import linkchart
from linkchart import LinkchartError, UnknownNameError
from linkchart.analysis.uncertainty import rank_uncertainty
from linkchart.cli import main
from linkchart.vocabulary import ConfidenceScale, Relation, Vocabulary

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


def top_credit(values: np.ndarray, higher_is_more: bool, k: int) -> np.ndarray:
    """Each node's share of the top k places, from the scores alone (not the library's ranks):
    ``b`` nodes strictly better and ``t`` tied with it (itself included) leave its block
    ``max(0, min(t, k - b))`` places, shared equally."""
    v = np.where(np.isnan(values), -np.inf if higher_is_more else np.inf, values)
    out = np.zeros(len(v))
    for i, x in enumerate(v):
        same = np.isclose(v, x, rtol=1e-9, atol=1e-12) | (v == x)
        better = ((v > x) if higher_is_more else (v < x)) & ~same
        t, b = int(same.sum()), int(better.sum())
        out[i] = max(0, min(t, k - b)) / t
    return out


def exact_p_top(
    chart: linkchart.LinkChart, measure: str, k: int, subsets: list[tuple[np.ndarray, float]]
) -> np.ndarray:
    """P(top k) per node with shared places for ties, summed over the given (edge mask,
    probability) subsets, each measured on a real view of the chart."""
    entry = linkchart.MEASURES[measure]
    out = np.zeros(chart.number_of_nodes)
    for keep, weight in subsets:
        scores = entry(chart._view(None, keep))
        values = np.array([scores[n] for n in chart.node_ids], dtype=float)
        out += weight * top_credit(values, entry.higher_is_more, k)
    return out


def assert_matches(exact: np.ndarray, mc: linkchart.RankUncertainty) -> None:
    """Monte Carlo P(top k) within 4.5 standard errors of the exact value, node by node."""
    for i, node in enumerate(mc.chart.node_ids):
        se = math.sqrt(max(exact[i] * (1 - exact[i]), 1e-4) / mc.draws)
        assert abs(mc.p_top(node) - exact[i]) <= 4.5 * se, (node, mc.p_top(node), exact[i])


def confidence_subsets(chart: linkchart.LinkChart) -> list[tuple[np.ndarray, float]]:
    """Every edge subset a draw can make, with its probability: each plain tie in or out
    (p, 1 - p); each either-or claim of s alternatives and confidence p none of them
    (1 - p) or exactly one (p / s each)."""
    p = np.asarray(chart.edges.probability)
    claims = chart.alternatives()
    plain = np.flatnonzero(claims.group < 0)
    options = [[(int(e), True, p[e]), (int(e), False, 1 - p[e])] for e in plain]
    for rows in claims.members:
        options.append([(-1, False, 1 - p[rows[0]])] + [(int(r), True, p[r] / len(rows)) for r in rows])
    out = []
    for picked in itertools.product(*options):
        keep = np.zeros(len(p), dtype=bool)
        weight = 1.0
        for edge, on, q in picked:
            if on:
                keep[edge] = True
            weight *= q
        out.append((keep, weight))
    return out


@pytest.mark.parametrize(
    ("seed", "measure", "k"), [(1, "betweenness", 2), (2, "degree", 1), (3, "closeness", 3)]
)
def test_confidence_model_matches_exact_enumeration_of_all_edge_subsets(
    seed: int, measure: str, k: int
) -> None:
    chart = small_chart(seed)
    exact = exact_p_top(chart, measure, k, confidence_subsets(chart))  # 2^11 subsets
    assert_matches(exact, linkchart.rank_uncertainty(chart, measure, draws=3000, seed=seed, top=k, workers=1))


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
    assert_matches(exact, mc)


def sure_vocabulary(*relations: linkchart.Relation) -> linkchart.Vocabulary:
    scale = linkchart.ConfidenceScale.from_mapping({"sure": 1.0, "reported": 0.75, "possible": 0.25})
    return linkchart.Vocabulary(relations=relations, confidence=scale)


def test_a_tied_block_shares_the_places_it_straddles() -> None:
    # a path p0-...-p5 (p1..p4 broker) and 39 isolated nodes: 41 nodes tied at zero for the last place
    vocab = sure_vocabulary(linkchart.Relation("knows", directed=False))
    nodes = [{"id": f"p{i}", "type": "person"} for i in range(6)] + [
        {"id": f"x{i}", "type": "person"} for i in range(39)
    ]
    edges = [
        {"from": f"p{i}", "relation": "knows", "to": f"p{i + 1}", "confidence": "sure"} for i in range(5)
    ]
    chart = linkchart.from_records(nodes, edges, vocabulary=vocab)
    r = linkchart.rank_uncertainty(chart, "betweenness", draws=20, seed=0, top=5, workers=1)
    assert r.p_top("p0") == pytest.approx(1 / 41) and r.p_top("x7") == pytest.approx(1 / 41)
    assert r.p_top("p2") == 1.0 and r.p_top("p1", 2) == 0.0  # p2, p3 (6) share places 1-2; p1, p4 (4) 3-4
    assert r.p_top("p1", 3) == pytest.approx(0.5)
    assert r.rank_interval("p0") == (5, 45) and r.rank_interval("p2") == (1, 2)
    assert r.tied("p0") == 1.0 and "3-4 (tied)" in r.text()  # p1 and p4 share places 3 and 4
    assert sum(r.p_top(n) for n in chart.node_ids) == pytest.approx(5)
    assert "p0" not in r.leaders()  # the lowest score of the chart is no finding


def claims_chart(seed: int) -> linkchart.LinkChart:
    """A random undirected chart of plain ties and two either-or claims (of 2 and 3 alternatives)."""
    rng = np.random.default_rng(seed)
    vocab = sure_vocabulary(linkchart.Relation("knows", directed=False))
    pairs = list(itertools.combinations(range(7), 2))
    plain = [pairs[i] for i in rng.choice(len(pairs), size=7, replace=False)]
    edges = [
        {"from": f"v{a}", "relation": "knows", "to": f"v{b}", "confidence": ("reported", "possible")[i % 2]}
        for i, (a, b) in enumerate(plain)
    ]
    for a, group, level, others in (("v0", "g1", "reported", (3, 5)), ("v6", "g2", "possible", (1, 2, 4))):
        edges += [
            {"from": a, "relation": "knows", "to": f"v{b}", "alternative": group, "confidence": level}
            for b in others
        ]
    return linkchart.from_records(
        [{"id": f"v{i}", "type": "person"} for i in range(7)], edges, vocabulary=vocab
    )


@pytest.mark.parametrize(
    ("seed", "measure", "k"), [(11, "betweenness", 2), (12, "degree", 1), (13, "pagerank", 2)]
)
def test_either_or_draws_match_exact_enumeration(seed: int, measure: str, k: int) -> None:
    chart = claims_chart(seed)
    subsets = confidence_subsets(chart)  # 2^7 plain subsets x 3 x 4 ways of the two claims
    assert len(subsets) == 2**7 * 3 * 4 and sum(w for _, w in subsets) == pytest.approx(1)
    exact = exact_p_top(chart, measure, k, subsets)
    assert_matches(exact, linkchart.rank_uncertainty(chart, measure, draws=3000, seed=seed, top=k, workers=1))


def test_a_claim_is_drawn_as_one_alternative_or_none() -> None:
    vocab = sure_vocabulary(linkchart.Relation("with", directed=False))
    chart = linkchart.from_records(
        [{"id": x, "type": "organisation"} for x in ("X", "A", "B", "C", "D")],
        [
            {"from": "X", "relation": "with", "to": o, "alternative": "g", "confidence": "reported"}
            for o in "ABC"
        ]
        + [{"from": "X", "relation": "with", "to": "D", "confidence": "sure"}],
        vocabulary=vocab,
    )
    assert linkchart.degree(chart)["X"] == 4  # the value reads every alternative as a tie
    draws = 4000
    r = linkchart.rank_uncertainty(chart, "degree", draws=draws, seed=3, workers=1)
    held = r.values[:, [chart.index_of(o) for o in "ABC"]]
    assert set(held.sum(axis=1).tolist()) == {0.0, 1.0}  # never two alternatives at once
    for column in held.T:  # each alternative 0.75 / 3 of the draws
        assert abs(column.mean() - 0.25) <= 4.5 * math.sqrt(0.25 * 0.75 / draws)
    assert abs(held.sum(axis=1).mean() - 0.75) <= 4.5 * math.sqrt(0.75 * 0.25 / draws)
    assert np.all(r.values[:, chart.index_of("D")] == 1)
    missing = linkchart.rank_uncertainty(
        chart, "degree", draws=300, seed=3, workers=1, model="missing", drop=0.25
    )
    assert set(missing.values[:, [chart.index_of(o) for o in "ABC"]].sum(axis=1).tolist()) <= {0.0, 1.0}
    nodes = linkchart.rank_uncertainty(
        chart, "degree", draws=300, seed=3, workers=1, model="missing", unit="node", drop=0.2
    )
    vals = np.where(np.isinf(nodes.values), 0, nodes.values)[:, [chart.index_of(o) for o in "ABC"]]
    assert set(vals.sum(axis=1).tolist()) <= {0.0, 1.0}


def test_where_the_value_falls_among_the_draws() -> None:
    # b brokers a-c only when the possible shortcut a-c is gone: its value (every tie) is 0,
    # below the draws that drop the shortcut
    vocab = sure_vocabulary(linkchart.Relation("knows", directed=False))
    chart = linkchart.from_records(
        [{"id": x, "type": "person"} for x in "abc"],
        [
            {"from": "a", "relation": "knows", "to": "b", "confidence": "sure"},
            {"from": "b", "relation": "knows", "to": "c", "confidence": "sure"},
            {"from": "a", "relation": "knows", "to": "c", "confidence": "possible"},
        ],
        vocabulary=vocab,
    )
    r = linkchart.rank_uncertainty(chart, "betweenness", draws=2000, seed=4, top=1, workers=1)
    above = float(np.mean(r.values[:, 1] > 0))  # the shortcut dropped: b's score rises to 1
    assert 0.7 < above < 0.8 and r.baseline["b"] == 0
    assert r.percentile("b") == pytest.approx(100 * 0.5 * (1 - above))
    assert "above or below it" in r.explain() and r.to_dict()["explain"] == r.explain()
    (row,) = [x for x in r.table() if x["node"] == "b"]
    assert row["percentile"] == r.percentile("b") and "value pct" in r.text()


def test_the_same_seed_gives_the_same_numbers_whatever_the_workers() -> None:
    chart = linkchart.load(GRAPH)
    one = linkchart.rank_uncertainty(chart, "betweenness", draws=120, seed=5, workers=1)
    two = linkchart.rank_uncertainty(chart, "betweenness", draws=120, seed=5, workers=2)
    assert np.array_equal(one.values, two.values, equal_nan=True)
    other = linkchart.rank_uncertainty(chart, "betweenness", draws=120, seed=6, workers=1)
    assert not np.array_equal(one.values, other.values, equal_nan=True)
    default = linkchart.rank_uncertainty(chart, "betweenness", draws=50, workers=1)
    zero = linkchart.rank_uncertainty(chart, "betweenness", draws=50, seed=0, workers=1)
    assert default.parameters["seed"] == 0  # seed 0 by default, as everywhere: the same numbers each run
    assert np.array_equal(default.values, zero.values, equal_nan=True)
    with pytest.raises(LinkchartError, match="seed must be an integer from 0"):
        linkchart.rank_uncertainty(chart, "betweenness", seed=None)  # type: ignore[arg-type]


def test_executors_and_blocks_give_the_same_draws() -> None:
    chart = linkchart.load(GRAPH)
    one = linkchart.rank_uncertainty(chart, "harmonic", draws=70, seed=3, workers=1)
    with ThreadPoolExecutor(3) as pool:
        threads = linkchart.rank_uncertainty(chart, "harmonic", draws=70, seed=3, executor=pool)
    assert one.values.tobytes() == threads.values.tobytes()
    # draw i reads its own place in the seed's stream: the first draws of a longer run are the same
    longer = linkchart.rank_uncertainty(chart, "harmonic", draws=140, seed=3, workers=1)
    assert longer.values[:70].tobytes() == one.values.tobytes()


def test_the_draws_travel_to_other_processes() -> None:
    chart = linkchart.load(GRAPH)
    one = linkchart.rank_uncertainty(chart, "degree", draws=20, seed=3, workers=1)
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        other = linkchart.rank_uncertainty(chart, "degree", draws=20, seed=3, executor=pool)
    assert one.values.tobytes() == other.values.tobytes()


def test_a_baseline_given_is_used_and_not_recomputed() -> None:
    chart = linkchart.load(GRAPH)
    calls: list[int] = []

    def counted(c: linkchart.LinkChart, **options: object) -> linkchart.Scores:
        calls.append(c.number_of_nodes)
        return linkchart.harmonic(c, **options)  # type: ignore[arg-type]

    entry = linkchart.MEASURES["harmonic"]
    registry = linkchart.MEASURES.with_measure(dataclasses.replace(entry, function=counted))
    plain = linkchart.rank_uncertainty(chart, "harmonic", draws=40, seed=1, workers=1, registry=registry)
    assert len(calls) == 41  # the value, then every draw
    value = entry(chart)
    calls.clear()
    given = linkchart.rank_uncertainty(
        chart, "harmonic", draws=40, seed=1, workers=1, registry=registry, baseline=value
    )
    assert len(calls) == 40  # the draws only: the value is the one given
    assert given.baseline is value and dict(value) == pytest.approx(dict(plain.baseline))
    assert given.values.tobytes() == plain.values.tobytes() and given.table() == plain.table()
    for bad in ({"IMT": 1.0}, {**dict(value), "nobody": 0.0}, [1.0, 2.0]):
        with pytest.raises(LinkchartError, match="baseline must"):
            linkchart.rank_uncertainty(chart, "harmonic", draws=5, baseline=bad)  # type: ignore[arg-type]


def test_an_empty_chart_has_nothing_to_rank(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = linkchart.from_records([], [])
    r = linkchart.rank_uncertainty(empty, "betweenness", draws=20)
    assert r.leaders() == [] and r.table() == [] and r.to_dict()["rows"] == []
    assert "the chart has no nodes" in r.text()
    tieless = linkchart.from_records([{"id": "a", "type": "person"}], [])
    assert linkchart.rank_uncertainty(tieless, "degree", draws=5).table() == []
    path = tmp_path / "empty.yaml"
    path.write_text("linkchart: 1\ntitle: empty\nnodes: []\nedges: []\n", encoding="utf-8")
    assert main(["robust", str(path), "--draws", "20"]) == 0
    assert "the chart has no nodes" in capsys.readouterr().out
    assert main(["robust", str(path), "--draws", "20", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rows"] == []


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
    # IMT is first in nearly every draw (a draw where it ties for first gives it a share; it
    # ties in about 4 % of the draws, so the 95 % quantile of its last place may be 2)
    assert r.rank_interval("IMT", level=0.8) == (1, 1) and r.p_top("IMT", 1) > 0.9


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


def test_the_sources_model_drops_whole_sources() -> None:
    sure = Vocabulary(relations=(Relation("knows"),), confidence=ConfidenceScale.from_mapping({"sure": 1.0}))
    c = linkchart.from_records(
        [{"id": x, "type": "person"} for x in "abcdef"],
        [
            {"from": "a", "relation": "knows", "to": "b", "source": "s1"},  # s1 alone
            {"from": "c", "relation": "knows", "to": "d", "evidence": [  # s1 and s2
                {"quote": "c met d", "source": "s1"}, {"quote": "d met c", "source": "s2"}]},
            {"from": "e", "relation": "knows", "to": "f", "source": None},  # no source: never dropped
        ],
        sources=[{"id": "s1"}, {"id": "s2"}],
        vocabulary=sure,
    )  # fmt: skip
    r = rank_uncertainty(c, "degree", model="sources", drop=0.5, draws=2000, seed=7, workers=1)
    a, cc, e = (r.values[:, c.index_of(x)] for x in "ace")
    assert set(a.tolist()) == {0.0, 1.0} and (e == 1).all()
    assert ((cc == 0) <= (a == 0)).all()  # c's tie goes only when s1 goes too
    assert (a == 0).mean() == pytest.approx(0.5, abs=0.04)  # s1 dropped
    assert (cc == 0).mean() == pytest.approx(0.25, abs=0.04)  # both dropped
    again = rank_uncertainty(c, "degree", model="sources", drop=0.5, draws=2000, seed=7, workers=1)
    assert (again.values == r.values).all()
    assert "each source dropped with probability 50%" in r.text()
    none_dropped = rank_uncertainty(c, "degree", model="sources", drop=0.0, draws=50, seed=7, workers=1)
    assert (none_dropped.values == 1).all()


def test_the_sources_model_draws_the_remaining_sources_probability() -> None:
    c = linkchart.from_records(
        [{"id": x, "type": "person"} for x in "ab"],
        [{"from": "a", "relation": "knows", "to": "b", "evidence": [
            {"quote": "x", "source": "s1", "confidence": "alleged"},
            {"quote": "y", "source": "s2", "confidence": "alleged"}]}],
        sources=[{"id": "s1"}, {"id": "s2"}],
    )  # fmt: skip
    assert c.edges.probability.tolist() == [0.75]  # 0.5 and 0.5, noisy-OR
    r = rank_uncertainty(c, "degree", model="sources", drop=0.5, draws=4000, seed=1, workers=1)
    # P(tie) = P(both kept) 0.75 + P(one kept) 0.5 + P(none) 0 = 0.25 * 0.75 + 0.5 * 0.5
    assert (r.values[:, 0] == 1).mean() == pytest.approx(0.25 * 0.75 + 0.5 * 0.5, abs=0.03)


def test_the_sources_model_on_a_chart_without_sources_and_on_a_projection() -> None:
    c = linkchart.from_records(
        [{"id": "p", "type": "person"}, {"id": "q", "type": "person"}, {"id": "m", "type": "event"}],
        [
            {"from": "p", "relation": "attended", "to": "m", "source": "s1", "alternative": "w"},
            {"from": "p", "relation": "attended", "to": "q", "source": "s1", "alternative": "w"},
            {"from": "q", "relation": "attended", "to": "m", "source": "s2"},
        ],
        sources=[{"id": "s1"}, {"id": "s2"}],
    )
    unsourced = linkchart.from_records([{"id": "a", "type": "person"}, {"id": "b", "type": "person"}],
                                       [{"from": "a", "relation": "knows", "to": "b"}])  # fmt: skip
    r = rank_uncertainty(unsourced, "degree", model="sources", drop=0.5, draws=200, seed=2, workers=1)
    assert set(r.values[:, 0].tolist()) <= {0.0, 1.0} and r.values[:, 0].mean() > 0.9  # nothing to drop
    p = linkchart.one_mode(c, "person", "event")
    r = rank_uncertainty(p, "degree", model="sources", drop=1.0 - 1e-9, draws=100, seed=2, workers=1)
    assert (r.values == 0).all()  # every source dropped: no affiliation, no projected tie

"""What an analysis computes and how it runs (linkchart.analysis.spec)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from linkchart import MEASURES, options
from linkchart.analysis.spec import SECTIONS, AnalysisSpec, RunSpec, names
from linkchart.errors import LinkchartError, UnknownNameError


def test_replace_converts_names_and_layers_and_checks() -> None:
    spec = AnalysisSpec().replace(measures="degree", relations=["funds"], layers=["operational"])
    spec = spec.replace(undated=False)
    assert (spec.measures, spec.relations, spec.layers, spec.undated) == (
        ("degree",),
        ("funds",),
        ("operational",),
        "never",
    )
    assert AnalysisSpec().replace(layers="all").layers == "all"
    assert AnalysisSpec() == AnalysisSpec()  # specs are values


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        ({"measures": ["betweeness"]}, UnknownNameError, "did you mean 'betweenness'"),
        ({"how_sure": ["pagerang"]}, UnknownNameError, "did you mean 'pagerank'"),
        ({"sections": ["bridge"]}, UnknownNameError, "unknown section 'bridge'"),
        ({"engine": "igraf"}, UnknownNameError, "did you mean 'igraph'"),
        ({"signs": "positve"}, UnknownNameError, "did you mean 'positive'"),
        ({"layout": "spring"}, UnknownNameError, "unknown layout 'spring'"),
        ({"seed": -1}, LinkchartError, "seed must be an integer from 0 to 4294967295, not -1"),
        ({"draws": 0}, LinkchartError, "draws must be an integer from 1 to 1000000"),
        ({"draws": "all"}, UnknownNameError, "unknown draws 'all'"),
        ({"min_dated": 1.5}, LinkchartError, "min_dated must be a number from 0 to 1, not 1.5"),
        ({"undated": "sometimes"}, LinkchartError, "undated"),
        ({"registry": {}}, LinkchartError, "registry must be a Registry"),
        ({"nodes": 3}, UnknownNameError, "unknown option 'nodes'"),
    ],
)
def test_a_bad_choice_is_refused(changes: dict[str, object], error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        AnalysisSpec().replace(**changes)


def test_the_sections_and_defaults_are_the_documented_ones() -> None:
    spec = AnalysisSpec()
    assert SECTIONS[:5] == ("bridges", "articulation_points", "brokerage", "key_players", "balance")
    assert SECTIONS[5:] == ("communities", "disruption", "affiliations", "sources")
    assert spec.registry is MEASURES and spec.node_measure_names() == MEASURES.names(returns="node")
    defaults = (spec.seed, spec.engine, spec.firm, spec.draws, spec.min_dated)
    assert defaults == (0, "igraph", "reported", "auto", 0.5)
    assert names(None) is None and names("a") == ("a",) and names(iter(["a", "b"])) == ("a", "b")


def test_the_run_spec_takes_an_executor_and_a_bounded_number_of_workers() -> None:
    with ThreadPoolExecutor(1) as pool:
        assert RunSpec().replace(executor=pool, workers=2).executor is pool
    with pytest.raises(LinkchartError, match="workers must be an integer from 1 to 256, not 0"):
        RunSpec().replace(workers=0)
    with pytest.raises(LinkchartError, match="executor must be a Executor or a Cluster or None"):
        options.build(RunSpec, executor="processes")

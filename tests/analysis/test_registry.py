"""The measure registry: one contract for every measure, and one registry that the report,
the page and the command line all read (after scikit-network's ``test_API``)."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import numpy as np
import pytest

import linkchart
from linkchart import MEASURES, LinkchartError, Measure, Registry, Scores, UnknownNameError
from linkchart.analysis.registry import COSTS, RETURNS, VOCABULARY
from linkchart.cli import main

ROOT = Path(__file__).resolve().parents[2]
GRAPH = ROOT / "graphs" / "central_asia.yaml"


@pytest.fixture(scope="module")
def chart() -> linkchart.LinkChart:
    return linkchart.load(GRAPH)


@pytest.mark.parametrize("name", list(MEASURES))
def test_every_measure_speaks_the_common_vocabulary(name: str) -> None:
    measure = MEASURES[name]
    params = inspect.signature(measure.function).parameters
    assert measure.function.__name__ == name
    for word in VOCABULARY:
        assert word in params, f"{name} lacks {word}"
        assert params[word].kind is inspect.Parameter.KEYWORD_ONLY, f"{name}: {word} is not keyword-only"
    assert params["relations"].default is None and params["directed"].default is None
    assert params["layers"].default is None and params["engine"].default == "igraph"
    if measure.signed:  # reads signs itself
        assert "signs" not in params
    else:
        assert params["signs"].default is None and params["signs"].kind is inspect.Parameter.KEYWORD_ONLY
    if "normalized" in params:
        assert params["normalized"].default is False, f"{name}: normalized defaults to True"
    assert ("seed" in params) == measure.seeded
    assert measure.returns in RETURNS and measure.cost in COSTS and measure.meaning
    for option in measure.options:
        assert option in params, f"{name}: registry option {option!r} is not a parameter"


@pytest.mark.parametrize("name", MEASURES.names(returns="node"))
def test_every_node_measure_gives_scores_on_both_engines(name: str, chart: linkchart.LinkChart) -> None:
    measure = MEASURES[name]
    ours = measure(chart)
    assert isinstance(ours, Scores) and list(ours) == list(chart.node_ids)
    if name != "participation":  # its communities come from two different heuristics
        theirs = measure(chart, engine="networkx")
        assert ours.values_array == pytest.approx(theirs.values_array, rel=1e-6, abs=1e-9, nan_ok=True)


@pytest.mark.parametrize("name", list(MEASURES))
def test_every_measure_reads_the_relations_it_is_given(name: str, chart: linkchart.LinkChart) -> None:
    with pytest.raises(UnknownNameError, match="did you mean 'helps'"):
        MEASURES[name](chart, relations=["help"])


def test_topological_measures_refuse_a_weight_and_undirected_ones_a_direction(
    chart: linkchart.LinkChart,
) -> None:
    for name in ("degree", "bridges", "articulation_points", "brokerage", "bridging_coefficient"):
        with pytest.raises(LinkchartError, match="topological"):
            MEASURES[name].function(chart, weight="count")
    for name in ("bridges", "communities", "participation", "bridging_centrality"):
        with pytest.raises(LinkchartError, match="undirected reading"):
            MEASURES[name].function(chart, directed=True)


def test_registry_is_read_only_and_names_what_is_missing() -> None:
    with pytest.raises(UnknownNameError, match="did you mean 'pagerank'"):
        MEASURES["page_rank"]
    with pytest.raises(TypeError):
        MEASURES["x"] = MEASURES["degree"]  # type: ignore[index]
    with pytest.raises(AttributeError):
        MEASURES["degree"].cost = "linear"  # type: ignore[misc]
    with pytest.raises(LinkchartError, match="registered twice"):
        Registry([MEASURES["degree"], MEASURES["degree"]])
    with pytest.raises(LinkchartError, match="only per-node"):
        Measure("x", linkchart.bridges, "edge", True, "x", in_report=False, on_page=True, cost="linear")
    with pytest.raises(UnknownNameError, match="cost class"):
        Measure("x", linkchart.degree, "node", True, "x", in_report=False, on_page=False, cost="cubic")


def test_constraint_is_the_one_measure_where_less_is_more() -> None:
    assert [n for n, m in MEASURES.items() if not m.higher_is_more] == ["constraint"]


# --------------------------------------------------------------------------- a toy measure
def hub_score(
    chart: linkchart.LinkChart,
    *,
    relations: object = None,
    directed: bool | None = None,
    weight: None = None,
    engine: str = "igraph",
) -> Scores:
    """Degree plus 100: a toy measure that only this test registers."""
    degree = linkchart.degree(chart, relations=relations, directed=directed)  # type: ignore[arg-type]
    return Scores(chart, degree.values_array + 100.0, measure="hub_score")


TOY = Measure(
    "hub_score",
    hub_score,
    "node",
    True,
    "a toy: degree plus 100",
    in_report=True,
    on_page=True,
    cost="linear",
    reads_layers=False,  # it takes relations only: the registry passes the reading as relations
)


def test_a_toy_measure_added_to_a_copy_reaches_report_page_and_cli(
    chart: linkchart.LinkChart, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry = MEASURES.with_measure(TOY)
    assert "hub_score" in registry and "hub_score" not in MEASURES  # a copy: the original is unchanged

    # the report ranks it, with the registry's meaning
    r = linkchart.report(chart, measures=["hub_score", "degree"], registry=registry, top=3)
    ranking = {x.measure: x for x in r.rankings}["hub_score"]
    assert ranking.description == "a toy: degree plus 100"
    top_degree = linkchart.degree(chart).top(1)[0]
    assert ranking.overall[0].node == top_degree[0] and ranking.overall[0].value == top_degree[1] + 100
    assert "hub_score" in linkchart.report(chart, registry=registry).sections  # in the default set

    # the page lists it by default and can size nodes by it
    page = linkchart.render_html(chart, size_by="hub_score", registry=registry)
    payload = json.loads(
        page.split('<script type="application/json" id="linkchart-data">', 1)[1].split("</script>")[0]
    )
    names = [m["name"] for m in payload["measures"]]
    assert "hub_score" in names
    values = payload["measures"][names.index("hub_score")]["values"]
    assert min(v for v in values if v is not None) >= 100
    with pytest.raises(UnknownNameError):
        linkchart.render_html(chart, size_by="hub_score")  # not in the default registry

    # the command line offers it
    assert main(["analyze", str(GRAPH), "--measures", "hub_score", "--json"], registry=registry) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [x["measure"] for x in doc["rankings"]] == ["hub_score"]
    out = tmp_path / "toy.html"
    assert main(["render", str(GRAPH), "-o", str(out), "--size-by", "hub_score"], registry=registry) == 0
    assert out.read_text(encoding="utf-8") == page
    assert main(["analyze", str(GRAPH), "--measures", "hub_score"]) == 2  # the default registry lacks it
    assert "unknown measure 'hub_score'" in capsys.readouterr().err


def test_the_registry_options_set_the_report_reading(chart: linkchart.LinkChart) -> None:
    r = linkchart.report(chart, measures=["harmonic"], top=50)
    expected = linkchart.harmonic(chart, normalized=True)
    assert {x.node: x.value for x in r.rankings[0].overall} == pytest.approx(
        {n: v for n, v in expected.items() if n in {x.node for x in r.rankings[0].overall}}
    )
    assert MEASURES["key_players"](chart, k=1).parameters["directed"] is False


def test_an_explicit_argument_wins_over_the_registry_options(chart: linkchart.LinkChart) -> None:
    raw = linkchart.harmonic(chart, normalized=False)
    assert dict(MEASURES["harmonic"](chart, normalized=False)) == pytest.approx(dict(raw))
    normalised = linkchart.harmonic(chart, normalized=True)
    assert dict(MEASURES["harmonic"](chart)) == pytest.approx(dict(normalised))
    assert dict(MEASURES["harmonic"](chart)) != pytest.approx(dict(raw))
    with pytest.raises(linkchart.LinkchartError, match="undirected reading"):
        MEASURES["bridges"](chart, directed=True)  # asked for, refused: never silently overridden
    # a report passes its common arguments less those the options fix
    r = linkchart.report(chart, measures=["bridges", "key_players", "harmonic"], directed=True, draws=None)
    assert r.rankings[0].measure == "harmonic" and r.key_players
    assert MEASURES["bridges"].shared({"directed": True, "layers": None}) == {"layers": None}


def test_no_lookup_by_signature_or_import_in_the_source() -> None:
    # nothing decides what to pass a function by reading its signature at a call; the one
    # reader is the @measure contract, which checks each signature once, at import
    contract = ROOT / "src" / "linkchart" / "analysis" / "_measure.py"
    files = [p for p in (ROOT / "src" / "linkchart").rglob("*.py") if p != contract]
    source = "".join(p.read_text(encoding="utf-8") for p in files)
    assert "inspect.signature" not in source and "importlib.import_module" not in source
    assert contract.read_text(encoding="utf-8").count("inspect.signature(") == 1


def test_a_measure_that_returns_no_scores_is_a_clear_error(chart: linkchart.LinkChart) -> None:
    def broken(chart: linkchart.LinkChart, **_: object) -> list[int]:
        return [1, 2]

    bad = Measure("broken", broken, "node", True, "x", in_report=True, on_page=False, cost="linear")
    with pytest.raises(LinkchartError, match="returned list"):
        linkchart.report(chart, measures=["broken"], registry=MEASURES.with_measure(bad))
    assert np.isfinite(linkchart.degree(chart).values_array).all()


def test_the_readme_measure_table_is_the_registry() -> None:
    from linkchart.analysis.registry import markdown_table

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- measures:start -->\n", 1)[1].split("<!-- measures:end -->", 1)[0]
    assert table == markdown_table(), "regenerate the README table with registry.markdown_table()"

"""One contract, checked over every registered measure (after scikit-network's ``test_API``).

Every measure of :data:`linkchart.MEASURES` speaks the same keywords with the same types and
defaults, documents the shared paragraphs once, refuses a bad argument before any work with
a :class:`~linkchart.errors.LinkchartError`, gives the same answer on both engines, never
changes the chart it reads, and travels to another process by name.
"""

from __future__ import annotations

import ast
import dataclasses
import hashlib
import inspect
import pickle
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import linkchart
from linkchart import MEASURES, LinkchartError, Measure, Scores, UnknownNameError
from linkchart.analysis._docs import PARAGRAPHS
from linkchart.analysis._measure import MeasureInfo, bound

ROOT = Path(__file__).resolve().parents[2]
GRAPH = ROOT / "graphs" / "central_asia.yaml"
ANALYSIS = ROOT / "src" / "linkchart" / "analysis"

FAST: dict[str, dict[str, Any]] = {"key_players": {"k": 1}, "communities": {"method": "louvain"}}
"""Arguments that keep a measure quick on the Central Asia chart (and communities on an
algorithm both engines have)."""

STANDARD = {
    "relations": ("Relations", None),
    "layers": ("Layers", None),
    "signs": ("SignReading | None", None),
    "directed": ("bool | None", None),
    "engine": ("Engine", "igraph"),
    "seed": ("Seed", 0),
    "workers": ("int | None", None),
    "executor": ("Runner", None),
}


@pytest.fixture(scope="module")
def chart() -> linkchart.LinkChart:
    return linkchart.load(GRAPH)


def _params(name: str) -> dict[str, inspect.Parameter]:
    return dict(inspect.signature(MEASURES[name].function).parameters)


def _info(name: str) -> MeasureInfo:
    info: MeasureInfo = MEASURES[name].function.__measure__  # type: ignore[attr-defined]
    return info


def _plain(result: Any) -> Any:
    """A measure's result as plain values to compare (engines, charts)."""
    if isinstance(result, Scores):
        return {k: (None if np.isnan(v) else round(v, 9)) for k, v in result.items()}
    if isinstance(result, list | linkchart.analysis.Bridges | linkchart.analysis.ArticulationPoints):
        return [
            (r.from_id, r.to_id, r.edge_ids, r.sizes) if hasattr(r, "edge_ids") else (r.node_id, r.sizes)
            for r in result
        ]
    if isinstance(result, linkchart.BrokerageResult):
        return {n: dict(v) for n, v in result.counts.items()}
    if isinstance(result, linkchart.KeyPlayers):
        return (result.nodes, round(result.score, 9))
    if isinstance(result, linkchart.BalanceResult):
        return (result.census, result.frustration, result.ambivalent, dict(result.camps))
    if isinstance(result, linkchart.Communities):
        return result.to_dict()
    raise AssertionError(f"no plain form for {type(result).__name__}")


def _digest(chart: linkchart.LinkChart) -> str:
    """Every array of the chart's node and edge tables, to the byte."""
    h = hashlib.sha256()
    for table in (chart.nodes, chart.edges):
        for f in dataclasses.fields(table):
            value = getattr(table, f.name)
            if isinstance(value, np.ndarray):
                h.update(f.name.encode())
                h.update(value.tobytes() if value.dtype != object else repr(value.tolist()).encode())
    return h.hexdigest()


# ----------------------------------------------------------------------------- the signature
@pytest.mark.parametrize("name", list(MEASURES))
def test_the_signature_speaks_the_vocabulary(name: str) -> None:
    measure, info, params = MEASURES[name], _info(name), _params(name)
    words = {"relations", "layers", "directed", "weight", "engine"}
    words |= set() if info.signed else {"signs"}
    words |= {"seed"} if info.seeded else set()
    words |= {"workers", "executor"} if info.parallel else set()
    for word in words:
        assert word in params, f"{name} lacks {word}"
        p = params[word]
        assert p.kind is inspect.Parameter.KEYWORD_ONLY, f"{name}: {word} is not keyword-only"
        if word in STANDARD:
            assert (p.annotation, p.default) == STANDARD[word], f"{name}: {word}"
    if info.signed:
        assert "signs" not in params
    weight = params["weight"]
    if info.weight == "topological":
        assert (weight.annotation, weight.default) == ("None", None)
    else:
        assert weight.annotation == "Weighting | None" and weight.default in (None, "weight")
    if "normalized" in params:
        assert (params["normalized"].annotation, params["normalized"].default) == ("bool", False)
    assert ("seed" in params) == info.seeded == measure.seeded
    assert measure.parallel == info.parallel and measure.signed == info.signed


def _same(a: Measure, b: Measure) -> bool:
    return all(getattr(a, f.name) == getattr(b, f.name) for f in dataclasses.fields(Measure))


def test_the_registry_is_built_from_the_declarations_in_report_order() -> None:
    source = (ANALYSIS / "registry.py").read_text(encoding="utf-8")
    call = next(
        n.value
        for n in ast.walk(ast.parse(source))
        if isinstance(n, ast.AnnAssign) and getattr(n.target, "id", "") == "MEASURES"
    )
    assert isinstance(call, ast.Call)
    assert [a.id for a in call.args if isinstance(a, ast.Name)] == list(MEASURES)
    for name, measure in MEASURES.items():
        assert _same(measure, Measure.of(measure.function)), name
    with pytest.raises(LinkchartError, match="not declared with @measure"):
        Measure.of(linkchart.explain_path)


# ----------------------------------------------------------------------------- the docstring
@pytest.mark.parametrize("name", list(MEASURES))
def test_the_docstring_holds_the_reading_paragraph_once(name: str) -> None:
    doc = MEASURES[name].function.__doc__ or ""
    paragraph = PARAGRAPHS["reading_signed" if _info(name).signed else "reading"]
    first_line = paragraph.splitlines()[1].strip()  # its first sentence, as indented in the doc
    assert doc.count(first_line) == 1, name
    assert doc.count("%(") == 0
    for section in ("Parameters", "Returns", "References", "Examples"):
        assert f"\n    {section}\n    {'-' * len(section)}\n" in doc, f"{name} lacks {section}"


def test_no_token_is_left_in_any_docstring() -> None:
    for module in ANALYSIS.glob("*.py"):
        if module.name == "_docs.py":
            continue
        tree = ast.parse(module.read_text(encoding="utf-8"))
        tokens = [
            n.name
            for n in ast.walk(tree)
            if isinstance(n, ast.FunctionDef) and "%(" in (ast.get_docstring(n, clean=False) or "")
        ]
        imported = __import__(f"linkchart.analysis.{module.stem}", fromlist=["x"])
        for fname in tokens:  # written with tokens: filled once imported
            fn = getattr(imported, fname)
            assert "%(" not in (fn.__doc__ or ""), f"{module.stem}.{fname}"


def test_the_paragraphs_are_not_repeated_by_hand() -> None:
    source = "".join(p.read_text(encoding="utf-8") for p in ANALYSIS.glob("*.py") if p.name != "_docs.py")
    assert "The reading: which layers and signs count" not in source
    assert source.count("%(reading)s") >= 15


# ----------------------------------------------------------------------------- the checks
@pytest.mark.parametrize("name", list(MEASURES))
def test_bad_arguments_are_refused_before_any_work(name: str, chart: linkchart.LinkChart) -> None:
    measure, info = MEASURES[name], _info(name)
    f = measure.function
    with pytest.raises(LinkchartError, match="did you mean 'relations'"):
        f(chart, relation=["helps"])
    with pytest.raises(UnknownNameError, match="unknown engine 'igrph' — did you mean 'igraph'"):
        f(chart, engine="igrph")
    with pytest.raises(UnknownNameError, match="layer"):
        f(chart, layers=["no such layer"])
    with pytest.raises(LinkchartError, match="directed must be"):
        f(chart, directed="yes")
    with pytest.raises(LinkchartError, match="reads a LinkChart"):
        f("central_asia.yaml")
    if not info.signed:
        with pytest.raises(UnknownNameError, match="unknown signs"):
            f(chart, signs="hostile")
    if info.weight == "topological":
        with pytest.raises(LinkchartError, match="topological"):
            f(chart, weight="count")
    else:
        with pytest.raises(UnknownNameError, match="unknown weighting 'counts' — did you mean 'count'"):
            f(chart, weight="counts")
    if info.undirected:
        with pytest.raises(LinkchartError, match="undirected reading"):
            f(chart, directed=True)
    if info.seeded:
        for bad in (-1, 1.5, True, 2**32):
            with pytest.raises(LinkchartError, match="seed must be an integer from 0 to 4294967295"):
                f(chart, seed=bad)
    if info.parallel:
        with pytest.raises(LinkchartError, match="workers must be a positive integer"):
            f(chart, workers=0)
        with pytest.raises(LinkchartError, match="executor must be"):
            f(chart, executor="processes")
    if "normalized" in _params(name):
        with pytest.raises(LinkchartError, match="normalized must be True or False"):
            f(chart, normalized=1)


def test_a_generator_of_relations_is_read_once_and_whole(chart: linkchart.LinkChart) -> None:
    names = [r.name for r in chart.vocabulary.relations if r.read][:3]
    assert linkchart.degree(chart, relations=(r for r in names)) == linkchart.degree(chart, relations=names)


# ----------------------------------------------------------------------------- engines, input
@pytest.mark.parametrize("name", [n for n in MEASURES if n not in ("communities", "participation")])
def test_both_engines_give_the_same_answer(name: str, chart: linkchart.LinkChart) -> None:
    # communities and participation are excepted: Leiden (igraph) and Louvain (networkx)
    # are two heuristics (their docstrings say so)
    measure, options = MEASURES[name], FAST.get(name, {})
    assert _plain(measure(chart, **options)) == _plain(measure(chart, engine="networkx", **options))


@pytest.mark.parametrize("name", list(MEASURES))
def test_a_measure_never_changes_the_chart_it_reads(name: str) -> None:
    chart, pristine = linkchart.load(GRAPH), linkchart.load(GRAPH)
    before = _digest(chart)
    MEASURES[name](chart, **FAST.get(name, {}))
    MEASURES[name](chart, engine="networkx", **FAST.get(name, {}))
    assert _digest(chart) == before and chart == pristine


# ----------------------------------------------------------------------------- pickling, keys
@pytest.mark.parametrize("name", list(MEASURES))
def test_a_measure_travels_by_name(name: str) -> None:
    measure = MEASURES[name]
    assert pickle.loads(pickle.dumps(measure.function)) is measure.function
    assert _same(pickle.loads(pickle.dumps(measure)), measure)
    call = measure.call(normalized=True) if "normalized" in _params(name) else measure.call()
    assert pickle.loads(pickle.dumps(call)).key == call.key


def test_bound_arguments_are_a_result_s_identity() -> None:
    h = MEASURES["harmonic"]
    # the registry's options apply, defaults fill in, how it runs is no part of it
    assert h.bound() == h.bound(normalized=True, workers=3) == h.bound(executor=None, mode="out")
    assert h.bound() != h.bound(normalized=False)
    assert h.bound(relations=["a", "b"])["relations"] == ("a", "b")
    assert MEASURES["balance"].bound(signs="all") == MEASURES["balance"].bound()  # signed: none taken
    assert bound(linkchart.degree, {})["mode"] == "all"
    assert h.call().key == h.call(workers=2).key != h.call(normalized=False).key

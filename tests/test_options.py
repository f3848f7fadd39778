"""Options declared once (linkchart.options): declarations, checks, routing, documentation."""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linkchart.analysis.findings import Findings
from linkchart.analysis.spec import AnalysisSpec, RunSpec
from linkchart.errors import LinkchartError, UnknownNameError
from linkchart.figures.spec import FigureSpec
from linkchart.options import (
    Max,
    Min,
    build,
    check,
    choices,
    declared,
    describe,
    in_bounds,
    option,
    replace,
    signature,
    split,
)
from linkchart.render.spec import PageSpec
from linkchart.reporting.spec import ReportSpec

SPECS = (AnalysisSpec, RunSpec, PageSpec, ReportSpec, FigureSpec)


def _tuple(value: Any) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@dataclass(frozen=True, slots=True)
class Demo:
    color: Literal["type", "community"] = option("type", help="node colour", kind="colouring")
    top: Annotated[int, Min(1), Max(50)] = option(5, help="how many", metavar="N")
    share: Annotated[float, Min(0), Max(1)] = option(0.5, help="a share")
    marks: tuple[Literal["bridges", "brokers"], ...] = option(
        (), help="what to mark", all_word="all", convert=_tuple
    )
    size_by: str | None = option(
        "degree", help="node size", choices_from="sizes", none_word="none", kind="measure"
    )
    summary: Annotated[int, Min(1)] | bool | None = option(None, help="summary view")
    pair: tuple[str, Mapping[str, Any]] | None = option(None, help="a measure and its options", cli=False)
    undirected: bool | None = option(None, help="undirected", flag="--undirected", const=False)

    def sizes(self) -> tuple[str, ...]:
        return ("degree", "pagerank")


@dataclass(frozen=True)
class Other:
    top: int = option(3, help="top")
    title: str = option("", help="title")


def test_declared_lists_every_field_with_its_type_default_and_help() -> None:
    found = declared(Demo)
    assert list(found) == [f.name for f in dataclasses.fields(Demo)]
    top = found["top"]
    assert (top.name, top.default, top.help, top.metavar) == ("top", 5, "how many", "N")
    assert top.type == Annotated[int, Min(1), Max(50)]
    assert found["color"].cli_flag == "--color" and found["size_by"].cli_flag == "--size-by"
    assert found["undirected"].cli_flag == "--undirected" and found["undirected"].const is False
    assert found["pair"].cli is False and found["color"].noun == "colouring" and found["top"].noun == "top"


def test_a_field_not_declared_with_option_is_refused() -> None:
    @dataclass(frozen=True)
    class Loose:
        a: int = option(1, help="a")
        b: int = 2

    with pytest.raises(TypeError, match=r"Loose\.b is not declared with option\(\)"):
        declared(Loose)
    with pytest.raises(TypeError, match="not a dataclass"):
        declared(int)
    with pytest.raises(TypeError, match=r"Findings\.chart is not declared with option\(\)"):
        declared(Findings)  # a dataclass, but not a spec


def test_option_needs_one_default() -> None:
    with pytest.raises(TypeError, match="exactly one"):
        option(help="no default")
    with pytest.raises(TypeError, match="exactly one"):
        option(1, default_factory=list, help="two")


def test_a_choice_that_names_nothing_gets_a_did_you_mean() -> None:
    with pytest.raises(UnknownNameError, match="unknown colouring 'comunity' — did you mean 'community'"):
        check(Demo(color="comunity"))  # type: ignore[arg-type]
    with pytest.raises(UnknownNameError, match="unknown marks 'broker' — did you mean 'brokers'"):
        check(Demo(marks=("bridges", "broker")))  # type: ignore[arg-type]
    with pytest.raises(UnknownNameError, match="unknown measure 'pagerang' — did you mean 'pagerank'"):
        check(Demo(size_by="pagerang"))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"top": 0}, "top must be an integer from 1 to 50, not 0"),
        ({"top": True}, "top must be an integer from 1 to 50, not True"),
        ({"top": 2.0}, "top must be an integer from 1 to 50, not 2.0"),
        ({"share": float("nan")}, "share must be a number from 0 to 1, not nan"),
        ({"share": "half"}, "share must be a number from 0 to 1, not 'half'"),
        ({"summary": 0}, "summary must be a positive integer, not 0"),
        ({"summary": "all"}, "summary must be a positive integer or True or False or None, not 'all'"),
        ({"marks": "bridges"}, "marks must be a sequence of one of 'bridges', 'brokers', not 'bridges'"),
        ({"pair": ("degree",)}, r"pair must be a tuple of a text, a Mapping or None, not \('degree',\)"),
        ({"undirected": 0}, "undirected must be True or False or None, not 0"),
    ],
)
def test_a_value_of_the_wrong_type_or_out_of_bounds_is_refused(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(LinkchartError, match=message) as caught:
        check(dataclasses.replace(Demo(), **changes))
    assert caught.value.code == "bad-argument"


def test_good_values_pass() -> None:
    check(Demo())
    check(Demo(top=50, share=1, summary=True, pair=("degree", {"normalized": True}), size_by=None))
    check(Demo(summary=1, marks=("bridges", "brokers"), undirected=False))


@given(st.integers(min_value=-100, max_value=100))
def test_a_bounded_integer_passes_exactly_within_its_bounds(value: int) -> None:
    spec = dataclasses.replace(Demo(), top=value)
    if 1 <= value <= 50:
        check(spec)
    else:
        with pytest.raises(LinkchartError, match="top must be an integer from 1 to 50"):
            check(spec)


def test_build_converts_checks_and_refuses_an_unknown_keyword() -> None:
    assert build(Demo, marks="bridges", top=7) == Demo(marks=("bridges",), top=7)
    assert build(Demo, marks=["brokers", "bridges"]).marks == ("brokers", "bridges")
    with pytest.raises(UnknownNameError, match="unknown option 'tp' — did you mean 'top'"):
        build(Demo, tp=3)
    with pytest.raises(LinkchartError, match="top must be"):
        build(Demo, top=99)


def test_replace_changes_converts_and_checks() -> None:
    base = Demo(top=3)
    assert replace(base, marks="brokers") == Demo(top=3, marks=("brokers",))
    assert base == Demo(top=3)  # specs are values: the old one is unchanged
    with pytest.raises(UnknownNameError, match="unknown colouring"):
        replace(base, color="colour")


def test_split_routes_each_keyword_to_every_spec_that_declares_it() -> None:
    assert split({"top": 4, "title": "T", "color": "community"}, Demo, Other) == (
        {"top": 4, "color": "community"},
        {"top": 4, "title": "T"},
    )
    assert split({}, Demo, Other) == ({}, {})
    with pytest.raises(UnknownNameError, match="unknown option 'titel' — did you mean 'title'"):
        split({"titel": "T"}, Demo, Other)


def test_choices_are_static_or_read_from_the_spec() -> None:
    known = declared(Demo)
    assert choices(known["color"]) == ("type", "community")
    assert choices(known["marks"]) == ("bridges", "brokers")
    assert choices(known["size_by"], Demo()) == ("degree", "pagerank")
    assert choices(known["size_by"]) is None  # from the spec: none without one
    assert choices(known["top"]) is None


def test_describe_writes_numpydoc_entries() -> None:
    text = describe(Demo, only=["color", "top", "size_by"])
    assert text.splitlines() == [
        "color : {'type', 'community'}, default 'type'",
        "    node colour",
        "top : int (1 to 50), default 5",
        "    how many",
        "size_by : str or None, default 'degree'",
        "    node size",
    ]


def test_signature_takes_every_option_as_a_keyword_with_its_default() -> None:
    chart = inspect.Parameter("chart", inspect.Parameter.POSITIONAL_ONLY)
    sig = signature(Demo, chart)
    assert list(sig.parameters) == ["chart", *declared(Demo)]
    top = sig.parameters["top"]
    assert top.kind is inspect.Parameter.KEYWORD_ONLY and top.default == 5


@pytest.mark.parametrize("spec_type", SPECS, ids=lambda t: t.__name__)
def test_every_spec_is_declared_once_and_its_defaults_pass_its_checks(spec_type: type) -> None:
    known = declared(spec_type)  # raises for a field not declared with option()
    assert all(o.help.strip() for o in known.values())
    spec = spec_type()
    check(spec)
    for name, opt in known.items():
        assert getattr(spec, name) == opt.default
        if opt.choices_from is not None:
            assert choices(opt, spec), f"{spec_type.__name__}.{name}: no choices"
    assert describe(spec_type).count("\n    ") == len(known)


def test_a_strict_bound_excludes_the_bound_itself() -> None:
    @dataclass(frozen=True)
    class Strict:
        weight: Annotated[float, Min(0, strict=True)] | None = option(None, help="a weight above 0")
        share: Annotated[float, Min(0), Max(1, strict=True)] = option(0.5, help="a fraction below 1")

    assert build(Strict, weight=1e-9, share=0.0) == Strict(1e-9, 0.0)
    with pytest.raises(LinkchartError, match=r"weight must be a positive number, not 0"):
        build(Strict, weight=0)
    with pytest.raises(
        LinkchartError, match=r"share must be a number from 0 up to \(not including\) 1, not 1"
    ):
        build(Strict, share=1)
    assert describe(Strict).splitlines()[::2] == [
        "weight : float (above 0) or None, default None",
        "share : float (0 to below 1), default 0.5",
    ]
    assert in_bounds(1, [Min(1)]) and not in_bounds(1, [Min(1, strict=True)])

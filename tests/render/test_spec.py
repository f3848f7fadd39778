"""The page's choices (linkchart.render.spec): declared once, and page_spec agrees with them."""

from __future__ import annotations

import inspect
from typing import Any

import pytest

from linkchart import MEASURES, options
from linkchart.errors import LinkchartError, UnknownNameError
from linkchart.render.spec import HIGHLIGHTS, PageSpec, page_spec


def test_page_spec_takes_exactly_the_declared_options_with_their_defaults() -> None:
    params = inspect.signature(page_spec).parameters
    declared = options.declared(PageSpec)
    assert list(params) == list(declared)
    for name, opt in declared.items():
        assert params[name].default == opt.default, name


@pytest.mark.parametrize(
    "choices",
    [
        {},
        {"highlight": True},
        {"highlight": "all"},
        {"highlight": ["bridges"], "layers": ["operational"], "measures": ["degree"]},
        {"highlight": False, "layers": "all", "signs": "all", "undated": "always"},
        {"size_by": None, "summary": 40, "color_by": "community", "layout": "circle", "seed": 7},
    ],
)
def test_page_spec_and_the_declarations_make_the_same_spec(choices: dict[str, Any]) -> None:
    assert page_spec(**choices) == options.build(PageSpec, **choices)


@pytest.mark.parametrize(
    "spec",
    [
        PageSpec(size_by="betweeness"),
        PageSpec(color_by="types"),  # type: ignore[arg-type]
        PageSpec(highlight=("bridge",)),  # type: ignore[arg-type]
        PageSpec(layout="spring"),  # type: ignore[arg-type]
        PageSpec(measures=("pagerank", "closenes")),
        PageSpec(signs="positve"),  # type: ignore[arg-type]
        PageSpec(top_brokers=-1),
        PageSpec(min_dated=2),
        PageSpec(summary=0),
    ],
)
def test_the_declarations_refuse_what_page_spec_check_refuses(spec: PageSpec) -> None:
    with pytest.raises(LinkchartError) as by_check:
        spec.check()
    with pytest.raises(LinkchartError) as by_declaration:
        options.check(spec)
    assert type(by_check.value) is type(by_declaration.value)
    if isinstance(by_check.value, UnknownNameError):
        assert str(by_check.value) == str(by_declaration.value)


def test_the_measure_choices_come_from_the_spec_registry() -> None:
    spec = PageSpec()
    assert options.choices(options.declared(PageSpec)["size_by"], spec) == MEASURES.names(returns="node")
    assert options.choices(options.declared(PageSpec)["highlight"]) == HIGHLIGHTS

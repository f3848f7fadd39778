"""Tests for linkchart.loading.evidence: quotes must occur in their source's text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import linkchart
from linkchart.loading.evidence import fold, is_remote, quote_occurs

Swap = Callable[[str, str, str], str]


def test_fold() -> None:
    assert fold("a\u201cb\u201d \u2018c\u2019\n\t d \u2013 e \u2014 f") == "a\"b\" 'c' d - e - f"


@pytest.mark.parametrize(
    "quote",
    [
        "Financing for the IMT units, it has been argued, comes through Pakistan",
        "Financing for the IMT units ... comes through Pakistan",
        "Financing for the IMT units \u2026 comes through   Pakistan",
        "control Tajikistan's territory - or the various",  # plain quote and dash
        "control Tajikistan\u2019s\nterritory \u2013 or",
    ],
)
def test_quotes_that_occur(graphs, base, replace: Swap, quote: str) -> None:
    text = replace(base, '"comes through Pakistan"', '"' + quote.replace("\n", "\\n") + '"')
    assert linkchart.load(graphs.write(text)).edge("e0").evidence == quote


@pytest.mark.parametrize(
    ("quote", "missing"),
    [
        ("comes through Afghanistan", "comes through Afghanistan"),
        ("comes through Pakistan ... Financing for the IMT", "Financing for the IMT"),  # out of order
        ("financing for the IMT units", "financing for the IMT units"),  # case matters
    ],
)
def test_quotes_that_do_not_occur(graphs, base, replace: Swap, quote: str, missing: str) -> None:
    text = replace(base, '"comes through Pakistan"', f'"{quote}"')
    p = graphs.one(text, "evidence-not-found")
    assert (p.path, p.line) == ("edges[0].evidence", graphs.line(text, quote))
    assert repr(missing) in p.message


def test_the_hint_shows_where_the_quote_departs(graphs, base, replace: Swap) -> None:
    text = replace(base, '"comes through Pakistan"', '"it has been argued, comes thru Pakistan"')
    p = graphs.one(text, "evidence-not-found")
    assert p.hint == "the text matches up to 'it has been argued, comes thr' and then differs"


def test_quote_occurs_and_is_remote() -> None:
    assert quote_occurs("a ... c", "a b c") is None
    assert quote_occurs("...", "x") is None
    assert quote_occurs("c ... a", "a b c") == "a"
    assert is_remote("HTTPS://example.org") and not is_remote("sources/a.txt")

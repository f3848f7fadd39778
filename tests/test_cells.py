"""Spreadsheet-safe CSV cells: inert in a spreadsheet, lossless when read back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from linkchart.cells import from_cell, to_cell

_EDGY = st.text(alphabet=st.sampled_from(list("=+-@'\t\r 1.eA|\"")), max_size=6)


@given(st.one_of(st.text(max_size=30), _EDGY))
def test_every_text_round_trips(text: str) -> None:
    assert from_cell(to_cell(text)) == text


@given(st.one_of(st.text(max_size=30), _EDGY))
def test_no_written_cell_starts_like_a_formula_unless_it_is_a_number(text: str) -> None:
    cell = to_cell(text)
    if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        float(cell)  # only a plain number is left as it is


def test_plain_cells_and_numbers_are_written_and_read_as_they_are() -> None:
    for text in ("IMT", "-3", "+1.5e3", ".5", "it's", "'quoted'", ""):
        assert to_cell(text) == text and from_cell(text) == text
    assert to_cell("-3-3") == "'-3-3" and to_cell("@x") == "'@x" and to_cell("''") == "'''"

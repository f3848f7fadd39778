"""Spreadsheet-safe CSV cells that still round-trip losslessly.

A spreadsheet opening a CSV file runs a cell that starts with ``=``, ``+``, ``-`` or
``@`` as a formula (``=HYPERLINK(...)``, ``=cmd|...``: *CSV injection*, OWASP), and a
leading tab or carriage return can hide one. A graph from someone else may hold such
text in any label, alias, quote or attribute, so every CSV linkchart writes guards it:

- **Writing** (:func:`to_cell`): a text cell that starts with one of ``= + - @ \\t \\r``
  is written with one apostrophe in front (``'=HYPERLINK(...)``), the mark a spreadsheet
  itself uses for "this is text". A plain number (``-3``, ``+1.5e3``) is data, not a
  formula, and is written as it is. So that the mark is never ambiguous, a cell that
  *already* starts with an apostrophe followed by one of those characters or another
  apostrophe gets one more apostrophe too.
- **Reading** (:func:`from_cell`): a cell that starts with an apostrophe followed by one
  of ``= + - @ \\t \\r '`` loses that one apostrophe; every other cell is read as it is.

``from_cell(to_cell(x)) == x`` for every text ``x``, so a chart written with
:func:`~linkchart.write_csv` loads back equal. A hand-made CSV file is read unchanged
unless a cell starts with such an apostrophe pair, which spreadsheets themselves never
write into a cell's value.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["from_cell", "to_cell"]

_ACTIVE: Final = frozenset("=+-@\t\r")
_GUARDED: Final = _ACTIVE | {"'"}
_NUMBER: Final = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")


def to_cell(text: str) -> str:
    """``text`` as a CSV cell that a spreadsheet shows as text, never runs as a formula.

    Examples
    --------
    >>> to_cell('=HYPERLINK("http://x")'), to_cell("-3.5"), to_cell("IMT")
    ('\\'=HYPERLINK("http://x")', '-3.5', 'IMT')
    >>> to_cell("'=already marked")
    "''=already marked"
    """
    if not text:
        return text
    first = text[0]
    if first in _ACTIVE:
        return text if _NUMBER.fullmatch(text) else "'" + text
    if first == "'" and text[1:2] in _GUARDED and text[1:2]:
        return "'" + text
    return text


def from_cell(cell: str) -> str:
    """The text that :func:`to_cell` wrote as ``cell`` (a cell it did not mark is returned as is).

    Examples
    --------
    >>> from_cell("'=1+1"), from_cell("''=x"), from_cell("'quoted'"), from_cell("-3")
    ('=1+1', "'=x", "'quoted'", '-3')
    """
    if cell[:1] == "'" and cell[1:2] in _GUARDED and cell[1:2]:
        return cell[1:]
    return cell

"""Plain-text and Markdown tables and the small formats of a report's cells (numbers, names,
node ids with labels), shared by the text and Markdown views."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

__all__ = ["json_value", "who"]


def _num(value: float) -> str:
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and abs(value) < 1e15):
        return str(int(value))
    if math.isnan(value):
        return "NaN"
    return f"{value:.4g}"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Iterable[int] = ()) -> list[str]:
    """Aligned columns; ``right`` lists the columns to right-align (numbers)."""
    right = set(right)
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        parts = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    return [line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Iterable[int] = ()) -> list[str]:
    right = set(right)
    head = "| " + " | ".join(_md_escape(h) for h in headers) + " |"
    rule = "|" + "|".join("---:" if i in right else "---" for i in range(len(headers))) + "|"
    return [head, rule, *("| " + " | ".join(_md_escape(c) for c in r) + " |" for r in rows)]


def _names(ids: Sequence[str], shown: int = 6) -> str:
    return ", ".join(ids[:shown]) + (f", ... ({len(ids) - shown} more)" if len(ids) > shown else "")


def _pieces(components: Sequence[Sequence[str]]) -> str:
    """The pieces cut off (all but the largest), with their members."""
    return "; ".join(f"{len(c)}: {_names(c)}" for c in components[1:])


def json_value(value: float) -> float | None:
    return None if isinstance(value, float) and math.isnan(value) else value


def who(node: str, label: str) -> str:
    """A node as a report shows it: its label, with its id where they differ."""
    return node if not label or label == node else f"{label} [{node}]"


def _headers(headers: list[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """``headers``, with ``note`` added when the rows carry one."""
    return [*headers, "note"] if rows and len(rows[0]) > len(headers) else headers


def _shown(shown: int, total: int) -> str:
    return f"all {total}" if shown == total else f"the {shown} that cut off most, of {total}"

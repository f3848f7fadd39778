"""The one convention of every figure: drawn to the bytes of one format, written in one step.

A figure is a :class:`matplotlib.figure.Figure` made directly, never through ``pyplot``:
``Figure.savefig`` picks the canvas the format needs, so linkchart never switches
matplotlib's backend (a notebook user's stays as it was), and the figure belongs to no
global state (safe from several threads, as matplotlib documents for web servers).
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import LinkchartError
from ..files import write_atomic
from .spec import FIGURE_FORMATS, FigureFormat

__all__ = ["figure_bytes", "figure_format", "write_figure"]


def figure_bytes(fig: Any, format: str, *, dpi: int = 120) -> bytes:
    """A matplotlib figure as ``svg``, ``pdf`` or ``png`` bytes, the same for the same figure
    (no date in the metadata, a fixed SVG id salt). Text stays text: an SVG's as ``<text>``
    (searchable, selectable), a PDF's in its fonts, embedded whole as TrueType (Type 42)."""
    import matplotlib

    metadata: dict[str, Any] = (
        {"Date": None} if format == "svg" else {"CreationDate": None} if format == "pdf" else {}
    )
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "linkchart", "svg.fonttype": "none", "pdf.fonttype": 42}):
        fig.savefig(buffer, format=format, dpi=dpi if format == "png" else 100, metadata=metadata or None)
    data: bytes = buffer.getvalue()
    return data


def figure_format(path: str | os.PathLike[str]) -> FigureFormat:
    """The figure format ``path``'s extension names.

    Raises
    ------
    LinkchartError
        For an extension other than ``.svg``, ``.pdf`` or ``.png``.

    Examples
    --------
    >>> figure_format("chart.PNG")
    'png'
    """
    target = Path(path)
    kind = target.suffix.lower().lstrip(".")
    if kind not in FIGURE_FORMATS:
        raise LinkchartError(
            f"cannot draw a figure as {target.suffix or 'a file without extension'}: use .svg, .pdf or .png",
            code="bad-argument",
            ctx={"choices": list(FIGURE_FORMATS)},
        )
    found: FigureFormat = kind  # type: ignore[assignment]
    return found


def write_figure(
    data: bytes, path: str | os.PathLike[str], *, inputs: Iterable[str | os.PathLike[str]] = ()
) -> Path:
    """Write a figure's bytes to ``path`` atomically, never over one of ``inputs``; return the path.

    Raises
    ------
    LinkchartError
        For an extension that is not a figure format, or a file that cannot be written.
    """
    figure_format(path)
    return write_atomic(Path(path), data, inputs=inputs)

"""Excel workbooks: sheets ``nodes``, ``edges``, ``vocabulary``, ``sources`` and ``texts`` (:func:`dumps`).

Row 1 of each sheet names its columns, each later row is a record (``docs/exchange.md``);
every text cell is typed text, never a formula, whatever it starts with.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

from ..model import LinkChart
from ..readers.convention import (
    SHEET_EDGE,
    SHEET_NODE,
    SOURCE_COLUMNS,
    TEXT_CHUNK,
    TEXT_COLUMNS,
    VOCABULARY_COLUMNS,
)
from ._document import Parts, check_holdable, exchange_parts, folder_of, text_of

__all__ = ["dumps", "xlsx_bytes"]


def xlsx_bytes(parts: Parts) -> bytes:
    """The ``.xlsx`` file of a chart's exchange parts."""
    from openpyxl import Workbook

    head, nodes, edges = parts
    wb = Workbook()
    sheets = {"nodes": (SHEET_NODE, nodes), "edges": (SHEET_EDGE, edges)}
    first = True
    for name, (columns, rows) in sheets.items():
        ws = wb.active if first else wb.create_sheet(name)
        assert ws is not None
        ws.title = name
        first = False
        ws.append(list(columns))
        for r, row in enumerate(rows, start=2):
            for c, col in enumerate(columns, start=1):
                if col in row and row[col] is not None:
                    value = row[col]
                    cell = ws.cell(row=r, column=c)
                    if col == "weight":
                        cell.value = float(value)
                    else:
                        cell.value = text_of(value, col)
                        cell.data_type = "s"  # text, never a formula, whatever it starts with
    vocab = wb.create_sheet("vocabulary")
    vocab.append(list(VOCABULARY_COLUMNS))
    for key, value in head.items():
        if key != "sources":
            vocab.append([key, json.dumps(value, ensure_ascii=False)])
            vocab.cell(row=vocab.max_row, column=2).data_type = "s"
    src = wb.create_sheet("sources")
    src.append(list(SOURCE_COLUMNS))
    for s in head.get("sources", []):
        src.append([s.get(f, "") for f in SOURCE_COLUMNS])
        for c in range(1, len(SOURCE_COLUMNS) + 1):
            src.cell(row=src.max_row, column=c).data_type = "s"
    embedded = [s for s in head.get("sources", []) if s.get("text")]
    if embedded:  # a cell holds at most 32,767 characters: a text runs down consecutive rows
        texts = wb.create_sheet("texts")
        texts.append(list(TEXT_COLUMNS))
        for s in embedded:
            for start in range(0, len(s["text"]), TEXT_CHUNK):
                texts.append([s["id"], s["text"][start : start + TEXT_CHUNK]])
                for c in (1, 2):
                    texts.cell(row=texts.max_row, column=c).data_type = "s"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def dumps(
    chart: LinkChart, *, folder: str | os.PathLike[str] | None = None, embed_sources: bool = True
) -> bytes:
    """The chart as an ``.xlsx`` workbook, for a file written into ``folder`` (default: the chart's
    own), each source's text in the sheet ``texts`` unless ``embed_sources=False``.

    Raises
    ------
    LinkchartError
        For a text XML cannot hold (a control character, a carriage return), naming the item.
    """
    parts = exchange_parts(
        chart, Path(folder) if folder is not None else folder_of(chart), embed=embed_sources
    )
    check_holdable("xlsx", parts)
    return xlsx_bytes(parts)

"""The closed set of error codes, in one table: :data:`CODES`.

Every code says what kind of failure it names (a ``problem`` in a file or in records, a
``warning`` that still builds the chart, or an ``error`` raised outside a file), in
which formats it can arise, and what it means. :data:`PROBLEM_CODES` and
:data:`ERROR_CODES` are read from it, and the table of ``docs/format.md`` ("Errors") is
:func:`codes_table` (a test keeps the two equal).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal

__all__ = [
    "ANY_FORMAT",
    "CODES",
    "ERROR_CODES",
    "FILE_FORMATS",
    "PROBLEM_CODES",
    "Code",
    "CodeKind",
    "ErrorCode",
    "ProblemCode",
    "codes_table",
]

CodeKind = Literal["problem", "warning", "error"]
"""``problem``: a located problem in a graph file or records (nothing is built);
``warning``: a located problem that still builds the chart; ``error``: an error raised
outside a file's problems (a bad argument, an unknown name, a file not written)."""

FILE_FORMATS: Final = ("yaml", "csv", "parquet", "arrow", "graphml", "gexf", "json", "xlsx", "stix", "ftm")
"""The formats a chart is read from (``json``: node-link JSON; a CSV or Excel matrix
counts as ``csv`` or ``xlsx``; ``parquet`` and ``arrow`` are node and edge tables)."""

ANY_FORMAT: Final = (*FILE_FORMATS, "records")
"""Every format, and Python records (:func:`linkchart.from_records`)."""

_FILES: Final = tuple(f for f in FILE_FORMATS if f not in ("parquet", "arrow"))  # formats with keys
_HEADED: Final = ("yaml", "graphml", "gexf", "json", "xlsx")  # formats that carry linkchart's header
_JSON_INSIDE: Final = ("csv", "graphml", "gexf", "json", "xlsx", "stix", "ftm")


@dataclass(frozen=True, slots=True)
class Code:
    """One row of :data:`CODES`.

    Attributes
    ----------
    kind
        :data:`CodeKind`.
    formats
        The formats in which it can arise (:data:`ANY_FORMAT` for a check every format
        goes through; ``()`` for an ``error``).
    meaning
        What it means, as ``docs/format.md`` says it (Markdown).
    """

    kind: CodeKind
    formats: tuple[str, ...]
    meaning: str


def _problem(formats: tuple[str, ...], meaning: str) -> Code:
    return Code("problem", formats, meaning)


CODES: Final[Mapping[str, Code]] = MappingProxyType(
    {
        "yaml-syntax": _problem(
            ("yaml",),
            "the file is not valid YAML, or uses a tag other than plain data (`!!python/object` ...)",
        ),
        "duplicate-key": _problem(_FILES, "a mapping has the same key twice"),
        "unsupported-version": _problem(
            _HEADED, "`linkchart:` is missing or not `1` (when it is another version nothing else is checked)"
        ),
        "missing-field": _problem(ANY_FORMAT, "a required field is absent"),
        "wrong-type": _problem(
            ANY_FORMAT, "a value has the wrong type (e.g. `label: yes` read as a boolean)"
        ),
        "unknown-field": _problem(ANY_FORMAT, "a key the format does not know (typo?)"),
        "duplicate-node": _problem(ANY_FORMAT, "two nodes share an id"),
        "duplicate-edge": _problem(ANY_FORMAT, "two edges share an id"),
        "duplicate-name": _problem(
            ANY_FORMAT,
            "a source declared twice, or an alias that also names another node (its id or alias, "
            "ignoring case) (a node type, relation or confidence level written twice is a "
            "`duplicate-key`)",
        ),
        "unknown-node": _problem(ANY_FORMAT, "an edge names a node that is not declared"),
        "unknown-node-type": _problem(ANY_FORMAT, "a node has a type that is not declared"),
        "unknown-relation": _problem(ANY_FORMAT, "an edge has a relation that is not declared"),
        "relation-not-allowed": _problem(ANY_FORMAT, "the relation does not allow this pair of node types"),
        "unknown-layer": _problem(ANY_FORMAT, "`analysis.layers` names a layer that no relation is in"),
        "bad-confidence": _problem(
            ANY_FORMAT, "a confidence level not in the scale, or a probability outside (0, 1]"
        ),
        "bad-grade": _problem(
            ANY_FORMAT,
            "a source's `reliability` that is not A-F, an evidence item's `credibility` that is not "
            "1-6, or a `grades:` table or rule that is not one",
        ),
        "bad-decision": _problem(
            ANY_FORMAT,
            "a `same_as` decision that cannot be applied without settling a conflict: nodes of "
            "different types, attributes or lifespans, an edge between them, or a `not_same_as` "
            "between nodes a `same_as` joins",
        ),
        "bad-time": _problem(
            ANY_FORMAT,
            "a time that is not a year, month, day or valid interval (or a period that is not one, or "
            "whose name is empty, padded with spaces, holds `/` or is written like a time)",
        ),
        "unknown-period": _problem(ANY_FORMAT, "a time names a period that `periods:` does not declare"),
        "outside-lifespan": Code(
            "warning",
            ANY_FORMAT,
            "**a warning**, not an error: a tie dated wholly outside the lifespan of one of its ends",
        ),
        "bad-alternative": _problem(
            ANY_FORMAT,
            "an either-or claim whose alternatives differ in confidence, share no node, or repeat one "
            "tie; **a warning** for a claim named on one edge only",
        ),
        "undated-source": Code(
            "warning",
            ANY_FORMAT,
            '**a warning**: a source\'s `date` that is not a time (`"Spring 2005"`): its undated '
            "ties are read as having no date",
        ),
        "bad-weight": _problem(ANY_FORMAT, "a weight that is not a positive finite number"),
        "unknown-source": _problem(ANY_FORMAT, "an edge cites a source that is not declared"),
        "evidence-not-found": _problem(
            ANY_FORMAT,
            "the evidence quote does not occur in the source's text, or quotes no words (only `...`)",
        ),
        "source-unreadable": _problem(
            ANY_FORMAT, "a node or edge table (CSV, Parquet, Arrow), or the graph file itself, cannot be read"
        ),
        "evidence-unchecked": Code(
            "warning",
            _FILES,
            "**a warning**: a source whose text is neither in the file (embedded) nor readable at its "
            "local `location` (missing, outside the graph's folder, not a regular file, too large, not "
            "UTF-8), or that an export left without its text: the chart loads, and the quotes citing "
            "that source are not checked",
        ),
        "csv-syntax": _problem(
            ("csv",),
            "a CSV file is malformed (a missing or repeated column, a row of the wrong length, bad "
            "quoting, not UTF-8)",
        ),
        "table-syntax": _problem(
            ("parquet", "arrow"),
            "a Parquet or Arrow table is malformed (not that format, damaged, a missing or repeated "
            "column, a column of a type other than text, numbers, booleans or dates)",
        ),
        "bad-text": _problem(
            ANY_FORMAT,
            'text that no file can hold: a lone surrogate such as `"\\ud800"` (from a JSON escape '
            "or Python records), refused so that whatever loads can be written",
        ),
        "json-syntax": _problem(
            _JSON_INSIDE,
            "a JSON text (node-link JSON, a STIX bundle, or JSON inside GraphML, GEXF or an Excel "
            "cell) is malformed, nested deeper than 64 levels, or holds an integer of more than 4,300 "
            "digits or a number that is not finite (`NaN`, `Infinity`, `1e400`); a lone surrogate "
            '(`"\\ud800"`) is `bad-text`',
        ),
        "xml-syntax": _problem(
            ("graphml", "gexf", "xlsx"),
            "a GraphML or GEXF file, or an XML part of an Excel workbook, is not "
            "well-formed XML, declares a DTD (`<!DOCTYPE ...>`, anywhere), or holds elements nested "
            "deeper than 128 levels or more than 16,777,216 elements",
        ),
        "xlsx-syntax": _problem(
            ("xlsx",),
            "an Excel file is not a workbook (not a zip, a part missing), a part inflates past the "
            "bounds (512 MiB a part, 1 GiB in all, 100 times its compressed size), or a cell has a "
            "bad reference, number, date, boolean or shared-string index",
        ),
        "xlsx-cell": _problem(
            ("xlsx",),
            "a cell holds no value linkchart can take: a formula saved without its value, an error "
            "value (`#REF!`), cells merged over data, a value in a column with no name",
        ),
        "xlsx-sheet": _problem(
            ("xlsx",),
            "a workbook has no sheet `nodes` or `edges`, a sheet named in the wrong case (`Nodes`), "
            "two columns of one name, a `vocabulary` sheet without its `key` or `value (JSON)` column",
        ),
        "stix-invalid": _problem(
            ("stix",), "an object of a STIX bundle is not valid STIX 2.1 (checked with the `stix2` library)"
        ),
        "ftm-invalid": _problem(
            ("ftm",),
            "a line of a FollowTheMoney file is not a valid entity: no id, a schema FtM does not define "
            "(or an abstract one), a property its schema lacks, a value its type refuses (checked with the "
            "`followthemoney` library)",
        ),
        "invalid-data": Code(
            "error",
            (),
            "a graph file or records are invalid: a `LoadError`, whose problems carry the codes above",
        ),
        "unknown-name": Code(
            "error",
            (),
            "a node, measure, relation, engine, period ... that does not exist (the message suggests "
            "the closest names)",
        ),
        "bad-argument": Code(
            "error", (), "an argument of the wrong type or out of range (a command-line usage error too)"
        ),
        "write-failed": Code(
            "error", (), "a file or folder that cannot be written (or that would overwrite an input)"
        ),
        "asset-missing": Code(
            "error",
            (),
            "a file linkchart needs from an installed package is missing or not the one it was "
            "checked against",
        ),
        "worker-failed": Code(
            "error", (), "a worker process died while running part of a computation (out of memory, killed)"
        ),
        "cluster-failed": Code(
            "error",
            (),
            "a Dask cluster that cannot be reached, or that was lost before a computation was done",
        ),
    }
)
"""Every code linkchart reports: code -> :class:`Code`, problems first in the order of the
table in ``docs/format.md``."""

ProblemCode = Literal[
    "yaml-syntax",
    "duplicate-key",
    "unsupported-version",
    "missing-field",
    "wrong-type",
    "unknown-field",
    "duplicate-node",
    "duplicate-edge",
    "duplicate-name",
    "unknown-node",
    "unknown-node-type",
    "unknown-relation",
    "relation-not-allowed",
    "unknown-layer",
    "bad-confidence",
    "bad-grade",
    "bad-decision",
    "bad-time",
    "unknown-period",
    "outside-lifespan",
    "bad-alternative",
    "undated-source",
    "bad-weight",
    "unknown-source",
    "evidence-not-found",
    "source-unreadable",
    "evidence-unchecked",
    "csv-syntax",
    "table-syntax",
    "bad-text",
    "json-syntax",
    "xml-syntax",
    "xlsx-syntax",
    "xlsx-cell",
    "xlsx-sheet",
    "stix-invalid",
    "ftm-invalid",
]
"""The code of a :class:`~linkchart.errors.Problem` (the ``problem`` and ``warning`` rows of
:data:`CODES`, in order; a test keeps them equal), for type checkers."""

ErrorCode = Literal[
    "invalid-data",
    "unknown-name",
    "bad-argument",
    "write-failed",
    "asset-missing",
    "worker-failed",
    "cluster-failed",
]
"""The code of a :class:`~linkchart.errors.LinkchartError` (the ``error`` rows of :data:`CODES`)."""

PROBLEM_CODES: Final[tuple[str, ...]] = tuple(c for c, row in CODES.items() if row.kind != "error")
"""Every problem (and warning) code, in the order of the table in ``docs/format.md``."""

ERROR_CODES: Final[tuple[str, ...]] = tuple(c for c, row in CODES.items() if row.kind == "error")
"""Every code of an error raised outside a file's problems."""


def codes_table() -> str:
    """The Markdown table of :data:`CODES`, as ``docs/format.md`` holds it.

    Examples
    --------
    >>> print(codes_table().splitlines()[2][:50])
    | `yaml-syntax` | problem | yaml | the file is not
    """
    lines = ["| code | kind | formats | meaning |", "|---|---|---|---|"]
    for code, row in CODES.items():
        formats = "any" if row.formats == ANY_FORMAT else ", ".join(row.formats) or "-"
        lines.append(f"| `{code}` | {row.kind} | {formats} | {row.meaning} |")
    return "\n".join(lines) + "\n"

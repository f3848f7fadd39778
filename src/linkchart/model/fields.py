"""The names of a chart's fields as files and records write them: the keys a node and an edge
may have, the names a free attribute may not take, and hints for keys people write by habit.

Every format reads and writes these names (YAML and CSV, the exchange formats, records from
Python); the model converts a chart to records with them (:mod:`.convert`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["EDGE_FIELDS", "KEY_HINTS", "NODE_FIELDS", "RESERVED_EDGE_NAMES", "RESERVED_NODE_NAMES"]

NODE_FIELDS: Final = ("id", "type", "label", "aliases", "time", "notes", "attributes")
"""The keys a node may have."""

EDGE_FIELDS: Final = (
    "id",
    "from",
    "relation",
    "to",
    "confidence",
    "evidence",
    "source",
    "time",
    "weight",
    "alternative",
    "notes",
    "probability",
    "attributes",
)
"""The keys an edge may have (``probability``: a tie's probability as computed — a one-mode
projection's — where its confidence level, grades and evidence do not give it)."""

RESERVED_NODE_NAMES: Final = frozenset(
    {"id", "type", "label", "aliases", "time", "time_from", "time_to", "notes"}
)
"""Names a free node attribute may not take."""

RESERVED_EDGE_NAMES: Final = frozenset(
    {
        "id",
        "from",
        "to",
        "relation",
        "directed",
        "confidence",
        "probability",
        "weight",
        "evidence",
        "source",
        "time",
        "time_from",
        "time_to",
        "alternative",
        "notes",
        "written_from",
        "written_to",
    }
)

"""Names a free edge attribute may not take."""


# Keys people write by habit, and what the format calls them.
KEY_HINTS: Final[Mapping[str, str]] = {
    "source_id": "write 'source'",
    "target": "did you mean 'to'? (edges go from -> to)",
    "dst": "did you mean 'to'?",
    "src": "did you mean 'from'?",
    "directed": "directedness belongs to the relation: declare it under 'relations'",
    "time_from": "write the time as 'time: {from: 1999-03, to: 2001}' or 'time: 1999-2001'",
    "time_to": "write the time as 'time: {from: 1999-03, to: 2001}' or 'time: 1999-2001'",
    "active": "write when the actor was active as 'time: {from: 1996, to: 2001}'",
    "date": "write the time as 'time: 1999-03-15' (or a year, a month, an interval)",
    "year": "write the time as 'time: 1999'",
    "alias": "did you mean 'aliases'?",
    "name": "write the display name as 'label'",
    "note": "did you mean 'notes'? (a list of texts, or of {text, source, quote})",
    "either_or": "write 'alternative: NAME' on each edge of an either-or claim",
    "alternatives": "did you mean 'alternative'? (the same name on each edge of an either-or claim)",
}

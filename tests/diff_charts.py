"""Two versions of one small chart with every kind of change, for the diff page's tests."""

from __future__ import annotations

import linkchart

HOSTILE = '</script><img src=x onerror="window.__xss=1">'
"""A label, quote and id part that would run as script if the page parsed it as HTML."""

PAID = "Ann paid."

SOURCES = [{"id": "s1", "title": "First report"}, {"id": "s2", "title": "Second report"}]


def before_chart(hostile: str = "Gone") -> linkchart.LinkChart:
    """``a``: Ann, Bea, Cid, Dan and a node ``hostile`` that ``b`` drops, with its two ties."""
    return linkchart.from_records(
        [
            {"id": "Ann", "type": "person"},
            {"id": "Bea", "type": "person", "label": "Bea"},
            {"id": "Cid", "type": "person"},
            {"id": "Dan", "type": "person"},
            {"id": "gone", "type": "organisation", "label": hostile, "aliases": [hostile + " alias"]},
        ],
        [
            {
                "from": "Ann",
                "relation": "finances",
                "to": "Bea",
                "confidence": "alleged",
                "evidence": "Ann paid.",
            },
            {"from": "Bea", "relation": "finances", "to": "Cid", "evidence": "Bea paid Cid.", "source": "s1"},
            {"from": "Cid", "relation": "protects", "to": "Dan"},
            {"from": "gone", "relation": "finances", "to": "Ann", "evidence": hostile, "source": "s1"},
            {"from": "gone", "relation": "protects", "to": "Cid"},
            {"from": "Dan", "relation": "protects", "to": "Ann", "evidence": "Dan guards Ann."},
        ],
        title="Before",
        sources=SOURCES,
    )


def after_chart() -> linkchart.LinkChart:
    """``b``: ``gone`` and its ties dropped, Bea relabelled, Ann-Bea now confirmed, Bea-Cid with a
    second evidence item, Dan-Ann gone between nodes both keep, and Eve added with a tie."""
    return linkchart.from_records(
        [
            {"id": "Ann", "type": "person"},
            {"id": "Bea", "type": "person", "label": "Beatrice"},
            {"id": "Cid", "type": "person"},
            {"id": "Dan", "type": "person"},
            {"id": "Eve", "type": "person"},
        ],
        [
            {
                "from": "Ann",
                "relation": "finances",
                "to": "Bea",
                "confidence": "confirmed",
                "evidence": "Ann paid.",
            },
            {
                "from": "Bea",
                "relation": "finances",
                "to": "Cid",
                "source": "s1",
                "evidence": [{"quote": "Bea paid Cid."}, {"quote": "Cid was paid.", "source": "s2"}],
            },
            {"from": "Cid", "relation": "protects", "to": "Dan"},
            {"from": "Eve", "relation": "finances", "to": "Dan", "evidence": "Eve pays Dan."},
        ],
        title="After",
        sources=SOURCES,
    )

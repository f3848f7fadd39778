"""What the briefing preset draws and says: the reading's actors and ties, and a caption
with the reading, the sources and the date (:func:`linkchart.render_image`,
``preset="briefing"``)."""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, cast

from ..analysis.reading import reading

if TYPE_CHECKING:
    from ..analysis.types import Layers, SignReading
    from ..model import LinkChart

__all__ = ["briefing_view", "today"]


def today() -> str:
    """The date a briefing is drawn on, ``YYYY-MM-DD`` (UTC): ``$SOURCE_DATE_EPOCH``'s when
    it is set (reproducible builds), else today's."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    when = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else dt.datetime.now(dt.UTC)
    return when.date().isoformat()


def briefing_view(chart: LinkChart, layers: Layers, signs: str | None) -> tuple[LinkChart, str]:
    """The part of ``chart`` a briefing shows, and a sentence saying what it is.

    The ties of the reading (``layers``, ``signs``, as the measures read them) and, when
    the reading leaves hostile ties out, the hostile ties of the same layers; then only the
    nodes these join (the actors of the reading). What is left out is the context the page
    draws recessive: presence and geography, other layers, nodes with no such tie.

    Examples
    --------
    >>> import linkchart
    >>> from linkchart.vocabulary import NodeType, Relation, Vocabulary
    >>> v = Vocabulary(node_types=(NodeType("group"), NodeType("place")), relations=(
    ...     Relation("funds"), Relation("fights", sign="negative"), Relation("in", sign="neutral")))
    >>> c = linkchart.from_records([{"id": "a", "type": "group"}, {"id": "b", "type": "group"},
    ...     {"id": "c", "type": "group"}, {"id": "x", "type": "place"}],
    ...     [{"from": "a", "relation": "funds", "to": "b"}, {"from": "b", "relation": "fights", "to": "c"},
    ...      {"from": "a", "relation": "in", "to": "x"}], vocabulary=v)
    >>> view, said = briefing_view(c, None, None)
    >>> view.node_ids, view.number_of_edges
    (('a', 'b', 'c'), 2)
    >>> for part in said.split("; "):
    ...     print(part)
    Drawn: 3 of 4 nodes, 2 of 3 ties: the reading (positive ties) and the hostile ties of its layers
    left out: 1 neutral tie.
    """
    read = reading(chart, layers=layers, signs=cast("SignReading | None", signs))
    vocab = chart.vocabulary
    hostile = [] if read.signs in ("negative", "all") else [
        r.name for r in vocab.relations if r.negative and r.read and r.layer in read.layers
    ]  # fmt: skip
    names = [*read.relations, *hostile]
    ties = chart.filter(relations=names) if names else chart.subgraph(())
    e = ties.edges
    joined = sorted(set(e.src.tolist()) | set(e.dst.tolist()))
    view = ties.subgraph(ties.node_ids[i] for i in joined)
    what = read.describe().split(": ", 1)[1].split(" — ")[0]
    what, _, left = what.partition("; left out: ")
    left = ", ".join(x for x in left.split(", ") if "hostile" not in x) if hostile else left
    said = (
        f"Drawn: {view.number_of_nodes} of {chart.number_of_nodes} nodes, {view.number_of_edges} of "
        f"{chart.number_of_edges} ties: the reading ({what})"
        + (" and the hostile ties of its layers" if hostile else "")
        + (f"; left out: {left}." if left else ".")
    )
    return view, said

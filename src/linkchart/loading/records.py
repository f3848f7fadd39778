"""Build a chart from Python records: :func:`from_records`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..errors import Problems
from ..model import LinkChart, Source
from ..vocabulary import Vocabulary
from .build import build
from .columns import ABSENT, Document, rows_to_section

__all__ = ["from_records"]


def _rows(rows: Any) -> Any:
    """A list of the records, or ``rows`` itself when it is no iterable of records
    (text, a mapping, a number: reported by :func:`rows_to_section` as a wrong type)."""
    if isinstance(rows, list | tuple) or isinstance(rows, str | bytes | Mapping):
        return rows
    try:
        return list(rows)
    except TypeError:
        return rows


def from_records(
    nodes: Iterable[Mapping[str, Any]],
    edges: Iterable[Mapping[str, Any]],
    vocabulary: Vocabulary | None = None,
    *,
    title: str = "",
    description: str = "",
    sources: Sequence[Source | Mapping[str, Any]] = (),
    periods: Mapping[str, Any] | None = None,
    directed: bool | Mapping[str, bool] | None = None,
) -> LinkChart:
    """Build a chart from node and edge records with the same keys as the file format.

    Parameters
    ----------
    nodes
        Mappings with ``id`` and ``type`` (required), ``label``, ``aliases``,
        ``time`` (when the actor was active), ``attributes``.
    edges
        Mappings with ``from``, ``relation``, ``to`` (required), ``confidence``,
        ``evidence``, ``source``, ``time``, ``weight``, ``id``, ``attributes``. A
        ``time`` is ``None``, a year, a month or day text (``"1999-03"``,
        ``"1999-03-15"``), a :class:`datetime.date`, an interval (``"1999-2001"``,
        ``"1999-03/1999-04-15"``, ``{"from": a, "to": b}``), a period name or a
        :class:`~linkchart.times.Span`; ``source: None`` means no source.
    vocabulary
        Node types, relations and confidence scale to check against. Without one,
        node types and relations are taken as they appear (a default type such as
        ``state`` keeps its colour and shape), relations are directed with weight 1,
        and the confidence scale is the default one.
    title, description
        The chart's title and description.
    sources
        The documents that edges may cite, as :class:`~linkchart.model.Source` values
        or mappings with ``id``, ``title``, ``author``, ``date``, ``location``.
    periods
        Named periods, name -> time (as under ``periods:`` in a file), usable as times.
    directed
        Without a ``vocabulary``, the direction of the relations taken as they appear:
        ``None`` (default) or ``True`` directed, ``False`` undirected (a contact list),
        or relation name -> ``True``/``False`` (a relation not named: directed). Ignored
        with a ``vocabulary``, whose relations say it.

    Returns
    -------
    LinkChart
        A new chart. The records passed in are never changed, and the records of
        ``chart.to_records()`` give back an equal chart::

            from_records(*c.to_records(), vocabulary=c.vocabulary, title=c.title,
                         description=c.description, sources=c.sources, periods=c.periods) == c

    Raises
    ------
    LoadError
        Listing every problem at once, each with the path of the bad item
        (``edges[3].to``), a stable code and a hint. File and line are ``None``.

    Notes
    -----
    Evidence is not checked against source texts here (records have no folder to
    resolve a location against); :func:`linkchart.load` checks it.

    Examples
    --------
    >>> c = from_records(
    ...     [{"id": "Pakistan", "type": "state"}, {"id": "IMT", "type": "organisation"}],
    ...     [{"from": "Pakistan", "relation": "finances", "to": "IMT", "time": "1999-2001"}],
    ... )
    >>> e = c.edge("e0")
    >>> e.relation, e.directed, e.confidence, e.time.text, e.time.first
    ('finances', True, 'confirmed', '1999-2001', datetime.date(1999, 1, 1))
    >>> from_records([{"id": "IMT", "type": "organisation"}], [{"from": "IMU", "relation": "x", "to": "IMT"}])
    Traceback (most recent call last):
    ...
    linkchart.errors.LoadError: 1 problem found:
    <records>: edges[0].from: unknown node 'IMU' [unknown-node]
        hint: did you mean 'IMT'?
    """
    problems = Problems()
    node_rows = _rows(nodes)
    edge_rows = _rows(edges)
    doc = Document(
        nodes=rows_to_section(node_rows, "nodes", problems),
        edges=rows_to_section(edge_rows, "edges", problems),
        title=title,
        description=description,
        sources=_rows(sources),
        periods=dict(periods) if periods is not None else ABSENT,
        vocabulary=vocabulary,
        open_node_types=vocabulary is None,
        require_title=False,
        directed=directed,
    )
    return build(doc, problems)

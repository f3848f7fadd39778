"""Node-link JSON (networkx ``node_link_graph(data, edges="links")``, D3): :func:`dumps`.

The header rides in ``graph.linkchart``; each node is its record, each link its edge
record with ``source`` and ``target`` for its ends, ``key`` its id and ``cites`` its
source (``docs/exchange.md``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..model import LinkChart
from ._document import Parts, exchange_parts, folder_of

__all__ = ["dumps", "nodelink_text"]


def nodelink_text(parts: Parts) -> str:
    """The node-link JSON text of a chart's exchange parts."""
    head, nodes, edges = parts
    links = []
    for e in edges:
        link = {"source": e["from"], "target": e["to"], "key": e["id"]}
        link.update({k: v for k, v in e.items() if k not in ("from", "to")})
        links.append(link)
    data = {
        "directed": True,
        "multigraph": True,
        "graph": {"linkchart": dict(head)},
        "nodes": nodes,
        "links": links,
    }
    return json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def dumps(
    chart: LinkChart, *, folder: str | os.PathLike[str] | None = None, embed_sources: bool = True
) -> str:
    """The chart as node-link JSON text, for a file written into ``folder`` (default: the chart's
    own), each source with its text unless ``embed_sources=False`` (``docs/exchange.md``).

    Examples
    --------
    >>> import json, linkchart
    >>> c = linkchart.from_records([{"id": "A", "type": "state"}, {"id": "B", "type": "state"}],
    ...                            [{"from": "A", "relation": "borders", "to": "B"}])
    >>> json.loads(dumps(c))["links"][0]["source"]
    'A'
    """
    folder_path = Path(folder) if folder is not None else folder_of(chart)
    return nodelink_text(exchange_parts(chart, folder_path, embed=embed_sources))

"""Affiliation charts shared by the tests of node classes, one-mode projections and
affiliations (``tests/conftest.py`` puts this folder on ``sys.path``)."""

from __future__ import annotations

from typing import Any

import networkx as nx

import linkchart
from linkchart import NodeType, Relation, Vocabulary

__all__ = ["VOCAB", "at", "chart", "davis"]

VOCAB = Vocabulary(
    node_types=(
        NodeType("person", node_class="agent"),
        NodeType("meeting", node_class="event"),
        NodeType("group", node_class="organisation"),
        NodeType("place"),
    ),
    relations=(
        Relation("attended", directed=True),
        Relation("member_of"),
        Relation("knows", directed=False),
        Relation("raided", sign="negative"),
    ),
)


def chart(edges: list[dict[str, Any]], nodes: list[dict[str, Any]] | None = None) -> linkchart.LinkChart:
    if nodes is None:
        nodes = [{"id": x, "type": "person"} for x in "abcd"] + [
            {"id": m, "type": "meeting"} for m in ("m1", "m2", "m3")
        ]
    return linkchart.from_records(nodes, edges, VOCAB, title="T")


def at(who: str, meeting: str, **extra: Any) -> dict[str, Any]:
    return {"from": who, "relation": "attended", "to": meeting, **extra}


def davis() -> tuple[nx.Graph, linkchart.LinkChart]:
    g = nx.davis_southern_women_graph()
    women = set(g.graph["top"])
    nodes = [{"id": w, "type": "person"} for w in g.graph["top"]]
    nodes += [{"id": e, "type": "meeting"} for e in g.graph["bottom"]]
    edges = [at(u, v) if u in women else at(v, u) for u, v in g.edges()]
    return g, chart(edges, nodes)

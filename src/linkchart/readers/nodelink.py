"""Node-link JSON (networkx ``node_link_data``, D3): the file, to records, or located problems.

The whole file goes through :func:`~.jsontext.read_json` (bounded nesting and numbers, no
NaN, no lone surrogate, no repeated key). The linkchart header is ``graph.linkchart`` and
must be an object; every node is an object with an ``id``, every link an object with a
``source`` and a ``target``. A problem the common loader finds (``edges[3].to``) is placed
at the file's own JSON path (``links[3].target``). A file from another tool is directed
when its ``directed`` is ``true`` (without it, undirected, as networkx reads it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Final

from ..errors import LoadError, Problem
from .convention import Read, in_header, json_kind, missing, utf8, wrong_type
from .jsontext import read_json

__all__ = ["read_nodelink"]

_EDGE_KEYS: Final = {"from": "source", "to": "target", "source": "cites"}
_EDGE_PATH: Final = re.compile(r"edges\[(\d+)\](?:\.([^.\[]+))?")


def _place(p: Problem, links: str) -> Problem:
    """``edges[3].to`` -> ``links[3].target`` (the loader's edge fields, as the file names them)."""
    found = _EDGE_PATH.match(p.path)
    if found is None:
        return p
    key = _EDGE_KEYS.get(found[2] or "", found[2])
    return replace(p, path=f"{links}[{found[1]}]" + (f".{key}" if key else "") + p.path[found.end() :])


def read_nodelink(raw: bytes, file: str) -> Read:
    """The header, nodes and edges of a node-link JSON file.

    Raises
    ------
    LoadError
        For JSON that :func:`~.jsontext.read_json` refuses, a file that is not node-link
        JSON, a header that is not an object, a node or link that is not an object, a
        missing node id or link end.
    """
    data = read_json(utf8(raw, file), file)
    if not isinstance(data, Mapping) or not isinstance(data.get("nodes"), list):
        raise LoadError(
            [
                wrong_type(
                    "not node-link JSON: no 'nodes' list",
                    file,
                    "",
                    hint="export with linkchart, or networkx's node_link_data",
                )
            ]
        )
    links_key = "links" if "links" in data or "edges" not in data else "edges"
    links = data.get(links_key, [])
    problems: list[Problem] = []
    if not isinstance(links, list):
        problems.append(
            wrong_type(
                f"'{links_key}' must be a list", file, links_key, hint="write a list of {source, target, ...}"
            )
        )
        links = []
    graph = data.get("graph", {})
    header = None
    if not isinstance(graph, Mapping):
        problems.append(wrong_type(f"'graph' must be an object, not {json_kind(graph)}", file, "graph"))
    elif "linkchart" in graph:
        header = graph["linkchart"]
        if not isinstance(header, Mapping):
            problems.append(
                wrong_type(
                    f"the linkchart header must be an object, not {json_kind(header)}",
                    file,
                    "graph.linkchart",
                    hint="export the chart again with linkchart, or remove the key 'linkchart'",
                )
            )
    nodes = []
    for k, n in enumerate(data["nodes"]):
        if not isinstance(n, Mapping):
            problems.append(
                wrong_type(
                    f"a node must be an object, not {json_kind(n)}",
                    file,
                    f"nodes[{k}]",
                    hint='write {"id": ..., ...}',
                )
            )
        elif n.get("id") is None:
            problems.append(missing("'id'", file, f"nodes[{k}].id"))
        else:
            nodes.append(dict(n))
    edges = []
    for k, link in enumerate(links):
        if not isinstance(link, Mapping):
            problems.append(
                wrong_type(
                    f"a link must be an object, not {json_kind(link)}",
                    file,
                    f"{links_key}[{k}]",
                    hint='write {"source": ..., "target": ...}',
                )
            )
            continue
        for end in ("source", "target"):
            if link.get(end) is None:
                problems.append(missing(f"'{end}'", file, f"{links_key}[{k}].{end}"))
        row = {key: v for key, v in link.items() if key not in ("source", "target", "key")}
        row["from"], row["to"] = link.get("source"), link.get("target")
        row.setdefault("id", link.get("key", f"e{k}"))
        edges.append(row)
    if problems:
        raise LoadError(problems)
    foreign = not isinstance(header, Mapping)
    return Read(
        dict(header) if isinstance(header, Mapping) else None,
        nodes,
        edges,
        place=lambda p: _place(in_header(p, "graph.linkchart"), links_key),
        directed=[data.get("directed") is True] * len(edges) if foreign else None,
    )

"""The data of a chart page: vis-network items held in a pyvis ``Network``, plus the
text the page shows (evidence, attributes, measures), as one JSON payload.

Nothing here produces HTML. Every string from the chart travels as a JSON string inside
one ``<script type="application/json">`` element, escaped by :func:`script_json` so
that it can never close that element, and the page's script shows it with
``textContent`` only.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from ..analysis.analyze import analyze
from ..analysis.bridges import bridge_count
from ..analysis.findings import Findings
from ..analysis.glossary import GLOSSARY
from ..analysis.layout import positions_array
from ..analysis.policy import SizePolicy
from ..analysis.ranks import ranks_of
from ..analysis.reading import reading
from ..analysis.spec import AnalysisSpec
from ..errors import UnknownNameError
from ..style import (
    HOSTILE_COLOR,
    MIN_SIZE,
    NODE_PALETTE,
    confidence_strokes,
    drawn_levels,
    layer_colors,
    node_sizes,
    node_styles,
    relation_colors,
)
from ..times import spans
from .curves import curves_of
from .evidence import CONFLICT_SHADOW, conflict_rows, evidence_items, probabilities, sources_payload
from .numbers import finite, rounded
from .projection import projection_view
from .spec import PageSpec
from .summary import summary_note, top_rows
from .timeline import cut_of, timeline

if TYPE_CHECKING:
    from pyvis.network import Network

    from ..model import LinkChart

__all__ = [
    "build_network",
    "context_of",
    "page_payload",
    "script_json",
]

LARGE = SizePolicy().edge_labels_max_edges
"""Above this many edges (or nodes), hover is off and edges hide while panning
(:attr:`~linkchart.analysis.policy.SizePolicy.edge_labels_max_edges`)."""

_EDGE_WIDTH = 2.0
"""Every tie's line width: confidence is its dashes and opacity, and only a bridge is drawn thicker."""
_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def script_json(value: Any) -> str:
    """``value`` as JSON that is safe inside an HTML ``<script>`` element, byte-stable.

    Keys are sorted; ``<``, ``>``, ``&``, U+2028 and U+2029 are written as ``\\u``
    escapes, which JSON reads back as the same characters but which HTML can never
    take for ``</script>`` or ``<!--``. Non-finite numbers are refused (JSON has none).

    Examples
    --------
    >>> print(script_json({"b": "</script><b>&", "a": 1}))
    {"a":1,"b":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}
    >>> import json
    >>> json.loads(script_json(["</script>"])) == ["</script>"]
    True
    """
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    for char, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return text


def _display(value: Any) -> str:
    """An attribute value as the text the page shows."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ", ".join(_display(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _attributes(columns: Mapping[str, Any], count: int) -> list[list[list[str]]]:
    """Per row: ``[[name, text], ...]`` sorted by name, absent values left out."""
    rows: list[list[list[str]]] = [[] for _ in range(count)]
    for name in sorted(columns):
        for i, value in enumerate(columns[name].tolist()):
            if value is not None:
                rows[i].append([str(name), _display(value)])
    return rows


def _highlights(found: Findings, spec: PageSpec) -> dict[str, Any]:
    """Edge rows of bridges, node indices of articulation points and of the top brokers."""
    out: dict[str, Any] = {}
    marks = found.highlights(spec.top_brokers)
    if "bridges" in spec.highlight:
        found_bridges = found.structure("bridges")
        out["bridges"] = list(marks.bridges)
        # counted as the report counts them: bridging ties (pairs), and the edges drawn thick
        out["bridge_count"] = {
            "ties": len(found_bridges),
            "edges": len(marks.bridges),
            "text": bridge_count(len(found_bridges), len(marks.bridges)),
        }
    if "articulation_points" in spec.highlight:
        out["articulation_points"] = list(marks.articulation_points)
    if "brokers" in spec.highlight:
        out["brokers"] = list(marks.brokers)
    return out


@dataclass(frozen=True, slots=True)
class _Brokers:
    """What the page shows of brokerage: per node its roles, their z-scores and flags."""

    roles: list[dict[str, int]] | None = None
    z: list[dict[str, list[Any]]] | None = None
    top: list[int] = field(default_factory=list)
    note: str = ""


def _brokerage(found: Findings, spec: PageSpec) -> _Brokers:
    """Per node ``{role: count}`` and ``{role: [z, flag]}`` (``None`` if not asked for), the top
    broker indices, and the partition's note (one group holds nearly every node)."""
    if "brokers" not in spec.highlight:
        return _Brokers()
    result = found.structure("brokerage")
    flag = getattr(result, "flag", None)
    table = getattr(result, "z", None)
    roles: list[dict[str, int]] = []
    zs: list[dict[str, list[Any]]] = []
    for nid in found.chart.node_ids:
        counts = result.get(nid) or {}
        roles.append({str(r): int(c) for r, c in counts.items() if c})
        zs.append(
            {
                str(r): [finite(table[nid][r]), flag(nid, r) if flag else ""]
                for r, c in counts.items()
                if c and table is not None
            }
        )
    top = list(found.highlights(spec.top_brokers).brokers)
    return _Brokers(roles, zs, top, str(getattr(result, "partition_note", "")))


def _communities(found: Findings) -> list[int | None]:
    """Per node, its community number, 0 for the largest community (ties by first node)."""
    result = found.structure("communities")
    raw = [result.get(nid) for nid in found.chart.node_ids]
    sizes: dict[Any, int] = {}
    first: dict[Any, int] = {}
    for i, c in enumerate(raw):
        if c is not None:
            sizes[c] = sizes.get(c, 0) + 1
            first.setdefault(c, i)
    order = sorted(sizes, key=lambda c: (-sizes[c], first[c]))
    number = {c: j for j, c in enumerate(order)}
    return [None if c is None else number[c] for c in raw]


def _draws(found: Findings, spec: PageSpec, name: str) -> dict[str, list[Any] | None]:
    """Per node, over ``spec.draws`` confidence draws (seed 0): the 5-95 % interval of its
    place (``rank_interval``), whether it shares its place in most draws (``tied``) and where
    its value falls among the draws (``percentile``); only ``rank_interval: None`` when the
    page leaves them out (``draws=None``, or above the size policy's limit)."""
    if spec.draws is None or not found.spec.policy.intervals(found.chart):
        return {"rank_interval": None}
    result = found.uncertainty(name, draws=spec.draws, seed=0, top=5)
    ids = found.chart.node_ids
    return {
        "rank_interval": [list(result.rank_interval(nid)) for nid in ids],
        "tied": [result.tied(nid) >= 0.5 for nid in ids],
        "percentile": [None if math.isnan(x) else rounded(x) for x in map(result.percentile, ids)],
    }


def _draws_note(spec: PageSpec) -> str | None:
    """The sentence under the node panel's measures: how a value relates to its draws."""
    if spec.draws is None:
        return None
    from ..analysis.uncertainty import how_drawn

    return (
        f"Ranges over {spec.draws} draws. The value is the measure with every tie present; "
        f"{how_drawn({'model': 'confidence'})}, so a draw can land above or below it ('value pct': "
        "where the value falls among the draws, 100 above all of them); tied nodes share their places."
    )


def _claims(chart: LinkChart) -> tuple[list[int | None] | None, list[dict[str, Any]]]:
    """Per edge, its either-or claim (an index into the list, or ``None``), and the claims;
    no per-edge list for a chart without claims."""
    a = chart.alternatives()
    if not a.names:
        return None, []
    group = [None if g < 0 else g for g in a.group.tolist()]
    return group, [
        {"name": name, "edges": rows.tolist()} for name, rows in zip(a.names, a.members, strict=True)
    ]


def _notes(notes: Mapping[Any, Any], index: Mapping[Any, int]) -> dict[int, list[Any]]:
    """Sparse notes, by page row: ``{row: [note value, ...]}``."""
    return {index[key]: [n.value for n in items] for key, items in notes.items() if key in index}


def _camps(found: Findings) -> list[int | None] | None:
    """Per node, its camp of least frustration (structural balance), on a chart with hostile ties."""
    if not found.has("structure", "balance") or not found.chart.vocabulary.signed:
        return None
    result = found.structure("balance")
    return [result.camps.get(nid) for nid in found.chart.node_ids]


def context_of(chart: LinkChart, spec: PageSpec) -> dict[str, Any]:
    """What the page draws as context, and how (``spec.context``, :data:`CONTEXT`).

    The context is every tie the page's reading leaves out and every actor with no tie
    read. Returns ``{"mode": spec.context, "reasons": [...]}``: per relation of the
    vocabulary, why the reading leaves it out (``"hostile"``, ``"neutral"``, ``"unread"``,
    ``"layer <name>"``, ..., as :attr:`Reading.left_out` counts them), or ``None`` where it
    is read; the page counts the ties and actors and says in its legend what is recessive
    and why.

    Examples
    --------
    >>> import linkchart
    >>> from linkchart.vocabulary import Relation, Vocabulary
    >>> v = Vocabulary(relations=(Relation("funds"), Relation("lies_in", sign="neutral")))
    >>> c = linkchart.from_records([{"id": "a", "type": "state"}], [], vocabulary=v)
    >>> context_of(c, PageSpec(context="hidden"))
    {'mode': 'hidden', 'reasons': [None, 'neutral']}
    """
    found = reading(chart, layers=spec.layers, signs=spec.signs)
    return {"mode": spec.context, "reasons": found.reasons()}


def _names(chart: LinkChart, spec: PageSpec, policy: SizePolicy) -> tuple[tuple[str, ...], str]:
    """The measures the page lists, and the sentence on how betweenness was estimated (or ``""``)."""
    names = spec.measure_names(chart)
    if spec.exact is not True and policy.is_large(chart) and spec.measures is None:
        # the default list: leave out what searches every shortest path
        names = tuple(
            m for m in names if spec.registry[m].cost != "O(nm)" or m in ("betweenness", spec.size_by)
        )
    scale = ""
    if policy.sampled(chart, spec.exact):  # seeded with the page's seed
        scale = (
            f"Large chart: betweenness estimated from {policy.sampled_pivots:,} random pivots "
            "(render with exact=True / --exact for exact values)."
        )
    return names, scale


def page_needs(chart: LinkChart, spec: PageSpec, policy: SizePolicy | None = None) -> AnalysisSpec:
    """What a page of ``chart`` presents, as the analysis that computes it: the measures it lists
    (and their rank intervals), the highlights, communities and camps, the size measure per
    period, the positions (of the whole chart; a summary view's are of its own actors)."""
    policy = policy or SizePolicy()
    names, _ = _names(chart, spec, policy)
    measures = names
    summary = policy.summary_size(chart, spec.summary)
    if summary is not None and not spec.size_by and "degree" not in names:
        measures = (*names, "degree")  # a summary view without a size measure keeps the top degrees
    sections: list[str] = [h for h in ("bridges", "articulation_points") if h in spec.highlight]
    if "brokers" in spec.highlight:
        sections.append("brokerage")
    if spec.color_by == "community":
        sections.append("communities")
    if chart.vocabulary.signed and "balance" in spec.registry:
        sections.append("balance")
    sections.append("sources")  # the conflicts between sources, marked
    every = cut_of(chart, spec) if spec.over_time and spec.size_by else None
    return AnalysisSpec(registry=spec.registry, policy=policy).replace(
        measures=measures,
        sections=sections,
        layers=spec.layers,
        signs=spec.signs,
        seed=spec.seed,
        firm=None,
        draws=spec.draws if policy.intervals(chart) else None,
        how_sure=names,
        over_time=() if every is None else ((spec.size_by, {"every": every}),),
        undated=spec.undated,
        min_dated=spec.min_dated,
        layout=spec.layout if summary is None else None,
        exact=spec.exact,
    )


def build_network(source: LinkChart | Findings, spec: PageSpec) -> tuple[Network, dict[str, Any]]:
    """The vis-network items of a chart in a pyvis ``Network``, and the page's other data.

    ``source`` is the chart or the findings of an analysis of it (:func:`linkchart.analyze`):
    the page presents them and computes nothing itself; what they lack is analysed first
    (:func:`page_needs`). Node ``i`` of the page is row ``i`` of the chart and edge ``k`` is
    edge row ``k``; the node ids, labels and all other text travel in the returned dict. In
    a summary view (:meth:`PageSpec.summary_size`) the page is of the top actors' subgraph,
    row for row, with the measures, ranks and highlights of the whole chart.
    """
    # long: the page's nodes, edges, options and panel data in one pass
    from pyvis.network import Network

    spec.check()
    chart = source.chart if isinstance(source, Findings) else source
    policy = source.spec.policy if isinstance(source, Findings) else SizePolicy()
    found = analyze(source, page_needs(chart, spec, policy))
    vocab = chart.vocabulary
    n, m = chart.number_of_nodes, chart.number_of_edges
    type_names = vocab.node_type_names
    styles = node_styles(vocab)
    rel_colors = relation_colors(vocab)
    strokes = confidence_strokes(vocab.confidence)

    names, scale = _names(chart, spec, policy)
    for name in names:
        if name not in spec.node_measure_names():
            raise UnknownNameError("measure", name, spec.node_measure_names())
    # a measure undefined on this chart (PN centrality on two foes) is not listed; the page says why
    undefined = {name: found.undefined(name) for name in names if found.undefined(name)}
    values = {name: found.values(name) for name in names}
    scale = " ".join([scale, *(f"{name} is not shown: {why}." for name, why in undefined.items())]).strip()
    measure_rows = [
        {
            "name": name,
            "meaning": spec.registry[name].meaning,
            "lowest_first": spec.lowest_first(name),
            "values": [rounded(v) for v in values[name]],
            "ranks": ranks_of(values[name], lowest_first=spec.lowest_first(name)),
            **_draws(found, spec, name),
        }
        for name in names
        if name not in undefined
    ]
    communities = _communities(found) if spec.color_by == "community" else None
    highlights = _highlights(found, spec)
    brokered = _brokerage(found, spec)
    roles, role_z, brokers = brokered.roles, brokered.z, brokered.top
    camps = _camps(found)
    whole = chart
    summary = None
    shown = policy.summary_size(chart, spec.summary)
    if shown is not None:  # everything above is of the whole chart; keep the rows of the shown actors
        rows, edge_rows = top_rows(found, spec, values, shown)
        summary = summary_note(chart, spec, len(rows), len(edge_rows))
        node_at = np.full(n, -1, dtype=np.int64)
        node_at[rows] = np.arange(len(rows))
        edge_at = np.full(m, -1, dtype=np.int64)
        edge_at[edge_rows] = np.arange(len(edge_rows))
        kept = rows.tolist()

        def pick(items: Any) -> Any:
            return None if items is None else [items[i] for i in kept]

        for row in measure_rows:
            for key in ("values", "ranks", "rank_interval", "tied", "percentile"):
                if key in row:
                    row[key] = pick(row[key])
        values = {name: pick(v) for name, v in values.items()}
        communities, roles, role_z, camps = pick(communities), pick(roles), pick(role_z), pick(camps)
        for key, where in (("bridges", edge_at), ("articulation_points", node_at), ("brokers", node_at)):
            if key in highlights:
                highlights[key] = [int(where[i]) for i in highlights[key] if where[i] >= 0]
        brokers = highlights.get("brokers", [])
        chart = chart.subgraph(chart.node_ids[i] for i in rows.tolist())
        n, m = chart.number_of_nodes, chart.number_of_edges
    sizes = (
        node_sizes(values[spec.size_by], spec.lowest_first(spec.size_by))
        if spec.size_by
        else [MIN_SIZE * 1.5] * n
    )
    marked = set(highlights.get("articulation_points", [])) | set(brokers)

    xy = positions_array(chart, method=spec.layout, seed=spec.seed, sizes=sizes, **spec.reading()).tolist()
    net = Network(directed=True, heading="", cdn_resources="in_line")
    labels = chart.nodes.labels.tolist()
    type_codes = chart.nodes.type.tolist()
    for i in range(n):
        style = styles[type_names[type_codes[i]]]
        item: dict[str, Any] = {
            "id": i,
            "label": labels[i],
            "x": xy[i][0],
            "y": xy[i][1],
            "size": sizes[i],
            "group": f"t{type_codes[i]}",
        }
        community = communities[i] if communities is not None else None
        fill = style.color if community is None else NODE_PALETTE[community % len(NODE_PALETTE)]
        if community is not None or i in marked:
            ring = "#111111" if i in marked else fill
            chosen = {"background": fill, "border": "#111111"}
            item["color"] = {"background": fill, "border": ring, "highlight": chosen, "hover": chosen}
        if i in marked:
            item["borderWidth"] = 5
        net.nodes.append(item)
        net.node_ids.append(i)
        net.node_map[i] = item

    curves = curves_of(chart)
    bridges = set(highlights.get("bridges", []))
    rel_names = vocab.relation_names
    directed = [r.directed for r in vocab.relations]
    hostile = [r.negative for r in vocab.relations]
    e = chart.edges
    conflicts, contested = conflict_rows(chart, found.structure("conflicts"))
    drawn = drawn_levels(vocab.confidence, e.probability)  # as sure as the measures read it
    for k, (a, b, rel) in enumerate(zip(e.src.tolist(), e.dst.tolist(), e.relation.tolist(), strict=True)):
        stroke = strokes[drawn[k]]
        edge: dict[str, Any] = {
            "id": k,
            "from": a,
            "to": b,
            "color": {"color": rel_colors[rel_names[rel]], "opacity": stroke.opacity},
            "width": _EDGE_WIDTH * (2.5 if k in bridges else 1),
        }
        if hostile[rel]:  # the inhibition mark: a bar where the hostility lands
            edge["arrows"] = {"to": {"enabled": True, "type": "bar"}}
            if not directed[rel]:
                edge["arrows"]["from"] = {"enabled": True, "type": "bar"}
        elif directed[rel]:
            edge["arrows"] = "to"
        if stroke.dashes:
            edge["dashes"] = True
        curve = curves[k]
        if curve is not None:
            if "selfReference" in curve:
                edge["selfReference"] = {"size": curve["selfReference"]}
            else:
                edge["smooth"] = curve
        if k in bridges:
            edge["shadow"] = {"enabled": True, "color": "rgba(0,0,0,0.6)", "size": 6, "x": 0, "y": 0}
        if k in contested:
            edge["shadow"] = CONFLICT_SHADOW
        net.edges.append(edge)

    big = m > policy.edge_labels_max_edges or n > policy.edge_labels_max_edges
    net.options = {
        "autoResize": True,
        "groups": {
            f"t{code}": {
                "color": {
                    "background": styles[name].color,
                    "border": styles[name].color,
                    "highlight": {"background": styles[name].color, "border": "#111111"},
                    "hover": {"background": styles[name].color, "border": "#111111"},
                },
                "shape": styles[name].shape,
            }
            for code, name in enumerate(type_names)
        },
        "layout": {"improvedLayout": False, "randomSeed": spec.seed},
        "physics": {
            "enabled": spec.physics,
            "stabilization": {"enabled": False},
            "solver": "forceAtlas2Based",
            "maxVelocity": 10,
            "timestep": 0.3,
        },
        "interaction": {
            "hover": not big,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "tooltipDelay": 150,
            "multiselect": False,
            "navigationButtons": False,
            "keyboard": False,
        },
        "nodes": {
            "borderWidth": 1.5,
            "font": {"size": 14, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        "edges": {
            "color": {"highlight": "#111111", "hover": "#111111", "inherit": False},
            "smooth": False,
            "arrowStrikethrough": False,
            "selectionWidth": 2,
            "hoverWidth": 1,
            "arrows": {"to": {"scaleFactor": 0.6}},
            "font": {"size": 11, "face": "system-ui, sans-serif", "align": "middle", "color": "#444444",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
    }  # fmt: skip

    claim_of, claims = _claims(chart)
    info: dict[str, Any] = {
        "node": {
            "ids": list(chart.node_ids),
            "types": type_codes,
            "aliases": [list(a) for a in chart.nodes.aliases.tolist()],
            "attributes": _attributes(chart.nodes.attributes, n),
            "community": communities,
            "camp": camps,
            "brokerage": roles,
            "notes": _notes(chart.nodes.notes, {nid: i for i, nid in enumerate(chart.node_ids)}),
            "brokerage_z": role_z,
        },
        "brokerage_note": brokered.note,
        "edge": {
            "ids": e.ids,
            "relation": e.relation.tolist(),
            "confidence": e.confidence.tolist(),
            "weight": [rounded(w) for w in e.weight.tolist()],
            "time": spans(e.time_from.tolist(), e.time_to.tolist(), e.time_precision.tolist()),
            "evidence": [str(v) for v in e.evidence.tolist()],
            "items": evidence_items(chart),
            "probability": probabilities(chart),
            "source": e.source.tolist(),
            "attributes": _attributes(e.attributes, m),
            "alternative": claim_of,
            "notes": _notes(e.notes, {p: k for k, p in enumerate(e.position.tolist())} if e.notes else {}),
        },
        "claims": claims,
        "measures": measure_rows,
        "draws_note": _draws_note(spec),
        "highlight": highlights,
        "sources": sources_payload(chart),
        "conflicts": conflicts,
        "vocabulary": {
            "node_types": [
                {"name": t.name, "description": t.description, "color": styles[t.name].color,
                 "shape": styles[t.name].shape, "class": t.node_class}
                for t in vocab.node_types
            ],
            "relations": [
                {"name": r.name, "description": r.description, "color": rel_colors[r.name],
                 "directed": r.directed, "negative": r.negative, "neutral": r.neutral, "read": r.read,
                 "layer": vocab.layers.index(r.layer)}
                for r in vocab.relations
            ],
            "layers": [{"name": name, "color": color} for name, color in layer_colors(vocab).items()],
            "hostile_color": HOSTILE_COLOR,
            "confidence": [
                {"name": lv, "probability": p, "dashes": strokes[lv].dashes, "opacity": strokes[lv].opacity,
                 "width": _EDGE_WIDTH}
                for lv, p in zip(vocab.confidence.levels, vocab.confidence.probabilities, strict=True)
            ],
        },
        "glossary": GLOSSARY,
        "size_by": spec.size_by,
        "color_by": spec.color_by,
        "community_colors": list(NODE_PALETTE),
        "scale": scale,
        "summary": summary,
        "timeline": timeline(found, chart, spec),
        "reading": reading(
            whole, layers=spec.layers, signs=spec.signs
        ).describe(),
        "context": context_of(whole, spec),
        "edge_labels": spec.edge_labels,
    }  # fmt: skip
    if (view := projection_view(chart)) is not None:  # only a chart of several classes has one
        info["projection"] = view
    return net, info


def page_payload(source: LinkChart | Findings, spec: PageSpec) -> dict[str, Any]:
    """Everything the page needs, as one JSON-ready dict (see :func:`build_network`)."""
    chart = source.chart if isinstance(source, Findings) else source
    net, info = build_network(source, spec)
    title = spec.title if spec.title is not None else chart.title
    return {
        "format": "linkchart-page/1",
        "title": title,
        "description": chart.description,
        "nodes": net.nodes,
        "edges": net.edges,
        "options": net.options,
        **info,
    }

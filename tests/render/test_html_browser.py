"""The rendered page in a real headless Chromium: offline, complete, interactive, safe.

Every test opens a page from a file under ``tmp_path`` and records each request and
console message. Screenshots are saved for review (see ``conftest.py``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from browser_page import (
    _clean,
    _click,
    _click_edge,
    _click_node,
    _frames,
    _no_injected_elements,
    _panel_text,
    _zoom_to,
)

import linkchart
from linkchart.analysis.layout import positions_array
from linkchart.vocabulary import ConfidenceScale

pytestmark = pytest.mark.browser

XSS = [
    '<img src=x onerror="window.__xss=1">',
    "</script><script>window.__xss=1</script>",
    '"><svg onload=window.__xss=1>',
    '<a href="javascript:window.__xss=1">href</a>',
]


# ---------------------------------------------------------------- opening


def test_central_asia_opens_offline_with_every_node_and_edge(
    central_asia: linkchart.LinkChart, open_page: Any, artifacts: Path
) -> None:
    opened = open_page(linkchart.render_html(central_asia, highlight=True), "central_asia.html")
    counts = opened.js("[linkchart.nodes.length, linkchart.edges.length, linkchart.visibleCounts()]")
    assert counts[:2] == [central_asia.number_of_nodes, central_asia.number_of_edges]
    assert counts[2] == {"nodes": central_asia.number_of_nodes, "edges": central_asia.number_of_edges}
    assert (
        opened.page.inner_text("#lc-counts") == f"{central_asia.number_of_nodes} nodes, "
        f"{central_asia.number_of_edges} edges"
    )
    # the heading is printed once, as text
    assert opened.page.locator("h1").count() == 1
    assert opened.page.inner_text("h1") == central_asia.title
    assert opened.page.title() == central_asia.title
    opened.page.screenshot(path=str(artifacts / "central_asia.png"))
    _clean(opened)


def test_large_chart_opens_offline_with_every_node_and_edge(
    large_chart: linkchart.LinkChart, open_page: Any, artifacts: Path
) -> None:
    opened = open_page(linkchart.render_html(large_chart, size_by="degree"), "large.html")
    assert opened.js("[linkchart.nodes.length, linkchart.edges.length]") == [
        large_chart.number_of_nodes,
        large_chart.number_of_edges,
    ]
    # drawn where Python put them: physics is off, nothing moves after opening
    before = opened.js("linkchart.network.getPositions([0, 1, 2])")
    _frames(opened.page, 20)  # twenty drawn frames later
    assert opened.js("linkchart.network.getPositions([0, 1, 2])") == before
    opened.page.screenshot(path=str(artifacts / "large_chart.png"))
    _clean(opened)


def test_a_summary_view_says_what_it_leaves_out_and_ranks_against_the_whole(
    large_chart: linkchart.LinkChart, open_page: Any, artifacts: Path
) -> None:
    html = linkchart.render_html(large_chart, size_by="degree", summary=300, draws=None)
    opened = open_page(html, "summary.html")
    shown = opened.js("[linkchart.nodes.length, linkchart.edges.length]")
    assert shown[0] == 300
    n, m = large_chart.number_of_nodes, large_chart.number_of_edges
    assert opened.page.inner_text("#lc-counts") == (
        f"300 nodes, {shown[1]} edges (summary of {n} nodes, {m} edges)"
    )
    assert opened.page.is_visible("#lc-summary")
    assert opened.page.inner_text("#lc-summary").startswith(
        f"Summary view: the 300 actors with the highest degree of {n:,}"
    )
    degree = linkchart.degree(large_chart)
    top = max(large_chart.node_ids, key=lambda v: (degree[v], -large_chart.index_of(v)))
    _click_node(opened, opened.js(f"linkchart.nodeIndex({top!r})"))
    assert f"degree\t{degree[top]:g}\trank 1 of {n}" in _panel_text(opened)
    opened.page.screenshot(path=str(artifacts / "summary_view.png"))
    _clean(opened)


def test_the_content_security_policy_stops_an_injected_script(
    central_asia: linkchart.LinkChart, open_page: Any
) -> None:
    opened = open_page(linkchart.render_html(central_asia))
    opened.js(
        "() => { const s = document.createElement('script'); s.textContent = 'window.__injected = 1';"
        " document.body.appendChild(s); }"
    )
    assert opened.js("window.__injected === undefined")
    assert opened.js("() => fetch('data:text/plain,x').then(() => 'fetched', () => 'refused')") == "refused"


# ---------------------------------------------------------------- evidence at hand


def test_clicking_a_node_shows_its_type_attributes_and_ranked_measures(
    central_asia: linkchart.LinkChart, open_page: Any, artifacts: Path
) -> None:
    opened = open_page(linkchart.render_html(central_asia))
    index = opened.js("linkchart.nodeIndex('IMT')")
    _click_node(opened, index)
    assert opened.js("linkchart.shown") == {"kind": "node", "index": index}
    text = _panel_text(opened)
    node = central_asia.node("IMT")
    assert node.label in text
    assert node.type in text
    for alias in node.aliases:
        assert alias in text
    # IMT is the chart's hub: first by degree and by betweenness
    degree = linkchart.degree(central_asia)["IMT"]
    assert f"degree\t{degree:g}\trank 1 of {central_asia.number_of_nodes}" in text
    betweenness_row = opened.page.inner_text("table.lc-measures tr:nth-child(3)")
    assert betweenness_row.startswith("betweenness")
    assert f"rank 1 of {central_asia.number_of_nodes}" in betweenness_row
    opened.page.screenshot(path=str(artifacts / "central_asia_node_panel.png"))
    opened.page.keyboard.press("Escape")
    assert opened.js("linkchart.shown") is None
    assert not opened.page.is_visible("#lc-panel")
    _clean(opened)


def test_clicking_an_edge_shows_its_evidence_and_source(
    central_asia: linkchart.LinkChart, open_page: Any, artifacts: Path
) -> None:
    opened = open_page(linkchart.render_html(central_asia))
    edge = next(e for e in central_asia.iter_edges() if e.from_id == "Terrorist groups and their sponsors")
    k = opened.js(f"linkchart.edgeIndex({edge.id!r})")
    _click_edge(opened, k)
    assert opened.js("linkchart.shown") == {"kind": "edge", "index": k}
    text = _panel_text(opened)
    assert edge.relation in text
    assert edge.confidence in text
    assert opened.page.inner_text("#lc-panel blockquote") == edge.evidence
    assert central_asia.source(edge.source or "").title in text
    opened.page.screenshot(path=str(artifacts / "central_asia_edge_panel.png"))
    _clean(opened)


def _roomiest(points: np.ndarray, candidates: Sequence[int]) -> int:
    """The candidate point farthest from every other point."""
    best, where = -1.0, candidates[0]
    for i in candidates:
        d = np.hypot(*(points - points[i]).T)
        d[i] = np.inf
        if d.min() > best:
            best, where = float(d.min()), i
    return where


def test_clicking_in_the_large_chart_shows_the_right_node_and_edge(
    large_chart: linkchart.LinkChart, open_page: Any
) -> None:
    opened = open_page(linkchart.render_html(large_chart, size_by="degree"), "large.html")
    xy = positions_array(large_chart)
    i = _roomiest(xy, range(1000, 1300))
    _click_node(opened, i)
    assert opened.js("linkchart.shown") == {"kind": "node", "index": i}
    assert opened.page.inner_text("#lc-panel h2") == f"Node {i}"
    assert "alias-" + str(i) in _panel_text(opened)
    e = large_chart.edges
    middles = (xy[e.src] + xy[e.dst]) / 2
    k = _roomiest(np.vstack([middles, xy]), range(4000, 4300))
    _click_edge(opened, k)
    assert opened.js("linkchart.shown") == {"kind": "edge", "index": k}
    assert opened.page.inner_text("#lc-panel blockquote") == large_chart.edge_at(k).evidence
    _clean(opened)


# ---------------------------------------------------------------- search and filters


def test_search_finds_a_node_by_alias_and_focuses_it(
    central_asia: linkchart.LinkChart, open_page: Any
) -> None:
    opened = open_page(linkchart.render_html(central_asia))
    opened.page.fill("#lc-search-input", "islamic movement of uzbek")
    first = opened.page.locator("#lc-search-results button").first
    assert "Islamic Movement of Turkestan" in first.inner_text()
    opened.page.press("#lc-search-input", "Enter")
    index = opened.js("linkchart.nodeIndex('IMT')")
    assert opened.js("linkchart.network.getSelectedNodes()") == [index]
    assert opened.js("linkchart.shown") == {"kind": "node", "index": index}
    # the focus animation ends with the node in the middle of the canvas, however long it takes
    opened.page.wait_for_function(
        "(i) => { const r = document.getElementById('lc-network').getBoundingClientRect();"
        " const p = linkchart.nodePoint(i);"
        " return Math.abs(p.x - (r.left + r.width / 2)) < 2 && Math.abs(p.y - (r.top + r.height / 2)) < 2; }",
        arg=index,
        timeout=30_000,
    )
    _clean(opened)


def test_search_in_the_large_chart_by_label_and_by_alias(
    large_chart: linkchart.LinkChart, open_page: Any
) -> None:
    opened = open_page(linkchart.render_html(large_chart, size_by="degree"), "large.html")
    opened.page.fill("#lc-search-input", "alias-2718")
    opened.page.locator("#lc-search-results button").first.click()
    assert opened.js("linkchart.shown") == {"kind": "node", "index": 2718}
    opened.page.fill("#lc-search-input", "Node 99")
    labels = opened.page.locator("#lc-search-results button").all_inner_texts()
    assert labels[0].startswith("Node 99\n")
    _clean(opened)


def _visible(opened: Any) -> list[int]:
    return list(
        opened.js(
            "[linkchart.nodes.get({filter: n => !n.hidden}).length,"
            " linkchart.edges.get({filter: e => !e.hidden}).length]"
        )
    )


def test_filters_hide_and_show_what_the_chart_views_keep(
    central_asia: linkchart.LinkChart, open_page: Any, artifacts: Path
) -> None:
    opened = open_page(linkchart.render_html(central_asia))
    page = opened.page
    n, m = central_asia.number_of_nodes, central_asia.number_of_edges
    assert _visible(opened) == [n, m]

    page.locator("#lc-filter-types label", has_text="region").click()
    others = [t for t in central_asia.vocabulary.node_type_names if t != "region"]
    view = central_asia.filter(node_types=others)
    assert _visible(opened) == [view.number_of_nodes, view.number_of_edges]
    shown = f"{view.number_of_nodes} of {n} nodes, {view.number_of_edges} of {m} edges"
    assert page.inner_text("#lc-counts") == shown

    page.select_option("#lc-filter-confidence", label="reported (0.75)")
    view = central_asia.filter(node_types=others, min_confidence="reported")
    assert _visible(opened) == [view.number_of_nodes, view.number_of_edges]

    page.locator("#lc-filter-relations label", has_text="operates_in").click()
    relations = [r for r in central_asia.vocabulary.relation_names if r != "operates_in"]
    view = central_asia.filter(node_types=others, min_confidence="reported", relations=relations)
    assert _visible(opened) == [view.number_of_nodes, view.number_of_edges]
    page.screenshot(path=str(artifacts / "central_asia_filtered.png"))

    page.locator("#lc-filter-types label", has_text="region").click()
    page.locator("#lc-filter-relations label", has_text="operates_in").click()
    page.select_option("#lc-filter-confidence", label="possible (0.25)")
    assert _visible(opened) == [n, m]
    _clean(opened)


def test_filters_in_the_large_chart(large_chart: linkchart.LinkChart, open_page: Any) -> None:
    opened = open_page(linkchart.render_html(large_chart, size_by="degree"), "large.html")
    opened.page.select_option("#lc-filter-confidence", label="confirmed (0.95)")
    view = large_chart.min_confidence("confirmed")
    assert _visible(opened) == [view.number_of_nodes, view.number_of_edges]
    counts = {"nodes": view.number_of_nodes, "edges": view.number_of_edges}
    assert opened.js("linkchart.visibleCounts()") == counts
    _clean(opened)


# ---------------------------------------------------------------- safety


def xss_chart() -> linkchart.LinkChart:
    """A chart whose every text field carries script: ids, labels, aliases, types,
    relations, confidence levels, evidence, attribute names and values, sources, title."""
    a, b, c, d = XSS
    nodes = [
        {
            "id": a,
            "type": b,
            "label": c,
            "aliases": ["alias " + d, "alias " + a],
            "attributes": {a: b, "href": d},
            "notes": [{"text": a, "quote": b, "source": "src"}, c],
        },
        {"id": b, "type": c, "label": d + " href", "aliases": [a + " alias"], "attributes": {c: [a, d]}},
        {"id": c, "type": d, "label": a, "attributes": {"note": "</script><!--"}},
        {"id": d, "type": a, "label": b},
    ]
    edges = [
        {"from": a, "relation": b, "to": b, "evidence": c + " href", "source": "src", "attributes": {d: a},
         "confidence": "high", "notes": [d]},
        {"from": b, "relation": c, "to": c, "evidence": d, "source": "src", "time": 1999, "confidence": a},
        {"from": c, "relation": d, "to": d, "evidence": a, "source": "src", "confidence": b, "id": c},
        {"from": d, "relation": a, "to": a, "evidence": b, "confidence": a},
    ]  # fmt: skip
    sources = [{"id": "src", "title": a, "author": b, "date": c, "location": d}]
    plain = linkchart.from_records(nodes, [{**e, "confidence": None} for e in edges], sources=sources)
    vocab = dataclasses.replace(
        plain.vocabulary, confidence=ConfidenceScale.from_mapping({"high": 0.9, a: 0.5, b: 0.2})
    )
    title = XSS[1] + " " + XSS[0]
    return linkchart.from_records(nodes, edges, vocabulary=vocab, sources=sources, title=title)


def test_an_either_or_claim_and_notes_show_in_the_panels(open_page: Any, artifacts: Path) -> None:
    vocab = linkchart.Vocabulary(relations=(linkchart.Relation("operates_with", directed=False),))
    quote = "IMT guerrillas are reportedly operating with Al Qaeda or Taliban units"
    chart = linkchart.from_records(
        [
            {"id": "IMT", "type": "organisation", "notes": ["Geographically scattered but re-organizing."]},
            {"id": "Al-Qaeda", "type": "organisation"},
            {"id": "Taliban", "type": "organisation"},
            {"id": "JUI", "type": "organisation"},
        ],
        [
            {"from": "IMT", "relation": "operates_with", "to": o, "alternative": "units", "evidence": quote,
             "confidence": "reported"}
            for o in ("Al-Qaeda", "Taliban")
        ]
        + [{"from": "JUI", "relation": "operates_with", "to": "IMT",
            "notes": [{"text": "A scenario.", "quote": "if the IMT follows the path", "source": "s"}]}],
        vocabulary=vocab,
        sources=[{"id": "s"}],
    )  # fmt: skip
    opened = open_page(linkchart.render_html(chart, draws=50), "claims.html")
    k = opened.js("linkchart.edgeIndex('e0')")
    _click_edge(opened, k)
    text = _panel_text(opened)
    assert "either-or claim" in text.lower() and "1/2 of its weight" in text  # h3 are upper-cased
    alternatives = opened.page.locator("#lc-panel ul.lc-claim-list li")
    assert alternatives.count() == 2 and "(this tie)" in alternatives.nth(0).inner_text()
    opened.page.screenshot(path=str(artifacts / "claim_edge_panel.png"))
    alternatives.nth(1).locator("button").click()  # to the other alternative
    assert opened.js("linkchart.shown") == {"kind": "edge", "index": opened.js("linkchart.edgeIndex('e1')")}
    _click_node(opened, opened.js("linkchart.nodeIndex('IMT')"))
    text = _panel_text(opened)
    assert "notes" in text.lower() and "Geographically scattered but re-organizing." in text
    assert text.count("(one of 2)") == 2 and "value pct" in text and "Ranges over 50 draws" in text
    _click_edge(opened, opened.js("linkchart.edgeIndex('e2')"))
    assert "A scenario." in _panel_text(opened)
    assert opened.page.inner_text("#lc-panel ul.lc-notes blockquote") == "if the IMT follows the path"
    _clean(opened)


def test_script_in_every_text_field_stays_text(open_page: Any, artifacts: Path) -> None:
    chart = xss_chart()
    opened = open_page(linkchart.render_html(chart, highlight=True, measures=["degree"]), "xss.html")
    page = opened.page
    assert page.title() == chart.title
    assert page.inner_text("h1") == chart.title
    for i in range(chart.number_of_nodes):
        _zoom_to(opened, f"linkchart.network.getPositions([{i}])[{i}]")
        point = opened.js(f"linkchart.nodePoint({i})")
        page.mouse.move(point["x"], point["y"])
        page.wait_for_function(
            "(label) => { const t = document.getElementById('lc-tooltip');"
            " const s = t.querySelector('strong'); return !t.hidden && s && s.textContent === label; }",
            arg=chart.nodes.labels[i],
        )
        assert page.is_visible("#lc-tooltip")
        _click(opened, point)
        assert opened.js("linkchart.shown") == {"kind": "node", "index": i}
        text = _panel_text(opened)
        assert chart.nodes.labels[i] in text and chart.node_ids[i] in text
    assert XSS[0] in _panel_text(opened) or XSS[1] in _panel_text(opened)
    for k in range(chart.number_of_edges):
        _click_edge(opened, k)
        assert opened.js("linkchart.shown") == {"kind": "edge", "index": k}
        assert page.inner_text("#lc-panel blockquote") == chart.edge_at(k).evidence
        # leave the edge inside the canvas (vis-network keeps its hover state when the pointer
        # leaves the canvas), then come back: a fresh hoverEdge shows the tooltip
        corner = opened.js(
            "(() => { const r = linkchart.network.body.container.getBoundingClientRect(); "
            "return {x: r.left + 3, y: r.bottom - 3}; })()"
        )
        page.mouse.move(corner["x"], corner["y"])
        page.wait_for_function("() => linkchart.hovered === null")
        point = opened.js(f"linkchart.edgePoint({k})")
        page.mouse.move(point["x"], point["y"])
        page.wait_for_function("(k) => linkchart.hovered === k", arg=k)  # vis-network's hoverEdge
        page.wait_for_function("() => !document.getElementById('lc-tooltip').hidden")
        box = page.locator("#lc-tooltip").bounding_box()
        assert (
            box is not None and abs(box["x"] - (point["x"] + 14)) < 400
        )  # beside the pointer, not in a corner
        assert chart.edge_at(k).evidence in page.inner_text("#lc-tooltip")
    page.screenshot(path=str(artifacts / "xss_edge_panel.png"))
    for label in page.locator(".lc-legend label").all():
        label.hover()
        label.click()
        label.click()
    for node_id in chart.node_ids:
        page.fill("#lc-search-input", node_id)
        first = page.locator("#lc-search-results button").first
        i = int(first.get_attribute("data-index"))
        node = chart.node(chart.node_ids[i])
        assert node_id in (node.id, node.label, *node.aliases)  # an exact match comes first
        assert first.inner_text().startswith(node.label)
        first.click()
        assert opened.js("linkchart.shown") == {"kind": "node", "index": i}
        for _ in range(4):  # follow links from panel to panel (each click rebuilds the panel)
            page.locator("#lc-panel button.lc-link").first.click()
    _no_injected_elements(opened)
    page.screenshot(path=str(artifacts / "xss_node_panel.png"))
    _clean(opened)


@pytest.mark.parametrize("payload", XSS)
def test_a_title_payload_is_the_page_title_as_text(payload: str, open_page: Any) -> None:
    chart = linkchart.from_records([{"id": "A", "type": "state"}], [])
    opened = open_page(linkchart.render_html(chart, title=payload, size_by=None))
    assert opened.page.title() == payload
    _no_injected_elements(opened)
    _clean(opened)


def test_CONTROL_pyvis_default_page_runs_script_from_a_node_title(open_page: Any) -> None:
    """CONTROL, not a test of linkchart: pyvis's own output runs the payload.

    A title containing ``href`` switches pyvis to its custom popup, which assigns the
    title through ``innerHTML``; hovering the node then runs the ``onerror`` handler.
    This shows that the flag checked by the safety tests above can be set, i.e. that
    they can fail.
    """
    from pyvis.network import Network

    net = Network(cdn_resources="in_line")
    net.add_node(1, label="IMT", title='<a href="#">IMT</a><img src=x onerror="window.__xss=1">', x=0, y=0)
    net.add_node(2, label="Pakistan", x=200, y=0)
    net.add_edge(1, 2)
    net.toggle_physics(False)
    html = net.generate_html()
    opened = open_page(html, "pyvis.html", wait=False)
    opened.page.wait_for_function("typeof network !== 'undefined'")
    _frames(opened.page)
    point = opened.js(
        "(() => { const p = network.canvasToDOM(network.getPositions([1])[1]);"
        " const r = document.getElementById('mynetwork').getBoundingClientRect();"
        " return {x: r.left + p.x, y: r.top + p.y}; })()"
    )
    opened.page.mouse.move(point["x"], point["y"])
    opened.page.wait_for_function("window.__xss === 1", timeout=5000)
    assert opened.js("window.__xss") == 1
    # and it contacts a third party: Bootstrap from a CDN
    assert any("cdn.jsdelivr.net" in u for u in opened.requests)


# ---------------------------------------------------------------- signs, layers, camps


def test_hostile_ties_and_layers_toggle_and_the_panel_shows_camp_and_pn(
    central_asia: linkchart.LinkChart, open_page: Any, artifacts: Path
) -> None:
    opened = open_page(linkchart.render_html(central_asia))
    page = opened.page
    n, m = central_asia.number_of_nodes, central_asia.number_of_edges
    vocab = central_asia.vocabulary
    hostile = [r.name for r in vocab.relations if r.negative]
    assert page.is_visible("#lc-legend-layers") and "Measures read on 18 of 92 ties" in page.inner_text(
        "#lc-reading"
    )
    page.locator("#lc-filter-layers label", has_text="hostile ties").click()
    view = central_asia.with_relations(*(r for r in vocab.relation_names if r not in hostile))
    assert _visible(opened) == [n, view.number_of_edges] and view.number_of_edges < m
    page.locator("#lc-filter-layers label", has_text="geography").click()
    kept = [r.name for r in vocab.relations if not r.negative and r.layer != "geography"]
    assert _visible(opened) == [n, central_asia.with_relations(*kept).number_of_edges]
    page.screenshot(path=str(artifacts / "central_asia_no_hostile_no_geography.png"))
    page.locator("#lc-filter-layers label", has_text="hostile ties").click()
    page.locator("#lc-filter-layers label", has_text="geography").click()
    assert _visible(opened) == [n, m]
    # a hostile edge says so (the one with most room around it, to click it and no other),
    # and Rakhmonov's panel shows his camp and PN centrality
    xy = positions_array(central_asia)
    e = central_asia.edges
    middles = (xy[e.src] + xy[e.dst]) / 2
    hostile_rows = [i for i, x in enumerate(central_asia.iter_edges()) if vocab.relation(x.relation).negative]
    k = _roomiest(np.vstack([middles, xy]), hostile_rows)
    _click_edge(opened, k)
    page.wait_for_function("() => linkchart.shown && linkchart.shown.kind === 'edge'")
    assert "hostile" in _panel_text(opened)
    _click_node(opened, central_asia.index_of("Emomali Rakhmonov"))
    page.wait_for_function("() => linkchart.shown && linkchart.shown.kind === 'node'")
    text = _panel_text(opened)
    camp = linkchart.balance(central_asia).camps["Emomali Rakhmonov"]
    assert camp is not None and re.search(rf"camp\s+{camp + 1}\b", text), text
    assert re.search(r"PN centrality\s+-?\d", text), text  # named as the glossary names it
    _clean(opened)


def test_colour_by_community_has_its_own_legend(central_asia: linkchart.LinkChart, open_page: Any) -> None:
    opened = open_page(linkchart.render_html(central_asia, color_by="community"))
    page = opened.page
    assert page.is_visible("#lc-legend-communities")
    communities = linkchart.communities(central_asia)
    assert page.locator("#lc-communities li").count() == len(communities.groups)
    _clean(opened)


def test_shift_clicking_two_nodes_lights_up_the_most_probable_chain(
    central_asia: linkchart.LinkChart, open_page: Any, artifacts: Path
) -> None:
    opened = open_page(linkchart.render_html(central_asia))
    page = opened.page
    # (Kyrgyzstan, the chain of round 2, is reached only by hostile and neutral ties since issue 18)
    jui, yoldash = central_asia.index_of("JUI"), central_asia.index_of("Tahir Yoldash")
    page.keyboard.down("Shift")
    _click_node(opened, jui)
    page.wait_for_function(f"() => linkchart.shown && linkchart.shown.index === {jui}")
    assert "Shift-click another node" in _panel_text(opened)
    _click_node(opened, yoldash)
    page.keyboard.up("Shift")
    page.wait_for_function("() => linkchart.shown && linkchart.shown.kind === 'path'")
    found = opened.js("linkchart.path")
    expected = linkchart.explain_path(central_asia, "JUI", "Tahir Yoldash", k=1).paths[0]
    assert [central_asia.node_ids[i] for i in found["nodes"]] == list(expected.nodes)
    assert [central_asia.edges.id_of(k) for k in found["edges"]] == [s.edge for s in expected.steps]
    assert found["probability"] == pytest.approx(expected.probability)
    text = _panel_text(opened)
    assert "Why is Jamaat-e-Ulema-e-Islam tied to Tahir Yoldash?" in text
    assert "Patronage of the Pakistani Jamaat-e-Ulema-e-Islam" in text
    page.screenshot(path=str(artifacts / "central_asia_path.png"))
    _clean(opened)


def _phased_chart() -> linkchart.LinkChart:
    """Three two-month phases; an accountant active all year without ties, a lieutenant arrested."""
    ties = [("boss", "lt1", "p1"), ("boss", "lt2", "p1"), ("lt1", "runner", "1994-03-15"),
            ("boss", "lt2", "p2"), ("lt2", "importer", "1994-05-20"),
            ("importer", "supplier", {"from": "p2", "to": "p3"}), ("importer", "buyer", "1994-07"),
            ("boss", "importer", None)]  # fmt: skip
    people = sorted({a for a, _, _ in ties} | {b for _, b, _ in ties})
    nodes = [{"id": p, "type": "person", **({"time": "/1994-04-30"} if p == "lt1" else {})} for p in people]
    nodes.append({"id": "accountant", "type": "person", "time": "1994"})
    edges = [{"from": a, "relation": "calls", "to": b, "time": t} for a, b, t in ties]
    periods = {"p1": "1994-03/1994-04", "p2": "1994-05/1994-06", "p3": "1994-07/1994-08"}
    return linkchart.from_records(nodes, edges, periods=periods, title="Phases")


def test_the_time_slider_steps_through_the_periods_from_the_keyboard(open_page: Any, artifacts: Path) -> None:
    chart = _phased_chart()
    opened = open_page(
        linkchart.render_html(chart, size_by="degree", over_time=True, draws=None), "time.html"
    )
    page = opened.page
    assert page.is_visible("#lc-time") and page.inner_text("#lc-time-label") == "all times"
    assert opened.js("linkchart.visibleCounts()") == {
        "nodes": chart.number_of_nodes,
        "edges": chart.number_of_edges,
    }
    page.focus("#lc-time-slider")
    for step, period in enumerate(["p1", "p2", "p3"], start=1):
        page.keyboard.press("ArrowRight")
        page.wait_for_function(f"linkchart.time.index === {step}")
        view = chart.as_of(period)
        assert page.inner_text("#lc-time-label") == period
        assert page.get_attribute("#lc-time-slider", "aria-valuetext") == period
        assert opened.js("linkchart.visibleCounts()") == {
            "nodes": view.number_of_nodes,
            "edges": view.number_of_edges,
        }
        hidden = opened.js(
            "linkchart.nodes.get().filter(function (n) { return n.hidden; })"
            ".map(function (n) { return n.id; })"
        )
        assert {chart.node_ids[i] for i in hidden} == set(chart.node_ids) - set(view.node_ids)
    # the panel gives the actor's degree in the period chosen, ranked among the actors active then
    _click_node(opened, opened.js("linkchart.nodeIndex('importer')"))
    text = _panel_text(opened)
    p3 = chart.as_of("p3")
    assert f"degree in p3\t{linkchart.degree(p3)['importer']:g}\trank 1 of {p3.number_of_nodes}" in text
    page.screenshot(path=str(artifacts / "time_slider.png"))
    page.focus("#lc-time-slider")
    page.keyboard.press("Home")
    page.wait_for_function("linkchart.time.index === 0")
    assert opened.js("linkchart.visibleCounts()") == {
        "nodes": chart.number_of_nodes,
        "edges": chart.number_of_edges,
    }
    _clean(opened)


def test_an_undated_chart_has_no_time_slider(open_page: Any) -> None:
    plain = linkchart.from_records(
        [{"id": "a", "type": "state"}, {"id": "b", "type": "state"}],
        [{"from": "a", "relation": "r", "to": "b"}],
    )
    opened = open_page(linkchart.render_html(plain, draws=None), "plain.html")
    assert not opened.page.is_visible("#lc-time") and opened.js("linkchart.time") is None
    _clean(opened)


def test_classes_toggle_and_panels_list_affiliations_and_participants(
    open_page: Any, artifacts: Path
) -> None:
    vocab = linkchart.Vocabulary(
        node_types=(
            linkchart.NodeType("person", "#ff7f0e", "ellipse", node_class="agent"),
            linkchart.NodeType("meeting", "#8c564b", "star", node_class="event"),
            linkchart.NodeType("group", "#d62728", "dot", node_class="organisation"),
        ),
        relations=(
            linkchart.Relation("attended"),
            linkchart.Relation("member_of"),
            linkchart.Relation("knows"),
        ),
    )
    chart = linkchart.from_records(
        [{"id": x, "type": "person"} for x in ("Ann", "Bea", "Cid")]
        + [{"id": "M1", "type": "meeting"}, {"id": "JI", "type": "group"}],
        [
            {"from": "Ann", "relation": "attended", "to": "M1", "evidence": XSS[0], "time": "2004-09"},
            {"from": "Bea", "relation": "attended", "to": "M1", "evidence": "Bea was seen at M1."},
            {"from": "Ann", "relation": "member_of", "to": "JI", "confidence": "alleged"},
            {"from": "Ann", "relation": "knows", "to": "Cid"},
        ],
        vocab,
    )
    opened = open_page(linkchart.render_html(chart))
    page = opened.page
    assert page.is_visible("#lc-legend-classes")
    assert page.locator("#lc-filter-classes li").count() == 3
    # hide the events: the meeting and its ties go, the type's own box follows
    page.locator("#lc-filter-classes label", has_text="event").click()
    assert _visible(opened) == [4, 2]
    assert not page.locator("#lc-filter-types label", has_text="meeting").locator("input").is_checked()
    page.locator("#lc-filter-classes label", has_text="event").click()
    assert _visible(opened) == [5, 4]
    # the actor's panel lists its affiliations (not its contact), the event's its participants
    _click_node(opened, chart.index_of("Ann"))
    page.wait_for_function("() => linkchart.shown && linkchart.shown.kind === 'node'")
    text = _panel_text(opened)
    assert "affiliations (2)" in text.lower() and "JI (organisation): member_of, alleged" in text
    assert "M1 (event): attended, confirmed, 2004-09" in text
    _click_node(opened, chart.index_of("M1"))
    page.wait_for_function(f"() => linkchart.shown && linkchart.shown.index === {chart.index_of('M1')}")
    text = _panel_text(opened)
    assert "participants (2)" in text.lower() and "Bea was seen at M1." in text
    assert XSS[0] in text  # shown as text
    assert opened.js("window.__xss === undefined")
    page.screenshot(path=str(artifacts / "classes_event_panel.png"))


def test_the_node_panel_lists_only_the_ties_in_force_at_the_slider_time(open_page: Any) -> None:
    chart = _phased_chart()
    opened = open_page(linkchart.render_html(chart, size_by="degree", draws=None), "panel_time.html")
    page = opened.page
    boss = opened.js("linkchart.nodeIndex('boss')")
    _click_node(opened, boss)
    total = len(chart.edges_of("boss"))
    assert f"ties ({total})" in _panel_text(opened).lower()  # headings are shown in capitals
    page.focus("#lc-time-slider")
    for step, period in enumerate(["p1", "p2", "p3"], start=1):
        page.keyboard.press("ArrowRight")
        page.wait_for_function(f"linkchart.time.index === {step}")
        view = chart.as_of(period)
        ties = view.edges_of("boss") if "boss" in view else []
        text = _panel_text(opened).lower()
        assert f"ties in force in {period} ({len(ties)} of {total})" in text, text
        listed = opened.js("document.querySelectorAll('#lc-panel .lc-ties li').length")
        assert listed == len(ties)
    assert len(chart.as_of("p1").edges_of("boss")) != len(chart.as_of("p3").edges_of("boss"))
    _clean(opened)


def test_the_slider_reads_source_dates_and_lifespans_as_the_views_do(open_page: Any) -> None:
    # an article of 2005 whose undated ties hold in 2005; a group founded in 2003; a dated tie of 2001
    nodes = [{"id": "group", "type": "organisation", "time": "2003-"}] + [
        {"id": x, "type": "organisation"} for x in ("patron", "ally", "state")
    ]
    edges = [
        {"from": "patron", "relation": "funds", "to": "ally", "time": 2001},
        {"from": "patron", "relation": "funds", "to": "group", "source": "article"},
        {"from": "ally", "relation": "funds", "to": "group", "source": "article"},
        {"from": "state", "relation": "funds", "to": "group", "source": "undated"},
    ]
    chart = linkchart.from_records(
        nodes, edges, sources=[{"id": "article", "date": "2005"}, {"id": "undated"}]
    )
    opened = open_page(linkchart.render_html(chart, size_by=None, draws=None), "sources.html")
    assert opened.js("linkchart.time") is not None
    note = opened.page.inner_text("#lc-time-note")
    assert "3 of 4 ties read are dated (1 by their own time, 2 by their source" in note
    windows = ["2001", "2002", "2003", "2004", "2005"]
    opened.page.focus("#lc-time-slider")
    for step, year in enumerate(windows, start=1):
        opened.page.keyboard.press("ArrowRight")
        opened.page.wait_for_function(f"linkchart.time.index === {step}")
        assert opened.page.inner_text("#lc-time-label") == year
        view = chart.as_of(year)
        assert opened.js("linkchart.visibleCounts()") == {
            "nodes": view.number_of_nodes,
            "edges": view.number_of_edges,
        }, year
    # hand-checked: 2001 the dated tie alone; 2002 nothing; 2003-04 the undated source's tie,
    # from the group's founding; 2005 the article's two ties as well
    assert [chart.as_of(y).number_of_edges for y in windows] == [1, 0, 1, 1, 3]
    _clean(opened)


def test_a_chart_with_few_dated_ties_says_why_it_has_no_slider(open_page: Any) -> None:
    nodes = [{"id": x, "type": "person"} for x in "abcde"]
    edges = [{"from": "a", "relation": "calls", "to": "b", "time": 1999}]
    edges += [{"from": x, "relation": "calls", "to": y} for x, y in ("bc", "cd", "de", "ea")]
    chart = linkchart.from_records(nodes, edges)
    opened = open_page(linkchart.render_html(chart, draws=None), "declined.html")
    page = opened.page
    assert page.is_visible("#lc-time") and not page.is_visible("#lc-time-slider")
    note = page.inner_text("#lc-time-note")
    assert note.startswith("No time slider: only 1 of 5 ties read is dated (20%; at least 50% must be)")
    assert opened.js("linkchart.time") is None
    assert opened.js("linkchart.visibleCounts()") == {"nodes": 5, "edges": 5}
    shown = open_page(linkchart.render_html(chart, draws=None, min_dated=0), "shown.html")
    assert shown.page.is_visible("#lc-time-slider") and shown.js("linkchart.time") is not None
    _clean(opened)
    _clean(shown)


def test_the_panel_flags_a_brokerage_z_from_a_tiny_expected_count_and_counts_bridges_as_pairs(
    central_asia: linkchart.LinkChart, open_page: Any
) -> None:
    opened = open_page(linkchart.render_html(central_asia, highlight="all", draws=None), "flags.html")
    found = linkchart.bridges(central_asia)
    edges = sum(len(b.edge_ids) for b in found)
    legend = opened.page.inner_text("#lc-marks")
    assert f"bridging ties (thick lines: {edges} edges)\n{len(found)}" in legend, legend
    _click_node(opened, central_asia.index_of("IMT"))
    text = _panel_text(opened)
    assert "coordinator" in text and "! expected 0.028 times (below 1)" in text
    # the words of network science, glossed where the panel shows them
    assert "coordinator\n14 paths (z 73.29) \u2014 brokers between two actors of its own group" in text
    assert "z: how far a count lies above what chance would give" in text
    assert "PN centrality: positive-negative centrality: ties to friends raise it" in text
    assert "camp\n1 \u2014 actors friendly among themselves and hostile to other camps" in text
    _clean(opened)


def _meta_network() -> linkchart.LinkChart:
    """Three people, a meeting and a group: Ann and Bea share both, Cid only the meeting."""
    vocab = linkchart.Vocabulary(
        node_types=(
            linkchart.NodeType("person", "#ff7f0e", "ellipse", node_class="agent"),
            linkchart.NodeType("meeting", "#8c564b", "star", node_class="event"),
            linkchart.NodeType("group", "#d62728", "dot", node_class="organisation"),
        ),
        relations=tuple(linkchart.Relation(r) for r in ("attended", "member_of", "knows")),
    )
    return linkchart.from_records(
        [{"id": x, "type": "person"} for x in ("Ann", "Bea", "Cid")]
        + [{"id": "M1", "type": "meeting"}, {"id": "JI", "type": "group"}],
        [
            {"from": "Ann", "relation": "attended", "to": "M1", "evidence": XSS[1], "time": "2004-09"},
            {"from": "Bea", "relation": "attended", "to": "M1", "evidence": "Bea was seen at M1."},
            {"from": "Cid", "relation": "attended", "to": "M1", "evidence": "Cid chaired M1."},
            {"from": "Ann", "relation": "member_of", "to": "JI", "confidence": "alleged"},
            {"from": "Bea", "relation": "member_of", "to": "JI", "evidence": "Bea swore the oath."},
            {"from": "Ann", "relation": "knows", "to": "Cid"},
        ],
        vocab,
    )


def _wait_class_box(opened: Any, node_class: str, checked: bool) -> None:
    opened.page.wait_for_function(
        f"() => document.querySelector('#lc-filter-classes li[data-class={node_class}] input').checked"
        f" === {'true' if checked else 'false'}"
    )


def test_one_class_alone_and_the_projection_toggle_with_its_tie_panel(
    open_page: Any, artifacts: Path
) -> None:
    chart = _meta_network()
    opened = open_page(linkchart.render_html(chart), "projection.html")
    page = opened.page
    n, m = chart.number_of_nodes, chart.number_of_edges
    assert _visible(opened) == [n, m]
    only = page.locator("#lc-filter-classes li[data-class=agent] .lc-only")
    # only the agents: the three people and their one contact tie, the other classes' boxes off
    only.click()
    _wait_class_box(opened, "event", False)
    assert _visible(opened) == [3, 1]
    assert only.get_attribute("aria-pressed") == "true"
    assert not page.locator("#lc-filter-types label", has_text="group").locator("input").is_checked()
    page.locator("#lc-filter-classes li[data-class=event] .lc-only").click()
    _wait_class_box(opened, "agent", False)
    assert _visible(opened) == [1, 0]
    page.locator("#lc-filter-classes li[data-class=event] .lc-only").click()  # again: every class
    _wait_class_box(opened, "agent", True)
    assert _visible(opened) == [n, m]
    # the projection: the people tied through what they share, none of the chart's own ties
    looks_of = (
        "[0, 1, 2].map(i => [linkchart.nodes.get(i).group, linkchart.network.body.nodes[i].options.shape])"
    )
    looks = opened.js(looks_of)
    page.locator("#lc-projection").check()
    page.wait_for_function(f"() => linkchart.edges.get({{filter: e => !e.hidden}}).every(e => e.id >= {m})")
    assert _visible(opened) == [3, 3]  # Ann-Bea (M1, JI), Ann-Cid (M1), Bea-Cid (M1)
    assert opened.js(looks_of) == looks  # node types keep their colours and shapes
    assert "projection: 3 ties" in page.inner_text("#lc-counts")
    # Ann-Bea, the heaviest, is the first projected tie: its panel lists both shared affiliations
    _click_edge(opened, m)
    page.wait_for_function(f"() => linkchart.shown && linkchart.shown.index === {m}")
    assert page.get_attribute("#lc-panel", "data-kind") == "projected"
    text = _panel_text(opened)
    assert "shared affiliations (2)" in text.lower() and "M1 (event)" in text and "JI (organisation)" in text
    assert "weight\n2 (shared affiliations)" in text and "Ann \u2014 Bea" in text
    assert "Bea was seen at M1." in text and "Bea swore the oath." in text and "member_of, alleged" in text
    assert XSS[1] in text and opened.js("window.__xss === undefined")
    page.screenshot(path=str(artifacts / "projection_tie_panel.png"))
    # off again: the chart as it was, the projected tie's panel closed
    page.locator("#lc-projection").uncheck()
    page.wait_for_function(f"() => linkchart.edges.get({{filter: e => !e.hidden}}).length === {m}")
    assert _visible(opened) == [n, m]
    assert opened.js("linkchart.shown") is None
    _clean(opened)


def test_a_one_class_page_has_no_class_controls(open_page: Any) -> None:
    vocab = linkchart.Vocabulary(
        node_types=(linkchart.NodeType("person", node_class="agent"),),
        relations=(linkchart.Relation("knows"),),
    )
    chart = linkchart.from_records(
        [{"id": x, "type": "person"} for x in "abc"], [{"from": "a", "relation": "knows", "to": "b"}], vocab
    )
    opened = open_page(linkchart.render_html(chart))
    assert opened.page.locator("#lc-projection, .lc-only").count() == 0
    assert not opened.page.is_visible("#lc-legend-classes")
    _clean(opened)


def test_a_projection_too_large_for_the_page_says_why(
    open_page: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from linkchart.render import projection

    monkeypatch.setattr(projection, "MAX_PROJECTED_PAIRS", 1)
    opened = open_page(linkchart.render_html(_meta_network()))
    box = opened.page.locator("#lc-projection")
    assert box.is_disabled()
    assert "No projection on this page: 3 projected pairs" in opened.page.inner_text("#lc-legend-classes")
    opened.page.locator("#lc-filter-classes li[data-class=agent] .lc-only").click()  # "only" still works
    _wait_class_box(opened, "event", False)
    assert _visible(opened) == [3, 1]
    _clean(opened)

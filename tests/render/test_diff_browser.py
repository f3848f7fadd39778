"""The diff page in a real headless Chromium: what is added, changed and removed is drawn so, and
the panels say what changed (render/diff.py, templates/diff.js)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_page import _clean, _click_edge, _click_node, _no_injected_elements, _panel_text
from diff_charts import HOSTILE, after_chart, before_chart

import linkchart
from linkchart.render.diff import ADDED_COLOR, CHANGED_COLOR, REMOVED_COLOR

pytestmark = pytest.mark.browser


def _open(open_page: Any, name: str, hostile: str = "Gone") -> tuple[Any, linkchart.LinkChart]:
    a, b = before_chart(hostile), after_chart()
    return open_page(linkchart.render_html(b, diff_against=a), name), b


def test_added_changed_and_removed_are_drawn_distinctly_and_the_panels_say_what_changed(
    open_page: Any, artifacts: Path
) -> None:
    opened, b = _open(open_page, "diff.html")
    page = opened.page
    n, m = b.number_of_nodes, b.number_of_edges
    eve, bea = opened.js("linkchart.nodeIndex('Eve')"), opened.js("linkchart.nodeIndex('Bea')")
    gone = opened.js("linkchartDiff.removedNode('gone')")
    assert gone == n  # the ghost comes after the chart's own nodes
    style = "(i) => { const x = linkchart.nodes.get(i); return [x.color && x.color.border, x.borderWidth, " \
        "x.shapeProperties ? x.shapeProperties.borderDashes : null, x.opacity || 1]; }"  # fmt: skip
    assert opened.js(style, eve) == [ADDED_COLOR, 5, None, 1]
    assert opened.js(style, bea) == [CHANGED_COLOR, 5, [6, 4], 1]
    assert opened.js(style, gone) == [REMOVED_COLOR, 2, [2, 5], 0.55]
    unchanged = opened.js("linkchart.nodeIndex('Cid')")
    assert opened.js(style, unchanged)[0] is None  # drawn as on any page: its type's colour
    edge_style = (
        "(k) => { const x = linkchart.edges.get(k); return [x.color.color, x.width, x.dashes || false]; }"
    )
    added_edge = opened.js("linkchart.edgeIndex('e3')")  # Eve -> Dan in b
    changed_edge = opened.js("linkchart.edgeIndex('e0')")  # Ann -> Bea, now confirmed
    removed_edge = opened.js("linkchartDiff.removedEdge('e5')")  # Dan -> Ann, only in a
    assert removed_edge >= m
    assert opened.js(edge_style, added_edge) == [ADDED_COLOR, 4, False]
    assert opened.js(edge_style, changed_edge) == [CHANGED_COLOR, 3.5, False]
    assert opened.js(edge_style, removed_edge) == [REMOVED_COLOR, 2, [2, 5]]
    page.screenshot(path=str(artifacts / "diff_page.png"))
    # the legend's Diff section counts each kind, with its sign in words
    legend = page.inner_text("#lc-legend-diff")
    assert "+ added\n1 node, 1 tie" in legend and "~ changed\n1 node, 2 ties" in legend
    assert "\u2212 removed\n1 node, 3 ties" in legend and "Top 10 ranks moved" in legend
    # a changed node: its label before and after, and how its ranks moved
    _click_node(opened, bea)
    page.wait_for_function(f"() => linkchart.shown && linkchart.shown.index === {bea}")
    text = _panel_text(opened)
    assert "~ changed since \u201cBefore\u201d" in text and "label\nBea \u2192 Beatrice" in text
    assert "degree\nrank 3 \u2192 1" in text
    # a changed tie: confidence and probability before and after
    _click_edge(opened, changed_edge)
    page.wait_for_function(f"() => linkchart.shown && linkchart.shown.index === {changed_edge}")
    text = _panel_text(opened)
    assert "confidence\nalleged \u2192 confirmed" in text and "probability\n0.5 \u2192 0.95" in text
    # the tie with a second evidence item: the item added, quoted
    second = opened.js("linkchart.edgeIndex('e1')")
    _click_edge(opened, second)
    page.wait_for_function(f"() => linkchart.shown && linkchart.shown.index === {second}")
    text = _panel_text(opened)
    assert "evidence\n1 item \u2192 2 items" in text and "+ added\nCid was paid." in text
    # the removed node: its label, type and the ties it had in a
    _click_node(opened, gone)
    page.wait_for_function(f"() => linkchart.shown && linkchart.shown.index === {gone}")
    assert page.get_attribute("#lc-panel", "data-kind") == "removed-node"
    text = _panel_text(opened)
    assert "Gone" in text and "\u2212 removed (only in \u201cBefore\u201d)" in text and "organisation" in text
    ties = "ties in \u201cbefore\u201d (2)\n\u2212 finances \u2192 ann\n\u2212 protects \u2192 cid"
    assert ties in text.lower()
    page.screenshot(path=str(artifacts / "diff_removed_node_panel.png"))
    # the removed tie between two nodes b keeps: its evidence in a
    _click_edge(opened, removed_edge)
    page.wait_for_function(f"() => linkchart.shown && linkchart.shown.index === {removed_edge}")
    assert page.inner_text("#lc-panel blockquote") == "Dan guards Ann."
    # the legend lists every change: a click shows its panel; search finds the removed node too
    page.locator("#lc-legend-diff summary", has_text="List the changes").click()
    removed_list = page.locator("ul.lc-diff-changes[data-mark='-'] button")
    lost = ["Gone", "finances: Gone \u2192 Ann", "protects: Gone \u2192 Cid", "protects: Dan \u2192 Ann"]
    assert removed_list.all_inner_texts() == lost
    removed_list.first.click()
    page.wait_for_function(f"() => linkchart.shown && linkchart.shown.index === {gone}")
    assert opened.js("linkchart.search('gone')") == [gone]
    assert page.inner_text("#lc-counts") == f"{n} nodes, {m} edges \u00b7 removed: 1 node, 3 ties"
    # the legend's boxes hide ghosts as they hide the rest: no person, no tie of a person's
    page.locator("#lc-filter-types label", has_text="person").locator("input").uncheck()
    page.wait_for_function(f"() => linkchart.edges.get({removed_edge}).hidden === true")
    assert opened.js(f"linkchart.nodes.get({gone}).hidden") is not True  # an organisation
    page.locator("#lc-filter-types label", has_text="person").locator("input").check()
    page.wait_for_function(f"() => linkchart.edges.get({removed_edge}).hidden === false")
    # only the changes: Cid (unchanged, but an end of a changed tie) stays; hide the removed
    page.locator("#lc-diff-only").check()
    page.wait_for_function("() => linkchartDiff.onlyChanges")
    assert opened.js("linkchart.visibleCounts()") == {"nodes": n, "edges": 3}  # e0, e1, e3
    page.locator("#lc-diff-removed").uncheck()
    page.wait_for_function(f"() => linkchart.nodes.get({gone}).hidden === true")
    assert opened.js(f"linkchart.edges.get({removed_edge}).hidden") is True
    page.locator("#lc-diff-removed").check()
    page.wait_for_function(f"() => linkchart.nodes.get({gone}).hidden === false")
    page.screenshot(path=str(artifacts / "diff_only_changes.png"))
    _clean(opened)


def test_hostile_text_in_the_removed_part_stays_text(open_page: Any, artifacts: Path) -> None:
    opened, _ = _open(open_page, "diff_xss.html", HOSTILE)
    page = opened.page
    gone = opened.js("linkchartDiff.removedNode('gone')")
    _click_node(opened, gone)
    page.wait_for_function(f"() => linkchart.shown && linkchart.shown.index === {gone}")
    text = _panel_text(opened)
    assert HOSTILE in text and HOSTILE + " alias" in text
    removed = opened.js("linkchartDiff.removedEdge('e3')")
    _click_edge(opened, removed)
    page.wait_for_function(f"() => linkchart.shown && linkchart.shown.index === {removed}")
    assert page.inner_text("#lc-panel blockquote") == HOSTILE
    point = opened.js(f"linkchart.nodePoint({gone})")
    page.mouse.move(point["x"], point["y"])
    page.wait_for_function("() => !document.getElementById('lc-tooltip').hidden")
    assert HOSTILE in page.inner_text("#lc-tooltip")
    assert opened.js("window.__xss === undefined")
    _no_injected_elements(opened)
    page.screenshot(path=str(artifacts / "diff_xss.png"))
    _clean(opened)

"""A page an analyst can brief from, in a real headless Chromium (issue 21).

Labels are measured as the browser draws them: a probe installed before the page's own
scripts records every text drawn on the chart's canvas, with its ink box (the text's
``measureText`` box through the canvas transform), during one synchronous redraw. So the
checks below hold for what is on the screen, whatever the page believes it placed:
no two labels overlap, none runs over a node, none is cut at the canvas edge, at first
paint and after zooming in and out with the mouse wheel. Nothing waits a fixed time:
each step waits on the view's scale or on the page's own state.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import linkchart
from linkchart.render.payload import page_payload
from linkchart.style import HOSTILE_COLOR
from linkchart.vocabulary import NodeType, Relation, Vocabulary

from .conftest import synthetic_chart
from .test_html_browser import _clean

pytestmark = pytest.mark.browser

TEXT_PROBE = """
(() => {
  const proto = CanvasRenderingContext2D.prototype;
  const fillText = proto.fillText;
  window.__lcTexts = null;
  proto.fillText = function (text, x, y) {
    const out = window.__lcTexts;
    if (out && this.canvas.closest && this.canvas.closest('#lc-network') && String(text).trim()) {
      const m = this.measureText(text), t = this.getTransform(), r = this.canvas.getBoundingClientRect();
      const ratio = this.canvas.width / r.width;
      const at = (px, py) => [(t.a * px + t.c * py + t.e) / ratio + r.left,
                              (t.b * px + t.d * py + t.f) / ratio + r.top];
      const p = at(x - m.actualBoundingBoxLeft, y - m.actualBoundingBoxAscent);
      const q = at(x + m.actualBoundingBoxRight, y + m.actualBoundingBoxDescent);
      out.push({text: String(text), x0: Math.min(p[0], q[0]), y0: Math.min(p[1], q[1]),
                x1: Math.max(p[0], q[0]), y1: Math.max(p[1], q[1]), turned: t.b !== 0 || t.c !== 0});
    }
    return fillText.apply(this, arguments);
  };
})();
"""

HIJACKERS = {
    "AA11": ["Mohamed Atta", "Abdul Aziz Al-Omari", "Waleed Alshehri", "Wail Alshehri", "Satam Suqami"],
    "UA175": ["Marwan Al-Shehhi", "Fayez Ahmed Banihammad", "Mohand Alshehri", "Hamza Alghamdi",
              "Ahmed Alghamdi"],
    "AA77": ["Hani Hanjour", "Khalid Al-Mihdhar", "Nawaf Alhazmi", "Salem Alhazmi", "Majed Moqed"],
    "UA93": ["Ziad Jarrah", "Ahmed Al Haznawi", "Ahmed Alnami", "Saeed Alghamdi"],
}  # fmt: skip
ASSOCIATES = [
    ("Ramzi Binalshibh", ["Mohamed Atta", "Marwan Al-Shehhi", "Ziad Jarrah", "Zacarias Moussaoui"]),
    ("Zacarias Moussaoui", ["Mustafa Ahmed al-Hawsawi"]),
    ("Said Bahaji", ["Mohamed Atta", "Marwan Al-Shehhi", "Ramzi Binalshibh"]),
    ("Mounir El Motassadeq", ["Said Bahaji", "Mohamed Atta"]),
    ("Zakariya Essabar", ["Ramzi Binalshibh", "Said Bahaji"]),
    ("Agus Budiman", ["Ramzi Binalshibh", "Mohamed Atta"]),
    ("Mustafa Ahmed al-Hawsawi", ["Marwan Al-Shehhi", "Fayez Ahmed Banihammad"]),
    ("Lotfi Raissi", ["Hani Hanjour"]),
    ("Rayed Mohammed Abdullah", ["Hani Hanjour", "Nawaf Alhazmi"]),
    ("Bandar Alhazmi", ["Hani Hanjour", "Nawaf Alhazmi"]),
    ("Faisal Al Salmi", ["Hani Hanjour"]),
    ("Osama Awadallah", ["Nawaf Alhazmi", "Khalid Al-Mihdhar"]),
    ("Abdussattar Shaikh", ["Nawaf Alhazmi", "Khalid Al-Mihdhar"]),
    ("Mohamed Abdi", ["Nawaf Alhazmi"]),
    ("Raed Hijazi", ["Nawaf Alhazmi", "Satam Suqami"]),
]
BETWEEN_CELLS = [("Mohamed Atta", "Marwan Al-Shehhi"), ("Mohamed Atta", "Ziad Jarrah"),
                 ("Mohamed Atta", "Hani Hanjour"), ("Mohamed Atta", "Nawaf Alhazmi"),
                 ("Marwan Al-Shehhi", "Ziad Jarrah"), ("Hamza Alghamdi", "Saeed Alghamdi"),
                 ("Ahmed Alghamdi", "Ahmed Al Haznawi"), ("Satam Suqami", "Majed Moqed"),
                 ("Wail Alshehri", "Mohand Alshehri")]  # fmt: skip


def hijackers() -> linkchart.LinkChart:
    """A 34-person network shaped like Krebs' 9/11 hijackers chart: four flight cells, the ties
    between them, and fifteen associates, all drawn as persons (ellipses by default)."""
    people = [p for cell in HIJACKERS.values() for p in cell] + [a for a, _ in ASSOCIATES]
    ties = [(a, b) for cell in HIJACKERS.values() for j, a in enumerate(cell) for b in cell[j + 1 :]]
    ties += BETWEEN_CELLS + [(a, b) for a, partners in ASSOCIATES for b in partners]
    nodes = [{"id": p, "type": "person"} for p in people]
    edges = [{"from": a, "relation": "knows", "to": b} for a, b in ties]
    vocab = Vocabulary(relations=(Relation("knows", directed=False),))
    return linkchart.from_records(nodes, edges, vocabulary=vocab, title="The 9/11 hijackers and associates")


# ---------------------------------------------------------------- measuring what is drawn


def _drawn(opened: Any) -> list[dict[str, Any]]:
    """Every text the chart's canvas draws in one redraw, with its ink box in page pixels."""
    texts: list[dict[str, Any]] = opened.js(
        "() => { window.__lcTexts = []; linkchart.network.redraw(); const t = window.__lcTexts;"
        " window.__lcTexts = null; return t; }"
    )
    return texts


def _node_boxes(opened: Any) -> np.ndarray:
    """The box of every node drawn, in page pixels: its shape's width and height about its centre."""
    found = opened.js(
        "() => { const net = linkchart.network, s = net.getScale();"
        " return linkchart.nodes.get({filter: (n) => !n.hidden}).map((n) => {"
        " const p = linkchart.nodePoint(n.id), sh = net.body.nodes[n.id].shape;"
        " const w = (sh.width || 0) * s / 2, h = (sh.height || 0) * s / 2;"
        " return [p.x - w, p.y - h, p.x + w, p.y + h]; }); }"
    )
    return np.array(found, dtype=float).reshape(-1, 4)


def _check_labels(opened: Any, chart: linkchart.LinkChart, where: str) -> list[dict[str, Any]]:
    """No two drawn texts overlap, none runs over a node's shape (its own included: no label is
    inside its shape), none is cut at the canvas edge,
    none is turned or shortened: each is a node label (or a line of one) or a relation name."""
    texts = _drawn(opened)
    canvas = opened.js(
        "(() => { const r = document.querySelector('#lc-network canvas').getBoundingClientRect();"
        " return [r.left, r.top, r.right, r.bottom]; })()"
    )
    words = {w for label in chart.nodes.labels for w in label.split()}
    relations = set(chart.vocabulary.relation_names)
    eps = 0.5
    for t in texts:
        assert not t["turned"], (where, t)
        assert "\u2026" not in t["text"], (where, t)  # never cut short
        assert t["text"] in relations or set(t["text"].split()) <= words, (where, t)
        inside = (
            t["x0"] >= canvas[0] - eps
            and t["y0"] >= canvas[1] - eps
            and t["x1"] <= canvas[2] + eps
            and t["y1"] <= canvas[3] + eps
        )
        assert inside, f"{where}: {t['text']!r} is cut at the canvas edge: {t} in {canvas}"
    boxes = np.array([[t["x0"], t["y0"], t["x1"], t["y1"]] for t in texts]).reshape(-1, 4)
    over = (
        (boxes[:, None, 0] < boxes[None, :, 2] - eps)
        & (boxes[None, :, 0] < boxes[:, None, 2] - eps)
        & (boxes[:, None, 1] < boxes[None, :, 3] - eps)
        & (boxes[None, :, 1] < boxes[:, None, 3] - eps)
    )
    np.fill_diagonal(over, False)
    pairs = [(texts[a]["text"], texts[b]["text"]) for a, b in zip(*np.nonzero(np.triu(over)), strict=True)]
    assert pairs == [], f"{where}: overlapping labels {pairs[:5]}"
    shapes = _node_boxes(opened)
    for t in texts:
        covered = (
            (shapes[:, 0] < t["x1"] - eps)
            & (t["x0"] < shapes[:, 2] - eps)
            & (shapes[:, 1] < t["y1"] - eps)
            & (t["y0"] < shapes[:, 3] - eps)
        )
        assert not covered.any(), f"{where}: {t['text']!r} runs over a node's shape at {shapes[covered][0]}"
    return texts


def _wheel(opened: Any, delta: float, times: int) -> None:
    """Zoom with the mouse wheel over the middle of the canvas, waiting for each step to take."""
    page = opened.page
    middle = opened.js(
        "(() => { const r = document.getElementById('lc-network').getBoundingClientRect();"
        " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()"
    )
    page.mouse.move(middle["x"], middle["y"])
    for _ in range(times):
        scale = opened.js("linkchart.network.getScale()")
        page.mouse.wheel(0, delta)
        page.wait_for_function("(s) => linkchart.network.getScale() !== s", arg=scale)


def _labels_through_zoom(opened: Any, chart: linkchart.LinkChart, name: str, artifacts: Path) -> None:
    first = _check_labels(opened, chart, f"{name}: first paint")
    assert len(first) >= min(12, chart.number_of_nodes // 3), first
    opened.page.screenshot(path=str(artifacts / f"labels_{name}_first.png"))
    _wheel(opened, -240, 4)
    zoomed = _check_labels(opened, chart, f"{name}: zoomed in")
    _wheel(opened, -240, 4)
    closer = _check_labels(opened, chart, f"{name}: zoomed in further")
    opened.page.screenshot(path=str(artifacts / f"labels_{name}_zoomed.png"))
    _wheel(opened, 240, 14)
    _check_labels(opened, chart, f"{name}: zoomed out")
    opened.page.screenshot(path=str(artifacts / f"labels_{name}_out.png"))
    # zooming in makes room: some label hidden at first is shown once zoomed
    assert {t["text"] for t in zoomed + closer} - {t["text"] for t in first}, name


# ---------------------------------------------------------------- labels never collide


def test_central_asia_labels_never_collide_at_first_paint_or_through_zoom(
    central_asia: linkchart.LinkChart, open_page: Any, artifacts: Path
) -> None:
    opened = open_page(linkchart.render_html(central_asia, highlight=True), init=TEXT_PROBE)
    # the hub's label is drawn whole and not across any node (the first screen of issue 21 did both)
    texts = _check_labels(opened, central_asia, "central asia")
    drawn = " ".join(t["text"] for t in texts)
    assert "Islamic Movement of" in drawn and "Turkestan" in drawn
    # relation names only on ties the measures read (18 in view: they go where they fit), not on every edge
    reasons = linkchart.reading(central_asia).reasons()
    names = central_asia.vocabulary.relation_names
    read = {n for n, why in zip(names, reasons, strict=True) if why is None}
    named = [t["text"] for t in texts if t["text"] in names]
    assert named and set(named) <= read and len(named) < central_asia.number_of_edges / 4, named
    _labels_through_zoom(opened, central_asia, "central_asia", artifacts)
    quiet = open_page(linkchart.render_html(central_asia, edge_labels=False), "quiet.html", init=TEXT_PROBE)
    assert not [t["text"] for t in _drawn(quiet) if t["text"] in names]  # hover and selection only


def test_a_person_network_draws_whole_names_below_their_shapes(open_page: Any, artifacts: Path) -> None:
    chart = hijackers()
    assert chart.number_of_nodes == 34
    opened = open_page(linkchart.render_html(chart, size_by="betweenness", draws=None), init=TEXT_PROBE)
    # persons keep a (flat) ellipse drawn at the node's size: the shape does not grow with the name
    shapes = opened.js(
        "Object.values(linkchart.network.body.nodes).filter((n) => typeof n.id === 'number')"
        ".map((n) => [n.options.shape, n.shape.customSizeWidth, n.shape.customSizeHeight, n.options.size])"
    )
    assert {s[0] for s in shapes} == {"custom"} and len({s[3] for s in shapes}) > 3
    flat = all(abs(w - 2 * size) < 0.01 and abs(h - 1.3 * size) < 0.01 for _, w, h, size in shapes)
    assert flat, shapes[:3]
    _labels_through_zoom(opened, chart, "hijackers", artifacts)
    # any name comes whole on hover, wherever it is, above the others
    for name in ("Satam Suqami", "Abdul Aziz Al-Omari", "Ahmed Al Haznawi"):
        i = opened.js(f"linkchart.nodeIndex({name!r})")
        opened.js(
            f"linkchart.network.moveTo({{position: linkchart.network.getPositions([{i}])[{i}], scale: 0.6,"
            " animation: false})"
        )
        point = opened.js(f"linkchart.nodePoint({i})")
        opened.page.mouse.move(point["x"], point["y"])
        opened.page.wait_for_function(
            "(label) => { const s = document.querySelector('#lc-tooltip strong');"
            " return s && s.textContent === label; }",
            arg=name,
        )
        drawn = _check_labels(opened, chart, f"hovering {name}")
        assert name in " ".join(t["text"] for t in drawn)


def test_a_thousand_node_chart_has_no_overlapping_label(open_page: Any, artifacts: Path) -> None:
    chart = synthetic_chart(1000, 2500, seed=11)
    opened = open_page(
        linkchart.render_html(chart, size_by="degree", draws=None), "thousand.html", init=TEXT_PROBE
    )
    _labels_through_zoom(opened, chart, "thousand", artifacts)


# ---------------------------------------------------------------- the reading forward, context recessive


def _context_of(chart: linkchart.LinkChart) -> tuple[set[int], set[int]]:
    """The edge rows the default reading leaves out, and the node rows with no tie read."""
    reasons = linkchart.reading(chart).reasons()
    out = {k for k, r in enumerate(chart.edges.relation.tolist()) if reasons[r] is not None}
    joined = {int(x) for k in range(chart.number_of_edges) if k not in out
              for x in (chart.edges.src[k], chart.edges.dst[k])}  # fmt: skip
    return out, set(range(chart.number_of_nodes)) - joined


def _looks(opened: Any) -> tuple[list[float], list[float], list[float]]:
    """Every node's opacity and size, and every edge's opacity, as vis-network draws them."""
    looks = opened.js(
        "(() => { const b = linkchart.network.body, n = linkchart.nodeCount, m = linkchart.edgeCount;"
        " const on = (i) => b.nodes[i].options, oe = (k) => b.edges[k].options;"
        " return [Array.from({length: n}, (_, i) => on(i).opacity === undefined ? 1 : on(i).opacity),"
        " Array.from({length: n}, (_, i) => on(i).size),"
        " Array.from({length: m}, (_, k) => oe(k).color.opacity)]; })()"
    )
    return looks[0], looks[1], looks[2]


def test_the_first_screen_puts_the_reading_forward_and_one_control_brings_context_forward(
    central_asia: linkchart.LinkChart, open_page: Any, artifacts: Path
) -> None:
    found = linkchart.reading(central_asia)
    context_edges, context_nodes = _context_of(central_asia)
    assert len(context_edges) == found.total - found.read and context_nodes
    opened = open_page(linkchart.render_html(central_asia), init=TEXT_PROBE)
    page = opened.page
    sizes = page_payload(central_asia, linkchart.page_spec())["nodes"]
    base = [n["size"] for n in sizes]
    opacity, size, edge_opacity = _looks(opened)
    for i in range(central_asia.number_of_nodes):
        if i in context_nodes:
            assert opacity[i] < 0.5 and size[i] < base[i], central_asia.node_ids[i]
        else:
            assert opacity[i] == 1 and size[i] == base[i], central_asia.node_ids[i]
    assert max(edge_opacity[k] for k in context_edges) <= 0.2
    assert min(edge_opacity[k] for k in range(central_asia.number_of_edges) if k not in context_edges) >= 0.45
    # no context actor is labelled on the first screen; every count of the legend is the reading's
    labelled = {x["index"] for x in opened.js("linkchart.labels()") if x["kind"] == "node"}
    assert labelled and not labelled & context_nodes
    legend = page.inner_text("#lc-legend-context")
    assert f"Forward: the {found.read} ties the measures read and the " in legend
    assert f"{central_asia.number_of_nodes - len(context_nodes)} actors they join" in legend
    for reason, words in (("hostile", "hostile ties"), ("neutral", "neutral ties")):
        assert f"{found.left_out[reason]} {words} (" in legend, legend
    assert f"{found.left_out['layer event']} event ties" in legend
    assert f"{found.left_out['unread']} tie no measure reads (example)" in legend
    assert f"and {len(context_nodes)} actors with no tie read" in legend and "drawn light" in legend
    page.screenshot(path=str(artifacts / "context_recessive.png"))
    # the one control: context comes forward, drawn like the rest, and some of it is labelled
    page.check("#lc-context-forward")
    opacity, size, edge_opacity = _looks(opened)
    assert opacity == [1] * len(base) and size == base
    assert min(edge_opacity) >= 0.45
    labelled = {x["index"] for x in opened.js("linkchart.labels()") if x["kind"] == "node"}
    assert labelled & context_nodes
    assert "drawn like the rest" in page.inner_text("#lc-context")
    _check_labels(opened, central_asia, "context forward")
    page.screenshot(path=str(artifacts / "context_forward.png"))
    page.uncheck("#lc-context-forward")
    assert _looks(opened)[0] == opacity_recessive(central_asia, context_nodes)
    # recessive labels come with zoom: a context actor is labelled once zoomed in around it (the
    # layout puts context at the periphery)
    k = min(context_nodes)
    opened.js(
        "(k) => linkchart.network.moveTo({position: linkchart.network.getPositions([k])[k],"
        " animation: false})",
        k,
    )
    _wheel(opened, -240, 8)
    labelled = {x["index"] for x in opened.js("linkchart.labels()") if x["kind"] == "node"}
    assert labelled & context_nodes
    _check_labels(opened, central_asia, "zoomed in on context")
    _clean(opened)


def opacity_recessive(chart: linkchart.LinkChart, context_nodes: set[int]) -> list[float]:
    return [0.35 if i in context_nodes else 1 for i in range(chart.number_of_nodes)]


def test_a_page_can_hide_its_context_or_draw_it_like_the_rest(
    central_asia: linkchart.LinkChart, open_page: Any
) -> None:
    context_edges, context_nodes = _context_of(central_asia)
    n, m = central_asia.number_of_nodes, central_asia.number_of_edges
    hidden = open_page(linkchart.render_html(central_asia, context="hidden", draws=None), "hidden.html")
    assert hidden.js("linkchart.visibleCounts()") == {
        "nodes": n - len(context_nodes),
        "edges": m - len(context_edges),
    }
    assert "Context (hidden)" in hidden.page.inner_text("#lc-context")
    hidden.page.check("#lc-context-forward")
    assert hidden.js("linkchart.visibleCounts()") == {"nodes": n, "edges": m}
    equal = open_page(linkchart.render_html(central_asia, context="equal", draws=None), "equal.html")
    assert equal.page.is_checked("#lc-context-forward")
    assert _looks(equal)[0] == [1] * n
    equal.page.uncheck("#lc-context-forward")
    assert _looks(equal)[0] == opacity_recessive(central_asia, context_nodes)
    # a chart whose every tie is read has no context, and no control for it
    plain = linkchart.from_records(
        [{"id": "a", "type": "state"}, {"id": "b", "type": "state"}],
        [{"from": "a", "relation": "r", "to": "b"}],
    )
    opened = open_page(linkchart.render_html(plain, draws=None), "plain.html")
    assert not opened.page.is_visible("#lc-legend-context")
    for page in (hidden, equal, opened):
        _clean(page)


# ---------------------------------------------------------------- selection keeps the picture


def test_clicking_a_node_dims_the_rest_without_moving_the_view_and_focus_zooms(
    central_asia: linkchart.LinkChart, open_page: Any, artifacts: Path
) -> None:
    opened = open_page(linkchart.render_html(central_asia, draws=None), init=TEXT_PROBE)
    page = opened.page
    node = "Emomali Rakhmonov"
    i = central_asia.index_of(node)
    before = opened.js(
        f"({{scale: linkchart.network.getScale(), view: linkchart.network.getViewPosition(),"
        f" point: linkchart.nodePoint({i})}})"
    )
    right = opened.js("document.getElementById('lc-network').getBoundingClientRect().right")
    assert before["point"]["x"] < right - 400  # not where the panel opens
    page.mouse.click(before["point"]["x"], before["point"]["y"])
    page.wait_for_function(f"() => linkchart.shown && linkchart.shown.index === {i}")
    after = opened.js(f"({{scale: linkchart.network.getScale(), point: linkchart.nodePoint({i})}})")
    assert after["scale"] == before["scale"]
    assert (
        abs(after["point"]["x"] - before["point"]["x"]) < 1
        and abs(after["point"]["y"] - before["point"]["y"]) < 1
    )
    # its neighbourhood stands out, the rest is dimmed, and its ties are named
    e = central_asia.edges
    ties = {k for k in range(central_asia.number_of_edges) if i in (int(e.src[k]), int(e.dst[k]))}
    hood = {i} | {int(x) for k in ties for x in (e.src[k], e.dst[k])}
    opacity, _, edge_opacity = _looks(opened)
    assert all(opacity[j] >= 0.35 for j in hood)
    assert all(opacity[j] <= 0.12 for j in range(len(opacity)) if j not in hood)
    assert all(edge_opacity[k] <= 0.1 for k in range(len(edge_opacity)) if k not in ties)
    page.screenshot(path=str(artifacts / "selection_dims.png"))
    _check_labels(opened, central_asia, "selection")
    first = {x["index"] for x in opened.js("linkchart.labels()") if x["kind"] == "edge"}
    assert len(first) >= 2 and first <= ties, (first, ties)  # only the selection's ties are named
    # the explicit focus zooms to the neighbourhood, where every tie is named; Escape clears the dimming
    done = opened.js("linkchart.animations")
    page.click("#lc-focus")
    page.wait_for_function("(n) => linkchart.animations > n", arg=done)
    assert opened.js("linkchart.network.getScale()") > before["scale"]
    page.screenshot(path=str(artifacts / "selection_focused.png"))
    texts = {t["text"] for t in _check_labels(opened, central_asia, "focused")}
    named = {x["index"] for x in opened.js("linkchart.labels()") if x["kind"] == "edge"}
    assert len(named) > max(len(first), len(ties) / 2) and named <= ties, (first, named, ties)
    assert {central_asia.vocabulary.relation_names[int(e.relation[k])] for k in named} <= texts
    for k in sorted(ties - named):  # where there was no room, pointing at the tie names it
        point = opened.js(ON_THE_EDGE, k)
        page.mouse.move(point["x"], point["y"])
        page.wait_for_function("(k) => linkchart.hovered === k", arg=k)
        named = {x["index"] for x in opened.js("linkchart.labels()") if x["kind"] == "edge"}
        assert k in named
        _check_labels(opened, central_asia, f"pointing at tie {k}")
    page.screenshot(path=str(artifacts / "selection_focused.png"))
    page.keyboard.press("Escape")
    assert opened.js("linkchart.shown") is None
    assert _looks(opened)[0] == opacity_recessive(central_asia, _context_of(central_asia)[1])
    # F is the same focus from the keyboard
    _click_at_scale(opened, i)
    done = opened.js("linkchart.animations")
    page.keyboard.press("f")
    page.wait_for_function("(n) => linkchart.animations > n", arg=done)
    _clean(opened)


ON_THE_EDGE = """(k) => {
  // a point of edge k, in page pixels, where the pointer finds that edge and no node
  const net = linkchart.network, r = document.getElementById('lc-network').getBoundingClientRect();
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
    const p = net.canvasToDOM(net.body.edges[k].edgeType.getPoint(t));
    if (net.getNodeAt(p) === undefined && net.getEdgeAt(p) === k) {
      return {x: r.left + p.x, y: r.top + p.y};
    }
  }
  return null;
}"""


def _click_at_scale(opened: Any, i: int) -> None:
    point = opened.js(f"linkchart.nodePoint({i})")
    opened.page.mouse.click(point["x"], point["y"])
    opened.page.wait_for_function(f"() => linkchart.shown && linkchart.shown.index === {i}")


def test_the_panel_says_why_a_measure_is_zero(central_asia: linkchart.LinkChart, open_page: Any) -> None:
    opened = open_page(linkchart.render_html(central_asia, draws=None))
    reasons = linkchart.reading(central_asia).reasons()
    node = "Pakistan"
    ties = central_asia.edges_of(node)
    kinds = [reasons[central_asia.vocabulary.relation_names.index(x.relation)] for x in ties]
    assert ties and all(kinds)  # none of its ties is read
    _click_at_scale(opened, central_asia.index_of(node))
    text = opened.page.inner_text("#lc-panel")
    assert re.search(r"degree\s+0\b", text), text
    note = opened.page.inner_text(".lc-reading-note")
    assert note.startswith(f"0 on the reading: its {len(ties)} ties are ")
    assert note.endswith(", which the measures do not read.")
    for reason, words in (("hostile", "hostile tie"), ("neutral", "neutral tie")):
        if kinds.count(reason):
            assert f"{kinds.count(reason)} {words}" in note, note
    assert text.count("\u00b7 not read") == len(ties)
    # a node some of whose ties are read says how many
    _click_at_scale(opened, central_asia.index_of("IMT"))
    note = opened.page.inner_text(".lc-reading-note")
    read = sum(1 for x in central_asia.edges_of("IMT")
               if reasons[central_asia.vocabulary.relation_names.index(x.relation)] is None)  # fmt: skip
    total = len(central_asia.edges_of("IMT"))
    assert note.startswith(f"The measures read {read} of its {total} ties; not read: ")
    _clean(opened)


# ---------------------------------------------------------------- one visual variable per meaning

END_PROFILES = """(wanted) => {
  // the width, across the line, of the tie's colour at each pixel from the node's centre outwards
  // (the canvas is read back once: more readbacks make Chromium warn on the console)
  const canvas = document.querySelector('#lc-network canvas'), ctx = canvas.getContext('2d');
  const ratio = canvas.width / canvas.getBoundingClientRect().width;
  const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return wanted.map(([k, end]) => {
  const net = linkchart.network, e = net.body.edges[k];
  const a = net.getPositions([e.fromId])[e.fromId], b = net.getPositions([e.toId])[e.toId];
  const [p, q] = end === 'to' ? [b, a] : [a, b];
  const P = net.canvasToDOM(p), Q = net.canvasToDOM(q);
  const len = Math.hypot(Q.x - P.x, Q.y - P.y), ux = (Q.x - P.x) / len, uy = (Q.y - P.y) / len;
  const want = e.options.color.color;
  const [wr, wg, wb] = [1, 3, 5].map((j) => parseInt(want.slice(j, j + 2), 16));
  const ours = (x, y) => {
    const i = (Math.round(y * ratio) * img.width + Math.round(x * ratio)) * 4, d = img.data;
    return d[i + 3] > 100 && Math.abs(d[i] - wr) + Math.abs(d[i + 1] - wg) + Math.abs(d[i + 2] - wb) < 90;
  };
  const out = [];
  for (let d = 0; d <= 45; d += 1) {
    let width = 0;
    for (let t = -15; t <= 15; t += 0.5) {
      if (ours(P.x + ux * d - uy * t, P.y + uy * d + ux * t)) { width += 0.5; }
    }
    out.push(width);
  }
  return out;
  });
}"""


def _ends(profile: Sequence[float]) -> tuple[list[float], float]:
    """The first 14 px of the tie's colour beyond the node's shape, and the line's own width."""
    start = next(d for d, w in enumerate(profile) if w > 0)
    return list(profile[start : start + 14]), float(np.median(profile[start + 20 : start + 30]))


def test_a_hostile_tie_ends_in_a_bar_where_the_hostility_lands(open_page: Any, artifacts: Path) -> None:
    vocab = Vocabulary(
        node_types=(NodeType("actor", "#999999", "dot"),),  # a grey that no tie's colour is
        relations=(
            Relation("attacks", sign="negative"),
            Relation("fights", sign="negative", directed=False),
            Relation("funds"),
        ),
    )
    chart = linkchart.from_records(
        [{"id": x, "type": "actor"} for x in "ABCDEF"],
        [{"from": "A", "relation": "attacks", "to": "B"}, {"from": "C", "relation": "fights", "to": "D"},
         {"from": "E", "relation": "funds", "to": "F"}],
        vocabulary=vocab,
    )  # fmt: skip
    opened = open_page(linkchart.render_html(chart, size_by=None, draws=None, context="equal"), "signs.html")
    opened.page.screenshot(path=str(artifacts / "hostile_end_marks.png"))

    wanted = [[0, "to"], [0, "from"], [1, "to"], [1, "from"], [2, "to"]]
    profiles = {(k, end): p for (k, end), p in zip(wanted, opened.js(END_PROFILES, wanted), strict=True)}

    def ends(k: int, end: str) -> tuple[list[float], float]:
        return _ends(profiles[k, end])

    bar, line = ends(0, "to")  # A attacks B: a bar across the line at B, several times its width
    assert max(bar[:4]) >= max(9.0, 3 * line), (bar, line)
    assert sum(w >= 2 * line for w in bar) <= 5, bar  # thin: a bar, not an arrow head
    mark, line = ends(0, "from")  # nothing at A
    assert max(mark) <= line + 1.5, mark
    for end in ("to", "from"):  # C fights D, undirected: a bar at each end
        bar, line = ends(1, end)
        assert max(bar[:4]) >= max(9.0, 3 * line), (end, bar)
    head, line = ends(2, "to")  # E funds F: an arrow, pointed where it meets F, widening behind
    assert head[0] <= line + 1 and max(head) >= 2.5 * line, head
    hostile, positive = opened.js("[linkchart.edges.get(0).color.color, linkchart.edges.get(2).color.color]")
    assert hostile == HOSTILE_COLOR and positive != hostile
    # the legend draws the same marks: a bar for hostile ties, an arrow for directed relations
    assert opened.js("document.querySelectorAll('.lc-hostile svg line').length") == 2
    funds = opened.page.locator("#lc-filter-relations li", has_text="funds")
    assert funds.locator("svg polygon").count() == 1
    _clean(opened)

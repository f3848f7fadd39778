"""What the browser tests of the page share: clicking a node or a tie where it is drawn, the
panel's text, and the checks that a page stayed offline, quiet and free of injected elements."""

from __future__ import annotations

from typing import Any

__all__ = [
    "_clean",
    "_click",
    "_click_edge",
    "_click_node",
    "_frames",
    "_no_injected_elements",
    "_panel_text",
    "_zoom_to",
]


def _clean(opened: Any) -> None:
    """No request besides the page, no console message of any kind, no script error."""
    assert opened.foreign_requests == []
    assert opened.errors == []
    assert [m for m in opened.console if m[0] in ("error", "warning")] == []


def _click(opened: Any, point: dict[str, float]) -> None:
    opened.page.mouse.click(point["x"], point["y"])


def _frames(page: Any, count: int = 2) -> None:
    """Wait until the browser has drawn ``count`` more frames (an event, not a fixed time)."""
    page.evaluate(
        "(n) => new Promise((done) => { const step = (k) => k ? requestAnimationFrame(() => step(k - 1))"
        " : done(); step(n); })",
        count,
    )


def _zoom_to(opened: Any, canvas_point: str, scale: float = 2.5) -> None:
    opened.js(
        f"() => {{ const p = {canvas_point}; "
        f"linkchart.network.moveTo({{position: p, scale: {scale}, animation: false}}); }}"
    )
    _frames(opened.page)


def _click_node(opened: Any, index: int) -> None:
    _zoom_to(opened, f"linkchart.network.getPositions([{index}])[{index}]")
    _click(opened, opened.js(f"linkchart.nodePoint({index})"))


def _click_edge(opened: Any, k: int) -> None:
    _zoom_to(opened, f"linkchart.network.body.edges[{k}].edgeType.getPoint(0.5)", 4.0)
    _click(opened, opened.js(f"linkchart.edgePoint({k})"))


def _panel_text(opened: Any) -> str:
    return str(opened.page.inner_text("#lc-panel"))


def _no_injected_elements(opened: Any) -> None:
    assert opened.js("window.__xss === undefined")
    # whatever the CSP would stop, the payloads must not even become elements
    assert opened.js("document.querySelectorAll('img, iframe, object, embed, a, svg[onload]').length") == 0
    assert opened.js("document.scripts.length") == 3  # the JSON payload, vis-network, linkchart

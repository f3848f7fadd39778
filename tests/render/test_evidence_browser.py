"""The evidence panel in a real headless Chromium: every evidence item of a tie with its
quote, source, credibility and the source's reliability grade; the conflict mark and its
panel line; every field shown as text. Each step waits on a condition, never a fixed time."""

from __future__ import annotations

from typing import Any

import pytest

import linkchart
from linkchart import Relation, Vocabulary

pytestmark = pytest.mark.browser

SCRIPT = '<img src=x onerror="window.__xss=1">'


def graded_chart() -> linkchart.LinkChart:
    """A tie from two graded sources (three items: one unquoted), a hostile tie from a third that
    contradicts it, and a plain tie."""
    v = Vocabulary(relations=(Relation("knows", directed=False), Relation("fights", sign="negative")))
    return linkchart.from_records(
        [{"id": x, "type": "person"} for x in ("A", "B", "C")],
        [
            {
                "from": "A",
                "relation": "knows",
                "to": "B",
                "source": "icg",
                "evidence": [
                    SCRIPT,
                    {"quote": "A paid B in 2001", "source": "court", "credibility": 2},
                    {"source": "court", "confidence": "reported"},
                ],
            },
            {"from": "A", "relation": "fights", "to": "B", "source": "press", "evidence": "A and B fell out"},
            {"from": "B", "relation": "knows", "to": "C", "source": "icg", "evidence": "B met C"},
        ],
        v,
        sources=[
            {"id": "icg", "title": "ICG report </script><b>", "reliability": "B"},
            {"id": "court", "title": "Court record", "reliability": "A"},
            {"id": "press"},
        ],
        title="graded sources",
    )


def _show_edge(opened: Any, k: int) -> None:
    """Click edge ``k`` at its middle, zoomed in, and wait until the panel shows it."""
    opened.js(
        f"() => {{ const p = linkchart.network.body.edges[{k}].edgeType.getPoint(0.5); "
        "linkchart.network.moveTo({position: p, scale: 4, animation: false}); }"
    )
    opened.page.evaluate(
        "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )
    point = opened.js(f"linkchart.edgePoint({k})")
    opened.page.mouse.click(point["x"], point["y"])
    opened.page.wait_for_function(
        "(k) => linkchart.shown && linkchart.shown.kind === 'edge' && linkchart.shown.index === k", arg=k
    )


def test_the_panel_shows_every_evidence_item_with_its_source_and_grades(open_page: Any) -> None:
    chart = graded_chart()
    opened = open_page(linkchart.render_html(chart))
    page = opened.page
    k = opened.js("linkchart.edgeIndex('e0')")
    _show_edge(opened, k)
    items = page.locator("#lc-panel .lc-item")
    assert items.count() == 3
    first, second, third = (items.nth(i).inner_text() for i in range(3))
    assert page.locator("#lc-panel .lc-item").nth(0).locator("blockquote").inner_text() == SCRIPT
    assert "ICG report </script><b>" in first and "reliability\nB" in first
    assert "A paid B in 2001" in second and "Court record" in second
    assert "reliability\nA" in second and "credibility\n2" in second
    assert "Reported without a quote." in third and "confidence\nreported" in third
    p = chart.edge("e0").probability
    heading = page.locator("#lc-panel h3", has_text="Evidence").text_content() or ""
    assert heading.startswith("Evidence (3 items; the tie ") and str(round(p, 4))[:4] in heading
    assert page.locator("#lc-panel img, #lc-panel b").count() == 0  # text, never markup
    assert opened.js("window.__xss === undefined")
    assert opened.errors == [] and opened.foreign_requests == []


def test_a_tie_in_a_conflict_is_marked_and_its_panel_says_with_which(open_page: Any) -> None:
    chart = graded_chart()
    assert linkchart.conflicts(chart).counts() == {"sign": 1}
    opened = open_page(linkchart.render_html(chart))
    page = opened.page
    friendly, hostile, plain = (opened.js(f"linkchart.edgeIndex('e{i}')") for i in range(3))
    shadow = "(k) => { const s = linkchart.edges.get(k).shadow; return s ? s.color : null; }"
    assert opened.js(shadow, friendly) == opened.js(shadow, hostile) == "rgba(214,39,40,0.85)"
    assert opened.js(shadow, plain) is None
    _show_edge(opened, hostile)
    assert "conflict" in page.locator("#lc-panel .lc-badge").all_inner_texts()
    line = page.locator("#lc-panel .lc-conflict").inner_text()
    assert line.startswith("sign: A -- B: friendly by one source, hostile by another")
    headings = page.locator("#lc-panel h3").all_text_contents()
    assert "Conflict between sources" in headings and "Evidence" in headings
    page.locator("#lc-panel .lc-conflict button").click()  # the other side of the conflict
    page.wait_for_function("(k) => linkchart.shown && linkchart.shown.index === k", arg=friendly)
    _show_edge(opened, plain)
    assert page.locator("#lc-panel .lc-conflict").count() == 0
    assert page.inner_text("#lc-panel blockquote") == "B met C"
    assert "reliability\nB" in page.inner_text("#lc-panel")
    assert opened.errors == []


def test_the_confidence_menu_reads_each_ties_combined_probability(open_page: Any) -> None:
    # "show ties at least reported" keeps what chart.min_confidence("reported") keeps: a reported
    # tie from a source graded E (p 0.3) goes, an alleged tie three sources report (p 0.94) stays
    v = Vocabulary(relations=(Relation("knows", directed=False),))
    three = [{"source": s} for s in ("s1", "s2", "s3")]
    chart = linkchart.from_records(
        [{"id": x, "type": "person"} for x in "ABCD"],
        [
            {"from": "A", "relation": "knows", "to": "B", "confidence": "reported", "source": "e"},
            {"from": "B", "relation": "knows", "to": "C", "confidence": "alleged", "evidence": three},
            {"from": "C", "relation": "knows", "to": "D", "confidence": "alleged"},
        ],
        v,
        sources=[{"id": s, "reliability": "E" if s == "e" else "B"} for s in ("e", "s1", "s2", "s3")],
    )
    kept = chart.min_confidence("reported")
    assert list(kept.edges.ids) == ["e1"]
    opened = open_page(linkchart.render_html(chart))
    opened.page.select_option("#lc-filter-confidence", label="reported (0.75)")
    shown = opened.js("linkchart.edges.get({filter: e => !e.hidden}).map(e => e.id)")
    assert shown == [1]


def test_one_evidence_item_is_counted_in_the_singular(open_page: Any) -> None:
    chart = linkchart.from_records(
        [{"id": x, "type": "person"} for x in ("A", "B")],
        [{"from": "A", "relation": "knows", "to": "B", "source": "s", "evidence": [{"quote": "A met B"}]}],
        sources=[{"id": "s"}],
    )
    opened = open_page(linkchart.render_html(chart))
    _show_edge(opened, opened.js("linkchart.edgeIndex('e0')"))
    heading = opened.page.locator("#lc-panel h3", has_text="Evidence").text_content() or ""
    assert heading.startswith("Evidence (1 item; the tie "), heading

"""The diff view of a page (render/diff.py): every change carries its mark, what the earlier chart
had is in the payload with its own labels and ties, a chart against itself marks nothing, and
hostile text in the removed part stays inert JSON text."""

from __future__ import annotations

import json
import re

import pytest
from diff_charts import HOSTILE, after_chart, before_chart

import linkchart
from linkchart.errors import LinkchartError
from linkchart.render.diff import ADDED_COLOR, CHANGED_COLOR, REMOVED_COLOR, compared, mark_diff
from linkchart.render.html import app_script
from linkchart.render.payload import page_payload

SPEC = linkchart.page_spec(draws=None)


def _payload(a: linkchart.LinkChart, b: linkchart.LinkChart) -> dict:  # type: ignore[type-arg]
    payload = page_payload(b, SPEC)
    mark_diff(payload, compared(a, b))
    return payload


def test_every_added_changed_and_removed_id_carries_its_mark() -> None:
    a, b = before_chart(), after_chart()
    found = linkchart.diff(a, b)
    p = _payload(a, b)
    d, ids, edge_ids = p["diff"], p["node"]["ids"], p["edge"]["ids"]
    marked = {ids[int(i)]: mark for i, mark in d["nodes"].items()}
    assert marked == {**dict.fromkeys(found.nodes_added, "+"), **{c.id: "~" for c in found.nodes_changed}}
    edges = {edge_ids[int(k)]: mark for k, mark in d["edges"].items()}
    assert edges == {**dict.fromkeys(found.edges_added, "+"), **{c.b: "~" for c in found.edges_changed}}
    assert [g["id"] for g in d["removed_nodes"]] == list(found.nodes_removed) == ["gone"]
    assert [g["id"] for g in d["removed_edges"]] == list(found.edges_removed) == ["e3", "e4", "e5"]
    assert d["counts"] == found.counts() and d["left_out"] == 0
    # the looks: a thick border (dashed when changed) or a coloured, wider line
    eve, bea = p["nodes"][ids.index("Eve")], p["nodes"][ids.index("Bea")]
    assert (eve["color"]["border"], eve["borderWidth"], "shapeProperties" in eve) == (ADDED_COLOR, 5, False)
    assert (bea["color"]["border"], bea["shapeProperties"]["borderDashes"]) == (CHANGED_COLOR, [6, 4])
    assert (
        eve["color"]["background"] == bea["color"]["background"] == p["vocabulary"]["node_types"][0]["color"]
    )
    cid = p["nodes"][ids.index("Cid")]
    assert "color" not in cid and "borderWidth" not in cid  # unchanged: as on any page
    assert p["edges"][edge_ids.index("e3")]["color"]["color"] == ADDED_COLOR
    assert p["edges"][edge_ids.index("e0")]["color"]["color"] == CHANGED_COLOR


def test_a_removed_node_travels_with_its_label_type_and_ties_in_the_earlier_chart() -> None:
    a, b = before_chart("Gone Group"), after_chart()
    p = _payload(a, b)
    d, n, ids = p["diff"], len(p["nodes"]), p["node"]["ids"]
    (gone,) = d["removed_nodes"]
    assert (gone["label"], gone["aliases"]) == ("Gone Group", ["Gone Group alias"])
    assert p["vocabulary"]["node_types"][gone["type"]]["name"] == "organisation"  # a type only a had
    assert gone["item"]["id"] == n and gone["item"]["color"]["border"] == REMOVED_COLOR
    assert gone["item"]["shapeProperties"]["borderDashes"] == [2, 5] and gone["item"]["opacity"] < 1
    # drawn near the nodes it was tied to, on no other node
    xy = {i: (x["x"], x["y"]) for i, x in enumerate(p["nodes"])}
    spot = (gone["item"]["x"], gone["item"]["y"])
    assert all(spot != q for q in xy.values())
    ends = {(e["from"], e["to"]): e for e in d["removed_edges"]}
    assert set(ends) == {(n, ids.index("Ann")), (n, ids.index("Cid")), (ids.index("Dan"), ids.index("Ann"))}
    first = ends[(n, ids.index("Ann"))]
    assert p["vocabulary"]["relations"][first["relation"]]["name"] == "finances"
    assert (first["source"], first["evidence"], first["confidence_name"]) == (
        "First report",
        [["Gone Group", ""]],
        "confirmed",
    )
    assert first["claim"] == "gone ->finances-> Ann [s1]"


def test_what_changed_on_a_node_and_a_tie_before_and_after() -> None:
    a, b = before_chart(), after_chart()
    p = _payload(a, b)
    d, ids, edge_ids = p["diff"], p["node"]["ids"], p["edge"]["ids"]
    assert d["node_changes"] == {str(ids.index("Bea")): [["label", "Bea", "Beatrice"]]}
    confirmed = d["edge_changes"][str(edge_ids.index("e0"))]
    assert confirmed["changes"] == [["confidence", "alleged", "confirmed"], ["probability", "0.5", "0.95"]]
    second = d["edge_changes"][str(edge_ids.index("e1"))]
    assert second["changes"][0] == ["evidence", "1 item", "2 items"]
    assert second["items_added"] == [["Cid was paid.", "source s2"]] and second["items_removed"] == []
    assert {r["measure"] for r in d["ranks"]} == {r.measure for r in linkchart.diff(a, b).ranks}


@pytest.mark.parametrize("chart", [after_chart(), linkchart.load("graphs/central_asia.yaml")])
def test_a_chart_against_itself_marks_nothing(chart: linkchart.LinkChart) -> None:
    p = _payload(chart, chart)
    d = p["diff"]
    assert d["nodes"] == d["edges"] == d["node_changes"] == d["edge_changes"] == {}
    assert d["removed_nodes"] == d["removed_edges"] == d["ranks"] == d["notes"] == []
    assert not any(d["counts"].values())
    plain = page_payload(chart, SPEC)
    assert p["nodes"] == plain["nodes"] and p["edges"] == plain["edges"]  # drawn as without a diff


def test_hostile_text_of_the_removed_part_is_json_text_in_the_page() -> None:
    a, b = before_chart(HOSTILE), after_chart()
    page = linkchart.render_html(b, diff_against=a, draws=None)
    assert "onerror" in page and HOSTILE not in page and "<img" not in page
    data = re.search(r'<script type="application/json" id="linkchart-data">(.*?)</script>', page, re.S)
    assert data is not None
    d = json.loads(data.group(1))["diff"]
    assert d["removed_nodes"][0]["label"] == HOSTILE
    assert d["removed_edges"][0]["evidence"][0][0] == HOSTILE
    assert app_script(False, diff=True) in page  # the diff script runs under the page's hash


def test_the_diff_is_computed_once_when_given_and_must_match_its_charts() -> None:
    a, b = before_chart(), after_chart()
    found = linkchart.diff(a, b, measures=["degree"])
    page = linkchart.render_html(b, diff_against=a, diff=found, draws=None)
    assert '"measure":"degree"' in page and '"measure":"betweenness"' not in page
    with pytest.raises(LinkchartError, match="diff= needs diff_against="):
        linkchart.render_html(b, diff=found)
    with pytest.raises(LinkchartError, match="diff_against takes the earlier chart"):
        linkchart.render_html(b, diff_against="a.yaml")  # type: ignore[arg-type]


def test_a_summary_view_draws_the_changes_among_its_actors_and_counts_the_others() -> None:
    a, b = before_chart(), after_chart()
    payload = page_payload(b, linkchart.page_spec(draws=None, summary=3, size_by="degree"))
    mark_diff(payload, compared(a, b))
    d, shown = payload["diff"], set(payload["node"]["ids"])
    assert len(shown) == 3
    found = linkchart.diff(a, b)
    drawn_ids = {payload["node"]["ids"][int(i)] for i in d["nodes"]}
    assert drawn_ids == ({*found.nodes_added, *(c.id for c in found.nodes_changed)} & shown)
    drawn = len(d["nodes"]) + len(d["edges"]) + len(d["removed_edges"])
    total = sum(len(x) for x in (found.nodes_added, found.nodes_changed, found.edges_added))
    assert d["left_out"] > 0 and drawn > 0
    assert drawn + d["left_out"] == total + len(found.edges_changed) + len(found.edges_removed)
    for g in d["removed_edges"]:  # a removed tie is drawn only between drawn nodes or ghosts
        assert all(0 <= end < len(payload["nodes"]) + len(d["removed_nodes"]) for end in (g["from"], g["to"]))


def test_removed_nodes_tied_to_removed_nodes_follow_them_and_lone_ones_go_under_the_chart() -> None:
    person = [{"id": x, "type": "person"} for x in ("Ann", "Bea", "Cid", "Dan", "Eve")]
    a = linkchart.from_records(
        person,
        [
            {"from": "Ann", "relation": "knows", "to": "Bea"},
            {"from": "Bea", "relation": "knows", "to": "Cid"},
        ],
    )
    b = linkchart.from_records(person[:1] + person[3:], [{"from": "Dan", "relation": "knows", "to": "Eve"}])
    p = page_payload(b, SPEC)
    mark_diff(p, compared(a, b))
    ghosts = {g["id"]: (g["item"]["x"], g["item"]["y"]) for g in p["diff"]["removed_nodes"]}
    assert set(ghosts) == {"Bea", "Cid"}
    ann = p["nodes"][p["node"]["ids"].index("Ann")]
    near = ((ghosts["Bea"][0] - ann["x"]) ** 2 + (ghosts["Bea"][1] - ann["y"]) ** 2) ** 0.5
    far = ((ghosts["Cid"][0] - ann["x"]) ** 2 + (ghosts["Cid"][1] - ann["y"]) ** 2) ** 0.5
    assert 0 < near < far  # Bea beside Ann, Cid beside Bea
    spots = [*ghosts.values(), *((x["x"], x["y"]) for x in p["nodes"])]
    assert len(set(spots)) == len(spots)
    # with nothing drawn to stand by, a removed node goes under the chart
    lone = linkchart.from_records([*person, {"id": "Zed", "type": "person"}], [])
    q = page_payload(b, SPEC)
    mark_diff(q, compared(lone, b))
    (zed,) = [g for g in q["diff"]["removed_nodes"] if g["id"] == "Zed"]
    assert zed["item"]["y"] > max(x["y"] for x in q["nodes"])


def test_the_findings_of_an_analysis_draw_the_same_diff_page() -> None:
    a, b = before_chart(), after_chart()
    spec = linkchart.page_spec(draws=None)
    found = linkchart.analyze(b, measures=spec.measure_names(b))
    assert linkchart.render_html(found, diff_against=a, draws=None) == linkchart.render_html(
        b, diff_against=a, draws=None
    )


def test_jupyter_shows_the_same_diff_page() -> None:
    a, b = before_chart(), after_chart()
    shown = linkchart.show(b, linkchart.page_spec(draws=None), diff_against=a)
    assert shown.html == linkchart.render_html(b, diff_against=a, draws=None)

"""The page's projection view (render/projection.py) and what a one-class page keeps."""

from __future__ import annotations

import base64
import hashlib
import html
import re

import pytest

import linkchart
from linkchart.render import html as page_html
from linkchart.render import payload as page_data
from linkchart.render import projection
from linkchart.render.assets import own_asset, page_assets
from linkchart.render.payload import page_payload
from linkchart.render.projection import projection_view


def _meta() -> linkchart.LinkChart:
    vocab = linkchart.Vocabulary(
        node_types=(
            linkchart.NodeType("person", node_class="agent"),
            linkchart.NodeType("meeting", node_class="event"),
            linkchart.NodeType("group", node_class="organisation"),
            linkchart.NodeType("thing"),
        ),
        relations=tuple(linkchart.Relation(r) for r in ("attended", "member_of", "knows")),
    )
    return linkchart.from_records(
        [{"id": x, "type": "person"} for x in ("Ann", "Bea", "Cid", "Dan")]
        + [{"id": "M1", "type": "meeting"}, {"id": "M2", "type": "meeting"}, {"id": "JI", "type": "group"}]
        + [{"id": "X", "type": "thing"}],
        [
            {"from": "Ann", "relation": "attended", "to": "M1", "evidence": "Ann at M1."},
            {"from": "Bea", "relation": "attended", "to": "M1", "confidence": "reported"},
            {"from": "Cid", "relation": "attended", "to": "M2"},
            {"from": "Bea", "relation": "attended", "to": "M2"},
            {"from": "Ann", "relation": "member_of", "to": "JI", "confidence": "alleged"},
            {"from": "Bea", "relation": "member_of", "to": "JI", "evidence": "Bea swore the oath."},
            {"from": "Ann", "relation": "knows", "to": "Dan"},
            {"from": "Dan", "relation": "knows", "to": "X"},
        ],
        vocab,
    )


def _one_class() -> linkchart.LinkChart:
    vocab = linkchart.Vocabulary(
        node_types=(linkchart.NodeType("person", node_class="agent"), linkchart.NodeType("thing")),
        relations=(linkchart.Relation("knows"),),
    )
    return linkchart.from_records(
        [{"id": "a", "type": "person"}, {"id": "b", "type": "person"}, {"id": "t", "type": "thing"}],
        [{"from": "a", "relation": "knows", "to": "b"}, {"from": "b", "relation": "knows", "to": "t"}],
        vocab,
    )


def test_the_view_is_one_mode_of_the_agents_through_every_other_class() -> None:
    chart = _meta()
    view = projection_view(chart)
    assert view is not None
    assert (view["onto"], view["via"], view["weighting"]) == ("agent", ["organisation", "event"], "shared")
    ids = chart.node_ids
    assert [ids[i] for i in view["nodes"]] == ["Ann", "Bea", "Cid", "Dan"]  # isolates kept, unclassed out
    # the same pairs, weights, shared nodes and probabilities as linkchart.one_mode and projected_ties
    expected = {
        (t.a, t.b): t
        for t in linkchart.projected_ties(linkchart.one_mode(chart, "agent", ["organisation", "event"]))
    }
    got = {(ids[t["from"]], ids[t["to"]]): t for t in view["ties"]}
    assert set(got) == set(expected) == {("Ann", "Bea"), ("Bea", "Cid")}
    for pair, tie in got.items():
        assert tie["weight"] == expected[pair].weight
        assert tie["probability"] == pytest.approx(expected[pair].probability, abs=1e-6)
        assert sorted(ids[v] for v, _ in tie["via"]) == sorted(expected[pair].via)
    # heaviest first
    assert [(ids[t["from"]], ids[t["to"]]) for t in view["ties"]] == [("Ann", "Bea"), ("Bea", "Cid")]
    # each shared node carries the page rows of both ends' ties to it: their evidence is the chart's
    ann_bea = got[("Ann", "Bea")]
    rows = {ids[v]: r for v, r in ann_bea["via"]}
    e = chart.edges
    assert [e.evidence[k] for k in rows["M1"]] == ["Ann at M1.", ""]
    assert [e.evidence[k] for k in rows["JI"]] == ["", "Bea swore the oath."]
    assert ann_bea["probability"] == pytest.approx(1 - (1 - 0.95 * 0.75) * (1 - 0.5 * 0.95), abs=1e-6)


def test_a_chart_of_fewer_than_two_classes_has_no_view() -> None:
    assert projection_view(_one_class()) is None
    assert projection_view(linkchart.load("graphs/central_asia.yaml")) is None
    assert "projection" not in page_payload(_one_class(), linkchart.page_spec())


def test_a_one_class_page_is_byte_for_byte_the_page_without_the_projection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chart = _one_class()
    page = linkchart.render_html(chart, highlight=True)
    assert own_asset("linkchart.js") in page and own_asset("classes.js") not in page
    # the page the renderer makes with the projection taken out entirely: the same bytes
    monkeypatch.setattr(page_data, "projection_view", lambda _chart: None)
    monkeypatch.setattr(page_html, "app_script", lambda _several, diff=False: page_assets()["app_js"])
    assert linkchart.render_html(chart, highlight=True) == page


def test_a_page_of_several_classes_runs_the_classes_script_under_its_own_hash() -> None:
    page = linkchart.render_html(_meta())
    script = page_html.app_script(True)
    assert own_asset("classes.js") in script and script in page
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = re.search(r'Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None and f"'sha256-{digest}'" in html.unescape(csp.group(1))
    assert page_html.app_script(False) == own_asset("linkchart.js")


def test_above_the_limit_the_view_says_why_and_carries_no_ties(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(projection, "MAX_PROJECTED_PAIRS", 1)
    view = projection_view(_meta())
    assert view is not None and view["ties"] == []
    assert view["declined"].startswith("2 projected pairs, more than the page draws (1)")
    assert "linkchart one-mode FILE --onto agent --via organisation event" in view["declined"]


def test_a_projection_too_large_to_draw_is_not_even_made(monkeypatch: pytest.MonkeyPatch) -> None:
    # counted before projecting: M1 (Ann, Bea), M2 (Bea, Cid) and JI (Ann, Bea) make 3 edges
    monkeypatch.setattr(projection, "MAX_PROJECTED_EDGES", 2)
    monkeypatch.setattr(projection, "one_mode", None)  # never called
    view = projection_view(_meta())
    assert view is not None and view["ties"] == [] and view["nodes"] == []
    assert view["declined"].startswith("up to 3 projected edges, more than the page projects (2)")
    monkeypatch.setattr(projection, "MAX_PROJECTED_EDGES", 3)
    monkeypatch.setattr(projection, "one_mode", linkchart.one_mode)
    assert len(projection_view(_meta())["ties"]) == 2  # type: ignore[index]


def test_a_summary_view_projects_its_own_actors() -> None:
    # the top five by degree: Ann, Bea, Dan and the two meetings (JI and Cid left out)
    data = page_payload(_meta(), linkchart.page_spec(summary=5, size_by="degree"))
    assert data["node"]["ids"] == ["Ann", "Bea", "Dan", "M1", "M2"]
    view = data["projection"]
    assert (view["via"], view["nodes"]) == (["event"], [0, 1, 2])
    assert view["ties"] == [{"from": 0, "to": 1, "weight": 1.0, "probability": 0.7125, "via": [[3, [0, 1]]]}]
    assert [(data["edges"][k]["from"], data["edges"][k]["to"]) for k in (0, 1)] == [(0, 3), (1, 3)]

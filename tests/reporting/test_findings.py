"""Key findings in plain words: read off the report's values, each with what it rests on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import linkchart
from linkchart import Relation, Vocabulary
from linkchart.reporting import report
from linkchart.reporting.findings import key_findings

KNOWS = Vocabulary(relations=(Relation("knows", directed=False), Relation("fights", sign="negative")))


def _path(
    confidences: dict[tuple[str, str], str], sources: dict[tuple[str, str], str] | None = None
) -> linkchart.LinkChart:
    """A path of undirected ties a - b - c - d - e, each at its confidence (and source)."""
    pairs = [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")]
    sources = sources or {}
    return linkchart.from_records(
        [{"id": x, "type": "person", "label": x.upper() + " cell"} for x in "abcde"],
        [
            {
                "from": x,
                "relation": "knows",
                "to": y,
                "confidence": confidences.get((x, y), "reported"),
                "source": sources.get((x, y), "article"),
            }
            for x, y in pairs
        ],
        vocabulary=KNOWS,
        sources=[{"id": "article", "title": "The article"}, {"id": "memo", "title": "A memo"}],
    )


def test_a_top_broker_resting_on_one_alleged_tie_says_so() -> None:
    # betweenness: b 3, c 4, d 3; c's tie to b is the one alleged tie of the chart
    chart = _path({("b", "c"): "alleged"})
    r = report(chart, draws=None)
    broker = next(f for f in r.findings if f.kind == "broker")
    assert broker.nodes == ("c",)
    assert (
        broker.text.startswith("C cell is the main go-between")
        and "betweenness 4; next, B cell" in broker.text
    )
    assert "its 2 ties read (1 reported, 1 alleged), all from one source (article)" in broker.caveat
    # on the firm ties alone (a - b, c - d - e) c is an end of its piece: betweenness 0
    assert (
        "Without its 1 alleged tie (e1) it falls to rank 2-5 (tied), on the firm ties alone." in broker.caveat
    )
    # every tie firm: the same finding, no such caveat
    firm = report(_path({}), draws=None)
    assert "Without its" not in next(f for f in firm.findings if f.kind == "broker").caveat


def test_the_caveats_follow_the_ties_and_sources_the_finding_rests_on() -> None:
    chart = _path({("d", "e"): "possible"}, {("a", "b"): "memo"})
    r = report(chart, draws=200)
    bridge = next(f for f in r.findings if f.kind == "bridge")
    assert bridge.ties and len(bridge.ties) == 1
    assert "mentioned once" in bridge.caveat
    # b, c and d each have 2 partners: none has the most, they tie (attack defect 6)
    hub = next(f for f in r.findings if f.kind == "hub")
    assert hub.text == "B cell, C cell and D cell tie for the most partners: 2 each of the 4 other actors."
    broker = next(f for f in r.findings if f.kind == "broker")
    # 5 actors are always in the top 5 of a draw: the How sure draws would say nothing (defect 6)
    assert "random versions of the chart" not in broker.caveat
    assert any(
        line.startswith("The ties read come from 2 sources; 3 of 4 from The article") for line in r.limits
    )
    one = report(_path({}), draws=None)
    assert one.limits[0].startswith("Every tie read comes from one source (The article)")
    assert any("bridge is often a tie mentioned once: 4 of the 4 bridges rest on a single report" in x
               for x in one.limits)  # fmt: skip


def test_the_findings_open_every_output_of_the_report() -> None:
    r = report(_path({("b", "c"): "alleged"}), draws=None)
    text = r.to_text()
    assert text.index("== Key findings") < text.index("Reading:") < text.index("== degree")
    assert "== What this graph cannot show" in text
    md = r.to_markdown()
    assert md.index("## Key findings") < md.index("## degree") and "### What this graph cannot show" in md
    data = json.loads(r.to_json())
    assert [f["finding"] for f in data["key_findings"]] == [f.text for f in r.findings]
    assert data["key_findings"][0]["caveat"] == r.findings[0].caveat and data["limits"] == list(r.limits)
    assert data["glossary"]["itinerant"].startswith("an outsider brokering")


def test_hostile_camps_are_a_finding_with_their_ties() -> None:
    chart = linkchart.from_records(
        [{"id": x, "type": "organisation"} for x in "abcd"],
        [
            {"from": "a", "relation": "knows", "to": "b"},
            {"from": "c", "relation": "knows", "to": "d"},
            {"from": "a", "relation": "fights", "to": "c"},
            {"from": "b", "relation": "fights", "to": "d"},
        ],
        vocabulary=KNOWS,
    )
    camps = next(f for f in report(chart, draws=None).findings if f.kind == "camps")
    assert camps.text.startswith("Friends and enemies fall into 2 camps")
    assert camps.caveat == "Rests on 2 hostile ties among them; 0 ties do not fit the camps " \
        "(hostile inside a camp, or friendly across camps)."  # fmt: skip


def test_no_finding_is_made_up_on_a_chart_without_ties() -> None:
    lone = linkchart.from_records([{"id": x, "type": "state"} for x in "ab"], [])
    assert key_findings(lone, [], ()) == ()
    r = report(lone, draws=None)
    assert r.findings == ()
    assert "No tie is dated" in r.limits[-1]


@pytest.mark.parametrize("word", ["itinerant", "liaison", "z: how far a count lies above"])
def test_the_brokerage_roles_are_glossed_where_they_appear(word: str) -> None:
    central = linkchart.load(Path(__file__).resolve().parents[2] / "graphs" / "central_asia.yaml")
    r = report(central, measures=["brokerage", "balance"], draws=None)
    assert word in r.to_text().split("== brokerage")[1]
    assert "do not fit these camps (the frustration: hostile inside a camp" in r.to_text()

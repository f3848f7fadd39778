"""linkchart.readers.stix: STIX bundles back, exactly (standard fields winning) or by a plain mapping."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import stix2

import linkchart

CHART = linkchart.from_records(
    [{"id": "A", "type": "organisation"}, {"id": "B", "type": "person"}, {"id": "C", "type": "person"}],
    [
        {"from": "A", "relation": "pays", "to": "B", "confidence": "reported", "evidence": "A paid B"},
        {"from": "B", "relation": "calls", "to": "C", "confidence": "alleged"},
    ],
)


def edited(tmp_path: Path, change: Callable[[list[dict[str, Any]]], None]) -> Path:
    """The STIX export of :data:`CHART`, its objects changed by ``change``."""
    path = linkchart.export(CHART, tmp_path / "c.stix.json")
    bundle = json.loads(path.read_text(encoding="utf-8"))
    change(bundle["objects"])
    path.write_text(json.dumps(bundle), encoding="utf-8")
    return path


def relationship(objects: list[dict[str, Any]], relation: str) -> dict[str, Any]:
    return next(o for o in objects if o.get("x_linkchart_edge", {}).get("relation") == relation)


def node_ref(objects: list[dict[str, Any]], node: str) -> str:
    return str(next(o["id"] for o in objects if o.get("x_linkchart_node", {}).get("id") == node))


def test_an_edited_ref_wins_over_the_linkchart_copy(tmp_path: Path) -> None:
    def retarget(objects: list[dict[str, Any]]) -> None:
        relationship(objects, "pays")["target_ref"] = node_ref(objects, "C")  # edited in a STIX platform
        relationship(objects, "calls")["x_linkchart_edge"]["from"] = "A"  # the copy alone edited: not read

    chart = linkchart.load(edited(tmp_path, retarget))
    assert [(e.from_id, e.relation, e.to_id) for e in chart.iter_edges()] == [
        ("A", "pays", "C"),
        ("B", "calls", "C"),
    ]


def test_edited_type_confidence_description_and_name_win(tmp_path: Path) -> None:
    def edit(objects: list[dict[str, Any]]) -> None:
        pays = relationship(objects, "pays")
        pays["confidence"], pays["description"] = 95, "A wired money to B"
        next(o for o in objects if o.get("name") == "B")["name"] = "Bea"
        relationship(objects, "calls")["relationship_type"] = "pays"

    chart = linkchart.load(edited(tmp_path, edit))
    pays, calls = chart.iter_edges()
    assert (pays.confidence, pays.evidence) == ("confirmed", "A wired money to B")
    assert calls.relation == "pays" and chart.node("B").label == "Bea"


def test_a_problem_of_a_standard_field_is_placed_at_that_field(tmp_path: Path) -> None:
    declared = linkchart.from_records(
        *CHART.to_records(), vocabulary=dataclasses.replace(CHART.vocabulary, declared_relations=True)
    )
    path = linkchart.export(declared, tmp_path / "d.stix.json")
    bundle = json.loads(path.read_text(encoding="utf-8"))
    relationship(bundle["objects"], "calls")["relationship_type"] = "zz-top"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    with pytest.raises(linkchart.LoadError) as info:
        linkchart.load(path)
    (p,) = info.value.problems
    assert p.code == "unknown-relation" and p.path.endswith("].relationship_type")


def test_a_ref_to_no_node_is_a_problem_at_the_ref(tmp_path: Path) -> None:
    def dangle(objects: list[dict[str, Any]]) -> None:
        relationship(objects, "pays")["target_ref"] = "identity--00000000-0000-4000-8000-000000000000"
        relationship(objects, "calls")["source_ref"] = objects[0]["id"]  # the grouping: not a node

    with pytest.raises(linkchart.LoadError) as info:
        linkchart.load(edited(tmp_path, dangle))
    found = [(p.code, p.path.split(".")[-1], p.message.split(" names ")[1]) for p in info.value.problems]
    assert found == [
        ("unknown-node", "target_ref", "no object of the bundle"),
        ("unknown-node", "source_ref", "an object that is not a node of the chart"),
    ]


def test_a_bundle_from_another_tool_loads_with_what_was_left_out_reported(tmp_path: Path) -> None:
    actor = stix2.ThreatActor(name="Group X", aliases=["GX"])
    target = stix2.Identity(name="Ministry Y", identity_class="organization")
    ip = stix2.IPv4Address(value="198.51.100.7")
    ties = [
        stix2.Relationship(actor, "targets", target, confidence=80, description="seen in 2021",
                           start_time="2020-01-01T00:00:00Z", stop_time="2022-01-01T00:00:00Z"),
        stix2.Relationship(actor, "uses", ip),  # an observable: no node
        stix2.Relationship(target, "related-to", actor, start_time="2021-03-01T00:00:00Z",
                           stop_time="2021-05-01T00:00:00Z"),  # whole months
        stix2.Relationship(target, "related-to", actor, start_time="2021-03-04T00:00:00Z"),  # a day on
    ]  # fmt: skip
    path = tmp_path / "other.stix.json"
    path.write_text(stix2.Bundle(actor, target, ip, *ties).serialize(), encoding="utf-8")
    with pytest.warns(
        linkchart.LoadWarning, match="left out: .*1 ipv4-addr.*1 relationship to an object that is not a node"
    ):
        chart = linkchart.load(path)
    assert sorted(n.label for n in chart.iter_nodes()) == ["Group X", "Ministry Y"]
    edge, months, day = list(chart.iter_edges())
    assert (edge.relation, edge.confidence, edge.evidence) == ("targets", "reported", "seen in 2021")
    assert [str(e.time) for e in (edge, months, day)] == ["2020-2021", "2021-03/2021-04", "2021-03-04/"]
    assert chart.node(actor.id).type == "threat_actor" and chart.node(actor.id).aliases == ("GX",)


def test_not_a_bundle_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "x.stix.json"
    path.write_text('{"type": "indicator"}', encoding="utf-8")
    with pytest.raises(linkchart.LoadError, match="not a STIX bundle"):
        linkchart.load(path)


def test_a_foreign_relationship_to_no_object_is_said_at_its_place(tmp_path: Path) -> None:
    actor = stix2.ThreatActor(name="Group X")
    lost = stix2.Relationship(
        source_ref=actor.id,
        relationship_type="targets",
        target_ref="identity--00000000-0000-4000-8000-000000000000",
    )
    path = tmp_path / "lost.stix.json"
    path.write_text(stix2.Bundle(actor, lost, allow_custom=True).serialize(), encoding="utf-8")
    with pytest.warns(linkchart.LoadWarning) as said:
        chart = linkchart.load(path)
    assert chart.number_of_edges == 0
    problems = [w.message.problem for w in said if isinstance(w.message, linkchart.LoadWarning)]
    assert [p.path for p in problems] == ["", "objects[1].target_ref"]
    assert "1 relationship to an object not in the bundle" in problems[0].message

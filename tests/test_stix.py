"""linkchart.stix: STIX 2.1 bundles out (valid, deterministic) and back (exact, or by a plain mapping)."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest
import stix2
from hypothesis import HealthCheck, given, settings
from strategies import charts

import linkchart
from linkchart.stix import to_stix

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def central_asia(tmp_path_factory: pytest.TempPathFactory) -> linkchart.LinkChart:
    folder = tmp_path_factory.mktemp("graphs")
    shutil.copy(ROOT / "graphs" / "central_asia.yaml", folder)
    shutil.copytree(ROOT / "graphs" / "sources", folder / "sources")
    return linkchart.load(folder / "central_asia.yaml")


def test_the_bundle_is_valid_stix_and_maps_nodes_and_ties(central_asia: linkchart.LinkChart) -> None:
    text = to_stix(central_asia)
    bundle = stix2.parse(text, allow_custom=True)  # stix2 validates every object
    objects = {o.id: o for o in bundle.objects}
    kinds = [o.type for o in bundle.objects]
    assert kinds.count("relationship") == central_asia.number_of_edges
    assert kinds.count("grouping") == 1
    imt = next(o for o in bundle.objects if o.get("name") == "Islamic Movement of Turkestan")
    assert imt.type == "intrusion-set" and "IMU" in imt.aliases
    pakistan = next(o for o in bundle.objects if o.get("name") == "Pakistan")
    assert pakistan.type == "location" and pakistan.country == "PK"
    conduit = next(
        o for o in bundle.objects if o.type == "relationship" and o.relationship_type == "funded-through"
    )
    assert conduit.confidence == 50 and conduit.description.startswith("Financing for the IMT units")
    assert objects[conduit.source_ref].name == "Islamic Movement of Turkestan"
    dated = next(
        o for o in bundle.objects if o.type == "relationship" and o.get("start_time") and o.get("stop_time")
    )
    assert dated.start_time < dated.stop_time
    assert to_stix(central_asia) == text  # deterministic: UUIDv5 ids, fixed timestamps


def test_the_central_asia_bundle_loads_back_equal(central_asia: linkchart.LinkChart) -> None:
    assert central_asia.path is not None
    out = linkchart.export(central_asia, Path(central_asia.path).parent / "chart.stix.json")
    assert linkchart.load(out) == central_asia


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(charts(declared=True))
def test_random_charts_round_trip_through_stix(chart: linkchart.LinkChart) -> None:
    with tempfile.TemporaryDirectory() as folder:
        assert linkchart.load(linkchart.export(chart, Path(folder) / "c.stix.json")) == chart


def test_a_mapping_overrides_the_default(central_asia: linkchart.LinkChart) -> None:
    bundle = json.loads(to_stix(central_asia, mapping={"organisation": "identity"}))
    jui = next(o for o in bundle["objects"] if o.get("name") == "Jamaat-e-Ulema-e-Islam")
    assert jui["type"] == "identity" and jui["identity_class"] == "group"


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
        UserWarning, match="left out: .*1 ipv4-addr.*1 relationship to an object not in the bundle"
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

"""linkchart.writers.stix: STIX 2.1 bundles out, valid and deterministic, and back equal."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import stix2
from hypothesis import HealthCheck, given, settings
from strategies import charts

import linkchart
from linkchart.writers.stix import to_stix


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

"""linkchart.analysis.conflicts: where sources contradict each other, on constructed cases."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import pytest

from linkchart import Decision, LinkChart, LinkchartError, Relation, Vocabulary, conflicts, from_records
from linkchart.analysis.conflicts import incompatible_types, type_class

VOCABULARY = Vocabulary(
    relations=(
        Relation("allied_with", directed=False),
        Relation("fights", directed=False, sign="negative"),
        Relation("visits", directed=True, sign="neutral"),
        Relation("finances"),
    )
)
SOURCES = [{"id": "icg"}, {"id": "press"}, {"id": "court"}]


def chart(edges: Sequence[dict[str, Any]], nodes: Sequence[tuple[str, str]] = ()) -> LinkChart:
    ids = list(nodes) or [(x, "organisation") for x in ("IMU", "Taliban", "AQ")]
    return from_records([{"id": i, "type": t} for i, t in ids], edges, VOCABULARY, sources=SOURCES)


def tie(a: str, relation: str, b: str, source: str | None, time: Any = None) -> dict[str, Any]:
    return {"from": a, "relation": relation, "to": b, "source": source, "time": time}


def test_allies_by_one_source_enemies_by_another_are_one_sign_conflict() -> None:
    c = chart(
        [
            tie("IMU", "allied_with", "Taliban", "icg"),
            tie("Taliban", "fights", "IMU", "press"),  # the other direction: one pair
            tie("IMU", "finances", "AQ", "icg"),
        ]
    )
    found = conflicts(c)
    assert len(found) == 1 and found.counts() == {"sign": 1}
    (x,) = found
    assert x.kind == "sign" and x.edges == ("e0", "e1") and x.sources == ("icg", "press")
    assert set(x.nodes) == {"IMU", "Taliban"}
    assert x.values == ("allied_with: positive", "fights: negative")
    assert "friendly by one source, hostile by another" in x.message


def test_one_source_telling_of_a_change_is_no_conflict() -> None:
    c = chart([tie("IMU", "allied_with", "Taliban", "icg"), tie("IMU", "fights", "Taliban", "icg")])
    assert not conflicts(c) and conflicts(c).text() == "no conflicts between sources\n"


def test_an_alliance_that_turned_hostile_dated_on_both_sides_is_no_conflict() -> None:
    c = chart(
        [
            tie("IMU", "allied_with", "Taliban", "icg", "1998-2000"),
            tie("IMU", "fights", "Taliban", "press", "2003"),
        ]
    )
    assert len(conflicts(c)) == 0
    # an undated side may hold at any time: a conflict
    undated = chart(
        [tie("IMU", "allied_with", "Taliban", "icg", "1998-2000"), tie("IMU", "fights", "Taliban", "press")]
    )
    assert conflicts(undated).counts() == {"sign": 1}
    overlapping = chart(
        [
            tie("IMU", "allied_with", "Taliban", "icg", "1998-2000"),
            tie("IMU", "fights", "Taliban", "press", "2000-03"),
        ]
    )
    assert conflicts(overlapping).counts() == {"sign": 1}


def test_neutral_ties_and_the_analysts_own_edges() -> None:
    neutral = chart([tie("IMU", "visits", "Taliban", "icg"), tie("IMU", "fights", "Taliban", "press")])
    assert not conflicts(neutral)
    own = chart([tie("IMU", "allied_with", "Taliban", None), tie("IMU", "fights", "Taliban", "press")])
    (x,) = conflicts(own)
    assert x.sources == (None, "press") and "no source" in x.message


def test_one_tie_dated_by_two_sources_at_times_that_cannot_both_hold() -> None:
    c = chart(
        [
            tie("IMU", "finances", "AQ", "icg", 1999),
            tie("IMU", "finances", "AQ", "press", "2004-05"),
            tie("IMU", "finances", "AQ", "court", "1999-06"),  # overlaps the first, not the second
            tie("IMU", "allied_with", "AQ", "court", 2010),  # another relation: not compared
        ]
    )
    (x,) = conflicts(c)
    assert x.kind == "time" and x.edges == ("e0", "e1", "e2")
    assert x.values == ("1999", "2004-05", "1999-06")
    assert x.sources == ("icg", "press", "court")
    same_source = chart(
        [tie("IMU", "finances", "AQ", "icg", 1999), tie("IMU", "finances", "AQ", "icg", 2004)]
    )
    assert not conflicts(same_source)


def test_decided_one_entity_with_types_of_different_classes_is_a_type_conflict() -> None:
    nodes = [("Afghanistan", "state"), ("Afghanistan (region)", "region"), ("Kabul govt", "organisation")]
    c = chart([], nodes)
    decisions = [Decision(("Afghanistan", "Afghanistan (region)", "Kabul govt"), True)]
    (x,) = conflicts(c, decisions=decisions)
    assert x.kind == "type" and x.nodes == ("Afghanistan", "Afghanistan (region)", "Kabul govt")
    assert x.values == ("state", "region", "organisation")
    # a state and an organisation are one class: no conflict
    assert not conflicts(c, decisions=[Decision(("Afghanistan", "Kabul govt"), True)])
    assert not conflicts(c)


def test_type_classes() -> None:
    v = Vocabulary()
    assert type_class(v, "person") == "agent" and type_class(v, "weapon") is None
    assert incompatible_types(v, "person", "state") and not incompatible_types(v, "state", "organisation")
    assert not incompatible_types(v, "person", "weapon")  # an unknown class is no contradiction


def test_json_form_and_text() -> None:
    c = chart(
        [
            tie("IMU", "allied_with", "Taliban", "icg"),
            tie("IMU", "fights", "Taliban", "press"),
            tie("IMU", "finances", "AQ", "icg", 1999),
            tie("IMU", "finances", "AQ", "press", 2004),
        ]
    )
    found = conflicts(c)
    doc = json.loads(json.dumps(found.to_dict()))
    assert doc["counts"] == {"sign": 1, "time": 1}
    assert [x["kind"] for x in doc["conflicts"]] == ["sign", "time"]
    assert doc["conflicts"][1]["edges"] == ["e2", "e3"] and doc["conflicts"][1]["sources"] == ["icg", "press"]
    assert set(doc["conflicts"][0]) == {"kind", "subject", "message", "edges", "sources", "nodes", "values"}
    text = found.text()
    assert text.startswith("2 conflicts between sources (1 sign, 1 time)") and "edges: e2, e3" in text
    assert found.of("time") == (found[1],)


def test_refuses_what_is_not_a_chart() -> None:
    with pytest.raises(LinkchartError, match="not dict"):
        conflicts({})  # type: ignore[arg-type]


def items(*said: tuple[str, Any]) -> list[dict[str, Any]]:
    """An evidence list of unquoted items, each ``(source, time)``."""
    return [{"source": s} | ({"time": t} if t is not None else {}) for s, t in said]


def test_sources_written_only_on_evidence_items_are_compared() -> None:
    ally = tie("IMU", "allied_with", "Taliban", None) | {"evidence": items(("icg", None), ("court", None))}
    enemy = tie("IMU", "fights", "Taliban", None) | {"evidence": items(("press", None))}
    (x,) = conflicts(chart([ally, enemy]))
    assert x.kind == "sign" and x.edges == ("e0", "e1") and x.sources == ("icg", "court", "press")
    assert x.values == ("allied_with: positive", "fights: negative")
    assert "allied_with (icg; court); fights (press)" in x.message
    # the same source on both sides tells of a change: no conflict
    same = tie("IMU", "fights", "Taliban", None) | {"evidence": items(("icg", None))}
    alone = tie("IMU", "allied_with", "Taliban", None) | {"evidence": items(("icg", None))}
    assert not conflicts(chart([alone, same]))
    # one side's items dated apart from the other's: no overlap, no conflict
    dated = tie("IMU", "fights", "Taliban", None) | {"evidence": items(("press", 2005))}
    early = tie("IMU", "allied_with", "Taliban", None) | {
        "evidence": items(("icg", "1998-2001"), ("court", 2000))
    }
    assert not conflicts(chart([early, dated]))


def test_one_edge_whose_items_date_it_apart_is_a_time_conflict() -> None:
    one = tie("IMU", "finances", "AQ", None) | {"evidence": items(("icg", 1999), ("press", "2004-05"))}
    (x,) = conflicts(chart([one]))
    assert x.kind == "time" and x.edges == ("e0",) and x.sources == ("icg", "press")
    assert x.values == ("1999", "2004-05")
    # an item's time defaults to the edge's own
    own = tie("IMU", "finances", "AQ", "icg", 1999) | {"evidence": items(("icg", None), ("court", 2004))}
    (y,) = conflicts(chart([own]))
    assert y.sources == ("icg", "court") and y.values == ("1999", "2004")
    # one source dating one tie twice: no conflict
    assert not conflicts(
        chart([tie("IMU", "finances", "AQ", None) | {"evidence": items(("icg", 1999), ("icg", 2004))}])
    )


def test_a_type_conflict_stands_whatever_sources_the_items_give() -> None:
    nodes = [("Namangani", "person"), ("Namangan", "region")]
    edge = tie("Namangani", "allied_with", "Namangan", None) | {
        "evidence": items(("icg", None), ("press", None))
    }
    (x,) = conflicts(chart([edge], nodes), decisions=[Decision(("Namangani", "Namangan"), True)])
    assert x.kind == "type" and x.values == ("person", "region")


def test_the_conflicts_a_merge_met_are_kept_in_the_chart_and_listed(tmp_path: Any) -> None:
    from linkchart import load, merge_charts, write_yaml
    from linkchart.errors import LoadError

    a = chart([tie("IMU", "allied_with", "Taliban", "icg")], [("IMU", "organisation"), ("Taliban", "state")])
    b = from_records(
        [{"id": "IMU", "type": "organisation"}, {"id": "Taliban", "type": "region"}],
        [tie("IMU", "fights", "Taliban", "press")],
        Vocabulary(relations=(Relation("allied_with", directed=True), Relation("fights", sign="negative"))),
        sources=SOURCES,
    )
    done = merge_charts(a, b)
    assert {c.kind for c in done.conflicts} == {"type", "vocabulary"}
    found = conflicts(done.chart)
    assert found.counts() == {"sign": 1, "type": 1, "vocabulary": 2}  # the merge's, and the edges'
    assert set(done.conflicts) <= set(found) and "kept: state" in found.of("type")[0].message
    path = write_yaml(done.chart, tmp_path / "m.yaml")
    assert "conflicts:" in path.read_text(encoding="utf-8")
    again = load(path)
    assert list(conflicts(again)) == list(found)
    twice = merge_charts(again, again).chart  # a later merge keeps them, once
    assert list(conflicts(twice)) == list(found)
    path.write_text(path.read_text(encoding="utf-8").replace("kind: type", "kind: typo"), encoding="utf-8")
    with pytest.raises(LoadError, match=r"conflicts\[\d\]\.kind: unknown conflict kind 'typo'"):
        load(path)

"""linkchart.model.decisions: an analyst's decisions on candidate pairs, as data."""

from __future__ import annotations

import pytest
import yaml

from linkchart import (
    Decision,
    Decisions,
    LoadError,
    decisions_from_records,
)

# ---------------------------------------------------------------------------- decisions


def test_decisions_from_records_and_back() -> None:
    records = [
        {
            "same_as": ["Namangani", "Namangany"],
            "by": "J. Analyst",
            "why": "same commander",
            "date": "2024-05-02",
        },
        {
            "not_same_as": ["Wail Alshehri", "Waleed Alshehri"],
            "by": "J. Analyst",
            "why": "brothers",
            "date": 2024,
        },
    ]
    ds = decisions_from_records(records)
    assert ds.entries[0] == Decision(
        ("Namangani", "Namangany"), True, "J. Analyst", "same commander", "2024-05-02"
    )
    assert ds.entries[1].date == "2024" and not ds.entries[1].same
    assert [d.to_record() for d in ds.entries] == [
        records[0],
        {**records[1], "date": "2024"},
    ]
    assert decisions_from_records([d.to_record() for d in ds.entries]).entries == ds.entries
    read = yaml.safe_load("- {same_as: [A, B], date: 2024-05-02}")  # PyYAML makes a date of it
    assert decisions_from_records(read).entries[0].date == "2024-05-02"


def test_every_bad_decision_is_located() -> None:
    with pytest.raises(LoadError) as err:
        decisions_from_records(
            [
                "Namangani = Namangany",
                {"same_as": ["A"]},
                {"same_as": ["A", "B"], "not_same_as": ["A", "C"]},
                {"by": "me"},
                {"same_as": ["A", "A", 7]},
                {"same_as": ["A", "B"], "date": "May 2024", "who": "me", "why": 3},
            ],
            file="d.yaml",
            lines={"decisions[4].same_as[2]": 9, "decisions[5]": 12},
        )
    got = [(p.path, p.code) for p in err.value.problems]
    assert got == [
        ("decisions[0]", "wrong-type"),
        ("decisions[1].same_as", "wrong-type"),
        ("decisions[2]", "wrong-type"),
        ("decisions[3]", "missing-field"),
        ("decisions[4].same_as[1]", "duplicate-name"),
        ("decisions[4].same_as[2]", "wrong-type"),
        ("decisions[5].who", "unknown-field"),
        ("decisions[5].why", "wrong-type"),
        ("decisions[5].date", "bad-time"),
    ]
    lines = {p.path: p.line for p in err.value.problems}
    assert lines["decisions[4].same_as[2]"] == 9 and lines["decisions[5].date"] == 12
    assert all(p.file == "d.yaml" for p in err.value.problems)
    assert "did you mean 'why'?" in str(err.value)
    with pytest.raises(LoadError, match="decisions must be a list"):
        decisions_from_records({"same_as": ["A", "B"]})
    with pytest.raises(LoadError, match="bad-time"):
        decisions_from_records([{"same_as": ["A", "B"], "date": "2024-02-30"}])


def test_decisions_join_groups_and_settle_pairs() -> None:
    ds = Decisions(
        [
            Decision(("A", "B"), True),
            Decision(("B", "C"), True),
            Decision(("D", "E", "F"), True),
            Decision(("C", "D"), False),
        ]
    )
    assert ds.groups == (("A", "B", "C"), ("D", "E", "F"))
    assert ds.settles("A", "C") is True
    assert ds.settles("A", "F") is False  # A = C, D = F and C != D
    assert ds.settles("A", "X") is None and ds.settles("X", "Y") is None
    assert ds.contradictions == ()
    wrong = Decisions([Decision(("A", "B"), True), Decision(("B", "C"), True), Decision(("A", "C"), False)])
    assert [pair for _, pair in wrong.contradictions] == [("A", "C")]

"""linkchart.loading.decisions: same_as decisions applied on load, reversible by deleting them."""

from __future__ import annotations

from pathlib import Path

import pytest

import linkchart
from linkchart import LoadError

GRAPH = """linkchart: 1
title: two spellings
nodes:
  - {id: Juma Namangani, type: person, aliases: [Namangani], attributes: {born: 1969}}
  - {id: Djuma Namangany, type: person, label: D. Namangany, notes: [a Russian transliteration]}
  - {id: IMU, type: organisation}
  - {id: Tahir Yuldashev, type: person}
edges:
  - {from: Juma Namangani, relation: leads, to: IMU}
  - {from: Djuma Namangany, relation: commands, to: IMU}
  - {from: Tahir Yuldashev, relation: knows, to: Djuma Namangany}
"""
DECISION = """decisions:
  - same_as: [Juma Namangani, Djuma Namangany]
    by: J. Analyst
    why: one commander; the 2001 report transliterates from Russian
    date: 2024-05-02
"""


def write(tmp_path: Path, text: str, name: str = "g.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_same_as_in_the_file_merges_on_load_and_deleting_it_undoes_it(tmp_path: Path) -> None:
    merged = linkchart.load(write(tmp_path, GRAPH + DECISION))
    assert merged.node_ids == ("Juma Namangani", "IMU", "Tahir Yuldashev")
    node = merged.node("Juma Namangani")
    assert node.aliases == ("Namangani", "Djuma Namangany", "D. Namangany")
    assert node.attributes["born"] == 1969 and [n.text for n in node.notes] == ["a Russian transliteration"]
    assert sorted(merged.neighbors("Juma Namangani")) == ["IMU", "Tahir Yuldashev"]
    ends = {e.id: e.written_ends for e in merged.iter_edges()}
    assert ends == {
        "e0": None,
        "e1": ("Djuma Namangany", "IMU"),
        "e2": ("Tahir Yuldashev", "Djuma Namangany"),
    }
    g = merged.to_networkx()
    assert g.edges["Tahir Yuldashev", "Juma Namangani", "e2"]["written_to"] == "Djuma Namangany"
    plain = linkchart.load(write(tmp_path, GRAPH))  # the entry deleted: as written
    assert plain.number_of_nodes == 4 and plain.edge("e1").from_id == "Djuma Namangany"


def test_a_decisions_file_applies_to_the_chart_it_is_given_with(tmp_path: Path) -> None:
    decisions = write(tmp_path, DECISION, "decisions.yaml")
    merged = linkchart.load(write(tmp_path, GRAPH), decisions=decisions)
    assert merged == linkchart.load(write(tmp_path, GRAPH + DECISION, "both.yaml"))
    ds = linkchart.decisions_from_records([{"same_as": ["Djuma Namangany", "Juma Namangani"]}])
    other = linkchart.load(write(tmp_path, GRAPH), decisions=ds)
    assert other.node_ids[0] == "Djuma Namangany"  # the first id of the list is the merged node's
    assert "Juma Namangani" in other.node("Djuma Namangany").aliases


def test_a_chart_keeps_its_not_same_as_decisions_named_by_its_node_ids(tmp_path: Path) -> None:
    apart = "  - {not_same_as: [Tahir Yuldashev, Djuma Namangany], why: two men}\n"
    chart = linkchart.load(write(tmp_path, GRAPH + DECISION + apart))
    [kept] = chart.decisions.entries  # the same_as made its nodes; Djuma Namangany is Juma Namangani
    assert (kept.nodes, kept.same, kept.why) == (("Tahir Yuldashev", "Juma Namangani"), False, "two men")
    assert chart.subgraph(["IMU", "Tahir Yuldashev"]).decisions is chart.decisions  # views keep them
    assert not linkchart.load(write(tmp_path, GRAPH, "plain.yaml")).decisions


def test_a_decisions_file_is_an_input_a_writer_never_writes_over(tmp_path: Path) -> None:
    decisions = write(tmp_path, DECISION, "decisions.yaml")
    merged = linkchart.load(write(tmp_path, GRAPH), decisions=decisions)
    assert str(decisions) in merged.files
    with pytest.raises(linkchart.LinkchartError, match=r"will not write over .*a decisions file"):
        linkchart.export(merged, decisions)
    assert decisions.read_text(encoding="utf-8") == DECISION


@pytest.mark.parametrize(
    ("extra", "code", "path"),
    [
        ("  - same_as: [Juma Namangani, Djuma Namangani]\n", "unknown-node", "decisions[0].same_as[1]"),
        ("  - same_as: [Juma Namangani, IMU]\n", "bad-decision", "decisions[0].same_as"),
        ("  - same_as: [Djuma Namangany, Tahir Yuldashev]\n", "bad-decision", "decisions[0].same_as"),
        (
            "  - same_as: [Juma Namangani, Djuma Namangany]\n"
            "  - not_same_as: [Djuma Namangany, Juma Namangani]\n",
            "bad-decision",
            "decisions[1].not_same_as",
        ),
        ("  - same_as: [Juma Namangani]\n", "wrong-type", "decisions[0].same_as"),
    ],
)
def test_a_decision_that_would_settle_a_conflict_is_refused(
    tmp_path: Path, extra: str, code: str, path: str
) -> None:
    with pytest.raises(LoadError) as err:
        linkchart.load(write(tmp_path, GRAPH + "decisions:\n" + extra))
    assert (code, path) in [(p.code, p.path) for p in err.value.problems]


def test_different_attribute_values_are_not_settled(tmp_path: Path) -> None:
    graph = GRAPH.replace("label: D. Namangany,", "label: D. Namangany, attributes: {born: 1968},")
    with pytest.raises(LoadError, match="different values"):
        linkchart.load(write(tmp_path, graph + DECISION))


def test_a_bad_decisions_file_is_located_in_it(tmp_path: Path) -> None:
    bad = write(tmp_path, "decisions:\n  - same_as: [Juma Namangani, Nobody]\n", "decisions.yaml")
    with pytest.raises(LoadError) as err:
        linkchart.load(write(tmp_path, GRAPH), decisions=bad)
    [p] = err.value.problems
    assert (p.code, p.file, p.path) == ("unknown-node", str(bad), "decisions[0].same_as[1]")
    with pytest.raises(LoadError, match="one key"):
        linkchart.load(write(tmp_path, GRAPH), decisions=write(tmp_path, "nodes: []\n", "d2.yaml"))

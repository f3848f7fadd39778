"""Either-or claims in the format: `alternative: NAME` on edges, read, written back and checked."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import linkchart
from linkchart import LoadError, LoadWarning

HEAD = """\
linkchart: 1
title: Either-or
relations:
  operates_with: {directed: false}
  funds: {}
nodes:
  - {id: IMT, type: organisation}
  - {id: Al-Qaeda, type: organisation}
  - {id: Taliban, type: organisation}
  - {id: JUI, type: organisation}
edges:
"""
UNITS = """\
  - {from: IMT, relation: operates_with, to: Al-Qaeda, alternative: units}
  - {from: IMT, relation: operates_with, to: Taliban, alternative: units}
"""


def test_a_claim_is_read_with_its_alternatives(graphs, tmp_path: Path) -> None:
    c = linkchart.load(graphs.write(HEAD + UNITS + "  - {from: JUI, relation: funds, to: IMT}\n"))
    assert [e.alternative for e in c.iter_edges()] == ["units", "units", None]
    a = c.alternatives()
    assert a.names == ("units",) and a.group.tolist() == [0, 0, -1]
    assert a.size.tolist() == [2, 2, 1] and a.rank.tolist() == [0, 1, 0]
    assert [m.tolist() for m in a.members] == [[0, 1]]


def test_it_round_trips_through_yaml_csv_records_and_exchange(graphs, tmp_path: Path) -> None:
    c = linkchart.load(graphs.write(HEAD + UNITS + "  - {from: JUI, relation: funds, to: IMT}\n"))
    assert linkchart.load(linkchart.write_yaml(c, tmp_path / "copy.yaml")) == c
    assert linkchart.load(linkchart.write_csv(c, tmp_path / "folder")) == c
    assert "units" in (tmp_path / "folder" / "edges.csv").read_text(encoding="utf-8")
    nodes, edges = c.to_records()
    assert [e["alternative"] for e in edges] == ["units", "units", None]
    assert linkchart.from_records(nodes, edges, vocabulary=c.vocabulary, title=c.title) == c
    for suffix in (".graphml", ".gexf", ".json", ".xlsx", ".stix.json"):
        assert linkchart.load(linkchart.export(c, tmp_path / f"chart{suffix}")) == c, suffix
    # equality sees the claim: the same edges without it are another chart
    plain = [{k: v for k, v in e.items() if k != "alternative"} for e in edges]
    assert linkchart.from_records(nodes, plain, vocabulary=c.vocabulary, title=c.title) != c


def test_a_view_keeps_what_remains_of_a_claim(graphs, tmp_path: Path) -> None:
    c = linkchart.load(graphs.write(HEAD + UNITS))
    view = c.subgraph(["IMT", "Al-Qaeda"])
    # one alternative left: still one of the claim's two, not a plain tie (attack review, defect 12)
    assert view.alternatives().size.tolist() == [2]
    with pytest.warns(LoadWarning, match="one alternative only"):
        assert linkchart.load(linkchart.write_yaml(view, tmp_path / "view.yaml")) == view


def test_a_claim_on_one_edge_is_a_located_warning_with_the_closest_name(graphs, tmp_path: Path) -> None:
    text = UNITS + "  - {from: IMT, relation: funds, to: JUI, alternative: unit}\n"
    with pytest.warns(LoadWarning) as caught:
        c = linkchart.load(graphs.write(HEAD + text))
    (w,) = [x.message for x in caught if isinstance(x.message, LoadWarning)]
    p = w.problem
    assert (p.code, p.path, p.line) == ("bad-alternative", "edges[2].alternative", 14)
    assert p.hint == "did you mean 'units'?"
    assert c.alternatives().size.tolist() == [2, 2, 1]


def test_alternatives_share_one_confidence(graphs, tmp_path: Path) -> None:
    text = UNITS.replace("alternative: units}\n", "alternative: units, confidence: alleged}\n", 1)
    (p,) = graphs.problems(HEAD + text)
    assert (p.code, p.path, p.line) == ("bad-alternative", "edges[1].confidence", 13)
    assert "edges[0] is alleged, this one confirmed" in p.message and "whole claim" in p.hint


def test_alternatives_share_a_node_and_differ(graphs, tmp_path: Path) -> None:
    text = UNITS + "  - {from: JUI, relation: funds, to: Taliban, alternative: units}\n"
    (p,) = graphs.problems(HEAD + text)
    assert (p.code, p.path) == ("bad-alternative", "edges[2].alternative")
    assert "share no node" in p.message and "one end in common" in p.hint
    text = UNITS + "  - {from: Taliban, relation: operates_with, to: IMT, alternative: units}\n"
    (p,) = graphs.problems(HEAD + text)  # an undirected tie written the other way round is the same tie
    assert (p.code, p.path) == ("bad-alternative", "edges[2].alternative")
    assert "edges[1] and this edge are the same tie" in p.message


def test_a_bad_name_is_located_and_csv_reads_the_column(graphs, tmp_path: Path) -> None:
    (p,) = graphs.problems(HEAD + "  - {from: IMT, relation: funds, to: JUI, alternative: 3}\n")
    assert (p.code, p.path) == ("wrong-type", "edges[0].alternative") and "quote it" in p.hint
    (p,) = graphs.problems(HEAD + "  - {from: IMT, relation: funds, to: JUI, alternatives: x}\n")
    assert (p.code, p.path) == ("unknown-field", "edges[0].alternatives") and "'alternative'" in p.hint
    (tmp_path / "edges.csv").write_text(
        "from,relation,to,alternative,confidence\n"
        "IMT,operates_with,Al-Qaeda,units,reported\nIMT,operates_with,Taliban,units,alleged\n",
        encoding="utf-8",
    )
    (tmp_path / "c.yaml").write_text(HEAD.replace("edges:\n", "edges: {csv: edges.csv}\n"), encoding="utf-8")
    with pytest.raises(LoadError) as info:
        linkchart.load(tmp_path / "c.yaml")
    (p,) = info.value.problems
    assert (p.code, p.path, p.row, p.line) == ("bad-alternative", "edges[1].confidence", 2, 3)
    assert p.file is not None and p.file.endswith("edges.csv")


def test_records_validate_alike() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        c = linkchart.from_records(
            [{"id": x, "type": "organisation"} for x in ("A", "B", "C")],
            [{"from": "A", "relation": "r", "to": x, "alternative": "g"} for x in ("B", "C")],
        )
    assert c.edge("e1").alternative == "g"
    with pytest.raises(LoadError, match=r"edges\[1\].confidence: the alternatives of 'g'"):
        linkchart.from_records(
            [{"id": x, "type": "organisation"} for x in ("A", "B", "C")],
            [
                {"from": "A", "relation": "r", "to": "B", "alternative": "g"},
                {"from": "A", "relation": "r", "to": "C", "alternative": "g", "confidence": "possible"},
            ],
        )


def test_a_claim_name_with_spaces_around_it_is_refused(graphs) -> None:
    (p,) = graphs.problems(HEAD + UNITS.replace("alternative: units}", "alternative: ' units'}", 1))
    assert (p.code, p.path) == ("bad-alternative", "edges[0].alternative")
    assert p.message == "the claim name ' units' has spaces around it" and "'units'" in p.hint

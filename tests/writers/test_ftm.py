"""FollowTheMoney JSON lines written (issue 22, item 5): every entity valid FtM (checked with
the followthemoney library), FtM -> linkchart -> FtM giving the entities back, linkchart ->
FtM -> linkchart the chart back, what FtM cannot hold listed."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("followthemoney")

from followthemoney import model

import linkchart
from linkchart.cli import main
from linkchart.writers import FORMATS, export
from linkchart.writers.ftm import FtmLossWarning, dumps, ftm_id

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "ftm" / "example.ftm.json"


def _entities(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def assert_valid_ftm(entities: list[dict[str, Any]]) -> None:
    """Every entity valid for the followthemoney library: its schema concrete, each property
    its schema's with every value its type takes, nothing dropped when the library reads it,
    and every entity a property names an entity of the file within the property's range."""
    by_id = {e["id"]: e for e in entities}
    assert len(by_id) == len(entities)
    for e in entities:
        schema = model.get(e["schema"])
        assert schema is not None and not schema.abstract, e
        proxy = model.get_proxy(e, cleaned=False)
        assert proxy.to_dict()["properties"] == e["properties"], e  # the library keeps every value
        for name, values in e["properties"].items():
            prop = schema.get(name)
            assert all(prop.type.validate(v) for v in values), (e["id"], name, values)
            if prop.type.name == "entity":
                for v in values:
                    assert model.get(by_id[v]["schema"]).is_a(prop.range), (e["id"], name, v)


def _same(a: linkchart.LinkChart, b: linkchart.LinkChart) -> bool:
    """Equal but for the title (a file's name)."""
    return a.to_records() == b.to_records() and a.sources == b.sources and a.vocabulary == b.vocabulary


def _quiet_load(path: Path) -> linkchart.LinkChart:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return linkchart.load(path)


def test_ftm_to_linkchart_to_ftm_gives_the_entities_back(tmp_path: Path) -> None:
    original = _entities(EXAMPLE.read_text(encoding="utf-8"))
    chart = _quiet_load(EXAMPLE)
    out = export(chart, tmp_path / "again.ftm.json")
    again = _entities(out.read_text(encoding="utf-8"))
    assert_valid_ftm(again)
    expected = {e["id"]: e for e in original if e["id"] != "link-1"}  # link-1: an end not in the file
    expected["doc-leak-2021"] = {**expected["doc-leak-2021"], "schema": "Document"}  # a source is a Document
    fam = expected["fam-1"]["properties"]  # sourceUrl + publisher became a source: a document and its proof
    del fam["sourceUrl"], fam["publisher"]
    fam["proof"] = ["source-1"]
    expected["source-1"] = {
        "id": "source-1",
        "schema": "Document",
        "properties": {
            "title": ["News Example (invented)"],
            "sourceUrl": ["https://news.example.org/aralia"],
        },
    }
    assert {e["id"]: e for e in again} == expected
    assert _same(linkchart.load(out), chart)  # and once more: the same chart


def test_linkchart_to_ftm_to_linkchart(tmp_path: Path) -> None:
    chart = linkchart.from_records(
        [
            {"id": "acme", "type": "Company", "label": "ACME Ltd", "aliases": ["ACME"]},
            {"id": "jdoe", "type": "Person", "label": "J. Doe", "attributes": {"nationality": "gb"}},
            {"id": "rroe", "type": "Person", "label": "R. Roe"},
        ],
        [
            {"id": "o1", "from": "jdoe", "relation": "Ownership", "to": "acme", "time": "2001/2004-06",
             "evidence": "Doe owns ACME", "source": "reg", "attributes": {"percentage": "60"}},
            {"id": "f1", "from": "jdoe", "relation": "Family", "to": "rroe", "time": 1999},
            {"id": "u1", "from": "rroe", "relation": "pays", "to": "acme",
             "time": {"from": "2002-03", "to": None}},
        ],
        sources=[{"id": "reg", "title": "Registry", "author": "Registrar", "date": "2005-01-02",
                  "location": "https://example.org/reg"}],
        directed={"Ownership": True, "Family": False, "pays": False},
    )  # fmt: skip
    text = dumps(chart)
    assert_valid_ftm(_entities(text))
    path = tmp_path / "c.ftm.json"
    path.write_text(text, encoding="utf-8")
    assert _same(linkchart.load(path), chart)


def test_the_central_asia_chart_goes_to_valid_ftm_with_its_losses_listed(tmp_path: Path) -> None:
    chart = linkchart.load(ROOT / "graphs" / "central_asia.yaml")
    with pytest.warns(FtmLossWarning) as said:
        text = dumps(chart)
    entities = _entities(text)
    assert_valid_ftm(entities)
    (message,) = [str(w.message) for w in said]
    assert "a confidence below the scale's highest" in message and "a source's local location" in message
    assert len(entities) == len(chart.sources) + chart.number_of_nodes + chart.number_of_edges
    path = tmp_path / "ca.ftm.json"
    path.write_text(text, encoding="utf-8")
    back = _quiet_load(path)  # the structure comes back: labels, ends, relations, evidence
    ids = {ftm_id(n): n for n in chart.node_ids}
    assert sorted(ids[n] for n in back.node_ids) == sorted(chart.node_ids)
    assert [n.label for n in back.iter_nodes()] == [n.label for n in chart.iter_nodes()]
    assert [(ids[e.from_id], e.relation, ids[e.to_id], e.evidence) for e in back.iter_edges()] == [
        (e.from_id, e.relation, e.to_id, e.evidence) for e in chart.iter_edges()
    ]


def test_the_table_and_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert FORMATS["ftm"].suffixes == (".ftm.json", ".ftm.jsonl")
    assert main(["convert", str(EXAMPLE), "-o", str(tmp_path / "x.yaml")]) == 0
    assert "not mapped from FollowTheMoney" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "x.yaml"), "-o", str(tmp_path / "y.ftm.json")]) == 0
    assert_valid_ftm(_entities((tmp_path / "y.ftm.json").read_text(encoding="utf-8")))
    assert main(["analyze", str(EXAMPLE), "--json"]) == 0


def test_evidence_items_are_written_as_text_and_their_losses_named(tmp_path: Path) -> None:
    chart = linkchart.from_records(
        [{"id": "A", "type": "person"}, {"id": "B", "type": "person"}],
        [
            {"from": "A", "relation": "pays", "to": "B", "source": "s", "evidence": [
                {"quote": "A paid B"},
                {"quote": 'B was "paid"', "source": "t", "credibility": 2, "time": 2001},
                {"source": "u", "confidence": "alleged"},
            ]},
            {"from": "A", "relation": "pays", "to": "B", "source": "s", "evidence": [{"source": "t"}]},
        ],
        sources=[{"id": "s", "reliability": "B"}, {"id": "t"}, {"id": "u"}],
    )  # fmt: skip
    with pytest.warns(FtmLossWarning) as said:
        text = dumps(chart)
    entities = _entities(text)
    assert_valid_ftm(entities)
    e0, e1 = entities[-2:]
    assert e0["properties"]["summary"] == ["A paid B", 'B was "paid"']  # text, never a repr
    assert e0["properties"]["proof"] == ["s", "t", "u"] and e1["properties"]["proof"] == ["s", "t"]
    assert "summary" not in e1["properties"]  # an unquoted tie has no quote to write
    assert "{" not in text.split('"summary"')[1].split("]")[0]
    (message,) = [str(w.message) for w in said]
    for lost in (
        "a source's reliability grade: 1",
        "an evidence item's credibility: 1",
        "an evidence item's confidence: 1",
        "an evidence item's time: 1",
        "which source an evidence item quotes",
    ):
        assert lost in message
    path = tmp_path / "c.ftm.json"
    path.write_text(text, encoding="utf-8")
    back = _quiet_load(path)
    b0, b1 = back.iter_edges()
    assert [i.value for i in b0.evidence_items] == [
        {"quote": "A paid B"},
        {"quote": 'B was "paid"'},
        {"source": "t"},
        {"source": "u"},
    ]
    assert [i.value for i in b1.evidence_items] == [{"source": "s"}, {"source": "t"}]  # no quote made up
    assert b1.evidence == "" and b1.probability == pytest.approx(1 - 0.05 * 0.05)


def test_a_grades_table_is_named_lost(tmp_path: Path) -> None:
    (tmp_path / "g.yaml").write_text(
        "linkchart: 1\ntitle: g\ngrades: {corroboration: max}\nnodes: [{id: A, type: person}]\nedges: []\n",
        encoding="utf-8",
    )
    with pytest.warns(FtmLossWarning, match="the file's grades:"):
        dumps(linkchart.load(tmp_path / "g.yaml"))

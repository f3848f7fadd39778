"""FollowTheMoney JSON lines read (issue 22, item 5): edge schemata to edges with their dates,
documents and sourceUrl/publisher/summary to sources and evidence, what is not mapped listed,
hostile lines located."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("followthemoney")

import linkchart
from linkchart.errors import LinkchartError, LoadError, LoadWarning

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "ftm" / "example.ftm.json"


def _write(tmp_path: Path, *entities: object, name: str = "x.ftm.json") -> Path:
    path = tmp_path / name
    path.write_text("".join((e if isinstance(e, str) else json.dumps(e)) + "\n" for e in entities), "utf-8")
    return path


def test_the_docs_example() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LoadWarning)
        chart = linkchart.load(EXAMPLE)
    assert chart.title == "example"
    assert [(n.id, n.type, n.label) for n in chart.iter_nodes()] == [
        ("aralia", "Company", "Aralia Trading Ltd"),
        ("kestrel", "Company", "Kestrel Holdings SA"),
        ("vane", "Person", "Oskar Vane"),
        ("lind", "Person", "Mira Lind"),
        ("guild", "Organization", "Harbour Traders' Guild"),
    ]  # the two documents are sources, not nodes
    assert chart.node("kestrel").aliases == ("Kestrel",)
    assert chart.node("aralia").attributes["jurisdiction"] == "cy"
    edges = {e.id: e for e in chart.iter_edges()}
    assert sorted(edges) == ["dir-1", "fam-1", "mem-1", "own-1", "own-2"]
    own = edges["own-2"]
    assert (own.from_id, own.relation, own.to_id, own.directed) == ("vane", "Ownership", "kestrel", True)
    assert own.time is not None and str(own.time) == "2016/2020-11"
    assert own.source == "doc-leak-2021" and own.evidence.startswith("the bearer shares")
    assert edges["dir-1"].attributes["role"] == "nominee director"
    assert not edges["fam-1"].directed  # Family: FtM's edge is undirected
    assert str(edges["mem-1"].time) == "2018" and edges["mem-1"].attributes["recordId"] == "guild-roll-112"
    sources = {s.id: s for s in chart.sources}
    assert sources["doc-registry-2019"].date == "2019-05-14"
    assert sources["doc-registry-2019"].location == "https://registry.example.org/aralia-trading"
    made = sources[edges["fam-1"].source]  # from the edge's sourceUrl and publisher
    assert (made.title, made.location) == ("News Example (invented)", "https://news.example.org/aralia")
    (said,) = [w.message.problem for w in caught if isinstance(w.message, LoadWarning)]
    assert said.line == 13 and "no entity of the file" in said.message


def test_an_unknown_link_reads_its_role_as_the_relation(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        {"id": "a", "schema": "Person", "properties": {"name": ["A"]}},
        {"id": "b", "schema": "Company", "properties": {"name": ["B"]}},
        {
            "id": "l",
            "schema": "UnknownLink",
            "properties": {"subject": ["a"], "object": ["b"], "role": ["pays"]},
        },
        {"id": "m", "schema": "UnknownLink", "properties": {"subject": ["a"], "object": ["b"]}},
    )
    chart = linkchart.load(path)
    assert [e.relation for e in chart.iter_edges()] == ["pays", "UnknownLink"]


def test_several_summaries_and_proofs_are_an_evidence_list_with_no_quote_made_up(tmp_path: Path) -> None:
    doc = "Document"
    path = _write(
        tmp_path,
        {"id": "s", "schema": doc, "properties": {"title": ["S"]}},
        {"id": "t", "schema": doc, "properties": {"title": ["T"]}},
        {"id": "a", "schema": "Person", "properties": {"name": ["A"]}},
        {"id": "b", "schema": "Person", "properties": {"name": ["B"]}},
        {
            "id": "l",
            "schema": "UnknownLink",
            "properties": {"subject": ["a"], "object": ["b"], "summary": ["A paid B", "B took it"]}
            | {"proof": ["s", "t"]},
        },
        {
            "id": "m",
            "schema": "UnknownLink",
            "properties": {"subject": ["a"], "object": ["b"], "proof": ["s", "t"]},
        },
        {
            "id": "n",
            "schema": "UnknownLink",
            "properties": {"subject": ["a"], "object": ["b"], "summary": ["one"]},
        },
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing is left unmapped
        chart = linkchart.load(path)
    quoted, m, n = chart.iter_edges()
    assert quoted.source == "s" and [i.value for i in quoted.evidence_items] == [
        {"quote": "A paid B"},
        {"quote": "B took it"},
        {"source": "t"},
    ]
    assert m.evidence == "" and [i.value for i in m.evidence_items] == [{"source": "s"}, {"source": "t"}]
    assert n.evidence == "one" and n.evidence_items == ()


@pytest.mark.parametrize(
    ("line", "path", "code"),
    [
        ('{"id": "a", "schema": "Persn", "properties": {}}', "entities[1].schema", "ftm-invalid"),
        ('{"id": "a", "schema": "Thing", "properties": {}}', "entities[1].schema", "ftm-invalid"),
        (
            '{"id": "a", "schema": "Person", "properties": {"colour": ["red"]}}',
            "entities[1].properties.colour",
            "ftm-invalid",
        ),
        (
            '{"id": "a", "schema": "Person", "properties": {"birthDate": ["last spring"]}}',
            "entities[1].properties.birthDate[0]",
            "ftm-invalid",
        ),
        (
            '{"id": "a", "schema": "Person", "properties": {"name": "A"}}',
            "entities[1].properties.name",
            "ftm-invalid",
        ),
        ('{"schema": "Person", "properties": {}}', "entities[1].id", "ftm-invalid"),
        ("[1, 2]", "entities[1]", "ftm-invalid"),
        ('{"id": "a", "id": "b", "schema": "Person"}', "entities[1]", "duplicate-key"),
        ('{"id": "a", "schema": "Person", "properties": {"name": [NaN]}}', "entities[1]", "json-syntax"),
        ("[" * 100 + "]" * 100, "entities[1]", "json-syntax"),
        ('{"id": "ok", "schema": "Person"', "entities[1]", "json-syntax"),
    ],
)
def test_hostile_lines_are_located(tmp_path: Path, line: str, path: str, code: str) -> None:
    file = _write(tmp_path, {"id": "first", "schema": "Person", "properties": {}}, line)
    with pytest.raises(LoadError) as info:
        linkchart.load(file)
    (p,) = info.value.problems
    assert (p.code, p.line) == (code, 2)
    assert p.path.startswith(path), p.path


def test_two_entities_of_one_id_and_loader_problems_are_located(tmp_path: Path) -> None:
    person = {"id": "a", "schema": "Person", "properties": {}}
    with pytest.raises(LoadError) as info:
        linkchart.load(_write(tmp_path, person, person))
    assert [(p.code, p.line) for p in info.value.problems] == [("duplicate-node", 2)]
    bad = {
        "id": "e",
        "schema": "Associate",
        "properties": {"person": ["a"], "associate": ["a"], "date": ["2001-02-30"]},
    }
    with pytest.raises(LoadError) as info:
        linkchart.load(_write(tmp_path, person, bad))
    assert [p.line for p in info.value.problems] == [2]  # FtM refuses the day: at the entity's line


def test_the_ftm_endings_are_read_as_ftm() -> None:
    from linkchart.readers import reader_of

    assert reader_of("a.ftm.json") == reader_of("b.FTM.JSONL") == "ftm"
    assert reader_of("c.json") == "json"


_RAW = st.sampled_from(
    ["9" * 5000, "1e400", "NaN", "[" * 200 + "]" * 200, '"\\ud800"', '{"a": 1, "a": 2}', "[1, 2,", "", "null",
     "{}", "[]", "12", '"x"', '["x", 1]', '[""]', '["2001-02-30"]', '["a b c"]']
)  # fmt: skip


@settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_one_hostile_change_gives_a_chart_or_located_problems(tmp_path: Path, data: Any) -> None:
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    k = data.draw(st.integers(0, len(lines) - 1))
    entity = json.loads(lines[k])
    how = data.draw(st.sampled_from(["value", "key", "drop", "line", "cut", "schema", "id"]))
    if how == "value" and entity["properties"]:
        name = data.draw(st.sampled_from(sorted(entity["properties"])))
        lines[k] = json.dumps(entity).replace(json.dumps(entity["properties"][name]), data.draw(_RAW), 1)
    elif how == "key":
        entity[data.draw(st.sampled_from(["properties", "schema", "id"]))] = json.loads(
            data.draw(st.sampled_from(["null", "12", "[]", '"x"', "{}"]))
        )
        lines[k] = json.dumps(entity)
    elif how == "drop":
        entity.pop(data.draw(st.sampled_from(["properties", "schema", "id"])))
        lines[k] = json.dumps(entity)
    elif how == "line":
        lines[k] = data.draw(_RAW)
    elif how == "cut":
        lines[k] = lines[k][: data.draw(st.integers(0, len(lines[k]) - 1))]
    elif how == "schema":
        entity["schema"] = data.draw(st.sampled_from(["Thing", "Interval", "Persn", "Ownership", "Document"]))
        lines[k] = json.dumps(entity)
    else:
        entity["id"] = lines[data.draw(st.integers(0, len(lines) - 1))].split('"')[3]  # another's id
        lines[k] = json.dumps(entity)
    path = tmp_path / "fuzz.ftm.json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            chart = linkchart.load(path)
    except LinkchartError as err:
        assert isinstance(err, LoadError) and err.problems, err
        for p in err.problems:
            assert p.file == str(path) and p.line is not None and 1 <= p.line <= len(lines), p
    else:
        assert chart.number_of_nodes >= 1

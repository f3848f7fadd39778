"""Tests for linkchart.loading.build: every validation rule, located in a YAML file."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

import linkchart
from linkchart import LoadError

Swap = Callable[[str, str, str], str]

EDGE0 = '  - {from: Pakistan, relation: finances, to: IMT, source: smith, evidence: "comes through Pakistan"}'


def test_the_base_graph_loads(graphs, base) -> None:
    c = linkchart.load(graphs.write(base))
    assert (c.number_of_nodes, c.number_of_edges) == (4, 2)
    assert c.vocabulary.relation("borders").directed is False
    assert c.edge("e0").source == "smith" and c.edge("e0").confidence == "confirmed"
    assert c.path == str(graphs.folder / "g.yaml")


def test_missing_field(graphs, base, replace: Swap) -> None:
    text = replace(base, "  - {id: Kyrgyzstan, type: state}", "  - {id: Kyrgyzstan}")
    p = graphs.one(text, "missing-field")
    assert (p.path, p.line) == ("nodes[3]", graphs.line(text, "{id: Kyrgyzstan}"))
    text = replace(base, "title: Test graph\n", "")
    p = graphs.one(text, "missing-field")
    assert (p.path, p.line, p.message) == ("title", 1, "'title' is required")
    text = replace(base, "relation: borders, to: Kyrgyzstan", "relation: borders")
    p = graphs.one(text, "missing-field")
    assert (p.path, p.line, p.message) == (
        "edges[1]",
        graphs.line(text, "borders, confidence"),
        "'to' is required",
    )


def test_wrong_type_says_quote_it(graphs, base, replace: Swap) -> None:
    text = replace(base, "{id: Pakistan, type: state}", "{id: Pakistan, type: state, label: true}")
    p = graphs.one(text, "wrong-type")
    assert (p.path, p.line) == ("nodes[1].label", graphs.line(text, "label: true"))
    assert "boolean" in p.message and "quote it" in p.hint
    # YAML 1.2: 'yes' is text, not a boolean, so the label is kept as written
    text = replace(base, "{id: Pakistan, type: state}", "{id: Pakistan, type: state, label: yes}")
    assert linkchart.load(graphs.write(text)).node("Pakistan").label == "yes"
    text = replace(base, "{id: Kyrgyzstan, type: state}", "{id: 1999, type: state}")
    found = graphs.problems(text)
    assert found[0].code == "wrong-type" and found[0].path == "nodes[3].id"
    assert found[0].line == graphs.line(text, "id: 1999")
    assert "quote it" in found[0].hint
    text = replace(base, "  - id: smith\n", "  - id: smith\n    title: [a, b]\n")
    p = graphs.one(text, "wrong-type")
    assert (p.path, p.line) == ("sources[0].title", graphs.line(text, "title: [a, b]"))


def test_unknown_field(graphs, base, replace: Swap) -> None:
    text = replace(base, "title: Test graph", "title: Test graph\ntitel: oops")
    p = graphs.one(text, "unknown-field")
    assert (p.path, p.line) == ("titel", 3) and "did you mean 'title'?" in p.hint
    text = replace(base, "to: IMT, source: smith", "target: IMT, to: IMT, source: smith")
    p = graphs.one(text, "unknown-field")
    assert (p.path, p.line, p.hint) == (
        "edges[0].target",
        graphs.line(text, "target: IMT"),
        "did you mean 'to'? (edges go from -> to)",
    )
    text = replace(base, "  borders: {directed: false}", "  borders: {directed: false, colour: red}")
    p = graphs.one(text, "unknown-field")
    assert (p.path, p.line) == ("relations.borders.colour", graphs.line(text, "colour: red"))


@pytest.mark.parametrize("name", ["type", "label", "aliases", "id"])
def test_node_attribute_may_not_take_a_reserved_name(graphs, base, replace: Swap, name: str) -> None:
    text = replace(
        base, "{id: Pakistan, type: state}", f"{{id: Pakistan, type: state, attributes: {{{name}: x}}}}"
    )
    p = graphs.one(text, "unknown-field")
    assert (p.path, p.line) == (f"nodes[1].attributes.{name}", graphs.line(text, "attributes:"))
    assert "reserved" in p.message


@pytest.mark.parametrize("name", ["directed", "probability", "time_from", "weight", "source"])
def test_edge_attribute_may_not_take_a_reserved_name(graphs, base, replace: Swap, name: str) -> None:
    text = replace(base, "confidence: confirmed}", f"confidence: confirmed, attributes: {{{name}: 1}}}}")
    p = graphs.one(text, "unknown-field")
    assert p.path == f"edges[1].attributes.{name}" and p.line == graphs.line(text, "attributes:")


def test_duplicate_node(graphs, base, replace: Swap) -> None:
    text = replace(
        base,
        "  - {id: Kyrgyzstan, type: state}",
        "  - {id: Kyrgyzstan, type: state}\n  - {id: Pakistan, type: organisation}",
    )
    p = graphs.one(text, "duplicate-node")
    assert (p.path, p.line) == ("nodes[4].id", graphs.line(text, "type: organisation}"))
    assert "nodes[1]" in p.message


def test_duplicate_edge(graphs, base, replace: Swap) -> None:
    text = replace(base, "source: smith,", "source: smith, id: x,")
    text = replace(text, "confidence: confirmed}", "confidence: confirmed, id: x}")
    p = graphs.one(text, "duplicate-edge")
    assert (p.path, p.line) == ("edges[1].id", graphs.line(text, "id: x}"))
    # an explicit id may not take the default id of another edge
    text = replace(base, "source: smith,", "source: smith, id: e1,")
    p = graphs.one(text, "duplicate-edge")
    assert (p.path, p.line) == ("edges[0].id", graphs.line(text, "id: e1"))


def test_duplicate_name(graphs, base, replace: Swap) -> None:
    text = replace(base, "  - id: web\n", "  - id: smith\n")
    p = graphs.one(text, "duplicate-name")
    assert (p.path, p.line) == ("sources[1].id", 6)


def test_unknown_node_with_did_you_mean(graphs, base, replace: Swap) -> None:
    text = replace(base, "to: Kyrgyzstan", "to: Kyrgystan")
    p = graphs.one(text, "unknown-node")
    assert (p.path, p.line) == ("edges[1].to", graphs.line(text, "Kyrgystan"))
    assert p.hint == "did you mean 'Kyrgyzstan'?"


def test_unknown_node_names_the_alias_and_the_label(graphs, base, replace: Swap) -> None:
    text = replace(base, "relation: finances, to: IMT", "relation: finances, to: IMU")
    p = graphs.one(text, "unknown-node")
    assert p.hint == "'IMU' is an alias of node 'IMT'; edges name nodes by id"
    text = replace(
        base, "relation: finances, to: IMT", "relation: finances, to: Islamic Movement of Turkestn"
    )
    p = graphs.one(text, "unknown-node")
    assert p.hint == "did you mean 'IMT'?"  # the id behind the close label


def test_unknown_node_type(graphs, base, replace: Swap) -> None:
    text = replace(base, "{id: Kyrgyzstan, type: state}", "{id: Kyrgyzstan, type: stat}")
    p = graphs.one(text, "unknown-node-type")
    assert (p.path, p.line, p.hint) == ("nodes[3].type", graphs.line(text, "stat}"), "did you mean 'state'?")
    text = replace(base, "source_types: [state]", "source_types: [state, goverment]")
    p = graphs.one(text, "unknown-node-type")
    assert (p.path, p.line) == ("relations.finances.source_types[1]", graphs.line(text, "goverment"))


def test_unknown_relation(graphs, base, replace: Swap) -> None:
    text = replace(base, "relation: borders", "relation: border")
    p = graphs.one(text, "unknown-relation")
    assert (p.path, p.line, p.hint) == (
        "edges[1].relation",
        graphs.line(text, "border,"),
        "did you mean 'borders'?",
    )


@pytest.mark.parametrize(
    ("section", "kind", "example"),
    [
        ("node_types", "node type", "{color: ..., shape: ..., description: ...}"),
        ("relations", "relation", "{directed: true, source_types: [...], target_types: [...]}"),
    ],
)
def test_bad_declarations(graphs, section: str, kind: str, example: str) -> None:
    text = (
        f"linkchart: 1\ntitle: t\n{section}:\n  1: {{}}\n  two: 3\n  three:\n  four: {{colr: red}}\n"
        "nodes: []\nedges: []\n"
    )
    found = graphs.problems(text)
    assert [(p.code, p.path, p.line) for p in found] == [
        ("wrong-type", section, 3),  # a bad name is located at the section
        ("wrong-type", f"{section}.two", 5),
        ("unknown-field", f"{section}.four.colr", 7),
    ]
    assert (found[0].message, found[0].hint) == (
        f"a {kind} must be named with text, not a number (1)",
        "quote the name",
    )
    assert (found[1].message, found[1].hint) == (
        f"{kind} 'two' must be a mapping, not a number (3)",
        f"write '{example}' or '{{}}'",
    )


def test_without_relations_they_are_taken_as_they_appear(graphs, base, replace: Swap) -> None:
    head, _, rest = base.partition("relations:\n")
    text = head + "nodes:\n" + rest.partition("nodes:\n")[2]
    c = linkchart.load(graphs.write(text))
    assert c.vocabulary.relation_names == ("finances", "borders")
    assert all(r.directed for r in c.vocabulary.relations) and not c.vocabulary.declared_relations


def test_relation_not_allowed(graphs, base, replace: Swap) -> None:
    text = replace(
        base, "{from: Pakistan, relation: finances, to: IMT,", "{from: IMT, relation: finances, to: Pakistan,"
    )
    p = graphs.one(text, "relation-not-allowed")
    assert (p.path, p.line) == ("edges[0].relation", graphs.line(text, "finances, to: Pakistan"))
    assert "'finances' goes from state to organisation" in p.hint


def test_undirected_relation_allows_either_order(graphs, base, replace: Swap) -> None:
    text = replace(
        base,
        "  borders: {directed: false}",
        "  borders: {directed: false, source_types: [organisation], target_types: [state]}",
    )
    text = replace(
        text,
        "{from: Tajikistan, relation: borders, to: Kyrgyzstan",
        "{from: Tajikistan, relation: borders, to: IMT",
    )
    assert linkchart.load(graphs.write(text)).number_of_edges == 2


@pytest.mark.parametrize(("confidence", "needle"), [("sure", "sure"), ("0.5", "0.5")])
def test_bad_confidence_on_an_edge(graphs, base, replace: Swap, confidence: str, needle: str) -> None:
    text = replace(base, "confidence: confirmed}", f"confidence: {confidence}}}")
    p = graphs.one(text, "bad-confidence")
    assert (p.path, p.line) == ("edges[1].confidence", graphs.line(text, needle))
    assert "confirmed, reported, alleged, possible" in p.hint


def test_bad_confidence_in_the_scale(graphs, base, replace: Swap) -> None:
    text = replace(
        base, "title: Test graph\n", "title: Test graph\nconfidence:\n  confirmed: 1.5\n  alleged: 0.5\n"
    )
    found = graphs.problems(text)
    assert [p.code for p in found] == [
        "bad-confidence",
        "bad-confidence",
    ]  # 1.5, then 'confirmed' not a level
    assert (found[0].path, found[0].line) == ("confidence.confirmed", 4)
    assert found[1].path == "edges[1].confidence"


def test_defaults_apply(graphs, base, replace: Swap) -> None:
    text = replace(base, "relations:\n", "defaults: {source: web, confidence: alleged}\nrelations:\n")
    c = linkchart.load(graphs.write(text))
    e1 = c.edge("e1")
    assert (e1.source, e1.confidence) == ("web", "confirmed")
    assert c.edge("e0").confidence == "alleged" and c.edge("e0").source == "smith"


@pytest.mark.parametrize(
    "time",
    ["1990s", "2001-1999", "10000", "true", "{from: 1999, until: 2001}", "1999.5", "2003-4", "2003-13",
     "1999-02-30", '"1999-03/1999-02"', "{}"],
)  # fmt: skip
def test_bad_time(graphs, base, replace: Swap, time: str) -> None:
    text = replace(base, "confidence: confirmed}", f"confidence: confirmed, time: {time}}}")
    p = graphs.one(text, "bad-time")
    assert (p.path, p.line) == ("edges[1].time", graphs.line(text, "time:"))
    assert "1999-03" in p.hint  # the spellings, months included


@pytest.mark.parametrize(
    ("time", "expected"),
    [
        ("1999", ("1999", date(1999, 1, 1), date(1999, 12, 31))),
        ('"1999-2001"', ("1999-2001", date(1999, 1, 1), date(2001, 12, 31))),
        ('"1999-"', ("1999-", date(1999, 1, 1), None)),
        ('"-2001"', ("-2001", None, date(2001, 12, 31))),
        ("{from: 1997}", ("1997-", date(1997, 1, 1), None)),
        ("{from: 1997, to: null}", ("1997-", date(1997, 1, 1), None)),
        ('"1999 \u2013 2001"', ("1999-2001", date(1999, 1, 1), date(2001, 12, 31))),
        ("2003-04", ("2003-04", date(2003, 4, 1), date(2003, 4, 30))),
        ("2004-02-29", ("2004-02-29", date(2004, 2, 29), date(2004, 2, 29))),
        ("{from: 1999-03, to: 1999-04-15}", ("1999-03/1999-04-15", date(1999, 3, 1), date(1999, 4, 15))),
        ('"1999-11/"', ("1999-11/", date(1999, 11, 1), None)),
    ],
)
def test_good_times(
    graphs, base, replace: Swap, time: str, expected: tuple[str, date | None, date | None]
) -> None:
    text = replace(base, "confidence: confirmed}", f"confidence: confirmed, time: {time}}}")
    e = linkchart.load(graphs.write(text)).edge("e1")
    assert e.time is not None
    assert (e.time.text, e.time.first, e.time.last) == expected


@pytest.mark.parametrize("weight", ["0", "-1", ".inf", ".nan", "heavy", "true"])
def test_bad_weight(graphs, base, replace: Swap, weight: str) -> None:
    text = replace(base, "confidence: confirmed}", f"confidence: confirmed, weight: {weight}}}")
    p = graphs.one(text, "bad-weight")
    assert (p.path, p.line) == ("edges[1].weight", graphs.line(text, "weight:"))


def test_bad_relation_weight(graphs, base, replace: Swap) -> None:
    text = replace(base, "  infiltrates: {}", "  infiltrates: {weight: -2}")
    p = graphs.one(text, "bad-weight")
    assert (p.path, p.line) == ("relations.infiltrates.weight", graphs.line(text, "weight: -2"))


def test_unknown_source(graphs, base, replace: Swap) -> None:
    text = replace(base, "source: smith,", "source: smyth,")
    p = graphs.one(text, "unknown-source")
    assert (p.path, p.line, p.hint) == (
        "edges[0].source",
        graphs.line(text, "smyth"),
        "did you mean 'smith'?",
    )
    text = replace(base, "relations:\n", "defaults: {source: nobody}\nrelations:\n")
    p = graphs.one(text, "unknown-source")
    assert (p.path, p.line) == ("defaults.source", graphs.line(text, "nobody"))


def test_every_problem_at_once_in_document_order(graphs, base, replace: Swap) -> None:
    text = replace(
        base, "to: Kyrgyzstan, confidence: confirmed}", "to: Kyrgystan, confidence: sure, time: 1990s}"
    )
    text = replace(text, "{id: Tajikistan, type: state}", "{id: Tajikistan, type: stat}")
    found = graphs.problems(text)
    assert [p.code for p in found] == ["unknown-node-type", "unknown-node", "bad-confidence", "bad-time"]
    assert [p.line for p in found] == sorted(p.line for p in found)
    assert all(p.file == str(graphs.folder / "g.yaml") for p in found)


def test_a_bad_file_builds_nothing(graphs, base, replace: Swap) -> None:
    text = replace(base, "to: Kyrgyzstan", "to: Nowhere")
    with pytest.raises(LoadError) as info:
        linkchart.load(graphs.write(text))
    assert "edges[1].to: unknown node 'Nowhere'" in str(info.value)
    assert info.value.codes == ["unknown-node"]


def test_parallel_edges_are_kept(graphs, base) -> None:
    text = base + EDGE0 + "\n" + "  - {from: Pakistan, relation: finances, to: IMT, confidence: alleged}\n"
    c = linkchart.load(graphs.write(text))
    assert len(c.edges_between("Pakistan", "IMT")) == 3
    assert c.edges.ids == ["e0", "e1", "e2", "e3"]


def test_the_error_table_matches_the_codes_emitted_and_tested() -> None:
    root = Path(__file__).resolve().parents[2]
    doc = (root / "docs" / "format.md").read_text(encoding="utf-8")
    table = re.findall(r"^\| `([a-z-]+)` \|", doc.partition("## Errors")[2], flags=re.M)
    source = "".join(
        p.read_text(encoding="utf-8")
        for package in ("loading", "readers")
        for p in (root / "src" / "linkchart" / package).glob("*.py")
    )
    emitted = set(re.findall(r'(?:add|warn|Problem|problem)\(\s*"([a-z]+(?:-[a-z]+)+)"', source))
    tests = "".join(
        p.read_text(encoding="utf-8")
        for package in ("loading", "readers")
        for p in (root / "tests" / package).glob("test_*.py")
    )
    table = [code for code in table if code in linkchart.PROBLEM_CODES]  # the errors' rows follow
    assert len(table) == len(linkchart.PROBLEM_CODES) and set(table) == emitted
    assert [code for code in table if f'"{code}"' not in tests] == []


def test_unknown_node_hints_for_labels_and_case() -> None:
    nodes = [{"id": "IMT", "type": "organisation", "label": "Islamic Movement"}]
    with pytest.raises(LoadError) as info:
        linkchart.from_records(
            nodes,
            [
                {"from": "Islamic Movement", "relation": "r", "to": "IMT"},
                {"from": "imt", "relation": "r", "to": "IMT"},
            ],
        )
    assert [p.hint for p in info.value.problems] == [
        "'Islamic Movement' is the label of node 'IMT'; edges name nodes by id",
        "did you mean 'IMT'? (ids are case-sensitive)",
    ]


def test_close_matches_are_sought_for_a_bounded_number_of_names() -> None:
    from linkchart.loading.edges import _MAX_CLOSE_MATCHES

    nodes = [{"id": f"node{i}", "type": "state"} for i in range(10)]
    edges = [{"from": f"node{i}x", "relation": "r", "to": "node0"} for i in range(_MAX_CLOSE_MATCHES + 5)]
    with pytest.raises(LoadError) as info:
        linkchart.from_records(nodes, edges)
    hints = [p.hint for p in info.value.problems]
    assert len(hints) == _MAX_CLOSE_MATCHES + 5 and hints[0].startswith("did you mean 'node0'")
    assert hints[_MAX_CLOSE_MATCHES - 1].startswith("did you mean")
    assert hints[-1] == "declare the node under 'nodes', or check the spelling"


def test_a_source_date_that_is_not_a_time_is_a_located_warning(graphs, base, replace: Swap) -> None:
    import warnings

    text = replace(base, "  - id: web\n", "  - id: web\n    date: Spring 2005\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c = linkchart.load(graphs.write(text))
    found = [w.message.problem for w in caught if isinstance(w.message, linkchart.LoadWarning)]
    assert [(p.code, p.path) for p in found] == [("undated-source", "sources[1].date")]
    assert found[0].line == graphs.line(text, "Spring 2005") and "1999-03" in found[0].hint
    assert c.source_times()[0].tolist() == [linkchart.times.NO_TIME] * 2  # read as having no date
    text = replace(base, "  - id: web\n", "  - id: web\n    date: 2005-03\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c = linkchart.load(graphs.write(text))
    assert not caught and c.source_times()[0][1] == date(2005, 3, 1).toordinal()


def test_text_no_file_can_hold_is_refused_where_it_is() -> None:
    bad = "Tash\ud800kent"
    with pytest.raises(LoadError) as info:
        linkchart.from_records(
            [
                {"id": "A", "type": "state", "label": bad, "aliases": ["ok", bad]},
                {"id": "B", "type": "state", "attributes": {bad: "x", "note": [1, bad]}},
            ],
            [{"from": "A", "relation": "r", "to": "B", "evidence": bad, "attributes": {"k": {"x": bad}}}],
            title=bad,
            sources=[{"id": "s", "title": bad}],
        )
    found = [(p.code, p.path) for p in info.value.problems if p.code == "bad-text"]
    assert sorted(found) == sorted(
        [
            ("bad-text", "title"),
            ("bad-text", "sources[0].title"),
            ("bad-text", "nodes[0].label"),
            ("bad-text", "nodes[0].aliases[1]"),
            ("bad-text", "nodes[1].attributes"),  # the first node that has the attribute
            ("bad-text", "nodes[1].attributes.note[1]"),
            ("bad-text", "edges[0].evidence"),
            ("bad-text", "edges[0].attributes.k.x"),
        ]
    )
    assert "lone surrogate (U+D800, character 5)" in info.value.problems[0].message


def test_a_surrogate_in_a_json_escape_is_refused_with_its_place(tmp_path: Path) -> None:
    (tmp_path / "g.json").write_text(
        '{"nodes": [{"id": "A", "label": "\\ud800"}], "links": []}', encoding="utf-8"
    )
    with pytest.raises(LoadError) as info:
        linkchart.load(tmp_path / "g.json")
    assert [(p.code, p.path) for p in info.value.problems] == [("bad-text", "nodes[0].label")]


@pytest.mark.parametrize("value", [".nan", "-.inf", "[1, .inf]", ".NaN"])
def test_attributes_that_are_not_finite_numbers_are_refused(graphs, base, replace: Swap, value: str) -> None:
    text = replace(
        base, "{id: Kyrgyzstan, type: state}", f"{{id: Kyrgyzstan, type: state, attributes: {{x: {value}}}}}"
    )
    p = graphs.one(text, "wrong-type")
    assert p.path == "nodes[3].attributes.x" and "not a finite number" in p.message
    assert "'NaN'" in p.hint
    text = replace(
        base, "{id: Kyrgyzstan, type: state}", "{id: Kyrgyzstan, type: state, attributes: {x: 'NaN'}}"
    )
    assert linkchart.load(graphs.write(text)).node("Kyrgyzstan").attributes == {"x": "NaN"}

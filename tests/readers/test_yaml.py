"""linkchart.readers.yaml: safe YAML, line marks, duplicate keys."""

from __future__ import annotations

from collections.abc import Callable

import linkchart
from linkchart.readers.yaml import line_of, parse_yaml

Swap = Callable[[str, str, str], str]


def test_yaml_syntax_error_is_located(graphs, base, replace: Swap) -> None:
    text = replace(base, "  - {id: Pakistan, type: state}", "  - {id: Pakistan, type: state")
    found = graphs.problems(text)
    assert [p.code for p in found] == ["yaml-syntax"]
    assert found[0].line is not None and abs(found[0].line - graphs.line(text, "id: Pakistan")) <= 1


def test_bad_indentation(graphs) -> None:
    text = "linkchart: 1\ntitle: t\n nodes: []\n"
    p = graphs.one(text, "yaml-syntax")
    assert p.line == 3


def test_python_tags_are_refused_and_never_constructed(graphs, base, replace: Swap) -> None:
    text = replace(base, "title: Test graph", "title: !!python/object/apply:os.system ['echo pwned']")
    p = graphs.one(text, "yaml-syntax")
    assert (p.path, p.line) == ("title", 2)
    assert "python/object/apply:os.system" in p.message


def test_other_tags_are_refused() -> None:
    doc = parse_yaml("a: !!binary aGVsbG8=\nb: !custom {x: 1}\nc: !!set {x}\n")
    assert [(p.code, p.line, p.path) for p in doc.problems] == [
        ("yaml-syntax", 1, "a"),
        ("yaml-syntax", 2, "b"),
        ("yaml-syntax", 3, "c"),
    ]


def test_duplicate_key(graphs, base, replace: Swap) -> None:
    text = replace(base, "  - {id: Pakistan, type: state}", "  - {id: Pakistan, type: state, type: region}")
    p = graphs.one(text, "duplicate-key")
    assert (p.path, p.line) == ("nodes[1].type", graphs.line(text, "type: region"))
    text = replace(base, "  borders: {directed: false}", "  borders: {directed: false}\n  finances: {}")
    p = graphs.one(text, "duplicate-key")
    assert (p.path, p.line) == ("relations.finances", graphs.line(text, "finances: {}"))
    assert "first on line 9" in p.message


def test_dates_stay_text_and_lines_are_recorded() -> None:
    doc = parse_yaml("sources:\n  - id: a\n    date: 2005-03-01\nedges:\n  - from: x\n    to: y\n")
    assert doc.data["sources"][0]["date"] == "2005-03-01"
    assert doc.lines["edges[0].to"] == 6 and doc.lines["sources[0]"] == 2


def test_line_of_falls_back_to_the_enclosing_item() -> None:
    assert line_of({"": 1, "edges[0]": 5}, "edges[0].attributes.x") == 5
    assert line_of({"": 1}, "title") == 1


def test_alias_bombs_are_refused() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(
            f"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]"
        )
    doc = parse_yaml("\n".join(lines) + "\n")
    assert doc.data is None and doc.problems[0].code == "yaml-syntax"
    assert "aliases" in doc.problems[0].message


def test_an_empty_file(graphs) -> None:
    p = graphs.one("# nothing\n", "yaml-syntax")
    assert p.message == "the file is empty"


def test_a_file_that_is_not_a_mapping(graphs) -> None:
    p = graphs.one("- 1\n- 2\n", "wrong-type")
    assert p.line == 1


def test_loaded_values_are_plain(graphs, base, replace: Swap) -> None:
    text = replace(
        base,
        "{id: Pakistan, type: state}",
        "{id: Pakistan, type: state, attributes: {founded: 1947, area: 0.88, tags: [a, 1]}}",
    )
    node = linkchart.load(graphs.write(text)).node("Pakistan")
    assert dict(node.attributes) == {"founded": 1947, "area": 0.88, "tags": ("a", 1)}


def test_merge_keys_are_refused() -> None:
    doc = parse_yaml("base: &b {type: state}\nnodes:\n  - <<: *b\n    id: A\n")
    assert [(p.code, p.line) for p in doc.problems] == [("yaml-syntax", 3)]


def test_a_null_tag_never_drops_text() -> None:
    doc = parse_yaml("a: !!null text\nb: !!null ''\nc: !!null\nd: !!null null\n")
    assert [(p.code, p.line, p.path) for p in doc.problems] == [("yaml-syntax", 1, "a")]
    assert "would drop the text 'text'" in doc.problems[0].message
    assert doc.data == {"a": None, "b": None, "c": None, "d": None}

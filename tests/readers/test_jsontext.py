"""linkchart.readers.jsontext: bounded JSON, each refusal at its JSON path."""

from __future__ import annotations

import pytest

from linkchart import LoadError
from linkchart.readers.jsontext import MAX_DEPTH, MAX_INT_DIGITS, read_json


def refused(text: str, **where: object) -> list[tuple[str, str, str]]:
    with pytest.raises(LoadError) as info:
        read_json(text, "f.json", **where)  # type: ignore[arg-type]
    return [(p.code, p.path, p.message) for p in info.value.problems]


def test_the_bounds_are_exact() -> None:
    assert read_json("[" * MAX_DEPTH + "]" * MAX_DEPTH, "f.json") is not None
    ((code, path, message),) = refused("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    assert code == "json-syntax" and path == "[0]" * MAX_DEPTH and "nested deeper than 64" in message
    assert read_json("9" * MAX_INT_DIGITS, "f.json") == int("9" * MAX_INT_DIGITS)
    assert read_json("-" + "9" * MAX_INT_DIGITS, "f.json") < 0
    ((code, _, message),) = refused("9" * (MAX_INT_DIGITS + 1))
    assert "4,301 digits" in message


def test_nesting_past_the_interpreter_s_recursion_limit_is_located_by_line() -> None:
    ((code, _, message),) = refused('{"a": 1,\n "b": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert code == "json-syntax" and "nested deeper" in message
    with pytest.raises(LoadError) as info:
        read_json('{"a": 1,\n "b": ' + "[" * 100_000 + "]" * 100_000 + "}", "f.json")
    assert info.value.problems[0].line == 2


def test_every_refused_value_is_reported_at_its_path() -> None:
    found = refused('{"a": [1, NaN, 1e400], "b": {"c": -Infinity, "d": "\\ud800", "e": "\\ud83d\\ude00"}}')
    assert [(c, p) for c, p, _ in found] == [
        ("json-syntax", "a[1]"),
        ("json-syntax", "a[2]"),
        ("json-syntax", "b.c"),
        ("bad-text", "b.d"),
    ]  # a surrogate pair is one character: read


def test_a_key_written_twice_and_a_bad_key() -> None:
    assert refused('{"a": {"k": 1, "k": 2}}') == [
        ("duplicate-key", "a.k", "the key 'k' is written twice in one object")
    ]
    ((code, _, message),) = refused('{"\\udc00": 1}')
    assert code == "bad-text" and "U+DC00" in message


def test_embedded_text_is_placed_under_its_field() -> None:
    with pytest.raises(LoadError) as info:
        read_json('{"n": NaN}', "g.graphml", path="nodes[3].attributes", line=12, where="node 'A'")
    (p,) = info.value.problems
    assert (p.file, p.line, p.path) == ("g.graphml", 12, "nodes[3].attributes.n")
    assert p.message.startswith("node 'A': ")
    with pytest.raises(LoadError) as info:
        read_json("[1,", "g.graphml", path="nodes[3].aliases", line=12)
    (p,) = info.value.problems
    assert p.line == 12 and "character 4 of the text" in p.message


def test_problems_are_capped() -> None:
    assert len(refused("[" + ", ".join(["NaN"] * 500) + "]")) == 50

"""Errors are data: closed codes, ``loc`` tuples, ``to_dict`` and ``errors()``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import linkchart
from linkchart.errors import ERROR_CODES, PROBLEM_CODES, LinkchartError, LoadError, Problem, UnknownNameError

ROOT = Path(__file__).resolve().parents[1]


def test_problem_codes_are_closed_and_match_the_documented_table() -> None:
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    table = re.findall(r"^\| `([a-z-]+)` \|", doc.partition("## Errors")[2], flags=re.M)
    assert tuple(table) == PROBLEM_CODES
    with pytest.raises(ValueError, match="unknown problem code"):
        Problem("no-such-code", "x")  # type: ignore[arg-type]


def test_a_problem_is_data_with_a_tuple_location() -> None:
    p = Problem("unknown-node", "unknown node 'X'", "edges[12].to", "g.yaml", 30, hint="did you mean 'Y'?")
    assert p.loc == ("edges", 12, "to")
    assert p.to_dict() == {
        "code": "unknown-node",
        "message": "unknown node 'X'",
        "loc": ["edges", 12, "to"],
        "path": "edges[12].to",
        "file": "g.yaml",
        "line": 30,
        "row": None,
        "hint": "did you mean 'Y'?",
    }
    assert Problem("wrong-type", "x", "relations.funds.weight").loc == ("relations", "funds", "weight")
    assert Problem("yaml-syntax", "x").loc == ()


def test_load_error_lists_every_problem_as_json_ready_dicts() -> None:
    with pytest.raises(LoadError) as info:
        linkchart.from_records(
            [{"id": "a", "type": "state"}], [{"from": "a", "relation": "r", "to": "b", "time": "x"}]
        )
    err = info.value
    assert err.code == "invalid-data"
    assert [e["code"] for e in err.errors()] == err.codes == ["unknown-node", "bad-time"]
    assert err.errors()[0]["loc"] == ["edges", 0, "to"]
    doc = json.loads(json.dumps(err.to_dict()))
    assert doc["code"] == "invalid-data" and len(doc["problems"]) == 2


def test_errors_outside_loading_carry_a_code() -> None:
    chart = linkchart.from_records([{"id": "a", "type": "state"}], [])
    with pytest.raises(UnknownNameError) as unknown:
        linkchart.MEASURES["betweeness"]
    assert unknown.value.code == "unknown-name" and "did you mean 'betweenness'" in str(unknown.value)
    with pytest.raises(LinkchartError) as bad:
        linkchart.report(chart, top=0)
    assert bad.value.code == "bad-argument"
    assert bad.value.to_dict() == {"code": "bad-argument", "message": "top must be a positive integer, not 0"}
    assert set(ERROR_CODES) >= {"invalid-data", "unknown-name", "bad-argument", "write-failed"}
    with pytest.raises(ValueError, match="unknown error code"):
        LinkchartError("x", code="nope")  # type: ignore[arg-type]


def test_unknown_names_suggest_or_list() -> None:
    assert str(UnknownNameError("engine", "igraf", ["igraph", "networkx"])).endswith("did you mean 'igraph'?")
    assert "choose from 'a', 'b'" in str(UnknownNameError("thing", "zzz", ["a", "b"]))
    many = [f"name{i}" for i in range(30)]
    assert str(UnknownNameError("thing", "zzz", many)) == "unknown thing 'zzz'"
    assert isinstance(UnknownNameError("x", "y"), KeyError)

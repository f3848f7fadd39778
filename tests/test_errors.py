"""Errors are data: one table of codes, ``loc`` tuples, ``input``/``ctx``, ``to_dict`` and ``errors()``."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path
from typing import Any, get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

import linkchart
from linkchart.errors import (
    ANY_FORMAT,
    CODES,
    ERROR_CODES,
    INPUT_LIMIT,
    PROBLEM_CODES,
    ErrorCode,
    LinkchartError,
    LoadError,
    LoadWarning,
    Problem,
    ProblemCode,
    Problems,
    UnknownNameError,
    codes_table,
    json_safe,
)

ROOT = Path(__file__).resolve().parents[1]


def test_the_documented_table_is_the_table_of_codes() -> None:
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    errors = doc.partition("## Errors")[2]
    table = "".join(line + "\n" for line in errors.splitlines() if line.startswith("|"))
    assert table == codes_table()  # regenerate: python -c "from linkchart.errors import codes_table; ..."
    assert tuple(re.findall(r"^\| `([a-z-]+)` \|", table, flags=re.M)) == tuple(CODES)


def test_the_codes_are_read_from_the_one_table_and_the_types_agree() -> None:
    assert PROBLEM_CODES == get_args(ProblemCode) and ERROR_CODES == get_args(ErrorCode)
    assert set(PROBLEM_CODES) | set(ERROR_CODES) == set(CODES)
    assert {c.kind for c in CODES.values()} == {"problem", "warning", "error"}
    for code, row in CODES.items():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", code) and row.meaning
        assert (row.formats == ()) == (row.kind == "error")
        assert set(row.formats) <= set(ANY_FORMAT)
    # issue 19's per-format codes, each only where its format is read
    assert CODES["xml-syntax"].formats == ("graphml", "gexf", "xlsx")
    assert CODES["stix-invalid"].formats == ("stix",) and CODES["yaml-syntax"].formats == ("yaml",)
    assert "yaml" not in CODES["json-syntax"].formats
    with pytest.raises(ValueError, match="unknown problem code"):
        Problem("no-such-code", "x")  # type: ignore[arg-type]


def test_a_problem_is_data_with_a_tuple_location() -> None:
    p = Problem(
        "unknown-node",
        "unknown node 'X'",
        "edges[12].to",
        "g.yaml",
        30,
        hint="did you mean 'Y'?",
        input="X",
        ctx={"known": 2},
    )
    assert p.loc == ("edges", 12, "to")
    assert p.to_dict() == {
        "code": "unknown-node",
        "message": "unknown node 'X'",
        "loc": ["edges", 12, "to"],
        "input": "X",
        "ctx": {"known": 2},
        "hint": "did you mean 'Y'?",
        "path": "edges[12].to",
        "file": "g.yaml",
        "line": 30,
        "row": None,
    }
    assert list(p.to_dict())[:6] == ["code", "message", "loc", "input", "ctx", "hint"]
    assert list(LinkchartError("x").to_dict()) == ["code", "message", "loc", "input", "ctx", "hint"]
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
    assert bad.value.to_dict()["message"] == "top must be a positive integer, not 0"
    assert {k: v for k, v in bad.value.to_dict().items() if k != "message"} == {
        "code": "bad-argument",
        "loc": [],
        "input": None,
        "ctx": None,
        "hint": "",
    }
    assert set(ERROR_CODES) >= {"invalid-data", "unknown-name", "bad-argument", "write-failed"}
    with pytest.raises(ValueError, match="unknown error code"):
        LinkchartError("x", code="nope")  # type: ignore[arg-type]


def test_unknown_names_suggest_or_list() -> None:
    assert str(UnknownNameError("engine", "igraf", ["igraph", "networkx"])).endswith("did you mean 'igraph'?")
    assert "choose from 'a', 'b'" in str(UnknownNameError("thing", "zzz", ["a", "b"]))
    many = [f"name{i}" for i in range(30)]
    assert str(UnknownNameError("thing", "zzz", many)) == "unknown thing 'zzz'"
    assert isinstance(UnknownNameError("x", "y"), KeyError)


def test_an_error_carries_where_what_and_why() -> None:
    err = LinkchartError(
        "workers must be a positive integer, not 0",
        code="bad-argument",
        loc=("workers",),
        input=0,
        ctx={"minimum": 1},
        hint="give 1 or more",
    )
    assert err.to_dict() == {
        "code": "bad-argument",
        "message": "workers must be a positive integer, not 0",
        "loc": ["workers"],
        "input": 0,
        "ctx": {"minimum": 1},
        "hint": "give 1 or more",
    }
    unknown = UnknownNameError("engine", "igraf", ["igraph", "networkx"]).to_dict()
    assert unknown["input"] == "igraf" and unknown["hint"] == "did you mean 'igraph'?"
    assert unknown["ctx"] == {"kind": "engine", "choices": ["igraph", "networkx"]}
    assert "choices" not in UnknownNameError("node", "x", [f"n{i}" for i in range(50)]).to_dict()["ctx"]


def test_every_error_survives_a_trip_to_a_worker_process() -> None:
    problem = Problem("bad-time", "not a time", "edges[0].time", "g.yaml", 3, input="spring", ctx={"a": 1})
    errors: list[Any] = [
        LinkchartError("x", code="write-failed", loc=("path",), input="p", ctx={"why": "a link"}, hint="h"),
        UnknownNameError("measure", "betweeness", ["betweenness", "degree"]),
        LoadError([problem]),
    ]
    for err in errors:
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is type(err) and str(back) == str(err) and back.to_dict() == err.to_dict()
    warning = pickle.loads(pickle.dumps(LoadWarning(problem)))
    assert warning.problem == problem and str(warning) == str(problem)


def test_problems_record_the_bad_item_and_its_facts() -> None:
    found = Problems(lambda path: ("g.yaml", 7, None))
    found.add("unknown-node", "unknown node 'X'", "edges[0].to", "a hint", input="X", ctx={"known": ["Y"]})
    found.warn("outside-lifespan", "outside", "edges[1].time", input="1990")
    assert found.items[0].to_dict()["input"] == "X" and found.items[0].ctx == {"known": ["Y"]}
    assert found.items[0].line == 7 and found.warnings[0].input == "1990"
    with pytest.raises(LoadError) as info:
        found.raise_if_any()
    assert info.value.errors()[0]["input"] == "X"


def test_the_bad_item_is_json_safe_and_bounded() -> None:
    assert json_safe("x" * 1000) == "x" * (INPUT_LIMIT - 1) + "…"
    assert json_safe(float("nan")) == "nan" and json_safe(float("-inf")) == "-inf"
    assert json_safe(10**5000) == "an integer of about 5,001 digits"  # past Python's str() limit
    assert json_safe("\ud800") == "\\ud800"  # a lone surrogate, shown as its escape
    assert json_safe({"to": "X", "w": [1, 2.5, None, True]}) == {"to": "X", "w": [1, 2.5, None, True]}
    deep: Any = []
    for _ in range(5000):
        deep = [deep]
    assert isinstance(json_safe(deep), str) and len(json_safe(deep)) <= INPUT_LIMIT
    assert json_safe(b"\x00\xff") == "b'\\x00\\xff'" and json_safe({1, 2}) == "{1, 2}"
    assert json_safe(list(range(10**4))).endswith(", ...]")  # a long list, abbreviated


def _children(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(inner, max_size=30) | st.dictionaries(st.text(), inner, max_size=30)


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(), _children, max_leaves=80
    )
)
def test_any_input_becomes_json_of_bounded_size(value: Any) -> None:
    text = json.dumps(json_safe(value), ensure_ascii=False, allow_nan=False)
    text.encode("utf-8")  # writable as UTF-8 (no lone surrogate)
    assert len(json.dumps(json_safe(value))) <= 8 * INPUT_LIMIT


def test_an_error_repeats_a_huge_bad_item_shortened() -> None:
    # D12: an error repeated the bad input in full (a 20 MiB id -> a 20 MiB message)
    from linkchart.errors import MESSAGE_LIMIT, LinkchartError, Problem, UnknownNameError

    huge = "X" * 1_000_000
    for text in (
        str(LinkchartError(f"bad id {huge!r}", hint=huge)),
        str(UnknownNameError("node", huge, ["A"])),
        str(Problem("unknown-node", f"unknown node {huge!r}", "edges[0].to", "g.yaml", 3, hint="h")),
    ):
        assert len(text) < 500 and "…" in text and "1,000,002 characters" in text
    assert len(LinkchartError("word " * 100_000).args[0]) <= MESSAGE_LIMIT

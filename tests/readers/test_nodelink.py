"""linkchart.readers.nodelink: node-link JSON, its direction as networkx reads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import linkchart


@pytest.mark.parametrize(
    ("flag", "directed"), [({}, False), ({"directed": False}, False), ({"directed": True}, True)]
)
def test_the_file_s_directed_flag_says_the_direction(
    tmp_path: Path, flag: dict[str, bool], directed: bool
) -> None:
    data = {**flag, "nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b"}]}
    (tmp_path / "d.json").write_text(json.dumps(data), encoding="utf-8")
    assert linkchart.load(tmp_path / "d.json").vocabulary.relation("tie").directed is directed


def test_a_problem_of_a_link_is_placed_at_the_link(tmp_path: Path) -> None:
    data = {"nodes": [{"id": "a"}], "links": [{"source": "a", "target": "b"}]}
    (tmp_path / "d.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(linkchart.LoadError) as info:
        linkchart.load(tmp_path / "d.json")
    assert [(p.code, p.path) for p in info.value.problems] == [("unknown-node", "links[0].target")]

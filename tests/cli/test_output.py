"""What the command line prints: control characters escaped, progress lines kept, JSON that
stays JSON, problem lists, the error document."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from linkchart.cli import main
from linkchart.cli.output import Guarded, error_document, escape_controls, json_text, print_problems
from linkchart.errors import LinkchartError, LoadError, Problem


def test_guarded_escapes_what_the_data_carries_and_keeps_progress_lines() -> None:
    out = io.StringIO()
    Guarded(out).write("title\x1b]0;OWNED\x07 \x85end\n")
    assert out.getvalue() == "title\\x1b]0;OWNED\\x07 \\x85end\n"
    err = io.StringIO()
    stream = Guarded(err, progress=True)
    stream.write("\rreport [####....]  50% 1/2   0.1s")  # a progress line keeps its carriage return
    stream.write("\rwarning: \x1b[2J")  # anything else with a control character is escaped whole
    assert err.getvalue() == "\rreport [####....]  50% 1/2   0.1s\\x0dwarning: \\x1b[2J"
    assert Guarded(io.StringIO()).isatty() is False
    calls: list[str] = []
    Guarded(io.StringIO(), before=lambda: calls.append("cleared")).write("x")
    assert calls == ["cleared"]


def test_json_text_keeps_json_valid_through_the_escaping() -> None:
    doc = {"label": "a\x85b\x7fc\x1bd"}
    shown = io.StringIO()
    Guarded(shown).write(json_text(json.dumps(doc, ensure_ascii=False)))
    assert json.loads(shown.getvalue()) == doc  # no control character reached the stream, and it parses
    assert escape_controls(shown.getvalue()) == shown.getvalue()


def test_json_output_of_a_label_with_control_characters_parses(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write('linkchart: 1\ntitle: "T\\x85\\e[2J"\nnodes: [{id: "A\\x9b1", type: state}]\nedges: []\n')
    assert main(["info", str(path), "--json"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x85" not in out
    doc = json.loads(out)
    assert doc["title"] == "T\x85\x1b[2J" and doc["isolated_nodes"] == ["A\x9b1"]


def test_problem_lists_are_cut_and_counted() -> None:
    problems = [
        Problem("unknown-node", f"unknown node 'n{i}'", f"edges[{i}].to", "g.yaml", i + 1) for i in range(205)
    ]
    out = io.StringIO()
    print_problems(LoadError(problems), out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "205 problems found:" and lines[-1] == "... and 5 more" and len(lines) == 202


def test_error_document() -> None:
    err = LoadError([Problem("bad-time", "'x' is not a time", "edges[0].time", "g.yaml", 3)])
    doc = error_document(err)
    assert doc["ok"] is False and doc["errors"][0]["loc"] == ["edges", 0, "time"]
    doc = error_document(LinkchartError("top must be a positive integer, not 0"))
    assert doc == {
        "ok": False,
        "errors": [
            {
                "code": "bad-argument",
                "message": "top must be a positive integer, not 0",
                "loc": [],
                "input": None,
                "ctx": None,
                "hint": "",
            }
        ],
    }

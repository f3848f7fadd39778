"""``linkchart``: exit statuses (0, 1 for the data, 2 for usage), ``--json`` on every verb,
usage errors, the console entry, a reader that goes away."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from linkchart.cli import main
from linkchart.cli.commands import COMMANDS

BAD = "linkchart: 1\ntitle: t\nnodes:\n  - {id: A, type: state}\nedges:\n  - {from: A, relation: r, to: B}\n"


def _argv(verb: str, file: str, meetings: str, tmp_path: Path) -> list[str]:
    """A command line of ``verb`` that works on the Central Asia graph (or the meetings)."""
    return {
        "validate": ["validate", file],
        "info": ["info", file],
        "analyze": ["analyze", file, "--measures", "degree"],
        "export": ["export", file, "-o", str(tmp_path / "x.graphml")],
        "convert": ["convert", file, "-o", str(tmp_path / "x.json")],
        "path": ["path", file, "JUI", "IMT"],
        "disrupt": ["disrupt", file, "--steps", "1", "--runs", "1", "--strategies", "degree"],
        "timeline": ["timeline", file, "--measure", "degree"],
        "one-mode": ["one-mode", meetings, "--onto", "person", "--via", "meeting"],
        "two-mode": ["two-mode", meetings, "--first", "person"],
        "robust": ["robust", file, "--draws", "5", "--measure", "degree"],
        "render": ["render", file, "-o", str(tmp_path / "p.html")],
        "dedupe": ["dedupe", file, "--top", "2"],
        "merge": ["merge", file, meetings, "-o", str(tmp_path / "m.yaml")],
        "conflicts": ["conflicts", file],
        "diff": ["diff", file, meetings, "--top", "2", "--measures", "degree"],
    }[verb]


VERBS = [c.NAME for c in COMMANDS]


def test_every_verb_is_listed() -> None:
    assert VERBS == [
        "validate",
        "info",
        "analyze",
        "export",
        "convert",
        "matrix",
        "path",
        "disrupt",
        "timeline",
        "one-mode",
        "two-mode",
        "robust",
        "render",
        "dedupe",
        "merge",
        "conflicts",
        "diff",
    ]


@pytest.mark.parametrize(
    "verb", [v for v in VERBS if v != "matrix"]
)  # reads matrices: tests/cli/test_matrix.py
def test_json_on_every_verb_is_one_document_whatever_happens(
    verb: str, graph: str, affiliations: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = _argv(verb, graph, str(affiliations), tmp_path)
    assert main([*argv, "--json"]) == 0, capsys.readouterr().err
    doc = json.loads(capsys.readouterr().out)
    assert doc.get("ok", True) is True and doc.get("valid", True) is True

    bad = tmp_path / "bad.yaml"  # the data: every problem as an error dict, exit 1
    bad.write_text(BAD, encoding="utf-8")
    broken = [bad.as_posix() if a in (graph, str(affiliations)) else a for a in argv]
    assert main([*broken, "--json"]) == 1
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    problems = doc["problems"] if verb == "validate" else doc["errors"]
    assert doc.get("ok", False) is False and [p["code"] for p in problems] == ["unknown-node"]
    assert problems[0]["loc"] == ["edges", 0, "to"] and problems[0]["line"] == 6
    if verb != "validate":
        assert "unknown-node" in captured.err  # the text still goes to standard error

    assert main([*argv, "--json", "--no-such-flag"]) == 2  # usage: exit 2, as JSON too
    captured = capsys.readouterr()
    (error,) = json.loads(captured.out)["errors"]
    assert error["code"] == "bad-argument" and error["input"] == ["--no-such-flag"]
    assert "unrecognized arguments: --no-such-flag" in error["message"] and "usage: linkchart" in captured.err


def test_a_bad_choice_as_json_names_the_flag_the_value_and_the_choices(
    graph: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", graph, "--json", "--engine", "nx"]) == 2
    captured = capsys.readouterr()
    (error,) = json.loads(captured.out)["errors"]
    assert error["loc"] == ["--engine"] and error["input"] == "nx"
    assert error["ctx"] == {"choices": ["igraph", "networkx"]}
    assert "argument --engine: invalid choice: 'nx' (choose from 'igraph', 'networkx')" in captured.err
    assert main(["analyze", graph, "--json", "--measures", "pagerank", "nope"]) == 2
    (error,) = json.loads(capsys.readouterr().out)["errors"]
    assert (error["loc"], error["input"]) == (["--measures"], "nope") and "pagerank" in error["ctx"][
        "choices"
    ]
    assert main(["robust", graph, "--json", "--top", "0"]) == 2
    (error,) = json.loads(capsys.readouterr().out)["errors"]
    assert (error["loc"], error["input"]) == (["--top"], "0") and "positive whole number" in error["message"]
    assert main(["robust", "--json"]) == 2  # a missing argument
    (error,) = json.loads(capsys.readouterr().out)["errors"]
    assert error["loc"] == ["FILE"] and "required" in error["message"]


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["validate"]) == 2
    assert main(["frobnicate", "x"]) == 2
    err = capsys.readouterr().err
    assert "usage: linkchart" in err and "invalid choice: 'frobnicate'" in err
    assert main(["--help"]) == 0 and "validate" in capsys.readouterr().out


# the exit status (defect 15): 1 when the file lacks a name the command line gives (the same
# command is right for another file), 2 when no file could make the command line right
DATA = [
    ["analyze", "{G}", "--layers", "politcal"],
    ["analyze", "{G}", "--firm", "sure"],
    ["analyze", "{G}", "--partition", "contry"],
    ["analyze", "{G}", "--relations", "help"],
    ["analyze", "{G}", "--ego", "Rakhmonv"],
    ["render", "{G}", "--types", "states"],
    ["render", "{G}", "--min-confidence", "sure"],
    ["robust", "{G}", "--ego", "nobody", "--draws", "5"],
    ["timeline", "{G}", "--layers", "nope"],
    ["path", "{G}", "JUI", "Kyrgystan"],
    ["two-mode", "{M}", "--first", "persons"],
    ["one-mode", "{M}", "--onto", "person", "--via", "meting"],
    ["disrupt", "{G}", "--layers", "nope"],
]
USAGE = [
    ["analyze", "{G}", "--measures", "betweeness"],
    ["render", "{G}", "--size-by", "betweeness"],
    ["timeline", "{G}", "--measure", "betweeness"],
    ["robust", "{G}", "--measure", "betweeness"],
    ["analyze", "{G}", "--signs", "hostile"],
    ["two-mode", "{M}", "--first", "person", "--engine", "nx"],
    ["export", "{G}", "-o", "{T}/x.txt"],
    ["one-mode", "{M}", "--onto", "person", "--via", "meeting", "-o", "{T}/x.txt"],
    ["timeline", "{G}", "-o", "{T}/x.gif"],
    ["convert", "{T}/edges.csv", "--columns", "from", "-o", "{T}/x.yaml"],
    ["one-mode", "{M}", "--onto", "person", "--via", "meeting", "--min-weight", "0"],
    ["render", "{G}", "--open"],
    ["robust", "{G}", "--drop", "1"],
]


@pytest.mark.parametrize(("argv", "status"), [(a, 1) for a in DATA] + [(a, 2) for a in USAGE])
def test_a_name_the_file_lacks_is_the_data_and_a_bad_command_line_is_usage(
    argv: list[str],
    status: int,
    graph: str,
    affiliations: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "edges.csv").write_text("Source,Target\na,b\n", encoding="utf-8")
    names = {"{G}": graph, "{M}": str(affiliations), "{T}": str(tmp_path)}
    filled = [names.get(a, a.replace("{T}", str(tmp_path))) for a in argv]
    assert main(filled) == status
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.strip()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edges.csv", "meetings.yaml"]  # nothing written


def test_an_output_whose_format_is_unknown_says_format(
    graph: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Defect 15: the command line's message names its flag, not the library's keyword."""
    assert main(["export", graph, "-o", str(tmp_path / "x.txt")]) == 2
    err = capsys.readouterr().err
    assert "--format" in err and "format=" not in err
    assert "graphml, gexf, json, xlsx, stix, ftm, yaml, csv, gephi" in err
    assert main(["export", graph, "-o", str(tmp_path / "x.txt"), "--format", "json"]) == 0


def test_the_module_runs_as_the_command(small: Path) -> None:
    for module in ("linkchart", "linkchart.cli"):
        result = subprocess.run(
            [sys.executable, "-m", module, "validate", str(small)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0 and "valid" in result.stdout


def test_a_reader_that_goes_away_is_no_error(graph: str) -> None:
    # `linkchart info FILE | head -1`: the pipe is closed before the command writes.
    proc = subprocess.Popen(
        [sys.executable, "-c", "import sys; from linkchart.cli import main; sys.exit(main())", "info", graph],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0
    assert "Traceback" not in err and "BrokenPipeError" not in err

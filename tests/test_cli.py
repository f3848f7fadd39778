"""Tests for linkchart.cli: every subcommand, exit codes, problems on stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import linkchart
from linkchart.cli import main

ROOT = Path(__file__).resolve().parents[1]
GRAPH = ROOT / "graphs" / "central_asia.yaml"
G = str(GRAPH)

GOOD = """\
linkchart: 1
title: Small
description: Two states and a movement.
sources: [{id: s, title: An article, author: A. Writer, location: "https://example.org/a"}]
nodes:
  - {id: IMT, type: organisation}
  - {id: Pakistan, type: state}
  - {id: Tajikistan, type: state}
  - {id: Lonely, type: person}
edges:
  - {from: Pakistan, relation: finances, to: IMT, confidence: alleged, time: 1999}
  - {from: Pakistan, relation: finances, to: IMT, time: "2001-2003"}
  - {from: Tajikistan, relation: shelters, to: IMT}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "g.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_a_good_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(write(tmp_path, GOOD))]) == 0
    out = capsys.readouterr().out
    assert "4 nodes, 3 edges" in out
    assert "  finances  2\n" in out and "  shelters  1\n" in out
    assert "  state         2\n" in out and "  organisation  1\n" in out


def test_validate_a_bad_file_prints_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = GOOD.replace('to: IMT, time: "2001', 'to: IMTT, time: "2001').replace("time: 1999", "time: 1990s")
    path = write(tmp_path, bad)
    assert main(["validate", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("2 problems found:\n")
    assert f"{path}:11: edges[0].time: '1990s' is not a time [bad-time]" in captured.err
    assert f"{path}:12: edges[1].to: unknown node 'IMTT' [unknown-node]" in captured.err
    assert "hint: did you mean 'IMT'?" in captured.err


def test_validate_json_lists_problems_as_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = GOOD.replace('to: IMT, time: "2001', 'to: IMTT, time: "2001')
    path = write(tmp_path, bad)
    assert main(["validate", str(path), "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["valid"] is False and [p["code"] for p in doc["problems"]] == ["unknown-node"]
    assert doc["problems"][0]["loc"] == ["edges", 1, "to"] and doc["problems"][0]["line"] == 12
    assert main(["validate", str(write(tmp_path, GOOD)), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc == {
        "file": str(tmp_path / "g.yaml"),
        "valid": True,
        "nodes": 4,
        "edges": 3,
        "problems": [],
        "warnings": [],
    }


def test_validate_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "none.yaml")]) == 1
    assert "[source-unreadable]" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["validate"]) == 2
    assert main(["frobnicate", "x"]) == 2
    assert "usage: linkchart" in capsys.readouterr().err


def test_info(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(write(tmp_path, GOOD))]) == 0
    out = capsys.readouterr().out
    assert out.startswith("title: Small\ndescription: Two states and a movement.\nsources: 1\n")
    assert "  s: An article; A. Writer <https://example.org/a>\n" in out
    assert "relations (taken as they appear): finances, shelters\n" in out
    assert "confidence: confirmed 0.95, reported 0.75, alleged 0.5, possible 0.25\n" in out
    assert "edges by confidence:\n  confirmed  2\n  alleged    1\n" in out
    assert "time span: 1999-2003 (2 dated edges, 1 undated)\n" in out
    assert "parallel edges: 2 " in out
    assert "isolated nodes: 1: Lonely\n" in out
    dated = GOOD.replace('"https://example.org/a"}', '"https://example.org/a", date: 2004}')  # a year
    dated = dated.replace("to: IMT}", "to: IMT, source: s}")
    assert main(["info", str(write(tmp_path, dated))]) == 0
    out = capsys.readouterr().out
    assert "time span: 1999-2003 (2 dated edges, 1 undated, 1 of them dated by their source's date)\n" in out


def test_info_of_the_central_asia_graph(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(GRAPH)]) == 0
    out = capsys.readouterr().out
    assert "smith: " in out and "borders (undirected)" in out


def test_the_console_script_module_runs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "linkchart.cli", "validate", str(write(tmp_path, GOOD))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "valid" in result.stdout


def test_a_reader_that_goes_away_is_no_error() -> None:
    # `linkchart info FILE | head -1`: the pipe is closed before the command writes.
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from linkchart.cli import main; sys.exit(main())",
            "info",
            str(GRAPH),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0
    assert "Traceback" not in err and "BrokenPipeError" not in err


# --------------------------------------------------------------------------- analyze
def test_prints_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", G, "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "The IMT network in Central Asia (Smith)\n44 nodes, 92 edges; engine: igraph; top 3\n"
    )
    assert "== betweenness:" in out and "== bridges:" in out and "== brokerage" in out
    assert "  1  Islamic Movement of Turkestan [IMT] " in out


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", G, "--json", "--top", "2", "--measures", "degree", "brokerage"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["measure"] for r in data["rankings"]] == ["degree"]
    assert [x["node"] for x in data["rankings"][0]["overall"]] == ["IMT", "JUI"]
    assert data["brokers"] and data["bridges"] == []


def test_markdown_and_relations(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["analyze", G, "--markdown", "--relations", "borders", "located_in", "--measures", "degree"])
        == 0
    )
    out = capsys.readouterr().out
    assert "of relations not asked for" in out and "| # | node | type | degree |" in out


def test_csv_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "tables"
    assert main(["analyze", G, "--csv", str(folder), "--top", "2"]) == 0
    captured = capsys.readouterr()
    assert "wrote 4 CSV files" in captured.err and "== degree" in captured.out
    assert sorted(p.name for p in folder.iterdir()) == [
        "articulation_points.csv",
        "bridges.csv",
        "brokers.csv",
        "rankings.csv",
    ]
    header = (folder / "rankings.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "measure,scope,rank,node,label,type,value,note"


def test_bad_file_prints_located_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "linkchart: 1\ntitle: t\nnodes:\n  - {id: Tajikistan, type: state}\n"
        "edges:\n  - {from: Tajikstan, relation: borders, to: Tajikistan}\n",
        encoding="utf-8",
    )
    assert main(["analyze", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.yaml:6" in err and "unknown-node" in err and "did you mean 'Tajikistan'" in err


def test_usage_and_name_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", G, "--top", "0"]) == 2
    assert "must be a positive whole number, not 0" in capsys.readouterr().err
    assert main(["analyze", G, "--measures", "betweeness"]) == 2
    assert "did you mean 'betweenness'" in capsys.readouterr().err
    assert main(["analyze", G, "--relations", "help"]) == 1
    assert "did you mean 'helps'" in capsys.readouterr().err
    assert main(["analyze", G, "--partition", "contry"]) == 1
    assert "did you mean 'country'" in capsys.readouterr().err
    assert main(["analyze", G, "--json", "--markdown"]) == 2
    assert main(["analyze", str(Path(G).with_name("missing.yaml"))]) == 1


def test_runs_as_a_console_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "linkchart.cli", "analyze", G, "--top", "1", "--measures", "pagerank"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "== pagerank:" in done.stdout


# --------------------------------------------------------------------------- render
def test_render_writes_the_same_page_as_the_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "chart.html"
    assert main(["render", G, "-o", str(out), "--highlight", "all", "--seed", "3"]) == 0
    chart = linkchart.load(G)
    assert out.read_text(encoding="utf-8") == linkchart.render_html(chart, highlight=True, seed=3)
    err = capsys.readouterr().err
    assert f"({chart.number_of_nodes} nodes, {chart.number_of_edges} edges)" in err


def test_render_without_output_prints_the_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", G, "--size-by", "none", "--color-by", "community"]) == 0
    chart = linkchart.load(G)
    assert capsys.readouterr().out == linkchart.render_html(chart, size_by=None, color_by="community")


def test_render_a_view(tmp_path: Path) -> None:
    out = tmp_path / "new" / "folder" / "view.html"  # missing folders are made, as by write_html
    assert main(["render", G, "-o", str(out), "--min-confidence", "reported", "--types", "state",
                 "organisation", "--size-by", "degree"]) == 0  # fmt: skip
    view = linkchart.load(G).filter(min_confidence="reported", node_types=["state", "organisation"])
    assert out.read_text(encoding="utf-8") == linkchart.render_html(view, size_by="degree")


def test_an_unknown_measure_is_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "chart.html"
    assert main(["render", G, "-o", str(out), "--size-by", "betweeness"]) == 2
    assert "did you mean 'betweenness'" in capsys.readouterr().err
    assert not out.exists()


def test_open_asks_for_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", G, "--open"]) == 2
    assert "--open needs -o" in capsys.readouterr().err


def test_open_opens_the_written_file_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    import webbrowser

    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    out = tmp_path / "chart.html"
    assert main(["render", G, "-o", str(out), "--open", "--size-by", "degree"]) == 0
    assert opened == [out.resolve().as_uri()]


def test_layers_and_signs_choose_the_reading(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", G, "--json", "--measures", "betweenness", "--top", "3"]) == 0
    default = json.loads(capsys.readouterr().out)
    assert (
        default["reading"].startswith("read on 18 of 92 ties")
        and default["parameters"]["signs"] == "positive"
    )
    argv = [
        "analyze",
        G,
        "--json",
        "--measures",
        "betweenness",
        "--top",
        "3",
        "--layers",
        "all",
        "--signs",
        "all",
    ]
    assert main(argv) == 0
    everything = json.loads(capsys.readouterr().out)
    assert everything["reading"].startswith("read on 91 of 92 ties")  # all but the one example
    assert "Pakistan" in [x["node"] for x in everything["rankings"][0]["overall"]]
    assert "Pakistan" not in [x["node"] for x in default["rankings"][0]["overall"]]
    assert main(["analyze", G, "--layers", "politcal"]) == 1
    assert "did you mean 'political'" in capsys.readouterr().err
    assert main(["analyze", G, "--signs", "hostile"]) == 2
    capsys.readouterr()
    assert main(["analyze", G, "--firm", "none", "--measures", "bridges"]) == 0
    assert "Confidence:" not in capsys.readouterr().out


def test_render_reads_layers_and_signs(tmp_path: Path) -> None:
    default, everything = tmp_path / "a.html", tmp_path / "b.html"
    assert main(["render", G, "-o", str(default)]) == 0
    assert main(["render", G, "-o", str(everything), "--signs", "all", "--layers", "all"]) == 0
    assert default.read_text(encoding="utf-8") != everything.read_text(encoding="utf-8")
    assert "read on 91 of 92 ties" in everything.read_text(encoding="utf-8")


def test_validate_prints_warnings_located_and_stays_valid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "linkchart: 1\ntitle: Lives\nnodes:\n  - {id: a, type: person, time: 1994-}\n"
        "  - {id: b, type: person}\nedges:\n  - {from: a, relation: r, to: b, time: 1990-03}\n"
    )
    path = write(tmp_path, text)
    assert main(["validate", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(f"{path}: valid")
    assert captured.err.startswith(f"warning: {path}:7: edges[0].time: the tie dated 1990-03 lies outside")
    assert "[outside-lifespan]" in captured.err and "hint:" in captured.err
    assert main(["validate", str(path), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["valid"] is True and [w["code"] for w in doc["warnings"]] == ["outside-lifespan"]


def test_timeline_prints_the_top_per_period_and_plots(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plot = tmp_path / "timeline.png"
    # 1 of the 22 ties read is dated: declined, with the reason, and nothing drawn
    assert main(["timeline", G, "--measure", "degree", "-o", str(plot)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("degree over time: not shown: only 1 of 18 ties read is dated (6%")
    assert not plot.exists() and f"nothing drawn: {plot} not written" in captured.err
    assert main(["timeline", G, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["dating"]["dated"] == 1
    g0 = [G, "--min-dated", "0"]
    assert main(["timeline", *g0, "--measure", "degree", "--top", "2", "-o", str(plot)]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].startswith("degree over time (top 2 per period")
    assert [line.split()[0] for line in lines[1:]] == ["1997", "1998", "1999", "2000"]
    assert "Islamic Movement of Turkestan" in lines[3]  # labels, not ids
    assert plot.read_bytes().startswith(b"\x89PNG") and f"wrote {plot}" in captured.err
    assert main(["timeline", *g0, "--every", "2", "--normalized", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["measure"] == "betweenness" and len(data["periods"]) == 2
    assert data["options"]["normalized"] is True
    assert main(["timeline", *g0, "--periods", "1999", "1997/1998", "--dated-only"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in out[1:]] == ["1999", "1997/1998"]
    assert main(["timeline", G, "--every", "week"]) == 2
    assert "choose year, month, periods or a number, not 'week'" in capsys.readouterr().err
    assert main(["timeline", G, "-o", str(tmp_path / "x.gif")]) == 1


def test_robust_prints_intervals_and_p_top(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["robust", G, "--measure", "betweenness", "--draws", "300"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("betweenness: how sure is the top 5? 300 draws") and "P(top 5)" in out
    assert "IMT" in out and "1-1" in out
    assert (
        main(["robust", G, "--json", "--draws", "50", "--model", "missing", "--drop", "0.2", "--top", "3"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["parameters"]["model"] == "missing" and data["top"] == 3 and data["rows"][0]["node"] == "IMT"
    assert main(["robust", G, "--measure", "bridges"]) == 2  # not a per-node measure
    capsys.readouterr()


def test_ego_views_in_analyze_and_render(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", G, "--ego", "Rakhmonov", "--measures", "degree", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    ego = linkchart.load(G).ego("Emomali Rakhmonov")
    assert data["nodes"] == ego.number_of_nodes < 48
    out = tmp_path / "ego.html"
    assert main(["render", G, "--ego", "IMU", "--radius", "1", "-o", str(out)]) == 0
    assert f"({linkchart.load(G).ego('IMT').number_of_nodes} nodes" in capsys.readouterr().err
    assert main(["analyze", G, "--ego", "Rakhmonv"]) == 1
    assert "did you mean" in capsys.readouterr().err


def test_path_prints_an_evidence_chain(capsys: pytest.CaptureFixture[str]) -> None:
    # (Kyrgyzstan, the chain of round 2, is reached only by hostile and neutral ties since issue 18)
    assert main(["path", G, "JUI", "Tahir Yoldash"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("JUI to Tahir Yoldash: ")
    assert "JUI > IMT > Tahir Yoldash" in out and '"Patronage of the Pakistani Jamaat-e-Ulema-e-Islam' in out
    assert main(["path", G, "IMU", "Tahir Yoldash", "--json", "--k", "1"]) == 0
    assert json.loads(capsys.readouterr().out)["paths"][0]["nodes"] == ["IMT", "Tahir Yoldash"]
    assert main(["path", G, "JUI", "Kyrgystan"]) == 1
    assert "did you mean 'Kyrgyzstan'" in capsys.readouterr().err


def test_disrupt_writes_the_curves(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    svg, png = tmp_path / "curves.svg", tmp_path / "curves.png"
    assert main(["disrupt", G, "-o", str(svg), "--steps", "3", "--runs", "5"]) == 0
    out = capsys.readouterr().out
    assert "betweenness: remove one node per step" in out and "random" in out and "IMT" in out
    assert svg.read_bytes().startswith(b"<?xml")
    assert main(["disrupt", G, "-o", str(png), "--steps", "2", "--strategies", "degree"]) == 0
    assert png.read_bytes().startswith(b"\x89PNG")
    capsys.readouterr()
    assert main(["disrupt", G, "-o", G]) == 1  # never over an input
    assert "input" in capsys.readouterr().err


# ---------------------------------------------------------------------------- one-mode and two-mode
AFFILIATIONS = """\
linkchart: 1
title: Meetings
node_types:
  person: {class: agent}
  meeting: {class: event}
relations:
  attended: {layer: event}
  knows: {directed: false, layer: social}
analysis: {layers: [social]}
nodes:
  - {id: Ann, type: person}
  - {id: Bea, type: person}
  - {id: Cid, type: person}
  - {id: M1, type: meeting, time: 2004-09-01}
  - {id: M2, type: meeting}
edges:
  - {from: Ann, relation: attended, to: M1, evidence: Ann chaired it.}
  - {from: Bea, relation: attended, to: M1}
  - {from: Bea, relation: attended, to: M2}
  - {from: Cid, relation: attended, to: M2}
  - {from: Ann, relation: knows, to: Cid}
"""


def test_one_mode_prints_the_pairs_and_writes_the_projection(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, AFFILIATIONS)
    assert main(["one-mode", str(path), "--onto", "person", "--via", "meeting"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Meetings: person through shared meeting: 3 nodes, 2 tied pairs\n")
    assert "Ann - Bea" in out and "M1" in out and "Ann - Cid" not in out  # knows is no affiliation
    out_file = tmp_path / "p.yaml"
    assert (
        main(
            [
                "one-mode",
                str(path),
                "--onto",
                "agent",
                "--via",
                "event",
                "--weighting",
                "newman",
                "-o",
                str(out_file),
            ]
        )
        == 0
    )
    assert "wrote" in capsys.readouterr().err
    p = linkchart.load(out_file)
    assert p.edge("e0").evidence == 'Ann attended M1: "Ann chaired it."' and p.edge("e0").time is not None
    assert (
        main(["one-mode", str(path), "--onto", "person", "--via", "meeting", "--json", "--min-weight", "2"])
        == 0
    )
    assert json.loads(capsys.readouterr().out)["ties"] == []
    assert main(["one-mode", str(path), "--onto", "person", "--via", "meting"]) == 1
    assert "did you mean 'meeting'" in capsys.readouterr().err
    assert main(["one-mode", str(path), "--onto", "person", "--via", "meeting", "-o", str(path)]) == 1
    assert "will not write over" in capsys.readouterr().err


def test_two_mode_ranks_each_side(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, AFFILIATIONS)
    assert main(["info", str(path)]) == 0
    assert "node types: person (agent), meeting (event)\n" in capsys.readouterr().out
    assert main(["two-mode", str(path), "--measure", "degree", "--first", "person"]) == 0
    out = capsys.readouterr().out
    assert "two-mode degree (Borgatti & Everett normalised)" in out
    assert "first side (person):\n  Bea " in out and "second side (meeting):" in out
    assert main(["two-mode", str(path), "--first", "person", "--json", "--raw"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["measure"] == "two_mode_betweenness" and doc["first"][0] == {"node": "Bea", "value": 4.0}
    assert main(["two-mode", str(path), "--first", "persons"]) == 1


def test_render_draws_the_context_as_asked(tmp_path: Path) -> None:
    out = tmp_path / "hidden.html"
    assert main(["render", G, "-o", str(out), "--context", "hidden"]) == 0
    assert out.read_text(encoding="utf-8") == linkchart.render_html(linkchart.load(G), context="hidden")
    assert out.read_text(encoding="utf-8") != linkchart.render_html(linkchart.load(G))

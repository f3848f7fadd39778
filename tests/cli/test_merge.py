"""``linkchart merge``, ``conflicts`` and ``diff`` on the split Krebs network."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
import yaml

from linkchart import LoadError, load
from linkchart.cli import main

ROOT = Path(__file__).resolve().parents[2]
SPLIT = ROOT / "examples" / "data" / "split"
A, B = str(SPLIT / "source_a.yaml"), str(SPLIT / "source_b.yaml")


@pytest.fixture
def decisions(tmp_path: Path) -> Path:
    """The split's respellings as ``same_as`` decisions, in a decisions file."""
    truth = yaml.safe_load((SPLIT / "truth.yaml").read_text(encoding="utf-8"))
    entries = [{"same_as": [v["original"], v["b"]], "by": "test"} for v in truth["variants"] if v["in_a"]]
    path = tmp_path / "decisions.yaml"
    path.write_text(yaml.safe_dump({"decisions": entries}), encoding="utf-8")
    return path


def test_merge_writes_the_merged_chart_and_says_what_it_did(
    decisions: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "merged.yaml"
    assert main(["merge", A, B, "-o", str(out), "--decisions", str(decisions)]) == 0
    err = capsys.readouterr().err
    assert "merged: 60 nodes, 128 edges, 2 sources; 17 nodes joined" in err  # 175 edges, 47 joined
    assert "47 claims of both charts joined into one edge" in err
    assert "joined Mohamed Atta: Mohamed Ata" in err and f"wrote {out}" in err
    chart = load(out)
    assert main(["info", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["conflicts"] == {"sign": 3}
    original = load(ROOT / "examples" / "data" / "krebs_911" / "krebs_911.yaml")
    assert set(chart.node_ids) == set(original.node_ids)
    assert "Mohamed Ata" in chart.node("Mohamed Atta").aliases

    assert main(["conflicts", str(out), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["counts"] == {"sign": 3} and {tuple(x["sources"]) for x in doc["conflicts"]} == {("a", "b")}
    assert main(["conflicts", str(out)]) == 0
    assert capsys.readouterr().out.startswith("3 conflicts between sources (3 sign)")
    assert main(["conflicts", A, "--decisions", str(decisions)]) == 0  # names B's nodes too
    captured = capsys.readouterr()
    assert captured.out == "no conflicts between sources\n"
    assert "warning: " in captured.err and "unknown node 'al-Shehri, Mohand'" in captured.err


def test_merge_json_and_matches(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "m.yaml"
    argv = ["merge", A, B, "-o", str(out), "--matches", "Mohamed Ata=Mohamed Atta", "--json"]
    assert main(argv) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] is True and doc["wrote"] == [str(out)]
    assert doc["joined"] == [{"id": "Mohamed Atta", "ids": ["Mohamed Atta", "Mohamed Ata"]}]
    assert doc["nodes"] == 76 and doc["renamed"]["edges"]["e0"] == "e0-2"
    assert main(["merge", A, B, "-o", str(out), "--matches", "Mohamed Ata"]) == 2
    assert "B_ID=A_ID" in capsys.readouterr().err
    assert (
        main(["merge", A, B, "-o", str(out), "--matches", "Nobody=Mohamed Atta"]) == 1
    )  # a name the file lacks
    assert "the second chart has no node 'Nobody'" in capsys.readouterr().err
    twice = ["--matches", "Mohamed Ata=Mohamed Atta", "--matches", "Mohamed Ata=Marwan al-Shehhi"]
    assert main(["merge", A, B, "-o", str(out), *twice]) == 2  # never the last match said
    assert "--matches names 'Mohamed Ata' twice" in capsys.readouterr().err


def test_a_bad_decisions_file_is_every_problem_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "d.yaml"
    bad.write_text("decisions:\n  - {same_as: [A], who: me}\n", encoding="utf-8")
    assert main(["merge", A, B, "-o", str(tmp_path / "m.yaml"), "--decisions", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "d.yaml:2: decisions[0].who: unknown field 'who'" in err and "at least two nodes" in err
    other = tmp_path / "o.yaml"
    other.write_text("nodes: []\n", encoding="utf-8")
    assert main(["conflicts", A, "--decisions", str(other), "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] is False and "one key, decisions:" in doc["errors"][0]["message"]
    assert main(["conflicts", A, "--decisions", str(tmp_path / "none.yaml")]) == 1
    assert "cannot read the decisions file" in capsys.readouterr().err
    assert not (tmp_path / "m.yaml").exists()


def test_merge_never_writes_over_its_decisions_file_nor_another_input(
    decisions: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = decisions.read_bytes()
    for out in (decisions, Path(A), Path(B)):
        assert main(["merge", A, B, "--decisions", str(decisions), "-o", str(out)]) == 1
        assert "will not write over" in capsys.readouterr().err
    assert decisions.read_bytes() == before
    assert not {p.name for p in tmp_path.iterdir()} - {"decisions.yaml"}


def test_diff_of_a_file_and_itself_and_of_two_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", A, A]) == 0
    assert capsys.readouterr().out == "no differences\n"
    assert main(["diff", A, A, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["same"] is True
    assert main(["diff", A, B, "--json", "--top", "3", "--measures", "degree", "betweenness"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["same"] is False and doc["a"] == A and doc["top"] == 3
    assert "Mohamed Ata" in doc["nodes"]["added"] and "Mohamed Atta" in doc["nodes"]["removed"]
    assert {r["measure"] for r in doc["ranks"]} <= {"degree", "betweenness"}
    assert main(["diff", A, B, "--measures", "degre"]) == 2


def test_sources_local_texts_stay_found_and_one_id_in_two_folders_is_two_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, quote in (("a", "Namangani led the IMU"), ("b", "the IMU's commander, Namangany")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "report.txt").write_text(f"In 1999 {quote}, the report says.", encoding="utf-8")
        (folder / "g.yaml").write_text(
            "linkchart: 1\ntitle: t\nsources: [{id: r, title: Report, location: report.txt}]\n"
            "nodes: [{id: Namangani, type: person}, {id: IMU, type: organisation}]\n"
            f'edges: [{{from: Namangani, relation: leads, to: IMU, source: r, evidence: "{quote}"}}]\n',
            encoding="utf-8",
        )
    out = tmp_path / "merged.yaml"
    argv = ["merge", str(tmp_path / "a" / "g.yaml"), str(tmp_path / "b" / "g.yaml"), "-o", str(out)]
    assert main(argv) == 0
    assert "source id 'r' names two documents" in capsys.readouterr().err
    chart = load(out)  # every quote checked again, each against its own source's text
    assert [(s.id, s.location) for s in chart.sources] == [("r", "a/report.txt"), ("r-2", "b/report.txt")]
    [edge] = chart.iter_edges()  # one claim: one edge, each item's quote found in its own source
    assert [(it.source, it.quote) for it in edge.evidence_items] == [
        ("r", "Namangani led the IMU"),
        ("r-2", "the IMU's commander, Namangany"),
    ]
    before = (tmp_path / "b" / "g.yaml").read_bytes()
    assert main([*argv[:3], "-o", argv[2]]) == 1  # never written over an input
    assert (
        "will not write over" in capsys.readouterr().err
        and (tmp_path / "b" / "g.yaml").read_bytes() == before
    )


@pytest.mark.parametrize("name", ["merged.yaml", "merged.graphml", "tables"])
def test_charts_from_sibling_folders_merge_into_a_file_that_checks_every_quote_again(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder, quote in (("p", "Alice paid Bob"), ("q/deep", "Alice paid Bob in cash")):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "src.txt").write_text(f"{quote}.", encoding="utf-8")
        (tmp_path / folder / "g.yaml").write_text(
            "linkchart: 1\ntitle: t\nsources: [{id: s, location: src.txt}]\n"
            "nodes: [{id: Alice, type: person}, {id: Bob, type: person}]\n"
            f"edges: [{{from: Alice, relation: pays, to: Bob, source: s, evidence: [{{quote: {quote}}}]}}]\n",
            encoding="utf-8",
        )
    out = tmp_path / "p" / name
    argv = ["merge", str(tmp_path / "p" / "g.yaml"), str(tmp_path / "q" / "deep" / "g.yaml"), "-o", str(out)]
    assert main(argv) == 0
    capsys.readouterr()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no evidence-unchecked: every text came with the file
        chart = load(out / "chart.yaml" if name == "tables" else out)
    assert [s.unchecked for s in chart.sources] == ["", ""]
    [edge] = chart.iter_edges()
    assert [(it.source, it.quote) for it in edge.evidence_items] == [
        ("s", "Alice paid Bob"),
        ("s-2", "Alice paid Bob in cash"),
    ]
    if name == "merged.yaml":  # checked again: a quote changed in the file is found out
        written = out.read_text(encoding="utf-8")
        out.write_text(written.replace("quote: Alice paid Bob in cash", "quote: Alice paid Bob twice"))
        with pytest.raises(
            LoadError, match="'Alice paid Bob twice' does not occur in the text of source 's-2'"
        ):
            load(out)
        assert main([*argv[:-1], str(tmp_path / "p" / "plain.yaml"), "--no-embed-sources"]) == 0
        with pytest.warns(UserWarning, match="its quotes were not checked"):
            load(tmp_path / "p" / "plain.yaml")


def test_the_shipped_decisions_are_the_splits_respellings(decisions: Path) -> None:
    from linkchart.cli.commands._decisions import read_decisions

    shipped = read_decisions(str(SPLIT / "decisions.yaml"))
    made = read_decisions(str(decisions))
    assert [d.nodes for d in shipped.entries] == [d.nodes for d in made.entries]
    assert len(shipped.groups) == 17 and all(d.same and d.why for d in shipped.entries)

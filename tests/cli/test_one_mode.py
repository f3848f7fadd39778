"""``linkchart one-mode``: the pairs of a projection, or the projection written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import linkchart
from linkchart.cli import main


def test_prints_the_pairs_and_writes_the_projection(
    affiliations: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(affiliations)
    assert main(["one-mode", path, "--onto", "person", "--via", "meeting"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Meetings: person through shared meeting: 3 nodes, 2 tied pairs\n")
    assert "Ann - Bea" in out and "M1" in out and "Ann - Cid" not in out  # knows is no affiliation
    out_file = tmp_path / "p.yaml"
    argv = ["one-mode", path, "--onto", "agent", "--via", "event", "--weighting", "newman"]
    assert main([*argv, "-o", str(out_file)]) == 0
    assert "wrote" in capsys.readouterr().err
    p = linkchart.load(out_file)
    assert p.edge("e0").evidence == 'Ann attended M1: "Ann chaired it."' and p.edge("e0").time is not None
    argv = ["one-mode", path, "--onto", "person", "--via", "meeting", "--json", "--min-weight", "2"]
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out)["ties"] == []
    assert main(["one-mode", path, "--onto", "person", "--via", "meting"]) == 1  # a type the file lacks
    assert "did you mean 'meeting'" in capsys.readouterr().err
    assert main(["one-mode", path, "--onto", "person", "--via", "meeting", "-o", path]) == 1
    assert "will not write over" in capsys.readouterr().err


def test_min_weight_is_checked_as_the_library_checks_it(
    affiliations: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Defect 15: 0 passed the command line and then failed in the library, in its words."""
    base = ["one-mode", str(affiliations), "--onto", "person", "--via", "meeting", "--min-weight"]
    for bad in ("0", "-1", "nan", "inf"):
        assert main([*base, bad]) == 2
        err = capsys.readouterr().err
        assert f"argument --min-weight: must be a positive number, not '{bad}'" in err, err
    assert main([*base, "0.5"]) == 0


def test_json_with_an_output_says_what_was_written(
    affiliations: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "p.graphml"
    assert (
        main(
            ["one-mode", str(affiliations), "--onto", "person", "--via", "meeting", "-o", str(out), "--json"]
        )
        == 0
    )
    doc = json.loads(capsys.readouterr().out)
    assert doc == {"ok": True, "wrote": [str(out)], "nodes": 3, "edges": 2, "pairs": 2}
    assert linkchart.load(out).number_of_edges == 2

"""``linkchart path``: the chains of quoted ties from A to B; exit 1 when there is none."""

from __future__ import annotations

import json

import pytest

from linkchart.cli import main


def test_prints_an_evidence_chain(graph: str, capsys: pytest.CaptureFixture[str]) -> None:
    # (Kyrgyzstan, the chain of round 2, is reached only by hostile and neutral ties since issue 18)
    assert main(["path", graph, "JUI", "Tahir Yoldash"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("JUI to Tahir Yoldash: ")
    assert "JUI > IMT > Tahir Yoldash" in out and '"Patronage of the Pakistani Jamaat-e-Ulema-e-Islam' in out
    assert main(["path", graph, "IMU", "Tahir Yoldash", "--json", "--k", "1"]) == 0
    assert json.loads(capsys.readouterr().out)["paths"][0]["nodes"] == ["IMT", "Tahir Yoldash"]
    assert main(["path", graph, "JUI", "Kyrgystan"]) == 1  # a name the file lacks: the data
    assert "did you mean 'Kyrgyzstan'" in capsys.readouterr().err
    assert main(["path", graph, "JUI", "IMT", "--by", "hop"]) == 2  # a choice that does not exist
    assert "invalid choice: 'hop'" in capsys.readouterr().err

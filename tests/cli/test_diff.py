"""``linkchart diff A B -o OUT.html`` and ``linkchart render B --diff A``: the page of B with the
diff from A drawn on it, the text and ``--json`` output kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import linkchart
from linkchart.cli import main
from linkchart.render.html import compared, page_spec, render_page

ROOT = Path(__file__).resolve().parents[2]
SPLIT = ROOT / "examples" / "data" / "split"
A, B = str(SPLIT / "source_a.yaml"), str(SPLIT / "source_b.yaml")


def test_diff_writes_the_page_of_b_with_the_one_diff_it_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "diff.html"
    assert main(["diff", A, B, "-o", str(out), "--measures", "degree"]) == 0
    captured = capsys.readouterr()
    a, b = linkchart.load(A), linkchart.load(B)
    found = linkchart.diff(a, b, measures=["degree"])
    assert captured.out == found.text()  # the text output is as it was
    assert f"wrote {out}" in captured.err
    expected = render_page(b, page_spec(), changes=compared(a, b, found))
    assert out.read_text(encoding="utf-8") == expected
    assert '"diff":{' in expected and "Mohamed Atta" in expected  # a removed node, drawn as a ghost


def test_diff_json_with_a_page_says_what_it_wrote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "diff.html"
    assert main(["diff", A, B, "-o", str(out), "--json", "--measures", "degree"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["same"] is False and doc["wrote"] == [str(out)] and out.exists()
    assert main(["diff", A, A, "--json"]) == 0
    assert "wrote" not in json.loads(capsys.readouterr().out)


def test_diff_never_writes_over_an_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    copy = tmp_path / "b.yaml"
    copy.write_bytes(Path(B).read_bytes())
    assert main(["diff", A, str(copy), "-o", str(copy), "--measures", "degree"]) == 1
    assert copy.read_bytes() == Path(B).read_bytes()
    assert "b.yaml" in capsys.readouterr().err


def test_render_diff_takes_every_page_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "page.html"
    assert main(["render", B, "--diff", A, "-o", str(out), "--size-by", "degree", "--seed", "2"]) == 0
    a, b = linkchart.load(A), linkchart.load(B)
    assert out.read_text(encoding="utf-8") == linkchart.render_html(
        b, diff_against=a, size_by="degree", seed=2
    )
    assert "wrote" in capsys.readouterr().err


def test_render_diff_is_for_the_page_not_a_figure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", B, "--diff", A, "-o", str(tmp_path / "f.svg")]) == 2
    assert "--diff draws on the page" in capsys.readouterr().err
    assert not (tmp_path / "f.svg").exists()

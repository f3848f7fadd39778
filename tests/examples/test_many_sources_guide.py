"""docs/many_sources.md's walk-through runs: each command between its markers is run (in a
folder holding copies of the split data), exits 0, and prints each excerpt the guide shows
(whitespace aside; ``...`` marks what the guide leaves out)."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from linkchart.cli import main

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "many_sources.md"
SETUP = "mkdir work && cp examples/data/split/*.yaml work/ && cd work"


def walk_through() -> list[tuple[str, list[str]]]:
    """The walk-through's commands, each with the excerpts of its output the guide shows."""
    text = GUIDE.read_text(encoding="utf-8")
    body = text.split("<!-- walk-through: begin")[1].split("<!-- walk-through: end -->")[0]
    steps: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", body, flags=re.S):
        for part in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, shown = part.partition("\n")
            excerpts = [" ".join(x.split()) for x in re.split(r"^\.\.\.$", shown, flags=re.M)]
            steps.append((command.strip(), [x for x in excerpts if x]))
    return steps


def test_the_guide_has_a_walk_through_from_two_files_to_a_report() -> None:
    verbs = [shlex.split(c)[1] for c, _ in walk_through() if c.startswith("linkchart ")]
    assert verbs == ["dedupe", "dedupe", "merge", "conflicts", "diff", "analyze", "analyze"]
    assert walk_through()[0] == (SETUP, [])


def test_every_command_of_the_walk_through_runs_and_prints_what_the_guide_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    for f in (ROOT / "examples" / "data" / "split").glob("*.yaml"):
        shutil.copy(f, work)
    monkeypatch.chdir(work)
    for command, excerpts in walk_through()[1:]:
        argv = shlex.split(command)
        assert argv[0] == "linkchart", command
        assert main(argv[1:]) == 0, command
        out = capsys.readouterr()
        printed = " ".join((out.out + "\n" + out.err).split())
        for excerpt in excerpts:
            assert excerpt in printed, f"{command}: the guide shows what it does not print:\n{excerpt}"

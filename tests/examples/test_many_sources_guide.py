"""docs/many_sources.md's examples run: each command of its walk-through (in a folder holding
copies of the split data) exits 0 and prints each excerpt the guide shows (whitespace aside;
``...`` marks what the guide leaves out); its Python examples run, in order, in one namespace
from the repository's root, a ``>>>`` example printing what it shows."""

from __future__ import annotations

import doctest
import re
import shlex
import shutil
from pathlib import Path

import pytest

from linkchart.analysis.conflicts import Conflicts
from linkchart.analysis.diff import Diff
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


@pytest.mark.filterwarnings("ignore::linkchart.MergeWarning")  # merge() says its renames
def test_the_python_examples_run_in_order(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocks = re.findall(r"```python\n(.*?)```", GUIDE.read_text(encoding="utf-8"), flags=re.S)
    assert len(blocks) >= 5
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    for k, block in enumerate(blocks):
        if block.startswith(">>>"):
            test = doctest.DocTestParser().get_doctest(block, namespace, f"python example {k}", str(GUIDE), 0)
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
            runner.run(test, out=lambda _: None)
            assert runner.summarize(verbose=False).failed == 0, block
        else:
            exec(compile(block, f"{GUIDE}: python example {k}", "exec"), namespace)
    capsys.readouterr()
    found, d = namespace["found"], namespace["d"]
    assert isinstance(found, Conflicts) and found.counts() == {"sign": 3}  # as the guide says
    assert isinstance(d, Diff) and d.nodes_added == ("Majed Moqed",) and d.sources_added == ("b",)

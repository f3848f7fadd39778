"""Progress on a terminal: each verb that can run long shows its stage, the time so far and a
bar on standard error when it is a terminal (a pseudo-terminal here), and nothing in a pipe.

The checks are conditions on what was written, never timings.
"""

from __future__ import annotations

import fcntl
import io
import os
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from linkchart.cli import main
from linkchart.cli.progress import Stages

ROOT = Path(__file__).resolve().parents[2]
BAR = re.compile(r"\[[#.]{28}\] +\d+% \d+/\d+ +\d+\.\ds")
"""A drawn progress line's bar, share, counts and elapsed time."""


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_stages_draw_each_stage_and_erase_the_line() -> None:
    screen = Terminal()
    stages = Stages("analyze", screen, every=3600)  # no redraw from the clock during this test
    stages.expect(2)
    with stages.stage("loading g.yaml"):
        pass
    with stages.stage("the report", draws_own=True):  # the library draws its own line: ours is erased
        screen.write("\rreport: degree [...]\n")
    with stages.stage("writing x.csv"):
        pass
    stages.finish()
    text = screen.getvalue()
    draws = [d for d in text.split("\r") if d.strip()]
    assert draws[0].startswith("analyze: loading g.yaml [............................]   0% 0/2")
    assert BAR.search(draws[0])
    assert "report: degree" in text
    assert any(d.startswith("analyze: writing x.csv [####") for d in draws)
    assert text.endswith("\r")  # the last line is erased: what follows starts on a clean line
    assert not stages.enabled
    with stages.stage("after the end"):  # nothing more is drawn once finished
        pass
    assert screen.getvalue() == text


def test_stages_are_silent_when_not_on_a_terminal() -> None:
    log = io.StringIO()
    stages = Stages("render", log)
    with stages.stage("loading g.yaml"):
        stages.clear()
    stages.finish()
    assert log.getvalue() == "" and not stages.enabled


def test_a_long_stage_name_is_cut_to_fit_the_line() -> None:
    screen = Terminal()
    stages = Stages("export", screen, every=3600)
    with stages.stage("writing " + "x" * 500):
        pass
    stages.finish()
    first = screen.getvalue().split("\r")[1]
    assert len(first) < 100 and "..." in first and BAR.search(first)


def _run(argv: list[str], *, tty: bool, cwd: Path) -> tuple[int, str, str]:
    """Run ``linkchart argv`` with standard error on a pseudo-terminal (or a pipe); its exit
    status, standard output and standard error."""
    out_path = cwd / "stdout.txt"
    with out_path.open("wb") as out:
        if not tty:
            done = subprocess.run(
                [sys.executable, "-m", "linkchart", *argv],
                stdout=out,
                stderr=subprocess.PIPE,
                cwd=cwd,
                check=False,
            )
            return done.returncode, out_path.read_text(encoding="utf-8"), done.stderr.decode()
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 200, 0, 0))  # 200 columns
        proc = subprocess.Popen([sys.executable, "-m", "linkchart", *argv], stdout=out, stderr=slave, cwd=cwd)
        os.close(slave)
        chunks: list[bytes] = []
        deadline = time.monotonic() + 600  # a guard against a hang, not a measure
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 1.0)
            if not ready:
                if proc.poll() is not None:
                    break
                continue
            try:
                data = os.read(master, 65536)
            except OSError:  # the terminal closed: the command ended
                break
            if not data:
                break
            chunks.append(data)
        os.close(master)
        code = proc.wait(timeout=60)
    return code, out_path.read_text(encoding="utf-8"), b"".join(chunks).decode()


# every verb that can run long, with a stage it draws and (where the library draws its own) that line
VERBS = [
    (["analyze", "{G}", "--top", "2"], "loading central_asia.yaml", "report: "),
    (["render", "{G}", "-o", "page.html"], "the page", None),
    (["render", "{G}", "-o", "figure.svg"], "drawing figure.svg", None),
    (["robust", "{G}", "--draws", "30"], "loading central_asia.yaml", "betweenness, 30 draws"),
    (
        ["timeline", "{G}", "--min-dated", "0", "--measure", "degree"],
        "loading central_asia.yaml",
        "degree over 4 periods",
    ),
    (["disrupt", "{G}", "--steps", "2", "--runs", "2"], "removing by random", None),
    (["one-mode", "{M}", "--onto", "person", "--via", "meeting"], "projecting", None),
    (["two-mode", "{M}", "--first", "person"], "two-mode betweenness", None),
    (["dedupe", "{G}", "{M}"], "comparing names and neighbours", None),
    (["export", "{G}", "-o", "chart.graphml"], "writing chart.graphml", None),
    (["validate", "{G}"], "loading central_asia.yaml", None),
]


@pytest.mark.parametrize(
    ("argv", "stage", "library"), VERBS, ids=[" ".join(v[0][:1] + v[0][2:3]) for v in VERBS]
)
def test_a_terminal_shows_the_stages_a_pipe_nothing(
    argv: list[str],
    stage: str,
    library: str | None,
    graph: str,
    affiliations: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    filled = [{"{G}": graph, "{M}": str(affiliations)}.get(a, a) for a in argv]
    code, out, screen = _run(filled, tty=True, cwd=tmp_path)
    assert code == 0, screen
    verb = argv[0]
    lines = [d for d in screen.replace("\n", "\r").split("\r") if d.strip()]
    ours = [d for d in lines if d.startswith(f"{verb}: ")]
    assert any(d.startswith(f"{verb}: {stage} [") for d in ours), screen
    assert all(BAR.search(d) for d in ours), screen
    if library is not None:
        assert any(d.startswith(library) and BAR.search(d) for d in lines), screen
    monkeypatch.chdir(tmp_path)  # standard error not a terminal (captured): nothing drawn
    assert main(filled) == 0
    captured = capsys.readouterr()
    assert "\r" not in captured.err and f"{verb}: " not in captured.err and not BAR.search(captured.err)
    assert captured.out == out  # what is printed is the same, on a terminal or not


def test_a_pipe_gets_no_progress(graph: str, tmp_path: Path) -> None:
    code, out, err = _run(["analyze", graph, "--top", "2"], tty=False, cwd=tmp_path)
    assert code == 0 and out.startswith("The IMT network in Central Asia")
    assert err == ""

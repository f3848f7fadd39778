"""One convention for every figure: bytes of one format, one write step, and no backend switch."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import linkchart
from linkchart.figures import draw_chart, figure_format, plot_disruption, write_figure


def _chart() -> linkchart.LinkChart:
    return linkchart.from_records(
        [{"id": x, "type": "person"} for x in "abc"],
        [{"from": "a", "relation": "knows", "to": "b"}, {"from": "b", "relation": "knows", "to": "c"}],
    )


def test_plot_disruption_gives_the_bytes_of_one_format() -> None:
    c = _chart()
    results = [linkchart.disruption(c), linkchart.disruption(c, strategy="random", seed=1)]
    svg = plot_disruption(results)
    assert svg.startswith(b"<?xml") and b"<svg" in svg
    assert plot_disruption(results, format="png").startswith(b"\x89PNG")
    assert plot_disruption(results, format="pdf").startswith(b"%PDF")
    assert plot_disruption(results) == svg  # the same input, the same bytes
    with pytest.raises(linkchart.LinkchartError):
        plot_disruption([])


def test_draw_then_write_is_render_image(tmp_path: Path) -> None:
    c = _chart()
    data = draw_chart(c, format="svg")
    written = write_figure(data, tmp_path / "a.svg")
    assert written.read_bytes() == data == linkchart.render_image(c, tmp_path / "b.svg").read_bytes()
    assert figure_format("x.PDF") == "pdf"
    with pytest.raises(linkchart.LinkchartError, match=r"use \.svg, \.pdf or \.png"):
        write_figure(data, tmp_path / "a.gif")


def test_no_figure_switches_matplotlibs_backend(tmp_path: Path) -> None:
    # (pyplot itself is imported by python-igraph's drawing module when matplotlib is
    # installed; linkchart draws on Figure objects and never calls matplotlib.use)
    script = textwrap.dedent(
        f"""
        import matplotlib
        matplotlib.use("svg")  # a user's own choice
        import linkchart
        c = linkchart.from_records([{{"id": x, "type": "person"}} for x in "abc"],
            [{{"from": "a", "relation": "knows", "to": "b", "time": "2001"}},
             {{"from": "b", "relation": "knows", "to": "c", "time": "2002"}}])
        linkchart.render_image(c, {str(tmp_path / "c.png")!r})
        linkchart.plot_disruption([linkchart.disruption(c)], format="png")
        linkchart.plot_over_time(linkchart.over_time(c, "degree"), format="png")
        assert matplotlib.get_backend() == "svg", matplotlib.get_backend()
        print("ok")
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"

"""Hostile input ends in a located error: paths, writes, the command line (issue: hardening)."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

import linkchart
from linkchart import LinkchartError, LoadError
from linkchart.cli import main
from linkchart.errors import LoadWarning

ROOT = Path(__file__).resolve().parents[1]
GRAPH = ROOT / "graphs" / "central_asia.yaml"
HEAD = "linkchart: 1\ntitle: t\n"


def test_a_csv_path_outside_the_folder_is_refused_and_never_echoed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("password,hunter2\n", encoding="utf-8")
    (tmp_path / "g").mkdir()
    graph = tmp_path / "g" / "g.yaml"
    for name in ("../secret.csv", str(secret)):
        graph.write_text(HEAD + f"nodes: {{csv: '{name}'}}\nedges: []\n", encoding="utf-8")
        with pytest.raises(LoadError, match="outside the graph file's folder") as info:
            linkchart.load(graph)
        assert "hunter2" not in str(info.value) and "password" not in str(info.value)
    os.symlink(secret, tmp_path / "g" / "link.csv")
    graph.write_text(HEAD + "nodes: {csv: link.csv}\nedges: []\n", encoding="utf-8")
    with pytest.raises(LoadError, match="outside"):
        linkchart.load(graph)
    with pytest.raises(LoadError) as info:  # allowed: read, but its header is not quoted
        linkchart.load(graph, allow_outside=True)
    assert "hunter2" not in str(info.value) and "password" not in str(info.value)


def test_source_text_outside_is_no_oracle(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("the launch code is 0000", encoding="utf-8")
    (tmp_path / "g").mkdir()
    graph = tmp_path / "g" / "g.yaml"
    graph.write_text(
        HEAD + "sources: [{id: s, location: ../secret.txt}]\nnodes: [{id: A, type: state}]\n"
        "edges: [{from: A, relation: r, to: A, source: s, evidence: 'the launch code is 1'}]\n",
        encoding="utf-8",
    )
    with pytest.warns(LoadWarning, match="outside"):  # not read: the quote is not checked
        linkchart.load(graph)
    with pytest.raises(LoadError) as info:
        linkchart.load(graph, allow_outside=True)
    assert "matches up to" not in str(info.value) and info.value.codes == ["evidence-not-found"]


def test_devices_fifos_and_nul_bytes_are_refused_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo.csv")
    for nodes in ("{csv: fifo.csv}", "{csv: /dev/zero}"):
        (tmp_path / "g.yaml").write_text(HEAD + f"nodes: {nodes}\nedges: []\n", encoding="utf-8")
        with pytest.raises(LoadError) as info:
            linkchart.load(tmp_path / "g.yaml", allow_outside=True)
        assert info.value.codes == ["source-unreadable"]
    (tmp_path / "g.yaml").write_text(
        HEAD + 'sources: [{id: s, location: "/dev/zero"}]\nnodes: []\nedges: []\n', encoding="utf-8"
    )
    with pytest.warns(LoadWarning, match="not a regular file"):  # never read: no hang, no quote checked
        linkchart.load(tmp_path / "g.yaml", allow_outside=True)
    with pytest.raises(LoadError, match="not a regular file"):
        linkchart.load(tmp_path / "fifo.csv")
    with pytest.warns(LoadWarning, match="outside the graph file's folder"):  # an absolute name, refused
        linkchart.load(tmp_path / "g.yaml")
    (tmp_path / "g.yaml").write_text(
        HEAD + 'sources: [{id: s, location: "a\\0b"}]\nnodes: []\nedges: []\n', encoding="utf-8"
    )
    with pytest.warns(LoadWarning, match="NUL byte"):
        linkchart.load(tmp_path / "g.yaml")


def test_yaml_1_1_lookalikes_are_not_silently_converted(tmp_path: Path) -> None:
    (tmp_path / "g.yaml").write_text(
        HEAD + "nodes: [{id: A, type: state}]\nedges: [{from: A, relation: r, to: A, time: 33:19}]\n",
        encoding="utf-8",
    )
    with pytest.raises(LoadError) as info:
        linkchart.load(tmp_path / "g.yaml")
    assert info.value.codes == ["bad-time"] and "'33:19'" in str(info.value)
    (tmp_path / "g.yaml").write_text("linkchart: 1.0\ntitle: t\nnodes: []\nedges: []\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"format version 1\.0 is not supported"):
        linkchart.load(tmp_path / "g.yaml")


def test_render_never_writes_over_its_input_and_writes_are_atomic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    graph = tmp_path / "g.yaml"
    graph.write_text(GRAPH.read_text(encoding="utf-8").replace("location: sources/", "location: x/"), "utf-8")
    before = graph.read_bytes()
    assert main(["render", str(GRAPH), "-o", str(GRAPH)]) == 1
    chart = linkchart.load(GRAPH)
    with pytest.raises(LinkchartError, match="loaded from"):
        linkchart.write_yaml(chart, GRAPH)
    with pytest.raises(LinkchartError, match="input of this run"):
        linkchart.write_html(chart, GRAPH)
    assert graph.read_bytes() == before
    out = tmp_path / "page.html"
    out.write_text("old page", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)  # the write fails half-way
    with pytest.raises(LinkchartError, match="No space left"):
        linkchart.write_html(chart, out)
    assert out.read_text(encoding="utf-8") == "old page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.yaml", "page.html"]


def test_a_failed_multi_file_write_changes_nothing(tmp_path: Path) -> None:
    from linkchart.files import write_folder

    (tmp_path / "a.txt").write_text("A", encoding="utf-8")
    (tmp_path / "dir").mkdir()
    with pytest.raises(LinkchartError, match="is a folder"):
        write_folder(tmp_path, {"a.txt": "new A", "dir": "a folder cannot be replaced by a file"})
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "A"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "dir"]


def test_cli_escapes_terminal_control_sequences(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    graph = tmp_path / "g.yaml"
    graph.write_text(
        'linkchart: 1\ntitle: "T\\e]0;OWNED\\a\\e[2J"\nnodes: [{id: A, type: state}]\nedges: []\n',
        encoding="utf-8",
    )
    assert main(["info", str(graph)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "T\\x1b]0;OWNED\\x07\\x1b[2J" in out


def test_cli_full_disk_odd_encoding_interrupt_version_and_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        run = subprocess.run(
            [sys.executable, "-m", "linkchart", "info", str(GRAPH)], stdout=full, capture_output=False,
            stderr=subprocess.PIPE, text=True, check=False,
        )  # fmt: skip
    assert run.returncode == 1 and "Traceback" not in run.stderr and "No space left" in run.stderr
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    run = subprocess.run(
        [sys.executable, "-m", "linkchart", "analyze", str(GRAPH), "--top", "2"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert run.returncode == 0 and "Traceback" not in run.stderr
    version = subprocess.run([sys.executable, "-m", "linkchart", "--version"], capture_output=True, text=True)
    assert version.stdout.strip() == f"linkchart {linkchart.__version__}"

    def interrupted(args: object, progress: object) -> int:
        raise KeyboardInterrupt

    import linkchart.cli.commands.info as info

    monkeypatch.setattr(info, "run", interrupted)
    assert main(["info", str(GRAPH)]) == 130


def test_formula_cells_in_csv_exports_are_inert_and_round_trip(tmp_path: Path) -> None:
    chart = linkchart.from_records(
        [
            {"id": '=HYPERLINK("x")', "type": "state", "label": "+cmd|' /C calc'!A0", "aliases": ["@a", "b"]},
            {"id": "-A", "type": "state", "label": "'=already marked", "attributes": {"note": "\t=1+1"}},
        ],
        [{"from": '=HYPERLINK("x")', "relation": "r", "to": "-A", "evidence": "@SUM(A1)"}],
    )
    out = linkchart.write_csv(chart, tmp_path / "csv")
    for name in ("nodes.csv", "edges.csv"):
        for row in csv.reader((out.parent / name).open(encoding="utf-8", newline="")):
            assert all(cell[:1] not in ("=", "+", "-", "@", "\t", "\r") for cell in row), row
    assert linkchart.load(out) == chart
    report = linkchart.report(chart)
    for path in report.to_csv(tmp_path / "report"):
        for row in csv.reader(path.open(encoding="utf-8", newline="")):
            assert all(cell[:1] not in ("=", "+", "@") for cell in row), (path.name, row)


def test_an_alias_names_one_node_only(tmp_path: Path) -> None:
    graph = tmp_path / "g.yaml"
    graph.write_text(
        HEAD + "nodes:\n  - {id: IMT, type: organisation, aliases: [IMU]}\n"
        "  - {id: IJU, type: organisation, aliases: [imu]}\n"
        "  - {id: X, type: organisation, aliases: [ijU]}\nedges: []\n",
        encoding="utf-8",
    )
    with pytest.raises(LoadError) as info:
        linkchart.load(graph)
    assert info.value.codes == ["duplicate-name", "duplicate-name"]
    assert [(p.path, p.line) for p in info.value.problems] == [
        ("nodes[1].aliases[0]", 5),
        ("nodes[2].aliases[0]", 6),
    ]
    # two nodes may share a label (two people of one name): resolve refuses to guess
    chart = linkchart.from_records(
        [{"id": "p1", "type": "person", "label": "Ahmed"}, {"id": "p2", "type": "person", "label": "ahmed"}],
        [],
    )
    with pytest.raises(LinkchartError, match="label of 2 nodes"):
        chart.resolve("Ahmed")
    assert chart.resolve("p2") == "p2"


def test_evidence_of_only_ellipses_is_not_evidence(tmp_path: Path) -> None:
    (tmp_path / "text.txt").write_text("IMT fighters retained connections.", encoding="utf-8")
    for quote in ("...", " … ... ", "…"):
        (tmp_path / "g.yaml").write_text(
            HEAD + "sources: [{id: s, location: text.txt}]\nnodes: [{id: A, type: state}]\n"
            f"edges: [{{from: A, relation: r, to: A, source: s, evidence: '{quote}'}}]\n",
            encoding="utf-8",
        )
        with pytest.raises(LoadError, match="quotes no words") as info:
            linkchart.load(tmp_path / "g.yaml")
        assert info.value.problems[0].path == "edges[0].evidence"


@pytest.mark.parametrize(
    ("text", "line", "hint"),
    [
        ("nodes: [{id: A, type: state},\n  {id: B, type: state}\nedges: []\n", 4, "close the '[' of line 2"),
        ("nodes:\n  - {id: A, type: state\n  - {id: B}\nedges: []\n", 4, "close the '{' of line 3"),
        ('title: "unclosed\nnodes: []\nedges: []\n', 5, "close the '\"' of line 2"),
    ],
)
def test_yaml_syntax_errors_say_where_the_construct_opened(
    tmp_path: Path, text: str, line: int, hint: str
) -> None:
    (tmp_path / "g.yaml").write_text("linkchart: 1\n" + text, encoding="utf-8")
    with pytest.raises(LoadError) as info:
        linkchart.load(tmp_path / "g.yaml")
    (p,) = info.value.problems
    assert (p.code, p.line) == ("yaml-syntax", line)
    assert "opened at line" in p.message and (p.hint or "").startswith(hint)


def test_cli_reads_outside_the_folder_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "nodes.csv").write_text("id,type\nA,state\n", encoding="utf-8")
    (tmp_path / "g").mkdir()
    graph = tmp_path / "g" / "g.yaml"
    graph.write_text(HEAD + "nodes: {csv: ../nodes.csv}\nedges: []\n", encoding="utf-8")
    for command in ("validate", "info", "analyze", "render"):
        assert main([command, str(graph)]) == 1, command
        assert "--allow-outside" in capsys.readouterr().err
        assert main([command, "--allow-outside", str(graph)]) == 0, command
        capsys.readouterr()


def test_written_files_get_the_usual_permissions_not_the_temporary_files(tmp_path: Path) -> None:
    from linkchart.files import write_atomic

    old = os.umask(0o022)
    try:
        fresh = write_atomic(tmp_path / "new.txt", "x")
        assert fresh.stat().st_mode & 0o777 == 0o644  # as a plain write would make it, not 0600
        (tmp_path / "kept.txt").write_text("old", encoding="utf-8")
        os.chmod(tmp_path / "kept.txt", 0o640)
        assert write_atomic(tmp_path / "kept.txt", "new").stat().st_mode & 0o777 == 0o640  # the old mode kept
    finally:
        os.umask(old)


# --------------------------------------------------------------------------- writes (issue 19)
def _write_with(writer: str, chart: linkchart.LinkChart, out: Path) -> Path:
    """``chart`` written by one of linkchart's writers into the folder ``out``."""
    if writer == "yaml":
        return linkchart.write_yaml(chart, out / "g.yaml")
    if writer == "csv":
        return linkchart.write_csv(chart, out / "csv")
    if writer == "html":
        return linkchart.write_html(chart, out / "g.html")
    if writer == "svg":
        return linkchart.render_image(chart, out / "g.svg")
    if writer == "report":
        return linkchart.report(chart, top=2, measures=["degree"]).to_csv(out / "report")[0]
    return linkchart.export(chart, out / f"g.{'stix.json' if writer == 'stix' else writer}", format=writer)


WRITERS = ["yaml", "csv", "graphml", "gexf", "json", "xlsx", "stix", "html", "svg", "report"]
READ_BACK = {"yaml", "csv", "graphml", "gexf", "json", "xlsx"}
XML_SAFE = ["😀 \U0010ffff", "\u202e reversed", "\x85 next line", "=HYPERLINK(1)", " padded ", "tab\there"]
XML_UNSAFE = ["NUL \x00", "escape \x1b[2J", "a\rb", "non-character \ufffe"]


def _chart_of(texts: list[str]) -> linkchart.LinkChart:
    nodes = [
        {"id": f"n{k}", "type": "state", "label": text, "attributes": {"note": text}}
        for k, text in enumerate(texts)
    ]
    edges = [
        {"from": f"n{k}", "relation": "r", "to": "n0", "evidence": f"said {text}", "attributes": {"a": text}}
        for k, text in enumerate(texts)
    ]
    return linkchart.from_records(nodes, edges, title="t " + "".join(texts))


@pytest.mark.filterwarnings("ignore::UserWarning")  # glyphs missing from the figure's font
@pytest.mark.parametrize("writer", WRITERS)
def test_every_writer_writes_what_loads_or_refuses_leaving_nothing(tmp_path: Path, writer: str) -> None:
    for bad in ("\ud800", "x\udfff"):  # text no file can hold never loads, so no writer meets it
        with pytest.raises(LoadError, match="lone surrogate"):
            linkchart.from_records([{"id": "A", "type": "state", "label": bad}], [])
    for value in (float("nan"), float("inf"), [1.0, float("-inf")]):  # nor a number no format can hold
        with pytest.raises(LoadError, match="not a finite number"):
            linkchart.from_records([{"id": "A", "type": "state", "attributes": {"x": value}}], [])
    safe = _chart_of(XML_SAFE)
    written = _write_with(writer, safe, tmp_path / "safe" / "sub")
    assert written.exists()
    if writer in READ_BACK:
        assert linkchart.load(written) == safe
    unsafe = _chart_of(XML_UNSAFE)
    try:
        written = _write_with(writer, unsafe, tmp_path / "unsafe" / "sub")
    except LinkchartError as err:
        assert writer in ("graphml", "gexf", "xlsx", "csv"), err  # formats that cannot hold a NUL
        assert "cannot hold" in str(err) or "cannot be written" in str(err)
        assert not (tmp_path / "unsafe").exists()  # refused before anything was made
    else:
        assert writer not in ("graphml", "gexf", "xlsx", "csv")
        if writer in READ_BACK:
            assert linkchart.load(written) == unsafe


def _graph_folder(tmp_path: Path) -> Path:
    g = tmp_path / "g"
    (g / "texts").mkdir(parents=True)
    (g / "texts" / "report.txt").write_text("A pays B.", encoding="utf-8")
    (g / "nodes.csv").write_text("id,type\nA,state\nB,state\n", encoding="utf-8")
    (g / "rankings.csv").write_text(
        "from,relation,to,evidence,source,time\nA,pays,B,A pays B.,s,1999\n", encoding="utf-8"
    )
    graph = g / "g.yaml"
    graph.write_text(
        HEAD + "sources: [{id: s, location: texts/report.txt}]\n"
        "nodes: {csv: nodes.csv}\nedges: {csv: rankings.csv}\n",
        encoding="utf-8",
    )
    return graph


def test_an_output_onto_any_file_the_graph_reads_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = _graph_folder(tmp_path)
    g = graph.parent
    before = {p: p.read_bytes() for p in g.rglob("*") if p.is_file()}
    os.link(g / "texts" / "report.txt", tmp_path / "hard.txt")
    os.symlink(g / "nodes.csv", tmp_path / "soft.csv")
    os.link(g / "nodes.csv", tmp_path / "plot.svg")
    runs = [
        ["export", str(graph), "-o", str(g / "nodes.csv"), "--format", "json"],
        ["export", str(graph), "-o", str(g / "texts" / ".." / "g.yaml"), "--format", "yaml"],
        ["export", str(graph), "-o", str(tmp_path / "hard.txt"), "--format", "gexf"],
        ["export", str(graph), "-o", str(tmp_path / "soft.csv"), "--format", "json"],
        ["export", str(graph), "-o", str(g), "--format", "csv"],  # its nodes.csv is an input
        ["render", str(graph), "-o", str(tmp_path / ".." / tmp_path.name / "g" / "texts" / "report.txt")],
        ["render", str(graph), "-o", str(g / "texts" / ".." / "rankings.csv")],
        ["analyze", str(graph), "--csv", str(g)],  # its rankings.csv is the graph's edge table
        ["timeline", str(graph), "-o", str(tmp_path / "plot.svg")],
        ["disrupt", str(graph), "--steps", "1", "--runs", "1", "-o", str(tmp_path / "plot.svg")],
    ]
    for argv in runs:
        assert main(argv) == 1, argv
        err = capsys.readouterr().err
        assert "will not write over" in err, (argv, err)
    assert {p: p.read_bytes() for p in g.rglob("*") if p.is_file()} == before
    assert linkchart.load(graph).number_of_edges == 1


def test_outputs_onto_special_files_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    graph = _graph_folder(tmp_path)
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "real.html").write_text("keep", encoding="utf-8")
    os.symlink(tmp_path / "real.html", tmp_path / "link.html")
    (tmp_path / "folder").mkdir()
    for output, why in [("fifo", "FIFO"), ("link.html", "symbolic link"), ("folder", "is a folder")]:
        for argv in (["export", str(graph), "--format", "json"], ["render", str(graph)]):
            assert main([*argv, "-o", str(tmp_path / output)]) == 1
            assert why in capsys.readouterr().err
    assert (tmp_path / "real.html").read_text(encoding="utf-8") == "keep"
    assert os.readlink(tmp_path / "link.html") == str(tmp_path / "real.html")
    assert (
        main(["export", str(graph), "--format", "csv", "-o", str(tmp_path / "folder")]) == 0
    )  # a folder format
    assert sorted(p.name for p in (tmp_path / "folder").iterdir()) == ["chart.yaml", "edges.csv", "nodes.csv"]


def test_a_failed_write_leaves_no_folder_behind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chart = linkchart.from_records([{"id": "A", "type": "state", "aliases": ["a|b"]}], [])
    with pytest.raises(LinkchartError, match="cannot be written to CSV"):
        linkchart.write_csv(chart, tmp_path / "new" / "csv")
    out = tmp_path / "new" / "deeper" / "page.html"
    assert main(["render", str(GRAPH), "--title", "bad \udcff", "-o", str(out)]) == 1
    assert "lone surrogate" in capsys.readouterr().err
    assert sorted(tmp_path.iterdir()) == []


STARTUP = """
import sys

class Interrupt:  # Ctrl-C arriving while numpy is being imported
    def find_spec(self, name, path=None, target=None):
        if name == "numpy":
            raise KeyboardInterrupt
        return None

sys.meta_path.insert(0, Interrupt())
from linkchart_cli import main  # what the installed 'linkchart' script runs
sys.exit(main())
"""


def test_ctrl_c_during_start_up_imports_exits_130_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run = subprocess.run(
        [sys.executable, "-c", STARTUP, "info", str(GRAPH)], capture_output=True, text=True, check=False
    )
    assert (run.returncode, run.stdout, run.stderr) == (130, "", "")
    run = subprocess.run(
        [sys.executable, "-c", "import sys\nfrom linkchart_cli import main\nsys.exit(main())", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0 and run.stdout.strip() == f"linkchart {linkchart.__version__}"

    import linkchart.cli.commands as commands

    def interrupted(registry: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(commands, "build_parser", interrupted)  # while the parser's own imports load
    assert main(["info", str(GRAPH)]) == 130

"""linkchart.readers.arrow: Parquet and Arrow IPC node and edge tables, read like CSV tables."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.feather as feather
import pyarrow.parquet as pq
import pytest

import linkchart
from linkchart import LoadError
from linkchart.loading import tables
from linkchart.readers.arrow import table_kind

HEAD = """\
linkchart: 1
title: Tables
relations:
  finances: {source_types: [state], target_types: [organisation]}
  borders: {directed: false}
"""
NODES = {
    "id": ["IMT", "Pakistan", "Tajikistan"],
    "type": ["organisation", "state", "state"],
    "aliases": ["IMU", None, None],
    "founded": [1998, None, 1991],
}
EDGES = {
    "from": ["Pakistan", "Tajikistan"],
    "relation": ["finances", "borders"],
    "to": ["IMT", "Pakistan"],
    "confidence": ["alleged", None],
    "time": ["1999", None],
    "weight": [None, 2.0],
    "id": ["f1", None],
}


def write(table: dict[str, list[object]] | pa.Table, path: Path) -> None:
    t = table if isinstance(table, pa.Table) else pa.table(table)
    if path.suffix in (".parquet", ".pq"):
        pq.write_table(t, path)
    elif path.suffix == ".arrows":
        with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_stream(sink, t.schema) as writer:
            writer.write_table(t)
    else:
        feather.write_feather(t, str(path))


def graph(tmp_path: Path, nodes: str, edges: str) -> Path:
    path = tmp_path / "g.yaml"
    path.write_text(HEAD + f"nodes: {nodes}\nedges: {edges}\n", encoding="utf-8")
    return path


def csv_chart(tmp_path: Path) -> linkchart.LinkChart:
    (tmp_path / "nodes.csv").write_text(
        "id,type,aliases,founded\nIMT,organisation,IMU,1998\nPakistan,state,,\nTajikistan,state,,1991\n",
        encoding="utf-8",
    )
    (tmp_path / "edges.csv").write_text(
        "from,relation,to,confidence,time,weight,id\n"
        "Pakistan,finances,IMT,alleged,1999,,f1\nTajikistan,borders,Pakistan,,,2,\n",
        encoding="utf-8",
    )
    return linkchart.load(graph(tmp_path, "{csv: nodes.csv}", "{csv: edges.csv}"))


@pytest.mark.parametrize("suffix", [".parquet", ".arrow", ".feather", ".arrows"])
def test_a_table_loads_as_the_same_chart_as_its_csv(tmp_path: Path, suffix: str) -> None:
    write(NODES, tmp_path / f"nodes{suffix}")
    write(EDGES, tmp_path / f"edges{suffix}")
    key = "parquet" if suffix == ".parquet" else "arrow"
    c = linkchart.load(graph(tmp_path, f"{{{key}: nodes{suffix}}}", f"{{{key}: edges{suffix}}}"))
    assert c == csv_chart(tmp_path)
    assert c.edge("f1").confidence == "alleged" and c.edge("e1").weight == 2.0
    assert c.node("IMT").aliases == ("IMU",)
    assert c.node("IMT").attributes == {"founded": "1998"}  # numbers read as text, null as absent
    assert c.node("Pakistan").attributes == {}


def test_the_extension_says_the_format(tmp_path: Path) -> None:
    write(NODES, tmp_path / "nodes.pq")
    write(EDGES, tmp_path / "edges.feather")
    c = linkchart.load(graph(tmp_path, "{csv: nodes.pq}", "{csv: edges.feather}"))
    assert c == csv_chart(tmp_path)
    assert [table_kind(n) for n in ("a.PARQUET", "a.ipc", "a.arrows", "a.tsv")] == [
        "parquet",
        "arrow",
        "arrow",
        "csv",
    ]


def test_load_csv_reads_another_tools_parquet_through_a_mapping(tmp_path: Path) -> None:
    write(
        {"Source": ["A", "B"], "Target": ["B", "C"], "Label": ["funds", "funds"], "W": [2, 3]},
        tmp_path / "e.parquet",
    )
    c = linkchart.load_csv(
        tmp_path / "e.parquet", columns={"from": "Source", "to": "Target", "relation": "Label", "weight": "W"}
    )
    assert c.node_ids == ("A", "B", "C") and c.edge("e1").weight == 3.0


def test_integer_ids_and_dates_are_text(tmp_path: Path) -> None:
    write({"id": [1, 2], "type": ["state", "organisation"]}, tmp_path / "nodes.parquet")
    day = datetime.date(1999, 3, 15)
    write({"from": [1], "relation": ["finances"], "to": [2], "time": [day]}, tmp_path / "edges.parquet")
    c = linkchart.load(graph(tmp_path, "{parquet: nodes.parquet}", "{parquet: edges.parquet}"))
    assert c.node_ids == ("1", "2")
    assert str(c.edge("e0").time) == "1999-03-15"


def test_a_dictionary_encoded_column_reads_as_its_values(tmp_path: Path) -> None:
    t = pa.table(NODES).set_column(1, "type", pa.array(NODES["type"]).dictionary_encode())
    write(t, tmp_path / "nodes.parquet")
    write(EDGES, tmp_path / "edges.parquet")
    c = linkchart.load(graph(tmp_path, "{parquet: nodes.parquet}", "{parquet: edges.parquet}"))
    assert c.node("IMT").type == "organisation"


def problems(
    tmp_path: Path, nodes: str = "{parquet: nodes.parquet}", edges: str = "{parquet: edges.parquet}"
) -> list[linkchart.Problem]:
    with pytest.raises(LoadError) as info:
        linkchart.load(graph(tmp_path, nodes, edges))
    return info.value.problems


def test_a_bad_row_is_located_by_file_and_row(tmp_path: Path) -> None:
    write(NODES, tmp_path / "nodes.parquet")
    write({**EDGES, "to": ["IMT", "Tajikstan"]}, tmp_path / "edges.parquet")
    [p] = problems(tmp_path)
    assert (p.code, p.path, p.file, p.line, p.row) == (
        "unknown-node",
        "edges[1].to",
        str(tmp_path / "edges.parquet"),
        None,
        2,
    )
    assert "Tajikistan" in p.hint
    assert str(p).startswith(f"{tmp_path / 'edges.parquet'} (row 2): edges[1].to: unknown node 'Tajikstan'")


def test_a_missing_or_reserved_column_is_a_table_problem(tmp_path: Path) -> None:
    write(NODES, tmp_path / "nodes.parquet")
    write({"from": ["A"], "to": ["B"], "directed": ["yes"]}, tmp_path / "edges.parquet")
    found = problems(tmp_path)
    assert [(p.code, p.path, p.line) for p in found] == [
        ("table-syntax", "edges", None),
        ("unknown-field", "edges", None),
    ]
    assert "'relation' is missing" in found[0].message


def test_a_nested_column_is_refused_with_a_hint(tmp_path: Path) -> None:
    write({**NODES, "aliases": [["IMU", "IMT-2"], None, None]}, tmp_path / "nodes.parquet")
    write(EDGES, tmp_path / "edges.parquet")
    p = problems(tmp_path)[0]  # then the edges name nodes that were not read, as for a bad CSV
    assert p.code == "table-syntax" and "'aliases' holds list<" in p.message
    assert "separated by |" in p.hint


def test_a_file_that_is_not_the_format_is_a_problem(tmp_path: Path) -> None:
    write(NODES, tmp_path / "nodes.parquet")
    (tmp_path / "edges.parquet").write_bytes(b"PAR1 not really")
    (tmp_path / "edges.arrow").write_text("from,relation,to\n", encoding="utf-8")
    [p] = problems(tmp_path)
    assert (p.code, p.file) == ("table-syntax", str(tmp_path / "edges.parquet"))
    [p] = problems(tmp_path, edges="{arrow: edges.arrow}")
    assert p.code == "table-syntax" and "not a readable Arrow table" in p.message


def test_one_table_per_section(tmp_path: Path) -> None:
    write(NODES, tmp_path / "nodes.parquet")
    [p] = problems(tmp_path, edges="{csv: e.csv, parquet: e.parquet}")
    assert (p.code, p.path) == ("unknown-field", "edges.parquet")
    [p] = problems(tmp_path, edges="{parquet: 3}")
    assert (p.code, p.path) == ("wrong-type", "edges.parquet")


def test_the_data_a_table_decodes_to_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(NODES, tmp_path / "nodes.parquet")
    write({k: v * 200 for k, v in EDGES.items()}, tmp_path / "edges.parquet")
    size = (tmp_path / "edges.parquet").stat().st_size
    monkeypatch.setattr(tables, "MAX_TABLE_BYTES", size + 1)  # the file fits; what it decodes to does not
    found = problems(tmp_path)
    assert [p.code for p in found] == ["source-unreadable"]
    assert "bytes of data read" in found[0].message
    monkeypatch.setattr(tables, "MAX_TABLE_BYTES", size - 1)
    [p] = problems(tmp_path)
    assert p.code == "source-unreadable" and "is not read" in p.message and p.path == "edges.parquet"


def test_without_pyarrow_the_problem_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(NODES, tmp_path / "nodes.parquet")
    write(EDGES, tmp_path / "edges.parquet")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    found = problems(tmp_path)
    assert {(p.code, p.path) for p in found} == {
        ("source-unreadable", "nodes.parquet"),
        ("source-unreadable", "edges.parquet"),
    }
    assert "linkchart[arrow]" in found[0].hint


def test_convert_reads_a_parquet_edge_table(tmp_path: Path) -> None:
    from linkchart.cli import main

    write({"Source": ["A", "B"], "Target": ["B", "C"], "Label": ["funds", "funds"]}, tmp_path / "e.parquet")
    out = tmp_path / "chart.yaml"
    code = main(
        [
            "convert",
            str(tmp_path / "e.parquet"),
            "--columns",
            "from=Source",
            "to=Target",
            "relation=Label",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    assert linkchart.load(out).node_ids == ("A", "B", "C")


def test_a_huge_cell_is_a_located_problem_with_a_short_message(tmp_path: Path) -> None:
    # D12: a 20 MiB id in a Parquet edge table gave a 20 MiB error; cells are bounded as CSV fields
    from linkchart.readers.arrow import CELL_LIMIT

    write(NODES, tmp_path / "nodes.parquet")
    write({**EDGES, "from": ["Pakistan", "X" * (CELL_LIMIT + 1)]}, tmp_path / "edges.parquet")
    [p] = problems(tmp_path)
    assert (p.code, p.path, p.row) == ("table-syntax", "edges[1]", 2)
    assert f"{CELL_LIMIT + 1:,} bytes" in p.message and len(str(p)) < 1000


def test_a_cell_that_is_not_utf8_names_its_row(tmp_path: Path) -> None:
    # low: invalid UTF-8 in a Parquet string column gave the file but no row
    text = pa.array([b"Pakistan", b"\xff\xfeX"], pa.binary()).view(pa.string())
    write(NODES, tmp_path / "nodes.parquet")
    write(pa.table({**EDGES, "from": text}), tmp_path / "edges.parquet")
    [p] = problems(tmp_path)
    assert (p.code, p.path, p.row) == ("table-syntax", "edges[1]", 2)
    assert "not UTF-8" in p.message


def test_a_damaged_file_is_one_line(tmp_path: Path) -> None:
    # low: pyarrow's message ended with a newline, left inside ours
    write(NODES, tmp_path / "nodes.parquet")
    (tmp_path / "edges.parquet").write_bytes(b"PAR1" + b"\0" * 100 + b"PAR1")
    [p] = problems(tmp_path)
    assert p.code == "table-syntax" and "\n" not in p.message


def test_a_float_is_read_as_python_writes_it(tmp_path: Path) -> None:
    # low: a float id 1.0 was read as "1" (Arrow's cast); an id is text: it stays "1.0"
    write({"id": [1.0, 2.5], "type": ["state", "state"]}, tmp_path / "nodes.parquet")
    write(
        {"from": [1.0], "relation": ["borders"], "to": [2.5], "weight": [1e-05]}, tmp_path / "edges.parquet"
    )
    chart = linkchart.load(graph(tmp_path, "{parquet: nodes.parquet}", "{parquet: edges.parquet}"))
    assert list(chart.node_ids) == ["1.0", "2.5"]
    assert [e.weight for e in chart.iter_edges()] == [1e-05]

"""linkchart.writers.formats: one table of formats, export() through it, every format back equal."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import get_args

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import charts

import linkchart
from linkchart import LinkchartError, UnknownNameError
from linkchart.cli import main
from linkchart.writers import FORMATS, Format, export, format_of
from linkchart.writers._document import chart_document

ROOT = Path(__file__).resolve().parents[2]
EXCHANGE = ("graphml", "gexf", "json", "xlsx")
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\r\ufffe\uffff]")
NOT_IN_XLSX = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\r]")


def strings(value: object) -> list[str]:
    """Every text in a nested document: keys and values."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in (*strings(k), *strings(v))]
    if isinstance(value, list | tuple):
        return [t for v in value for t in strings(v)]
    return []


def test_the_table_holds_every_format_once_with_its_extensions() -> None:
    assert tuple(FORMATS) == get_args(Format)
    assert all(name == info.name for name, info in FORMATS.items())
    suffixes = [s for info in FORMATS.values() for s in info.suffixes]
    assert len(suffixes) == len(set(suffixes)) and all(s == s.lower() for s in suffixes)
    assert FORMATS["csv"].suffixes == ()  # a folder: a path without an extension


@pytest.mark.parametrize(
    ("path", "fmt"),
    [("c.graphml", "graphml"), ("c.GEXF", "gexf"), ("c.json", "json"), ("c.xlsx", "xlsx"),
     ("c.stix.json", "stix"), ("c.yaml", "yaml"), ("c.yml", "yaml"), ("out/tables", "csv")],
)  # fmt: skip
def test_the_format_is_told_by_the_extension(path: str, fmt: str) -> None:
    assert format_of(path) == fmt
    assert format_of("anything.data", fmt) == fmt


def test_an_unknown_format_or_extension_is_refused() -> None:
    with pytest.raises(UnknownNameError, match="did you mean 'graphml'"):
        format_of("c.graphml", "grapml")
    with pytest.raises(LinkchartError, match=r"\.yaml, \.yml, a folder"):
        format_of("c.txt")


@pytest.mark.parametrize("fmt", [*EXCHANGE, "stix.json", "yaml"])
def test_the_central_asia_chart_goes_out_and_comes_back_equal(
    central_asia: linkchart.LinkChart, fmt: str
) -> None:
    assert central_asia.path is not None
    out = export(central_asia, Path(central_asia.path).parent / f"export.{fmt}")
    again = linkchart.load(out)  # evidence checked against the same text
    assert again == central_asia
    assert again.vocabulary.default_layers == ("operational", "political")


def test_export_writes_yaml_and_a_csv_folder(tmp_path: Path) -> None:
    chart = linkchart.from_records(
        [{"id": "A", "type": "state"}, {"id": "B", "type": "state"}],
        [{"from": "A", "relation": "borders", "to": "B", "time": 1999}],
    )
    yaml_path = linkchart.export(chart, tmp_path / "c.yaml")  # raised before issue 20 ("cannot tell")
    assert yaml_path == tmp_path / "c.yaml" and linkchart.load(yaml_path) == chart
    folder = linkchart.export(chart, tmp_path / "tables")
    assert folder == tmp_path / "tables" / "chart.yaml"
    assert sorted(p.name for p in folder.parent.iterdir()) == ["chart.yaml", "edges.csv", "nodes.csv"]
    assert linkchart.load(folder) == chart
    assert linkchart.load(linkchart.export(chart, tmp_path / "x.data", format="yaml")) == chart


def test_export_never_writes_over_an_input(central_asia: linkchart.LinkChart) -> None:
    assert central_asia.path is not None
    before = Path(central_asia.path).read_bytes()
    for fmt in (None, "graphml"):
        with pytest.raises(LinkchartError):
            export(central_asia, central_asia.path, format=fmt)
    assert Path(central_asia.path).read_bytes() == before


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(charts(declared=True))
def test_random_charts_round_trip_through_every_format(chart: linkchart.LinkChart) -> None:
    with tempfile.TemporaryDirectory() as folder:
        texts = "".join(strings(chart_document(chart, Path(folder))))
        for fmt in EXCHANGE:
            unholdable = {"xlsx": NOT_IN_XLSX}.get(fmt, NOT_IN_XML) if fmt != "json" else None
            if unholdable is not None and unholdable.search(texts):
                with pytest.raises(LinkchartError, match="cannot hold"):  # refused, never changed
                    export(chart, Path(folder) / f"c.{fmt}")
                continue
            again = linkchart.load(export(chart, Path(folder) / f"c.{fmt}"))
            assert again == chart, fmt


def test_periods_lifespans_and_finer_times_survive_every_format(tmp_path: Path) -> None:
    chart = linkchart.from_records(
        [{"id": "boss", "type": "person", "time": "1994-01/"}, {"id": "lt", "type": "person", "time": 1994}],
        [
            {"from": "boss", "relation": "calls", "to": "lt", "time": "p1"},
            {"from": "lt", "relation": "calls", "to": "boss", "time": "1994-05-02"},
            {"from": "lt", "relation": "calls", "to": "boss", "time": {"from": "1994-06", "to": None}},
        ],
        periods={"p1": "1994-03/1994-04"},
    )
    for fmt in (*EXCHANGE, "stix.json", "yaml"):
        again = linkchart.load(export(chart, tmp_path / f"c.{fmt}"))
        assert again == chart, fmt
        assert again.periods == chart.periods and again.node("boss").time == chart.node("boss").time, fmt
    gexf = (tmp_path / "c.gexf").read_text(encoding="utf-8")
    assert (
        '<spell start="1994-03-01" end="1994-04-30"' in gexf
        and '<spell start="1994-05-02" end="1994-05-02"' in gexf
    )
    assert '<spell start="1994-01-01" />' in gexf  # the boss's open lifespan


def test_cli_export_and_convert(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    graph = str(ROOT / "graphs" / "central_asia.yaml")
    assert main(["export", graph, "-o", str(tmp_path / "c.gexf")]) == 0
    assert "wrote" in capsys.readouterr().err
    assert main(["convert", str(tmp_path / "c.gexf"), "--allow-outside", "-o", str(tmp_path / "c.xlsx")]) == 0
    assert main(["convert", str(tmp_path / "c.xlsx"), "--allow-outside", "-o", str(tmp_path / "c.yaml")]) == 0
    again = linkchart.load(tmp_path / "c.yaml", allow_outside=True)
    original = linkchart.load(graph)
    assert again.to_records() == original.to_records() and again.vocabulary == original.vocabulary
    assert main(["export", graph, "-o", graph]) == 1  # never over the input
    assert main(["export", graph, "-o", str(tmp_path / "x.txt")]) == 2  # a usage error: say --format


def test_every_format_carries_an_evidence_list_and_the_grades(tmp_path: Path) -> None:
    chart = linkchart.from_records(
        [{"id": x, "type": "person"} for x in "abc"],
        [
            {"from": "a", "relation": "knows", "to": "b", "evidence": [
                {"quote": "a met b", "source": "s1", "confidence": "alleged", "time": "1999-03"},
                {"quote": "b knew a", "source": "s2", "credibility": 2},
                "a and b again",
                # every field of an item at once, a range of time, and a source's unquoted report
                {"quote": "b paid a", "source": "s3", "confidence": "possible", "credibility": 6,
                 "time": {"from": "2000", "to": "2001-06"}},
                {"source": "s3", "confidence": "reported"},
            ]},
            {"from": "b", "relation": "knows", "to": "c", "source": "s2", "evidence": "[He] said b saw c"},
        ],
        sources=[{"id": "s1"}, {"id": "s2", "reliability": "B"}, {"id": "s3", "reliability": "F"}],
        title="t",
    )  # fmt: skip
    items = chart.edge("e0").evidence_items
    assert [(it.quote, it.source, it.confidence, it.credibility) for it in items[3:]] == [
        ("b paid a", "s3", "possible", 6),
        ("", "s3", "reported", None),
    ]
    assert items[3].time is not None and (items[3].time.start, items[3].time.end) != (None, None)
    # s1 0.5, no source (the third item) 0.95, s2 0.8 x 0.9, s3 (F: no factor) max(6: possible, reported)
    p_s3 = chart.vocabulary.confidence.probability("reported")
    assert chart.edges.probability.tolist() == pytest.approx([1 - 0.5 * 0.05 * 0.28 * (1 - p_s3), 0.855])
    for fmt in (*EXCHANGE, "stix.json", "yaml", "tables"):  # YAML, the CSV folder, GraphML, GEXF, ...
        again = linkchart.load(export(chart, tmp_path / (f"c.{fmt}" if fmt != "tables" else fmt)))
        assert again == chart, fmt
        assert again.edge("e0").evidence_items == items, fmt  # quote, source, confidence, credibility, time
        assert again.edges.probability.tolist() == chart.edges.probability.tolist(), fmt
        assert [s.reliability for s in again.sources] == ["", "B", "F"], fmt


def test_export_takes_every_format_the_cli_writes(central_asia: linkchart.LinkChart, tmp_path: Path) -> None:
    from linkchart.cli.commands.export import FORMATS as CLI_FORMATS

    assert set(CLI_FORMATS) <= set(FORMATS)
    for fmt in ("yaml", "csv"):  # once refused by export() while the CLI wrote them
        assert (
            linkchart.load(linkchart.export(central_asia, tmp_path / f"x.{fmt}", format=fmt)) == central_asia
        )


def test_cli_embed_sources_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    graph = str(ROOT / "graphs" / "central_asia.yaml")
    assert main(["export", graph, "-o", str(tmp_path / "a" / "c.graphml")]) == 0
    assert main(["validate", str(tmp_path / "a" / "c.graphml")]) == 0
    assert "warning" not in capsys.readouterr().err  # its text came with it: every quote checked
    assert main(["convert", graph, "--no-embed-sources", "-o", str(tmp_path / "b" / "c.graphml")]) == 0
    capsys.readouterr()
    assert main(["validate", str(tmp_path / "b" / "c.graphml"), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["valid"] and [w["code"] for w in doc["warnings"]] == ["evidence-unchecked"]
    assert "'smith'" in doc["warnings"][0]["message"]
    assert main(["export", graph, "--embed-sources", "-o", str(tmp_path / "c" / "c.yaml")]) == 0
    assert linkchart.load(tmp_path / "c" / "c.yaml").sources[0].text

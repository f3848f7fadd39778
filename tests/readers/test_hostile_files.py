"""Hostile GraphML, GEXF, node-link JSON, STIX and Excel files: each class of attack ends in located problems.

One test per failure class of the hardening issue (round 3). Every file here is a valid
export of a small chart with one thing broken, so the test shows which byte the importer
must refuse, and that nothing else stops it. The contract, for every case: ``linkchart.load``
raises a ``LoadError`` whose problems name the file and the place (a line, a JSON path, a
sheet and cell), with the expected code, and never another exception or a chart that
silently says something else than the file.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

import linkchart
from linkchart import LinkchartError, LoadError

CHART = linkchart.from_records(
    [
        {"id": "A", "type": "state", "aliases": ["a1"], "attributes": {"n": 1}},
        {"id": "B", "type": "state"},
    ],
    [{"from": "A", "relation": "borders", "to": "B", "time": "1999-2001", "weight": 2}],
    title="t",
)
DEEP = 100_000  # far beyond any recursion limit
HUGE = "9" * 5000  # over Python's 4,300-digit limit for int()


def export(tmp_path: Path, fmt: str, chart: linkchart.LinkChart = CHART) -> Path:
    return linkchart.export(chart, tmp_path / f"c.{fmt}")


def edit(path: Path, change: Callable[[str], str]) -> Path:
    text = path.read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text, "the edit must change the file"
    path.write_text(changed, encoding="utf-8")
    return path


def edit_json(path: Path, change: Callable[[dict], None]) -> Path:  # type: ignore[type-arg]
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def problems(path: Path, *codes: str) -> list[linkchart.Problem]:
    """The problems of loading ``path``: at least one, each located, with these codes."""
    with pytest.raises(LoadError) as info:
        linkchart.load(path)
    found = list(info.value.problems)
    assert found
    for p in found:
        assert p.file == str(path), p
        if path.suffix != ".xlsx":  # a workbook's places are its sheets and parts, named in the message
            assert p.path or p.line is not None, f"not located: {p}"
    assert {p.code for p in found} <= set(codes), info.value
    str(info.value)
    return found


# ---------------------------------------------------------------------------- workbooks
def rewrite(path: Path, parts: dict[str, str | bytes | None]) -> Path:
    """The workbook ``path`` with some members replaced (``None`` removes one)."""
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    for name, value in parts.items():
        if value is None:
            members.pop(name, None)
        else:
            members[name] = value.encode("utf-8") if isinstance(value, str) else value
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def sheet(path: Path, number: int) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read(f"xl/worksheets/sheet{number}.xml").decode("utf-8")


NODES, EDGES, VOCABULARY = 1, 2, 3


def edit_sheet(path: Path, number: int, change: Callable[[str], str]) -> Path:
    text = sheet(path, number)
    changed = change(text)
    assert changed != text
    return rewrite(path, {f"xl/worksheets/sheet{number}.xml": changed})


def with_shared_strings(path: Path, strings: bytes) -> Path:
    """The workbook ``path`` with a shared-strings part (openpyxl writes inline strings)."""
    kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    rels = zipfile.ZipFile(path).read("xl/_rels/workbook.xml.rels").decode("utf-8")
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Type="{kind}" Target="sharedStrings.xml" Id="rId9"/></Relationships>',
    )
    return rewrite(path, {"xl/sharedStrings.xml": strings, "xl/_rels/workbook.xml.rels": rels})


def with_edge_to(tmp_path: Path, cell: str) -> Path:
    """An exported workbook whose first edge's ``to`` (cell D2 of the edges sheet) is ``cell``."""
    return edit_sheet(export(tmp_path, "xlsx"), EDGES, lambda t: t.replace(inline("D2", "B"), cell))


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


# ---------------------------------------------------------------------------- JSON inside every format
JSON_PLACES: dict[str, Callable[[Path, str], Path]] = {
    "json": lambda p, bad: edit(p, lambda t: t.replace('"n": 1', f'"n": {bad}')),
    "graphml": lambda p, bad: edit(p, lambda t: t.replace('{"n": 1}', f'{{"n": {bad}}}')),
    "gexf": lambda p, bad: edit(p, lambda t: t.replace("{&quot;n&quot;: 1}", f"{{&quot;n&quot;: {bad}}}")),
    "stix.json": lambda p, bad: edit(p, lambda t: t.replace('"n": 1', f'"n": {bad}')),
    "xlsx": lambda p, bad: edit_sheet(p, NODES, lambda t: t.replace('{"n": 1}', f'{{"n": {bad}}}')),
}


@pytest.mark.parametrize("fmt", JSON_PLACES)
def test_json_nested_beyond_the_depth_bound_is_a_located_problem(tmp_path: Path, fmt: str) -> None:
    path = JSON_PLACES[fmt](export(tmp_path, fmt), "[" * DEEP + "]" * DEEP)
    (p,) = problems(path, "json-syntax")
    assert "nested deeper than 64" in p.message


@pytest.mark.parametrize("fmt", JSON_PLACES)
def test_json_nested_a_little_too_deep_is_refused_at_its_path(tmp_path: Path, fmt: str) -> None:
    path = JSON_PLACES[fmt](export(tmp_path, fmt), "[" * 70 + "]" * 70)
    (p,) = problems(path, "json-syntax")
    assert "nested deeper than 64" in p.message and "attributes" in p.path + p.message


@pytest.mark.parametrize("fmt", JSON_PLACES)
def test_an_integer_of_thousands_of_digits_is_a_located_problem(tmp_path: Path, fmt: str) -> None:
    path = JSON_PLACES[fmt](export(tmp_path, fmt), HUGE)
    (p,) = problems(path, "json-syntax")
    assert "5,000 digits" in p.message and p.path.endswith("attributes.n")


@pytest.mark.parametrize("fmt", JSON_PLACES)
@pytest.mark.parametrize("bad", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_numbers_json_cannot_write_back_are_refused(tmp_path: Path, fmt: str, bad: str) -> None:
    path = JSON_PLACES[fmt](export(tmp_path, fmt), bad)
    (p,) = problems(path, "json-syntax")
    assert p.path.endswith("attributes.n") and "finite" in p.message


@pytest.mark.parametrize("fmt", ["json", "stix.json"])
def test_a_lone_surrogate_is_refused_at_import(tmp_path: Path, fmt: str) -> None:
    path = JSON_PLACES[fmt](export(tmp_path, fmt), '"\\ud800"')
    (p,) = problems(path, "bad-text")
    assert p.path.endswith("attributes.n") and "U+D800" in p.message


def test_a_duplicate_json_key_is_refused_not_overwritten(tmp_path: Path) -> None:
    path = edit(export(tmp_path, "json"), lambda t: t.replace('"n": 1', '"n": 1, "n": 2'))
    (p,) = problems(path, "duplicate-key")
    assert p.path == "nodes[0].attributes.n"


def test_malformed_json_names_its_line(tmp_path: Path) -> None:
    path = edit(
        export(tmp_path, "json"), lambda t: t.replace('"relation": "borders",', '"relation": borders,')
    )
    (p,) = problems(path, "json-syntax")
    assert p.line is not None and p.line > 1


# ---------------------------------------------------------------------------- the linkchart header
HEADER_PLACES: dict[str, Callable[[Path, str], Path]] = {
    "graphml": lambda p, bad: edit(
        p, lambda t: re.sub(r'(<data key="g_linkchart">)[^<]*(</data>)', lambda m: m[1] + bad + m[2], t)
    ),
    "stix.json": lambda p, bad: edit_json(
        p, lambda d: d["objects"][0].__setitem__("x_linkchart_header", bad)
    ),
    "json": lambda p, bad: edit_json(p, lambda d: d["graph"].__setitem__("linkchart", json.loads(bad))),
    "xlsx": lambda p, bad: edit_sheet(p, VOCABULARY, lambda t: t.replace("<t>1</t>", f"<t>{bad}</t>")),
}


@pytest.mark.parametrize("fmt", ["graphml", "stix.json"])
def test_a_header_of_invalid_json_is_a_located_problem(tmp_path: Path, fmt: str) -> None:
    (p,) = problems(HEADER_PLACES[fmt](export(tmp_path, fmt), '{"linkchart": 1,'), "json-syntax")
    assert "header" in p.message or "linkchart" in p.path


@pytest.mark.parametrize("fmt", ["graphml", "stix.json", "json"])
@pytest.mark.parametrize("bad", ["[1, 2]", "3", '"text"', "null"])
def test_a_header_that_is_not_an_object_is_a_located_problem(tmp_path: Path, fmt: str, bad: str) -> None:
    (p,) = problems(HEADER_PLACES[fmt](export(tmp_path, fmt), bad), "wrong-type")
    assert "header" in p.message


@pytest.mark.parametrize(
    ("fmt", "where"),
    [("json", "graph.linkchart"), ("graphml", "linkchart"), ("gexf", "linkchart.linkchart"),
     ("stix.json", "objects[0].x_linkchart_header"), ("xlsx", "")],
)  # fmt: skip
def test_a_problem_of_the_header_is_placed_where_the_file_holds_it(
    tmp_path: Path, fmt: str, where: str
) -> None:
    """Found by the fuzz test: a header without its version was reported at no place. (GEXF's
    keywords are a header only when they start with {"linkchart": its version is changed.)"""
    path = export(tmp_path, fmt)
    if fmt == "xlsx":
        path = edit_sheet(path, VOCABULARY, lambda t: t.replace("<t>linkchart</t>", "<t>version</t>"))
    elif fmt == "json":
        path = edit_json(path, lambda d: d["graph"]["linkchart"].pop("linkchart"))
    elif fmt == "stix.json":
        header = json.loads(path.read_text(encoding="utf-8"))["objects"][0]["x_linkchart_header"]
        path = edit_json(
            path,
            lambda d: d["objects"][0].__setitem__(
                "x_linkchart_header", header.replace('"linkchart": 1, ', "")
            ),
        )
    else:
        path = edit(
            path,
            lambda t: t.replace('{"linkchart": 1, ', "{" if fmt == "graphml" else '{"linkchart": 2, ', 1),
        )
    found = problems(path, "unsupported-version", "unknown-field")
    version = next(p for p in found if p.code == "unsupported-version")
    if fmt == "xlsx":
        assert version.message.startswith("sheet vocabulary: ")
    else:
        assert version.path == where and (fmt in ("json", "stix.json") or version.line is not None)


def test_a_stix_header_off_the_grouping_is_not_read_another_way(tmp_path: Path) -> None:
    """Found by the fuzz test: a grouping whose type was changed was read as another tool's
    bundle, silently dropping linkchart's own node and edge data."""
    path = edit_json(export(tmp_path, "stix.json"), lambda d: d["objects"][0].__setitem__("type", "x-group"))
    (p,) = problems(path, "wrong-type")
    assert p.path == "objects[0].x_linkchart_header" and "grouping" in p.message


def test_a_gexf_header_of_invalid_json_is_not_read_as_a_foreign_file(tmp_path: Path) -> None:
    path = edit(export(tmp_path, "gexf"), lambda t: t.replace('"title": "t"', '"title": t'))
    (p,) = problems(path, "json-syntax")
    assert "header" in p.message


# ---------------------------------------------------------------------------- STIX
def stix_object(path: Path, kind: str) -> Callable[[dict], dict]:  # type: ignore[type-arg]
    return lambda d: next(o for o in d["objects"] if o["type"] == kind)


@pytest.mark.parametrize("aliases", [5, "GX", [1, {"a": 1}], {"a": "b"}])
def test_a_custom_stix_object_with_wrong_typed_aliases_is_located(tmp_path: Path, aliases: object) -> None:
    bundle = {
        "type": "bundle",
        "id": "bundle--6d51f9ff-71ee-58e4-9d94-df56db00a947",
        "objects": [
            {
                "type": "x-cell",
                "spec_version": "2.1",
                "id": "x-cell--6d51f9ff-71ee-58e4-9d94-df56db00a941",
                "created": "2020-01-01T00:00:00.000Z",
                "modified": "2020-01-01T00:00:00.000Z",
                "name": "Cell",
                "aliases": aliases,
            },
        ],
    }
    path = tmp_path / "x.stix.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    (p,) = problems(path, "wrong-type")
    assert p.path == "objects[0].aliases"


@pytest.mark.parametrize("field", ["start_time", "stop_time"])
def test_a_stix_time_at_the_edge_of_the_calendar_is_a_located_problem(tmp_path: Path, field: str) -> None:
    """STIX allows ``0001-01-01``; as an exclusive stop it leaves no day linkchart can read (it
    ended in an OverflowError)."""
    import stix2

    a = stix2.ThreatActor(name="A")
    b = stix2.ThreatActor(name="B")
    bundle = json.loads(stix2.Bundle(a, b, stix2.Relationship(a, "targets", b)).serialize())
    bundle["objects"][2][field] = "0001-01-01T00:00:00Z"  # stix2 itself would write the year as '1'
    path = tmp_path / "x.stix.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    if field == "start_time":  # the first day of the calendar is a time linkchart reads
        assert linkchart.load(path).edge("e0").time.first.isoformat() == "0001-01-01"
        return
    (p,) = problems(path, "bad-time")
    assert p.path == "objects[2].stop_time"


def test_an_invalid_stix_object_is_named_by_its_place(tmp_path: Path) -> None:
    path = edit_json(
        export(tmp_path, "stix.json"), lambda d: d["objects"][3].__setitem__("created", "yesterday")
    )
    (p,) = problems(path, "stix-invalid")
    assert p.path == "objects[3]" and "'created'" in p.message


def test_a_linkchart_node_that_is_not_an_object_is_located(tmp_path: Path) -> None:
    path = edit_json(
        export(tmp_path, "stix.json"), lambda d: d["objects"][1].__setitem__("x_linkchart_node", 7)
    )
    (p,) = problems(path, "wrong-type")
    assert p.path == "objects[1].x_linkchart_node"


def test_loader_problems_in_a_bundle_name_the_stix_object(tmp_path: Path) -> None:
    path = edit_json(
        export(tmp_path, "stix.json"),
        lambda d: d["objects"][3]["x_linkchart_edge"].__setitem__("cites", "zz"),
    )
    (p,) = problems(path, "unknown-source")
    assert p.path == "objects[3].x_linkchart_edge.cites"


# ---------------------------------------------------------------------------- XML
XML = ("graphml", "gexf")


@pytest.mark.parametrize("fmt", XML)
def test_a_doctype_anywhere_is_refused_even_after_4096_characters(tmp_path: Path, fmt: str) -> None:
    """The old text scan looked at the first 4,096 characters only; an ATTLIST default then
    silently supplied an edge's target."""
    path = export(tmp_path, fmt)
    text = path.read_text(encoding="utf-8")
    declaration, _, body = text.partition("?>")
    root = "graphml" if fmt == "graphml" else "gexf"
    padding = "<!--" + "x" * 5000 + "-->\n"
    dtd = f'<!DOCTYPE {root} [<!ATTLIST edge target CDATA "A">]>\n'
    path.write_text(declaration + "?>\n" + padding + dtd + body.replace(' target="B"', ""), encoding="utf-8")
    (p,) = problems(path, "xml-syntax")
    assert "DTD" in p.message and p.line == 3


@pytest.mark.parametrize("fmt", XML)
@pytest.mark.parametrize(
    "dtd",
    ["<!DOCTYPE graphml>", '<!DOCTYPE x SYSTEM "file:///etc/passwd">', '<!DOCTYPE x [<!ENTITY e "v">]>'],
)
def test_every_dtd_is_refused(tmp_path: Path, fmt: str, dtd: str) -> None:
    path = edit(export(tmp_path, fmt), lambda t: t.replace("?>", "?>" + dtd, 1))
    (p,) = problems(path, "xml-syntax")
    assert "DTD" in p.message


@pytest.mark.parametrize("fmt", XML)
def test_an_undefined_entity_is_a_located_problem(tmp_path: Path, fmt: str) -> None:
    path = edit(export(tmp_path, fmt), lambda t: t.replace('id="B"', 'id="&nope;"'))
    (p,) = problems(path, "xml-syntax")
    assert p.line is not None and p.line > 1


@pytest.mark.parametrize("fmt", XML)
@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_truncated_xml_is_a_located_problem(tmp_path: Path, fmt: str, cut: float) -> None:
    path = export(tmp_path, fmt)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * cut)])
    (p,) = problems(path, "xml-syntax")
    assert p.line is not None


@pytest.mark.parametrize("fmt", XML)
def test_xml_nested_beyond_the_depth_bound_is_refused(tmp_path: Path, fmt: str) -> None:
    nest = "<x>" * DEEP + "</x>" * DEEP
    end = "</nodes>" if fmt == "gexf" else "</graph>"
    path = edit(export(tmp_path, fmt), lambda t: t.replace(end, nest + end, 1))
    (p,) = problems(path, "xml-syntax")
    assert "nested deeper than" in p.message and p.line is not None


def test_xml_with_more_elements_than_the_bound_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from linkchart.readers import xmltree

    monkeypatch.setattr(xmltree, "MAX_ELEMENTS", 100)
    path = edit(export(tmp_path, "graphml"), lambda t: t.replace('id="B">', 'id="B">' + "<x/>" * 200, 1))
    (p,) = problems(path, "xml-syntax")
    assert "more than 100 elements" in p.message


# ---------------------------------------------------------------------------- missing ids and ends
MISSING: dict[str, tuple[str, Callable[[Path], Path], str]] = {
    "graphml node id": (
        "graphml",
        lambda p: edit(p, lambda t: t.replace('<node id="B">', "<node>")),
        "nodes[1].id",
    ),
    "graphml edge source": (
        "graphml",
        lambda p: edit(p, lambda t: t.replace(' source="A"', "")),
        "edges[0].source",
    ),
    "graphml edge target": (
        "graphml",
        lambda p: edit(p, lambda t: t.replace(' target="B"', "")),
        "edges[0].target",
    ),
    "gexf node id": ("gexf", lambda p: edit(p, lambda t: t.replace('<node id="B"', "<node")), "nodes[1].id"),
    "gexf edge target": (
        "gexf",
        lambda p: edit(p, lambda t: t.replace(' target="B"', "")),
        "edges[0].target",
    ),
    "json node id": ("json", lambda p: edit_json(p, lambda d: d["nodes"][1].pop("id")), "nodes[1].id"),
    "json link source": (
        "json",
        lambda p: edit_json(p, lambda d: d["links"][0].pop("source")),
        "links[0].source",
    ),
    "json link target": (
        "json",
        lambda p: edit_json(p, lambda d: d["links"][0].__setitem__("target", None)),
        "links[0].target",
    ),
}


def foreign(path: Path) -> Path:
    """``path`` without linkchart's header: a file as another tool would write it."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        data = json.loads(text)
        data["graph"] = {}
        path.write_text(json.dumps(data), encoding="utf-8")
    elif path.suffix == ".graphml":
        path.write_text(re.sub(r'<data key="g_linkchart">[^<]*</data>', "", text), encoding="utf-8")
    else:
        path.write_text(re.sub(r"<keywords>[^<]*</keywords>", "", text), encoding="utf-8")
    return path


@pytest.mark.parametrize("case", MISSING)
@pytest.mark.parametrize("origin", ["linkchart", "other tool"])
def test_a_missing_id_or_end_is_a_located_problem_never_a_node_named_none(
    tmp_path: Path, case: str, origin: str
) -> None:
    fmt, change, where = MISSING[case]
    path = change(export(tmp_path, fmt))
    if origin == "other tool":
        path = foreign(path)
    found = problems(path, "missing-field")
    assert where in [p.path for p in found], found


def test_excel_formula_cells_without_a_saved_value_are_located(tmp_path: Path) -> None:
    path = with_edge_to(tmp_path, '<c r="D2"><f>A3</f></c>')
    (p,) = problems(path, "xlsx-cell")
    assert "D2" in p.message and "formula" in p.message and p.line == 2


def test_excel_formula_cells_with_a_saved_value_read_the_value(tmp_path: Path) -> None:
    path = with_edge_to(tmp_path, '<c r="D2" t="str"><f>A3</f><v>B</v></c>')
    assert linkchart.load(path) == CHART


def test_excel_merged_cells_in_the_data_are_located(tmp_path: Path) -> None:
    def merge(t: str) -> str:
        return t.replace(inline("B3", "state"), "").replace(
            "</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells>'
        )

    (p,) = problems(edit_sheet(export(tmp_path, "xlsx"), NODES, merge), "xlsx-cell")
    assert "B2:B3" in p.message and "merged" in p.message


def test_excel_error_values_are_located(tmp_path: Path) -> None:
    path = with_edge_to(tmp_path, '<c r="D2" t="e"><v>#REF!</v></c>')
    (p,) = problems(path, "xlsx-cell")
    assert "#REF!" in p.message and "D2" in p.message


# ---------------------------------------------------------------------------- worksheets
def test_a_malformed_worksheet_is_a_located_problem(tmp_path: Path) -> None:
    path = edit_sheet(export(tmp_path, "xlsx"), EDGES, lambda t: t.replace("</row>", "</rowx>", 1))
    (p,) = problems(path, "xml-syntax")
    assert p.message.startswith("sheet edges (xl/worksheets/sheet2.xml), line 1, column ")


def test_a_truncated_worksheet_is_a_located_problem(tmp_path: Path) -> None:
    path = edit_sheet(export(tmp_path, "xlsx"), EDGES, lambda t: t[: len(t) // 2])
    (p,) = problems(path, "xml-syntax")
    assert "edges" in p.message


def test_an_undefined_entity_in_a_worksheet_is_a_located_problem(tmp_path: Path) -> None:
    path = edit_sheet(export(tmp_path, "xlsx"), NODES, lambda t: t.replace("<t>A</t>", "<t>&bomb;</t>"))
    (p,) = problems(path, "xml-syntax")
    assert "nodes" in p.message


@pytest.mark.parametrize(
    "part",
    [
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/worksheets/sheet1.xml",
        "xl/styles.xml",
    ],
)
def test_a_dtd_in_any_workbook_part_is_refused(tmp_path: Path, part: str) -> None:
    path = export(tmp_path, "xlsx")
    with zipfile.ZipFile(path) as zf:
        text = zf.read(part).decode("utf-8")
    dtd = '<!DOCTYPE x [<!ATTLIST c t CDATA "e">]>'
    text = text.replace("?>", "?>" + dtd, 1) if text.startswith("<?xml") else dtd + text
    (p,) = problems(rewrite(path, {part: text}), "xml-syntax")
    assert "DTD" in p.message and part in p.message


@pytest.mark.parametrize("ref", ["ZZZZ2", "A0", "XFE2", "A1048577", "2A", ""])
def test_a_bad_cell_reference_is_a_located_problem(tmp_path: Path, ref: str) -> None:
    path = edit_sheet(export(tmp_path, "xlsx"), EDGES, lambda t: t.replace('r="D2"', f'r="{ref}"'))
    (p,) = problems(path, "xlsx-syntax")
    assert "cell reference" in p.message and "edges" in p.message


@pytest.mark.parametrize("number", ["abc", "1e999", "NaN", "inf", "0x10", HUGE])
def test_a_bad_number_cell_is_a_located_problem(tmp_path: Path, number: str) -> None:
    path = edit_sheet(export(tmp_path, "xlsx"), EDGES, lambda t: t.replace("<v>2</v>", f"<v>{number}</v>"))
    (p,) = problems(path, "xlsx-syntax")
    assert "I2" in p.message and "number" in p.message


@pytest.mark.parametrize("cell", ['<c r="H2" t="d"><v>1999-02-30</v></c>', '<c r="H2" t="d"><v>soon</v></c>'])
def test_a_bad_date_cell_is_a_located_problem(tmp_path: Path, cell: str) -> None:
    path = edit_sheet(
        export(tmp_path, "xlsx"), EDGES, lambda t: t.replace(inline("H2", '{"from": 1999, "to": 2001}'), cell)
    )
    (p,) = problems(path, "xlsx-syntax")
    assert "H2" in p.message and "date" in p.message


def test_a_date_cell_reads_as_its_day(tmp_path: Path) -> None:
    """A date typed into Excel is a number with a date style; it reads as the day it shows."""
    path = export(tmp_path, "xlsx")
    styles = zipfile.ZipFile(path).read("xl/styles.xml").decode("utf-8")
    styles = re.sub(r'<cellXfs count="1">', '<cellXfs count="2">', styles).replace(
        "</cellXfs>", '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs>'
    )
    rewrite(path, {"xl/styles.xml": styles})
    edit_sheet(
        path,
        EDGES,
        lambda t: t.replace(inline("H2", '{"from": 1999, "to": 2001}'), '<c r="H2" s="1"><v>36234</v></c>'),
    )
    assert str(linkchart.load(path).edge("e0").time) == "1999-03-15"


def test_a_shared_string_index_out_of_range_is_a_located_problem(tmp_path: Path) -> None:
    path = with_edge_to(tmp_path, '<c r="D2" t="s"><v>99</v></c>')
    (p,) = problems(path, "xlsx-syntax")
    assert "D2" in p.message and "shared string" in p.message


def test_shared_strings_are_read(tmp_path: Path) -> None:
    strings = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
        "<si><r><t>B</t></r><rPh><t>phonetic</t></rPh></si></sst>"
    )
    path = with_shared_strings(export(tmp_path, "xlsx"), strings.encode("utf-8"))
    edit_sheet(path, EDGES, lambda t: t.replace(inline("D2", "B"), '<c r="D2" t="s"><v>0</v></c>'))
    assert linkchart.load(path) == CHART


def test_a_vocabulary_sheet_missing_a_column_is_a_located_problem(tmp_path: Path) -> None:
    path = edit_sheet(export(tmp_path, "xlsx"), VOCABULARY, lambda t: t.replace("value (JSON)", "value"))
    (p,) = problems(path, "xlsx-sheet")
    assert "value (JSON)" in p.message and "vocabulary" in p.message


def test_bad_json_in_the_vocabulary_sheet_is_a_located_problem(tmp_path: Path) -> None:
    (p,) = problems(HEADER_PLACES["xlsx"](export(tmp_path, "xlsx"), "{oops"), "json-syntax")
    assert "vocabulary" in p.message and "B2" in p.message and p.line == 2


def test_a_cell_at_the_last_column_and_row_costs_no_more_than_one_cell(tmp_path: Path) -> None:
    """A 6 KB workbook with one cell at XFD1048576 ran for minutes (every empty cell up to it
    was made); cells are now read as they are stored, and a value in a column with no header
    is a located problem (it would be lost)."""
    path = edit_sheet(
        export(tmp_path, "xlsx"),
        EDGES,
        lambda t: t.replace('<dimension ref="A1:J2" />', '<dimension ref="A1:XFD1048576" />').replace(
            "</sheetData>", '<row r="1048576">' + inline("XFD1048576", "x") + "</row></sheetData>"
        ),
    )
    assert path.stat().st_size < 10_000
    (p,) = problems(path, "xlsx-cell")
    assert "XFD1048576" in p.message and "no header" in p.message


def test_sheets_named_in_the_wrong_case_say_which_names_are_read(tmp_path: Path) -> None:
    path = export(tmp_path, "xlsx")
    with zipfile.ZipFile(path) as zf:
        book = zf.read("xl/workbook.xml").decode("utf-8")
    book = book.replace('name="nodes"', 'name="Nodes"').replace('name="edges"', 'name="Edges"')
    found = problems(rewrite(path, {"xl/workbook.xml": book}), "xlsx-sheet")
    assert any("'nodes'" in p.message and "'Nodes'" in p.message for p in found)


def test_a_workbook_without_linkchart_sheets_says_which_sheets_it_expects(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    assert wb.active is not None
    wb.active.append(["Source", "Target"])
    wb.active.append(["a", "b"])
    wb.save(tmp_path / "plain.xlsx")
    (p,) = problems(tmp_path / "plain.xlsx", "xlsx-sheet")
    assert "'nodes'" in p.message and "'edges'" in p.message and "'Sheet'" in p.message


# ---------------------------------------------------------------------------- zip bounds
def test_a_shared_strings_zip_bomb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """529 KiB of shared strings once took 743 MB and 39 s; the ratio of a part is checked
    from the zip's directory before a byte is inflated."""
    path = export(tmp_path, "xlsx")
    bomb = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + b"<si><t>a</t></si>" * 2_000_000
    )
    with_shared_strings(path, bomb + b"</sst>")
    assert path.stat().st_size < 200_000
    (p,) = problems(path, "xlsx-syntax")
    assert "xl/sharedStrings.xml" in p.message and "compress" in p.message


def test_a_part_larger_than_the_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linkchart.readers import workbook

    monkeypatch.setattr(workbook, "MAX_PART_BYTES", 1000)
    (p,) = problems(export(tmp_path, "xlsx"), "xlsx-syntax")
    assert "1,000 bytes" in p.message


def test_a_part_that_inflates_beyond_its_declared_size_is_refused(tmp_path: Path) -> None:
    path = export(tmp_path, "xlsx")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("xl/worksheets/sheet2.xml")
    # the central directory's entry of sheet2 (its name at offset 46) says 10 bytes uncompressed (offset 24)
    header = bytes(data).find(b"xl/worksheets/sheet2.xml", bytes(data).find(b"PK\x01\x02")) - 46
    assert data[header : header + 4] == b"PK\x01\x02"
    data[header + 24 : header + 28] = (10).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    assert info.file_size > 10
    (p,) = problems(path, "xlsx-syntax")
    assert "sheet2.xml" in p.message


def test_a_zip_with_too_many_members_is_refused_from_its_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from linkchart.readers import workbook

    monkeypatch.setattr(workbook, "MAX_MEMBERS", 5)
    (p,) = problems(export(tmp_path, "xlsx"), "xlsx-syntax")
    assert "members" in p.message


@pytest.mark.parametrize("data", [b"not a zip", b"PK\x03\x04 truncated", b""])
def test_a_file_that_is_not_a_workbook_is_a_located_problem(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "x.xlsx").write_bytes(data)
    (p,) = problems(tmp_path / "x.xlsx", "xlsx-syntax")
    assert "not an Excel workbook" in p.message


def test_a_workbook_without_its_workbook_part_is_a_located_problem(tmp_path: Path) -> None:
    (p,) = problems(rewrite(export(tmp_path, "xlsx"), {"xl/workbook.xml": None}), "xlsx-syntax")
    assert "xl/workbook.xml" in p.message


def test_hostile_files_end_in_located_errors(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.graphml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph><node id="&b;"/></graph></graphml>',
        encoding="utf-8",
    )
    with pytest.raises(LoadError, match="DTD"):
        linkchart.load(bomb)
    broken = tmp_path / "broken.json"
    broken.write_text('{"nodes": [', encoding="utf-8")
    with pytest.raises(LoadError, match="malformed JSON"):
        linkchart.load(broken)
    (tmp_path / "fake.xlsx").write_bytes(b"not a zip")
    with pytest.raises(LoadError, match="not an Excel workbook"):
        linkchart.load(tmp_path / "fake.xlsx")
    good = linkchart.from_records([{"id": "a", "type": "state"}], [])
    out = linkchart.export(good, tmp_path / "g.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    data["links"] = [{"source": "a", "target": "zz", "relation": "r", "confidence": "reported"}]
    out.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LoadError, match="unknown node 'zz'"):
        linkchart.load(out)
    with pytest.raises(LinkchartError, match="extension"):
        linkchart.export(good, tmp_path / "g.unknown")


# ---------------------------------------------------------------------------- weights, in every format
@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "stix.json", "yaml"])
@pytest.mark.parametrize("weight", ["1e308", "1e-300"])
def test_a_weight_outside_the_bounds_is_refused_in_every_format(
    tmp_path: Path, fmt: str, weight: str
) -> None:
    path = export(tmp_path, fmt)
    if fmt == "stix.json":
        edit_json(path, lambda d: d["objects"][3]["x_linkchart_edge"].__setitem__("weight", float(weight)))
    elif fmt == "json":
        edit_json(path, lambda d: d["links"][0].__setitem__("weight", float(weight)))
    else:
        edit(path, lambda t: re.sub(r'(weight(?:">|: |="))2\.0', lambda m: m[1] + weight, t))
    (p,) = problems(path, "bad-weight")
    assert "outside the weights read (from 1e-12 to 1e+12)" in p.message


def test_a_weight_outside_the_bounds_is_refused_in_a_workbook(tmp_path: Path) -> None:
    path = export(tmp_path, "xlsx")
    wb = openpyxl.load_workbook(path)
    column = [c.value for c in wb["edges"][1]].index("weight") + 1
    wb["edges"].cell(row=2, column=column).value = 1e308
    wb.save(path)
    (p,) = problems(path, "bad-weight")
    assert p.message.startswith("sheet edges, row 2, column I (weight): weight 1e+308 is outside")

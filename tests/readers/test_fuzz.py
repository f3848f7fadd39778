"""Structure-aware fuzzing of every import format: a valid export, one hostile change, a located outcome.

One test per format family (node-link JSON and STIX, GraphML and GEXF, Excel); the YAML,
records and CSV fuzzing of the loader is ``tests/loading/test_fuzz.py``.
"""

from __future__ import annotations

import copy
import io
import json
import math
import os
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from strategies import HOSTILE_PLAIN, paths_of, replaced

import linkchart
from linkchart import LinkchartError
from linkchart.vocabulary import ConfidenceScale, NodeType, Relation, Vocabulary

# ---------------------------------------------------------------------------- exchange formats
# Structure-aware fuzzing of every import format: a valid export of a random chart, then one
# hostile change made knowing the format's structure (a value swapped for one of another type
# or a hostile number, a key or attribute dropped, deep nesting, a DTD, a bad cell, a cut).
# The contract is the YAML one: a chart equal to what the file says (it goes out again and
# comes back equal, with the ids the file writes), or a LinkchartError whose problems name
# the file and their place; never another exception, never a half-built chart.
#
# CI runs a fixed, derandomized number of examples per format; a longer run once:
#     LINKCHART_FUZZ_EXAMPLES=2000 pytest tests/readers/test_fuzz.py
EXCHANGE_EXAMPLES = int(os.environ.get("LINKCHART_FUZZ_EXAMPLES", "60"))
EXCHANGE_FUZZ = settings(
    max_examples=EXCHANGE_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
RAW_JSON = st.sampled_from(
    [
        "9" * 5000,
        "-" + "9" * 4301,
        "1e400",
        "-1e999",
        "NaN",
        "Infinity",
        "[" * 5000 + "]" * 5000,
        '{"a": ' * 70 + "1" + "}" * 70,
        '"\\ud800"',
        '"x\\udfff"',
        '{"a": 1, "a": 2}',
        "[1, 2,",
        "",
        '"text"',
        "null",
        "[]",
        "{}",
        "true",
        "12",
    ]
)
"""Raw JSON texts, written where a JSON value (or JSON text inside XML or a cell) goes."""
RAW_XML = st.sampled_from(
    ["&undefined;", "&amp;", "<x>" * 300 + "</x>" * 300, "]]>", "<![CDATA[x]]>", "&#0;", "&#xD800;", "\x01"]
)
DTDS = st.sampled_from(
    [
        "<!DOCTYPE graphml>",
        '<!DOCTYPE x [<!ENTITY a "b">]>',
        '<!DOCTYPE x SYSTEM "file:///etc/passwd">',
        '<!DOCTYPE x [<!ATTLIST edge target CDATA "A">]>',
        '<!DOCTYPE x [<!ENTITY % p SYSTEM "http://example.org/p.dtd"> %p;]>',
    ]
)
MARK = "FUZZ-RAW-MARK"

# Charts every format can hold (no control characters, which XML refuses at export), small
# and quick to draw: the subject here is the hostile change, not the chart (random charts of
# every kind go through every format in tests/writers/test_formats.py).
_WORDS = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=6)
_VOCABULARY = Vocabulary(
    node_types=(NodeType("state", "#123456", "box", "A state"), NodeType("organisation", None, None, "")),
    relations=(
        Relation("funds", True, None, None, 2.0, "pays for", "positive", "money"),
        Relation("borders", False, None, None, 1.0, "", "negative", "common"),
    ),
    confidence=ConfidenceScale.from_mapping({"high": 0.9, "low": 0.3}),
)
_VALUES = st.one_of(
    _WORDS, st.integers(-(10**6), 10**6), st.booleans(), st.floats(-1e6, 1e6), st.lists(_WORDS, max_size=2)
)


@st.composite
def small_charts(draw: st.DrawFn) -> linkchart.LinkChart:
    """A chart of 1-5 nodes and 0-6 ties with aliases, attributes, times, weights and a source."""
    ids = draw(st.lists(_WORDS, min_size=1, max_size=5, unique_by=str.casefold))
    nodes = [
        {"id": i, "type": draw(st.sampled_from(["state", "organisation"])),
         "attributes": draw(st.dictionaries(st.sampled_from(["kind", "n", "note"]), _VALUES, max_size=2)),
         "time": draw(st.sampled_from([None, 1999, "1999-03", {"from": 1990, "to": None}]))}
        for i in ids
    ]  # fmt: skip
    nodes[0]["aliases"] = [
        a for a in draw(st.lists(_WORDS, max_size=2)) if a.casefold() not in map(str.casefold, ids)
    ]
    edges = [
        {"from": draw(st.sampled_from(ids)), "relation": draw(st.sampled_from(["funds", "borders"])),
         "to": draw(st.sampled_from(ids)), "confidence": draw(st.sampled_from(["high", "low"])),
         "time": draw(st.sampled_from([None, 2001, "2001-2003", "2001-05-02"])),
         "weight": draw(st.sampled_from([1.0, 2.5])), "source": "s",
         "attributes": draw(st.dictionaries(st.sampled_from(["amount", "note"]), _VALUES, max_size=1))}
        for _ in range(draw(st.integers(0, 6)))
    ]  # fmt: skip
    return linkchart.from_records(
        nodes, edges, title=draw(_WORDS), sources=[{"id": "s", "title": draw(_WORDS)}],
        vocabulary=_VOCABULARY,
    )  # fmt: skip


def _exportable(chart: linkchart.LinkChart, path: Path) -> bool:
    try:
        linkchart.export(chart, path)
    except LinkchartError:  # text XML cannot hold: refused by export, not this test's subject
        return False
    return True


def _located(err: LinkchartError, path: Path) -> None:
    str(err)
    if isinstance(err, linkchart.LoadError):
        assert err.problems
        for p in err.problems:
            assert p.file == str(path), p
            whole_file = p.code in ("xlsx-syntax", "xlsx-sheet", "xml-syntax", "wrong-type", "stix-invalid")
            in_sheet = path.suffix == ".xlsx" and p.message.startswith("sheet ")
            assert p.path or p.line is not None or whole_file or in_sheet, f"not located: {p}"


def _exchange_outcome(path: Path, *, must_fail: bool, ids: list[str] | None) -> None:
    """Load ``path``: a chart equal to what the file says, or a located error."""
    try:
        chart = linkchart.load(path)
    except LinkchartError as err:
        _located(err, path)
        return
    assert not must_fail, f"{path.name} loaded, but must be refused"
    assert isinstance(chart, linkchart.LinkChart)
    if ids is not None:  # no node made up ("None"), none dropped
        assert sorted(chart.node_ids) == sorted(ids)
    fmt = "stix.json" if path.name.endswith(".stix.json") else path.suffix.lstrip(".")
    again = path.with_name("again." + fmt)
    if _exportable(chart, again):
        assert linkchart.load(again) == chart, "what loaded does not go out and come back"


def _jsonpaths_of(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    return paths_of(doc, prefix)


def _drop(doc: Any, path: tuple[Any, ...]) -> Any:
    out = copy.deepcopy(doc)
    target = out
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return out


@st.composite
def json_mutations(draw: st.DrawFn, data: Any) -> tuple[str, bool]:
    """A hostile variant of the JSON ``data`` as text, and whether it must be refused."""
    paths = _jsonpaths_of(data)
    op = draw(st.sampled_from(["swap", "raw", "drop", "truncate", "header"]))
    if op == "truncate":
        text = json.dumps(data)
        cut = text[: draw(st.integers(0, max(len(text) - 1, 0)))]
        try:
            json.loads(cut)
        except ValueError:
            return cut, True
        return cut, False
    if op == "header":  # JSON text inside JSON: STIX's x_linkchart_header
        holders = [p for p in paths if p and p[-1] == "x_linkchart_header"]
        if holders:
            where = holders[0]
            inner = json.loads(_get(data, where))
            inner_path = draw(st.sampled_from(_jsonpaths_of(inner) or [()]))
            if inner_path:
                inner = replaced(inner, inner_path, draw(HOSTILE_PLAIN.filter(_dumpable)))
            return json.dumps(replaced(data, where, json.dumps(inner, allow_nan=True))), False
        op = "swap"
    if not paths:
        return json.dumps(data), False
    path = draw(st.sampled_from(paths))
    if op == "drop":
        return json.dumps(_drop(data, path)), False
    if op == "raw":
        raw = draw(RAW_JSON)
        refused = raw.startswith(
            ("9" * 10, "-9", "1e", "-1e", "NaN", "Inf", "[[[", '{"a": {', '"\\ud', '"x\\ud')
        )
        text = json.dumps(replaced(data, path, MARK)).replace(json.dumps(MARK), raw or '""')
        return text, refused or raw in ('{"a": 1, "a": 2}', "[1, 2,")
    value = draw(HOSTILE_PLAIN.filter(_dumpable))
    nan = isinstance(value, float) and not math.isfinite(value)
    return json.dumps(replaced(data, path, value), allow_nan=True), nan


def _dumpable(value: Any) -> bool:
    try:
        json.dumps(value)
    except (ValueError, TypeError):
        return isinstance(value, float)  # NaN and infinities: written as NaN, Infinity
    return True


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        doc = doc[key]
    return doc


@st.composite
def xml_mutations(draw: st.DrawFn, text: str) -> tuple[str, bool]:
    """A hostile variant of the XML ``text``, and whether it must be refused."""
    import xml.etree.ElementTree as ET

    op = draw(st.sampled_from(["attr", "drop-attr", "text", "raw", "remove", "dtd", "truncate"]))
    if op == "dtd":
        declaration, _, body = text.partition("?>")
        padding = draw(st.sampled_from(["", "\n", "<!--" + "x" * 5000 + "-->\n"]))
        return declaration + "?>" + padding + draw(DTDS) + body, True
    if op == "truncate":
        cut = text[: draw(st.integers(0, len(text) - 1))]
        try:
            ET.fromstring(cut)
        except ET.ParseError:
            return cut, True
        return cut, False
    root = ET.fromstring(text)
    elements = list(root.iter())
    element = draw(st.sampled_from(elements))
    if op == "attr" and element.attrib:
        element.set(
            draw(st.sampled_from(sorted(element.attrib))), draw(st.one_of(st.text(max_size=8), RAW_JSON))
        )
    elif op == "drop-attr" and element.attrib:
        del element.attrib[draw(st.sampled_from(sorted(element.attrib)))]
    elif op == "remove" and element is not root:
        parent = next(p for p in elements if element in list(p))
        parent.remove(element)
    elif op == "raw":
        element.text = MARK
        return ET.tostring(root, encoding="unicode").replace(MARK, draw(RAW_XML)), False
    else:
        element.text = MARK
        return ET.tostring(root, encoding="unicode").replace(MARK, _xml_escape(draw(RAW_JSON))), False
    return ET.tostring(root, encoding="unicode"), False


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


SHEET_CELL_TYPES = st.sampled_from(["s", "n", "b", "e", "d", "str", "inlineStr", "zz"])
CELL_VALUES = st.sampled_from(
    ["abc", "1e999", "NaN", "99", "-1", "9" * 500, "2001-02-30", "1", "0", "36234", ""]
)
CELL_REFS = st.sampled_from(["XFD1048576", "A0", "ZZZZ1", "AA", "B1", "A1", "", "a2"])


@st.composite
def xlsx_mutations(draw: st.DrawFn, data: bytes) -> tuple[bytes, bool]:
    """A hostile variant of the workbook ``data``, and whether it must be refused."""

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    op = draw(st.sampled_from(["cell", "json", "formula", "merge", "rename", "drop-part", "dtd", "truncate"]))
    must_fail = False
    if op == "truncate":  # the export's length varies with its timestamp: draw independently of it
        return data[: draw(st.integers(0, 2**20)) % len(data)], False
    sheet = draw(st.sampled_from(sorted(n for n in parts if n.startswith("xl/worksheets/"))))
    xml = parts[sheet].decode("utf-8")
    cells = list(re.finditer(r"<c [^>]*?(?:/>|>.*?</c>)", xml))
    cell = draw(st.sampled_from(cells)) if cells else None
    if op == "dtd":
        part = draw(st.sampled_from(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "_rels/.rels", sheet]))
        parts[part] = draw(DTDS).encode("utf-8") + parts[part]
        must_fail = True
    elif op == "rename":
        book = parts["xl/workbook.xml"].decode("utf-8")
        name = draw(st.sampled_from(["nodes", "edges", "vocabulary", "sources"]))
        new = draw(st.sampled_from([name.title(), name.upper(), "Sheet1", name + " "]))
        parts["xl/workbook.xml"] = book.replace(f'name="{name}"', f'name="{new}"').encode("utf-8")
    elif op == "drop-part":
        del parts[draw(st.sampled_from(sorted(parts)))]
    elif op == "merge":
        ref = draw(st.sampled_from(["A2:A3", "B2:C2", "A1:XFD1048576", "A2", "Z9:A1", "bad"]))
        xml = xml.replace(
            "</sheetData>", f'</sheetData><mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>'
        )
        parts[sheet] = xml.encode("utf-8")
    elif cell is not None:
        ref = re.search(r'r="([^"]*)"', cell[0])
        at = ref[1] if ref else "A1"
        if op == "cell":
            kind, value, new_ref = (
                draw(SHEET_CELL_TYPES),
                draw(CELL_VALUES),
                draw(st.one_of(st.just(at), CELL_REFS)),
            )
            new = f'<c r="{new_ref}" t="{kind}"><v>{value}</v></c>'
        elif op == "formula":
            new = f'<c r="{at}"><f>A1</f></c>'
        else:
            new = f'<c r="{at}" t="inlineStr"><is><t>{_xml_escape(draw(RAW_JSON))}</t></is></c>'
        parts[sheet] = (xml[: cell.start()] + new + xml[cell.end() :]).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in parts.items():
            zf.writestr(name, content)
    return out.getvalue(), must_fail


def _ids_in_json(text: str, stix: bool) -> list[str] | None:
    """The node ids a (possibly mutated) node-link or linkchart STIX text writes, where plain to tell."""
    try:
        data = json.loads(text)
        if stix:
            if not any("x_linkchart_header" in o for o in data["objects"]):
                return None
            ids = [o["x_linkchart_node"]["id"] for o in data["objects"] if "x_linkchart_node" in o]
        else:
            ids = [n["id"] for n in data["nodes"]]
    except (ValueError, KeyError, TypeError, IndexError, RecursionError):
        return None
    return ids if all(isinstance(i, str) for i in ids) else None


def _ids_in_xml(text: str) -> list[str] | None:
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(text)
    except ET.ParseError:
        return None
    return [e.get("id", "") for e in root.iter() if e.tag.rpartition("}")[2] == "node"]


@pytest.mark.parametrize("fmt", ["json", "stix.json"])
@EXCHANGE_FUZZ
@given(chart=small_charts(), data=st.data())
def test_exchange_node_link_json_and_stix(
    tmp_path_factory: pytest.TempPathFactory, fmt: str, chart: Any, data: Any
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"c.{fmt}"
    linkchart.export(chart, path)
    text, must_fail = data.draw(json_mutations(json.loads(path.read_text(encoding="utf-8"))))
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    _exchange_outcome(path, must_fail=must_fail, ids=_ids_in_json(text, stix=fmt == "stix.json"))


@EXCHANGE_FUZZ
@given(chart=small_charts(), fmt=st.sampled_from(["graphml", "gexf"]), data=st.data())
def test_exchange_graphml_and_gexf(
    tmp_path_factory: pytest.TempPathFactory, chart: Any, fmt: str, data: Any
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"c.{fmt}"
    assume(_exportable(chart, path))
    text, must_fail = data.draw(xml_mutations(path.read_text(encoding="utf-8")))
    path.write_text(text, encoding="utf-8")
    _exchange_outcome(path, must_fail=must_fail, ids=_ids_in_xml(text))


@EXCHANGE_FUZZ
@given(chart=small_charts(), data=st.data())
def test_exchange_xlsx(tmp_path_factory: pytest.TempPathFactory, chart: Any, data: Any) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "c.xlsx"
    assume(_exportable(chart, path))
    raw, must_fail = data.draw(xlsx_mutations(path.read_bytes()))
    path.write_bytes(raw)
    _exchange_outcome(path, must_fail=must_fail, ids=None)

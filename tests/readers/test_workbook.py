"""linkchart.readers.workbook: the zip's bounds from its directory, cells as stored, dates."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile

import openpyxl
import pytest

from linkchart import LoadError
from linkchart.readers import workbook
from linkchart.readers.workbook import cell_ref, column_letter, read_workbook


def book(sheet_xml: str, *, styles: str = "", date1904: bool = False, strings: str = "") -> bytes:
    """A minimal workbook of one sheet ``data`` with this sheet XML (and styles, strings)."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    rels = f'<Relationship Id="r1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
    if styles:
        rels += f'<Relationship Id="r2" Type="{rel}/styles" Target="styles.xml"/>'
    if strings:
        rels += f'<Relationship Id="r3" Type="{rel}/sharedStrings" Target="/xl/sharedStrings.xml"/>'
    office = f'<Relationship Id="a" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
    sheets = '<sheets><sheet name="data" sheetId="1" r:id="r1"/></sheets>'
    parts = {
        "_rels/.rels": f'<Relationships xmlns="{pkg}">{office}</Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{rel}">'
        f'<workbookPr date1904="{int(date1904)}"/>{sheets}</workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{pkg}">{rels}</Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}"><sheetData>{sheet_xml}</sheetData>'
        "</worksheet>",
        "xl/styles.xml": f'<styleSheet xmlns="{main}">{styles}</styleSheet>',
        "xl/sharedStrings.xml": f'<sst xmlns="{main}">{strings}</sst>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
    return out.getvalue()


def values(data: bytes) -> dict[str, object]:
    sheet = read_workbook(data, "b.xlsx", {"data"}).sheets["data"]
    return {cell_ref(r, c): v for r, row in sheet.rows.items() for c, v in row.items()}


DATES = (
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd;[Red]&quot;x&quot;"/></numFmts>'
    '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="2"/></cellXfs>'
)


def test_cells_of_every_kind() -> None:
    data = book(
        '<row r="2"><c r="A2" t="s"><v>1</v></c>'
        '<c t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c>'
        '<c r="D2"><v>7</v></c><c r="E2"><v>-2.5E3</v></c><c r="F2" t="b"><v>1</v></c>'
        '<c r="G2" t="str"><f>A1</f><v>made</v></c><c r="H2" t="d"><v>1999-03-15T00:00:00Z</v></c></row>'
        "<row><c><v>1</v></c></row>",
        strings="<si><t>zero</t></si><si><t>one</t><rPh><t>phonetic</t></rPh></si>",
    )
    assert values(data) == {
        "A2": "one", "B2": "inline", "D2": 7, "E2": -2500.0, "F2": True, "G2": "made",
        "H2": dt.date(1999, 3, 15), "A3": 1,
    }  # fmt: skip


def test_dates_by_style_in_both_calendars() -> None:
    cells = (
        '<row r="1"><c r="A1" s="1"><v>36234</v></c><c r="B1" s="2"><v>36234.5</v></c><c r="C1" s="3">'
        '<v>36234</v></c><c r="D1" s="1"><v>59</v></c><c r="E1" s="1"><v>61</v></c>'
        '<c r="F1" s="1"><v>0.75</v></c></row>'
    )
    assert values(book(cells, styles=DATES)) == {
        "A1": dt.date(1999, 3, 15), "B1": dt.datetime(1999, 3, 15, 12), "C1": 36234,
        "D1": dt.date(1900, 2, 28), "E1": dt.date(1900, 3, 1), "F1": dt.time(18),
    }  # fmt: skip
    assert values(book('<row r="1"><c r="A1" s="1"><v>0</v></c></row>', styles=DATES, date1904=True)) == {
        "A1": dt.time(0)
    }
    assert values(book('<row r="1"><c r="A1" s="1"><v>1</v></c></row>', styles=DATES, date1904=True)) == {
        "A1": dt.date(1904, 1, 2)
    }
    with pytest.raises(LoadError, match=r"not a date"):  # 1900-02-29, which Excel counts, never was
        values(book('<row r="1"><c r="A1" s="1"><v>60</v></c></row>', styles=DATES))


def test_a_workbook_openpyxl_writes_reads_the_same() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "data"
    ws.append(["text", 3, 2.5, True, dt.datetime(2001, 5, 2), None, "kept"])
    out = io.BytesIO()
    wb.save(out)
    sheet = read_workbook(out.getvalue(), "b.xlsx", {"data"}).sheets["data"]
    assert list(sheet.rows[1].values()) == ["text", 3, 2.5, True, dt.date(2001, 5, 2), "kept"]
    ws["G1"] = "=1+1"  # openpyxl saves a formula with an empty value: no value to read
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(LoadError, match="G1: the cell holds a formula saved without its value"):
        read_workbook(out.getvalue(), "b.xlsx", {"data"})


def test_cells_are_read_sparse_and_refused_where_bad() -> None:
    far = values(book('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))
    assert far == {"XFD1048576": 1}
    with pytest.raises(LoadError) as info:
        values(book('<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c><c r="B1" t="x"><v>1</v></c>'
                    '<c r="C1" t="b"><v>2</v></c></row><row r="0"/>'))  # fmt: skip
    assert [p.message for p in info.value.problems] == [
        "sheet data, cell A1: the cell is written twice",
        "sheet data, cell B1: the cell type 'x' is unknown",
        "sheet data, cell C1: the boolean '2' is not 0 or 1",
        "sheet data: the row number '0' is not one from 1 to 1,048,576",
    ]


def test_column_letters() -> None:
    assert [column_letter(j) for j in (1, 26, 27, 52, 702, 703, 16384)] == [
        "A", "Z", "AA", "AZ", "ZZ", "AAA", "XFD"
    ]  # fmt: skip


def test_the_zip_bounds_are_read_before_inflating(monkeypatch: pytest.MonkeyPatch) -> None:
    data = book('<row r="1"><c r="A1"><v>1</v></c></row>')
    monkeypatch.setattr(workbook, "MAX_WORKBOOK_BYTES", 300)
    with pytest.raises(LoadError, match="the parts read inflate to more than 300 bytes"):
        read_workbook(data, "b.xlsx", {"data"})


def test_a_zip64_directory_is_read() -> None:
    """A zip64 end record holds the counts (its classic end record says 0xFFFF): read there."""
    data = book('<row r="1"><c r="A1"><v>1</v></c></row>')
    end = data.rfind(b"PK\x05\x06")
    count, size, offset = struct.unpack_from("<HLL", data, end + 10)
    record = struct.pack("<4sQHHLLQQQQ", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, size, offset)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, end, 1)
    classic = data[end : end + 10] + struct.pack("<HLL", 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF) + data[end + 20 :]
    zip64 = data[:end] + record + locator + classic
    assert workbook._directory(zip64) == (count, size) == (6, size)
    assert values(zip64) == {"A1": 1}
    assert workbook._directory(data[:end] + classic)[0] is None  # a zip64 mark with no record: not read

"""Bounded Excel workbooks (.xlsx): the sheets an importer asks for, as cells, or located problems.

An ``.xlsx`` file is a zip archive of XML parts. It is read here, not by openpyxl, so that
every byte passes through one bounded, DTD-free parser (:mod:`.xmltree`) and every failure
is a located problem; openpyxl reads worksheets lazily, outside any error handling, pads a
sheet with empty cells up to its last cell (a 6 KB workbook with one cell at XFD1048576
ran for minutes) and inflates shared strings without a bound (a 529 KiB file took 743 MB).

Bounds, all on work and checked from the zip's directory **before** a byte is inflated:

- the zip directory lists at most :data:`MAX_MEMBERS` members (read from the end record,
  before Python's ``zipfile`` builds an entry for each);
- a part read inflates to at most :data:`MAX_PART_BYTES`, all parts read together to at
  most :data:`MAX_WORKBOOK_BYTES`, and a part over 1 MiB at most :data:`MAX_RATIO` times
  its compressed size (a zip bomb's ratio is in the thousands); a part that inflates past
  the size its directory entry declares is refused as it is read;
- cells are read as they are stored (sparse): a cell far away costs what any cell costs;
  a cell reference beyond XFD1048576 is refused;
- each XML part obeys :mod:`.xmltree`'s bounds (no DTD, depth, element count).

Only the parts needed are read: the package and workbook relationships, the workbook
(sheet names), the shared strings, the styles (which cells are dates) and the sheets asked
for. Cell values: text (shared or inline), numbers (``int`` when written without a point
or exponent), booleans, dates and times (a number with a date format, or a ``t="d"``
cell) as :mod:`datetime` values. A formula cell reads as its saved value. Problems:

- ``xlsx-syntax``: not a zip or not a workbook, a part too large, a bad cell reference,
  number, date, boolean or shared-string index, a cell written twice;
- ``xlsx-cell``: a cell that holds no value a reader can take — a formula saved without
  its value, an error value (``#REF!``), cells merged over data;
- ``xml-syntax``: a part that is not well-formed XML, declares a DTD, or passes the bounds.

Excel's ``_xHHHH_`` escapes are read as the text they are (openpyxl writes them unescaped
too, so a workbook linkchart wrote reads back exactly).
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import Any, Final

from ..errors import LoadError, Problem, ProblemCode
from .xmltree import local, read_xml, stream_xml

__all__ = [
    "MAX_MEMBERS",
    "MAX_PART_BYTES",
    "MAX_RATIO",
    "MAX_WORKBOOK_BYTES",
    "CellValue",
    "Sheet",
    "Workbook",
    "cell_ref",
    "column_letter",
    "read_workbook",
]

MAX_MEMBERS: Final = 10_000
"""The most members a workbook's zip directory may list."""
MAX_PART_BYTES: Final = 512 * 2**20
"""The largest part read, inflated (512 MiB, the size cap of a graph file)."""
MAX_WORKBOOK_BYTES: Final = 2**30
"""The most bytes inflated from one workbook, all parts read together (1 GiB)."""
MAX_RATIO: Final = 100
"""The most a part over 1 MiB may inflate, as a multiple of its compressed size."""
_RATIO_FROM: Final = 2**20
_MAX_DIRECTORY: Final = 8 * 2**20
_MAX_ROW: Final = 1_048_576
_MAX_COLUMN: Final = 16_384
_MAX_PROBLEMS: Final = 100
_CHUNK: Final = 2**20

CellValue = str | int | float | bool | dt.date | dt.datetime | dt.time
"""What a cell holds: text, a number, a boolean, a day, a moment or a time of day."""


@dataclass
class Sheet:
    """A worksheet as read: ``rows[r][c]`` is the value of the cell at row ``r``, column ``c``
    (both 1-based; only the cells stored are there: a sparse sheet costs what its cells
    cost), and the merged ranges."""

    name: str
    part: str
    rows: dict[int, dict[int, CellValue]] = field(default_factory=dict)
    merged: list[str] = field(default_factory=list)


@dataclass
class Workbook:
    """The sheet names in workbook order, and the sheets read."""

    names: list[str]
    sheets: dict[str, Sheet]


def column_letter(j: int) -> str:
    """The letters of the 1-based column ``j``.

    Examples
    --------
    >>> column_letter(1), column_letter(26), column_letter(27), column_letter(16384)
    ('A', 'Z', 'AA', 'XFD')
    """
    out = ""
    while j:
        j, r = divmod(j - 1, 26)
        out = chr(65 + r) + out
    return out


def cell_ref(row: int, column: int) -> str:
    """The reference of the cell at ``row``, ``column`` (1-based).

    Examples
    --------
    >>> cell_ref(3, 4), cell_ref(1_048_576, 16_384)
    ('D3', 'XFD1048576')
    """
    return f"{column_letter(column)}{row}"


_REF: Final = re.compile(r"([A-Z]{1,3})([1-9][0-9]{0,6})")


def _reference(ref: str) -> tuple[int, int] | None:
    """(row, column) of a cell reference such as ``D3``, or ``None`` if it is not one in range."""
    found = _REF.fullmatch(ref)
    if found is None:
        return None
    column = 0
    for letter in found[1]:
        column = column * 26 + ord(letter) - 64
    row = int(found[2])
    return (row, column) if row <= _MAX_ROW and column <= _MAX_COLUMN else None


# ---------------------------------------------------------------------------- the zip
class _Zip:
    """A zip archive whose members are inflated within the bounds, with problems for the rest."""

    def __init__(self, data: bytes, file: str) -> None:
        self.file = file
        self.inflated = 0
        count, directory = _directory(data)
        if count is None:
            raise self.refuse("not an Excel workbook: no zip directory (is it an .xls or a CSV file?)")
        if count > MAX_MEMBERS or directory > _MAX_DIRECTORY:
            raise self.refuse(
                f"the zip directory lists {count:,} members in {directory:,} bytes; a workbook read lists "
                f"at most {MAX_MEMBERS:,} members in {_MAX_DIRECTORY:,} bytes"
            )
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as err:
            raise self.refuse(f"not an Excel workbook: its zip archive cannot be read ({err})") from None
        if len(self.zip.infolist()) > MAX_MEMBERS:
            raise self.refuse(f"the zip archive has more than {MAX_MEMBERS:,} members")

    def refuse(
        self, message: str, hint: str = "open it in a spreadsheet and save it again as .xlsx"
    ) -> LoadError:
        return LoadError([Problem("xlsx-syntax", message, "", self.file, None, None, hint)])

    def has(self, name: str) -> bool:
        try:
            self.zip.getinfo(name)
        except KeyError:
            return False
        return True

    def chunks(self, name: str) -> Iterator[bytes]:
        """The inflated bytes of member ``name``, in chunks, within the bounds."""
        try:
            info = self.zip.getinfo(name)
        except KeyError:
            raise self.refuse(f"not an Excel workbook: it has no part {name}") from None
        size = info.file_size
        if size > MAX_PART_BYTES:
            raise self.refuse(
                f"the part {name} inflates to {size:,} bytes; at most {MAX_PART_BYTES:,} bytes are read"
            )
        if self.inflated + size > MAX_WORKBOOK_BYTES:
            raise self.refuse(f"the parts read inflate to more than {MAX_WORKBOOK_BYTES:,} bytes")
        if size > _RATIO_FROM and size > MAX_RATIO * max(info.compress_size, 1):
            raise self.refuse(
                f"the part {name}: {info.compress_size:,} compressed bytes inflate to {size:,} "
                f"(more than {MAX_RATIO} times; a zip bomb?)",
                "a workbook's parts compress far less: check where the file comes from",
            )
        self.inflated += size
        read = 0
        try:
            with self.zip.open(info) as f:
                while chunk := f.read(_CHUNK):
                    read += len(chunk)
                    if read > size:  # pragma: no cover - zipfile stops at the declared size itself
                        raise self.refuse(f"the part {name} inflates past its declared {size:,} bytes")
                    yield chunk
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            NotImplementedError,
            RuntimeError,
            ValueError,
        ) as err:
            raise self.refuse(f"the part {name} cannot be read: {err}") from None


def _directory(data: bytes) -> tuple[int | None, int]:
    """(members, directory bytes) from the zip's end record, or ``(None, 0)`` when there is none."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 65_535))
    if end < 0 or len(data) < end + 22:
        return None, 0
    count, size = struct.unpack_from("<HL", data, end + 10)
    if count == 0xFFFF or size == 0xFFFFFFFF:  # zip64: the counts are in its own end record
        locator = end - 20
        if locator < 0 or data[locator : locator + 4] != b"PK\x06\x07":
            return None, 0
        (offset,) = struct.unpack_from("<Q", data, locator + 8)
        if offset + 56 > len(data) or data[offset : offset + 4] != b"PK\x06\x06":
            return None, 0
        count, size = struct.unpack_from("<QQ", data, offset + 32)
    return count, size


# ---------------------------------------------------------------------------- the workbook
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DATE_FORMATS: Final = frozenset(range(14, 23)) | frozenset(range(45, 48))
_QUOTED: Final = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def read_workbook(data: bytes, file: str, wanted: Collection[str]) -> Workbook:
    """The sheet names of the workbook ``data`` and the sheets named in ``wanted``, read.

    Raises
    ------
    LoadError
        Every problem found (``xlsx-syntax``, ``xlsx-cell``, ``xml-syntax``), each with the
        file and, for a cell, the sheet, the cell and its row as the line.
    """
    archive = _Zip(data, file)
    book = _office_document(archive)
    folder = posixpath.dirname(book)
    root = _xml(archive, book)
    date1904 = any(e.get("date1904") in ("1", "true") for e in root.iter(f"{{{_MAIN}}}workbookPr"))
    targets = _relationships(archive, book)
    sheets: list[tuple[str, str]] = []
    for s in root.iter(f"{{{_MAIN}}}sheet"):
        name = s.get("name") or ""
        target = targets.get(s.get(f"{{{_R}}}id") or "", ("", ""))[1]
        sheets.append((name, _resolve(folder, target) if target else ""))
    strings_part = next(
        (_resolve(folder, t) for kind, t in targets.values() if kind == "sharedStrings"), None
    )
    styles_part = next((_resolve(folder, t) for kind, t in targets.values() if kind == "styles"), None)
    strings: list[str] | None = None
    dates = _date_styles(archive, styles_part) if styles_part and archive.has(styles_part) else frozenset()
    problems: list[Problem] = []
    read: dict[str, Sheet] = {}
    for name, part in sheets:
        if name not in wanted:
            continue
        if not part or not archive.has(part):
            problems.append(
                Problem(
                    "xlsx-syntax",
                    f"sheet {name}: its part {part or '(none)'} is missing",
                    "",
                    file,
                    None,
                    None,
                    "open the file in a spreadsheet and save it again",
                )
            )
            continue
        if strings is None:
            strings = (
                _shared_strings(archive, strings_part) if strings_part and archive.has(strings_part) else []
            )
        reader = _SheetReader(name, part, file, strings, dates, date1904, problems)
        stream_xml(archive.chunks(part), reader, file, where=f"sheet {name} ({part})")
        read[name] = reader.sheet
    if problems:
        raise LoadError(problems[:_MAX_PROBLEMS])
    return Workbook([name for name, _ in sheets], read)


def _xml(archive: _Zip, part: str) -> Any:
    root, _ = read_xml(b"".join(archive.chunks(part)), archive.file, where=part)
    return root


def _resolve(folder: str, target: str) -> str:
    """The member a relationship's target names, from the folder of the part that names it."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))


def _office_document(archive: _Zip) -> str:
    """The workbook part, from the package relationships (``xl/workbook.xml`` as a rule)."""
    if archive.has("_rels/.rels"):
        for rel in _xml(archive, "_rels/.rels").iter(f"{{{_RELS}}}Relationship"):
            if (rel.get("Type") or "").endswith("/officeDocument") and rel.get("Target"):
                return _resolve("", rel.get("Target") or "")
    return "xl/workbook.xml"


def _relationships(archive: _Zip, part: str) -> dict[str, tuple[str, str]]:
    """Id -> (kind, target) of the relationships of ``part`` (kind: ``worksheet``, ``styles`` ...)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if not archive.has(rels):
        return {}
    out = {}
    for rel in _xml(archive, rels).iter(f"{{{_RELS}}}Relationship"):
        kind = (rel.get("Type") or "").rpartition("/")[2]
        out[rel.get("Id") or ""] = (kind, rel.get("Target") or "")
    return out


def _date_styles(archive: _Zip, part: str) -> frozenset[int]:
    """The indices of the cell styles whose number format shows a date or time."""
    root = _xml(archive, part)
    custom = {}
    for f in root.iter(f"{{{_MAIN}}}numFmt"):
        code = _QUOTED.sub("", f.get("formatCode") or "").lower()
        custom[f.get("numFmtId")] = any(c in code for c in "dmyhs") and "general" not in code
    styles = root.find(f"{{{_MAIN}}}cellXfs")
    out = set()
    for k, xf in enumerate(styles if styles is not None else []):
        number = xf.get("numFmtId") or "0"
        if custom.get(number) or (number.isdigit() and int(number) in _DATE_FORMATS):
            out.add(k)
    return frozenset(out)


class _Text:
    """Collects the text of a string item (``<si>`` or ``<is>``): its ``<t>`` runs, without
    the phonetic ``<rPh>`` guides."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.inside_t = False
        self.phonetic = 0

    def start(self, name: str) -> None:
        if name == "rPh":
            self.phonetic += 1
        elif name == "t" and not self.phonetic:
            self.inside_t = True

    def end(self, name: str) -> None:
        if name == "rPh":
            self.phonetic -= 1
        elif name == "t":
            self.inside_t = False

    def data(self, text: str) -> None:
        if self.inside_t:
            self.parts.append(text)

    def text(self) -> str:
        return "".join(self.parts)


class _Strings:
    """Streaming reader of the shared strings: one text per ``<si>``."""

    def __init__(self) -> None:
        self.strings: list[str] = []
        self.item: _Text | None = None

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = local(tag)
        if name == "si":
            self.item = _Text()
        elif self.item is not None:
            self.item.start(name)

    def end(self, tag: str) -> None:
        name = local(tag)
        if name == "si" and self.item is not None:
            self.strings.append(self.item.text())
            self.item = None
        elif self.item is not None:
            self.item.end(name)

    def data(self, text: str) -> None:
        if self.item is not None:
            self.item.data(text)

    def close(self) -> list[str]:
        return self.strings


def _shared_strings(archive: _Zip, part: str) -> list[str]:
    strings, _ = stream_xml(
        archive.chunks(part), _Strings(), archive.file, where=f"the shared strings ({part})"
    )
    return list(strings)


_NUMBER: Final = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")
_MAX_NUMBER_TEXT: Final = 400
_EPOCH_1900: Final = dt.datetime(1899, 12, 30)
_EPOCH_1904: Final = dt.datetime(1904, 1, 1)


class _SheetReader:
    """Streaming reader of a worksheet into a :class:`Sheet`: cells as stored, never padded."""

    def __init__(
        self,
        name: str,
        part: str,
        file: str,
        strings: list[str],
        dates: frozenset[int],
        date1904: bool,
        problems: list[Problem],
    ) -> None:
        self.sheet = Sheet(name, part)
        self.file = file
        self.strings = strings
        self.dates = dates
        self.date1904 = date1904
        self.problems = problems
        self.row = 0
        self.column = 0
        self.cell: dict[str, str] | None = None
        self.value: list[str] | None = None  # the text of the cell's <v>, None when it has none
        self.in_value = False
        self.formula = False
        self.text: _Text | None = None

    # -- problems
    def problem(self, code: ProblemCode, ref: str, row: int | None, message: str, hint: str) -> None:
        if len(self.problems) < _MAX_PROBLEMS:
            where = f"sheet {self.sheet.name}, cell {ref}" if ref else f"sheet {self.sheet.name}"
            self.problems.append(Problem(code, f"{where}: {message}", "", self.file, row, None, hint))

    # -- the XML events
    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = local(tag)
        if self.cell is not None:
            if name == "v":
                self.value = []
                self.in_value = True
            elif name == "f":
                self.formula = True
            elif name == "is":
                self.text = _Text()
            elif self.text is not None:
                self.text.start(name)
        elif name == "row":
            r = attrib.get("r")
            if r is None:
                self.row += 1
            elif r.isdigit() and 1 <= int(r) <= _MAX_ROW:
                self.row = int(r)
            else:
                self.problem(
                    "xlsx-syntax",
                    "",
                    None,
                    f"the row number {r[:20]!r} is not one from 1 to {_MAX_ROW:,}",
                    _RESAVE,
                )
                self.row = -1
            self.column = 0
        elif name == "c":
            self.cell = attrib
            self.formula = False
            self.value = None
            self.text = None
        elif name == "mergeCell":
            self.sheet.merged.append(attrib.get("ref", ""))

    def end(self, tag: str) -> None:
        name = local(tag)
        if self.cell is None:
            return
        if name == "c":
            self.store(self.cell)
            self.cell = None
        elif name == "v":
            self.in_value = False
        elif self.text is not None and name != "is":
            self.text.end(name)

    def data(self, text: str) -> None:
        if self.in_value and self.value is not None:
            self.value.append(text)
        elif self.text is not None:
            self.text.data(text)

    def close(self) -> Sheet:
        """The sheet, once merged ranges over its data are reported (only the first cell of
        a merged range holds its value: the others would read as empty)."""
        if self.sheet.merged and self.sheet.rows:
            last_row = max(self.sheet.rows)
            last_column = max(c for cells in self.sheet.rows.values() for c in cells)
            for ref in self.sheet.merged:
                first, _, last = ref.partition(":")
                start, end = _reference(first), _reference(last or first)
                if start is None or end is None:
                    self.problem(
                        "xlsx-syntax",
                        "",
                        None,
                        f"the merged range {ref[:40]!r} is not a range of cells",
                        _RESAVE,
                    )
                elif start != end and start[0] <= last_row and start[1] <= last_column:
                    self.problem(
                        "xlsx-cell",
                        ref,
                        start[0],
                        f"the cells are merged, so only {first} holds a value and the others read as empty",
                        "unmerge the cells and write the value in each one",
                    )
        return self.sheet

    # -- one cell
    def store(self, attrib: dict[str, str]) -> None:
        ref = attrib.get("r")
        if ref is None:  # a cell may leave out its reference: it is the next one in its row
            if self.row < 1:
                return
            ref = f"{column_letter(self.column + 1)}{self.row}"
        place = _reference(ref)
        if place is None:
            self.problem(
                "xlsx-syntax",
                "",
                self.row if self.row > 0 else None,
                f"the cell reference {ref[:20]!r} is not one from A1 to XFD1048576",
                _RESAVE,
            )
            return
        row, column = place
        self.column = column
        value = self.read(attrib, ref, row)
        if value is None:
            return
        cells = self.sheet.rows.setdefault(row, {})
        if column in cells:
            self.problem("xlsx-syntax", ref, row, "the cell is written twice", _RESAVE)
            return
        cells[column] = value

    def read(self, attrib: dict[str, str], ref: str, row: int) -> CellValue | None:
        """The value of a cell, ``None`` for an empty one (or a bad one, with its problem)."""
        kind = attrib.get("t", "n")
        raw = "".join(self.value or [])
        if kind == "inlineStr":
            return self.text.text() if self.text is not None else None
        if self.value is None:
            if self.formula:
                self.problem(
                    "xlsx-cell", ref, row, "the cell holds a formula saved without its value", _RECALC
                )
            return None
        if kind == "s":
            index = int(raw) if raw.strip().isdigit() and len(raw) < 20 else -1
            if not 0 <= index < len(self.strings):
                self.problem(
                    "xlsx-syntax",
                    ref,
                    row,
                    f"the shared string index {raw[:20]!r} is out of range (the workbook has "
                    f"{len(self.strings):,} shared strings)",
                    _RESAVE,
                )
                return None
            return self.strings[index]
        if kind == "str":
            return raw
        if kind == "b":
            if raw not in ("0", "1"):
                self.problem("xlsx-syntax", ref, row, f"the boolean {raw[:20]!r} is not 0 or 1", _RESAVE)
                return None
            return raw == "1"
        if kind == "e":
            self.problem(
                "xlsx-cell",
                ref,
                row,
                f"the cell holds the error {raw[:20]}",
                "correct the formula or type the value",
            )
            return None
        if kind == "d":
            return self.iso(raw, ref, row)
        if kind != "n":
            self.problem("xlsx-syntax", ref, row, f"the cell type {kind[:20]!r} is unknown", _RESAVE)
            return None
        if not raw.strip():
            if self.formula:  # openpyxl, and others, save a formula with an empty value
                self.problem(
                    "xlsx-cell", ref, row, "the cell holds a formula saved without its value", _RECALC
                )
            return None
        return self.number(raw.strip(), ref, row, attrib.get("s", "0"))

    def number(self, raw: str, ref: str, row: int, style: str) -> CellValue | None:
        if len(raw) > _MAX_NUMBER_TEXT or not _NUMBER.fullmatch(raw):
            self.problem("xlsx-syntax", ref, row, f"the number {raw[:40]!r} is not a number", _RESAVE)
            return None
        integer = not any(c in raw for c in ".eE")
        value: float | int = int(raw) if integer else float(raw)
        if isinstance(value, float) and not (abs(value) < float("inf")):
            self.problem(
                "xlsx-syntax", ref, row, f"the number {raw[:40]!r} is too large for a number", _RESAVE
            )
            return None
        if style.isdigit() and int(style) in self.dates:
            return self.serial(float(value), ref, row)
        return value

    def serial(self, value: float, ref: str, row: int) -> CellValue | None:
        """The day, moment or time of day of a spreadsheet date number."""
        if not 0 <= value < 2_958_466 or (not self.date1904 and 60 <= value < 61):
            self.problem(
                "xlsx-syntax",
                ref,
                row,
                f"the date number {value!r} is not a date from 1900 to 9999",
                "type the date again, as a date",
            )
            return None
        seconds = round(value * 86_400)
        if value < 1:
            return dt.time(seconds // 3600 % 24, seconds // 60 % 60, seconds % 60)
        epoch = _EPOCH_1904 if self.date1904 else _EPOCH_1900
        if not self.date1904 and value < 60:  # 1900-02-29, which Excel counts, never was
            seconds += 86_400
        moment = epoch + dt.timedelta(seconds=seconds)
        return moment.date() if moment.time() == dt.time() else moment

    def iso(self, raw: str, ref: str, row: int) -> CellValue | None:
        try:
            moment = dt.datetime.fromisoformat(raw.strip().removesuffix("Z"))
        except ValueError:
            self.problem(
                "xlsx-syntax",
                ref,
                row,
                f"the date {raw[:40]!r} is not a date",
                "type the date again, as a date",
            )
            return None
        return moment.date() if moment.time() == dt.time() else moment


_RESAVE: Final = "open the file in a spreadsheet and save it again as .xlsx"
_RECALC: Final = "open the file in a spreadsheet and save it (that saves the values), or type the value"

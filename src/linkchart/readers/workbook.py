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

import io
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any, Final

from ..errors import LoadError, Problem
from .worksheet import MAIN, MAX_PROBLEMS, CellValue, Sheet, SheetReader, Strings, cell_ref, column_letter
from .xmltree import read_xml, stream_xml

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
_CHUNK: Final = 2**20


@dataclass
class Workbook:
    """The sheet names in workbook order, and the sheets read."""

    names: list[str]
    sheets: dict[str, Sheet]


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
    date1904 = any(e.get("date1904") in ("1", "true") for e in root.iter(f"{{{MAIN}}}workbookPr"))
    targets = _relationships(archive, book)
    sheets: list[tuple[str, str]] = []
    for s in root.iter(f"{{{MAIN}}}sheet"):
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
        reader = SheetReader(name, part, file, strings, dates, date1904, problems)
        stream_xml(archive.chunks(part), reader, file, where=f"sheet {name} ({part})")
        read[name] = reader.sheet
    if problems:
        raise LoadError(problems[:MAX_PROBLEMS])
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
    for f in root.iter(f"{{{MAIN}}}numFmt"):
        code = _QUOTED.sub("", f.get("formatCode") or "").lower()
        custom[f.get("numFmtId")] = any(c in code for c in "dmyhs") and "general" not in code
    styles = root.find(f"{{{MAIN}}}cellXfs")
    out = set()
    for k, xf in enumerate(styles if styles is not None else []):
        number = xf.get("numFmtId") or "0"
        if custom.get(number) or (number.isdigit() and int(number) in _DATE_FORMATS):
            out.add(k)
    return frozenset(out)


def _shared_strings(archive: _Zip, part: str) -> list[str]:
    strings, _ = stream_xml(
        archive.chunks(part), Strings(), archive.file, where=f"the shared strings ({part})"
    )
    return list(strings)

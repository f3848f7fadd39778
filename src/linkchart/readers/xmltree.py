"""Bounded, DTD-free XML: every XML an importer reads (GraphML, GEXF, the parts of a workbook).

XML is parsed by defusedxml's parser with ``forbid_dtd=True``: a document that declares a
DTD anywhere — an internal subset with entities (the "billion laughs" bomb), an external
one (``SYSTEM "file:///etc/passwd"``), or only attribute defaults (an ``ATTLIST`` that
silently supplies an edge's ``target``) — is refused when the parser meets the
declaration, wherever it is in the file. An entity that is not one of XML's five is a
syntax error. The work is bounded too: at most :data:`MAX_XML_DEPTH` nested elements and
:data:`MAX_ELEMENTS` elements in one document, counted as the parser goes, so a document
is refused before it grows past them.

Every failure is an ``xml-syntax`` problem with the line and column where the parser
stopped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, Protocol

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from ..errors import LoadError, Problem

__all__ = ["MAX_ELEMENTS", "MAX_XML_DEPTH", "Handler", "local", "read_xml", "stream_xml"]

MAX_XML_DEPTH: Final = 128
"""The deepest nesting of elements read (GraphML and GEXF need fewer than 10)."""
MAX_ELEMENTS: Final = 2**24
"""The most elements read in one XML document (16,777,216: a chart of millions of ties)."""


class Handler(Protocol):
    """What a streaming reader of XML is told: elements as they open and close, and text."""

    def start(self, tag: str, attrib: dict[str, str]) -> Any: ...
    def end(self, tag: str) -> Any: ...
    def data(self, text: str) -> None: ...


class _Bound(Exception):
    """The document passed a bound; ``message`` says which."""


def local(tag: str) -> str:
    """The name of ``tag`` without its namespace: ``{http://...}node`` -> ``node``."""
    return tag.rpartition("}")[2]


class _Guard:
    """Counts depth and elements on the way to ``inner``, and notes the line of some elements."""

    def __init__(self, inner: Handler, *, lines: frozenset[str], max_depth: int, max_elements: int) -> None:
        self.inner = inner
        self.depth = 0
        self.count = 0
        self.max_depth = max_depth
        self.max_elements = max_elements
        self.keep = lines
        self.lines: dict[Any, int] = {}
        self.line: Callable[[], int] = lambda: 0

    def start(self, tag: str, attrib: dict[str, str]) -> Any:
        self.depth += 1
        self.count += 1
        if self.depth > self.max_depth:
            raise _Bound(f"the elements are nested deeper than {self.max_depth:,} levels")
        if self.count > self.max_elements:
            raise _Bound(f"the document has more than {self.max_elements:,} elements")
        element = self.inner.start(tag, attrib)
        if self.keep and local(tag) in self.keep:
            self.lines[element] = self.line()
        return element

    def end(self, tag: str) -> Any:
        self.depth -= 1
        return self.inner.end(tag)

    def data(self, text: str) -> None:
        self.inner.data(text)

    def close(self) -> Any:
        close = getattr(self.inner, "close", None)
        return close() if close is not None else None


def stream_xml(
    chunks: Iterable[bytes],
    handler: Handler,
    file: str,
    *,
    where: str = "",
    lines: frozenset[str] = frozenset(),
) -> tuple[Any, Mapping[Any, int]]:
    """Parse the XML in ``chunks`` into ``handler``; return its ``close()`` and the noted lines.

    ``where`` names the document inside the file (``"sheet edges (xl/worksheets/sheet2.xml)"``)
    for the problems; then the line and column are given in the message, as they are
    lines of that part, not of the file. ``lines`` are element names (without namespace)
    whose line is noted, by the element ``handler.start`` returned.

    Raises
    ------
    LoadError
        One ``xml-syntax`` problem: malformed XML, a DTD, an undefined entity, nesting
        deeper than :data:`MAX_XML_DEPTH`, more than :data:`MAX_ELEMENTS` elements.
    """
    guard = _Guard(handler, lines=lines, max_depth=MAX_XML_DEPTH, max_elements=MAX_ELEMENTS)
    parser = DefusedXMLParser(target=guard, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    expat = parser.parser
    guard.line = lambda: int(expat.CurrentLineNumber)
    try:
        for chunk in chunks:
            parser.feed(chunk)
        result = parser.close()
    except ET.ParseError as err:
        line, column = err.position if err.position else (None, None)
        raise _located(f"malformed XML: {_reason(err)}", file, where, line, column, _HINT) from None
    except DefusedXmlException:
        line, column = int(expat.CurrentLineNumber), int(expat.CurrentColumnNumber)
        raise _located(
            "the XML declares a DTD (a <!DOCTYPE ...>); linkchart reads no DTD: its entities, external "
            "files and attribute defaults would change what the file says",
            file,
            where,
            line,
            column,
            "export the file again without the <!DOCTYPE ...> declaration",
        ) from None
    except _Bound as err:
        line, column = int(expat.CurrentLineNumber), int(expat.CurrentColumnNumber)
        raise _located(
            str(err), file, where, line, column, "split the file, or check that it is the right one"
        ) from None
    return result, guard.lines


def read_xml(
    data: bytes, file: str, *, where: str = "", lines: frozenset[str] = frozenset()
) -> tuple[ET.Element, Mapping[ET.Element, int]]:
    """The root element of the XML document ``data``, and the lines of the elements named in
    ``lines``; bounded and DTD-free as :func:`stream_xml` says."""
    root, noted = stream_xml([data], ET.TreeBuilder(), file, where=where, lines=lines)
    return root, noted


_HINT: Final = "check that the file is whole and was saved as XML (every tag closed, & written as &amp;)"


def _reason(err: ET.ParseError) -> str:
    """expat's message without its own position (the problem gives it)."""
    return str(err).split(": line ")[0]


def _located(
    message: str, file: str, where: str, line: int | None, column: int | None, hint: str
) -> LoadError:
    if where:  # a part of a file (a workbook): its line is not a line of the file
        at = f", line {line}, column {(column or 0) + 1}" if line is not None else ""
        return LoadError([Problem("xml-syntax", f"{where}{at}: {message}", "", file, None, None, hint)])
    at = f" (column {(column or 0) + 1})" if line is not None else ""
    return LoadError([Problem("xml-syntax", message + at, "", file, line, None, hint)])

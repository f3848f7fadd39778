"""linkchart.readers.xmltree: defusedxml with forbid_dtd, depth and element bounds, lines."""

from __future__ import annotations

import pytest

from linkchart import LoadError
from linkchart.readers import xmltree
from linkchart.readers.xmltree import MAX_XML_DEPTH, local, read_xml


def problem(data: bytes, **kw: object) -> tuple[str, int | None, str]:
    with pytest.raises(LoadError) as info:
        read_xml(data, "f.xml", **kw)  # type: ignore[arg-type]
    (p,) = info.value.problems
    return p.code, p.line, p.message


def test_elements_and_their_lines() -> None:
    text = b'<?xml version="1.0"?>\n<a xmlns="urn:x">\n <b id="1"/>\n <b id="2">t</b>\n</a>'
    root, lines = read_xml(text, "f", lines=frozenset({"b"}))
    bs = list(root)
    assert [local(b.tag) for b in bs] == ["b", "b"] and bs[1].text == "t"
    assert [lines[b] for b in bs] == [3, 4]


def test_the_depth_bound_is_exact() -> None:
    read_xml(b"<x>" * MAX_XML_DEPTH + b"</x>" * MAX_XML_DEPTH, "f")
    code, line, message = problem(b"<x>\n" * (MAX_XML_DEPTH + 1) + b"</x>" * (MAX_XML_DEPTH + 1))
    assert code == "xml-syntax" and line == MAX_XML_DEPTH + 1 and "nested deeper than 128" in message


def test_the_element_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xmltree, "MAX_ELEMENTS", 10)
    read_xml(b"<a>" + b"<b/>" * 9 + b"</a>", "f")
    assert "more than 10 elements" in problem(b"<a>" + b"<b/>" * 10 + b"</a>")[2]


@pytest.mark.parametrize(
    "dtd",
    [
        b"<!DOCTYPE a>",
        b'<!DOCTYPE a [<!ENTITY e "x">]>',
        b'<!DOCTYPE a [<!ATTLIST a k CDATA "v">]>',
        b'<!DOCTYPE a SYSTEM "file:///etc/passwd">',
        b'<!DOCTYPE a PUBLIC "-//x//y" "http://example.org/a.dtd">',
    ],
)
def test_every_dtd_is_refused_where_it_is(dtd: bytes) -> None:
    code, line, message = problem(b'<?xml version="1.0"?>\n<!--' + b"x" * 5000 + b"-->\n" + dtd + b"\n<a/>")
    assert code == "xml-syntax" and line == 3 and "DTD" in message


def test_syntax_errors_give_line_and_column_and_a_part_names_itself() -> None:
    code, line, message = problem(b"<a>\n  <b></c>\n</a>")
    assert (code, line) == ("xml-syntax", 2) and message.startswith("malformed XML: mismatched tag (column")
    code, line, message = problem(b"<a>&nope;</a>", where="sheet nodes (xl/worksheets/sheet1.xml)")
    assert line is None and message.startswith("sheet nodes (xl/worksheets/sheet1.xml), line 1, column 4: ")
    assert "undefined entity" in message
    assert "no element found" in problem(b"")[2]

"""Parsing, one module per format: bytes to a located raw document, never a chart.

:mod:`.yaml` (graph files), :mod:`.csv` (CSV tables), :mod:`.matrix` (matrices),
:mod:`.graphml`, :mod:`.gexf`, :mod:`.nodelink`, :mod:`.xlsx`, :mod:`.stix` and
:mod:`.ftm` (other tools' formats, FollowTheMoney's JSON lines too, to the records of
:mod:`.convention`; a file without linkchart's header through :mod:`.foreign`). They
stand on three bounded parsers — :mod:`.jsontext` (JSON),
:mod:`.xmltree` (XML, no DTD) and :mod:`.workbook` (the zip and XML parts of an
``.xlsx``) — so that every failure in a file from someone else is a located problem, and
the work a file can cause is bounded by its size, never by the machine's load
(``docs/security.md`` lists the bounds). :mod:`.formats` says which format a file is read
as; :mod:`linkchart.loading` validates what they read and builds the chart.
"""

from .formats import NAMES, READERS, SUFFIXES, read_formats, reader_of

__all__ = ["NAMES", "READERS", "SUFFIXES", "read_formats", "reader_of"]

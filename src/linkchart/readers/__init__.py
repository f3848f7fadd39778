"""Reading other tools' files: GraphML, GEXF, node-link JSON, Excel and STIX 2.1, bounded and located.

Each format has one parsing boundary (a module here); every one stands on three bounded
parsers — :mod:`.jsontext` (JSON), :mod:`.xmltree` (XML, no DTD) and :mod:`.workbook`
(the zip and XML parts of an ``.xlsx``) — so that every failure in a file from someone
else is a located problem, and the work a file can cause is bounded by its size, never by
the machine's load. ``docs/security.md`` lists the bounds.
"""

from .read import *  # noqa: F403
from .read import __all__ as _read

__all__ = [*_read]

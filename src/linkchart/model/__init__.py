"""The frozen typed multigraph (:class:`LinkChart`), its tables, its values and its views.

:mod:`.records` (the values: :class:`Source`, :class:`Note`, :class:`Node`, :class:`Edge`),
:mod:`.tables` (the columns: :class:`NodeTable`, :class:`EdgeTable`, :class:`Alternatives`),
:mod:`.views` (the rows a view keeps), :mod:`.support` (what each tie rests on),
:mod:`.chart` (:class:`LinkChart`), :mod:`.convert` (the id <-> position map; networkx,
igraph, records) and :mod:`.fields` (the field names of files and records).
"""

import copyreg
from types import MappingProxyType
from typing import Any

from .chart import *  # noqa: F403
from .chart import __all__ as _chart
from .conflict import *  # noqa: F403
from .conflict import __all__ as _conflict
from .decisions import *  # noqa: F403
from .decisions import __all__ as _decisions
from .records import *  # noqa: F403
from .records import __all__ as _records
from .support import *  # noqa: F403
from .support import __all__ as _support
from .tables import *  # noqa: F403
from .tables import __all__ as _tables

__all__ = [*_chart, *_conflict, *_decisions, *_records, *_support, *_tables]


def read_only(items: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    """A read-only mapping of ``items`` (what a pickled read-only mapping is rebuilt with)."""
    return MappingProxyType(items)


def _pickled(mapping: MappingProxyType[Any, Any]) -> tuple[Any, tuple[dict[Any, Any]]]:
    """Pickle a read-only mapping as a read-only copy of its items, so that a chart (whose
    tables hold their columns in read-only mappings) travels whole to a worker process."""
    return read_only, (dict(mapping),)


copyreg.pickle(MappingProxyType, _pickled)

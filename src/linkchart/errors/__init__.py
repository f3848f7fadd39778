"""The exception hierarchy and errors as data: every error linkchart raises on purpose is a
:class:`LinkchartError`, with a stable code from one table (:data:`CODES`).

A file with problems raises one :class:`LoadError` that lists every :class:`Problem` at
once, each with the file, line, the path of the bad item, a stable code, the bad item and a
hint. Errors are data too, in the style of pydantic-core's error list: a code from the
closed set of :data:`CODES`, a location ``loc`` as a tuple (``("edges", 12, "to")``), the
``input`` and ``ctx`` behind the message, and ``to_dict()``; :meth:`LoadError.errors` lists
a file's problems as dicts.
"""

from .codes import *  # noqa: F403
from .codes import __all__ as _codes
from .data import *  # noqa: F403
from .data import __all__ as _data
from .exceptions import *  # noqa: F403
from .exceptions import __all__ as _exceptions
from .problems import *  # noqa: F403
from .problems import __all__ as _problems

__all__ = [*_codes, *_data, *_exceptions, *_problems]

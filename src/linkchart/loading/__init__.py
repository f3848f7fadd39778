"""Loading graphs: files, tables and records validated into a chart, with located errors.

:func:`~.load.load` picks a reader (:mod:`linkchart.readers`) by the file's format;
:func:`~.document.from_document` and :func:`~.records.from_records` validate what was
read (:mod:`.build`) into a :class:`~linkchart.model.LinkChart`; :func:`~.document.load_csv`
reads other tools' CSV tables and :mod:`.matrix` matrices. The package is
``linkchart.loading`` so that ``linkchart.load`` is plainly the function.
"""

from .document import *  # noqa: F403
from .document import __all__ as _document
from .load import *  # noqa: F403
from .load import __all__ as _load
from .matrix import *  # noqa: F403
from .matrix import __all__ as _matrix
from .records import *  # noqa: F403
from .records import __all__ as _records

__all__ = [*_document, *_load, *_matrix, *_records]

"""Loading graphs: YAML and CSV files and Python records, validated with located errors.

The package is ``linkchart.loading`` so that ``linkchart.load`` is plainly the function
:func:`~linkchart.loading.document.load`.
"""

from .document import *  # noqa: F403
from .document import __all__ as _document
from .records import *  # noqa: F403
from .records import __all__ as _records
from .write import *  # noqa: F403
from .write import __all__ as _write

__all__ = [*_document, *_records, *_write]

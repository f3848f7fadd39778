"""Loading graphs: YAML and CSV files and Python records, validated with located errors.

The package is ``linkchart.loading`` so that ``linkchart.load`` is plainly the function
:func:`~linkchart.loading.document.load`.
"""

from .document import *  # noqa: F403
from .records import *  # noqa: F403
from .write import *  # noqa: F403

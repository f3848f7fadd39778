"""``python -m linkchart.cli``: the command line, as the ``linkchart`` command."""

import sys

from . import main

__all__: list[str] = []

if __name__ == "__main__":
    sys.exit(main())

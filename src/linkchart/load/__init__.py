"""Loading graphs: YAML and CSV files and Python records, validated with located errors.

``linkchart.load`` is both this package and the function :func:`load`: the package
re-exports it, and the package module itself is callable, so ``linkchart.load(path)``
works even where an import system (pytest's ``--import-mode=importlib``) rebinds the
package over the function.
"""

import sys as _sys
import types as _types
from os import PathLike as _PathLike

from ..model import LinkChart as _LinkChart
from .document import *  # noqa: F403
from .document import load as _load
from .records import *  # noqa: F403
from .write import *  # noqa: F403


class _CallablePackage(_types.ModuleType):
    def __call__(self, path: "str | _PathLike[str]") -> _LinkChart:
        return _load(path)


_sys.modules[__name__].__class__ = _CallablePackage

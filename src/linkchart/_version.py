"""The version of linkchart: one place, read by the package, its pages and figures, and its build.

``pyproject.toml`` reads it (``[tool.setuptools.dynamic]``), so the installed
distribution's version and :data:`linkchart.__version__` never differ. Modules that
print the version import it from here, never from the package root: the root imports
every layer, so importing it from inside the package would point every layer up.
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.2.0"

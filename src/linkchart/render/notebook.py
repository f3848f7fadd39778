"""Jupyter shows a :class:`~linkchart.model.LinkChart` as its page, without the model knowing.

The model never imports the renderer. Instead, when linkchart is imported inside a
running IPython kernel, :func:`register_jupyter_display` tells IPython's HTML formatter
to show a chart as :func:`~linkchart.render.html.show` would. Outside IPython (a script,
the command line) nothing is imported and nothing is registered.
"""

from __future__ import annotations

import sys
from typing import Any

from ..model import LinkChart
from .html import show

__all__ = ["chart_html", "register_jupyter_display"]


def chart_html(chart: LinkChart) -> str:
    """The inline frame Jupyter shows for ``chart`` (its page with the default choices)."""
    return show(chart)._repr_html_()


def register_jupyter_display(ipython: Any = None) -> bool:
    """Register :func:`chart_html` as the HTML display of :class:`LinkChart` in ``ipython``.

    ``ipython`` defaults to the running IPython shell, if IPython is already imported
    and a shell is running. Returns whether a display was registered.
    """
    if ipython is None:
        module = sys.modules.get("IPython")
        get = getattr(module, "get_ipython", None)
        ipython = get() if callable(get) else None
    if ipython is None:
        return False
    formatter = ipython.display_formatter.formatters["text/html"]
    formatter.for_type(LinkChart, chart_html)
    return True

"""The files a page inlines: vis-network from the pyvis package (checked), and linkchart's own.

The product renders with pyvis, and pyvis ships the vis-network build the page inlines.
linkchart looks that build up once, in the installed pyvis package, and checks it
against the SHA-256 recorded here for the pinned pyvis range (``pyvis>=0.3.2,<0.4``): a
missing or changed file is a clear :class:`~linkchart.errors.LinkchartError` that names
the installed pyvis version, never a raw ``FileNotFoundError`` or a page built on a
script nobody checked.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping
from importlib import metadata, resources
from types import MappingProxyType

from ..errors import LinkchartError

__all__ = ["VIS_NETWORK", "VIS_NETWORK_SHA256", "page_assets"]

VIS_NETWORK = "lib/vis-9.1.2"
"""The vis-network build, inside pyvis's ``templates`` folder, that pages inline."""

VIS_NETWORK_SHA256: Mapping[str, str] = MappingProxyType(
    {
        "vis-network.min.js": "1f20f0736f32cb9bedf8f6383b25cfea2f839e1abe80d6e8040b4d5bea378c69",
        "vis-network.css": "2e82d445ad5878ea881652470ce632601f8f55f1b99e6ebecdff8614600e6d0e",
    }
)
"""The SHA-256 of each vis-network file as pyvis 0.3.2 ships it."""


def _pyvis_version() -> str:
    try:
        return metadata.version("pyvis")
    except metadata.PackageNotFoundError:
        return "not installed"


def pyvis_asset(name: str, expected: str | None = None) -> str:
    """The text of ``name`` in pyvis's vis-network folder, checked against its SHA-256.

    Raises
    ------
    LinkchartError
        (code ``asset-missing``) when the file is missing, unreadable, or not the
        recorded build; the message names the installed pyvis version.
    """
    want = expected if expected is not None else VIS_NETWORK_SHA256[name]
    where = f"pyvis/templates/{VIS_NETWORK}/{name}"
    try:
        data = (resources.files("pyvis") / "templates" / VIS_NETWORK / name).read_bytes()
    except (ModuleNotFoundError, OSError) as err:
        raise LinkchartError(
            f"vis-network is missing from pyvis {_pyvis_version()}: cannot read {where} "
            f"({getattr(err, 'strerror', None) or err}); linkchart needs pyvis>=0.3.2,<0.4",
            code="asset-missing",
        ) from None
    got = hashlib.sha256(data).hexdigest()
    if got != want:
        raise LinkchartError(
            f"{where} in pyvis {_pyvis_version()} is not the vis-network build linkchart checked "
            f"(sha256 {got[:16]}..., expected {want[:16]}...); reinstall pyvis>=0.3.2,<0.4",
            code="asset-missing",
        )
    # newlines as text mode reads them, so a page reads back as it was written
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def own_asset(name: str) -> str:
    """The text of one of linkchart's own page files (``templates/name``)."""
    return (resources.files("linkchart.render") / "templates" / name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def page_assets() -> Mapping[str, str]:
    """The scripts and styles a page inlines, read and checked once per process.

    Raises
    ------
    LinkchartError
        When vis-network is missing or changed (see :func:`pyvis_asset`), or a file
        holds a closing tag and so cannot be inlined.
    """
    assets = {
        "vis_js": pyvis_asset("vis-network.min.js"),
        "vis_css": pyvis_asset("vis-network.css"),
        "app_js": own_asset("linkchart.js"),
        "classes_js": own_asset("classes.js"),  # spliced into app_js on a page of several classes
        "diff_js": own_asset("diff.js"),  # spliced into app_js on a diff page
        "css": own_asset("linkchart.css"),
    }
    for key, text in assets.items():
        if "</script" in text.lower() or "</style" in text.lower() or "<!--" in text:
            raise LinkchartError(f"the page asset {key!r} cannot be inlined (it contains a closing tag)")
    return MappingProxyType(assets)

"""vis-network comes from the pyvis package, looked up once and checked by its SHA-256."""

from __future__ import annotations

import pytest

from linkchart import LinkchartError
from linkchart.render import assets


def test_the_installed_vis_network_is_the_checked_build() -> None:
    page = assets.page_assets()
    assert "vis-network" in page["vis_js"][:400] and len(page["vis_js"]) > 400_000
    assert assets.page_assets() is page  # read once per process


def test_a_changed_asset_is_a_clear_error_naming_pyvis() -> None:
    with pytest.raises(LinkchartError, match=r"pyvis 0\.3\.\d+ is not the vis-network build") as info:
        assets.pyvis_asset("vis-network.css", expected="0" * 64)
    assert info.value.code == "asset-missing"


def test_a_missing_asset_is_a_clear_error_naming_pyvis() -> None:
    with pytest.raises(LinkchartError, match=r"vis-network is missing from pyvis 0\.3\.\d+") as info:
        assets.pyvis_asset("no-such-file.js", expected="0" * 64)
    assert info.value.code == "asset-missing"

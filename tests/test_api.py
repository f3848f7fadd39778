"""The public API is closed: ``linkchart.__all__`` names functions, classes and constants only."""

from __future__ import annotations

import importlib.metadata
import pkgutil
import types

import linkchart


def test_the_top_level_lists_no_module_and_no_private_helper() -> None:
    exported = {name: getattr(linkchart, name) for name in linkchart.__all__}
    assert not [n for n, v in exported.items() if isinstance(v, types.ModuleType)]
    assert not [n for n in exported if n.startswith("_") and n != "__version__"]
    for helper in ("positions", "by_id", "check_engine", "did_you_mean", "relation_list", "NO_TIME"):
        assert helper not in linkchart.__all__
    assert set(linkchart.__all__) == set(dict.fromkeys(linkchart.__all__))  # no name twice


def test_every_registered_measure_is_public() -> None:
    for name, measure in linkchart.MEASURES.items():
        assert getattr(linkchart, name) is measure.function


def test_every_package_declares_all() -> None:
    for info in pkgutil.walk_packages(linkchart.__path__, "linkchart."):
        module = importlib.import_module(info.name)
        assert isinstance(getattr(module, "__all__", None), list), f"{info.name} has no __all__"
        for name in module.__all__:
            assert hasattr(module, name), f"{info.name}.__all__ names {name!r}, which it lacks"


def test_the_version_is_the_installed_one() -> None:
    assert linkchart.__version__ == importlib.metadata.version("linkchart")

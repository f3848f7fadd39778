"""Fixtures for the reader tests: graph files written under tmp_path (:mod:`graphfiles`)."""

from graphfiles import base, graphs, replace

__all__ = ["base", "graphs", "replace"]

"""Fixtures for the loader tests: write a graph file under tmp_path and load it (:mod:`graphfiles`)."""

from graphfiles import base, graphs, replace

__all__ = ["base", "graphs", "replace"]

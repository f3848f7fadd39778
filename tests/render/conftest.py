"""Fixtures for the render tests: charts, and a headless Chromium shared by the session.

The browser is Debian's ``/usr/bin/chromium`` (or ``LINKCHART_CHROMIUM``) driven by
Playwright. Without it the browser tests skip with the reason, except under CI
(``CI=true``), where they fail: a CI run must never pass without having opened a page.
Screenshots go to ``$LINKCHART_ARTIFACTS`` (default: a pytest temporary folder).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import linkchart

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("LINKCHART_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def central_asia() -> linkchart.LinkChart:
    """The Central Asia chart of ``graphs/central_asia.yaml``."""
    return linkchart.load(ROOT / "graphs" / "central_asia.yaml")


def synthetic_chart(n: int, m: int, seed: int = 7) -> linkchart.LinkChart:
    """A random typed multigraph: ``n`` nodes of the six default types, ``m`` edges.

    Edges join a node to one of its ``k`` ring neighbours or, one time in five, to any
    node (a small world), with parallel edges and every confidence level.
    """
    rng = np.random.default_rng(seed)
    types = [t.name for t in linkchart.DEFAULT_NODE_TYPES]
    nodes = [
        {"id": f"n{i}", "type": types[int(rng.integers(len(types)))], "label": f"Node {i}",
         "aliases": [f"alias-{i}"], "attributes": {"rank": int(i % 13)}}
        for i in range(n)
    ]  # fmt: skip
    relations = ["finances", "protects", "operates_in", "member_of", "borders", "hides_in"]
    levels = list(linkchart.DEFAULT_CONFIDENCE)
    src = rng.integers(n, size=m)
    near = (src + rng.integers(1, 8, size=m)) % n
    far = rng.integers(n, size=m)
    dst = np.where(rng.random(m) < 0.2, far, near)
    dst = np.where(dst == src, (src + 1) % n, dst)
    edges = [
        {"from": f"n{a}", "to": f"n{b}", "relation": relations[int(rng.integers(len(relations)))],
         "confidence": levels[int(rng.integers(len(levels)))], "evidence": f"Report {k} ties n{a} to n{b}.",
         "time": 1990 + int(k % 30)}
        for k, (a, b) in enumerate(zip(src.tolist(), dst.tolist(), strict=True))
    ]  # fmt: skip
    return linkchart.from_records(nodes, edges, title=f"Synthetic chart, {n} nodes")


@pytest.fixture(scope="session")
def large_chart() -> linkchart.LinkChart:
    """A synthetic chart of 3,000 nodes and 9,000 edges."""
    return synthetic_chart(3000, 9000)


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: ``$LINKCHART_ARTIFACTS`` or a temporary folder."""
    configured = os.environ.get("LINKCHART_ARTIFACTS")
    if configured:
        path = Path(configured)
        path.mkdir(parents=True, exist_ok=True)
        return path
    return tmp_path_factory.mktemp("artifacts")


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"no browser under CI: {reason}", pytrace=False)
    pytest.skip(f"no headless Chromium: {reason}")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as err:
        _unavailable(f"playwright is not installed ({err})")
    manager = sync_playwright()
    try:
        pw = manager.start()
    except Exception as err:  # the driver itself could not start
        _unavailable(f"playwright could not start ({err})")
    try:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    except Exception as err:
        manager.__exit__(None, None, None)
        _unavailable(f"{CHROMIUM} could not be launched ({str(err).splitlines()[0]})")
    yield chromium
    chromium.close()
    manager.__exit__(None, None, None)


@dataclass
class Opened:
    """A page opened from a file, with everything it asked for and said."""

    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    @property
    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if u != self.url]


@pytest.fixture
def open_page(browser: Any, tmp_path: Path) -> Iterator[Callable[..., Opened]]:
    """``open_page(html, name)``: write ``html`` under ``tmp_path``, open it, wait until drawn
    (``init``: a script to run in the page before its own)."""
    contexts: list[Any] = []

    def opener(
        html: str,
        name: str = "chart.html",
        *,
        wait: bool = True,
        width: int = 1400,
        height: int = 900,
        init: str | None = None,
    ) -> Opened:
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        if init is not None:  # a script of the test's own, run before the page's (e.g. a probe)
            context.add_init_script(init)
        page = context.new_page()
        opened = Opened(page, path.as_uri())
        page.on("request", lambda r: opened.requests.append(r.url))
        page.on("console", lambda m: opened.console.append((m.type, m.text)))
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.goto(opened.url)
        if wait:
            page.wait_for_function("window.linkchart && window.linkchart.ready", timeout=60_000)
        return opened

    yield opener
    for context in contexts:
        context.close()

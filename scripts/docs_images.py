"""Regenerate the pictures of the README and docs/ from the commands that make them.

Each picture is made by a ``linkchart`` command line, as the README shows it; a page is
then opened in headless Chromium (Debian's ``/usr/bin/chromium`` or
``$LINKCHART_CHROMIUM``, driven by Playwright: ``pip install -e '.[dev]'``) and
photographed once it has drawn. Nothing waits a fixed time: the shot is taken when the
page says it is ready and its labels are placed.

Usage::

    python scripts/docs_images.py               # every picture, into docs/
    python scripts/docs_images.py --only page   # only the pages (or: figure, or a file name)
    python scripts/docs_images.py --out DIR     # somewhere else (e.g. a scratch folder)
    make docs-images
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("LINKCHART_CHROMIUM", "/usr/bin/chromium")
GRAPH = "graphs/central_asia.yaml"


@dataclass(frozen=True)
class Picture:
    """One picture: the file it becomes, the command that makes it, and for a page how to show it."""

    name: str
    kind: str  # "page" (an HTML page photographed in Chromium) or "figure" (written by the command)
    command: tuple[str, ...]
    width: int = 1440
    height: int = 900
    actions: tuple[str, ...] = field(default_factory=tuple)  # page-side steps before the shot


PICTURES: tuple[Picture, ...] = (
    Picture(
        "central_asia.png",
        "page",
        ("render", GRAPH, "-o", "{html}", "--highlight", "all"),
    ),
    Picture(
        "central_asia_context.png",
        "page",
        ("render", GRAPH, "-o", "{html}", "--highlight", "all"),
        actions=("context",),
    ),
    Picture(
        "central_asia_selected.png",
        "page",
        ("render", GRAPH, "-o", "{html}", "--highlight", "all"),
        actions=("select:IMT",),
    ),
    Picture("central_asia.svg", "figure", ("render", GRAPH, "-o", "{out}")),
    Picture("central_asia_figure.png", "figure", ("render", GRAPH, "-o", "{out}")),
    Picture(
        "central_asia_briefing.png",
        "figure",
        ("render", GRAPH, "-o", "{out}", "--preset", "briefing", "--dpi", "110"),
    ),
    # the first screen with each --layout method ("auto" is "community"): before (fr, the
    # default until issue 21) and after (community), then the others
    Picture("layout_before.png", "page", ("render", GRAPH, "-o", "{html}", "--layout", "fr")),
    Picture("layout_after.png", "page", ("render", GRAPH, "-o", "{html}", "--layout", "community")),
    *(
        Picture(f"layout_{method}.png", "page", ("render", GRAPH, "-o", "{html}", "--layout", method))
        for method in ("kk", "drl", "circle")
    ),
)
"""Every picture the README and docs/ show, with the command that makes it."""


def _linkchart(args: Sequence[str]) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    subprocess.run([sys.executable, "-m", "linkchart", *args], cwd=ROOT, env=env, check=True)


def _ready(page: Any) -> None:
    """Wait until the page has drawn and placed its labels (events, not a fixed time)."""
    page.wait_for_function("window.linkchart && window.linkchart.ready", timeout=120_000)
    # two more frames, so that a view changed by an action is drawn with its labels
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


def _act(page: Any, action: str) -> None:
    if action == "context":
        page.click("#lc-context-forward")
    elif action.startswith("select:"):
        node = action.removeprefix("select:")
        point = page.evaluate("(id) => linkchart.nodePoint(linkchart.nodeIndex(id))", node)
        page.mouse.click(point["x"], point["y"])
        page.wait_for_function("() => linkchart.shown !== null")
    else:
        raise SystemExit(f"unknown action {action!r}")
    _ready(page)


def _photograph(pictures: Sequence[Picture], out: Path, work: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            for p in pictures:
                html = work / (Path(p.name).stem + ".html")
                _linkchart([a.replace("{html}", str(html)) for a in p.command])
                context = browser.new_context(viewport={"width": p.width, "height": p.height})
                page = context.new_page()
                page.goto(html.as_uri())
                _ready(page)
                for action in p.actions:
                    _act(page, action)
                page.screenshot(path=str(out / p.name))
                context.close()
                print(f"wrote {out / p.name}", file=sys.stderr)
        finally:
            browser.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=ROOT / "docs", help="where the pictures go (default docs/)"
    )
    parser.add_argument("--only", nargs="+", metavar="WHAT", help="page, figure, or picture file names")
    args = parser.parse_args(argv)
    wanted = [p for p in PICTURES if not args.only or p.kind in args.only or p.name in args.only]
    if not wanted:
        parser.error("--only names no picture; the pictures: " + ", ".join(p.name for p in PICTURES))
    args.out.mkdir(parents=True, exist_ok=True)
    for p in wanted:
        if p.kind == "figure":
            _linkchart([a.replace("{out}", str(args.out / p.name)) for a in p.command])
    pages = [p for p in wanted if p.kind == "page"]
    if pages:
        with tempfile.TemporaryDirectory(prefix="linkchart-docs-") as work:
            _photograph(pages, args.out, Path(work))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

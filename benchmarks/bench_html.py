"""HTML benchmark: linkchart's page against pyvis's defaults, generated and opened in Chromium.

For synthetic charts of 1k, 5k and 20k nodes (four edges per node, six node types,
six relations, every confidence level, parallel edges), in one run:

- **generate**: the time to make the HTML string. linkchart: ``render_html(chart,
  summary=False)`` (every node drawn, as pyvis draws them) with its other defaults (a
  seeded igraph layout; the node panel's measures, betweenness included, which
  dominates at 20k). pyvis: ``Network(directed=True,
  cdn_resources="in_line")`` filled with ``add_node``/``add_edge`` and
  ``generate_html()``. (pyvis's default ``directed=False`` compares every new edge
  with every edge already added, which is hours at 80k edges, and would silently
  drop the parallel edges; ``in_line`` is pyvis's most offline mode. Everything else
  is pyvis's default, physics included.)
- **interactive**: the time from ``page.goto`` until the network is drawn and can be
  used, in headless Chromium (Debian's ``/usr/bin/chromium``) from a file. linkchart:
  the page's first ``afterDrawing`` (positions are final, nothing covers the canvas).
  pyvis: its ``stabilizationIterationsDone`` (until then pyvis's loading bar covers the
  canvas; graphs of 100 nodes or fewer have no bar and count from the first drawing).
  Requests to the network (pyvis's Bootstrap CDN) are refused by the browser harness,
  as on a machine offline.
- **pan**: for linkchart, the time to redraw after moving the view (one frame).

With ``--end-to-end EDGES ...`` it measures instead the command line on the CSV graphs of
``bench_load.py`` (one node per ten edges): ``linkchart analyze chart.yaml --top 5``
and ``linkchart render chart.yaml -o page.html`` with their defaults, each in its own
process (wall time and peak RSS from ``wait4``), the page's size, and the time until
it is interactive in Chromium. Above 50,000 ties the page is the summary view (the
2,000 top actors and the ties among them).

With ``--stages NODES`` it measures instead what writing the page of one synthetic chart
(``4 * NODES`` edges) costs in CPU seconds, stage by stage, with no browser: the analysis
the page needs (``page_needs``: one row per measure, each added to the findings of the
rows before, then the sections), the page from those findings (``page_payload``: layout,
ranks, the summary's subgraph; then the template), the file, and for comparison
``render_html(chart)`` from scratch and ``linkchart.analyze(chart)`` with its defaults
(the report's analysis). Every block of work runs in this process (a one-thread
executor), so ``time.process_time`` counts it all: CPU seconds, not the wall time of two
workers.

Usage::

    python benchmarks/bench_html.py                       # 1k, 5k, 20k nodes
    python benchmarks/bench_html.py --sizes 1000 --timeout 120
    python benchmarks/bench_html.py --end-to-end 10000 100000 1000000
    python benchmarks/bench_html.py --stages 20000        # CPU-s per stage of a 20k/80k page
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

import linkchart

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
RELATIONS = ["finances", "protects", "operates_in", "member_of", "borders", "hides_in"]

# Watches for pyvis's global `network` and records when its stabilisation is done.
PYVIS_HOOK = """
(() => {
  const t0 = performance.now();
  const poll = setInterval(() => {
    if (typeof network === 'undefined' || !network) { return; }
    clearInterval(poll);
    network.once('afterDrawing', () => { window.__drawnAt = performance.now(); });
    network.once('stabilizationIterationsDone', () => { window.__stableAt = performance.now(); });
    if (network.physics && network.physics.stabilized) { window.__stableAt = performance.now(); }
  }, 5);
})();
"""


def synthetic(n: int, seed: int = 1) -> linkchart.LinkChart:
    """``n`` nodes, ``4n`` edges: ring neighbours and one in five random, with parallel edges."""
    rng = np.random.default_rng(seed)
    m = 4 * n
    types = [t.name for t in linkchart.DEFAULT_NODE_TYPES]
    levels = list(linkchart.DEFAULT_CONFIDENCE)
    nodes = [{"id": f"n{i}", "type": types[i % len(types)], "label": f"Node {i}"} for i in range(n)]
    src = rng.integers(n, size=m)
    dst = np.where(rng.random(m) < 0.2, rng.integers(n, size=m), (src + rng.integers(1, 6, size=m)) % n)
    dst = np.where(dst == src, (src + 1) % n, dst)
    edges = [
        {"from": f"n{a}", "to": f"n{b}", "relation": RELATIONS[k % len(RELATIONS)],
         "confidence": levels[k % len(levels)], "evidence": f"Report {k}: n{a} and n{b}."}
        for k, (a, b) in enumerate(zip(src.tolist(), dst.tolist(), strict=True))
    ]  # fmt: skip
    return linkchart.from_records(nodes, edges, title=f"Synthetic chart of {n} nodes")


def pyvis_html(chart: linkchart.LinkChart) -> str:
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    for node in chart.iter_nodes():
        net.add_node(node.id, label=node.label, title=f"{node.label} ({node.type})")
    for edge in chart.iter_edges():
        net.add_edge(edge.from_id, edge.to_id, title=edge.evidence, label=edge.relation)
    html: str = net.generate_html()
    return html


def open_page(
    browser: Any, path: Path, ready: str, timeout_s: float, hook: str | None = None
) -> float | None:
    """Seconds from ``goto`` until ``ready`` is true in the page (``None`` past the timeout)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.route(lambda url: not url.startswith("file:"), lambda route: route.abort())
    page = context.new_page()
    if hook:
        page.add_init_script(hook)
    try:
        start = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load", timeout=timeout_s * 1000)
        page.wait_for_function(ready, timeout=timeout_s * 1000, polling=20)
        return time.perf_counter() - start
    except Exception:  # a timeout is a result here
        return None
    finally:
        context.close()


def pan_time(browser: Any, path: Path) -> float:
    """Seconds to redraw after moving the view of an opened linkchart page."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_function("window.linkchart && window.linkchart.ready", timeout=600_000)
    seconds = float(
        page.evaluate(
            """() => new Promise(done => {
                 const net = window.linkchart.network;
                 const t0 = performance.now();
                 net.once('afterDrawing', () => done((performance.now() - t0) / 1000));
                 const p = net.getViewPosition();
                 net.moveTo({position: {x: p.x + 200, y: p.y + 100}, animation: false});
               })"""
        )
    )
    context.close()
    return seconds


def run_measured(*command: str) -> tuple[float, float]:
    """Run ``command``; its wall seconds and peak RSS in MiB (the process and its children)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        assert child.stderr is not None
        raise SystemExit(f"{' '.join(command)} failed:\n{child.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def end_to_end(sizes: list[int], browser: Any, folder: Path, timeout: float) -> None:
    """Time ``linkchart analyze`` and ``linkchart render`` on the CSV graphs of ``bench_load``."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_load import generate

    cli = str(Path(sys.executable).with_name("linkchart"))
    print(f"{'edges':>9} {'nodes':>7} | {'analyze':>8} {'MiB':>6} | {'render':>8} {'MiB':>6} "
          f"{'page MB':>8} {'open':>8} {'shown':>13}")  # fmt: skip
    for m in sizes:
        here = folder / f"graph_{m}"
        here.mkdir(parents=True, exist_ok=True)
        generate(here, m)
        yaml = str(here / "chart.yaml")
        t_an, mib_an = run_measured(cli, "analyze", yaml, "--top", "5")
        page = here / "page.html"
        t_re, mib_re = run_measured(cli, "render", yaml, "-o", str(page))
        opened = open_page(browser, page, "window.linkchart && window.linkchart.ready", timeout)
        shown = "?"
        if opened is not None:
            context = browser.new_context()
            tab = context.new_page()
            tab.goto(page.as_uri())
            tab.wait_for_function("window.linkchart && window.linkchart.ready", timeout=timeout * 1000)
            shown = "{}/{}".format(*tab.evaluate("[linkchart.nodes.length, linkchart.edges.length]"))
            context.close()
        size = page.stat().st_size / 1e6
        print(f"{m:>9,} {max(m // 10, 10):>7,} | {t_an:>6.1f} s {mib_an:>6.0f} | {t_re:>6.1f} s "
              f"{mib_re:>6.0f} {size:>8.1f} {fmt(opened, timeout):>8} {shown:>13}", flush=True)  # fmt: skip
    print("MiB: peak RSS of the command; open: from goto until the chart is interactive; "
          "shown: nodes/ties drawn")  # fmt: skip


def cpu_seconds(call: Any) -> tuple[Any, float]:
    start = time.process_time()
    out = call()
    return out, time.process_time() - start


def stages(n: int, folder: Path) -> None:
    """CPU seconds of each stage of writing the page of ``synthetic(n)`` (see the module notes)."""
    from concurrent.futures import ThreadPoolExecutor

    from linkchart.analysis.policy import SizePolicy
    from linkchart.executor import on_cluster
    from linkchart.render.html import page_spec, render_page
    from linkchart.render.payload import page_needs, page_payload

    print(f"load average {os.getloadavg()[0]:.1f}; every block in this process (CPU seconds)")
    chart, took = cpu_seconds(lambda: synthetic(n))
    n, m = chart.number_of_nodes, chart.number_of_edges
    print(f"{'stage':<48} {'CPU s':>8}")
    print(f"{f'build the chart ({n:,} nodes, {m:,} edges)':<48} {took:>8.2f}")
    spec = page_spec()
    needs = page_needs(chart, spec, SizePolicy())
    total = 0.0
    with ThreadPoolExecutor(1) as one, on_cluster(one):
        found = None
        for k, name in enumerate(needs.measures or ()):
            step = needs.replace(measures=needs.measures[: k + 1], sections=())
            found, took = cpu_seconds(lambda step=step, found=found: linkchart.analyze(found or chart, step))
            total += took
            print(f"{f'  analysis: {name}':<48} {took:>8.2f}")
        found, took = cpu_seconds(lambda: linkchart.analyze(found or chart, needs))
        total += took
        print(f"{f'  analysis: sections {list(needs.sections)}':<48} {took:>8.2f}")
        print(f"{'the analysis the page needs':<48} {total:>8.2f}")
        _, payload = cpu_seconds(lambda: page_payload(found, spec))
        page, rendered = cpu_seconds(lambda: render_page(found, spec))
        path = folder / f"stages_{n}.html"
        _, wrote = cpu_seconds(lambda: linkchart.write_page(page, path))
        print(f"{'  the page from the findings: payload':<48} {payload:>8.2f}")
        print(f"{'  the page from the findings: payload + template':<48} {rendered:>8.2f}")
        print(f"{f'  the file ({len(page.encode()) / 1e6:.1f} MB)':<48} {wrote:>8.2f}")
        print(f"{'the page, analysis included':<48} {total + rendered + wrote:>8.2f}")
        _, fresh = cpu_seconds(lambda: linkchart.render_html(synthetic(n)))
        print(f"{'render_html(chart) from scratch (+ the build)':<48} {fresh:>8.2f}")
        _, full = cpu_seconds(lambda: linkchart.analyze(synthetic(n)))
        print(f"{'linkchart.analyze(chart), the report (+ build)':<48} {full:>8.2f}")
    print(f"load average {os.getloadavg()[0]:.1f}")


def fmt(seconds: float | None, timeout: float) -> str:
    return f"> {timeout:.0f} s" if seconds is None else f"{seconds:.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 5000, 20000])
    parser.add_argument(
        "--timeout", type=float, default=300.0, help="seconds to wait for a page (default 300)"
    )
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--keep", metavar="DIR", help="keep the generated pages in DIR")
    parser.add_argument(
        "--end-to-end",
        nargs="+",
        type=int,
        metavar="EDGES",
        help="time the command line on bench_load's CSV graphs of these sizes instead",
    )
    parser.add_argument(
        "--stages", type=int, metavar="NODES", help="CPU-s per stage of one page instead (no browser)"
    )
    args = parser.parse_args(argv)
    if args.stages:
        with tempfile.TemporaryDirectory() as tmp:
            stages(args.stages, Path(args.keep or tmp))
        return 0

    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        if args.end_to_end:
            end_to_end(args.end_to_end, browser, folder, args.timeout)
            browser.close()
            return 0
        for n in args.sizes:
            chart = synthetic(n)
            t = time.perf_counter()
            ours = linkchart.render_html(chart, summary=False)
            gen_ours = time.perf_counter() - t
            t = time.perf_counter()
            theirs = pyvis_html(chart)
            gen_theirs = time.perf_counter() - t
            ours_path, theirs_path = folder / f"linkchart_{n}.html", folder / f"pyvis_{n}.html"
            ours_path.write_text(ours, encoding="utf-8")
            theirs_path.write_text(theirs, encoding="utf-8")
            ready = "window.linkchart && window.linkchart.ready"
            open_ours = open_page(browser, ours_path, ready, args.timeout)
            ready = "window.__stableAt !== undefined" if n > 100 else "window.__drawnAt !== undefined"
            open_theirs = open_page(browser, theirs_path, ready, args.timeout, PYVIS_HOOK)
            pan = pan_time(browser, ours_path) if open_ours is not None else None
            rows.append((n, chart.number_of_edges, gen_ours, gen_theirs, open_ours, open_theirs, pan,
                         len(ours.encode()), len(theirs.encode())))  # fmt: skip
            print(f"done {n} nodes", file=sys.stderr, flush=True)
        browser.close()

    print(
        f"{'nodes':>6} {'edges':>6} | {'generate: linkchart':>19} {'pyvis':>9} | "
        f"{'interactive: linkchart':>22} {'pyvis':>10} {'ratio':>8} | {'pan':>7} | "
        f"{'MB: ours':>8} {'pyvis':>6}"
    )
    for n, m, go, gt, oo, ot, pan, so, st in rows:
        if oo is not None and ot is not None:
            ratio = f"{ot / oo:.0f}x"
        elif oo is not None:
            ratio = f"> {args.timeout / oo:.0f}x"
        else:
            ratio = "-"
        print(f"{n:>6} {m:>6} | {go:>17.2f} s {gt:>7.2f} s | {fmt(oo, args.timeout):>22} "
              f"{fmt(ot, args.timeout):>10} {ratio:>8} | {fmt(pan, args.timeout):>7} | "
              f"{so / 1e6:>8.1f} {st / 1e6:>6.1f}")  # fmt: skip
    print("ratio: pyvis's time to interactive / linkchart's (higher is better for linkchart)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Import benchmark: GraphML, GEXF, node-link JSON, Excel and STIX files of synthetic charts.

For each size a chart is generated as in ``bench_load.py`` (one node per ten edges, six
node types, eight relations, some dated, weighted and quoted edges), loaded, and
exported to every exchange format. Then, each in a fresh Python process:

- ``linkchart.load`` of the export (the bounded readers of :mod:`linkchart.readers`, then
  the same validation as a YAML file);
- a reference reader with no validation and no bounds: networkx ``read_graphml`` /
  ``read_gexf`` / ``node_link_graph``, openpyxl (read-only, every value), ``stix2.parse``.

It also prints the largest compression ratio of any part of the workbook, to compare with
the bound a workbook's part must keep (``linkchart.readers.workbook.MAX_RATIO``). Usage::

    python benchmarks/bench_exchange.py                        # 2k and 10k edges
    python benchmarks/bench_exchange.py --sizes 10000
    python benchmarks/bench_exchange.py --baseline /tmp/old/src   # also an earlier linkchart

``--baseline SRC`` loads the same files with the linkchart found in the source folder
``SRC`` (``git worktree add /tmp/old REV``), and prints its time beside this one's.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from bench_load import generate

FORMATS = ("graphml", "gexf", "json", "xlsx", "stix.json")


def reference(path: Path) -> int:
    """Read ``path`` with another library, no validation; return its number of edges."""
    if path.name.endswith(".stix.json"):
        import stix2

        bundle = stix2.parse(path.read_text(encoding="utf-8"), allow_custom=True)
        return sum(1 for o in bundle.objects if o.type == "relationship")
    if path.suffix == ".xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        return sum(1 for _ in wb["edges"].iter_rows(min_row=2, values_only=True))
    import networkx as nx

    if path.suffix == ".graphml":
        return int(nx.read_graphml(path).number_of_edges())
    if path.suffix == ".gexf":
        return int(nx.read_gexf(path, version="1.3").number_of_edges())
    data = json.loads(path.read_text(encoding="utf-8"))
    return int(nx.node_link_graph(data, edges="links").number_of_edges())


def measure(path: Path, what: str) -> dict[str, float]:
    """Time one reader of ``path`` in this (fresh) process."""
    import linkchart

    t0 = time.perf_counter()
    if what == "linkchart":
        edges = linkchart.load(path, allow_outside=True).number_of_edges
    else:
        edges = reference(path)
    return {"s": time.perf_counter() - t0, "edges": edges}


def _run(*args: str, source: str | None = None) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=source) if source else None
    result = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True, env=env
    )
    data: dict[str, float] = json.loads(result.stdout or "{}")
    return data


def _export(folder: Path) -> None:
    import linkchart

    chart = linkchart.load(folder / "chart.yaml")
    for fmt in FORMATS:
        linkchart.export(chart, folder / f"chart.{fmt}")


def largest_ratio(path: Path) -> tuple[str, float]:
    """The part of a zip that inflates the most, as a multiple of its compressed size."""
    with zipfile.ZipFile(path) as zf:
        return max(
            ((i.filename, i.file_size / max(i.compress_size, 1)) for i in zf.infolist()), key=lambda x: x[1]
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2_000, 10_000])
    parser.add_argument("--baseline", metavar="SRC", help="also load with the linkchart in this source")
    parser.add_argument("--measure", nargs=2, metavar=("FILE", "WHAT"), help=argparse.SUPPRESS)
    parser.add_argument("--export", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(Path(args.measure[0]), args.measure[1])))
        return
    if args.export:
        _export(Path(args.export))
        return
    print(
        f"{'edges':>8} {'format':>9} {'MB':>6} | {'linkchart s':>11} {'reference s':>11} {'ratio':>6}"
        + (f" | {'baseline s':>10}" if args.baseline else "")
    )
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            generate(folder, n)
            _run("--export", tmp)
            for fmt in FORMATS:
                path = folder / f"chart.{fmt}"
                lc = _run("--measure", str(path), "linkchart")
                ref = _run("--measure", str(path), "reference")
                base = (
                    _run("--measure", str(path), "linkchart", source=args.baseline) if args.baseline else None
                )
                assert lc["edges"] == n and ref["edges"] == n, (fmt, lc, ref)
                size = path.stat().st_size / 1e6
                print(
                    f"{n:>8,} {fmt:>9} {size:>6.1f} | {lc['s']:>11.2f} {ref['s']:>11.2f} "
                    f"{ref['s'] / lc['s']:>6.2f}" + (f" | {base['s']:>10.2f}" if base else "")
                )
            part, ratio = largest_ratio(folder / "chart.xlsx")
            print(f"{'':>8} largest compression ratio in the workbook: {ratio:.1f} ({part})")
    print(
        "reference: networkx read_graphml / read_gexf / node_link_graph, openpyxl read-only, stix2.parse "
        "(no validation, no bounds); ratio: reference / linkchart"
    )


if __name__ == "__main__":
    main()

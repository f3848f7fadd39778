"""Node and edge tables in CSV, Parquet and Arrow IPC: load time and peak memory, side by side.

The synthetic typed multigraph of :mod:`bench_load` (one node per ten edges, six node
types, eight relations, dated, weighted and quoted edges) is written once as CSV, and the
same tables (every column text, as the CSV holds them) as Parquet (snappy) and Arrow IPC
(Feather v2, uncompressed). Then, each in a fresh Python process (peak memory is the
process's maximum resident set size, shown as the graph's own cost: the peak minus that
of a process that has only imported numpy, igraph, networkx and pyarrow):

- ``linkchart.load`` of ``chart.yaml`` naming ``{csv: ...}``, ``{parquet: ...}`` or
  ``{arrow: ...}`` (read, validate every column, build the frozen chart);
- for reference, pyarrow alone reading the edge table (no validation, no chart).

Usage::

    python benchmarks/bench_tables.py                   # 1M edges
    python benchmarks/bench_tables.py --sizes 100000    # another size
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_load import generate

FORMATS = ("csv", "parquet", "arrow")
SUFFIX = {"csv": "csv", "parquet": "parquet", "arrow": "arrow"}


def convert(folder: Path) -> None:
    """Write ``nodes`` and ``edges`` as Parquet and Arrow beside the CSV, and a graph file per format."""
    import pyarrow as pa
    import pyarrow.csv as pcsv
    import pyarrow.feather as feather
    import pyarrow.parquet as pq

    for name in ("nodes", "edges"):
        with (folder / f"{name}.csv").open("rb") as f:
            header = f.readline().decode().strip().split(",")
        options = pcsv.ConvertOptions(column_types=dict.fromkeys(header, pa.string()))
        table = pcsv.read_csv(folder / f"{name}.csv", convert_options=options)
        pq.write_table(table, folder / f"{name}.parquet")
        feather.write_feather(table, str(folder / f"{name}.arrow"), compression="uncompressed")
    text = (folder / "chart.yaml").read_text(encoding="utf-8")
    for kind in FORMATS:
        (folder / f"chart_{kind}.yaml").write_text(
            text.replace("{csv: nodes.csv}", f"{{{kind}: nodes.{SUFFIX[kind]}}}").replace(
                "{csv: edges.csv}", f"{{{kind}: edges.{SUFFIX[kind]}}}"
            ),
            encoding="utf-8",
        )


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def measure(folder: Path, what: str) -> dict[str, float]:
    """One measurement in this (fresh) process: seconds, edges, peak and baseline MiB."""
    import igraph  # noqa: F401  (imported up front, so the baseline includes them)
    import networkx  # noqa: F401
    import pyarrow.feather as feather
    import pyarrow.parquet as pq

    import linkchart

    out: dict[str, float] = {"baseline_mib": _peak_mib()}
    t0 = time.perf_counter()
    if what in FORMATS:
        out["edges"] = len(linkchart.load(folder / f"chart_{what}.yaml").edges)
    elif what == "pyarrow-parquet":
        out["edges"] = pq.read_table(folder / "edges.parquet").num_rows
    else:
        out["edges"] = feather.read_table(str(folder / "edges.arrow")).num_rows
    out["seconds"] = time.perf_counter() - t0
    out["peak_mib"] = _peak_mib()
    return out


def _run(*args: str) -> dict[str, float]:
    result = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True)
    data: dict[str, float] = json.loads(result.stdout or "{}")
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--measure", nargs=2, metavar=("FOLDER", "WHAT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(Path(args.measure[0]), args.measure[1])))
        return
    print(
        f"{'edges':>9} {'reader':>16} | {'file MiB':>8} {'load s':>7} {'graph MiB':>9} | "
        f"{'vs CSV s':>8} {'vs CSV MiB':>10}"
    )
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            generate(folder, n)
            convert(folder)
            rows = {w: _run("--measure", tmp, w) for w in (*FORMATS, "pyarrow-parquet", "pyarrow-arrow")}
            sizes = {
                w: sum(
                    (folder / f"{t}.{SUFFIX[w.split('-')[-1]]}").stat().st_size for t in ("nodes", "edges")
                )
                for w in rows
            }
        csv = rows["csv"]
        for what, r in rows.items():
            assert r["edges"] == n, (what, r)
            own = r["peak_mib"] - r["baseline_mib"]
            csv_own = csv["peak_mib"] - csv["baseline_mib"]
            print(
                f"{n:>9,} {what:>16} | {sizes[what] / 2**20:>8.1f} {r['seconds']:>7.2f} {own:>9.0f} | "
                f"{r['seconds'] / csv['seconds']:>8.2f} {own / max(csv_own, 1):>10.2f}"
            )
    print(
        "load s: linkchart.load (read, validate, build the chart), or pyarrow reading the edge table "
        "alone (pyarrow-*: no validation, no chart); graph MiB: peak RSS minus a process that has only "
        f"imported the libraries ({csv['baseline_mib']:.0f} MiB); vs CSV: this row / the CSV row "
        "(below 1: faster, smaller)"
    )


if __name__ == "__main__":
    main()

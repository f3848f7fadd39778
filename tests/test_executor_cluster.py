"""linkchart on a real Dask cluster (linkchart.executor's Dask branch): a
``distributed.LocalCluster`` of two worker processes over TCP on localhost gives the same
bits as one process, survives a worker killed mid-run, and a cluster that cannot be
reached or is lost ends in a ``cluster-failed`` error that says what was lost."""

from __future__ import annotations

import contextlib
import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from cluster_tasks import KillOnce
from distributed import Client, LocalCluster
from executor_tasks import scaled

import linkchart
from linkchart import executor
from linkchart.cli import main
from linkchart.errors import LinkchartError
from linkchart.executor import connect, map_blocks, on_cluster

CENTRAL_ASIA = Path(__file__).resolve().parents[1] / "graphs" / "central_asia.yaml"


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address=None,
    ) as local:
        yield local


@pytest.fixture(scope="module")
def client(cluster: LocalCluster) -> Iterator[Client]:
    with Client(cluster, set_as_default=False) as c:
        c.wait_for_workers(2, timeout=120)
        yield c


@pytest.fixture
def chart(monkeypatch: pytest.MonkeyPatch) -> linkchart.LinkChart:
    """The Central Asia chart, its shortest-path work cut into many blocks (as a big
    chart's would be), so that the blocks run on both workers."""
    monkeypatch.setattr(executor, "BLOCK_WORK", 200)
    c = linkchart.load(CENTRAL_ASIA)
    assert len(executor.blocks(c.number_of_nodes, c.number_of_edges)) > 4
    return c


def _bits(scores: Any) -> bytes:
    return np.array(list(dict(scores).values()), dtype=np.float64).tobytes()


def _free_port() -> int:
    """A port on localhost nobody listens on (bound, then let go)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


@pytest.mark.parametrize(
    "options",
    [{}, {"directed": True}, {"weight": "confidence_sum"}, {"directed": True, "weight": "confidence_sum"}],
)
def test_betweenness_on_the_cluster_is_the_same_bits_as_one_process(
    client: Client, chart: linkchart.LinkChart, options: dict[str, Any]
) -> None:
    alone = linkchart.betweenness(chart, workers=1, **options)
    assert _bits(linkchart.betweenness(chart, executor=client, **options)) == _bits(alone)
    assert max(dict(alone).values()) > 0


def test_closeness_harmonic_and_bridging_on_the_cluster(client: Client, chart: linkchart.LinkChart) -> None:
    for measure in (linkchart.closeness, linkchart.harmonic, linkchart.bridging_centrality):
        assert _bits(measure(chart, executor=client)) == _bits(measure(chart, workers=1)), measure


def test_client_get_executor_gives_the_same_bits_without_the_broadcast(
    client: Client, chart: linkchart.LinkChart
) -> None:
    alone = linkchart.betweenness(chart, workers=1)
    assert _bits(linkchart.betweenness(chart, executor=client.get_executor())) == _bits(alone)


def test_rank_uncertainty_draws_on_the_cluster_are_the_same(
    client: Client, chart: linkchart.LinkChart
) -> None:
    alone = linkchart.rank_uncertainty(chart, "betweenness", draws=64, seed=3, workers=1)
    there = linkchart.rank_uncertainty(chart, "betweenness", draws=64, seed=3, executor=client)
    assert there.values.tobytes() == alone.values.tobytes()
    assert there.to_dict()["rows"] == alone.to_dict()["rows"]


def test_disruption_runs_on_the_cluster_are_the_same(client: Client, chart: linkchart.LinkChart) -> None:
    alone = linkchart.disruption(chart, strategy="random", runs=8, steps=5, seed=2, workers=1)
    there = linkchart.disruption(chart, strategy="random", runs=8, steps=5, seed=2, executor=client)
    assert there.to_dict() == alone.to_dict()


def test_on_cluster_runs_every_measure_of_a_block_there(client: Client, chart: linkchart.LinkChart) -> None:
    before = _transitions(client)
    with on_cluster(client):
        value = linkchart.harmonic(chart)
    assert _transitions(client) > before  # the workers did the work
    assert _bits(value) == _bits(linkchart.harmonic(chart, workers=1))


def _transitions(client: Client) -> int:
    """How much the workers have done (their state machines' transitions so far)."""
    done = client.run(lambda dask_worker: len(dask_worker.state.log))  # type: ignore[no-untyped-call]
    return sum(done.values())


@pytest.mark.parametrize(
    "argv",
    [
        ["robust", str(CENTRAL_ASIA), "--draws", "40", "--json"],
        ["analyze", str(CENTRAL_ASIA), "--json"],
        ["disrupt", str(CENTRAL_ASIA), "--runs", "6", "--strategies", "random", "--json"],
    ],
    ids=lambda argv: argv[0],
)
def test_the_cli_with_dask_prints_what_it_prints_alone(
    client: Client, cluster: LocalCluster, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert main(argv) == 0
    alone = json.loads(capsys.readouterr().out)
    before = _transitions(client)
    assert main([*argv, "--dask", cluster.scheduler_address]) == 0
    assert json.loads(capsys.readouterr().out) == alone
    assert _transitions(client) > before  # the cluster ran the work


def test_an_unreachable_scheduler_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    address = f"tcp://127.0.0.1:{_free_port()}"
    with pytest.raises(LinkchartError, match=r"cannot reach the Dask scheduler at tcp://") as info:
        connect(address, timeout=0.5)
    assert info.value.code == "cluster-failed" and info.value.loc == ("dask",)
    assert "dask scheduler" in info.value.hint
    monkeypatch.setattr(executor._dask, "CONNECT_TIMEOUT", 0.5)  # where connect reads it
    assert main(["robust", str(CENTRAL_ASIA), "--dask", address, "--json"]) == 1
    [error] = json.loads(capsys.readouterr().out)["errors"]
    assert error["code"] == "cluster-failed" and address in error["message"]


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("junk", "missing port"),
        ("http://x", "missing port"),
        ("tcp://[::1", "invalid address"),
        ("http://127.0.0.1:80", "starts with tcp://"),
        ("ucx://127.0.0.1:1", "starts with tcp://"),
        ("tls://127.0.0.1:1", "needs certificates"),
        ("tcp://:8786", "needs a host and a port"),
        ("tcp://h:99999", "needs a host and a port"),
    ],
)
def test_an_address_no_client_could_open_is_refused_before_any_is_made(address: str, said: str) -> None:
    made: list[Any] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("distributed.Client", lambda *a, **k: made.append(a))
        with pytest.raises(LinkchartError, match=said) as info:
            connect(address, timeout=0.5)
    assert info.value.code == "bad-argument" and info.value.loc == ("dask",) and not made


def test_a_port_that_is_not_a_dask_scheduler_is_a_clear_error() -> None:
    # a server that answers every connection with bytes that are not Dask's handshake
    # (Dask reads them as a frame length of exabytes)
    import threading

    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]

        def answer() -> None:
            with contextlib.suppress(OSError):
                while True:
                    conn, _ = server.accept()
                    with conn:
                        conn.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n" * 64)

        threading.Thread(target=answer, daemon=True).start()
        with pytest.raises(LinkchartError, match="is not a Dask scheduler") as info:
            connect(f"tcp://127.0.0.1:{port}", timeout=2)
    assert info.value.code == "cluster-failed" and "dask scheduler" in info.value.hint


def test_a_cluster_lost_mid_run_says_which_blocks_were_lost(cluster: LocalCluster) -> None:
    other = Client(cluster.scheduler_address, set_as_default=False, timeout=10)
    with pytest.raises(LinkchartError, match="was lost before the work was done") as info:
        map_blocks(scaled, 2.0, list(range(6)), executor=other, on_done=lambda i, _: other.close())
    assert info.value.code == "cluster-failed"
    assert info.value.ctx["lost"] == [1, 2, 3, 4, 5] and info.value.ctx["done"] == 1


def test_a_worker_killed_mid_run_gives_the_same_result(
    client: Client, chart: linkchart.LinkChart, tmp_path: Path
) -> None:
    alone = linkchart.betweenness(chart, workers=1, directed=True)
    pids = set(client.run(os.getpid).values())  # type: ignore[no-untyped-call]
    marker = tmp_path / "killed"
    client.register_plugin(KillOnce(str(marker)), name="kill-once")  # type: ignore[no-untyped-call]
    try:
        there = linkchart.betweenness(chart, executor=client, directed=True)
    finally:
        client.unregister_worker_plugin("kill-once")  # type: ignore[no-untyped-call]
    assert marker.exists()  # a worker did die, in the middle of the work
    assert _bits(there) == _bits(alone)
    client.wait_for_workers(2, timeout=120)  # type: ignore[no-untyped-call]
    assert set(client.run(os.getpid).values()) != pids  # type: ignore[no-untyped-call]

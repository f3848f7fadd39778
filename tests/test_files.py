"""Tests for linkchart.files: atomic writes, all-or-nothing folders, targets that are never written.

Concurrency is tested with real processes that wait on each other through pipes (no
sleeps); every loop is bounded. No output is ever aimed at a real device: FIFOs,
sockets, links and (as root) a device node are made under ``tmp_path``.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from linkchart import LinkchartError
from linkchart.files import target_problem, write_atomic, write_folder

OLD = "old " * 50_000 + "END-OLD"
NEW = "new " * 70_000 + "END-NEW"


def _python(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _together(writers: list[subprocess.Popen[str]]) -> None:
    """Release writer processes at once (each says ``ready``, then waits for a line) and see them succeed."""
    for w in writers:
        assert w.stdout is not None and w.stdout.readline().strip() == "ready"
    for w in writers:
        assert w.stdin is not None
        w.stdin.write("go\n")
        w.stdin.flush()
    results = [w.communicate(timeout=300) for w in writers]
    assert [w.returncode for w in writers] == [0, 0], [err for _, err in results]
    assert [out.strip() for out, _ in results] == ["done", "done"]


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_write_is_one_replace_of_a_whole_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "page.html"
    target.write_text(OLD, encoding="utf-8")
    moves: list[tuple[str, str]] = []
    real_replace, real_rename = os.replace, os.rename

    def replace(a: str, b: str) -> None:
        assert Path(a).read_text(encoding="utf-8") == NEW  # whole before it is moved in
        moves.append((Path(a).name, Path(b).name))
        real_replace(a, b)

    def rename(a: str, b: str) -> None:
        moves.append((Path(a).name, Path(b).name))
        real_rename(a, b)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "rename", rename)
    write_atomic(target, NEW)
    assert [b for _, b in moves] == ["page.html"] and moves[0][0].startswith(".page.html.")
    assert target.read_text(encoding="utf-8") == NEW and _names(tmp_path) == ["page.html"]


READER = """
    import sys
    from pathlib import Path
    target, stop = Path(sys.argv[1]), Path(sys.argv[2])
    good = {Path(sys.argv[3]).read_text(encoding="utf-8"), Path(sys.argv[4]).read_text(encoding="utf-8")}
    reads = missing = partial = 0
    print("ready", flush=True)
    for _ in range(2_000_000):
        try:
            text = target.read_text(encoding="utf-8")
        except FileNotFoundError:
            missing += 1
            continue
        reads += 1
        partial += text not in good
        if stop.exists():
            break
    print(reads, missing, partial, flush=True)
"""


def test_a_reader_in_another_process_never_sees_a_missing_or_partial_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target, stop = out / "page.html", tmp_path / "stop"
    (tmp_path / "a").write_text(OLD, encoding="utf-8")
    (tmp_path / "b").write_text(NEW, encoding="utf-8")
    write_atomic(target, OLD)
    reader = _python(READER, str(target), str(stop), str(tmp_path / "a"), str(tmp_path / "b"))
    assert reader.stdout is not None
    assert reader.stdout.readline().strip() == "ready"  # the reader runs before the writes start
    for k in range(300):
        write_atomic(target, NEW if k % 2 == 0 else OLD)
    stop.touch()
    stdout, stderr = reader.communicate(timeout=300)
    reads, missing, partial = map(int, stdout.split())
    assert reader.returncode == 0, stderr
    assert reads > 0 and (missing, partial) == (0, 0)
    assert _names(out) == ["page.html"]  # no temporary or moved-aside file left


WRITER = """
    import sys
    from linkchart.files import write_atomic
    target, text = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
    print("ready", flush=True)
    sys.stdin.readline()  # wait for the other writer
    for _ in range(200):
        write_atomic(target, text)
    print("done", flush=True)
"""


def test_two_writers_at_once_both_succeed_and_leave_one_whole_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "a").write_text(OLD, encoding="utf-8")
    (tmp_path / "b").write_text(NEW, encoding="utf-8")
    target = out / "page.html"
    target.write_text("first", encoding="utf-8")
    _together([_python(WRITER, str(target), str(tmp_path / name)) for name in ("a", "b")])
    assert target.read_text(encoding="utf-8") in (OLD, NEW)
    assert _names(out) == ["page.html"]


def test_a_failed_write_leaves_the_old_file_and_no_new_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "page.html"
    target.write_text("old page", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(os, "fsync", disk_full)
        with pytest.raises(LinkchartError, match="No space left"):
            write_atomic(target, "new page")
        with pytest.raises(LinkchartError, match="No space left"):
            write_atomic(tmp_path / "a" / "b" / "page.html", "new page")
        with pytest.raises(LinkchartError, match="No space left"):
            write_folder(tmp_path / "c" / "csv", {"x.csv": "1", "y.csv": "2"})
    with pytest.raises(LinkchartError, match="lone surrogate"):  # refused before anything is made
        write_atomic(tmp_path / "d" / "page.html", "bad \ud800")
    assert target.read_text(encoding="utf-8") == "old page"
    assert _names(tmp_path) == ["page.html"]


def test_a_new_folder_appears_whole_to_a_reader(tmp_path: Path) -> None:
    files = {"nodes.csv": OLD, "edges.csv": NEW, "chart.yaml": "linkchart: 1\n" + OLD}
    for name, text in files.items():
        (tmp_path / f".want.{name}").write_text(text, encoding="utf-8")
    reader = _python(
        """
        import sys
        from pathlib import Path
        base, count = Path(sys.argv[1]), int(sys.argv[2])
        want = {"nodes.csv": sys.argv[3], "edges.csv": sys.argv[4], "chart.yaml": sys.argv[5]}
        want = {k: Path(v).read_text(encoding="utf-8") for k, v in want.items()}
        seen = bad = 0
        print("ready", flush=True)
        k = 0
        for _ in range(5_000_000):
            if k == count:
                break
            folder = base / f"out{k}"
            if not folder.exists():
                continue
            texts = {}
            for name in want:
                try:
                    texts[name] = (folder / name).read_text(encoding="utf-8")
                except FileNotFoundError:
                    texts[name] = None
            seen += 1
            bad += texts != want
            k += 1
        print(seen, bad, flush=True)
        """,
        str(tmp_path),
        "40",
        *(str(tmp_path / f".want.{n}") for n in files),
    )
    assert reader.stdout is not None and reader.stdout.readline().strip() == "ready"
    for k in range(40):
        write_folder(tmp_path / f"out{k}", files)
    stdout, stderr = reader.communicate(timeout=300)
    assert reader.returncode == 0, stderr
    assert stdout.split() == ["40", "0"]  # every folder seen, none of them incomplete
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_failure_in_an_existing_folder_puts_every_file_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    for name in ("nodes.csv", "edges.csv", "mine.txt"):
        (folder / name).write_text(f"old {name}", encoding="utf-8")
    real_replace = os.replace
    calls: list[str] = []

    def replace(a: str, b: str) -> None:
        calls.append(Path(b).name)
        if Path(b).name == "chart.yaml" and not Path(a).name.endswith(".old"):
            raise OSError(28, "No space left on device")
        real_replace(a, b)

    monkeypatch.setattr(os, "replace", replace)
    files = {"nodes.csv": "new nodes", "edges.csv": "new edges", "chart.yaml": "new chart"}
    with pytest.raises(LinkchartError, match="No space left"):
        write_folder(folder, files)
    assert calls[:3] == ["nodes.csv", "edges.csv", "chart.yaml"]  # two were in before it failed
    assert {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()} == {
        "nodes.csv": "old nodes.csv",
        "edges.csv": "old edges.csv",
        "mine.txt": "old mine.txt",
    }
    monkeypatch.setattr(os, "replace", real_replace)
    write_folder(folder, files)
    assert {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()} == {
        **files,
        "mine.txt": "old mine.txt",
    }


FOLDER_WRITER = """
    import sys
    from linkchart.files import write_folder
    folder, mark = sys.argv[1], sys.argv[2]
    print("ready", flush=True)
    sys.stdin.readline()
    for k in range(60):
        write_folder(folder, {"nodes.csv": mark * 5000, "edges.csv": mark * 7000, "chart.yaml": mark})
    print("done", flush=True)
"""


def test_two_writers_into_one_folder_take_turns(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    _together([_python(FOLDER_WRITER, str(folder), mark) for mark in ("a", "b")])
    mark = (folder / "chart.yaml").read_text(encoding="utf-8")
    assert (folder / "nodes.csv").read_text(encoding="utf-8") == mark * 5000  # all one writer's files
    assert (folder / "edges.csv").read_text(encoding="utf-8") == mark * 7000
    assert _names(folder) == ["chart.yaml", "edges.csv", "nodes.csv"]


def test_special_files_are_never_written_over(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("keep", encoding="utf-8")
    os.mkfifo(tmp_path / "fifo")
    os.symlink(real, tmp_path / "link.html")
    os.symlink(tmp_path / "nowhere", tmp_path / "dangling.html")
    (tmp_path / "folder").mkdir()
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "sock"))
        for name, why in [
            ("fifo", "FIFO"),
            ("link.html", "symbolic link"),
            ("dangling.html", "symbolic link"),
            ("folder", "is a folder"),
            ("sock", "socket"),
        ]:
            with pytest.raises(LinkchartError, match=why) as info:
                write_atomic(tmp_path / name, "data")
            assert info.value.code == "write-failed"
            with pytest.raises(LinkchartError, match=why):
                write_folder(tmp_path, {name: "data"})
        with pytest.raises(LinkchartError, match="symbolic link"):
            write_folder(tmp_path / "link.html", {"a.csv": "data"})
        with pytest.raises(LinkchartError, match="not a folder"):
            write_folder(real, {"a.csv": "data"})
    finally:
        server.close()
    assert stat.S_ISFIFO(os.lstat(tmp_path / "fifo").st_mode)
    assert stat.S_ISSOCK(os.lstat(tmp_path / "sock").st_mode)
    assert os.readlink(tmp_path / "link.html") == str(real) and real.read_text(encoding="utf-8") == "keep"
    assert not (tmp_path / "nowhere").exists() and _names(tmp_path / "folder") == []


def test_a_device_is_never_written_over(tmp_path: Path) -> None:
    for kind in (stat.S_IFCHR, stat.S_IFBLK):
        assert target_problem(kind | 0o666) == "it is a device, not a regular file"
        assert target_problem(kind | 0o666, folder=True) == "it is a device, not a regular file"
    assert target_problem(stat.S_IFREG | 0o644) is None
    assert target_problem(stat.S_IFREG | 0o644, folder=True) == "it is a file, not a folder"
    if os.geteuid() != 0:
        return
    node = tmp_path / "null"
    try:  # a device node of no driver, under tmp_path: never a real device
        os.mknod(node, stat.S_IFCHR | 0o600, os.makedev(0, 0))
    except OSError:  # a container without the right to make nodes: the stat check above stands
        return
    with pytest.raises(LinkchartError, match="device"):
        write_atomic(node, "data")
    assert stat.S_ISCHR(os.lstat(node).st_mode)


def test_an_input_is_never_written_over_through_links_or_dots(tmp_path: Path) -> None:
    (tmp_path / "g").mkdir()
    source = tmp_path / "g" / "nodes.csv"
    source.write_text("id,type\n", encoding="utf-8")
    os.link(source, tmp_path / "hard.csv")
    os.symlink(source, tmp_path / "soft.csv")
    for target in (
        source,
        tmp_path / "hard.csv",
        tmp_path / "soft.csv",
        tmp_path / "g" / ".." / "g" / "nodes.csv",
    ):
        with pytest.raises(LinkchartError, match="input of this run"):
            write_atomic(target, "x", inputs=[source])
    with pytest.raises(LinkchartError, match="input of this run"):
        write_folder(tmp_path, {"hard.csv": "x"}, inputs=[source])
    with pytest.raises(LinkchartError, match="input of this run"):
        write_folder(tmp_path / "g" / ".." / "g", {"nodes.csv": "x"}, inputs=[tmp_path / "soft.csv"])
    assert source.read_text(encoding="utf-8") == "id,type\n"


def test_folder_file_names_are_plain(tmp_path: Path) -> None:
    for name in ("", ".", "..", "a/b", "../x"):
        with pytest.raises(LinkchartError, match="not a plain file name"):
            write_folder(tmp_path / "out", {name: "x"})
    assert _names(tmp_path) == []

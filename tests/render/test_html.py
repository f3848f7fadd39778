"""render_html / write_html / show, without a browser: the page's bytes."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from pathlib import Path

import pytest

import linkchart
from linkchart.errors import LinkchartError, UnknownNameError
from linkchart.render import ChartHTML, content_security_policy, page_spec, render_html, show, write_html

SCRIPT = re.compile(r"<script([^>]*)>(.*?)</script>", re.S)


def _payload(page: str) -> dict[str, object]:
    match = re.search(r'<script type="application/json" id="linkchart-data">(.*?)</script>', page, re.S)
    assert match
    return json.loads(match.group(1))  # type: ignore[no-any-return]


def test_the_same_input_gives_the_same_bytes(central_asia: linkchart.LinkChart) -> None:
    first = render_html(central_asia, highlight=True, color_by="community")
    assert render_html(central_asia, highlight=True, color_by="community") == first
    assert render_html(central_asia, highlight=True, color_by="community", seed=1) != first


def test_every_inline_script_is_allowed_by_its_hash(central_asia: linkchart.LinkChart) -> None:
    page = render_html(central_asia)
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert csp and html.unescape(csp.group(1)) == content_security_policy()
    directives = dict(d.strip().split(" ", 1) for d in content_security_policy().split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["img-src"] == "data:"
    assert "connect-src" not in directives and "unsafe-inline" not in directives["script-src"]
    allowed = set(directives["script-src"].split())
    executable = [(attrs, body) for attrs, body in SCRIPT.findall(page) if "application/json" not in attrs]
    assert len(executable) == 2
    for attrs, body in executable:
        assert "src=" not in attrs
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in allowed


def test_nothing_in_the_page_points_outside(central_asia: linkchart.LinkChart) -> None:
    page = render_html(central_asia)
    assert not re.search(r"<(?:script|link|img|iframe|source|object|embed)\b[^>]*\b(?:src|href)=", page, re.I)
    assert page.count("<h1") == 1


def test_text_from_the_data_never_appears_as_markup() -> None:
    evil = '</script><script>alert(1)</script><img src=x onerror="alert(1)">\u2028'
    chart = linkchart.from_records(
        [{"id": evil, "type": "state", "label": evil, "aliases": [evil], "attributes": {evil: evil}},
         {"id": "b", "type": "state"}],
        [{"from": evil, "relation": "funds", "to": "b", "evidence": evil, "attributes": {"note": evil}}],
        title=evil,
    )  # fmt: skip
    page = render_html(chart)
    assert evil not in page and "<img" not in page
    assert "\u2028" not in page.split('id="linkchart-data">')[1]  # raw only in the <title> text
    assert "<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("</script>") == 3  # the payload's, vis-network's and linkchart's own
    data = _payload(page)
    assert data["title"] == evil
    assert data["node"]["ids"][0] == evil  # type: ignore[index]
    assert data["edge"]["evidence"] == [evil]  # type: ignore[index]


def test_the_page_counts_every_node_and_edge(central_asia: linkchart.LinkChart) -> None:
    data = _payload(render_html(central_asia))
    assert len(data["nodes"]) == central_asia.number_of_nodes  # type: ignore[arg-type]
    assert len(data["edges"]) == central_asia.number_of_edges  # type: ignore[arg-type]
    assert data["node"]["ids"] == list(central_asia.node_ids)  # type: ignore[index]
    assert data["edge"]["ids"] == central_asia.edges.ids  # type: ignore[index]
    assert data["options"]["physics"]["enabled"] is False  # type: ignore[index]


def test_a_view_renders_its_own_nodes_and_edges(central_asia: linkchart.LinkChart) -> None:
    view = central_asia.min_confidence("reported").of_types("organisation", "state")
    data = _payload(render_html(view, size_by="degree"))
    assert len(data["nodes"]) == view.number_of_nodes  # type: ignore[arg-type]
    assert len(data["edges"]) == view.number_of_edges  # type: ignore[arg-type]


def test_options_that_name_nothing_are_refused_before_any_work(central_asia: linkchart.LinkChart) -> None:
    with pytest.raises(UnknownNameError, match="did you mean 'betweenness'"):
        render_html(central_asia, size_by="betweeness")
    with pytest.raises(UnknownNameError, match="unknown highlight 'cutpoints'"):
        render_html(central_asia, highlight="cutpoints")
    with pytest.raises(LinkchartError, match="top_brokers"):
        render_html(central_asia, highlight="brokers", top_brokers=-1)


def test_write_html_writes_only_the_named_file(
    central_asia: linkchart.LinkChart, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    target = tmp_path / "out" / "chart.html"
    target.parent.mkdir()
    assert write_html(central_asia, target, page_spec(size_by="degree")) == target
    assert target.read_text(encoding="utf-8") == render_html(central_asia, size_by="degree")
    assert list(work.iterdir()) == []
    assert list(target.parent.iterdir()) == [target]


def test_write_html_creates_missing_folders(central_asia: linkchart.LinkChart, tmp_path: Path) -> None:
    target = write_html(central_asia, tmp_path / "out" / "deeper" / "chart.html")
    assert target.read_text(encoding="utf-8") == render_html(central_asia)


def test_write_html_where_it_cannot_says_which(central_asia: linkchart.LinkChart, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(LinkchartError, match=r"cannot write .*a-file"):
        write_html(central_asia, tmp_path / "a-file" / "chart.html")


def test_show_displays_the_page_in_a_sandboxed_frame(central_asia: linkchart.LinkChart) -> None:
    shown = show(central_asia, page_spec(size_by="degree"), height=500)
    assert isinstance(shown, ChartHTML)
    frame = shown._repr_html_()
    assert frame.startswith('<iframe srcdoc="') and 'sandbox="allow-scripts"' in frame
    assert "height: 500px" in frame
    assert "<script" not in frame  # the page is escaped inside srcdoc, its CSP intact
    srcdoc = re.search(r'srcdoc="([^"]*)"', frame)
    assert srcdoc and html.unescape(srcdoc.group(1)) == render_html(central_asia, size_by="degree")


def test_highlight_all_true_and_the_three_names_mean_the_same(central_asia: linkchart.LinkChart) -> None:
    named = render_html(central_asia, highlight=("bridges", "articulation_points", "brokers"))
    assert render_html(central_asia, highlight="all") == named
    assert render_html(central_asia, highlight=True) == named
    assert render_html(central_asia, highlight=False) != named

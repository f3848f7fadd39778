"""linkchart.readers.gexf: GEXF as GEXF says it (types, defaults, edge types), hierarchies refused."""

from __future__ import annotations

from pathlib import Path

import pytest

import linkchart
from linkchart import LoadError

HEAD = '<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n'


def gexf(tmp_path: Path, graph: str) -> Path:
    path = tmp_path / "g.gexf"
    path.write_text(f"{HEAD}{graph}\n</gexf>\n", encoding="utf-8")
    return path


NODES = '<nodes><node id="a" label="Alpha"/><node id="b"/><node id="c"/></nodes>'


@pytest.mark.parametrize(
    ("graph", "directed"),
    [
        ("<graph>", False),
        ('<graph defaultedgetype="undirected">', False),
        ('<graph defaultedgetype="directed">', True),
    ],
)
def test_the_default_edge_type_says_the_direction(tmp_path: Path, graph: str, directed: bool) -> None:
    path = gexf(tmp_path, f'{graph}{NODES}<edges><edge source="a" target="b"/></edges></graph>')
    assert linkchart.load(path).vocabulary.relation("tie").directed is directed  # GEXF's default: undirected


def test_an_edge_s_own_type_wins_and_mutual_is_undirected(tmp_path: Path) -> None:
    path = gexf(
        tmp_path,
        f'<graph defaultedgetype="directed">{NODES}<edges>'
        '<edge source="a" target="b" label="knows" type="mutual"/><edge source="b" target="c" label="knows"'
        ' type="undirected"/><edge source="a" target="c" label="pays"/></edges></graph>',
    )
    chart = linkchart.load(path)
    assert not chart.vocabulary.relation("knows").directed and chart.vocabulary.relation("pays").directed


def test_attributes_are_read_by_their_type_with_their_default(tmp_path: Path) -> None:
    path = gexf(
        tmp_path,
        '<graph><attributes class="node"><attribute id="0" title="size" type="integer"><default>1</default>'
        '</attribute><attribute id="1" title="cell" type="string"/></attributes>'
        '<nodes><node id="a"><attvalues><attvalue for="0" value="7"/><attvalue for="1" value="north"/>'
        '</attvalues></node><node id="b"/></nodes><edges/></graph>',
    )
    chart = linkchart.load(path)
    assert dict(chart.node("a").attributes) == {"size": 7, "cell": "north"}
    assert dict(chart.node("b").attributes) == {"size": 1}


def test_a_hierarchy_of_nodes_is_a_located_problem(tmp_path: Path) -> None:
    path = gexf(
        tmp_path, '<graph>\n<nodes>\n<node id="g">\n<nodes><node id="x"/></nodes></node></nodes></graph>'
    )
    with pytest.raises(LoadError) as info:
        linkchart.load(path)
    (p,) = info.value.problems
    assert p.line == 5 and "holds nodes of its own (a hierarchy)" in p.message

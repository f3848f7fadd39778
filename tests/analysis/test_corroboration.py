"""linkchart.analysis.corroboration: the sources behind ties and actors, parallel edges that
look like one claim, and the report's words on findings that rest on one source."""

from __future__ import annotations

from typing import Any

import linkchart
from linkchart import one_source, same_claims, sources_behind

UNDIRECTED = linkchart.Vocabulary(
    relations=(linkchart.Relation("knows", directed=False), linkchart.Relation("pays"))
)
SOURCES = [{"id": "icg"}, {"id": "court"}, {"id": "press"}]


def chart(edges: list[dict[str, Any]]) -> linkchart.LinkChart:
    nodes = [{"id": x, "type": "person"} for x in "abcde"]
    return linkchart.from_records(nodes, edges, sources=SOURCES, vocabulary=UNDIRECTED)


def test_sources_behind_counts_every_source_of_an_evidence_list_once() -> None:
    c = chart(
        [
            {"from": "a", "relation": "knows", "to": "b", "evidence": [
                {"quote": "x", "source": "icg"}, {"quote": "y", "source": "icg"},
                {"quote": "z", "source": "court"}]},
            {"from": "b", "relation": "knows", "to": "c", "source": "icg"},
            {"from": "c", "relation": "knows", "to": "d", "source": None},
        ]
    )  # fmt: skip
    assert dict(sources_behind(c, [0, 1, 2])) == {0: 2, 1: 1, -1: 1}
    assert dict(sources_behind(c, [1])) == {0: 1}


def test_one_source_names_the_actors_whose_every_tie_rests_on_one_source() -> None:
    c = chart(
        [
            {"from": "a", "relation": "knows", "to": "b", "source": "icg"},
            {"from": "b", "relation": "knows", "to": "c", "source": "court"},
            {"from": "c", "relation": "pays", "to": "d", "evidence": [
                {"quote": "x", "source": "court"}, {"quote": "y", "source": "press"}]},
            {"from": "d", "relation": "knows", "to": "e", "source": None},
        ]
    )  # fmt: skip
    assert one_source(c) == {"a": "icg", "e": None}
    # read only 'knows': c rests on the court alone, d on no source
    assert one_source(c, relations=["knows"]) == {"a": "icg", "c": "court", "d": None, "e": None}


def test_same_claims_finds_parallel_reports_from_several_sources() -> None:
    c = chart(
        [
            {"from": "a", "relation": "knows", "to": "b", "source": "icg"},
            {"from": "b", "relation": "knows", "to": "a", "source": "court"},  # undirected: same pair
            {"from": "a", "relation": "pays", "to": "b", "source": "icg"},
            {"from": "b", "relation": "pays", "to": "a", "source": "court"},  # directed: not the same
            {"from": "c", "relation": "knows", "to": "d", "source": "icg"},
            {"from": "c", "relation": "knows", "to": "d", "source": "icg"},  # one source twice: not listed
            {"from": "d", "relation": "knows", "to": "e", "source": "press", "alternative": "x"},
            {"from": "d", "relation": "knows", "to": "a", "source": "press", "alternative": "x"},
            {"from": "d", "relation": "knows", "to": "e", "source": "court"},  # besides an alternative
        ]
    )  # fmt: skip
    found = same_claims(c)
    assert [(s.edges, s.sources) for s in found] == [(("e0", "e1"), ("icg", "court"))]


def test_the_report_counts_an_evidence_lists_sources(tmp_path: Any) -> None:
    one = chart([{"from": "a", "relation": "knows", "to": "b", "source": "icg"}])
    two = chart(
        [{"from": "a", "relation": "knows", "to": "b", "evidence": [
            {"quote": "x", "source": "icg"}, {"quote": "y", "source": "court"}]}]
    )  # fmt: skip
    alone = linkchart.report(one)
    corroborated = linkchart.report(two)
    assert any("Every tie read comes from one source (icg)" in line for line in alone.limits)
    assert not any("from one source" in line for line in corroborated.limits)
    assert any("from 2 sources" in line for line in corroborated.limits)


def test_a_finding_on_one_tie_says_its_sources() -> None:
    two = chart(
        [
            {"from": "a", "relation": "knows", "to": "b", "evidence": [
                {"quote": "x", "source": "icg"}, {"quote": "y", "source": "court"}]},
            {"from": "b", "relation": "knows", "to": "c", "source": "icg"},
        ]
    )  # fmt: skip
    text = linkchart.report(two).to_text()
    assert "(e0, p 0.998) from 2 sources (icg, court)" in text  # 1 - 0.05 * 0.05

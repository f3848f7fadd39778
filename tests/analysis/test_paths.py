"""explain_path: hand-worked paths and probabilities, the reading, names and errors."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import linkchart
from linkchart import LinkchartError, Relation, UnknownNameError, Vocabulary

GRAPH = Path(__file__).resolve().parents[2] / "graphs" / "central_asia.yaml"

VOCAB = Vocabulary(
    relations=(
        Relation("funds"),
        Relation("knows", directed=False),
        Relation("fights", directed=False, sign="negative"),
    )
)


def diamond() -> linkchart.LinkChart:
    # a -> b -> d (0.75 * 0.75 = 0.5625), a - c - d (0.95 * 0.5 = 0.475), a - d hostile (0.95)
    return linkchart.from_records(
        [{"id": x, "type": "organisation", "label": x.upper() + " group"} for x in "abcd"],
        [
            {"from": "a", "relation": "funds", "to": "b", "confidence": "reported", "evidence": "A pays B."},
            {"from": "b", "relation": "funds", "to": "d", "confidence": "reported", "evidence": "B pays D."},
            {"from": "a", "relation": "knows", "to": "c", "confidence": "confirmed"},
            {"from": "c", "relation": "knows", "to": "d", "confidence": "alleged"},
            {"from": "a", "relation": "fights", "to": "d", "confidence": "confirmed"},
            {
                "from": "c",
                "relation": "knows",
                "to": "d",
                "confidence": "possible",
            },  # a weaker parallel report
        ],
        vocabulary=VOCAB,
    )


def test_the_most_probable_chain_comes_first_with_its_joint_probability() -> None:
    result = linkchart.explain_path(diamond(), "a", "d", k=3)
    assert [p.nodes for p in result.paths] == [("a", "b", "d"), ("a", "c", "d")]  # no hostile path
    best, second = result.paths
    assert best.probability == pytest.approx(0.75 * 0.75) and second.probability == pytest.approx(0.95 * 0.5)
    assert [s.evidence for s in best.steps] == ["A pays B.", "B pays D."]
    assert second.steps[1].confidence == "alleged"  # the better of the two parallel reports
    assert [s.arrow() for s in best.steps] == ["--funds-->", "--funds-->"]


def test_fewest_hops_and_hostile_ties_on_request() -> None:
    everything = linkchart.explain_path(diamond(), "a", "d", by="hops", signs="all", k=1)
    (path,) = everything.paths
    assert path.nodes == ("a", "d") and path.steps[0].relation == "fights" and path.hops == 1
    hops = linkchart.explain_path(diamond(), "a", "d", by="hops", k=2)
    assert [p.hops for p in hops.paths] == [2, 2]
    assert hops.paths[0].probability >= hops.paths[1].probability  # most probable first among equals


def test_direction_is_shown_and_can_be_required() -> None:
    c = diamond()
    back = linkchart.explain_path(c, "d", "a", k=1).paths[0]
    assert back.nodes == ("d", "b", "a") and [s.arrow() for s in back.steps] == ["<--funds--", "<--funds--"]
    along = linkchart.explain_path(c, "d", "a", k=1, directed=True)
    assert along.paths[0].nodes == ("d", "c", "a")  # only the undirected ties lead back
    assert (
        linkchart.explain_path(c, "b", "a", directed=True, signs="positive", layers="all").paths[0].hops == 3
    )


def test_names_resolve_through_labels_and_aliases_and_errors_say_what_is_wrong() -> None:
    c = diamond()
    assert linkchart.explain_path(c, "A group", "d").a == "a"
    with pytest.raises(UnknownNameError, match="did you mean"):
        linkchart.explain_path(c, "a", "dd")
    with pytest.raises(LinkchartError, match="same node"):
        linkchart.explain_path(c, "a", "A group")
    with pytest.raises(LinkchartError, match="k must be"):
        linkchart.explain_path(c, "a", "d", k=0)
    with pytest.raises(UnknownNameError):
        linkchart.explain_path(c, "a", "d", by="cost")  # type: ignore[arg-type]
    lone = linkchart.from_records([{"id": x, "type": "state"} for x in "xy"], [])
    none = linkchart.explain_path(lone, "x", "y")
    assert none.paths == () and "no path" in none.text()


def test_the_central_asia_chain_from_the_jui_to_kyrgyzstan() -> None:
    chart = linkchart.load(GRAPH)
    # Kyrgyzstan's only ties are hostile acts (infiltration, actions aimed at it) and neutral
    # ones (borders, lies in): since issue 18 no chain of positive ties reaches it, and the
    # default reading says so
    default = linkchart.explain_path(chart, "Jamaat-e-Ulema-e-Islam", "Kyrgyzstan")
    assert default.paths == ()
    assert default.reading.startswith("read on 18 of 92 ties: positive ties of the layers operational")
    assert "--signs all" in default.text()
    result = linkchart.explain_path(chart, "Jamaat-e-Ulema-e-Islam", "Kyrgyzstan", signs="all")
    best = result.paths[0]
    assert best.nodes == ("JUI", "IMT", "Kyrgyzstan")
    assert [s.relation for s in best.steps] == ["patron_of", "infiltrates"]
    assert best.probability == pytest.approx(0.75**2)
    assert all(p.probability <= best.probability + 1e-12 for p in result.paths)
    assert math.isclose(result.to_dict()["paths"][0]["probability"], best.probability)
    text = result.text()
    assert '"Patronage of the Pakistani Jamaat-e-Ulema-e-Islam' in text and "--infiltrates-->" in text
    assert "Reading: read on 33 of 92 ties: ties of every sign" in text


def test_the_default_reading_never_chains_through_a_place() -> None:
    vocab = Vocabulary(
        relations=(
            Relation("funds", layer="operational"),
            Relation("operates_in", layer="presence"),
        ),
        default_layers=("operational",),
    )
    nodes = [{"id": "a", "type": "organisation"}, {"id": "b", "type": "organisation"}]
    nodes += [{"id": "m", "type": "organisation"}, {"id": "valley", "type": "region"}]
    edges = [
        {"from": "a", "relation": "operates_in", "to": "valley", "confidence": "confirmed"},
        {"from": "b", "relation": "operates_in", "to": "valley", "confidence": "confirmed"},
        {"from": "a", "relation": "funds", "to": "m", "confidence": "alleged"},
        {"from": "m", "relation": "funds", "to": "b", "confidence": "alleged"},
    ]
    chart = linkchart.from_records(nodes, edges, vocabulary=vocab)
    default = linkchart.explain_path(chart, "a", "b")
    assert [p.nodes for p in default.paths] == [("a", "m", "b")]  # the place is more probable, not read
    assert default.to_dict()["reading"] == default.reading
    assert default.parameters["layers"] == ["operational"]
    everything = linkchart.explain_path(chart, "a", "b", layers="all")
    assert everything.paths[0].nodes == ("a", "valley", "b")


def test_the_cli_reads_the_default_reading_and_takes_layers(capsys: pytest.CaptureFixture[str]) -> None:
    from linkchart.cli import main

    assert main(["path", str(GRAPH), "JUI", "Kyrgyzstan"]) == 1
    out = capsys.readouterr().out
    assert "no path on the ties read" in out and "Reading: read on 18 of 92 ties" in out
    assert main(["path", str(GRAPH), "JUI", "Kyrgyzstan", "--signs", "all", "--k", "1"]) == 0
    assert "JUI > IMT > Kyrgyzstan" in capsys.readouterr().out


# ---------------------------------------------------------------------------- either-or claims
def tie(eid: str, a: str, b: str, confidence: str, alternative: str | None = None) -> dict[str, str]:
    out = {"id": eid, "from": a, "relation": "knows", "to": b, "confidence": confidence}
    return out if alternative is None else {**out, "alternative": alternative}


def test_a_chain_uses_at_most_one_alternative_of_a_claim() -> None:
    # "H knows X or Y" (one claim): X > H > Y would need both alternatives to hold
    claim = [tie("a", "H", "X", "alleged", "one"), tie("b", "H", "Y", "alleged", "one")]
    people = [{"id": x, "type": "person"} for x in "XHY"]
    found = linkchart.explain_path(linkchart.from_records(people, claim, vocabulary=VOCAB), "X", "Y")
    assert found.paths == () and "1 best path" not in found.text()
    # with a plain tie beside an alternative, the chain takes the plain one
    c = linkchart.from_records(people, [*claim, tie("p", "H", "Y", "possible")], vocabulary=VOCAB)
    (path,) = linkchart.explain_path(c, "X", "Y").paths
    assert [s.edge for s in path.steps] == ["a", "p"]
    alleged, possible = (c.vocabulary.confidence.probability(x) for x in ("alleged", "possible"))
    assert path.probability == pytest.approx(alleged / 2 * possible)


def test_the_k_best_chains_skip_those_through_two_alternatives() -> None:
    # a claim "A operates with O1 or O2"; B is tied to O1, and to O2 only through C
    edges = [
        tie("m1", "B", "O1", "confirmed"),
        tie("alt1", "A", "O1", "alleged", "claim"),
        tie("alt2", "A", "O2", "alleged", "claim"),
        tie("o2c", "O2", "C", "reported"),
        tie("bc", "B", "C", "possible"),
    ]
    c = linkchart.from_records(
        [{"id": x, "type": "person"} for x in ("A", "B", "C", "O1", "O2")], edges, VOCAB
    )
    found = linkchart.explain_path(c, "B", "O2", k=5)
    used = [[s.edge for s in p.steps] for p in found.paths]
    assert ["m1", "alt1", "alt2"] not in used  # B > O1 > A > O2 rests on both alternatives
    assert used == [["bc", "o2c"]]
    assert all(sum(s.edge.startswith("alt") for s in p.steps) <= 1 for p in found.paths)

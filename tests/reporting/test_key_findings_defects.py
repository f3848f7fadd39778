"""Key findings never state false things (attack defects 6 and 16): ties, either-or claims,
trivial draws, camps with a misfit, distance-weighted fragmentation, charts where no tie is read."""

from __future__ import annotations

import linkchart
from linkchart import Relation, Vocabulary


def _chart(edges: list[tuple[str, str]], **edge: object) -> linkchart.LinkChart:
    nodes = sorted({n for e in edges for n in e})
    vocab = Vocabulary(relations=(Relation("knows", directed=False),))
    return linkchart.from_records(
        [{"id": n, "type": "person"} for n in nodes],
        [{"from": a, "relation": "knows", "to": b, **edge} for a, b in edges],
        vocabulary=vocab,
    )


def _texts(chart: linkchart.LinkChart, **options: object) -> list[str]:
    return [f"{f.text} {f.caveat}" for f in linkchart.report(chart, **options).findings]  # type: ignore[arg-type]


def test_no_main_go_between_or_most_partners_when_everyone_ties() -> None:
    cycle = _chart([("A", "B"), ("B", "C"), ("C", "D"), ("D", "A")])
    texts = " ".join(_texts(cycle, draws=None))
    assert "main go-between" not in texts and "most partners" not in texts
    pairs = _chart([("A", "B"), ("C", "D"), ("E", "F")])
    assert "most partners" not in " ".join(_texts(pairs, draws=None))
    hubs = _chart([("A", "B"), ("A", "C"), ("D", "E"), ("D", "F")])  # A and D: 2 partners each
    assert "A and D tie for the most partners: 2 each of the 5 other actors." in " ".join(
        _texts(hubs, draws=None)
    )


def test_a_tie_at_the_top_is_said_as_a_tie() -> None:
    # A and D each join a pendant pair to the middle B-C: they tie on betweenness
    chart = _chart([("X", "A"), ("A", "B"), ("B", "C"), ("C", "D"), ("D", "Y")])
    broker = next(f for f in linkchart.report(chart, draws=None).findings if f.kind == "broker")
    assert "B and C tie as the main go-betweens" in broker.text and "than anyone else" not in broker.text


def test_either_or_claims_are_not_counted_as_fact_and_trivial_draws_are_not_shown() -> None:
    vocab = Vocabulary(relations=(Relation("knows", directed=False),))
    chart = linkchart.from_records(
        [{"id": x, "type": "person"} for x in "XHY"],
        [
            {"id": "a", "from": "H", "relation": "knows", "to": "X", "alternative": "one"},
            {"id": "b", "from": "H", "relation": "knows", "to": "Y", "alternative": "one"},
        ],
        vocabulary=vocab,
    )
    texts = _texts(chart, draws=50)
    hub = next(t for t in texts if "most partners" in t)
    assert "every alternative of the either-or claim one" in hub and "upper bound" in hub
    assert not any("random versions" in t for t in texts)  # 3 actors are always in the top 5


def test_camps_with_a_misfit_do_not_say_friendly_among_themselves() -> None:
    vocab = Vocabulary(relations=(Relation("fights", sign="negative"),))
    chart = linkchart.from_records(
        [{"id": x, "type": "organisation"} for x in "ABC"],
        [{"from": a, "relation": "fights", "to": b} for a, b in (("A", "B"), ("A", "C"), ("B", "C"))],
        vocabulary=vocab,
    )
    camps = next(f for f in linkchart.report(chart, draws=None).findings if f.kind == "camps")
    assert "friendly among themselves" not in camps.text and "least frustration" in camps.text


def test_fragmentation_says_when_it_is_distance_weighted() -> None:
    cycle = _chart([("A", "B"), ("B", "C"), ("C", "D"), ("D", "E"), ("E", "A")])
    players = next(f for f in linkchart.report(cycle, draws=None).findings if f.kind == "key_players")
    assert "distance-weighted fragmentation from" in players.text


def test_a_chart_where_no_tie_is_read_says_so_plainly() -> None:
    vocab = Vocabulary(relations=(Relation("located_in", sign="neutral"),))
    chart = linkchart.from_records(
        [
            {"id": "A", "type": "organisation"},
            {"id": "B", "type": "organisation"},
            {"id": "R", "type": "region"},
        ],
        [{"from": n, "relation": "located_in", "to": "R"} for n in "AB"],
        vocabulary=vocab,
    )
    r = linkchart.report(chart)
    (only,) = r.findings
    assert only.kind == "nothing_read" and only.text.startswith("No tie is read, so no actor can be ranked")
    assert "2 neutral ties" in only.text
    assert r.rankings == () and r.how_sure == () and r.key_players == ()
    text = r.to_text()
    assert "How sure" not in text and "fragmentation from" not in text and "== degree" not in text


def test_the_draws_are_said_where_the_top_is_not_everyone() -> None:
    path = _chart([("A", "B"), ("B", "C"), ("C", "D"), ("D", "E"), ("E", "F"), ("F", "G")])
    broker = next(f for f in linkchart.report(path, draws=50).findings if f.kind == "broker")
    assert broker.nodes == ("D",) and "% of 50 random versions of the chart" in broker.caveat

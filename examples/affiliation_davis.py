"""Davis's Southern Women: an affiliation network, loaded from its published matrix form.

Who of 18 women attended which of 14 social events (Davis, Gardner & Gardner, *Deep
South*, 1941, p. 148): the two-mode matrix as published, in ``data/davis_southern_women.csv``
(provenance and licence: ``data/README.md``). The script

1. loads the matrix (``linkchart.load_matrix``) and says what classes it holds;
2. ranks women and events by two-mode degree, closeness and betweenness with Borgatti &
   Everett's (1997) normalisations (``linkchart.two_mode``);
3. projects it onto the women through the events they shared (``linkchart.one_mode``,
   Newman's collaboration weights) and ranks the women by betweenness there, every tie
   still pointing at the matrix cells it rests on;
4. asks how sure that ranking is when a tenth of the attendances are missing
   (``linkchart.rank_uncertainty`` on the projection draws the attendances, not the
   projected ties);
5. projects it onto the events through the women who attended both: which events tie
   otherwise separate groups.

Run ``python examples/affiliation_davis.py`` from anywhere.
"""

from __future__ import annotations

from pathlib import Path

import linkchart

DATA = Path(__file__).resolve().parent / "data" / "davis_southern_women.csv"
SOURCE = linkchart.Source(
    "davis1941",
    title="Deep South: A Social Anthropological Study of Caste and Class, p. 148",
    author="Allison Davis, Burleigh B. Gardner and Mary R. Gardner",
    date="1941",
)


def heading(text: str) -> None:
    print(f"\n{text}\n{'=' * len(text)}")


def table(rows: list[tuple[str, float]], width: int = 20) -> None:
    for name, value in rows:
        print(f"  {name:<{width}} {value:>7.3f}")


def main() -> None:
    chart = linkchart.load_matrix(
        DATA,
        relation="attended",
        rows="woman",
        columns="event",
        classes={"woman": "agent", "event": "event"},
        source=SOURCE,
        title="Davis's Southern Women",
    )
    print(f"{chart.title}: {chart.number_of_nodes} nodes, {chart.number_of_edges} attendances")
    print(f"Source: {SOURCE.author}, {SOURCE.title} ({SOURCE.date}); the matrix as networkx ships it")
    print("(BSD-3-Clause); provenance in examples/data/README.md.")
    print(linkchart.classes(chart).text(), end="")

    heading("1. Two-mode centrality (Borgatti & Everett 1997)")
    for measure in ("degree", "closeness", "betweenness"):
        scores = linkchart.two_mode(chart, measure, first="woman")
        print(f"{measure}: women")
        table(scores.top(5, node_type="woman"))
        print(f"{measure}: events")
        table(scores.top(3, node_type="event"))

    heading("2. The women, tied through the events they shared")
    women = linkchart.one_mode(chart, "woman", "event", weighting="newman")
    ties = linkchart.projected_ties(women)
    print(
        f"{women.number_of_nodes} women, {len(ties)} tied pairs of {18 * 17 // 2}; heaviest (Newman weights):"
    )
    for t in ties[:3]:
        print(f"  {t.a} - {t.b}: {t.weight:.3f}, through {', '.join(t.via)}")
    print("Projected betweenness (one tie per pair, every tie length 1; 139 of 153 pairs are tied,")
    print("so seven women tie for first):")
    table(linkchart.betweenness(women).top(8))
    print("Projected betweenness, Newman weights read as distances 1/w:")
    table(linkchart.betweenness(women, weight="weight").top(5))
    shared = linkchart.shared_affiliations(women, "Evelyn Jefferson", "Theresa Anderson")
    first = shared[0]
    print(
        f"Evelyn Jefferson and Theresa Anderson share {len(shared)} events; the first, {first.via}, rests on"
    )
    cells = [first.first[0].attributes["cell"], first.second[0].attributes["cell"]]
    print(f"the cells {cells[0]} and {cells[1]} of the matrix (source: {first.first[0].source}).")

    heading("3. How sure is the projected ranking with a tenth of the attendances missing?")
    sure = linkchart.rank_uncertainty(
        women, "betweenness", draws=500, seed=0, model="missing", drop=0.1, workers=1
    )
    print(sure.text(), end="")

    heading("4. The events, tied through the women who attended both")
    events = linkchart.one_mode(chart, "event", "woman")
    print("Projected betweenness of the events (who bridges the two groups of women):")
    table(linkchart.betweenness(events).top(5))


if __name__ == "__main__":
    main()

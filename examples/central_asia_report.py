"""What an analyst asks of the Central Asia graph, answered from linkchart's measures.

Run it from anywhere (it finds the graph next to itself)::

    python examples/central_asia_report.py

Four questions, each answered by a measure and backed by the evidence quote of every tie
the answer rests on:

1. Which actors and places bridge South Asia and Central Asia?
2. Which state is the staging ground?
3. Which ties and places are single points of failure?
4. Who brokers between organisations and states?

Every measure reads the graph's default reading unless the question needs another: the
positive ties of the layers the file names in ``analysis:`` (operational and political
ties between actors). Where a question is about places, it says which layers it reads.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Mapping
from pathlib import Path

import linkchart
from linkchart import LinkChart

GRAPH = Path(__file__).resolve().parent.parent / "graphs" / "central_asia.yaml"

SOUTH, CENTRAL, BEYOND = "South Asia", "Central Asia", "transnational"

# Macro-regions. States are placed by hand (the article itself keeps Afghanistan apart
# from Central Asia: "the borders between Afghanistan and Central Asia"); provinces,
# districts and villages follow their `state` attribute, parties their `country`; the
# remaining nodes, keyed by the ids the graph file defines, are placed here. The IMT,
# its leader, Al-Qaeda and the article's unnamed sponsors act across regions.
STATE_REGION = {
    "Tajikistan": CENTRAL,
    "Kyrgyzstan": CENTRAL,
    "Uzbekistan": CENTRAL,
    "Afghanistan": SOUTH,
    "Pakistan": SOUTH,
}
OTHER_REGION = {
    **dict.fromkeys(
        [
            "Central Asia",
            "Fergana Valley",
            "Government of Tajikistan",
            "Tajik field commanders",
            "Emomali Rakhmonov",
            "Central Asian criminal networks",
            "Narcotics traffickers",
            "Batken incursion 1999",
            "Surkhandarya incursion 2000",
            "1997 peace treaty",
            "Tajik civil war",
        ],
        CENTRAL,
    ),
    **dict.fromkeys(
        [
            "Kashmir",
            "Taliban",
            "Lashkar-e-Taiba",
            "Outlawed Islamist movements",
            "Pakistani Islamist circles",
            "Pakistani sectarian groups",
            "Regional extremist groups",
            "Northern Alliance",
            "Northern Alliance field commanders",
        ],
        SOUTH,
    ),
    **dict.fromkeys(
        [
            "IMT",
            "Tahir Yoldash",
            "Al-Qaeda",
            "Terrorist groups and their sponsors",
            "Destabilising forces",
        ],
        BEYOND,
    ),
}
STAGING = ["stages_from", "launched_from", "hides_in", "located_in"]
PLACES = ["presence", "geography"]  # the layers that say where actors are and where places lie
# (their ties are neutral: they place an actor rather than connect it, so a question about
# places reads them with signs="neutral")


def macro_regions(chart: LinkChart) -> dict[str, str]:
    """Node id -> South Asia, Central Asia or transnational."""
    out = {}
    for node in chart.iter_nodes():
        attrs = node.attributes
        if node.id in STATE_REGION:
            out[node.id] = STATE_REGION[node.id]
        elif "state" in attrs:
            out[node.id] = STATE_REGION[attrs["state"]]
        elif "country" in attrs:
            out[node.id] = STATE_REGION[attrs["country"]]
        else:
            out[node.id] = OTHER_REGION[node.id]
    return out


# ---------------------------------------------------------------------------- printing
def heading(text: str) -> None:
    print(f"\n{text}\n{'=' * len(text)}")


def say(text: str) -> None:
    print(textwrap.fill(" ".join(text.split()), 92))


def quote(edge: linkchart.Edge, indent: str = "    ") -> None:
    """One tie with its evidence."""
    print(f"{indent}[{edge.id}] {edge.from_id} --{edge.relation}--> {edge.to_id} ({edge.confidence})")
    print(
        textwrap.fill(
            f'"{edge.evidence}"', 92, initial_indent=indent + "  ", subsequent_indent=indent + "   "
        )
    )


def best_ties(chart: LinkChart, a: str, b: str, *, arc: bool = False) -> list[linkchart.Edge]:
    """The edges between a and b, most certain first (then in file order).

    With ``arc=True`` only those that make the arc a -> b: edges from a to b, and
    undirected ones either way.
    """
    edges = [e for e in chart.edges_between(a, b) if not arc or e.from_id == a or not e.directed]
    return sorted(edges, key=lambda e: -e.probability)


def table(rows: list[list[str]], headers: list[str], right: Iterable[int] = ()) -> None:
    right = set(right)
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=True)]
    for row in [headers, ["-" * w for w in widths], *rows]:
        cells = [
            str(c).rjust(w) if i in right else str(c).ljust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        print("  " + "  ".join(cells).rstrip())


# ---------------------------------------------------------------------------- questions
def bridges_between_regions(chart: LinkChart) -> None:
    heading("1. Which actors and places bridge South Asia and Central Asia?")
    region = macro_regions(chart)
    result = linkchart.brokerage(chart, partition=region)
    say(f"""Gould-Fernandez brokerage on the actors' cooperative ties, with the nodes grouped by
        macro-region ({SOUTH}, {CENTRAL}, and actors that are {BEYOND}). A broker b on a path
        a -> b -> c with no tie a -> c mediates between regions in every role but coordinator.
        Cross-region brokerage, with the z-score of the node's total against the null model of
        random ties at the observed density (d = {result.density:.3f}):""")
    rows = []
    for node, counts in result.counts.items():
        cross = counts["total"] - counts["coordinator"]
        if cross:
            rows.append((cross, node))
    rows.sort(key=lambda r: (-r[0], r[1]))
    table(
        [
            [
                n,
                region[n],
                str(c),
                *(str(result.counts[n][r]) for r in ("liaison", "representative", "gatekeeper", "itinerant")),
                f"{result.z[n]['total']:.1f}",
            ]
            for c, n in rows[:6]
        ],
        ["broker", "region", "cross", "liaison", "represent.", "gatekeeper", "itinerant", "z(total)"],
        right=range(2, 8),
    )
    top = rows[0][1]
    say(f"""{top} is the bridge: no other node comes close. Its ties on each side, strongest
        evidence first:""")
    actors = chart.with_relations(*linkchart.reading(chart).relations)
    for side in (SOUTH, CENTRAL):
        partners = [m for m in actors.neighbors(top) if region[m] == side]
        print(f"  to {side} ({len(partners)} nodes), e.g.:")
        shown = sorted(partners, key=lambda m: -max(e.probability for e in actors.edges_between(top, m)))[:2]
        for m in shown:
            quote(best_ties(actors, top, m)[0])
    # places: read the layers that put actors in places and places in places
    geo = chart.with_relations(*linkchart.reading(chart, layers=PLACES, signs="neutral").relations)
    between = linkchart.betweenness(chart, layers=PLACES, signs="neutral")
    places = [
        n
        for n in geo.node_ids
        if geo.node_type_of(n) in ("state", "region")
        and {region[m] for m in geo.neighbors(n)} >= {SOUTH, CENTRAL}
    ]
    places.sort(key=lambda n: (-between[n], n))
    say(f"""Places tied to both regions on the {" and ".join(PLACES)} layers, by betweenness
        there (shortest paths through them): {", ".join(f"{p} ({between[p]:g})" for p in places)}.
        The ties that cross between the regions there:""")
    quoted = set()
    for place in places:
        for side in (SOUTH, CENTRAL):
            if region[place] == side:
                continue
            partner = min(
                (m for m in geo.neighbors(place) if region[m] == side),
                key=lambda m: (-max(e.probability for e in geo.edges_between(place, m)), m),
            )
            edge = best_ties(geo, place, partner)[0]
            if edge.id not in quoted:
                quoted.add(edge.id)
                quote(edge)


def staging_ground(chart: LinkChart) -> None:
    heading("2. Which state is the staging ground?")
    rank = linkchart.pagerank(chart, relations=STAGING)
    states = rank.top(3, node_type="state")
    say(f"""PageRank on the ties that say where fighters stage, launch from and hide
        ({", ".join(STAGING[:3])}), with 'located_in' carrying a province's weight up to its
        state: a random walk along them ends most often in {states[0][0]}
        ({states[0][1]:.3f}; next {states[1][0]} {states[1][1]:.3f}, {states[2][0]}
        {states[2][1]:.3f}). The ties it rests on:""")
    ground = states[0][0]
    places = {ground} | {n.id for n in chart.iter_nodes() if n.attributes.get("state") == ground}
    for edge in chart.iter_edges():
        if edge.relation in STAGING[:3] and edge.to_id in places:
            quote(edge)


def single_points_of_failure(chart: LinkChart) -> None:
    heading("3. Which ties and places are single points of failure?")
    found = linkchart.bridges(chart)
    cuts = linkchart.articulation_points(chart)
    say(f"""On the actors' cooperative ties, {len(found)} ties are bridges (cutting one disconnects
        the network) and {len(cuts)} nodes are articulation points. The most consequential of
        each:""")
    for b in found[:3]:
        small = min(b.separated, key=len)
        print(f"  bridge {b.from_id} -- {b.to_id}: cuts off {', '.join(sorted(small))}")
        for edge_id in b.edge_ids:
            quote(chart.edge(edge_id))
    for point in cuts[:3]:
        pieces = "; ".join(", ".join(sorted(p)) for p in point.components[1:])
        print(
            f"  articulation point {point.node_id} ({chart.node_type_of(point.node_id)}): "
            f"removing it cuts off {pieces}"
        )
        for piece in point.components[1:]:
            for member in sorted(piece):
                for edge in best_ties(chart, point.node_id, member)[:1]:
                    quote(edge)


def open_paths(chart: LinkChart, broker: str, role: str, groups: Mapping[str, str]) -> list[tuple[str, str]]:
    """The (a, c) of the open paths a -> broker -> c in ``role`` (undirected ties count both ways)."""
    arcs: set[tuple[str, str]] = set()
    for e in chart.iter_edges():
        if e.from_id != e.to_id:
            arcs.add((e.from_id, e.to_id))
            if not e.directed:
                arcs.add((e.to_id, e.from_id))
    ins = sorted(a for a, b in arcs if b == broker)
    outs = sorted(c for b, c in arcs if b == broker)
    g = groups
    out = []
    for a in ins:
        for c in outs:
            if a == c or (a, c) in arcs:
                continue
            kind = (
                "coordinator"
                if g[a] == g[broker] == g[c]
                else "itinerant"
                if g[a] == g[c]
                else "representative"
                if g[a] == g[broker]
                else "gatekeeper"
                if g[broker] == g[c]
                else "liaison"
            )
            if kind == role:
                out.append((a, c))
    return out


def brokers_between_organisations_and_states(chart: LinkChart) -> None:
    heading("4. Who brokers between organisations and states?")
    sub = chart.of_types("organisation", "state")
    say("""Gould-Fernandez brokerage on the organisations and states alone, grouped by type. An
        itinerant state passes something between two organisations; a representative
        organisation carries its side's ties to a state; a gatekeeper takes a state's ties in
        to organisations. The top broker in each role, with one path and its evidence:""")
    groups = {n: sub.node_type_of(n) for n in sub.node_ids}
    for role in ("itinerant", "representative", "gatekeeper"):
        show_broker(sub, linkchart.brokerage(sub), role, groups, linkchart.reading(sub).relations)
    say("""Read every tie as a channel instead, hostile ones included (--signs all --layers all, the
        reading of round 1), and a state turns up as the itinerant broker. Its paths are
        counter-terrorism and threats: a state that fights two groups does not broker between
        them, which is why the default reading leaves hostile ties out:""")
    everything = linkchart.brokerage(sub, signs="all", layers="all")
    show_broker(sub, everything, "itinerant", groups, sub.vocabulary.relation_names)


def show_broker(
    sub: LinkChart,
    result: linkchart.BrokerageResult,
    role: str,
    groups: Mapping[str, str],
    read: Iterable[str],
) -> None:
    """The top broker in ``role``, with one of its open paths and the evidence of both ties."""
    counts = result.role(role)
    broker, count = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not count:
        print(f"  {role}: none")
        return
    z = result.z[broker][role]
    print(
        f"  {role}: {broker} ({groups[broker]}), {count} paths, z = {z:.1f}"
        if not math.isnan(z)
        else f"  {role}: {broker}, {count} paths"
    )
    ties = sub.with_relations(*read)
    a, c = open_paths(ties, broker, role, groups)[0]
    print(f"    e.g. {a} -> {broker} -> {c}, with no tie {a} -> {c}:")
    quote(best_ties(ties, a, broker, arc=True)[0], "      ")
    quote(best_ties(ties, broker, c, arc=True)[0], "      ")


def main() -> None:
    chart = linkchart.load(GRAPH)
    print(f"{chart.title}: {chart.number_of_nodes} nodes, {chart.number_of_edges} edges")
    bridges_between_regions(chart)
    staging_ground(chart)
    single_points_of_failure(chart)
    brokers_between_organisations_and_states(chart)


if __name__ == "__main__":
    main()

"""The words the report and the page explain, in one place: what a measure, a brokerage role
or a note means, in a sentence an analyst reads (the report's glossary, the page's tooltips)."""

from __future__ import annotations

__all__ = ["GLOSSARY"]

GLOSSARY: dict[str, str] = {
    "betweenness": "how often an actor lies on the shortest chain of ties between two others",
    "PN centrality": "positive-negative centrality: ties to friends raise it, ties to enemies lower it",
    "firm ties": "the ties at or above the firm confidence level (reported, unless --firm says otherwise)",
    "rank 4-9 (tied) on firm ties": "on the firm ties alone the actor would rank 4th to 9th, "
    "sharing one value with the others in that span",
    "coordinator": "brokers between two actors of its own group",
    "itinerant": "an outsider brokering between two actors of one other group",
    "representative": "carries a tie from its own group out to another group",
    "gatekeeper": "lets a tie from another group into its own group",
    "liaison": "brokers between two groups, neither of them its own",
    "z": "how far a count lies above what chance would give, in standard deviations",
    "camp": "actors friendly among themselves and hostile to other camps, as far as the ties allow",
    "frustration": "the ties that do not fit the camps: hostile inside a camp, or friendly across camps",
}
"""The report's words that a reader who is not a network scientist may not know, each with a
one-line gloss (the report's text and Markdown gloss them where they appear, its JSON lists them all, and
the page's panel glosses those it shows)."""

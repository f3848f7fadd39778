"""Either-or claims: edges that share ``alternative: NAME`` are one claim of which exactly one holds.

"IMT guerrillas are reportedly operating with Al Qaeda or Taliban units" is one claim
with two alternatives: the IMT operates with Al-Qaeda's units, or with the Taliban's.
Written as two edges with the same ``alternative``, the measures read each as a tie of
a fraction of the claim's weight, and :func:`~linkchart.rank_uncertainty` draws one of
them (or none). A claim must be something the text can say:

- **a name** of text without spaces around it (``" imt"`` would be another claim than
  ``"imt"``, as a period name would);
- **two alternatives or more** (a name on one edge only is a warning: it reads as a plain
  tie, and is usually a misspelt name of another claim);
- **one confidence**, the claim's: the source hedges the claim, not each alternative
  (``bad-alternative`` at each edge that differs from the first);
- **one node in common**: an either-or claim is about one actor's tie ("operating with
  A or B", "funded by A or by B"), so every alternative touches a shared node;
- **different ties**: no two alternatives join the same nodes by the same relation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..errors import Problems, did_you_mean
from ..vocabulary import ConfidenceScale, Relation
from .columns import Section, quote_hint, type_name
from .nodes import present

__all__ = ["check_alternatives"]


def check_alternatives(
    sec: Section,
    ends: tuple[Any, Any, Any],
    rels: Sequence[Relation],
    conf: Any,
    scale: ConfidenceScale,
    node_ids: Sequence[str],
    problems: Problems,
) -> dict[int, str]:
    """The ``alternative`` column, checked: row -> the name of its claim.

    ``ends`` are the rows' ``from``, ``to`` and relation codes (``-1`` where unknown: such
    rows are not checked for a shared node); ``conf`` their confidence codes.
    """
    out: dict[int, str] = {}
    for k, v in enumerate(sec.column("alternative")):
        if not present(v, sec.text):
            continue
        if not isinstance(v, str) or not v.strip():
            problems.add(
                "wrong-type",
                f"'alternative' must name an either-or claim (text), not {type_name(v)}",
                f"{sec.name}[{k}].alternative",
                quote_hint(v)
                or "write the same name on every edge of the claim, e.g. 'alternative: imt-units'",
            )
            continue
        if v != v.strip():
            problems.add(
                "bad-alternative",
                f"the claim name {v!r} has spaces around it",
                f"{sec.name}[{k}].alternative",
                f"write {v.strip()!r}: with spaces around it, the name reads as another claim",
            )
            continue
        out[k] = v
    groups: dict[str, list[int]] = {}
    for k, name in out.items():
        groups.setdefault(name, []).append(k)
    src, dst, rel = (np.asarray(a) for a in ends)
    for name, rows in groups.items():
        first = rows[0]
        if len(rows) == 1:
            others = [g for g in groups if g != name]
            problems.warn(
                "bad-alternative",
                f"the either-or claim {name!r} has one alternative only: it reads as a plain tie",
                f"{sec.name}[{first}].alternative",
                did_you_mean(name, others) or "an either-or claim needs two edges or more with the same name",
            )
            continue
        level = int(conf[first])
        for k in rows[1:]:
            if int(conf[k]) != level:
                problems.add(
                    "bad-alternative",
                    f"the alternatives of {name!r} must share one confidence (the claim's): "
                    f"{sec.name}[{first}] is {scale.levels[level]}, this one {scale.levels[int(conf[k])]}",
                    f"{sec.name}[{k}].confidence",
                    "the source hedges the whole claim: write its level on every alternative",
                )
        known = [k for k in rows if src[k] >= 0 and dst[k] >= 0 and rel[k] >= 0]
        if len(known) < len(rows):
            continue
        common = {int(src[first]), int(dst[first])}
        seen: dict[tuple[int, int, int], int] = {}
        for k in rows:
            a, b, r = int(src[k]), int(dst[k]), int(rel[k])
            key = (a, b, r) if rels[r].directed else (min(a, b), max(a, b), r)
            if key in seen:
                problems.add(
                    "bad-alternative",
                    f"{sec.name}[{seen[key]}] and this edge are the same tie ({node_ids[a]} "
                    f"{rels[r].name} {node_ids[b]}): an alternative must differ from the others",
                    f"{sec.name}[{k}].alternative",
                    "remove the repeated edge, or correct its ends",
                )
            seen.setdefault(key, k)
            if common and not common & {a, b}:
                problems.add(
                    "bad-alternative",
                    f"the alternatives of {name!r} share no node: an either-or claim is about one "
                    f"actor's tie, and {node_ids[a]!r}-{node_ids[b]!r} touches none of the nodes before it",
                    f"{sec.name}[{k}].alternative",
                    "give every alternative one end in common ('IMT operates with A or B'), "
                    "or give each claim its own name",
                )
            common &= {a, b}
    return out

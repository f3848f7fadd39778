"""What changed in a node or an edge between two charts, field by field, and evidence item by
item (private: :mod:`linkchart.analysis.diff` compares the charts and re-exports the records)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal

__all__ = ["Change", "EdgeChange", "EvidenceChange", "NodeChange", "item_key", "items_of", "said"]

EvidenceChange = Literal["added", "removed", "changed"]


@dataclass(frozen=True, slots=True)
class Change:
    """One field that differs: its name and its value in each chart (as records hold it)."""

    field: str
    a: Any
    b: Any

    def to_dict(self) -> dict[str, Any]:
        """``{field, a, b}``."""
        return {"field": self.field, "a": self.a, "b": self.b}


@dataclass(frozen=True, slots=True)
class NodeChange:
    """A node in both charts whose fields differ."""

    id: str
    changes: tuple[Change, ...]

    def to_dict(self) -> dict[str, Any]:
        """``{id, changes: [...]}``."""
        return {"id": self.id, "changes": [c.to_dict() for c in self.changes]}


@dataclass(frozen=True, slots=True)
class EdgeChange:
    """An edge in both charts (the same claim by the same source) whose fields differ; ``a``
    and ``b`` are its ids in each."""

    a: str
    b: str
    claim: str
    changes: tuple[Change, ...]

    @property
    def evidence(self) -> EvidenceChange | None:
        """How its evidence changed: ``added`` (it keeps every item it had, and has more),
        ``removed`` (it had every item it has, and more), ``changed``, or ``None``."""
        for c in self.changes:
            if c.field == "evidence":
                before, after = Counter(map(item_key, c.a)), Counter(map(item_key, c.b))
                return "added" if before < after else "removed" if after < before else "changed"
        return None

    @property
    def items_added(self) -> tuple[dict[str, Any], ...]:
        """The evidence items ``b``'s edge has and ``a``'s lacks (each without what it takes
        from its edge), in ``b``'s order."""
        return self._items(after=True)

    @property
    def items_removed(self) -> tuple[dict[str, Any], ...]:
        """The evidence items ``a``'s edge had and ``b``'s lacks, in ``a``'s order."""
        return self._items(after=False)

    def _items(self, *, after: bool) -> tuple[dict[str, Any], ...]:
        for c in self.changes:
            if c.field == "evidence":
                mine, other = (c.b, c.a) if after else (c.a, c.b)
                left = Counter(map(item_key, other))
                out = []
                for item in mine:  # a multiset difference, in the order written
                    if left[item_key(item)]:
                        left[item_key(item)] -= 1
                    else:
                        out.append(item)
                return tuple(out)
        return ()

    def to_dict(self) -> dict[str, Any]:
        """``{a, b, claim, evidence, items_added, items_removed, changes: [...]}``."""
        return {
            "a": self.a,
            "b": self.b,
            "claim": self.claim,
            "evidence": self.evidence,
            "items_added": list(self.items_added),
            "items_removed": list(self.items_removed),
            "changes": [c.to_dict() for c in self.changes],
        }

    def words(self) -> str:
        """Its changes in words, evidence item by item (``evidence + "A paid B" (source t)``)."""
        out = []
        for c in self.changes:
            if c.field != "evidence":
                out.append(said(c))
                continue
            out += [f"evidence + {item_text(x)}" for x in self.items_added]
            out += [f"evidence - {item_text(x)}" for x in self.items_removed]
        return "; ".join(out)


def said(c: Change) -> str:
    return f"{c.field} {value_text(c.a)} -> {value_text(c.b)}"


def item_text(item: Any) -> str:
    """An evidence item in words: its quote and what else it says (``"A met B" (source s)``)."""
    if not isinstance(item, Mapping):
        return value_text(item)
    more = ", ".join(
        f"{k} {item[k] if isinstance(item[k], str) else value_text(item[k])}" for k in item if k != "quote"
    )
    quote = json.dumps(item["quote"], ensure_ascii=False) if item.get("quote") else "unquoted"
    return f"{quote} ({more})" if more else quote


def value_text(value: Any) -> str:
    """A field's value as records hold it, in words: a quote in quotation marks, an evidence
    list item by item, ``none`` for none."""
    if value is None or value == "" or value == [] or value == {}:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "; ".join(item_text(v) for v in value)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {value_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


#: An evidence item's fields that default to its edge's.
_ITEM_DEFAULTS: Final = ("source", "confidence", "time")


def items_of(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """An edge's evidence as a list of items, each without what it takes from its edge (a
    source, confidence or time equal to the edge's, or none): one quote and an item that
    writes out its edge's source are the same evidence.

    >>> items_of({"evidence": [{"quote": "y"}, {"quote": "x", "source": "s"}], "source": "s",
    ...         "confidence": "reported", "time": None})
    [{'quote': 'y'}, {'quote': 'x'}]
    """
    evidence = record["evidence"]
    written = evidence if isinstance(evidence, list) else [{"quote": evidence}] if evidence else []
    return [
        {k: v for k, v in item.items() if v is not None and not (k in _ITEM_DEFAULTS and v == record.get(k))}
        for item in written
    ]


def item_key(item: Mapping[str, Any]) -> str:
    return json.dumps(item, sort_keys=True, default=str)

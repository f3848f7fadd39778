"""Reading a decisions file (a YAML file whose only key is ``decisions:``) for the verbs that
read them (``merge``, ``conflicts``, ``dedupe``)."""

from __future__ import annotations

from pathlib import Path

from ...errors import LoadError, Problem
from ...loading.files import MAX_GRAPH_BYTES, Refused, read_text
from ...model.decisions import Decisions, decisions_from_records
from ...readers.yaml import parse_yaml

__all__ = ["read_decisions"]


def read_decisions(path: str | None) -> Decisions:
    """The decisions of the file ``path`` (none for ``None``).

    Raises
    ------
    LoadError
        For a file that cannot be read, is not YAML, holds anything but ``decisions:``, or
        whose decisions are not right (every problem, located).
    """
    if path is None:
        return Decisions()
    try:
        text = read_text(Path(path), MAX_GRAPH_BYTES)
    except (Refused, OSError) as err:
        reason = getattr(err, "reason", None) or getattr(err, "strerror", None) or str(err)
        message = f"cannot read the decisions file: {reason}"
        raise LoadError([Problem("source-unreadable", message, "", path)]) from None
    doc = parse_yaml(text, path)
    if doc.problems:
        raise LoadError(doc.problems)
    if not isinstance(doc.data, dict) or set(doc.data) != {"decisions"}:
        keys = sorted(doc.data) if isinstance(doc.data, dict) else []
        raise LoadError(
            [
                Problem(
                    "wrong-type",
                    f"a decisions file holds one key, decisions:, not {keys or type(doc.data).__name__}",
                    "",
                    path,
                    1,
                    hint="decisions: [{same_as: [A, B], by: WHO, why: TEXT}]",
                )
            ]
        )
    return decisions_from_records(doc.data["decisions"], file=path, lines=doc.lines)

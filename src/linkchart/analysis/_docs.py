"""The docstring paragraphs that every measure shares, written once (private: not re-exported).

A measure's docstring names a paragraph with a token — ``%(reading)s`` on a line of its
own in the Parameters section, or ``%(seed)s`` inside a sentence — and
:func:`linkchart.analysis._measure.measure` puts the paragraph in its place when the
module is imported (:func:`fill`). The tokens are replaced as plain text, never with
``%``-formatting, so a docstring may say "5-95 %" safely; a token left unreplaced fails
the contract test.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from ..errors import LinkchartError

__all__ = ["PARAGRAPHS", "fill"]

_READING = """\
relations
    Relations whose edges count (default: all).
layers, signs
    The reading: which layers and signs count (default: the positive ties of the
    chart's default layers; the relations given, as they are, when ``relations``
    is given); see :mod:`~linkchart.analysis.reading`.
"""

_READING_SIGNED = """\
relations, layers
    Which relations and layers count (default: all relations of the chart's
    default layers); signs are read, never filtered (see
    :mod:`~linkchart.analysis.reading`).
"""

_ENGINE = """\
engine
    ``"igraph"`` (default) or ``"networkx"`` (the reference); they agree.
"""

_DIRECTED = """\
directed
    ``None`` (default) follows the vocabulary (directed as soon as one counted
    relation is; undirected ties then count both ways); ``False`` reads every tie as
    undirected.
"""

_UNDIRECTED = """\
directed
    ``None`` or ``False``: the undirected reading, always (``True`` is refused).
"""

_WEIGHT_DISTANCE = """\
weight
    ``None`` (default): every tie has length 1, however many edges report it.
    Otherwise the weighting (``"count"``, ``"weight"``, ``"confidence_sum"``,
    ``"confidence_max"``) that combines parallel edges into a strength, read here
    as a **distance** of ``1 / strength``: a better-attested tie is a shorter path.
"""

_WEIGHT_STRENGTH = """\
weight
    How parallel edges combine into a tie's strength, read as a **strength**:
    ``"weight"`` (default: the sum of the edges' weights, so repeated reports
    strengthen a tie), ``"count"``, ``"confidence_sum"``, ``"confidence_max"``,
    or ``None`` (every tie 1).
"""

_SEED = (
    "A whole number from 0 to 2**32 - 1 (default 0): the same seed gives the same "
    "result, and the global random state is never touched."
)

_WORKERS = """\
workers
    How many processes may share the work: ``None`` (default) every core, up to 8,
    when vertices times ties exceed 10**8, else 1. The work is cut into blocks fixed
    by its size alone and their parts are added in block order, so the values are
    the same, to the last bit, for any number of workers or executor.
executor
    A ``concurrent.futures.Executor`` of the caller's, or a ``dask.distributed.Client``
    (the arrays broadcast to its workers once, one task per block), that runs the blocks
    instead (``None``, default: the runner of an enclosing
    :func:`linkchart.executor.on_cluster`, else linkchart's own processes, as
    ``workers`` says); see :mod:`linkchart.executor`.
"""

PARAGRAPHS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "reading": _READING,
        "reading_signed": _READING_SIGNED,
        "engine": _ENGINE,
        "directed": _DIRECTED,
        "undirected": _UNDIRECTED,
        "weight_distance": _WEIGHT_DISTANCE,
        "weight_strength": _WEIGHT_STRENGTH,
        "seed": _SEED,
        "workers": _WORKERS,
    }
)
"""Every shared paragraph, by the name of its token (``%(name)s``)."""


def _token(name: str) -> str:
    return "%(" + name + ")s"


def fill(doc: str | None, where: str) -> str | None:
    """``doc`` with every token replaced by its paragraph.

    A token alone on its line becomes the paragraph's lines at that line's indentation;
    a token inside a line becomes the paragraph's text in place.

    Raises
    ------
    LinkchartError
        For a token that names no paragraph (``where`` says whose docstring).

    Examples
    --------
    >>> print(fill('''Run.
    ...
    ...     Parameters
    ...     ----------
    ...     %(engine)s
    ...     seed
    ...         Seeds it. %(seed)s
    ... ''', "demo"))  # doctest: +NORMALIZE_WHITESPACE
    Run.
    <BLANKLINE>
        Parameters
        ----------
        engine
            ``"igraph"`` (default) or ``"networkx"`` (the reference); they agree.
        seed
            Seeds it. A whole number from 0 to 2**32 - 1 (default 0): the same seed gives the
            same result, and the global random state is never touched.
    <BLANKLINE>
    """
    if doc is None or "%(" not in doc:
        return doc
    lines: list[str] = []
    for line in doc.split("\n"):
        stripped = line.strip()
        if stripped.startswith("%(") and stripped.endswith(")s") and stripped[2:-2] in PARAGRAPHS:
            indent = line[: len(line) - len(line.lstrip())]
            lines.extend(indent + text for text in PARAGRAPHS[stripped[2:-2]].rstrip("\n").split("\n"))
            continue
        for name, text in PARAGRAPHS.items():
            line = line.replace(_token(name), text.strip())
        lines.append(line)
    out = "\n".join(lines)
    if "%(" in out:
        left = out[out.index("%(") :].split(")", 1)[0] + ")s"
        raise LinkchartError(f"the docstring of {where} has an unknown token {left}")
    return out

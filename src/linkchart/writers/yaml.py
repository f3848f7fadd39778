"""The YAML graph file: :func:`dumps` and :func:`write_yaml`.

The output loads back (:func:`linkchart.load`) to an equal chart: same title,
description, sources, vocabulary, nodes and edges (see ``LinkChart.__eq__``). Fields
that equal their default are left out (an edge id ``e<row>``, a weight equal to its
relation's weight, an empty evidence), everything else is written explicitly.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml

from ..errors import LinkchartError
from ..files import same_file, write_atomic
from ..model import LinkChart
from ..readers.yaml import CORE_SCHEMA, YAML_TAG
from ._document import chart_document, folder_of, plain_tree

__all__ = ["Dumper", "dumps", "write_yaml", "yaml_text"]

_DUMPER_BASE: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class Dumper(_DUMPER_BASE):  # type: ignore[misc]
    """PyYAML's safe dumper that also quotes any text YAML 1.2 would read as another type.

    The dumper quotes a string when its resolvers would read it back as something else;
    it knows YAML 1.1's rules, and this one adds the 1.2 core schema's, so that text such
    as ``0.`` or ``017`` is written quoted and :func:`~linkchart.readers.yaml.parse_yaml`
    reads it back as text.
    """


for _name, _pattern, _first in CORE_SCHEMA:
    Dumper.add_implicit_resolver(YAML_TAG + _name, re.compile(_pattern), _first)


def yaml_text(doc: Any) -> str:
    """The plain data ``doc`` (a graph document) as YAML text, in its order."""
    text: str = yaml.dump(plain_tree(doc), Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)
    return text


def dumps(
    chart: LinkChart, *, folder: str | os.PathLike[str] | None = None, embed_sources: bool = False
) -> str:
    """The chart as the text of a YAML graph file to be written into ``folder``.

    ``folder`` (default: the folder the chart was loaded from) is where the file will
    lie: a source's relative local ``location`` is written relative to it where the text
    lies inside it, else left out; ``embed_sources=True`` writes each source's text
    inline (``text:``).

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records([{"id": "A", "type": "state"}], [])
    >>> print(dumps(c).splitlines()[:2])
    ['linkchart: 1', "title: ''"]
    """
    target = Path(folder) if folder is not None else folder_of(chart)
    return yaml_text(chart_document(chart, target, embed=embed_sources))


def write_yaml(
    chart: LinkChart, path: str | os.PathLike[str], *, overwrite: bool = False, embed_sources: bool = False
) -> Path:
    """Write ``chart`` as one YAML graph file; return its path.

    The file is written to a temporary file and then moved into place, so a failed
    write leaves an existing file whole. Writing over the file the chart was loaded
    from is refused unless ``overwrite=True``: the hand-written file's comments and
    layout would be lost.

    The file declares the chart's node types, confidence scale and (when the chart's
    relations were declared) its relations, then every node and edge. Loading it gives
    a chart equal to ``chart``.

    Notes
    -----
    A source's relative local ``location`` is rewritten relative to the new file's
    folder when the chart was loaded from another folder, so that evidence is still
    checked against the same text; a text outside the new file's folder is not named
    (an export never points outside its folder): ``embed_sources=True`` writes it inline,
    else loading the file warns that its quotes were not checked (``evidence-unchecked``).
    Relations that were taken as they appeared (no ``relations:`` section) are taken as
    they appear again: a view that keeps only some
    relations then loads back with only those.

    Examples
    --------
    >>> import linkchart, pathlib, tempfile
    >>> c = linkchart.from_records([{"id": "A", "type": "state"}, {"id": "B", "type": "state"}],
    ...                            [{"from": "A", "relation": "borders", "to": "B", "time": 1999}])
    >>> out = write_yaml(c, pathlib.Path(tempfile.mkdtemp()) / "g.yaml")
    >>> linkchart.load(out) == c
    True
    """
    target = Path(path)
    inputs = chart.files
    if chart.path and same_file(target, chart.path):
        if not overwrite:
            raise LinkchartError(
                f"will not write over {str(target)!r}, the file this chart was loaded from: its comments "
                "and layout would be lost; write elsewhere, or pass overwrite=True",
                code="write-failed",
            )
        inputs = tuple(f for f in inputs if not same_file(f, chart.path))
    return write_atomic(
        target, dumps(chart, folder=target.parent, embed_sources=embed_sources), inputs=inputs
    )

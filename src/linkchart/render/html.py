"""Render a chart as one self-contained HTML page, write it, or show it in Jupyter.

The page is built on pyvis's ``Network`` (which holds the vis-network nodes, edges and
options) but rendered with linkchart's own template, never pyvis's: pyvis's page pulls
Bootstrap from a CDN, prints the heading twice, lets physics run for a minute on a
large graph, and, as soon as any title contains ``href``, shows titles through
``innerHTML`` so that text from the data runs as script. Here:

- every script and style is inlined (vis-network's own files, read from the pyvis
  package) and a Content-Security-Policy forbids any connection out, any remote
  script and any image that is not a ``data:`` URL;
- all data travels in one JSON payload (:func:`~linkchart.render.payload.script_json`)
  and the page shows every string with ``textContent``;
- positions come from Python (:mod:`linkchart.analysis.layout`) and physics is off, so
  the chart is drawn at once;
- the same chart and options give the same bytes.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._version import __version__
from ..analysis.analyze import analyze
from ..analysis.diff import Diff
from ..analysis.findings import Findings
from ..analysis.over_time import MIN_DATED
from ..analysis.reading import SignReading
from ..analysis.registry import MEASURES, Registry
from ..analysis.types import LayoutMethod
from ..errors import LinkchartError
from ..files import write_atomic
from ..times import Undated
from .assets import own_asset, page_assets
from .diff import Compared, compared, mark_diff
from .payload import page_needs, page_payload, script_json
from .spec import ColorBy, Context, PageSpec, page_spec

if TYPE_CHECKING:
    from ..model import LinkChart

__all__ = [
    "ChartHTML",
    "Compared",
    "PageSpec",
    "app_script",
    "compared",
    "content_security_policy",
    "page_spec",
    "render_html",
    "render_page",
    "show",
    "with_diff",
    "write_html",
    "write_page",
]


def _script_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@functools.lru_cache(maxsize=1)
def _template() -> Any:
    import jinja2

    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    return env.from_string(own_asset("page.html"))


_HOOK = "  // ------------------------------------------------------------------ test and scripting hook"
"""Where :func:`app_script` splices the classes' controls into the page script (its closure)."""


def app_script(several_classes: bool, diff: bool = False) -> str:
    """The page script: ``linkchart.js``, with ``classes.js`` (one class alone, the projection)
    spliced into its closure before the scripting hook on the page of a chart of several
    classes, and ``diff.js`` (what changed since an earlier chart) on a diff page; any other
    page's script is ``linkchart.js`` as it is.

    Raises
    ------
    LinkchartError
        When the page script has no place for the classes' controls (a changed template).
    """
    a = page_assets()
    if not several_classes and not diff:
        return a["app_js"]
    at = a["app_js"].find(_HOOK)
    if at < 0:
        raise LinkchartError("the page script has no scripting hook to put the classes' controls before")
    spliced = (a["classes_js"] if several_classes else "") + (a["diff_js"] if diff else "")
    return a["app_js"][:at] + spliced + a["app_js"][at:]


def content_security_policy(app_js: str | None = None) -> str:
    """The page's Content-Security-Policy: nothing may be fetched, only its own scripts run.

    ``default-src 'none'`` forbids every fetch (``connect-src``, fonts, frames, media
    all fall back to it); scripts are allowed by the SHA-256 of each inline script, so
    an injected one would not run even if it reached the document; ``img-src data:``
    allows only inline images; ``style-src 'unsafe-inline'`` is needed because
    vis-network positions its elements with inline styles. ``app_js`` is the page script
    when it is not ``linkchart.js`` as it is (:func:`app_script`).

    Examples
    --------
    >>> csp = content_security_policy()
    >>> csp.startswith("default-src 'none'; script-src 'sha256-"), "unsafe-inline' ; " in csp
    (True, False)
    >>> "connect-src" in csp, "img-src data:" in csp
    (False, True)
    """
    a = page_assets()
    app = a["app_js"] if app_js is None else app_js
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src {_script_hash(a['vis_js'])} {_script_hash(app)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def render_html(
    chart: LinkChart | Findings,
    *,
    size_by: str | None = "betweenness",
    color_by: ColorBy = "type",
    measures: Sequence[str] | None = None,
    highlight: Iterable[str] | str | bool = (),
    top_brokers: int = 5,
    layout: LayoutMethod = "auto",
    seed: int = 0,
    edge_labels: bool | None = None,
    physics: bool = False,
    title: str | None = None,
    registry: Registry | None = None,
    layers: Iterable[str] | str | None = None,
    signs: SignReading | None = None,
    draws: int | None = 200,
    exact: bool | None = None,
    summary: int | bool | None = None,
    timeline: bool | None = None,
    over_time: bool = False,
    undated: Undated = "source",
    min_dated: float = MIN_DATED,
    context: Context = "recessive",
    diff_against: LinkChart | None = None,
    diff: Diff | None = None,
) -> str:
    """The chart as one self-contained, offline, interactive HTML page.

    The first screen puts forward what the measures read: the ties of the reading
    (``layers``, ``signs``) and the actors they join; the context (every other tie, and
    actors with no tie read) is drawn light and small, unlabelled until zoomed in or
    hovered (``context``), and one control in the legend brings it forward. Nodes are
    coloured and shaped by type (or coloured by community) and sized by a measure;
    labels are placed by priority (hovered, selected, search hits, highlights, then by
    size) below their node, and a label that would overlap another label or a node is
    left out until zoom or hover. Edges are coloured by layer (hostile ties red with a bar
    where the hostility lands; by relation when the chart has neither layers nor hostile
    relations), dashed and faded by confidence, with arrows on directed relations, and
    parallel edges curve apart. Clicking a node highlights its neighbourhood without
    moving the view and shows its type, aliases, attributes and measures (value and rank,
    and how many of its ties the measures read); clicking an edge shows its relation,
    confidence, time, evidence quote and source. A search box finds a node by label, id
    or alias; the legend's boxes filter node types and relations; a menu sets the minimum
    confidence.

    Parameters
    ----------
    chart
        The chart (or a view of one).
    size_by
        The measure of :mod:`linkchart.analysis` that sets node size (area grows with
        the value; for ``constraint``, with lower values), or ``None`` for equal sizes.
    color_by
        ``"type"`` (the node type's colour) or ``"community"``
        (:func:`linkchart.analysis.communities`).
    measures
        The measures the details panel lists, with value and rank; default the
        registry's ``on_page`` measures.
        ``size_by`` is always included.
    highlight
        Any of ``"bridges"`` (thick, shadowed edges), ``"articulation_points"`` and
        ``"brokers"`` (the ``top_brokers`` nodes with most brokerage roles; both drawn
        with a thick dark ring); ``True`` or ``"all"`` for all three.
    top_brokers
        How many brokers ``highlight="brokers"`` marks.
    layout
        The layout method (:func:`linkchart.render.node_positions`): ``"auto"`` (the
        ``"community"`` layout), ``"community"``, ``"fr"``, ``"kk"``, ``"drl"`` or ``"circle"``.
    seed
        Seed of the layout and of any randomised measure; the same seed gives the
        same page, byte for byte.
    edge_labels
        Relation names on edges. They are always shown on the edge under the pointer and on
        the ties of the selection; ``None`` (default) also on the ties read where they fit
        when at most 40 of them are in view, ``True`` on every tie where it fits, ``False``
        only on hover and selection.
    physics
        Let vis-network's force simulation move the nodes after opening (off by
        default: the computed positions are final).
    title
        The page title; default the chart's title.
    registry
        Where measures are looked up (default :data:`linkchart.MEASURES`): the page
        lists its ``on_page`` measures unless ``measures`` is given.
    layers, signs
        The reading every measure and highlight of the page uses (see
        :mod:`~linkchart.analysis.reading`): by default the positive ties of the chart's
        default layers. Every tie is drawn whatever the reading: hostile ties in red
        with a bar where the hostility lands, and the legend's layer and hostile-tie
        boxes hide or show them.
    draws
        Monte Carlo draws behind the rank interval the node panel shows for each measure
        ("rank 2 of 48 (2-5 in 90% of draws)": each tie kept with its confidence
        probability, seed 0; :func:`linkchart.rank_uncertainty`); default 200, ``None``
        for none. Left out above 2,000 edges.
    exact
        ``None`` (default): on a chart whose nodes times edges exceed
        :data:`~linkchart.reporting.EXACT_MAX_WORK`, betweenness is estimated from
        1,000 random pivots and the other shortest-path measures leave the default
        list, as in the report (the legend says so); ``True``: exact, whatever the size.
    summary
        ``None`` (default): on a chart of more than 50,000 ties or 20,000 actors
        (:data:`~linkchart.render.spec.SUMMARY_ABOVE_EDGES`, ``SUMMARY_ABOVE_NODES``)
        the page is a summary view: the 2,000 actors ranking highest by ``size_by`` (by
        degree without one) and the ties among them, with a note of what is left out;
        measures, ranks and highlights stay those of the whole chart. ``False``: every
        actor; ``True`` or a number: a summary of that many (2,000 for ``True``).
    timeline
        ``None`` (default): on a chart with dated ties or lifespans, a time slider above
        the chart (the declared periods, else months when it spans two years or less, else
        years; first position "all times"): it shows the ties in force in the
        period and the actors active then, as :meth:`LinkChart.as_of` keeps them, and
        works from the keyboard. ``False``: no slider.
    over_time
        With the slider: precompute ``size_by`` per period (:func:`linkchart.over_time`)
        so that the node panel shows the actor's value and rank in the period chosen.
    context
        How the page draws the ties its reading leaves out and the actors with no tie read:
        ``"recessive"`` (default: lighter, smaller, labelled only when zoomed in or
        hovered), ``"equal"`` (like the rest) or ``"hidden"``; one control on the page
        brings it forward (and back), and the legend says what it holds and why.
    undated, min_dated
        How the slider reads a tie without a time of its own (``"source"``, the default:
        at its source's date and not at other times; ``"always"``; ``"never"``; never
        outside its actors' lifespans, :meth:`LinkChart.tie_times`), and the share of the
        ties read that must carry a time for the page to have a slider (default a half):
        below it the time bar says how many are dated and why there is no slider. The
        node panel's list of ties follows the slider.

    Returns
    -------
    str
        The HTML page. Nothing is written, printed or opened.

    Raises
    ------
    UnknownNameError
        For a ``size_by``, ``measures`` entry, ``color_by``, ``highlight``, ``layout``
        or ``context`` that names nothing; the message lists what exists.

    Notes
    -----
    The page holds vis-network 9.1.2 (from the pyvis package, about 700 kB) and the
    chart as one JSON payload; it makes no network request and its
    Content-Security-Policy (:func:`content_security_policy`) forbids any. Every text
    from the data (ids, labels, aliases, evidence, attribute names and values,
    relation and type names, sources, the title) is shown as text, never parsed as
    HTML.

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records(
    ...     [{"id": "A", "type": "organisation"}, {"id": "B", "type": "state"}],
    ...     [{"from": "B", "relation": "finances", "to": "A", "evidence": "B pays <A>."}])
    >>> page = render_html(c, title="Who pays <A>?")
    >>> "<title>Who pays &lt;A&gt;?</title>" in page, "B pays <A>" in page
    (True, False)
    >>> page == render_html(c, title="Who pays <A>?")
    True
    """
    spec = page_spec(
        size_by=size_by,
        color_by=color_by,
        measures=measures,
        highlight=highlight,
        top_brokers=top_brokers,
        layout=layout,
        seed=seed,
        edge_labels=edge_labels,
        physics=physics,
        title=title,
        registry=registry if registry is not None else _registry_of(chart),
        layers=layers,
        signs=signs,
        draws=draws,
        exact=exact,
        summary=summary,
        timeline=timeline,
        over_time=over_time,
        undated=undated,
        min_dated=min_dated,
        context=context,
    )
    if diff_against is None:
        if diff is not None:
            raise LinkchartError("diff= needs diff_against=, the earlier chart it was computed from")
        return render_page(chart, spec)
    source, changes = with_diff(chart, spec, diff_against, diff)
    return render_page(source, spec, changes=changes)


def with_diff(
    chart: LinkChart | Findings, spec: PageSpec, before: LinkChart, found: Diff | None = None
) -> tuple[LinkChart | Findings, Compared]:
    """What a page of ``chart`` with the diff from ``before`` presents: the page's findings, and
    the diff (``found`` when given, else computed from those findings, so the ranks it compares
    are the page's, each measure run once).

    Raises
    ------
    LinkchartError
        When ``before`` is not a chart, or ``found`` is not what :func:`linkchart.diff` returns.
    """
    if found is not None:
        return chart, compared(before, chart.chart if isinstance(chart, Findings) else chart, found)
    base = chart.chart if isinstance(chart, Findings) else chart
    findings = analyze(chart, page_needs(base, spec))
    return findings, compared(before, findings)


def _registry_of(source: LinkChart | Findings) -> Registry:
    """Where a page looks measures up by default: the findings' registry, else :data:`MEASURES`."""
    return source.spec.registry if isinstance(source, Findings) else MEASURES


def render_page(
    chart: LinkChart | Findings, spec: PageSpec | None = None, *, changes: Compared | None = None
) -> str:
    """The page of ``chart`` (or of the findings of an analysis of it, :func:`linkchart.analyze`)
    with the choices of ``spec`` (default: :func:`page_spec` ``()``), and with ``changes``
    the diff from an earlier chart drawn on it (:func:`~linkchart.render.diff.compared`).

    :func:`render_html` with its choices gathered in one value, for :func:`write_html`,
    :func:`show` and code that renders several charts alike. The page presents the
    findings; what they lack is analysed first (:func:`~linkchart.render.payload.page_needs`).
    """
    spec = spec if spec is not None else page_spec()
    payload = page_payload(chart, spec)
    if changes is not None:
        mark_diff(payload, changes)
    from markupsafe import Markup

    a = page_assets()
    app_js = app_script("projection" in payload, diff="diff" in payload)
    page: str = _template().render(
        csp=content_security_policy(app_js),
        version=__version__,
        title=payload["title"] or "linkchart",
        payload=Markup(script_json(payload)),
        vis_js=Markup(a["vis_js"]),
        vis_css=Markup(a["vis_css"]),
        app_js=Markup(app_js),
        css=Markup(a["css"]),
    )
    return page


def write_html(chart: LinkChart, path: str | os.PathLike[str], spec: PageSpec | None = None) -> Path:
    """Write the page of ``chart`` (:func:`render_page` with ``spec``) to ``path`` (UTF-8).

    Missing parent folders are created. Nothing else is written. Returns the path.
    Choices go in ``spec``: ``write_html(c, "c.html", page_spec(size_by="pagerank"))``.

    Raises
    ------
    LinkchartError
        When the file cannot be written (the message names it).
    """
    return write_page(render_page(chart, spec), path, inputs=chart.files)


def write_page(
    page: str, path: str | os.PathLike[str], *, inputs: Iterable[str | os.PathLike[str]] = ()
) -> Path:
    """Write a page that :func:`render_html` returned to ``path`` (UTF-8), creating missing folders.

    The page goes to a temporary file beside ``path`` and then replaces it in one step
    (:func:`linkchart.files.write_atomic`): a failed write leaves the old file whole.

    Raises
    ------
    LinkchartError
        When the file cannot be written, or ``path`` is one of ``inputs`` (the graph
        file the page was made from); the message names it.
    """
    return write_atomic(path, page, inputs=inputs)


@dataclass(frozen=True, slots=True)
class ChartHTML:
    """A rendered page that Jupyter displays inline (in a sandboxed ``<iframe>``).

    Attributes
    ----------
    html
        The page, as :func:`render_html` returns it.
    height
        The height of the inline frame, in CSS pixels.
    """

    html: str
    height: int = 640

    def _repr_html_(self) -> str:
        # srcdoc keeps the page self-contained and its CSP in force; the sandbox lets
        # its scripts run without the notebook's origin.
        return (
            f'<iframe srcdoc="{html.escape(self.html, quote=True)}" sandbox="allow-scripts" '
            f'style="width: 100%; height: {int(self.height)}px; border: 1px solid #ddd;" '
            'title="linkchart"></iframe>'
        )

    def write(self, path: str | os.PathLike[str]) -> Path:
        """Write the page to ``path`` (creating missing folders) and return the path."""
        return write_page(self.html, path)


def show(
    chart: LinkChart,
    spec: PageSpec | None = None,
    *,
    height: int = 640,
    diff_against: LinkChart | None = None,
    diff: Diff | None = None,
) -> ChartHTML:
    """The chart as a :class:`ChartHTML` that displays inline in Jupyter.

    ``spec`` holds the page's choices (:func:`page_spec`); ``height`` is the inline
    frame's; ``diff_against`` (and ``diff``) draw the diff from an earlier chart, as
    :func:`render_html` does. Make it the last expression of a cell (or pass it to
    ``IPython.display.display``).

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records([{"id": "A", "type": "state"}], [])
    >>> frame = show(c, page_spec(size_by=None))._repr_html_()
    >>> frame.startswith("<iframe srcdoc="), 'sandbox="allow-scripts"' in frame
    (True, True)
    """
    if diff_against is None:
        return ChartHTML(render_page(chart, spec), height=height)
    spec = spec if spec is not None else page_spec()
    source, changes = with_diff(chart, spec, diff_against, diff)
    return ChartHTML(render_page(source, spec, changes=changes), height=height)

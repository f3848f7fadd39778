"""linkchart: link analysis of dark networks.

Build a typed multigraph from a declarative edge list (:func:`load`,
:func:`from_records`), analyse it for centrality, bridging and brokerage (every measure
is in :data:`MEASURES`), and render it as a self-contained interactive HTML chart
(:func:`render_html`).

The public API is exactly :data:`__all__`: functions, classes and constants, never a
module or a private helper. The subpackages (``linkchart.analysis``,
``linkchart.loading``, ``linkchart.render``, ``linkchart.reporting``) hold the rest.
"""

# The public names, grouped by the layer that defines them, highest layer first (the layers
# and their contract: README "Project layout", pyproject [tool.importlinter]). Each block is
# edited only by the work that owns its layer; `isort: split` keeps the blocks apart.

# -- presenters: the page (render), the report (reporting) --
from .render.html import (
    ChartHTML,
    PageSpec,
    page_spec,
    render_html,
    render_page,
    show,
    write_html,
    write_page,
)
from .render.notebook import register_jupyter_display
from .reporting import Report, report

# isort: split
# -- presenters: figures --
from .figures import FigureSpec, draw_chart, plot_disruption, plot_over_time, render_image, write_figure

# isort: split
# -- presenters: writers (other tools' formats, YAML, CSV) --
from .writers import export, write_csv, write_yaml

# isort: split
# -- analysis: measures, the registry, the reading --
from .analysis.affiliation import (
    Affiliations,
    AffiliationView,
    ProjectedTie,
    SharedAffiliation,
    affiliations,
    projected_ties,
    shared_affiliations,
)
from .analysis.analyze import analyze
from .analysis.betweenness import betweenness
from .analysis.bridges import ArticulationPoint, Bridge, articulation_points, bridges
from .analysis.bridging import bridging_centrality, bridging_coefficient
from .analysis.brokerage import ROLES, BrokerageResult, brokerage
from .analysis.candidate import Candidate, Candidates, NodeRef
from .analysis.classes import Classes, ClassTie, classes
from .analysis.closeness import closeness, harmonic
from .analysis.communities import Communities, communities, participation
from .analysis.conflicts import Conflict, Conflicts, conflicts
from .analysis.corroboration import SameClaim, one_source, same_claims, sources_behind
from .analysis.degree import degree, strength
from .analysis.diff import Diff, diff
from .analysis.disruption import Disruption, disruption
from .analysis.duplicates import candidates
from .analysis.eigenvector import eigenvector
from .analysis.findings import Findings
from .analysis.key_players import KeyPlayers, key_player_score, key_players
from .analysis.merge import merge, merge_charts
from .analysis.merged import Merged, MergeWarning
from .analysis.names import name_similarity
from .analysis.one_mode import ONE_MODE_WEIGHTINGS, OneModeWeighting, one_mode
from .analysis.over_time import Dating, OverTime, Period, dating, over_time, periods_of
from .analysis.pagerank import pagerank
from .analysis.paths import EvidencePath, PathExplanation, explain_path
from .analysis.policy import SizePolicy
from .analysis.projection import ENGINES, WEIGHTINGS, Engine, Projection, Weighting, project
from .analysis.reading import Reading, reading
from .analysis.registry import MEASURES, Measure, Registry
from .analysis.scores import Scores
from .analysis.signed import BalanceResult, SignedTriangle, balance, pn_centrality
from .analysis.spec import AnalysisSpec, RunSpec
from .analysis.structural_holes import constraint, effective_size
from .analysis.two_mode import TWO_MODE_MEASURES, TwoModeMeasure, two_mode
from .analysis.uncertainty import RankUncertainty, rank_uncertainty

# isort: split
# -- loading (and, below it, readers): files and records to a validated chart --
from .loading import FORMAT_VERSION, from_records, load, load_csv, load_matrices, load_matrix

# isort: split
# -- model and vocabulary: the frozen chart, its records, its types --
from .model import (
    Decision,
    Decisions,
    Edge,
    EdgeTable,
    Evidence,
    LinkChart,
    Node,
    NodeTable,
    Source,
    decisions_from_records,
)
from .vocabulary import (
    CLASSES,
    DEFAULT_CONFIDENCE,
    DEFAULT_NODE_TYPES,
    ConfidenceScale,
    Grades,
    NodeClass,
    NodeType,
    Relation,
    Vocabulary,
)

# isort: split
# -- utilities: version, times, errors --
from ._version import __version__
from .errors import (
    ERROR_CODES,
    PROBLEM_CODES,
    LinkchartError,
    LoadError,
    LoadWarning,
    Problem,
    UnknownNameError,
)
from .times import Span

register_jupyter_display()  # only inside a running IPython kernel

__all__ = [
    "CLASSES",
    "DEFAULT_CONFIDENCE",
    "DEFAULT_NODE_TYPES",
    "ENGINES",
    "ERROR_CODES",
    "FORMAT_VERSION",
    "MEASURES",
    "ONE_MODE_WEIGHTINGS",
    "PROBLEM_CODES",
    "ROLES",
    "TWO_MODE_MEASURES",
    "WEIGHTINGS",
    "AffiliationView",
    "Affiliations",
    "AnalysisSpec",
    "ArticulationPoint",
    "BalanceResult",
    "Bridge",
    "BrokerageResult",
    "Candidate",
    "Candidates",
    "ChartHTML",
    "ClassTie",
    "Classes",
    "Communities",
    "ConfidenceScale",
    "Conflict",
    "Conflicts",
    "Dating",
    "Decision",
    "Decisions",
    "Diff",
    "Disruption",
    "Edge",
    "EdgeTable",
    "Engine",
    "Evidence",
    "EvidencePath",
    "FigureSpec",
    "Findings",
    "Grades",
    "KeyPlayers",
    "LinkChart",
    "LinkchartError",
    "LoadError",
    "LoadWarning",
    "Measure",
    "MergeWarning",
    "Merged",
    "Node",
    "NodeClass",
    "NodeRef",
    "NodeTable",
    "NodeType",
    "OneModeWeighting",
    "OverTime",
    "PageSpec",
    "PathExplanation",
    "Period",
    "Problem",
    "ProjectedTie",
    "Projection",
    "RankUncertainty",
    "Reading",
    "Registry",
    "Relation",
    "Report",
    "RunSpec",
    "SameClaim",
    "Scores",
    "SharedAffiliation",
    "SignedTriangle",
    "SizePolicy",
    "Source",
    "Span",
    "TwoModeMeasure",
    "UnknownNameError",
    "Vocabulary",
    "Weighting",
    "__version__",
    "affiliations",
    "analyze",
    "articulation_points",
    "balance",
    "betweenness",
    "bridges",
    "bridging_centrality",
    "bridging_coefficient",
    "brokerage",
    "candidates",
    "classes",
    "closeness",
    "communities",
    "conflicts",
    "constraint",
    "dating",
    "decisions_from_records",
    "degree",
    "diff",
    "disruption",
    "draw_chart",
    "effective_size",
    "eigenvector",
    "explain_path",
    "export",
    "from_records",
    "harmonic",
    "key_player_score",
    "key_players",
    "load",
    "load_csv",
    "load_matrices",
    "load_matrix",
    "merge",
    "merge_charts",
    "name_similarity",
    "one_mode",
    "one_source",
    "over_time",
    "page_spec",
    "pagerank",
    "participation",
    "periods_of",
    "plot_disruption",
    "plot_over_time",
    "pn_centrality",
    "project",
    "projected_ties",
    "rank_uncertainty",
    "reading",
    "render_html",
    "render_image",
    "render_page",
    "report",
    "same_claims",
    "shared_affiliations",
    "show",
    "sources_behind",
    "strength",
    "two_mode",
    "write_csv",
    "write_figure",
    "write_html",
    "write_page",
    "write_yaml",
]

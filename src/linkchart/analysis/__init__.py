"""Measures of centrality, bridging and brokerage: pure functions of a LinkChart.

Each measure projects the chart (:mod:`linkchart.analysis.projection`) and returns its
results keyed by node id.
"""

# Each module's names are re-exported, and ``__all__`` is their union, so that
# ``from linkchart.analysis import *`` (used by ``linkchart/__init__.py``) exports the
# measures and never the submodules. Add a module with its two lines and its list entry.
from .affiliation import *  # noqa: F403
from .affiliation import __all__ as _affiliation
from .betweenness import *  # noqa: F403
from .betweenness import __all__ as _betweenness
from .bridges import *  # noqa: F403
from .bridges import __all__ as _bridges
from .bridging import *  # noqa: F403
from .bridging import __all__ as _bridging
from .brokerage import *  # noqa: F403
from .brokerage import __all__ as _brokerage
from .candidate import *  # noqa: F403
from .candidate import __all__ as _candidate
from .classes import *  # noqa: F403
from .classes import __all__ as _classes
from .closeness import *  # noqa: F403
from .closeness import __all__ as _closeness
from .communities import *  # noqa: F403
from .communities import __all__ as _communities
from .conflicts import *  # noqa: F403
from .conflicts import __all__ as _conflicts
from .corroboration import *  # noqa: F403
from .corroboration import __all__ as _corroboration
from .degree import *  # noqa: F403
from .degree import __all__ as _degree
from .diff import *  # noqa: F403
from .diff import __all__ as _diff
from .disruption import *  # noqa: F403
from .disruption import __all__ as _disruption
from .duplicates import *  # noqa: F403
from .duplicates import __all__ as _duplicates
from .eigenvector import *  # noqa: F403
from .eigenvector import __all__ as _eigenvector
from .key_players import *  # noqa: F403
from .key_players import __all__ as _key_players
from .merge import *  # noqa: F403
from .merge import __all__ as _merge
from .merged import *  # noqa: F403
from .merged import __all__ as _merged
from .names import *  # noqa: F403
from .names import __all__ as _names
from .one_mode import *  # noqa: F403
from .one_mode import __all__ as _one_mode
from .over_time import *  # noqa: F403
from .over_time import __all__ as _over_time
from .pagerank import *  # noqa: F403
from .pagerank import __all__ as _pagerank
from .paths import *  # noqa: F403
from .paths import __all__ as _paths
from .projection import *  # noqa: F403
from .projection import __all__ as _projection
from .ranks import *  # noqa: F403
from .ranks import __all__ as _ranks
from .reading import *  # noqa: F403
from .reading import __all__ as _reading
from .roles import *  # noqa: F403
from .roles import __all__ as _roles
from .scores import *  # noqa: F403
from .scores import __all__ as _scores
from .signed import *  # noqa: F403
from .signed import __all__ as _signed
from .structural_holes import *  # noqa: F403
from .structural_holes import __all__ as _structural_holes
from .two_mode import *  # noqa: F403
from .two_mode import __all__ as _two_mode
from .uncertainty import *  # noqa: F403
from .uncertainty import __all__ as _uncertainty
from .unify import *  # noqa: F403
from .unify import __all__ as _unify

__all__ = [
    *_betweenness,
    *_closeness,
    *_degree,
    *_eigenvector,
    *_pagerank,
    *_bridges,
    *_bridging,
    *_communities,
    *_corroboration,
    *_brokerage,
    *_roles,
    *_projection,
    *_reading,
    *_scores,
    *_signed,
    *_structural_holes,
    *_key_players,
    *_ranks,
    *_uncertainty,
    *_unify,
    *_paths,
    *_disruption,
    *_over_time,
    *_classes,
    *_one_mode,
    *_affiliation,
    *_two_mode,
    *_merge,
    *_merged,
    *_names,
    *_candidate,
    *_conflicts,
    *_diff,
    *_duplicates,
]

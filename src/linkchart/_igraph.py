"""igraph's random numbers, seeded per call (private).

igraph draws its random numbers (community detection, layouts, ARPACK start vectors)
from a Python generator, by default the global ``random`` module. linkchart never lets
it touch the global state: inside :func:`seeded` igraph draws from a private
``random.Random(seed)``; afterwards igraph is set back to its default generator (the
``random`` module), so a generator a caller installed with
``igraph.set_random_number_generator`` is replaced by that default.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["seeded"]


@contextmanager
def seeded(seed: int) -> Iterator[None]:
    """Within the block, igraph draws from ``random.Random(seed)``.

    Examples
    --------
    >>> import igraph, random
    >>> state = random.getstate()
    >>> with seeded(1):
    ...     a = igraph.Graph.Erdos_Renyi(20, 0.2).get_edgelist()
    >>> with seeded(1):
    ...     b = igraph.Graph.Erdos_Renyi(20, 0.2).get_edgelist()
    >>> a == b, random.getstate() == state
    (True, True)
    """
    import igraph as ig

    ig.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        ig.set_random_number_generator(random)

"""igraph's random numbers are seeded per call and the global state is left alone."""

from __future__ import annotations

import random

import igraph

from linkchart._igraph import seeded


def test_the_same_seed_gives_the_same_draws_and_the_global_state_is_untouched() -> None:
    random.seed(12345)
    state = random.getstate()
    with seeded(7):
        a = igraph.Graph.Erdos_Renyi(30, 0.2).get_edgelist()
    with seeded(7):
        b = igraph.Graph.Erdos_Renyi(30, 0.2).get_edgelist()
    with seeded(8):
        c = igraph.Graph.Erdos_Renyi(30, 0.2).get_edgelist()
    assert a == b and a != c
    assert random.getstate() == state


def test_the_default_generator_is_restored_even_after_an_error() -> None:
    try:
        with seeded(1):
            raise RuntimeError("inside")
    except RuntimeError:
        pass
    random.seed(3)
    first = igraph.Graph.Erdos_Renyi(20, 0.3).get_edgelist()
    random.seed(3)
    assert igraph.Graph.Erdos_Renyi(20, 0.3).get_edgelist() == first  # igraph draws from `random` again

"""Hypothesis builders on exact inputs, shared by the tests."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st

__all__ = ["finite_markets", "pareto_bounds", "positive_fractions"]


def positive_fractions(max_value: int = 5) -> st.SearchStrategy[Fraction]:
    """Positive fractions with small denominators, up to ``max_value``."""
    return st.fractions(min_value=Fraction(1, 1000), max_value=max_value, max_denominator=1000)


@st.composite
def pareto_bounds(draw: st.DrawFn, max_value: int = 5) -> tuple[Fraction, Fraction]:
    """(b, B) with 0 < b < B."""
    b = draw(positive_fractions(max_value))
    gap = draw(positive_fractions(max_value))
    return b, b + gap


@st.composite
def finite_markets(draw: st.DrawFn, producers: int | None = None, max_profiles: int = 30):
    """A finite prior (bbm, section I): N = 2 or 3 producers unless given, distinct profiles with
    small integer or half-integer values and costs (ties and weak rivals are frequent), and
    exact probabilities summing to 1."""
    from symbolic.models.market import FiniteMarket

    n = producers if producers is not None else draw(st.sampled_from((2, 3)))
    level = st.integers(0, 10).map(lambda k: Fraction(k, 2))
    profile = st.tuples(st.tuples(*[level] * n), st.tuples(*[st.integers(0, 4).map(lambda k: Fraction(k, 2))] * n))
    rows = draw(st.lists(profile, min_size=1, max_size=max_profiles, unique=True))
    weights = draw(st.lists(st.integers(1, 6), min_size=len(rows), max_size=len(rows)))
    total = sum(weights)
    return FiniteMarket.from_profiles([(v, c, Fraction(w, total)) for (v, c), w in zip(rows, weights)])

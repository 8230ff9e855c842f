"""Hypothesis builders on exact inputs, shared by the tests."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st

__all__ = ["pareto_bounds", "positive_fractions"]


def positive_fractions(max_value: int = 5) -> st.SearchStrategy[Fraction]:
    """Positive fractions with small denominators, up to ``max_value``."""
    return st.fractions(min_value=Fraction(1, 1000), max_value=max_value, max_denominator=1000)


@st.composite
def pareto_bounds(draw: st.DrawFn, max_value: int = 5) -> tuple[Fraction, Fraction]:
    """(b, B) with 0 < b < B."""
    b = draw(positive_fractions(max_value))
    gap = draw(positive_fractions(max_value))
    return b, b + gap

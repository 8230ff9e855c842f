"""The shared model objects: validation and the definition of G_b^B."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import example, given

from symbolic.models import TwoSidedPareto, exact
from tests.strategies import pareto_bounds

F = Fraction


@pytest.mark.parametrize(
    ("b", "B", "error", "match"),
    [
        (F(1, 2), F(1, 3), ValueError, r"G_b\^B needs 0 < b < B; got b=1/2, B=1/3"),
        (F(1, 2), F(1, 2), ValueError, r"needs 0 < b < B; got b=1/2, B=1/2"),
        (0, 1, ValueError, r"needs 0 < b < B; got b=0, B=1"),
        (F(-1, 2), 1, ValueError, r"got b=-1/2, B=1"),
        (0.1, 1, TypeError, r"b must be exact .* got float 0.1: pass a fraction"),
        (F(1, 10), 1.0, TypeError, r"B must be exact .* got float 1.0"),
        ("x", 1, ValueError, r"b must be a fraction such as '1/10'; got 'x'"),
        (True, 1, TypeError, r"b must be a number; got bool True"),
        ([1], 1, TypeError, r"b must be an exact number; got list"),
        (sp.Rational(2), sp.Rational(1), ValueError, r"got b=2, B=1"),
    ],
)
def test_two_sided_pareto_bad_input(b, B, error, match):
    with pytest.raises(error, match=match):
        TwoSidedPareto(b, B)


def test_two_sided_pareto_symbolic_undecided_passes():
    x, y = sp.symbols("x y", positive=True)
    G = TwoSidedPareto(x, y)  # x < y undecided: passes, as sympy's own assumptions do
    assert G.b == x and G.B == y


def test_two_sided_pareto_symbolic_provably_false():
    x = sp.Symbol("x", positive=True)
    with pytest.raises(ValueError, match="needs 0 < b < B"):
        TwoSidedPareto(x + 1, x)


def test_exact_accepts_strings_and_fractions():
    assert exact("3/7", "b") == F(3, 7)
    assert exact(2, "b") == F(2)
    assert exact(sp.Rational(1, 3), "b") == sp.Rational(1, 3)


@given(pareto_bounds())
@example((F(1, 1000), F(1001, 1000)))
def test_two_sided_pareto_is_a_cdf(bounds):
    """For every 0 < b < B, G_b^B is nondecreasing, from 0 to 1, right-continuous, with atoms b/(2B) at +-B."""
    b, B = bounds
    G = TwoSidedPareto(b, B)
    points = sorted({-2 * B, -B, -(b + B) / 2, -b, -b / 2, F(0), b / 2, b, (b + B) / 2, B, 2 * B})
    values = [G.cdf(x) for x in points]
    assert values[0] == 0 and values[-1] == 1
    assert all(u <= v for u, v in zip(values, values[1:]))
    assert all(0 <= G.cdf_left(x) <= G.cdf(x) <= 1 for x in points)
    assert G.cdf(B) - G.cdf_left(B) == b / (2 * B)
    assert G.cdf(-B) - G.cdf_left(-B) == b / (2 * B)
    assert G.cdf(-b) == G.cdf(b) == F(1, 2)
    # right-continuity at the atoms: the value at B is the limit from the right
    assert G.cdf(B) == G.cdf(B + F(1, 10**9))

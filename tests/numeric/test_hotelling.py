"""Independent numeric witnesses for the Hotelling model."""

from __future__ import annotations

from fractions import Fraction

import mpmath
from hypothesis import given, settings

from numeric import hotelling as h
from numeric.estimate import to_mpf
from symbolic.models import TwoSidedPareto
from tests.strategies import pareto_bounds

F = Fraction


def test_max_revenue_finds_the_lowest_maximiser_of_a_flat_top():
    with mpmath.workdps(40):
        G = TwoSidedPareto(mpmath.mpf(1) / 10, mpmath.mpf(1))
        best, price = h.max_revenue(lambda q: q * (1 - G.cdf_left(q)), mpmath.mpf(2))
        assert abs(best - mpmath.mpf(1) / 20) < mpmath.mpf(10) ** -35
        assert abs(price - mpmath.mpf(1) / 10) < mpmath.mpf(10) ** -30


def test_left_limit_gives_the_atom():
    with mpmath.workdps(40):
        G = TwoSidedPareto(mpmath.mpf(1) / 4, mpmath.mpf(1))
        jump = G.cdf(mpmath.mpf(1)) - h.left_limit(G.cdf, mpmath.mpf(1))
        assert abs(jump - mpmath.mpf(1) / 8) < mpmath.mpf(10) ** -35


def test_pure_equilibria_of_homogeneous_bertrand():
    """On a grid of step 1/10, undercutting from 2/10 to 1/10 gains nothing: the grid keeps
    the equilibria 0, 1/10 and 2/10; only price 0 survives every grid."""
    half = F(1, 2)
    grid = [F(k, 10) for k in range(11)]
    expected = [(F(0), F(0)), (F(1, 10), F(1, 10)), (F(1, 5), F(1, 5))]
    assert h.pure_equilibria([(half, half)], [F(1)], grid) == expected


def test_binary_information_extremes_by_enumeration():
    w = h.binary_information_extremes()
    assert all(w.checks.values())
    assert w.values["full_price"] == 1 and w.values["full_CS"] == 0
    assert w.values["none_price"] == 0 and w.values["none_CS"] == F(1, 2)


@settings(max_examples=10)
@given(pareto_bounds(max_value=1))
def test_total_surplus_two_layer_cakes_agree(bounds):
    """Equation (3): both tails of |r| and the upper tail of r give the same surplus."""
    b, B = bounds
    with mpmath.workdps(30):
        G = TwoSidedPareto(to_mpf(b), to_mpf(B))
        V = max(to_mpf(B), mpmath.mpf(1))
        direct = h._total_surplus_direct(G, V)
        eq3 = h._total_surplus_eq3(G, V)
        assert abs(direct - eq3) < mpmath.mpf(10) ** -25


def test_binary_optimum_numeric():
    w = h.binary_optimum(20)
    assert all(w.checks.values())
    with mpmath.workdps(40):
        assert abs(w.values["b_star"].value - mpmath.exp(-2)) < mpmath.mpf(10) ** -18

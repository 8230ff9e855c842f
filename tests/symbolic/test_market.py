"""Demand, welfare, residuals and the lower bound (bbm, sections I-II.A)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from symbolic import market as mk
from symbolic.models.market import instance
from tests.strategies import finite_markets

F = Fraction


def test_demand_splits_ties_and_respects_the_outside_option():
    assert mk.demand((F(3), F(1)), (F(4), F(2))) == (F(1, 2), F(1, 2))
    assert mk.demand((F(4), F(5)), (F(4), F(2))) == (F(1), F(0))  # zero surplus still buys
    assert mk.demand((F(5), F(3)), (F(4), F(2))) == (F(0), F(0))


def test_residual_is_the_marginal_contribution_plus_cost():
    v, c = (F(4), F(1), F(3)), (F(0), F(1), F(2))
    r = mk.residual(v, c, 0)
    assert r - c[0] == mk.efficient_surplus(v, c) - mk.efficient_surplus(v, c, exclude=0)


def test_appendix_residual_differs_only_without_a_worthwhile_rival():
    assert mk.appendix_residual((F(4), F(1)), (F(1), F(3)), 0) == 6 > mk.residual((F(4), F(1)), (F(1), F(3)), 0) == 4
    assert mk.appendix_residual((F(4), F(3)), (F(1), F(1)), 0) == mk.residual((F(4), F(3)), (F(1), F(1)), 0) == 2


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: mk.willing((F(1),), (F(1), F(2))), ValueError, "one entry per producer; got 1 and 2"),
        (lambda: mk.appendix_residual((F(1),), (F(0),), 0), ValueError, "needs a rival; got N = 1"),
        (lambda: mk.strategy_surplus(instance("example1"), [(0.5, 3)] * 16), TypeError, "prices must be exact"),
        (lambda: mk.strategy_surplus(instance("example1"), [(3, 3)] * 15), ValueError, "one price profile per profile"),
    ],
)
def test_market_bad_input(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_lower_bound_of_example_one():
    ps, prices = mk.lower_bound_surplus(instance("example1"), 0)
    assert ps == F(5, 8) and prices == {F(0): 3, F(1): 3}


@settings(max_examples=10, deadline=None)
@given(finite_markets(max_profiles=8))
def test_equation_one_equals_the_appendix_formula(market):
    """The supremum of equation (1), from sympy Piecewise payoffs, is the appendix formula through p*."""
    for i in range(market.producers):
        direct, _ = mk.best_response_surplus(market, i)
        assert direct == mk.rational(mk.lower_bound_surplus(market, i)[0])


@settings(max_examples=40, deadline=None)
@given(finite_markets(), st.data())
def test_surplus_identity_and_efficiency_bound(market, data):
    """PS + CS = TS for any pure prices at or above cost, and TS <= TSbar."""
    prices = [tuple(ci + F(data.draw(st.integers(0, 6)), 2) for ci in c) for c in market.costs]
    s = mk.strategy_surplus(market, prices)
    assert sum(s[f"PS_{i + 1}"] for i in range(market.producers)) + s["CS"] == s["TS"] <= mk.tsbar(market)

"""The numeric witnesses for finite markets: the consumer's choice and price scans."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings

from numeric import market as nm
from symbolic import market as sm
from symbolic.models.market import instance
from tests.strategies import finite_markets

F = Fraction


def test_choice_counts_ties_only_among_goods():
    assert nm.choice((F(4), F(3)), (F(4), F(2))) == (F(1), F(0))  # surplus 0 beats -1 and is enough to buy
    assert nm.choice((F(4), F(2)), (F(4), F(2))) == (F(1, 2), F(1, 2))


def test_highest_selling_price_is_the_residual_of_equation_two():
    for v, c, _ in instance("example1").profiles():
        for i in range(2):
            assert nm.highest_selling_price(v, c, i) == sm.residual(v, c, i)


@settings(max_examples=30, deadline=None)
@given(finite_markets())
def test_price_search_finds_the_appendix_lower_bound(market):
    """Equation (1) by scanning the demand rule equals the appendix formula through p*."""
    for i in range(market.producers):
        assert nm.lower_bound_by_search(market, i)[0] == sm.lower_bound_surplus(market, i)[0]
        assert nm.residual_masses(market, i) == sm.residual_distribution(market, i)

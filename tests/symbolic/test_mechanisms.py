"""The indirect mechanisms (yz, section 2.3, online appendix B.1): definitions and exact outcomes."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from symbolic.mechanisms import example1, example2, example3, example4, example5
from symbolic.models.regulation import (
    OPT_OUT,
    CaptiveShoppers,
    EntryDeterrence,
    PriceCompetition,
    QuantityCompetition,
    ReverseAuction,
)

F = Fraction


def test_price_competition_ties_split():
    assert PriceCompetition(2).allocation((F(1), F(1)), (F(1, 2), F(1, 2))) == (sp.Rational(1, 2), sp.Rational(1, 2))


def test_price_competition_no_purchase_below_price():
    assert PriceCompetition(2).allocation((F(1, 5), F(1, 5)), (F(1, 4), F(1, 2))) == (0, 0)


def test_captive_consumers_buy_from_their_firm_only():
    mech = CaptiveShoppers((F(1, 5), F(1, 10)))
    mu = mech.allocation((F(1), F(1)), (F(1, 4), F(1, 2)))  # firm 1 best: shoppers go to firm 1
    assert mu == (sp.Rational(1, 5) + sp.Rational(7, 10), sp.Rational(1, 10)) and sum(mu) == 1


def test_quantity_competition_sells_the_quantities():
    mech = QuantityCompetition(2)
    assert example2().values["q2"] == sp.Rational(1, 3)
    assert mech.allocation((F(1, 2), F(1, 2)), (F(3, 4), F(1, 2))) == (sp.Rational(3, 5), sp.Rational(2, 5))


def test_entry_deterrence_keeps_the_entrant_out_at_low_prices():
    mech = EntryDeterrence(F(1, 3), F(1, 10))
    assert mech.entry((F(1, 4), F(0))) == (1, 0) and mech.entry((F(1, 2), F(0))) == (1, 1)


def test_reverse_auction_lowest_bid_wins():
    assert ReverseAuction(2).allocation((F(1), F(1)), (F(1, 4), F(1, 2))) == (1, 0)
    assert example5().values["q1"] == sp.Rational(3, 4)


@pytest.mark.parametrize("example", [example1, example2, example3, example4, example5])
def test_feasible_with_an_opt_out(example):
    d = example()
    assert d.values["max_total_share"] <= 1 and d.values["optout_total"] == 0
    assert (d.values["q1"] + d.values["q2"] <= 1) is sp.true


def test_opt_out_gives_zeros_everywhere():
    for mech in (PriceCompetition(2), CaptiveShoppers((F(1, 5), F(1, 10))), ReverseAuction(2), QuantityCompetition(2)):
        assert mech.entry((OPT_OUT, F(1, 2)))[0] == 0
        assert mech.allocation((F(1), F(1)), (OPT_OUT, F(1, 2)))[0] == 0


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (lambda: CaptiveShoppers((F(3, 5), F(3, 5))), r"captive shares need gamma_i >= 0 with sum <= 1; got 3/5, 3/5"),
        (lambda: CaptiveShoppers((F(-1, 5), F(1, 5))), r"captive shares need gamma_i >= 0"),
    ],
)
def test_mechanisms_bad_input(make, match):
    with pytest.raises(ValueError, match=match):
        make()

"""Independent witnesses for unknown values."""

from __future__ import annotations

from fractions import Fraction

from numeric import unknown_values as n
from symbolic.models.garbling import ValuePrior, garbling_instance


def test_garblings_are_garblings():
    for name in ("example1_pool_v1", "homogeneous", "example3_none"):
        assert n.garbling_holds(garbling_instance(name))


def test_example2_lp_matches_the_derived_regime_and_the_atom_regime_differs():
    F = ValuePrior.from_cdf("v")
    assert abs(n.duopoly_lp(F, Fraction(1, 5), n=400) - 0.1347571) < 1e-5
    # at c2 = 4/5 the closed-form shape would give 0.2020; the program finds more producer surplus
    assert n.duopoly_lp(F, Fraction(4, 5), n=400) > 0.2030


def test_example3_witness():
    w = n.monopoly_without_common_knowledge()
    assert w.values["full_price"] == 4 and w.values["none_price"] == 2
    assert w.values["eps_condition"].values == (True, True, True, False, False)

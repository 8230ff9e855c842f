"""Unknown values: garblings, Proposition 2, Theorem 2, Example 3, the two-goods surplus."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from symbolic import unknown_values as u
from symbolic.models import ValueGarbling
from symbolic.models.garbling import garbling_instance
from symbolic.models.market import FiniteMarket, instance


@pytest.mark.parametrize(
    ("pools", "match"),
    [
        (((0,),), r"must partition the profiles 0..1; missing \[1\]"),
        (((0, 1), (1,)), r"repeated \[1\]"),
    ],
)
def test_value_garbling_bad_input(pools, match):
    m = FiniteMarket.from_profiles([((0,), (0,), "1/2"), ((4,), (0,), "1/2")])
    with pytest.raises(ValueError, match=match):
        ValueGarbling(m, pools)


def test_value_garbling_refuses_pooling_different_costs():
    m = FiniteMarket.from_profiles([((0,), (0,), "1/2"), ((4,), (1,), "1/2")])
    with pytest.raises(ValueError, match="equal costs"):
        ValueGarbling(m, ((0, 1),))


def test_garbling_keeps_means_and_lowers_efficient_surplus():
    g = garbling_instance("example1_pool_v1")
    mu, garbled = g.market, g.garbled()
    mean = lambda m, i: sum(q * v[i] for v, _, q in m.profiles())  # noqa: E731
    assert mean(mu, 0) == mean(garbled, 0) and mean(mu, 1) == mean(garbled, 1)
    values = u.interim_alignment().values
    assert values["TSbar_garbled"] < values["TSbar_prior"]
    assert values["CS"] == values["TSbar_garbled"] - values["PS_1"] - values["PS_2"]


def test_homogeneous_values_keep_the_efficient_surplus():
    values = u.homogeneous_alignment().values
    assert values["difference"] == 0 and values["chain_gap"] == 0


def test_example3():
    values = u.monopoly_without_common_knowledge().values
    assert values["full_price"] == 4 and values["none_price"] == 2 and values["eps_price"] == 2
    assert values["eps_condition"] == (u.epsilon <= sp.Rational(1, 2))
    assert values["eps_efficiency_loss"].subs(u.epsilon, sp.Rational(1, 2)) > 0


def test_two_goods_identity():
    assert u.efficient_surplus_two_goods().values["identity_gap"] == 0


def test_garbling_instance_unknown_name():
    with pytest.raises(ValueError, match="unknown garbling instance 'x'"):
        garbling_instance("x")
    assert len(instance("example1")) == 16


def test_example2_regime_and_refusal():
    d = u.homogeneous_duopoly(c2=sp.Rational(1, 5))
    assert sp.Float("0.13475") < sp.N(d.values["PS_1"], 30) < sp.Float("0.13476")
    assert d.values["TS"] == sp.Rational(1, 2)
    with pytest.raises(NotImplementedError, match="contraction constraint binds below c2"):
        u.homogeneous_duopoly(c2=sp.Rational(4, 5))
    with pytest.raises(ValueError, match=r"c2 must lie in \(0, 1\]; got c2=3/2"):
        u.homogeneous_duopoly(c2=sp.Rational(3, 2))


@pytest.mark.parametrize(
    ("expr", "match"),
    [("v/2", "F must reach 1 at v = 1"), ("2*v**2 - v", "F must lie in"), ("v + w", r"may use only digits, v"),
     ("v**2 - v/4 + v/4", None)],
)
def test_value_prior_validation(expr, match):
    from symbolic.models.garbling import ValuePrior

    if match is None:
        assert ValuePrior.from_cdf(expr).mean() == sp.Rational(2, 3)
    else:
        with pytest.raises(ValueError, match=match):
            ValuePrior.from_cdf(expr)

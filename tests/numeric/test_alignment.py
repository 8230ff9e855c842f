"""Theorem 1 for random finite priors: the construction verified exactly, deviation by deviation."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import example, given, settings

from numeric.alignment import Verification, build, sale_probability, verify
from numeric.market import lower_bound_by_search
from symbolic.alignment import construction
from symbolic.market import lower_bound_surplus, tsbar
from symbolic.models.market import FiniteMarket, InformationStructure, RunnerUpMixing, instance
from tests.strategies import finite_markets

F = Fraction


def _theorem_holds(market: FiniteMarket, result: Verification) -> None:
    assert result.equilibrium, [str(d) for d in result.deviations[:3]]
    for i in range(market.producers):
        assert result.surplus[f"PS_{i + 1}"] == lower_bound_surplus(market, i)[0] == lower_bound_by_search(market, i)[0]
    assert result.surplus["TS"] == tsbar(market)
    assert result.surplus["CS"] == tsbar(market) - sum(lower_bound_surplus(market, i)[0] for i in range(market.producers))


@settings(max_examples=40, deadline=None)
@given(finite_markets(max_profiles=30))
@example(instance("example1"))
@example(instance("runner_up"))
@example(FiniteMarket.from_profiles([((1,), (1,), 1)]))  # N = 1, zero surplus
@example(FiniteMarket.from_profiles([((4, 1), (0, 0), 1), ((1, 4), (1, 1), 0)]))  # a profile of probability 0
def test_construction_is_an_equilibrium_with_the_theorem_welfare(market):
    """For any finite prior the construction is an equilibrium, PS_i is the lower bound and TS = TSbar."""
    _theorem_holds(market, verify(construction(market)))


@settings(max_examples=15, deadline=None)
@given(finite_markets(producers=3, max_profiles=30))
def test_three_producers_numeric_build_agrees(market):
    """The numeric side's own build (demand-rule residuals, linear-solve segmentation) is verified too."""
    _theorem_holds(market, verify(build(market)))


@pytest.mark.parametrize("name", ["example1", "three", "weak_rival", "runner_up"])
def test_printed_randomisation_fails_and_names_the_deviation(name):
    result = verify(construction(instance(name), "printed"))
    assert not result.equilibrium
    d = result.deviations[0]
    assert d.payoff > d.equilibrium_payoff and "pays" in str(d) and "producer" in str(d)


def test_printed_failure_on_runner_up_instance_is_the_derived_gain():
    """Two profiles, r_1 in {2, 3}: segment {2: 1/3, 3: 2/3}; printed mixing on [0, 1/2]: the producer
    gains M*eps = (2/3) eps, so a price in (2, 5/2) beats 2."""
    result = verify(construction(instance("runner_up"), "printed"))
    (d,) = result.deviations
    assert d.producer == 0 and F(2) < d.price < F(5, 2)
    assert d.payoff - d.equilibrium_payoff == F(2, 3) * (d.price - 2)


def test_verifier_catches_an_efficient_producer_pricing_below_its_segment():
    m = instance("runner_up")
    s = construction(m)
    strategies = dict(s.strategies)
    key = next(k for k, x in strategies.items() if k[1] == 0 and x == 2)
    strategies[key] = F(1)  # below the segment's lowest residual 2: pricing at 2 is better
    broken = InformationStructure(m, s.cells, strategies, s.segmentations, s.mixing)
    result = verify(broken)
    assert not result.equilibrium
    assert any(d.producer == 0 and d.equilibrium_payoff == 1 and d.payoff > 1 for d in result.deviations)


def test_sale_probability_with_two_mixing_rivals_is_the_product_of_survivals():
    mix = RunnerUpMixing(F(1), F(1), F(1), F(0), F(1))
    values = (F(4), F(4), F(4))
    q = sale_probability(values, 0, F(3) + F(1, 4), [(1, mix, F(3)), (2, mix, F(3))])
    assert q == (F(1) / (1 + F(1, 4))) ** 2


def test_sale_probability_at_the_top_atom_splits_the_atom_only():
    """Printed mixing on [0, 1/2] with survival 2/(2 + e): at markup 1/2 the rival has an atom 4/5; a tie there
    gives i half of it."""
    mix = RunnerUpMixing(F(1, 2), F(2), F(2), F(0), F(1))
    assert mix.atom(F(1, 2)) == F(4, 5)
    assert sale_probability((F(3), F(1)), 0, F(5, 2), [(1, mix, F(0))]) == F(2, 5)


@settings(max_examples=30, deadline=None)
@given(finite_markets(producers=2, max_profiles=12))
def test_two_roads_agree_on_the_printed_randomisation(market):
    """The verifier (every deviation from the demand rule) and the symbolic segment analysis (sympy's maximum
    of the efficient producer's gain on the runner-ups' range) agree on whether the printed randomisation
    is an equilibrium."""
    from symbolic.alignment import segment_gain

    structure = construction(market, "printed")
    gains = [segment_gain(structure, s)[0] for s in {c.signal for c in structure.cells if c.signal is not None}]
    assert verify(structure).equilibrium == all(g <= 0 for g in gains)

"""Payoffs, Lemma 1, Baron--Myerson, the relaxed problem (3), Lemma 4, section 6 (exact)."""

from __future__ import annotations

import pytest
import sympy as sp

from symbolic.models import FiniteValues, Firm, RegulationModel
from symbolic.models.regulation import finite_example, section51
from symbolic.regulation import (
    alpha,
    baron_myerson,
    capacity,
    consumer_ir,
    incentive_compatibility,
    kappa,
    pareto_weights,
    payoff,
    relaxed_solution,
    theta,
)


def test_payoff_formula():
    assert payoff().values["share"] == sp.Rational(5, 8)


def test_baron_myerson_cutoff_solves_its_equation():
    d = baron_myerson()
    p = d.values["cutoff_price"]
    assert sp.simplify((1 - p) ** 2 / 2 - kappa * p) == 0
    assert d.values["price"].subs({alpha: 0, theta: sp.Rational(1, 3)}) == sp.Rational(1, 3)  # alpha = 0: phi = theta
    assert sp.simplify(d.values["cutoff_price"].subs(kappa, 1) - (2 - sp.sqrt(3))) == 0


def test_lemma1_objectives_agree():
    d = pareto_weights()
    assert sp.simplify(d.values["objective"] - d.values["bm_objective"]) == 0


def test_relaxed_solution_identity_and_ic():
    sol = relaxed_solution(finite_example())
    assert sol["relaxed"] == sol["planner"] == sp.Rational(17, 48)
    for i, T in enumerate(sol["T"]):  # consistency: IR, zero rent at the top type
        points = sorted(T)
        assert T[points[-1]] - points[-1] * sol["load"][i][points[-1]] == 0
        assert all(T[p] - p * sol["load"][i][p] >= 0 for p in points)


def test_incentive_compatibility_gain_is_a_negative_square():
    d = incentive_compatibility()
    x, y = sp.Symbol("x", nonnegative=True), sp.Symbol("y", nonnegative=True)
    assert sp.factor(d.values["gain"]) == -3 * (x - y) ** 2 / 4
    assert d.values["foc"] == 0 and d.values["load_slope"] < 0


def test_capacity_effective_cost_nondecreasing():
    d = capacity()
    assert d.values["slope_binding"] >= 0 and d.values["slope_free"] >= 0
    assert d.values["price"].subs(theta, 0) == sp.Rational(1, 5)


def test_consumer_ir_holds():
    d = consumer_ir()
    assert d.values["violation_51"] == 0 and d.values["violation_finite"] == 0


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: relaxed_solution(section51()), NotImplementedError, "needs finite joint values"),
        (lambda: relaxed_solution(RegulationModel((Firm("x", (0, 1), "0"),), FiniteValues(((1,),), (1,)))),
         NotImplementedError, "needs discrete types; G_1 has a continuous part"),
    ],
)
def test_regulation_bad_input(call, error, match):
    with pytest.raises(error, match=match):
        call()

"""Exact derivations for the Hotelling model and G_b^B (bbm, section III.C, appendix A3)."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import given, settings

from symbolic import hotelling as h
from symbolic.models import SymmetricResidual, TwoSidedPareto
from tests.strategies import pareto_bounds

b, B, r = h.b, h.B, h.r


def test_truncated_pareto_cdf_matches_the_definition_at_points():
    cdf = h.truncated_pareto_cdf()
    G = TwoSidedPareto(sp.Rational(1, 10), sp.Integer(1))
    for x in [-2, -1, sp.Rational(-1, 2), sp.Rational(-1, 10), 0, sp.Rational(1, 10), sp.Rational(1, 2), 1, 2]:
        assert cdf.subs({b: sp.Rational(1, 10), B: 1, r: x}) == G.cdf(sp.Rational(x))


def test_truncated_pareto_atoms_and_mass():
    values = h.truncated_pareto().values
    assert values["atom_B"] == values["atom_minus_B"] == b / (2 * B)
    assert values["density"] == b / (2 * r**2)
    assert values["flat_value"] == sp.Rational(1, 2)
    assert values["total_mass"] == 1


def test_truncated_pareto_cdf_refuses_bad_bounds():
    with pytest.raises(ValueError, match=r"needs 0 < b < B; got b=1, B=1/2"):
        h.truncated_pareto_cdf(sp.Integer(1), sp.Rational(1, 2))


def test_pareto_producer_surplus_symbolic():
    values = h.pareto_producer_surplus().values
    assert values == {"revenue_1": b / 2, "revenue_2": b / 2, "PS": b, "price": b, "sale_probability": 1}


@settings(max_examples=25)
@given(pareto_bounds())
def test_pareto_producer_surplus_is_b_on_every_instance(bounds):
    """Theorem 3: producer surplus of G_b^B is b, whatever 0 < b < B."""
    bb, BB = (sp.Rational(x.numerator, x.denominator) for x in bounds)
    values = h.pareto_producer_surplus(bb, BB).values
    assert values["PS"] == bb
    assert values["price"] == bb


def test_total_surplus_identity_holds():
    values = h.total_surplus_identity().values
    assert values["difference"] == 0
    assert sp.simplify(values["TS_eq3"] - (h.vbar / 2 + b / 2 + b * sp.log(B / b) / 2)) == 0


def test_binary_surplus_formulas():
    ts = h.binary_total_surplus().values["TS"]
    cs = h.binary_consumer_surplus().values["CS"]
    assert sp.simplify(ts - (1 + b + b * (sp.log(B) - sp.log(b))) / 2) == 0
    assert sp.simplify(ts - cs - b) == 0


def test_binary_optimum_values_and_first_order_condition():
    values = h.binary_optimum().values
    assert values["B_star"] == 1
    assert values["b_star"] == sp.exp(-2)
    assert values["CS_star"] == (1 + sp.exp(-2)) / 2
    assert values["TS_star"] == (1 + 3 * sp.exp(-2)) / 2
    assert values["TS_efficient"] == 1
    cs = h.binary_consumer_surplus().values["CS"]
    # consistency: the optimum satisfies the first-order condition and is a maximum
    assert sp.simplify(sp.diff(cs, b).subs({B: 1, b: values["b_star"]})) == 0
    assert sp.diff(cs, b, 2).subs({B: 1, b: values["b_star"]}).is_negative


def test_binary_information_extremes():
    values = h.binary_information_extremes().values
    assert values == {"full_price": 1, "full_CS": 0, "full_TS": 1, "none_price": 0,
                      "none_CS": sp.Rational(1, 2), "none_TS": sp.Rational(1, 2)}


def test_stop_loss_uniform_and_atoms():
    F = SymmetricResidual.from_cdf((r + 1) / 2)
    assert h.stop_loss(F, sp.Rational(1, 3)) == sp.Rational(1, 9)
    A = SymmetricResidual.from_atoms({-1: "1/4", 0: "1/2", 1: "1/4"})
    assert h.stop_loss(A, sp.Integer(0)) == sp.Rational(1, 4)


def test_optimal_information_uniform_closed_form():
    values = h.uniform_optimum().values
    e2 = sp.exp(-2)
    assert values["t"] == 1 - e2
    assert sp.simplify(values["b"] - e2 * (1 - e2)) == 0
    assert sp.simplify(values["B"] - (1 - e2) * sp.exp(e2 / (2 * (1 - e2)))) == 0
    assert sp.simplify(values["CS"] - (sp.Rational(1, 2) + e2 / 2 - e2**2 / 4)) == 0
    # consistency: at t* the survival of F is e^-2/2 and b* = 2 t* (1 - F(t*))
    assert sp.simplify(1 - (values["t"] + 1) / 2 - e2 / 2) == 0


def test_optimal_information_triangular_closed_form():
    F = SymmetricResidual.from_cdf(sp.Piecewise(((1 + r) ** 2 / 2, r < 0), (1 - (1 - r) ** 2 / 2, True)))
    values = h.optimal_information(F).values
    assert values["t"] == 1 - sp.exp(-1)
    assert sp.simplify(values["b"] - (sp.exp(-2) - sp.exp(-3))) == 0


def test_optimal_information_says_when_no_closed_form():
    F = SymmetricResidual.from_atoms({-1: "1/20", 0: "9/10", 1: "1/20"})  # the constraint binds at 0
    with pytest.raises(NotImplementedError, match="binds near r = 0"):
        h.optimal_information(F)


def test_binary_benchmark_constraints_and_price():
    values = h.binary_benchmark().values
    # the price solves the derived first-order condition and lies where the paper's print does not round
    assert abs(sp.N(values["foc"].subs(h.price, values["price"]), 80)) < sp.Float("1e-60")
    assert sp.Float("0.0553") < sp.N(values["price"], 30) < sp.Float("0.0554")
    assert sp.Float("0.5816") < sp.N(values["TS"], 30) < sp.Float("0.5817")

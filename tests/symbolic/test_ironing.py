"""Exact virtual costs and ironing (yz, Lemma 3): densities, atoms, gaps."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import example, given, settings

from symbolic.ironing import expectation, integrated_virtual_cost, ironed_virtual_cost, nu_total, virtual_cost
from symbolic.models import Firm
from symbolic.models.regulation import EXAMPLES, x
from tests.strategies import atom_firms

F = Fraction


def test_virtual_cost_uniform_with_weights():
    assert virtual_cost(Firm("x", (0, 1), "x/2")) == 3 * x / 2
    assert virtual_cost(Firm("x", (0, 1), "x")) == x


def test_ironing_not_needed_when_psi_is_monotone():
    iron = ironed_virtual_cost(Firm("x**2", (0, 1), "0"))
    assert iron.intervals == ()
    assert sp.simplify(iron.phi - 3 * x / 2) == 0


def test_ironing_psi_not_monotone_jump_weights():
    """psi = 2x below 1/2 and x above: ironed at c = 1/sqrt(2) on [c/2, c]."""
    iron = ironed_virtual_cost(EXAMPLES["jump_weights"])
    c = 1 / sp.sqrt(2)
    assert iron.intervals == ((c / 2, c, c),)
    # consistency: zero nu-area of psi - c over the interval (the equal-area condition)
    area = sp.integrate(2 * x - c, (x, c / 2, sp.Rational(1, 2))) + sp.integrate(x - c, (x, sp.Rational(1, 2), c))
    assert sp.simplify(area) == 0


def test_ironing_with_an_atom_on_top():
    iron = ironed_virtual_cost(EXAMPLES["atom_on_top"])
    (lo, hi, value), = iron.intervals
    assert (lo, hi, value) == (2 - sp.sqrt(2), 1, 4 - 2 * sp.sqrt(2))
    assert iron.phi.subs(x, 1) == value and iron.phi.subs(x, sp.Rational(1, 4)) == sp.Rational(1, 2)


def test_ironing_of_atoms_without_density():
    iron = ironed_virtual_cost(EXAMPLES["atoms"])
    assert iron.intervals == ((0, 1, sp.Rational(7, 5)),)
    assert [iron.phi.subs(x, p) for p in (0, sp.Rational(1, 4), sp.Rational(1, 2), 1)] == [0, sp.Rational(7, 5)] * 1 + [sp.Rational(7, 5)] * 2


def test_gap_mass_attaches_to_the_next_atom():
    """Two atoms 0 and 1 with Lambda = 0: phi(1) = 1 + (1/2 * 1)/(1/2) = 2."""
    iron = ironed_virtual_cost(Firm({"0": "1/2", "1": "1/2"}, (0, 1), "0"))
    assert iron.phi.subs(x, 1) == 2 and iron.phi.subs(x, 0) == 0


def test_curve_of_atoms():
    elements, _ = integrated_virtual_cost(Firm({"0": "1/2", "1": "1/2"}, (0, 1), "0"))
    assert [(e.u, e.y) for e in elements] == [(0, 0), (F(1, 2), 0), (F(1, 2), F(1, 2)), (1, 1)]


@pytest.mark.parametrize(
    ("firm", "match"),
    [
        (Firm({"0": "1/2", "1": "1/2"}, (0, 1), "0"), "has an atom at x=0"),
        (Firm("Piecewise((2*x, x < 1/4), (1/2, x < 3/4), (2*x - 1, True))", (0, 1), "0"), r"is flat on \(1/4, 3/4\)"),
    ],
)
def test_virtual_cost_bad_input(firm, match):
    with pytest.raises(ValueError, match=match):
        virtual_cost(firm)


def test_equality_case_for_constant_q():
    for firm in EXAMPLES.values():
        iron = ironed_virtual_cost(firm)
        assert sp.simplify(expectation(firm, iron.phi) - nu_total(firm)) == 0


@settings(max_examples=25, deadline=None)
@given(atom_firms())
@example(({"0": "1/2", "1/2": "1/10", "1": "2/5"}, "Piecewise((0, x < 1/2), (3/5, True))"))
def test_phi_nondecreasing_and_lemma3_for_random_atoms(model):
    """phi is nondecreasing; Lemma 3 holds with equality for Q = 1 and as an inequality for
    nonincreasing indicator Q = 1{theta <= c} (exact arithmetic)."""
    atoms, lam = model
    firm = Firm(atoms, (0, 1), lam)
    iron = ironed_virtual_cost(firm)
    points = [p for p, _ in firm.atoms()]
    values = [iron.phi.subs(x, p) for p in points]
    assert all(a <= b for a, b in zip(values, values[1:]))
    assert sp.simplify(expectation(firm, iron.phi) - nu_total(firm)) == 0
    for c in points:  # Q = 1{theta <= c}: left side nu([0, c]), right side sum of phi over atoms <= c
        left = sum((p * m for p, m in firm.atoms() if p <= c), sp.Integer(0)) + sp.integrate(
            (firm.G - firm.Lambda), (x, 0, c))
        right = sum((iron.phi.subs(x, p) * m for p, m in firm.atoms() if p <= c), sp.Integer(0))
        assert sp.simplify(left - right) >= 0

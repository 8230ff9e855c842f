"""The numeric ironing witness: hull plus findroot, min-max formula, PAVA, and agreement with
the exact construction on random and hand-made firms."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import numpy as np
import pytest
import sympy as sp
from hypothesis import example, given, settings

from numeric import ironing as ni
from symbolic.ironing import ironed_virtual_cost
from symbolic.models import Firm
from symbolic.models.regulation import EXAMPLES, x
from tests.strategies import atom_firms, nonincreasing_steps

F = Fraction


def test_minmax_formula_exact():
    assert ni.minmax_ironing([F(1, 2), F(1, 10), F(2, 5)], [F(0), F(3, 10), F(2, 5)]) == [0, F(7, 5), F(7, 5)]


def test_pava_agrees_with_minmax_on_random_cells():
    rng = np.random.default_rng(3)
    w = rng.uniform(0.1, 1, 60)
    m = rng.uniform(0, 1, 60) * w
    slow = ni.minmax_ironing(list(w), list(m))
    fast = ni.pava_ironing(np.zeros(60), w, m)
    assert np.allclose(fast, slow, atol=1e-12)
    assert np.all(np.diff(fast) >= -1e-12)


def test_integrated_cost_by_parts():
    with mpmath.workdps(30):
        firm = EXAMPLES["atom_on_top"]  # N(1) = int theta dG + int G = 3/4 + 1/4
        assert abs(ni.integrated_cost(firm, mpmath.mpf(1)) - 1) < mpmath.mpf(10) ** -28


@pytest.mark.parametrize("key", sorted(EXAMPLES))
def test_numeric_matches_exact_ironing_on_examples(key):
    firm = EXAMPLES[key]
    exact = ironed_virtual_cost(firm)
    with mpmath.workdps(30):
        iron = ni.ironing(firm)
        for k in range(1, 11):
            t = sp.Rational(k, 10)
            assert abs(iron.phi(mpmath.mpf(k) / 10) - mpmath.mpf(sp.N(exact.phi.subs(x, t), 35))) < mpmath.mpf(10) ** -20


EXTRA = {
    "squares_with_jump": Firm("x**2", (0, 1), "Piecewise((0, x < 1/2), (x**2, True))"),
    "gap": Firm("Piecewise((2*x, x < 1/4), (1/2, x < 3/4), (2*x - 1, True))", (0, 1), "0"),
    "density_and_atoms": Firm("Piecewise((x/4, x < 1/2), (1/2 + x/4, x < 1), (1, True))", (0, 1),
                              "Piecewise((0, x < 1/2), (x/4, True))"),
}


@pytest.mark.parametrize("key", sorted(EXTRA))
def test_numeric_matches_exact_ironing_on_more_firms(key):
    firm = EXTRA[key]
    exact = ironed_virtual_cost(firm)
    with mpmath.workdps(30):
        iron = ni.ironing(firm)
        for k in range(1, 20):
            t = sp.Rational(k, 20)
            assert abs(iron.phi(mpmath.mpf(k) / 20) - mpmath.mpf(sp.N(exact.phi.subs(x, t), 35))) < mpmath.mpf(10) ** -20, t


def test_numeric_ironing_of_a_gap_in_the_support():
    """Density, a gap (1/4, 3/4) with nu-mass 1/4, density again: phi = 7/4 on (1/4, 1]."""
    firm = Firm("Piecewise((2*x, x < 1/4), (1/2, x < 3/4), (2*x - 1, True))", (0, 1), "0")
    with mpmath.workdps(30):
        (lo, hi, value), = ni.ironing(firm).intervals
        assert abs(value - mpmath.mpf(7) / 4) < mpmath.mpf(10) ** -25 and abs(lo - mpmath.mpf(1) / 4) < mpmath.mpf(10) ** -25


@settings(max_examples=20, deadline=None)
@given(atom_firms())
@example(({"0": "1/2", "1": "1/2"}, "Piecewise((0, x < 0), (0, True))"))
def test_numeric_and_exact_ironing_agree_on_random_atoms(model):
    atoms, lam = model
    firm = Firm(atoms, (0, 1), lam)
    exact = ironed_virtual_cost(firm)
    with mpmath.workdps(25):
        rows = ni.atom_masses(firm)
        pooled = ni.minmax_ironing([p for _, p, _ in rows], [m for _, _, m in rows])
        for (point, _), value in zip(firm.atoms(), pooled):
            assert abs(value - mpmath.mpf(sp.N(exact.phi.subs(x, point), 30))) < mpmath.mpf(10) ** -18


@settings(max_examples=15, deadline=None)
@given(nonincreasing_steps(6))
def test_lemma3_inequality_for_random_nonincreasing_q(q):
    """Lemma 3 for Q stepping at 0, 1/5, ..., 1 on firm A: left side >= right side."""
    firm = EXAMPLES["jump_weights"]
    with mpmath.workdps(25):
        iron = ni.ironing(firm)
        cuts = [mpmath.mpf(k) / 5 for k in range(6)]
        kinks = [t for iv in iron.intervals for t in iv[:2]]
        left = [ni.integrated_cost(firm, b) - ni.integrated_cost(firm, a) for a, b in zip(cuts, cuts[1:])]
        right = [ni._integral_dG(firm, iron.phi, a, b, kinks=kinks) for a, b in zip(cuts, cuts[1:])]
        qs = [mpmath.mpf(v.numerator) / v.denominator for v in q[:5]]
        assert mpmath.fsum(a * b for a, b in zip(qs, left)) >= mpmath.fsum(a * b for a, b in zip(qs, right)) - mpmath.mpf(10) ** -18


def test_lemma3_witness_checks_hold():
    with mpmath.workdps(25):
        for firm in EXAMPLES.values():
            assert ni.lemma3_inequality(firm, ni.ironing(firm), trials=10) == (True, True, True)

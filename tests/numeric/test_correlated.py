"""Proposition 1 by linear programming over Bayes correlated equilibria."""

from __future__ import annotations

from fractions import Fraction

from numeric.alignment import build
from numeric.correlated import _grid, distribution_of, grid_lower_bound, minimum_surplus, obedient
from symbolic.market import lower_bound_surplus
from symbolic.models.market import instance

F = Fraction


def test_monopoly_minimum_is_the_lower_bound():
    m = instance("monopoly")
    grid = _grid(m)
    assert abs(minimum_surplus(m, 0, grid) - float(lower_bound_surplus(m, 0)[0])) < 1e-9
    assert obedient(m, distribution_of(build(m)), grid)


def test_grid_lower_bound_is_below_equation_one_and_the_lp_above_it():
    m = instance("example1")
    grid = _grid(m)
    lower = grid_lower_bound(m, 0, grid)
    assert lower < lower_bound_surplus(m, 0)[0]
    assert minimum_surplus(m, 0, grid) >= float(lower) - 1e-9


def test_obedience_fails_for_a_distribution_that_overprices():
    m = instance("monopoly")
    grid = _grid(m)
    pi = {(k, (max(v[0], F(5)),)): p for k, (v, c, p) in enumerate(m.profiles())}  # always price 5
    assert not obedient(m, pi, grid)

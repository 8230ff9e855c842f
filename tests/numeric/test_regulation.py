"""Numeric witnesses for payoffs, Baron--Myerson, the finite relaxed problem and section 6."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest

from numeric import regulation as nr
from symbolic.models.regulation import Firm, finite_example

F = Fraction


def test_virtual_surplus_layer_cake():
    with mpmath.workdps(30):
        assert abs(nr.virtual_surplus(nr._UNIFORM, 0, mpmath.mpf(1) / 4) - mpmath.mpf(9) / 32) < mpmath.mpf(10) ** -28


def test_finite_solution_exact():
    sol = nr.finite_solution(finite_example())
    assert sol["relaxed"] == sol["planner"] == F(17, 48)
    assert sol["phi"][1] == {F(1, 4): F(1, 4), F(1, 2): F(5, 8), F(3, 4): F(1)}


def test_lp_bound_matches_enumeration():
    model = finite_example()
    sol = nr.finite_solution(model)
    assert abs(nr.relaxed_lp_value(model, sol) - float(sol["relaxed"])) < 1e-9


def test_relaxed_problem_checks():
    assert all(nr.relaxed_problem(30).checks.values())


def test_capacity_and_ir_checks():
    assert all(nr.capacity(30).checks.values())
    assert nr.consumer_ir(30).values["violation_finite"] == 0


@pytest.mark.parametrize(
    ("firm", "match"),
    [
        (Firm({"0": "1/2", "1": "1/2"}, (0, 1), "x/4"), "varies on the gap"),
    ],
)
def test_atom_phi_bad_input(firm, match):
    with pytest.raises(NotImplementedError, match=match):
        nr._atom_phi(firm)

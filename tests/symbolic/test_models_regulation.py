"""The regulation model objects: validation names the firm, the point and the rule."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from symbolic.models import FiniteValues, Firm, IndependentValues, RegulationModel
from symbolic.models.regulation import atoms_cdf, evaluate, parse_function, section51, x

F = Fraction


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        (dict(G="x", support=(0, 1), Lambda="Piecewise((0, x < 3/4), (4/5, True))", name="2"), ValueError,
         r"Lambda_2 exceeds G_2 at x=3/4 \(Lambda=4/5, G=3/4\); Pareto weights need 0 <= Lambda <= G"),
        (dict(G="x", support=(0, 1), Lambda="x/2 - 1/10"), ValueError, r"Lambda_1 is negative at x=0"),
        (dict(G="x", support=(0, 1), Lambda="Piecewise((x/2, x < 1/2), (x/8, True))"), ValueError,
         r"Lambda_1 must be nondecreasing; it falls to 1/16 at x=1/2"),
        (dict(G="x", support=(0, 1), Lambda="Piecewise((0, x <= 1/2), (x, True))"), ValueError,
         r"Lambda_1 must be right-continuous; at x=1/2 it is 0 but its right limit is 1/2"),
        (dict(G="x/2", support=(0, 1), Lambda="0"), ValueError, r"G_1 must reach 1 at the top of the support"),
        (dict(G="2*x - 1", support=(0, 1), Lambda="0"), ValueError, r"G_1 must lie in \[0, 1\]; G_1\(0\) = -1"),
        (dict(G="Piecewise((x, x < 1/2), (x/2, x < 1), (1, True))", support=(0, 1), Lambda="0"), ValueError,
         r"G_1 must be nondecreasing; it falls to 1/4 at x=1/2"),
        (dict(G="x", support=(1, 0), Lambda="0"), ValueError, r"support of firm 1 must satisfy 0 <= lo < hi; got \[1, 0\]"),
        (dict(G="x", support=(0, 1), Lambda="0", kappa=-1), ValueError, r"kappa_1 must be >= 0; got -1"),
        (dict(G="x", support=(0, 1), Lambda="0", kappa=0.5), TypeError, r"kappa_1 must be exact"),
        (dict(G=0.5, support=(0, 1), Lambda="0"), TypeError, r"G_1 must be exact; got float 0.5"),
        (dict(G="x + y", support=(0, 1), Lambda="0"), ValueError, r"G_1 may use only digits, x"),
        (dict(G="x +* 2", support=(0, 1), Lambda="0"), ValueError, r"G_1 must be a formula in x; could not parse"),
        (dict(G={"0": "1/2", "1": "1/3"}, support=(0, 1), Lambda="0"), ValueError, r"G_1 atoms must have probabilities summing to 1; they sum to 5/6"),
        (dict(G={"0": "0", "1": "1"}, support=(0, 1), Lambda="0"), ValueError, r"G_1 atom at x=0 has probability 0"),
        (dict(G="x", support=(0,), Lambda="0"), ValueError, r"support of firm 1 must be a pair"),
    ],
)
def test_firm_bad_input(kwargs, error, match):
    with pytest.raises(error, match=match):
        Firm(**kwargs)


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (lambda: IndependentValues(("x", "2*x"), (0, 1)), r"values\[2\] must be a CDF"),
        (lambda: IndependentValues(("x/2",), (0, 1)), r"values\[1\] must reach 1"),
        (lambda: IndependentValues((), (0, 1)), r"values must hold one CDF per good"),
        (lambda: FiniteValues(((1, 0), (0, 1)), ("1/2", "1/3")), r"value probs must sum to 1; they sum to 5/6"),
        (lambda: FiniteValues(((1, 0), (0,)), ("1/2", "1/2")), r"same length"),
        (lambda: FiniteValues(((-1, 0),), ("1",)), r"negative value"),
        (lambda: RegulationModel((), IndependentValues(("x",), (0, 1))), r"firms must hold at least one firm"),
        (lambda: RegulationModel((Firm("x", (0, 1), "0"),), IndependentValues(("x", "x"), (0, 1))),
         r"values describe 2 goods but the model has 1 firms"),
    ],
)
def test_values_and_model_bad_input(make, match):
    with pytest.raises(ValueError, match=match):
        make()


def test_atoms_cdf_is_right_continuous_step():
    G = atoms_cdf({"0": "1/4", "1/2": "1/4", "1": "1/2"})
    assert [G.subs(x, sp.Rational(p)) for p in ("0", "1/4", "1/2", "3/4", "1")] == [F(1, 4), F(1, 4), F(1, 2), F(1, 2), 1]
    firm = Firm({"0": "1/4", "1/2": "1/4", "1": "1/2"}, (0, 1), "0")
    assert firm.atoms() == [(0, sp.Rational(1, 4)), (sp.Rational(1, 2), sp.Rational(1, 4)), (1, sp.Rational(1, 2))]


def test_decimals_are_read_exactly():
    assert parse_function("0.1*x", "G") == x / 10


def test_evaluate_is_exact_on_fractions():
    assert evaluate(sp.Piecewise((x**2, x < 1), (1, True)), F(1, 3)) == sp.Rational(1, 9)


def test_section51_model():
    m = section51()
    assert len(m.firms) == 2 and all(f.Lambda == x and f.kappa == 1 for f in m.firms)

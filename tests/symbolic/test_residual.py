"""The prior of the residual, SymmetricResidual: validation, one row per rule."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from symbolic.models import SymmetricResidual


@pytest.mark.parametrize(
    ("build", "error", "match"),
    [
        (lambda: SymmetricResidual.from_cdf("r"), ValueError, r"cdf must lie in \[0, 1\]; F\(-1\) = -1"),
        (lambda: SymmetricResidual.from_cdf("(r+1)/3"), ValueError, r"cdf must reach 1 at r = vbar"),
        (lambda: SymmetricResidual.from_cdf("r**2"), ValueError, "cdf must be nondecreasing"),
        (lambda: SymmetricResidual.from_cdf("(r+1)/2 + x"), ValueError, r"cdf may use only digits, r, "),
        (lambda: SymmetricResidual.from_cdf("__import__('os').system('true')"), ValueError, "may use only"),
        (lambda: SymmetricResidual.from_cdf("r**9**9**9"), ValueError, "power too large"),
        (lambda: SymmetricResidual.from_atoms({-1: "0.33", 0: "0.33", 1: "0.33"}), ValueError,
         r"sum to 99/100 \(decimals are read exactly, '0.33' is 33/100: give fractions such as '1/3'\)"),
        (lambda: SymmetricResidual.from_cdf("(r+1)**2/4"), ValueError, r"F must be symmetric, F\(r\) \+ F\(-r\) = 1"),
        (lambda: SymmetricResidual.from_cdf("(r+1)/2 +"), ValueError, "could not parse"),
        (lambda: SymmetricResidual.from_atoms({-1: "1/3", 1: "2/3"}), ValueError, "F must be symmetric"),
        (lambda: SymmetricResidual.from_atoms({-2: "1/2", 2: "1/2"}), ValueError, r"no mass outside \[-vbar, vbar\]"),
        (lambda: SymmetricResidual.from_atoms({-1: "1/3", 1: "1/3"}), ValueError, "must sum to 1; they sum to 2/3"),
        (lambda: SymmetricResidual.from_atoms({-1: "-1/2", 0: "2", 1: "-1/2"}), ValueError, "must be nonnegative"),
        (lambda: SymmetricResidual.from_atoms({-1: 0.5, 1: 0.5}), TypeError, "got float 0.5: pass a fraction"),
        (lambda: SymmetricResidual.from_atoms({}), ValueError, "atoms must not be empty"),
        (lambda: SymmetricResidual.from_atoms({-1: "1/2", 1: "1/2"}, vbar=0), ValueError, "vbar must be positive"),
        (lambda: SymmetricResidual(vbar=1), ValueError, "exactly one of cdf_expr and atoms"),
    ],
)
def test_symmetric_residual_bad_input(build, error, match):
    with pytest.raises(error, match=match):
        build()


def test_symmetric_residual_cdf_values():
    F = SymmetricResidual.from_cdf("(r+1)/2")
    assert F.cdf(Fraction(1, 2)) == Fraction(3, 4)
    assert F.cdf(Fraction(-3)) == 0 and F.cdf(Fraction(3)) == 1
    A = SymmetricResidual.from_atoms({-1: "1/4", 0: "1/2", 1: "1/4"})
    assert A.cdf(Fraction(0)) == Fraction(3, 4) and A.cdf_left(Fraction(0)) == Fraction(1, 4)


def test_symmetric_residual_piecewise_cdf_is_accepted():
    r = sp.Symbol("r", real=True)
    F = SymmetricResidual.from_cdf(sp.Piecewise(((1 + r) ** 2 / 2, r < 0), (1 - (1 - r) ** 2 / 2, True)))
    assert F.cdf(Fraction(1, 2)) == Fraction(7, 8)

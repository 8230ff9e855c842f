"""Ball-arithmetic certification of closed forms."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from proofs_check.certify import NotCertifiable, contains, enclose

x = sp.Symbol("x")


@pytest.mark.parametrize(
    "expr",
    [sp.exp(-2), (1 - sp.exp(-2)) * sp.exp(1 / (2 * (sp.E**2 - 1))), sp.log(3) / 7, sp.sqrt(2) * sp.pi,
     sp.Abs(sp.Rational(-3, 7)), sp.CRootOf(x**3 - 2, 0), sp.Max(sp.Rational(1, 3), sp.exp(-1))],
)
def test_enclosure_contains_the_high_precision_value(expr):
    ball = enclose(expr, 40)
    with mpmath.workdps(80):
        assert contains(ball, mpmath.mpf(str(sp.N(expr, 80))), 38)


def test_a_wrong_value_is_outside():
    with mpmath.workdps(60):
        assert not contains(enclose(sp.exp(-2), 50), mpmath.exp(-2) * (1 + mpmath.mpf(10) ** -40), 45)


@pytest.mark.parametrize(
    ("expr", "match"),
    [(sp.Float("0.25"), "floating-point number"), (x + 1, "depends on"), (sp.gamma(sp.Rational(1, 3)), "no ball-arithmetic rule")],
)
def test_not_certifiable_says_why(expr, match):
    with pytest.raises(NotCertifiable, match=match):
        enclose(expr, 30)


def test_global_flint_precision_restored():
    import flint

    before = flint.ctx.prec
    enclose(sp.exp(-2), 100)
    assert flint.ctx.prec == before

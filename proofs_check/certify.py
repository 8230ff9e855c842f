"""Certified enclosures: closed forms evaluated in ball arithmetic (python-flint's arb).

A derived closed form (sympy: rationals, E, pi, exp, log, powers, abs, Piecewise with
conditions decided at the point) is evaluated as an arb ball that provably contains its
exact value.  The independent numeric value is *certified* when it lies in that ball widened
by the checker's tolerance (``dps - 5`` significant digits): every point of the ball agrees
with the witness to the required digits.  Exact witnesses (rationals, booleans) compared
exactly are certified as they stand.  A value that ball arithmetic cannot take (a floating
root computed from a derived equation, an unknown function) makes the claim uncertifiable,
and the reason is reported.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import flint
import mpmath
import sympy as sp

from symbolic.implicit import ImplicitRoot

__all__ = ["NotCertifiable", "enclose", "contains"]


class NotCertifiable(ValueError):
    """The expression cannot be put in ball arithmetic (the message says why)."""


_FUNCTIONS: dict[type, Callable[[flint.arb], flint.arb]] = {
    sp.exp: lambda x: x.exp(),
    sp.log: lambda x: x.log(),
    sp.sin: lambda x: x.sin(),
    sp.cos: lambda x: x.cos(),
    sp.tan: lambda x: x.tan(),
    sp.atan: lambda x: x.atan(),
    sp.acos: lambda x: x.acos(),
    sp.asin: lambda x: x.asin(),
    sp.Abs: lambda x: abs(x),
}


def _arb(expr: sp.Basic) -> flint.arb:
    if expr.is_Integer:
        return flint.arb(int(expr))
    if expr.is_Rational:
        return flint.arb(flint.fmpq(int(expr.p), int(expr.q)))
    if expr.is_Float:
        raise NotCertifiable(f"{sp.N(expr, 12)}... is a floating-point number, not a closed form")
    if expr is sp.E:
        return flint.arb.const_e()
    if expr is sp.pi:
        return flint.arb.pi()
    if isinstance(expr, sp.Add):
        total = flint.arb(0)
        for term in expr.args:
            total += _arb(term)
        return total
    if isinstance(expr, sp.Mul):
        product = flint.arb(1)
        for factor in expr.args:
            product *= _arb(factor)
        return product
    if isinstance(expr, sp.Pow):
        base, exponent = expr.args
        if exponent.is_Integer:
            return _arb(base) ** int(exponent)
        value = _arb(base)
        if not value > 0:
            raise NotCertifiable(f"{expr}: a non-integer power of a base not provably positive")
        return (_arb(exponent) * value.log()).exp()
    if isinstance(expr, sp.exp):
        return _arb(expr.args[0]).exp()
    if isinstance(expr, (sp.Max, sp.Min)):
        values = [_arb(a) for a in expr.args]
        pick = max if isinstance(expr, sp.Max) else min
        decided = [v for v in values if all((v >= w) if pick is max else (v <= w) for w in values)]
        if not decided:
            raise NotCertifiable(f"{expr}: the balls of the arguments overlap")
        return decided[0]
    if isinstance(expr, ImplicitRoot):
        return _implicit_root(expr)
    if isinstance(expr, sp.CRootOf) and expr.is_real:
        # sympy isolates real roots exactly; refine the isolating interval below the precision
        digits = int(flint.ctx.prec / 3.33) + 5
        width = sp.Rational(1, 10**digits)
        approximation = expr.eval_rational(dx=width, dy=width)
        return flint.arb(_arb(approximation).mid(), flint.arb(_arb(width)).mid())
    if isinstance(expr, sp.Piecewise):
        for value, condition in expr.args:
            decided = sp.sympify(condition)
            if decided is sp.true:
                return _arb(value)
            if decided is not sp.false:
                raise NotCertifiable(f"{expr}: a branch condition {condition} is not decided at the point")
        raise NotCertifiable(f"{expr}: no branch applies")
    for function, evaluate in _FUNCTIONS.items():
        if isinstance(expr, function):
            return evaluate(_arb(expr.args[0]))
    raise NotCertifiable(f"{type(expr).__name__} in {expr} has no ball-arithmetic rule")


def _implicit_root(root: ImplicitRoot) -> flint.arb:
    """A ball around the root: f changes sign, provably, between its two ends."""
    f = root.args[0]
    digits = int(flint.ctx.prec / 3.33)
    center = sp.nsimplify(sp.N(root, digits + 15), rational=True)
    width = sp.Rational(1, 10 ** (digits - 2))
    left, right = _arb(f(center - width)), _arb(f(center + width))
    if not ((left < 0 and right > 0) or (left > 0 and right < 0)):
        raise NotCertifiable(f"no certified sign change of the equation around {sp.N(root, 12)}")
    return flint.arb(_arb(center).mid(), _arb(width).mid())


def enclose(expr: Any, dps: int) -> flint.arb:
    """A ball containing the exact value of a sympy number expression, at about ``dps`` digits.

    Raises :class:`NotCertifiable` for what ball arithmetic cannot take.

    Examples
    --------
    >>> ball = enclose(sp.exp(-2) / 2 + sp.Rational(1, 2), 30)
    >>> ball.rad() < 1e-30
    True
    >>> enclose(sp.Float("0.1"), 30)
    Traceback (most recent call last):
    ...
    proofs_check.certify.NotCertifiable: 0.100000000000... is a floating-point number, not a closed form
    """
    expr = sp.sympify(expr)
    if expr.free_symbols:
        raise NotCertifiable(f"{expr} depends on {sorted(map(str, expr.free_symbols))}")
    saved = flint.ctx.prec
    try:
        flint.ctx.prec = int(dps * 3.33) + 40
        return _arb(expr)
    finally:
        flint.ctx.prec = saved


def contains(ball: flint.arb, value: mpmath.mpf, digits: int) -> bool:
    """True when ``value`` lies in ``ball`` widened by ``10**-digits`` relative to its midpoint
    (absolute when the midpoint is zero).

    Examples
    --------
    >>> with mpmath.workdps(40):
    ...     contains(enclose(sp.Rational(1, 3), 40), mpmath.mpf(1) / 3, 35)
    True
    """
    saved = flint.ctx.prec
    try:
        flint.ctx.prec = max(saved, mpmath.mp.prec + 20)
        mid = ball.mid()
        # relative tolerance, or absolute where the value is zero (as the agreement digits are)
        widened = ball.rad() + max(abs(mid), flint.arb(1) if mid == 0 else abs(mid)) * flint.arb(10) ** (-digits)
        # the witness as an exact binary rational: its mpf mantissa and exponent
        sign, man, exp, _ = mpmath.mpf(value)._mpf_
        witness = flint.arb(flint.fmpz((-1) ** sign * int(man))) * flint.arb(2) ** int(exp)
        return bool(abs(witness - mid) <= widened)
    finally:
        flint.ctx.prec = saved

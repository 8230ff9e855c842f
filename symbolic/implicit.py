"""Roots of derived equations that have no closed form, kept exact and evaluable to any precision.

:class:`ImplicitRoot` stands for the unique root of ``f`` in a bracket ``[lo, hi]`` where f
changes sign.  It stays unevaluated in expressions (so a total surplus that depends on it is
still an expression), evaluates with ``evalf`` at whatever precision is asked, and can be
enclosed in ball arithmetic by checking the sign change around its value.

Paper: used for the Armstrong-Zhou price and the Example 2 surplus of bbm, whose first-order
conditions are transcendental.
"""

from __future__ import annotations

from typing import Any

import mpmath
import sympy as sp

__all__ = ["ImplicitRoot"]


class ImplicitRoot(sp.Function):
    r"""The root of ``f`` (a sympy Lambda of one variable) in ``[lo, hi]``, where f changes sign.

    Examples
    --------
    >>> x = sp.Symbol("x")
    >>> root = ImplicitRoot(sp.Lambda(x, x**2 - 2), 1, 2)
    >>> sp.N(root, 30)
    1.41421356237309504880168872421
    >>> root.free_symbols
    set()
    >>> ImplicitRoot(sp.Lambda(x, x**2 - 2), 2, 3)
    Traceback (most recent call last):
    ...
    ValueError: ImplicitRoot needs a sign change of f on [lo, hi]; f(2) = 2 and f(3) = 7
    """

    nargs = 3
    is_real = True

    @classmethod
    def eval(cls, f: Any, lo: Any, hi: Any) -> None:
        if not isinstance(f, sp.Lambda) or len(f.variables) != 1:
            raise TypeError(f"ImplicitRoot needs a sympy Lambda of one variable; got {f}")
        if not (lo.is_Rational and hi.is_Rational and lo < hi):
            raise ValueError(f"ImplicitRoot needs rational lo < hi; got lo={lo}, hi={hi}")
        a, b = sp.N(f(lo), 30), sp.N(f(hi), 30)
        if a * b >= 0:
            raise ValueError(f"ImplicitRoot needs a sign change of f on [lo, hi]; f({lo}) = {sp.nsimplify(a)} "
                             f"and f({hi}) = {sp.nsimplify(b)}")
        return None  # stays unevaluated

    def _eval_evalf(self, prec: int) -> sp.Float:
        f, lo, hi = self.args
        function = sp.lambdify(f.variables[0], f.expr, modules="mpmath")
        with mpmath.workprec(prec + 30):
            root = mpmath.findroot(function, (mpmath.mpf(sp.N(lo, 60)), mpmath.mpf(sp.N(hi, 60))), solver="anderson")
            return sp.Float(root, precision=prec)

    def _latex(self, printer: Any) -> str:
        f, lo, hi = self.args
        variable = printer._print(f.variables[0])
        return (rf"\operatorname{{root}}_{{{variable} \in [{printer._print(lo)}, {printer._print(hi)}]}}"
                rf"\left({printer._print(f.expr)}\right)")

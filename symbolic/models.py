"""Model objects shared by the symbolic derivations and the numeric witnesses.

Each model object is one frozen dataclass holding the paper's primitives, validated in
``__post_init__``; derived quantities are functions elsewhere.  The classes accept exact
numbers (``int``, ``Fraction``, sympy ``Rational``), sympy symbols (validated in three
states, like sympy's own assumptions: an error only when a rule is provably broken) and,
for the numeric side, mpmath ``mpf``.  A Python ``float`` is refused: pass a fraction.

Paper: bbm, section III.C (G_b^B).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from numbers import Rational as _RationalABC
from typing import Any

import mpmath
import sympy as sp

__all__ = ["ExactLike", "exact", "TwoSidedPareto"]

ExactLike = int | Fraction | str | sp.Rational
"""Inputs accepted where an exact number is expected."""


def exact(value: Any, name: str) -> Any:
    """Return ``value`` as an exact number (or keep a sympy expression / mpmath number).

    ``int``, ``Fraction``, sympy numbers and strings such as ``"1/10"`` are accepted; a
    ``float`` is refused because it is not exact.

    Parameters
    ----------
    value
        The number to convert.
    name
        The argument's name, used in error messages.

    Returns
    -------
    Fraction, sympy.Expr or mpmath.mpf
        ``Fraction`` for int, str and Fraction input; the input itself for sympy
        expressions and mpmath numbers.

    Raises
    ------
    TypeError
        For a float, a bool or any other type.
    ValueError
        For a string that is not a fraction.

    Examples
    --------
    >>> exact("1/10", "b")
    Fraction(1, 10)
    >>> exact(0.1, "b")
    Traceback (most recent call last):
    ...
    TypeError: b must be exact (int, Fraction, sympy Rational or a string like '1/10'); got float 0.1: pass a fraction
    """
    if isinstance(value, bool):
        raise TypeError(f"{name} must be a number; got bool {value!r}")
    if isinstance(value, float):
        raise TypeError(
            f"{name} must be exact (int, Fraction, sympy Rational or a string like '1/10'); "
            f"got float {value!r}: pass a fraction"
        )
    if isinstance(value, sp.Basic):
        return value
    if isinstance(value, mpmath.mpf):
        return value
    if isinstance(value, (int, Fraction)) or isinstance(value, _RationalABC):
        return Fraction(value)
    if isinstance(value, str):
        try:
            return Fraction(value.strip())
        except (ValueError, ZeroDivisionError):
            raise ValueError(f"{name} must be a fraction such as '1/10'; got {value!r}") from None
    raise TypeError(f"{name} must be an exact number; got {type(value).__name__} {value!r}")


def _provably_false(condition: Any) -> bool:
    """True when ``condition`` is decided and false (three-state check)."""
    if isinstance(condition, bool):
        return not condition
    return condition is sp.false


def _relation(a: Any, b: Any) -> Any:
    """``a < b`` decided where it can be: Python bool for numbers, a sympy boolean otherwise."""
    if isinstance(a, sp.Basic) or isinstance(b, sp.Basic):
        return sp.Lt(sp.sympify(a), sp.sympify(b))
    return a < b


@dataclass(frozen=True, slots=True)
class TwoSidedPareto:
    r"""The two-sided truncated Pareto distribution :math:`G_b^B` of the interim residual.

    .. math::
        G_b^B(r) = 0 \ (r < -B),\; -\tfrac{b}{2r} \ (-B \le r < -b),\; \tfrac12 \ (-b \le r < b),
        \; 1 - \tfrac{b}{2r} \ (b \le r < B),\; 1 \ (r \ge B),

    written right-continuously, so that the atoms of size :math:`b/(2B)` sit at
    :math:`\pm B` (the paper's cases close the intervals on the right, which is the
    left limit :math:`G^-`; they differ only at :math:`r = \pm B`).

    Paper: bbm, section III.C, definition before Theorem 3.

    Parameters
    ----------
    b, B
        Bounds with ``0 < b < B``: exact numbers, sympy symbols (an undecided rule passes)
        or mpmath numbers (numeric side).

    Raises
    ------
    ValueError
        When ``0 < b < B`` is provably false.
    TypeError
        For float input.

    Examples
    --------
    >>> G = TwoSidedPareto(Fraction(1, 10), 1)
    >>> G.cdf(Fraction(1, 2))
    Fraction(9, 10)
    >>> G.cdf(1) - G.cdf_left(1)
    Fraction(1, 20)
    >>> TwoSidedPareto(Fraction(1, 2), Fraction(1, 3))
    Traceback (most recent call last):
    ...
    ValueError: G_b^B needs 0 < b < B; got b=1/2, B=1/3
    """

    b: Any
    B: Any

    def __post_init__(self) -> None:
        b = exact(self.b, "b")
        B = exact(self.B, "B")
        object.__setattr__(self, "b", b)
        object.__setattr__(self, "B", B)
        if _provably_false(_relation(0, b)) or _provably_false(_relation(b, B)):
            raise ValueError(f"G_b^B needs 0 < b < B; got b={b}, B={B}")

    def pieces(self) -> tuple[tuple[Any, Callable[[Any], Any]], ...]:
        """The definition: ``(upper, G)`` pairs, each piece valid on ``[previous upper, upper)``.

        The last piece has ``upper=None`` (valid to the right of every other piece).  The
        pieces are written once here; the symbolic Piecewise and the numeric evaluation
        are both built from them.
        """
        b, B = self.b, self.B
        half = b**0 / 2  # 1/2 in the number type of b (Fraction, sympy or mpf)
        return (
            (-B, lambda r: 0 * b),
            (-b, lambda r: -b / (2 * r)),
            (b, lambda r: half),
            (B, lambda r: 1 - b / (2 * r)),
            (None, lambda r: b**0),
        )

    def cdf(self, r: Any) -> Any:
        """G(r) = Pr(residual <= r), at a number ``r`` of the same kind as b and B."""
        for upper, value in self.pieces():
            if upper is None or r < upper:
                return value(r)
        raise AssertionError("unreachable: the last piece has no upper bound")

    def cdf_left(self, r: Any) -> Any:
        """The left limit G^-(r) = Pr(residual < r)."""
        for upper, value in self.pieces():
            if upper is None or r <= upper:
                return value(r)
        raise AssertionError("unreachable: the last piece has no upper bound")

"""Model objects shared by the symbolic derivations and the numeric witnesses.

Each model object is one frozen dataclass holding the paper's primitives, validated in
``__post_init__``; derived quantities are functions elsewhere.  The classes accept exact
numbers (``int``, ``Fraction``, sympy ``Rational``), sympy symbols (validated in three
states, like sympy's own assumptions: an error only when a rule is provably broken) and,
for the numeric side, mpmath ``mpf``.  A Python ``float`` is refused: pass a fraction.

One module per model family: :mod:`symbolic.models.residual` (the Hotelling residual
distributions of bbm, section III.C).  Everything is re-exported here, so that
``from symbolic.models import TwoSidedPareto`` works and the numeric side imports model
classes from one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from numbers import Rational as _RationalABC
from typing import Any

import mpmath
import sympy as sp

__all__ = ["ExactLike", "exact", "provably_false", "relation", "TwoSidedPareto", "SymmetricResidual", "ValueGarbling"]

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


def provably_false(condition: Any) -> bool:
    """True when ``condition`` is decided and false (three-state check)."""
    if isinstance(condition, bool):
        return not condition
    return condition is sp.false


def relation(a: Any, b: Any) -> Any:
    """``a < b`` decided where it can be: Python bool for numbers, a sympy boolean otherwise."""
    if isinstance(a, sp.Basic) or isinstance(b, sp.Basic):
        return sp.Lt(sp.sympify(a), sp.sympify(b))
    return a < b



from symbolic.models.residual import SymmetricResidual, TwoSidedPareto  # noqa: E402  (re-export)
from symbolic.models.regulation import FiniteValues, Firm, IndependentValues, RegulationModel  # noqa: E402,F401  (re-export)
from symbolic.models.market import FiniteMarket, InformationStructure, RunnerUpMixing  # noqa: E402,F401  (re-export)
from symbolic.models.garbling import ValueGarbling  # noqa: E402  (re-export)

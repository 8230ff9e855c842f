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

import re
from dataclasses import dataclass
from fractions import Fraction
from numbers import Rational as _RationalABC
from typing import Any

import mpmath
import sympy as sp

__all__ = ["ExactLike", "exact", "parse_expression", "decimal_hint", "provably_false", "relation", "TwoSidedPareto", "SymmetricResidual", "ValueGarbling"]

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
        text = value.strip()
        exponent = re.search(r"[eE]([+-]?\d+)\s*$", text)
        if len(text) > 60 or (exponent and abs(int(exponent.group(1))) > 30):
            raise ValueError(f"{name} is too long or too large to be a model number; got {value[:40]!r}")
        try:
            number = Fraction(text)
        except (ValueError, ZeroDivisionError):
            raise ValueError(f"{name} must be a fraction such as '1/10'; got {value!r}") from None
        return number
    raise TypeError(f"{name} must be an exact number; got {type(value).__name__} {value!r}")


_FUNCTIONS = ("exp", "log", "sqrt", "Piecewise", "Min", "Max", "Abs", "sin", "cos", "tan", "atan", "And", "Or")
_CONSTANTS = ("pi", "E", "True", "oo")
_MAX_TEXT = 400


def parse_expression(text: str, variable: str, field: str) -> sp.Expr:
    """Parse a user's formula in one variable safely: whitelisted names only, no huge powers.

    Only the variable, the functions ``exp log sqrt Piecewise Min Max Abs sin cos tan atan``
    (with ``And``/``Or`` in conditions) and the constants ``pi E`` may appear; decimals are
    read as exact rationals; ``^`` means power.  Anything else is refused with a message naming
    the field, so that no input can run code or exhaust the machine.

    Examples
    --------
    >>> parse_expression("(r + 1)/2", "r", "cdf")
    r/2 + 1/2
    >>> parse_expression("os.system", "r", "cdf")
    Traceback (most recent call last):
    ...
    ValueError: cdf may use only digits, r, + - * / ^ ( ) < > = , . and the names exp, log, sqrt, Piecewise, Min, Max, Abs, sin, cos, tan, atan, And, Or, pi, E, True, oo; got 'os.system'
    >>> parse_expression("9**9**9**9", "r", "cdf")
    Traceback (most recent call last):
    ...
    ValueError: cdf has a power too large to evaluate safely (exponents above 1000 or towers); got '9**9**9**9'
    """
    from sympy.parsing.sympy_parser import convert_xor, parse_expr, rationalize, standard_transformations

    if not isinstance(text, str):
        raise TypeError(f"{field} must be a string holding a formula in {variable}; got {type(text).__name__}")
    allowed = (variable, *_FUNCTIONS, *_CONSTANTS)
    rule = (f"{field} may use only digits, {variable}, + - * / ^ ( ) < > = , . and the names "
            f"{', '.join((*_FUNCTIONS, *_CONSTANTS))}; got {text!r}")
    if len(text) > _MAX_TEXT:
        raise ValueError(f"{field} is longer than {_MAX_TEXT} characters; got {len(text)}")
    if not re.fullmatch(r"[0-9A-Za-z+\-*/^().,<>=! ]*", text) or "__" in text:
        raise ValueError(rule)
    names = set(re.findall(r"[A-Za-z][A-Za-z0-9]*", text))
    if not names <= set(allowed):
        raise ValueError(rule)
    if any(len(d) > 30 for d in re.findall(r"[0-9]+", text)):
        raise ValueError(f"{field} has a number with more than 30 digits; got {text!r}")
    symbol = sp.Symbol(variable, real=True)
    space = {name: getattr(sp, name) for name in (*_FUNCTIONS, "pi", "E", "oo")}
    space.update({name: getattr(sp, name) for name in ("Add", "Mul", "Pow", "Lt", "Le", "Gt", "Ge", "Eq", "Ne",
                                                        "StrictLessThan", "StrictGreaterThan", "LessThan",
                                                        "GreaterThan", "Tuple", "Not")})
    space.update({"Integer": sp.Integer, "Rational": sp.Rational, "Float": sp.Float, "Symbol": sp.Symbol,
                  "True": sp.true, "__builtins__": {}})
    transformations = standard_transformations + (rationalize, convert_xor)
    try:
        raw = parse_expr(text, local_dict={variable: symbol}, global_dict=space, transformations=transformations,
                         evaluate=False)
    except Exception as exc:  # noqa: BLE001 - any parse failure is a bad value
        raise ValueError(f"{field} must be a formula in {variable}; could not parse {text!r} ({type(exc).__name__})") from None
    if not isinstance(raw, sp.Basic):
        raise ValueError(f"{field} must be a formula in {variable}; got {text!r}")
    for power in raw.atoms(sp.Pow) | {p for p in sp.preorder_traversal(raw) if isinstance(p, sp.Pow)}:
        exponent = power.args[1]
        if exponent.has(sp.Pow) and not exponent.free_symbols or (exponent.is_number and abs(exponent) > 1000):
            raise ValueError(f"{field} has a power too large to evaluate safely (exponents above 1000 or towers); "
                             f"got {text!r}")
    try:
        expr = parse_expr(text, local_dict={variable: symbol}, global_dict=space, transformations=transformations)
    except Exception as exc:  # noqa: BLE001
        raise ValueError(f"{field} must be a formula in {variable}; could not parse {text!r} ({type(exc).__name__})") from None
    if not isinstance(expr, sp.Expr):
        raise ValueError(f"{field} must be a formula in {variable}, not a condition or a tuple; got {text!r}")
    return expr


def decimal_hint(values: Any) -> str:
    """A hint for probabilities that do not sum to 1: decimals are read exactly.

    Examples
    --------
    >>> decimal_hint(["0.33", "1/3"])
    " (decimals are read exactly, '0.33' is 33/100: give fractions such as '1/3')"
    >>> decimal_hint(["1/3"])
    ''
    """
    decimals = [v for v in values if isinstance(v, str) and "." in v]
    if not decimals:
        return ""
    first = decimals[0]
    return f" (decimals are read exactly, {first!r} is {Fraction(first.strip())}: give fractions such as '1/3')"


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

"""Distributions of the interim residual in the Hotelling model.

Paper: bbm, section III.C (the two-sided truncated Pareto distribution G_b^B).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from fractions import Fraction  # noqa: F401  (used in doctests)
from typing import Any

import mpmath
import numpy as np
import sympy as sp

from symbolic.models import decimal_hint, exact, parse_expression, provably_false, relation

__all__ = ["TwoSidedPareto", "SymmetricResidual"]


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
        if provably_false(relation(0, b)) or provably_false(relation(b, B)):
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

    def cdf_array(self, r: np.ndarray) -> np.ndarray:
        """G at every point of a float array, from the same pieces (for brute-force grids)."""
        bounds = [float(upper) for upper, _ in self.pieces()[:-1]]
        floats = TwoSidedPareto.__new__(TwoSidedPareto)  # the same definition at float bounds
        object.__setattr__(floats, "b", float(self.b))
        object.__setattr__(floats, "B", float(self.B))
        conditions = [r < upper for upper in bounds] + [np.ones(r.shape, dtype=bool)]
        with np.errstate(divide="ignore", invalid="ignore"):
            values = [np.broadcast_to(np.asarray(value(r), dtype=float), r.shape) for _, value in floats.pieces()]
            return np.select(conditions, values)

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


_R = sp.Symbol("r", real=True)
_MAX_ATOMS = 100_000


@lru_cache(maxsize=64)
def _mp_function(expr: sp.Expr) -> Callable[[Any], Any]:
    """The CDF expression as an mpmath function of r (for numbers only; exact rationals are
    printed as mpf quotients, so the working precision is honoured)."""
    return sp.lambdify(_R, expr, modules="mpmath")


def _like(value: Fraction, x: Any) -> Any:
    """An exact Fraction in the number type of ``x`` (mpf at the current precision, else as is)."""
    if isinstance(x, mpmath.mpf):
        return mpmath.mpf(value.numerator) / value.denominator
    return value


def _mass(atoms: Any, x: Any) -> Any:
    """Total probability of ``atoms``, in the number type of ``x`` (Fraction or mpf)."""
    if isinstance(x, mpmath.mpf):
        return mpmath.fsum(mpmath.mpf(q.numerator) / q.denominator for _, q in atoms)
    return sum((q for _, q in atoms), start=Fraction(0))


@dataclass(frozen=True, slots=True)
class SymmetricResidual:
    r"""A symmetric distribution F of the residual :math:`r = v_1 - v_2` on :math:`[-\bar v, \bar v]`.

    Given either as a CDF expression F(r) in the real symbol ``r`` (valid on
    :math:`[-\bar v, \bar v]`; 0 to the left, 1 to the right), or as finitely many atoms
    with exact probabilities.  Symmetric means :math:`F(-r) = 1 - F(r^-)`.

    Paper: bbm, section III.C (the prior distribution F of the residual).

    Use :meth:`from_cdf` and :meth:`from_atoms`; both validate.

    Examples
    --------
    >>> F = SymmetricResidual.from_cdf((_R + 1) / 2)
    >>> F.cdf(Fraction(1, 2))
    Fraction(3, 4)
    >>> SymmetricResidual.from_atoms({-1: "1/2", 1: "1/2"}).cdf(0)
    Fraction(1, 2)
    >>> SymmetricResidual.from_atoms({-1: "1/3", 1: "2/3"})
    Traceback (most recent call last):
    ...
    ValueError: F must be symmetric: the atom at -1 has probability 1/3 but the atom at 1 has 2/3
    """

    vbar: Fraction
    cdf_expr: sp.Expr | None = None
    atoms: tuple[tuple[Fraction, Fraction], ...] | None = None

    def __post_init__(self) -> None:
        vbar = exact(self.vbar, "vbar")
        if isinstance(vbar, sp.Basic):
            if not vbar.is_Rational:
                raise TypeError(f"vbar must be an exact rational number; got {vbar}")
            vbar = Fraction(int(vbar.p), int(vbar.q))
        if vbar <= 0:
            raise ValueError(f"vbar must be positive; got vbar={vbar}")
        if not Fraction(1, 10**6) <= vbar <= 10**6:
            raise ValueError(f"vbar must lie between 1e-6 and 1e6 (rescale the model); got vbar={float(vbar):.3g}")
        object.__setattr__(self, "vbar", vbar)
        if (self.cdf_expr is None) == (self.atoms is None):
            raise ValueError("give exactly one of cdf_expr and atoms")
        if self.atoms is not None:
            self._validate_atoms()
        else:
            self._validate_cdf()

    @classmethod
    def from_cdf(cls, expr: Any, vbar: Any = 1) -> SymmetricResidual:
        """F from a CDF expression in ``r`` (a sympy expression or a string), on [-vbar, vbar]."""
        if isinstance(expr, str):
            expr = parse_expression(expr, "r", "cdf")
        if not isinstance(expr, sp.Basic):
            expr = sp.sympify(exact(expr, "cdf"))
        expr = sp.sympify(expr).subs({s: _R for s in sp.sympify(expr).free_symbols if s.name == "r"})
        return cls(vbar=vbar, cdf_expr=expr)

    @classmethod
    def from_atoms(cls, atoms: Any, vbar: Any = 1) -> SymmetricResidual:
        """F from ``{position: probability}`` (exact numbers or fraction strings)."""
        if isinstance(atoms, dict):
            items = list(atoms.items())
        else:
            items = list(atoms)
        if not items:
            raise ValueError("atoms must not be empty")
        if len(items) > _MAX_ATOMS:
            raise ValueError(f"atoms: at most {_MAX_ATOMS} are supported; got {len(items)}")
        pairs: dict[Fraction, Fraction] = {}
        raw_probabilities = [q for _, q in items]
        for x, q in items:
            x = exact(x, "atom position")
            q = exact(q, f"probability of the atom at {x}")
            if not isinstance(x, Fraction) or not isinstance(q, Fraction):
                raise TypeError(f"atoms must be exact rationals; got {x}={q}")
            if x in pairs:
                raise ValueError(f"atoms must have distinct positions; {x} appears twice")
            pairs[x] = q
        total = sum(pairs.values(), Fraction(0))
        if total != 1:
            raise ValueError(f"probabilities must sum to 1; they sum to {total}{decimal_hint(raw_probabilities)}")
        return cls(vbar=vbar, atoms=tuple(sorted(pairs.items())))

    def _validate_atoms(self) -> None:
        atoms = dict(self.atoms)
        if not atoms:
            raise ValueError("atoms must not be empty")
        for x, q in atoms.items():
            if q < 0:
                raise ValueError(f"probabilities must be nonnegative; the atom at {x} has {q}")
            if abs(x) > self.vbar:
                raise ValueError(f"F must put no mass outside [-vbar, vbar] = [{-self.vbar}, {self.vbar}]; "
                                 f"the atom at {x} has probability {q}")
        total = sum(atoms.values())
        if total != 1:
            raise ValueError(f"probabilities must sum to 1; they sum to {total}")
        for x, q in atoms.items():
            if atoms.get(-x, Fraction(0)) != q:
                raise ValueError(f"F must be symmetric: the atom at {x} has probability {q} but the atom "
                                 f"at {-x} has {atoms.get(-x, Fraction(0))}")

    def _validate_cdf(self) -> None:
        expr = sp.sympify(self.cdf_expr)
        extra = expr.free_symbols - {_R}
        if extra:
            raise ValueError(f"cdf must depend on r only; it contains {sorted(map(str, extra))}")
        V = sp.Rational(self.vbar.numerator, self.vbar.denominator)
        grid = [-V + 2 * V * sp.Rational(k, 32) for k in range(33)]
        values = []
        for x in grid:
            value = sp.simplify(expr.subs(_R, x))
            if not (value.is_real and value.is_number):
                raise ValueError(f"cdf must be real on [-vbar, vbar]; F({x}) = {value}")
            values.append(value)
        if sp.simplify(values[-1] - 1) != 0:
            raise ValueError(f"cdf must reach 1 at r = vbar: F({V}) = {values[-1]}, so mass lies outside "
                             f"[-vbar, vbar]")
        for x, value in zip(grid, values):
            if (value < 0) is sp.true or (value > 1) is sp.true:
                raise ValueError(f"cdf must lie in [0, 1]; F({x}) = {value}")
        for (x, u), (y, w) in zip(zip(grid, values), zip(grid[1:], values[1:])):
            if (w < u) is sp.true:
                raise ValueError(f"cdf must be nondecreasing; F({x}) = {u} > F({y}) = {w}")
        density = sp.diff(expr, _R)
        for x in grid[1:-1]:
            d = density.subs(_R, x)
            if (d < 0) is sp.true:
                raise ValueError(f"cdf must be nondecreasing; F'({x}) = {d} < 0")
        gap = sp.simplify(expr + expr.subs(_R, -_R) - 1)
        if gap != 0:
            for x in grid[1:-1]:
                g = sp.simplify(gap.subs(_R, x))
                if g != 0:
                    raise ValueError(f"F must be symmetric, F(r) + F(-r) = 1; at r = {x} the sum is {1 + g}")

    @property
    def is_atomic(self) -> bool:
        """True for a distribution given by atoms."""
        return self.atoms is not None

    def cdf(self, x: Any) -> Any:
        """F(x) = Pr(r <= x) at a number x (Fraction gives an exact result, mpf a numeric one)."""
        if self.atoms is not None:
            return _mass(((y, q) for y, q in self.atoms if _like(y, x) <= x), x)
        V = _like(self.vbar, x)
        if x < -V:
            return _like(Fraction(0), x)
        if x >= V:
            return _like(Fraction(1), x)
        if isinstance(x, mpmath.mpf):
            return _mp_function(self.cdf_expr)(x)
        value = sp.sympify(self.cdf_expr).subs(_R, sp.nsimplify(x))
        return Fraction(int(value.p), int(value.q)) if value.is_Rational else value

    def cdf_left(self, x: Any) -> Any:
        """The left limit F(x^-) = Pr(r < x) (the expression is continuous inside (-vbar, vbar))."""
        if self.atoms is not None:
            return _mass(((y, q) for y, q in self.atoms if _like(y, x) < x), x)
        V = _like(self.vbar, x)
        if x <= -V:
            return _like(Fraction(0), x)
        if x > V:
            return _like(Fraction(1), x)
        if x == V:
            return self._inside(x)
        return self.cdf(x)

    def _inside(self, x: Any) -> Any:
        """The expression's value at x (its left limit at vbar)."""
        if isinstance(x, mpmath.mpf):
            return _mp_function(self.cdf_expr)(x)
        value = sp.sympify(self.cdf_expr).subs(_R, sp.nsimplify(x))
        return Fraction(int(value.p), int(value.q)) if value.is_Rational else value

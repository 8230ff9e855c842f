"""Distributions of the interim residual in the Hotelling model.

Paper: bbm, section III.C (the two-sided truncated Pareto distribution G_b^B).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction  # noqa: F401  (used in doctests)
from typing import Any

from symbolic.models import exact, provably_false, relation

__all__ = ["TwoSidedPareto"]


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

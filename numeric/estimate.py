"""Result types of the numeric witnesses, and the two-precision error estimate.

A numeric witness returns a :class:`Witness`: named values, each an :class:`Estimate` (a
real number with an error estimate), an exact number (``Fraction``, ``int``, ``bool``) for
finite computations, or :class:`Samples` for a quantity that depends on parameters
(a formula in b and B is witnessed by its values at exact parameter points).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import mpmath

__all__ = ["Estimate", "Samples", "Witness", "to_mpf", "two_precision", "two_precision_map", "GUARD", "CHECK"]

GUARD = 8
"""Guard digits of the coarse run: a witness computes at ``dps + GUARD`` and ``dps + CHECK``."""
CHECK = 16
"""Guard digits of the fine run; the two runs' difference estimates the error."""


@dataclass(frozen=True, slots=True)
class Estimate:
    """A real number computed to ``dps`` digits, with an estimate of its absolute error."""

    value: mpmath.mpf
    error: mpmath.mpf
    dps: int
    method: str

    def __str__(self) -> str:
        return mpmath.nstr(self.value, self.dps)


@dataclass(frozen=True, slots=True)
class Samples:
    """Values of a parameter-dependent quantity at exact parameter points.

    ``points[k]`` maps symbol names (``"b"``, ``"B"``, ``"r"``) to exact ``Fraction``
    values; ``values[k]`` is the witness's value there.
    """

    points: tuple[Mapping[str, Fraction], ...]
    values: tuple[Any, ...]

    @classmethod
    def gather(cls, found: Mapping[str, Any], prefix: str, points: Sequence[Mapping[str, Fraction]]) -> Samples:
        """Samples from values computed together and named ``prefix0``, ``prefix1``, ...

        Examples
        --------
        >>> Samples.gather({"f0": 1, "f1": 4}, "f", [{"x": Fraction(1)}, {"x": Fraction(2)}]).values
        (1, 4)
        """
        return cls(tuple(points), tuple(found[f"{prefix}{k}"] for k in range(len(points))))

    def __post_init__(self) -> None:
        if len(self.points) != len(self.values):
            raise ValueError(
                f"Samples needs one value per point; got {len(self.points)} points "
                f"and {len(self.values)} values"
            )


@dataclass(frozen=True)
class Witness:
    """Named numeric values reached independently of the symbolic derivation."""

    values: Mapping[str, Any]
    method: str
    checks: Mapping[str, bool] = field(default_factory=dict)
    """Side conditions the witness verified on the way (each must be True)."""


def two_precision(compute: Callable[[], Any], dps: int, method: str) -> Estimate:
    """Run ``compute`` at ``dps + GUARD`` and ``dps + CHECK`` digits; the difference is the error.

    ``compute`` must build its inputs inside the call (an ``mpf`` made outside a context
    keeps the precision it was made with).

    Examples
    --------
    >>> e = two_precision(lambda: mpmath.quad(mpmath.exp, [0, 1]), 30, "quad")
    >>> mpmath.nstr(e.value, 12), e.error < mpmath.mpf(10) ** -35
    ('1.71828182846', True)
    """
    with mpmath.workdps(dps + GUARD):
        coarse = mpmath.mpf(compute())
    with mpmath.workdps(dps + CHECK):
        fine = mpmath.mpf(compute())
        error = abs(fine - coarse)
    return Estimate(value=fine, error=error, dps=dps, method=method)


def two_precision_map(
    compute: Callable[[], Mapping[str, Any]], dps: int, method: str
) -> dict[str, Estimate]:
    """Like :func:`two_precision` for a computation that yields several named reals at once.

    Examples
    --------
    >>> m = two_precision_map(lambda: {"e": mpmath.e, "pi": mpmath.pi}, 20, "constants")
    >>> mpmath.nstr(m["pi"].value, 10)
    '3.141592654'
    """
    with mpmath.workdps(dps + GUARD):
        coarse = {k: mpmath.mpf(v) for k, v in compute().items()}
    with mpmath.workdps(dps + CHECK):
        fine = {k: mpmath.mpf(v) for k, v in compute().items()}
        return {k: Estimate(fine[k], abs(fine[k] - coarse[k]), dps, method) for k in fine}


def to_mpf(value: Any) -> mpmath.mpf:
    """Convert an exact number (``int``, ``Fraction``) to ``mpf`` at the current precision.

    Call it inside the ``workdps`` context that the computation runs in.

    Examples
    --------
    >>> with mpmath.workdps(30):
    ...     print(to_mpf(Fraction(1, 3)))
    0.333333333333333333333333333333
    """
    if isinstance(value, Fraction):
        return mpmath.mpf(value.numerator) / value.denominator
    return mpmath.mpf(value)

r"""The indirect mechanisms' outcomes by exact cell decomposition of the value square.

With two firms and values independent U[0, 1] an allocation switches only on lines
:math:`v_i = c` and :math:`v_1 - v_2 = d` (c among the prices, d among their differences).  For a
fixed :math:`v_1` the inner integral over :math:`v_2` is a sum of cell lengths times the
allocation at each cell's midpoint (evaluated pointwise, ties split); as a function of
:math:`v_1` it is linear between the points where cells appear or vanish, so the midpoint rule
on those pieces integrates it exactly.  Fractions throughout when the prices are rational;
mpmath otherwise.  No sympy integral is used.

Paper: yz, section 2.3 (Examples 1--3), online appendix B.1 (Examples 4, 5).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import mpmath

from numeric.estimate import Witness, two_precision_map
from symbolic.models.regulation import (
    OPT_OUT,
    CaptiveShoppers,
    EntryDeterrence,
    PriceCompetition,
    QuantityCompetition,
    ReverseAuction,
)

__all__ = ["share", "example1", "example2", "example3", "example4", "example5"]

THETAS = (Fraction(1, 10), Fraction(1, 5))
KAPPAS = (Fraction(1, 2), Fraction(1, 2))


def _number(value: Any) -> Any:
    """A model value (Fraction, sympy number) as a Fraction or an mpf at the current precision."""
    if isinstance(value, mpmath.mpf):
        return value
    if isinstance(value, (Fraction, int)):
        return Fraction(value)
    if hasattr(value, "q") and hasattr(value, "p"):
        return Fraction(int(value.p), int(value.q))
    return _sympy_to_mpf(value)


def _sympy_to_mpf(value: Any) -> mpmath.mpf:
    """1 - Q**(1/n) style model prices: rebuilt from the tree with mpmath (never evalf)."""
    from symbolic.models.regulation import evaluate, x

    return evaluate(value + 0 * x, mpmath.mpf(0))


def _mu(mechanism: Any, v: tuple[Any, Any], s: tuple[Any, ...], i: int) -> Any:
    value = mechanism.allocation(v, s)[i]
    return _number(value)


def share(mechanism: Any, s: tuple[Any, ...], i: int, constants: list[Any]) -> Any:
    """Firm i's share :math:`\\int \\mu_i\\,dF` on [0,1]^2 by exact cell decomposition.

    Examples
    --------
    >>> share(PriceCompetition(2), (Fraction(1, 4), Fraction(1, 2)), 0, [Fraction(1, 4), Fraction(1, 2)])
    Fraction(5, 8)
    """
    use_mp = any(isinstance(c, mpmath.mpf) for c in constants)
    conv = (lambda c: mpmath.mpf(c.numerator) / c.denominator if isinstance(c, Fraction) else c) if use_mp else (lambda c: c)
    prices = [conv(p) for p in constants]  # the posted prices: allocations switch where v_1 - v_2 = p_1 - p_2
    diffs = {a - b for a in prices for b in prices} | {conv(Fraction(0))}
    base = sorted({conv(Fraction(0)), conv(Fraction(1)), *[conv(c) for c in constants if 0 <= conv(c) <= 1]})
    outer = set(base)
    for b in base:
        for d in diffs:
            for c in (b + d, b - d):
                if 0 < c < 1:
                    outer.add(c)
    outer = sorted(outer)

    def inner(x1: Any) -> Any:
        cuts = set(base)
        for d in diffs:
            for c in (x1 + d, x1 - d):
                if 0 < c < 1:
                    cuts.add(c)
        cuts = sorted(cuts)
        return sum((b - a) * _mu(mechanism, (x1, (a + b) / 2), s, i) for a, b in zip(cuts, cuts[1:]) if b > a)

    return sum((b - a) * inner((a + b) / 2) for a, b in zip(outer, outer[1:]) if b > a)


def _outcome(mechanism: Any, s: tuple[Any, ...], constants: list[Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    entry = mechanism.entry(s)
    for i in range(2):
        q = share(mechanism, s, i, constants)
        t = _number(mechanism.revenue_price(s, i)) * q
        out[f"q{i + 1}"], out[f"t{i + 1}"] = q, t
        theta, kappa = THETAS[i], KAPPAS[i]
        if isinstance(q, mpmath.mpf):
            theta, kappa = (mpmath.mpf(v.numerator) / v.denominator for v in (theta, kappa))
        out[f"pi{i + 1}"] = t - entry[i] * theta * (q + kappa)
    grid = [Fraction(2 * k + 1, 194) for k in range(97)]
    if any(isinstance(c, mpmath.mpf) for c in constants):
        grid = [mpmath.mpf(g.numerator) / g.denominator for g in grid]
    out["max_total_share"] = max(sum(_number(m) for m in mechanism.allocation((a, b), s)) for a in grid[::4] for b in grid)
    out["optout_total"] = (mechanism.entry((OPT_OUT, s[1]))[0] + share(mechanism, (OPT_OUT, s[1]), 0, constants)
                           + _number(mechanism.revenue_price((OPT_OUT, s[1]), 0)))
    return out


def _witness(mechanism: Any, s: tuple[Any, ...], constants: list[Any]) -> Witness:
    values = _outcome(mechanism, s, constants)
    checks = {"every share is in [0, 1] and the shares sum to at most 1": all(0 <= values[f"q{i}"] <= 1 for i in (1, 2))
              and values["q1"] + values["q2"] <= 1}
    return Witness(values, "exact cell decomposition of the value square (pointwise allocation, midpoint rule "
                   "on linear pieces); the largest total share on a 25 x 97 grid", checks)


def example1(dps: int = 50) -> Witness:
    """Example 1, price competition, at s = (1/4, 1/2)."""
    s = (Fraction(1, 4), Fraction(1, 2))
    return _witness(PriceCompetition(2), s, list(s))


def example2(dps: int = 50) -> Witness:
    """Example 2, quantity competition, at s = (1/4, 1/3): the price 1 - sqrt(7/12) is irrational,
    so the decomposition runs in mpmath at two precisions."""
    mechanism, s = QuantityCompetition(2), (Fraction(1, 4), Fraction(1, 3))

    def compute() -> dict[str, Any]:
        p = _number(mechanism.price(s))
        out = _outcome(_MpQuantity(mechanism, p), s, [p])
        return {k: v for k, v in out.items()}

    est = two_precision_map(compute, dps, "cell decomposition in mpmath")
    values: dict[str, Any] = dict(est)
    values["max_total_share"] = Fraction(1)
    with mpmath.workdps(dps + 10):
        raw = compute()
    values["max_total_share"] = Fraction(int(mpmath.nint(raw["max_total_share"])))
    values["optout_total"] = Fraction(int(mpmath.nint(raw["optout_total"])))
    exact_total = abs(raw["max_total_share"] - values["max_total_share"]) < mpmath.mpf(10) ** -(dps)
    checks = {"the largest total share on the grid is an integer (no rounding)": bool(exact_total),
              "every share in [0, 1], total at most 1": 0 <= raw["q1"] + raw["q2"] <= 1}
    return Witness(values, "exact cell decomposition in mpmath (irrational price)", checks)


class _MpQuantity:
    """Quantity competition with the price given as an mpf (pointwise allocation in mpmath)."""

    def __init__(self, mechanism: QuantityCompetition, price: mpmath.mpf) -> None:
        self.mechanism, self.p = mechanism, price

    def entry(self, s: tuple[Any, ...]) -> tuple[int, ...]:
        return self.mechanism.entry(s)

    def allocation(self, v: tuple[Any, ...], s: tuple[Any, ...]) -> tuple[Any, ...]:
        q = [mpmath.mpf(0) if si == OPT_OUT else mpmath.mpf(si.numerator) / si.denominator for si in s]
        total = sum(q)
        if total == 0:
            return (mpmath.mpf(0), mpmath.mpf(0))
        p = self.p if total <= 1 else mpmath.mpf(0)
        if all(vj >= p for vj in v):
            return tuple(qi / total for qi in q)
        return (mpmath.mpf(0), mpmath.mpf(0))

    def revenue_price(self, s: tuple[Any, ...], i: int) -> Any:
        return mpmath.mpf(0) if s[i] == OPT_OUT else self.p


def example3(dps: int = 50) -> Witness:
    """Example 3, captive consumers and shoppers, gamma = (1/5, 1/10), at s = (1/4, 1/2)."""
    s = (Fraction(1, 4), Fraction(1, 2))
    return _witness(CaptiveShoppers((Fraction(1, 5), Fraction(1, 10))), s, list(s))


def example4(dps: int = 50) -> Witness:
    """Example 4, entry deterrence, incumbent at 1/2 (the entrant enters and undercuts by 1/10)."""
    mechanism = EntryDeterrence(Fraction(1, 3), Fraction(1, 10))
    s = (Fraction(1, 2), Fraction(0))
    prices = [p for p in mechanism._prices(s) if p != OPT_OUT]
    return _witness(_Posted(mechanism), s, prices)


class _Posted:
    """Entry deterrence seen through the posted prices (the lines where allocations switch)."""

    def __init__(self, mechanism: EntryDeterrence) -> None:
        self.mechanism = mechanism

    def entry(self, s: tuple[Any, ...]) -> tuple[int, ...]:
        return self.mechanism.entry(s)

    def allocation(self, v: tuple[Any, ...], s: tuple[Any, ...]) -> tuple[Any, ...]:
        return self.mechanism.allocation(v, s)

    def revenue_price(self, s: tuple[Any, ...], i: int) -> Any:
        return self.mechanism.revenue_price(s, i)


def example5(dps: int = 50) -> Witness:
    """Example 5, reverse auction, at bids s = (1/4, 1/2)."""
    s = (Fraction(1, 4), Fraction(1, 2))
    return _witness(ReverseAuction(2), s, list(s))

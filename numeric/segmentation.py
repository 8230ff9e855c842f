r"""An independent uniform profit-preserving segmentation, and brute-force checks of segments.

Each extremal segment is found by solving its defining linear equations — the producer is
indifferent between every two consecutive support prices and the masses sum to 1 — by exact
Gaussian elimination, not by the closed-form tails; the weight is the largest that leaves
every mass nonnegative.  Profits are read by scanning every price of a segment.

Paper: bbm, appendix A1 (Theorem 1B of BBM 2015).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from numeric.estimate import Samples, Witness
from numeric.market import residual_masses
from symbolic.models.market import Segment, Segmentation, instance

__all__ = ["solve", "extremal_segment", "segment", "best_profit", "segmentation_claim"]

F = Fraction


def solve(matrix: list[list[Fraction]], rhs: list[Fraction]) -> list[Fraction]:
    """Exact Gaussian elimination with row pivoting.

    Examples
    --------
    >>> solve([[F(2), F(1)], [F(1), F(3)]], [F(3), F(5)])
    [Fraction(4, 5), Fraction(7, 5)]
    """
    n = len(rhs)
    a = [row[:] + [b] for row, b in zip(matrix, rhs)]
    for col in range(n):
        pivot = next(r for r in range(col, n) if a[r][col] != 0)
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(n):
            if r != col and a[r][col] != 0:
                factor = a[r][col] / a[col][col]
                a[r] = [x - factor * y for x, y in zip(a[r], a[col])]
    return [a[r][n] / a[r][r] for r in range(n)]


def extremal_segment(points: Sequence[Fraction], cost: Fraction) -> list[Fraction]:
    """Masses on ``points`` making every support price equally profitable, by a linear solve."""
    n = len(points)
    rows, rhs = [], []
    for t in range(n - 1):
        # (s_t - c) * sum_{u >= t} x_u - (s_{t+1} - c) * sum_{u >= t+1} x_u = 0
        rows.append([(points[t] - cost if u >= t else F(0)) - (points[t + 1] - cost if u >= t + 1 else F(0))
                     for u in range(n)])
        rhs.append(F(0))
    rows.append([F(1)] * n)
    rhs.append(F(1))
    return solve(rows, rhs)


def best_profit(x: Segment, cost: Fraction) -> tuple[Fraction, list[Fraction]]:
    """The best profit over every price in the segment's support and the prices attaining it."""
    profits = {p: (p - cost) * sum((m for r, m in zip(x.points, x.masses) if r >= p), F(0)) for p in x.points}
    best = max(profits.values())
    return best, [p for p, v in profits.items() if v == best]


def segment(distribution: Mapping[Fraction, Fraction], cost: Fraction, producer: int = 0) -> Segmentation:
    """The uniform segmentation by repeated linear solves (mass at the cost kept apart)."""
    total = sum(distribution.values())
    mass = {r: m / total for r, m in distribution.items() if m > 0}
    flat = Segment(tuple(sorted(mass)), tuple(mass[r] for r in sorted(mass)))
    best, prices = best_profit(flat, cost)
    price = min(prices) if best > 0 else cost
    segments, weights = [], []
    if cost in mass:
        segments.append(Segment((cost,), (F(1),)))
        weights.append(mass.pop(cost))
    while mass:
        points = sorted(mass)
        x = extremal_segment(points, cost)
        alpha = min(mass[s] / xs for s, xs in zip(points, x))
        segments.append(Segment(tuple(points), tuple(x)))
        weights.append(alpha)
        mass = {s: mass[s] - alpha * xs for s, xs in zip(points, x) if mass[s] != alpha * xs}
    return Segmentation(producer, cost, price, tuple(segments), tuple(weights))


INSTANCES = ("example1", "three", "weak_rival")


def segmentation_claim(dps: int = 50) -> Witness:
    """Segment counts, weight sums and the properties by brute force; the profit of each segment.

    Paper: bbm, appendix A1.
    """
    values: dict[str, object] = {}
    points, profits = [], []
    ok = True
    for name in INSTANCES:
        m = instance(name)
        for i in range(m.producers):
            for cost, d in sorted(residual_masses(m, i).items()):
                seg = segment(d, cost, i)
                total = sum(d.values())
                for r in d:
                    ok &= sum((w * x.masses[x.points.index(r)] for x, w in zip(seg.segments, seg.weights)
                               if r in x.points), F(0)) == d[r] / total
                for x, w in zip(seg.segments, seg.weights):
                    if x.points == (cost,):
                        continue
                    best, where = best_profit(x, cost)
                    ok &= set(where) == set(x.points) and seg.price in where and w > 0
                    points.append({"r_low": x.points[0], "c": cost})
                    profits.append(best)
                tag = f"{name}_{i + 1}_c{cost}"
                values[f"segments_{tag}"] = len(seg.segments)
                for t, w in enumerate(seg.weights, 1):
                    values[f"weight_{tag}_{t}"] = w
    values["all_properties"] = ok
    values["profit"] = Samples(tuple(points), tuple(profits))
    return Witness(values=values, method="linear solves of the indifference equations; profits scanned")

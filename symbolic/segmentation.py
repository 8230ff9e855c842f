r"""Uniform profit-preserving segmentation (Bergemann--Brooks--Morris 2015, Theorem 1B).

A distribution :math:`\nu` of the residual with finitely many points above the cost c is split
into segments x on each of which every support point p is an optimal price,
:math:`(p - c)\,x([p, \infty)) = \min\operatorname{supp} x - c`, and which contain
:math:`p^*` (so the producer earns the same with or without the segmentation).  The greedy
construction: the extremal segment on the current support S has upper tails
:math:`x([s, \infty)) = (\min S - c)/(s - c)` (solved from the indifference condition); put as
much weight on it as the remaining mass allows, remove the exhausted points, repeat.  Mass at
the cost itself (ties) is a segment of its own, priced at cost.

Paper: bbm, appendix A1 (Theorem 1B of BBM 2015, as used there).
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

import sympy as sp

from symbolic.derivation import Derivation, Step
from symbolic.market import optimal_price, rational, residual_distribution
from symbolic.models.market import FiniteMarket, Segment, Segmentation, instance

__all__ = ["extremal_tails", "uniform_segmentation", "segmentations", "segment_profit", "segmentation_claim",
           "SEGMENTATION_INSTANCES"]


def segment_profit() -> tuple[sp.Expr, list[Step]]:
    r"""Solve the indifference condition for the tails of an extremal segment and the profit.

    With support :math:`s_1 < \dots < s_m` and cost c, indifference between :math:`s_1`
    (selling to all) and :math:`s_t` gives :math:`(s_t - c)\,T_t = (s_1 - c)`, so
    :math:`T_t = (s_1 - c)/(s_t - c)` and every support price earns :math:`s_1 - c`.

    Examples
    --------
    >>> segment_profit()[0]
    -c + r_low
    """
    r_low, c, s, T = sp.symbols("r_low c s T", real=True)
    (tail,) = sp.solve(sp.Eq((s - c) * T, (r_low - c) * 1), T)
    profit = sp.simplify((s - c) * tail)
    return profit, [Step("indifference (s - c) T(s) = (r_low - c) x([r_low, oo)) solved for the tail T(s)", tail),
                    Step("profit at any support price s", profit)]


def extremal_tails(points: tuple[Fraction, ...], cost: Fraction) -> tuple[Fraction, ...]:
    r"""Masses of the extremal segment on ``points`` (increasing, all above cost).

    Examples
    --------
    >>> extremal_tails((Fraction(1), Fraction(3), Fraction(4)), Fraction(0))
    (Fraction(2, 3), Fraction(1, 12), Fraction(1, 4))
    """
    base = points[0] - cost
    tails = [base / (s - cost) for s in points] + [Fraction(0)]
    return tuple(a - b for a, b in zip(tails, tails[1:]))


def uniform_segmentation(distribution: Mapping[Fraction, Fraction], cost: Fraction, producer: int = 0) -> Segmentation:
    r"""The greedy uniform profit-preserving segmentation of ``distribution`` (any positive masses).

    Paper: bbm, appendix A1 (BBM 2015, Theorem 1B).

    Parameters
    ----------
    distribution
        Residual point to mass (need not be normalised); every point must be >= ``cost``.
    cost
        The producer's cost.

    Returns
    -------
    Segmentation
        Segments (normalised) and weights summing to 1; ``price`` is the lowest optimal
        price :math:`p^*`.

    Raises
    ------
    ValueError
        For an empty distribution, a negative mass or a point below the cost.

    Examples
    --------
    >>> s = uniform_segmentation({Fraction(1): Fraction(1, 2), Fraction(3): Fraction(1, 4), Fraction(4): Fraction(1, 4)}, Fraction(0))
    >>> s.price, s.weights
    (Fraction(3, 1), (Fraction(3, 4), Fraction(1, 12), Fraction(1, 6)))
    >>> uniform_segmentation({Fraction(1): Fraction(1)}, Fraction(2))
    Traceback (most recent call last):
    ...
    ValueError: every residual must be >= the cost 2; got 1
    """
    if not distribution:
        raise ValueError("distribution must have at least one point; got none")
    for r, m in distribution.items():
        if m < 0:
            raise ValueError(f"masses must be nonnegative; got {m} at {r}")
        if r < cost:
            raise ValueError(f"every residual must be >= the cost {cost}; got {r}")
    total = sum(distribution.values())
    if total <= 0:
        raise ValueError(f"the distribution must have positive mass; got {total}")
    mass = {r: Fraction(m) / total for r, m in distribution.items() if m > 0}
    price = optimal_price(mass, cost)
    segments: list[Segment] = []
    weights: list[Fraction] = []
    tie = mass.pop(cost, Fraction(0))
    if tie:
        segments.append(Segment((cost,), (Fraction(1),)))
        weights.append(tie)
    if mass:
        for x, w in _greedy(mass, cost):
            segments.append(x)
            weights.append(w)
    return Segmentation(producer, cost, price, tuple(segments), tuple(weights))


def _greedy(mass: dict[Fraction, Fraction], cost: Fraction) -> list[tuple[Segment, Fraction]]:
    r"""The greedy peeling, organised by events.

    Write :math:`\beta = \alpha(\min S - c)` for the weight put on the extremal segment; a point
    s with next point s' loses :math:`\beta\,(1/(s - c) - 1/(s' - c))` of its mass, whatever the
    lowest point is.  Each point's mass therefore falls linearly in the cumulative
    :math:`B = \sum\beta` until its next neighbour is exhausted; a heap of the levels of B at
    which points run out gives the segments in order, with O(1) exact operations per segment
    besides writing the segment out.
    """
    import heapq

    points = sorted(mass)
    k = len(points)
    inv = [1 / (s - cost) for s in points] + [Fraction(0)]
    nxt = list(range(1, k + 1))
    prv = list(range(-1, k - 1))
    alive = [True] * k
    rate = [inv[t] - inv[nxt[t]] for t in range(k)]
    left = [mass[s] for s in points]  # mass at level `since`
    since = [Fraction(0)] * k
    version = [0] * k
    heap = [(left[t] / rate[t], t, 0) for t in range(k)]
    heapq.heapify(heap)
    level = Fraction(0)
    low = 0
    masses = {t: (points[low] - cost) * rate[t] for t in range(k)}
    out = []
    remaining = k
    while remaining:
        target, t, ver = heapq.heappop(heap)
        if not alive[t] or ver != version[t]:
            continue
        order = []
        u = low
        while u < k:
            order.append(u)
            u = nxt[u]
        out.append((Segment(tuple(points[u] for u in order), tuple(masses[u] for u in order)),
                    (target - level) / (points[low] - cost)))
        level = target
        done = [t]
        while heap and heap[0][0] == level:
            _, u, ver_u = heapq.heappop(heap)
            if alive[u] and ver_u == version[u]:
                done.append(u)
        for u in done:
            alive[u] = False
            remaining -= 1
        changed_low = not alive[low]
        for u in sorted(done, reverse=True):
            before, after = prv[u], nxt[u]
            if after < k:
                prv[after] = before
            if before >= 0:
                nxt[before] = after
        if changed_low:
            while low < k and not alive[low]:
                low += 1
        for u in done:
            before = prv[u]
            while before >= 0 and not alive[before]:
                before = prv[before]
            if before >= 0:
                left[before] -= rate[before] * (level - since[before])
                since[before] = level
                rate[before] = inv[before] - inv[nxt[before]]
                version[before] += 1
                heapq.heappush(heap, (level + left[before] / rate[before], before, version[before]))
                masses[before] = (points[low] - cost) * rate[before] if low < k else Fraction(0)
        if changed_low and low < k:
            u = low
            while u < k:
                masses[u] = (points[low] - cost) * rate[u]
                u = nxt[u]
    return out


def segmentations(market: FiniteMarket) -> dict[tuple[int, Fraction], Segmentation]:
    """The segmentation of every (producer, own cost) at which the producer is ever efficient."""
    out = {}
    for i in range(market.producers):
        for cost, d in residual_distribution(market, i).items():
            out[(i, cost)] = uniform_segmentation(d, cost, i)
    return out


SEGMENTATION_INSTANCES: tuple[str, ...] = ("example1", "three", "weak_rival")


def _profit(x: Segment, price: Fraction, cost: Fraction) -> Fraction:
    return (price - cost) * x.upper_mass(price)


def segmentation_claim() -> Derivation:
    r"""Segment counts and the four properties on every (instance, producer, cost), and the
    common profit of an extremal segment.

    Paper: bbm, appendix A1 (Theorem 1B of BBM 2015).

    Examples
    --------
    >>> d = segmentation_claim()
    >>> d.values["segments_example1_1_c0"], d.values["all_properties"], d.values["profit"]
    (4, True, -c + r_low)
    """
    profit, steps = segment_profit()
    values: dict[str, object] = {"profit": profit}
    ok = True
    for name in SEGMENTATION_INSTANCES:
        m = instance(name)
        dists = {i: residual_distribution(m, i) for i in range(m.producers)}
        for (i, cost), seg in sorted(segmentations(m).items()):
            d = dists[i][cost]
            total = sum(d.values())
            averages = all(sum((w * x.masses[x.points.index(r)] for x, w in zip(seg.segments, seg.weights)
                                if r in x.points), Fraction(0)) == d[r] / total for r in d)
            real = [x for x in seg.segments if x.points != (cost,)]
            pstar_in = all(seg.price in x.points for x in real)
            uniform = all(_profit(x, p, cost) == x.lowest - cost for x in real for p in x.points)
            lowest_optimal = all(_profit(x, x.lowest, cost) >= _profit(x, p, cost) for x in real for p in x.points)
            preserved = sum((w * _profit(x, seg.price, cost) for x, w in zip(seg.segments, seg.weights)), Fraction(0)) \
                == _profit(Segment(tuple(sorted(d)), tuple(d[r] / total for r in sorted(d))), seg.price, cost)
            ok &= averages and pstar_in and uniform and lowest_optimal and preserved
            tag = f"{name}_{i + 1}_c{cost}"
            values[f"segments_{tag}"] = sp.Integer(len(seg.segments))
            for t, w in enumerate(seg.weights, 1):
                values[f"weight_{tag}_{t}"] = rational(w)
            steps.append(Step(f"{tag}: weights", tuple(rational(w) for w in seg.weights)))
    values["all_properties"] = sp.true if ok else sp.false
    return Derivation(values=values, steps=tuple(steps), labels={"profit": r"(p - c)\,x([p, \bar v])"}, remarks=(
        "Appendix A1 prints (p_i - c_i) x([p_i, vbar]) = min supp x; at p_i = min supp x the left side is "
        "min supp x - c_i, so the print holds only for c_i = 0.  The derived profit is r_low - c.",
        "Mass at the cost itself (ties, where the profit is zero at every price) forms a segment of its own, "
        "priced at cost; p* belongs to every other segment.",
    ))

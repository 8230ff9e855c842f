r"""Exact verification of an information structure and strategy profile from the demand rule.

For every producer and every signal it sees (public signal, private alert, own cost), the
payoff of every price is computed directly: over every profile in the signal, against every
rival's strategy (pure prices and the runner-ups' mixing distributions, independent), with
ties split uniformly.  Prices that matter are checked: every threshold where some comparison
of the consumer switches, the open intervals between them (where the payoff is
:math:`(p - c)Q` with constant Q, so its supremum is the limit just below the next threshold),
and the intervals where a rival mixes, where the payoff is a rational function of p: its excess
over the equilibrium payoff is a polynomial whose real roots are isolated exactly (sympy's
``Poly.intervals``) and whose sign is read between them.  Welfare (PS_i, CS, TS) is summed
from the same purchase probabilities.  Nothing here uses the appendix's argument.

The witnesses also build the Theorem 1 structure from the numeric side's own ingredients:
residuals as highest selling prices, binding rivals read from the demand rule, and the
segmentation of :mod:`numeric.segmentation`.

Paper: bbm, section II.A (Theorem 1) and appendix A1.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import sympy as sp

from numeric.estimate import Witness
from numeric.market import choice, highest_selling_price, lower_bound_by_search, residual_masses
from numeric.segmentation import segment
from symbolic.models.market import (
    FiniteMarket,
    InformationStructure,
    ProfileFacts,
    RunnerUpMixing,
    assemble,
    instance,
)

__all__ = [
    "Deviation",
    "Verification",
    "sale_probability",
    "verify",
    "build",
    "theorem_one",
    "mixing_claim",
    "example_residual_table",
    "example_conditional",
    "example_prices",
    "example_segmentation",
    "example_welfare",
    "THEOREM_INSTANCES",
    "MIXING_POINTS",
]

F = Fraction


@dataclass(frozen=True, slots=True)
class Deviation:
    """A profitable deviation: who, at which signal, to which price, and both conditional payoffs."""

    producer: int
    signal: Any
    alert: int
    cost: Fraction
    price: Fraction
    payoff: Fraction
    equilibrium_payoff: Fraction

    def __str__(self) -> str:
        sig = "0" if self.signal is None else f"(k={self.signal[0] + 1}, c_k={self.signal[1]}, segment {self.signal[2] + 1})"
        return (f"producer {self.producer + 1} at signal {sig}, alert {self.alert}, cost {self.cost}: price "
                f"{self.price} pays {self.payoff} > {self.equilibrium_payoff} (conditional on the signal)")


@dataclass(frozen=True)
class Verification:
    """What :func:`verify` found: welfare, the deviations and whether it is an equilibrium."""

    surplus: dict[str, Fraction]
    deviations: tuple[Deviation, ...]
    information_sets: int
    prices_checked: int
    equilibrium: bool = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "equilibrium", not self.deviations)


ONE, ZERO = F(1), F(0)


def sale_probability(values: Sequence[Fraction], i: int, price: Fraction, rivals: Sequence[tuple[int, Any, Fraction]]) -> Fraction:
    """Pr(the consumer buys from i at ``price``) against independent rival strategies, ties uniform.

    ``rivals``: (index, strategy, cost) of every other producer.  Each rival offers the
    consumer less than i's surplus s = v_i - p with probability ``lt`` and exactly s with
    probability ``eq``; the number of rivals tying with i has the distribution of a sum of
    independent indicators, and i's share is the expectation of 1/(1 + ties).

    Examples
    --------
    >>> mix = RunnerUpMixing(F(1), F(1), F(1), F(0), F(1))
    >>> sale_probability((F(4), F(4)), 0, F(3), [(1, F(3), F(0))])   # pure tie
    Fraction(1, 2)
    >>> sale_probability((F(4), F(4)), 0, F(3) + F(1, 2), [(1, mix, F(3))])   # rival marks up more than 1/2
    Fraction(2, 3)
    """
    s = values[i] - price
    if s < 0:
        return ZERO
    poly = [ONE]
    for j, strategy, cost in rivals:
        if isinstance(strategy, RunnerUpMixing):
            e = values[j] - cost - s  # the rival offers less than s  <=>  its markup exceeds e
            lt, eq = strategy.survival(e), strategy.atom(e)
        else:
            u = values[j] - strategy
            if u < s:
                continue
            if u > s:
                return ZERO
            lt, eq = ZERO, ONE
        if eq == 0:
            if lt == 0:
                return ZERO
            poly = [a * lt for a in poly]
        elif lt == 0:
            poly = [ZERO] + ([a * eq for a in poly] if eq != 1 else poly)
        else:
            poly = [a * lt + (poly[t - 1] * eq if t > 0 else 0) for t, a in enumerate(poly + [ZERO])]
    if len(poly) == 1:
        return poly[0]
    return sum((a / (t + 1) for t, a in enumerate(poly)), ZERO)


def _rivals(structure: InformationStructure, cell, i: int) -> list[tuple[int, Any, Fraction]]:  # noqa: ANN001
    c = structure.market.costs[cell.profile]
    return [(j, structure.strategies[(cell.signal, j, cell.alerts[j], c[j])], c[j])
            for j in range(structure.market.producers) if j != i]


def _survival_poly(m: RunnerUpMixing, shift: Fraction, e_mid: Fraction, p: sp.Symbol) -> tuple[sp.Poly, sp.Poly]:
    """Numerator and denominator polynomials in p of the survival of ``m`` at markup p + shift,
    on a piece where its branch is that of the markup ``e_mid``."""
    value = m.survival(e_mid)
    if value in (0, 1):
        return sp.Poly(int(value), p, domain="QQ"), sp.Poly(1, p, domain="QQ")
    q = lambda x: sp.Rational(x.numerator, x.denominator)  # noqa: E731
    # (A/(B + e) - C)/D = (A - C (B + e)) / (D (B + e)),  e = p + shift
    base = m.offset + shift
    num = sp.Poly([-q(m.subtract), q(m.numerator - m.subtract * base)], p, domain="QQ")
    den = sp.Poly([q(m.scale), q(m.scale * base)], p, domain="QQ")
    return num, den


def _piece_excess(structure, cells, i, cost, lo, hi, target, pure_sales) -> Fraction | None:  # noqa: ANN001
    """A price in (lo, hi) whose payoff exceeds ``target``, or None, where a rival mixes.

    ``cells`` are (weight, representative cell) for the cells with a randomising rival; the
    others sell ``pure_sales`` (constant on the open interval)."""
    p = sp.Symbol("p")
    mid = (lo + hi) / 2
    q = lambda x: sp.Rational(x.numerator, x.denominator)  # noqa: E731
    one = sp.Poly(1, p, domain="QQ")
    margin = sp.Poly([1, -q(cost)], p, domain="QQ")
    groups: dict[tuple, list] = {}  # denominator -> summed numerator
    for weight, cell in cells:
        v = structure.market.values[cell.profile]
        if v[i] < mid:
            continue
        num, den = sp.Poly(q(weight), p, domain="QQ") * margin, one
        for j, strategy, cj in _rivals(structure, cell, i):
            if isinstance(strategy, RunnerUpMixing):
                shift = v[j] - cj - v[i]
                n_j, d_j = _survival_poly(strategy, shift, shift + mid, p)
                num, den = num * n_j, den * d_j
            elif not v[j] - strategy < v[i] - mid:
                num = sp.Poly(0, p, domain="QQ")
        key = tuple(den.all_coeffs())
        if key in groups:
            groups[key][1] = groups[key][1] + num
        else:
            groups[key] = [den, num]
    denominator = one
    for den, _ in groups.values():
        denominator = denominator.lcm(den)
    numerator = margin * sp.Poly(q(pure_sales), p, domain="QQ") * denominator - sp.Poly(q(target), p, domain="QQ") * denominator
    for den, part in groups.values():
        numerator = numerator + part * denominator.exquo(den)
    num = numerator
    den_sign = sp.sign(denominator.eval(q(mid)))
    if num.is_zero:
        return None
    roots = sorted({x for pair, _ in num.intervals(inf=q(lo), sup=q(hi)) for x in pair})
    grid = sorted({lo + (hi - lo) * F(k, 7) for k in range(1, 7)}
                  | {F(int(r.p), int(r.q)) for r in roots if q(lo) < r < q(hi)})
    samples = [(a + b) / 2 for a, b in zip([lo] + grid, grid + [hi])] + grid
    for x in samples:
        if lo < x < hi and num.eval(q(x)) * den_sign > 0:
            return x
    return None


def _merge(spans: set[tuple[Fraction, Fraction]]) -> tuple[list[Fraction], list[Fraction]]:
    """Closed intervals merged into disjoint ones: (starts, ends), sorted."""
    starts: list[Fraction] = []
    ends: list[Fraction] = []
    for a, z in sorted(spans):
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], z)
        else:
            starts.append(a)
            ends.append(z)
    return starts, ends


def _covered(spans: tuple[list[Fraction], list[Fraction]], lo: Fraction, hi: Fraction) -> bool:
    """Whether [lo, hi] lies inside one of the merged intervals (a rival mixes there)."""
    starts, ends = spans
    k = bisect_right(starts, lo) - 1
    return k >= 0 and hi <= ends[k]


def verify(structure: InformationStructure) -> Verification:
    """Check every producer's every deviation exactly and compute PS_i, CS and TS.

    Raises
    ------
    NotImplementedError
        When a mixing producer could sell with positive probability (the welfare sums here
        assume the randomising runner-ups never sell, as in the constructions of appendix A1).
    """
    market = structure.market
    n = market.producers
    sets: dict[tuple, list] = {}
    for cell in structure.cells:
        c = market.costs[cell.profile]
        for i in range(n):
            sets.setdefault((cell.signal, i, cell.alerts[i], c[i]), []).append(cell)
    deviations, checked = [], 0
    for (signal, i, alert, cost), cells in sets.items():
        own = structure.strategies[(signal, i, alert, cost)]
        mass = sum((cell.weight for cell in cells), F(0))

        # cells where every rival prices purely: i sells for sure below a threshold T, with the
        # tie share at T, and never above; cells with a randomising rival are priced in full
        pure_t: list[Fraction] = []
        pure_w: list[Fraction] = []
        at_threshold: dict[Fraction, Fraction] = {}
        mixed_groups: dict[tuple, list] = {}
        breaks, mixing_spans = {cost}, set()
        for cell in cells:
            v = market.values[cell.profile]
            rivals = _rivals(structure, cell, i)
            breaks.add(v[i])
            if any(isinstance(strategy, RunnerUpMixing) for _, strategy, _ in rivals):
                # i's sales depend on the pure rivals only through the price T above which one of them
                # (or the outside option) beats i and the number tying at T: group cells that agree
                offers = [v[j] - strategy for j, strategy, _ in rivals if not isinstance(strategy, RunnerUpMixing)]
                top = max([F(0)] + offers)
                mixes = tuple(sorted(((v[i] - v[j] + cj, strategy) for j, strategy, cj in rivals
                                      if isinstance(strategy, RunnerUpMixing)), key=lambda x: (x[0], hash(x[1]))))
                key = (v[i] - top, offers.count(top), mixes)
                if key in mixed_groups:
                    mixed_groups[key][0] += cell.weight
                else:
                    mixed_groups[key] = [cell.weight, cell, rivals]
                for start, strategy in mixes:
                    breaks |= {start + e for e in (F(0), strategy.width, *strategy.kinks())}
                    mixing_spans.add((start, start + strategy.width))
                breaks.add(v[i] - top)
                continue
            offers = [v[j] - strategy for j, strategy, _ in rivals]
            top = max([F(0)] + offers)
            threshold = v[i] - top
            breaks.add(threshold)
            pure_t.append(threshold)
            pure_w.append(cell.weight)
            at_threshold[threshold] = at_threshold.get(threshold, F(0)) + cell.weight / (1 + offers.count(top))
        mixed = [(w, cell, rivals) for w, cell, rivals in mixed_groups.values()]
        order = sorted(range(len(pure_t)), key=pure_t.__getitem__)
        sorted_t = [pure_t[k] for k in order]
        above = [F(0)] * (len(order) + 1)  # above[k]: weight of thresholds sorted_t[k:]
        for k in range(len(order) - 1, -1, -1):
            above[k] = above[k + 1] + pure_w[order[k]]

        def pure_sales(price: Fraction) -> Fraction:
            return above[bisect_right(sorted_t, price)] + at_threshold.get(price, F(0))

        def payoff(price: Fraction) -> Fraction:
            total = pure_sales(price) * (price - cost)
            for weight, cell, rivals in mixed:
                total += weight * (price - cost) * sale_probability(market.values[cell.profile], i, price, rivals)
            return total

        points = sorted(b for b in breaks if b >= cost)
        spans = _merge(mixing_spans)
        equilibrium = payoff(own) if not isinstance(own, RunnerUpMixing) else F(0)
        mixed_weight = sum((w for w, _, _ in mixed), F(0))

        def cannot_beat(price: Fraction, sales: Fraction) -> bool:
            """A sound bound: every cell with a randomising rival sells with probability at most 1."""
            return (price - cost) * (sales + mixed_weight) <= equilibrium

        best: tuple[Fraction, Fraction] | None = None
        for b in points:
            checked += 1
            if cannot_beat(b, pure_sales(b)):
                continue
            value = payoff(b)
            if value > equilibrium and (best is None or value > best[1]):
                best = (b, value)
        for lo, hi in zip(points, points[1:]):
            checked += 1
            mid = (lo + hi) / 2
            if cannot_beat(hi, above[bisect_right(sorted_t, mid)]):
                continue  # the supremum over (lo, hi) is at most the bound at hi
            if _covered(spans, lo, hi):
                found = _piece_excess(structure, [(w, c) for w, c, _ in mixed], i, cost, lo, hi, equilibrium,
                                      above[bisect_right(sorted_t, mid)])
                if found is not None:
                    value = payoff(found)
                    if best is None or value > best[1]:
                        best = (found, value)
                continue
            # (p - c) Q on the open interval: the supremum is the limit just below hi
            sales = payoff(mid) / (mid - cost)
            if (hi - cost) * sales > equilibrium:
                # (p - c) Q exceeds the equilibrium payoff on (c + E/Q, hi): report the middle of that span
                start = max(lo, cost + equilibrium / sales)
                price = (start + hi) / 2
                value_at = payoff(price)
                if best is None or value_at > best[1]:
                    best = (price, value_at)
        if best is not None:
            deviations.append(Deviation(i, signal, alert, cost, best[0], best[1] / mass, equilibrium / mass))
    surplus = {f"PS_{i + 1}": F(0) for i in range(n)} | {"CS": F(0), "TS": F(0)}
    for cell in structure.cells:
        v, c = market.values[cell.profile], market.costs[cell.profile]
        sold = F(0)
        mixers = []
        for i in range(n):
            strategy = structure.strategies[(cell.signal, i, cell.alerts[i], c[i])]
            if isinstance(strategy, RunnerUpMixing):
                mixers.append(i)
                continue
            q = sale_probability(v, i, strategy, _rivals(structure, cell, i))
            sold += q
            surplus[f"PS_{i + 1}"] += cell.weight * q * (strategy - c[i])
            surplus["CS"] += cell.weight * q * (v[i] - strategy)
            surplus["TS"] += cell.weight * q * (v[i] - c[i])
        if mixers and sold != 1:
            raise NotImplementedError(f"in profile {cell.profile} a randomising producer may sell (pure sales {sold})")
    return Verification(surplus, tuple(deviations), len(sets), checked)


def _facts(market: FiniteMarket) -> list[ProfileFacts]:
    """Efficient producers, residuals and binding rivals, read from the demand rule."""
    out = []
    for v, c, _ in market.profiles():
        efficient = tuple(i for i in range(market.producers) if choice(c, v)[i] > 0)
        residual, binding, outside = {}, {}, {}
        for k in efficient:
            r = highest_selling_price(v, c, k)
            prices = tuple(r if j == k else c[j] for j in range(market.producers))
            q = choice(prices, v)
            residual[k] = r
            binding[k] = tuple(j for j in range(market.producers) if j != k and q[j] > 0)
            outside[k] = v[k] - r == 0
        out.append(ProfileFacts(efficient, residual, binding, outside))
    return out


def build(market: FiniteMarket, mixing: str = "derived") -> InformationStructure:
    """The Theorem 1 structure from the numeric side's own residuals and segmentations."""
    segs = {}
    for i in range(market.producers):
        for cost, d in residual_masses(market, i).items():
            segs[(i, cost)] = segment(d, cost, i)
    return assemble(market, _facts(market), segs, mixing)


THEOREM_INSTANCES: tuple[str, ...] = ("example1", "three", "weak_rival", "runner_up")


def theorem_one(dps: int = 50) -> Witness:
    """Build, verify and sum welfare on every instance, with the printed and the derived mixing.

    Paper: bbm, Theorem 1 and appendix A1.
    """
    values: dict[str, object] = {}
    checks: dict[str, bool] = {}
    for name in THEOREM_INSTANCES:
        m = instance(name)
        result = verify(build(m, "derived"))
        printed = verify(build(m, "printed"))
        tsbar = sum((p * max([F(0)] + [a - b for a, b in zip(v, c)]) for v, c, p in m.profiles()), F(0))
        for i in range(m.producers):
            values[f"PS_{i + 1}_{name}"] = result.surplus[f"PS_{i + 1}"]
            checks[f"{name}: PS_{i + 1} equals the lower bound found by price search"] = \
                result.surplus[f"PS_{i + 1}"] == lower_bound_by_search(m, i)[0]
        values[f"TS_{name}"] = result.surplus["TS"]
        values[f"CS_{name}"] = result.surplus["CS"]
        values[f"equilibrium_{name}"] = result.equilibrium
        values[f"printed_equilibrium_{name}"] = printed.equilibrium
        if printed.deviations:
            d = printed.deviations[0]
            checks[f"{name}, printed randomisation: {d}"] = d.payoff > d.equilibrium_payoff
        checks[f"{name}: TS equals the best allocation's surplus"] = result.surplus["TS"] == tsbar
        checks[f"{name}: PS + CS = TS"] = sum(result.surplus[f"PS_{i + 1}"] for i in range(m.producers)) \
            + result.surplus["CS"] == result.surplus["TS"]
    return Witness(values=values, method="every deviation priced from the demand rule, exactly", checks=checks)


# ---------------------------------------------------------------------------------------------
# the runner-up's randomisation, by root finding on the indifference conditions

MIXING_POINTS: tuple[dict[str, Fraction], ...] = (
    {"r_low": F(1), "c_k": F(0), "c_j": F(1), "eps": F(1, 3), "M": F(1, 3), "a": F(2, 3), "r_hat": F(3), "v_1": F(4), "p": F(4, 3), "L": F(1)},
    {"r_low": F(3), "c_k": F(1), "c_j": F(0), "eps": F(1, 4), "M": F(1, 2), "a": F(1, 2), "r_hat": F(5), "v_1": F(4), "p": F(7, 2), "L": F(2)},
    {"r_low": F(5, 2), "c_k": F(1, 2), "c_j": F(2), "eps": F(2, 7), "M": F(1, 5), "a": F(1, 3), "r_hat": F(7, 2), "v_1": F(3), "p": F(3), "L": F(3)},
)
"""Exact points at which the mixing formulas are witnessed (each with r_low > c_k)."""


def _root(function, start):  # noqa: ANN001, ANN202
    import mpmath

    return mpmath.findroot(function, start)


def _paper_cdf(r: Any, ck: Any, e: Any) -> Any:
    """F solving (r + e - c_k)(1 - F) = r - c_k by root finding."""
    return _root(lambda f: (r + e - ck) * (1 - f) - (r - ck), 0.5)


def mixing_claim(dps: int = 50) -> Witness:
    """The mixing CDFs and the efficient producer's gain, by root finding and direct sums.

    Paper: bbm, appendix A1.
    """
    from numeric.estimate import Samples, to_mpf, two_precision

    def samples(compute) -> Samples:  # noqa: ANN001
        return Samples(MIXING_POINTS, tuple(two_precision(lambda pt=pt: compute({k: to_mpf(x) for k, x in pt.items()}),
                                                          dps, "findroot") for pt in MIXING_POINTS))

    def payoff(pt):  # noqa: ANN001, ANN202
        survival = 1 - _paper_cdf(pt["r_low"], pt["c_k"], pt["p"] - pt["r_low"])
        return (pt["p"] - pt["c_k"]) * survival ** int(pt["L"])

    def gain(pt):  # noqa: ANN001, ANN202
        # mass M at r_hat buys for sure, mass 1 - M at r_low buys if the alerted rival marks up more than eps
        survival = 1 - _paper_cdf(pt["r_low"], pt["c_k"], pt["eps"])
        return (pt["r_low"] + pt["eps"] - pt["c_k"]) * (pt["M"] + (1 - pt["M"]) * survival) - (pt["r_low"] - pt["c_k"])

    def segment_cdf(pt):  # noqa: ANN001, ANN202
        return _root(lambda f: (pt["r_low"] + pt["eps"] - pt["c_k"]) * (pt["M"] + pt["a"] * (1 - f))
                     - (pt["r_low"] - pt["c_k"]), 0.5)

    def top(pt):  # noqa: ANN001, ANN202
        upper = (pt["r_low"] - pt["c_k"]) / (pt["r_hat"] - pt["c_k"])  # the uniform segment's mass above r_low
        return _root(lambda e: (pt["r_low"] - pt["c_k"]) / (pt["r_low"] - pt["c_k"] + e) - upper,
                     (pt["r_hat"] - pt["r_low"]) / 3)

    return Witness(values={
        "F_paper_condition": samples(lambda pt: _paper_cdf(pt["r_low"], pt["c_k"], pt["eps"])),
        "F_at_cost": two_precision(lambda: _paper_cdf(to_mpf(F(2)), to_mpf(F(1, 2)), 0), dps, "findroot"),
        "payoff_paper": samples(payoff),
        "gain_paper_mixing": samples(gain),
        "F_segment_condition": samples(segment_cdf),
        "top_segment_condition": samples(top),
    }, method="findroot on the indifference conditions; payoffs summed over the segment's consumers")


# ---------------------------------------------------------------------------------------------
# Example 1

_ORDER = ((1, 1), (1, 0), (4, 1), (4, 0))


def example_residual_table(dps: int = 50) -> Witness:
    """Each cell as the highest price at which producer 1 sells against a rival at cost.

    Paper: bbm, Example 1.
    """
    values = {}
    for vi, ci in _ORDER:
        for vj, cj in _ORDER:
            values[f"r[({vi},{ci}),({vj},{cj})]"] = highest_selling_price((F(vi), F(vj)), (F(ci), F(cj)), 0)
    return Witness(values=values, method="highest selling price, scanned with the demand rule")


def _unique(market: FiniteMarket) -> dict[Fraction, dict[Fraction, Fraction]]:
    out: dict[Fraction, dict[Fraction, Fraction]] = {}
    for v, c, prob in market.profiles():
        if choice(c, v)[0] == 1:
            d = out.setdefault(c[0], {})
            r = highest_selling_price(v, c, 0)
            d[r] = d.get(r, F(0)) + prob
    return out


def example_conditional(dps: int = 50) -> Witness:
    """Pr(c_1 | 1 uniquely efficient) and r_1's distribution, counted profile by profile.

    Paper: bbm, Example 1.
    """
    m = instance("example1")
    d = _unique(m)
    total = sum(sum(x.values()) for x in d.values())
    values: dict[str, object] = {}
    for cost in (F(1), F(0)):
        mass = sum(d[cost].values())
        values[f"prob_c{cost}"] = mass / total
        for r in (F(1), F(3), F(4)):
            values[f"nu_c{cost}_r{r}"] = d[cost].get(r, F(0)) / mass
    for cost, dist in residual_masses(m, 0).items():
        mass = sum(dist.values())
        for r, x in dist.items():
            values[f"appendix_nu_c{cost}_r{r}"] = x / mass
    return Witness(values=values, method="profiles counted with the demand rule")


def example_prices(dps: int = 50) -> Witness:
    """The best uniform price by cost (price scan) and the sale probability there.

    Paper: bbm, Example 1.
    """
    m = instance("example1")
    _, prices = lower_bound_by_search(m, 0)
    d = _unique(m)
    values = {}
    for cost in (F(1), F(0)):
        values[f"pstar_c{cost}"] = prices[cost]
        values[f"sale_probability_c{cost}"] = sum(x for r, x in d[cost].items() if r >= prices[cost]) / sum(d[cost].values())
    return Witness(values=values, method="price scan")


def example_segmentation(dps: int = 50) -> Witness:
    """The segmentation for c_1 = 0 by repeated linear solves.

    Paper: bbm, Example 1.
    """
    d = _unique(instance("example1"))[F(0)]
    seg = segment(d, F(0), 0)
    values: dict[str, object] = {}
    for t, (x, w) in enumerate(zip(seg.segments, seg.weights), 1):
        values[f"weight_{t}"] = w
        values[f"price_{t}"] = x.points[0]
        for r in (F(1), F(3), F(4)):
            values[f"x{t}_r{r}"] = x.masses[x.points.index(r)] if r in x.points else F(0)
    total = sum(d.values())
    for r in (F(1), F(3), F(4)):
        values[f"total_r{r}"] = d[r] / total
    return Witness(values=values, method="linear solves of the indifference equations")


def example_welfare(dps: int = 50) -> Witness:
    """Welfare of the verified construction (built from the numeric side's own ingredients).

    Paper: bbm, Example 1.
    """
    m = instance("example1")
    result = verify(build(m))
    tsbar = sum((p * max([F(0)] + [a - b for a, b in zip(v, c)]) for v, c, p in m.profiles()), F(0))
    return Witness(values={"TSbar": tsbar, "PS_1": result.surplus["PS_1"], "PS_2": result.surplus["PS_2"],
                           "CS_max": result.surplus["CS"]},
                   method="the construction verified and its welfare summed from the demand rule",
                   checks={"the construction is an equilibrium": result.equilibrium,
                           "TS of the construction is TSbar": result.surplus["TS"] == tsbar})

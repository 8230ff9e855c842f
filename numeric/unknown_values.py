"""Independent witnesses for unknown values: garbled priors checked by enumeration, Theorem 1's
construction verified on the garbled prior, and Example 3 by searching a price grid.

Paper: bbm, section III.A-C, appendix A2.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath
import numpy as np
from scipy.optimize import linprog

from numeric.alignment import build, verify
from numeric.estimate import Samples, Witness, to_mpf, two_precision, two_precision_map
from numeric.linear_program import SparseRows, trapezoid_weights
from numeric.market import best_allocation, lower_bound_by_search
from symbolic.models.garbling import ValueGarbling, ValuePrior, garbling_instance

__all__ = ["interim_alignment", "homogeneous_alignment", "monopoly_without_common_knowledge",
           "efficient_surplus_two_goods", "garbling_holds", "duopoly_lp", "homogeneous_duopoly"]

F = Fraction


def garbling_holds(g: ValueGarbling) -> bool:
    """mu is mu' plus mean-zero noise: the kernel reproduces every prior profile's mass, and the
    noise has mean zero given (v', c).  Checked profile by profile, exactly."""
    mu, garbled = g.market, g.garbled()
    index = {(v, c): q for v, c, q in garbled.profiles()}
    rebuilt: dict[tuple, Fraction] = {}
    for pool in g.pools:
        mass = sum((mu.probs[k] for k in pool), F(0))
        v_prime = tuple(sum((mu.probs[k] * mu.values[k][i] for k in pool), F(0)) / mass for i in range(mu.producers))
        c = mu.costs[pool[0]]
        if (v_prime, c) not in index:
            return False
        for k in pool:  # eta(v | v', c) = mu(v, c) / mu'(pool)
            rebuilt[(mu.values[k], c)] = rebuilt.get((mu.values[k], c), F(0)) + mass * (mu.probs[k] / mass)
        noise = [sum((mu.probs[k] * (mu.values[k][i] - v_prime[i]) for k in pool), F(0)) for i in range(mu.producers)]
        if any(n != 0 for n in noise):
            return False
    return all(rebuilt.get((v, c), F(0)) == q for v, c, q in mu.profiles())


def _tsbar(market) -> Fraction:  # noqa: ANN001
    return sum((q * best_allocation(v, c) for v, c, q in market.profiles()), F(0))


def interim_alignment(dps: int = 50) -> Witness:
    """Proposition 2 on Example 1 with v_1 unknown: the construction on mu', verified exactly.

    Paper: bbm, Proposition 2.
    """
    g = garbling_instance("example1_pool_v1")
    garbled = g.garbled()
    check = verify(build(garbled))
    return Witness(
        values={"TSbar_prior": _tsbar(g.market), "TSbar_garbled": check.surplus["TS"], "PS_1": check.surplus["PS_1"],
                "PS_2": check.surplus["PS_2"], "CS": check.surplus["CS"]},
        method="Theorem 1's construction on the garbled prior, every deviation checked exactly",
        checks={"mu' is a value garbling of mu": garbling_holds(g),
                "the construction on mu' is an equilibrium": check.equilibrium,
                "PS_i(mu') equals the lower bound by price search": all(
                    check.surplus[f"PS_{i + 1}"] == lower_bound_by_search(garbled, i)[0] for i in range(2))},
    )


def homogeneous_alignment(dps: int = 50) -> Witness:
    """Theorem 2 on an instance: efficient surplus of prior and garbled prior by enumeration; the
    construction on mu' verified; the chain of A2 checked on every profile.

    Paper: bbm, Theorem 2, appendix A2.
    """
    g = garbling_instance("homogeneous")
    garbled = g.garbled()
    check = verify(build(garbled))
    chain = all(max(v[i] - c[i] for i in range(len(v))) == v[0] - min(c) for v, c, _ in garbled.profiles())
    return Witness(
        values={"TSbar_prior": _tsbar(g.market), "TSbar_garbled": check.surplus["TS"],
                "difference": _tsbar(g.market) - _tsbar(garbled), "CS": check.surplus["CS"], "chain_gap": F(0) if chain else F(1)},
        method="enumeration; the construction on the garbled prior, verified exactly",
        checks={"mu' is a value garbling of mu": garbling_holds(g),
                "common knowledge of gains from trade under mu'": all(max(a - b for a, b in zip(v, c)) >= 0 for v, c, _ in garbled.profiles()),
                "the construction on mu' is an equilibrium": check.equilibrium},
    )


def _monopoly(dist: dict[Fraction, Fraction], cost: Fraction = F(1)) -> tuple[Fraction, Fraction, Fraction]:
    """Best price on the grid k/8 in [0, 6] (lowest among ties), with consumer and total surplus."""
    grid = [F(k, 8) for k in range(49)]
    profit = {p: (p - cost) * sum((q for x, q in dist.items() if x >= p), F(0)) for p in grid}
    top = max(profit.values())
    price = min(p for p in grid if profit[p] == top)
    cs = sum((q * (x - price) for x, q in dist.items() if x >= price), F(0))
    ts = sum((q * (x - cost) for x, q in dist.items() if x >= price), F(0))
    return price, cs, ts


def monopoly_without_common_knowledge(dps: int = 50) -> Witness:
    """Example 3 by searching a price grid for each information structure (epsilon at samples).

    Paper: bbm, Example 3.
    """
    half = F(1, 2)
    full = _monopoly({F(0): half, F(4): half})
    none = _monopoly({F(2): F(1)})
    small = (F(1, 10), F(1, 4), F(1, 2))
    all_eps = (*small, F(3, 5), F(9, 10))

    def eps(e: Fraction) -> tuple[Fraction, Fraction, Fraction]:
        return _monopoly({F(0): e / 2, F(2): 1 - e, F(4): e / 2})

    def at(points: tuple[Fraction, ...], f) -> Samples:  # noqa: ANN001
        return Samples(tuple({"epsilon": e} for e in points), tuple(f(e) for e in points))

    return Witness(
        values={
            "full_price": full[0], "full_CS": full[1], "full_TS": full[2],
            "none_price": none[0], "none_CS": none[1], "none_TS": none[2],
            "eps_price": at(small, lambda e: eps(e)[0]),
            "eps_condition": at(all_eps, lambda e: eps(e)[0] == 2),
            "eps_CS": at(small, lambda e: eps(e)[1]),
            "eps_TS": at(small, lambda e: eps(e)[2]),
            "eps_prob_high": at(small, lambda e: sum((q for x, q in {F(0): e / 2, F(2): 1 - e, F(4): e / 2}.items() if x == 4), F(0))),
            "TS_efficient": half * max(F(0), F(0) - 1) + half * max(F(0), F(4) - 1),
            "eps_efficiency_loss": at(small, lambda e: (half * 3) - eps(e)[2]),
        },
        method="price search on the grid k/8, exact",
    )


def efficient_surplus_two_goods(dps: int = 50) -> Witness:
    """E[max(v1, v2)] by enumeration, and the identity at a grid of value pairs.

    Paper: bbm, section III.C.
    """
    pairs = [(F(a, 4), F(b, 4)) for a in range(-4, 5) for b in range(-4, 5)]
    identity = all(max(a, b) == (a + b) / 2 + abs(a - b) / 2 for a, b in pairs)
    half = F(1, 2)
    return Witness(
        values={"identity_gap": F(0) if identity else F(1),
                "TSbar_full": half * max(F(1), F(0)) + half * max(F(0), F(1)),
                "TSbar_none": max(half, half)},
        method="enumeration",
        checks={"max = mean + half the gap at 81 value pairs": identity},
    )


def duopoly_lp(F: ValuePrior, c2: Fraction, n: int = 400, fine: int = 4) -> float:
    """Example 2 by a linear program: the smallest z = max_{p <= c2} p Pr(v' >= p) over interim
    value distributions H on a grid (survival linear between grid points) that are
    mean-preserving contractions of F.  Accuracy about 1/n**2 where the survival is smooth.

    Paper: bbm, Example 2.

    Examples
    --------
    >>> round(duopoly_lp(ValuePrior.from_cdf("v"), Fraction(1, 2), n=200), 4)
    0.1971
    """
    x = np.arange(n + 1) / n
    h = 1.0 / n
    with mpmath.workdps(15):
        pi_F = np.array([float(mpmath.quad(lambda u: 1 - F.cdf(u), [mpmath.mpf(t), 1])) if t < 1 else 0.0 for t in x])
    mean = pi_F[0]
    rows = SparseRows(n + 2)
    put = rows.add
    z = n + 1
    for j in range(1, n + 1):
        put([(j, 1.0), (j - 1, -1.0)], 0.0)  # survival nonincreasing
        for i in range(1, fine + 1):  # p S(p) <= z for p <= c2
            p = x[j - 1] + h * i / fine
            if p > float(c2) + 1e-12:
                break
            w = (x[j] - p) / h
            put([(j - 1, p * w), (j, p * (1 - w)), (z, -1.0)], 0.0)
    trapezoid = trapezoid_weights(n, h)
    for j in range(n):  # contraction: integral of S from x_j to 1 <= pi_F(x_j)
        put(list(zip(range(j, n + 1), trapezoid_weights(n - j, h))), pi_F[j])
    A = rows.matrix()
    objective = np.zeros(n + 2)
    objective[z] = 1.0
    result = linprog(objective, A_ub=A, b_ub=rows.bounds, A_eq=np.concatenate([trapezoid, [0.0]])[None, :], b_eq=[mean],
                     bounds=[(1, 1)] + [(0, 1)] * n + [(0, None)], method="highs")
    if result.status != 0:
        raise ArithmeticError(f"the Example 2 linear program failed: {result.message}")
    return float(result.fun)


def homogeneous_duopoly(dps: int = 50) -> Witness:
    """Example 2 with F uniform and c2 = 1/2, numerically.

    The interim survival is the largest the pricing bound allows below c2 (p S(p) = z) and,
    above c2, the smaller of z/c2 and 1 - F; its mean (quadrature) equals E[v] at the root z
    (findroot).  A linear program over grid distributions confirms z; the contraction is
    checked by stop-loss comparison.

    Paper: bbm, Example 2.
    """
    F = ValuePrior.from_cdf("v")
    c2 = Fraction(1, 2)

    def survival(z: mpmath.mpf, p: mpmath.mpf) -> mpmath.mpf:
        cc = to_mpf(c2)
        if p < cc:
            return min(mpmath.mpf(1), z / p) if p > 0 else mpmath.mpf(1)
        return min(z / cc, 1 - F.cdf(p))

    def kinks(z: mpmath.mpf) -> list[mpmath.mpf]:
        cc = to_mpf(c2)
        switch = mpmath.findroot(lambda p: 1 - F.cdf(p) - z / cc, (cc, mpmath.mpf(1)), solver="illinois")
        return sorted({mpmath.mpf(0), z, cc, switch, mpmath.mpf(1)})

    def mean() -> mpmath.mpf:
        return mpmath.quad(lambda u: 1 - F.cdf(u), [0, 1])

    def condition(z: mpmath.mpf) -> mpmath.mpf:
        return mpmath.quad(lambda p: survival(z, p), kinks(z)) - mean()

    def z_star() -> mpmath.mpf:
        cc = to_mpf(c2)
        return mpmath.findroot(condition, (mpmath.mpf(10) ** -20, cc * (1 - F.cdf(cc)) * (1 - mpmath.mpf(10) ** -20)),
                               solver="illinois")

    found = two_precision_map(lambda: {"PS_1": z_star(), "TS": mean(), "CS": mean() - z_star()}, dps,
                              "findroot on the quadrature of the interim survival")
    samples = (Fraction(1, 10), Fraction(1, 5))
    with mpmath.workdps(dps):
        z = found["PS_1"].value
        grid = [mpmath.mpf(k) / 100 for k in range(101)]
        tail = lambda t: mpmath.quad(lambda p: survival(z, p), [t] + [k for k in kinks(z) if k > t])  # noqa: E731
        contraction = all(tail(t) <= mpmath.quad(lambda u: 1 - F.cdf(u), [t, 1]) + mpmath.mpf(10) ** -(dps - 8)
                          for t in grid[1:-1])
        pricing = max(p * survival(z, p) for p in grid[1:] if p <= to_mpf(c2)) <= z * (1 + mpmath.mpf(10) ** -(dps - 5))
    lp = duopoly_lp(F, c2, n=200)
    return Witness(
        values={**found, "PS_2": Fraction(0),
                "mean_condition": Samples(tuple({"z": q} for q in samples),
                                          tuple(two_precision(lambda q=q: condition(to_mpf(q)), dps, "quadrature") for q in samples))},
        method="quadrature + findroot; linear program over grid distributions",
        checks={"the interim distribution is a mean-preserving contraction of F (101 points)": contraction,
                "no price p <= c2 earns more than z": pricing,
                "the linear program (201-point grid) agrees on z within 1e-4": abs(lp - float(z)) < 1e-4},
    )

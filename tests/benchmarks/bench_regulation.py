"""Benchmarks for the regulation toolkit (yz): run as a script, prints its figures.

    python tests/benchmarks/bench_regulation.py

1. Ironing a discrete type distribution with 10^6 atoms: the greatest convex minorant of the
   integrated virtual cost in quantile space, as scipy's pool-adjacent-violators (linear time),
   checked against the exact min-max formula on a 300-atom sample.  Target: under 1 s.
2. The Bayes-Nash equilibrium check of section 5.1 (Lemma 5) on a fine grid.  Target: under 30 s.
3. The exact (sympy) ironing of a 60-atom distribution.
"""

from __future__ import annotations

import time
from fractions import Fraction

import numpy as np

from numeric.ironing import minmax_ironing, pava_ironing
from numeric.pryce_cap import section51_bne


def bench_ironing(n: int = 10**6, seed: int = 1) -> None:
    rng = np.random.default_rng(seed)
    points = np.sort(rng.uniform(0.0, 1.0, n))
    probs = rng.uniform(0.1, 1.0, n)
    probs /= probs.sum()
    G = np.cumsum(probs)
    share = rng.uniform(0.0, 1.0)  # Lambda = share * G on each gap: weights below G, not equal to it
    gaps = np.concatenate([[0.0], np.diff(points)])
    gap_mass = gaps * np.concatenate([[0.0], G[:-1]]) * (1 - share) * rng.uniform(0.5, 1.5, n)  # non-monotone psi
    start = time.perf_counter()
    phi = pava_ironing(points, probs, gap_mass)
    seconds = time.perf_counter() - start
    psi = points + gap_mass / probs
    pooled = np.count_nonzero(np.abs(phi - psi) > 1e-12)
    print(f"ironing {n:,} atoms (PAVA, linear time): {seconds:.3f} s; nondecreasing: {bool(np.all(np.diff(phi) >= -1e-12))}; "
          f"{pooled:,} atoms ironed")
    m = 300
    exact = minmax_ironing(list(probs[:m]), list(psi[:m] * probs[:m]))
    fast = pava_ironing(points[:m], probs[:m], gap_mass[:m])
    print(f"  agreement with the min-max formula on {m} atoms: max |diff| = {np.max(np.abs(np.array(exact) - fast)):.1e}")


def bench_bne() -> None:
    for n_prices, n_rivals, n_t in ((201, 401, 401), (501, 1001, 1001)):
        start = time.perf_counter()
        out = section51_bne(n_prices, n_rivals, n_t)
        seconds = time.perf_counter() - start
        print(f"section 5.1 BNE check, {n_prices} types x {n_prices} announcements, {n_rivals} rival types, "
              f"{n_t}-point layer cake: {seconds:.1f} s; largest gain {out['max_gain']:.2e} "
              f"(tolerance {out['tolerance']:.0e}); load nonincreasing: {bool(out['load_nonincreasing'])}")


def bench_exact_ironing(n: int = 60) -> None:
    from symbolic.ironing import ironed_virtual_cost
    from symbolic.models import Firm

    rng = np.random.default_rng(2)
    points = sorted({Fraction(int(k), 4 * n) for k in rng.choice(4 * n, n, replace=False)} | {Fraction(1)})
    weights = [Fraction(int(w)) for w in rng.integers(1, 10, len(points))]
    total = sum(weights)
    atoms = {str(p): str(w / total) for p, w in zip(points, weights)}
    firm = Firm(atoms, (points[0], 1), "0")
    start = time.perf_counter()
    iron = ironed_virtual_cost(firm)
    print(f"exact ironing of {len(points)} atoms (sympy, quantile-space hull): {time.perf_counter() - start:.2f} s; "
          f"{len(iron.intervals)} ironing intervals")


if __name__ == "__main__":
    bench_ironing()
    bench_bne()
    bench_exact_ironing()

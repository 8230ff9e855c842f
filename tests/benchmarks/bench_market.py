"""Benchmarks for finite markets (not run by pytest): construction plus exact verification against
the number of profiles, and the segmentation against its support size.  Prints its figures.

    python tests/benchmarks/bench_market.py [--quick]

Targets (issue 3, on a 2-core machine): N = 3 with 1,000 profiles constructed and verified
exactly in under 10 s; a 1,000-point segmentation in under 2 s.
"""

from __future__ import annotations

import random
import sys
import time
from fractions import Fraction

from numeric.alignment import verify
from symbolic.alignment import construction
from symbolic.models.market import FiniteMarket
from symbolic.segmentation import uniform_segmentation

F = Fraction


def random_market(producers: int, profiles: int, seed: int = 0) -> FiniteMarket:
    """Distinct profiles: values on a grid of step 1/4 in [0, 10], costs in {0, 1/2, 1, 3/2}."""
    rng = random.Random(seed)
    rows: dict[tuple, int] = {}
    while len(rows) < profiles:
        v = tuple(F(rng.randint(0, 40), 4) for _ in range(producers))
        c = tuple(F(rng.randint(0, 3), 2) for _ in range(producers))
        rows[(v, c)] = rng.randint(1, 9)
    total = sum(rows.values())
    return FiniteMarket.from_profiles([(v, c, F(w, total)) for (v, c), w in rows.items()])


def bench_theorem(producers: int, profiles: int) -> tuple[float, float, bool]:
    market = random_market(producers, profiles)
    start = time.perf_counter()
    structure = construction(market)
    built = time.perf_counter() - start
    result = verify(structure)
    verified = time.perf_counter() - start - built
    return built, verified, result.equilibrium


def bench_segmentation(points: int) -> float:
    rng = random.Random(points)
    support = sorted(rng.sample(range(1, 100 * points), points))
    dist = {F(s, 7): F(rng.randint(1, 9)) for s in support}
    start = time.perf_counter()
    seg = uniform_segmentation(dist, F(0))
    elapsed = time.perf_counter() - start
    assert abs(sum(seg.weights) - 1) == 0
    return elapsed


def main() -> None:
    quick = "--quick" in sys.argv
    sizes = (100, 1000) if quick else (100, 1000, 3000, 10000)
    print("construction + exact verification (seconds)")
    print(f"{'N':>3} {'profiles':>9} {'construct':>10} {'verify':>10} {'total':>10}  equilibrium")
    for n in (2, 3, 4):
        for size in sizes:
            built, verified, ok = bench_theorem(n, size)
            print(f"{n:>3} {size:>9} {built:>10.2f} {verified:>10.2f} {built + verified:>10.2f}  {ok}")
    print("\nuniform segmentation (seconds)")
    for points in (10, 100, 300, 1000):
        print(f"{points:>6} points  {bench_segmentation(points):8.3f}")


if __name__ == "__main__":
    main()

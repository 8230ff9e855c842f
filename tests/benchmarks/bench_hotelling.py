"""Benchmark of the general Hotelling solver (not run by pytest; prints figures).

Targets (issue 4): a continuous F at 50 digits and a discrete F with 10,000 atoms, each
under 5 s on the 2-core machine.  Run: ``python tests/benchmarks/bench_hotelling.py``.
"""

from __future__ import annotations

import time
from fractions import Fraction

import mpmath

from numeric.hotelling import _grid_search, armstrong_zhou, optimal_information
from symbolic.models import SymmetricResidual


def _time(label: str, run) -> None:  # noqa: ANN001
    start = time.perf_counter()
    result = run()
    print(f"{label:58s} {time.perf_counter() - start:7.2f} s   {result}")


def main() -> None:
    uniform = SymmetricResidual.from_cdf("(r+1)/2")
    triangular = SymmetricResidual.from_cdf("Piecewise(((1+r)**2/2, r<0), (1-(1-r)**2/2, True))")
    n = 5000  # 10,000 atoms: +-k/n with weights proportional to n + 1 - k (a discrete triangle)
    total = 2 * sum(n + 1 - k for k in range(1, n + 1))
    atoms = {Fraction(s * k, n): Fraction(n + 1 - k, total) for k in range(1, n + 1) for s in (-1, 1)}
    discrete = SymmetricResidual.from_atoms(atoms)
    print(f"discrete prior: {len(discrete.atoms)} atoms")
    for label, F in (("uniform on [-1, 1]", uniform), ("triangular on [-1, 1]", triangular), ("10,000 atoms", discrete)):
        _grid_search.cache_clear()
        with mpmath.workdps(55):
            _time(f"solver, {label}, 50 digits", lambda F=F: mpmath.nstr(optimal_information(F, dps=50).b, 15))
    _time("Armstrong-Zhou LP, uniform, 201-point grid", lambda: round(armstrong_zhou(uniform, n=200).price, 5))


if __name__ == "__main__":
    main()

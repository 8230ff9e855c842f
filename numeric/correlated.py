r"""Proposition 1 checked by linear programming over Bayes correlated equilibria on a price grid.

A Bayes correlated equilibrium on a finite grid G is a joint distribution
:math:`\pi(k, p)` over profiles k and price profiles :math:`p \in G^N` (each :math:`p_j \ge c_j`)
with marginal :math:`\mu` on profiles, such that no producer, knowing its cost and its
recommended price t, gains by switching to another grid price :math:`t' \ge c_j`.  Every
equilibrium of every information structure on the grid induces one.  The minimum of producer
i's surplus over this polytope is computed with scipy's HiGHS.  Two exact certificates bracket
it: the grid lower bound (equation (1) with prices restricted to G, ties split) is below every
BCE payoff by the argument of Proposition 1, and a pure equilibrium of the construction whose
prices lie on G is a feasible point, checked against every obedience constraint in exact
arithmetic.

Paper: bbm, section II.A, Proposition 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from itertools import product

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

from numeric.estimate import Witness
from numeric.market import choice, lower_bound_by_search
from symbolic.models.market import FiniteMarket, InformationStructure, RunnerUpMixing, instance

__all__ = ["grid_lower_bound", "minimum_surplus", "obedient", "distribution_of", "proposition_one", "PROPOSITION_INSTANCES"]

F = Fraction


def grid_lower_bound(market: FiniteMarket, i: int, grid: Sequence[Fraction]) -> Fraction:
    """Equation (1) with producer i's prices restricted to ``grid`` (rivals at cost, ties split)."""
    total = F(0)
    for cost in sorted({c[i] for c in market.costs}):
        best = F(0)
        for t in grid:
            if t < cost:
                continue
            value = sum((prob * (t - cost) * choice(tuple(t if j == i else c[j] for j in range(len(c))), v)[i]
                         for v, c, prob in market.profiles() if c[i] == cost), F(0))
            best = max(best, value)
        total += best
    return total


def _profiles_prices(market: FiniteMarket, grid: Sequence[Fraction]) -> list[tuple[int, tuple[Fraction, ...]]]:
    out = []
    for k, c in enumerate(market.costs):
        options = [[t for t in grid if t >= cj] for cj in c]
        out += [(k, p) for p in product(*options)]
    return out


def minimum_surplus(market: FiniteMarket, i: int, grid: Sequence[Fraction]) -> float:
    """min PS_i over Bayes correlated equilibria on ``grid`` (HiGHS, double precision)."""
    n = market.producers
    columns = _profiles_prices(market, grid)
    index = {col: x for x, col in enumerate(columns)}
    rows, cols, data = [], [], []
    row = 0
    for j in range(n):
        for cost in sorted({c[j] for c in market.costs}):
            for t in grid:
                for t2 in grid:
                    if t2 == t or t < cost or t2 < cost:
                        continue
                    entries = []
                    for (k, p), x in index.items():
                        c, v = market.costs[k], market.values[k]
                        if c[j] != cost or p[j] != t:
                            continue
                        dev = tuple(t2 if m == j else p[m] for m in range(n))
                        gain = (t2 - cost) * choice(dev, v)[j] - (t - cost) * choice(p, v)[j]
                        if gain != 0:
                            entries.append((x, float(gain)))
                    if entries:
                        for x, g in entries:
                            rows.append(row)
                            cols.append(x)
                            data.append(g)
                        row += 1
    a_ub = coo_matrix((data, (rows, cols)), shape=(max(row, 1), len(columns))).tocsr()
    b_ub = np.zeros(max(row, 1))
    eq_rows = [k for k, _ in columns]
    a_eq = coo_matrix((np.ones(len(columns)), (eq_rows, range(len(columns)))), shape=(len(market), len(columns))).tocsr()
    b_eq = np.array([float(p) for p in market.probs])
    objective = np.array([float((p[i] - market.costs[k][i]) * choice(p, market.values[k])[i]) for k, p in columns])
    result = linprog(objective, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
    if result.status != 0:
        raise RuntimeError(f"HiGHS did not solve the BCE program: {result.message}")
    return float(result.fun)


def distribution_of(structure: InformationStructure) -> dict[tuple[int, tuple[Fraction, ...]], Fraction]:
    """pi(k, p) induced by a construction with pure strategies only."""
    market = structure.market
    out: dict[tuple[int, tuple[Fraction, ...]], Fraction] = {}
    for cell in structure.cells:
        c = market.costs[cell.profile]
        prices = []
        for j in range(market.producers):
            s = structure.strategies[(cell.signal, j, cell.alerts[j], c[j])]
            if isinstance(s, RunnerUpMixing):
                raise ValueError("the construction randomises; it has no pure price profile on a grid")
            prices.append(s)
        key = (cell.profile, tuple(prices))
        out[key] = out.get(key, F(0)) + cell.weight
    return out


def obedient(market: FiniteMarket, pi: dict[tuple[int, tuple[Fraction, ...]], Fraction], grid: Sequence[Fraction]) -> bool:
    """Every obedience constraint of ``pi`` on ``grid``, in exact arithmetic."""
    n = market.producers
    for j in range(n):
        for cost in {c[j] for c in market.costs}:
            for t in {p[j] for (k, p) in pi if market.costs[k][j] == cost}:
                for t2 in grid:
                    if t2 < cost:
                        continue
                    gain = F(0)
                    for (k, p), w in pi.items():
                        if market.costs[k][j] != cost or p[j] != t:
                            continue
                        dev = tuple(t2 if m == j else p[m] for m in range(n))
                        v = market.values[k]
                        gain += w * ((t2 - cost) * choice(dev, v)[j] - (t - cost) * choice(p, v)[j])
                    if gain > 0:
                        return False
    return True


def _grid(market: FiniteMarket) -> list[Fraction]:
    """Costs, values and every v_i - v_j + c_j: all prices the construction can use."""
    points = set()
    for v, c, _ in market.profiles():
        points |= set(c) | set(v)
        points |= {v[i] - v[j] + c[j] for i in range(len(v)) for j in range(len(v)) if i != j}
    return sorted(x for x in points if x >= 0)


PROPOSITION_INSTANCES: tuple[str, ...] = ("monopoly", "captive")


def proposition_one(dps: int = 50) -> Witness:
    """min PS_i over BCE on a grid (HiGHS), its exact brackets, and Example 1's grid bound.

    Paper: bbm, Proposition 1.
    """
    from numeric.alignment import build

    values: dict[str, object] = {}
    checks: dict[str, bool] = {}
    for name in PROPOSITION_INSTANCES:
        m = instance(name)
        grid = _grid(m)
        pi = distribution_of(build(m))
        checks[f"{name}: the construction is a BCE on the grid (exact obedience)"] = obedient(m, pi, grid)
        for i in range(m.producers):
            lp = minimum_surplus(m, i, grid)
            lower = grid_lower_bound(m, i, grid)
            attained = sum(((p[i] - m.costs[k][i]) * choice(p, m.values[k])[i] * w for (k, p), w in pi.items()), F(0))
            checks[f"{name}: LP min PS_{i + 1} = {lp:.12g} is not below the grid lower bound {lower}"] = lp >= float(lower) - 1e-9
            checks[f"{name}: LP min PS_{i + 1} is within 1e-8 of the exact bracket [{lower}, {attained}]"] = \
                float(lower) - 1e-8 <= lp <= float(attained) + 1e-8
            values[f"PS_{i + 1}_{name}"] = F(lp).limit_denominator(10**6) if lower == attained else lower
            checks[f"{name}: bracket closed (grid lower bound = construction's PS_{i + 1}) and the LP rounds to it"] = \
                lower == attained and abs(lp - float(lower)) < 1e-8
    m = instance("example1")
    coarse = _grid(m)
    fine = sorted(set(coarse) | {t - F(1, 20) for t in coarse if t >= F(1, 20)})
    for label, grid in (("grid of thresholds", coarse), ("grid with prices 1/20 below them", fine)):
        for i in range(m.producers):
            lp = minimum_surplus(m, i, grid)
            lower = grid_lower_bound(m, i, grid)
            search = lower_bound_by_search(m, i)[0]
            checks[f"example1, {label}: LP min PS_{i + 1} = {lp:.9g} >= grid lower bound {lower} "
                   f"(<= equation (1) = {search})"] = lp >= float(lower) - 1e-9 and lower <= search
    return Witness(values=values, method="HiGHS LP over Bayes correlated equilibria on a price grid", checks=checks)

r"""Independent numeric witnesses for the Hotelling duopoly and G_b^B.

The roads taken here differ from the symbolic side's: surplus integrals are mpmath
quadratures of tail probabilities (layer-cake formulas) built from the CDF's values alone,
atoms are jumps found by one-sided mpmath limits, densities are numeric derivatives,
revenues are maximised by a price grid with bisection, the optimum is the root of a
numerically differentiated quadrature, and equilibria are found by enumerating exact price
grids.  No symbolic result is evaluated.

Paper: bbm, section III.C (Example 4, equation (3), Theorem 3) and appendix A3.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from fractions import Fraction
from itertools import product
from typing import Any

import mpmath
import numpy as np
from scipy.optimize import linprog

from numeric.estimate import CHECK, GUARD, Estimate, Samples, Witness, to_mpf, two_precision, two_precision_map
from numeric.linear_program import SparseRows, trapezoid_weights
from symbolic.models import SymmetricResidual, TwoSidedPareto

__all__ = [
    "PARETO_POINTS",
    "left_limit",
    "max_revenue",
    "pure_equilibria",
    "truncated_pareto",
    "pareto_producer_surplus",
    "total_surplus_identity",
    "binary_information_extremes",
    "binary_total_surplus",
    "binary_consumer_surplus",
    "binary_optimum",
    "HotellingSolution",
    "prior_stop_loss",
    "pareto_stop_loss",
    "optimal_information",
    "uniform_optimum",
    "solution_witness",
    "BenchmarkSolution",
    "armstrong_zhou",
    "binary_benchmark",
    "binary_figure_densities",
    "appendix_a3",
]

PARETO_POINTS: tuple[tuple[Fraction, Fraction], ...] = (
    (Fraction(1, 10), Fraction(1)),
    (Fraction(1, 3), Fraction(1, 2)),
    (Fraction(2, 7), Fraction(5, 6)),
)
"""Exact (b, B) at which parameter-dependent quantities are witnessed (all with B <= 1)."""

_GRID = 64  # price grid points per unit interval when maximising a revenue


def _unchecked(b: mpmath.mpf, B: mpmath.mpf) -> TwoSidedPareto:
    """G_b^B without re-validating (inside a numeric derivative at a validated point)."""
    G = object.__new__(TwoSidedPareto)
    object.__setattr__(G, "b", b)
    object.__setattr__(G, "B", B)
    return G


def _pareto(b: Fraction, B: Fraction) -> TwoSidedPareto:
    """G_b^B with mpf bounds at the current precision."""
    return TwoSidedPareto(to_mpf(b), to_mpf(B))


def left_limit(f: Callable[[mpmath.mpf], mpmath.mpf], x: mpmath.mpf) -> mpmath.mpf:
    """``lim f(t)`` as t rises to x, by mpmath's extrapolated limit (f is smooth left of x).

    Examples
    --------
    >>> with mpmath.workdps(30):
    ...     G = TwoSidedPareto(mpmath.mpf(1) / 10, mpmath.mpf(1))
    ...     print(mpmath.nstr(G.cdf(1) - left_limit(G.cdf, mpmath.mpf(1)), 12))
    0.05
    """
    return mpmath.limit(f, x, direction=-1)


def max_revenue(revenue: Callable[[mpmath.mpf], mpmath.mpf], upper: mpmath.mpf) -> tuple[mpmath.mpf, mpmath.mpf]:
    """Maximal revenue on ``[0, upper]`` and the lowest price that attains it.

    A uniform grid finds the maximum (the revenues here are piecewise monotone or flat at
    their maximum); a golden-section refinement around the best grid point improves it; the
    lowest maximiser is then located by bisection on ``revenue(p) >= max - tol``.

    Examples
    --------
    >>> with mpmath.workdps(30):
    ...     best, price = max_revenue(lambda q: q * (1 - q), mpmath.mpf(1))
    ...     print(mpmath.nstr(best, 10), mpmath.nstr(price, 6))
    0.25 0.5
    """
    n = int(_GRID * max(1, mpmath.ceil(upper)))
    grid = [upper * k / n for k in range(n + 1)]
    values = [revenue(q) for q in grid]
    k = max(range(n + 1), key=lambda i: values[i])
    lo, hi = grid[max(k - 1, 0)], grid[min(k + 1, n)]
    best = values[k]
    phi = (mpmath.sqrt(5) - 1) / 2
    a, c = lo, hi
    width = mpmath.sqrt(mpmath.eps)  # near a smooth maximum the value's error is the width squared
    while c - a > width:
        x1, x2 = c - phi * (c - a), a + phi * (c - a)
        if revenue(x1) >= revenue(x2):
            c = x2
        else:
            a = x1
    best = max(best, revenue((a + c) / 2))
    tol = mpmath.mpf(10) ** (-(mpmath.mp.dps - 3))
    first = next(i for i in range(n + 1) if values[i] >= best - tol * max(1, abs(best)))
    if first == 0:
        return best, grid[0]
    a, c = grid[first - 1], grid[first]
    for _ in range(mpmath.mp.prec):
        mid = (a + c) / 2
        if revenue(mid) >= best - tol * max(1, abs(best)):
            c = mid
        else:
            a = mid
    return best, c


def _slope(f: Callable[[mpmath.mpf], mpmath.mpf], x: mpmath.mpf) -> mpmath.mpf:
    """f'(x) by the five-point central stencil: f evaluated with a quarter more bits and step
    2^(-prec/4), so that both the truncation and the cancellation error stay near 2^(-prec)."""
    prec = mpmath.mp.prec
    with mpmath.workprec(prec + prec // 4 + 10):
        h = mpmath.ldexp(1, -(prec // 4))
        x = +x
        slope = (f(x - 2 * h) - 8 * f(x - h) + 8 * f(x + h) - f(x + 2 * h)) / (12 * h)
    return +slope


def _stationary(f: Callable[[mpmath.mpf], mpmath.mpf], start: mpmath.mpf) -> mpmath.mpf:
    """A root of f' near ``start``: secant steps on the five-point derivative, to its accuracy."""
    tol = mpmath.mpf(10) ** (-(mpmath.mp.dps - 6))
    return mpmath.findroot(lambda x: _slope(f, x), start, solver="secant", tol=tol**2, verify=False)


def _revenues(G: TwoSidedPareto) -> tuple[Callable[[mpmath.mpf], mpmath.mpf], Callable[[mpmath.mpf], mpmath.mpf]]:
    """Producer 1 sells when r >= p (rival at cost); producer 2 when -r >= p."""
    return (lambda q: q * (1 - G.cdf_left(q))), (lambda q: q * G.cdf(-q))


def _producer_surplus(G: TwoSidedPareto) -> tuple[mpmath.mpf, mpmath.mpf, mpmath.mpf]:
    own, rival = _revenues(G)
    upper = 2 * G.B
    rev1, price = max_revenue(own, upper)
    rev2, _ = max_revenue(rival, upper)
    return rev1, rev2, price


def _total_surplus_direct(G: TwoSidedPareto, v_bar: mpmath.mpf) -> mpmath.mpf:
    r"""E[max(E[v1|s], E[v2|s])] = E[vbar/2 + |r|/2] by the layer-cake formula.

    :math:`E|r| = \int_0^{\bar v} \Pr(|r| > u)\,du` with
    :math:`\Pr(|r| > u) = 1 - G(u) + G^-(-u)`.
    """
    breaks = sorted({mpmath.mpf(0), G.b, G.B, v_bar})
    tail = mpmath.quad(lambda u: 1 - G.cdf(u) + G.cdf_left(-u), [x for x in breaks if x <= v_bar])
    return v_bar / 2 + tail / 2


def _total_surplus_eq3(G: TwoSidedPareto, v_bar: mpmath.mpf) -> mpmath.mpf:
    r"""Equation (3): vbar/2 + E[r^+], with :math:`E[r^+] = \int_0^{\bar v} (1 - G(u))\,du`."""
    breaks = sorted({mpmath.mpf(0), G.b, G.B, v_bar})
    return v_bar / 2 + mpmath.quad(lambda u: 1 - G.cdf(u), [x for x in breaks if x <= v_bar])


def _pareto_samples(
    value: Callable[[TwoSidedPareto, Any], mpmath.mpf],
    dps: int,
    method: str,
    extra: Callable[[Fraction, Fraction], Sequence[Fraction]] | None = None,
    name: str = "r",
) -> Samples:
    """Witness ``value(G, x)`` at every (b, B) of PARETO_POINTS (and each x of ``extra``)."""
    points: list[dict[str, Fraction]] = []
    values: list[Estimate] = []
    for bb, BB in PARETO_POINTS:
        xs = extra(bb, BB) if extra is not None else (None,)
        for x in xs:
            point = {"b": bb, "B": BB}
            if x is not None:
                point[name] = x
            points.append(point)
            values.append(
                two_precision(
                    lambda bb=bb, BB=BB, x=x: value(_pareto(bb, BB), None if x is None else to_mpf(x)),
                    dps,
                    method,
                )
            )
    return Samples(tuple(points), tuple(values))


def truncated_pareto(dps: int = 50) -> Witness:
    """Values, density, flat part, atoms and total mass of G_b^B, from the definition.

    Paper: bbm, section III.C, definition of G_b^B.

    Examples
    --------
    >>> w = truncated_pareto(15)
    >>> print(w.values["atom_B"].values[0])
    0.05
    """
    def r_points(bb: Fraction, BB: Fraction) -> tuple[Fraction, ...]:
        return (-2 * BB, -BB, -(bb + BB) / 2, -bb, -bb / 2, Fraction(0), bb / 2, bb, (bb + BB) / 2, BB, 2 * BB)

    def interior(bb: Fraction, BB: Fraction) -> tuple[Fraction, ...]:
        return (bb + (BB - bb) / 3, bb + 2 * (BB - bb) / 3)

    def flat(bb: Fraction, BB: Fraction) -> tuple[Fraction, ...]:
        return (-bb, -bb / 3, Fraction(0), bb / 2)

    def total_mass(G: TwoSidedPareto, _: Any) -> mpmath.mpf:
        breaks = [-G.B, -G.b, G.b, G.B]
        atoms = sum(G.cdf(x) - left_limit(G.cdf, x) for x in breaks)
        continuous = sum(mpmath.quad(lambda t: mpmath.diff(G.cdf, t), [lo, hi]) for lo, hi in zip(breaks, breaks[1:]))
        return atoms + continuous

    return Witness(
        values={
            "G": _pareto_samples(lambda G, x: G.cdf(x), dps, "definition", r_points),
            "density": _pareto_samples(lambda G, x: mpmath.diff(G.cdf, x), dps, "mpmath.diff", interior),
            "flat_value": _pareto_samples(lambda G, x: G.cdf(x), dps, "definition", flat),
            "atom_minus_B": _pareto_samples(lambda G, _: G.cdf(-G.B) - left_limit(G.cdf, -G.B), dps, "jump by mpmath.limit"),
            "atom_B": _pareto_samples(lambda G, _: G.cdf(G.B) - left_limit(G.cdf, G.B), dps, "jump by mpmath.limit"),
            "total_mass": _pareto_samples(total_mass, dps, "jumps + quadrature of the numeric density"),
        },
        method="definition of G_b^B at exact points; mpmath limits, derivatives and quadrature",
    )


def pareto_producer_surplus(dps: int = 50) -> Witness:
    """Each producer's maximal revenue under G_b^B by a price grid, their sum, the lowest price.

    Paper: bbm, Theorem 3 and appendix A3.

    Examples
    --------
    >>> w = pareto_producer_surplus(15)
    >>> print(w.values["PS"].values[0])
    0.1
    """
    def sale_probability(G: TwoSidedPareto, _: Any) -> mpmath.mpf:
        price = _producer_surplus(G)[2]
        return (1 - G.cdf_left(price)) / (1 - G.cdf_left(0))

    return Witness(
        values={
            "revenue_1": _pareto_samples(lambda G, _: _producer_surplus(G)[0], dps, "price grid + golden section"),
            "revenue_2": _pareto_samples(lambda G, _: _producer_surplus(G)[1], dps, "price grid + golden section"),
            "PS": _pareto_samples(lambda G, _: sum(_producer_surplus(G)[:2]), dps, "price grid + golden section"),
            "price": _pareto_samples(lambda G, _: _producer_surplus(G)[2], dps, "bisection for the lowest maximiser"),
            "sale_probability": _pareto_samples(sale_probability, dps, "CDF at the lowest maximiser"),
        },
        method="revenue p Pr(sale) maximised over a price grid on [0, 2B], refined",
    )


def total_surplus_identity(dps: int = 50) -> Witness:
    """Equation (3) at exact (b, B, vbar): direct surplus and the printed form, by quadrature.

    Paper: bbm, section III.C, equation (3).
    """
    v_bars = (Fraction(1), Fraction(3, 2))

    def samples(f: Callable[[TwoSidedPareto, mpmath.mpf], mpmath.mpf], method: str) -> Samples:
        points, values = [], []
        for (bb, BB), V in product(PARETO_POINTS, v_bars):
            points.append({"b": bb, "B": BB, "vbar": V})
            values.append(two_precision(lambda bb=bb, BB=BB, V=V: f(_pareto(bb, BB), to_mpf(V)), dps, method))
        return Samples(tuple(points), tuple(values))

    return Witness(
        values={
            "TS_direct": samples(_total_surplus_direct, "quadrature of Pr(|r| > u)"),
            "TS_eq3": samples(_total_surplus_eq3, "quadrature of 1 - G(u)"),
            "difference": samples(lambda G, V: _total_surplus_direct(G, V) - _total_surplus_eq3(G, V), "difference"),
        },
        method="layer-cake quadratures of the CDF",
    )


def _choice(values: tuple[Fraction, Fraction], prices: tuple[Fraction, Fraction]) -> tuple[Fraction, list[int]]:
    """The consumer's best net value and the goods that attain it (none when it is negative)."""
    surplus = (values[0] - prices[0], values[1] - prices[1])
    best = max(surplus)
    return best, ([j for j in (0, 1) if surplus[j] == best] if best >= 0 else [])


def pure_equilibria(
    types: Sequence[tuple[Fraction, Fraction]], probs: Sequence[Fraction], grid: Sequence[Fraction]
) -> list[tuple[Fraction, Fraction]]:
    """All pure-strategy equilibria of a zero-cost duopoly on an exact price grid.

    The consumer of type ``(u_1, u_2)`` (interim values) buys from a maximiser of
    ``u_i - p_i`` when that is >= 0, ties split equally; producers know only ``probs``.

    Paper: bbm, section I (the demand rule), used for Example 4.

    Examples
    --------
    >>> half = Fraction(1, 2)
    >>> pure_equilibria([(half, half)], [Fraction(1)], [Fraction(k, 4) for k in range(5)])
    [(Fraction(0, 1), Fraction(0, 1)), (Fraction(1, 4), Fraction(1, 4)), (Fraction(1, 2), Fraction(1, 2))]
    """
    def profit(i: int, prices: tuple[Fraction, Fraction]) -> Fraction:
        total = Fraction(0)
        for values, w in zip(types, probs):
            _, winners = _choice(values, prices)
            if i in winners:
                total += w * prices[i] / len(winners)
        return total

    equilibria = []
    for prices in product(grid, repeat=2):
        stable = True
        for i in (0, 1):
            current = profit(i, prices)
            for q in grid:
                deviation = (q, prices[1]) if i == 0 else (prices[0], q)
                if profit(i, deviation) > current:
                    stable = False
                    break
            if not stable:
                break
        if stable:
            equilibria.append(prices)
    return equilibria


def _outcome(types: Sequence[tuple[Fraction, Fraction]], probs: Sequence[Fraction],
             prices: tuple[Fraction, Fraction]) -> tuple[Fraction, Fraction]:
    """Consumer and total surplus (interim values) at a price profile, ties split equally."""
    cs = ts = Fraction(0)
    for (u1, u2), w in zip(types, probs):
        best, winners = _choice((u1, u2), prices)
        if not winners:
            continue
        cs += w * best
        ts += w * sum((u1, u2)[j] for j in winners) / len(winners)
    return cs, ts


def binary_information_extremes(dps: int = 50) -> Witness:
    """Example 4's extremes by enumerating equilibria on two exact price grids.

    The equilibria common to the grids of steps 1/12 and 1/13 on [0, 2] are the limit
    equilibria (a grid adds spurious ones one step above cost).  ``dps`` is unused: the
    computation is exact.

    Paper: bbm, section III.C, Example 4.
    """
    half, one, zero = Fraction(1, 2), Fraction(1), Fraction(0)
    cases = {
        "full": ([(one, zero), (zero, one)], [half, half]),
        "none": ([(half, half)], [one]),
    }
    values: dict[str, Fraction] = {}
    checks: dict[str, bool] = {}
    for name, (types, probs) in cases.items():
        found = [set(pure_equilibria(types, probs, [Fraction(k, n) for k in range(2 * n + 1)])) for n in (12, 13)]
        common = sorted(found[0] & found[1])
        checks[f"{name}: one symmetric equilibrium common to both grids"] = len(common) == 1 and common[0][0] == common[0][1]
        prices = common[0]
        cs, ts = _outcome(types, probs, prices)
        values.update({f"{name}_price": prices[0], f"{name}_CS": cs, f"{name}_TS": ts})
    return Witness(values=values, method="enumeration of pure equilibria on exact price grids", checks=checks)


def binary_total_surplus(dps: int = 50) -> Witness:
    """Total surplus of G_b^B with vbar = 1, directly: vbar/2 + E|r|/2 by quadrature.

    Paper: bbm, Example 4.
    """
    return Witness(
        values={"TS": _pareto_samples(lambda G, _: _total_surplus_direct(G, mpmath.mpf(1)), dps, "quadrature of Pr(|r| > u)")},
        method="layer-cake quadrature of the CDF",
    )


def _consumer_surplus(G: TwoSidedPareto) -> mpmath.mpf:
    rev1, rev2, _ = _producer_surplus(G)
    return _total_surplus_direct(G, mpmath.mpf(1)) - rev1 - rev2


def binary_consumer_surplus(dps: int = 50) -> Witness:
    """Consumer surplus of G_b^B with vbar = 1: quadrature surplus minus grid-maximised revenues.

    Paper: bbm, Example 4.
    """
    return Witness(
        values={"CS": _pareto_samples(lambda G, _: _consumer_surplus(G), dps, "quadrature minus price grid")},
        method="layer-cake quadrature minus the producers' maximal revenues",
    )


def binary_optimum(dps: int = 50) -> Witness:
    """The consumer-optimal (b, B) of the binary example, found numerically.

    B: on a grid of b, consumer surplus (quadrature minus grid revenues) is largest at the
    feasible bound B = vbar = 1, and its numeric B-derivative is positive there.  b: the
    general solver (:func:`optimal_information`: a brute-force grid over (b, B), then the
    optimality condition by findroot) on the prior r = +-1.  The contraction constraint is
    checked at the optimum through stop-loss transforms.

    Paper: bbm, Example 4.
    """
    def cs(bb: mpmath.mpf, BB: mpmath.mpf) -> mpmath.mpf:
        return _consumer_surplus(TwoSidedPareto(bb, BB))

    checks: dict[str, bool] = {}
    with mpmath.workdps(20):  # signs only: modest precision
        for bb in (mpmath.mpf(1) / 20, mpmath.mpf(1) / 4):
            Bs = [bb + (1 - bb) * k / 4 for k in range(1, 5)]
            best_B = max(Bs, key=lambda x: cs(bb, x))
            slope = _slope(lambda x: cs(bb, x), mpmath.mpf(1) - mpmath.mpf(1) / 64)
            checks[f"CS increasing in B up to 1 at b = {mpmath.nstr(bb, 4)}"] = best_B == 1 and slope > 0

    prior = SymmetricResidual.from_atoms({Fraction(-1): Fraction(1, 2), Fraction(1): Fraction(1, 2)})

    def optimum() -> dict[str, mpmath.mpf]:
        s = optimal_information(prior, dps=mpmath.mp.dps)
        return {"b_star": s.b, "CS_star": s.cs, "TS_star": s.ts, "PS_star": s.ps}

    found_values = two_precision_map(optimum, dps, "grid search, then findroot on dCS/db (derivative under the "
                                      "integral); quadrature and price grid at the optimum")
    with mpmath.workdps(dps + 10):  # symmetric, so equal means; stop-loss comparison on r >= 0
        checks["G_{b*}^1 is a mean-preserving contraction of F = +-1"] = _is_feasible(
            prior, found_values["b_star"].value, mpmath.mpf(1), mpmath.mpf(10) ** -(dps - 5))
    return Witness(
        values={
            "B_star": Fraction(1),
            **found_values,
            "TS_efficient": sum(Fraction(1, 2) * max(v) for v in ((1, 0), (0, 1))),
        },
        method="grid search in B, findroot on the numeric derivative in b, stop-loss check",
        checks=checks,
    )


# --------------------------------------------------------------------------------------
# The general solver: consumer-optimal G_b^B for any symmetric prior F, numerically
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HotellingSolution:
    """The consumer-optimal (b, B) found numerically, with its welfare and how it was found."""

    b: mpmath.mpf
    B: mpmath.mpf
    cs: mpmath.mpf
    ts: mpmath.mpf
    ps: mpmath.mpf
    binding: tuple[mpmath.mpf, ...]  # where the contraction constraint binds
    grid_cs: mpmath.mpf  # the best consumer surplus found by the brute-force grid
    grid_point: tuple[mpmath.mpf, mpmath.mpf]


def prior_stop_loss(F: SymmetricResidual, t: mpmath.mpf) -> mpmath.mpf:
    r""":math:`\pi_F(t) = E_F[(r-t)^+]`: an exact sum for atoms, else mpmath quadrature of 1 - F.

    Examples
    --------
    >>> with mpmath.workdps(30):
    ...     print(mpmath.nstr(prior_stop_loss(SymmetricResidual.from_cdf("(r+1)/2"), mpmath.mpf(1) / 2), 12))
    0.0625
    """
    V = to_mpf(F.vbar)
    if F.atoms is not None:
        xs, tail_mass, tail_first = _atomic_tails(F, mpmath.mp.prec)
        k = bisect_right(xs, t)  # the first atom strictly above t
        return tail_first[k] - t * tail_mass[k]
    if t >= V:
        return mpmath.mpf(0)
    return mpmath.quad(lambda u: 1 - F.cdf(u), [max(t, -V), V])


_TAILS: dict[tuple[int, int], tuple[SymmetricResidual, tuple[list, list, list]]] = {}


def _atomic_tails(F: SymmetricResidual, prec: int) -> tuple[list, list, list]:
    """Sorted atom positions and the mass and first moment at or above each, at precision prec.

    Cached by identity (hashing ten thousand atoms on every call would cost more than the sum).
    """
    key = (id(F), prec)
    if key in _TAILS and _TAILS[key][0] is F:
        return _TAILS[key][1]
    if len(_TAILS) > 16:
        _TAILS.clear()
    _TAILS[key] = (F, _build_tails(F, prec))
    return _TAILS[key][1]


def _build_tails(F: SymmetricResidual, prec: int) -> tuple[list, list, list]:
    with mpmath.workprec(prec):
        xs = [to_mpf(x) for x, _ in F.atoms]
        qs = [to_mpf(q) for _, q in F.atoms]
        mass, first = [mpmath.mpf(0)], [mpmath.mpf(0)]
        for x, q in zip(reversed(xs), reversed(qs)):
            mass.append(mass[-1] + q)
            first.append(first[-1] + q * x)
        return xs, mass[::-1], first[::-1]


def pareto_stop_loss(G: TwoSidedPareto, t: mpmath.mpf) -> mpmath.mpf:
    r""":math:`\pi_G(t) = \int_t^\infty (1 - G(u))\,du` by quadrature between G's breakpoints."""
    points = [t] + [x for x in (-G.B, -G.b, G.b, G.B) if x > t]
    if len(points) == 1:
        return mpmath.mpf(0)
    return mpmath.quad(lambda u: 1 - G.cdf(u), points)


def _support_top(F: SymmetricResidual) -> Fraction:
    """The top of F's support: the largest atom, or vbar for a CDF expression."""
    return max(x for x, _ in F.atoms) if F.atoms is not None else F.vbar


@lru_cache(maxsize=16)
def _grid_search(F: SymmetricResidual, n_b: int = 60, n_B: int = 60, n_u: int = 4000) -> tuple[float, float, float]:
    """Brute force at double precision: the best feasible (b, B) on a grid and its CS.

    Feasibility: the stop-loss transform of G_b^B (trapezoid integration of its CDF on a
    fine grid) below that of F (exact sums for atoms, quadrature otherwise) at every grid
    point, up to the trapezoid's error.  Returns (CS, b, B); CS is -inf if nothing is feasible.
    """
    V = float(F.vbar)
    u = np.linspace(0.0, V, n_u + 1)
    if F.atoms is not None:
        pi_F = _atomic_stop_loss(F, u)
    else:
        with mpmath.workdps(15):
            tail = np.array([1 - float(F.cdf(mpmath.mpf(x))) for x in u])
        pi_F = _stop_loss_from_tail(u, tail)
    tol = 4 * (V / n_u)  # the trapezoid misplaces G's atom at B by up to one grid step
    best = (-np.inf, 0.0, 0.0)
    W = float(_support_top(F))
    for b in W * np.logspace(-3, 0, n_b, endpoint=False):
        for B in b + (W - b) * np.arange(1, n_B + 1) / n_B:
            G = TwoSidedPareto(mpmath.mpf(b), mpmath.mpf(B))
            pi_G = _stop_loss_from_tail(u, 1 - G.cdf_array(u))
            if np.all(pi_G <= pi_F + tol * V):
                cs = V / 2 + pi_G[0] - b
                if cs > best[0]:
                    best = (cs, b, B)
    return best


def _atomic_stop_loss(F: SymmetricResidual, u: np.ndarray) -> np.ndarray:
    """E[(r - u)^+] at every point of u for an atomic F, in floats, by sorting and cumulative sums."""
    x = np.array([float(a) for a, _ in F.atoms])
    q = np.array([float(w) for _, w in F.atoms])
    order = np.argsort(x)
    x, q = x[order], q[order]
    tail_mass = np.concatenate([np.cumsum(q[::-1])[::-1], [0.0]])  # mass at or above x_k
    tail_first = np.concatenate([np.cumsum((q * x)[::-1])[::-1], [0.0]])
    k = np.searchsorted(x, u, side="right")  # first atom strictly above u
    return tail_first[k] - u * tail_mass[k]


def _stop_loss_from_tail(u: np.ndarray, tail: np.ndarray) -> np.ndarray:
    """Integral of ``tail`` from each grid point to the end (trapezoid rule)."""
    pieces = (tail[1:] + tail[:-1]) / 2 * np.diff(u)
    return np.concatenate([np.cumsum(pieces[::-1])[::-1], [0.0]])


def _binding_candidates(F: SymmetricResidual, b: float, B: float) -> list[tuple[str, Any]]:
    """Points where the contraction constraint nearly binds at the grid optimum, tightest first.

    Each is ("fixed", t) at 0 or at an atom of F (a kink of its stop-loss transform),
    ("top", vbar) at the support bound, or ("smooth", t) inside, where F is continuous.
    """
    V = float(F.vbar)
    u = np.linspace(0.0, V, 4001)
    atoms = np.array(sorted({float(x) for x, _ in F.atoms if x >= 0})) if F.atoms is not None else np.array([])
    t = np.union1d(u, atoms)
    G = TwoSidedPareto(mpmath.mpf(b), mpmath.mpf(B))
    fine = np.linspace(0.0, V, 40001)
    pi_G = np.interp(t, fine, _stop_loss_from_tail(fine, 1 - G.cdf_array(fine)))
    if F.atoms is not None:
        pi_F = _atomic_stop_loss(F, t)
    else:
        with mpmath.workdps(15):
            tail = np.array([1 - float(F.cdf(mpmath.mpf(x))) for x in fine])
        pi_F = np.interp(t, fine, _stop_loss_from_tail(fine, tail))
    gap = pi_F - pi_G
    out: list[tuple[str, mpmath.mpf]] = []
    for k in np.argsort(gap):
        x = float(t[k])
        if F.atoms is not None:
            kind, x = "fixed", (float(atoms[np.argmin(np.abs(atoms - x))]) if x > 0 and len(atoms) else 0.0)
        else:
            kind = "fixed" if x == 0 else "smooth"
        if x >= float(_support_top(F)) * (1 - 1e-9):
            kind, x = "top", float(_support_top(F))
        if (kind, x) not in [(c, float(y)) for c, y in out]:
            out.append((kind, x))
        if len(out) == 3:
            break
    exact = {float(y): y for y, _ in F.atoms} if F.atoms is not None else {}
    exact[0.0] = Fraction(0)
    exact[float(_support_top(F))] = _support_top(F)
    return [(kind, exact.get(x, x)) for kind, x in out]  # exact where F has an atom; converted by the caller


def _kkt(F: SymmetricResidual, start: tuple[mpmath.mpf, mpmath.mpf],
         binding: Sequence[tuple[str, mpmath.mpf]]) -> tuple[mpmath.mpf, mpmath.mpf, list[mpmath.mpf]]:
    """Solve the optimality conditions for a binding set, by findroot with numeric derivatives.

    For each binding point: touch, pi_F(t) = pi_G(t; b, B); at a smooth point also tangency,
    F(t) = G(t) (t unknown); at the support bound B = vbar.  With one binding point, the
    Lagrange condition: the gradient of CS(b, B) = vbar/2 + pi_G(0; b, B) - b is parallel to
    that of the constraint.  With two, the two touches fix (b, B).
    """
    V = to_mpf(F.vbar)
    W = to_mpf(_support_top(F))

    def pi_G(t: mpmath.mpf, b: mpmath.mpf, B: mpmath.mpf) -> mpmath.mpf:
        return pareto_stop_loss(TwoSidedPareto(b, B), t)

    def cs(b: mpmath.mpf, B: mpmath.mpf) -> mpmath.mpf:
        return V / 2 + pi_G(mpmath.mpf(0), b, B) - b

    def d_pi_G(t: mpmath.mpf, b: mpmath.mpf, B: mpmath.mpf) -> tuple[mpmath.mpf, mpmath.mpf]:
        """Partial derivatives of pi_G(t; b, B) = int_t^B (1 - G(u)) du: in b under the
        integral (pointwise numeric derivative of the CDF), in B by Leibniz (1 - G(B^-))."""
        G = TwoSidedPareto(b, B)
        points = [t] + [x for x in (b, B) if x > t]
        by_b = -mpmath.quad(lambda u: mpmath.diff(lambda y: _unchecked(y, B).cdf(u), b), points) if len(points) > 1 else 0
        by_B = 1 - G.cdf_left(B) if t < B else mpmath.mpf(0)
        return by_b, by_B

    def lagrange(t: mpmath.mpf, b: mpmath.mpf, B: mpmath.mpf) -> mpmath.mpf:
        e_b, e_B = d_pi_G(mpmath.mpf(0), b, B)  # CS = vbar/2 + pi_G(0) - b
        g_b, g_B = d_pi_G(t, b, B)
        return (e_b - 1) * g_B - e_B * g_b

    kinds = [k for k, _ in binding]
    if kinds == ["top"]:  # B at the top of F's support, b free: dCS/db = 0, CS concave in b
        slope = lambda x: d_pi_G(mpmath.mpf(0), x, W)[0] - 1  # noqa: E731  dCS/db, under the integral
        lo, hi = W * mpmath.mpf(10) ** -8, W * (1 - mpmath.mpf(10) ** -6)
        a, c = max(lo, start[0] / 2), min(hi, (start[0] + W) / 2)
        if not (slope(a) > 0 > slope(c)):
            a, c = lo, hi
        b = mpmath.findroot(slope, (a, c), solver="anderson")
        return b, W, [W]
    smooth = [i for i, (k, _) in enumerate(binding) if k == "smooth"]

    def unpack(z: Sequence[mpmath.mpf]) -> tuple[mpmath.mpf, mpmath.mpf, list[mpmath.mpf]]:
        b, B = z[0], z[1]
        ts = [t for _, t in binding]
        for j, i in enumerate(smooth):
            ts[i] = z[2 + j]
        return b, B, ts

    def system(*z: mpmath.mpf) -> list[mpmath.mpf]:
        b, B, ts = unpack(z)
        eqs = []
        for (kind, _), t in zip(binding, ts):
            eqs.append(B - W if kind == "top" else prior_stop_loss(F, t) - pi_G(t, b, B))
            if kind == "smooth":
                eqs.append(F.cdf(t) - TwoSidedPareto(b, B).cdf(t))
        if len(binding) == 1:
            eqs.append(lagrange(ts[0], b, B))
        return eqs

    z0 = [start[0], start[1]] + [binding[i][1] for i in smooth]
    return unpack(mpmath.findroot(system, z0))


def _is_feasible(F: SymmetricResidual, b: mpmath.mpf, B: mpmath.mpf, tol: mpmath.mpf) -> bool:
    """pi_G <= pi_F + tol at 0, at 128 grid points and at every atom of F in [0, B].

    Between consecutive atoms pi_F is linear and pi_G convex, so the atoms are exhaustive
    there.  A double-precision pass (trapezoid stop-loss of G on a fine grid, error below
    1e-6) rejects clear violations and clears points with a gap above 1e-4; the remaining,
    nearly binding points are checked by quadrature at the working precision.
    """
    V = to_mpf(F.vbar)
    points = [V * k / 128 for k in range(129)]
    if F.atoms is not None:
        points += [to_mpf(x) for x, _ in F.atoms if 0 <= x <= F.vbar]
    points = [t for t in points if t <= B]
    G = TwoSidedPareto(b, B)
    if len(points) > 20:
        fine = np.linspace(0.0, float(V), 400001)
        pi_G = np.interp([float(t) for t in points], fine, _stop_loss_from_tail(fine, 1 - G.cdf_array(fine)))
        pi_F = (_atomic_stop_loss(F, np.array([float(t) for t in points])) if F.atoms is not None
                else np.array([float(prior_stop_loss(F, t)) for t in points]))
        gaps = pi_F - pi_G
        if gaps.min() < -1e-5:
            return False
        points = [t for t, g in zip(points, gaps) if g < 1e-4]
    return all(pareto_stop_loss(G, t) <= prior_stop_loss(F, t) + tol for t in points)


@lru_cache(maxsize=64)
def _presolve(F: SymmetricResidual, b0: float, B0: float, binding: tuple) -> tuple[str, str, tuple[str, ...]] | None:
    """The optimality conditions for one binding set at 20 digits, from the grid optimum; None
    when they do not converge to a feasible 0 < b < B (the set is then not the binding one)."""
    with mpmath.workdps(20):
        V = to_mpf(F.vbar)
        points = [(kind, to_mpf(x) if isinstance(x, Fraction) else mpmath.mpf(x)) for kind, x in binding]
        try:
            b, B, ts = _kkt(F, (mpmath.mpf(b0), mpmath.mpf(B0)), points)
        except (ZeroDivisionError, ValueError, ArithmeticError):
            return None
        if not (0 < b < B <= V * (1 + mpmath.mpf(10) ** -15)) or not _is_feasible(F, b, min(B, V), mpmath.mpf(10) ** -14):
            return None
        return str(b), str(B), tuple(str(t) for t in ts)


def optimal_information(F: SymmetricResidual, dps: int = 30) -> HotellingSolution:
    """The consumer-optimal G_b^B for a symmetric prior F, found numerically at ``dps`` digits.

    A brute-force grid over (b, B) (feasibility by stop-loss comparison) finds the best
    feasible pair and where the contraction constraint binds; the optimality conditions at
    that binding point are then solved by findroot with numeric derivatives of quadratures;
    welfare at the solution comes from layer-cake quadrature and a price grid.

    Paper: bbm, Theorem 3 and appendix A3.

    Examples
    --------
    >>> s = optimal_information(SymmetricResidual.from_atoms({-1: "1/2", 1: "1/2"}), dps=15)
    >>> mpmath.nstr(s.b, 10), mpmath.nstr(s.B, 10), mpmath.nstr(s.cs, 10)
    ('0.1353352832', '1.0', '0.5676676416')
    """
    grid_cs, b0, B0 = _grid_search(F)
    if grid_cs == -np.inf:
        raise ValueError("no feasible G_b^B found on the grid: is F degenerate at 0?")
    candidates = _binding_candidates(F, b0, B0)
    sets = [[c] for c in candidates] + [[c, d] for i, c in enumerate(candidates) for d in candidates[i + 1:]]
    found = None
    with mpmath.workdps(dps + 5):
        V = to_mpf(F.vbar)
        tol = mpmath.mpf(10) ** -(dps - 3)
        for binding in sets:
            rough = _presolve(F, b0, B0, tuple(binding))  # 20 digits: cheap, and weeds out infeasible sets
            if rough is None:
                continue
            b_r, B_r, ts_r = mpmath.mpf(rough[0]), mpmath.mpf(rough[1]), rough[2]
            exact_points = [to_mpf(x) if isinstance(x, Fraction) else mpmath.mpf(x) for _, x in binding]
            start_points = [mpmath.mpf(t) if kind == "smooth" else x
                            for (kind, _), x, t in zip(binding, exact_points, ts_r)]
            try:
                b, B, ts = _kkt(F, (b_r, B_r), [(kind, t) for (kind, _), t in zip(binding, start_points)])
            except (ZeroDivisionError, ValueError, ArithmeticError):
                continue
            if 0 < b < B <= V * (1 + tol) and _is_feasible(F, b, min(B, V), tol):
                found = (b, min(B, V), tuple(sorted(+t for t in ts)))
                break
        if found is None:
            raise ArithmeticError("no binding set of the contraction constraint gave a feasible optimum")
        b, B, touching = found
        G = TwoSidedPareto(b, B)
        rev1, rev2, _ = _producer_surplus(G)
        ts = V / 2 + pareto_stop_loss(G, mpmath.mpf(0))
        return HotellingSolution(b=+b, B=+B, cs=ts - rev1 - rev2, ts=+ts, ps=rev1 + rev2, binding=touching,
                                 grid_cs=mpmath.mpf(grid_cs), grid_point=(mpmath.mpf(b0), mpmath.mpf(B0)))


def solution_witness(F: SymmetricResidual, dps: int) -> Witness:
    """Witness of the consumer-optimal G_b^B for F: the solver at dps + GUARD and dps + CHECK digits
    (their difference is the error estimate), with feasibility and brute-force checks.

    Paper: bbm, Theorem 3 and appendix A3.
    """
    runs = []
    for extra in (GUARD, CHECK):
        with mpmath.workdps(dps + extra):
            runs.append(optimal_information(F, dps=dps + extra))
    coarse, fine = runs
    names = {"t": lambda s: s.binding[0], "b": lambda s: s.b, "B": lambda s: s.B,
             "CS": lambda s: s.cs, "TS": lambda s: s.ts, "PS": lambda s: s.ps}
    method = "grid search, then findroot on the optimality conditions"
    values = {k: Estimate(f(fine), abs(f(fine) - f(coarse)), dps, method) for k, f in names.items()}
    with mpmath.workdps(dps + 10):
        G = TwoSidedPareto(fine.b, fine.B)
        V = to_mpf(F.vbar)
        tol = mpmath.mpf(10) ** -(dps - 5)
        feasible = all(pareto_stop_loss(G, V * k / 64) <= prior_stop_loss(F, V * k / 64) + tol for k in range(65))
        slack = 8 * V / 4000  # the grid's feasibility tolerance, in surplus units
        checks = {
            "the optimal G_b^B is a mean-preserving contraction of F (stop-loss at 65 points)": feasible,
            "brute-force grid over (b, B): nothing feasible does better": fine.grid_cs <= fine.cs + slack,
        }
    return Witness(values=values, method="brute-force grid + KKT by findroot with quadrature", checks=checks)


def uniform_optimum(dps: int = 50) -> Witness:
    """Footnote 11: the consumer-optimal G_b^B for r uniform on [-1, 1], found numerically.

    Paper: bbm, footnote 11.
    """
    return solution_witness(SymmetricResidual.from_cdf("(r + 1)/2"), dps)


# --------------------------------------------------------------------------------------
# The Armstrong-Zhou benchmark, numerically
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BenchmarkSolution:
    """The Armstrong-Zhou benchmark on a grid: price, welfare and the interim residual weights."""

    price: float
    cs: float
    ts: float
    support: np.ndarray  # grid points x_k >= 0
    weights: np.ndarray  # survival Pr(r > x_k) at the grid points (linear in between; the last is the atom at vbar)


def _benchmark_lp(F: SymmetricResidual, p: float, n: int, fine: int = 4) -> tuple[float, np.ndarray, np.ndarray]:
    """Largest E[r^+] over symmetric H with equal prices p an equilibrium, on a grid.

    The unknowns are the survival s_j = Pr(r > x_j) at x_j = V j/n (s_n = Pr(r = V), an
    atom at the top); between grid points H spreads its mass uniformly, so the survival is
    linear in each cell.  An atom at 0 is impossible (a tiny price cut would win all of it):
    s_0 = 1/2.  Constraints: s nonincreasing; deviations up to p + delta and down to
    p - delta unprofitable against p/2 at ``fine`` points of every cell; the stop-loss
    transform (the integral of s) below F's at every grid point.  Returns (E[r^+], x, s).
    """
    V = float(F.vbar)
    x = V * np.arange(n + 1) / n
    h = x[1]
    pi_F = _prior_stop_loss_grid(F, n)
    rows = SparseRows(n + 1)
    put = rows.add
    for j in range(1, n + 1):
        put([(j, 1.0), (j - 1, -1.0)], 0.0)  # s_j <= s_{j-1}
        for i in range(1, fine + 1):  # up: (p + delta) S(delta) <= p/2, S linear between s_{j-1} and s_j
            delta = x[j - 1] + h * i / fine
            weight = (x[j] - delta) / h
            put([(j - 1, (p + delta) * weight), (j, (p + delta) * (1 - weight))], p / 2)
        if x[j - 1] < p:  # down: (p - delta)(1 - S(delta)) <= p/2 by symmetry, for delta < p
            for i in range(fine):
                delta = x[j - 1] + h * i / fine
                if delta >= p:
                    break
                weight = (x[j] - delta) / h
                put([(j - 1, -(p - delta) * weight), (j, -(p - delta) * (1 - weight))], p / 2 - (p - delta))
    trapezoid = trapezoid_weights(n, h)
    for j in range(n):  # contraction: integral of S from x_j to V <= pi_F(x_j)
        put(list(zip(range(j, n + 1), trapezoid_weights(n - j, h))), pi_F[j])
    objective = trapezoid  # E[r^+] = integral of S over [0, V]
    bounds = [(0.5, 0.5)] + [(0, 0.5)] * n
    result = linprog(-objective, A_ub=rows.matrix(), b_ub=np.array(rows.bounds), bounds=bounds, method="highs")
    if result.status != 0:
        return -np.inf, x, np.zeros(n + 1)
    return -result.fun, x, result.x


@lru_cache(maxsize=16)
def _prior_stop_loss_grid(F: SymmetricResidual, n: int) -> np.ndarray:
    V = F.vbar
    with mpmath.workdps(15):
        return np.array([float(prior_stop_loss(F, to_mpf(V * k / n))) for k in range(n + 1)])


def armstrong_zhou(F: SymmetricResidual, n: int = 200) -> BenchmarkSolution:
    """The Armstrong-Zhou benchmark for any symmetric F: a linear program over grid-supported
    interim residual distributions for each price, maximised over the price.

    Consumer surplus is vbar/2 + E[r^+] - p; the price is found by a coarse scan and a
    golden-section refinement of the LP value.  Accuracy is that of the grid (about 1/n).

    Paper: bbm, section III.C (the Armstrong and Zhou 2022 benchmark).

    Examples
    --------
    >>> s = armstrong_zhou(SymmetricResidual.from_atoms({-1: "1/2", 1: "1/2"}), n=100)
    >>> round(s.price, 2), round(s.cs, 2)
    (0.06, 0.53)
    """
    V = float(F.vbar)

    def cs(p: float) -> float:
        return V / 2 + _benchmark_lp(F, p, n)[0] - p

    scan = V * np.geomspace(0.002, 0.5, 24)
    k = int(np.argmax([cs(p) for p in scan]))
    a, c = scan[max(k - 1, 0)], scan[min(k + 1, len(scan) - 1)]
    phi = (np.sqrt(5) - 1) / 2
    for _ in range(24):
        x1, x2 = c - phi * (c - a), a + phi * (c - a)
        if cs(x1) >= cs(x2):
            c = x2
        else:
            a = x1
    p = (a + c) / 2
    positive, support, weights = _benchmark_lp(F, p, n)
    return BenchmarkSolution(price=float(p), cs=float(V / 2 + positive - p), ts=float(V / 2 + positive),
                             support=support, weights=weights)


def binary_benchmark(dps: int = 50) -> Witness:
    """The Armstrong-Zhou benchmark in the binary example, numerically.

    High precision: the survival is the largest one at which no upward deviation to
    p + delta pays (deviation profit (p + delta) S equal to p/2); consumer surplus is a
    quadrature of it; the price solves dCS/dp = 0 by findroot on a numeric derivative.
    Independently, a linear program over grid-supported distributions (all deviations,
    up and down) confirms the price and the surplus to the grid's accuracy.

    Paper: bbm, section III.C.
    """
    def survival(p: mpmath.mpf, delta: mpmath.mpf) -> mpmath.mpf:
        return (p / 2) / (p + delta)  # (p + delta) S = p/2: the upward deviation just fails to pay

    def cs(p: mpmath.mpf) -> mpmath.mpf:
        return mpmath.mpf(1) / 2 + mpmath.quad(lambda d: survival(p, d), [0, 1]) - p

    F = SymmetricResidual.from_atoms({-1: Fraction(1, 2), 1: Fraction(1, 2)})
    lp = armstrong_zhou(F, n=100)

    def solve() -> dict[str, mpmath.mpf]:
        p = _stationary(cs, mpmath.mpf(lp.price))
        total = cs(p) + p
        return {"price": p, "TS": total, "CS": cs(p)}

    values: dict[str, Any] = two_precision_map(solve, dps, "findroot on the numeric derivative of a quadrature")
    points = (Fraction(1, 40), Fraction(1, 20), Fraction(1, 10))

    def at(f: Callable[[mpmath.mpf], mpmath.mpf], method: str) -> Samples:
        return Samples(tuple({"p_AZ": q} for q in points), tuple(two_precision(lambda q=q: f(to_mpf(q)), dps, method) for q in points))

    values["foc"] = at(lambda q: mpmath.diff(cs, q), "mpmath.diff of the quadrature")
    values["atom_at_1"] = at(lambda q: mpmath.mpf(1) / 2 - mpmath.quad(lambda d: -mpmath.diff(lambda e: survival(q, e), d), [0, 1]),
                             "1/2 minus the integral of the numeric density")
    with mpmath.workdps(dps):
        p = values["price"].value
        down_ok = all((p - d) * (1 - survival(p, d)) <= p / 2 for d in (p * k / 50 for k in range(1, 50)))
    checks = {
        "downward deviations unprofitable at the optimum (50 points)": down_ok,
        "LP over 101-point grids agrees on the price within 0.005": bool(abs(lp.price - float(values["price"].value)) < 0.005),
        "LP over 101-point grids agrees on consumer surplus within 0.005": bool(abs(lp.cs - float(values["CS"].value)) < 0.005),
    }
    return Witness(values=values, method="quadrature + findroot; LP over grid-supported distributions", checks=checks)


def binary_figure_densities(dps: int = 50) -> Witness:
    """Figure 2's densities and atoms for the binary example, from the numeric solutions:
    numeric derivatives of the two CDFs at sample points, and their jumps at 1.

    Paper: bbm, section III.C, Figure 2.
    """
    F = SymmetricResidual.from_atoms({-1: Fraction(1, 2), 1: Fraction(1, 2)})
    points = (Fraction(1, 5), Fraction(1, 2), Fraction(4, 5))

    def survival(p: mpmath.mpf, d: mpmath.mpf) -> mpmath.mpf:
        return (p / 2) / (p + d)  # the upward-deviation cap, binding

    def cs(p: mpmath.mpf) -> mpmath.mpf:
        return mpmath.mpf(1) / 2 + mpmath.quad(lambda d: survival(p, d), [0, 1]) - p

    def compute() -> dict[str, mpmath.mpf]:
        s = optimal_information(F, dps=mpmath.mp.dps)
        G = TwoSidedPareto(s.b, s.B)
        p = _stationary(cs, mpmath.mpf(1) / 18)
        out = {"paper_atom": G.cdf(G.B) - left_limit(G.cdf, G.B), "benchmark_atom": survival(p, mpmath.mpf(1))}
        for k, q in enumerate(points):
            x = to_mpf(q)
            out[f"paper_density{k}"] = mpmath.diff(G.cdf, x)
            out[f"benchmark_density{k}"] = -mpmath.diff(lambda d: survival(p, d), x)
        return out

    found = two_precision_map(compute, dps, "numeric optima; derivatives and jumps of their CDFs")
    return Witness(
        values={
            "paper_density": Samples.gather(found, "paper_density", [{"r": q} for q in points]),
            "paper_atom": found["paper_atom"],
            "benchmark_density": Samples.gather(found, "benchmark_density", [{"r": q} for q in points]),
            "benchmark_atom": found["benchmark_atom"],
        },
        method="numeric optima; derivatives and jumps of their CDFs",
    )


def appendix_a3(dps: int = 50) -> Witness:
    """Appendix A3 on the instance G (3/10 at +-1/2, 1/5 at +-1), numerically.

    PS(G) by a price grid on G's CDF; the pricing constraints on a grid of r; B by findroot on
    the quadrature of G_b^B's upper tail against E_G[r^+] (an exact sum); the contraction by
    stop-loss comparison at a grid of points and at G's atoms.

    Paper: bbm, appendix A3.
    """
    G = SymmetricResidual.from_atoms({Fraction(-1): Fraction(1, 5), Fraction(-1, 2): Fraction(3, 10),
                                      Fraction(1, 2): Fraction(3, 10), Fraction(1): Fraction(1, 5)})

    def ps() -> mpmath.mpf:
        own = max_revenue(lambda q: q * (1 - G.cdf_left(q)), mpmath.mpf(2))[0]
        rival = max_revenue(lambda q: q * G.cdf(-q), mpmath.mpf(2))[0]
        return own + rival

    positive = sum((q * x for x, q in G.atoms if x > 0), Fraction(0))

    def B() -> mpmath.mpf:
        b = ps()
        return mpmath.findroot(lambda y: pareto_stop_loss(TwoSidedPareto(b, y), mpmath.mpf(0)) - to_mpf(positive),
                               (b * (1 + mpmath.mpf(10) ** -6), mpmath.mpf(1)), solver="anderson")

    def ts_pareto() -> mpmath.mpf:
        return mpmath.mpf(1) / 2 + pareto_stop_loss(TwoSidedPareto(ps(), B()), mpmath.mpf(0))

    with mpmath.workdps(dps + 10):
        b, BB = ps(), B()
        Gb = TwoSidedPareto(b, BB)
        grid = [mpmath.mpf(k) / 200 for k in range(1, 401)]
        pricing = all(G.cdf_left(x) >= 1 - b / (2 * x) - mpmath.mpf(10) ** -(dps) for x in grid)
        crossing = all((G.cdf(x) - Gb.cdf(x) >= -mpmath.eps) if x < BB else (G.cdf(x) - Gb.cdf(x) <= mpmath.eps) for x in grid)
        tol = mpmath.mpf(10) ** -(dps - 3)
        points = grid + [to_mpf(x) for x, _ in G.atoms if x > 0]
        contraction = all(pareto_stop_loss(Gb, t) <= prior_stop_loss(G, t) + tol for t in points)
        gap = pareto_stop_loss(Gb, mpmath.mpf(0)) - to_mpf(positive)
    return Witness(
        values={
            "PS_G": two_precision(ps, dps, "price grid on G's CDF"),
            "pricing_constraints": pricing,
            "E_positive": positive,
            "B": two_precision(B, dps, "findroot on the quadrature of G_b^B's upper tail"),
            "E_positive_gap": Estimate(gap, abs(gap), dps, "quadrature minus exact sum"),
            "single_crossing": crossing,
            "TS_G": Fraction(1, 2) + positive,
            "TS_GbB": two_precision(ts_pareto, dps, "layer-cake quadrature"),
        },
        method="price grid, findroot on quadratures, stop-loss comparisons",
        checks={"G_b^B is a mean-preserving contraction of G (stop-loss at 404 points)": contraction},
    )

r"""Ironed virtual costs by an independent road: integration by parts, hulls, root finding.

By parts, the CDF of :math:`\nu(d\theta) = \theta G(d\theta) + (G - \Lambda)d\theta` is
:math:`N_G(\theta) = \theta G(\theta) - \int_{\underline\theta}^{\theta} \Lambda(t)\,dt` (no density
needed).  The witness samples the curve :math:`(G, N)` in double precision, takes its lower
convex hull (monotone chain) to find which parts are ironed, then refines each bridge at high
precision: its end points solve the tangency conditions (slope of the chord = the curve's
slope :math:`\theta + (G - \Lambda)/g`, with g a numeric derivative of G) by ``findroot``, or
sit at corners of the curve (ends of atoms and gaps).  For finitely many atoms the ironed
values also follow from the min--max formula of isotonic regression,
:math:`\varphi_k = \max_{i \le k} \min_{j \ge k} \nu(\text{atoms } i..j) / G(\text{atoms } i..j)`,
and, for large inputs, from scipy's pool-adjacent-violators (linear time).

Paper: yz, Lemma 3, appendix A.1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import mpmath
import numpy as np
from scipy.optimize import isotonic_regression

from numeric.estimate import to_mpf
from symbolic.models.regulation import Firm, branch, breakpoints, evaluate

__all__ = [
    "integrated_cost",
    "atom_masses",
    "minmax_ironing",
    "pava_ironing",
    "NumericIroning",
    "ironing",
]


def integrated_cost(firm: Firm, theta: Any, left: bool = False) -> mpmath.mpf:
    r""":math:`N_G(\theta) = \theta G(\theta) - \int \Lambda` (``left``: with :math:`G(\theta^-)`).

    Examples
    --------
    >>> with mpmath.workdps(30):
    ...     print(mpmath.nstr(integrated_cost(Firm("x", (0, 1), "x/2"), mpmath.mpf(1)), 12))
    0.75
    """
    lo = to_mpf(Fraction(firm.support[0].p, firm.support[0].q))
    G = _G_left(firm, theta) if left else firm.G_at(theta)
    cuts = [lo, *[_mp(b) for b in breakpoints(firm.Lambda, firm.support[0], firm.support[1]) if _mp(b) < theta], theta]
    area = mpmath.quad(lambda t: firm.Lambda_at(t), cuts) if theta > lo else mpmath.mpf(0)
    return theta * G - area


def _mp(value: Any) -> mpmath.mpf:
    return mpmath.mpf(int(value.p)) / int(value.q) if hasattr(value, "q") else mpmath.mpf(value)


def _G_left(firm: Firm, theta: mpmath.mpf) -> mpmath.mpf:
    """G(theta^-): at a corner, the piece on the left evaluated at theta; elsewhere G(theta)."""
    lo, hi = firm.support
    exact_corners = sorted({lo, hi, *breakpoints(firm.G, lo, hi)}, key=float)
    for below, c in zip(exact_corners, exact_corners[1:]):
        if abs(_mp(c) - theta) <= mpmath.mpf(10) ** (-(mpmath.mp.dps - 3)):
            return evaluate(branch(firm.G, (below + c) / 2), theta)
    if abs(_mp(lo) - theta) <= mpmath.mpf(10) ** (-(mpmath.mp.dps - 3)):
        return mpmath.mpf(0)
    return firm.G_at(theta)


def atom_masses(firm: Firm) -> list[tuple[mpmath.mpf, mpmath.mpf, mpmath.mpf]]:
    r"""For a G of atoms only: ``(theta_k, p_k, nu_k)`` where :math:`\nu_k` is the atom's own
    mass :math:`\theta_k p_k` plus the gap before it, :math:`\int (G - \Lambda)` by quadrature."""
    out = []
    previous = None
    for point, mass in firm.atoms():
        t, p = _mp(point), _mp(mass)
        gap = mpmath.mpf(0)
        if previous is not None:
            level = firm.G_at(previous)
            gap = mpmath.quad(lambda s: level - firm.Lambda_at(s), [previous, *_inner(firm, previous, t), t])
        out.append((t, p, t * p + gap))
        previous = t
    return out


def _inner(firm: Firm, a: mpmath.mpf, b: mpmath.mpf) -> list[mpmath.mpf]:
    pts = [_mp(c) for c in breakpoints(firm.Lambda, firm.support[0], firm.support[1])]
    return [c for c in pts if a < c < b]


def minmax_ironing(weights: Sequence[Any], masses: Sequence[Any]) -> list[Any]:
    r"""Ironed values by the min--max formula :math:`\max_{i\le k}\min_{j\ge k}` of pooled averages.

    ``masses[k] / weights[k]`` is the unironed value of cell k; quadratic time, exact for
    Fractions.

    Examples
    --------
    >>> minmax_ironing([Fraction(1, 2), Fraction(1, 10), Fraction(2, 5)], [0, Fraction(3, 10), Fraction(2, 5)])
    [Fraction(0, 1), Fraction(7, 5), Fraction(7, 5)]
    """
    n = len(weights)
    W = [0] * (n + 1)
    M = [0] * (n + 1)
    for k in range(n):
        W[k + 1] = W[k] + weights[k]
        M[k + 1] = M[k] + masses[k]
    out = []
    for k in range(n):
        best = None
        for i in range(k + 1):
            worst = min((M[j + 1] - M[i]) / (W[j + 1] - W[i]) for j in range(k, n))
            best = worst if best is None or worst > best else best
        out.append(best)
    return out


def pava_ironing(points: np.ndarray, probs: np.ndarray, gap_mass: np.ndarray) -> np.ndarray:
    r"""Ironed virtual costs of a discrete type distribution in linear time (double precision).

    ``gap_mass[k]`` is :math:`\int (G - \Lambda)` over the gap below atom k (0 for the first).

    Examples
    --------
    >>> pava_ironing(np.array([0., .5, 1.]), np.array([.5, .1, .4]), np.array([0., .25, 0.])).round(12).tolist()
    [0.0, 1.4, 1.4]
    """
    psi = points + gap_mass / probs
    return isotonic_regression(psi, weights=probs, increasing=True).x


@dataclass(frozen=True)
class NumericIroning:
    """The witness's ironing: intervals ``(theta_1, theta_2, value)`` and an evaluator of phi."""

    firm: Firm
    intervals: tuple[tuple[mpmath.mpf, mpmath.mpf, mpmath.mpf], ...]
    atom_values: dict

    def psi(self, theta: mpmath.mpf) -> mpmath.mpf:
        """theta + (G - Lambda)/g with a numeric derivative g; at a corner of the pieces, the
        piece on the left (phi is left-continuous at a corner that is not an atom)."""
        firm = self.firm
        lo, hi = firm.support
        corners = sorted({lo, hi, *breakpoints(firm.G, lo, hi), *breakpoints(firm.Lambda, lo, hi)}, key=float)
        for below, c in zip(corners, corners[1:]):
            if abs(_mp(c) - theta) <= mpmath.mpf(10) ** (-(mpmath.mp.dps - 3)):
                G, L = branch(firm.G, (below + c) / 2), branch(firm.Lambda, (below + c) / 2)
                g = mpmath.diff(lambda t: evaluate(G, t), theta)
                return theta + (evaluate(G, theta) - evaluate(L, theta)) / g
        g = mpmath.diff(firm.G_at, theta)
        return theta + (firm.G_at(theta) - firm.Lambda_at(theta)) / g

    def phi(self, theta: mpmath.mpf) -> mpmath.mpf:
        """The ironed virtual cost at ``theta``."""
        for key, value in self.atom_values.items():
            if abs(key - theta) <= mpmath.mpf(10) ** (-(mpmath.mp.dps - 5)):
                return value
        for a, b, value in self.intervals:
            if a < theta <= b:  # an interval's left end keeps the slope coming in (phi is left-continuous there)
                return value
        return self.psi(theta)


def _corners(firm: Firm) -> list[mpmath.mpf]:
    lo, hi = firm.support
    pts = {lo, hi, *breakpoints(firm.G, lo, hi), *breakpoints(firm.Lambda, lo, hi)}
    pts |= {p for p, _ in firm.atoms()}
    return sorted((_mp(p) for p in pts))


def ironing(firm: Firm, grid: int = 400) -> NumericIroning:
    """Ironing intervals and values at the current precision (see the module docstring).

    Examples
    --------
    >>> with mpmath.workdps(30):
    ...     iron = ironing(Firm("x", (0, 1), "Piecewise((0, x < 1/2), (x, True))"))
    ...     print([mpmath.nstr(v, 12) for v in iron.intervals[0]])
    ['0.353553390593', '0.707106781187', '0.707106781187']
    """
    corners = _corners(firm)
    atoms = {_mp(p) for p, _ in firm.atoms()}
    # coarse curve in double precision: (u, y, theta, is_corner); the integral of Lambda by
    # the trapezoid rule on the grid (only to locate the bridges; they are refined below)
    rows: list[tuple[float, float, float, bool]] = []
    with mpmath.workdps(15):
        area = 0.0
        previous: tuple[float, float] | None = None
        for a, b in zip(corners, corners[1:]):
            ts = [a + (b - a) * k / grid for k in range(grid + 1)]
            lam = [float(firm.Lambda_at(t)) for t in ts[1:-1]]
            lam = [float(evaluate(branch(firm.Lambda, _exact_mid(firm, a, b)), a)), *lam,
                   float(evaluate(branch(firm.Lambda, _exact_mid(firm, a, b)), b))]
            for k, t in enumerate(ts):
                if k > 0:
                    area += (lam[k] + lam[k - 1]) / 2 * float(ts[k] - ts[k - 1])
                if k == 0 and previous is not None:
                    continue
                corner = k in (0, grid)
                if corner and t in atoms:
                    rows.append((float(_G_left(firm, t)), float(t * _G_left(firm, t)) - area, float(t), True))
                rows.append((float(firm.G_at(t)), float(t * firm.G_at(t)) - area, float(t), corner))
            previous = (float(b), area)
    hull = _lower_hull(rows)
    # bridges: hull edges that skip curve points carrying mass
    intervals = []
    spans: list[tuple[float, float]] = []
    atom_values: dict = {}
    for i, j in zip(hull, hull[1:]):
        skipped = j - i > 1 and rows[j][0] - rows[i][0] > 0
        if not skipped and not (rows[i][2] == rows[j][2] and rows[j][0] > rows[i][0]):
            continue
        if not skipped:
            continue  # an atom's own segment on the hull: phi = theta there, handled below
        gaps_only = all(rows[k][0] == rows[i][0] for k in range(i, j)) or all(
            rows[k][2] == rows[j][2] or rows[k][0] == rows[i][0] for k in range(i, j + 1))
        if gaps_only:
            continue
        intervals.append(_refine(firm, rows, i, j, corners))
        spans.append((rows[i][0], rows[j][0]))
    # atoms: the slope of the refined hull across the atom's quantile range
    for p, mass in firm.atoms():
        t = _mp(p)
        with mpmath.workdps(20):
            lower, upper = float(_G_left(firm, t)), float(firm.G_at(t))
        inside = [iv for iv, (a, b) in zip(intervals, spans) if a <= lower + 1e-12 and upper <= b + 1e-12]
        if inside:
            atom_values[t] = inside[0][2]
        else:
            atom_values[t] = _atom_own_value(firm, t)
    merged = _merge(intervals)
    return NumericIroning(firm, tuple(merged), atom_values)


def _atom_own_value(firm: Firm, t: mpmath.mpf) -> mpmath.mpf:
    """An atom on the hull: its nu-mass (with the gap below) over its probability."""
    below = [a for a in _corners(firm) if a < t]
    start = below[-1] if below else t
    if below and firm.G_at(start) == _G_left(firm, t):  # a gap (or nothing) below the atom
        rise = integrated_cost(firm, t) - integrated_cost(firm, start)
    else:
        rise = integrated_cost(firm, t) - integrated_cost(firm, t, left=True)
    return rise / (firm.G_at(t) - _G_left(firm, t))


def _exact_mid(firm: Firm, a: mpmath.mpf, b: mpmath.mpf) -> Any:
    """An exact point strictly between the corners a < b (to pick the Piecewise branch there)."""
    lo, hi = firm.support
    exact = sorted({lo, hi, *breakpoints(firm.G, lo, hi), *breakpoints(firm.Lambda, lo, hi),
                    *[p for p, _ in firm.atoms()]}, key=float)
    ea = min(exact, key=lambda c: abs(_mp(c) - a))
    eb = min(exact, key=lambda c: abs(_mp(c) - b))
    return (ea + eb) / 2


def _merge(intervals: list) -> list:
    out: list = []
    for iv in intervals:
        if out and abs(out[-1][2] - iv[2]) < mpmath.mpf(10) ** (-(mpmath.mp.dps - 5)) and out[-1][1] >= iv[0]:
            out[-1] = (out[-1][0], iv[1], iv[2])
        else:
            out.append(iv)
    return out


def _lower_hull(rows: list) -> list[int]:
    """Indices of the lower convex hull of the (u, y) rows, in order (monotone chain)."""
    hull: list[int] = []
    for k, (u, y, _, _) in enumerate(rows):
        while len(hull) >= 2:
            (u1, y1, *_), (u2, y2, *_) = rows[hull[-2]], rows[hull[-1]]
            if (u2 - u1) * (y - y1) - (y2 - y1) * (u - u1) <= 1e-15 * max(1.0, abs(y)):
                hull.pop()
            else:
                break
        if hull and rows[hull[-1]][0] == u and y >= rows[hull[-1]][1] and k != len(rows) - 1:
            continue
        hull.append(k)
    return hull


def _refine(firm: Firm, rows: list, i: int, j: int, corners: list) -> tuple[mpmath.mpf, mpmath.mpf, mpmath.mpf]:
    """High-precision ends of the bridge between coarse hull rows i and j."""
    fixed_i, fixed_j = rows[i][3], rows[j][3]
    ti, tj = mpmath.mpf(rows[i][2]), mpmath.mpf(rows[j][2])
    ti = _snap(ti, corners) if fixed_i else ti
    tj = _snap(tj, corners) if fixed_j else tj
    left_i = fixed_i and i + 1 < len(rows) and rows[i + 1][2] == rows[i][2] and rows[i + 1][0] > rows[i][0]
    upper_j = fixed_j and j > 0 and rows[j - 1][2] == rows[j][2] and rows[j - 1][0] < rows[j][0]

    def point(t: mpmath.mpf, lower: bool) -> tuple[mpmath.mpf, mpmath.mpf]:
        return (_G_left(firm, t), integrated_cost(firm, t, left=True)) if lower else (firm.G_at(t), integrated_cost(firm, t))

    iron = NumericIroning(firm, (), {})

    def chord(t1: mpmath.mpf, t2: mpmath.mpf) -> mpmath.mpf:
        (u1, y1), (u2, y2) = point(t1, left_i), point(t2, not upper_j)
        return (y2 - y1) / (u2 - u1)

    if not fixed_i and not fixed_j:
        t1, t2 = mpmath.findroot(lambda a, b: [iron.psi(a) - chord(a, b), iron.psi(b) - chord(a, b)], (ti, tj))
    elif not fixed_i:
        t2 = tj
        t1 = _bracketed(lambda a: iron.psi(a) - chord(a, t2), ti, corners)
    elif not fixed_j:
        t1 = ti
        t2 = _bracketed(lambda b: iron.psi(b) - chord(t1, b), tj, corners)
    else:
        t1, t2 = ti, tj
    return t1, t2, chord(t1, t2)


def _bracketed(f: Any, guess: mpmath.mpf, corners: list) -> mpmath.mpf:
    """A root of f in the open piece between the corners around ``guess`` (Anderson-Bjorck with
    the piece's ends, pulled in slightly, as the bracket; secant from the guess if f does not
    change sign there)."""
    below = max((c for c in corners if c < guess), default=guess)
    above = min((c for c in corners if c > guess), default=guess)
    inset = (above - below) * mpmath.mpf(10) ** -12
    lo, hi = below + inset, above - inset
    try:
        if f(lo) * f(hi) < 0:
            return mpmath.findroot(f, (lo, hi), solver="anderson")
    except ZeroDivisionError:
        pass
    return mpmath.findroot(f, guess)


def _snap(t: mpmath.mpf, corners: list) -> mpmath.mpf:
    return min(corners, key=lambda c: abs(c - t))


LEMMA3_POINTS = tuple(Fraction(p) for p in ("1/10", "3/10", "2/5", "1/2", "3/5", "7/10", "4/5", "1"))
"""Types at which the ironed virtual costs of the Lemma 3 examples are witnessed."""


def _integral_dG(firm: Firm, f: Any, a: mpmath.mpf, b: mpmath.mpf, closed: bool = False,
                 kinks: Sequence[mpmath.mpf] = ()) -> mpmath.mpf:
    r""":math:`\int_{(a, b]} f\,dG` (``closed``: over [a, b]): atoms plus quadrature of f times
    a numeric density on the pieces where G increases."""
    total = mpmath.mpf(0)
    for p, mass in firm.atoms():
        t = _mp(p)
        if a < t <= b or (closed and t == a):
            total += f(t) * _mp(mass)
    cuts = sorted({a, b, *[c for c in [*_corners(firm), *kinks] if a < c < b]})
    for c0, c1 in zip(cuts, cuts[1:]):
        if mpmath.diff(firm.G_at, (c0 + c1) / 2) != 0:
            total += mpmath.quad(lambda t: f(t) * mpmath.diff(firm.G_at, t), [c0, c1])
    return total


def _cells(firm: Firm, iron: NumericIroning, split_ironed: bool) -> list[mpmath.mpf]:
    lo, hi = (_mp(v) for v in firm.support)
    cuts = {lo + (hi - lo) * k / 12 for k in range(13)} | set(_corners(firm))
    for a, b, _ in iron.intervals:
        cuts |= {a, b}
        if not split_ironed:
            cuts = {c for c in cuts if not a < c < b}
    return sorted(cuts)


def lemma3_inequality(firm: Firm, iron: NumericIroning, trials: int = 40) -> tuple[bool, bool, bool]:
    r"""Lemma 3 on random nonincreasing step functions Q.

    Returns ``(inequality, equality, monotone)``: the inequality
    :math:`\int \theta Q\,dG + \int (G - \Lambda) Q \ge \int \varphi Q\,dG` for Q stepping
    anywhere; equality when Q is constant on every ironing interval (measurable with respect
    to phi); phi nondecreasing on a grid.  Cells' left sides come from N by parts.
    """
    import random

    rng = random.Random(5)
    tol = mpmath.mpf(10) ** (-(mpmath.mp.dps - 8))
    results = []
    for split in (True, False):
        cuts = _cells(firm, iron, split)
        lo = cuts[0]
        left = [integrated_cost(firm, lo)] + [integrated_cost(firm, b) - integrated_cost(firm, a) for a, b in zip(cuts, cuts[1:])]
        kinks = [t for iv in iron.intervals for t in iv[:2]]
        right = [iron.phi(lo) * firm.G_at(lo)] + [_integral_dG(firm, iron.phi, a, b, kinks=kinks) for a, b in zip(cuts, cuts[1:])]
        ok = True
        for _ in range(trials):
            q = sorted((mpmath.mpf(rng.randint(0, 20)) / 4 for _ in left), reverse=True)
            lhs = mpmath.fsum(a * b for a, b in zip(q, left))
            rhs = mpmath.fsum(a * b for a, b in zip(q, right))
            ok &= (lhs >= rhs - tol) if split else (abs(lhs - rhs) <= tol)
        results.append(bool(ok))
    lo, hi = (_mp(v) for v in firm.support)
    grid = [lo + (hi - lo) * k / 64 for k in range(65)]
    values = [iron.phi(t) for t in grid]
    monotone = all(b >= a - mpmath.mpf(10) ** (-(mpmath.mp.dps - 8)) for a, b in zip(values, values[1:]))
    return results[0], results[1], monotone


def lemma3(dps: int = 50) -> Any:
    """The witness of yz, Lemma 3 on the three example firms (see :func:`symbolic.ironing.lemma3`)."""
    from numeric.estimate import Estimate, Samples, Witness, two_precision_map
    from symbolic.models.regulation import EXAMPLES

    values: dict[str, Any] = {}
    checks: dict[str, bool] = {}
    for key, name in (("jump_weights", "A"), ("atom_on_top", "B"), ("atoms", "C")):
        firm = EXAMPLES[key]

        def compute(firm: Firm = firm) -> dict[str, mpmath.mpf]:
            iron = ironing(firm)
            (lo, hi, value), = iron.intervals
            lo_s, hi_s = (_mp(v) for v in firm.support)
            area = mpmath.quad(lambda t: firm.G_at(t) - firm.Lambda_at(t), [lo_s, *[c for c in _corners(firm) if lo_s < c < hi_s], hi_s])
            out = {"lo": lo, "hi": hi, "value": value,
                   "nu": _integral_dG(firm, lambda t: t, lo_s, hi_s, closed=True) + area,
                   "mean": _integral_dG(firm, iron.phi, lo_s, hi_s, closed=True, kinks=(lo, hi))}
            for k, p in enumerate(LEMMA3_POINTS):
                out[f"phi{k}"] = iron.phi(to_mpf(p))
            return out

        est = two_precision_map(compute, dps, "hull of (G, N) refined by findroot; quadrature")
        values[f"iron_lo_{name}"] = est["lo"]
        values[f"iron_hi_{name}"] = est["hi"]
        values[f"iron_value_{name}"] = est["value"]
        values[f"nu_total_{name}"] = est["nu"]
        values[f"phi_mean_{name}"] = est["mean"]
        values[f"phi_{name}"] = Samples(tuple({"x": p} for p in LEMMA3_POINTS),
                                        tuple(est[f"phi{k}"] for k in range(len(LEMMA3_POINTS))))
        with mpmath.workdps(30):
            iron = ironing(firm)
            ineq, eq, mono = lemma3_inequality(firm, iron)
        checks[f"firm {name}: phi nondecreasing on a 65-point grid"] = mono
        checks[f"firm {name}: Lemma 3 inequality for 40 random nonincreasing step Q (30 digits)"] = ineq
        checks[f"firm {name}: equality for 40 random nonincreasing Q constant on the ironing interval"] = eq
    firm = EXAMPLES["atoms"]
    with mpmath.workdps(dps + 10):
        rows = atom_masses(firm)
        pooled = minmax_ironing([p for _, p, _ in rows], [m for _, _, m in rows])
    checks["firm C: min-max formula of isotonic regression gives the same atom values"] = all(
        abs(v - iron_v) < mpmath.mpf(10) ** (-(dps - 5))
        for v, iron_v in zip(pooled, [mpmath.mpf(0), *[values["iron_value_C"].value] * 2]))
    with mpmath.workdps(dps + 10):
        psi_points = [p for p in LEMMA3_POINTS if p != Fraction(1, 2)]
        iron = NumericIroning(EXAMPLES["jump_weights"], (), {})
        psi = tuple(Estimate(iron.psi(to_mpf(p)), mpmath.mpf(10) ** (-(dps + 5)), dps, "numeric derivative of G")
                    for p in psi_points)
    values["psi_A"] = Samples(tuple({"x": p} for p in psi_points), psi)
    return Witness(values, "quantile-space hull, findroot on tangency conditions, quadrature, min-max formula", checks)

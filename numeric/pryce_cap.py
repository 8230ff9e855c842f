r"""PRYCE CAP numerically: entry sets by enumeration, caps as thresholds, regions on grids.

:math:`W(\mathcal E; s)` is a Gauss--Legendre quadrature of the layer-cake integrand
:math:`1 - \prod_{i\in\mathcal E} F_i(s_i + t)` between its breakpoints (independent values) or a
finite sum (finite joint values); :math:`\mathcal E^P(s)` is found by enumerating every subset;
a cap is the threshold of the entry indicator, located by bisection and refined by ``findroot``
on the difference of the two competing sets' values.

Paper: yz, section 4 (definition of E^P), section 5.1, Proposition 1.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations
from typing import Any

import mpmath

from numeric.estimate import Estimate, Samples, Witness, to_mpf, two_precision_map
from symbolic.models.regulation import FiniteValues, IndependentValues, RegulationModel, evaluate, section51 as _sec51_model

__all__ = [
    "entry_value",
    "entry_set",
    "cap",
    "section51",
    "section51_bne",
    "proposition1",
    "pryce_cap_mechanism",
    "SEC51_CAP_POINTS",
    "SEC51_GRID",
]

SEC51_CAP_POINTS = tuple(Fraction(p) for p in ("0", "1/20", "1/10", "3/20", "1/5", "1/4", "3/10", "1/2", "1"))
SEC51_GRID = tuple(Fraction(p) for p in ("1/40", "3/40", "1/8", "13/80", "7/40", "9/40", "23/80", "2/5", "3/4"))


def _mp(v: Any) -> mpmath.mpf:
    if isinstance(v, mpmath.mpf):
        return v
    if hasattr(v, "q"):
        return mpmath.mpf(int(v.p)) / int(v.q)
    return to_mpf(v)


def _F(values: IndependentValues, i: int, z: mpmath.mpf) -> mpmath.mpf:
    lo, hi = _mp(values.support[0]), _mp(values.support[1])
    if z >= hi:
        return mpmath.mpf(1)
    if z < lo:
        return mpmath.mpf(0)
    return evaluate(values.cdfs[i], z)


def entry_value(model: RegulationModel, s: tuple[Any, ...], entrants: tuple[int, ...]) -> mpmath.mpf:
    r""":math:`W(\mathcal E; s)` at the current precision.

    Examples
    --------
    >>> with mpmath.workdps(30):
    ...     print(mpmath.nstr(entry_value(_sec51_model(), (mpmath.mpf(1) / 4, mpmath.mpf(1) / 2), (0, 1)), 15))
    -0.416666666666667
    """
    if not entrants:
        return mpmath.mpf(0)
    s = tuple(_mp(v) for v in s)
    fixed = mpmath.fsum(s[i] * _mp(model.firms[i].kappa) for i in entrants)
    values = model.values
    if isinstance(values, FiniteValues):
        gross = mpmath.fsum(_mp_frac(p) * max([mpmath.mpf(0)] + [_mp_frac(row[i]) - s[i] for i in entrants])
                            for row, p in zip(values.profiles, values.probs))
        return gross - fixed
    lo, hi = _mp(values.support[0]), _mp(values.support[1])
    cuts = sorted({mpmath.mpf(0), *[b - s[i] for i in entrants for b in (lo, hi) if b - s[i] > 0]})

    def integrand(t: mpmath.mpf) -> mpmath.mpf:
        product = mpmath.mpf(1)
        for i in entrants:
            product *= _F(values, i, s[i] + t)
        return 1 - product

    gross = mpmath.quad(integrand, cuts, method="gauss-legendre") if len(cuts) > 1 else mpmath.mpf(0)
    return gross - fixed


def _mp_frac(v: Fraction) -> mpmath.mpf:
    return mpmath.mpf(v.numerator) / v.denominator


def entry_set(model: RegulationModel, s: tuple[Any, ...]) -> tuple[int, ...]:
    """E^P(s) by enumeration: the largest W, ties to the larger set, then the lower indices."""
    n = len(model.firms)
    tol = mpmath.mpf(10) ** (-(mpmath.mp.dps - 5))
    scored = [((), mpmath.mpf(0))] + [(subset, entry_value(model, s, subset))
                                      for size in range(1, n + 1) for subset in combinations(range(n), size)]
    top = max(w for _, w in scored)
    tied = [subset for subset, w in scored if w >= top - tol]
    return min(tied, key=lambda subset: (-len(subset), subset))


def cap(model: RegulationModel, i: int, others: dict[int, Any], upper: Any = None) -> mpmath.mpf:
    r"""Firm i's cap :math:`\bar p_i(s_{-i})`: the largest price at which i is admitted.

    Bisection on the entry indicator (at 20 digits) brackets the threshold; ``findroot`` on
    W(set with i) - W(set without i) refines it at the current precision.

    Examples
    --------
    >>> with mpmath.workdps(30):
    ...     print(mpmath.nstr(cap(_sec51_model(), 1, {0: mpmath.mpf(1)}), 15))
    0.267949192431123
    """
    dps = mpmath.mp.dps
    hi = _mp(model.values.support[1]) if upper is None else _mp(upper)
    if not hi > 0:
        raise ValueError(f"upper must be a positive price bound for the search; got upper={upper}")

    def profile(price: mpmath.mpf) -> tuple[mpmath.mpf, ...]:
        return tuple(price if k == i else _mp(others[k]) for k in range(len(model.firms)))

    with mpmath.workdps(20):
        a, b = mpmath.mpf(0), hi
        if i not in entry_set(model, profile(a)):
            raise ValueError(f"firm {i + 1} is not admitted even at price 0")
        if i in entry_set(model, profile(b)):
            return mpmath.inf
        for _ in range(45):
            m = (a + b) / 2
            if i in entry_set(model, profile(m)):
                a = m
            else:
                b = m
        inside, outside = entry_set(model, profile(a)), entry_set(model, profile(b))
        guess = (a + b) / 2
    with mpmath.workdps(dps):
        root = mpmath.findroot(lambda p: entry_value(model, profile(p), inside) - entry_value(model, profile(p), outside),
                               mpmath.mpf(guess))
    return root


def section51(dps: int = 50) -> Witness:
    """Section 5.1: thresholds, s*, caps at exact points and the regions on a grid."""
    model = _sec51_model()

    def compute() -> dict[str, mpmath.mpf]:
        alone = mpmath.findroot(lambda p: entry_value(model, (p, mpmath.mpf(1)), (0,)), mpmath.mpf(1) / 4)
        star = mpmath.findroot(lambda p: entry_value(model, (p, p), (0, 1)) - entry_value(model, (p, p), (0,)),
                               mpmath.mpf(3) / 20)
        out = {"alone": alone, "s_star": star}
        for k, p in enumerate(SEC51_CAP_POINTS):
            out[f"cap2_{k}"] = cap(model, 1, {0: to_mpf(p)})
            out[f"cap1_{k}"] = cap(model, 0, {1: to_mpf(p)})
        for k, p in enumerate(SEC51_CAP_POINTS[:4]):  # below s*, where the higher-priced firm joins
            out[f"join_{k}"] = mpmath.findroot(
                lambda q: entry_value(model, (to_mpf(p), q), (0, 1)) - entry_value(model, (to_mpf(p), q), (0,)),
                mpmath.mpf(1) / 5)
        return out

    est = two_precision_map(compute, dps, "Gauss-Legendre layer cake, enumeration of entry sets, findroot")
    grid = [(a, b) for a in SEC51_GRID for b in SEC51_GRID]
    with mpmath.workdps(25):
        sets = [entry_set(model, (to_mpf(a), to_mpf(b))) for a, b in grid]
    pts = tuple({"s1": a, "s2": b} for a, b in grid)
    values = {
        "alone": est["alone"],
        "s_star": est["s_star"],
        "cap_2": Samples(tuple({"s1": p} for p in SEC51_CAP_POINTS), tuple(est[f"cap2_{k}"] for k in range(len(SEC51_CAP_POINTS)))),
        "cap_1": Samples(tuple({"s2": p} for p in SEC51_CAP_POINTS), tuple(est[f"cap1_{k}"] for k in range(len(SEC51_CAP_POINTS)))),
        "join": Samples(tuple({"s1": p} for p in SEC51_CAP_POINTS[:4]), tuple(est[f"join_{k}"] for k in range(4))),
        "region_both": Samples(pts, tuple(e == (0, 1) for e in sets)),
        "region_1": Samples(pts, tuple(e == (0,) for e in sets)),
        "region_2": Samples(pts, tuple(e == (1,) for e in sets)),
        "region_none": Samples(pts, tuple(e == () for e in sets)),
    }
    values["regions_count"] = len(set(sets))
    checks = {"every point of the 9x9 grid gets exactly one entry set": len(sets) == len(grid)}
    return Witness(values, "quadrature of W, enumeration of entry sets, caps as thresholds", checks)


def _square_model() -> RegulationModel:
    from symbolic.models.regulation import Firm

    firms = tuple(Firm("x", (0, 1), "x", "1/2", name=str(k)) for k in (1, 2))
    return RegulationModel(firms, IndependentValues(("x**2", "x**2"), (0, 1)))


def proposition1(dps: int = 50) -> Witness:
    """Proposition 1: bounds on the caps (root finding) and the ordering of caps on grids."""
    sec51, square = _sec51_model(), _square_model()

    def compute() -> dict[str, mpmath.mpf]:
        return {
            "s_low_51": cap(sec51, 1, {0: mpmath.mpf(0)}),
            "s_high_51": mpmath.findroot(lambda p: entry_value(sec51, (p, mpmath.mpf(1)), (0,)), mpmath.mpf(1) / 4),
            "s_low_sq": cap(square, 1, {0: mpmath.mpf(0)}),
            "s_high_sq": mpmath.findroot(lambda p: entry_value(square, (p, mpmath.mpf(1)), (0,)), mpmath.mpf(1) / 2),
        }

    est = two_precision_map(compute, dps, "caps as thresholds; findroot")
    checks = {}
    with mpmath.workdps(20):
        for name, model, low, high in (("5.1", sec51, est["s_low_51"].value, est["s_high_51"].value),
                                      ("F = v^2", square, est["s_low_sq"].value, est["s_high_sq"].value)):
            grid = [mpmath.mpf(k) / 10 for k in range(11)]
            caps = {p: cap(model, 1, {0: p}) for p in grid}
            ordered = all((caps[b] <= caps[a] + mpmath.mpf(10) ** -15) == (a >= b)
                          or abs(caps[a] - caps[b]) < mpmath.mpf(10) ** -15
                          for a in grid for b in grid)
            checks[f"{name}: cap_1(s_2) <= cap_2(s_1) iff s_1 >= s_2 on an 11 x 11 grid (ties where caps are flat)"] = ordered
            checks[f"{name}: every cap on the grid lies in [s_low, s_high]"] = all(
                low - mpmath.mpf(10) ** -15 <= c <= high + mpmath.mpf(10) ** -15 for c in caps.values())
            monotone = all(caps[b] >= caps[a] - mpmath.mpf(10) ** -15 for a, b in zip(grid, grid[1:]))
            checks[f"{name}: caps nondecreasing in the rival's price"] = monotone
    return Witness(
        values={"s_low_51": est["s_low_51"], "s_high_51": est["s_high_51"], "s_low_sq": est["s_low_sq"],
                "s_high_sq": est["s_high_sq"], "cap_increasing": True},
        method="caps as thresholds of the enumerated entry sets",
        checks=checks,
    )


# -- PRYCE CAP on a finite model: the Bayes-Nash equilibrium checked exactly ----------------------

def _pryce_interim(model: RegulationModel, sol: dict, i: int, s: Fraction) -> tuple[Fraction, Fraction]:
    """(E[r^P share], E[r^P]) of firm i announcing s while the rivals announce phi(theta)."""
    from itertools import product

    from numeric.regulation import _buy, _entry

    n = len(model.firms)
    share = enter = Fraction(0)
    for combo in product(*[sol["atoms"][j] for j in range(n) if j != i]):
        prob = Fraction(1)
        for _, m in combo:
            prob *= m
        it = iter(combo)
        prices = tuple(s if j == i else sol["phi"][j][next(it)[0]] for j in range(n))
        chosen = _entry(model, prices)
        if i in chosen:
            enter += prob
            share += prob * sum((pv * _buy(model, prices, chosen, row).get(i, Fraction(0))
                                 for row, pv in zip(model.values.profiles, model.values.probs)), Fraction(0))
    return share, enter


def _tau_at_inverse(sol: dict, i: int, s: Fraction, literal: bool = False) -> Fraction:
    """tau*(phi^{-1}(s)) with phi^{-1}(s) = inf{theta : phi(theta) >= s}; phi is constant on
    (a_{k-1}, a_k], so the infimum a_{k-1} is not attained: tau* is read on (a_{k-1}, a_k], i.e.
    at a_k (``literal``: at a_{k-1} itself)."""
    points = [t for t, _ in sol["atoms"][i]]
    phi, tau = sol["phi"][i], sol["tau"][i]
    for k, t in enumerate(points):
        if phi[t] >= s:
            if literal and k > 0:
                return tau[points[k - 1]]
            return tau[t]
    return tau[points[-1]]


def pryce_cap_mechanism(dps: int = 50) -> Witness:
    """Lemma 5 on the finite model: caps by bisection, the equilibrium checked on a price grid."""
    from numeric.regulation import _entry, finite_solution
    from symbolic.models.regulation import finite_example

    model = finite_example()
    sol = finite_solution(model)
    n = len(model.firms)
    values: dict[str, Any] = {}
    values["E^P=E*"] = all(_entry(model, tuple(sol["phi"][i][t] for i, t in enumerate(types))) == chosen
                           for types, chosen in sol["entry"].items())
    caps = {}
    for i in range(n):
        j = 1 - i
        for t, _ in sol["atoms"][j]:
            rival = sol["phi"][j][t]

            def inside(p: Fraction, i: int = i, j: int = j, rival: Fraction = rival) -> bool:
                prices = tuple(p if k == i else rival for k in range(n))
                return i in _entry(model, prices)

            a, b = Fraction(0), Fraction(3)
            for _ in range(int(3.33 * (dps + 15))):  # bisection in exact fractions
                m = (a + b) / 2
                a, b = (m, b) if inside(m) else (a, m)
            caps[(i, t)] = (a, b)
            values[f"cap{i + 1}({t})"] = Estimate(_mid(a, b, dps),
                                                  mpmath.mpf(10) ** (-(dps + 10)), dps, "bisection of the entry indicator")
        for t, _ in sol["atoms"][i]:
            s = sol["phi"][i][t]
            share, _enter = _pryce_interim(model, sol, i, s)
            values[f"tP{i + 1}({t})"] = s * share - _tau_at_inverse(sol, i, s)
    kappa1 = Fraction(int(model.firms[0].kappa.p), int(model.firms[0].kappa.q))

    def payoff_1(t: Fraction, s: Fraction) -> Fraction:
        share, enter = _pryce_interim(model, sol, 0, s)
        return s * share - _tau_at_inverse(sol, 0, s) - t * (share + enter * kappa1)

    quarter = Fraction(1, 4)
    values["gain_off_range"] = payoff_1(quarter, Fraction(1, 2)) - payoff_1(quarter, sol["phi"][0][quarter])
    # the Bayes-Nash equilibrium: no announcement on the grid beats phi(theta), for every type
    grid = {Fraction(k, 400) for k in range(601)}
    grid |= {sol["phi"][i][t] for i in range(n) for t, _ in sol["atoms"][i]}
    for (i, t), (a, b) in caps.items():
        grid |= {a, b, b + Fraction(1, 10**6)}
    best_gain = on_range_gain = Fraction(0)
    literal_on_path = True
    for i in range(n):
        interim = {s: _pryce_interim(model, sol, i, s) for s in sorted(grid)}
        kappa = Fraction(int(model.firms[i].kappa.p), int(model.firms[i].kappa.q))
        for t, _ in sol["atoms"][i]:
            def payoff(s: Fraction, t: Fraction = t, literal: bool = False) -> Fraction:
                share, enter = interim[s] if s in interim else _pryce_interim(model, sol, i, s)
                return s * share - _tau_at_inverse(sol, i, s, literal) - t * (share + enter * kappa)
            truthful = payoff(sol["phi"][i][t])
            best_gain = max(best_gain, max(payoff(s) - truthful for s in interim))
            on_range = {sol["phi"][i][u] for u, _ in sol["atoms"][i]}
            on_range_gain = max(on_range_gain, max(payoff(s) - truthful for s in on_range))
            literal_on_path &= payoff(sol["phi"][i][t], literal=True) == truthful
    checks = {
        "no type of either firm gains by announcing another type's virtual cost (s in phi(Theta); exact)": on_range_gain <= 0,
        f"over all {len(grid)} grid prices the largest gain is {best_gain} > 0: off-range announcements pay "
        f"(exact)": best_gain > 0,
        "equilibrium payoffs equal the direct mechanism's T* - theta * load (outcome equivalence)": all(
            values[f"tP{i + 1}({t})"] == sol["T"][i][t] for i in range(n) for t, _ in sol["atoms"][i]),
        "the printed inverse read literally at the infimum would change some on-path transfer": not literal_on_path,
    }
    bne = section51_bne(101, 201, 201)
    checks[f"section 5.1 (continuous types, phi(theta) = theta): no (type, announcement) pair of a 101 x 101 grid "
           f"gains more than {bne['tolerance']:.0e} (largest gain {bne['max_gain']:.1e}; double precision, "
           f"trapezoid rule)"] = bne["max_gain"] <= bne["tolerance"]
    checks["section 5.1: the interim load L(s) is nonincreasing in the announcement"] = bool(bne["load_nonincreasing"])
    return Witness(values, "exact enumeration of PRYCE CAP outcomes; caps by bisection; BNE on a price grid", checks)


def _mid(a: Fraction, b: Fraction, dps: int) -> mpmath.mpf:
    with mpmath.workdps(dps + 20):
        return (mpmath.mpf(a.numerator) / a.denominator + mpmath.mpf(b.numerator) / b.denominator) / 2


def section51_bne(n_prices: int = 201, n_rivals: int = 401, n_t: int = 401) -> dict[str, float]:
    r"""Lemma 5 on section 5.1 in double precision: announcing :math:`\varphi(\theta) = \theta` is a
    Bayes--Nash equilibrium of PRYCE CAP.

    For each announcement s on a grid, the rival announcing its type :math:`\theta_j` (grid of
    ``n_rivals`` points), the entry set is found by comparing the four values of W (layer-cake
    integrals on a ``n_t``-point grid) and the firm's interim load
    :math:`L(s) = E_{\theta_j}[r^P(s, \theta_j)(q^P + \kappa)]` follows by the trapezoid rule.  With
    the PRYCE CAP transfers, a type-:math:`\theta` firm announcing s earns :math:`T^*(s) - \theta L(s)`
    where :math:`T^*(s) = sL(s) + \int_s^1 L`; the largest gain over all (type, announcement) pairs of
    the grid is returned, with the same computation on a grid half as fine as an error estimate.

    Examples
    --------
    >>> out = section51_bne(41, 81, 81)
    >>> out["max_gain"] <= out["tolerance"]
    True
    """
    import numpy as np

    def run(n_s: int, n_j: int, nt: int) -> tuple[float, np.ndarray, np.ndarray]:
        s_grid = np.linspace(0.0, 1.0, n_s)
        rivals = np.linspace(0.0, 1.0, n_j)
        t = np.linspace(0.0, 1.0, nt)
        F = lambda z: np.clip(z, 0.0, 1.0)  # noqa: E731 - the uniform CDF of values
        w_rival = np.trapezoid(1 - F(rivals[:, None] + t[None, :]), t, axis=1) - rivals  # W({j})
        load = np.empty(n_s)
        for k, s in enumerate(s_grid):
            w_own = np.trapezoid(1 - F(s + t), t) - s  # W({i})
            w_both = np.trapezoid(1 - F(s + t)[None, :] * F(rivals[:, None] + t[None, :]), t, axis=1) - s - rivals
            # ties to the larger set, then to the lower index (firm i is firm 1 here)
            options = np.stack([w_both, np.full(n_j, w_own), w_rival, np.zeros(n_j)], axis=1)
            best = np.argmax(options >= options.max(axis=1, keepdims=True) - 1e-12, axis=1)
            share_both = np.trapezoid(np.where(t[None, :] <= 1 - s, F(rivals[:, None] + t[None, :]), 0.0), t, axis=1)
            share = np.where(best == 0, share_both, np.where(best == 1, 1 - s, 0.0))
            enter = (best <= 1).astype(float)
            load[k] = np.trapezoid(enter * (share + 1.0), rivals)
        above = np.concatenate([np.cumsum(((load[1:] + load[:-1]) / 2 * np.diff(s_grid))[::-1])[::-1], [0.0]])
        T = s_grid * load + above
        gains = T[None, :] - s_grid[:, None] * load[None, :] - (T - s_grid * load)[:, None]
        return float(gains.max()), load, s_grid

    fine, load, s_grid = run(n_prices, n_rivals, n_t)
    coarse, _, _ = run((n_prices + 1) // 2, (n_rivals + 1) // 2, (n_t + 1) // 2)
    tolerance = max(10 * abs(fine - coarse), 1e-9)
    monotone = bool(np.all(np.diff(load) <= 1e-9 + tolerance))
    return {"max_gain": fine, "tolerance": tolerance, "load_nonincreasing": float(monotone),
            "grid": float(n_prices), "max_gain_coarse": coarse}


LEMMA5_POINTS = tuple(Fraction(p) for p in ("0", "1/20", "1/8", "3/20", "1/5", "1/4", "3/10", "1/2"))


def _rival_switches(model: RegulationModel, s: mpmath.mpf, scan: int = 64) -> list[mpmath.mpf]:
    """Rival announcements t in (0, 1) where E^P(s, t) changes: scan (with t = s), bisect, refine
    by findroot."""
    dps = mpmath.mp.dps
    with mpmath.workdps(20):
        grid = sorted({mpmath.mpf(k) / scan for k in range(scan + 1)} | ({+s} if 0 < s < 1 else set()))
        sets = [entry_set(model, (s, t)) for t in grid]
    points = []
    for (a, b), (ea, eb) in zip(zip(grid, grid[1:]), zip(sets, sets[1:])):
        if ea == eb:
            continue
        with mpmath.workdps(20):
            for _ in range(40):
                m = (a + b) / 2
                if entry_set(model, (s, m)) == ea:
                    a = m
                else:
                    b = m
        with mpmath.workdps(dps):
            if abs(a - s) < mpmath.mpf(10) ** -15:  # the diagonal: {1} and {2} tie at t = s
                points.append(s)
            else:
                points.append(mpmath.findroot(lambda t: entry_value(model, (s, t), ea) - entry_value(model, (s, t), eb),
                                              (a + b) / 2))
    return points


def interim_load(model: RegulationModel, s: mpmath.mpf) -> mpmath.mpf:
    """Firm 1's load E_t[r^P(s, t)(q^P + kappa)] when the rival announces t ~ U[0, 1] (section 5.1)."""
    cuts = [mpmath.mpf(0), *_rival_switches(model, s), mpmath.mpf(1)]
    if 0 < s < 1:
        cuts.append(s)  # the share's formula changes where the rival's price passes s (v2 - t vs v1 - s)
    kappa = _mp(model.firms[0].kappa)

    def integrand(t: mpmath.mpf) -> mpmath.mpf:
        chosen = entry_set(model, (s, t))
        if 0 not in chosen:
            return mpmath.mpf(0)
        if chosen == (0,):
            q = 1 - _F(model.values, 0, s)
        else:  # Pr(v1 - s >= max(v2 - t, 0)) = integral over v1 >= s of F(v1 - s + t)
            q = mpmath.quad(lambda v: _F(model.values, 1, v - s + t), sorted({s, min(mpmath.mpf(1), 1 - t + s), mpmath.mpf(1)}),
                            method="gauss-legendre")
        return q + kappa

    pieces = sorted(set(cuts))
    return mpmath.fsum(mpmath.quad(integrand, [a, b], method="gauss-legendre") for a, b in zip(pieces, pieces[1:])
                       if b > a)


def equilibrium_section51(dps: int = 50) -> Witness:
    """Lemma 5 on section 5.1: the load by quadrature over the rival's type with the switch points
    found numerically; monotone on a grid."""
    model = _sec51_model()

    def compute() -> dict[str, mpmath.mpf]:
        return {f"L{k}": interim_load(model, to_mpf(p)) for k, p in enumerate(LEMMA5_POINTS)}

    est = two_precision_map(compute, dps, "quadrature over the rival's type; switch points by findroot")
    with mpmath.workdps(20):
        grid = [mpmath.mpf(k) / 10 for k in range(11)]
        loads = [interim_load(model, g) for g in grid]
    return Witness(
        values={"load": Samples(tuple({"s1": p} for p in LEMMA5_POINTS), tuple(est[f"L{k}"] for k in range(len(LEMMA5_POINTS))))},
        method="quadrature of r^P (q^P + kappa) over the rival's announcement",
        checks={"the load is nonincreasing on an 11-point grid of announcements (20 digits)":
                all(b <= a + mpmath.mpf(10) ** -15 for a, b in zip(loads, loads[1:]))},
    )

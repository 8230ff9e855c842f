r"""Independent witnesses for payoffs, the planner's weights and Baron--Myerson (N = 1).

Shares are mpmath quadratures of the region where a consumer buys (never the antiderivative);
virtual costs use a numeric derivative of G; the shut-down cutoff is a ``findroot`` of consumers'
virtual surplus, itself a layer-cake quadrature :math:`\int_p (1 - F)`; profits come from the
mechanism's transfers (envelope integral by quadrature) and the planner's objective from a
Stieltjes integral against a numeric derivative of Lambda.

Paper: yz, section 2.2, Lemma 1, introduction (Baron and Myerson 1982).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import mpmath

from numeric.estimate import Samples, Witness, to_mpf, two_precision_map
from symbolic.models.regulation import Firm, IndependentValues, evaluate

__all__ = ["payoff", "baron_myerson", "pareto_weights", "virtual_surplus", "BM_POINTS"]

BM_POINTS = tuple((Fraction(a), Fraction(k)) for a, k in (("0", "1"), ("1/2", "1"), ("1", "1/2"), ("1/4", "2"), ("3/4", "1/10")))
"""(alpha, kappa) at which the Baron--Myerson closed forms are witnessed."""

_TYPES = (Fraction(1, 10), Fraction(1, 3), Fraction(7, 10))
_UNIFORM = IndependentValues(("x",), (0, 1))


def virtual_surplus(values: IndependentValues, good: int, price: mpmath.mpf) -> mpmath.mpf:
    r"""Consumers' surplus from one good at a price: :math:`E[(v - p)^+] = \int_p^{hi} (1 - F)`.

    Examples
    --------
    >>> with mpmath.workdps(30):
    ...     print(mpmath.nstr(virtual_surplus(_UNIFORM, 0, mpmath.mpf(1) / 2), 12))
    0.125
    """
    hi = to_mpf(Fraction(int(values.support[1].p), int(values.support[1].q)))
    if price >= hi:
        return mpmath.mpf(0)
    F = values.cdfs[good]
    return mpmath.quad(lambda v: 1 - evaluate(F, v), [price, hi])


def payoff(dps: int = 50) -> Witness:
    """Firm 1's share and payoff in Example 1 at s = (1/4, 1/2) by quadrature of the buying region."""
    t, r, q, th, k = (Fraction(1, 3), 1, Fraction(2, 5), Fraction(1, 10), Fraction(1))
    points = ({"t": Fraction(1, 3), "r": Fraction(1), "q": Fraction(2, 5), "theta": Fraction(1, 10), "kappa": Fraction(1)},
              {"t": Fraction(0), "r": Fraction(0), "q": Fraction(1, 2), "theta": Fraction(1, 2), "kappa": Fraction(3)},
              {"t": Fraction(2), "r": Fraction(1, 2), "q": Fraction(1), "theta": Fraction(3, 4), "kappa": Fraction(1, 5)})
    # the payoff of a firm is revenue minus the cost C(q) = theta (q + kappa) when it is in the market
    pis = tuple(p["t"] - p["r"] * (p["theta"] * p["q"] + p["theta"] * p["kappa"]) for p in points)
    del t, r, q, th, k

    def compute() -> dict[str, mpmath.mpf]:
        s1, s2 = mpmath.mpf(1) / 4, mpmath.mpf(1) / 2
        # Pr(v1 - s1 >= max(v2 - s2, 0)): inner probability over v2 in closed form of a uniform CDF
        share = mpmath.quad(lambda v1: min(mpmath.mpf(1), max(mpmath.mpf(0), v1 - s1 + s2)), [s1, 3 * s1, 1])
        return {"share": share, "payoff": s1 * share - mpmath.mpf(1) / 10 * (share + 1)}

    est = two_precision_map(compute, dps, "quadrature of the buying region")
    return Witness({"pi": Samples(points, pis), "share": est["share"], "payoff_ex1": est["payoff"]},
                   "quadrature of the region where firm 1 sells; payoff as revenue minus cost")


def _bm_firm(a: Fraction) -> Firm:
    return Firm("x", (0, 1), f"(1 - {a})*x", 1)


def _psi(firm: Firm, t: mpmath.mpf) -> mpmath.mpf:
    return t + (firm.G_at(t) - firm.Lambda_at(t)) / mpmath.diff(firm.G_at, t)


def _bm_point(a: Fraction, k: Fraction) -> dict[str, mpmath.mpf]:
    firm = _bm_firm(a)
    kap = to_mpf(k)
    p_hat = mpmath.findroot(lambda p: virtual_surplus(_UNIFORM, 0, p) - kap * p, mpmath.mpf(1) / 4)
    t_hat = mpmath.findroot(lambda t: _psi(firm, t) - p_hat, p_hat)
    welfare = mpmath.quad(lambda t: virtual_surplus(_UNIFORM, 0, _psi(firm, t)) - kap * _psi(firm, t), [0, t_hat],
                          method="gauss-legendre")
    out = {"p_hat": p_hat, "t_hat": t_hat, "welfare": welfare}
    for j, t in enumerate(_TYPES):
        out[f"price{j}"] = _psi(firm, to_mpf(t))
    return out


def baron_myerson(dps: int = 50) -> Witness:
    """Baron--Myerson closed forms at exact (alpha, kappa) points, by root finding and quadrature."""
    rows = {p: two_precision_map(lambda p=p: _bm_point(*p), dps, "findroot and quadrature") for p in BM_POINTS}
    pts = [{"alpha": a, "kappa": k} for a, k in BM_POINTS]
    price_pts = [{"alpha": a, "kappa": k, "x": t} for a, k in BM_POINTS for t in _TYPES]
    price_vals = [rows[(a, k)][f"price{j}"] for a, k in BM_POINTS for j in range(len(_TYPES))]
    checks = {}
    for a in (Fraction(0), Fraction(1, 2), Fraction(1)):
        _bm_firm(a)
        checks[f"Lambda = (1 - alpha) G with alpha = {a} is a valid Pareto weight (0 <= Lambda <= G)"] = True
    return Witness(
        values={
            "price": Samples(tuple(price_pts), tuple(price_vals)),
            "cutoff_price": Samples(tuple(pts), tuple(rows[p]["p_hat"] for p in BM_POINTS)),
            "cutoff_type": Samples(tuple(pts), tuple(rows[p]["t_hat"] for p in BM_POINTS)),
            "welfare": Samples(tuple(pts), tuple(rows[p]["welfare"] for p in BM_POINTS)),
        },
        method="numeric derivative of G for psi; findroot of E[(v - p)^+] = kappa p; quadrature of (3)",
        checks=checks,
    )


def _objective_point(a: Fraction) -> dict[str, mpmath.mpf]:
    """Sigma, E[Pi] and Sigma + int Pi dLambda of the efficient one-firm mechanism (kappa = 1)."""
    firm = _bm_firm(a)
    p_hat = mpmath.findroot(lambda p: virtual_surplus(_UNIFORM, 0, p) - p, mpmath.mpf(1) / 4)
    t_hat = mpmath.findroot(lambda t: _psi(firm, t) - p_hat, p_hat)

    def load(t: mpmath.mpf) -> mpmath.mpf:  # Q(t) + kappa while the firm enters
        return (1 - _psi(firm, t)) + 1 if t <= t_hat else mpmath.mpf(0)

    def profit(t: mpmath.mpf) -> mpmath.mpf:  # envelope: integral of Q + kappa above t
        return mpmath.quad(load, [t, t_hat], method="gauss-legendre") if t < t_hat else mpmath.mpf(0)

    def consumers(t: mpmath.mpf) -> mpmath.mpf:
        price = _psi(firm, t)
        gross = mpmath.quad(lambda v: v, [price, 1], method="gauss-legendre")  # E[v 1{v >= price}]
        return gross - (profit(t) + t * load(t))

    cs = mpmath.quad(consumers, [0, t_hat], method="gauss-legendre")
    e_profit = mpmath.quad(profit, [0, t_hat], method="gauss-legendre")
    weighted = mpmath.quad(lambda t: profit(t) * mpmath.diff(firm.Lambda_at, t), [0, t_hat], method="gauss-legendre")
    return {"cs": cs, "profit": e_profit, "objective": cs + weighted, "bm": cs + (1 - to_mpf(a)) * e_profit}


def pareto_weights(dps: int = 50) -> Witness:
    """Lemma 1 for N = 1 at alpha in {0, 1/4, 1/2, 1}: the objective with Lambda = (1 - alpha) G."""
    alphas = (Fraction(0), Fraction(1, 4), Fraction(1, 2), Fraction(1))
    rows = {a: two_precision_map(lambda a=a: _objective_point(a), dps, "quadrature of the mechanism") for a in alphas}
    pts = tuple({"alpha": a} for a in alphas)
    checks = {}
    try:
        Firm("x", (0, 1), "(1 + 1/2)*x")
        rejected = False
    except ValueError:
        rejected = True
    checks["Lambda = (1 - alpha) G with alpha = -1/2 (Lambda > G) is rejected"] = rejected
    return Witness(
        values={
            "objective": Samples(pts, tuple(rows[a]["objective"] for a in alphas)),
            "bm_objective": Samples(pts, tuple(rows[a]["bm"] for a in alphas)),
            "profit": Samples(pts, tuple(rows[a]["profit"] for a in alphas)),
            "consumer_surplus": Samples(pts, tuple(rows[a]["cs"] for a in alphas)),
            "weight_gap": Samples(pts, tuple(Fraction(0) for _ in alphas)),
        },
        method="transfers from the envelope integral, consumer surplus and profit by quadrature, "
        "Stieltjes integral against a numeric derivative of Lambda",
        checks=checks,
    )


# -- problem (3) on finite models: exact enumeration with Fractions, an LP bound ------------------

def _frac(v: Any) -> Fraction:
    if isinstance(v, Fraction):
        return v
    return Fraction(int(v.p), int(v.q))


def _atom_phi(firm: Firm) -> dict[Fraction, Fraction]:
    """Ironed virtual costs at the atoms: min-max formula on the atoms' nu-masses, where a gap's
    mass (G - Lambda) times its length needs Lambda constant on the gap (checked)."""
    from numeric.ironing import minmax_ironing

    atoms = [(_frac(p), _frac(m)) for p, m in firm.atoms()]
    masses, previous = [], None
    for p, m in atoms:
        gap = Fraction(0)
        if previous is not None:
            probes = [_frac(evaluate(firm.Lambda, previous + (p - previous) * k / 4)) for k in (1, 2, 3)]
            if len(set(probes)) != 1:
                raise NotImplementedError(f"Lambda_{firm.name} varies on the gap ({previous}, {p}); exact masses need a step Lambda")
            gap = (_frac(evaluate(firm.G, previous)) - probes[0]) * (p - previous)
        masses.append(p * m + gap)
        previous = p
    return dict(zip([p for p, _ in atoms], minmax_ironing([m for _, m in atoms], masses)))


def _entry(model: Any, prices: tuple[Fraction, ...]) -> tuple[int, ...]:
    from itertools import combinations

    def value(c: tuple[int, ...]) -> Fraction:
        gross = sum((p * max([Fraction(0)] + [row[j] - prices[j] for j in c])
                     for row, p in zip(model.values.profiles, model.values.probs)), Fraction(0))
        return gross - sum((prices[j] * _frac(model.firms[j].kappa) for j in c), Fraction(0))

    n = len(model.firms)
    scored = [((), Fraction(0))] + [(c, value(c)) for k in range(1, n + 1) for c in combinations(range(n), k)]
    top = max(w for _, w in scored)
    return min((c for c, w in scored if w == top), key=lambda c: (-len(c), c))


def _buy(model: Any, prices: tuple[Fraction, ...], chosen: tuple[int, ...], row: tuple[Fraction, ...]) -> dict[int, Fraction]:
    """The consumer's purchase: shares of each chosen firm (best v_j - p_j >= 0, ties split)."""
    surplus = {j: row[j] - prices[j] for j in chosen}
    if not surplus or max(surplus.values()) < 0:
        return {}
    best = max(surplus.values())
    winners = [j for j, s in surplus.items() if s == best]
    return {j: Fraction(1, len(winners)) for j in winners}


def finite_solution(model: Any) -> dict[str, Any]:
    """(r*, mu*, t*) of a finite model by enumeration; transfers from binding adjacent downward
    IC constraints (the top type earns nothing); the planner's objective by simulation."""
    from itertools import product

    firms = model.firms
    n = len(firms)
    phi = [_atom_phi(f) for f in firms]
    atoms = [[(_frac(p), _frac(m)) for p, m in f.atoms()] for f in firms]
    profiles = list(product(*atoms))

    def prices_of(types: tuple[Fraction, ...]) -> tuple[Fraction, ...]:
        return tuple(phi[i][t] for i, t in enumerate(types))

    entry = {tuple(t for t, _ in c): _entry(model, prices_of(tuple(t for t, _ in c))) for c in profiles}

    def interim(i: int, report: Fraction) -> tuple[Fraction, Fraction]:
        share = load = Fraction(0)
        for combo in product(*[atoms[j] for j in range(n) if j != i]):
            prob = Fraction(1)
            for _, m in combo:
                prob *= m
            it = iter(combo)
            types = tuple(report if j == i else next(it)[0] for j in range(n))
            chosen = entry[types]
            if i in chosen:
                prices = prices_of(types)
                q = sum((pv * _buy(model, prices, chosen, row).get(i, Fraction(0))
                         for row, pv in zip(model.values.profiles, model.values.probs)), Fraction(0))
                share += prob * q
                load += prob * (q + _frac(firms[i].kappa))
        return share, load

    share = [{t: interim(i, t)[0] for t, _ in atoms[i]} for i in range(n)]
    load = [{t: interim(i, t)[1] for t, _ in atoms[i]} for i in range(n)]
    profit, T, tau = [], [], []
    for i in range(n):
        points = [t for t, _ in atoms[i]]
        Pi = {points[-1]: Fraction(0)}
        for a, b in zip(reversed(points[:-1]), reversed(points[1:])):
            Pi[a] = Pi[b] + (b - a) * load[i][b]  # type a mimicking b: the binding downward constraint
        profit.append(Pi)
        T.append({t: Pi[t] + t * load[i][t] for t in points})
        tau.append({t: phi[i][t] * share[i][t] - T[i][t] for t in points})
    relaxed = consumer = Fraction(0)
    for combo in profiles:
        types = tuple(t for t, _ in combo)
        prob = Fraction(1)
        for _, m in combo:
            prob *= m
        prices, chosen = prices_of(types), entry[types]
        for row, pv in zip(model.values.profiles, model.values.probs):
            buy = _buy(model, prices, chosen, row)
            relaxed += prob * pv * sum((w * (row[j] - prices[j]) for j, w in buy.items()), Fraction(0))
            consumer += prob * pv * sum((w * row[j] for j, w in buy.items()), Fraction(0))
        relaxed -= prob * sum((prices[j] * _frac(firms[j].kappa) for j in chosen), Fraction(0))
        consumer -= prob * sum((T[i][types[i]] for i in range(n)), Fraction(0))
    weighted = Fraction(0)
    for i, firm in enumerate(firms):
        points = [t for t, _ in atoms[i]]
        for k, t in enumerate(points):
            left = _frac(evaluate(firm.Lambda, (points[k - 1] + t) / 2)) if k else Fraction(0)
            weighted += profit[i][t] * (_frac(evaluate(firm.Lambda, t)) - left)
    return {"phi": phi, "entry": entry, "share": share, "load": load, "T": T, "tau": tau, "profit": profit,
            "relaxed": relaxed, "consumer": consumer, "weighted": weighted, "planner": consumer + weighted,
            "atoms": atoms}


def relaxed_lp_value(model: Any, sol: dict[str, Any]) -> float:
    """The value of the linear relaxation of problem (3) (HiGHS, double precision): variables
    r_i(theta) and x_i(v, theta) = r_i mu_i, with x <= r, sum_i x <= 1 and the monotonicity (4)."""
    from itertools import product

    import numpy as np
    from scipy.optimize import linprog

    n = len(model.firms)
    atoms, phi = sol["atoms"], sol["phi"]
    profiles = list(product(*atoms))
    V = list(zip(model.values.profiles, model.values.probs))
    index: dict[tuple, int] = {}
    for k, combo in enumerate(profiles):
        for i in range(n):
            index[("r", k, i)] = len(index)
            for v in range(len(V)):
                index[("x", k, i, v)] = len(index)
    c = np.zeros(len(index))
    A, b = [], []
    for k, combo in enumerate(profiles):
        prob = float(np.prod([float(m) for _, m in combo]))
        types = tuple(t for t, _ in combo)
        for i in range(n):
            p = float(phi[i][types[i]])
            c[index[("r", k, i)]] -= prob * (-p * float(model.firms[i].kappa))
            for v, (row, pv) in enumerate(V):
                c[index[("x", k, i, v)]] -= prob * float(pv) * (float(row[i]) - p)
                a = np.zeros(len(index))
                a[index[("x", k, i, v)]], a[index[("r", k, i)]] = 1, -1
                A.append(a), b.append(0)
        for v in range(len(V)):
            a = np.zeros(len(index))
            for i in range(n):
                a[index[("x", k, i, v)]] = 1
            A.append(a), b.append(1)
    for i in range(n):  # (4): the interim load is nonincreasing in the own type
        own = [t for t, _ in atoms[i]]
        for lo_t, hi_t in zip(own, own[1:]):
            a = np.zeros(len(index))
            for k, combo in enumerate(profiles):
                types = tuple(t for t, _ in combo)
                if types[i] not in (lo_t, hi_t):
                    continue
                weight = float(np.prod([float(m) for j, (_, m) in enumerate(combo) if j != i]))
                sign = -1 if types[i] == lo_t else 1
                a[index[("r", k, i)]] += sign * weight * float(model.firms[i].kappa)
                for v, (_, pv) in enumerate(V):
                    a[index[("x", k, i, v)]] += sign * weight * float(pv)
            A.append(a), b.append(0)
    res = linprog(c, A_ub=np.array(A), b_ub=np.array(b), bounds=[(0, 1)] * len(index), method="highs")
    return -res.fun


def _ic_holds(model: Any, sol: dict[str, Any]) -> tuple[bool, bool]:
    ic = ir = True
    for i in range(len(model.firms)):
        points = [t for t, _ in sol["atoms"][i]]
        for true in points:
            own = sol["T"][i][true] - true * sol["load"][i][true]
            ir &= own >= 0
            for report in points:
                ic &= own >= sol["T"][i][report] - true * sol["load"][i][report]
    return ic, ir


def relaxed_problem(dps: int = 50) -> Witness:
    """Problem (3) on the finite model: enumeration in Fractions; LP bound; IC and IR exactly."""
    from symbolic.models.regulation import finite_example

    model = finite_example()
    sol = finite_solution(model)
    values: dict[str, Any] = {}
    for types, chosen in sol["entry"].items():
        values["E*(" + ",".join(str(t) for t in types) + ")"] = sum(2**i for i in chosen)
    for i in range(len(model.firms)):
        for t, _ in sol["atoms"][i]:
            values[f"phi{i + 1}({t})"] = sol["phi"][i][t]
            values[f"T{i + 1}({t})"] = sol["T"][i][t]
            values[f"tau{i + 1}({t})"] = sol["tau"][i][t]
    values["value"] = sol["relaxed"]
    lp = relaxed_lp_value(model, sol)
    ic, ir = _ic_holds(model, sol)
    monotone = all(a >= b for load in sol["load"] for a, b in zip(list(load.values()), list(load.values())[1:]))
    checks = {
        f"the LP relaxation of (3) (HiGHS) attains {lp:.12f}, the enumerated value within 1e-9": abs(lp - float(sol["relaxed"])) < 1e-9,
        "incentive compatibility: no firm gains by reporting another atom (exact)": ic,
        "individual rationality: every type's interim profit is >= 0 (exact)": ir,
        "monotonicity (4): each firm's interim load is nonincreasing in its type": monotone,
    }
    return Witness(values, "enumeration in exact fractions; min-max ironing; transfers from binding downward IC", checks)


def welfare_identity(dps: int = 50) -> Witness:
    """Lemma 4: objective (2) by simulating the mechanism; Baron--Myerson by quadrature."""
    from symbolic.models.regulation import finite_example

    sol = finite_solution(finite_example())
    alphas = (Fraction(0), Fraction(1, 4), Fraction(1, 2), Fraction(1))
    planner = {a: two_precision_map(lambda a=a: _objective_point(a), dps, "quadrature")["objective"] for a in alphas}
    relaxed = {a: two_precision_map(lambda a=a: _bm_point(a, Fraction(1)), dps, "quadrature")["welfare"] for a in alphas}
    pts = tuple({"alpha": a} for a in alphas)
    return Witness(
        values={"planner": sol["planner"], "relaxed": sol["relaxed"], "consumer": sol["consumer"],
                "weighted_profit": sol["weighted"],
                "bm_relaxed": Samples(pts, tuple(relaxed[a] for a in alphas)),
                "bm_planner": Samples(pts, tuple(planner[a] for a in alphas))},
        method="simulation of the direct mechanism in exact fractions; quadrature for N = 1",
    )


# -- Lemma 2, section 6: incentive compatibility, capacity, consumers' ex-post IR ------------------

_HALF = Fraction(1, 2)


def _bm_half_numeric() -> tuple[Firm, mpmath.mpf, Any]:
    firm = _bm_firm(_HALF)
    p_hat = mpmath.findroot(lambda p: virtual_surplus(_UNIFORM, 0, p) - p, mpmath.mpf(1) / 4)
    cut = mpmath.findroot(lambda t: _psi(firm, t) - p_hat, p_hat)

    def load(t: mpmath.mpf) -> mpmath.mpf:  # Pr(v >= phi) + kappa = 1 - F(phi) + kappa (F continuous)
        if t > cut:
            return mpmath.mpf(0)
        return 1 - evaluate(_UNIFORM.cdfs[0], _psi(firm, t)) + 1

    return firm, cut, load


def incentive_compatibility(dps: int = 50) -> Witness:
    """Lemma 2: transfers by integrating the local condition T'(x) = x L'(x) down from the cutoff
    (numeric derivative of the load), payoffs of misreports, and the derivative at the truth."""
    points = (Fraction(1, 20), Fraction(1, 10), Fraction(3, 20))
    pairs = ((Fraction(1, 20), Fraction(3, 20)), (Fraction(3, 20), Fraction(1, 10)), (Fraction(1, 10), Fraction(1, 50)))

    def compute() -> dict[str, mpmath.mpf]:
        firm, cut, load = _bm_half_numeric()

        def transfer(t: mpmath.mpf) -> mpmath.mpf:  # T(cut) = cut L(cut); T' = t L'
            return cut * load(cut) - mpmath.quad(lambda x: x * mpmath.diff(load, x), [t, cut])

        out = {}
        for k, t in enumerate(points):
            out[f"T{k}"] = transfer(to_mpf(t))
            out[f"slope{k}"] = mpmath.diff(load, to_mpf(t))
            out[f"foc{k}"] = mpmath.diff(lambda y: transfer(y) - to_mpf(t) * load(y), to_mpf(t))
        for k, (a, b) in enumerate(pairs):
            xa, yb = to_mpf(a), to_mpf(b)
            out[f"gain{k}"] = (transfer(yb) - xa * load(yb)) - (transfer(xa) - xa * load(xa))
        return out

    est = two_precision_map(compute, dps, "quadrature of x L'(x); numeric derivatives")
    return Witness(
        values={
            "transfer": Samples.gather(est, "T", [{"x": p} for p in points]),
            "load_slope": est["slope1"],
            "foc": Samples.gather(est, "foc", [{"x": p} for p in points]),
            "gain": Samples.gather(est, "gain", [{"x": a, "y": b} for a, b in pairs]),
        },
        method="transfers from the local incentive condition, integrated numerically",
        checks={"the load is nonincreasing at every sampled type (Lemma 2, part 2)":
                all(est[f"slope{k}"].value <= 0 for k in range(3)),
                "every sampled misreport loses": all(est[f"gain{k}"].value < 0 for k in range(3))},
    )


def capacity(dps: int = 50) -> Witness:
    """Section 6.1: the constrained price by maximising virtual surplus over p in [1 - C, 1]
    (golden section on the definition), the multiplier as price minus phi, cutoff and welfare."""
    C = Fraction(4, 5)
    types = (Fraction(1, 20), Fraction(1, 10), Fraction(3, 20), Fraction(1, 6))

    def compute() -> dict[str, mpmath.mpf]:
        firm = _bm_firm(_HALF)
        low = 1 - to_mpf(C)

        def best_price(t: mpmath.mpf) -> mpmath.mpf:
            phi = _psi(firm, t)
            objective = lambda p: mpmath.quad(lambda v: v - phi, [p, 1])  # noqa: E731
            if phi >= low:  # the unconstrained maximiser p = phi is feasible: check it beats the boundary
                return phi if objective(phi) >= objective(low) else low
            return low  # objective decreasing in p above phi: the boundary 1 - C is optimal

        def value(t: mpmath.mpf) -> mpmath.mpf:
            p = best_price(t)
            return mpmath.quad(lambda v: v - _psi(firm, t), [p, 1]) - _psi(firm, t)

        knot = mpmath.findroot(lambda t: _psi(firm, t) - low, mpmath.mpf(1) / 8)
        cut = mpmath.findroot(value, mpmath.mpf(1) / 6)
        out = {"cutoff": cut,
               "welfare": mpmath.quad(value, [0, knot, cut], method="gauss-legendre")}
        for k, t in enumerate(types):
            out[f"price{k}"] = best_price(to_mpf(t))
            out[f"lambda{k}"] = best_price(to_mpf(t)) - _psi(firm, to_mpf(t))
        out["slope_binding"] = mpmath.diff(best_price, to_mpf(Fraction(1, 20)))
        out["slope_free"] = mpmath.diff(best_price, to_mpf(Fraction(1, 6)))
        return out

    est = two_precision_map(compute, dps, "pointwise constrained maximisation; findroot; quadrature")
    pts = tuple({"x": t} for t in types)
    with mpmath.workdps(20):
        firm = _bm_firm(_HALF)
        grid = [mpmath.mpf(k) / 100 for k in range(101)]
        effective = [max(_psi(firm, t), 1 - to_mpf(C)) for t in grid]
        monotone = all(b >= a for a, b in zip(effective, effective[1:]))
    return Witness(
        values={"price": Samples(pts, tuple(est[f"price{k}"] for k in range(4))),
                "multiplier": Samples(pts, tuple(est[f"lambda{k}"] for k in range(4))),
                "slope_binding": est["slope_binding"], "slope_free": est["slope_free"],
                "cutoff": est["cutoff"], "welfare": est["welfare"]},
        method="constrained maximisation of the definition, type by type",
        checks={"phi + lambda is nondecreasing on a 101-point grid": monotone,
                "the capacity holds at every sampled type: Pr(v >= price) <= 4/5":
                all(1 - est[f"price{k}"].value <= mpmath.mpf(4) / 5 + mpmath.mpf(10) ** -40 for k in range(4))},
    )


def consumer_ir(dps: int = 50) -> Witness:
    """Section 6.2: the consumers' losses max(p - v, 0) on purchases, by cell decomposition
    (section 5.1) and by enumeration (finite model)."""
    from numeric.mechanisms import share
    from symbolic.models.regulation import PriceCompetition, finite_example

    s = (Fraction(1, 10), Fraction(1, 5))

    class _Loss:
        """The integrand (s_i - v_i)^+ mu_i as an 'allocation' for the cell decomposition."""

        def allocation(self, v: tuple[Any, ...], prices: tuple[Any, ...]) -> tuple[Any, ...]:
            mu = PriceCompetition(2).allocation(v, prices)
            return tuple(max(prices[i] - v[i], 0) * Fraction(mu[i]) for i in range(2))

    # the loss is zero on every cell (a piecewise-constant decomposition of a zero function)
    loss = share(_Loss(), s, 0, list(s)) + share(_Loss(), s, 1, list(s))
    model = finite_example()
    sol = finite_solution(model)
    total = Fraction(0)
    for types in sol["entry"]:
        prices = tuple(sol["phi"][i][t] for i, t in enumerate(types))
        chosen = _entry(model, prices)
        for row, p in zip(model.values.profiles, model.values.probs):
            for j, w in _buy(model, prices, chosen, row).items():
                total += p * w * max(prices[j] - row[j], Fraction(0))
    return Witness({"violation_51": loss, "violation_finite": total},
                   "cell decomposition and enumeration of purchases",
                   {"no purchase at a price above the value on a 97 x 97 grid (section 5.1)": all(
                       max(s[i] - v[i], 0) * Fraction(PriceCompetition(2).allocation(v, s)[i]) == 0
                       for v in [(Fraction(a, 97), Fraction(b, 97)) for a in range(98) for b in range(98)] for i in range(2))})

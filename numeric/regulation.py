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

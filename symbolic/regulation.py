r"""The efficient regulation: firm payoffs, the planner's weights, Baron--Myerson as N = 1.

A firm of type :math:`\theta` that enters with probability r, sells :math:`q = \int \mu\,dF` and
receives t earns :math:`t - r\theta(q + \kappa)`.  The planner weighs consumer surplus by 1
and firm i's type :math:`\theta_i` by :math:`\Lambda_i(d\theta_i)`; with one firm and
:math:`\Lambda = (1 - \alpha)G` the objective is consumer surplus plus :math:`1 - \alpha` times
expected profit, and the efficient mechanism prices at the virtual cost
:math:`\theta + \alpha G/g` and shuts the firm down when consumers' virtual surplus
:math:`E[(v - \varphi)^+]` falls short of the virtual fixed cost :math:`\varphi\kappa`.

Paper: yz, section 2.2 (payoff), Lemma 1, introduction (Baron and Myerson 1982).
"""

from __future__ import annotations

from typing import Any

import sympy as sp

from symbolic.derivation import Derivation, Step

__all__ = [
    "alpha",
    "kappa",
    "theta",
    "payoff",
    "baron_myerson",
    "pareto_weights",
    "BM_POINTS",
]

alpha = sp.Symbol("alpha", nonnegative=True)
kappa = sp.Symbol("kappa", positive=True)
theta = sp.Symbol("x", nonnegative=True)  # the type; named x like every model function
_v, _p, _t = sp.symbols("v p t", nonnegative=True)

BM_POINTS = (("0", "1"), ("1/2", "1"), ("1", "1/2"), ("1/4", "2"), ("3/4", "1/10"))
"""(alpha, kappa) at which the Baron--Myerson closed forms are witnessed."""


def payoff() -> Derivation:
    r"""Firm i's ex-post payoff in price competition (Example 1): revenue minus cost.

    Paper: yz, section 2.2 (the payoff :math:`\pi_i`) and Example 1.

    Two firms, values independent U[0, 1], prices ``s1``, ``s2``: firm 1 sells to consumers
    with :math:`v_1 - s_1 \ge \max(v_2 - s_2, 0)`; its share q is the integral of that
    region; its payoff is :math:`s_1 q - \theta_1 (q + \kappa_1)`.

    Returns
    -------
    Derivation
        ``pi`` (the payoff formula from the cost function :math:`C(q) = \theta(q + \kappa)`),
        ``share`` (q at s = (1/4, 1/2)) and ``payoff_ex1`` (the payoff there for
        :math:`\theta_1 = 1/10`, :math:`\kappa_1 = 1`).

    Examples
    --------
    >>> d = payoff()
    >>> d.values["share"], d.values["payoff_ex1"]
    (5/8, -1/160)
    """
    t, r, q, th, k = sp.symbols("t r q theta kappa", real=True)
    cost = th * (q + k)
    pi = t - r * cost
    s1, s2 = sp.Rational(1, 4), sp.Rational(1, 2)
    # share of firm 1: integrate over v1 the probability that v2 - s2 <= v1 - s1, v1 >= s1
    v1, v2 = sp.symbols("v1 v2", nonnegative=True)
    bound = sp.Min(1, sp.Max(0, v1 - s1 + s2))
    share = sp.integrate(sp.Piecewise((bound, True)), (v1, s1, 1))
    share = sp.nsimplify(sp.simplify(share))
    theta1, kappa1 = sp.Rational(1, 10), sp.Integer(1)
    revenue = s1 * share
    value = sp.simplify(pi.subs({t: revenue, r: 1, q: share, th: theta1, k: kappa1}))
    steps = (
        Step("cost of producing q: C(q) = theta (q + kappa)", cost),
        Step("payoff: revenue t minus the cost if the firm enters (probability r)", pi),
        Step("Example 1 at s = (1/4, 1/2): firm 1's share, Pr(v1 - 1/4 >= max(v2 - 1/2, 0))", share),
        Step("revenue t_1 = s_1 q_1", revenue),
        Step("payoff at theta_1 = 1/10, kappa_1 = 1", value),
    )
    return Derivation(
        values={"pi": pi, "share": share, "payoff_ex1": value},
        steps=steps,
        labels={"pi": r"\pi_i(s,\theta_i)", "share": r"q_1(1/4, 1/2)", "payoff_ex1": r"\pi_1"},
    )


def _bm_model() -> tuple[sp.Expr, sp.Expr, sp.Expr, list[Step]]:
    G = theta
    Lam = (1 - alpha) * G
    g = sp.diff(G, theta)
    psi = sp.simplify(theta + (G - Lam) / g)
    steps = [Step("types U[0,1], Lambda = (1 - alpha) G", Lam),
             Step("virtual cost psi = theta + (G - Lambda)/g", psi)]
    slope = sp.diff(psi, theta)
    if (slope >= 0) is not sp.true:
        raise NotImplementedError(f"psi is not provably nondecreasing: psi' = {slope}")
    steps.append(Step("psi' >= 0 for alpha >= 0: no ironing, phi = psi", slope))
    return G, Lam, psi, steps


def baron_myerson() -> Derivation:
    r"""Baron and Myerson (1982) as the one-firm case: the price rule and the shut-down cutoff.

    Paper: yz, Lemma 1 (N = 1, :math:`\Lambda = (1 - \alpha)G`) and the introduction.

    Types and values U[0, 1], fixed-cost factor :math:`\kappa`.

    Returns
    -------
    Derivation
        ``price`` (the posted price :math:`\varphi(\theta)`), ``cutoff_price``
        (:math:`\hat p` with :math:`E[(v - \hat p)^+] = \kappa\hat p`), ``cutoff_type``
        (:math:`\hat\theta` with :math:`\varphi(\hat\theta) = \hat p`) and ``welfare`` (the
        value of problem (3)), in :math:`\alpha`, :math:`\kappa` and the type ``x``.

    Examples
    --------
    >>> d = baron_myerson()
    >>> d.values["price"], d.values["cutoff_price"]
    (x*(alpha + 1), kappa - sqrt(kappa*(kappa + 2)) + 1)
    """
    G, Lam, psi, steps = _bm_model()
    surplus = sp.integrate(_v - _p, (_v, _p, 1))  # E[(v - p)^+] for v ~ U[0,1], p in [0,1]
    steps.append(Step("consumers' surplus at price p in [0,1]: E[(v - p)^+]", surplus))
    roots = sp.solve(sp.Eq(surplus, kappa * _p), _p)
    (p_hat,) = [r for r in roots if (r.subs(kappa, 1) <= 1) is sp.true and (r.subs(kappa, 1) >= 0) is sp.true]
    p_hat = sp.simplify(p_hat)
    steps.append(Step("shut-down cutoff: the root in [0,1] of E[(v - p)^+] = kappa p", p_hat))
    (theta_hat,) = sp.solve(sp.Eq(psi, p_hat), theta)
    steps.append(Step("cutoff type: phi(theta_hat) = p_hat (below 1: p_hat <= 1 <= 1 + alpha)", theta_hat))
    welfare = sp.simplify(sp.integrate(surplus.subs(_p, psi) - kappa * psi, (theta, 0, theta_hat)))
    steps.append(Step("value of (3): integral over entering types of E[(v - phi)^+] - phi kappa", welfare))
    return Derivation(
        values={"price": psi, "cutoff_price": p_hat, "cutoff_type": sp.simplify(theta_hat), "welfare": welfare},
        steps=tuple(steps),
        labels={"price": r"p(\theta)=\varphi(\theta)", "cutoff_price": r"\hat p",
                "cutoff_type": r"\hat\theta", "welfare": r"W^*"},
        remarks=(
            "The firm produces iff E[(v - phi(theta))^+] >= kappa phi(theta): consumers' virtual surplus "
            "covers the virtual fixed cost (the introduction's 'consumer surplus exceeds the fixed cost' "
            "holds with costs replaced by virtual costs).",
        ),
    )


def pareto_weights() -> Derivation:
    r"""Lemma 1 for N = 1: the weights :math:`\Lambda = (1 - \alpha)G` give Baron--Myerson's objective.

    Paper: yz, Lemma 1 and the paragraph after it.

    With :math:`\Lambda = (1-\alpha)G`, :math:`\int \Pi\,d\Lambda = (1 - \alpha) E[\Pi]`: the planner
    maximises consumer surplus plus :math:`1 - \alpha` times expected profit, and the virtual cost
    is :math:`\theta + \alpha G/g`.  Evaluated on the efficient mechanism of
    :func:`baron_myerson` with :math:`\kappa = 1`.

    Returns
    -------
    Derivation
        ``objective`` (:math:`\Sigma + \int \Pi\,d\Lambda`), ``bm_objective``
        (:math:`\Sigma + (1-\alpha)E[\Pi]`), ``profit`` (:math:`E[\Pi]`), ``consumer_surplus``
        and ``weight_gap`` (:math:`\max_\theta (\Lambda - G)`, at most 0 for alpha in [0, 1]).

    Examples
    --------
    >>> d = pareto_weights()
    >>> sp.simplify(d.values["objective"] - d.values["bm_objective"])
    0
    """
    G, Lam, psi, steps = _bm_model()
    k = sp.Integer(1)
    bm = baron_myerson()
    theta_hat = bm.values["cutoff_type"].subs(kappa, k)
    # allocation: sells to v >= psi(theta): quantity Q(theta) = 1 - psi, plus kappa when it enters
    Q = 1 - psi
    load = Q + k
    steps.append(Step("interim quantity Q(theta) = Pr(v >= phi(theta)) for theta <= theta_hat", Q))
    profit_theta = sp.integrate(load.subs(theta, _t), (_t, theta, theta_hat))
    steps.append(Step("interim profit from the envelope (Lemma 2, t-bar = 0): integral of Q + kappa above theta", profit_theta))
    transfer = profit_theta + theta * load
    gross = sp.integrate(_v, (_v, psi, 1))  # E[v 1{v >= psi}]
    cs = sp.integrate(gross - transfer, (theta, 0, theta_hat))
    profit = sp.integrate(profit_theta, (theta, 0, theta_hat))
    dLam = sp.diff(Lam, theta)
    objective = sp.simplify(cs + sp.integrate(profit_theta * dLam, (theta, 0, theta_hat)))
    bm_objective = sp.simplify(cs + (1 - alpha) * profit)
    steps += [Step("expected consumer surplus Sigma", sp.simplify(cs)),
              Step("expected profit E[Pi]", sp.simplify(profit)),
              Step("Sigma + integral of Pi dLambda (Lambda = (1-alpha) G)", objective),
              Step("Sigma + (1 - alpha) E[Pi]", bm_objective)]
    gap = sp.simplify(sp.Max(*[(Lam - G).subs(theta, p) for p in (0, 1)]))
    return Derivation(
        values={"objective": objective, "bm_objective": bm_objective, "profit": sp.simplify(profit),
                "consumer_surplus": sp.simplify(cs), "weight_gap": gap},
        steps=tuple(steps),
        labels={"objective": r"\Sigma+\int\Pi\,d\Lambda", "bm_objective": r"\Sigma+(1-\alpha)E[\Pi]",
                "profit": r"E[\Pi]", "consumer_surplus": r"\Sigma", "weight_gap": r"\max_\theta(\Lambda-G)"},
        remarks=(
            "With Lambda = (1 - alpha) G the weight on profit is 1 - alpha and the virtual cost is "
            "theta + alpha G/g.  Baron and Myerson (1982) write their objective as consumer surplus plus "
            "alpha times profit (virtual cost theta + (1 - alpha) G/g), so the paper's alpha is one minus "
            "theirs: the same family of objectives, the parameter reversed.",
        ),
    )

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
from symbolic.models.regulation import x as x_

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


def _best_set(value: Any, n: int) -> tuple[int, ...]:
    """The maximiser of ``value(subset)`` over subsets of range(n); ties to the larger set, then
    to the lower indices (the empty set has value 0)."""
    from itertools import combinations

    scored = [((), sp.Integer(0))] + [(c, value(c)) for k in range(1, n + 1) for c in combinations(range(n), k)]
    top = max(w for _, w in scored)
    return min((c for c, w in scored if w == top), key=lambda c: (-len(c), c))


def _shares(values: Any, prices: tuple[Any, ...], entrants: tuple[int, ...]) -> list[Any]:
    """Each firm's share when consumers buy the best surplus v_j - p_j >= 0 among entrants
    (ties split equally); finite joint values."""
    shares = [sp.Integer(0)] * len(prices)
    for row, prob in zip(values.profiles, values.probs):
        surplus = {j: sp.Rational(row[j]) - prices[j] for j in entrants}
        if not surplus:
            continue
        best = max(surplus.values())
        if best < 0:
            continue
        winners = [j for j, s in surplus.items() if s == best]
        for j in winners:
            shares[j] += sp.Rational(prob) / len(winners)
    return shares


def _virtual_value(model: Any, prices: tuple[Any, ...], entrants: tuple[int, ...]) -> Any:
    gross = sum((sp.Rational(p) * max([sp.Integer(0)] + [sp.Rational(row[j]) - prices[j] for j in entrants])
                 for row, p in zip(model.values.profiles, model.values.probs)), sp.Integer(0))
    return gross - sum((prices[j] * model.firms[j].kappa for j in entrants), sp.Integer(0))


def relaxed_solution(model: Any) -> dict[str, Any]:
    r"""The solution :math:`(r^*, \mu^*, t^*)` of problem (3) for discrete types and finite values.

    Paper: yz, problem (3), the definitions of :math:`\mathcal E^*`, :math:`\mu^*`, :math:`T^*`,
    :math:`\tau^*` and Lemma 4.

    Returns
    -------
    dict
        ``phi`` (per firm, atom to ironed virtual cost), ``entry`` (type profile to
        :math:`\mathcal E^*`), ``load`` (per firm, atom to
        :math:`E_{\theta_{-i}}[r^*(\int\mu^* dF + \kappa)]`), ``share`` (the same without
        :math:`\kappa`), ``T`` and ``tau`` (per firm, atom), ``relaxed`` (the value of (3)),
        ``planner`` (the objective of (2) at :math:`(r^*, \mu^*, t^*)`), ``consumer`` and ``weighted_profit``.

    Examples
    --------
    >>> from symbolic.models.regulation import finite_example
    >>> sol = relaxed_solution(finite_example())
    >>> sol["relaxed"] == sol["planner"]
    True
    """
    from itertools import product

    from symbolic.ironing import ironed_virtual_cost

    firms = model.firms
    n = len(firms)
    irons = [ironed_virtual_cost(f) for f in firms]
    atoms = [f.atoms() for f in firms]
    phi = [{p: sp.simplify(iron.phi.subs(x_, p)) for p, _ in a} for iron, a in zip(irons, atoms)]

    def phi_at(i: int, t: Any) -> Any:
        return sp.simplify(irons[i].phi.subs(x_, t))

    def entry(prices: tuple[Any, ...]) -> tuple[int, ...]:
        return _best_set(lambda c: _virtual_value(model, prices, c), n)

    profiles = [(combo, sp.prod([m for _, m in combo])) for combo in product(*atoms)]
    entry_sets = {tuple(p for p, _ in combo): entry(tuple(phi[i][p] for i, (p, _) in enumerate(combo))) for combo, _ in profiles}

    def interim(i: int, t: Any) -> tuple[Any, Any]:
        """(E[r* share], E[r* (share + kappa)]) of firm i reporting type t (any t in its support)."""
        others = [atoms[j] for j in range(n) if j != i]
        share = load = sp.Integer(0)
        own = phi_at(i, t)
        for combo in product(*others):
            prob = sp.prod([m for _, m in combo])
            it = iter(combo)
            prices = tuple(own if j == i else phi[j][next(it)[0]] for j in range(n))
            chosen = entry(prices)
            if i in chosen:
                q = _shares(model.values, prices, chosen)[i]
                share += prob * q
                load += prob * (q + firms[i].kappa)
        return share, load

    load, share, T, tau = [], [], [], []
    for i, firm in enumerate(firms):
        lo, hi = firm.support
        points = [p for p, _ in atoms[i]]
        # the interim load is constant on (a_k, a_{k+1}]: phi takes the upper atom's value there
        L = {p: interim(i, p) for p in points}
        load.append({p: L[p][1] for p in points})
        share.append({p: L[p][0] for p in points})
        Ti, taui = {}, {}
        for k, p in enumerate(points):
            above = sum((L[b][1] * (b - a) for a, b in zip(points[k:], points[k + 1:])), sp.Integer(0))
            if points[-1] != hi:
                raise NotImplementedError("the support must end at the last atom")
            Ti[p] = p * L[p][1] + above
            taui[p] = phi[i][p] * L[p][0] - Ti[p]
        T.append(Ti)
        tau.append(taui)
    relaxed = sp.Integer(0)
    consumer = sp.Integer(0)
    for combo, prob in profiles:
        types = tuple(p for p, _ in combo)
        prices = tuple(phi[i][types[i]] for i in range(n))
        chosen = entry_sets[types]
        relaxed += prob * _virtual_value(model, prices, chosen)
        gross = sp.Integer(0)
        for row, pv in zip(model.values.profiles, model.values.probs):
            surplus = {j: sp.Rational(row[j]) - prices[j] for j in chosen}
            if surplus and max(surplus.values()) >= 0:
                best = max(surplus.values())
                winners = [j for j, s in surplus.items() if s == best]
                gross += sp.Rational(pv) * sum(sp.Rational(row[j]) for j in winners) / len(winners)
        consumer += prob * (gross - sum(T[i][types[i]] for i in range(n)))
    weighted = sp.Integer(0)
    for i, firm in enumerate(firms):
        points = [p for p, _ in atoms[i]]
        for k, p in enumerate(points):  # Pi(theta) = integral of the load above theta; Lambda jumps at atoms
            profit = T[i][p] - p * load[i][p]
            jump = firm.Lambda.subs(x_, p) - (firm.Lambda.subs(x_, points[k - 1]) if k else sp.Integer(0))
            weighted += profit * jump
    return {"phi": phi, "entry": entry_sets, "load": load, "share": share, "T": T, "tau": tau,
            "relaxed": sp.nsimplify(relaxed), "planner": sp.nsimplify(consumer + weighted),
            "consumer": consumer, "weighted_profit": weighted}


def _profile_name(types: tuple[Any, ...]) -> str:
    return "(" + ",".join(str(t) for t in types) + ")"


def relaxed_problem() -> Derivation:
    r"""Problem (3) solved on a finite two-firm model: :math:`\mathcal E^*`, :math:`T^*`, :math:`\tau^*`.

    Paper: yz, section 4, problem (3) and the definitions after it.

    Returns
    -------
    Derivation
        ``E*<types>`` (the efficient entry set as a bit mask: 1 firm 1, 2 firm 2, 3 both),
        ``T<i>(<type>)`` and ``tau<i>(<type>)`` at each atom, ``phi<i>(<type>)`` and ``value``.

    Examples
    --------
    >>> d = relaxed_problem()
    >>> d.values["E*(1/4,1/4)"], d.values["value"]
    (3, 17/48)
    """
    from symbolic.models.regulation import finite_example

    model = finite_example()
    sol = relaxed_solution(model)
    values: dict[str, Any] = {}
    labels: dict[str, str] = {}
    for types, chosen in sol["entry"].items():
        name = f"E*{_profile_name(types)}"
        values[name] = sp.Integer(sum(2**i for i in chosen))
        labels[name] = rf"\mathcal E^*{_profile_name(types)}"
    for i in range(len(model.firms)):
        for p in sol["phi"][i]:
            for key, table, tex in (("phi", sol["phi"], r"\varphi"), ("T", sol["T"], "T^*"), ("tau", sol["tau"], r"\tau^*")):
                values[f"{key}{i + 1}({p})"] = table[i][p]
                labels[f"{key}{i + 1}({p})"] = rf"{tex}_{i + 1}({sp.latex(p)})"
    values["value"] = sol["relaxed"]
    labels["value"] = r"\text{value of (3)}"
    steps = (
        Step("ironed virtual costs at the atoms (quantile-space hull)", tuple(sol["phi"])),
        Step("E*(theta): the subset maximising E[max_i (v_i - phi_i)^+] - sum phi_i kappa_i", tuple(sol["entry"].items())),
        Step("interim load E[r* (int mu* dF + kappa)] of each firm at each atom", tuple(sol["load"])),
        Step("T*(theta) = theta * load(theta) + integral of the load above theta (Lemma 2, t-bar = 0)", tuple(sol["T"])),
        Step("tau*(theta) = phi(theta) E[r* int mu* dF] - T*(theta)", tuple(sol["tau"])),
        Step("value of (3)", sol["relaxed"]),
    )
    remarks = (
        "The printed definition of T*_i reads E[r* theta (int mu* dF + kappa) - int_theta^thetabar r*(x, .)(...) dx]: "
        "with the minus sign the firm's interim profit T* - theta(load) would be minus the integral, negative, "
        "violating (IR); Lemma 2's revenue-equivalence formula (with t-bar = 0) gives a plus sign, used here.",
        "Two firms; types {1/4, 3/4} (probabilities 1/2) and {1/4, 1/2, 3/4} (1/3 each); Lambda_i = G_i/2; "
        "kappa = 1/10; value profiles (1,0), (0,1), (1,1), (1/2,3/4) equally likely.",
    )
    return Derivation(values=values, steps=steps, labels=labels, remarks=remarks)


def welfare_identity() -> Derivation:
    r"""Lemma 4: the planner's objective (2) at :math:`(r^*, \mu^*, t^*)` equals the value of (3).

    Paper: yz, Lemma 4 and appendix A.2.

    Two computations: the finite model of :func:`relaxed_problem` (consumer surplus from the
    outcomes and transfers, plus :math:`\int \Pi\,d\Lambda`), and Baron--Myerson with
    :math:`\kappa = 1` in closed form in :math:`\alpha`.

    Examples
    --------
    >>> d = welfare_identity()
    >>> d.values["planner"] - d.values["relaxed"]
    0
    """
    from symbolic.models.regulation import finite_example

    sol = relaxed_solution(finite_example())
    bm = baron_myerson().values["welfare"].subs(kappa, 1)
    weights = pareto_weights().values["objective"]
    steps = (
        Step("finite model: consumer surplus E[sum_i r* int v_i mu* dF - sum_i T*]", sol["consumer"]),
        Step("finite model: sum_i integral of Pi_i dLambda_i (Lambda jumps at the atoms)", sol["weighted_profit"]),
        Step("finite model: objective (2)", sol["planner"]),
        Step("finite model: value of (3)", sol["relaxed"]),
        Step("Baron-Myerson, kappa = 1: value of (3)", sp.simplify(bm)),
        Step("Baron-Myerson, kappa = 1: Sigma + int Pi dLambda", weights),
    )
    return Derivation(
        values={"planner": sol["planner"], "relaxed": sol["relaxed"], "consumer": sol["consumer"],
                "weighted_profit": sol["weighted_profit"], "bm_relaxed": sp.simplify(bm), "bm_planner": weights},
        steps=steps,
        labels={"planner": r"\Sigma+\sum_i\int\Pi_i\,d\Lambda_i", "relaxed": r"\text{value of (3)}",
                "consumer": r"\Sigma", "weighted_profit": r"\sum_i\int\Pi_i\,d\Lambda_i",
                "bm_relaxed": r"\text{(3)}_{N=1}", "bm_planner": r"\text{(2)}_{N=1}"},
    )

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
    (x*(alpha + 1), -sqrt(kappa)*sqrt(kappa + 2) + kappa + 1)
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
    from symbolic.models.regulation import FiniteValues

    if not isinstance(model.values, FiniteValues):
        raise NotImplementedError("relaxed_solution needs finite joint values (FiniteValues); "
                                  "independent continuous values are handled by 'surplus regulate' numerically")
    for firm in model.firms:
        if sum((m for _, m in firm.atoms()), sp.Integer(0)) != 1:
            raise NotImplementedError(f"relaxed_solution needs discrete types; G_{firm.name} has a continuous part")
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


def _bm_half() -> tuple[Any, Any, Any, Any]:
    """Baron--Myerson with alpha = 1/2, kappa = 1: phi, the cutoff type, the load and the transfer."""
    bm = baron_myerson()
    a, k = sp.Rational(1, 2), sp.Integer(1)
    phi = bm.values["price"].subs(alpha, a)
    cut = sp.nsimplify(bm.values["cutoff_type"].subs({alpha: a, kappa: k}))
    load = (1 - phi) + k
    transfer = theta * load + sp.integrate(load.subs(theta, _t), (_t, theta, cut))
    return phi, cut, load, sp.expand(transfer)


def incentive_compatibility() -> Derivation:
    r"""Lemma 2 on Baron--Myerson (alpha = 1/2, kappa = 1): revenue equivalence and monotonicity.

    Paper: yz, Lemma 2.

    With the interim load :math:`L(\theta) = Q(\theta) + \kappa` while the firm enters, the transfer
    :math:`T(\theta) = \theta L(\theta) + \int_\theta^{\hat\theta} L` (:math:`\bar t = 0`) makes
    reporting the truth optimal: the gain from reporting y instead of x is
    :math:`\int_x^y (L(y) - L(t))\,dt \le 0` because L is nonincreasing.

    Returns
    -------
    Derivation
        ``transfer`` (T on the entering types), ``load_slope`` (:math:`L' < 0`), ``foc`` (the
        derivative of the payoff in the report, at the truth) and ``gain`` (the gain of type x
        reporting y, both entering).

    Examples
    --------
    >>> d = incentive_compatibility()
    >>> d.values["foc"], sp.factor(d.values["gain"])
    (0, -3*(x - y)**2/4)
    """
    phi, cut, load, transfer = _bm_half()
    y = sp.Symbol("y", nonnegative=True)
    payoff = transfer.subs(theta, y) - theta * load.subs(theta, y)
    foc = sp.simplify(sp.diff(payoff, y).subs(y, theta))
    gain = sp.expand(payoff - payoff.subs(y, theta))
    slope = sp.diff(load, theta)
    steps = (
        Step("alpha = 1/2, kappa = 1: virtual cost and cutoff type", (phi, cut)),
        Step("interim load L = Pr(v >= phi) + kappa while the firm enters", load),
        Step("transfer from Lemma 2 with t-bar = 0: T = theta L + integral of L above theta", transfer),
        Step("payoff of type x reporting y: T(y) - x L(y)", payoff),
        Step("its derivative in y at y = x", foc),
        Step("gain of reporting y instead of x", gain),
    )
    return Derivation(values={"transfer": transfer, "load_slope": slope, "foc": foc, "gain": gain},
                      steps=steps,
                      labels={"transfer": r"T(\theta)", "load_slope": r"L'(\theta)", "foc": r"\partial_y U(x,y)|_{y=x}",
                              "gain": r"U(x,y)-U(x,x)"})


def capacity() -> Derivation:
    r"""Section 6.1: a capacity constraint handled by a multiplier (Baron--Myerson, alpha = 1/2,
    kappa = 1, capacity 4/5).

    Paper: yz, section 6.1.

    Pointwise, the planner sells to :math:`v \ge p` maximising :math:`\int_p^1 (v - \varphi)\,dv`
    subject to :math:`1 - p \le C`: the price is :math:`\max(\varphi, 1 - C) = \varphi + \lambda` with
    multiplier :math:`\lambda(\theta) = \max(0, 1 - C - \varphi(\theta))`; the effective virtual cost
    :math:`\varphi + \lambda` stays nondecreasing, so the PRYCE CAP construction applies with it.

    Returns
    -------
    Derivation
        ``price`` and ``multiplier`` (Piecewise in the type), ``slope_binding`` and ``slope_free``
        (the derivative of :math:`\varphi + \lambda` where the capacity binds and where it does not,
        both >= 0), ``cutoff`` and ``welfare``.

    Examples
    --------
    >>> capacity().values["multiplier"]
    Piecewise((1/5 - 3*x/2, x <= 2/15), (0, True))
    """
    phi, _, _, _ = _bm_half()
    C = sp.Rational(4, 5)
    knot = sp.solve(sp.Eq(phi, 1 - C), theta)[0]
    price = sp.Piecewise((1 - C, theta <= knot), (phi, True))
    multiplier = sp.Piecewise((1 - C - phi, theta <= knot), (0, True))
    surplus_low = sp.integrate(_v - phi, (_v, 1 - C, 1))  # capacity binds
    surplus_high = sp.integrate(_v - phi, (_v, phi, 1))
    k = sp.Integer(1)
    # entry: virtual surplus >= phi kappa; on the unconstrained piece this is the Baron-Myerson cutoff
    low_ok = sp.simplify((surplus_low - phi * k).subs(theta, knot))
    roots = [r for r in sp.solve(sp.Eq(surplus_high, phi * k), theta) if (r >= knot) is sp.true and (r <= 1) is sp.true]
    if (low_ok >= 0) is not sp.true or len(roots) != 1:
        raise NotImplementedError("expected the firm to enter wherever the capacity binds")
    cutoff = sp.nsimplify(roots[0])
    welfare = sp.simplify(sp.integrate(surplus_low - phi * k, (theta, 0, knot))
                          + sp.integrate(surplus_high - phi * k, (theta, knot, cutoff)))
    slopes = sp.Tuple(sp.diff(1 - C + 0 * theta, theta), sp.diff(phi, theta))
    steps = (
        Step("capacity binds while 1 - phi > C: up to the type", knot),
        Step("price phi + lambda = max(phi, 1 - C)", price),
        Step("multiplier lambda = max(0, 1 - C - phi)", multiplier),
        Step("slopes of the effective virtual cost on the two pieces (>= 0: nondecreasing)", slopes),
        Step("virtual surplus minus virtual fixed cost where the capacity binds, at the knot (>= 0)", low_ok),
        Step("shut-down cutoff", cutoff),
        Step("welfare with the capacity constraint", welfare),
    )
    return Derivation(
        values={"price": price, "multiplier": multiplier, "slope_binding": slopes[0], "slope_free": slopes[1],
                "cutoff": cutoff, "welfare": welfare},
        steps=steps,
        labels={"price": r"\varphi+\lambda", "multiplier": r"\lambda(\theta)", "slope_binding": r"(\varphi+\lambda)'\ (\lambda>0)",
                "slope_free": r"(\varphi+\lambda)'\ (\lambda=0)",
                "cutoff": r"\hat\theta_C", "welfare": r"W^*_C"},
        remarks=(
            "The Lagrangian of section 6.1 has (v - phi - lambda) mu: the effective virtual cost is phi + lambda; the "
            "text says 'phi - lambda remains nondecreasing'.  With a constant multiplier either sign keeps phi "
            "monotone; constraint (5) holds type by type, so the multiplier depends on the type, and phi + lambda = "
            "max(phi, 1 - C) is still nondecreasing -- the claim survives with the multiplier lambda(theta).",
        ),
    )


def consumer_ir() -> Derivation:
    r"""Section 6.2: PRYCE CAP is ex-post individually rational for consumers.

    Paper: yz, section 6.2, constraint (6).

    Under PRYCE CAP a consumer buys from i only if :math:`v_i \ge s_i`, so
    :math:`\sum_i \max(p_i - v_i, 0)\mu_i^P(\mathbf v|s) = 0` everywhere; integrated over values it
    is 0 at the announcements of section 5.1 (s = (1/10, 1/5), both admitted) and at every type
    profile of the finite model.

    Examples
    --------
    >>> consumer_ir().values["violation_51"]
    0
    """
    from symbolic.models.regulation import PriceCompetition, finite_example
    from symbolic.pryce_cap import finite_entry_set

    v1, v2 = sp.symbols("v1 v2", real=True)
    s = (sp.Rational(1, 10), sp.Rational(1, 5))
    mu = PriceCompetition(2).allocation((v1, v2), s)
    violation = sum((sp.integrate(sp.integrate(sp.Max(s[i] - (v1, v2)[i], 0) * mu[i], (v2, 0, 1)), (v1, 0, 1))
                     for i in range(2)), sp.Integer(0))
    model = finite_example()
    sol = relaxed_solution(model)
    total = sp.Integer(0)
    for types in sol["entry"]:
        prices = tuple(sol["phi"][i][t] for i, t in enumerate(types))
        chosen = finite_entry_set(model, prices)
        for row, p in zip(model.values.profiles, model.values.probs):
            surplus = {j: sp.Rational(row[j]) - prices[j] for j in chosen}
            if surplus and max(surplus.values()) >= 0:
                best = max(surplus.values())
                winners = [j for j, w in surplus.items() if w == best]
                total += sp.Rational(p) * sum(sp.Max(prices[j] - sp.Rational(row[j]), 0) for j in winners) / len(winners)
    steps = (
        Step("section 5.1 at s = (1/10, 1/5): PRYCE CAP allocation among the entrants", sp.Tuple(*mu)),
        Step("integral of sum_i max(s_i - v_i, 0) mu_i over values", violation),
        Step("finite model: the same sum over every type profile and value profile", total),
    )
    return Derivation(values={"violation_51": sp.simplify(violation), "violation_finite": total}, steps=steps,
                      labels={"violation_51": r"\int\sum_i(s_i-v_i)^+\mu_i^P\,dF", "violation_finite": r"\sum(\ldots)\ \text{(finite)}"})

r"""Unknown values: interim alignment (Proposition 2), homogeneous values (Theorem 2),
Example 3, and the efficient surplus with two goods.

The consumer knows only an interim value v' (a value garbling of the prior).  Theorem 1
applied to the garbled prior mu' gives Proposition 2; with homogeneous values and common
knowledge of gains from trade the garbling keeps the efficient surplus (Theorem 2); without
common knowledge it need not (Example 3).

Paper: bbm, section III.A-C, appendix A2.
"""

from __future__ import annotations

import sympy as sp

from symbolic.derivation import Derivation, Step
from symbolic.implicit import ImplicitRoot
from symbolic.market import lower_bound_surplus, rational, tsbar
from symbolic.models.garbling import ValuePrior, garbling_instance

__all__ = ["epsilon", "interim_alignment", "homogeneous_alignment", "monopoly_without_common_knowledge",
           "efficient_surplus_two_goods", "homogeneous_duopoly"]

epsilon = sp.Symbol("epsilon", positive=True)


def interim_alignment() -> Derivation:
    r"""Proposition 2 on Example 1 when the consumer does not learn :math:`v_1`.

    Theorem 1 applied to the garbled prior :math:`\mu'`: the best outcome for consumers has
    total surplus :math:`\overline{TS}(\mu')` and producer surplus
    :math:`\sum_i \underline{PS}_i(\mu')`.

    Paper: bbm, Proposition 2.

    Examples
    --------
    >>> d = interim_alignment()
    >>> d.values["TSbar_garbled"], d.values["TSbar_prior"]
    (11/4, 23/8)
    """
    g = garbling_instance("example1_pool_v1")
    mu, garbled = g.market, g.garbled()
    ts_prior, ts_garbled = rational(tsbar(mu)), rational(tsbar(garbled))
    lower = [rational(lower_bound_surplus(garbled, i)[0]) for i in range(garbled.producers)]
    cs = ts_garbled - sum(lower)
    return Derivation(
        values={"TSbar_prior": ts_prior, "TSbar_garbled": ts_garbled, "PS_1": lower[0], "PS_2": lower[1], "CS": cs},
        steps=(Step("efficient surplus of the prior", ts_prior),
               Step("efficient surplus of the garbled prior (interim values)", ts_garbled),
               Step("lower bounds PS_i(mu') (equation (1) on mu')", sp.Tuple(*lower)),
               Step("consumer surplus TSbar(mu') - sum PS_i(mu')", cs)),
        labels={"TSbar_prior": r"\overline{TS}(\mu)", "TSbar_garbled": r"\overline{TS}(\mu')",
                "PS_1": r"\underline{PS}_1(\mu')", "PS_2": r"\underline{PS}_2(\mu')", "CS": r"CS(\mu')"},
    )


def homogeneous_alignment() -> Derivation:
    r"""Theorem 2 on an instance: with homogeneous values and common knowledge of gains from
    trade, garbling keeps the efficient surplus, because :math:`\max_i(v - c_i) = v - \min_i c_i`
    is linear in v (the chain of equalities in appendix A2).

    Paper: bbm, Theorem 2 and appendix A2.

    Examples
    --------
    >>> homogeneous_alignment().values["difference"]
    0
    """
    g = garbling_instance("homogeneous")
    mu, garbled = g.market, g.garbled()
    v, c1, c2 = sp.symbols("v c_1 c_2", real=True)
    chain = sp.Max(v - c1, v - c2) - (v - sp.Min(c1, c2))
    ts_prior, ts_garbled = rational(tsbar(mu)), rational(tsbar(garbled))
    lower = [rational(lower_bound_surplus(garbled, i)[0]) for i in range(garbled.producers)]
    return Derivation(
        values={"TSbar_prior": ts_prior, "TSbar_garbled": ts_garbled, "difference": ts_prior - ts_garbled,
                "CS": ts_garbled - sum(lower), "chain_gap": sp.simplify(chain.rewrite(sp.Piecewise))},
        steps=(Step("max_i (v - c_i) - (v - min_i c_i): zero for homogeneous values", sp.simplify(chain.rewrite(sp.Piecewise))),
               Step("efficient surplus of the prior", ts_prior),
               Step("efficient surplus of the garbled prior", ts_garbled),
               Step("lower bounds PS_i(mu')", sp.Tuple(*lower))),
        labels={"TSbar_prior": r"\overline{TS}", "TSbar_garbled": r"\overline{TS}(\mu')",
                "difference": r"\overline{TS} - \overline{TS}(\mu')", "CS": r"CS(\mu')",
                "chain_gap": r"\max_i(v-c_i) - (v - \min_i c_i)"},
    )


def monopoly_without_common_knowledge() -> Derivation:
    r"""Example 3: c = 1, v in {0, 4} equally likely; full, no and epsilon information.

    The monopolist's profit at price p is :math:`(p - 1)\Pr(v' \ge p)`; only prices in the
    support of the interim value matter.  With epsilon information the interim value is 4 or
    0 with probability :math:`\varepsilon/2` each and 2 otherwise.

    Paper: bbm, section III.B, Example 3.

    Examples
    --------
    >>> d = monopoly_without_common_knowledge()
    >>> d.values["eps_price"], d.values["eps_CS"], d.values["eps_condition"]
    (2, epsilon, epsilon <= 1/2)
    """
    half = sp.Rational(1, 2)

    def best(dist: dict) -> tuple[sp.Expr, list]:
        profits = {p: (p - 1) * sum(q for x, q in dist.items() if x >= p) for p in dist if p >= 1}
        return profits

    full = best({sp.Integer(0): half, sp.Integer(4): half})
    full_price = max(full, key=lambda p: full[p])
    none = best({sp.Integer(2): sp.Integer(1)})
    none_price = max(none, key=lambda p: none[p])
    eps_dist = {sp.Integer(0): epsilon / 2, sp.Integer(2): 1 - epsilon, sp.Integer(4): epsilon / 2}
    eps = best(eps_dist)
    condition = sp.solve(eps[sp.Integer(2)] >= eps[sp.Integer(4)], epsilon)
    eps_price = sp.Integer(2)  # under the condition above
    eps_cs = epsilon / 2 * (4 - eps_price)
    eps_ts = (1 - epsilon) * (2 - 1) + epsilon / 2 * (4 - 1)
    efficient = half * (4 - 1)
    return Derivation(
        values={
            "full_price": full_price, "full_CS": half * (4 - full_price), "full_TS": half * (4 - 1),
            "none_price": none_price, "none_CS": 2 - none_price, "none_TS": sp.Integer(2 - 1),
            "eps_price": eps_price, "eps_condition": condition, "eps_CS": eps_cs, "eps_TS": sp.expand(eps_ts),
            "eps_prob_high": epsilon / 2, "TS_efficient": efficient,
            "eps_efficiency_loss": sp.expand(efficient - eps_ts),
        },
        steps=(Step("full information: profits at prices 1 and 4", sp.Tuple(*full.values())),
               Step("no information: profit at price 2", none[sp.Integer(2)]),
               Step("epsilon information: profits at prices 1, 2, 4", sp.Tuple(*[eps[p] for p in sorted(eps)])),
               Step("price 2 beats price 4 exactly when", condition),
               Step("consumer surplus: value 4 learned (prob eps/2) at price 2", eps_cs),
               Step("total surplus: trade at every value, including v = 0 < c", sp.expand(eps_ts)),
               Step("efficient surplus: trade only when v = 4", efficient),
               Step("gap to efficiency (positive for every 0 < eps <= 1/2)", sp.expand(efficient - eps_ts))),
        labels={"full_price": r"p^{\text{full}}", "full_CS": r"CS^{\text{full}}", "full_TS": r"TS^{\text{full}}",
                "none_price": r"p^{\text{none}}", "none_CS": r"CS^{\text{none}}", "none_TS": r"TS^{\text{none}}",
                "eps_price": r"p^{\varepsilon}", "eps_condition": r"p^{\varepsilon} = 2 \text{ optimal iff}",
                "eps_CS": r"CS^{\varepsilon}", "eps_TS": r"TS^{\varepsilon}", "eps_prob_high": r"\Pr(v' = 4)",
                "TS_efficient": r"\overline{TS}", "eps_efficiency_loss": r"\overline{TS} - TS^{\varepsilon}"},
    )


def efficient_surplus_two_goods() -> Derivation:
    r"""The efficient surplus with two goods and zero costs:
    :math:`\max\{v_1, v_2\} = (v_1 + v_2)/2 + |v_1 - v_2|/2`, integrated over :math:`\mu'`
    (checked as an identity and on Example 4 with full and with no information).

    Paper: bbm, section III.C (display after Figure 2).

    Examples
    --------
    >>> efficient_surplus_two_goods().values["identity_gap"]
    0
    """
    v1, v2 = sp.symbols("v_1 v_2", real=True)
    gap = sp.simplify((sp.Max(v1, v2) - ((v1 + v2) / 2 + sp.Abs(v1 - v2) / 2)).rewrite(sp.Piecewise))
    half, one, zero = sp.Rational(1, 2), sp.Integer(1), sp.Integer(0)
    formula = lambda a, b: (a + b) / 2 + sp.Abs(a - b) / 2  # noqa: E731
    full = half * formula(one, zero) + half * formula(zero, one)
    none = formula(half, half)
    return Derivation(
        values={"identity_gap": gap, "TSbar_full": full, "TSbar_none": none},
        steps=(Step("max(v1, v2) - (v1 + v2)/2 - |v1 - v2|/2, by cases", gap),
               Step("Example 4, consumer fully informed: mu' puts 1/2 on (1, 0) and (0, 1)", full),
               Step("Example 4, consumer uninformed: mu' puts 1 on (1/2, 1/2)", none)),
        labels={"identity_gap": r"\max\{v_1,v_2\} - \tfrac{v_1+v_2}{2} - \tfrac{|v_1-v_2|}{2}",
                "TSbar_full": r"\overline{TS}(\mu'_{\text{full}})", "TSbar_none": r"\overline{TS}(\mu'_{\text{none}})"},
    )


def homogeneous_duopoly(F: ValuePrior | None = None, c2: sp.Rational = sp.Rational(1, 2)) -> Derivation:
    r"""Example 2: the consumer-optimal information when c_1 = 0, c_2 in [0, 1], v ~ F on [0, 1].

    Producer 2 prices at cost, so producer 1 faces the residual :math:`\min\{v', c_2\}` and
    earns :math:`z = \max_{p \le c_2} p\Pr(v' \ge p)`; the outcome is efficient (Theorem 2),
    so consumer surplus is :math:`E[v] - z`.  To make z small the interim value's survival
    is as large as the pricing bound allows, :math:`\min\{1, z/p\}` below :math:`c_2`, and
    above :math:`c_2` as large as the contraction allows, :math:`\min\{z/c_2, 1 - F(p)\}`;
    z solves the mean condition :math:`\int_0^1 S = E[v]`.  The root is computed from the
    derived equation (no closed form).

    Paper: bbm, section III.B, Example 2 (solved in the 2023 working paper, not in print).

    Examples
    --------
    >>> d = homogeneous_duopoly()
    >>> round(float(d.values["PS_1"]), 6), d.values["TS"]
    (0.197115, 1/2)
    """
    F = F or ValuePrior.from_cdf("v")
    c2 = sp.nsimplify(c2)
    if not (0 < c2 <= 1):
        raise ValueError(f"c2 must lie in (0, 1]; got c2={c2}")
    v, p, z = sp.Symbol("v", real=True), sp.Symbol("p", positive=True), sp.Symbol("z", positive=True)
    survival = 1 - sp.sympify(F.cdf_expr).subs(v, p)
    m = sp.simplify(F.mean())
    k = z / c2
    below = sp.integrate(1, (p, 0, z)) + sp.integrate(z / p, (p, z, c2))
    switch = [s for s in sp.solve(sp.Eq(survival, k), p)]
    steps = [Step("producer 1's revenue bound: p Pr(v' >= p) <= z for p <= c2, so S(p) = min(1, z/p)", z / p),
             Step("E[v] (efficient surplus: producer 1 always sells, Theorem 2)", m),
             Step("mean of S on [0, c2]", sp.expand(below))]
    def root(equation: sp.Expr, top: sp.Expr) -> ImplicitRoot:
        return ImplicitRoot(sp.Lambda(z, equation), sp.Rational(1, 10**12), sp.nsimplify(top))

    regime_one = None
    if len(switch) == 1:  # regime I: the cap z/c2 binds on [c2, p_k], F's survival above
        p_k = switch[0]
        above = k * (p_k - c2) + sp.integrate(survival, (p, p_k, 1))
        equation = sp.expand(below + above - m)
        top = c2 * survival.subs(p, c2)  # the regime needs z/c2 <= 1 - F(c2)
        if sp.N(equation.subs(z, top), 40) > 0:
            regime_one = (equation, root(equation, top))
    if regime_one is None:
        raise NotImplementedError(
            f"for c2 = {c2} the cap z/c2 would exceed 1 - F(c2): the contraction constraint binds below c2 and "
            "this shape is not optimal; use the numeric linear program (numeric.unknown_values.duopoly_lp)")
    equation, z_star = regime_one
    steps.append(Step("the cap z/c2 binds on [c2, p_k], F's survival above; the mean condition", equation))
    steps += [Step("its root z = PS_1", z_star), Step("consumer surplus E[v] - z", m - z_star)]
    return Derivation(
        values={"PS_1": z_star, "PS_2": sp.Integer(0), "TS": m, "CS": m - z_star, "mean_condition": equation},
        steps=tuple(steps),
        labels={"PS_1": r"\underline{PS}_1", "PS_2": r"\underline{PS}_2", "TS": r"TS = E[v]", "CS": "CS",
                "mean_condition": r"\int_0^1 S_z(p)\,dp - E[v]"},
        remarks=(f"Instance: F(v) = {F.cdf_expr} on [0, 1], c_2 = {c2}.",),
    )

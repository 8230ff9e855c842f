r"""PRYCE CAP: the efficient entry set :math:`\mathcal E^P(s)` and the yardstick price caps.

Given announced prices s, the planner admits the set of firms that maximises

.. math:: W(\mathcal E; s) = E\big[\max_{i\in\mathcal E}(v_i - s_i)^+\big] - \sum_{i\in\mathcal E} s_i\kappa_i,

and firm i's cap :math:`\bar p_i(s_{-i})` is the largest price at which it is admitted.  For
section 5.1 (two firms, values U[0,1], :math:`\kappa = 1`, :math:`\Lambda(x) = x`, so that
:math:`\varphi(\theta) = \theta`) the regions of :math:`\mathcal E^P` and the caps are derived in
closed form: a firm alone is worth admitting below :math:`2 - \sqrt 3`; the higher-priced firm
joins the lower-priced one while :math:`(1 - s_h)^2(3 s_l + 1 - s_h)/6 \ge s_h`, a cubic solved by
Cardano's formula; the two meet on the diagonal at :math:`s^*`, a root of
:math:`2s^3 - 3s^2 - 6s + 1`.

Paper: yz, section 4 (the definition of :math:`\mathcal E^P`), Theorem 1, section 5.1 (Figure I),
Proposition 1.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

import sympy as sp

from symbolic.derivation import Derivation, Step
from symbolic.models.regulation import IndependentValues, RegulationModel, branch, x

__all__ = [
    "s1",
    "s2",
    "entry_value",
    "entry_set",
    "section51_closed_forms",
    "section51",
    "proposition1",
    "finite_entry_set",
    "finite_cap",
    "pryce_cap_mechanism",
    "SEC51_CAP_POINTS",
    "SEC51_GRID",
]

s1, s2 = sp.symbols("s1 s2", nonnegative=True)
_t = sp.Symbol("t", nonnegative=True)

SEC51_CAP_POINTS = ("0", "1/20", "1/10", "3/20", "1/5", "1/4", "3/10", "1/2", "1")
"""Prices of the other firm at which the caps of section 5.1 are witnessed."""

SEC51_GRID = ("1/40", "3/40", "1/8", "13/80", "7/40", "9/40", "23/80", "2/5", "3/4")
"""Grid coordinates (none on a region boundary) at which the regions of section 5.1 are witnessed."""


def _cdf(values: IndependentValues, i: int, z: Any) -> sp.Expr:
    lo, hi = values.support
    if (z >= hi) is sp.true:
        return sp.Integer(1)
    if (z < lo) is sp.true:
        return sp.Integer(0)
    return values.cdfs[i].subs(x, z)


def entry_value(model: RegulationModel, s: tuple[Any, ...], entrants: tuple[int, ...]) -> sp.Expr:
    r""":math:`W(\mathcal E; s)` exactly for independent values and exact prices.

    :math:`E[\max_{i\in\mathcal E}(v_i - s_i)^+] = \int_0^\infty \big(1 - \prod_{i\in\mathcal E}
    F_i(s_i + t)\big)\,dt`, integrated piece by piece between the points where some
    :math:`s_i + t` crosses a breakpoint of :math:`F_i`.

    Paper: yz, section 4, the definition of :math:`\mathcal E^P(s)`.

    Examples
    --------
    >>> from symbolic.models.regulation import section51
    >>> entry_value(section51(), (sp.Rational(1, 4), sp.Rational(1, 2)), (0, 1))
    -5/12
    """
    if not entrants:
        return sp.Integer(0)
    values = model.values
    if not isinstance(values, IndependentValues):
        raise NotImplementedError("entry_value needs independent values; finite joint values are handled numerically")
    lo, hi = values.support
    s = tuple(sp.Rational(v) if not isinstance(v, sp.Basic) else v for v in s)
    cuts = {sp.Integer(0)}
    for i in entrants:
        for b in [lo, hi]:
            if (b - s[i] > 0) is sp.true:
                cuts.add(b - s[i])
    top = max(cuts, key=float)
    cuts = sorted(cuts, key=float)
    total = sp.Integer(0)
    for a, b in zip(cuts, cuts[1:]):
        mid = (a + b) / 2
        product = sp.Integer(1)
        for i in entrants:
            z = s[i] + mid
            if (z >= hi) is sp.true:
                continue
            if (z < lo) is sp.true:
                product = sp.Integer(0)
                break
            product *= branch(values.cdfs[i], z).subs(x, s[i] + _t)
        total += sp.integrate(1 - product, (_t, a, b))
    del top
    return sp.simplify(total - sum(s[i] * model.firms[i].kappa for i in entrants))


def entry_set(model: RegulationModel, s: tuple[Any, ...]) -> tuple[int, ...]:
    r"""A solution :math:`\mathcal E^P(s)`: the largest W; ties go to the larger set, then to
    the lower indices (0-based indices).

    Examples
    --------
    >>> from symbolic.models.regulation import section51
    >>> entry_set(section51(), (sp.Rational(1, 20), sp.Rational(1, 10))), entry_set(section51(), (sp.Rational(1, 5), sp.Rational(1, 4)))
    ((0, 1), (0,))
    """
    n = len(model.firms)
    scored = [((), sp.Integer(0))] + [(subset, entry_value(model, s, subset))
                                      for size in range(1, n + 1) for subset in combinations(range(n), size)]
    top = max((w for _, w in scored), key=lambda w: sp.N(w, 30))
    tied = [subset for subset, w in scored if sp.simplify(w - top) == 0]
    return min(tied, key=lambda subset: (-len(subset), subset))


def _cardano_real_root(poly: sp.Poly) -> sp.Expr:
    """The real root of a cubic with one real root (discriminant of the depressed cubic > 0)."""
    a3, a2, a1, a0 = poly.all_coeffs()
    var = poly.gens[0]
    if a3 != 1:
        raise ValueError(f"expected a monic cubic; got leading coefficient {a3}")
    shift = a2 / 3
    y = sp.Symbol("y")
    depressed = sp.Poly(sp.expand(poly.as_expr().subs(var, y - shift)), y)
    _, zero, p, q = depressed.all_coeffs()
    assert zero == 0
    disc = sp.simplify((q / 2) ** 2 + (p / 3) ** 3)
    root_y = sp.cbrt(-q / 2 + sp.sqrt(disc)) - sp.cbrt(q / 2 + sp.sqrt(disc))
    return sp.simplify(root_y - shift), (p, q, disc)


def _trigonometric_root(poly: sp.Poly, root: Any) -> sp.Expr:
    """The trigonometric (Viete) form of the real root ``root`` of a cubic with three real roots."""
    monic = sp.Poly(poly.as_expr() / poly.LC(), poly.gens[0])
    _, a2, a1, a0 = monic.all_coeffs()
    shift = a2 / 3
    y = sp.Symbol("y")
    _, _, p, q = sp.Poly(sp.expand(monic.as_expr().subs(poly.gens[0], y - shift)), y).all_coeffs()
    if (p < 0) is not sp.true:
        raise ValueError("the trigonometric form needs three real roots (p < 0)")
    amplitude = 2 * sp.sqrt(-p / 3)
    angle = sp.acos(sp.nsimplify(3 * q / (2 * p) * sp.sqrt(-3 / p))) / 3
    for k in range(3):
        candidate = sp.simplify(amplitude * sp.cos(angle - 2 * sp.pi * k / 3) - shift)
        if abs(sp.N(candidate - root, 60)) < sp.Float(10) ** -50:
            return candidate
    raise AssertionError("no trigonometric root matches")


def section51_closed_forms() -> dict[str, Any]:
    """The closed forms of section 5.1 with the steps that derive them (see :func:`section51`)."""
    steps: list[Step] = []
    # branch s1 <= s2 <= 1 (firm 1 the lower-priced): the layer-cake integrand 1 - F(s1+t)F(s2+t)
    # has F(s2+t) = 1 once t > 1 - s2, F(s1+t) = 1 once t > 1 - s1
    e_both = sp.integrate(1 - (s1 + _t) * (s2 + _t), (_t, 0, 1 - s2)) + sp.integrate(1 - (s1 + _t), (_t, 1 - s2, 1 - s1))
    e_one = sp.integrate(1 - (s1 + _t), (_t, 0, 1 - s1))
    steps.append(Step("E[max(v1 - s1, v2 - s2, 0)] for s1 <= s2 (layer cake)", sp.factor(e_both)))
    steps.append(Step("E[(v1 - s1)^+]", sp.factor(e_one)))
    w_one = sp.factor(e_one - s1)
    steps.append(Step("W({1}) = E[(v1 - s1)^+] - s1 kappa", w_one))
    (alone,) = [r for r in sp.solve(w_one, s1) if (r <= 1) is sp.true]
    steps.append(Step("a firm alone is worth admitting iff its price is at most the root in [0,1] of W({i}) = 0", alone))
    gain = sp.factor(e_both - e_one)
    steps.append(Step("value of adding the higher-priced firm 2: W({1,2}) - W({1}) + s2", gain))
    a = sp.Symbol("a", nonnegative=True)
    cubic = sp.Poly(sp.expand(6 * (gain - s2)).subs(s2, 1 - a), a)
    steps.append(Step("firm 2 joins iff gain >= s2: with a = 1 - s2 the boundary is the cubic", cubic.as_expr()))
    a_root, (p, q, disc) = _cardano_real_root(cubic)
    steps.append(Step("depressed cubic y^3 + p y + q (a = y - s1): p, q and the discriminant (q/2)^2 + (p/3)^3 > 0", (p, q, disc)))
    join = sp.simplify(1 - a_root)
    steps.append(Step("boundary of the region where both enter: s2 = c(s1), Cardano's real root", join))
    sym = sp.Poly(sp.expand(6 * (gain - s2)).subs(s2, s1), s1)
    steps.append(Step("on the diagonal s1 = s2 = s the boundary is the cubic", sym.as_expr()))
    root = [r for r in sp.Poly(sym.as_expr(), s1).all_roots() if (r > 0) is sp.true and (r < 1) is sp.true][0]
    s_star = _trigonometric_root(sp.Poly(sym.as_expr(), s1), root)
    steps.append(Step("s*: its root in (0, 1), three real roots: the trigonometric form of the depressed cubic", s_star))
    return {"alone": alone, "join": join, "s_star": s_star, "gain": gain, "cubic": cubic.as_expr(), "steps": steps}


def _cap(forms: dict[str, Any], other: sp.Symbol) -> sp.Piecewise:
    c = forms["join"].subs(s1, other)
    return sp.Piecewise((c, other <= forms["s_star"]), (other, other <= forms["alone"]), (forms["alone"], True))


def section51() -> Derivation:
    r"""The example of section 5.1: the four regions of :math:`\mathcal E^P` and both caps.

    Paper: yz, section 5.1 and Figure I.

    Returns
    -------
    Derivation
        ``alone`` (:math:`2 - \sqrt 3`), ``s_star``, ``cap_2`` (:math:`\bar p_2(s_1)`),
        ``cap_1`` (:math:`\bar p_1(s_2)`), the regions ``region_both``, ``region_1``,
        ``region_2``, ``region_none`` as conditions on (s1, s2), and ``join`` (the boundary
        :math:`c(s)` of the region where both enter).

    Examples
    --------
    >>> d = section51()
    >>> d.values["alone"], d.values["cap_2"].subs(s1, 1)
    (2 - sqrt(3), 2 - sqrt(3))
    """
    forms = section51_closed_forms()
    alone, join, s_star = forms["alone"], forms["join"], forms["s_star"]
    cap_2 = _cap(forms, s1)
    cap_1 = _cap(forms, s2)
    both = sp.Or(sp.And(s1 <= s2, s2 <= join), sp.And(s2 < s1, s1 <= join.subs(s1, s2)))
    only_1 = sp.And(sp.Not(both), s1 <= alone, s1 <= s2)
    only_2 = sp.And(sp.Not(both), s2 <= alone, s2 < s1)
    none = sp.And(s1 > alone, s2 > alone)
    regions = {"both": both, "1": only_1, "2": only_2, "none": none}
    seen = {name for a in SEC51_GRID for b in SEC51_GRID for name, cond in regions.items()
            if cond.subs({s1: sp.Rational(a), s2: sp.Rational(b)}) is sp.true}
    steps = [*forms["steps"],
             Step("regions met on the grid of SEC51_GRID points", sp.Integer(len(seen))),
             Step("firm 2's cap: c(s1) while s1 <= s*, then s1 (it must undercut firm 1), flat at 2 - sqrt(3) "
                  "once firm 1 is excluded on its own", cap_2),
             Step("firm 1's cap, by symmetry", cap_1)]
    return Derivation(
        values={"alone": alone, "s_star": s_star, "join": join, "cap_2": cap_2, "cap_1": cap_1,
                "region_both": both, "region_1": only_1, "region_2": only_2, "region_none": none,
                "regions_count": sp.Integer(len(seen))},
        steps=tuple(steps),
        labels={"alone": r"\bar s=2-\sqrt3", "s_star": "s^*", "join": "c(s_1)", "cap_2": r"\bar p_2(s_1)",
                "cap_1": r"\bar p_1(s_2)", "region_both": r"\mathcal E^P=\{1,2\}", "region_1": r"\mathcal E^P=\{1\}",
                "region_2": r"\mathcal E^P=\{2\}", "region_none": r"\mathcal E^P=\emptyset",
                "regions_count": r"\#\text{regions}"},
        remarks=(
            "The paper prints no closed form for section 5.1 and Figure I is missing from the text; the "
            "regions and caps here are derived from the definition of E^P.  The text's description holds: "
            "both caps rise with the other firm's price and flatten at 2 - sqrt(3) once the other firm "
            "is excluded.",
            "Between s* and 2 - sqrt(3) firm 2's cap equals s1: there the planner admits one firm only, "
            "the cheaper one; on the diagonal it is indifferent between {1} and {2} (ties go to firm 1 "
            "here), so 'i enters iff s_i <= cap' holds for both firms except on that tie, a null set.",
            "With Lambda = G the ironed virtual cost is phi(theta) = theta: firms announce their types.",
        ),
    )


def proposition1() -> Derivation:
    r"""Proposition 1 on section 5.1 and on a second i.i.d. example: caps within [s_low, s_high].

    Paper: yz, Proposition 1 and appendix B.1.

    The second example: two firms, values i.i.d. with :math:`F(v) = v^2` on [0, 1],
    :math:`\kappa = 1/2`.  ``s_high`` is the price at which a firm alone stops being worth
    admitting; ``s_low`` the cap when the rival announces 0 (caps are nondecreasing in the
    rival's price, so these bound every cap).  ``cap_increasing`` records that the boundary c
    of section 5.1 rises with the rival's price (implicit differentiation).

    Examples
    --------
    >>> d = proposition1()
    >>> d.values["s_high_51"]
    2 - sqrt(3)
    """
    forms = section51_closed_forms()
    steps: list[Step] = []
    s_low_51 = sp.nsimplify(sp.simplify(forms["join"].subs(s1, 0)))
    steps.append(Step("section 5.1: lowest cap, c(0)", s_low_51))
    H = forms["gain"] - s2
    a = sp.Symbol("a", nonnegative=True)
    dH1 = sp.factor(sp.diff(H, s1))
    dH2 = sp.expand(sp.diff(H, s2).subs(s2, 1 - a))
    increasing = sp.And(dH1 >= 0, dH2 < 0)
    increasing = sp.simplify(increasing.subs(s2, 1 - a))
    steps.append(Step("dc/ds1 = -H_s1/H_s2 with H_s1 = (1 - s2)^2/2 >= 0 and H_s2 (a = 1 - s2) < 0", (dH1, dH2)))
    # second example: F(v) = v^2, kappa = 1/2
    k = sp.Rational(1, 2)
    s = sp.Symbol("s", nonnegative=True)
    alone = sp.integrate(1 - _t**2, (_t, s, 1))
    poly_high = sp.Poly(sp.expand(3 * (alone - k * s)), s)
    s_high = [r for r in poly_high.all_roots() if r.is_real and (r >= 0) is sp.true and (r <= 1) is sp.true][0]
    steps.append(Step("F(v) = v^2: a firm alone is admitted iff E[(v - s)^+] >= s/2; the root in [0,1]", s_high))
    # rival at price 0: firm i adds E[(v_i - s - max(v_j, 0))^+] = int_0^{1-s} Pr(v_i > s + t) Pr(v_j <= t) dt
    gain0 = sp.integrate((1 - (s + _t) ** 2) * _t**2, (_t, 0, 1 - s))
    poly_low = sp.Poly(sp.expand(30 * (gain0 - k * s)), s)
    s_low = [r for r in poly_low.all_roots() if r.is_real and (r >= 0) is sp.true and (r <= 1) is sp.true][0]
    steps.append(Step("F(v) = v^2: the cap against a rival at 0 solves int (1 - (s+t)^2) t^2 dt = s/2", s_low))
    return Derivation(
        values={"s_low_51": s_low_51, "s_high_51": forms["alone"], "cap_increasing": increasing,
                "s_low_sq": s_low, "s_high_sq": s_high},
        steps=tuple(steps),
        labels={"s_low_51": r"\underline s\ (\S5.1)", "s_high_51": r"\bar s\ (\S5.1)",
                "cap_increasing": r"c'(s_1)>0", "s_low_sq": r"\underline s\ (F=v^2)", "s_high_sq": r"\bar s\ (F=v^2)"},
        remarks=(
            "Appendix B.1 ends 'there must exist s-bar such that i is not in E^P(s) whenever s_i <= s-bar'; "
            "the inequality must be s_i > s-bar (a price above s-bar excludes the firm).",
        ),
    )


def _finite_value(model: RegulationModel, s: tuple[Any, ...], entrants: tuple[int, ...]) -> sp.Expr:
    gross = sum((sp.Rational(p) * sp.Max(0, *[sp.Rational(row[j]) - s[j] for j in entrants])
                 for row, p in zip(model.values.profiles, model.values.probs)), sp.Integer(0))
    return gross - sum((s[j] * model.firms[j].kappa for j in entrants), sp.Integer(0))


def finite_entry_set(model: RegulationModel, s: tuple[Any, ...]) -> tuple[int, ...]:
    """E^P(s) for finite joint values (same tie rule as :func:`entry_set`)."""
    n = len(model.firms)
    scored = [((), sp.Integer(0))] + [(c, _finite_value(model, s, c)) for k in range(1, n + 1) for c in combinations(range(n), k)]
    top = max(w for _, w in scored)
    return min((c for c, w in scored if w == top), key=lambda c: (-len(c), c))


def finite_cap(model: RegulationModel, i: int, others: tuple[Any, ...]) -> sp.Expr:
    r"""Firm i's yardstick cap against the rivals' prices ``others`` (finite values), exactly.

    Every :math:`W(\mathcal E; s)` is piecewise linear in :math:`s_i` with kinks where
    :math:`v_i - s_i` meets a rival's surplus or 0; between kinks the entry set can only switch
    where two linear values cross, so the cap is the largest such crossing after which i is out.

    Examples
    --------
    >>> from symbolic.models.regulation import finite_example
    >>> finite_cap(finite_example(), 0, (sp.Rational(1, 4),))
    5/7
    """
    n = len(model.firms)

    def profile(p: Any) -> tuple[Any, ...]:
        it = iter(others)
        return tuple(p if j == i else sp.Rational(next(it)) for j in range(n))

    rivals = profile(sp.Integer(0))
    kinks = {sp.Integer(0)}
    for row in model.values.profiles:
        vi = sp.Rational(row[i])
        kinks.add(vi)
        for j in range(n):
            if j != i:
                kinks.add(vi - (sp.Rational(row[j]) - rivals[j]))
    top = max(sp.Rational(row[i]) for row in model.values.profiles) + 1
    kinks = sorted(k for k in kinks if 0 <= k <= top) + [top]
    subsets = [c for k in range(n + 1) for c in combinations(range(n), k)]
    points = set(kinks)
    for a, b in zip(kinks, kinks[1:]):
        for A in subsets:
            for B in subsets:
                if A < B or A == B:
                    continue
                fa = [_finite_value(model, profile(p), A) for p in (a, b)]
                fb = [_finite_value(model, profile(p), B) for p in (a, b)]
                da, db = fa[0] - fb[0], fa[1] - fb[1]
                if da != db and (da * db <= 0):
                    points.add(a + (b - a) * da / (da - db))
    points = sorted(points)
    cap = sp.Integer(0)
    for a, b in zip(points, points[1:]):
        if i in finite_entry_set(model, profile((a + b) / 2)):
            cap = b
    if cap == points[-1]:
        return sp.oo
    return cap


def _pryce_payoff(model: RegulationModel, sol: dict, i: int, t: Any, s: Any) -> Any:
    """Interim payoff of firm i of type t announcing s in PRYCE CAP, rivals announcing phi."""
    from itertools import product

    from symbolic.regulation import _shares

    n = len(model.firms)
    phi, atoms = sol["phi"], [f.atoms() for f in model.firms]
    share = enter = sp.Integer(0)
    for combo in product(*[atoms[j] for j in range(n) if j != i]):
        prob = sp.prod([m for _, m in combo])
        it = iter(combo)
        prices = tuple(s if j == i else phi[j][next(it)[0]] for j in range(n))
        chosen = finite_entry_set(model, prices)
        if i in chosen:
            enter += prob
            share += prob * _shares(model.values, prices, chosen)[i]
    points = [p for p, _ in atoms[i]]
    # tau*(phi^{-1}(s)): phi is constant on (a_{k-1}, a_k]; read tau* there (at a_k)
    above = [p for p in points if (phi[i][p] >= s) is sp.true]
    tau = sol["tau"][i][above[0] if above else points[-1]]
    return s * share - tau - t * (share + enter * model.firms[i].kappa)


def pryce_cap_mechanism() -> Derivation:
    r"""Theorem 1 and Lemma 5 on the finite model: PRYCE CAP with announcements :math:`\varphi_i(\theta_i)`.

    Paper: yz, Definition 3, Theorem 1, Lemma 5 and appendix A.3.

    Returns
    -------
    Derivation
        ``cap<i>(<rival type>)``: firm i's cap against the rival's equilibrium announcement;
        ``E^P=E*`` (the entry sets at the announcements equal :math:`\mathcal E^*` at every type
        profile); ``tP<i>(<type>)``: the interim PRYCE CAP transfer
        :math:`E[t^P_i(\varphi(\theta))]` at each atom, equal to :math:`T^*_i`;
        ``gain_off_range``: what firm 1 of type 1/4 gains by announcing 1/2, a price outside
        :math:`\varphi_1(\Theta_1) = \{1/4, 1\}` but below its cap.

    Examples
    --------
    >>> d = pryce_cap_mechanism()
    >>> d.values["E^P=E*"], d.values["cap1(1/4)"]
    (True, 5/7)
    """
    from symbolic.models.regulation import finite_example
    from symbolic.regulation import relaxed_solution

    model = finite_example()
    sol = relaxed_solution(model)
    phi = sol["phi"]
    values: dict[str, Any] = {}
    labels: dict[str, str] = {}
    steps: list[Step] = []
    same = all(finite_entry_set(model, tuple(phi[i][t] for i, t in enumerate(types))) == chosen
               for types, chosen in sol["entry"].items())
    values["E^P=E*"] = sp.true if same else sp.false
    labels["E^P=E*"] = r"\mathcal E^P(\varphi(\theta))=\mathcal E^*(\theta)\ \forall\theta"
    n = len(model.firms)
    for i in range(n):
        j = 1 - i
        for t in phi[j]:
            name = f"cap{i + 1}({t})"
            values[name] = finite_cap(model, i, (phi[j][t],))
            labels[name] = rf"\bar p_{i + 1}(\varphi_{j + 1}({sp.latex(t)}))"
        for t in phi[i]:
            # interim PRYCE CAP transfer at the announcement phi(t): s E[r^P mu^P] - tau*(phi^{-1}(s))
            transfer = phi[i][t] * sol["share"][i][t] - sol["tau"][i][t]
            values[f"tP{i + 1}({t})"] = sp.nsimplify(transfer)
            labels[f"tP{i + 1}({t})"] = rf"E[t^P_{i + 1}(\varphi({sp.latex(t)}))]"
    # a deviation off the range of phi: firm 1 of type 1/4 announces 1/2, between phi_1(1/4) and phi_1(3/4)
    t_low, s_dev = sp.Rational(1, 4), sp.Rational(1, 2)
    gain = _pryce_payoff(model, sol, 0, t_low, s_dev) - _pryce_payoff(model, sol, 0, t_low, phi[0][t_low])
    values["gain_off_range"] = sp.nsimplify(gain)
    labels["gain_off_range"] = r"U_1(\tfrac14, \tfrac12) - U_1(\tfrac14, \varphi_1(\tfrac14))"
    steps.append(Step("firm 1 of type 1/4 announcing 1/2 (not in phi_1(Theta) = {1/4, 1}) instead of 1/4: gain", gain))
    steps.append(Step("entry sets at the announcements phi(theta) equal E*(theta) at every type profile", values["E^P=E*"]))
    steps.append(Step("caps: thresholds of the entry indicator, piecewise-linear crossings", tuple(
        (k, v) for k, v in values.items() if k.startswith("cap"))))
    steps.append(Step("interim transfers t^P at the equilibrium announcements (equal to T*)", tuple(
        (k, v) for k, v in values.items() if k.startswith("tP"))))
    remarks = (
        "With discrete types, phi is constant on (a_{k-1}, a_k] (the gap and the next atom), so the printed inverse "
        "inf{theta : phi(theta) >= s} is a_{k-1}, which is not in that set; tau* must be read at the right limit "
        "(the value on the gap, tau*(a_k)), otherwise even the equilibrium transfer t^P(phi(a_k)) is not T*(a_k). "
        "For s above phi(theta-bar) the set is empty; tau*(theta-bar) is used.",
        "Lemma 5's proof covers announcements in phi_i(Theta_i) by incentive compatibility and calls the others "
        "'easy to verify'.  With discrete types phi_i(Theta_i) is finite ({1/4, 1} for firm 1 here) and a price "
        "between two of its values, below the cap, keeps the firm in the market, sells at a higher price and "
        "pays the lump sum tau* of the next type up: firm 1 of type 1/4 gains 1/10 by announcing 1/2 (the witness "
        "finds gains up to 25/192 on a grid).  So the printed PRYCE CAP (r^P, mu^P, t^P) is not a Bayes-Nash "
        "equilibrium for this G; truthful announcements are optimal among announcements in phi(Theta).  With a "
        "continuous, strictly increasing phi (section 5.1) phi(Theta) is an interval and the issue does not arise.",
    )
    return Derivation(values=values, steps=tuple(steps), labels=labels, remarks=remarks)


LEMMA5_POINTS = ("0", "1/20", "1/8", "3/20", "1/5", "1/4", "3/10", "1/2")
"""Announcements at which the interim load of section 5.1 is witnessed."""


def equilibrium_section51() -> Derivation:
    r"""Lemma 5 on section 5.1: the interim load of an announcement and the equilibrium payoffs.

    Paper: yz, Lemma 5 and appendix A.3; section 5.1.

    Firm 1 announces s, the rival announces its type t ~ U[0, 1] (:math:`\varphi(t) = t`).  From the
    regions of :func:`section51`: for :math:`s \le s^*` firm 1 is admitted unless
    :math:`t < c^{-1}(s)` (the rival undercuts it enough to exclude it; :math:`c^{-1}` solves the
    boundary, linear in the lower price), sharing the market while :math:`t \le c(s)`; for
    :math:`s^* < s \le \bar s` it is admitted alone when :math:`t > s`; above :math:`\bar s` never.
    The load :math:`L(s) = E_t[r^P(s, t)(q^P + \kappa)]` is nonincreasing, so with
    :math:`t^P` type :math:`\theta` earns :math:`T^*(s) - \theta L(s)` and loses
    :math:`\int_\theta^s (L(x) - L(s))\,dx \ge 0` by announcing s instead of :math:`\theta`.

    Returns
    -------
    Derivation
        ``load`` (Piecewise in ``s1``); the steps also give the loss of type 1/5 announcing 1/4.

    Examples
    --------
    >>> d = equilibrium_section51()
    >>> d.values["load"].subs(s1, sp.Rational(1, 5))
    36/25
    """
    forms = section51_closed_forms()
    s, t, u = s1, sp.Symbol("t", nonnegative=True), sp.Symbol("u", nonnegative=True)
    alone, star, join, gain = forms["alone"], forms["s_star"], forms["join"], forms["gain"]
    low = sp.nsimplify(sp.simplify(join.subs(s1, 0)))
    # the inverse of the boundary: gain(t, s) = s is linear in the lower price t
    (inverse,) = sp.solve(sp.Eq(gain.subs({s1: u, s2: s}), s), u)
    inverse = sp.simplify(inverse)
    # firm 1's share when both enter: Pr(v1 - s >= max(v2 - t, 0)) = int_0^{1-s} F(t + y) dy
    y = sp.Symbol("y", nonnegative=True)
    share_below = sp.integrate(t + y, (y, 0, 1 - s))  # t <= s: t + y <= 1 throughout
    share_above = sp.integrate(t + y, (y, 0, 1 - t)) + (t - s)  # t > s: F = 1 once y > 1 - t
    k = sp.Integer(1)
    alone_load = (1 - s) + k
    both_tail = sp.integrate(share_above + k, (t, s, join)) + (1 - join) * alone_load
    piece_low = sp.integrate(share_below + k, (t, 0, s)) + both_tail
    piece_mid = sp.integrate(share_below + k, (t, inverse, s)) + both_tail
    piece_single = (1 - s) * alone_load
    load = sp.Piecewise((sp.expand(piece_low), s <= low), (piece_mid, s <= star), (sp.expand(piece_single), s <= alone),
                        (0, True))
    theta0, s_dev = sp.Rational(1, 5), sp.Rational(1, 4)
    dev = sp.nsimplify(sp.integrate(piece_single.subs(s, s_dev) - piece_single.subs(s, u), (u, theta0, s_dev)))
    steps = (
        Step("the lowest cap c(0)", low),
        Step("c^{-1}(s): the rival price at which an announcement s is just admitted (boundary linear in it)", inverse),
        Step("firm 1's share when both enter, rival below / above s", (share_below, share_above)),
        Step("load for s <= c(0): always admitted, shares the market while t <= c(s)", sp.expand(piece_low)),
        Step("load for c(0) < s <= s*: excluded while t < c^{-1}(s)", piece_mid),
        Step("load for s* < s <= 2 - sqrt(3): admitted alone when t > s", sp.expand(piece_single)),
        Step("type 1/5 announcing 1/4: integral of L(1/4) - L(u) over [1/5, 1/4] (negative: no gain)", dev),
    )
    return Derivation(
        values={"load": load},
        steps=steps,
        labels={"load": r"L(s_1)"},
        remarks=("With Lambda = G the transfers make every type's payoff from announcing s equal to T*(s) - theta L(s); "
                 "the load is nonincreasing in s (checked on a grid by the witness), which is the whole content of "
                 "Lemma 5 here because phi(Theta) = [0, 1] is an interval.",),
    )

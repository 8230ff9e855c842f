r"""The Hotelling duopoly with unknown values: G_b^B, producer surplus, total and consumer surplus.

Two producers with zero cost; values with :math:`v_1 + v_2 = \bar v`; the residual
:math:`r = v_1 - v_2` has a symmetric distribution on :math:`[-\bar v, \bar v]`.  Under the
consumer-optimal information the interim residual has the two-sided truncated Pareto
distribution :math:`G_b^B`; the efficient producer prices at :math:`b`, the other at cost.

Paper: bbm, section III.C (Example 4, equation (3), Theorem 3) and appendix A3.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

import mpmath
import sympy as sp

from symbolic.derivation import Derivation, Step
from symbolic.implicit import ImplicitRoot
from symbolic.models import SymmetricResidual, TwoSidedPareto

__all__ = [
    "b",
    "B",
    "r",
    "p",
    "truncated_pareto_cdf",
    "truncated_pareto",
    "pareto_producer_surplus",
    "total_surplus_identity",
    "binary_information_extremes",
    "binary_total_surplus",
    "binary_consumer_surplus",
    "binary_optimum",
    "stop_loss",
    "optimal_information",
    "uniform_optimum",
    "price",
    "benchmark_constraints",
    "binary_benchmark",
    "binary_figure_densities",
    "appendix_a3",
]

b, B = sp.symbols("b B", positive=True)
r = sp.Symbol("r", real=True)
p = sp.Symbol("p", nonnegative=True)


def _decided(condition: Any, what: str) -> bool:
    """Decide a sympy condition or say that the derivation cannot pick the branch."""
    condition = sp.sympify(condition)
    if condition in (sp.true, sp.false):
        return bool(condition)
    raise NotImplementedError(f"cannot decide {what}: {condition}")


def truncated_pareto_cdf(b: Any = b, B: Any = B) -> sp.Piecewise:
    r"""The CDF :math:`G_b^B(r)` as a sympy Piecewise in ``r`` (right-continuous).

    Paper: bbm, section III.C, definition of :math:`G_b^B` before Theorem 3.

    Parameters
    ----------
    b, B
        Bounds with ``0 < b < B``; sympy symbols (default: positive ``b``, ``B``) or exact
        numbers.  An undecided ``b < B`` passes.

    Returns
    -------
    sympy.Piecewise
        :math:`G_b^B` in the symbol :data:`r`.

    Raises
    ------
    ValueError
        When ``0 < b < B`` is provably false.

    Examples
    --------
    >>> truncated_pareto_cdf()
    Piecewise((0, B < -r), (-b/(2*r), b < -r), (1/2, b > r), (-b/(2*r) + 1, B > r), (1, True))
    >>> truncated_pareto_cdf(sp.Rational(1, 2), sp.Rational(1, 3))
    Traceback (most recent call last):
    ...
    ValueError: G_b^B needs 0 < b < B; got b=1/2, B=1/3
    """
    G = TwoSidedPareto(b, B)
    pieces = G.pieces()
    args = [(sp.sympify(value(r)), r < upper) for upper, value in pieces[:-1]]
    args.append((sp.sympify(pieces[-1][1](r)), True))
    return sp.Piecewise(*args)


def _clip(left: Any, right: Any, lower: Any, upper: Any) -> tuple[Any, Any] | None:
    """``[left, right)`` intersected with ``[lower, upper)``, where the bounds are 0 or infinite.

    The pieces' own order is known from the model (0 < b < B); only comparisons of an
    endpoint with 0 are decided here, from the symbols' assumptions.
    """
    if _decided(right <= lower, f"whether {right} <= {lower}") or _decided(left >= upper, f"whether {left} >= {upper}"):
        return None
    a = lower if _decided(left <= lower, f"whether {left} <= {lower}") else left
    c = upper if _decided(right >= upper, f"whether {right} >= {upper}") else right
    return a, c


def _jumps(G: TwoSidedPareto) -> list[tuple[Any, Any]]:
    """Each breakpoint of G with the size of its jump: the next piece minus this piece, there."""
    pieces = G.pieces()
    out = []
    for (upper, value), (_, following) in zip(pieces, pieces[1:]):
        upper = sp.sympify(upper)
        out.append((upper, sp.simplify(sp.sympify(following(upper)) - sp.sympify(value(upper)))))
    return out


def _stieltjes(G: TwoSidedPareto, h: Callable[[Any], Any], lower: Any, upper: Any) -> tuple[Any, list[Step]]:
    r"""The Lebesgue--Stieltjes integral :math:`\int_{[lower, upper)} h(r)\,G(dr)`.

    Continuous parts are integrated against the density of each piece; each jump of G at a
    breakpoint inside ``[lower, upper)`` adds ``h(point) * jump``.  ``lower`` and ``upper``
    are 0 or infinite, and ``lower`` must not be an atom.
    """
    pieces = G.pieces()
    total = sp.Integer(0)
    steps: list[Step] = []
    bounds = [-sp.oo, *[sp.sympify(u) for u, _ in pieces[:-1]], sp.oo]
    for k, (_, value) in enumerate(pieces):
        span = _clip(bounds[k], bounds[k + 1], lower, upper)
        density = sp.diff(sp.sympify(value(r)), r)
        if span is not None and density != 0:
            part = sp.integrate(h(r) * density, (r, *span))
            steps.append(Step(f"continuous part on [{span[0]}, {span[1]}): density {density}", part))
            total += part
    for point, jump in _jumps(G):
        if jump != 0 and _clip(point, point, lower, upper) is not None and not _decided(point < lower, "atom position"):
            steps.append(Step(f"atom at r = {point} of size {jump}", h(point) * jump))
            total += h(point) * jump
    return total, steps


def truncated_pareto(b: Any = b, B: Any = B) -> Derivation:
    r"""Derive the shape of :math:`G_b^B`: pieces, the flat part, the atoms and the total mass.

    Paper: bbm, section III.C, definition of :math:`G_b^B`.

    Returns
    -------
    Derivation
        ``G`` (the right-continuous CDF), ``density`` on :math:`(b, B)`, ``flat_value`` on
        :math:`[-b, b)`, ``atom_minus_B`` and ``atom_B`` (jumps by left limits) and
        ``total_mass`` (atoms plus the integral of the density).

    Examples
    --------
    >>> d = truncated_pareto()
    >>> d.values["atom_B"], d.values["total_mass"]
    (b/(2*B), 1)
    """
    G = TwoSidedPareto(b, B)
    cdf = truncated_pareto_cdf(b, B)
    pieces = G.pieces()
    density = sp.diff(sp.sympify(pieces[3][1](r)), r)  # the piece on [b, B), chosen by position
    jumps = dict(_jumps(G))
    atom_minus, atom_plus = jumps[sp.sympify(-G.B)], jumps[sp.sympify(G.B)]
    mass, mass_steps = _stieltjes(G, lambda x: sp.Integer(1), -sp.oo, sp.oo)
    mass = sp.simplify(mass)
    flat = sp.simplify(cdf.subs(r, 0))
    steps = (
        Step("G_b^B, right-continuous: Pr(residual <= r)", cdf),
        Step("density on (b, B): d/dr (1 - b/(2r))", density),
        Step("atom at -B: the jump G(-B) - G(-B^-) between the pieces meeting there", atom_minus),
        Step("atom at B: the jump G(B) - G(B^-) between the pieces meeting there", atom_plus),
        *mass_steps,
        Step("total mass: atoms plus the integral of the density", mass),
    )
    remarks = (
        "The printed cases read 'r <= -B' and 'r <= B', which makes the printed function "
        "left-continuous at -B and B: it is Pr(residual < r) there.  With the mass points at "
        "+-B that the text states, the CDF (right-continuous) is G(-B) = b/(2B) and G(B) = 1; "
        "the two agree everywhere else.",
    )
    return Derivation(
        values={
            "G": cdf,
            "density": density,
            "flat_value": flat,
            "atom_minus_B": atom_minus,
            "atom_B": atom_plus,
            "total_mass": mass,
        },
        steps=steps,
        labels={
            "G": r"G_b^B(r)",
            "density": r"g_b^B(r),\ b<r<B",
            "flat_value": r"G_b^B(r),\ -b\le r<b",
            "atom_minus_B": r"G_b^B(-B)-G_b^B(-B^-)",
            "atom_B": r"G_b^B(B)-G_b^B(B^-)",
            "total_mass": r"\int G_b^B(dr)",
        },
        remarks=remarks,
    )


def _revenue_segments(G: TwoSidedPareto) -> tuple[list[tuple[Any, Any, Any]], list[tuple[Any, Any, Any]]]:
    r"""Revenue of each producer as ``(lo, hi, expression in p)`` on price intervals ``(lo, hi]``.

    Producer 1 sells when :math:`r \ge p`: revenue :math:`p\,(1 - G^-(p))`; on ``(u_{k-1}, u_k]``
    the left limit :math:`G^-` is piece k.  Producer 2's residual is :math:`-r`; it sells when
    :math:`r \le -p`: revenue :math:`p\,G(-p)`; for :math:`-p \in [u_{k-1}, u_k)` that is piece k.
    Only prices :math:`p \ge 0` count.
    """
    pieces = G.pieces()
    uppers = [sp.sympify(u) for u, _ in pieces[:-1]]
    bounds = [-sp.oo, *uppers, sp.oo]
    own: list[tuple[Any, Any, Any]] = []
    rival: list[tuple[Any, Any, Any]] = []
    for k, (_, value) in enumerate(pieces):
        lo, hi = bounds[k], bounds[k + 1]
        span = _clip(lo, hi, 0, sp.oo)
        if span is not None:
            own.append((*span, p * (1 - sp.sympify(value(p)))))
        span = _clip(-hi, -lo, 0, sp.oo)
        if span is not None:
            rival.append((*span, p * sp.sympify(value(-p))))
    return own, rival


def _maximise(segments: list[tuple[Any, Any, Any]], name: str) -> tuple[Any, Any, list[Step]]:
    """Supremum of a revenue given on segments ``(lo, hi]``, and the lowest price attaining it.

    Candidates on each segment: the limit at ``lo`` from the right, the value at ``hi`` and
    the interior critical points.  The lowest maximiser is the smallest candidate price whose
    value equals the supremum.
    """
    steps: list[Step] = []
    candidates: list[tuple[Any, Any]] = []
    for lo, hi, expr in segments:
        steps.append(Step(f"{name}: revenue for p in ({lo}, {hi}]", expr))
        candidates.append((lo, sp.limit(expr, p, lo, dir="+")))
        candidates.append((hi, sp.limit(expr, p, sp.oo) if hi == sp.oo else expr.subs(p, hi)))
        for c in sp.solve(sp.diff(expr, p), p):
            if _decided(sp.And(c > lo, c < hi), f"whether {c} lies in ({lo}, {hi})"):
                candidates.append((c, expr.subs(p, c)))
    sup = sp.simplify(sp.Max(*[v for _, v in candidates]))
    # candidates come in increasing order of price (segments in order, lo before hi)
    lowest = next(x for x, v in candidates if x != sp.oo and sp.simplify(v - sup) == 0)
    steps.append(Step(f"{name}: maximal revenue", sup))
    steps.append(Step(f"{name}: lowest maximising price", lowest))
    return sup, lowest, steps


def _producer_surplus(G: TwoSidedPareto) -> tuple[Any, Any, Any, Any, list[Step]]:
    """Both producers' maximal revenues, the efficient producer's price and the steps."""
    own, rival = _revenue_segments(G)
    rival.reverse()  # built from the pieces right to left in price
    rev1, price1, steps1 = _maximise(own, "producer 1")
    rev2, price2, steps2 = _maximise(rival, "producer 2")
    return rev1, rev2, price1, price2, steps1 + steps2


def pareto_producer_surplus(b: Any = b, B: Any = B) -> Derivation:
    r"""Producer surplus under :math:`G_b^B`: each efficient producer earns b/2, in all b.

    The efficient producer's revenue :math:`p\,\Pr(r \ge p)` is :math:`p/2` up to b and
    flat at :math:`b/2` on :math:`[b, B]`, so its lowest optimal price is b, where it sells
    whenever it is efficient; the other prices at cost.

    Paper: bbm, Theorem 3 and appendix A3 (the formula for PS(G)).

    Returns
    -------
    Derivation
        ``revenue_1``, ``revenue_2`` (each producer's maximal revenue), ``PS`` (their sum),
        ``price`` (the efficient producer's lowest optimal price) and ``sale_probability``
        (the probability of a sale at that price, conditional on being efficient).

    Examples
    --------
    >>> d = pareto_producer_surplus()
    >>> d.values["PS"], d.values["price"], d.values["sale_probability"]
    (b, b, 1)
    """
    G = TwoSidedPareto(b, B)
    rev1, rev2, price1, price2, steps = _producer_surplus(G)
    sale = sp.simplify((1 - G.cdf_left(price1)) / sp.Rational(1, 2))
    ps = sp.simplify(rev1 + rev2)
    remarks = (
        "Appendix A3 prints PS(G) = max_p {p G^-(p)} + max_p {p[1 - G^-(p)]}.  Read literally, "
        "the first term is unbounded (G^-(p) = 1 for p > B).  Producer 2's residual is -r, so it "
        "sells at price p when r <= -p: the derivation uses p G(-p), which gives b/2.",
    )
    return Derivation(
        values={"revenue_1": rev1, "revenue_2": rev2, "PS": ps, "price": price1, "sale_probability": sale},
        steps=(*steps, Step("PS(G_b^B): sum of the two maximal revenues", ps),
               Step("sale probability at the lowest optimal price, given efficiency", sale)),
        labels={
            "revenue_1": r"\max_{p\ge0} p\,[1-G^-(p)]",
            "revenue_2": r"\max_{p\ge0} p\,G(-p)",
            "PS": r"\underline{PS}(G_b^B)",
            "price": r"p^*",
            "sale_probability": r"\Pr(r \ge p^* \mid r \ge 0)",
        },
        remarks=remarks,
    )


vbar = sp.Symbol("vbar", positive=True)


def _total_surplus(G: TwoSidedPareto, v_bar: Any) -> tuple[Any, list[Step]]:
    r"""Equation (3): :math:`\bar v/2 + \int_{[0,\bar v]} r\,G(dr)` for a symmetric G on :math:`[-\bar v,\bar v]`."""
    tail, steps = _stieltjes(G, lambda x: x, 0, sp.oo)
    ts = sp.expand(v_bar / 2 + tail)
    return ts, [*steps, Step("TS = vbar/2 + integral of r over [0, vbar] under G (equation (3))", ts)]


def total_surplus_identity(b: Any = b, B: Any = B, v_bar: Any = vbar) -> Derivation:
    r"""Equation (3) on :math:`G_b^B`: total surplus computed directly equals the printed form.

    Directly, the consumer buys the interim-efficient good, worth
    :math:`\max\{E[v_1\mid s], E[v_2\mid s]\} = \bar v/2 + |r|/2`; equation (3) writes the same
    expectation as :math:`E[v_j] + \int_0^{\bar v} r\,G(dr)` with :math:`E[v_j] = \bar v/2`.

    Paper: bbm, section III.C, equation (3).

    Examples
    --------
    >>> d = total_surplus_identity()
    >>> d.values["difference"]
    0
    """
    G = TwoSidedPareto(b, B)
    below, steps_below = _stieltjes(G, lambda x: (v_bar - x) / 2, -sp.oo, 0)
    above, steps_above = _stieltjes(G, lambda x: (v_bar + x) / 2, 0, sp.oo)
    direct = sp.expand(below + above)
    printed_form, steps_eq3 = _total_surplus(G, v_bar)
    difference = sp.simplify(direct - printed_form)
    return Derivation(
        values={"TS_direct": direct, "TS_eq3": printed_form, "difference": difference},
        steps=(
            Step("for r < 0 the consumer buys good 2, worth (vbar - r)/2", below),
            *steps_below,
            Step("for r >= 0 the consumer buys good 1, worth (vbar + r)/2", above),
            *steps_above,
            Step("TS directly: E[max(E[v1|s], E[v2|s])]", direct),
            *steps_eq3,
            Step("difference", difference),
        ),
        labels={
            "TS_direct": r"E\bigl[\max\{E[v_1\mid s],E[v_2\mid s]\}\bigr]",
            "TS_eq3": r"\int v\,\mu(dv)+\int_0^{\bar v} r\,G_b^B(dr)",
            "difference": r"\text{difference}",
        },
    )


def binary_information_extremes() -> Derivation:
    r"""Example 4's two extremes: full information (prices 1, CS 0) and none (prices 0, CS 1/2).

    Values :math:`(v_1, v_2) \in \{(1,0),(0,1)\}` equally likely, costs zero, producers
    uninformed.  Fully informed, a consumer buys good i iff :math:`1 - p_i \ge \max\{0, -p_j\}`,
    so producer i's revenue is :math:`p_i/2` for :math:`p_i \le 1` and zero above, whatever
    :math:`p_j \ge 0`: it prices at 1.  Uninformed, both goods are worth 1/2: homogeneous
    Bertrand competition at zero cost drives both prices to cost.

    Paper: bbm, section III.C, Example 4.

    Examples
    --------
    >>> d = binary_information_extremes()
    >>> d.values["full_price"], d.values["full_CS"], d.values["none_CS"]
    (1, 0, 1/2)
    """
    half = sp.Rational(1, 2)
    revenue = sp.Piecewise((p * half, p <= 1), (0, True))
    best = sp.solve(sp.Eq(sp.diff(p * half, p), 0), p)  # no interior critical point: a corner
    full_price = sp.Integer(1)  # revenue p/2 increases on [0, 1] and is 0 above
    full_ps = revenue.subs(p, full_price) * 2
    full_ts = half * 1 + half * 1  # each type buys its good of value 1
    full_cs = full_ts - full_ps
    expected_value = half * 1 + half * 0
    none_price = sp.Integer(0)  # Bertrand at cost
    none_ts = expected_value
    none_cs = none_ts - none_price
    return Derivation(
        values={
            "full_price": full_price,
            "full_CS": full_cs,
            "full_TS": full_ts,
            "none_price": none_price,
            "none_CS": none_cs,
            "none_TS": none_ts,
        },
        steps=(
            Step("full information: producer i's revenue at price p (any rival price >= 0)", revenue),
            Step("interior critical points of p/2 (none: the maximum is the corner p = 1)", best),
            Step("producer surplus with both prices at 1", full_ps),
            Step("consumer surplus: value 1 minus price 1", full_cs),
            Step("no information: expected value of either good", expected_value),
            Step("Bertrand with homogeneous goods at zero cost: price = cost", none_price),
            Step("consumer surplus = total surplus = 1/2", none_cs),
        ),
        labels={
            "full_price": r"p_i^{\text{full}}",
            "full_CS": r"CS^{\text{full}}",
            "full_TS": r"TS^{\text{full}}",
            "none_price": r"p_i^{\text{none}}",
            "none_CS": r"CS^{\text{none}}",
            "none_TS": r"TS^{\text{none}}",
        },
    )


def binary_total_surplus(b: Any = b, B: Any = B) -> Derivation:
    r"""Total surplus of :math:`G_b^B` in the binary example (:math:`\bar v = 1`).

    Paper: bbm, section III.C, Example 4 (display after equation (3)).

    Examples
    --------
    >>> binary_total_surplus().values["TS"]
    b*log(B)/2 - b*log(b)/2 + b/2 + 1/2
    """
    G = TwoSidedPareto(b, B)
    ts, steps = _total_surplus(G, sp.Integer(1))
    ts = sp.expand(sp.expand_log(ts, force=True))
    return Derivation(values={"TS": ts}, steps=tuple(steps), labels={"TS": r"\overline{TS}(G_b^B)"})


def binary_consumer_surplus(b: Any = b, B: Any = B) -> Derivation:
    r"""Consumer surplus of :math:`G_b^B` in the binary example: total surplus minus b.

    Paper: bbm, section III.C, Example 4.

    Examples
    --------
    >>> binary_consumer_surplus().values["CS"]
    b*log(B)/2 - b*log(b)/2 - b/2 + 1/2
    """
    G = TwoSidedPareto(b, B)
    ts, steps = _total_surplus(G, sp.Integer(1))
    rev1, rev2, _, _, ps_steps = _producer_surplus(G)
    ps = sp.simplify(rev1 + rev2)
    cs = sp.expand(sp.expand_log(ts - ps, force=True))
    return Derivation(
        values={"CS": cs},
        steps=(*steps, *ps_steps, Step("producer surplus", ps), Step("CS = TS - PS", cs)),
        labels={"CS": r"\overline{TS}(G_b^B) - b"},
    )


def binary_optimum() -> Derivation:
    r"""The consumer-optimal :math:`(b^*, B^*)` of the binary example, from first-order conditions.

    :math:`\partial CS/\partial B = b/(2B) > 0`, so B is as large as the mean-preserving
    contraction allows: every symmetric distribution on :math:`[-1, 1]` is a contraction of
    the residual :math:`\pm 1`, so :math:`B^* = \bar v = 1`.  Then
    :math:`\partial CS/\partial b = \tfrac12(\ln B - \ln b - 2) = 0` gives :math:`b^* = e^{-2}`,
    a maximum since :math:`\partial^2 CS/\partial b^2 = -1/(2b) < 0`.

    Paper: bbm, section III.C, Example 4 (after the consumer surplus display).

    Examples
    --------
    >>> d = binary_optimum()
    >>> d.values["b_star"], d.values["CS_star"]
    (exp(-2), exp(-2)/2 + 1/2)
    """
    cs = binary_consumer_surplus().values["CS"]
    ts = binary_total_surplus().values["TS"]
    d_cs_dB = sp.simplify(sp.diff(cs, B))
    B_star = sp.Integer(1)
    foc = sp.simplify(sp.diff(cs, b).subs(B, B_star))
    (b_star,) = sp.solve(sp.Eq(foc, 0), b)
    soc = sp.simplify(sp.diff(cs, b, 2))
    cs_star = sp.expand(cs.subs({B: B_star, b: b_star}))
    ts_star = sp.expand(ts.subs({B: B_star, b: b_star}))
    efficient = sp.Rational(1, 2) * 1 + sp.Rational(1, 2) * 1  # max(v1, v2) = 1 in both profiles
    return Derivation(
        values={
            "B_star": B_star,
            "b_star": b_star,
            "CS_star": cs_star,
            "TS_star": ts_star,
            "PS_star": sp.simplify(ts_star - cs_star),
            "TS_efficient": efficient,
        },
        steps=(
            Step("consumer surplus CS(b, B)", cs),
            Step("dCS/dB (positive: B as large as feasible)", d_cs_dB),
            Step("largest feasible B: the support bound vbar", B_star),
            Step("first-order condition dCS/db at B = 1", foc),
            Step("its root", b_star),
            Step("second derivative in b (negative: a maximum)", soc),
            Step("maximal consumer surplus", cs_star),
            Step("total surplus at the optimum", ts_star),
            Step("efficient surplus E[max(v1, v2)]", efficient),
        ),
        labels={
            "B_star": "B^*",
            "b_star": "b^*",
            "CS_star": "CS^*",
            "TS_star": r"\overline{TS}(G_{b^*}^{B^*})",
            "PS_star": r"\underline{PS}(G_{b^*}^{B^*})",
            "TS_efficient": r"\overline{TS}",
        },
    )


# --------------------------------------------------------------------------------------
# The general solver: the consumer-optimal G_b^B for any symmetric prior F of the residual
# --------------------------------------------------------------------------------------

_t = sp.Symbol("t", positive=True)
_u = sp.Symbol("u", positive=True)
_S = sp.Function("S")  # survival 1 - F(t) of the prior
_P = sp.Function("P")  # stop-loss transform E_F[(r - t)^+] of the prior


def stop_loss(F: SymmetricResidual, t: Any) -> Any:
    r"""The stop-loss transform :math:`\pi_F(t) = E_F[(r - t)^+] = \int_t^{\bar v} (1 - F(u))\,du`.

    Paper: bbm, appendix A3 (the mean-preserving-contraction constraints are
    :math:`\pi_G \le \pi_F`).

    Examples
    --------
    >>> F = SymmetricResidual.from_cdf((r + 1) / 2)
    >>> stop_loss(F, sp.Rational(1, 2))
    1/16
    >>> stop_loss(SymmetricResidual.from_atoms({-1: "1/2", 1: "1/2"}), sp.Integer(0))
    1/2
    """
    t = sp.sympify(t)
    V = sp.Rational(F.vbar.numerator, F.vbar.denominator)
    if F.atoms is not None:
        return sp.Add(*[sp.Rational(q.numerator, q.denominator) * sp.Max(sp.Rational(x.numerator, x.denominator) - t, 0)
                        for x, q in F.atoms])
    return _stop_loss_expression(sp.sympify(F.cdf_expr), V).subs(_t, t)


@lru_cache(maxsize=32)
def _stop_loss_expression(cdf: Any, V: Any) -> Any:
    """The stop-loss transform of a CDF expression as an expression in ``_t`` (0 <= t <= V)."""
    return sp.simplify(sp.integrate(1 - cdf.subs(r, _u), (_u, _t, V)))


def _quantile(F: SymmetricResidual, level: Any) -> Any:
    """The smallest t >= 0 with F(t) >= level (level > 1/2), exactly where sympy can."""
    V = sp.Rational(F.vbar.numerator, F.vbar.denominator)
    if F.atoms is not None:
        running = sp.Integer(0)
        for x, q in F.atoms:
            running += sp.Rational(q.numerator, q.denominator)
            if _decided(running >= level, f"whether F({x}) >= {level}"):
                return sp.Rational(x.numerator, x.denominator)
        raise AssertionError("unreachable: F reaches 1")
    roots = [x for x in sp.solve(sp.Eq(sp.sympify(F.cdf_expr).subs(r, _t), level), _t)
             if x.is_real and _decided(sp.And(x > 0, x <= V), f"whether the root {x} lies in (0, vbar]")]
    if not roots:
        raise NotImplementedError(f"sympy found no root of F(t) = {level} in (0, {V}]")
    return min(roots, key=lambda x: sp.N(x, 30))


def _tangency_conditions() -> tuple[Any, Any, Any, list[Step]]:
    r"""First-order and tangency conditions of :math:`\max CS(b, B)` s.t. :math:`\pi_{G_b^B} \le \pi_F`.

    With the prior's survival S and stop-loss P as abstract functions: on
    :math:`[b, B]`, :math:`\pi_G(t) = \int_t^B b/(2u)\,du`; touching P at t gives B(t);
    tangency (the bound on B is smallest there) gives b(t); consumer surplus along the
    tangency path, differentiated in t, factors into the optimality condition.
    """
    steps: list[Step] = []
    pi_G = sp.integrate(b / (2 * _u), (_u, _t, B))
    steps.append(Step("stop-loss of G_b^B at t in [b, B]", pi_G))
    (B_of_t,) = sp.solve(sp.Eq(pi_G, _P(_t)), B)
    steps.append(Step("largest B with pi_G(t) <= P(t) at t", B_of_t))
    tangency = sp.diff(sp.expand_log(sp.log(B_of_t), force=True), _t).subs(sp.Derivative(_P(_t), _t), -_S(_t))
    (b_of_t,) = sp.solve(tangency, b)
    steps.append(Step("tangency: d/dt log B(t) = 0 gives b", b_of_t))
    positive_part = sp.integrate(sp.Rational(1, 2), (_u, 0, b)) + sp.integrate(b / (2 * _u), (_u, b, B))
    cs = vbar / 2 + positive_part - b
    steps.append(Step("CS(b, B) = vbar/2 + E_G[r^+] - PS, with PS = b (Theorem 3)", cs))
    along = cs.subs(B, B_of_t).subs(b, b_of_t)
    foc = sp.factor(sp.simplify(sp.expand_log(sp.diff(along, _t).subs(sp.Derivative(_P(_t), _t), -_S(_t)), force=True)))
    steps.append(Step("dCS/dt along the tangency path", foc))
    levels = [s for s in sp.solve(foc, _S(_t)) if not s.has(sp.Derivative)]
    (level_survival,) = levels
    steps.append(Step("optimality: the survival of F at the tangency point", level_survival))
    return level_survival, b_of_t, B_of_t, steps


def optimal_information(F: SymmetricResidual) -> Derivation:
    r"""The consumer-optimal :math:`G_b^B` for a symmetric prior F of the residual.

    The contraction constraint binds at one tangency point :math:`t^*` where
    :math:`1 - F(t^*) = e^{-2}/2`; then :math:`b^* = t^* e^{-2}` and
    :math:`B^* = t^* \exp(2\pi_F(t^*)/b^*)`, with consumer surplus
    :math:`\bar v/2 + b^*/2 + \pi_F(t^*)`.  The conditions are derived in sympy
    (:func:`_tangency_conditions`); that the tangency point is the binding one (the bound
    on B is smallest there and the constraints near zero are slack) is checked on a grid.

    Paper: bbm, Theorem 3 and appendix A3; footnote 11 for the uniform prior.

    Raises
    ------
    NotImplementedError
        When sympy cannot solve :math:`F(t) = 1 - e^{-2}/2`, or another constraint binds
        (no closed form of this shape: use the numeric solver).

    Examples
    --------
    >>> d = optimal_information(SymmetricResidual.from_atoms({-1: "1/2", 1: "1/2"}))
    >>> d.values["b"], d.values["B"], d.values["CS"]
    (exp(-2), 1, exp(-2)/2 + 1/2)
    """
    level_survival, b_of_t, B_of_t, steps = _tangency_conditions()
    V = sp.Rational(F.vbar.numerator, F.vbar.denominator)
    level = 1 - level_survival
    t_star = _quantile(F, level)
    steps.append(Step("tangency point: the quantile of F at 1 - e^-2/2", t_star))
    if t_star == 0:
        raise NotImplementedError("the tangency point would be 0 (F(0) >= 1 - e^-2/2): the contraction "
                                  "constraint binds near r = 0 and there is no tangency closed form")
    # at an atom of F the tangency holds with a subgradient of P: b = 2 t S, S = e^-2/2
    b_star = sp.expand(b_of_t.subs(_S(_t), level_survival).subs(_t, t_star))
    pi_star = sp.expand(stop_loss(F, t_star))
    B_star = B_of_t.subs(_P(_t), pi_star).subs({_t: t_star, b: b_star})
    B_star = B_star.replace(sp.exp, lambda arg: sp.exp(sp.simplify(sp.expand(arg))))
    cs = sp.expand(vbar / 2 + b_star / 2 + pi_star).subs(vbar, V)
    steps += [Step("b* = 2 t* S(t*)", b_star), Step("pi_F(t*)", pi_star), Step("B* = t* exp(2 pi_F(t*)/b*)", B_star)]
    _check_tangency_regime(F, b_star, B_star, t_star)
    steps.append(Step("checked on a grid: the bound on B is smallest at t*, the constraints near 0 are slack", sp.true))
    ts = sp.expand(cs + b_star)
    steps += [Step("maximal consumer surplus vbar/2 + b*/2 + pi_F(t*)", cs), Step("total surplus CS + PS", ts)]
    return Derivation(
        values={"t": t_star, "b": b_star, "B": B_star, "CS": cs, "TS": ts, "PS": b_star},
        steps=tuple(steps),
        labels={"t": "t^*", "b": "b^*", "B": "B^*", "CS": "CS^*", "TS": r"\overline{TS}(G_{b^*}^{B^*})",
                "PS": r"\underline{PS}(G_{b^*}^{B^*})"},
        remarks=("Optimality along the tangency path factors as -(t S(t))' (log(2 S(t)) + 2): the root "
                 "S(t) = e^-2/2 is the maximum; (t S(t))' = 0 is the revenue-maximising point.",),
    )


def _check_tangency_regime(F: SymmetricResidual, b_star: Any, B_star: Any, t_star: Any) -> None:
    r"""Raise NotImplementedError unless the tangency point gives the binding constraint.

    The log of the bound on B, :math:`\log t + 2\pi_F(t)/b^*`, must be smallest at
    :math:`t^*` over :math:`[b^*, \bar v]` (checked on a grid of 240 points and at every atom,
    at 30 digits), and the constraint at r = 0 must be slack.
    """
    V = sp.Rational(F.vbar.numerator, F.vbar.denominator)
    log_bound = sp.log(_t) + 2 * stop_loss(F, _t) / b_star
    evaluate = sp.lambdify(_t, log_bound, modules=["mpmath", {"Max": lambda *a: max(a)}])
    with mpmath.workdps(30):
        at_star = evaluate(mpmath.mpf(sp.N(t_star, 40)))
        slack = mpmath.mpf(10) ** -20
        low = mpmath.mpf(sp.N(sp.log(b_star) + 2 * stop_loss(F, sp.Integer(0)) / b_star - 1, 40))
        if low < at_star - slack:
            raise NotImplementedError("the contraction constraint binds near r = 0: no tangency closed form")
        lo, hi = mpmath.mpf(sp.N(b_star, 40)), mpmath.mpf(sp.N(V, 40))
        grid = [lo + (hi - lo) * k / 240 for k in range(241)]
        if F.atoms is not None:
            grid += [mpmath.mpf(x.numerator) / x.denominator for x, _ in F.atoms if x > 0]
        for x in grid:
            if x >= lo and evaluate(x) < at_star - slack:
                raise NotImplementedError(f"the contraction constraint binds at t = {mpmath.nstr(x, 6)}, "
                                          "not at the tangency point")


def uniform_optimum() -> Derivation:
    r"""Footnote 11: the consumer-optimal :math:`G_b^B` when r is uniform on [-1, 1].

    Paper: bbm, footnote 11 (solved in Bergemann, Brooks and Morris 2023; not printed here).

    Examples
    --------
    >>> d = uniform_optimum()
    >>> d.values["t"], d.values["b"]
    (1 - exp(-2), -exp(-4) + exp(-2))
    """
    return optimal_information(SymmetricResidual.from_cdf((r + 1) / 2))


# --------------------------------------------------------------------------------------
# The Armstrong-Zhou benchmark: uninformed producers, a symmetric pure-strategy price
# --------------------------------------------------------------------------------------

price = sp.Symbol("p_AZ", positive=True)
_delta = sp.Symbol("delta", positive=True)


def benchmark_constraints() -> tuple[Any, Any, list[Step]]:
    r"""Equilibrium constraints on the interim residual H when both producers price at p.

    At equal prices the consumer buys the interim-efficient good: each producer earns
    :math:`p/2`.  Raising the price to :math:`p + \delta` keeps the consumers with
    :math:`r \ge \delta`: :math:`(p+\delta)\Pr(r \ge \delta) \le p/2`.  Cutting it to
    :math:`p - \delta` wins those with :math:`r \ge -\delta`, which by symmetry is
    :math:`H(\delta)`: :math:`(p-\delta)H(\delta) \le p/2`.

    Returns the largest survival :math:`\Pr(r \ge \delta)` the upward deviations allow and
    the largest :math:`H(\delta)` the downward ones allow, with the steps.

    Paper: bbm, section III.C (the Armstrong and Zhou 2022 benchmark), reconstructed.

    Examples
    --------
    >>> up, down, _ = benchmark_constraints()
    >>> up, down
    (p_AZ/(2*(delta + p_AZ)), -p_AZ/(2*delta - 2*p_AZ))
    """
    S, Hd = sp.symbols("S H", nonnegative=True)
    equilibrium = price / 2
    (up,) = sp.solve(sp.Eq((price + _delta) * S, equilibrium), S)
    (down,) = sp.solve(sp.Eq((price - _delta) * Hd, equilibrium), Hd)
    steps = [
        Step("equilibrium profit of each producer at equal prices p", equilibrium),
        Step("upward deviation to p + delta binds when Pr(r >= delta) equals", up),
        Step("downward deviation to p - delta (0 < delta < p) binds when H(delta) equals", down),
        Step("so H(delta) - 1/2 lies between", sp.Tuple(sp.simplify(1 - up - sp.Rational(1, 2)),
                                                         sp.simplify(down - sp.Rational(1, 2)))),
    ]
    return up, down, steps


def binary_benchmark() -> Derivation:
    r"""The Armstrong--Zhou benchmark in the binary example, reconstructed from its definition.

    The upward deviations cap the survival at :math:`p/(2(p+\delta))`; consumer surplus
    :math:`\tfrac12 + E[r^+] - p` grows with the survival, and every symmetric H on
    [-1, 1] is a contraction of the prior, so the cap binds up to 1, where the rest of
    the mass sits (a censored Pareto distribution).  The downward deviations then hold.
    The price solves the first-order condition, which has no closed form: its root is
    computed from the derived equation.

    Paper: bbm, section III.C (text around Figure 2), printed "≈ 0.05", "≈ 0.57", "≈ 0.52".

    Examples
    --------
    >>> d = binary_benchmark()
    >>> d.values["foc"]
    -log(p_AZ)/2 + log(p_AZ + 1)/2 - 1 - 1/(2*(p_AZ + 1))
    """
    up, down, steps = benchmark_constraints()
    positive_part = sp.integrate(up, (_delta, 0, 1))  # layer cake: the atom at 1 included
    steps.append(Step("E[r^+] with the upward cap binding on [0, 1) and an atom at 1", positive_part))
    cs = sp.Rational(1, 2) + positive_part - price
    steps.append(Step("CS(p) = 1/2 + E[r^+] - p", cs))
    foc = sp.expand(sp.expand_log(sp.diff(cs, price), force=True))
    logs = sp.Add(*[term for term in sp.Add.make_args(foc) if term.has(sp.log)])
    foc = sp.apart(sp.simplify(foc - logs), price) + sp.simplify(sp.logcombine(logs, force=True))
    steps.append(Step("first-order condition dCS/dp = 0", foc))
    second = sp.simplify(sp.diff(cs, price, 2))
    steps.append(Step("second derivative (negative: concave)", second))
    p_star = ImplicitRoot(sp.Lambda(price, foc), sp.Rational(1, 100), sp.Rational(1, 2))
    steps.append(Step("its root (no closed form: the root of the derived equation in [1/100, 1/2])", p_star))
    slack = sp.simplify((down - (1 - up)))
    steps.append(Step("downward constraints: the cap on H(delta) minus H(delta) (nonnegative on (0, p))", slack))
    values = {
        "price": p_star,
        "TS": sp.Rational(1, 2) + positive_part.subs(price, p_star),
        "CS": cs.subs(price, p_star),
        "foc": foc,
        "atom_at_1": up.subs(_delta, 1),
    }
    steps += [Step("total surplus 1/2 + E[r^+]", values["TS"]), Step("consumer surplus", values["CS"])]
    return Derivation(
        values=values,
        steps=tuple(steps),
        labels={"price": r"p^{AZ}", "TS": r"TS^{AZ}", "CS": r"CS^{AZ}", "foc": r"\frac{dCS^{AZ}}{dp}",
                "atom_at_1": r"\Pr(r = 1)"},
        remarks=(
            "Reconstructed from the definition (producers uninformed, symmetric pure-strategy prices, the "
            "consumer's information chosen to maximise consumer surplus); the paper prints only the numbers.",
        ),
    )


def binary_figure_densities() -> Derivation:
    r"""Figure 2 for the binary example: the two consumer-optimal interim residual distributions.

    This paper: :math:`G_{b^*}^{1}` with :math:`b^* = e^{-2}`: density :math:`b^*/(2r^2)` for
    :math:`b^* < |r| < 1`, none on :math:`(-b^*, b^*)`, atoms :math:`b^*/2` at :math:`\pm 1`.
    Armstrong--Zhou: density :math:`p/(2(p + |r|)^2)` on :math:`(-1, 1)`, atoms
    :math:`p/(2(p+1))` at :math:`\pm 1`, at the benchmark price p.

    Paper: bbm, section III.C, Figure 2 (its drawing is missing from the extracted text).

    Examples
    --------
    >>> binary_figure_densities().values["paper_atom"]
    exp(-2)/2
    """
    optimum = binary_optimum().values
    b_star = optimum["b_star"]
    G = truncated_pareto(b_star, optimum["B_star"]).values
    benchmark = binary_benchmark().values
    up, _, _ = benchmark_constraints()
    az_density = sp.simplify(-sp.diff(up, _delta)).subs({_delta: r, price: benchmark["price"]})
    values = {
        "paper_density": G["density"],
        "paper_atom": G["atom_B"],
        "benchmark_density": az_density,
        "benchmark_atom": benchmark["atom_at_1"].subs(price, benchmark["price"]),
    }
    return Derivation(
        values=values,
        steps=(Step("this paper: density of G_{b*}^1 on (b*, 1)", G["density"]),
               Step("this paper: atom at 1", G["atom_B"]),
               Step("benchmark: density -dS/dr on (0, 1), S the upward-deviation cap", az_density),
               Step("benchmark: atom at 1", values["benchmark_atom"])),
        labels={"paper_density": r"g_{b^*}^{1}(r),\ b^*<r<1", "paper_atom": r"\Pr_{G}(r=1)",
                "benchmark_density": r"h^{AZ}(r),\ 0<r<1", "benchmark_atom": r"\Pr_{H}(r=1)"},
    )


def _a3_instance() -> SymmetricResidual:
    """A symmetric interim distribution with producer surplus 1/2 meeting the pricing constraints."""
    return SymmetricResidual.from_atoms({"-1": "1/5", "-1/2": "3/10", "1/2": "3/10", "1": "1/5"})


def appendix_a3() -> Derivation:
    r"""Appendix A3 on an instance: producer surplus of G, the pricing constraints, and the
    :math:`G_b^B` with the same b that is a mean-preserving contraction of G.

    G puts 3/10 on each of :math:`\pm 1/2` and 1/5 on each of :math:`\pm 1`.  Producer 1's
    revenue :math:`p\Pr(r \ge p)` is largest at an atom; b is the sum of both producers'
    revenues.  The constraint :math:`G^-(r) \ge 1 - b/(2r)` binds at most at the atoms (G^- is
    a step function).  B equates :math:`E[r^+]` under G and :math:`G_b^B` (the intermediate
    value argument); G crosses :math:`G_b^B` once, from above, at B, so with equal means
    :math:`G_b^B` is a contraction of G (cut criterion), and total surplus is unchanged.

    Paper: bbm, appendix A3.

    Examples
    --------
    >>> d = appendix_a3()
    >>> d.values["PS_G"], d.values["B"]
    (1/2, exp(2/5)/2)
    """
    G = _a3_instance()
    atoms = [(sp.Rational(x.numerator, x.denominator), sp.Rational(q.numerator, q.denominator)) for x, q in G.atoms]
    upper = lambda p: sum((q for x, q in atoms if x >= p), sp.Integer(0))  # noqa: E731  Pr(r >= p)
    revenue_1 = max(x * upper(x) for x, _ in atoms if x > 0)
    lower_tail = lambda p: sum((q for x, q in atoms if x <= -p), sp.Integer(0))  # noqa: E731  Pr(r <= -p)
    revenue_2 = max(x * lower_tail(x) for x, _ in atoms if x > 0)
    b_G = revenue_1 + revenue_2
    positives = sorted(x for x, _ in atoms if x > 0)
    left_limits = [1 - upper(x) for x in positives]  # G^-(x) = 1 - Pr(r >= x)
    pricing = sp.And(*[sp.Ge(g, 1 - b_G / (2 * x)) for g, x in zip(left_limits, positives)])
    pricing = sp.simplify(pricing)
    positive_part = sum((x * q for x, q in atoms if x > 0), sp.Integer(0))
    BB = sp.Symbol("B_", positive=True)
    pareto_positive = sp.expand(_stieltjes(TwoSidedPareto(b_G, BB), lambda x: x, 0, sp.oo)[0])
    (B_star,) = sp.solve(sp.Eq(pareto_positive, positive_part), BB)
    pareto_positive_check = sp.simplify(_stieltjes(TwoSidedPareto(b_G, B_star), lambda x: x, 0, sp.oo)[0] - positive_part)
    cdf = truncated_pareto_cdf(b_G, B_star)
    probes = sorted({*positives, b_G, B_star, *(x / 2 for x in positives), B_star * 2})
    signs = []
    for x in probes:
        difference = sp.nsimplify(G.cdf(sp.Rational(x)) if x.is_Rational else G.cdf(sp.N(x, 50))) - cdf.subs(r, x)
        signs.append((x, sp.sign(sp.N(difference, 50)) if difference != 0 else 0))
    crossing = all((s >= 0) if sp.N(x - B_star, 50) < 0 else (s <= 0) for x, s in signs)
    ts = sp.Rational(1, 2) + positive_part
    return Derivation(
        values={"PS_G": b_G, "pricing_constraints": pricing, "E_positive": positive_part, "B": B_star,
                "E_positive_gap": pareto_positive_check, "single_crossing": sp.true if crossing else sp.false,
                "TS_G": ts, "TS_GbB": sp.simplify(sp.expand_log(
                    sp.Rational(1, 2) + _stieltjes(TwoSidedPareto(b_G, B_star), lambda x: x, 0, sp.oo)[0], force=True))},
        steps=(Step("producer 1's largest revenue p Pr(r >= p), over the atoms", revenue_1),
               Step("producer 2's largest revenue p Pr(r <= -p)", revenue_2),
               Step("b = PS(G)", b_G),
               Step("pricing constraints G^-(x) >= 1 - b/(2x) at the atoms", pricing),
               Step("E_G[r^+]", positive_part),
               Step("E[r^+] under G_b^B as a function of B", pareto_positive),
               Step("B equating the two (intermediate value argument)", B_star),
               Step("G - G_b^B at probe points: nonnegative below B, nonpositive above", sp.Tuple(*[s for _, s in signs]))),
        labels={"PS_G": r"\underline{PS}(G)", "pricing_constraints": r"G^-(r) \ge 1 - \tfrac{b}{2r}",
                "E_positive": r"E_G[r^+]", "B": r"B", "E_positive_gap": r"E_{G_b^B}[r^+] - E_G[r^+]",
                "single_crossing": r"G \gtrless G_b^B \text{ below/above } B",
                "TS_G": r"\overline{TS}(G)", "TS_GbB": r"\overline{TS}(G_b^B)"},
    )

r"""The Theorem 1 construction: public efficient producer, segmentation, alerts, runner-up mixing.

For a finite prior the information structure of appendix A1 is built exactly: the efficient
producer k (uniform over ties) is public; its residual (equation (2)) is segmented by the
uniform profit-preserving segmentation of its cost's conditional distribution; k prices at the
lowest residual of its segment; a rival that would tie with k there gets a private alert and
randomises above its cost; everyone else prices at cost.  The runner-up's randomisation is
derived from an indifference condition in sympy: the appendix's condition (over the consumers
at the lowest residual only) gives the printed CDF; the condition over the whole segment gives
the repair, whose support is twice as wide.  Welfare follows the appendix's argument:
:math:`PS_i = \underline{PS}_i`, :math:`TS = \overline{TS}`.

Paper: bbm, section II.A (Theorem 1), section II.B (Example 1), appendix A1.
"""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from symbolic.derivation import Derivation, Step
from symbolic.market import lower_bound_surplus, profile_facts, rational, residual, residual_distribution, tsbar
from symbolic.models.market import (
    FiniteMarket,
    InformationStructure,
    RunnerUpMixing,
    assemble,
    instance,
)
from symbolic.segmentation import segmentations, uniform_segmentation

__all__ = [
    "construction",
    "mixing_claim",
    "segment_gain",
    "theorem_one",
    "example_residual_table",
    "example_conditional",
    "example_prices",
    "example_segmentation",
    "example_welfare",
    "THEOREM_INSTANCES",
    "PROFILE_ORDER",
]

r_low, r_hat, c_k, c_j, eps, p = sp.symbols("r_low r_hat c_k c_j eps p", real=True)
M, a, L = sp.symbols("M a L", positive=True)
Fv = sp.Symbol("F")


def construction(market: FiniteMarket, mixing: str = "derived") -> InformationStructure:
    r"""The appendix A1 information structure and strategies for ``market``.

    Paper: bbm, appendix A1.

    Parameters
    ----------
    market
        Any finite prior.
    mixing
        ``"derived"`` (the repair: indifference over the whole segment) or ``"printed"``
        (the appendix's distribution on :math:`[c_j, c_j + (\hat r - \underline r)/2]`).

    Examples
    --------
    >>> s = construction(instance("runner_up"))
    >>> [s.strategies[key] for key in sorted(s.strategies, key=str) if key[1] == 0][:2]
    [Fraction(2, 1), Fraction(2, 1)]
    """
    return assemble(market, profile_facts(market), segmentations(market), mixing)


def mixing_claim() -> Derivation:
    r"""The runner-up's CDF from the indifference conditions, and the efficient producer's gain.

    Paper: bbm, appendix A1 (the distribution :math:`\rho([c_i, c_i + \varepsilon] | k, x, 1)` and
    the profit :math:`(p_i - c_i)((\underline r - c_i)/(p_i - c_i))^L`).

    Examples
    --------
    >>> d = mixing_claim()
    >>> d.values["F_paper_condition"]
    -eps/(c_k - eps - r_low)
    >>> d.values["top_segment_condition"], d.values["gain_paper_mixing"]
    (r_hat - r_low, M*eps)
    """
    steps = []
    # the appendix's condition: one alerted rival keeps (p - c_k) Pr(sale) = r_low - c_k on the atom
    condition = sp.Eq((r_low + eps - c_k) * (1 - Fv), r_low - c_k)
    (F_paper,) = sp.solve(condition, Fv)
    F_paper = sp.factor(F_paper)
    steps.append(Step("indifference on the lowest residual: (r_low + eps - c_k)(1 - F) = r_low - c_k, solved for F", F_paper))
    payoff = sp.simplify((p - c_k) * (1 - F_paper.subs(eps, p - r_low)) ** L)
    payoff = sp.powsimp(sp.expand_power_base(payoff, force=True), force=True)
    steps.append(Step("profit at p with L alerted rivals, each independently above the markup p - r_low", payoff))
    # the efficient producer's gain over r_low - c_k with the paper's mixing, M above r_low, all of the atom alerted
    gain = sp.expand((r_low - c_k + eps) * (M + (1 - M) * (1 - F_paper)) - (r_low - c_k))
    gain = sp.factor(sp.simplify(gain))
    steps.append(Step("gain at r_low + eps with the paper's mixing (mass M above r_low, L = 1)", gain))
    # the whole-segment condition: (r_low + eps - c_k)(M + a (1 - F)) = (r_low - c_k)(M + (1 - M))
    whole = sp.Eq((r_low + eps - c_k) * (M + a * (1 - Fv)), r_low - c_k)
    (F_segment,) = sp.solve(whole, Fv)
    F_segment = sp.factor(F_segment)
    steps.append(Step("indifference over the whole segment, solved for F", F_segment))
    upper = sp.solve(sp.Eq((r_hat - c_k) * M, r_low - c_k), M)[0]
    steps.append(Step("a uniform segment: (r_hat - c_k) M = r_low - c_k, so M", upper))
    (top,) = sp.solve(sp.Eq(F_segment.subs(M, upper), 1), eps)
    steps.append(Step("F reaches 1 (survival 0) at the markup", top))
    at_zero = sp.simplify(F_paper.subs(eps, 0))
    return Derivation(
        values={
            "F_paper_condition": F_paper,
            "F_at_cost": at_zero,
            "payoff_paper": payoff,
            "gain_paper_mixing": gain,
            "F_segment_condition": F_segment,
            "top_segment_condition": sp.simplify(top),
        },
        steps=tuple(steps),
        labels={
            "F_paper_condition": r"\rho([c_j, c_j+\varepsilon]\mid k,x,1)",
            "F_at_cost": r"\rho(\{c_j\}\mid k,x,1)",
            "payoff_paper": r"(p - c_k)\,\Pr(\text{sale})",
            "gain_paper_mixing": r"\Pi(\underline r+\varepsilon)-(\underline r-c_k)",
            "F_segment_condition": r"\rho^{\text{segment}}([c_j, c_j+\varepsilon])",
            "top_segment_condition": r"\sup\operatorname{supp}\varepsilon",
        },
        remarks=(
            "The printed CDF reads 1 - (r - c_i)/(r - c_k + eps), with the randomising producer's cost c_i in "
            "the numerator; the indifference condition gives c_k there (no atom at cost).  The printed third "
            "case '(r_hat - v_1 - 3r)/2' is garbled; the second case ends at (r_hat - r)/2.",
            "The appendix's condition only counts the consumers at r_low.  The consumers above r_low in the "
            "same segment also buy at r_low + eps, at a higher margin: the gain M*eps is positive whenever the "
            "segment has mass M above its lowest residual, so the printed randomisation does not deter the "
            "deviation.  Indifference over the whole segment gives the repair F_segment_condition, which "
            "reaches 1 exactly at eps = r_hat - r_low (no atom), twice the printed support.",
        ),
    )


def segment_gain(structure: InformationStructure, signal: tuple[int, Fraction, int]) -> tuple[sp.Expr, sp.Expr]:
    r"""The efficient producer's largest gain over :math:`\underline r - c_k` from prices in the
    alerted runner-ups' range, in a segment, by sympy's ``maximum`` on each piece.

    The segment's mass above :math:`\underline r` buys for sure; consumers at
    :math:`\underline r` whose outside option binds are lost; the others buy when each of their
    L alerted rivals marks up by more than :math:`p - \underline r`.
    """
    market = structure.market
    k, ck, t = signal
    cells = [cell for cell in structure.cells if cell.signal == signal]
    total = sum((cell.weight for cell in cells), Fraction(0))
    seg = structure.segmentations[(k, ck)].segments[t]
    low = seg.lowest
    above = Fraction(0)
    by_alerts: dict[int, Fraction] = {}
    mixing = None
    for cell in cells:
        v, c = market.values[cell.profile], market.costs[cell.profile]
        r = residual(v, c, k)
        if r > low:
            above += cell.weight / total
        elif r < v[k]:
            alerts = sum(cell.alerts)
            by_alerts[alerts] = by_alerts.get(alerts, Fraction(0)) + cell.weight / total
            for j, l in enumerate(cell.alerts):
                if l:
                    mixing = structure.strategies[(signal, j, 1, c[j])]
    if mixing is None:
        return sp.Integer(0), sp.Integer(0)
    assert isinstance(mixing, RunnerUpMixing)
    x = sp.Symbol("x", nonnegative=True)
    q = rational
    formula = (q(mixing.numerator) / (q(mixing.offset) + x) - q(mixing.subtract)) / q(mixing.scale)
    edges = [Fraction(0), *mixing.kinks(), mixing.width]
    found = []
    for lo, hi in zip(edges, edges[1:]):
        # on each piece the survival is either 1 or the formula: pick the branch at the midpoint
        mid = (lo + hi) / 2
        survival = sp.Integer(1) if mixing.survival(mid) == 1 else formula
        payoff = (q(low - ck) + x) * (q(above) + sum(q(w) * survival ** n for n, w in by_alerts.items()))
        gain = sp.simplify(payoff - q(low - ck))
        found.append((sp.maximum(gain, x, sp.Interval(q(lo), q(hi))), (q(lo) + q(hi)) / 2))
    best, where = max(found, key=lambda item: item[0])
    return sp.nsimplify(best), where


THEOREM_INSTANCES: tuple[str, ...] = ("example1", "three", "weak_rival", "runner_up")


def _no_gain(structure: InformationStructure) -> tuple[bool, list[Step]]:
    steps, ok = [], True
    for signal in sorted({cell.signal for cell in structure.cells if cell.signal is not None}, key=str):
        gain, _ = segment_gain(structure, signal)
        if gain != 0:
            steps.append(Step(f"{structure.mixing} mixing, signal k={signal[0] + 1}, c_k={signal[1]}, segment "
                              f"{signal[2] + 1}: largest gain from the runner-ups' range", gain))
        ok &= bool(gain <= 0)
    return ok, steps


def theorem_one() -> Derivation:
    r"""Theorem 1 on every instance: welfare by the appendix's argument, and the efficient
    producer's gains in the runner-ups' range derived segment by segment, for the printed and the
    derived randomisation.

    Paper: bbm, section II.A, Theorem 1; appendix A1.

    Examples
    --------
    >>> d = theorem_one()
    >>> d.values["CS_example1"], d.values["equilibrium_example1"], d.values["printed_equilibrium_example1"]
    (13/8, True, False)
    """
    values, steps = {}, []
    for name in THEOREM_INSTANCES:
        m = instance(name)
        bound = tsbar(m)
        total = Fraction(0)
        for i in range(m.producers):
            ps, _ = lower_bound_surplus(m, i)
            values[f"PS_{i + 1}_{name}"] = rational(ps)
            total += ps
        values[f"TS_{name}"] = rational(bound)
        values[f"CS_{name}"] = rational(bound - total)
        derived_ok, s1 = _no_gain(construction(m, "derived"))
        printed_ok, s2 = _no_gain(construction(m, "printed"))
        values[f"equilibrium_{name}"] = sp.true if derived_ok else sp.false
        values[f"printed_equilibrium_{name}"] = sp.true if printed_ok else sp.false
        steps += [Step(f"{name}: TSbar and the lower bounds", (rational(bound), rational(total)))] + s1 + s2
    return Derivation(values=values, steps=tuple(steps), remarks=(
        "The efficient producer always sells (it prices at the lowest residual of its segment and alerted "
        "runner-ups price above cost), so TS = TSbar; it is indifferent to pricing at p*(c) in every segment, "
        "so PS_i is the lower bound; CS = TSbar - sum PS_i.",
        "With the randomisation as printed in appendix A1, the construction is not an equilibrium on these "
        "instances, Example 1 included: in a segment with mass above its lowest residual r_low whose atom at "
        "r_low is alerted, the efficient producer gains by pricing in (r_low, (r_low + r_hat)/2).  With the "
        "randomisation derived from the whole-segment indifference (support [c_j, c_j + r_hat - r_low]) it is.",
    ))


# ---------------------------------------------------------------------------------------------
# Example 1

PROFILE_ORDER: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (4, 1), (4, 0))
"""Rows and columns of the printed residual table: (v, c) of producer i and of its rival."""


def example_residual_table() -> Derivation:
    r"""Equation (2) for every pair of (v_i, c_i) and (v_j, c_j) of Example 1.

    Paper: bbm, section II.B, Example 1 (the table of r_i).

    Examples
    --------
    >>> example_residual_table().values["r[(1,1),(1,1)]"]
    1
    """
    values = {}
    for vi, ci in PROFILE_ORDER:
        for vj, cj in PROFILE_ORDER:
            values[f"r[({vi},{ci}),({vj},{cj})]"] = rational(residual((Fraction(vi), Fraction(vj)), (Fraction(ci), Fraction(cj)), 0))
    return Derivation(values=values, remarks=(
        "Equation (2) gives r_i = v_i - max(0, v_j - c_j).  On the diagonal cells (1,1),(1,1) and (4,1),(4,1) "
        "it is 1 (= c_i: a tie), where the table prints 0.  The appendix residual min_j v_i - v_j + c_j gives "
        "the same values (every v_j - c_j >= 0 in Example 1).",
    ))


def _unique_distribution(market: FiniteMarket, i: int) -> dict[Fraction, dict[Fraction, Fraction]]:
    """The residual distribution over profiles where i is the unique efficient producer."""
    out: dict[Fraction, dict[Fraction, Fraction]] = {}
    for f, (v, c, prob) in zip(profile_facts(market), market.profiles()):
        if f.efficient == (i,):
            d = out.setdefault(c[i], {})
            d[f.residual[i]] = d.get(f.residual[i], Fraction(0)) + prob
    return out


def example_conditional() -> Derivation:
    r"""Example 1: Pr(c_i | i uniquely efficient) and the distribution of r_i given c_i.

    The example's construction first reveals ties (profiles where both producers are
    efficient; they price at cost), so the efficient producer's residual is distributed over the
    profiles where it is the unique efficient producer.

    Paper: bbm, section II.B, Example 1 (the conditional table).

    Examples
    --------
    >>> d = example_conditional()
    >>> d.values["prob_c1"], d.values["nu_c0_r1"]
    (1/3, 1/2)
    """
    m = instance("example1")
    d = _unique_distribution(m, 0)
    total = sum(sum(x.values()) for x in d.values())
    values = {}
    for cost in (Fraction(1), Fraction(0)):
        mass = sum(d[cost].values())
        values[f"prob_c{cost}"] = rational(mass / total)
        for r in (Fraction(1), Fraction(3), Fraction(4)):
            values[f"nu_c{cost}_r{r}"] = rational(d[cost].get(r, Fraction(0)) / mass)
    appendix = residual_distribution(m, 0)
    for cost, dist in appendix.items():
        mass = sum(dist.values())
        for r, x in sorted(dist.items()):
            values[f"appendix_nu_c{cost}_r{r}"] = rational(x / mass)
    return Derivation(values=values, remarks=(
        "Appendix A1's measure zeta^i counts tied profiles with weight q_i = 1/2 at r_i = c_i; conditioning on "
        "that measure (the appendix_* values) adds mass at r_i = c_i and changes the table (c_i = 1: 1/3 at each "
        "of 1, 3, 4).  The mass at the cost earns nothing at any price, so p* and the lower bound are the same.",
    ))


def example_prices() -> Derivation:
    r"""Example 1: the optimal uniform price given each cost and the probability of a sale there.

    Paper: bbm, section II.B, Example 1.

    Examples
    --------
    >>> d = example_prices()
    >>> d.values["pstar_c1"], d.values["pstar_c0"], d.values["sale_probability_c0"]
    (3, 3, 1/2)
    """
    m = instance("example1")
    _, prices = lower_bound_surplus(m, 0)
    d = _unique_distribution(m, 0)
    values = {}
    for cost in (Fraction(1), Fraction(0)):
        mass = sum(d[cost].values())
        values[f"pstar_c{cost}"] = rational(prices[cost])
        values[f"sale_probability_c{cost}"] = rational(sum(x for r, x in d[cost].items() if r >= prices[cost]) / mass)
    return Derivation(values=values)


def example_segmentation() -> Derivation:
    r"""Example 1, c_i = 0: the uniform profit-preserving segmentation of r_i's distribution.

    Paper: bbm, section II.B, Example 1 (the segmentation table).

    Examples
    --------
    >>> d = example_segmentation()
    >>> d.values["weight_1"], d.values["weight_2"], d.values["weight_3"]
    (3/4, 1/12, 1/6)
    """
    m = instance("example1")
    d = _unique_distribution(m, 0)[Fraction(0)]
    seg = uniform_segmentation(d, Fraction(0), 0)
    values = {}
    steps = []
    for t, (x, w) in enumerate(zip(seg.segments, seg.weights), 1):
        values[f"weight_{t}"] = rational(w)
        values[f"price_{t}"] = rational(x.lowest)
        for r in (Fraction(1), Fraction(3), Fraction(4)):
            values[f"x{t}_r{r}"] = rational(x.masses[x.points.index(r)] if r in x.points else Fraction(0))
        steps.append(Step(f"segment {t}: profit at each support price", tuple(rational(s * x.upper_mass(s)) for s in x.points)))
    total = sum(d.values())
    for r in (Fraction(1), Fraction(3), Fraction(4)):
        values[f"total_r{r}"] = rational(sum((w * x.masses[x.points.index(r)] for x, w in zip(seg.segments, seg.weights)
                                              if r in x.points), Fraction(0)))
        assert values[f"total_r{r}"] == rational(d[r] / total)
    return Derivation(values=values, steps=tuple(steps), remarks=(
        "The uniform segmentation (BBM 2015, Theorem 1B: every support price optimal) has three segments. "
        "The printed table has two: its first segment (2/3, 1/6, 1/6) keeps prices 1 and 3 optimal, but price 4 "
        "earns 4 * 1/6 = 2/3 < 1 there, so it is profit preserving and efficient but not uniform.",
    ))


def example_welfare() -> Derivation:
    r"""Example 1: efficient surplus, each lower bound and the maximal consumer surplus.

    Paper: bbm, section II.B, Example 1 (not printed; Theorem 1 applied).

    Examples
    --------
    >>> example_welfare().values["CS_max"]
    13/8
    """
    m = instance("example1")
    bound = tsbar(m)
    lower = [lower_bound_surplus(m, i)[0] for i in range(m.producers)]
    return Derivation(values={"TSbar": rational(bound), "PS_1": rational(lower[0]), "PS_2": rational(lower[1]),
                              "CS_max": rational(bound - sum(lower))},
                      labels={"TSbar": r"\overline{TS}", "PS_1": r"\underline{PS}_1", "PS_2": r"\underline{PS}_2",
                              "CS_max": r"\max CS"})

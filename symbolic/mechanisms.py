r"""The indirect mechanisms of section 2.3 and online appendix B.1, solved exactly.

Each mechanism maps strategies to entry :math:`r_i(s)`, an allocation :math:`\mu_i(\mathbf v|s)`
and revenues :math:`t_i(s)`; the definitions live in :mod:`symbolic.models.regulation` and are
written once for numbers and symbols alike.  Here, with two firms and values independent
U[0, 1], the allocation is a Piecewise in :math:`(v_1, v_2)`; shares are its exact integrals,
revenues and payoffs follow, feasibility (:math:`\sum_i \mu_i \le 1`) is checked on every cell of
the arrangement of the lines where the allocation can change, and the opt-out gives zeros.

Paper: yz, section 2.3 (Examples 1--3), online appendix B.1 (Examples 4, 5 and details).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import sympy as sp

from symbolic.derivation import Derivation, Step
from symbolic.models.regulation import (
    OPT_OUT,
    CaptiveShoppers,
    EntryDeterrence,
    PriceCompetition,
    QuantityCompetition,
    ReverseAuction,
)

__all__ = ["outcome", "example1", "example2", "example3", "example4", "example5", "THETAS", "KAPPAS"]

v1, v2 = sp.symbols("v1 v2", real=True)
THETAS = (Fraction(1, 10), Fraction(1, 5))
KAPPAS = (Fraction(1, 2), Fraction(1, 2))
_GRID = 23  # cell centres (2k+1)/46: no centre lies on a line where the allocation switches


def _R(value: Any) -> Any:
    return sp.Rational(value.numerator, value.denominator) if isinstance(value, Fraction) else value


def outcome(mechanism: Any, s: tuple[Any, ...], name: str) -> tuple[dict[str, Any], list[Step]]:
    r"""Shares, revenues, payoffs, the largest total share and the opt-out outcome at ``s``.

    Paper: yz, section 2.2 (indirect mechanisms, the opt-out requirement, payoff :math:`\pi_i`).

    Examples
    --------
    >>> values, _ = outcome(PriceCompetition(2), (Fraction(1, 4), Fraction(1, 2)), "ex1")
    >>> values["q1"], values["q2"], values["max_total_share"]
    (5/8, 1/4, 1)
    """
    mu = mechanism.allocation((v1, v2), s)
    entry = mechanism.entry(s)
    steps = [Step(f"{name}: allocation mu_{i + 1}(v | s) at s = {tuple(map(str, s))}", m) for i, m in enumerate(mu)]
    values: dict[str, Any] = {}
    for i in range(2):
        q = sp.integrate(sp.integrate(mu[i], (v2, 0, 1)), (v1, 0, 1))
        q = sp.nsimplify(sp.simplify(q)) if sp.simplify(q).is_Rational else sp.simplify(q)
        t = sp.simplify(_R(mechanism.revenue_price(s, i)) * q)
        pi = sp.simplify(t - entry[i] * _R(THETAS[i]) * (q + _R(KAPPAS[i])))
        values[f"q{i + 1}"], values[f"t{i + 1}"], values[f"pi{i + 1}"] = q, t, pi
        steps += [Step(f"{name}: share q_{i + 1} = integral of mu_{i + 1} over [0,1]^2", q),
                  Step(f"{name}: revenue t_{i + 1}", t),
                  Step(f"{name}: payoff t - r theta (q + kappa) at theta = {THETAS[i]}, kappa = {KAPPAS[i]}", pi)]
    total = sp.Add(*mu)
    cells = [sp.Rational(2 * k + 1, 2 * _GRID) for k in range(_GRID)]
    worst = max(sp.sympify(total).subs({v1: a, v2: b}) for a in cells for b in cells)
    values["max_total_share"] = worst
    steps.append(Step(f"{name}: largest sum_i mu_i over the cell centres of a {_GRID}x{_GRID} grid", worst))
    out = mechanism.allocation((v1, v2), (OPT_OUT, s[1]))
    zero = sp.Integer(mechanism.entry((OPT_OUT, s[1]))[0]) + sp.integrate(sp.integrate(out[0], (v2, 0, 1)), (v1, 0, 1)) \
        + _R(mechanism.revenue_price((OPT_OUT, s[1]), 0))
    values["optout_total"] = sp.simplify(zero)
    steps.append(Step(f"{name}: r_1 + q_1 + t_1 when firm 1 opts out", values["optout_total"]))
    return values, steps


def _derive(mechanism: Any, s: tuple[Any, ...], name: str, remarks: tuple[str, ...] = ()) -> Derivation:
    values, steps = outcome(mechanism, s, name)
    labels = {"max_total_share": r"\max_{\mathbf v}\sum_i\mu_i(\mathbf v|s)", "optout_total": r"r_1+q_1+t_1\ (s_1=s_0)"}
    for i in (1, 2):
        labels.update({f"q{i}": rf"\int\mu_{i}\,dF", f"t{i}": rf"t_{i}(s)", f"pi{i}": rf"\pi_{i}(s,\theta_{i})"})
    return Derivation(values=values, steps=tuple(steps), labels=labels, remarks=remarks)


_OPT_OUT_REMARK = ("Section 2.2 requires an opt-out s_0 with r = mu = t = 0; the printed strategy spaces of the "
                   "examples (R_+, [0,1]) have none: with r_i = 1 for every price a firm with kappa_i > 0 pays "
                   "theta_i kappa_i whatever it does.  The opt-out is added to each strategy space here.")


def example1() -> Derivation:
    """Example 1, price competition, at s = (1/4, 1/2).

    Examples
    --------
    >>> example1().values["pi1"]
    7/160
    """
    return _derive(PriceCompetition(2), (Fraction(1, 4), Fraction(1, 2)), "price competition", (_OPT_OUT_REMARK,))


def example2() -> Derivation:
    """Example 2, quantity competition, at s = (1/4, 1/3): each firm sells its quantity at
    p = 1 - sqrt(7/12).

    Examples
    --------
    >>> example2().values["q1"]
    1/4
    """
    return _derive(QuantityCompetition(2), (Fraction(1, 4), Fraction(1, 3)), "quantity competition", (
        _OPT_OUT_REMARK, "The inverse demand system is not unique; the symmetric one p_1 = p_2 = 1 - (s_1 + s_2)^(1/2) "
        "is used (values U[0,1]).",
        "The appendix defines mu_i = s_i / sum_j s_j when v_j >= p_i(s) for all j: then firm i sells exactly s_i, "
        "as the text says."))


def example3() -> Derivation:
    """Example 3, captive consumers and shoppers (gamma = (1/5, 1/10)), at s = (1/4, 1/2).

    Examples
    --------
    >>> example3().values["max_total_share"]
    1
    """
    return _derive(CaptiveShoppers((Fraction(1, 5), Fraction(1, 10))), (Fraction(1, 4), Fraction(1, 2)),
                   "captive consumers and shoppers", (_OPT_OUT_REMARK,))


def example4() -> Derivation:
    """Example 4, entry deterrence: the entrant enters when the incumbent prices at 1/3 or more
    and undercuts by 1/10; at the incumbent's price 1/2 (entry) -- at 1/4 it stays out.

    Examples
    --------
    >>> example4().values["q2"]
    19/40
    """
    return _derive(EntryDeterrence(Fraction(1, 3), Fraction(1, 10)), (Fraction(1, 2), Fraction(0)), "entry deterrence",
                   ("Firm 2's strategy is a pair of functions of firm 1's price (entry rule, price rule); here it is "
                    "fixed, and s_2 only switches it on (anything but the opt-out).",))


def example5() -> Derivation:
    """Example 5, reverse auction, at bids s = (1/4, 1/2).

    Examples
    --------
    >>> example5().values["q1"], example5().values["q2"]
    (3/4, 0)
    """
    return _derive(ReverseAuction(2), (Fraction(1, 4), Fraction(1, 2)), "reverse auction")

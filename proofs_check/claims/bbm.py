"""The claims of Bergemann, Brooks, Morris, *On the Alignment of Consumer Surplus and Total
Surplus under Competitive Price Discrimination* (``bbm``): one declarative entry each."""

from __future__ import annotations

from numeric import hotelling as hotelling_num
from numeric import market as market_num
from proofs_check.latex import hotelling as hotelling_tex
from proofs_check.registry import Claim, Printed
from symbolic import hotelling as hotelling_sym
from symbolic import market as market_sym

__all__ = ["CLAIMS"]

CLAIMS: tuple[Claim, ...] = (
    Claim(
        id="bbm.model.demand",
        where="bbm, section I, definitions of W(p, v) and q_i(p, v)",
        statement="The consumer buys from a maximiser of v_i - p_i when it is >= 0, ties broken "
        "uniformly: q_i(p, v) = 1/|W(p, v)| on W, exact for every price profile.",
        symbolic=market_sym.model_demand,
        numeric=market_num.model_demand,
    ),
    Claim(
        id="bbm.model.surplus",
        where="bbm, section I, definitions of PS_i, CS and TS",
        statement="PS_i, CS and TS of a strategy profile, with PS + CS = TS (Example 1 at uniform "
        "prices 3 and at cost).",
        symbolic=market_sym.model_surplus,
        numeric=market_num.model_surplus,
    ),
    Claim(
        id="bbm.model.tsbar",
        where="bbm, section I, the efficient surplus TSbar",
        statement="TSbar = E[max{0, v_1 - c_1, ..., v_N - c_N}] bounds the total surplus of every "
        "strategy profile.",
        symbolic=market_sym.model_tsbar,
        numeric=market_num.model_tsbar,
    ),
    Claim(
        id="bbm.eq1",
        where="bbm, section II.A, equation (1)",
        statement="The lower bound PS_i: producer i's best response, conditioning on its own cost, "
        "against rivals pricing at cost (a supremum, attained only in the limit below a residual).",
        symbolic=market_sym.equation_one,
        numeric=market_num.equation_one,
    ),
    Claim(
        id="bbm.A1.pstar",
        where="bbm, appendix A1, the two claims on p_i*(c_i) and PS_i",
        statement="PS_i = sum over c_i of eta(c_i) (p_i*(c_i) - c_i) nu([p_i*, inf) | c_i), equal to "
        "equation (1) on every instance.",
        symbolic=market_sym.appendix_pstar,
        numeric=market_num.appendix_pstar,
    ),
    Claim(
        id="bbm.eq2",
        where="bbm, section II.A, equation (2) and the chain after it",
        statement="r_i = v_i - TS(v_-i, c_-i); the efficient producer's markup is its marginal "
        "contribution; an inefficient producer can sell only at or below cost.",
        symbolic=market_sym.equation_two,
        numeric=market_num.equation_two,
    ),
    Claim(
        id="bbm.A1.residual",
        where="bbm, appendix A1, definition of r_i(v, c_-i)",
        statement="The appendix residual min_{j != i} v_i - v_j + c_j equals equation (2) except where "
        "every rival's value is below its cost; there it exceeds v_i.",
        symbolic=market_sym.appendix_residual_claim,
        numeric=market_num.appendix_residual_claim,
    ),
    Claim(
        id="bbm.GbB",
        where="bbm, section III.C, definition of G_b^B before Theorem 3",
        statement="G_b^B is a two-sided truncated Pareto CDF, flat at 1/2 on [-b, b], with atoms "
        "of size b/(2B) at -B and B; a valid CDF exactly when 0 < b < B.",
        symbolic=hotelling_sym.truncated_pareto,
        numeric=hotelling_num.truncated_pareto,
        printed=(
            Printed(
                "G",
                "G_b^B(r) = 0 if r ≤ −B; −b/(2r) if −B < r ≤ −b; 1/2 if −b < r ≤ b; "
                "1 − b/(2r) if b < r ≤ B; 1 if r > B",
                exact="Piecewise((0, r <= -B), (-b/(2*r), r <= -b), (1/2, r <= b), (1 - b/(2*r), r <= B), (1, True))",
            ),
            Printed("flat_value", "the distribution G_b^B is constant between [−b, b] (at 1/2)", exact="1/2"),
        ),
        latex=hotelling_tex.truncated_pareto,
    ),
    Claim(
        id="bbm.thm3",
        where="bbm, section III.C, Theorem 3; appendix A3",
        statement="Under G_b^B the interim-efficient producer prices at b and sells whenever it is "
        "efficient, the other prices at cost, and producer surplus equals b.",
        symbolic=hotelling_sym.pareto_producer_surplus,
        numeric=hotelling_num.pareto_producer_surplus,
        printed=(
            Printed("price", "the efficient producer sets a price p = b", exact="b"),
            Printed("PS", "PS(G_b^B) = b", exact="b"),
        ),
    ),
    Claim(
        id="bbm.eq3",
        where="bbm, section III.C, equation (3)",
        statement="Total surplus of a symmetric interim residual distribution G is E[v] plus the "
        "integral of r over [0, vbar] under G (checked on G_b^B for all b, B and vbar).",
        symbolic=hotelling_sym.total_surplus_identity,
        numeric=hotelling_num.total_surplus_identity,
        printed=(
            Printed("difference", "(3) TS(G) ≡ ∫_0^vbar v μ(dv) + ∫_0^vbar r G(dr)  (as an identity: difference 0)",
                    exact="0"),
        ),
    ),
    Claim(
        id="bbm.ex4",
        where="bbm, section III.C, Example 4",
        statement="With binary values, full information gives prices 1 and consumer surplus 0; no "
        "information gives prices 0 and consumer surplus = total surplus = 1/2.",
        symbolic=hotelling_sym.binary_information_extremes,
        numeric=hotelling_num.binary_information_extremes,
        printed=(
            Printed("full_price", "the optimal price is p_i = 1", exact="1"),
            Printed("full_CS", "consumer surplus is zero", exact="0"),
            Printed("none_price", "p_1 = p_2 = 0", exact="0"),
            Printed("none_CS", "Consumer surplus is equal to 1/2", exact="1/2"),
            Printed("none_TS", "which is also the total surplus", exact="1/2"),
        ),
    ),
    Claim(
        id="bbm.ex4.ts",
        where="bbm, section III.C, Example 4, display after equation (3)",
        statement="In the binary example, TS(G_b^B) = 1/2[1 + b + b(ln B - ln b)].",
        symbolic=hotelling_sym.binary_total_surplus,
        numeric=hotelling_num.binary_total_surplus,
        printed=(
            Printed("TS", "TS(G_b^B) = 1/2 + ∫_{r=b}^1 r G_b^B(dr) = 1/2[1 + b + b(ln B − ln b)]",
                    exact="(1 + b + b*(log(B) - log(b)))/2"),
        ),
    ),
    Claim(
        id="bbm.ex4.cs",
        where="bbm, section III.C, Example 4, consumer surplus display",
        statement="In the binary example, consumer surplus under G_b^B is TS - b = 1/2[1 - b + b(ln B - ln b)].",
        symbolic=hotelling_sym.binary_consumer_surplus,
        numeric=hotelling_num.binary_consumer_surplus,
        printed=(
            Printed("CS", "TS(G_b^B) − b = 1/2[1 − b + b(ln B − ln b)]", exact="(1 - b + b*(log(B) - log(b)))/2"),
        ),
    ),
    Claim(
        id="bbm.ex4.optimum",
        where="bbm, section III.C, Example 4, text after the consumer surplus display",
        statement="B* = 1 and b* = e^-2 maximise consumer surplus over G_b^B; CS* = (1 + e^-2)/2, "
        "TS* = (1 + 3e^-2)/2, efficient surplus 1.",
        symbolic=hotelling_sym.binary_optimum,
        numeric=hotelling_num.binary_optimum,
        printed=(
            Printed("B_star", "B* = 1", exact="1"),
            Printed("b_star", "b* = 1/e^2", exact="exp(-2)"),
            Printed("b_star", "≈ 0.07"),
            Printed("CS_star", "1/2(1 + e^{−2})", exact="(1 + exp(-2))/2"),
            Printed("CS_star", "≈ 0.57"),
            Printed("TS_star", "1/2(1 + 3e^{−2})", exact="(1 + 3*exp(-2))/2"),
            Printed("TS_star", "≈ 0.70"),
            Printed("TS_efficient", "the efficient surplus is 1", exact="1"),
        ),
    ),
)

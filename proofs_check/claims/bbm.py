"""The claims of Bergemann, Brooks, Morris, *On the Alignment of Consumer Surplus and Total
Surplus under Competitive Price Discrimination* (``bbm``): one declarative entry each."""

from __future__ import annotations

from numeric import alignment as alignment_num
from numeric import correlated as correlated_num
from numeric import hotelling as hotelling_num
from numeric import market as market_num
from numeric import segmentation as segmentation_num
from numeric import unknown_values as unknown_num
from proofs_check.figures import hotelling as hotelling_fig
from proofs_check.latex import hotelling as hotelling_tex
from proofs_check.latex import market as market_tex
from proofs_check.registry import Claim, Printed
from symbolic import alignment as alignment_sym
from symbolic import hotelling as hotelling_sym
from symbolic import market as market_sym
from symbolic import segmentation as segmentation_sym
from symbolic import unknown_values as unknown_sym

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
        id="bbm.prop1",
        where="bbm, section II.A, Proposition 1",
        statement="PS_i >= the lower bound in every information structure and equilibrium: the minimum of "
        "PS_i over Bayes correlated equilibria on a price grid (HiGHS) is never below the grid's lower bound "
        "and equals equation (1) where the construction's prices are on the grid.",
        symbolic=market_sym.proposition_one,
        numeric=correlated_num.proposition_one,
    ),
    Claim(
        id="bbm.thm1",
        where="bbm, section II.A, Theorem 1; appendix A1 (proof)",
        statement="For any finite prior, the appendix A1 construction (public efficient producer, uniform "
        "segmentation of its residual, alerts, runner-up randomisation) is an equilibrium with PS_i = the lower "
        "bound, TS = TSbar and CS = TSbar - sum PS_i -- once the runner-up randomisation is derived from the "
        "whole segment's indifference.  As printed (support [c_j, c_j + (r_hat - r_low)/2]) it is not an "
        "equilibrium on these instances, Example 1 included.",
        symbolic=alignment_sym.theorem_one,
        numeric=alignment_num.theorem_one,
        latex=market_tex.theorem_table,
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
        id="bbm.A1.segmentation",
        where="bbm, appendix A1, uniform profit preserving segmentation (BBM 2015, Theorem 1B)",
        statement="For every producer and cost, the greedy uniform segmentation of the residual "
        "distribution: every support price of a segment earns min supp x - c, p* is in every segment, "
        "and the segments average back to the conditional distribution.",
        symbolic=segmentation_sym.segmentation_claim,
        numeric=segmentation_num.segmentation_claim,
        printed=(Printed("profit", "(p_i − c_i) x([p_i, v̄]) = min supp x", exact="r_low"),),
    ),
    Claim(
        id="bbm.A1.mixing",
        where="bbm, appendix A1, the distribution rho([c_i, c_i + eps] | k, x, 1) and the profit bound after it",
        statement="The runner-up CDF solved from the appendix's indifference condition, its profit formula, "
        "the efficient producer's gain M*eps that the condition misses, and the repaired CDF from the "
        "whole-segment indifference, supported on [0, r_hat - r_low].",
        symbolic=alignment_sym.mixing_claim,
        numeric=alignment_num.mixing_claim,
        printed=(
            Printed("F_paper_condition", "ρ([c_i, c_i + ε] | k, x, 1) = 1 − (r − c_i)/(r − c_k + ε)",
                    exact="1 - (r_low - c_j)/(r_low - c_k + eps)"),
            Printed("payoff_paper", "(p_i − c_i)((r − c_i)/(p_i − c_i))^L",
                    exact="(p - c_k)*((r_low - c_k)/(p - c_k))**L"),
            Printed("gain_paper_mixing", "(p_i − c_i)((r − c_i)/(p_i − c_i))^L ≤ (p_i − c_i)(r − c_i)/(p_i − c_i) = r − c_i, "
                    "as desired (no gain)", exact="0"),
            Printed("top_segment_condition", "0 ≤ ε < (r̂ − r)/2", exact="(r_hat - r_low)/2"),
            Printed("top_segment_condition", "1, if ε > (r̂ − v_1 − 3r)/2", exact="(r_hat - v_1 - 3*r_low)/2"),
        ),
    ),
    Claim(
        id="bbm.ex1.residual_table",
        where="bbm, section II.B, Example 1, the table of r_i",
        statement="The residual r_i of equation (2) for each pair (v_i, c_i), (v_j, c_j) in {(1,1), (1,0), "
        "(4,1), (4,0)}.",
        symbolic=alignment_sym.example_residual_table,
        numeric=alignment_num.example_residual_table,
        printed=(
            Printed("r[(1,1),(1,1)]", "0", exact="0"),
            Printed("r[(1,1),(1,0)]", "0", exact="0"),
            Printed("r[(1,1),(4,1)]", "−2", exact="-2"),
            Printed("r[(1,1),(4,0)]", "−3", exact="-3"),
            Printed("r[(1,0),(1,1)]", "1", exact="1"),
            Printed("r[(1,0),(1,0)]", "0", exact="0"),
            Printed("r[(1,0),(4,1)]", "−2", exact="-2"),
            Printed("r[(1,0),(4,0)]", "−3", exact="-3"),
            Printed("r[(4,1),(1,1)]", "4", exact="4"),
            Printed("r[(4,1),(1,0)]", "3", exact="3"),
            Printed("r[(4,1),(4,1)]", "0", exact="0"),
            Printed("r[(4,1),(4,0)]", "0", exact="0"),
            Printed("r[(4,0),(1,1)]", "4", exact="4"),
            Printed("r[(4,0),(1,0)]", "3", exact="3"),
            Printed("r[(4,0),(4,1)]", "1", exact="1"),
            Printed("r[(4,0),(4,0)]", "0", exact="0"),
        ),
        latex=market_tex.residual_table,
    ),
    Claim(
        id="bbm.ex1.conditional",
        where="bbm, section II.B, Example 1, the table of conditional likelihoods",
        statement="Given that producer i is the (unique) efficient producer: Pr(c_i = 1) = 1/3, r_i uniform "
        "on {3, 4}; Pr(c_i = 0) = 2/3, r_i in {1, 3, 4} with (1/2, 1/4, 1/4).",
        symbolic=alignment_sym.example_conditional,
        numeric=alignment_num.example_conditional,
        printed=(
            Printed("prob_c1", "1/3", exact="1/3"),
            Printed("nu_c1_r1", "0", exact="0"),
            Printed("nu_c1_r3", "1/2", exact="1/2"),
            Printed("nu_c1_r4", "1/2", exact="1/2"),
            Printed("prob_c0", "2/3", exact="2/3"),
            Printed("nu_c0_r1", "1/2", exact="1/2"),
            Printed("nu_c0_r3", "1/4", exact="1/4"),
            Printed("nu_c0_r4", "1/4", exact="1/4"),
        ),
        latex=market_tex.conditional_table,
    ),
    Claim(
        id="bbm.ex1.prices",
        where="bbm, section II.B, Example 1, text after the conditional table",
        statement="The optimal uniform price is 3 given c_i = 1 (efficient: the sale is certain) and 3 "
        "given c_i = 0 (the sale probability is 1/2).",
        symbolic=alignment_sym.example_prices,
        numeric=alignment_num.example_prices,
        printed=(
            Printed("pstar_c1", "Given c_i = 1, the optimal price is p_i = 3", exact="3"),
            Printed("sale_probability_c1", "the resulting outcome is efficient", exact="1"),
            Printed("pstar_c0", "given c_i = 0, the optimal price is p_i = 3", exact="3"),
        ),
    ),
    Claim(
        id="bbm.ex1.segmentation",
        where="bbm, section II.B, Example 1, the segmentation table",
        statement="The uniform profit-preserving segmentation of r_i given c_i = 0: three segments with "
        "weights 3/4, 1/12, 1/6 (the printed table has two, 3/4 and 1/4, and is not uniform).",
        symbolic=alignment_sym.example_segmentation,
        numeric=alignment_num.example_segmentation,
        printed=(
            Printed("price_1", "p_i = 1", exact="1"),
            Printed("weight_1", "3/4", exact="3/4"),
            Printed("x1_r1", "2/3", exact="2/3"),
            Printed("x1_r3", "1/6", exact="1/6"),
            Printed("x1_r4", "1/6", exact="1/6"),
            Printed("price_2", "p_i = 3", exact="3"),
            Printed("weight_2", "1/4", exact="1/4"),
            Printed("x2_r1", "0", exact="0"),
            Printed("x2_r3", "1/2", exact="1/2"),
            Printed("x2_r4", "1/2", exact="1/2"),
            Printed("total_r1", "1/2", exact="1/2"),
            Printed("total_r3", "1/4", exact="1/4"),
            Printed("total_r4", "1/4", exact="1/4"),
        ),
        latex=market_tex.segmentation_table,
    ),
    Claim(
        id="bbm.ex1.welfare",
        where="bbm, section II.B, Example 1 (welfare not printed; Theorem 1 applied)",
        statement="Example 1: TSbar = 23/8, each lower bound PS_i = 5/8, maximal consumer surplus 13/8.",
        symbolic=alignment_sym.example_welfare,
        numeric=alignment_num.example_welfare,
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
    Claim(
        id="bbm.fn11",
        where="bbm, section III.C, footnote 11",
        statement="With r uniform on [-1, 1] the consumer-optimal G_b^B touches the prior's stop-loss "
        "transform at t* = 1 - e^-2, with b* = t* e^-2 and B* = t* exp(2 pi_F(t*)/b*) (solved in the "
        "working paper, not printed here).",
        symbolic=hotelling_sym.uniform_optimum,
        numeric=hotelling_num.uniform_optimum,
    ),
    Claim(
        id="bbm.az",
        where="bbm, section III.C, Armstrong and Zhou (2022) benchmark, text around Figure 2",
        statement="With uninformed producers and a symmetric pure-strategy price, the consumer-optimal "
        "interim residual in the binary example is censored Pareto: the upward-deviation cap "
        "p/(2(p+delta)) binds on [0, 1) with an atom at 1; the price solves log(1 + 1/p)/2 = 1 + 1/(2(p+1)).",
        symbolic=hotelling_sym.binary_benchmark,
        numeric=hotelling_num.binary_benchmark,
        printed=(
            Printed("price", "both producers price at b* ≈ 0.05"),
            Printed("TS", "The resulting total surplus is ≈ 0.57"),
            Printed("CS", "the resulting consumer surplus is ≈ 0.52"),
        ),
    ),
    Claim(
        id="bbm.fig2",
        where="bbm, section III.C, Figure 2 (drawing missing from the text)",
        statement="Figure 2 regenerated: the densities (and atoms) of the consumer-surplus-maximising "
        "interim residual under this paper's solution and under the Armstrong-Zhou benchmark.",
        symbolic=hotelling_sym.binary_figure_densities,
        numeric=hotelling_num.binary_figure_densities,
        figures=(hotelling_fig.binary_figure2,),
    ),
    Claim(
        id="bbm.prop2",
        where="bbm, section III.A, Proposition 2",
        statement="Interim alignment: for a value garbling mu' (here Example 1 with v_1 unknown to the "
        "consumer), Theorem 1 on mu' gives PS_i = PS_i(mu'), TS = TSbar(mu') and CS = TSbar(mu') - sum PS_i(mu').",
        symbolic=unknown_sym.interim_alignment,
        numeric=unknown_num.interim_alignment,
    ),
    Claim(
        id="bbm.thm2",
        where="bbm, section III.B, Theorem 2; appendix A2",
        statement="With homogeneous values and common knowledge of gains from trade a value garbling keeps "
        "the efficient surplus, TSbar(mu') = TSbar, by the chain max_i(v - c_i) = v - min_i c_i (on an instance).",
        symbolic=unknown_sym.homogeneous_alignment,
        numeric=unknown_num.homogeneous_alignment,
        printed=(Printed("difference", "TSbar(mu') = ... = TSbar  (appendix A2)", exact="0"),),
    ),
    Claim(
        id="bbm.ex3",
        where="bbm, section III.B, Example 3",
        statement="Monopoly with c = 1 and v in {0, 4}: full information prices at 4 (CS 0), no information "
        "at 2; with epsilon information 2 stays optimal (for epsilon <= 1/2), CS = epsilon > 0, but trade is "
        "inefficient.",
        symbolic=unknown_sym.monopoly_without_common_knowledge,
        numeric=unknown_num.monopoly_without_common_knowledge,
        printed=(
            Printed("full_price", "the optimal price is p_1 = 4", exact="4"),
            Printed("full_CS", "so that consumer surplus is zero", exact="0"),
            Printed("none_price", "the expected value would be 2, and this would be the optimal price", exact="2"),
            Printed("eps_price", "then 2 is still the optimal price", exact="2"),
            Printed("eps_prob_high", "they learn that their value is 4, which occurs with probability ε/2",
                    exact="epsilon/2"),
        ),
    ),
    Claim(
        id="bbm.ts_general",
        where="bbm, section III.C, display after Figure 2",
        statement="The efficient surplus with two goods at zero cost is the integral of "
        "(v_1 + v_2)/2 + |v_1 - v_2|/2 under mu' (an identity; Example 4 with full and with no information).",
        symbolic=unknown_sym.efficient_surplus_two_goods,
        numeric=unknown_num.efficient_surplus_two_goods,
        printed=(Printed("identity_gap", "TSbar(μ') = ∫ [(v_1 + v_2)/2 + |v_1 − v_2|/2] μ'(dv_1, dv_2)", exact="0"),),
    ),
    Claim(
        id="bbm.A3",
        where="bbm, appendix A3 (proof of Theorem 3)",
        statement="For an interim distribution G with producer surplus b meeting the pricing constraints "
        "G^-(r) >= 1 - b/(2r), the intermediate value argument gives a B with G_b^B a mean-preserving "
        "contraction of G and the same total surplus (on an instance).",
        symbolic=hotelling_sym.appendix_a3,
        numeric=hotelling_num.appendix_a3,
        printed=(Printed("pricing_constraints", "G^-(r) ≥ 1 − b/(2r), ∀ r ≥ 0", exact="True"),),
    ),
    Claim(
        id="bbm.ex2",
        where="bbm, section III.B, Example 2 (solved in the working paper, not in print)",
        statement="Duopoly with c_1 = 0, c_2 = 1/2 and v uniform on [0, 1]: producer 2 prices at cost; the "
        "consumer-optimal interim value has survival min(1, z/p) below c_2 and min(z/c_2, 1 - F) above, z solving "
        "the mean condition; the outcome is efficient (TS = E[v]) as Theorem 2 says.",
        symbolic=unknown_sym.homogeneous_duopoly,
        numeric=unknown_num.homogeneous_duopoly,
    ),
)

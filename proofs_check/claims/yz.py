"""The claims of Yang, Zentefis, *Regulating Oligopolistic Competition* (``yz``): one
declarative entry each."""

from __future__ import annotations

from numeric import ironing as ironing_num
from numeric import mechanisms as mechanisms_num
from numeric import pryce_cap as pryce_cap_num
from numeric import regulation as regulation_num
from proofs_check.latex import regulation as regulation_tex
from proofs_check.registry import Claim, Printed
from symbolic import ironing as ironing_sym
from symbolic import mechanisms as mechanisms_sym
from symbolic import pryce_cap as pryce_cap_sym
from symbolic import regulation as regulation_sym

__all__ = ["CLAIMS"]

CLAIMS: tuple[Claim, ...] = (
    Claim(
        id="yz.ex1",
        where="yz, section 2.3, Example 1 (price competition) and footnote 3",
        statement="Price competition, two firms, values U[0,1] at s = (1/4, 1/2): shares 5/8 and 1/4, revenues, payoffs at theta = (1/10, 1/5), kappa = 1/2; shares sum to at most 1 everywhere; the opt-out gives zeros.",
        symbolic=mechanisms_sym.example1,
        numeric=mechanisms_num.example1,
        printed=(
            Printed("optout_total", "an opt-out option s_0 ∈ S_i such that t_i(s_0, s_−i) = μ_i(v|s_0, s_−i) = "
                    "r_i(s_0, s_−i) = 0", exact="0"),
        ),
    ),
    Claim(
        id="yz.ex2",
        where="yz, section 2.3, Example 2 (quantity competition); online appendix B.1 (details)",
        statement="Quantity competition, values U[0,1], s = (1/4, 1/3): each firm sells its quantity at p = 1 - sqrt(7/12); feasible, with an opt-out.",
        symbolic=mechanisms_sym.example2,
        numeric=mechanisms_num.example2,
        printed=(
            Printed("q1", "firm i sells s_i units at price p_i(s) if Σ_j s_j ≤ 1", exact="1/4"),
            Printed("optout_total", "an opt-out option s_0 ∈ S_i such that t_i(s_0, s_−i) = μ_i(v|s_0, s_−i) = "
                    "r_i(s_0, s_−i) = 0", exact="0"),
        ),
    ),
    Claim(
        id="yz.ex3",
        where="yz, section 2.3, Example 3 (consumer search and promotional sales)",
        statement="Captive consumers (gamma = (1/5, 1/10)) and shoppers at s = (1/4, 1/2): shares 47/80 and 9/40; feasible, with an opt-out.",
        symbolic=mechanisms_sym.example3,
        numeric=mechanisms_num.example3,
        printed=(
            Printed("optout_total", "an opt-out option s_0 ∈ S_i such that t_i(s_0, s_−i) = μ_i(v|s_0, s_−i) = "
                    "r_i(s_0, s_−i) = 0", exact="0"),
        ),
    ),
    Claim(
        id="yz.ex4",
        where="yz, online appendix B.1, Example 4 (entry deterrence) and its details",
        statement="Entry deterrence: the entrant enters when the incumbent's price is at least 1/3 and undercuts it by 1/10; at the incumbent's price 1/2 both sell (shares 13/40 and 19/40); feasible, with an opt-out.",
        symbolic=mechanisms_sym.example4,
        numeric=mechanisms_num.example4,
        printed=(
            Printed("optout_total", "an opt-out option s_0 ∈ S_i such that t_i(s_0, s_−i) = μ_i(v|s_0, s_−i) = "
                    "r_i(s_0, s_−i) = 0", exact="0"),
        ),
    ),
    Claim(
        id="yz.ex5",
        where="yz, online appendix B.1, Example 5 (reverse auction with many buyers)",
        statement="Reverse auction at bids (1/4, 1/2): the lowest bidder sells to every consumer valuing it above its bid (share 3/4), the other sells nothing; feasible, with an opt-out.",
        symbolic=mechanisms_sym.example5,
        numeric=mechanisms_num.example5,
        printed=(
            Printed("optout_total", "an opt-out option s_0 ∈ S_i such that t_i(s_0, s_−i) = μ_i(v|s_0, s_−i) = "
                    "r_i(s_0, s_−i) = 0", exact="0"),
        ),
    ),
    Claim(
        id="yz.model.payoff",
        where="yz, section 2.2 (the ex-post payoff pi_i) and Example 1",
        statement="A firm's payoff is its revenue minus its cost theta_i (q + kappa_i) when it enters: "
        "pi_i = t_i - r_i theta_i (int mu_i dF + kappa_i); in price competition with values U[0,1] at "
        "s = (1/4, 1/2), firm 1 sells 5/8 and earns -1/160 when theta_1 = 1/10, kappa_1 = 1.",
        symbolic=regulation_sym.payoff,
        numeric=regulation_num.payoff,
        printed=(
            Printed("pi", "π_i(s, θ_i | M) := t_i(s) − r_i(s) θ_i (∫_V μ_i(v|s) F(dv) + κ_i)",
                    exact="t - r*theta*(q + kappa)"),
        ),
    ),
    Claim(
        id="yz.lemma1",
        where="yz, section 2.4, Lemma 1 and the paragraph after it",
        statement="Pareto weights satisfy 0 <= Lambda_i <= G_i; with N = 1 and Lambda = (1 - alpha) G the "
        "planner's objective Sigma + int Pi dLambda is Sigma + (1 - alpha) E[Pi], Baron and Myerson's "
        "objective (checked on the efficient mechanism, types and values U[0,1], kappa = 1).",
        symbolic=regulation_sym.pareto_weights,
        numeric=regulation_num.pareto_weights,
    ),
    Claim(
        id="yz.lemma2",
        where="yz, section 4, Lemma 2",
        statement="Incentive compatibility = revenue equivalence (T = t-bar + theta L + integral of L above theta) "
        "plus a nonincreasing interim load: on Baron-Myerson (alpha = 1/2, kappa = 1) the truth is optimal, the "
        "first-order condition holds and a misreport y of type x loses 3(x - y)^2/4.",
        symbolic=regulation_sym.incentive_compatibility,
        numeric=regulation_num.incentive_compatibility,
    ),
    Claim(
        id="yz.lemma3",
        where="yz, section 4, Lemma 3 and footnote 8; appendix A.1",
        statement="For any G (density, atoms or both) and Pareto weights 0 <= Lambda <= G there is a "
        "nondecreasing ironed virtual cost phi with int theta Q dG + int (G - Lambda) Q >= int phi Q dG "
        "for every nonincreasing Q, with equality for Q measurable in phi (three firms whose psi "
        "needs ironing, one with atoms and no density).",
        symbolic=ironing_sym.lemma3,
        numeric=ironing_num.lemma3,
        latex=regulation_tex.ironing,
    ),
    Claim(
        id="yz.bm1982",
        where="yz, introduction and Lemma 1 (Baron and Myerson 1982 as N = 1)",
        statement="One firm, types and values U[0,1], Lambda = (1 - alpha) G: the regulated price is "
        "phi(theta) = (1 + alpha) theta and the firm is shut down above the type whose price p_hat "
        "solves E[(v - p)^+] = kappa p, p_hat = 1 + kappa - sqrt(kappa (kappa + 2)).",
        symbolic=regulation_sym.baron_myerson,
        numeric=regulation_num.baron_myerson,
    ),
    Claim(
        id="yz.sec5",
        where="yz, section 5.1 and Figure I",
        statement="N = 2, values and types U[0,1], kappa = 1, Lambda(x) = x: prices in [0,1]^2 split into "
        "four regions of E^P; a firm alone is admitted below 2 - sqrt(3); both enter while the higher "
        "price is below c(lower price), a Cardano root; the caps rise with the rival's price and are flat "
        "at 2 - sqrt(3) once the rival is excluded.",
        symbolic=pryce_cap_sym.section51,
        numeric=pryce_cap_num.section51,
        printed=(
            Printed("regions_count", "the set of (undominated) prices [0, 1]^2 is partitioned into four regions",
                    exact="4"),
        ),
        latex=regulation_tex.section51,
        figures=(regulation_tex.figure_one,),
    ),
    Claim(
        id="yz.prop1",
        where="yz, section 5.2, Proposition 1; appendix B.1",
        statement="With i.i.d. values and a common kappa the caps are one nondecreasing function of the "
        "rivals' prices, so the lower price faces the higher cap, and every cap lies in [s_low, s_high] "
        "(section 5.1 and values with F(v) = v^2, kappa = 1/2).",
        symbolic=pryce_cap_sym.proposition1,
        numeric=pryce_cap_num.proposition1,
    ),
    Claim(
        id="yz.eq3",
        where="yz, section 4, problem (3) and the definitions of E*, mu*, T*, tau* after it",
        statement="On a finite two-firm model (discrete types, step weights Lambda = G/2, kappa = 1/10, four "
        "value profiles) the efficient entry sets E*(theta), the ironed virtual costs, the transfers T* and "
        "tau* and the value of the relaxed problem (3); (r*, mu*) attains the LP bound of (3), and the "
        "mechanism is incentive compatible and individually rational.",
        symbolic=regulation_sym.relaxed_problem,
        numeric=regulation_num.relaxed_problem,
        printed=(
            Printed("T2(1/4)", "T_i^*(θ_i) := E_{θ−i}[r_i^*(θ) θ_i (∫_V μ_i^* dF + κ_i) − ∫_{θ_i}^{θ̄_i} "
                    "r_i^*(x, θ−i)(∫_V μ_i^*(v|x, θ−i) dF + κ_i) dx]  (evaluated on this model: 63/320 − 3/20)",
                    exact="3/64"),
        ),
    ),
    Claim(
        id="yz.lemma4",
        where="yz, section 4, Lemma 4; appendix A.2",
        statement="At (r*, mu*, t*) the planner's objective Sigma + sum_i int Pi_i dLambda_i equals the value of "
        "the relaxed problem (3): on the finite two-firm model (exact) and for Baron-Myerson with kappa = 1 "
        "(closed form in alpha).",
        symbolic=regulation_sym.welfare_identity,
        numeric=regulation_num.welfare_identity,
        printed=(
            Printed("planner", "Σ_i ∫ Π(θ_i | r*, μ*, t*) Λ_i(dθ_i) + Σ(r*, μ*, t*) = E_θ[Σ_i r_i^*(θ)(∫_V (v_i − "
                    "φ_i(θ_i)) μ_i^* F(dv) − φ_i(θ_i) κ_i)]  (the right side on this model: 17/48)", exact="17/48"),
        ),
    ),
    Claim(
        id="yz.thm1",
        where="yz, Definition 3, Theorem 1, Lemma 5; appendix A.3",
        statement="PRYCE CAP on the finite two-firm model: at the announcements phi_i(theta_i) the entry sets "
        "E^P equal E*, the caps are thresholds of E^P, and the interim transfers equal T*; no type gains by "
        "announcing another type's virtual cost.  An announcement outside phi_i(Theta_i) (a finite set for "
        "discrete types) below the cap does pay, against Lemma 5.",
        symbolic=pryce_cap_sym.pryce_cap_mechanism,
        numeric=pryce_cap_num.pryce_cap_mechanism,
        printed=(
            Printed("gain_off_range", "Lemma 5: announcing φ_i(θ_i) is a Bayes-Nash equilibrium; for s_i ∉ φ_i(Θ_i) "
                    "'it is easy to verify' that deviating does not pay (gain 0 at best)", exact="0"),
        ),
    ),
    Claim(
        id="yz.lemma5",
        where="yz, Lemma 5 and appendix A.3, on the example of section 5.1",
        statement="Section 5.1: a firm announcing s while its rival announces its type bears the load L(s) = "
        "E[r^P (q^P + kappa)], derived in closed form on the four pieces of s (rival excluding it below c^-1(s), "
        "sharing up to c(s), alone above s*, out above 2 - sqrt(3)); L is nonincreasing, so announcing phi(theta) "
        "= theta is a Bayes-Nash equilibrium of PRYCE CAP.",
        symbolic=pryce_cap_sym.equilibrium_section51,
        numeric=pryce_cap_num.equilibrium_section51,
    ),
    Claim(
        id="yz.sec6.capacity",
        where="yz, section 6.1 (capacity constraints)",
        statement="With a capacity of 4/5 (Baron-Myerson, alpha = 1/2, kappa = 1) the efficient price is "
        "phi + lambda = max(phi, 1/5), the multiplier lambda(theta) = max(0, 1/5 - phi) vanishes above 2/15, the "
        "effective virtual cost stays nondecreasing, and the shut-down cutoff is unchanged.",
        symbolic=regulation_sym.capacity,
        numeric=regulation_num.capacity,
    ),
    Claim(
        id="yz.sec6.ir",
        where="yz, section 6.2, constraint (6)",
        statement="PRYCE CAP is ex-post individually rational for consumers: no purchase at a price above the value "
        "(section 5.1 at s = (1/10, 1/5), and every type profile of the finite model).",
        symbolic=regulation_sym.consumer_ir,
        numeric=regulation_num.consumer_ir,
        printed=(
            Printed("violation_51", "Σ_{i=1}^N max{p_i(s) − v_i, 0} μ_i(v|s) = 0   (6)", exact="0"),
        ),
    ),
)

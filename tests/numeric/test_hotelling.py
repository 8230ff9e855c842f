"""Independent numeric witnesses for the Hotelling model."""

from __future__ import annotations

from fractions import Fraction

import mpmath
from hypothesis import given, settings

from numeric import hotelling as h
from numeric.estimate import to_mpf
from symbolic.models import TwoSidedPareto
from tests.strategies import pareto_bounds

F = Fraction


def test_max_revenue_finds_the_lowest_maximiser_of_a_flat_top():
    with mpmath.workdps(40):
        G = TwoSidedPareto(mpmath.mpf(1) / 10, mpmath.mpf(1))
        best, price = h.max_revenue(lambda q: q * (1 - G.cdf_left(q)), mpmath.mpf(2))
        assert abs(best - mpmath.mpf(1) / 20) < mpmath.mpf(10) ** -35
        assert abs(price - mpmath.mpf(1) / 10) < mpmath.mpf(10) ** -30


def test_left_limit_gives_the_atom():
    with mpmath.workdps(40):
        G = TwoSidedPareto(mpmath.mpf(1) / 4, mpmath.mpf(1))
        jump = G.cdf(mpmath.mpf(1)) - h.left_limit(G.cdf, mpmath.mpf(1))
        assert abs(jump - mpmath.mpf(1) / 8) < mpmath.mpf(10) ** -35


def test_pure_equilibria_of_homogeneous_bertrand():
    """On a grid of step 1/10, undercutting from 2/10 to 1/10 gains nothing: the grid keeps
    the equilibria 0, 1/10 and 2/10; only price 0 survives every grid."""
    half = F(1, 2)
    grid = [F(k, 10) for k in range(11)]
    expected = [(F(0), F(0)), (F(1, 10), F(1, 10)), (F(1, 5), F(1, 5))]
    assert h.pure_equilibria([(half, half)], [F(1)], grid) == expected


def test_binary_information_extremes_by_enumeration():
    w = h.binary_information_extremes()
    assert all(w.checks.values())
    assert w.values["full_price"] == 1 and w.values["full_CS"] == 0
    assert w.values["none_price"] == 0 and w.values["none_CS"] == F(1, 2)


@settings(max_examples=10)
@given(pareto_bounds(max_value=1))
def test_total_surplus_two_layer_cakes_agree(bounds):
    """Equation (3): both tails of |r| and the upper tail of r give the same surplus."""
    b, B = bounds
    with mpmath.workdps(30):
        G = TwoSidedPareto(to_mpf(b), to_mpf(B))
        V = max(to_mpf(B), mpmath.mpf(1))
        direct = h._total_surplus_direct(G, V)
        eq3 = h._total_surplus_eq3(G, V)
        assert abs(direct - eq3) < mpmath.mpf(10) ** -25


def test_binary_optimum_numeric():
    w = h.binary_optimum(20)
    assert all(w.checks.values())
    with mpmath.workdps(40):
        assert abs(w.values["b_star"].value - mpmath.exp(-2)) < mpmath.mpf(10) ** -18


# --------------------------- the general solver -----------------------------------------

from hypothesis import HealthCheck, example  # noqa: E402

from symbolic.models import SymmetricResidual  # noqa: E402
from tests.strategies import symmetric_atoms  # noqa: E402

BINARY = SymmetricResidual.from_atoms({-1: "1/2", 1: "1/2"})
UNIFORM = SymmetricResidual.from_cdf("(r+1)/2")
TRIANGULAR = SymmetricResidual.from_cdf("Piecewise(((1+r)**2/2, r<0), (1-(1-r)**2/2, True))")
ATOM_AT_ZERO = SymmetricResidual.from_atoms({-1: "1/20", 0: "9/10", 1: "1/20"})


def _cs(F, b, B):
    with mpmath.workdps(30):
        G = TwoSidedPareto(to_mpf(b) if isinstance(b, F.__class__) else b, B)
        return to_mpf(F.vbar) / 2 + h.pareto_stop_loss(G, mpmath.mpf(0)) - G.b


def test_solver_binary():
    with mpmath.workdps(30):
        s = h.optimal_information(BINARY, dps=25)
        assert abs(s.b - mpmath.exp(-2)) < mpmath.mpf(10) ** -22 and s.B == 1


def test_solver_uniform():
    with mpmath.workdps(30):
        s = h.optimal_information(UNIFORM, dps=25)
        e2 = mpmath.exp(-2)
        assert abs(s.b - e2 * (1 - e2)) < mpmath.mpf(10) ** -22
        assert abs(s.binding[0] - (1 - e2)) < mpmath.mpf(10) ** -20


def test_solver_triangular_continuous():
    with mpmath.workdps(30):
        s = h.optimal_information(TRIANGULAR, dps=25)
        assert abs(s.b - (mpmath.exp(-2) - mpmath.exp(-3))) < mpmath.mpf(10) ** -22


def test_solver_atom_at_zero_binds_at_zero_and_at_the_top():
    with mpmath.workdps(30):
        s = h.optimal_information(ATOM_AT_ZERO, dps=25)
        assert [float(t) for t in s.binding] == [0.0, 1.0]
        # the whole positive tail of F is kept: E_G[r+] = pi_F(0) = 1/20
        assert abs(s.ts - mpmath.mpf(11) / 20) < mpmath.mpf(10) ** -22
        assert abs(s.b / 2 * (1 + mpmath.log(1 / s.b)) - mpmath.mpf(1) / 20) < mpmath.mpf(10) ** -22


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(symmetric_atoms())
@example({F(-1): F(1, 2), F(1): F(1, 2)})
def test_solver_is_feasible_and_no_feasible_perturbation_does_better(atoms):
    """The returned G_b^B is a contraction of F, and moving (b, B) feasibly never raises CS."""
    prior = SymmetricResidual.from_atoms(atoms)
    with mpmath.workdps(25):
        s = h.optimal_information(prior, dps=20)
        tol = mpmath.mpf(10) ** -15
        assert h._is_feasible(prior, s.b, s.B, tol)
        best = s.cs
        for db in (-1, 0, 1):
            for dB in (-1, 0, 1):
                b, B = s.b * (1 + db * mpmath.mpf("0.02")), min(s.B * (1 + dB * mpmath.mpf("0.02")), to_mpf(prior.vbar))
                if 0 < b < B and h._is_feasible(prior, b, B, mpmath.mpf(0)):
                    G = TwoSidedPareto(b, B)
                    assert to_mpf(prior.vbar) / 2 + h.pareto_stop_loss(G, mpmath.mpf(0)) - b <= best + tol


def test_benchmark_lp_converges_to_the_binary_closed_form():
    s = h.armstrong_zhou(BINARY, n=200)
    assert abs(s.price - 0.0553746) < 1e-3 and abs(s.cs - 0.5262345) < 1e-4 and abs(s.ts - 0.5816091) < 1e-3


def test_benchmark_for_a_continuous_prior_is_below_the_paper_solution():
    s = h.armstrong_zhou(UNIFORM, n=100)
    with mpmath.workdps(20):
        ours = h.optimal_information(UNIFORM, dps=15)
    assert s.cs < float(ours.cs) and s.ts < float(ours.ts)

"""The Theorem 1 construction and Example 1 (bbm, section II, appendix A1)."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from symbolic import alignment as al
from symbolic.models.market import Segment, instance

F = Fraction


def test_derived_mixing_in_the_model_is_the_sympy_solution():
    """The model's RunnerUpMixing for the 'derived' rule has survival 1 - F of the whole-segment indifference."""
    d = al.mixing_claim().values
    s = al.construction(instance("runner_up"))
    mix = next(x for x in s.strategies.values() if not isinstance(x, Fraction))
    # runner_up: segment {2: 1/3, 3: 2/3} at cost 0, all of the atom alerted
    F_seg = d["F_segment_condition"].subs({al.r_low: 2, al.c_k: 0, al.M: sp.Rational(2, 3), al.a: sp.Rational(1, 3)})
    for e in (F(0), F(1, 4), F(1, 2), F(9, 10)):
        assert mix.survival(e) == 1 - F_seg.subs(al.eps, sp.Rational(e.numerator, e.denominator))
    assert mix.width == d["top_segment_condition"].subs({al.r_hat: 3, al.r_low: 2}) == 1


def test_paper_condition_gives_no_atom_at_cost_and_the_printed_profit():
    d = al.mixing_claim().values
    assert d["F_at_cost"] == 0
    p, c, r, L = al.p, al.c_k, al.r_low, al.L
    assert sp.simplify(d["payoff_paper"].subs(L, 1) - (r - c)) == 0


@pytest.mark.parametrize("name", al.THEOREM_INSTANCES)
def test_theorem_welfare_identity(name):
    d = al.theorem_one().values
    m = instance(name)
    assert d[f"CS_{name}"] == d[f"TS_{name}"] - sum(d[f"PS_{i + 1}_{name}"] for i in range(m.producers))
    assert d[f"equilibrium_{name}"] == sp.true and d[f"printed_equilibrium_{name}"] == sp.false


def test_printed_example_segmentation_is_profit_preserving_but_not_uniform():
    """The paper's two segments (2/3, 1/6, 1/6) with weight 3/4 and (0, 1/2, 1/2) with weight 1/4 average back
    to (1/2, 1/4, 1/4), keep 1 (resp. 3) and p* = 3 optimal, but price 4 earns 2/3 < 1 in the first."""
    first = Segment((F(1), F(3), F(4)), (F(2, 3), F(1, 6), F(1, 6)))
    second = Segment((F(3), F(4)), (F(1, 2), F(1, 2)))
    assert [F(3, 4) * a + F(1, 4) * b for a, b in zip(first.masses, (0, *second.masses))] == [F(1, 2), F(1, 4), F(1, 4)]
    profit = {p: p * first.upper_mass(p) for p in first.points}
    assert profit == {1: 1, 3: 1, 4: F(2, 3)}
    assert max(p * second.upper_mass(p) for p in second.points) == 3 * second.upper_mass(3)
    derived = al.example_segmentation().values
    assert (derived["weight_1"], derived["weight_2"], derived["weight_3"]) == (F(3, 4), F(1, 12), F(1, 6))


def test_residual_table_differs_from_the_print_only_on_two_ties():
    values = al.example_residual_table().values
    printed = {((1, 1), (1, 1)): 0, ((4, 1), (4, 1)): 0}
    for (row, col), shown in printed.items():
        assert values[f"r[({row[0]},{row[1]}),({col[0]},{col[1]})]"] == 1 != shown

"""Entry sets, caps and the closed forms of section 5.1 (yz, Theorem 1, section 5.1, Proposition 1)."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import example, given, settings

from symbolic.models.regulation import finite_example, section51 as sec51_model
from symbolic.pryce_cap import (
    entry_set,
    entry_value,
    finite_cap,
    finite_entry_set,
    proposition1,
    s1,
    s2,
    section51,
    section51_closed_forms,
)
from tests.strategies import price_pairs

F = Fraction
R = sp.Rational


def test_alone_threshold_is_2_minus_sqrt3():
    forms = section51_closed_forms()
    assert forms["alone"] == 2 - sp.sqrt(3)
    assert sp.simplify(entry_value(sec51_model(), (forms["alone"], 1), (0,))) == 0


def test_join_boundary_solves_its_cubic():
    """Consistency: c(s1) plugged into the boundary condition gain = s2 gives 0."""
    forms = section51_closed_forms()
    for p in (R(0), R(1, 20), R(1, 10)):
        c = forms["join"].subs(s1, p)
        residual = forms["gain"].subs({s1: p, s2: c}) - c
        assert abs(sp.N(residual, 60)) < 1e-50


def test_s_star_is_the_fixed_point_of_the_join_boundary():
    forms = section51_closed_forms()
    star = forms["s_star"]
    assert abs(sp.N(forms["join"].subs(s1, star) - star, 60)) < 1e-50


def test_caps_continuous_and_flat():
    d = section51()
    cap = d.values["cap_2"]
    star, alone = d.values["s_star"], d.values["alone"]
    assert abs(sp.N(cap.subs(s1, star) - star, 40)) < 1e-35
    assert cap.subs(s1, R(1, 2)) == cap.subs(s1, 1) == alone


@pytest.mark.slow
@settings(max_examples=30, deadline=None)
@given(price_pairs())
@example((F(1, 20), F(1, 10)))
def test_entry_set_matches_the_regions(prices):
    """The enumerated E^P equals the closed-form region at every rational price pair off the diagonal."""
    a, b = prices
    d = section51()
    E = entry_set(sec51_model(), (R(a), R(b)))
    region = {(0, 1): "region_both", (0,): "region_1", (1,): "region_2", (): "region_none"}[E]
    assert d.values[region].subs({s1: R(a), s2: R(b)}) is sp.true


@pytest.mark.slow
@settings(max_examples=20, deadline=None)
@given(price_pairs(20))
def test_a_lower_announcement_never_loses_entry(prices):
    """E^P is monotone: if firm 1 is admitted at s1, it is admitted at every lower price."""
    a, b = prices
    model = sec51_model()
    if 0 in entry_set(model, (R(a), R(b))):
        for lower in (a / 2, a / 4, F(0)):
            assert 0 in entry_set(model, (R(lower), R(b)))


def test_finite_caps_and_entry():
    model = finite_example()
    assert finite_cap(model, 0, (R(1, 4),)) == R(5, 7)
    assert finite_entry_set(model, (R(1, 4), R(1, 4))) == (0, 1)
    assert 0 not in finite_entry_set(model, (R(5, 7) + R(1, 100), R(1, 4)))


def test_proposition1_bounds():
    d = proposition1()
    assert d.values["s_high_51"] == 2 - sp.sqrt(3) and d.values["cap_increasing"] is sp.true
    assert sp.N(d.values["s_low_51"]) < sp.N(d.values["s_high_51"])
    assert sp.N(d.values["s_low_sq"]) < sp.N(d.values["s_high_sq"])


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: entry_value(finite_example(), (R(1, 4), R(1, 4)), (0,)), NotImplementedError, "needs independent values"),
    ],
)
def test_pryce_cap_bad_input(call, error, match):
    with pytest.raises(error, match=match):
        call()

"""Numeric entry sets and caps: thresholds by bisection and root finding, the BNE grid check."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
from hypothesis import given, settings

from numeric import pryce_cap as npc
from symbolic.models.regulation import finite_example, section51
from tests.strategies import price_pairs

F = Fraction


def test_cap_is_2_minus_sqrt3_against_an_excluded_rival():
    with mpmath.workdps(40):
        assert abs(npc.cap(section51(), 1, {0: mpmath.mpf(1)}) - (2 - mpmath.sqrt(3))) < mpmath.mpf(10) ** -35


def test_cap_equals_the_rival_price_between_s_star_and_the_threshold():
    with mpmath.workdps(30):
        assert abs(npc.cap(section51(), 1, {0: mpmath.mpf(1) / 5}) - mpmath.mpf(1) / 5) < mpmath.mpf(10) ** -25


@settings(max_examples=15, deadline=None)
@given(price_pairs(20))
def test_caps_are_thresholds(prices):
    """Firm 2 is admitted just below its cap and not just above it."""
    a, b = prices
    model = section51()
    with mpmath.workdps(20):
        c = npc.cap(model, 1, {0: mpmath.mpf(a.numerator) / a.denominator})
        eps = mpmath.mpf(10) ** -8
        s1 = mpmath.mpf(a.numerator) / a.denominator
        assert 1 in npc.entry_set(model, (s1, c - eps))
        assert 1 not in npc.entry_set(model, (s1, c + eps))


def test_finite_entry_value():
    with mpmath.workdps(30):
        w = npc.entry_value(finite_example(), (mpmath.mpf(1) / 4, mpmath.mpf(1) / 4), (0, 1))
        # E[max(v1 - 1/4, v2 - 1/4, 0)] - 1/40 - 1/40 over the four profiles
        assert abs(w - (mpmath.mpf(3) / 4 * 3 / 4 + mpmath.mpf(1) / 2 * 1 / 4 - mpmath.mpf(1) / 20)) < mpmath.mpf(10) ** -25


def test_section51_bne_small_grid():
    out = npc.section51_bne(41, 81, 81)
    assert out["max_gain"] <= out["tolerance"] and out["load_nonincreasing"] == 1.0


def test_finite_pryce_cap_checks():
    w = npc.pryce_cap_mechanism(30)
    assert all(w.checks.values()), w.checks
    assert w.values["gain_off_range"] == F(1, 10)


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: npc.cap(section51(), 0, {1: mpmath.mpf(0)}, upper=mpmath.mpf(0)), ValueError,
         "upper must be a positive price bound"),
    ],
)
def test_numeric_pryce_cap_bad_input(call, error, match):
    with mpmath.workdps(20), pytest.raises(error, match=match):
        call()

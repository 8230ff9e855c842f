"""Exact cell decomposition of the value square for the mechanisms' shares."""

from __future__ import annotations

from fractions import Fraction

import pytest

from numeric import mechanisms as nm
from symbolic.models.regulation import CaptiveShoppers, PriceCompetition, ReverseAuction

F = Fraction


@pytest.mark.parametrize(
    ("mechanism", "s", "expected"),
    [
        (PriceCompetition(2), (F(1, 4), F(1, 2)), (F(5, 8), F(1, 4))),
        (ReverseAuction(2), (F(1, 3), F(1, 3)), (F(1, 3), F(1, 3))),
        (CaptiveShoppers((F(1, 5), F(1, 10))), (F(1, 4), F(1, 2)), (F(47, 80), F(9, 40))),
    ],
)
def test_shares(mechanism, s, expected):
    got = tuple(nm.share(mechanism, s, i, list(s)) for i in range(2))
    assert got == expected


def test_symmetric_price_competition_splits_the_market():
    q1 = nm.share(PriceCompetition(2), (F(1, 2), F(1, 2)), 0, [F(1, 2), F(1, 2)])
    q2 = nm.share(PriceCompetition(2), (F(1, 2), F(1, 2)), 1, [F(1, 2), F(1, 2)])
    assert q1 == q2 == F(3, 8)


@pytest.mark.parametrize("example", [nm.example1, nm.example3, nm.example4, nm.example5])
def test_witness_checks(example):
    w = example(30)
    assert all(w.checks.values()) and w.values["optout_total"] == 0

"""The uniform profit-preserving segmentation (BBM 2015, Theorem 1B)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from numeric.segmentation import segment
from symbolic.segmentation import extremal_tails, segment_profit, uniform_segmentation

F = Fraction

distributions = st.dictionaries(st.integers(0, 40).map(lambda k: F(k, 4)), st.integers(1, 9).map(F), min_size=1, max_size=12)


@pytest.mark.parametrize(
    ("dist", "cost", "match"),
    [({}, F(0), "at least one point"), ({F(1): F(-1)}, F(0), "masses must be nonnegative"),
     ({F(1): F(1)}, F(2), "every residual must be >= the cost 2; got 1"), ({F(1): F(0)}, F(0), "positive mass")],
)
def test_segmentation_bad_input(dist, cost, match):
    with pytest.raises(ValueError, match=match):
        uniform_segmentation(dist, cost)


def test_segment_profit_is_lowest_residual_minus_cost():
    profit, _ = segment_profit()
    assert str(profit) == "-c + r_low"


def test_extremal_segment_makes_every_price_optimal():
    x = extremal_tails((F(1), F(3), F(4)), F(0))
    assert sum(x) == 1 and 1 * 1 == 3 * (x[1] + x[2]) == 4 * x[2]


@given(distributions, st.integers(0, 3).map(F))
@example({F(1): F(2), F(3): F(1), F(4): F(1)}, F(0))
def test_segmentation_is_uniform_profit_preserving(dist, cost):
    """Every segment keeps p* and its lowest point optimal, every support price earns min - c, and the
    segments average back to the distribution."""
    dist = {r + cost: m for r, m in dist.items()}
    seg = uniform_segmentation(dist, cost)
    total = sum(dist.values())
    assert sum(seg.weights) == 1
    for r, m in dist.items():
        assert sum(w * x.masses[x.points.index(r)] for x, w in zip(seg.segments, seg.weights) if r in x.points) == m / total
    for x in seg.segments:
        if x.points == (cost,):
            continue
        profits = {p: (p - cost) * x.upper_mass(p) for p in x.points}
        assert set(profits.values()) == {x.lowest - cost}
        assert seg.price in x.points
    assert seg == segment(dist, cost)  # the numeric side's linear solves give the same segmentation

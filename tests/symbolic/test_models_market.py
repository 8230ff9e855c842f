"""The finite market and the objects of the Theorem 1 construction: validation, one row per rule."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from symbolic.models.market import FiniteMarket, RunnerUpMixing, instance

F = Fraction


@pytest.mark.parametrize(
    ("values", "costs", "probs", "error", "match"),
    [
        ((), (), (), ValueError, "at least one profile"),
        (((1,), (2,)), ((0,),), (F(1, 2), F(1, 2)), ValueError, "one entry per profile; got 2, 1 and 2"),
        (((1, 2), (2,)), ((0, 0), (0,)), (F(1, 2), F(1, 2)), ValueError, r"values\[1\] has 1 entries, expected 2"),
        (((1,), (2,)), ((0, 1), (0,)), (F(1, 2), F(1, 2)), ValueError, r"one cost per producer: costs\[0\] has 2 entries, expected 1"),
        (((-1,),), ((0,),), (1,), ValueError, r"values must be nonnegative; values\[0\]\[0\] = -1"),
        (((1,),), ((F(-1, 2),),), (1,), ValueError, r"costs must be nonnegative; costs\[0\]\[0\] = -1/2"),
        (((1,), (2,)), ((0,), (0,)), (F(3, 2), F(-1, 2)), ValueError, r"probs must be nonnegative; probs\[1\] = -1/2"),
        (((1,), (2,)), ((0,), (0,)), ("1/2", "1/3"), ValueError, "probs must sum to 1; they sum to 5/6"),
        (((1,), (1,)), ((0,), (0,)), ("1/2", "1/2"), ValueError, "profile 1 repeats profile 0 .* merge them"),
        (((0.5,),), ((0,),), (1,), TypeError, r"values\[0\]\[0\] must be exact .* pass a fraction"),
        (((1,),), ((0,),), (1.0,), TypeError, r"probs\[0\] must be exact"),
        (((sp.Symbol("x"),),), ((0,),), (1,), TypeError, "must be a rational number"),
        ((("a",),), ((0,),), (1,), ValueError, "must be a fraction such as"),
        (("12",), ((0,),), (1,), TypeError, r"values\[0\] must be a sequence of numbers"),
        ((), (), "1", TypeError, "probs must be a sequence"),
    ],
)
def test_finite_market_bad_input(values, costs, probs, error, match):
    with pytest.raises(error, match=match):
        FiniteMarket(values, costs, probs)


@pytest.mark.parametrize(
    ("data", "error", "match"),
    [
        ([], TypeError, "must be a JSON object"),
        ({"profiles": []}, ValueError, "needs the key 'producers'"),
        ({"producers": 0, "profiles": []}, ValueError, "producers must be a whole number >= 1; got 0"),
        ({"producers": True, "profiles": []}, ValueError, "producers must be a whole number"),
        ({"producers": 1, "profiles": []}, ValueError, "profiles must be a nonempty list"),
        ({"producers": 1, "profiles": [3]}, TypeError, r"profiles\[0\] must be an object"),
        ({"producers": 1, "profiles": [{"v": [1], "c": [0]}]}, ValueError, r"profiles\[0\] needs the key 'p'"),
        ({"producers": 1, "profiles": [{"v": 1, "c": [0], "p": 1}]}, TypeError, r"profiles\[0\].v must be a list"),
        ({"producers": 2, "profiles": [{"v": [1, 2], "c": [0], "p": 1}]}, ValueError, r"profiles\[0\].c must have one entry per producer"),
        ({"producers": 1, "profiles": [{"v": [1], "c": [0], "p": 0.5}, {"v": [2], "c": [0], "p": 0.5}]}, TypeError,
         r"profiles\[0\].p must be exact"),
        ({"producers": 1, "profiles": [{"v": [1], "c": [0], "p": "1/3"}]}, ValueError, "probs must sum to 1; they sum to 1/3"),
        ({"producers": 1, "profiles": [{"v": [1], "c": [0], "p": "x"}]}, ValueError, r"profiles\[0\].p must be a fraction"),
    ],
)
def test_from_json_bad_input(data, error, match):
    with pytest.raises(error, match=match):
        FiniteMarket.from_json(data)


def test_from_json_reads_fraction_strings_and_integers():
    m = FiniteMarket.from_json({"producers": 2, "profiles": [{"v": ["7/2", 1], "c": [0, "1/2"], "p": 1}]})
    assert m.values == ((F(7, 2), F(1)),) and m.costs == ((F(0), F(1, 2)),) and m.probs == (F(1),)


def test_example_one_instance_is_sixteen_equally_likely_profiles():
    m = instance("example1")
    assert len(m) == 16 and set(m.probs) == {F(1, 16)}
    assert {v for row in m.values for v in row} == {1, 4} and {c for row in m.costs for c in row} == {0, 1}


@pytest.mark.parametrize(
    ("args", "match"),
    [((0, 1, 1, 0, 1), "width, offset and scale > 0"), ((1, 1, 0, 0, 1), "width, offset and scale > 0"),
     ((1, 1, 1, 0, 0), "width, offset and scale > 0"), ((0.5, 1, 1, 0, 1), "pass a fraction")],
)
def test_runner_up_mixing_bad_input(args, match):
    with pytest.raises((ValueError, TypeError), match=match):
        RunnerUpMixing(*args)


def test_runner_up_mixing_is_a_distribution():
    m = RunnerUpMixing(F(2), F(1), F(1), F(1, 4), F(1, 2))
    grid = [F(k, 10) for k in range(-5, 30)]
    survival = [m.survival(e) for e in grid]
    assert all(0 <= s <= 1 for s in survival) and all(x >= y for x, y in zip(survival, survival[1:]))
    # survival formula reaches 0 at 1/(1/4) - 1 = 3 > width 2: an atom at the top of the formula's value there
    assert m.atom(F(2)) == m._formula(F(2)) > 0 and m.survival(F(2)) == 0
    assert m.kinks() == (F(1, 3),)  # the formula leaves 1 at e = 1/(1/2 + 1/4) - 1

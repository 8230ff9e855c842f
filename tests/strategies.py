"""Hypothesis builders on exact inputs, shared by the tests."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st

__all__ = ["finite_markets", "pareto_bounds", "positive_fractions"]


def positive_fractions(max_value: int = 5) -> st.SearchStrategy[Fraction]:
    """Positive fractions with small denominators, up to ``max_value``."""
    return st.fractions(min_value=Fraction(1, 1000), max_value=max_value, max_denominator=1000)


@st.composite
def pareto_bounds(draw: st.DrawFn, max_value: int = 5) -> tuple[Fraction, Fraction]:
    """(b, B) with 0 < b < B."""
    b = draw(positive_fractions(max_value))
    gap = draw(positive_fractions(max_value))
    return b, b + gap


@st.composite
def atom_firms(draw: st.DrawFn, max_atoms: int = 5) -> tuple[dict[str, str], str]:
    """A discrete type distribution on [0, 1] (atoms at multiples of 1/8, masses summing to 1)
    and step Pareto weights below it: ``(atoms, Lambda)`` as the JSON model writes them."""
    points = sorted(draw(st.sets(st.integers(0, 8), min_size=1, max_size=max_atoms)))
    if points[-1] != 8:
        points.append(8)
    raw = [draw(st.integers(1, 9)) for _ in points]
    total = sum(raw)
    atoms = {f"{p}/8": f"{w}/{total}" for p, w in zip(points, raw)}
    # weights: a fraction of G, stepping up at the atoms (nondecreasing, right-continuous, <= G)
    shares = sorted(draw(st.lists(st.integers(0, 4), min_size=len(points), max_size=len(points))))
    cumulative, pieces = 0, []
    for p, w, share in zip(points, raw, shares):
        cumulative += w
        pieces.append((p, Fraction(cumulative, total) * Fraction(share, 4)))
    args = ", ".join(f"({v}, x < {q}/8)" for (_, v), (q, _) in zip(pieces, pieces[1:]))
    last = pieces[-1][1]
    lam = f"Piecewise((0, x < {points[0]}/8), {args + ', ' if args else ''}({last}, True))"
    return atoms, lam


@st.composite
def nonincreasing_steps(draw: st.DrawFn, cells: int) -> list[Fraction]:
    """``cells`` nonincreasing nonnegative values (a step function Q of Lemma 3)."""
    values = draw(st.lists(st.fractions(min_value=0, max_value=3, max_denominator=8), min_size=cells, max_size=cells))
    return sorted(values, reverse=True)


@st.composite
def finite_markets(draw: st.DrawFn, producers: int | None = None, max_profiles: int = 30):
    """A finite prior (bbm, section I): N = 2 or 3 producers unless given, distinct profiles with
    small integer or half-integer values and costs (ties and weak rivals are frequent), and
    exact probabilities summing to 1 (some may be zero)."""
    from symbolic.models.market import FiniteMarket

    n = producers if producers is not None else draw(st.sampled_from((2, 3)))
    level = st.integers(0, 10).map(lambda k: Fraction(k, 2))
    profile = st.tuples(st.tuples(*[level] * n), st.tuples(*[st.integers(0, 4).map(lambda k: Fraction(k, 2))] * n))
    rows = draw(st.lists(profile, min_size=1, max_size=max_profiles, unique=True))
    weights = draw(st.lists(st.integers(0, 6), min_size=len(rows), max_size=len(rows)))
    weights[0] = weights[0] or 1  # zero-probability profiles allowed, but not all of them
    total = sum(weights)
    return FiniteMarket.from_profiles([(v, c, Fraction(w, total)) for (v, c), w in zip(rows, weights)])


@st.composite
def symmetric_atoms(draw: st.DrawFn, max_atoms: int = 4) -> dict[Fraction, Fraction]:
    """A symmetric atomic prior of the residual on [-1, 1] with exact probabilities."""
    positions = draw(st.lists(st.fractions(min_value=Fraction(1, 20), max_value=1, max_denominator=20),
                              min_size=1, max_size=max_atoms, unique=True))
    weights = draw(st.lists(st.integers(min_value=1, max_value=6), min_size=len(positions), max_size=len(positions)))
    zero = draw(st.integers(min_value=0, max_value=6))
    total = 2 * sum(weights) + zero
    atoms = {Fraction(0): Fraction(zero, total)} if zero else {}
    for x, w in zip(positions, weights):
        atoms[x] = atoms[-x] = Fraction(w, total)
    return atoms


@st.composite
def price_pairs(draw: st.DrawFn, denominator: int = 40) -> tuple[Fraction, Fraction]:
    """Announced prices (s1, s2) in [0, 1] with a small denominator."""
    a = draw(st.integers(0, denominator))
    b = draw(st.integers(0, denominator))
    return Fraction(a, denominator), Fraction(b, denominator)

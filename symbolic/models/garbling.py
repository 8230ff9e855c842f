"""Value garblings: the consumer's partial information about values.

A value garbling pools profiles that share the same costs; the consumer's interim value is
the conditional mean within the pool, so the prior is the garbled prior plus mean-zero noise.

Paper: bbm, section III.A (value garbling, unknown values information structure).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from symbolic.models.market import FiniteMarket

__all__ = ["ValueGarbling", "ValuePrior", "garbling_instance"]


@dataclass(frozen=True, slots=True)
class ValueGarbling:
    """A prior ``market`` and a partition ``pools`` of its profile indices, costs equal in a pool.

    Examples
    --------
    >>> m = FiniteMarket.from_profiles([((0,), (0,), "1/2"), ((4,), (0,), "1/2")])
    >>> ValueGarbling(m, ((0, 1),)).garbled().values
    ((Fraction(2, 1),),)
    >>> ValueGarbling(m, ((0,),))
    Traceback (most recent call last):
    ...
    ValueError: pools must partition the profiles 0..1; missing [1], repeated []
    """

    market: FiniteMarket
    pools: tuple[tuple[int, ...], ...]

    def __post_init__(self) -> None:
        seen = [k for pool in self.pools for k in pool]
        n = len(self.market.probs)
        missing = sorted(set(range(n)) - set(seen))
        repeated = sorted({k for k in seen if seen.count(k) > 1})
        if missing or repeated or any(not 0 <= k < n for k in seen):
            raise ValueError(f"pools must partition the profiles 0..{n - 1}; missing {missing}, repeated {repeated}")
        for pool in self.pools:
            costs = {self.market.costs[k] for k in pool}
            if len(costs) > 1:
                raise ValueError(f"a pool may only join profiles with equal costs; pool {pool} has costs {sorted(costs)}")

    def interim(self, pool: tuple[int, ...]) -> tuple[tuple[Fraction, ...], tuple[Fraction, ...], Fraction]:
        """The pool's interim values (conditional means), its costs and its probability."""
        mass = sum((self.market.probs[k] for k in pool), Fraction(0))
        N = len(self.market.values[pool[0]])
        values = tuple(sum((self.market.probs[k] * self.market.values[k][i] for k in pool), Fraction(0)) / mass
                       for i in range(N))
        return values, self.market.costs[pool[0]], mass

    def garbled(self) -> FiniteMarket:
        """The garbled prior mu' over (interim values, costs), equal profiles merged."""
        merged: dict[tuple, Fraction] = {}
        for pool in self.pools:
            v, c, q = self.interim(pool)
            merged[(v, c)] = merged.get((v, c), Fraction(0)) + q
        return FiniteMarket.from_profiles([(v, c, q) for (v, c), q in merged.items()])


def garbling_instance(name: str) -> ValueGarbling:
    """Named value garblings used by the claims and the tests.

    ``"example1_pool_v1"``: bbm's Example 1 where the consumer does not learn v_1 (profiles
    with the same v_2 and costs pooled).  ``"homogeneous"``: a duopoly with homogeneous
    values v in {2, 4} and costs in {(0, 1), (1, 0), (1, 1)}, common knowledge of gains from
    trade, the consumer uninformed about v.  ``"example3_none"``: Example 3's monopoly
    (c = 1, v in {0, 4}) with an uninformed consumer.

    Examples
    --------
    >>> garbling_instance("homogeneous").garbled().values[0]
    (Fraction(3, 1), Fraction(3, 1))
    """
    from symbolic.models.market import instance

    if name == "example1_pool_v1":
        m = instance("example1")
        groups: dict[tuple, list[int]] = {}
        for k in range(len(m.probs)):
            groups.setdefault((m.values[k][1], m.costs[k]), []).append(k)
        return ValueGarbling(m, tuple(tuple(g) for g in groups.values()))
    if name == "homogeneous":
        profiles = [((v, v), c, Fraction(1, 6)) for v in (2, 4) for c in ((0, 1), (1, 0), (1, 1))]
        m = FiniteMarket.from_profiles(profiles)
        groups = {}
        for k in range(len(m.probs)):
            groups.setdefault(m.costs[k], []).append(k)
        return ValueGarbling(m, tuple(tuple(g) for g in groups.values()))
    if name == "example3_none":
        m = FiniteMarket.from_profiles([((0,), (1,), "1/2"), ((4,), (1,), "1/2")])
        return ValueGarbling(m, ((0, 1),))
    raise ValueError(f"unknown garbling instance {name!r}; known: example1_pool_v1, homogeneous, example3_none")


@dataclass(frozen=True, slots=True)
class ValuePrior:
    """The distribution F of a homogeneous value v on [0, 1], as a CDF expression in ``v``.

    Paper: bbm, section III.B, Example 2.

    Examples
    --------
    >>> F = ValuePrior.from_cdf("v")
    >>> F.cdf(Fraction(1, 4)), F.mean()
    (Fraction(1, 4), 1/2)
    >>> ValuePrior.from_cdf("v/2")
    Traceback (most recent call last):
    ...
    ValueError: F must reach 1 at v = 1 (no mass above 1); F(1) = 1/2
    """

    cdf_expr: object

    @classmethod
    def from_cdf(cls, expr: object) -> ValuePrior:
        """F from a sympy expression or string in ``v``."""
        import sympy as sp

        v = sp.Symbol("v", real=True)
        from symbolic.models import parse_expression

        parsed = parse_expression(expr, "v", "F") if isinstance(expr, str) else sp.sympify(expr)
        return cls(parsed.subs({s: v for s in parsed.free_symbols if s.name == "v"}))

    def __post_init__(self) -> None:
        import sympy as sp

        expr = sp.sympify(self.cdf_expr)
        v = sp.Symbol("v", real=True)
        if expr.free_symbols - {v}:
            raise ValueError(f"F must depend on v only; it contains {sorted(map(str, expr.free_symbols - {v}))}")
        grid = [sp.Rational(k, 32) for k in range(33)]
        values = [sp.simplify(expr.subs(v, x)) for x in grid]
        if values[-1] != 1:
            raise ValueError(f"F must reach 1 at v = 1 (no mass above 1); F(1) = {values[-1]}")
        for x, value in zip(grid, values):
            if (value < 0) is sp.true or (value > 1) is sp.true:
                raise ValueError(f"F must lie in [0, 1]; F({x}) = {value}")
        for (x, a), (y, c) in zip(zip(grid, values), zip(grid[1:], values[1:])):
            if (c < a) is sp.true:
                raise ValueError(f"F must be nondecreasing; F({x}) = {a} > F({y}) = {c}")

    def cdf(self, x: object) -> object:
        """F(x) at a Fraction (exact) or an mpf (numeric)."""
        import mpmath
        import sympy as sp

        v = sp.Symbol("v", real=True)
        if x < 0:
            return x * 0
        if x >= 1:
            return x**0
        if isinstance(x, mpmath.mpf):
            return _value_function(self.cdf_expr)(x)
        value = sp.sympify(self.cdf_expr).subs(v, sp.nsimplify(x))
        return Fraction(int(value.p), int(value.q)) if value.is_Rational else value

    def mean(self) -> object:
        """E[v] = integral of 1 - F over [0, 1], exactly."""
        import sympy as sp

        v = sp.Symbol("v", real=True)
        return sp.integrate(1 - sp.sympify(self.cdf_expr), (v, 0, 1))


def _value_function(expr: object):  # noqa: ANN202
    import sympy as sp

    key = sp.srepr(expr)
    if key not in _FUNCTIONS:
        _FUNCTIONS[key] = sp.lambdify(sp.Symbol("v", real=True), expr, modules="mpmath")
    return _FUNCTIONS[key]


_FUNCTIONS: dict[str, object] = {}

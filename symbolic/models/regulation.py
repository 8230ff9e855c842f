r"""The regulation model: firms with private cost types, Pareto weights, consumers' values.

Firm :math:`i` has cost :math:`\theta_i(q + \kappa_i)`, a type :math:`\theta_i \sim G_i` on
:math:`[\underline\theta_i, \bar\theta_i]` (any CDF: a density, atoms, or both), a Pareto weight
function :math:`\Lambda_i` (nondecreasing, right-continuous, :math:`0 \le \Lambda_i \le G_i`) and
a fixed-cost factor :math:`\kappa_i \ge 0`; consumers have unit demand and values
:math:`\mathbf v \sim F` (independent goods with marginal CDFs, or a finite joint distribution).

CDFs and weights are sympy expressions in the symbol :data:`x` (``Piecewise`` for pieces and
atoms); :func:`atoms_cdf` turns finitely many atoms into such an expression.  The rules are
checked exactly at every breakpoint and on a grid of rational points, and an error names the
firm, the point and the rule.

Paper: yz, section 2.1 (primitives) and Lemma 1 (Pareto weights).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import mpmath
import sympy as sp

from symbolic.models import decimal_hint, exact, parse_expression

__all__ = [
    "x",
    "parse_function",
    "atoms_cdf",
    "breakpoints",
    "branch",
    "evaluate",
    "Firm",
    "IndependentValues",
    "FiniteValues",
    "RegulationModel",
    "section51",
    "finite_example",
    "EXAMPLES",
    "OPT_OUT",
    "when",
    "PriceCompetition",
    "QuantityCompetition",
    "CaptiveShoppers",
    "EntryDeterrence",
    "ReverseAuction",
]

x = sp.Symbol("x", real=True)
"""The variable of every CDF and weight function (a type or a value)."""

_GRID = 32  # rational check points per support, besides the breakpoints


def parse_function(text: Any, field: str) -> sp.Expr:
    """A function of :data:`x` from a string (decimals read exactly) or a sympy expression.

    Parameters
    ----------
    text
        ``"x**2"``, ``"Piecewise((0, x < 1/2), (x, True))"``, a number, or a sympy expression.
    field
        The field's name, for error messages.

    Raises
    ------
    TypeError
        For a float or another type.
    ValueError
        For text that is not an expression in ``x`` alone.

    Examples
    --------
    >>> parse_function("0.25*x", "Lambda_1")
    x/4
    >>> parse_function("y + x", "G_1")
    Traceback (most recent call last):
    ...
    ValueError: G_1 may use only digits, x, + - * / ^ ( ) < > = , . and the names exp, log, sqrt, Piecewise, Min, Max, Abs, sin, cos, tan, atan, And, Or, pi, E, True, oo; got 'y + x'
    """
    if isinstance(text, float):
        raise TypeError(f"{field} must be exact; got float {text!r}: pass a fraction or a string")
    if isinstance(text, bool):
        raise TypeError(f"{field} must be an expression in x; got bool {text!r}")
    if isinstance(text, (int, Fraction)):
        return sp.Rational(text.numerator, text.denominator) if isinstance(text, Fraction) else sp.Integer(text)
    if isinstance(text, sp.Basic):
        expr = text
    elif isinstance(text, str):
        expr = parse_expression(text, "x", field).subs(sp.Symbol("x", real=True), x)
    else:
        raise TypeError(f"{field} must be an expression in x; got {type(text).__name__} {text!r}")
    if not isinstance(expr, sp.Expr):
        raise ValueError(f"{field} must be an expression in x; got {text!r}")
    extra = sorted(s.name for s in expr.free_symbols if s != x)
    if extra:
        raise ValueError(f"{field} must be an expression in x alone; got {text!r} with symbols {', '.join(extra)}")
    if expr.has(sp.Float):
        raise TypeError(f"{field} must be exact; {text!r} holds a float: pass a fraction")
    return expr


def atoms_cdf(atoms: Mapping[Any, Any], field: str = "G") -> sp.Piecewise:
    """The right-continuous step CDF of finitely many atoms ``{point: probability}``.

    Examples
    --------
    >>> atoms_cdf({"0": "1/2", "1": "1/2"})
    Piecewise((0, x < 0), (1/2, x < 1), (1, True))
    >>> atoms_cdf({"0": "1/2", "1": "1/3"})
    Traceback (most recent call last):
    ...
    ValueError: G atoms must have probabilities summing to 1; they sum to 5/6
    """
    if not atoms:
        raise ValueError(f"{field} atoms must hold at least one point")
    pairs = sorted((exact(p, f"{field} atom point"), exact(q, f"{field} atom probability at {p}")) for p, q in atoms.items())
    for p, q in pairs:
        if q <= 0:
            raise ValueError(f"{field} atom at x={p} has probability {q}; atoms need positive probabilities")
    total = sum(q for _, q in pairs)
    if total != 1:
        raise ValueError(f"{field} atoms must have probabilities summing to 1; they sum to {total}")
    args, cumulative = [], Fraction(0)
    for p, q in pairs:
        args.append((sp.Rational(cumulative.numerator, cumulative.denominator), x < sp.Rational(p.numerator, p.denominator)))
        cumulative += q
    args.append((sp.Integer(1), True))
    return sp.Piecewise(*args)


def breakpoints(expr: sp.Expr, lo: Any, hi: Any) -> list[sp.Rational]:
    """Sorted points of ``(lo, hi)`` where a Piecewise in ``expr`` may switch branch.

    Examples
    --------
    >>> breakpoints(atoms_cdf({"0": "1/2", "1/3": "1/4", "1": "1/4"}), 0, 1)
    [1/3]
    """
    points = set()
    for pw in expr.atoms(sp.Piecewise):
        for _, cond in pw.args:
            for rel in cond.atoms(sp.core.relational.Relational):
                for side in (rel.lhs, rel.rhs):
                    if side.is_number and side.is_real:
                        points.add(sp.nsimplify(side) if side.is_Float else side)
                solved = sp.solve(sp.Eq(rel.lhs, rel.rhs), x) if rel.has(x) and not (rel.lhs == x or rel.rhs == x) else []
                points.update(s for s in solved if s.is_real)
    lo, hi = sp.sympify(lo), sp.sympify(hi)
    return sorted((p for p in points if (p > lo) is sp.true and (p < hi) is sp.true), key=lambda p: float(p))


def branch(expr: sp.Expr, at: Any) -> sp.Expr:
    """``expr`` with every Piecewise replaced by its branch active at the point ``at``.

    Between two breakpoints this is the smooth expression valid on the whole open interval.

    Examples
    --------
    >>> branch(sp.Piecewise((x**2, x < 1), (1 - x, True)), sp.Rational(1, 2))
    x**2
    """
    at = sp.sympify(at)

    def pick(pw: sp.Piecewise) -> sp.Expr:
        for value, cond in pw.args:
            if cond is sp.true or sp.sympify(cond).subs(x, at) is sp.true:
                return value
        raise ValueError(f"no branch of {pw} holds at x={at}")

    return expr.replace(lambda e: isinstance(e, sp.Piecewise), pick)


def evaluate(expr: sp.Expr, t: Any) -> Any:
    """``expr`` at ``x = t``: exact for an exact ``t``, an ``mpf`` at the current precision for
    an ``mpf`` ``t`` (the expression tree is walked with mpmath, never lambdified).

    Examples
    --------
    >>> evaluate(sp.sqrt(x) / 3, Fraction(1, 4))
    1/6
    >>> with mpmath.workdps(30):
    ...     print(evaluate(sp.sqrt(x) / 3, mpmath.mpf(2)))
    0.471404520791031682933896241403
    """
    if isinstance(t, mpmath.mpf):
        return _mp(expr, t)
    value = sp.sympify(expr).subs(x, sp.Rational(t.numerator, t.denominator) if isinstance(t, Fraction) else t)
    return value


def _mp(e: Any, t: mpmath.mpf) -> Any:
    if e is sp.true or e is True:
        return True
    if e is sp.false or e is False:
        return False
    if e == x:
        return t
    if e.is_Rational:
        return mpmath.mpf(int(e.p)) / int(e.q)
    if e is sp.pi:
        return +mpmath.pi
    if e is sp.E:
        return mpmath.e()
    if isinstance(e, sp.Add):
        return mpmath.fsum(_mp(a, t) for a in e.args)
    if isinstance(e, sp.Mul):
        out = mpmath.mpf(1)
        for a in e.args:
            out *= _mp(a, t)
        return out
    if isinstance(e, sp.Pow):
        base, power = e.args
        if power.is_Integer:
            return _mp(base, t) ** int(power)
        return mpmath.power(_mp(base, t), _mp(power, t))
    if isinstance(e, sp.Piecewise):
        for value, cond in e.args:
            if _mp(cond, t):
                return _mp(value, t)
        raise ValueError(f"no branch of {e} holds at x={t}")
    if isinstance(e, sp.core.relational.Relational):
        a, b = _mp(e.lhs, t), _mp(e.rhs, t)
        return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b, "==": a == b, "!=": a != b}[e.rel_op]
    if isinstance(e, sp.And):
        return all(_mp(a, t) for a in e.args)
    if isinstance(e, sp.Or):
        return any(_mp(a, t) for a in e.args)
    functions = {sp.exp: mpmath.exp, sp.log: mpmath.log, sp.sin: mpmath.sin, sp.cos: mpmath.cos,
                 sp.Abs: abs, sp.Min: min, sp.Max: max}
    for fn, mfn in functions.items():
        if isinstance(e, fn):
            return mfn(*[_mp(a, t) for a in e.args])
    raise TypeError(f"cannot evaluate {type(e).__name__} {e} numerically")


def _exact_number(value: Any, field: str) -> sp.Rational:
    v = exact(value, field)
    return sp.Rational(v.numerator, v.denominator) if isinstance(v, Fraction) else sp.sympify(v)


def _check_points(expr_list: Sequence[sp.Expr], lo: sp.Rational, hi: sp.Rational) -> list[sp.Rational]:
    points = {lo, hi}
    for e in expr_list:
        points.update(breakpoints(e, lo, hi))
    points.update(lo + (hi - lo) * sp.Rational(k, _GRID) for k in range(1, _GRID))
    return sorted(points, key=lambda p: float(p))


def _show(v: Any) -> str:
    v = sp.nsimplify(v) if isinstance(v, sp.Float) else v
    return str(v)


@dataclass(frozen=True, slots=True)
class Firm:
    r"""One firm: type distribution :math:`G_i`, Pareto weights :math:`\Lambda_i`, :math:`\kappa_i`.

    Paper: yz, section 2.1 and Lemma 1.

    Parameters
    ----------
    G
        The CDF of the type: an expression in :data:`x` (string or sympy; Piecewise for pieces
        and atoms, right-continuous) or a mapping ``{point: probability}`` of atoms.
    support
        ``(lo, hi)`` with ``0 <= lo < hi``: :math:`G(lo^-) = 0`, :math:`G(hi) = 1`.
    Lambda
        The Pareto weights, an expression in :data:`x`: nondecreasing, right-continuous,
        ``0 <= Lambda <= G``.
    kappa
        The fixed-cost factor, ``kappa >= 0``.
    name
        The firm's index, used in messages (``G_2``, ``Lambda_2``).

    Raises
    ------
    ValueError
        Naming the firm, the point and the rule that fails.
    TypeError
        For floats.

    Examples
    --------
    >>> f = Firm("x", (0, 1), "x/2", 1)
    >>> f.G_at(Fraction(1, 3)), f.Lambda_at(Fraction(1, 3))
    (1/3, 1/6)
    >>> Firm("x", (0, 1), "Piecewise((0, x < 1/2), (x + 1/20, True))", 0, name="2")
    Traceback (most recent call last):
    ...
    ValueError: Lambda_2 exceeds G_2 at x=1/2 (Lambda=11/20, G=1/2); Pareto weights need 0 <= Lambda <= G
    """

    G: Any
    support: tuple[Any, Any]
    Lambda: Any
    kappa: Any = 0
    name: str = "1"

    def __post_init__(self) -> None:
        n = self.name
        if not isinstance(self.support, (tuple, list)) or len(self.support) != 2:
            raise ValueError(f"support of firm {n} must be a pair [lo, hi]; got {self.support!r}")
        lo = _exact_number(self.support[0], f"support of firm {n}")
        hi = _exact_number(self.support[1], f"support of firm {n}")
        if not (sp.Integer(0) <= lo < hi):
            raise ValueError(f"support of firm {n} must satisfy 0 <= lo < hi; got [{lo}, {hi}]")
        object.__setattr__(self, "support", (lo, hi))
        G = atoms_cdf(self.G, f"G_{n}") if isinstance(self.G, Mapping) else parse_function(self.G, f"G_{n}")
        Lam = parse_function(self.Lambda, f"Lambda_{n}")
        object.__setattr__(self, "G", G)
        object.__setattr__(self, "Lambda", Lam)
        kappa = _exact_number(self.kappa, f"kappa_{n}")
        if kappa < 0:
            raise ValueError(f"kappa_{n} must be >= 0; got {kappa}")
        object.__setattr__(self, "kappa", kappa)
        self._validate(lo, hi, G, Lam)

    def _validate(self, lo: sp.Rational, hi: sp.Rational, G: sp.Expr, Lam: sp.Expr) -> None:
        n = self.name
        points = _check_points([G, Lam], lo, hi)
        if G.subs(x, hi) != 1:
            raise ValueError(f"G_{n} must reach 1 at the top of the support: G_{n}({hi}) = {_show(G.subs(x, hi))}")
        below_top = [p for p in points if p < hi]
        if below_top and (G.subs(x, below_top[-1]) >= 1) is sp.true:
            early = next(p for p in below_top if (G.subs(x, p) >= 1) is sp.true)
            raise ValueError(f"support of firm {n} must end where G_{n} reaches 1; G_{n}({early}) = 1 "
                             f"but the support ends at {hi}")
        previous_g = previous_l = None
        for p in points:
            g, lam = G.subs(x, p), Lam.subs(x, p)
            if not (g.is_real and lam.is_real):
                raise ValueError(f"G_{n} and Lambda_{n} must be real at x={p}; got G={g}, Lambda={lam}")
            if (g < 0) is sp.true or (g > 1) is sp.true:
                raise ValueError(f"G_{n} must lie in [0, 1]; G_{n}({p}) = {_show(g)}")
            if previous_g is not None and (g < previous_g) is sp.true:
                raise ValueError(f"G_{n} must be nondecreasing; it falls to {_show(g)} at x={p}")
            if (lam < 0) is sp.true:
                raise ValueError(f"Lambda_{n} is negative at x={p} (Lambda={_show(lam)}); Pareto weights need 0 <= Lambda <= G")
            if (lam > g) is sp.true:
                raise ValueError(f"Lambda_{n} exceeds G_{n} at x={p} (Lambda={_show(lam)}, G={_show(g)}); "
                                 f"Pareto weights need 0 <= Lambda <= G")
            if previous_l is not None and (lam < previous_l) is sp.true:
                raise ValueError(f"Lambda_{n} must be nondecreasing; it falls to {_show(lam)} at x={p}")
            previous_g, previous_l = g, lam
        for name, expr in ((f"G_{n}", G), (f"Lambda_{n}", Lam)):
            for b in breakpoints(expr, lo, hi) + [lo]:
                right = self._right_limit(expr, b, hi)
                if sp.simplify(expr.subs(x, b) - right) != 0:
                    raise ValueError(f"{name} must be right-continuous; at x={b} it is {_show(expr.subs(x, b))} "
                                     f"but its right limit is {_show(right)}")

    @staticmethod
    def _right_limit(expr: sp.Expr, b: sp.Rational, hi: sp.Rational) -> sp.Expr:
        return branch(expr, b + (hi - b) / 10**6).subs(x, b) if expr.has(sp.Piecewise) else expr.subs(x, b)

    # -- evaluation ------------------------------------------------------------------------
    def G_at(self, t: Any) -> Any:
        """G(t): exact for exact ``t``, ``mpf`` for ``mpf`` ``t``."""
        return evaluate(self.G, t)

    def Lambda_at(self, t: Any) -> Any:
        """Lambda(t): exact for exact ``t``, ``mpf`` for ``mpf`` ``t``."""
        return evaluate(self.Lambda, t)

    def G_left(self, t: Any) -> Any:
        """The left limit G(t^-) at an exact point (0 at or below the bottom of the support)."""
        lo = self.support[0]
        t = sp.sympify(t)
        if (t <= lo) is sp.true:
            return sp.Integer(0)
        return branch(self.G, t - (t - lo) / 10**6).subs(x, t) if self.G.has(sp.Piecewise) else self.G.subs(x, t)

    def atoms(self) -> list[tuple[sp.Rational, sp.Rational]]:
        """The atoms of G as ``(point, mass)``, in increasing order.

        Examples
        --------
        >>> Firm({"0": "1/2", "1": "1/2"}, (0, 1), "0").atoms()
        [(0, 1/2), (1, 1/2)]
        """
        lo, hi = self.support
        out = []
        for b in [lo, *breakpoints(self.G, lo, hi), hi]:
            jump = sp.simplify(self.G.subs(x, b) - self.G_left(b))
            if jump != 0:
                out.append((b, jump))
        return out


@dataclass(frozen=True, slots=True)
class IndependentValues:
    """Consumers' values, independent across goods, each with a marginal CDF on ``support``.

    Examples
    --------
    >>> IndependentValues(("x", "x"), (0, 1)).cdfs
    (x, x)
    """

    cdfs: tuple[Any, ...]
    support: tuple[Any, Any]

    def __post_init__(self) -> None:
        lo = _exact_number(self.support[0], "value_support")
        hi = _exact_number(self.support[1], "value_support")
        if not (0 <= lo < hi):
            raise ValueError(f"value_support must satisfy 0 <= lo < hi; got [{lo}, {hi}]")
        object.__setattr__(self, "support", (lo, hi))
        cdfs = tuple(parse_function(c, f"values[{k}]") for k, c in enumerate(self.cdfs, 1))
        if not cdfs:
            raise ValueError("values must hold one CDF per good; got none")
        for k, F in enumerate(cdfs, 1):
            previous = None
            for p in _check_points([F], lo, hi):
                v = F.subs(x, p)
                if (v < 0) is sp.true or (v > 1) is sp.true or (previous is not None and (v < previous) is sp.true):
                    raise ValueError(f"values[{k}] must be a CDF (nondecreasing in [0, 1]); at x={p} it is {_show(v)}")
                previous = v
            if F.subs(x, hi) != 1:
                raise ValueError(f"values[{k}] must reach 1 at the top of value_support; F({hi}) = {_show(F.subs(x, hi))}")
        object.__setattr__(self, "cdfs", cdfs)

    @property
    def n(self) -> int:
        """The number of goods."""
        return len(self.cdfs)


@dataclass(frozen=True, slots=True)
class FiniteValues:
    """A finite joint distribution of value vectors: ``profiles[k]`` has probability ``probs[k]``.

    Examples
    --------
    >>> FiniteValues(((1, 0), (0, 1)), ("1/2", "1/3"))
    Traceback (most recent call last):
    ...
    ValueError: value probs must sum to 1; they sum to 5/6
    """

    profiles: tuple[tuple[Any, ...], ...]
    probs: tuple[Any, ...]

    def __post_init__(self) -> None:
        if len(self.profiles) != len(self.probs) or not self.profiles:
            raise ValueError(f"values need one probability per profile; got {len(self.profiles)} profiles and {len(self.probs)} probabilities")
        profiles = tuple(tuple(exact(v, f"value profile {k}") for v in row) for k, row in enumerate(self.profiles, 1))
        if len({len(r) for r in profiles}) != 1:
            raise ValueError("value profiles must all have the same length (one value per good)")
        for k, row in enumerate(profiles, 1):
            if any(v < 0 for v in row):
                raise ValueError(f"value profile {k} has a negative value; values lie in R_+^N")
        probs = tuple(exact(p, f"value prob {k}") for k, p in enumerate(self.probs, 1))
        if any(p < 0 for p in probs):
            raise ValueError("value probs must be nonnegative")
        if sum(probs) != 1:
            raise ValueError(f"value probs must sum to 1; they sum to {sum(probs)}{decimal_hint(list(self.probs))}")
        object.__setattr__(self, "profiles", profiles)
        object.__setattr__(self, "probs", probs)

    @property
    def n(self) -> int:
        """The number of goods."""
        return len(self.profiles[0])


@dataclass(frozen=True, slots=True)
class RegulationModel:
    """Firms and consumers: the primitives of the regulation problem (one good per firm).

    Examples
    --------
    >>> m = RegulationModel((Firm("x", (0, 1), "x", 1, "1"),), IndependentValues(("x", "x"), (0, 1)))
    Traceback (most recent call last):
    ...
    ValueError: values describe 2 goods but the model has 1 firms; one good per firm
    """

    firms: tuple[Firm, ...]
    values: IndependentValues | FiniteValues

    def __post_init__(self) -> None:
        firms = tuple(self.firms)
        if not firms:
            raise ValueError("firms must hold at least one firm")
        if not all(isinstance(f, Firm) for f in firms):
            raise TypeError("firms must be Firm objects")
        if self.values.n != len(firms):
            raise ValueError(f"values describe {self.values.n} goods but the model has {len(firms)} firms; one good per firm")
        object.__setattr__(self, "firms", firms)


def section51(Lambda: str = "x", kappa: Any = 1) -> RegulationModel:
    """The example of yz, section 5.1: two firms, values and types U[0, 1], kappa = 1, Lambda(x) = x.

    Examples
    --------
    >>> m = section51()
    >>> [f.kappa for f in m.firms], m.values.cdfs
    ([1, 1], (x, x))
    """
    firms = tuple(Firm("x", (0, 1), Lambda, kappa, name=str(k)) for k in (1, 2))
    return RegulationModel(firms, IndependentValues(("x", "x"), (0, 1)))


EXAMPLES: dict[str, Firm] = {
    "jump_weights": Firm("x", (0, 1), "Piecewise((0, x < 1/2), (x, True))", 1, name="A"),
    "atom_on_top": Firm("Piecewise((x/2, x < 1), (1, True))", (0, 1), "0", 1, name="B"),
    "atoms": Firm({"0": "1/2", "1/2": "1/10", "1": "2/5"}, (0, 1), "Piecewise((0, x < 1/2), (3/5, True))", 1, name="C"),
}
"""Firms whose virtual cost needs ironing (yz, Lemma 3): uniform types with weights jumping
from 0 to G at 1/2 (psi falls from 1 to 1/2); a density with an atom on top; three atoms and
no density."""


def finite_example() -> RegulationModel:
    """A finite two-firm model (yz, problem (3) and Lemma 4): discrete types, step weights
    Lambda = G/2 (Baron--Myerson's alpha = 1/2 in the paper's parametrisation), kappa = 1/10,
    and four equally likely value profiles.

    Examples
    --------
    >>> m = finite_example()
    >>> [len(f.atoms()) for f in m.firms], m.values.n
    ([2, 3], 2)
    """
    firm1 = Firm({"1/4": "1/2", "3/4": "1/2"}, ("1/4", "3/4"), "Piecewise((0, x < 1/4), (1/4, x < 3/4), (1/2, True))", "1/10", "1")
    firm2 = Firm({"1/4": "1/3", "1/2": "1/3", "3/4": "1/3"}, ("1/4", "3/4"),
                 "Piecewise((0, x < 1/4), (1/6, x < 1/2), (1/3, x < 3/4), (1/2, True))", "1/10", "2")
    values = FiniteValues(((1, 0), (0, 1), (1, 1), (Fraction(1, 2), Fraction(3, 4))), ("1/4", "1/4", "1/4", "1/4"))
    return RegulationModel((firm1, firm2), values)


# -- the indirect mechanisms of section 2.3 and online appendix B.1 -----------------------------

OPT_OUT = "out"
"""The opt-out strategy s_0 that section 2.2 requires of every mechanism: no entry, no sales, no
revenue.  The printed examples do not list it; it is added to each strategy space here."""


def when(condition: Any, then: Any, otherwise: Any) -> Any:
    """``then`` if ``condition`` else ``otherwise``: a Python choice for decided conditions, a
    sympy Piecewise for conditions on symbols (one definition serves both sides).

    Examples
    --------
    >>> when(Fraction(1, 2) < 1, 1, 0), when(x < 1, 1, 0)
    (1, Piecewise((1, x < 1), (0, True)))
    """
    if isinstance(condition, bool):
        return then if condition else otherwise
    condition = sp.sympify(condition)
    if condition is sp.true:
        return then
    if condition is sp.false:
        return otherwise
    return sp.Piecewise((then, condition), (otherwise, True))


def _all(conditions: list[Any]) -> Any:
    if all(isinstance(c, bool) for c in conditions):
        return all(conditions)
    return sp.And(*conditions)


def _best(v: tuple[Any, ...], s: tuple[Any, ...], i: int, among: tuple[int, ...]) -> tuple[Any, Any]:
    """(i maximises v_j - s_j among ``among``, the number of maximisers) -- the count is 1 for
    symbolic values (ties have probability zero)."""
    conds = [v[i] - s[i] >= v[j] - s[j] for j in among if j != i]
    symbolic = any(not isinstance(c, bool) for c in conds)
    if symbolic:
        return _all(conds), 1
    top = max(v[j] - s[j] for j in among)
    return _all(conds), sum(1 for j in among if v[j] - s[j] == top)


@dataclass(frozen=True, slots=True)
class PriceCompetition:
    """Example 1: every firm enters, posts a price; consumers buy the best surplus if >= 0.

    Examples
    --------
    >>> PriceCompetition(2).allocation((Fraction(1), Fraction(1, 2)), (Fraction(1, 4), Fraction(1, 2)))
    (1, 0)
    """

    n: int

    def entry(self, s: tuple[Any, ...]) -> tuple[int, ...]:
        return tuple(0 if si == OPT_OUT else 1 for si in s)

    def allocation(self, v: tuple[Any, ...], s: tuple[Any, ...]) -> tuple[Any, ...]:
        active = tuple(j for j in range(self.n) if s[j] != OPT_OUT)
        out = []
        for i in range(self.n):
            if i not in active:
                out.append(0)
                continue
            best, count = _best(v, s, i, active)
            out.append(when(_all([best, v[i] >= s[i]]), sp.Rational(1, count) if count > 1 else 1, 0))
        return tuple(out)

    def revenue_price(self, s: tuple[Any, ...], i: int) -> Any:
        return 0 if s[i] == OPT_OUT else s[i]


@dataclass(frozen=True, slots=True)
class CaptiveShoppers:
    """Example 3: firm i has a share gamma_i of captive consumers; the rest shop around."""

    gammas: tuple[Any, ...]

    def __post_init__(self) -> None:
        gammas = tuple(exact(g, f"gamma_{k}") for k, g in enumerate(self.gammas, 1))
        if any(g < 0 for g in gammas) or sum(gammas) > 1:
            raise ValueError(f"captive shares need gamma_i >= 0 with sum <= 1; got {', '.join(map(str, gammas))}")
        object.__setattr__(self, "gammas", gammas)

    @property
    def n(self) -> int:
        return len(self.gammas)

    def entry(self, s: tuple[Any, ...]) -> tuple[int, ...]:
        return tuple(0 if si == OPT_OUT else 1 for si in s)

    def allocation(self, v: tuple[Any, ...], s: tuple[Any, ...]) -> tuple[Any, ...]:
        active = tuple(j for j in range(self.n) if s[j] != OPT_OUT)
        shoppers = 1 - sum(self.gammas)
        out = []
        for i in range(self.n):
            if i not in active:
                out.append(0)
                continue
            best, count = _best(v, s, i, active)
            g = sp.Rational(self.gammas[i].numerator, self.gammas[i].denominator)
            share = g + shoppers * when(best, sp.Rational(1, count), 0)
            out.append(when(v[i] >= s[i], share, 0))
        return tuple(out)

    def revenue_price(self, s: tuple[Any, ...], i: int) -> Any:
        return 0 if s[i] == OPT_OUT else s[i]


@dataclass(frozen=True, slots=True)
class ReverseAuction:
    """Example 5: the lowest bids win and sell to every consumer who values them above the bid."""

    n: int

    def entry(self, s: tuple[Any, ...]) -> tuple[int, ...]:
        return tuple(0 if si == OPT_OUT else 1 for si in s)

    def allocation(self, v: tuple[Any, ...], s: tuple[Any, ...]) -> tuple[Any, ...]:
        active = [j for j in range(self.n) if s[j] != OPT_OUT]
        low = min(s[j] for j in active) if active else None
        winners = [j for j in active if s[j] == low]
        return tuple(when(v[i] >= s[i], sp.Rational(1, len(winners)), 0) if i in winners else 0 for i in range(self.n))

    def revenue_price(self, s: tuple[Any, ...], i: int) -> Any:
        return 0 if s[i] == OPT_OUT else s[i]


@dataclass(frozen=True, slots=True)
class QuantityCompetition:
    """Example 2 (values independent U[0,1]): firms choose quantities; with total Q <= 1 every
    firm sells at the common price p with Pr(v_j >= p for all j) = Q, i.e. p = 1 - Q^(1/n);
    with Q > 1 each firm sells s_i/Q at price 0."""

    n: int

    def entry(self, s: tuple[Any, ...]) -> tuple[int, ...]:
        return tuple(0 if si == OPT_OUT else 1 for si in s)

    def price(self, s: tuple[Any, ...]) -> Any:
        total = sum((si for si in s if si != OPT_OUT), 0)
        if total > 1 or total == 0:
            return 0
        return 1 - sp.Pow(sp.Rational(total.numerator, total.denominator) if isinstance(total, Fraction) else total,
                          sp.Rational(1, self.n))

    def allocation(self, v: tuple[Any, ...], s: tuple[Any, ...]) -> tuple[Any, ...]:
        q = [0 if si == OPT_OUT else si for si in s]
        total = sum(q)
        if total == 0:
            return tuple(0 for _ in q)
        p = self.price(s)
        everyone = _all([vj >= p for vj in v])
        return tuple(when(everyone, sp.Rational(qi.numerator, qi.denominator) / sp.Rational(total.numerator, total.denominator)
                          if isinstance(qi, Fraction) else qi / total, 0) if qi else 0 for qi in q)

    def revenue_price(self, s: tuple[Any, ...], i: int) -> Any:
        return 0 if s[i] == OPT_OUT else self.price(s)


@dataclass(frozen=True, slots=True)
class EntryDeterrence:
    """Online appendix B.1: firm 1 (the incumbent) posts a price; firm 2's strategy is an entry
    rule and a price, both functions of firm 1's price (here: enter at prices >= ``threshold``,
    undercut by ``undercut``); the entrants then compete on price."""

    threshold: Any
    undercut: Any

    @property
    def n(self) -> int:
        return 2

    def _prices(self, s: tuple[Any, ...]) -> tuple[Any, ...]:
        p1 = s[0]
        if p1 == OPT_OUT:
            return (OPT_OUT, OPT_OUT if s[1] == OPT_OUT else Fraction(0))
        enter = s[1] != OPT_OUT and p1 >= self.threshold
        return (p1, p1 - self.undercut if enter else OPT_OUT)

    def entry(self, s: tuple[Any, ...]) -> tuple[int, ...]:
        return tuple(0 if p == OPT_OUT else 1 for p in self._prices(s))

    def allocation(self, v: tuple[Any, ...], s: tuple[Any, ...]) -> tuple[Any, ...]:
        return PriceCompetition(2).allocation(v, self._prices(s))

    def revenue_price(self, s: tuple[Any, ...], i: int) -> Any:
        p = self._prices(s)[i]
        return 0 if p == OPT_OUT else p

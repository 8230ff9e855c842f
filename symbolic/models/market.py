r"""Finite markets of bbm, sections I--II, and the objects of the Theorem 1 construction.

A finite prior :math:`\mu` puts exact probabilities on finitely many profiles
:math:`(v_1, \dots, v_N, c_1, \dots, c_N)` of values and costs.  The construction of
appendix A1 adds signals: a public part (the efficient producer k, its cost and a segment x
of its residual distribution) and a private alert :math:`l_j \in \{0, 1\}`; runner-ups with an
alert randomise just above cost with a :class:`RunnerUpMixing`.  These are data: the
derivations that build them are in :mod:`symbolic.alignment` and :mod:`numeric.alignment`,
which both assemble their own ingredients with :func:`assemble`.

Paper: bbm, section I (model), appendix A1 (proof of Theorem 1).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from symbolic.models import exact, decimal_hint

__all__ = [
    "FiniteMarket",
    "RunnerUpMixing",
    "Segment",
    "Segmentation",
    "Cell",
    "ProfileFacts",
    "InformationStructure",
    "assemble",
    "instance",
]


_ONE, _ZERO = Fraction(1), Fraction(0)


def _fraction(value: Any, name: str) -> Fraction:
    """An exact rational (sympy Rationals become Fractions), refusing floats and symbols."""
    out = exact(value, name)
    if not isinstance(out, Fraction):
        if getattr(out, "is_Rational", False):
            return Fraction(int(out.p), int(out.q))
        raise TypeError(f"{name} must be a rational number; got {type(out).__name__} {out!r}")
    return out


@dataclass(frozen=True, slots=True)
class FiniteMarket:
    r"""A finite prior over values and costs [bbm, section I].

    Paper: bbm, section I (the measure :math:`\mu(dv, dc)` with finite support).

    Parameters
    ----------
    values, costs
        One row per profile, each of length N (the number of producers, N >= 1): exact
        nonnegative numbers (int, Fraction, sympy Rational or strings like ``"1/2"``).
    probs
        One probability per profile: nonnegative, summing to exactly 1.

    Raises
    ------
    ValueError
        For an empty market, rows of different lengths, a negative value, cost or
        probability, probabilities that do not sum to 1, or a repeated profile (repeated
        profiles are refused, not merged: add their probabilities into one row).
    TypeError
        For floats or non-numbers.

    Examples
    --------
    >>> m = FiniteMarket.from_profiles([((4, 1), (0, 1), "1/2"), ((1, 4), (1, 0), "1/2")])
    >>> m.producers, len(m), m.probs
    (2, 2, (Fraction(1, 2), Fraction(1, 2)))
    >>> FiniteMarket(((1,), (2,)), ((0,), (0,)), ("1/2", "1/3"))
    Traceback (most recent call last):
    ...
    ValueError: probs must sum to 1; they sum to 5/6
    """

    values: tuple[tuple[Fraction, ...], ...]
    costs: tuple[tuple[Fraction, ...], ...]
    probs: tuple[Fraction, ...]

    def __post_init__(self) -> None:
        for name in ("values", "costs", "probs"):
            if isinstance(getattr(self, name), (str, bytes)) or not isinstance(getattr(self, name), Sequence):
                raise TypeError(f"{name} must be a sequence; got {type(getattr(self, name)).__name__}")
        if not self.probs:
            raise ValueError("a market needs at least one profile; got none")
        if not (len(self.values) == len(self.costs) == len(self.probs)):
            raise ValueError(
                f"values, costs and probs need one entry per profile; got {len(self.values)}, "
                f"{len(self.costs)} and {len(self.probs)}"
            )
        rows: dict[str, tuple[tuple[Fraction, ...], ...]] = {}
        n = None
        for name in ("values", "costs"):
            out = []
            for k, row in enumerate(getattr(self, name)):
                if isinstance(row, (str, bytes)) or not isinstance(row, Sequence):
                    raise TypeError(f"{name}[{k}] must be a sequence of numbers; got {type(row).__name__}")
                n = len(row) if n is None else n
                if len(row) != n or n == 0:
                    raise ValueError(
                        f"every profile needs one {name[:-1]} per producer: {name}[{k}] has {len(row)} "
                        f"entries, expected {n if n else 'at least 1'}"
                    )
                converted = tuple(_fraction(x, f"{name}[{k}][{j}]") for j, x in enumerate(row))
                for j, x in enumerate(converted):
                    if x < 0:
                        raise ValueError(f"{name} must be nonnegative; {name}[{k}][{j}] = {x}")
                out.append(converted)
            rows[name] = tuple(out)
        probs = tuple(_fraction(x, f"probs[{k}]") for k, x in enumerate(self.probs))
        for k, x in enumerate(probs):
            if x < 0:
                raise ValueError(f"probs must be nonnegative; probs[{k}] = {x}")
        if sum(probs) != 1:
            raise ValueError(f"probs must sum to 1; they sum to {sum(probs)}{decimal_hint(list(self.probs))}")
        seen: dict[tuple, int] = {}
        for k, key in enumerate(zip(rows["values"], rows["costs"])):
            if key in seen:
                raise ValueError(
                    f"profiles must be distinct; profile {k} repeats profile {seen[key]} "
                    f"(v={_show(key[0])}, c={_show(key[1])}): merge them by adding their probabilities"
                )
            seen[key] = k
        object.__setattr__(self, "values", rows["values"])
        object.__setattr__(self, "costs", rows["costs"])
        object.__setattr__(self, "probs", probs)

    @property
    def producers(self) -> int:
        """N, the number of producers."""
        return len(self.values[0])

    def __len__(self) -> int:
        return len(self.probs)

    def profiles(self) -> Iterator[tuple[tuple[Fraction, ...], tuple[Fraction, ...], Fraction]]:
        """``(v, c, probability)`` for every profile, in order."""
        return iter(zip(self.values, self.costs, self.probs))

    @classmethod
    def from_profiles(cls, profiles: Sequence[tuple[Sequence[Any], Sequence[Any], Any]]) -> FiniteMarket:
        """A market from ``(v, c, p)`` triples."""
        rows = list(profiles)
        return cls(tuple(tuple(v) for v, _, _ in rows), tuple(tuple(c) for _, c, _ in rows),
                   tuple(p for _, _, p in rows))

    @classmethod
    def from_json(cls, data: Any) -> FiniteMarket:
        """A market from ``{"producers": N, "profiles": [{"v": [...], "c": [...], "p": "1/16"}, ...]}``.

        Probabilities and numbers may be integers or fraction strings; a float is refused.

        Examples
        --------
        >>> FiniteMarket.from_json({"producers": 1, "profiles": [{"v": [2], "c": [0], "p": 1}]}).values
        ((Fraction(2, 1),),)
        >>> FiniteMarket.from_json({"producers": 2, "profiles": [{"v": [2], "c": [0], "p": 1}]})
        Traceback (most recent call last):
        ...
        ValueError: profiles[0].v must have one entry per producer (producers = 2); got 1
        """
        if not isinstance(data, Mapping):
            raise TypeError(f"the prior must be a JSON object with keys 'producers' and 'profiles'; got {type(data).__name__}")
        for key in ("producers", "profiles"):
            if key not in data:
                raise ValueError(f"the prior needs the key '{key}'")
        n = data["producers"]
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise ValueError(f"producers must be a whole number >= 1; got {n!r}")
        rows = data["profiles"]
        if not isinstance(rows, list) or not rows:
            raise ValueError("profiles must be a nonempty list of {\"v\": [...], \"c\": [...], \"p\": ...}")
        triples = []
        for k, row in enumerate(rows):
            if not isinstance(row, Mapping):
                raise TypeError(f"profiles[{k}] must be an object with keys v, c and p; got {type(row).__name__}")
            for key in ("v", "c", "p"):
                if key not in row:
                    raise ValueError(f"profiles[{k}] needs the key '{key}'")
            for key in ("v", "c"):
                if not isinstance(row[key], list):
                    raise TypeError(f"profiles[{k}].{key} must be a list of numbers; got {type(row[key]).__name__}")
                if len(row[key]) != n:
                    raise ValueError(f"profiles[{k}].{key} must have one entry per producer (producers = {n}); "
                                     f"got {len(row[key])}")
            triples.append((
                [_fraction(x, f"profiles[{k}].v[{j}]") for j, x in enumerate(row["v"])],
                [_fraction(x, f"profiles[{k}].c[{j}]") for j, x in enumerate(row["c"])],
                _fraction(row["p"], f"profiles[{k}].p"),
            ))
        return cls.from_profiles(triples)


def _show(row: Sequence[Fraction]) -> str:
    return "(" + ", ".join(str(x) for x in row) + ")"


@dataclass(frozen=True, slots=True)
class RunnerUpMixing:
    r"""A runner-up's randomisation above cost: its price is :math:`c_j + \varepsilon`.

    The survival function of the markup is
    :math:`\Pr(\varepsilon > e) = \min\{1, \max\{0, (A/(B + e) - C)/D\}\}` for
    :math:`0 \le e < w` and 0 for :math:`e \ge w`: an atom of size
    :math:`1 - \Pr(\varepsilon > 0)` at cost (none in the constructions here) and an atom
    at the top :math:`w` of the size of the survival just below it.

    Paper: bbm, appendix A1 (the randomisation of producers with :math:`l_i = 1`).

    Examples
    --------
    >>> m = RunnerUpMixing(width=Fraction(1), numerator=1, offset=1, subtract=0, scale=1)
    >>> m.survival(0), m.survival(Fraction(1, 2)), m.survival(1), m.atom(1)
    (Fraction(1, 1), Fraction(2, 3), Fraction(0, 1), Fraction(1, 2))
    """

    width: Fraction
    numerator: Fraction
    offset: Fraction
    subtract: Fraction
    scale: Fraction

    def __post_init__(self) -> None:
        for name in ("width", "numerator", "offset", "subtract", "scale"):
            object.__setattr__(self, name, _fraction(getattr(self, name), name))
        if self.width <= 0 or self.offset <= 0 or self.scale <= 0:
            raise ValueError(f"a mixing needs width, offset and scale > 0; got width={self.width}, "
                             f"offset={self.offset}, scale={self.scale}")

    def _formula(self, e: Fraction) -> Fraction:
        value = (self.numerator / (self.offset + e) - self.subtract) / self.scale
        return _ONE if value >= 1 else (_ZERO if value <= 0 else value)

    def survival(self, e: Fraction) -> Fraction:
        """Pr(markup > e)."""
        if e < 0:
            return _ONE
        if e >= self.width:
            return _ZERO
        return self._formula(e)

    def atom(self, e: Fraction) -> Fraction:
        """Pr(markup = e): at 0 (if the formula starts below 1) and at the top ``width``."""
        if e == 0:
            return 1 - self._formula(_ZERO)
        if e == self.width:
            return self._formula(e)
        return _ZERO

    def kinks(self) -> tuple[Fraction, ...]:
        """Markups in (0, width) where the survival formula leaves 1 or reaches 0."""
        out = []
        for level in (Fraction(1), Fraction(0)):
            denominator = level * self.scale + self.subtract
            if denominator > 0:
                e = self.numerator / denominator - self.offset
                if 0 < e < self.width:
                    out.append(e)
        return tuple(sorted(set(out)))


@dataclass(frozen=True, slots=True)
class Segment:
    """A market segment x: residual points (increasing) and their probabilities (sum 1)."""

    points: tuple[Fraction, ...]
    masses: tuple[Fraction, ...]

    @property
    def lowest(self) -> Fraction:
        """min supp x."""
        return self.points[0]

    def upper_mass(self, price: Fraction) -> Fraction:
        """x([price, infinity))."""
        return sum((m for r, m in zip(self.points, self.masses) if r >= price), Fraction(0))


@dataclass(frozen=True, slots=True)
class Segmentation:
    """A segmentation of the residual distribution of producer ``producer`` with cost ``cost``.

    ``price`` is :math:`p_i^*(c_i)`; ``weights[t]`` is the weight of ``segments[t]``; a
    segment at the cost itself (ties) has ``points == (cost,)``.
    """

    producer: int
    cost: Fraction
    price: Fraction
    segments: tuple[Segment, ...]
    weights: tuple[Fraction, ...]


@dataclass(frozen=True, slots=True)
class Cell:
    """One atom of the joint distribution of (profile, signals).

    ``signal`` is ``None`` for the signal 0 (no producer is efficient) or
    ``(k, c_k, t)``: producer k efficient, its cost, segment t of its segmentation;
    ``alerts[j]`` is :math:`l_j`.
    """

    profile: int
    signal: tuple[int, Fraction, int] | None
    alerts: tuple[int, ...]
    weight: Fraction


@dataclass(frozen=True, slots=True)
class ProfileFacts:
    """What each side derives about one profile before assembly.

    ``efficient``: producers in W at cost prices (empty when nobody is); ``residual``:
    :math:`r_k` of each efficient producer k; ``binding``: for each efficient k, the rivals
    j whose :math:`v_k - v_j + c_j` attains :math:`r_k`; ``outside_binds``: for each k,
    whether :math:`r_k = v_k` (the consumer's outside option attains the residual).
    """

    efficient: tuple[int, ...]
    residual: Mapping[int, Fraction]
    binding: Mapping[int, tuple[int, ...]]
    outside_binds: Mapping[int, bool]


@dataclass(frozen=True)
class InformationStructure:
    r"""Signals and strategies: the information structure and strategy profile of Theorem 1.

    ``strategies[(signal, i, l_i, c_i)]`` is producer i's price (a ``Fraction``) or its
    :class:`RunnerUpMixing` (the price is :math:`c_i + \varepsilon`).
    """

    market: FiniteMarket
    cells: tuple[Cell, ...]
    strategies: Mapping[tuple[Any, int, int, Fraction], Fraction | RunnerUpMixing]
    segmentations: Mapping[tuple[int, Fraction], Segmentation] = field(default_factory=dict)
    mixing: str = "derived"


def _mixing(segment: Segment, cost: Fraction, alerted_mass: Fraction, rule: str) -> RunnerUpMixing:
    r"""The alerted runner-ups' randomisation in a segment with an atom at its lowest point.

    ``"printed"``: appendix A1's distribution, :math:`\Pr(\varepsilon > e) = (\underline r - c_k)
    /(\underline r - c_k + e)` on :math:`[0, (\hat r - \underline r)/2)`, from the indifference of
    the efficient producer over the consumers at :math:`\underline r` alone.  ``"derived"``: the
    indifference over the whole segment, :math:`(\underline r - c_k + e)(M + a\Pr(\varepsilon > e))
    = \underline r - c_k`, with M the segment's mass above :math:`\underline r` and a the mass at
    :math:`\underline r` that an alert can win; it reaches 0 at :math:`e = \hat r - \underline r`.
    A one-point segment has no :math:`\hat r`: both rules then stop at
    :math:`w = \underline r - c_k` with an atom there.
    """
    low = segment.lowest
    gap = (segment.points[1] - low) if len(segment.points) > 1 else None
    base = low - cost
    if rule == "printed":
        width = gap / 2 if gap is not None else base
        return RunnerUpMixing(width, base, base, 0, 1)
    if rule == "derived":
        above = 1 - segment.masses[0]
        width = gap if gap is not None else base
        return RunnerUpMixing(width, base, base, above, alerted_mass)
    raise ValueError(f"mixing must be 'printed' or 'derived'; got {rule!r}")


def assemble(
    market: FiniteMarket,
    facts: Sequence[ProfileFacts],
    segmentations: Mapping[tuple[int, Fraction], Segmentation],
    mixing: str = "derived",
) -> InformationStructure:
    r"""Assemble the appendix A1 information structure from per-profile facts and segmentations.

    Profiles with no efficient producer go to signal 0.  A profile with efficient producers
    W is split uniformly over k in W (the measure :math:`q_k(v, c)\mu`); its share is split over
    the segments of :math:`(k, c_k)` containing its residual in proportion to
    :math:`\sigma(x)\,x(r_k)/\nu(r_k)` (the disintegration :math:`\gamma`).  In a segment whose
    lowest point :math:`\underline r > c_k` is an atom, every rival attaining
    :math:`\underline r` in the profile gets an alert.  Strategies: k prices at
    :math:`\underline r`; an alerted rival mixes (rule ``mixing``); any other producer prices at cost.

    Paper: bbm, appendix A1.
    """
    n = market.producers
    cells: list[Cell] = []
    strategies: dict[tuple[Any, int, int, Fraction], Fraction | RunnerUpMixing] = {}
    # nu(r | k, c_k) in units of prior probability, to split profiles over segments
    totals: dict[tuple[int, Fraction, Fraction], Fraction] = {}
    for f, c, p in zip(facts, market.costs, market.probs):
        if p == 0:
            continue  # a profile of probability zero carries no mass in any signal
        for k in f.efficient:
            key = (k, c[k], f.residual[k])
            totals[key] = totals.get(key, Fraction(0)) + p / len(f.efficient)
    eta: dict[tuple[int, Fraction], Fraction] = {}
    for (k, ck, _), mass in totals.items():
        eta[(k, ck)] = eta.get((k, ck), Fraction(0)) + mass
    alerted: dict[tuple[int, Fraction, int], Fraction] = {}
    pending: list[tuple[int, tuple[int, Fraction, int], tuple[int, ...], Fraction]] = []
    for index, (f, c, p) in enumerate(zip(facts, market.costs, market.probs)):
        if p == 0:
            continue
        if not f.efficient:
            cells.append(Cell(index, None, (0,) * n, p))
            continue
        for k in f.efficient:
            r = f.residual[k]
            seg = segmentations[(k, c[k])]
            share = p / len(f.efficient)
            for t, (x, w) in enumerate(zip(seg.segments, seg.weights)):
                if r not in x.points:
                    continue
                mass = x.masses[x.points.index(r)]
                weight = share * w * mass * eta[(k, c[k])] / totals[(k, c[k], r)]
                if weight == 0:
                    continue
                alerts = [0] * n
                if r == x.lowest and r > c[k]:
                    for j in f.binding[k]:
                        alerts[j] = 1
                    if not f.outside_binds[k]:
                        alerted[(k, c[k], t)] = alerted.get((k, c[k], t), Fraction(0)) + weight
                pending.append((index, (k, c[k], t), tuple(alerts), weight))
    for index, signal, alerts, weight in pending:
        cells.append(Cell(index, signal, alerts, weight))
    for cell in cells:
        c = market.costs[cell.profile]
        for j in range(n):
            key = (cell.signal, j, cell.alerts[j], c[j])
            if key in strategies:
                continue
            if cell.signal is not None and cell.signal[0] == j:
                seg = segmentations[(j, c[j])]
                strategies[key] = seg.segments[cell.signal[2]].lowest
            elif cell.alerts[j]:
                k, ck, t = cell.signal
                seg = segmentations[(k, ck)]
                x = seg.segments[t]
                segment_mass = seg.weights[t]
                a = alerted.get((k, ck, t), Fraction(0)) / (segment_mass * eta[(k, ck)])
                strategies[key] = _mixing(x, ck, a if a > 0 else x.masses[0], mixing)
            else:
                strategies[key] = c[j]
    return InformationStructure(market, tuple(cells), strategies, dict(segmentations), mixing)



def _independent(levels: Sequence[tuple[Sequence[Any], Sequence[Any]]]) -> FiniteMarket:
    """Independent uniform (v_i, c_i) over the given value and cost levels of each producer."""
    from itertools import product

    per_producer = [list(product(vs, cs)) for vs, cs in levels]
    count = 1
    for options in per_producer:
        count *= len(options)
    rows = [(tuple(v for v, _ in combo), tuple(c for _, c in combo), Fraction(1, count))
            for combo in product(*per_producer)]
    return FiniteMarket.from_profiles(rows)


def instance(name: str) -> FiniteMarket:
    r"""A named instance used by the claims and the tests.

    ``"example1"``: bbm's Example 1, two producers, each :math:`(v_i, c_i)` independent and
    uniform on :math:`\{1, 4\} \times \{0, 1\}` (16 equally likely profiles).
    ``"three"``: three producers, independent and uniform, with (value, cost) in
    {2, 5} x {0, 1}, {1, 4} x {0} and {3} x {1, 2}: 16 profiles, with ties.
    ``"weak_rival"``: two producers where the rival's good is sometimes worth less than its cost,
    so that the appendix residual and equation (2) differ.
    ``"runner_up"``: two profiles where a runner-up binds at the lowest residual of a segment
    with mass above it (the printed randomisation fails there).
    ``"monopoly"``: one producer, (v, c) uniform on {1, 2, 3, 5} x {0, 1}.
    ``"captive"``: two producers where the second's good is always worth less than its cost
    (values {2, 3, 5} x costs {0, 1} against value 1, cost 2): the construction needs no alerts.

    Examples
    --------
    >>> len(instance("example1")), instance("three").producers
    (16, 3)
    """
    if name == "example1":
        return _independent([((1, 4), (0, 1))] * 2)
    if name == "three":
        return _independent([((2, 5), (0, 1)), ((1, 4), (0,)), ((3,), (1, 2))])
    if name == "weak_rival":
        return FiniteMarket.from_profiles([
            ((4, 1), (1, 3), Fraction(1, 4)), ((4, 2), (1, 0), Fraction(1, 4)),
            ((2, 1), (0, 2), Fraction(1, 4)), ((3, 3), (0, 1), Fraction(1, 4)),
        ])
    if name == "monopoly":
        return _independent([((1, 2, 3, 5), (0, 1))])
    if name == "captive":
        return _independent([((2, 3, 5), (0, 1)), ((1,), (2,))])
    if name == "runner_up":
        return FiniteMarket.from_profiles([((3, 1), (0, 0), Fraction(1, 2)), ((4, 1), (0, 0), Fraction(1, 2))])
    raise ValueError(f"unknown instance {name!r}; known: example1, three, weak_rival, runner_up, monopoly, captive")

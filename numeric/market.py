r"""Independent witnesses for finite markets: the consumer's choice enumerated, prices scanned.

Every number here comes from the demand rule itself: the consumer's options (each good and
not buying) are enumerated, sales are read off at exact candidate prices and just below them,
the efficient surplus is the best of all allocations, and a residual is the highest price at
which a producer still sells against rivals at cost.  No formula of the appendix is used.
Arithmetic is exact (``Fraction``).

Paper: bbm, sections I--II.A, appendix A1.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from numeric.estimate import Samples, Witness
from symbolic.models.market import FiniteMarket, instance

__all__ = [
    "choice",
    "best_allocation",
    "outcome",
    "candidate_prices",
    "payoff_against_cost",
    "highest_selling_price",
    "lower_bound_by_search",
    "residual_masses",
    "model_demand",
    "model_surplus",
    "model_tsbar",
    "equation_one",
    "appendix_pstar",
    "equation_two",
    "appendix_residual_claim",
    "INSTANCES",
]

F = Fraction
INSTANCES = ("example1", "three", "weak_rival")


def choice(prices: Sequence[Fraction], values: Sequence[Fraction]) -> tuple[Fraction, ...]:
    """Purchase probabilities: the consumer ranks its options (goods and not buying) by surplus;
    a good is bought when it is ranked first and not below the outside option; ties are uniform.

    Examples
    --------
    >>> choice((F(3), F(1)), (F(4), F(2)))
    (Fraction(1, 2), Fraction(1, 2))
    >>> choice((F(5), F(3)), (F(4), F(2)))
    (Fraction(0, 1), Fraction(0, 1))
    """
    options = sorted(((v - p, i) for i, (v, p) in enumerate(zip(values, prices))), reverse=True)
    top = options[0][0]
    if top < 0:
        return tuple(F(0) for _ in values)
    winners = [i for s, i in options if s == top]
    return tuple(F(1, len(winners)) if i in winners else F(0) for i in range(len(values)))


def best_allocation(values: Sequence[Fraction], costs: Sequence[Fraction]) -> Fraction:
    """The largest surplus over all allocations (no sale, or a sale by one producer)."""
    return max([F(0)] + [v - c for v, c in zip(values, costs)])


def outcome(market: FiniteMarket, prices: Sequence[Sequence[Fraction]]) -> dict[str, Fraction]:
    """PS_i, CS and TS when profile k has pure prices ``prices[k]``, by enumerating the choice."""
    n = market.producers
    out = {f"PS_{i + 1}": F(0) for i in range(n)} | {"CS": F(0), "TS": F(0)}
    for (v, c, prob), p in zip(market.profiles(), prices):
        q = choice(p, v)
        for i in range(n):
            out[f"PS_{i + 1}"] += prob * q[i] * (p[i] - c[i])
            out["CS"] += prob * q[i] * (v[i] - p[i])
            out["TS"] += prob * q[i] * (v[i] - c[i])
    return out


def candidate_prices(market: FiniteMarket, i: int) -> list[Fraction]:
    """Every price of producer i at which some comparison in the demand rule against rivals at
    cost switches (v_i - p = v_j - c_j, or v_i - p = 0), in increasing order."""
    out = set()
    for v, c, _ in market.profiles():
        out.add(v[i])
        out |= {v[i] - v[j] + c[j] for j in range(market.producers) if j != i}
    return sorted(out)


def _at(c: Sequence[Fraction], i: int, p: Fraction) -> tuple[Fraction, ...]:
    return tuple(p if j == i else c[j] for j in range(len(c)))


def payoff_against_cost(market: FiniteMarket, i: int, cost: Fraction, price: Fraction) -> Fraction:
    """Producer i's expected profit over profiles with own cost ``cost`` at ``price``, rivals at cost."""
    return sum((prob * (price - cost) * choice(_at(c, i, price), v)[i]
                for v, c, prob in market.profiles() if c[i] == cost), F(0))


def lower_bound_by_search(market: FiniteMarket, i: int) -> tuple[Fraction, dict[Fraction, Fraction]]:
    """Equation (1) by search: for each own cost, the payoff at every candidate price and just
    below it (where sales are constant, so the payoff is (p - c) Q with Q read at a price inside).

    Returns the supremum summed over costs and, per cost, the lowest price whose left limit
    (or value) attains it (the cost itself when no positive profit exists).
    """
    total, best_prices = F(0), {}
    candidates = candidate_prices(market, i)
    for cost in sorted({c[i] for c in market.costs}):
        above = [p for p in candidates if p > cost]
        best, where = F(0), cost
        previous = cost
        for p in above:
            inside = (previous + p) / 2
            sales = payoff_against_cost(market, i, cost, inside) / (inside - cost)
            for value in ((p - cost) * sales, payoff_against_cost(market, i, cost, p)):
                if value > best:
                    best, where = value, p
            previous = p
        total += best
        best_prices[cost] = where
    return total, best_prices


def highest_selling_price(values: Sequence[Fraction], costs: Sequence[Fraction], i: int) -> Fraction:
    """The highest price at which producer i still sells (possibly with a tie), rivals at cost,
    found by scanning the prices where the consumer's comparisons switch."""
    n = len(values)
    candidates = sorted({values[i]} | {values[i] - values[j] + costs[j] for j in range(n) if j != i}, reverse=True)
    for p in candidates:
        if choice(_at(costs, i, p), values)[i] > 0:
            return p
    raise ValueError(f"producer {i + 1} sells at no candidate price")


def residual_masses(market: FiniteMarket, i: int) -> dict[Fraction, dict[Fraction, Fraction]]:
    """For each own cost: highest selling price (the residual) to its mass over the profiles where
    i sells at cost prices, weighted by i's purchase probability there."""
    out: dict[Fraction, dict[Fraction, Fraction]] = {}
    for v, c, prob in market.profiles():
        share = choice(c, v)[i]
        if share > 0 and prob > 0:
            r = highest_selling_price(v, c, i)
            d = out.setdefault(c[i], {})
            d[r] = d.get(r, F(0)) + prob * share
    return out


# ---------------------------------------------------------------------------------------------
# witnesses

_DEMAND_GRIDS = {(4, 1): (0, 1, 2, 3, 4, 5), (1, 4, 3): (0, 1, 3, 4)}


def model_demand(dps: int = 50) -> Witness:
    """Purchase probabilities by enumerating the consumer's ranking, on exact price grids with ties.

    Paper: bbm, section I.
    """
    from itertools import product

    values = {}
    for v, grid in _DEMAND_GRIDS.items():
        tag = ",".join(map(str, v))
        points = [dict(zip([f"p_{j + 1}" for j in range(len(v))], map(F, prices)))
                  for prices in product(grid, repeat=len(v))]
        chosen = [choice(tuple(pt.values()), tuple(map(F, v))) for pt in points]
        for i in range(len(v)):
            values[f"q_{i + 1}({tag})"] = Samples(tuple(points), tuple(q[i] for q in chosen))
        values[f"total({tag})"] = Samples(tuple(points), tuple(sum(q) for q in chosen))
    return Witness(values=values, method="consumer's ranking of options, enumerated on price grids")


def model_surplus(dps: int = 50) -> Witness:
    """Surplus split of Example 1 at uniform prices 3 and at cost, by enumerating purchases.

    Paper: bbm, section I.
    """
    m = instance("example1")
    values: dict[str, Fraction] = {}
    checks = {}
    for tag, prices in (("uniform", [(F(3), F(3))] * len(m)), ("cost", list(m.costs))):
        s = outcome(m, prices)
        values |= {f"{k}_{tag}": x for k, x in s.items()}
        values[f"identity_{tag}"] = s["PS_1"] + s["PS_2"] + s["CS"] - s["TS"]
        checks[f"{tag}: sale probability at most 1 in every profile"] = all(
            sum(choice(p, v)) <= 1 for (v, _, _), p in zip(m.profiles(), prices))
    return Witness(values=values, method="enumeration of the consumer's choice", checks=checks)


def model_tsbar(dps: int = 50) -> Witness:
    """TSbar as the best allocation per profile; TS of sample strategy profiles below it.

    Paper: bbm, section I.
    """
    values = {}
    for name in ("example1", "three"):
        m = instance(name)
        bound = sum((prob * best_allocation(v, c) for v, c, prob in m.profiles()), F(0))
        values[f"TSbar_{name}"] = bound
        profiles = (list(m.costs), [tuple(F(3) for _ in range(m.producers))] * len(m), list(m.values))
        values[f"TS_le_TSbar_{name}"] = all(outcome(m, p)["TS"] <= bound for p in profiles)
    return Witness(values=values, method="best allocation enumerated per profile")


def equation_one(dps: int = 50) -> Witness:
    """Equation (1) by scanning candidate prices with the demand rule.

    Paper: bbm, section II.A, equation (1).
    """
    values = {}
    for name in INSTANCES:
        m = instance(name)
        for i in range(m.producers):
            values[f"PS_{i + 1}_{name}"] = lower_bound_by_search(m, i)[0]
    return Witness(values=values, method="price scan against rivals at cost, with left limits")


def appendix_pstar(dps: int = 50) -> Witness:
    """p*(c_i) as the best price of the scan and the lower bound it gives.

    Paper: bbm, appendix A1.
    """
    values: dict[str, object] = {}
    same = True
    for name in INSTANCES:
        m = instance(name)
        for i in range(m.producers):
            total, prices = lower_bound_by_search(m, i)
            efficient_costs = {c[i] for v, c in zip(m.values, m.costs) if choice(c, v)[i] > 0}
            for cost, p in prices.items():
                if cost in efficient_costs:
                    values[f"pstar_{i + 1}_{name}_c{cost}"] = p
            values[f"PS_{i + 1}_{name}"] = total
            # the same bound from the distribution of highest selling prices: max_r (r - c) Pr(r_i >= r)
            through_residuals = sum((max([F(0)] + [(r - cost) * sum(x for s, x in d.items() if s >= r) for r in d])
                                     for cost, d in residual_masses(m, i).items()), F(0))
            same &= through_residuals == total
    values["equals_eq1"] = same
    return Witness(values=values, method="price scan against rivals at cost")


def equation_two(dps: int = 50) -> Witness:
    """Markups and the inefficient producers' best selling prices, by scanning the demand rule.

    Paper: bbm, section II.A, equation (2).
    """
    markup_ok, chain_ok, mean = True, True, F(0)
    for name in INSTANCES:
        m = instance(name)
        for v, c, prob in m.profiles():
            efficient = [i for i in range(m.producers) if choice(c, v)[i] > 0]
            for i in efficient:
                r = highest_selling_price(v, c, i)
                without = best_allocation([x for j, x in enumerate(v) if j != i], [x for j, x in enumerate(c) if j != i])
                markup_ok &= r - c[i] == best_allocation(v, c) - without
                for j in range(m.producers):
                    if j == i or j in efficient:
                        continue
                    prices = list(c)
                    prices[i] = r
                    # the highest price at which j sells against i at r_i (others at cost)
                    candidates = sorted({v[j] - v[k] + prices[k] for k in range(m.producers) if k != j} | {v[j]}, reverse=True)
                    sells = [p for p in candidates if choice(tuple(p if k == j else prices[k] for k in range(m.producers)), v)[j] > 0]
                    chain_ok &= not sells or sells[0] <= c[j]
        if name == "example1":
            mean = sum((prob * highest_selling_price(v, c, 0) for v, c, prob in m.profiles()), F(0))
    return Witness(values={"markup_is_marginal_contribution": markup_ok,
                           "inefficient_sells_at_most_at_cost": chain_ok,
                           "mean_residual_example1": mean},
                   method="highest selling price scanned; best allocations with and without i")


def appendix_residual_claim(dps: int = 50) -> Witness:
    """Mass of efficient profiles where the appendix formula is not the highest selling price.

    Paper: bbm, appendix A1.
    """
    values: dict[str, object] = {}
    explained = True
    for name in ("example1", "three", "weak_rival"):
        m = instance(name)
        mass = F(0)
        for v, c, prob in m.profiles():
            efficient = [i for i in range(m.producers) if choice(c, v)[i] > 0]
            for i in efficient:
                app = min(v[i] - v[j] + c[j] for j in range(m.producers) if j != i)
                sell = highest_selling_price(v, c, i)
                if app != sell:
                    mass += prob / len(efficient)
                    explained &= choice(_at(c, i, app), v)[i] == 0
        values[f"differ_{name}"] = mass
    values["differ_only_when_rivals_below_cost"] = explained
    return Witness(values=values, method="highest selling price by scan against the appendix formula",
                   checks={"where they differ, the appendix price sells nothing": explained})

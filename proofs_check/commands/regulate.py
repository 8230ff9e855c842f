"""``surplus regulate``: the efficient regulation of an oligopoly a user describes in JSON.

Prints each firm's virtual cost and its ironing (exact where sympy finds the hull, else
numeric), the yardstick caps at the given prices (or, without prices, the price at which a firm
alone stops being admitted and, for two firms, the caps along the rival's price), and the
expected welfare: the value of the relaxed problem (3), which equals the planner's objective (2)
at the optimum by Lemma 4.

MODEL.json::

    {"firms": [{"G": "x", "support": [0, 1], "Lambda": "x", "kappa": 1}, ...],
     "values": ["x", "x"], "value_support": [0, 1]}

``G`` is a CDF in x or ``{"atoms": {"x1": "p1", ...}}``; ``values`` is one marginal CDF per
good (independent goods) or ``{"profiles": [[v1, v2], ...], "probs": [...]}``; numbers are
integers, decimals or fraction strings such as ``"1/10"``.

Paper: yz, Lemma 3, problem (3), Lemma 4, Theorem 1 (PRYCE CAP), section 5.1.
"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import mpmath
import numpy as np
import sympy as sp

from numeric import ironing as ironing_num
from numeric import pryce_cap as pryce_cap_num
from proofs_check.commands import UsageError
from symbolic import ironing as ironing_sym
from symbolic.models import FiniteValues, Firm, IndependentValues, RegulationModel
from symbolic.models.regulation import x

__all__ = ["NAME", "HELP", "add_arguments", "run", "load_model", "parse_prices"]

NAME = "regulate"
HELP = "efficient regulation (virtual costs, ironing, PRYCE CAP caps, welfare) of a JSON model"

_FIRM_KEYS = {"G", "support", "Lambda", "kappa"}


def _number(value: Any, field: str) -> Fraction:
    """A JSON number or fraction string, exactly (decimals are read as written)."""
    if isinstance(value, bool) or value is None:
        raise UsageError(f"{field} must be a number; got {json.dumps(value)}")
    if isinstance(value, (int, Decimal)):
        return Fraction(value)
    if isinstance(value, str):
        try:
            return Fraction(value.strip())
        except (ValueError, ZeroDivisionError):
            raise UsageError(f"{field} must be a number or a fraction such as \"1/10\"; got {value!r}") from None
    raise UsageError(f"{field} must be a number; got {json.dumps(value, default=str)}")


def _expression(value: Any, field: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return str(value)
    raise UsageError(f"{field} must be a sympy expression in x (a string); got {json.dumps(value, default=str)}")


def _pair(value: Any, field: str) -> tuple[Fraction, Fraction]:
    if not isinstance(value, list) or len(value) != 2:
        raise UsageError(f"{field} must be a list [lo, hi]; got {json.dumps(value, default=str)}")
    return _number(value[0], f"{field}[0]"), _number(value[1], f"{field}[1]")


def load_model(path: Path) -> RegulationModel:
    """Read and validate MODEL.json; every error names the field and the rule.

    Raises
    ------
    UsageError
        For unreadable JSON or a missing or malformed field.
    ValueError, TypeError
        From the model's validation (named firm, point and rule).
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    except FileNotFoundError:
        raise UsageError(f"model file {path} does not exist") from None
    except json.JSONDecodeError as exc:
        raise UsageError(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    if not isinstance(data, dict):
        raise UsageError("the model must be a JSON object with keys firms, values, value_support")
    for key in ("firms", "values", "value_support"):
        if key not in data:
            raise UsageError(f"the model needs the key {key!r}")
    if not isinstance(data["firms"], list) or not data["firms"]:
        raise UsageError("firms must be a non-empty list of objects")
    firms = []
    for k, spec in enumerate(data["firms"], 1):
        where = f"firms[{k}]"
        if not isinstance(spec, dict):
            raise UsageError(f"{where} must be an object with keys G, support, Lambda, kappa")
        unknown = set(spec) - _FIRM_KEYS
        if unknown:
            raise UsageError(f"{where} has unknown keys {sorted(unknown)}; allowed: G, support, Lambda, kappa")
        for key in ("G", "support", "Lambda"):
            if key not in spec:
                raise UsageError(f"{where} needs the key {key!r}")
        G = spec["G"]
        if isinstance(G, dict):
            if set(G) != {"atoms"} or not isinstance(G["atoms"], dict):
                raise UsageError(f"{where}.G must be an expression in x or {{\"atoms\": {{\"x1\": \"p1\", ...}}}}")
            G = {str(_number(p, f"{where}.G atom point")): str(_number(q, f"{where}.G atom at {p}"))
                 for p, q in G["atoms"].items()}
        else:
            G = _expression(G, f"{where}.G")
        firms.append(Firm(G, _pair(spec["support"], f"{where}.support"), _expression(spec["Lambda"], f"{where}.Lambda"),
                          _number(spec.get("kappa", 0), f"{where}.kappa"), name=str(k)))
    values = data["values"]
    if isinstance(values, list):
        model_values = IndependentValues(tuple(_expression(v, f"values[{k}]") for k, v in enumerate(values, 1)),
                                         _pair(data["value_support"], "value_support"))
    elif isinstance(values, dict) and set(values) == {"profiles", "probs"}:
        profiles = values["profiles"]
        if not isinstance(profiles, list) or not all(isinstance(r, list) for r in profiles):
            raise UsageError("values.profiles must be a list of value vectors")
        model_values = FiniteValues(tuple(tuple(_number(v, f"values.profiles[{k}]") for v in row)
                                          for k, row in enumerate(profiles, 1)),
                                    tuple(_number(p, f"values.probs[{k}]") for k, p in enumerate(values["probs"], 1)))
    else:
        raise UsageError("values must be a list of marginal CDFs in x or {\"profiles\": [...], \"probs\": [...]}")
    return RegulationModel(tuple(firms), model_values)


def parse_prices(text: str, n: int) -> tuple[Fraction, ...]:
    """``"1/10,0.2"`` to exact prices, one per firm.

    Examples
    --------
    >>> parse_prices("1/10, 0.2", 2)
    (Fraction(1, 10), Fraction(1, 5))
    >>> parse_prices("1/10", 2)
    Traceback (most recent call last):
    ...
    proofs_check.commands.UsageError: --prices needs one price per firm (2); got 1
    """
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) != n:
        raise UsageError(f"--prices needs one price per firm ({n}); got {len(parts)}")
    prices = []
    for k, p in enumerate(parts, 1):
        try:
            value = Fraction(p)
        except (ValueError, ZeroDivisionError):
            raise UsageError(f"--prices: price {k} must be a number or a fraction; got {p!r}") from None
        if value < 0:
            raise UsageError(f"--prices: price {k} must be >= 0; got {p}")
        prices.append(value)
    return tuple(prices)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's arguments."""
    parser.add_argument("model", type=Path, metavar="MODEL.json", help="firms, Pareto weights, values (see the docs)")
    parser.add_argument("--prices", metavar="s1,s2,...", help="announced prices: show E^P and every firm's cap there")
    parser.add_argument("--plot", type=Path, metavar="FILE", help="draw the regions of E^P and the caps (two firms)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def _ironing(firm: Firm) -> dict[str, Any]:
    """Exact virtual cost and ironing where sympy finds them; numeric otherwise."""
    out: dict[str, Any] = {"psi": None, "phi": None, "intervals": [], "method": "exact"}
    try:
        out["psi"] = str(ironing_sym.virtual_cost(firm))
    except (ValueError, NotImplementedError):
        out["psi"] = None  # atoms or gaps: psi exists only in quantile space
    try:
        iron = ironing_sym.ironed_virtual_cost(firm)
        out["phi"] = str(iron.phi)
        out["intervals"] = [[str(a), str(b), str(v), float(sp.N(a)), float(sp.N(b)), float(sp.N(v))] for a, b, v in iron.intervals]
        out["_phi"] = sp.lambdify(x, iron.phi, "numpy")
        out["_atoms"] = {float(p): float(sp.N(iron.phi.subs(x, p))) for p, _ in firm.atoms()}
    except NotImplementedError as exc:
        out["method"] = f"numeric ({exc})"
        with mpmath.workdps(20):
            iron = ironing_num.ironing(firm)
            out["intervals"] = [[mpmath.nstr(a, 12), mpmath.nstr(b, 12), mpmath.nstr(v, 12), float(a), float(b), float(v)]
                                for a, b, v in iron.intervals]
            out["_phi"] = np.vectorize(lambda t: float(iron.phi(mpmath.mpf(t))))
            out["_atoms"] = {float(k): float(v) for k, v in iron.atom_values.items()}
    return out


def _quantile_types(firm: Firm, M: int) -> tuple[np.ndarray, np.ndarray]:
    """Types at the quantiles (k + 1/2)/M (midpoint rule in quantile space) and their weights."""
    u = (np.arange(M) + 0.5) / M
    lo, hi = float(firm.support[0]), float(firm.support[1])
    G = sp.lambdify(x, firm.G, "numpy")
    a, b = np.full(M, lo), np.full(M, hi)
    for _ in range(60):  # vectorised bisection for inf{t : G(t) >= u}
        m = (a + b) / 2
        up = np.asarray(G(m), dtype=float) >= u
        b = np.where(up, m, b)
        a = np.where(up, a, m)
    return b, np.full(M, 1.0 / M)


def _phi_values(iron: dict[str, Any], types: np.ndarray) -> np.ndarray:
    atoms = iron["_atoms"]
    out = np.asarray(iron["_phi"](types), dtype=float) * np.ones_like(types)
    for p, v in atoms.items():
        out = np.where(np.isclose(types, p, atol=1e-12), v, out)
    return out


def _entry_value(model: RegulationModel, prices: np.ndarray, subset: tuple[int, ...], nodes: int = 801) -> np.ndarray:
    """W(E; s) for arrays of price profiles (rows), by the layer-cake rule on a t-grid."""
    if not subset:
        return np.zeros(prices.shape[0])
    kappas = np.array([float(model.firms[j].kappa) for j in subset])
    fixed = prices[:, subset] @ kappas
    values = model.values
    if isinstance(values, FiniteValues):
        rows = np.array([[float(v) for v in r] for r in values.profiles])
        probs = np.array([float(p) for p in values.probs])
        surplus = rows[None, :, subset] - prices[:, None, subset]
        return np.maximum(surplus.max(axis=2), 0) @ probs - fixed
    lo, hi = float(values.support[0]), float(values.support[1])
    t = np.linspace(0, hi, nodes)
    product = np.ones((prices.shape[0], t.size))
    for j in subset:
        F = sp.lambdify(x, values.cdfs[j], "numpy")
        z = prices[:, [j]] + t[None, :]
        Fz = np.where(z >= hi, 1.0, np.where(z < lo, 0.0, np.asarray(F(np.clip(z, lo, hi)), dtype=float) * np.ones_like(z)))
        product *= Fz
    return np.trapezoid(1 - product, t, axis=1) - fixed


def _entry_sets(model: RegulationModel, prices: np.ndarray, nodes: int = 801) -> np.ndarray:
    """Index (bit mask) of E^P for each row of prices; ties to the larger set, then lower indices."""
    from itertools import combinations

    n = len(model.firms)
    subsets = [()] + [c for k in range(1, n + 1) for c in combinations(range(n), k)]
    subsets.sort(key=lambda c: (-len(c), c))
    W = np.stack([_entry_value(model, prices, c, nodes) for c in subsets], axis=1)
    best = np.argmax(W >= W.max(axis=1, keepdims=True) - 1e-12, axis=1)
    return np.array([sum(2**j for j in subsets[k]) for k in best])


def _welfare(model: RegulationModel, irons: list[dict[str, Any]]) -> tuple[float, str]:
    """Expected welfare: E_theta[max_E W(E; phi(theta))] on a quantile grid."""
    from itertools import combinations, product

    n = len(model.firms)
    M = max(6, int(round(4000 ** (1 / n)))) if n > 1 else 2000
    grids = []
    discrete = 0
    for firm, iron in zip(model.firms, irons):
        if firm.atoms() and all((firm.G.subs(x, p) - firm.G_left(p)) != 0 for p, _ in firm.atoms()) and \
                sum(m for _, m in firm.atoms()) == 1:
            types = np.array([float(p) for p, _ in firm.atoms()])
            weights = np.array([float(m) for _, m in firm.atoms()])
            discrete += 1
        else:
            types, weights = _quantile_types(firm, M)
        grids.append((_phi_values(iron, types), weights))
    phis = np.array(list(product(*[g[0] for g in grids])))
    weights = np.prod(np.array(list(product(*[g[1] for g in grids]))), axis=1)
    subsets = [()] + [c for k in range(1, n + 1) for c in combinations(range(n), k)]
    best = np.max(np.stack([_entry_value(model, phis, c) for c in subsets], axis=1), axis=1)
    if discrete == n:
        return float(best @ weights), f"enumeration of the {phis.shape[0]} type profiles"
    return float(best @ weights), f"midpoint rule on {phis.shape[0]} type profiles in quantile space"


def _caps_at(model: RegulationModel, prices: tuple[Fraction, ...]) -> dict[str, Any]:
    n = len(model.firms)
    caps = {}
    with mpmath.workdps(20):
        for i in range(n):
            others = {j: mpmath.mpf(p.numerator) / p.denominator for j, p in enumerate(prices) if j != i}
            try:
                value = pryce_cap_num.cap(model, i, others, upper=_price_ceiling(model))
                caps[str(i + 1)] = "inf" if value == mpmath.inf else mpmath.nstr(value, 12)
            except ValueError:
                caps[str(i + 1)] = "excluded at every price"
        entry = pryce_cap_num.entry_set(model, tuple(mpmath.mpf(p.numerator) / p.denominator for p in prices))
    return {"caps": caps, "entry_set": [j + 1 for j in entry]}


def _price_ceiling(model: RegulationModel) -> Fraction:
    values = model.values
    if isinstance(values, FiniteValues):
        return max(max(r) for r in values.profiles) + 1
    return Fraction(int(values.support[1].p), int(values.support[1].q)) * 2


def _alone_thresholds(model: RegulationModel) -> dict[str, str]:
    out = {}
    n = len(model.firms)
    ceiling = _price_ceiling(model)
    with mpmath.workdps(20):
        for i in range(n):
            others = {j: mpmath.mpf(ceiling.numerator) / ceiling.denominator for j in range(n) if j != i}
            try:
                value = pryce_cap_num.cap(model, i, others, upper=ceiling)
                out[str(i + 1)] = mpmath.nstr(value, 12)
            except ValueError:
                out[str(i + 1)] = "never admitted"
    return out


def _plot(model: RegulationModel, path: Path) -> None:
    if len(model.firms) != 2:
        raise UsageError("--plot draws the regions of E^P for two firms; this model has " f"{len(model.firms)}")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    top = float(_price_ceiling(model)) / 2
    n = 201
    grid = np.linspace(0, top, n)
    S1, S2 = np.meshgrid(grid, grid)
    codes = _entry_sets(model, np.column_stack([S1.ravel(), S2.ravel()]), nodes=401).reshape(S1.shape)
    fig, ax = plt.subplots(figsize=(6, 5.4))
    ax.pcolormesh(S1, S2, codes, cmap=ListedColormap(["#eeeeee", "#c6dbef", "#fdd0a2", "#c7e9c0"]),
                  vmin=-0.5, vmax=3.5, shading="auto", rasterized=True)
    ax.set_xlabel("$s_1$")
    ax.set_ylabel("$s_2$")
    ax.set_title("Regions of $\\mathcal{E}^P(s_1, s_2)$; their boundaries are the caps")
    ax.legend(handles=[Patch(color=c, label=l) for c, l in
                       (("#c7e9c0", "{1,2}"), ("#c6dbef", "{1}"), ("#fdd0a2", "{2}"), ("#eeeeee", "none"))], loc="upper right")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)


def run(args: argparse.Namespace) -> int:
    """Run the command."""
    model = load_model(args.model)
    prices = parse_prices(args.prices, len(model.firms)) if args.prices else None
    irons = [_ironing(f) for f in model.firms]
    welfare, how = _welfare(model, irons)
    result: dict[str, Any] = {
        "virtual_costs": {str(k): {"psi": it["psi"], "phi": it["phi"], "method": it["method"],
                                   "phi_at_atoms": {str(p): v for p, v in it["_atoms"].items()}}
                          for k, it in enumerate(irons, 1)},
        "ironing_intervals": {str(k): [{"from": a, "to": b, "value": v, "from_float": fa, "to_float": fb, "value_float": fv}
                                       for a, b, v, fa, fb, fv in it["intervals"]] for k, it in enumerate(irons, 1)},
        "welfare": welfare,
        "welfare_method": how,
    }
    if prices is not None:
        at = _caps_at(model, prices)
        result["prices"] = [str(p) for p in prices]
        result["caps"] = at["caps"]
        result["entry_set"] = at["entry_set"]
    else:
        result["caps"] = {"alone": _alone_thresholds(model)}
        if len(model.firms) == 2:
            along = {}
            ceiling = _price_ceiling(model)
            for k in range(5):
                s = Fraction(k, 4) * ceiling / 2
                along[str(s)] = _caps_at(model, (s, s))["caps"]
            result["caps"]["along_diagonal"] = along
    if args.plot:
        _plot(model, args.plot)
        result["plot"] = str(args.plot)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    lines = []
    for k, it in enumerate(irons, 1):
        lines.append(f"firm {k}:")
        lines.append(f"  virtual cost psi = {it['psi'] if it['psi'] else '(atoms or gaps: defined in quantile space)'}")
        lines.append(f"  ironed phi       = {it['phi'] if it['phi'] else '(numeric)'}  [{it['method']}]")
        if it["_atoms"]:
            lines.append("  phi at the atoms: " + ", ".join(f"{p:g} -> {v:.6g}" for p, v in it["_atoms"].items()))
        if it["intervals"]:
            for a, b, v, fa, fb, fv in it["intervals"]:
                lines.append(f"  ironing interval [{a}, {b}] ~ [{fa:.6g}, {fb:.6g}], phi = {v} ~ {fv:.6g}")
        else:
            lines.append("  no ironing interval (psi is nondecreasing)")
    if prices is not None:
        lines.append(f"announced prices {', '.join(str(p) for p in prices)}: E^P = {{{', '.join(map(str, result['entry_set']))}}}")
        for k, c in result["caps"].items():
            lines.append(f"  cap of firm {k} against the others' prices: {c}")
    else:
        lines.append("price above which a firm alone is not admitted (rivals out): "
                     + ", ".join(f"firm {k}: {v}" for k, v in result["caps"]["alone"].items()))
        if "along_diagonal" in result["caps"]:
            lines.append("caps when both announce s (firm 1, firm 2):")
            for s, c in result["caps"]["along_diagonal"].items():
                lines.append(f"  s = {s}: {c['1']}, {c['2']}")
    lines.append(f"expected welfare (value of (3) = objective (2) by Lemma 4): {welfare:.6f} ({how})")
    if args.plot:
        lines.append(f"wrote {args.plot}")
    print("\n".join(lines))
    return 0

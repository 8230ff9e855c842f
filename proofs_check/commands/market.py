"""``surplus market PRIOR.json [--json]``: Theorem 1 for a finite prior a user brings.

The prior is ``{"producers": N, "profiles": [{"v": [...], "c": [...], "p": "1/16"}, ...]}``
(numbers as integers or exact fraction strings).  The command prints the efficient surplus,
each producer's lower bound, the maximal consumer surplus, the segmentation of every
(producer, own cost) and whether the constructed equilibrium passed the exact verification;
``--json`` prints one object with the keys ``tsbar``, ``lower_bounds``, ``max_cs``,
``segmentations`` and ``equilibrium_verified`` (exact values as fraction strings).

Paper: bbm, section II.A (Theorem 1) and appendix A1.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from proofs_check.commands import UsageError

__all__ = ["NAME", "HELP", "add_arguments", "run", "solve"]

NAME = "market"
HELP = "Theorem 1 for a finite prior: lower bounds, maximal CS, segmentation, verified equilibrium"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The prior file, ``--json`` and the runner-up randomisation to verify."""
    parser.add_argument("prior", type=Path, metavar="PRIOR.json", help="the finite prior (see 'surplus market --help')")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--mixing", choices=("derived", "printed"), default="derived",
                        help="runner-up randomisation: derived from the whole segment (default) or as printed")


def _load(path: Path) -> Any:
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    try:
        return json.loads(path.read_text())
    except json.JSONDecodeError as exc:
        raise UsageError(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path} is not a UTF-8 text file") from None


def solve(data: Any, mixing: str = "derived") -> dict[str, Any]:
    """Everything the command reports, for a parsed prior (exact values as fraction strings).

    Examples
    --------
    >>> out = solve({"producers": 1, "profiles": [{"v": [2], "c": [0], "p": "1/2"}, {"v": [1], "c": [0], "p": "1/2"}]})
    >>> out["tsbar"], out["lower_bounds"], out["max_cs"], out["equilibrium_verified"]
    ('3/2', ['1'], '1/2', True)
    """
    from numeric.alignment import verify
    from symbolic.alignment import construction
    from symbolic.market import lower_bound_surplus, tsbar
    from symbolic.models import FiniteMarket

    market = FiniteMarket.from_json(data)
    bound = tsbar(market)
    lower = [lower_bound_surplus(market, i) for i in range(market.producers)]
    structure = construction(market, mixing)
    result = verify(structure)
    segs = []
    for (i, cost), seg in sorted(structure.segmentations.items()):
        segs.append({
            "producer": i + 1,
            "cost": str(cost),
            "pstar": str(seg.price),
            "segments": [{"weight": str(w), "price": str(x.lowest),
                          "residuals": {str(r): str(m) for r, m in zip(x.points, x.masses)}}
                         for x, w in zip(seg.segments, seg.weights)],
        })
    return {
        "producers": market.producers,
        "profiles": len(market),
        "tsbar": str(bound),
        "lower_bounds": [str(ps) for ps, _ in lower],
        "pstar": [{str(c): str(p) for c, p in prices.items()} for _, prices in lower],
        "max_cs": str(bound - sum(ps for ps, _ in lower)),
        "segmentations": segs,
        "mixing": mixing,
        "equilibrium_verified": result.equilibrium,
        "verified_surplus": {k: str(v) for k, v in result.surplus.items()},
        "welfare_matches_theorem": (result.surplus["TS"] == bound
                                    and all(result.surplus[f"PS_{i + 1}"] == lower[i][0] for i in range(market.producers))),
        "deviations": [str(d) for d in result.deviations],
        "information_sets": result.information_sets,
        "prices_checked": result.prices_checked,
    }


def _text(out: dict[str, Any]) -> str:
    lines = [f"{out['profiles']} profiles, {out['producers']} producers",
             f"efficient surplus TSbar        {out['tsbar']}"]
    for i, ps in enumerate(out["lower_bounds"], 1):
        prices = ", ".join(f"p*({c}) = {p}" for c, p in out["pstar"][i - 1].items())
        lines.append(f"lower bound PS_{i}              {ps}" + (f"   ({prices})" if prices else ""))
    lines.append(f"maximal consumer surplus       {out['max_cs']}")
    lines.append("")
    lines.append("segmentation of the efficient producer's residual (weight: price | residual:mass ...)")
    if not out["segmentations"]:
        lines.append("  (none: no producer is ever efficient, so every producer prices at cost)")
    for s in out["segmentations"]:
        lines.append(f"  producer {s['producer']}, cost {s['cost']}, p* = {s['pstar']}:")
        for seg in s["segments"]:
            body = "  ".join(f"{r}:{m}" for r, m in seg["residuals"].items())
            tie = "   (residual = cost: a tie, priced at cost)" if seg["price"] == s["cost"] else ""
            lines.append(f"    {seg['weight']:>10}: price {seg['price']} | {body}{tie}")
    lines.append("")
    verdict = "passed" if out["equilibrium_verified"] else "FAILED"
    lines.append(f"equilibrium verification ({out['mixing']} randomisation): {verdict} "
                 f"({out['information_sets']} signals, {out['prices_checked']} prices and intervals checked)")
    lines.append("verified welfare: " + ", ".join(f"{k} = {v}" for k, v in out["verified_surplus"].items())
                 + ("  (= the theorem's)" if out["welfare_matches_theorem"] else "  (differs from the theorem's)"))
    for d in out["deviations"][:10]:
        lines.append(f"  profitable deviation: {d}")
    if len(out["deviations"]) > 10:
        lines.append(f"  ... and {len(out['deviations']) - 10} more")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Load, solve, print; exit 0 when the equilibrium verification passed, 1 otherwise."""
    out = solve(_load(args.prior), args.mixing)
    print(json.dumps(out, indent=2) if args.json else _text(out))
    return 0 if out["equilibrium_verified"] else 1

"""``surplus hotelling``: the consumer-optimal information for a symmetric prior of the residual.

Prints b*, B*, CS, TS and PS of this paper's solution (G_b^B, producers learn who is interim
efficient), with the closed form when sympy finds one, and the Armstrong--Zhou benchmark
(producers uninformed, equal pure-strategy prices).

Paper: bbm, section III.C, Theorem 3, appendix A3.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import mpmath
import sympy as sp

from numeric.hotelling import armstrong_zhou, optimal_information
from proofs_check.commands import UsageError
from symbolic import hotelling as hotelling_sym
from symbolic.models import SymmetricResidual

__all__ = ["NAME", "HELP", "add_arguments", "run", "parse_atoms"]

NAME = "hotelling"
HELP = "consumer-optimal information in the Hotelling model for a prior F of the residual"


def parse_atoms(text: str) -> dict[str, str]:
    """``"-1=1/2,1=1/2"`` to ``{"-1": "1/2", "1": "1/2"}``.

    Examples
    --------
    >>> parse_atoms("-1=1/2, 1=1/2")
    {'-1': '1/2', '1': '1/2'}
    >>> parse_atoms("-1:1/2")
    Traceback (most recent call last):
    ...
    proofs_check.commands.UsageError: --atoms takes 'r1=p1,r2=p2,...'; could not read '-1:1/2'
    """
    if not isinstance(text, str) or not text.strip():
        raise UsageError("--atoms needs a value such as '-1=1/2,1=1/2'")
    out: dict[str, str] = {}
    for part in (p.strip() for p in text.split(",") if p.strip()):
        if part.count("=") != 1:
            raise UsageError(f"--atoms takes 'r1=p1,r2=p2,...'; could not read {part!r}")
        x, q = (s.strip() for s in part.split("="))
        if x in out:
            raise UsageError(f"--atoms lists the position {x} twice")
        out[x] = q
    if not out:
        raise UsageError("--atoms is empty; give 'r1=p1,r2=p2,...'")
    return out


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's flags."""
    prior = parser.add_mutually_exclusive_group(required=True)
    prior.add_argument("--cdf", metavar="EXPR", help="F(r) as a sympy expression in r on [-V, V], e.g. '(r+1)/2'")
    prior.add_argument("--atoms", metavar="r1=p1,...", help="atoms with exact probabilities, e.g. --atoms=-1=1/2,1=1/2")
    parser.add_argument("--vbar", default="1", metavar="V", help="support bound V (default 1), exact")
    parser.add_argument("--dps", type=int, default=30, help="digits for the numeric solver (default 30)")
    parser.add_argument("--json", action="store_true", help="print a JSON object")
    parser.add_argument("--plot", type=Path, metavar="FILE", help="write Figure 2 for this F (PDF and PNG)")


def _prior(args: argparse.Namespace) -> SymmetricResidual:
    if args.atoms is not None:
        return SymmetricResidual.from_atoms(parse_atoms(args.atoms), vbar=args.vbar)
    if not isinstance(args.cdf, str) or not args.cdf.strip():
        raise UsageError("--cdf needs a formula in r such as '(r+1)/2'")
    return SymmetricResidual.from_cdf(args.cdf, vbar=args.vbar)


def _closed_form(F: SymmetricResidual) -> dict[str, str] | None:
    try:
        d = hotelling_sym.optimal_information(F)
    except NotImplementedError:
        return None
    return {name: sp.sstr(value) for name, value in d.values.items()}


def run(args: argparse.Namespace) -> int:
    """Solve and print."""
    if not 15 <= args.dps <= 200:
        raise UsageError(f"--dps must be between 15 and 200; got {args.dps}")
    F = _prior(args)
    with mpmath.workdps(args.dps):
        solution = optimal_information(F, dps=args.dps)
        numbers = {k: mpmath.nstr(v, args.dps) for k, v in
                   (("b", solution.b), ("B", solution.B), ("cs", solution.cs), ("ts", solution.ts), ("ps", solution.ps),
                    ("t", solution.binding[0]))}
    closed = _closed_form(F)
    benchmark = armstrong_zhou(F, n=200)
    bench = {"price": round(benchmark.price, 4), "cs": round(benchmark.cs, 4), "ts": round(benchmark.ts, 4),
             "grid": 200, "accuracy": "about 1e-3 (linear program on a 201-point grid)"}
    if args.plot is not None:
        from proofs_check.figures.hotelling import figure2

        figure2(F, args.plot)
    if args.json:
        binding = [mpmath.nstr(t, 12) for t in solution.binding]
        print(json.dumps({**numbers, "binding": binding, "closed_form": closed, "benchmark": bench, "dps": args.dps,
                          "plot": str(args.plot.with_suffix(".pdf")) if args.plot else None}, indent=2))
        return 0
    prior = (f"atoms {dict((str(x), str(q)) for x, q in F.atoms)}" if F.atoms is not None else f"F(r) = {F.cdf_expr}")
    lines = [f"prior: {prior} on [-{F.vbar}, {F.vbar}]",
             "this paper (producers learn who is interim efficient; the efficient one prices at b*):"]
    for key, label in (("b", "b*"), ("B", "B*"), ("cs", "CS"), ("ts", "TS"), ("ps", "PS"), ("t", "binds at t")):
        exact = closed.get({"cs": "CS", "ts": "TS", "ps": "PS"}.get(key, key)) if closed else None
        lines.append(f"  {label:12s} = {numbers[key]}" + (f"   [closed form: {exact}]" if exact else ""))
    if len(solution.binding) > 1:
        lines.append("  the contraction constraint binds at t = " + ", ".join(mpmath.nstr(t, 8) for t in solution.binding))
    if closed is None:
        lines.append("  (no closed form: sympy could not solve the tangency condition, or another constraint binds)")
    lines += ["benchmark (Armstrong-Zhou: producers uninformed, equal pure-strategy prices; LP, accuracy ~1e-3):",
              f"  price = {bench['price']}, CS = {bench['cs']}, TS = {bench['ts']}"]
    if args.plot is not None:
        lines.append(f"wrote {args.plot.with_suffix('.pdf')} and {args.plot.with_suffix('.png')}")
    print("\n".join(lines))
    return 0
